"""A translation and its source as two files, aligned line by line: line i of the source is the
source of line i of the translation, blank lines included. Both are read in their format
(plain text, Markdown, HTML); a line's text is the prose that stands on it."""

from __future__ import annotations

from bisect import bisect_left

from newslint.bitext.document import BilingualDocument, Unit
from newslint.document import Document
from newslint.formats.reader import document
from newslint.spans import Span, trim


def read(target_text: str, target_path: str, source: Document, language: str | None = None) -> BilingualDocument:
    """The translation (target_text, read as its path's format), aligned with `source`."""
    target = document(target_text, target_path)
    target_lines = _lines(target)
    source_lines = _lines(source)
    units = []
    end_of_target = len(target_text)
    for index in range(max(len(source_lines), len(target_lines))):
        source_span = source_lines[index] if index < len(source_lines) else None
        target_span = target_lines[index] if index < len(target_lines) else None
        target_at = target_span[0] if target_span else end_of_target
        units.append(
            Unit(
                str(index + 1),
                _prose_span(source, source_span),
                _prose_span(target, target_span),
                target_at,
                paired=source_span is not None and target_span is not None,
            )
        )
    view = target._view  # noqa: SLF001 - the same reading of the file, kept for its map
    return BilingualDocument(
        target.text,
        target_path,
        units,
        source,
        language,
        view=view,
        file_text=target_text,
        writable=lambda replacement: "\n" not in replacement and "\r" not in replacement,
        line_counts=(len(source_lines), len(target_lines)),
    )


def _lines(doc: Document) -> list[tuple[int, int]]:
    """File spans of the document's lines, without the blank lines that end it."""
    lines = list(doc.lines())
    while lines and not doc.source[lines[-1][0] : lines[-1][1]].strip():
        lines.pop()
    return lines


def _prose_span(doc: Document, file_span: tuple[int, int] | None) -> Span | None:
    """The stretch of the document's prose that stands on a stretch of its file, trimmed."""
    if file_span is None:
        return None
    offsets = range(len(doc.text) + 1)
    start = bisect_left(offsets, file_span[0], key=lambda offset: doc.source_span(offset, offset)[0])
    end = bisect_left(offsets, file_span[1], key=lambda offset: doc.source_span(offset, offset)[0])
    return trim(doc.text, Span(start, end))
