"""The result cache: findings of a file, kept in .newslint_cache/ between runs.

An entry is keyed on the file's text, the rule set (every rule file and word list, and
newslint's own code), the configuration and the version: any change to one of them gives a new
key, so an entry is never stale. Only complete results are kept (no rule failed, no LanguageTool).
Entries are signed data (see cachefiles.py), and what one says is validated as untrusted input:
a finding outside the text, of an unknown level or shape, makes the entry a miss.
"""

from __future__ import annotations

import json
from contextlib import suppress
from functools import lru_cache
from pathlib import Path
from typing import Any

from newslint import __version__, cachefiles, digests
from newslint.config import Config
from newslint.digests import blake2b
from newslint.findings import SEVERITIES, Finding, Fix
from newslint.formats.reader import format_of
from newslint.packs_memo import packs_digest
from newslint.records import asdict
from newslint.rules.base import WORDLISTS_READ, builtin_rules_dir

FOLDER = ".newslint_cache"


def folder_for(config: Config) -> Path:
    """Beside the configuration file, or in the current folder."""
    return Path(config.root or ".") / FOLDER


@lru_cache(maxsize=8)
def fingerprint(config: Config) -> str:
    """What the findings of a text depend on, besides the text."""
    digest = blake2b(f"newslint {__version__}\0".encode(), digest_size=32)
    code = packs_digest(builtin_rules_dir()) if config.builtin_rules else cachefiles.code_digest()
    digest.update(code.encode())
    extra_files = []
    for extra in config.rules:
        path = Path(extra)
        extra_files += sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    builtin = builtin_rules_dir()
    extra_files += sorted(p for p in map(Path, WORDLISTS_READ) if builtin not in p.parents)  # lists user rules read
    for file in extra_files:
        with suppress(OSError):
            digest.update(str(file).encode() + b"\0" + file.read_bytes())
    settings = {key: value for key, value in asdict(config).items() if key not in ("path", "root")}
    digest.update(json.dumps(settings, sort_keys=True, default=str).encode())
    return digest.hexdigest()


class ResultCache:
    def __init__(self, config: Config) -> None:
        self.root = folder_for(config)
        self._fingerprint = fingerprint(config)

    def _name(self, text: str, path: str) -> tuple[str, str]:
        """(subfolder, entry name) for a text read as the format its path implies (a .md is not a .txt)."""
        salt = f"{self._fingerprint}\0{format_of(path)}\0".encode()
        key = digests.hexdigest(salt + text.encode("utf-8", "surrogatepass"))
        return key[:2], f"{key}.json"

    def get(self, text: str, path: str) -> list[Finding] | None:
        """The findings kept for this text, or None: also when the entry is not one this user's
        newslint wrote for this text, or says something no run could have found."""
        subfolder, name = self._name(text, path)
        folder = cachefiles.own_folder(self.root.parent, self.root.name, "results", subfolder, create=False)
        payload = cachefiles.read_entry(folder, name) if folder is not None else None
        if payload is None:
            return None
        try:
            records = json.loads(payload)
            if not isinstance(records, list):
                return None
            return [_finding(record, path, len(text)) for record in records]
        except (ValueError, TypeError, KeyError, RecursionError):
            return None

    def put(self, text: str, path: str, findings: list[Finding]) -> None:
        subfolder, name = self._name(text, path)
        folder = cachefiles.own_folder(self.root, "results", subfolder) if mark_as_cache(self.root) else None
        if folder is None:
            return
        records = [{key: value for key, value in finding.to_dict().items() if key != "path"} for finding in findings]
        cachefiles.write_entry(folder, name, json.dumps(records, ensure_ascii=False).encode("utf-8", "surrogatepass"))


def mark_as_cache(folder: Path) -> bool:
    """Make the cache folder and mark it as a cache: ignored by git, skipped by backup tools (it
    holds what was found in unpublished copy). False when it cannot be used: a link, a file,
    another user's folder."""
    if cachefiles.own_folder(folder.parent, folder.name) is None:
        return False
    cachefiles.create_file(folder / ".gitignore", "# Created by newslint: a cache, never to be committed.\n*\n")
    cachefiles.create_file(
        folder / "CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n# newslint's result cache\n"
    )
    return True


_FINDING_FIELDS = frozenset(
    {"line", "column", "end_line", "end_column", "start", "end", "rule", "severity", "message", "fix"}
)


def _finding(record: Any, path: str, length: int) -> Finding:
    """A finding from an entry, or ValueError when the record is not one newslint could have
    written for a text of this length."""
    if not isinstance(record, dict) or set(record) != _FINDING_FIELDS:
        raise ValueError("not a finding")
    numbers = [record[key] for key in ("start", "end", "line", "column", "end_line", "end_column")]
    if not all(type(number) is int for number in numbers):
        raise ValueError("not a position")
    start, end, line, column, end_line, end_column = numbers
    if not (0 <= start <= end <= length and 1 <= line <= end_line and column >= 1 and end_column >= 1):
        raise ValueError("outside the text")
    rule, severity, message = record["rule"], record["severity"], record["message"]
    if not (isinstance(rule, str) and rule and isinstance(message, str) and severity in SEVERITIES):
        raise ValueError("not a rule's finding")
    return Finding(
        path, start, end, line, column, end_line, end_column, rule, severity, message, _fix(record["fix"], length)
    )


def _fix(record: Any, length: int) -> Fix | None:
    if record is None:
        return None
    if not isinstance(record, dict) or set(record) != {"replacement", "start", "end", "applicability"}:
        raise ValueError("not a fix")
    start, end, replacement = record["start"], record["end"], record["replacement"]
    if not (type(start) is int and type(end) is int and 0 <= start <= end <= length and isinstance(replacement, str)):
        raise ValueError("not a fix in the text")
    if record["applicability"] not in ("safe", "unsafe"):
        raise ValueError("unknown applicability")
    return Fix(replacement, start, end, record["applicability"])
