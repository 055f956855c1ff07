"""Markdown: the prose of a document, with an exact map back to the source.

Blocks come from markdown-it-py (CommonMark, plus tables and strikethrough): its token line maps
say which lines hold a paragraph, a heading, a list item or a table cell, and code blocks, HTML
blocks and reference definitions never reach the rules. Within a block, the inline markup is
read here, character by character, so that each prose character knows its source offset: links
keep their text and lose their targets, images keep their alt text, emphasis markers, inline
HTML and inline code are left out (code as a placeholder, so "run `ls`." does not become
"run .") and entities are decoded. YAML front matter is skipped except its `title` and
`description`, which are prose.
"""

from __future__ import annotations

import html
from collections.abc import Iterator

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from newslint import lazy_regex as regex
from newslint.formats.prose import PLACEHOLDER, Comment, ProseBuilder, ProseView
from newslint.formats.templates import TemplateIndex, blank, find_mdx, find_templates, merged
from newslint.records import record
from newslint.regexes import lazy
from newslint.rules.yaml_source import parse_yaml
from newslint.spans import Span

_PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
_LINE = lazy(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_FRONT_MATTER_FENCE = lazy(r"---[ \t]*")
_FRONT_MATTER_END = lazy(r"(?:---|\.\.\.)[ \t]*")
_FRONT_MATTER_PROSE = lazy(r"(?P<key>title|description)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*")
_BLOCK_SCALAR = lazy(r"[|>][1-9+-]*")
_HTML_COMMENT = lazy(r"<!--(.*?)-->", regex.DOTALL)

# Inline constructs, leftmost first: what is left out of the prose or replaced in it.
_INLINE = lazy(
    r"""(?P<escape>\\[!-/:-@\[-`{-~])
    |(?P<code>(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`))
    |(?P<autolink><(?:[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s]+)>)
    |(?P<comment><!--.*?-->)
    |(?P<rawcode><(?P<rawtag>code|kbd|samp|var|script|style)\b[^>]*>.*?</(?P=rawtag)\s*>)
    |(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*/?>)
    |(?P<entity>&(?:\#[0-9]{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)""",
    regex.VERBOSE | regex.DOTALL,
)
_EMPHASIS = lazy(r"\*+|_+|~~")
_BRACKET = lazy(r"[\[\]]")
_LINK_DESTINATION = lazy(
    r"""\(\s*(?:<[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*)(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*\)""",
    regex.VERBOSE | regex.DOTALL,
)
_LINK_LABEL = lazy(r"\[((?:[^\[\]\\]|\\.){0,999})\]", regex.DOTALL)


def prose_view(source: str, mdx: bool = False) -> ProseView:
    """The prose of a Markdown document (`mdx`: of an MDX one, whose JSX, {expressions} and
    import/export lines are markup too). Template syntax (see templates.py) is blanked out before
    markdown-it sees the text; the prose is copied from the source around it."""
    builder = ProseBuilder(source)
    lines = [Span(m.start(), m.start() + len(m.group().rstrip("\r\n"))) for m in _LINE.finditer(source)]
    front_matter_lines = _front_matter(source, lines, builder)
    body = lines[front_matter_lines].start if front_matter_lines < len(lines) else len(source)
    templates = TemplateIndex(merged(find_templates(source, body), find_mdx(source, body) if mdx else []))
    builder.comments.extend(Comment(t.span, t.comment) for t in templates.templates if t.comment is not None)
    text = blank(source, templates.templates)  # same offsets and lines as the source
    blanked = "\n" * front_matter_lines + "".join(
        text[line.start : line.end] + "\n" for line in lines[front_matter_lines:]
    )
    env: dict = {}
    tokens = _PARSER.parse(blanked, env)
    references = set(env.get("references", {}))
    row_column = 0  # the cells of a table row are found left to right on its line
    previous = ""
    for token in tokens:
        if token.type == "tr_open":
            row_column = 0
        if token.type == "inline" and token.map:
            in_cell = previous in ("th_open", "td_open")
            ranges, end_column = _locate(text, lines, token, row_column if in_cell else 0)
            if in_cell:
                row_column = end_column
            if ranges is not None:
                _InlineReader(text, ranges, references, builder, templates).read()
            builder.end_block(fragment=in_cell)
            if ranges:
                _captions(templates, ranges[0].start, ranges[-1].end, builder)
        elif token.type == "html_block" and token.map:
            _block_comments(source, lines, token, builder)
        previous = token.type
    return builder.build()


def _front_matter(source: str, lines: list[Span], builder: ProseBuilder) -> int:
    """Read YAML front matter: its title and description become paragraphs. Returns its line count."""
    if not lines or not _FRONT_MATTER_FENCE.fullmatch(source, lines[0].start, lines[0].end):
        return 0
    for index in range(1, len(lines)):
        line = lines[index]
        if _FRONT_MATTER_END.fullmatch(source, line.start, line.end):
            inner = lines[1:index]
            texts = _string_values(source[lines[0].end : line.start])
            for number, key_line in enumerate(inner):
                match = _FRONT_MATTER_PROSE.fullmatch(source, key_line.start, key_line.end)
                if match and match.group("key") in texts:
                    _front_matter_value(
                        source, match.span("value"), _continuation(source, inner[number + 1 :]), builder
                    )
            return index + 1
    return 0


def _string_values(front_matter: str) -> set[str]:
    """Which of title and description the YAML gives as text (not a mapping, a list, a date);
    none when it is not valid YAML."""
    try:
        data = parse_yaml(front_matter)  # nesting is bounded: a hostile story gets no traceback
    except yaml.YAMLError:
        return set()
    if not isinstance(data, dict):
        return set()
    return {key for key in ("title", "description") if isinstance(data.get(key), str)}


def _continuation(source: str, lines: list[Span]) -> list[Span]:
    """The indented lines that carry a value on (a block scalar, a folded plain or quoted one),
    each without its indentation."""
    found = []
    for line in lines:
        text = source[line.start : line.end]
        if text.strip() and not text[:1].isspace():
            break
        if text.strip():
            found.append(Span(line.end - len(text.lstrip()), line.end))
    return found


def _front_matter_value(source: str, first: tuple[int, int], more: list[Span], builder: ProseBuilder) -> None:
    """A title or description as one paragraph: the text on the key's line (unless it only opens
    a block scalar, `|` or `>`) and its continuation lines, without the quotes around it."""
    pieces = [] if _BLOCK_SCALAR.fullmatch(source, *first) else [Span(*first)] if first[1] > first[0] else []
    pieces += more
    if not pieces:
        return
    opening = source[pieces[0].start]
    if opening in "\"'" and source[pieces[-1].end - 1] == opening and pieces[-1].end - pieces[0].start >= 2:
        pieces[0] = Span(pieces[0].start + 1, pieces[0].end)
        pieces[-1] = Span(pieces[-1].start, pieces[-1].end - 1)
    for number, piece in enumerate(pieces):
        if number:
            builder.replaced("\n", piece.start, piece.start)  # YAML folds the line break
        builder.verbatim(piece.start, piece.end)
    builder.end_block()


def _locate(source: str, lines: list[Span], token: Token, column: int = 0) -> tuple[list[Span] | None, int]:
    """Source ranges of an inline token's content lines, and the column after the last one.

    markdown-it gives the lines of a block; each content line is found verbatim on the next of
    them (after list markers, quote markers and indentation). If one cannot be found exactly, the
    block is skipped (None) rather than reported at a guessed place.
    """
    first_line, last_line = token.map  # type: ignore[misc]
    line_index, end_column = first_line, column
    ranges: list[Span] = []
    for wanted in (part.strip() for part in token.content.split("\n")):
        if not wanted:
            continue
        while True:
            if line_index >= min(last_line, len(lines)):
                return None, column
            line = lines[line_index]
            found = source.find(wanted, line.start + column, line.end)
            if found >= 0:
                break
            line_index, column = line_index + 1, 0
        ranges.append(Span(found, found + len(wanted)))
        end_column = found + len(wanted) - line.start
        line_index, column = line_index + 1, 0
    return ranges, end_column


def _captions(templates: TemplateIndex, start: int, end: int, builder: ProseBuilder) -> None:
    """The prose attributes of the shortcodes in a block, each a unit of its own after it."""
    for template in templates.within(start, end):
        for caption in template.captions:
            builder.verbatim(*caption)
            builder.end_block()


def _block_comments(source: str, lines: list[Span], token: Token, builder: ProseBuilder) -> None:
    first_line, last_line = token.map  # type: ignore[misc]
    start = lines[first_line].start
    end = lines[min(last_line, len(lines)) - 1].end
    for match in _HTML_COMMENT.finditer(source, start, end):
        builder.comments.append(Comment(Span(match.start(), match.end()), match.group(1).strip()))


@record
class _Link:
    """A link or image: its text is prose, the brackets and the target are not."""

    open_end: int  # after "[" or "!["
    text_end: int  # the "]"
    close_end: int  # after "](target)" or "][label]" or "]"


class _InlineReader:
    """Reads the inline markup of one block and feeds its prose to the builder. Markup is found in
    `text` (the source with template syntax blanked out); prose is copied from the source."""

    def __init__(
        self,
        text: str,
        ranges: list[Span],
        references: set[str],
        builder: ProseBuilder,
        templates: TemplateIndex,
    ) -> None:
        self.text = text
        self.ranges = ranges
        self.references = references
        self.builder = builder
        self.templates = templates

    def read(self) -> None:
        """The block's lines are read as one stretch, so that code, links and tags may run over a
        line break; what lies between its lines (quote markers, indentation) is never prose."""
        if not self.ranges:
            return
        self._gaps = [Span(a.end, b.start) for a, b in zip(self.ranges, self.ranges[1:])]
        self._read_range(self.ranges[0].start, self.ranges[-1].end)

    def _emit(self, start: int, end: int) -> None:
        """Copy source[start:end] into the prose; a template construct stands in it as a
        placeholder."""
        for piece_start, piece_end, template in self.templates.pieces(start, end):
            if template is None:
                self._emit_plain(piece_start, piece_end)
            elif piece_start == template.span.start:
                self.builder.replaced(PLACEHOLDER, *template.span)

    def _emit_plain(self, start: int, end: int) -> None:
        """Copy source[start:end] into the prose; a line break between the block's lines becomes
        a plain "\n" of the prose, which no fix may cross."""
        position = start
        for gap in self._gaps:
            if gap.end <= position or gap.start >= end:
                continue
            if gap.start > position:
                self.builder.verbatim(position, gap.start)
            self.builder.replaced("\n", gap.start, gap.start)
            position = gap.end
        if position < end:
            self.builder.verbatim(position, end)

    def _read_range(self, start: int, end: int) -> None:
        constructs = list(_INLINE.finditer(self.text, start, end))
        links = self._links(start, end, constructs)
        position = start
        for match in constructs:
            self._plain(position, match.start(), links)
            self._construct(match)
            position = match.end()
        self._plain(position, end, links)

    def _construct(self, match: regex.Match) -> None:
        """Escapes keep their character, code becomes a placeholder, entities are decoded, comments
        are kept aside for suppression, and HTML tags are left out."""
        if match.group("escape"):
            self._emit(match.start() + 1, match.end())
        elif match.group("code") or match.group("autolink") or match.group("rawcode"):
            self.builder.replaced(PLACEHOLDER, match.start(), match.end())
        elif match.group("comment"):
            self.builder.comments.append(Comment(Span(match.start(), match.end()), match.group()[4:-3].strip()))
        elif match.group("entity"):
            self.builder.replaced(html.unescape(match.group()), match.start(), match.end())

    def _links(self, start: int, end: int, constructs: list[regex.Match]) -> dict[int, _Link]:
        """Links and images by the offset of their "[" (or "!["), outside code and HTML."""
        protected = [(m.start(), m.end()) for m in constructs]
        links: dict[int, _Link] = {}
        openers: list[int] = []
        for bracket in _BRACKET.finditer(self.text, start, end):
            offset, char = bracket.start(), bracket.group()
            if any(s <= offset < e for s, e in protected):
                continue
            if char == "[":
                openers.append(offset)
                continue
            if not openers:
                continue
            opener = openers.pop()
            close_end = self._link_tail(opener, offset, end)
            if close_end is not None:
                image = opener > start and self.text[opener - 1] == "!"
                links[opener - 1 if image else opener] = _Link(opener + 1, offset, close_end)
                openers.clear()  # links do not nest
        return links

    def _link_tail(self, opener: int, closer: int, end: int) -> int | None:
        """End of "](target)", "][label]" or "]" when the bracket pair is a link; None otherwise."""
        destination = _LINK_DESTINATION.match(self.text, closer + 1, end)
        if destination:
            return destination.end()
        label = _LINK_LABEL.match(self.text, closer + 1, end)
        written = self.text[opener + 1 : closer]
        if label:
            name = label.group(1) or written
            return label.end() if _normalise(name) in self.references else None
        return closer + 1 if _normalise(written) in self.references else None

    def _plain(self, start: int, end: int, links: dict[int, _Link]) -> None:
        """Text outside inline constructs: link syntax and emphasis markers are left out."""
        for piece_start, piece_end in self._outside_link_syntax(start, end, links):
            position = piece_start
            for marker in _EMPHASIS.finditer(self.text, piece_start, piece_end):
                if self._is_markup(marker):
                    self._emit(position, marker.start())
                    position = marker.end()
            self._emit(position, piece_end)

    def _outside_link_syntax(self, start: int, end: int, links: dict[int, _Link]) -> Iterator[tuple[int, int]]:
        """Pieces of start..end with link brackets and targets cut out."""
        cuts = sorted(
            (cut_start, cut_end)
            for opener, link in links.items()
            for cut_start, cut_end in ((opener, link.open_end), (link.text_end, link.close_end))
            if cut_start < end and start < cut_end
        )
        position = start
        for cut_start, cut_end in cuts:
            if cut_start > position:
                yield position, min(cut_start, end)
            position = max(position, cut_end)
        if position < end:
            yield position, end

    def _is_markup(self, marker: regex.Match) -> bool:
        """Emphasis markers are markup; "5 * 3" and snake_case are text."""
        before = self.text[marker.start() - 1] if marker.start() > 0 else " "
        after = self.text[marker.end()] if marker.end() < len(self.text) else " "
        if marker.group().startswith("_"):
            return not (before.isalnum() and after.isalnum())
        if marker.group() == "~~":
            return True
        return not (before.isspace() and after.isspace())


def _normalise(label: str) -> str:
    """markdown-it's reference label normalisation."""
    return " ".join(label.split()).lower().upper()
