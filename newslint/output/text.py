"""Lint-style lines, `path:line:col: rule [level] message`, and a summary line."""

from __future__ import annotations

from collections.abc import Sequence

from newslint.findings import Finding


def line(finding: Finding) -> str:
    return f"{finding.path}:{finding.line}:{finding.column}: {finding.rule} [{finding.severity}] {finding.message}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def summary(findings: Sequence[Finding], files_checked: int) -> str:
    if not findings:
        return f"No problems found in {_plural(files_checked, 'file')}."
    files = len({finding.path for finding in findings})
    fixable = sum(1 for finding in findings if finding.fix and finding.fix.applicability == "safe")
    return f"Found {_plural(len(findings), 'problem')} in {_plural(files, 'file')} ({fixable} fixable)."


def render(findings: Sequence[Finding], files_checked: int) -> str:
    return "".join(line(finding) + "\n" for finding in findings) + summary(findings, files_checked) + "\n"
