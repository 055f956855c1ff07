"""The public JSON contract (DESIGN.md): an array with one object per finding."""

from __future__ import annotations

import json
from collections.abc import Sequence

from newslint.findings import Finding


def render(findings: Sequence[Finding], files_checked: int, fixed: int | None = None, unsafe: bool = False) -> str:
    return json.dumps([finding.to_dict() for finding in findings], ensure_ascii=False, indent=2) + "\n"
