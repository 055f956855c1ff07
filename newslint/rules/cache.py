"""A pickled copy of the built-in rule packs, so that start-up skips parsing YAML.

The copy lives in the user's cache folder ($XDG_CACHE_HOME/newslint or ~/.cache/newslint) and is
named after a hash of newslint's version and of every file of the packs: a changed rule or word
list gives a new name, so the copy is never stale. A copy that cannot be read or written is simply
not used.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from contextlib import suppress
from functools import lru_cache
from pathlib import Path
from typing import Any

from newslint import __version__


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newslint"


_CODE = Path(__file__).resolve().parent.parent  # the newslint package: a pickle holds its classes


@lru_cache(maxsize=4)
def fingerprint(folder: Path) -> str:
    """A hash of the version, the packs' files and newslint's own code (whose classes the copy
    holds), so that no change to any of them can meet a stale copy."""
    digest = hashlib.sha256(f"newslint {__version__}\0".encode())
    for base, suffixes in ((folder, (".yaml", ".yml", ".txt")), (_CODE, (".py",))):
        for path in sorted(p for p in base.rglob("*") if p.is_file() and p.suffix in suffixes):
            digest.update(str(path.relative_to(base)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def _path(folder: Path) -> Path:
    return cache_folder() / f"rules-{fingerprint(folder)}.pickle"


def load(folder: Path) -> Any:
    if os.environ.get("NEWSLINT_NO_RULE_CACHE"):
        return None
    try:
        with open(_path(folder), "rb") as handle:
            return pickle.load(handle)  # noqa: S301 - our own file, in the user's own cache folder
    except Exception:  # noqa: BLE001 - a missing or unreadable copy: parse the packs instead
        return None


def store(folder: Path, rules: Any) -> None:
    if os.environ.get("NEWSLINT_NO_RULE_CACHE"):
        return
    import tempfile

    with suppress(Exception):
        target = _path(folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        try:
            with os.fdopen(descriptor, "wb") as handle:
                pickle.dump(rules, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, target)
        except BaseException:
            with suppress(OSError):
                os.unlink(temporary)
            raise
        _prune(target)


KEEP = 4  # copies kept: a few versions or checkouts side by side; older ones go


def _prune(newest: Path) -> None:
    copies = sorted(newest.parent.glob("rules-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in copies[KEEP:]:
        with suppress(OSError):
            old.unlink()
