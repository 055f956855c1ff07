"""Plain text: where paragraphs are.

News copy exported from a CMS holds one paragraph per line; copy typed into an editor or an
e-mail is often hard-wrapped, with blank lines between paragraphs. Both are common, so the
layout is detected per document: a paragraph is a line, unless the document looks hard-wrapped.
"""

from __future__ import annotations

from newslint.linebreaks import line_spans
from newslint.regexes import lazy
from newslint.spans import Span, trim

# A suppression directive on a line of its own ("newslint: disable=punct"), bare or as an HTML
# comment: not prose, but a comment for the suppression rules.
# Lines end in \n, \r\n or \r: `(?m)^...$` would know only \n.
DIRECTIVE_LINE = lazy(r"(?<![^\r\n])[ \t]*(?:<!--[ \t]*)?(?P<text>newslint:[^\r\n]*?)(?:[ \t]*-->)?[ \t]*(?=[\r\n]|\Z)")
_SENTENCE_END = lazy(r"[.!?:;…\"”’')\]]\s*$")

WRAP_WIDTH = 100  # a hard-wrapped document has no longer lines than this (a few exceptions aside)


def _is_blank(content: str) -> bool:
    """Blank, or a directive line: neither is part of a paragraph."""
    return not content.strip() or bool("newslint:" in content and DIRECTIVE_LINE.fullmatch(content))


def directive_lines(text: str) -> list[tuple[Span, str]]:
    """Suppression directives written as lines of their own: (the line, the directive)."""
    if "newslint:" not in text:
        return []
    return [(Span(m.start(), m.end()), m.group("text")) for m in DIRECTIVE_LINE.finditer(text)]


def _looks_hard_wrapped(text: str, lines: list[Span], blank: list[bool]) -> bool:
    """True when consecutive lines look like one paragraph broken at a fixed width."""
    non_blank = [line for line, is_blank in zip(lines, blank) if not is_blank]
    if not non_blank:
        return False
    too_long = sum(1 for line in non_blank if line.end - line.start > WRAP_WIDTH)
    if too_long > len(non_blank) * 0.05:
        return False
    joined = [
        line
        for line, is_blank, following_is_blank in zip(lines, blank, blank[1:])
        if not is_blank and not following_is_blank
    ]
    if not joined:
        return False
    open_ended = sum(1 for line in joined if not _SENTENCE_END.search(text[line.start : line.end]))
    return open_ended * 2 >= len(joined)


def _trimmed(start: int, content: str) -> Span:
    """The span of a line that is not blank, starting at `start`, without its outer white space."""
    lead = len(content) - len(content.lstrip())
    return Span(start + lead, start + lead + len(content.strip()))


def paragraphs(text: str) -> list[Span]:
    """Paragraph spans, trimmed of surrounding white space."""
    lines = line_spans(text)
    contents = [text[start:end] for start, end in lines]
    blank = [_is_blank(content) for content in contents]
    if not _looks_hard_wrapped(text, lines, blank):
        # A paragraph a line (the common case): trimmed from the line's own content.
        return [
            _trimmed(start, content) for (start, _), content, is_blank in zip(lines, contents, blank) if not is_blank
        ]
    blocks: list[Span] = []
    current: Span | None = None
    for line, is_blank in zip(lines, blank):
        if is_blank:
            if current:
                blocks.append(current)
            current = None
        else:
            current = Span(current.start if current else line.start, line.end)
    if current:
        blocks.append(current)
    return [trimmed for block in blocks if (trimmed := trim(text, block))]
