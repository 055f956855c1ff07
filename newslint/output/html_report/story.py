"""A story as a reader sees it, and where each finding stands in it.

Findings are positioned in the file (source offsets). A plain-text story is shown as it is; a
Markdown or HTML story is shown as its prose, rebuilt with the same reader the linter used
(formats/), whose segment map says where every prose character came from. That map, read
backwards, puts each finding on the very words it flagged. A finding on markup alone (a
suppression comment, say) has no words in the prose and is listed without a place.
"""

from __future__ import annotations

from bisect import bisect_right

from newslint.formats import plaintext
from newslint.formats.prose import PLACEHOLDER, ProseView, Segment
from newslint.formats.reader import format_of
from newslint.records import record
from newslint.spans import Span


@record(frozen=True)
class _Piece:
    """source[source_start:source_end] became prose[prose_start:prose_start+prose_length]."""

    source_start: int
    source_end: int
    prose_start: int
    prose_length: int

    @property
    def verbatim(self) -> bool:
        return self.source_end - self.source_start == self.prose_length


class Story:
    """The text to show, its paragraphs, and the map from file offsets into it."""

    def __init__(
        self, text: str, paragraphs: list[Span], markup: bool, view: ProseView | None = None, source: str = ""
    ) -> None:
        self.text = text
        self.paragraphs = paragraphs  # in story offsets, in order
        self._paragraph_starts = [paragraph.start for paragraph in paragraphs]
        self.markup = markup  # prose of Markdown or HTML: shown as a browser shows text
        pieces = [] if view is None else [_piece(segment) for segment in view.segments if segment.source_length]
        self._pieces = sorted(pieces, key=lambda piece: piece.source_start)
        self._starts = [piece.source_start for piece in self._pieces]
        self._identity = view is None
        # What each placeholder stands for (inline code, an autolink), to show in its place.
        self.elided = {
            piece.prose_start: _shown_code(source[piece.source_start : piece.source_end])
            for piece in pieces
            if not piece.verbatim and text[piece.prose_start : piece.prose_start + 1] == PLACEHOLDER
        }

    def place(self, start: int, end: int) -> Span | None:
        """Where the file's text[start:end] stands in the story; None when it is markup only."""
        if self._identity:
            return Span(start, end)
        if start == end:
            point = self._prose_start(start)
            return None if point is None else Span(point, point)
        first, last = self._prose_start(start), self._prose_end(end)
        if first is None or last is None or last <= first:
            return None
        return Span(first, last)

    def _prose_start(self, offset: int) -> int | None:
        """The prose offset of the first prose character at or after the file's offset."""
        index = bisect_right(self._starts, offset) - 1
        if index >= 0 and offset < self._pieces[index].source_end:
            piece = self._pieces[index]
            return piece.prose_start + (offset - piece.source_start if piece.verbatim else 0)
        following = index + 1
        return self._pieces[following].prose_start if following < len(self._pieces) else None

    def _prose_end(self, offset: int) -> int | None:
        """The prose offset just after the last prose character before the file's offset."""
        index = bisect_right(self._starts, offset - 1) - 1
        if index < 0:
            return None
        piece = self._pieces[index]
        if offset - 1 < piece.source_end and piece.verbatim:
            return piece.prose_start + (offset - piece.source_start)
        return piece.prose_start + piece.prose_length

    def paragraphs_under(self, span: Span) -> range:
        """Indexes of the paragraphs a span covers part of (an empty span: the paragraph it
        stands in, or at the very end of)."""
        first = bisect_right(self._paragraph_starts, span.start) - 1
        if (
            first < 0
            or span.start > self.paragraphs[first].end
            or (span.start == self.paragraphs[first].end and span.end > span.start)
        ):
            first += 1  # the span starts between paragraphs
        last = bisect_right(self._paragraph_starts, max(span.end - 1, span.start)) - 1
        return range(first, last + 1)


def _shown_code(source: str, longest: int = 60) -> str:
    """`code` or <https://...> as a reader sees it: without its backticks or angle brackets."""
    shown = source.strip()
    shown = shown[1:-1] if shown.startswith("<") and shown.endswith(">") else shown.strip("`")
    shown = " ".join(shown.split())
    return shown if len(shown) <= longest else shown[: longest - 1] + "…"


def _piece(segment: Segment) -> _Piece:
    return _Piece(
        segment.source_start, segment.source_start + segment.source_length, segment.prose_start, segment.prose_length
    )


def story_of(text: str, path: str) -> Story:
    """The story in a file's decoded text, read as its format (by the path's extension)."""
    kind = format_of(path)
    if kind == "text":
        return Story(text, plaintext.paragraphs(text), markup=False)
    if kind in ("markdown", "mdx"):  # as formats.reader.document reads them for the linter
        from newslint.formats.markdown import prose_view as markdown_view

        view = markdown_view(text, mdx=kind == "mdx")
    else:
        from newslint.formats.html import prose_view

        view = prose_view(text)
    return Story(view.text, list(view.paragraphs), markup=True, view=view, source=text)
