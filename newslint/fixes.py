"""Applying fixes to a text: which ones, in what order, and until nothing changes.

A round applies every applicable fix that does not overlap an earlier one (earlier in the text
wins; the later one is retried next round, on the new text). After each round the text is
linted again, so that a fix never rests on a stale finding, until a round changes nothing or
ten rounds have run. Text outside the edited spans is never touched.

In a marked-up document, a round's result is read again and its markup compared with the
original's (formats/structure.py): a fix that would change it (make a link an image, a word a
tag) is not applied, in that round or any later one, and its finding remains.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence

from newslint.findings import Finding, Fix
from newslint.records import field, record, replace

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


@record
class FixResult:
    """The fixed text, the findings whose fixes were applied, and the findings that remain."""

    text: str
    fixed: list[Finding] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.fixed)


def fix_text(
    text: str,
    lint: Callable[[str], list[Finding]],
    unsafe: bool = False,
    markup: Callable[[str], Hashable] | None = None,
) -> FixResult:
    """Fix text round by round; `lint` returns the findings on a text, `markup` (for a marked-up
    format) what of a text must stay as it is."""
    result = FixResult(text)
    findings = lint(text)
    original = markup(text) if markup is not None else None
    refused: set[tuple[int, int, str]] = set()  # fixes that would change the markup, where they now stand
    for _ in range(MAX_ROUNDS):
        by_fix = {id(f.fix): f for f in findings if applicable(f, unsafe) and _key(f.fix) not in refused}  # type: ignore[arg-type]
        chosen = non_overlapping(f.fix for f in by_fix.values())  # type: ignore[misc]
        if markup is not None and chosen:
            chosen, refusing = _keeping_markup(result.text, chosen, markup, original)
            refused |= {_key(fix) for fix in refusing}
        if not chosen:
            break
        new_text = apply(result.text, chosen)
        if new_text == result.text:
            break
        result.fixed.extend(by_fix[id(fix)] for fix in chosen)
        result.text = new_text
        refused = {_shifted(key, chosen) for key in refused}
        findings = lint(new_text)
    # A fix refused is no fix: the finding remains, to be seen to by hand.
    result.remaining = [replace(f, fix=None) if f.fix and _key(f.fix) in refused else f for f in findings]
    return result


def _key(fix: Fix) -> tuple[int, int, str]:
    return fix.start, fix.end, fix.replacement


def _keeping_markup(
    text: str, fixes: list[Fix], markup: Callable[[str], Hashable], original: Hashable
) -> tuple[list[Fix], list[Fix]]:
    """(the fixes that keep the markup as it was, the ones that would not): all at once when
    they can, else one by one in text order, each on top of those kept before it."""
    if markup(apply(text, fixes)) == original:
        return fixes, []
    kept: list[Fix] = []
    refused: list[Fix] = []
    for fix in fixes:
        trial = [*kept, fix]
        (kept if markup(apply(text, trial)) == original else refused).append(fix)
    return kept, refused


def each_keeping_markup(text: str, fixes: Sequence[Fix], markup: Callable[[str], Hashable]) -> list[Fix]:
    """The fixes that, each applied alone (as an editor's quick fix is), leave the markup of text
    as it was: one check for all of them when they do not overlap and keep it together, as a
    round of fix_text checks them; else one check each."""
    original = markup(text)
    together = non_overlapping(fixes)
    if len(together) == len(fixes) and markup(apply(text, together)) == original:
        return list(fixes)
    return [fix for fix in fixes if markup(apply(text, [fix])) == original]


def _shifted(key: tuple[int, int, str], applied: Sequence[Fix]) -> tuple[int, int, str]:
    """Where a refused fix stands after `applied` (which do not overlap it) changed the text."""
    start, end, replacement = key
    delta = sum(len(fix.replacement) - (fix.end - fix.start) for fix in applied if fix.end <= start)
    return start + delta, end + delta, replacement
