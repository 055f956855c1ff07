"""Output formats: each a pure function from findings to text (yamllint's formatters are the model)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newslint.findings import Finding
from newslint.output import json, text

# (findings, files checked, number fixed or None, whether unsafe fixes count) -> text
Formatter = Callable[[Sequence[Finding], int, "int | None", bool], str]

FORMATS: dict[str, Formatter] = {
    "text": text.render,
    "json": json.render,
}
