"""Template syntax in copy: Hugo shortcodes, Liquid and Nunjucks tags, and MDX's JSX and expressions.

Newsrooms that keep copy in git publish it with static-site generators (Hugo, Jekyll, Eleventy,
Astro), whose syntax sits between the words: `{{< figure src="/img/kiev-night.jpg" >}}`,
`{% include related.html slug="kiev-talks" %}`, `{{ page.title }}`; in MDX also `<Chart data={x} />`,
`{expressions}` and import/export lines. All of it is markup. The Markdown and HTML readers blank
it out (same length, line breaks kept) before their parser sees the text, so that its words and
paths never reach the rules and no fix can touch it; where it stood in a sentence, the prose
holds a placeholder. The caption-like attributes of a shortcode or an include (caption, alt,
title ...) are prose: each is a unit of its own, read exactly from inside its quotes.

Code-like regions are markup as a whole: Liquid `{% raw %}`, `{% comment %}` and
`{% highlight %}` blocks, Hugo's `{{< highlight >}}` pairs and Nunjucks `{# comments #}`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence

from newslint import lazy_regex as regex
from newslint.records import record
from newslint.regexes import lazy
from newslint.spans import Span

FILLER = "\ufffc"  # what a blanked construct looks like to a parser: one character, no syntax

# One shortcode, tag or output, never across a blank line (an opener left open is text).
_NO_BLANK_LINE = r"(?:(?!\n[ \t]*\r?\n).)"
_TAG = lazy(
    rf"""(?P<hugo>\{{\{{<{_NO_BLANK_LINE}*?>\}}\}}|\{{\{{%{_NO_BLANK_LINE}*?%\}}\}})
    |\{{%{_NO_BLANK_LINE}*?%\}}
    |\{{\{{{_NO_BLANK_LINE}*?\}}\}}
    |\{{\#.*?\#\}}""",
    regex.VERBOSE | regex.DOTALL,
)
_OPENER = lazy(r"\{[{%#]")
# Tags that open a region whose whole content is markup, and how that region ends.
_NAME = lazy(r"\{(?:\{[<%]|%)-?\s*/?(?P<name>[A-Za-z_][\w-]*)")
_LIQUID_REGIONS = {"raw": "endraw", "comment": "endcomment", "highlight": "endhighlight", "verbatim": "endverbatim"}
_HUGO_REGIONS = frozenset({"highlight"})
# key="value" in a shortcode or include; only plain text values are read as prose.
_ATTRIBUTE = lazy(r"""(?<![\w-])(?P<key>[A-Za-z][\w-]*)\s*=\s*(?P<quote>["'])(?P<value>.*?)(?P=quote)""", regex.DOTALL)
PROSE_ATTRIBUTES = frozenset({"alt", "caption", "title", "description", "summary", "attr", "attribution"})
_NOT_PLAIN = lazy(r"[<>\[\]*_`{}&\\\n]|\S\.\S*/|\.(?:jpe?g|png|gif|webp|svg|pdf|html?)\b", regex.IGNORECASE)


@record(frozen=True)
class Template:
    """One construct of template syntax: its span in the source, the attribute values that are
    prose, and the text of a comment (`{/* newslint: disable */}` in MDX) for suppression."""

    span: Span
    captions: tuple[Span, ...] = ()
    comment: str | None = None


def find_templates(source: str, start: int = 0) -> list[Template]:
    """Shortcodes, Liquid/Nunjucks tags and outputs, and code-like regions, in source order."""
    found: list[Template] = []
    position = start
    while True:
        opener = _OPENER.search(source, position)
        if opener is None:
            return found
        tag = _TAG.match(source, opener.start())
        if tag is None:
            position = opener.start() + 1
            continue
        end = _region_end(source, tag) or tag.end()
        found.append(Template(Span(tag.start(), end), _captions(source, tag)))
        position = end


def _region_end(source: str, tag: regex.Match) -> int | None:
    """Where a code-like region that `tag` opens ends (its closing tag's end), if it opens one."""
    name = _NAME.match(tag.group())
    if name is None:
        return None
    if tag.group("hugo"):
        if name.group("name") not in _HUGO_REGIONS or "/" in tag.group()[: name.start("name")]:
            return None
        closing = lazy(rf"\{{\{{[<%]\s*/{regex.escape(name.group('name'))}\s*[>%]\}}\}}")
    else:
        ending = _LIQUID_REGIONS.get(name.group("name"))
        if ending is None:
            return None
        closing = lazy(rf"\{{%-?\s*{ending}\s*-?%\}}")
    match = closing.search(source, tag.end())
    return match.end() if match else None


def _captions(source: str, tag: regex.Match) -> tuple[Span, ...]:
    """The prose attribute values of a shortcode or include: plain text only (no markup, no
    path), within the quotes."""
    text = tag.group()
    name = _NAME.match(text)
    if name is None or not (tag.group("hugo") or name.group("name") == "include"):
        return ()
    spans = []
    for attribute in _ATTRIBUTE.finditer(source, tag.start(), tag.end()):
        value = attribute.group("value")
        if attribute.group("key").lower() in PROSE_ATTRIBUTES and value.strip() and not _NOT_PLAIN.search(value):
            spans.append(Span(*attribute.span("value")))
    return tuple(spans)


# --- MDX ----------------------------------------------------------------------------------------

_JSX_START = lazy(r"<(?:/?[A-Za-z][\w.:-]*|/?>)")
_EXPRESSION_COMMENT = lazy(r"\{\s*/\*(?P<text>.*?)\*/\s*\}", regex.DOTALL)


def find_mdx(source: str, start: int = 0) -> list[Template]:
    """MDX's own syntax: import/export blocks, JSX tags (attributes may hold {expressions}) and
    {expressions}, with `{/* comments */}` kept for suppression. A brace or angle bracket that
    opens nothing well-formed stays text."""
    found: list[Template] = []
    position = start
    for opener in _MDX_OPENER.finditer(source, start):
        if opener.start() < position:
            continue  # inside a construct found already
        begin = opener.start()
        if opener.group("esm"):
            end: int | None = _blank_line_after(source, begin)
        else:
            end = _construct_end(source, begin, tag=opener.group() == "<")
        if end is None or (not opener.group("esm") and _BLANK_LINE.search(source, begin, end)):
            continue  # opens nothing well-formed: text
        comment = _EXPRESSION_COMMENT.fullmatch(source, begin, end)
        found.append(Template(Span(begin, end), comment=comment.group("text").strip() if comment else None))
        position = end
    return found


_MDX_OPENER = lazy(r"(?P<esm>(?m:^)(?:import|export)\b)|\{|<(?=[A-Za-z/>])")
_BLANK_LINE = lazy(r"\n[ \t]*\r?\n")


def _blank_line_after(source: str, start: int) -> int:
    """ESM runs to the next blank line (or the end)."""
    blank = _BLANK_LINE.search(source, start)
    return blank.start() + 1 if blank else len(source)


def _construct_end(source: str, start: int, tag: bool) -> int | None:
    """The end of the {expression} (or, with `tag`, the JSX tag: `<Chart data={x} />`,
    `</Chart>`, `<>`) opening at start, its braces balanced; None when it is none."""
    if tag and not _JSX_START.match(source, start):
        return None
    depth = 0
    for index, char in _code_characters(source, start + 1 if tag else start):
        if index < 0:
            return None
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                return None
            if depth == 0 and not tag:
                return index + 1
        elif tag and depth == 0 and char in "<>":
            return index + 1 if char == ">" else None
    return None


def _code_characters(source: str, start: int) -> Iterator[tuple[int, str]]:
    """(index, character) of JavaScript-like code from start, strings ('', "", ``) and
    /* comments */ passed over; (-1, "") when one of them never ends."""
    index = start
    while index < len(source):
        char = source[index]
        if char in "\"'`":
            end = _string_end(source, index)
        elif source.startswith("/*", index):
            close = source.find("*/", index + 2)
            end = close + 2 if close >= 0 else None
        else:
            yield index, char
            index += 1
            continue
        if end is None:
            yield -1, ""
            return
        index = end


def _string_end(source: str, start: int) -> int | None:
    quote, index = source[start], start + 1
    while index < len(source):
        if source[index] == "\\":
            index += 2
            continue
        if source[index] == quote:
            return index + 1
        if source[index] == "\n" and quote != "`":
            return None
        index += 1
    return None


# --- using them ---------------------------------------------------------------------------------


def blank(source: str, templates: Iterable[Template]) -> str:
    """source with every construct replaced by FILLER, line breaks kept: a parser sees the same
    lines and offsets, and no syntax where the constructs stood."""
    pieces, position = [], 0
    for template in templates:
        start, end = template.span
        pieces.append(source[position:start])
        pieces.append(regex.sub(r"[^\r\n]", FILLER, source[start:end]))
        position = end
    pieces.append(source[position:])
    return "".join(pieces)


class TemplateIndex:
    """Which parts of a source are template syntax, for readers that copy prose from it."""

    def __init__(self, templates: Sequence[Template]) -> None:
        self.templates = list(templates)
        self._starts = [template.span.start for template in self.templates]

    def __bool__(self) -> bool:
        return bool(self.templates)

    def within(self, start: int, end: int) -> Iterator[Template]:
        """The constructs that overlap source[start:end], in order."""
        index = max(bisect_right(self._starts, start) - 1, 0)
        while index < len(self.templates) and self.templates[index].span.start < end:
            if self.templates[index].span.end > start:
                yield self.templates[index]
            index += 1

    def pieces(self, start: int, end: int) -> Iterator[tuple[int, int, Template | None]]:
        """source[start:end] cut into plain stretches (None) and constructs."""
        position = start
        for template in self.within(start, end):
            if template.span.start > position:
                yield position, template.span.start, None
            yield max(template.span.start, start), min(template.span.end, end), template
            position = template.span.end
        if position < end:
            yield position, end, None


def merged(*lists: Iterable[Template]) -> list[Template]:
    """Constructs of several kinds in source order, none inside or across another (the first
    found at a place wins; one that overlaps it is taken into it)."""
    result: list[Template] = []
    for template in sorted((t for found in lists for t in found), key=lambda t: (t.span.start, -t.span.end)):
        if result and template.span.start < result[-1].span.end:
            last = result[-1]
            if template.span.end > last.span.end:
                result[-1] = Template(Span(last.span.start, template.span.end), last.captions, last.comment)
            continue
        result.append(template)
    return result
