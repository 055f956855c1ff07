"""HTML: the prose of a page (CMS exports), with an exact map back to the source.

The standard library's parser reports where each piece of text starts; with character
references left undecoded it also reports each entity on its own, so "&amp;" becomes "&" in the
prose and still maps to its five source characters. Block elements end paragraphs; script,
style, pre, code and the like are skipped; tags and attributes are markup, except an image's alt
text, which is prose.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

import regex

from newslint.formats.prose import Comment, ProseBuilder, ProseView
from newslint.regexes import lazy
from newslint.spans import Span

BLOCK_TAGS = frozenset(
    """address article aside blockquote body br caption dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hr html legend li main nav ol
    option p section summary table tbody td tfoot th thead title tr ul""".split()
)
SKIPPED_TAGS = frozenset("script style pre code kbd samp var textarea template noscript svg math".split())
_ALT = lazy(r"""\salt\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s"'=<>`]+))""", regex.IGNORECASE)


def prose_view(source: str) -> ProseView:
    reader = _Reader(source)
    reader.feed(source)
    reader.close()
    return reader.builder.build()


class _Reader(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.builder = ProseBuilder(source)
        self._skipping = 0
        self._cells = 0  # open td/th elements: their text is a fragment, not a sentence
        # The parser counts lines by "\n" alone; so do these line starts.
        self._line_starts = [0] + [m.end() for m in regex.finditer(r"\n", source)]

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _end_block(self) -> None:
        self.builder.end_block(fragment=self._cells > 0)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED_TAGS:
            self._skipping += 1
        if tag in BLOCK_TAGS:
            self._end_block()
        if tag in ("td", "th"):
            self._cells += 1
        if tag == "img" and not self._skipping:
            self._alt_text(self._offset(), self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self._end_block()
        if tag == "img" and not self._skipping:
            self._alt_text(self._offset(), self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_TAGS and self._skipping:
            self._skipping -= 1
        if tag in BLOCK_TAGS:
            self._end_block()
        if tag in ("td", "th") and self._cells:
            self._cells -= 1

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        start = self._offset()
        if self.source.startswith(data, start):
            self.builder.verbatim(start, start + len(data))

    def handle_entityref(self, name: str) -> None:
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#" + name)

    def _reference(self, raw: str) -> None:
        if self._skipping:
            return
        start = self._offset()
        end = start + len(raw) + (1 if self.source.startswith(";", start + len(raw)) else 0)
        decoded = html.unescape(self.source[start:end])
        if decoded == self.source[start:end]:
            self.builder.verbatim(start, end)  # "AT&T": not a reference at all
        else:
            self.builder.replaced(decoded, start, end)

    def handle_comment(self, data: str) -> None:
        start = self._offset()
        self.builder.comments.append(Comment(Span(start, start + len(data) + 7), data.strip()))

    def _alt_text(self, tag_start: int, tag_text: str) -> None:
        """An image's alt text is prose of its own (entities in it are decoded)."""
        match = _ALT.search(tag_text)
        if not match:
            return
        group = next(name for name in ("double", "single", "bare") if match.group(name) is not None)
        start, end = tag_start + match.start(group), tag_start + match.end(group)
        self._end_block()
        for piece in regex.finditer(
            r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?|[^&]+|&", self.source[start:end]
        ):
            piece_start, piece_end = start + piece.start(), start + piece.end()
            decoded = html.unescape(piece.group())
            if decoded == piece.group():
                self.builder.verbatim(piece_start, piece_end)
            else:
                self.builder.replaced(decoded, piece_start, piece_end)
        self._end_block()
