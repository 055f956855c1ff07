"""Plain text: where paragraphs are.

News copy exported from a CMS holds one paragraph per line; copy typed into an editor or an
e-mail is often hard-wrapped, with blank lines between paragraphs. Both are common, so the
layout is detected per document: a paragraph is a line, unless the document looks hard-wrapped.
"""

from __future__ import annotations

from itertools import accumulate, count
from operator import add

from newslint.linebreaks import line_spans
from newslint.regexes import lazy
from newslint.spans import Span, new_tuple, trim

# A suppression directive on a line of its own ("newslint: disable=punct"), bare or as an HTML
# comment: not prose, but a comment for the suppression rules.
# Lines end in \n, \r\n or \r: `(?m)^...$` would know only \n.
DIRECTIVE_LINE = lazy(r"(?<![^\r\n])[ \t]*(?:<!--[ \t]*)?(?P<text>newslint:[^\r\n]*?)(?:[ \t]*-->)?[ \t]*(?=[\r\n]|\Z)")
_SENTENCE_END = lazy(r"[.!?:;…\"”’')\]]\s*$")

WRAP_WIDTH = 100  # a hard-wrapped document has no longer lines than this (a few exceptions aside)


def _blank_lines(text: str, contents: list[str]) -> list[bool]:
    """Whether each line is blank, or a directive line: neither is part of a paragraph."""
    blank = [not content.strip() for content in contents]
    if "newslint:" in text:  # directives are rare: most documents need no match per line
        blank = [
            is_blank or bool("newslint:" in content and DIRECTIVE_LINE.fullmatch(content))
            for content, is_blank in zip(contents, blank)
        ]
    return blank


def directive_lines(text: str) -> list[tuple[Span, str]]:
    """Suppression directives written as lines of their own: (the line, the directive)."""
    if "newslint:" not in text:
        return []
    return [(Span(m.start(), m.end()), m.group("text")) for m in DIRECTIVE_LINE.finditer(text)]


def _lines(text: str) -> tuple[list[int], list[str]]:
    """Where each line starts, and its content without its break (see linebreaks.line_spans).
    Without \\r, str.split gives the contents at once: no slice per line."""
    if "\r" in text:
        spans = line_spans(text)
        return [start for start, _ in spans], [text[start:end] for start, end in spans]
    contents = text.split("\n")
    if not contents[-1]:
        contents.pop()  # no empty line after a final break
    starts = [0, *map(add, accumulate(map(len, contents)), count(1))]  # each line's length plus its break
    starts.pop()
    return starts, contents


def _looks_hard_wrapped(contents: list[str], blank: list[bool]) -> bool:
    """True when consecutive lines look like one paragraph broken at a fixed width."""
    non_blank = [content for content, is_blank in zip(contents, blank) if not is_blank]
    if not non_blank:
        return False
    too_long = sum(1 for content in non_blank if len(content) > WRAP_WIDTH)
    if too_long > len(non_blank) * 0.05:
        return False
    joined = [
        content
        for content, is_blank, following_is_blank in zip(contents, blank, blank[1:])
        if not is_blank and not following_is_blank
    ]
    if not joined:
        return False
    open_ended = sum(1 for content in joined if not _SENTENCE_END.search(content))
    return open_ended * 2 >= len(joined)


def _trimmed(start: int, content: str) -> Span:
    """The span of a line that is not blank, starting at `start`, without its outer white space."""
    unindented = content.lstrip()
    first = start + len(content) - len(unindented)
    return Span(first, first + len(unindented.rstrip()))


def paragraphs(text: str) -> list[Span]:
    """Paragraph spans, trimmed of surrounding white space."""
    starts, contents = _lines(text)
    blank = _blank_lines(text, contents)
    if not _looks_hard_wrapped(contents, blank):
        # A paragraph a line (the common case): trimmed from the line's own content. Most lines
        # have no white space at either end (strip() then gives the line itself back): their span
        # is made without a Python call.
        return [
            new_tuple(Span, (start, start + len(content))) if content.strip() is content else _trimmed(start, content)
            for start, content, is_blank in zip(starts, contents, blank)
            if not is_blank
        ]
    blocks: list[Span] = []
    current: Span | None = None
    for start, content, is_blank in zip(starts, contents, blank):
        if is_blank:
            if current:
                blocks.append(current)
            current = None
        else:
            current = Span(current.start if current else start, start + len(content))
    if current:
        blocks.append(current)
    return [trimmed for block in blocks if (trimmed := trim(text, block))]
