"""Output formats: each a pure function from a run's summary to text (yamllint's formatters are
the model). Formats that need other units than code points (SARIF's UTF-16 columns) convert here,
at the edge."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from newslint.findings import Finding
from newslint.records import field, record
from newslint.regexes import lazy
from newslint.rules.base import RuleInfo

if TYPE_CHECKING:
    from newslint.config import Config


@record(frozen=True)
class RunSummary:
    """What a format may show: the findings, the files checked, and what --fix did."""

    findings: Sequence[Finding]
    files: Sequence[str] = ()
    fixed: int | None = None  # findings fixed by --fix (None: not a --fix run)
    unsafe: bool = False  # --unsafe-fixes: unsafe fixes count as fixable
    rules: Mapping[str, RuleInfo] = field(default_factory=dict)  # rule metadata, by id
    texts: Mapping[str, str] = field(default_factory=dict)  # file texts, for formats that need them
    config: Config | None = None  # the settings of the run (the HTML report shows them)
    started: float | None = None  # when the run started, in seconds since the epoch (the HTML report shows it)
    errors: Sequence[str] = ()  # files that could not be read or checked, one line each
    show_source: bool = False  # the text format shows each translation's source under its finding


Formatter = Callable[[RunSummary], str]

# Control characters, lone surrogates (a file name's bytes that are not UTF-8, kept by Python as
# U+DC80..U+DCFF) and the two non-characters XML refuses.
_UNPRINTABLE = lazy("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]", engine="re")  # compiled when a text needs it
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """Text that is safe to print, and valid UTF-8 in any format: control characters (an escape
    sequence that would recolour a terminal, a newline that would forge another line of output)
    and undecodable bytes of a file name are written as escapes (\\n, \\x1b, \\xe9)."""
    if text.isprintable():  # no control, surrogate or unassigned character: the common case, quick
        return text
    return _UNPRINTABLE.sub(_escape, text) if _UNPRINTABLE.search(text) else text


def _escape(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def formats() -> dict[str, Formatter]:
    from newslint.output import github, gitlab, html_report, json, junit, sarif, text

    return {
        "text": text.render,
        "json": json.render,
        "github": github.render,
        "sarif": sarif.render,
        "junit": junit.render,
        "gitlab": gitlab.render,
        "html": html_report.render,
    }


FORMAT_NAMES = ("text", "json", "github", "sarif", "junit", "gitlab", "html")
# Formats that read the flagged words from the files' texts (columns, fingerprints, the story).
NEEDS_TEXTS = frozenset({"sarif", "gitlab", "html"})
