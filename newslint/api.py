"""The public API: lint text or files from Python (scripts, notebooks, distributed engines)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from newslint.config import Config, active_rules
from newslint.document import Document
from newslint.errors import InputError, NewslintError
from newslint.findings import Finding
from newslint.linter import check_document
from newslint.sources import discover, read_source


def lint_text(text: str, path: str = "-", config: Config | None = None) -> list[Finding]:
    """Findings on one text, sorted by position. Raises RuleFailure if a rule could not finish."""
    result = check_document(Document(text, path), active_rules(config or Config()))
    if result.failures:
        raise result.failures[0]
    return result.findings


@dataclass
class Report:
    """The outcome of linting files: findings, and what could not be read or checked."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[NewslintError] = field(default_factory=list)
    files_checked: int = 0

    @property
    def complete(self) -> bool:
        return not self.errors


def lint_paths(paths: Iterable[str], config: Config | None = None) -> Report:
    """Lint files and folders (recursing into prose files); bad inputs are reported, not raised."""
    rules = active_rules(config or Config())
    report = Report()
    for item in discover(paths):
        if isinstance(item, InputError):
            report.errors.append(item)
            continue
        try:
            source = read_source(item)
        except InputError as error:
            report.errors.append(error)
            continue
        result = check_document(Document(source.text, item), rules)
        report.findings.extend(result.findings)
        report.errors.extend(result.failures)
        report.files_checked += 1
    return report
