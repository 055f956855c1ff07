"""Running rules over documents: the one place where findings are gathered, deduplicated and sorted."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from newslint.document import Document
from newslint.errors import RuleFailure
from newslint.findings import SEVERITIES, Finding
from newslint.rules.base import Rule


@dataclass
class CheckResult:
    """Findings on one document, and the rules that could not finish on it."""

    findings: list[Finding] = field(default_factory=list)
    failures: list[RuleFailure] = field(default_factory=list)


def check_document(doc: Document, rules: Sequence[Rule]) -> CheckResult:
    result = CheckResult()
    for rule in rules:
        try:
            result.findings.extend(rule.check(doc))
        except RuleFailure as failure:
            result.failures.append(failure)
    result.findings = _deduplicated(result.findings)
    result.findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return result


def _deduplicated(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per span and replacement: when two rules propose the same edit of the same
    words ("kyiv" as a proper noun and as a sentence start), the more severe one is kept, then the
    one whose rule id sorts first."""
    best: dict[tuple[int, int, str], Finding] = {}
    kept: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (SEVERITIES.index(f.severity), f.rule)):
        if finding.fix is None:
            kept.append(finding)
            continue
        key = (finding.start, finding.end, finding.fix.replacement)
        if key not in best:
            best[key] = finding
    return kept + list(best.values())
