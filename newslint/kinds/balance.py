"""balance: quotation marks and brackets left open, or closed without being opened.

Brackets must balance within a paragraph. Quotation marks follow the quotation structure of the
whole document (newslint/quotes.py): straight and curly marks are one family, a quotation may run
on over paragraphs by the usual conventions, and the mark reported is the one out of place -- the
opening mark left open, the closing mark that closes nothing, or a mark that points the wrong way.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import accumulate, compress
from operator import not_
from typing import Any

from newslint import lazy_regex as regex
from newslint import places
from newslint.document import Document
from newslint.regexes import LazyPattern, lazy
from newslint.rules import options as opt
from newslint.rules.base import Hit, LoadContext, Rule
from newslint.rules.options import Option, OptionError
from newslint.triggers import Triggers

_PROBLEMS = {
    "unclosed": "is never closed",
    "stray": "closes nothing",
    "misdirected": "points the wrong way",
    "nested": "opens a quotation inside a quotation: use single marks there",
    "bracket-open": "is never closed",
    "bracket-stray": "closes nothing",
}
# A list marker: a letter or a number closed by ")" at a paragraph start, or inside a paragraph
# where the next or the previous marker of the same list stands too ("a) ... b)", "— 1) ... 2)").
_MARKER = lazy(r"(?<![\p{L}\p{N}(])(?P<label>\p{L}|\p{N}{1,3})\)(?=\s)")
# "three points: a) a ceasefire": where a list item starts, after a colon, a comma or "and"/"or".
_ITEM_START = lazy(r"(?:[:;,]|\b(?:and|or))[ \t]+\Z")
_EMOTICON = lazy(r"[:;]-?[()\[\]]\Z")


class Balance(Rule):
    kind = "balance"
    placeholders = frozenset({"problem"})
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
        self._quote_marks = frozenset(mark for pair in quotes for mark in pair)
        marks = set(self._bracket_closer) | set(self._bracket_opener)
        self._brackets = lazy("[" + "".join(regex.escape(mark) for mark in sorted(marks)) + "]") if marks else None
        self._pairs = [open_ + close for open_, close in pairs]
        openers, closers = {open_ for open_, _ in pairs}, {close for _, close in pairs}
        plain = len(openers) == len(closers) == len(pairs) and not openers & closers
        plain = plain and all(len(mark) == 1 for mark in marks)
        # Single-character brackets, each either an opener or a closer: found with str.find.
        self._plain_marks = "".join(sorted(marks)) if marks and plain else None
        # What each bracket adds to how deep the brackets nest where it stands.
        self._depth_change = {open_: 1 for open_ in openers} | {close: -1 for close in closers}

    def _nested_plainly(self, paragraph: str) -> bool:
        """Whether a paragraph's brackets all close in order and none stands next to an emoticon's
        eyes: _bracket_problems_one_by_one would find nothing there (a list marker's ")" only excuses a
        bracket that closes nothing)."""
        if self._plain_marks is None:
            return False
        return self._nested_plainly_at(paragraph, 0, places.positions(paragraph, self._plain_marks))

    def _nested_plainly_at(self, text: str, start: int, positions: list[int]) -> bool:
        """_nested_plainly for the paragraph starting at `start` whose marks stand at `positions`:
        only the characters before each mark can be an emoticon's eyes (":(", ";-)")."""
        return not _eyes_among(text, start, positions) and _nested(
            "".join(map(text.__getitem__, positions)), self._pairs
        )

    def triggers(self) -> Triggers | None:
        marks = set(self._quote_marks) | set(self._bracket_closer) | set(self._bracket_opener)
        return self.declared_triggers or Triggers(strings=frozenset(marks))

    def hits(self, doc: Document) -> Iterator[Hit]:
        found: list[tuple[int, str]] = []
        if self._quote_marks:
            found += [
                (pos, problem) for pos, problem in doc.quote_structure.problems if doc.text[pos] in self._quote_marks
            ]
        if self._plain_marks is not None:
            found += self._plain_bracket_problems(doc, self._plain_marks)
        elif self._brackets is not None:
            for index in _paragraphs_holding(doc, self._brackets):
                paragraph = doc.paragraphs[index]
                found += self._bracket_problems_one_by_one(doc.text, paragraph.start, paragraph.end)
        for pos, problem in sorted(found):
            yield Hit(pos, pos + 1, (), {"problem": _PROBLEMS[problem]})

    def _plain_bracket_problems(self, doc: Document, marks: str) -> list[tuple[int, str]]:
        """Bracket problems with single-character marks: every mark of the text is picked out in
        one scan, and only a paragraph whose marks do not nest plainly is walked mark by mark
        (scanning each paragraph that holds a mark again would read most of the text twice); in
        most stories, all nest, and that is told of the whole text at once."""
        problems: list[tuple[int, str]] = []
        every = places.positions(doc.text, marks)
        if not every or self._nested_in_their_paragraphs(doc, every):
            return problems  # most stories (a quarter hold no bracket): no paragraph need be looked at
        for index, positions in _marks_by_paragraph(doc, every).items():
            paragraph = doc.paragraphs[index]
            if not self._nested_plainly_at(doc.text, paragraph.start, positions):
                problems += self._bracket_problems_one_by_one(doc.text, paragraph.start, paragraph.end)
        return problems

    def _nested_in_their_paragraphs(self, doc: Document, positions: list[int]) -> bool:
        """Whether the brackets at `positions` nest plainly in every paragraph, told of the whole
        text at once: no emoticon's eyes before any of them, the brackets of the whole text nest,
        and each bracket opened where none is open closes in its paragraph. Every paragraph then
        holds whole nested groups, and its brackets nest (see _nested_plainly_at)."""
        text, paragraphs = doc.text, doc.paragraphs
        marks = "".join(map(text.__getitem__, positions))
        if _eyes_among(text, 0, positions) or not _nested(marks, self._pairs):
            return False
        depths = accumulate(map(self._depth_change.__getitem__, marks))
        first, limit = 0, -1  # the group's first mark; up to where the paragraph of the last group reaches
        for last in compress(range(len(marks)), map(not_, depths)):  # where each group closes
            opening, closing = positions[first], positions[last]
            if opening >= limit:
                index = doc.paragraph_index(opening)
                if index < 0:
                    return False  # before the first paragraph
                following = paragraphs[index + 1].start if index + 1 < len(paragraphs) else len(text)
                limit = min(paragraphs[index].end, following)
            if closing >= limit:
                return False  # closed in another paragraph, or opened between paragraphs
            first = last + 1
        return True

    def _bracket_problems_one_by_one(self, text: str, start: int, end: int) -> list[tuple[int, str]]:
        problems: list[tuple[int, str]] = []
        open_brackets: list[tuple[str, int]] = []
        markers = _list_markers(text, start, end)
        for match in self._brackets.finditer(text, start, end):  # type: ignore[union-attr]
            pos, mark = match.start(), match.group()
            if _EMOTICON.search(text, max(pos - 2, start), pos + 1):
                continue  # ":)"
            if mark in self._bracket_closer:
                open_brackets.append((mark, pos))
            elif open_brackets and open_brackets[-1][0] == self._bracket_opener[mark]:
                open_brackets.pop()
            elif pos not in markers:  # "a) the first point"
                problems.append((pos, "bracket-stray"))
        problems.extend((pos, "bracket-open") for _, pos in open_brackets)
        return problems


