"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

SARIF counts columns in UTF-16 code units unless a run says otherwise; newslint counts code
points. The columns are converted here, from the text of each file, and the run declares
`columnKind: utf16CodeUnits` so that no reader has to guess. Files in the repository (or the
current folder) are given relative to its root, as code scanning expects, with the root declared
as `%SRCROOT%`; a file outside it gets an absolute file: URI, never a `../` path.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from newslint import __version__
from newslint.findings import Finding
from newslint.output import RunSummary, printable
from newslint.rules.base import RuleInfo

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/newslint/newslint"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SOURCE_ROOT = "%SRCROOT%"


def render(run: RunSummary) -> str:
    rule_ids = sorted({finding.rule for finding in run.findings})
    index = {rule_id: position for position, rule_id in enumerate(rule_ids)}
    root = _repository_root()
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "newslint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule(rule_id, run.rules.get(rule_id)) for rule_id in rule_ids],
                    }
                },
                "columnKind": "utf16CodeUnits",
                "originalUriBaseIds": {SOURCE_ROOT: {"uri": Path(root).as_uri() + "/"}},
                "results": [_result(finding, index[finding.rule], run.texts, root) for finding in run.findings],
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _rule(rule_id: str, info: RuleInfo | None) -> dict:
    if info is None:  # a finding of newslint itself (e.g. an unused suppression)
        return {"id": rule_id, "shortDescription": {"text": rule_id}, "defaultConfiguration": {"level": "warning"}}
    description = " ".join(info.description.split()) or info.message
    help_text = description + (f"\n\nSource: {info.source}" if info.source else "")
    rule = {
        "id": rule_id,
        "name": rule_id,
        "shortDescription": {"text": description.split(". ")[0].rstrip(".")[:1000]},
        "fullDescription": {"text": description},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": LEVELS[info.level]},
        "properties": {"tags": [info.kind]},
    }
    if info.link:
        rule["helpUri"] = info.link
    return rule


def _result(finding: Finding, rule_index: int, texts: Mapping[str, str], root: str) -> dict:
    text = texts.get(finding.path)
    start_column, end_column = finding.column, finding.end_column
    if text is not None:
        start_column = _utf16_column(text, finding.start, finding.column)
        end_column = _utf16_column(text, finding.end, finding.end_column)
    result = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": printable(finding.message)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": _location(finding.path, root),
                    "region": {
                        "startLine": finding.line,
                        "startColumn": start_column,
                        "endLine": finding.end_line,
                        "endColumn": end_column,
                    },
                }
            }
        ],
        "partialFingerprints": {"newslint/v1": _fingerprint(finding, text)},
    }
    if finding.fix is not None:
        result["properties"] = {"fix": finding.fix.replacement, "fixApplicability": finding.fix.applicability}
    return result


def _utf16_column(text: str, offset: int, column: int) -> int:
    """The column in UTF-16 code units: characters beyond the BMP (emoji) count twice."""
    line_start = offset - (column - 1)
    astral = sum(1 for char in text[line_start:offset] if ord(char) > 0xFFFF)
    return column + astral


def _fingerprint(finding: Finding, text: str | None) -> str:
    """Stable across edits elsewhere in the file: rule, file and the flagged words."""
    flagged = text[finding.start : finding.end] if text is not None else finding.message
    key = f"{finding.rule}\0{finding.path}\0{flagged}".encode("utf-8", "surrogateescape")
    return hashlib.sha256(key).hexdigest()[:32]


def _location(path: str, root: str) -> dict:
    """Relative to the repository root ("seeds/story.txt") for a file inside it, else an absolute
    file: URI. Bytes are percent-encoded, so that a file name that is not UTF-8 ("caf\xe9.txt")
    is kept as it is."""
    absolute = os.path.abspath(path)
    if absolute.startswith(root.rstrip(os.sep) + os.sep):
        relative = os.path.relpath(absolute, root).replace(os.sep, "/")
        return {"uri": quote(os.fsencode(relative)), "uriBaseId": SOURCE_ROOT}
    return {"uri": Path(absolute).as_uri()}


@lru_cache(maxsize=1)
def _repository_root() -> str:
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, timeout=5, check=False
        )
        if done.returncode == 0 and done.stdout.strip():
            return os.path.abspath(done.stdout.strip())
    except (OSError, subprocess.SubprocessError):
        pass
    return os.path.abspath(os.getcwd())
