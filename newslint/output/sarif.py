"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

SARIF counts columns in UTF-16 code units unless a run says otherwise; newslint counts code
points. The columns are converted here, from the text of each file, and the run declares
`columnKind: utf16CodeUnits` so that no reader has to guess. Files in the repository (or the
current folder) are given relative to its root, as code scanning expects, with the root declared
as `%SRCROOT%`; a file outside it gets an absolute file: URI, never a `../` path.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import quote

from newslint import __version__
from newslint.findings import Finding, SourceLocation
from newslint.output import RunSummary, printable
from newslint.output.fingerprints import fingerprint
from newslint.output.paths import repository_root as _repository_root
from newslint.output.paths import within_root
from newslint.rules.base import RuleInfo

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/newslint/newslint"
SOURCE_ROOT = "%SRCROOT%"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


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
        "partialFingerprints": {"newslint/v1": fingerprint(finding, text)},
    }
    if finding.source is not None:
        result["relatedLocations"] = [_source_location(finding.source, texts, root)]
    if finding.fix is not None:
        result["properties"] = {"fix": finding.fix.replacement, "fixApplicability": finding.fix.applicability}
    return result


def _source_location(source: SourceLocation, texts: Mapping[str, str], root: str) -> dict:
    """The source words a finding on a translation is about, as a related location."""
    text = texts.get(source.path)
    start_column, end_column = source.column, source.end_column
    if text is not None:
        start_column = _utf16_column(text, source.start, source.column)
        end_column = _utf16_column(text, source.end, source.end_column)
    return {
        "id": 1,
        "message": {"text": "source"},
        "physicalLocation": {
            "artifactLocation": _location(source.path, root),
            "region": {
                "startLine": source.line,
                "startColumn": start_column,
                "endLine": source.end_line,
                "endColumn": end_column,
            },
        },
    }


def _utf16_column(text: str, offset: int, column: int) -> int:
    """The column in UTF-16 code units: characters beyond the BMP (emoji) count twice."""
    line_start = offset - (column - 1)
    astral = sum(1 for char in text[line_start:offset] if ord(char) > 0xFFFF)
    return column + astral


def _location(path: str, root: str) -> dict:
    """Relative to the repository root ("seeds/story.txt") for a file inside it, else an absolute
    file: URI. Bytes are percent-encoded, so that a file name that is not UTF-8 ("caf\xe9.txt")
    is kept as it is."""
    relative = within_root(path, root)
    if relative is not None:
        return {"uri": quote(os.fsencode(relative)), "uriBaseId": SOURCE_ROOT}
    return {"uri": Path(os.path.abspath(path)).as_uri()}