def _nested(marks: str, pairs: list[str]) -> bool:
    """Whether a string of brackets closes each one it opens, in order ("([])"). Most strings are
    told by removing the pairs that stand together ("()") a few times over, with str.replace; the
    rest in one pass with a stack (removing pairs until none is left would be quadratic in a
    hostile paragraph)."""
    left = marks
    for _ in range(_PAIR_REMOVALS):
        for pair in pairs:
            left = left.replace(pair, "")
        if not left:
            return True  # each removal keeps a nested string nested, and one that is not, not
    return _nested_by_stack(marks, pairs)


_PAIR_REMOVALS = 3  # "(a [b] c)": two


def _nested_by_stack(marks: str, pairs: list[str]) -> bool:
    """_nested, one mark at a time."""
    closer_of = {pair[0]: pair[1] for pair in pairs}
    expected: list[str] = []  # the closers of the brackets still open, innermost last
    for mark in marks:
        if mark in closer_of:
            expected.append(closer_of[mark])
        elif not expected or expected.pop() != mark:
            return False
    return not expected


def _eyes_among(text: str, start: int, positions: list[int]) -> bool:
    """Whether an emoticon's eyes stand before one of the marks at `positions` (see _eyes_before),
    each looked at only where a colon, semicolon or hyphen stands before one of them."""
    before = "".join([text[position - 1] for position in positions if position > start])
    return (":" in before or ";" in before or "-" in before) and any(
        _eyes_before(text, start, position) for position in positions
    )


def _eyes_before(text: str, start: int, position: int) -> bool:
    """Whether an emoticon's eyes (":", ";" or ":-", ";-") stand before text[position], after `start`."""
    if position <= start or text[position - 1] not in ":;-":
        return False  # nearly every mark: decided without a slice
    before = text[max(start, position - 2) : position]
    return before[-1] in ":;" or before[-2:-1] in (":", ";")


def _marks_by_paragraph(doc: Document, positions: Iterable[int]) -> dict[int, list[int]]:
    """The marks at `positions` (in order) in each paragraph that holds one, by paragraph index
    (a mark between paragraphs is in none)."""
    by_paragraph: dict[int, list[int]] = {}
    paragraphs = doc.paragraphs
    for position in positions:
        index = doc.paragraph_index(position)
        if index >= 0 and position < paragraphs[index].end:
            by_paragraph.setdefault(index, []).append(position)
    return by_paragraph


def _paragraphs_holding(doc: Document, marks: LazyPattern) -> list[int]:
    """Indexes of the paragraphs that hold one of the marks, in order: a search from each
    paragraph that holds one goes on where the next paragraph starts, not at its next mark."""
    found: list[int] = []
    paragraphs, text = doc.paragraphs, doc.text
    match = marks.search(text)
    while match is not None:
        position = match.start()
        index = doc.paragraph_index(position)
        following = paragraphs[index + 1].start if index + 1 < len(paragraphs) else len(text)
        if index >= 0 and position < paragraphs[index].end:
            if not found or found[-1] != index:
                found.append(index)
            position = max(position, min(paragraphs[index].end, following) - 1)
        match = marks.search(text, position + 1)
    return found


def _list_markers(text: str, start: int, end: int) -> set[int]:
    """Positions of the ")" of list markers in text[start:end]."""
    if ")" not in text[start:end]:
        return set()
    found = {match.end() - 1: match.group("label") for match in _MARKER.finditer(text, start, end)}
    labels = set(found.values())
    markers = set()
    for pos, label in found.items():
        before = text[max(start, pos - len(label) - 12) : pos - len(label)]  # a list item's lead-in is short
        at_start = pos - len(label) - start <= 12 and not text[start : pos - len(label)].strip(' \t"“')
        starts_item = at_start or _ITEM_START.search(before)
        if starts_item or _neighbour(label, 1) in labels or _neighbour(label, -1) in labels:
            markers.add(pos)
    return markers


def _neighbour(label: str, step: int) -> str:
    """The label before or after in its list: b -> a / c, 2 -> 1 / 3."""
    if label.isdigit():
        return str(int(label) + step)
    return chr(ord(label) + step)
