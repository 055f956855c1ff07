"""The prose of a marked-up file, and an exact map from each prose character back to the source.

Rules read only the words a reader sees. Markdown and HTML are reduced to that prose piece by
piece, and every piece remembers where it came from: copied verbatim, decoded from an entity
(`&amp;` -> `&`), or inserted (a paragraph break, a placeholder for inline code). Positions are
mapped back through that record, never searched for again, so they are exact; and a fix is
applied only where the prose it edits is a verbatim, contiguous stretch of the source, so that
it cannot cut through markup.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

from newslint.records import field, record
from newslint.spans import Span, trim

PLACEHOLDER = "\ufffc"  # stands for inline code, an autolink, an image without alt text


class Segment(NamedTuple):
    """prose[prose_start:prose_start+prose_length] came from source[source_start:source_start+source_length]."""

    prose_start: int
    source_start: int
    prose_length: int
    source_length: int

    @property
    def verbatim(self) -> bool:
        return self.prose_length == self.source_length


@record(frozen=True)
class Comment:
    """A comment in the markup (`<!-- ... -->`): invisible to rules, visible to suppression."""

    span: Span  # in the source
    text: str


@record
class ProseView:
    """Prose text, its paragraphs (prose offsets) and the map back to the source."""

    text: str
    paragraphs: list[Span]
    segments: list[Segment]
    comments: list[Comment] = field(default_factory=list)
    fragments: frozenset[int] = frozenset()  # starts of paragraphs that are not sentences (table cells)

    def __post_init__(self) -> None:
        self._starts = [segment.prose_start for segment in self.segments]

    def _segment(self, offset: int) -> Segment | None:
        index = bisect_right(self._starts, offset) - 1
        return self.segments[index] if index >= 0 else None

    def source_start(self, offset: int) -> int:
        """Source offset where the prose character at `offset` begins."""
        segment = self._segment(offset)
        if segment is None:
            return 0
        inside = offset - segment.prose_start
        if segment.verbatim:
            return segment.source_start + min(inside, segment.source_length)
        return segment.source_start + (segment.source_length if inside >= segment.prose_length else 0)

    def source_end(self, offset: int) -> int:
        """Source offset where a prose span ending (exclusively) at `offset` ends."""
        return self.source_start(offset - 1) + self._source_width(offset - 1) if offset > 0 else 0

    def _source_width(self, offset: int) -> int:
        segment = self._segment(offset)
        if segment is None or offset >= segment.prose_start + segment.prose_length:
            return 0
        return 1 if segment.verbatim else segment.source_length

    def is_verbatim(self, start: int, end: int) -> bool:
        """Whether prose[start:end] is copied unchanged from one contiguous stretch of the source."""
        if start >= end:
            segment = self._segment(start)
            return segment is not None and segment.verbatim
        index = bisect_right(self._starts, start) - 1
        if index < 0:
            return False
        expected_source = None
        while start < end:
            if index >= len(self.segments):
                return False
            segment = self.segments[index]
            if not segment.verbatim or start >= segment.prose_start + segment.prose_length:
                return False
            source = segment.source_start + (start - segment.prose_start)
            if expected_source is not None and source != expected_source:
                return False
            step = min(end, segment.prose_start + segment.prose_length) - start
            expected_source = source + step
            start += step
            index += 1
        return True


class ProseBuilder:
    """Builds a ProseView piece by piece, in source order."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._parts: list[str] = []
        self._segments: list[Segment] = []
        self._length = 0
        self._paragraphs: list[tuple[Span, bool]] = []
        self._block_start: int | None = None
        self.comments: list[Comment] = []

    def _add(self, text: str, source_start: int, source_length: int) -> None:
        if not text:
            return
        if self._block_start is None:
            self._open_block()
        last = self._segments[-1] if self._segments else None
        if (
            last is not None
            and last.verbatim
            and len(text) == source_length
            and last.prose_start + last.prose_length == self._length
            and last.source_start + last.source_length == source_start
        ):
            self._segments[-1] = last._replace(
                prose_length=last.prose_length + len(text), source_length=last.source_length + source_length
            )
        else:
            self._segments.append(Segment(self._length, source_start, len(text), source_length))
        self._parts.append(text)
        self._length += len(text)

    def _open_block(self) -> None:
        if self._segments:
            self._parts.append("\n\n")  # blocks never run into each other
            previous = self._segments[-1]
            self._segments.append(Segment(self._length, previous.source_start + previous.source_length, 2, 0))
            self._length += 2
        self._block_start = self._length

    def verbatim(self, start: int, end: int) -> None:
        """Copy source[start:end] into the prose."""
        self._add(self.source[start:end], start, end - start)

    def replaced(self, text: str, start: int, end: int) -> None:
        """Put text into the prose in place of source[start:end] (a decoded entity, a placeholder)."""
        self._add(text, start, end - start)

    def end_block(self, fragment: bool = False) -> None:
        """Close the current paragraph (a heading, a list item, a table cell ...), if one is open.
        A fragment (a table cell) is a unit of its own but not a sentence that needs a capital."""
        if self._block_start is not None:
            start = self._block_start
            if self._length > start:
                self._paragraphs.append((Span(start, self._length), fragment))
            self._block_start = None

    def build(self) -> ProseView:
        self.end_block()
        text = "".join(self._parts)
        paragraphs, fragments = [], set()
        for span, fragment in self._paragraphs:
            trimmed = trim(text, span)
            if trimmed:
                paragraphs.append(trimmed)
                if fragment:
                    fragments.add(trimmed.start)
        return ProseView(text, paragraphs, self._segments, self.comments, frozenset(fragments))
