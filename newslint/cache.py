"""The result cache: findings of a file, kept in .newslint_cache/ between runs.

An entry is keyed on the file's text, the rule set (every rule file and word list, and
newslint's own code), the configuration and the version: any change to one of them gives a new
key, so an entry is never stale. Only complete results are kept (no rule failed, no LanguageTool).
"""

from __future__ import annotations

import hashlib
import json
import os
from contextlib import suppress
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from newslint import __version__
from newslint.config import Config
from newslint.findings import Finding, Fix
from newslint.formats.reader import format_of
from newslint.rules import cache as rule_cache
from newslint.rules.base import WORDLISTS_READ, builtin_rules_dir

FOLDER = ".newslint_cache"


def folder_for(config: Config) -> Path:
    """Beside the configuration file, or in the current folder."""
    return Path(config.root or ".") / FOLDER


@lru_cache(maxsize=8)
def fingerprint(config: Config) -> str:
    """What the findings of a text depend on, besides the text."""
    digest = hashlib.sha256(f"newslint {__version__}\0".encode())
    if config.builtin_rules:
        digest.update(rule_cache.fingerprint(builtin_rules_dir()).encode())
    extra_files = []
    for extra in config.rules:
        path = Path(extra)
        extra_files += sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    builtin = builtin_rules_dir()
    extra_files += sorted(p for p in WORDLISTS_READ if builtin not in p.parents)  # lists user rules read
    for file in extra_files:
        with suppress(OSError):
            digest.update(str(file).encode() + b"\0" + file.read_bytes())
    settings = {key: value for key, value in asdict(config).items() if key not in ("path", "root")}
    digest.update(json.dumps(settings, sort_keys=True, default=str).encode())
    return digest.hexdigest()


class ResultCache:
    def __init__(self, config: Config) -> None:
        self.folder = folder_for(config) / "results"
        self._fingerprint = fingerprint(config)

    def _path(self, text: str, path: str) -> Path:
        """The entry for a text read as the format its path implies (a .md is not a .txt)."""
        salt = f"{self._fingerprint}\0{format_of(path)}\0".encode()
        key = hashlib.sha256(salt + text.encode("utf-8", "surrogatepass")).hexdigest()
        return self.folder / key[:2] / f"{key}.json"

    def get(self, text: str, path: str) -> list[Finding] | None:
        """The findings kept for this text, or None: also when the entry is damaged (cut short,
        edited, of another shape), which its digest tells."""
        try:
            entry = json.loads(self._path(text, path).read_text(encoding="utf-8"))
            records = entry["findings"]
            if entry["digest"] != _digest(records):
                return None
            return [_finding(dict(record), path) for record in records]
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None

    def put(self, text: str, path: str, findings: list[Finding]) -> None:
        import tempfile

        target = self._path(text, path)
        with suppress(OSError):
            if not target.parent.is_dir():
                mark_as_cache(self.folder.parent)
                target.parent.mkdir(parents=True, exist_ok=True)
            records = [
                {key: value for key, value in finding.to_dict().items() if key != "path"} for finding in findings
            ]
            descriptor, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                json.dump({"findings": records, "digest": _digest(records)}, handle, ensure_ascii=False)
            os.replace(temporary, target)


def _digest(records: list) -> str:
    return hashlib.sha256(json.dumps(records, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def mark_as_cache(folder: Path) -> None:
    """Make the cache folder and mark it as a cache: ignored by git, skipped by backup tools (it
    holds what was found in unpublished copy)."""
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# Created by newslint: a cache, never to be committed.\n*\n", encoding="utf-8")
    tag = folder / "CACHEDIR.TAG"
    if not tag.exists():
        tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n# newslint's result cache\n", encoding="utf-8")


def _finding(record: dict, path: str) -> Finding:
    fix = record.pop("fix")
    return Finding(path=path, fix=Fix(**fix) if fix else None, **record)
