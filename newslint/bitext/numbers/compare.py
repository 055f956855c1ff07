"""Comparing the numbers of a source segment with those of its translation.

Mentions are paired by value (a maximum matching, so that one 2020 cannot answer for two); what
is left over is a discrepancy. A value the source has and the translation lacks, beside a number
the translation has and the source lacks that looks like it written wrong, is one wrong number;
otherwise either is a missing or an added number. Unpaired mentions that are not reportable
(words, small numerals) are never a discrepancy on their own, but a month name may be the wrong
month.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Literal

from newslint.bitext.numbers.mention import DATE_YEAR, MONTH, Mention
from newslint.records import record, replace

DiscrepancyKind = Literal["different", "missing", "added"]


@record(frozen=True)
class Discrepancy:
    kind: DiscrepancyKind
    source: Mention | None  # None for an added number
    target: Mention | None  # None for a missing one


def compare(source: Sequence[Mention], target: Sequence[Mention]) -> list[Discrepancy]:
    """The discrepancies between the numbers of a segment and of its translation, in the order of
    the translation (missing values last)."""
    if any(_is_year(mention) for mention in source):
        target = [replace(m, reportable=True) if m.kind == DATE_YEAR else m for m in target]
    source, target = list(source), list(target)
    agreeing = _agreeing(source, target)
    source_left, target_left = _unmatched(source, target, agreeing)
    # A value said twice on one side and once on the other ("7月17和7月22日": "July 17 and 22")
    # is no discrepancy.
    answered = {j for partners in agreeing for j in partners}
    lost = [source[i] for i in source_left if source[i].reportable and not agreeing[i]]
    extra = [target[j] for j in target_left if target[j].reportable and j not in answered]
    target_left = [target[j] for j in target_left]
    found: list[Discrepancy] = []
    # A month of the source and a month name of the translation left over: the wrong month.
    lost_months = [m for m in lost if m.kind == MONTH]
    other_months = [m for m in target_left if m.kind == MONTH]
    if lost_months and len(lost_months) == len(other_months):
        found += [Discrepancy("different", s, t) for s, t in zip(lost_months, other_months)]
        lost = [m for m in lost if m.kind != MONTH]
        extra = [m for m in extra if m.kind != MONTH]
    pairs = _pairs(lost, extra)
    paired = {id(mention) for pair in pairs for mention in pair}
    found += [Discrepancy("different", s, t) for s, t in pairs]
    found += [Discrepancy("missing", m, None) for m in lost if id(m) not in paired]
    found += [Discrepancy("added", None, m) for m in extra if id(m) not in paired]
    found.sort(key=lambda d: (d.target is None, d.target.start if d.target else 0))
    return found


# Left-over numbers of a segment, source times translation, beyond which none are paired: every
# pair is weighed, and a segment of a news story leaves a handful over, not the thousands of a
# hostile line (4,000 against 4,000 took a minute). Its numbers are then each missing or added.
PAIRING_LIMIT = 10_000


def _pairs(lost: list[Mention], extra: list[Mention]) -> list[tuple[Mention, Mention]]:
    """Values of the source and numbers of the translation, left over, that look like one number
    written wrong: the same digits (3009, 9300), one inside the other (54, 1954; 2.8亿, 28
    million), years, or values of about the same size; the likeliest first."""
    if len(lost) * len(extra) > PAIRING_LIMIT:
        return []
    candidates = sorted(
        (cost, index, other_index)
        for index, mention in enumerate(lost)
        for other_index, other in enumerate(extra)
        if (cost := _unlikeness(mention, other)) is not None
    )
    pairs: dict[int, int] = {}
    chosen: set[int] = set()  # the other indexes in pairs
    for _, index, other_index in candidates:
        if index not in pairs and other_index not in chosen:
            pairs[index] = other_index
            chosen.add(other_index)
    return [(lost[index], extra[other_index]) for index, other_index in sorted(pairs.items())]


def _unlikeness(source: Mention, target: Mention) -> float | None:
    """How unlikely it is that `target` is `source` written wrong (None: not at all)."""
    best = None
    for mine in source.values:
        for theirs in target.values:
            cost = _value_unlikeness(mine, theirs)
            if cost is not None and (best is None or cost < best):
                best = cost
    return best


def _value_unlikeness(mine: float, theirs: float) -> float | None:
    if mine <= 0 or theirs <= 0:
        return None
    digits, other_digits = _digits(mine), _digits(theirs)
    if sorted(digits) == sorted(other_digits) or digits in other_digits or other_digits in digits:
        return 0.0
    if _is_year_value(mine) and _is_year_value(theirs):
        return 0.5
    if _is_year_value(mine) or _is_year_value(theirs):
        return None
    spread = abs(math.log10(mine / theirs))
    return spread if spread <= 1.5 else None


def _digits(value: float) -> str:
    """The digits of a value, without separators or the decimal point: 2.8e8 -> "280000000"."""
    return f"{value:f}".rstrip("0").rstrip(".").replace(".", "")


def _is_year_value(value: float) -> bool:
    return value == int(value) and 1000 <= value <= 2100


def _is_year(mention: Mention) -> bool:
    return any(_is_year_value(value) for value in mention.values)


def _agreeing(source: list[Mention], target: list[Mention]) -> list[list[int]]:
    """For each source mention, the indexes (ascending) of the target mentions it agrees with.
    Looked up among the target's values sorted, not tried pair by pair: a hostile segment of
    thousands of numbers would take minutes."""
    points = sorted((value, j) for j, mention in enumerate(target) for value in mention.values)
    values = [value for value, _ in points]
    widest = max((mention.tolerance for mention in target), default=0.0)
    agreeing = []
    for mention in source:
        near: set[int] = set()
        for value in mention.values:
            # A superset of agrees_with's reach: its relative slack counts the larger value.
            reach = (max(mention.tolerance, widest) + 1e-9 * max(abs(value), 1.0)) * 1.001
            low, high = bisect_left(values, value - reach), bisect_right(values, value + reach)
            near.update(j for _, j in points[low:high])
        agreeing.append(sorted(j for j in near if mention.agrees_with(target[j])))
    return agreeing


def _unmatched(source: list[Mention], target: list[Mention], agreeing: list[list[int]]) -> tuple[list[int], list[int]]:
    """The indexes of the mentions of each side left over by a maximum matching of agreeing
    values. Values that must be kept are matched first, so that an optional word cannot take a
    kept value's partner."""
    taken_source: set[int] = set()
    taken_target: set[int] = set()
    rounds = (
        (lambda s: s.reportable, lambda t: t.reportable),
        (lambda s: s.reportable, lambda t: True),
        (lambda s: True, lambda t: t.reportable),
        (lambda s: True, lambda t: True),
    )
    for source_ok, target_ok in rounds:
        left = [i for i, m in enumerate(source) if i not in taken_source and source_ok(m)]
        right = {j for j, m in enumerate(target) if j not in taken_target and target_ok(m)}
        partners = {i: [j for j in agreeing[i] if j in right] for i in left}
        for i, j in _maximum_matching(left, partners).items():
            taken_source.add(i)
            taken_target.add(j)
    return (
        [i for i in range(len(source)) if i not in taken_source],
        [j for j in range(len(target)) if j not in taken_target],
    )


def _maximum_matching(left: list[int], partners: dict[int, list[int]]) -> dict[int, int]:
    """A maximum bipartite matching (Kuhn's augmenting paths; segments hold few numbers)."""
    owner: dict[int, int] = {}  # right -> left

    def augment(i: int, seen: set[int]) -> bool:
        for j in partners[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in left:
        augment(i, set())
    return {i: j for j, i in owner.items()}
