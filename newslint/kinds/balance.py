"""balance: quotation marks and brackets left open, or closed without being opened.

Brackets must balance within a paragraph. Quotation marks are one family (an editor who opens
with “ and closes with " has balanced the quotation, if untidily); a quotation may run on into
the next paragraph when that paragraph opens with a quotation mark again (the usual convention),
and a quotation may run over a single line break, which in plain text may be a line of the same
paragraph or a segment of one. Only a blank line is a paragraph end that a quotation cannot cross.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex

from newslint.document import Document
from newslint.regexes import lazy
from newslint.rules import options as opt
from newslint.rules.base import Hit, LoadContext, Rule
from newslint.rules.options import Option, OptionError
from newslint.spans import Span

_LIST_MARKER = lazy(r"(?:\p{L}|\p{N}{1,3})\)")
# "three points: a) a ceasefire, b) a swap and c) talks": a letter or a number closed by ")"
# where a list item starts (after a colon, a semicolon, a comma, "and" or "or"); not "18 to 24)".
_INLINE_LIST_MARKER = lazy(r"(?<=[:;,][ \t]*|\b(?:and|or)[ \t]+)(?:\p{L}|\p{N}{1,3})\)(?=\s)")
_EMOTICON = lazy(r"[:;]-?[()\[\]]\Z")
_BLANK_LINE = lazy(r"\n[ \t]*\r?\n|\r[ \t]*\r")


class Balance(Rule):
    kind = "balance"
    options = {
        "pairs": Option(opt.pairs, default=()),
        "quotes": Option(opt.pairs, default=()),
    }

    def configure(self, options: dict[str, Any], context: LoadContext) -> None:
        pairs, quotes = options["pairs"], options["quotes"]
        if not pairs and not quotes:
            raise OptionError("pairs", "missing required key: give `pairs` (brackets) or `quotes`")
        for open_, close in pairs:
            if open_ == close:
                raise OptionError("pairs", f"{open_!r} opens and closes: list it under `quotes`")
        self._bracket_closer = {open_: close for open_, close in pairs}
        self._bracket_opener = {close: open_ for open_, close in pairs}
        self._quote_openers = frozenset(open_ for open_, close in quotes if open_ != close)
        self._quote_closers = frozenset(close for open_, close in quotes if open_ != close)
        self._quote_toggles = frozenset(open_ for open_, close in quotes if open_ == close)
        marks = set(self._bracket_closer) | set(self._bracket_opener) | {m for pair in quotes for m in pair}
        self._marks = lazy("[" + "".join(regex.escape(mark) for mark in sorted(marks)) + "]")

    def hits(self, doc: Document) -> Iterator[Hit]:
        text = doc.text
        paragraphs = doc.paragraphs
        open_quote: int | None = None  # a quotation carried over from the previous paragraph
        for index, paragraph in enumerate(paragraphs):
            if open_quote is not None and (
                self._starts_with_quote(text, paragraph)
                or _BLANK_LINE.search(text, paragraphs[index - 1].end, paragraph.start)
            ):
                if not self._starts_with_quote(text, paragraph):
                    yield Hit(open_quote, open_quote + 1)
                open_quote = None
            stray, open_quote = self._scan(text, paragraph, open_quote)
            for pos in stray:
                yield Hit(pos, pos + 1)
        if open_quote is not None:
            yield Hit(open_quote, open_quote + 1)

    def _starts_with_quote(self, text: str, paragraph: Span) -> bool:
        first = text[paragraph.start]
        return first in self._quote_openers or first in self._quote_toggles

    def _scan(self, text: str, paragraph: Span, open_quote: int | None) -> tuple[list[int], int | None]:
        """Stray marks of one paragraph, and the position of a quotation left open at its end."""
        stray: list[int] = []
        brackets: list[tuple[str, int]] = []
        start, end = paragraph
        list_marker = _LIST_MARKER.match(text, start, end)
        for match in self._marks.finditer(text, start, end):
            pos, mark = match.start(), match.group()
            if list_marker and pos == list_marker.end() - 1:
                continue  # "a) the first point"
            if mark in self._quote_toggles and pos > start and text[pos - 1].isdigit():
                continue  # 6'2" is a measure, not a quotation mark
            if mark in self._quote_openers or (mark in self._quote_toggles and open_quote is None):
                if open_quote is not None:
                    stray.append(open_quote)
                open_quote = pos
            elif mark in self._quote_closers or mark in self._quote_toggles:
                if open_quote is None:
                    stray.append(pos)
                open_quote = None
            elif _EMOTICON.search(text, max(pos - 2, start), pos + 1):
                continue  # ":)" is not a bracket
            elif mark in self._bracket_closer:
                brackets.append((mark, pos))
            elif brackets and brackets[-1][0] == self._bracket_opener[mark]:
                brackets.pop()
            elif mark == ")" and _is_inline_list_marker(text, start, pos):
                continue
            else:
                stray.append(pos)
        stray.extend(pos for _, pos in brackets)
        return sorted(stray), open_quote


def _is_inline_list_marker(text: str, start: int, pos: int) -> bool:
    marker = _INLINE_LIST_MARKER.search(text, max(pos - 4, start), pos + 2)
    return marker is not None and marker.end() == pos + 1
