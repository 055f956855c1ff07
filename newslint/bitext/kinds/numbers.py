"""numbers: a value of the source that the translation lacks or changes, or a number the
translation adds. Both sides are normalised first (see bitext/numbers), so that 2.8亿 and
280 million, 3,5 Millionen and 3.5 million, 19时54分 and 7:54 p.m. agree."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newslint.bitext import numbers
from newslint.bitext.document import BilingualDocument, Unit
from newslint.bitext.kinds.base import BilingualHit, BilingualRule, units_with_both, whole_target
from newslint.bitext.numbers.english import MONTHS
from newslint.bitext.numbers.mention import MONTH, Mention
from newslint.rules import options as opt
from newslint.rules.base import LoadContext
from newslint.rules.options import Option

_MONTH_NAMES = {number: name.capitalize() for name, number in MONTHS.items() if len(name) > 4 or name == "may"}
_MONTH_NAMES.update({6: "June", 7: "July"})


class Numbers(BilingualRule):
    kind = "numbers"
    placeholders = frozenset({"source"})
    options = {"report": Option(opt.choice("different", "missing", "added"), required=True)}

    def configure(self, options: dict[str, Any], context: LoadContext) -> None:
        self._report = options["report"]

    def bilingual_hits(self, doc: BilingualDocument) -> Iterator[BilingualHit]:
        for unit, discrepancies in doc.memo("numbers", lambda: list(_discrepancies(doc))):
            source_text = doc.source_text(unit)
            offset = unit.target.start  # type: ignore[union-attr]
            kinds = [d for d in discrepancies if d.kind == self._report]
            if self._report == "missing" and kinds:
                mentions = [d.source for d in kinds]
                glossed = ", ".join(gloss(m, source_text) for m in mentions)  # type: ignore[arg-type]
                start, end = whole_target(unit)
                only = mentions[0] if len(mentions) == 1 else None
                yield BilingualHit(
                    start,
                    end,
                    values={"source": glossed},
                    unit=unit,
                    source_start=only.start if only else None,
                    source_end=only.end if only else None,
                )
                continue
            for discrepancy in kinds if self._report != "missing" else ():
                target = discrepancy.target
                source = discrepancy.source
                assert target is not None
                yield BilingualHit(
                    offset + target.start,
                    offset + target.end,
                    values={"source": gloss(source, source_text) if source else ""},
                    unit=unit,
                    source_start=source.start if source else None,
                    source_end=source.end if source else None,
                )


def _discrepancies(doc: BilingualDocument) -> Iterator[tuple[Unit, list[numbers.Discrepancy]]]:
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
    if mention.kind == MONTH and value in _MONTH_NAMES:
        return f"'{written}' ({_MONTH_NAMES[int(value)]})"
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
