"""Applying fixes to a text: which ones, in what order, and until nothing changes.

A round applies every applicable fix that does not overlap an earlier one (earlier in the text
wins; the later one is retried next round, on the new text). After each round the text is
linted again, so that a fix never rests on a stale finding, until a round changes nothing or
ten rounds have run. Text outside the edited spans is never touched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from newslint.findings import Finding, Fix

MAX_ROUNDS = 10


def applicable(finding: Finding, unsafe: bool) -> bool:
    """Whether --fix applies this finding's fix (unsafe ones only with --unsafe-fixes)."""
    return finding.fix is not None and (unsafe or finding.fix.applicability == "safe")


def non_overlapping(fixes: Iterable[Fix]) -> list[Fix]:
    """The fixes of one round: in text order, each one that starts after the previous ends."""
    chosen: list[Fix] = []
    for fix in sorted(fixes, key=lambda f: (f.start, f.end)):
        if not chosen or fix.start >= chosen[-1].end:
            chosen.append(fix)
    return chosen


def apply(text: str, fixes: Sequence[Fix]) -> str:
    """text with non-overlapping fixes applied (given in text order)."""
    pieces: list[str] = []
    position = 0
    for fix in fixes:
        pieces.append(text[position : fix.start])
        pieces.append(fix.replacement)
        position = fix.end
    pieces.append(text[position:])
    return "".join(pieces)


@dataclass
class FixResult:
    """The fixed text, the findings whose fixes were applied, and the findings that remain."""

    text: str
    fixed: list[Finding] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.fixed)


def fix_text(text: str, lint: Callable[[str], list[Finding]], unsafe: bool = False) -> FixResult:
    """Fix text round by round; `lint` returns the findings on a text."""
    result = FixResult(text)
    findings = lint(text)
    for _ in range(MAX_ROUNDS):
        by_fix = {id(f.fix): f for f in findings if applicable(f, unsafe)}
        chosen = non_overlapping(f.fix for f in by_fix.values())  # type: ignore[misc]
        if not chosen:
            break
        new_text = apply(result.text, chosen)
        if new_text == result.text:
            break
        result.fixed.extend(by_fix[id(fix)] for fix in chosen)
        result.text = new_text
        findings = lint(new_text)
    result.remaining = findings
    return result
