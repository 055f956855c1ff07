"""Comparing the numbers of a source segment with those of its translation.

Mentions are paired by value (a maximum matching, so that one 2020 cannot answer for two); what
is left over is a discrepancy. A value the source has and the translation lacks, where the
translation has a number the source lacks, is one wrong number; either alone is a missing or an
added number. Unpaired mentions that are not reportable (words, small numerals) are never a
discrepancy on their own, but a month name may be the wrong month.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from newslint.bitext.numbers.mention import MONTH, Mention

DiscrepancyKind = Literal["different", "missing", "added"]


@dataclass(frozen=True)
class Discrepancy:
    kind: DiscrepancyKind
    source: Mention | None  # None for an added number
    target: Mention | None  # None for a missing one


def compare(source: Sequence[Mention], target: Sequence[Mention]) -> list[Discrepancy]:
    """The discrepancies between the numbers of a segment and of its translation, in the order of
    the translation (missing values last)."""
    source_left, target_left = _unmatched(list(source), list(target))
    # A value said twice on one side and once on the other ("7月17和7月22日": "July 17 and 22")
    # is no discrepancy.
    lost = [m for m in source_left if m.reportable and not any(m.agrees_with(t) for t in target)]
    extra = [m for m in target_left if m.reportable and not any(m.agrees_with(s) for s in source)]
    found: list[Discrepancy] = []
    if lost and len(lost) == len(extra):
        found = [Discrepancy("different", s, t) for s, t in zip(lost, extra)]
        return found
    months = [mention for mention in target_left if mention.kind == MONTH and not mention.reportable]
    for mention in lost:
        if mention.kind == MONTH and len(months) == 1 and not extra:
            found.append(Discrepancy("different", mention, months.pop()))
        else:
            found.append(Discrepancy("missing", mention, None))
    found.extend(Discrepancy("added", None, mention) for mention in extra)
    found.sort(key=lambda d: (d.target is None, d.target.start if d.target else 0))
    return found


def _unmatched(source: list[Mention], target: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """The mentions of each side left over by a maximum matching of agreeing values. Values that
    must be kept are matched first, so that an optional word cannot take a kept value's partner."""
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
        right = [j for j, m in enumerate(target) if j not in taken_target and target_ok(m)]
        for i, j in _maximum_matching(left, right, lambda i, j: source[i].agrees_with(target[j])).items():
            taken_source.add(i)
            taken_target.add(j)
    return (
        [m for i, m in enumerate(source) if i not in taken_source],
        [m for j, m in enumerate(target) if j not in taken_target],
    )


def _maximum_matching(left: list[int], right: list[int], agree) -> dict[int, int]:
    """A maximum bipartite matching (Kuhn's augmenting paths; segments hold few numbers)."""
    partners = {i: [j for j in right if agree(i, j)] for i in left}
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
