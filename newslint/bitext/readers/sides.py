"""Both sides of a bilingual file as it is read: each unit's source and target become one
paragraph of their side's prose, with every character mapped back to its place in the file
(copied as it stands, or decoded from an escape or an entity), as Markdown and HTML are."""

from __future__ import annotations

from collections.abc import Callable

from newslint.bitext.document import BilingualDocument, Unit
from newslint.document import Document
from newslint.formats.prose import ProseBuilder
from newslint.records import field, record


@record
class _Pending:
    id: str
    target_at: int
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)


class Sides:
    def __init__(self, file_text: str) -> None:
        self.file_text = file_text
        self._builders = {"source": ProseBuilder(file_text), "target": ProseBuilder(file_text)}
        self._done: list[_Pending] = []
        self._open: _Pending | None = None

    def begin(self, unit_id: str, target_at: int) -> None:
        """Start a unit; its target is at `target_at` in the file if it turns out empty."""
        self._open = _Pending(unit_id, target_at)

    def add(self, side: str, text: str, start: int, end: int) -> None:
        """Text of one side, from file_text[start:end]: copied if it stands there as it is,
        else decoded (an escape, an entity, a placeholder for inline markup)."""
        assert self._open is not None
        builder = self._builders[side]
        if self.file_text[start:end] == text:
            builder.verbatim(start, end)
        else:
            builder.replaced(text, start, end)
        (self._open.source if side == "source" else self._open.target).append(text)

    def end(self) -> None:
        assert self._open is not None
        for builder in self._builders.values():
            builder.end_block()
        self._done.append(self._open)
        self._open = None

    def document(
        self, path: str, language: str | None, writable: Callable[[str], bool] | None = None
    ) -> BilingualDocument:
        """The translation as a document aligned with its source."""
        source_view = self._builders["source"].build()
        target_view = self._builders["target"].build()
        source_spans = iter(source_view.paragraphs)
        target_spans = iter(target_view.paragraphs)
        units = []
        for pending in self._done:
            source = next(source_spans) if "".join(pending.source).strip() else None
            target = next(target_spans) if "".join(pending.target).strip() else None
            units.append(Unit(pending.id, source, target, pending.target_at))
        source_side = Document.from_view(source_view, self.file_text, path)
        return BilingualDocument(
            target_view.text,
            path,
            units,
            source_side,
            language,
            view=target_view,
            file_text=self.file_text,
            writable=writable,
        )
