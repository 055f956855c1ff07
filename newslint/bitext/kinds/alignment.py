"""Kinds that judge whether the translation lines up with its source: line counts of a pair of
files (line-count), a line left empty (empty-target), and a translation far shorter or longer
than its source should be (length-ratio)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newslint.bitext.document import BilingualDocument
from newslint.bitext.kinds.base import BilingualHit, BilingualRule, units_with_both, whole_target
from newslint.document import Document
from newslint.regexes import lazy
from newslint.rules import options as opt
from newslint.rules.base import LoadContext
from newslint.rules.options import Option, OptionError

_WORD_CHARACTER = lazy(r"[^\W_]", engine="re")
_IDEOGRAPH = lazy(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]", engine="re")
_SPACE = lazy(r"\s+", engine="re")


def _factors(value: Any) -> dict[str, float]:
    if not isinstance(value, dict) or not value:
        raise opt._Invalid("expected a mapping of source language -> characters per character")
    factors = {}
    for language, factor in value.items():
        try:
            factors[str(language)] = opt.positive_number(factor)
        except opt._Invalid as error:
            raise opt._Invalid(f"{language}: {error}") from None
    return factors


class LineCount(BilingualRule):
    """A pair of files whose line counts differ: from some line on, no line has its source."""

    kind = "line-count"
    placeholders = frozenset({"source_lines", "target_lines"})

    def bilingual_hits(self, doc: BilingualDocument) -> Iterator[BilingualHit]:
        if doc.line_counts is None or doc.line_counts[0] == doc.line_counts[1]:
            return
        source_lines, target_lines = doc.line_counts
        first_unpaired = next(unit for unit in doc.units if not unit.paired)
        values = {"source_lines": str(source_lines), "target_lines": str(target_lines)}
        if first_unpaired.target is not None:  # the translation goes on: its first extra line
            start, end = whole_target(first_unpaired)
            yield BilingualHit(start, end, values=values)
        else:  # the source goes on: the end of the translation, and the first source line left
            yield BilingualHit(0, 0, values=values, unit=first_unpaired, at_file=len(doc.source))

    def example_document(self, text: str) -> Document:
        """An example is the source, a line `---`, and the translation."""
        from newslint.bitext.readers import pairs

        source, _, target = text.partition("\n---\n")
        return pairs.read(target, "<example>", Document(source, "<example-source>"))


class EmptyTarget(BilingualRule):
    """A unit whose source has words and whose translation is empty."""

    kind = "empty-target"

    def bilingual_hits(self, doc: BilingualDocument) -> Iterator[BilingualHit]:
        for unit in doc.units:
            if unit.paired and unit.target is None and _WORD_CHARACTER.search(doc.source_text(unit)):
                yield BilingualHit(0, 0, unit=unit, at_file=unit.target_at)


class LengthRatio(BilingualRule):
    """A translation far shorter or longer than its source should be for the language pair.

    The expected length of the English is `factors[language]` characters per character of the
    source (white space not counted), an ideograph counting `ideograph-weight` characters; a
    translation under `low` or over `high` times that is reported, when at least `minimum`
    characters are expected (short lines vary too much to judge)."""

    kind = "length-ratio"
    placeholders = frozenset({"length", "cause"})
    options = {
        "factors": Option(_factors, required=True),
        "ideograph-weight": Option(opt.positive_number, default=3.0),
        "low": Option(opt.positive_number, default=0.45),
        "high": Option(opt.positive_number, default=2.2),
        "minimum": Option(opt.positive_number, default=60.0),
    }

    def configure(self, options: dict[str, Any], context: LoadContext) -> None:
        self._factors: dict[str, float] = options["factors"]
        self._weight = options["ideograph-weight"]
        self._low, self._high, self._minimum = options["low"], options["high"], options["minimum"]
        if self._low >= 1 or self._high <= 1:
            raise OptionError("low", "low must be under 1 and high over 1")

    def bilingual_hits(self, doc: BilingualDocument) -> Iterator[BilingualHit]:
        factor = self._factors.get(doc.language)
        if factor is None:
            return  # a language pair without a calibrated ratio is not judged
        for unit in units_with_both(doc):
            source = _SPACE.sub("", doc.source_text(unit))
            ideographs = len(_IDEOGRAPH.findall(source))
            expected = factor * (self._weight * ideographs + len(source) - ideographs)
            if expected < self._minimum:
                continue
            ratio = len(doc.target_text(unit)) / expected
            if ratio < self._low or ratio > self._high:
                start, end = whole_target(unit)
                values = {"length": f"{ratio:.0%} of", "cause": "lost"} if ratio < 1 else {}
                values = values or {"length": f"{ratio:.1f} times", "cause": "added"}
                yield BilingualHit(start, end, values=values, unit=unit)
