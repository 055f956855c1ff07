"""A paragraph of a story as HTML, each finding wrapped around exactly the words it flagged.

Findings may overlap. One inside another nests; two that cross cannot both be one element, so
the one that started later is split where the other ends, each piece an element of its own
that names the same finding. An empty finding (a missing space) is an empty element at its
point. Every character of the story is escaped here and nowhere else.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence

from newslint.formats.prose import PLACEHOLDER
from newslint.records import record
from newslint.regexes import lazy
from newslint.spans import Span

# What a page cannot show as text: C0 controls other than white space, and lone surrogates.
_UNSHOWABLE = lazy("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]", engine="re")
# Inline code, an autolink or an image stands in the prose as one placeholder character; the page
# shows what it stands for beside it (data-shown, through the style sheet), so that the text of
# a mark stays the prose the rules read.
_ELIDED = '<span class="elided" data-shown="{}">' + PLACEHOLDER + "</span>"


@record(frozen=True)
class Mark:
    """A finding's part of one paragraph: story offsets, and whether its finding starts here."""

    key: int  # the finding's number in the report
    start: int
    end: int
    first: bool = True


Opening = Callable[[Mark, bool], str]  # the opening tag of a piece (True: its finding's first)


def escape_text(chunk: str, offset: int = 0, elided: Mapping[int, str] | None = None) -> str:
    """Story text (from `offset` in the story) as HTML text: escaped, unshowable characters
    replaced, and each placeholder shown as what it stands for (`elided`, by story offset)."""
    escaped = html.escape(_UNSHOWABLE.sub("\ufffd", chunk), quote=False)
    if PLACEHOLDER not in chunk:
        return escaped
    pieces = escaped.split(PLACEHOLDER)
    positions = [offset + index for index, char in enumerate(chunk) if char == PLACEHOLDER]
    shown = [html.escape((elided or {}).get(position) or "…", quote=True) for position in positions]
    return pieces[0] + "".join(_ELIDED.format(label) + piece for label, piece in zip(shown, pieces[1:]))


def marked_paragraph(
    text: str, paragraph: Span, marks: Sequence[Mark], opening: Opening, elided: Mapping[int, str] | None = None
) -> str:
    """The paragraph's text with every mark around its words (marks lie inside the paragraph)."""
    ordered = sorted(marks, key=lambda mark: (mark.start, -mark.end, mark.key))
    boundaries = sorted({paragraph.start, paragraph.end, *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    stack: list[Mark] = []  # open elements, outermost first
    begun: set[int] = set()
    upcoming = 0
    position = paragraph.start
    for boundary in boundaries:
        if boundary > position:
            out.append(escape_text(text[position:boundary], position, elided))
            position = boundary
        ending = next((index for index, mark in enumerate(stack) if mark.end <= boundary), None)
        if ending is not None:
            # Close from the innermost out to the first one that ends; reopen those that go on.
            going_on = [mark for mark in stack[ending:] if mark.end > boundary]
            out.append("</mark>" * (len(stack) - ending))
            del stack[ending:]
            for mark in going_on:
                out.append(opening(mark, False))
                stack.append(mark)
        while upcoming < len(ordered) and ordered[upcoming].start == boundary:
            mark = ordered[upcoming]
            upcoming += 1
            out.append(opening(mark, mark.first and mark.key not in begun))
            begun.add(mark.key)
            if mark.end == mark.start:
                out.append("</mark>")
            else:
                stack.append(mark)
    return "".join(out)
