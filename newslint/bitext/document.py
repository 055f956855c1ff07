"""A translation together with its source.

The translation is a Document like any other -- every rule of newslint reads it -- and knows,
unit by unit, the source segment it translates: a line of a line-aligned pair, a TSV or JSONL
line, an XLIFF segment. The source side is a Document of its own (often of the same file), so
that a position in a source segment maps back to a line and column of the file it came from.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import cached_property
from typing import Any

from newslint.bitext import languages
from newslint.document import Document
from newslint.findings import Finding, SourceLocation
from newslint.formats.prose import ProseView
from newslint.records import record, replace
from newslint.spans import Span


@record(frozen=True)
class Unit:
    """One translation unit. Spans are in the `text` of their side, trimmed of white space;
    None where a side is empty or missing. `target_at`: the file offset where the target is
    (or would be), for units whose target has no text to map back. `paired`: False for the
    lines of a line-aligned pair beyond the end of the shorter file."""

    id: str
    source: Span | None
    target: Span | None
    target_at: int
    paired: bool = True


class BilingualDocument(Document):
    """The translation (this Document) and its source (`source_side`), aligned in `units`;
    `language`, the source's, is told from its script when not given (None)."""

    bilingual = True

    def __init__(
        self,
        text: str,
        path: str,
        units: Sequence[Unit],
        source_side: Document,
        language: str | None,
        view: ProseView | None = None,
        file_text: str | None = None,
        writable: Callable[[str], bool] | None = None,
        line_counts: tuple[int, int] | None = None,
    ) -> None:
        super().__init__(text, path, view=view, source=file_text)
        self.units = list(units)
        self.source_side = source_side
        self.language = languages.resolve(language, source_side.text)
        self.line_counts = line_counts  # (source, target) of a line-aligned pair of files
        self._writable = writable
        self._memo: dict[str, Any] = {}

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """What several rules need of this document (the numbers of every unit), computed once."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def source_text(self, unit: Unit) -> str:
        return "" if unit.source is None else self.source_side.text[unit.source.start : unit.source.end]

    def target_text(self, unit: Unit) -> str:
        return "" if unit.target is None else self.text[unit.target.start : unit.target.end]

    def source_location(self, unit: Unit, start: int | None = None, end: int | None = None) -> SourceLocation | None:
        """Where the unit's source segment stands in its file -- or, given offsets into the
        segment's text, where those characters stand."""
        if unit.source is None:
            return None
        side = self.source_side
        first = unit.source.start + (start or 0)
        last = unit.source.end if end is None else unit.source.start + end
        file_start, file_end = side.source_span(first, last)
        line, column = side.position(file_start)
        end_line, end_column = side.position(file_end)
        excerpt = " ".join(self.source_text(unit).split())
        return SourceLocation(side.path, file_start, file_end, line, column, end_line, end_column, excerpt)

    @cached_property
    def _file_spans(self) -> list[tuple[int, int, Unit]]:
        """(start, end, unit) of each unit's translation in the file, by start."""
        spans = []
        for unit in self.units:
            if unit.target is not None and unit.target.end > unit.target.start:
                start, end = self.source_span(unit.target.start, unit.target.end)
            else:
                start = end = unit.target_at
            spans.append((start, end, unit))
        spans.sort(key=lambda item: item[0])
        return spans

    @cached_property
    def _file_starts(self) -> list[int]:
        return [start for start, _, _ in self._file_spans]

    def unit_at(self, file_offset: int) -> Unit | None:
        """The unit whose translation holds a file offset (a finding's start)."""
        spans = self._file_spans
        index = bisect_right(self._file_starts, file_offset) - 1
        if index >= 0 and file_offset <= spans[index][1]:
            return spans[index][2]
        return None

    def annotated(self, findings: Sequence[Finding]) -> list[Finding]:
        """Findings on the translation with their unit and source named, and without fixes the
        file cannot hold (a tab in a TSV cell, a quote in a JSON string, `<` in XML) or that
        would change a number."""
        annotated = []
        for finding in findings:
            unit = self.unit_at(finding.start)
            changes = {}
            if unit is not None:
                changes["unit"] = finding.unit or unit.id
                if finding.source is None:
                    changes["source"] = self.source_location(unit)
            if finding.fix is not None and not self._fix_allowed(finding):
                changes["fix"] = None
            annotated.append(replace(finding, **changes) if changes else finding)
        return annotated

    def _fix_allowed(self, finding: Finding) -> bool:
        fix = finding.fix
        assert fix is not None
        replaced = self.source[fix.start : fix.end]
        if _digits(replaced) != _digits(fix.replacement):
            return False  # --fix never changes a number
        return self._writable is None or self._writable(fix.replacement)


def _digits(text: str) -> str:
    return "".join(char for char in text if char.isdigit())
