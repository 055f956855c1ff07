"""The quotation structure of a document: which marks open and close which quotations, and which
marks are out of place.

Marks are read by where they stand, as a reader reads them: a straight `"` after a space and
before a word opens, one after a word and before a space or punctuation closes, and one after a
number closes an open quotation ("since October 2017".) or is an inch mark (6'2"). News copy then
follows conventions that a mark-by-mark count gets wrong:

- A quotation over several paragraphs opens each paragraph and closes only the last. Web copy often
  loses its paragraph breaks, so a new opening mark at the start of a sentence, while a quotation of
  direct speech is open, continues that quotation; it does not leave the first one unclosed.
- A block quotation may open in its first paragraph and close at the end of its last; any
  quotation may run over a single line break (a line of the same paragraph, or a segment of one).
- A quotation is still open when the prose resumes: an attribution inside it (", he said"), or a
  new opening mark in the middle of a sentence ("said: "), shows the earlier mark was never closed;
  it is that mark, the one left open, that is reported.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import repeat
from operator import lt
from typing import Literal

from newslint import places
from newslint.records import field, record
from newslint.regexes import lazy
from newslint.spans import Span, new_tuple

Problem = Literal["unclosed", "stray", "misdirected", "nested"]

OPENERS = "“„«"  # marks whose shape opens (English, German and Hungarian, French)
CLOSERS = "”»"
STRAIGHT = '"'
MARKS = '"“”„«»'  # each found with str.find: far faster than a search for a class of them
# Where a mark stands: after these, a mark opens; before these, it closes.
_BEFORE_OPENING = " \t\r\n([{—–-/‘'\u00a0"
_AFTER_CLOSING = " \t\r\n)]},.;:!?—–-/…’'\u00a0"
# What a mark opening direct speech stands after (or at the start of its paragraph): the end of a
# sentence, or a colon or a comma; then closing marks, then blanks.
_SENTENCE_END = ".!?…"
_DIRECT_SPEECH_LEAD = ".!?…:,"
_CLOSING_AFTER_END = "\"”’')]"
# An attribution inside an open quotation: the prose has resumed. Either the speaker, then the verb
# that ends its clause (", he said." / ": Putin said,"), or the verb, then the speaker (", said
# the minister" / ", said in an interview"). "he said we had to act" inside a quotation is the
# speaker reporting speech, not the writer's attribution; nor is "he said:" one.
_ATTRIBUTION = lazy(
    r"[,:][ \t]+(?:(?:he|she|they|it|I|we|\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){0,2})[ \t]+"
    r"(?:said|says|told|added|asked|wrote|explained)[ \t]*[.,;]|(?:said|says|added|told)[ \t]+(?:the[ \t]+)?\p{L}+\b)"
)
_BLANK_LINE = lazy(r"\n[ \t]*\r?\n|\r[ \t]*\r")
CARRY_LIMIT = 3  # paragraphs without a quotation mark that an open quotation may run over


@record
class QuoteStructure:
    """Quotation spans (marks included; one left open runs to the end of its paragraph) and the
    marks that are out of place, each with what is wrong with it."""

    quotations: list[Span] = field(default_factory=list)
    problems: list[tuple[int, Problem]] = field(default_factory=list)


@record
class _Open:
    position: int
    mark: str
    direct: bool  # opened where direct speech opens: at a sentence start, after a colon or a comma
    paragraph: int
    quiet_paragraphs: int = 0
    nested: _Open | None = None  # a quotation opened inside this one and not closed yet
    closed_nested: int | None = None  # where a quotation inside this one, now closed, opened


def _role(text: str, pos: int, paragraph: Span) -> str:
    """'open', 'close' or 'either', from the characters on both sides of the mark."""
    before = text[pos - 1] if pos > paragraph.start else " "
    after = text[pos + 1] if pos + 1 < paragraph.end else " "
    opens = before in _BEFORE_OPENING or before in OPENERS
    closes = after in _AFTER_CLOSING or after in CLOSERS or after == STRAIGHT
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _closes(opener: str, mark: str) -> bool:
    if opener == "«":
        return mark == "»"
    if opener == "»":
        return mark == "«"
    if opener == "„":
        return mark in "“”" or mark == STRAIGHT
    return mark == "”" or mark == STRAIGHT


def _follows_an_end(text: str, start: int, pos: int, ends: str) -> bool:
    """Whether text[start:pos] is blank, or ends with one of `ends`, closing marks and blanks."""
    while pos > start and text[pos - 1] in " \t\u00a0":
        pos -= 1
    if pos == start:
        return True
    while pos > start and text[pos - 1] in _CLOSING_AFTER_END:
        pos -= 1
    return pos > start and text[pos - 1] in ends


Mark = tuple[int, str]  # a quotation mark's offset, and the mark


def mark_positions(text: str) -> list[int]:
    """Where the quotation marks of the text stand, in order (a search for a class of marks, on
    `re`, tries every character: str.find skips to each)."""
    return places.positions(text, MARKS)


def marks_in(text: str, positions: list[int] | None = None) -> list[Mark]:
    """The quotation marks of the text (at `positions`, where they are known), in order."""
    return [(at, text[at]) for at in (mark_positions(text) if positions is None else positions)]


def analyse(text: str, paragraphs: Sequence[Span]) -> QuoteStructure:
    positions = mark_positions(text)
    if not positions:
        return QuoteStructure()
    paired = _paired_plainly(text, paragraphs, positions)
    if paired is not None:
        return QuoteStructure(paired)
    return _Reader(text, paragraphs, marks_in(text, positions)).read()


# A mark as _role reads it: the character before it, the mark, the character after (three
# characters each). With nothing open, a mark opens plainly when it is a straight or an opening
# mark after a character that opens, or one before a character that does not close (a straight
# one then after no word character: after a digit it is an inch mark; and an opening mark that
# _role takes for a closing one points the wrong way). With a quotation open, a mark closes it
# plainly when it is a closing mark, or a straight one that _role does not take for an opening one.
# No three characters match two ways of either: a failed match is never tried again another way
# (which would take exponential time on a long run of marks).
#
# The characters are matched through ASCII stand-ins (re compiles a class holding a character
# beyond ASCII some fifteen times slower: these ways took 0.7 ms to compile, once a run, and take
# 0.17 ms): each curly mark has its own, and a character that opens, closes or both stands as
# "(", ")" or " " does; the stand-ins themselves, standing in the text, are read as "#", which
# neither opens nor closes. Most stories' marks stand among ASCII characters and no stand-in.
_MARK_STAND_INS = {"“": "<", "„": ">", "«": "^", "”": "|", "»": "~"}


def _stand_in(char: str) -> str:
    """The ASCII character that `char` is read as, beside a mark or as one (see above)."""
    if char in _MARK_STAND_INS:
        return _MARK_STAND_INS[char]
    if char in _MARK_STAND_INS.values():
        return "#"
    opens, closes = char in _BEFORE_OPENING + OPENERS, char in _AFTER_CLOSING + CLOSERS + STRAIGHT
    return char if char.isascii() else " " if opens and closes else "(" if opens else ")"


_CONTEXT_CHARACTERS = set(
    _BEFORE_OPENING + OPENERS + _AFTER_CLOSING + CLOSERS + MARKS + "".join(_MARK_STAND_INS.values())
)
_ASCII_STOOD_IN = frozenset(char for char in _CONTEXT_CHARACTERS if char.isascii() and _stand_in(char) != char)
_STAND_INS = str.maketrans({char: _stand_in(char) for char in _CONTEXT_CHARACTERS if _stand_in(char) != char})
_OPENS_BEFORE = re.escape("".join(sorted({_stand_in(char) for char in _BEFORE_OPENING + OPENERS})))
_CLOSES_AFTER = re.escape("".join(sorted({_stand_in(char) for char in _AFTER_CLOSING + CLOSERS + STRAIGHT})))
_OPENING_MARK, _CLOSING_MARK = re.escape(_MARK_STAND_INS["“"]), re.escape(_MARK_STAND_INS["”"])
_OPENING_PLAINLY = (
    rf'[{_OPENS_BEFORE}]["{_OPENING_MARK}].',
    rf'[^\w{_OPENS_BEFORE}]"[^{_CLOSES_AFTER}]',
    rf"[^{_OPENS_BEFORE}]{_OPENING_MARK}[^{_CLOSES_AFTER}]",
)
_CLOSING_PLAINLY = (
    rf".{_CLOSING_MARK}.",
    rf'[^{_OPENS_BEFORE}]".',
    rf'[{_OPENS_BEFORE}]"[{_CLOSES_AFTER}]',
)
_PLAIN_PAIRS = lazy(rf"(?s:(?:(?:{'|'.join(_OPENING_PLAINLY)})(?:{'|'.join(_CLOSING_PLAINLY)}))*)", engine="re")


def _paired_plainly(text: str, paragraphs: Sequence[Span], positions: list[int]) -> list[Span] | None:
    """The quotations, when every mark opens or closes plainly, the first of each pair opening
    and the second closing in the same paragraph (most stories): then nothing is out of place,
    and the reader would find these quotations (None: the marks must be read one by one).

    Each mark is judged by the characters on both sides of it in the text, in one regex match for
    all. They are those _role reads, but beside a paragraph's edge, where _role reads a blank:
    only an opening mark can stand first there, and only a closing one last, and a blank makes
    either plain; so a mark the text shows plain is plain."""
    if len(positions) % 2:
        return None
    starts, ends = zip(*paragraphs) if paragraphs else ((), ())
    holders = list(map(bisect_right, repeat(starts, len(positions)), positions))  # paragraph index + 1
    closing = positions[1::2]
    if holders[0::2] != holders[1::2] or not holders[0]:
        return None  # a pair over two paragraphs, or a mark before the first
    if not all(map(lt, closing, map(ends.__getitem__, map((-1).__add__, holders[1::2])))):
        return None  # a mark after its paragraph's end: between paragraphs, in none
    padded = " " + text + " "  # each mark, with the characters around it, at padded[at : at + 3]
    contexts = "".join([padded[at : at + 3] for at in positions])
    if not contexts.isascii() or not _ASCII_STOOD_IN.isdisjoint(contexts):
        contexts = contexts.translate(_STAND_INS)
    if not _PLAIN_PAIRS.fullmatch(contexts):
        return None
    return [new_tuple(Span, (start, end + 1)) for start, end in zip(positions[0::2], closing)]


class _Reader:
    """One pass over the quotation marks of a document, paragraph by paragraph."""

    def __init__(self, text: str, paragraphs: Sequence[Span], marks: list[Mark] | None = None) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self._every_mark = marks_in(text) if marks is None else marks
        self.result = QuoteStructure()
        self._marks: dict[int, list[Mark]] = {}
        self._straight_paragraph: Span | None = None
        self._straight: list[int] = []

    def read(self) -> QuoteStructure:
        """Reads the paragraphs that hold a mark, and those after one while a quotation is open:
        a paragraph without marks, with nothing open, has nothing to read (most of them)."""
        state, unread = None, 0  # what is open; the first paragraph not read
        marks_by_paragraph = self._marks_by_paragraph()
        self._marks = {self.paragraphs[index].start: marks for index, marks in marks_by_paragraph.items()}
        for index, marks in marks_by_paragraph.items():  # in order
            state = self._read_unmarked(unread, index, state)
            state = self._read_paragraph(index, marks, state)
            unread = index + 1
        state = self._read_unmarked(unread, len(self.paragraphs), state)
        if state is not None:
            self._unclosed(state)
        self.result.quotations.sort()
        self.result.problems.sort()
        return self.result

    def _read_unmarked(self, start: int, stop: int, state: _Open | None) -> _Open | None:
        """Reads the paragraphs start..stop-1, which hold no mark, while a quotation is open."""
        index = start
        while state is not None and index < stop:
            state = self._read_paragraph(index, [], state)
            index += 1
        return state

    def _read_paragraph(self, index: int, marks: list[Mark], state: _Open | None) -> _Open | None:
        paragraph = self.paragraphs[index]
        if state is not None:
            state = self._carry(state, paragraph, marks)
        for position, mark in marks:
            state = self._read_mark(position, mark, paragraph, index, state)
        if state is not None and state.nested is not None:
            state = self._unclosed(state) or state.nested  # 'He said: "A ... "B ...': the first never closed
        if (
            state is not None
            and state.paragraph == index
            and _ATTRIBUTION.search(self.text, state.position, paragraph.end)
        ):
            state = self._unclosed(state)  # "We will win, he said.": the prose resumed inside
        return state

    def _marks_by_paragraph(self) -> dict[int, list[Mark]]:
        """The quotation marks of each paragraph that has any, in order: the paragraph is looked up
        only for a mark past the end of the previous mark's (or where the next one starts)."""
        paragraphs, text = self.paragraphs, self.text
        starts = [paragraph.start for paragraph in paragraphs]
        found: dict[int, list[Mark]] = {}
        marks: list[Mark] = []
        end = -1  # up to where a mark belongs with `marks`
        for position, mark in self._every_mark:
            if position >= end:
                index = bisect_right(starts, position) - 1
                if index < 0 or position >= paragraphs[index].end:
                    end = -1  # between paragraphs: in none
                    continue
                following = starts[index + 1] if index + 1 < len(starts) else len(text)
                marks, end = found.setdefault(index, []), min(paragraphs[index].end, following)
            marks.append((position, mark))
        return found

    def _quotation(self, start: int, end: int | None = None, paragraph: int | None = None) -> None:
        """Record a quotation; one left open runs to the end of its paragraph."""
        if end is None:
            end = self.paragraphs[paragraph].end  # type: ignore[index]
        self.result.quotations.append(Span(start, end))

    def _unclosed(self, state: _Open) -> None:
        self.result.problems.append((state.position, "unclosed"))
        self._quotation(state.position, paragraph=state.paragraph)
        return None

    def _carry(self, state: _Open, paragraph: Span, marks: list[Mark]) -> _Open | None:
        """An open quotation meets the next paragraph: continued, closed there, or left unclosed."""
        text = self.text
        first = marks[0] if marks else None
        if first is not None and first[0] == paragraph.start and _role(text, first[0], paragraph) == "open":
            self._quotation(state.position, paragraph=state.paragraph)
            return None  # the convention: each paragraph of a quotation opens with a mark again
        opened_block = text[self.paragraphs[state.paragraph].start : state.position].strip() == ""
        if not opened_block and _BLANK_LINE.search(text, self.paragraphs[state.paragraph].end, paragraph.start):
            return self._unclosed(state)  # only a block quotation, or a line of one paragraph, runs on unopened
        if _ATTRIBUTION.search(text, paragraph.start, first[0] if first else paragraph.end):
            return self._unclosed(state)
        if first is None:
            state.quiet_paragraphs += 1
            return self._unclosed(state) if state.quiet_paragraphs > CARRY_LIMIT else state
        if first[1] in OPENERS or _role(text, first[0], paragraph) == "open":
            return self._unclosed(state)  # a new quotation in mid-paragraph: the old one never closed
        return state  # a block quotation: the first mark of this paragraph closes it

    def _read_mark(self, pos: int, mark: str, paragraph: Span, index: int, state: _Open | None) -> _Open | None:
        role = self._role_of(pos, mark, paragraph, state)
        if role == "inch":
            return None  # 6'2": an inch mark, not a quotation mark
        if role == "misdirected":
            self.result.problems.append((pos, "misdirected"))
            if state is not None:  # "... decision.“ However": closed, if with an opening mark
                self._quotation(state.position, pos + 1)
            return None
        if role == "open":
            return self._opening(pos, mark, paragraph, index, state)
        if state is None:
            self.result.problems.append((pos, "stray"))
            return None
        if state.nested is not None:
            self._quotation(state.nested.position, pos + 1)
            state.closed_nested, state.nested = state.nested.position, None
            return state
        if state.closed_nested is not None:
            self.result.problems.append((state.closed_nested, "nested"))  # "The "United States" is ...": use ' '
        self._quotation(state.position, pos + 1)
        return None

    def _role_of(self, pos: int, mark: str, paragraph: Span, state: _Open | None) -> str:
        """open, close, inch or misdirected: the mark's shape, where it stands, and what is open."""
        text = self.text
        role = _role(text, pos, paragraph)
        if mark == STRAIGHT and pos > paragraph.start and text[pos - 1].isdigit() and role != "open":
            return "close" if state is not None else "inch"  # "since October 2017". / 6'2"
        if mark in OPENERS:
            if role == "close":  # "decision.“ However": an opening mark where a closing one belongs
                return "close" if state is not None and _closes((state.nested or state).mark, mark) else "misdirected"
            return "open"
        if mark == "»" and role == "open" and state is None:
            return "open"  # German »...«
        if mark in CLOSERS:
            return "misdirected" if state is None and role == "open" else "close"
        if role == "either":
            return "close" if state is not None else "open"
        if role == "close" and state is None and self._straight_after(pos, paragraph) % 2:
            return "open"  # 'Wilkins said," [Warhol] liked ... looked".': a misplaced space, not a stray mark
        return role

    def _straight_after(self, pos: int, paragraph: Span) -> int:
        """How many straight marks follow `pos` in its paragraph (from the paragraph's marks, found
        once: counting in the text for every mark would be quadratic)."""
        if self._straight_paragraph != paragraph:
            self._straight_paragraph = paragraph
            self._straight = [at for at, mark in self._marks.get(paragraph.start, ()) if mark == STRAIGHT]
        return len(self._straight) - bisect_right(self._straight, pos)

    def _opening(self, pos: int, mark: str, paragraph: Span, index: int, state: _Open | None) -> _Open:
        text = self.text
        opened = _Open(pos, mark, _follows_an_end(text, paragraph.start, pos, _DIRECT_SPEECH_LEAD), index)
        if state is None:
            return opened
        if state.direct and state.nested is None and _follows_an_end(text, paragraph.start, pos, _SENTENCE_END):
            self._quotation(state.position, pos)
            return opened  # the next paragraph of the same quotation, its break lost
        if state.nested is None:
            state.nested = opened  # a quotation inside a quotation, or the outer one never closed
            return state
        self.result.problems.append((state.position, "unclosed"))
        self._quotation(state.position, pos)
        return opened
