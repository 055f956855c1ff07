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

from newslint import lazy_regex as regex
from newslint.formats.prose import PLACEHOLDER, Comment, ProseBuilder, ProseView
from newslint.formats.templates import FILLER, Template, TemplateIndex, blank, find_templates, merged
from newslint.regexes import lazy
from newslint.spans import Span

BLOCK_TAGS = frozenset(
    """address article aside blockquote body caption dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hr html legend li main nav ol
    option p section summary table tbody td tfoot th thead title tr ul""".split()
)
SKIPPED_TAGS = frozenset("script style pre code kbd samp var textarea template noscript svg math".split())
# Skipped inside a sentence: they stand in it as a placeholder, so "run <code>ls</code>." does not
# read as "run ." (a space before a period), as inline code does in Markdown.
INLINE_SKIPPED_TAGS = frozenset("code kbd samp var svg math".split())
_ALT_PIECE = lazy(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?|[^&]+|&")
_ALT = lazy(r"""\salt\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s"'=<>`]+))""", regex.IGNORECASE)


def prose_view(source: str) -> ProseView:
    """The prose of a page. The parser reads a copy of the source (same offsets) in which template
    syntax is blanked out and a bare `&#` neutralised; prose is copied from the source itself."""
    templates = TemplateIndex(merged(find_templates(source), _unclosed_tag_at_the_end(source)))
    fed = _BARE_CHARACTER_REFERENCE.sub(FILLER, blank(source, templates.templates))
    reader = _Reader(source, fed, templates)
    reader.feed(fed)
    reader.close()
    return reader.builder.build()


# "&#" not followed by a number: the standard library's parser then gives up on the rest of the
# page and hands it over as text, tags and attributes included ("Use the tag &# in posts").
_BARE_CHARACTER_REFERENCE = lazy(r"&(?=#(?![0-9]|[xX][0-9a-fA-F]))")
# Markup in what the parser calls text means it lost its way: from there on, nothing is prose.
_MARKUP_IN_TEXT = lazy(r"<[A-Za-z/!?]")
_LAST_TAG_OPENING = lazy(r"(?r)<[A-Za-z/!?]")


def _unclosed_tag_at_the_end(source: str) -> list[Template]:
    """A tag or comment the page ends inside (`<a title="Kiev`): a browser drops it, the parser
    would hand it over as text."""
    opening = _LAST_TAG_OPENING.search(source)
    if opening is None or ">" in source[opening.start() :]:
        return []
    return [Template(Span(opening.start(), len(source)))]


class _Reader(HTMLParser):
    def __init__(self, source: str, fed: str, templates: TemplateIndex) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.fed = fed  # what the parser reads: the source, blanked where it is not HTML
        self.templates = templates
        self.builder = ProseBuilder(source)
        self._skipping = 0
        self._cells = 0  # open td/th elements: their text is a fragment, not a sentence
        self._alts: list[tuple[int, int]] = []  # alt texts, each a unit of its own after its block
        # The parser counts lines by "\n" alone; so do these line starts.
        self._line_starts = [0] + [m.end() for m in regex.finditer(r"\n", source)]

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _end_block(self) -> None:
        self.builder.end_block(fragment=self._cells > 0)
        alts, self._alts = self._alts, []
        for start, end in alts:
            self._alt_block(start, end)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in INLINE_SKIPPED_TAGS and not self._skipping:
            start = self._offset()
            self.builder.replaced(PLACEHOLDER, start, start)
        if tag in SKIPPED_TAGS:
            self._skipping += 1
        if tag in ("tr", "table", "tbody", "thead", "tfoot"):
            self._cells = 0  # a cell left open (</td> may be omitted) ends with its row
        if tag in BLOCK_TAGS:
            self._end_block()
        if tag in ("td", "th"):
            self._cells += 1
        self._inline_markup(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self._end_block()
        self._inline_markup(tag)

    def _inline_markup(self, tag: str) -> None:
        """<br> breaks a line, not a sentence; an image stands in its sentence as a placeholder and
        its alt text becomes a unit of its own once the block around it ends."""
        if self._skipping or tag not in ("br", "img"):
            return
        start = self._offset()
        if tag == "br":
            self.builder.replaced("\n", start, start)
            return
        self.builder.replaced(PLACEHOLDER, start, start)
        alt = _ALT.search(self.get_starttag_text() or "")
        if alt:
            group = next(name for name in ("double", "single", "bare") if alt.group(name) is not None)
            self._alts.append((start + alt.start(group), start + alt.end(group)))

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_TAGS and self._skipping:
            self._skipping -= 1
        if tag in BLOCK_TAGS:
            self._end_block()
        if tag in ("td", "th") and self._cells:
            self._cells -= 1
        if tag in ("tr", "table"):
            self._cells = 0

    def close(self) -> None:
        super().close()
        self._end_block()

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        start = self._offset()
        if not self.fed.startswith(data, start):
            return
        markup = _MARKUP_IN_TEXT.search(data)
        self._copy(start, start + (markup.start() if markup else len(data)))

    def _copy(self, start: int, end: int) -> None:
        """source[start:end] into the prose, a template construct as a placeholder."""
        for piece_start, piece_end, template in self.templates.pieces(start, end):
            if template is None:
                self.builder.verbatim(piece_start, piece_end)
            elif piece_start == template.span.start:
                self.builder.replaced(PLACEHOLDER, *template.span)

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

    def _alt_block(self, start: int, end: int) -> None:
        """An image's alt text, a unit of prose of its own (entities in it are decoded)."""
        for piece in _ALT_PIECE.finditer(self.source, start, end):
            decoded = html.unescape(piece.group())
            if decoded == piece.group():
                self._copy(piece.start(), piece.end())
            else:
                self.builder.replaced(decoded, piece.start(), piece.end())
        self.builder.end_block()
