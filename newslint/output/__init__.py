"""Output formats: each a pure function from findings to text (yamllint's formatters are the model)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newslint.findings import Finding
from newslint.output import json, text

Formatter = Callable[[Sequence[Finding], int], str]

FORMATS: dict[str, Formatter] = {
    "text": text.render,
    "json": json.render,
}
