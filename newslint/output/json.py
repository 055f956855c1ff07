"""The public JSON contract (DESIGN.md): an array with one object per finding."""

from __future__ import annotations

import json

from newslint.output import RunSummary, printable


def render(run: RunSummary) -> str:
    """Paths and messages are shown as the text format shows them (see output.printable): JSON
    must be valid UTF-8, which a file name's undecodable bytes are not."""
    records = [
        finding.to_dict() | {"path": printable(finding.path), "message": printable(finding.message)}
        for finding in run.findings
    ]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
