"""Counts a report's summary shows: per level, per rule, per rule family and per file."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from newslint.findings import SEVERITIES, Finding
from newslint.records import field, record


def family_of(rule: str) -> str:
    """`punct.doubled` -> `punct`: what --select calls a prefix and the filters a family."""
    return rule.split(".", 1)[0]


@record
class Tally:
    levels: Counter[str] = field(default_factory=Counter)
    rules: Counter[str] = field(default_factory=Counter)
    families: Counter[str] = field(default_factory=Counter)
    files: dict[str, Counter[str]] = field(default_factory=dict)  # path -> level -> count
    rule_levels: dict[str, str] = field(default_factory=dict)  # the level each rule reported at
    fixable: Counter[str] = field(default_factory=Counter)  # per rule: findings with a fix

    @property
    def total(self) -> int:
        return sum(self.levels.values())

    def rules_by_count(self) -> list[str]:
        return sorted(self.rules, key=lambda rule: (-self.rules[rule], rule))

    def levels_present(self) -> list[str]:
        return [level for level in SEVERITIES if self.levels[level]]


def tally(findings: Sequence[Finding], files: Sequence[str]) -> Tally:
    counts = Tally(files={path: Counter() for path in files})
    for finding in findings:
        counts.levels[finding.severity] += 1
        counts.rules[finding.rule] += 1
        counts.families[family_of(finding.rule)] += 1
        counts.files.setdefault(finding.path, Counter())[finding.severity] += 1
        counts.rule_levels.setdefault(finding.rule, finding.severity)
        if finding.fix is not None:
            counts.fixable[finding.rule] += 1
    return counts
