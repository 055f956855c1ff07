"""The public JSON contract (DESIGN.md): an array with one object per finding."""

from __future__ import annotations

import json

from newslint.output import RunSummary


def render(run: RunSummary) -> str:
    return json.dumps([finding.to_dict() for finding in run.findings], ensure_ascii=False, indent=2) + "\n"
