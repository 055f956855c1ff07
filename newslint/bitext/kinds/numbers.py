"""numbers: a value of the source that the translation lacks or changes, or a number the
translation adds. Both sides are normalised first (see bitext/numbers), so that 2.8亿 and
280 million, 3,5 Millionen and 3.5 million, 19时54分 and 7:54 p.m. agree."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from newslint.bitext.document import BilingualDocument, Unit
from newslint.bitext.kinds.base import BilingualHit, BilingualRule, units_with_both, whole_target
from newslint.rules import options as opt
from newslint.rules.base import LoadContext
from newslint.rules.options import Option

if TYPE_CHECKING:  # the number readers are imported by the first translation checked
    from newslint.bitext.numbers import Discrepancy, Mention

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
)  # fmt: skip


class Numbers(BilingualRule):
    kind = "numbers"
    placeholders = frozenset({"source"})
    options = {"report": Option(opt.choice("different", "missing", "added"), required=True)}

    def configure(self, options: dict[str, Any], context: LoadContext) -> None:
        self._report = options["report"]

    def bilingual_hits(self, doc: BilingualDocument) -> Iterator[BilingualHit]:
        for unit, discrepancies in doc.memo("numbers", lambda: list(_discrepancies(doc))):
            mine = [discrepancy for discrepancy in discrepancies if discrepancy.kind == self._report]
            if not mine:
                continue
            if self._report == "missing":  # one finding on the line, naming every value lost
                yield _missing(unit, [d.source for d in mine], doc.source_text(unit))  # type: ignore[misc]
            else:
                yield from (_at_number(unit, discrepancy, doc.source_text(unit)) for discrepancy in mine)


def _missing(unit: Unit, lost: list[Mention], source_text: str) -> BilingualHit:
    """A hit on the whole translation; its source is the value lost, when there is one."""
    start, end = whole_target(unit)
    only = lost[0] if len(lost) == 1 else None
    return BilingualHit(
        start,
        end,
        values={"source": ", ".join(gloss(mention, source_text) for mention in lost)},
        unit=unit,
        source_start=only.start if only else None,
        source_end=only.end if only else None,
    )


def _at_number(unit: Unit, discrepancy: Discrepancy, source_text: str) -> BilingualHit:
    """A hit on a wrong or added number of the translation."""
    target, source = discrepancy.target, discrepancy.source
    assert target is not None and unit.target is not None
    return BilingualHit(
        unit.target.start + target.start,
        unit.target.start + target.end,
        values={"source": gloss(source, source_text) if source else ""},
        unit=unit,
        source_start=source.start if source else None,
        source_end=source.end if source else None,
    )


def _discrepancies(doc: BilingualDocument) -> Iterator[tuple[Unit, list[Discrepancy]]]:
    from newslint.bitext import numbers

    for unit in units_with_both(doc):
        found = numbers.compare(
            numbers.mentions(doc.source_text(unit), doc.language), numbers.mentions(doc.target_text(unit), "en")
        )
        if found:
            yield unit, found


def gloss(mention: Mention, text: str) -> str:
    """A source number as written, with its value where the writing differs from English
    digits: '2.8亿' (280 million), '7月' (July), '315'."""
    written = text[mention.start : mention.end]
    value = min(mention.values)
    if mention.kind == "month" and 1 <= value <= 12:  # numbers.mention.MONTH
        return f"'{written}' ({_MONTH_NAMES[int(value) - 1]})"
    english = english_number(value)
    if written.replace(",", "") == english.replace(",", ""):
        return f"'{written}'"
    return f"'{written}' ({english})"


def english_number(value: float) -> str:
    """280000000 -> "280 million", 13169000 -> "13.169 million", 3009 -> "3,009"."""
    for scale, word in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million")):
        if abs(value) >= scale:
            return f"{value / scale:.6f}".rstrip("0").rstrip(".") + f" {word}"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")
