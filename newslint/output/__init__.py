"""Output formats: each a pure function from a run's summary to text (yamllint's formatters are
the model). Formats that need other units than code points (SARIF's UTF-16 columns) convert here,
at the edge."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from newslint.findings import Finding
from newslint.rules.base import RuleInfo


@dataclass(frozen=True)
class RunSummary:
    """What a format may show: the findings, the files checked, and what --fix did."""

    findings: Sequence[Finding]
    files: Sequence[str] = ()
    fixed: int | None = None  # findings fixed by --fix (None: not a --fix run)
    unsafe: bool = False  # --unsafe-fixes: unsafe fixes count as fixable
    rules: Mapping[str, RuleInfo] = field(default_factory=dict)  # rule metadata, by id
    texts: Mapping[str, str] = field(default_factory=dict)  # file texts, for formats that need them
    show_source: bool = False  # the text format shows each translation's source under its finding


Formatter = Callable[[RunSummary], str]


def formats() -> dict[str, Formatter]:
    from newslint.output import github, json, junit, sarif, text

    return {
        "text": text.render,
        "json": json.render,
        "github": github.render,
        "sarif": sarif.render,
        "junit": junit.render,
    }


FORMAT_NAMES = ("text", "json", "github", "sarif", "junit")
