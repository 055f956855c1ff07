"""The page's own style and script, inlined, and the Content-Security-Policy that lets only them
run: the report opens from disk, from a CI artifact or an e-mail, so it may load nothing, and
nothing a story holds may ever run."""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from importlib import resources


@cache
def asset(name: str) -> str:
    """report.css or report.js, shipped beside this module."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(style: str, script: str) -> str:
    """Nothing by default; the one inline style and the one inline script, by their hashes (no
    'unsafe-inline', so an element or attribute that slipped through could not run either)."""
    return "; ".join(
        (
            "default-src 'none'",
            f"style-src {_hash(style)}",
            f"script-src {_hash(script)}",
            "img-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )


def css_string(text: str) -> str:
    """Text as a CSS string literal that cannot end the string or the style element: every
    character but letters, digits and plain punctuation written as a hex escape."""
    safe = " .,;:!?'()-/"
    return '"' + "".join(char if char.isalnum() or char in safe else f"\\{ord(char):x} " for char in text) + '"'
