"""What every bilingual rule shares: it reads a translation beside its source, is silent on a
document without one, and names the source words its finding is about."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterable

from newslint.bitext.document import BilingualDocument, Unit
from newslint.document import Document
from newslint.findings import Finding
from newslint.records import record, replace
from newslint.regexes import TimeBudget
from newslint.rules.base import Hit, Rule


@record(frozen=True)
class BilingualHit(Hit):
    """A hit on a translation unit. `source_start`/`source_end`: the source words meant, as
    offsets into the unit's source text (None: the whole segment). `at_file`: a file offset
    for a finding where the translation has no text (an empty or missing line)."""

    unit: Unit | None = None
    source_start: int | None = None
    source_end: int | None = None
    at_file: int | None = None


class BilingualRule(Rule):
    """A rule that compares a translation with its source."""

    @abstractmethod
    def bilingual_hits(self, doc: BilingualDocument) -> Iterable[BilingualHit]:
        """Every place where the rule fires on a translation with its source."""

    def hits(self, doc: Document) -> Iterable[Hit]:
        return self.bilingual_hits(doc) if isinstance(doc, BilingualDocument) else ()

    def check(self, doc: Document, budget: TimeBudget | None = None) -> list[Finding]:
        """Findings of this rule; a document without a source gives none."""
        return super().check(doc, budget) if isinstance(doc, BilingualDocument) else []

    def _kept(self, doc: Document, hits: list[Hit]) -> list[Hit]:
        """Every hit: unlike a monolingual rule's, it may cover a whole line that holds a URL."""
        return hits

    def _finding(self, doc: Document, hit: Hit) -> Finding:
        finding = super()._finding(doc, hit)
        if not isinstance(hit, BilingualHit) or not isinstance(doc, BilingualDocument):
            return finding
        changes: dict = {}
        if hit.at_file is not None:
            line, column = doc.position(hit.at_file)
            changes = {"start": hit.at_file, "end": hit.at_file, "line": line, "column": column}
            changes |= {"end_line": line, "end_column": column, "fix": None}
        if hit.unit is not None:
            changes["unit"] = hit.unit.id
            changes["source"] = doc.source_location(hit.unit, hit.source_start, hit.source_end)
        return replace(finding, **changes)

    def example_document(self, text: str) -> Document:
        """An example is a pair: `source<TAB>translation`."""
        from newslint.bitext.readers import tsv

        return tsv.read(text, "<example>")


def whole_target(unit: Unit) -> tuple[int, int]:
    """The span of a unit's whole translation (empty where it has none)."""
    return (unit.target.start, unit.target.end) if unit.target is not None else (0, 0)


def units_with_both(doc: BilingualDocument) -> Iterable[Unit]:
    """The units that have both a source and a translation."""
    return (unit for unit in doc.units if unit.source is not None and unit.target is not None)
