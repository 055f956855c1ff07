"""The quotation structure of a document (newslint/quotes.py), read as an editor reads it."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newslint import quotes
from newslint.document import Document
from newslint.quotes import marks_in
from newslint.spans import Span
from newslint.structure import inside
from tests.kinds.fuzzing import fuzz, joined


def problems(text: str) -> list[tuple[str, str]]:
    """(the text from the mark on, what is wrong) for every mark out of place."""
    structure = Document(text).quote_structure
    return [(text[pos : pos + 12], problem) for pos, problem in structure.problems]


@pytest.mark.parametrize(
    "text",
    [
        # the multi-paragraph convention, with the paragraph break lost in web copy
        '"Fifa is good for you. "Playing so many games is not healthy," he said.',
        # and with it kept
        '"Fifa is good for you.\n\n"Playing so many games is not healthy," he said.',
        # a closing mark after a number closes; one with no quotation open is an inch mark
        'The commissioner said, "We start trading on July 1, 2020". He is 6\'2" tall.',
        # a block quotation opened in its first paragraph and closed at the end of its last
        'He wrote:\n\n"Please tell him I will withdraw.\n\nI want no part of it."\n\nThey made up.',
        # a misplaced space after the opening mark is not a stray mark
        'Wilkins said," [Warhol] liked the way the booths looked". She agreed.',
        # German, Hungarian and French marks
        "Sie sagte „ja“, er schrieb „vas” és «très bien».",
        # a quotation over a single line break (a line of the same paragraph)
        'He said, "The costs rise.\nDue to the epidemic, we pay more."',
    ],
)
def test_balanced_quotations_by_the_conventions_of_news_copy(text):
    assert problems(text) == []


def test_the_mark_left_open_is_reported_not_the_last_one():
    text = 'I keep asking "what if my family were there? "What if they were sent back?" I said.'
    assert problems(text) == [('"what if my ', "unclosed")]


def test_prose_resuming_inside_a_quotation_leaves_it_unclosed():
    assert problems('"We will win, he said. The talks resume on Monday.') == [('"We will win', "unclosed")]
    text = '"We will win.\n\nThe minister said: "We will rebuild."'
    assert problems(text) == [('"We will win', "unclosed")]


def test_a_quotation_cannot_run_on_unopened_over_a_blank_line_from_mid_paragraph():
    text = 'He said, "The costs rise.\n\nDue to the epidemic, we pay more."'
    assert [problem for _, problem in problems(text)] == ["unclosed", "stray"]


def test_marks_pointing_the_wrong_way_and_nested_double_marks():
    assert problems("It was a misguided decision.“ However, the centre keeps its seats.") == [
        ("“ However, t", "misdirected")
    ]
    text = 'He tweeted: "The "United States" holds no detainees." McGurk agreed.'
    assert problems(text) == [('"United Stat', "nested")]


def test_quotation_spans_run_across_paragraphs_and_to_the_end_of_an_open_one():
    text = '"One.\n\n"Two," he said. Then "three'
    spans = [text[span.start : span.end] for span in Document(text).quotations]
    assert spans == ['"One.', '"Two,"', '"three']


def test_text_after_a_nested_quotation_is_still_inside_the_outer_one():
    text = 'He tweeted: "The "United States" holds no detainees." Then he left.'
    doc = Document(text)
    assert doc.in_quotation(text.index("holds"))
    assert not doc.in_quotation(text.index("Then"))


def test_a_quoted_speaker_who_reports_speech_leaves_the_quotation_open_by_convention():
    text = '"When I met the president, he said we had to act fast.\n\n"So we did," she said.'
    assert problems(text) == []


def test_german_reversed_guillemets():
    assert problems("Sie sagte »Ja« und ging.") == []


@given(st.text(alphabet=list("\"“”„«»‘’'a \r\n\u00a0é"), max_size=40))
@example("")
@example('«»„“”""\r\n"')
def test_the_marks_found_one_kind_at_a_time_are_those_a_search_for_all_finds(text):
    assert marks_in(text) == [(match.start(), match.group()) for match in re.finditer('["“”„«»]', text)]


_STORY_PIECES = st.sampled_from(
    ['"', "“", "”", "The statement read: ", "He wrote that ", "Q: ", "A: ", "Why? ", "We won. ", "\n\n", ":", " ", "x"]
)


@fuzz(300)
@given(joined(_STORY_PIECES, 24), st.integers(0, 300))
@example('He wrote that "We won." "x', 14)
@example('Q: Why?\n\nA: We won.\n\nQ: Why?\n\nA: "We won."\n\nQ: Why?\n\nA: x', 40)
def test_verbatim_and_quoted_documents_are_asked_of_the_quoted_stretches_first(text, start):
    """in_quoted_document and in_verbatim look at the quoted documents only inside a quoted
    stretch, and at transcript answers only where there are speaker labels: what they answer is
    what the spans they stand for answer."""
    doc, start = Document(text), min(start, len(text))
    for end in range(start, len(text) + 1):
        documents = doc.quoted_documents
        verbatim, verbatim_starts = doc._verbatim
        assert doc.in_quoted_document(start, end) == inside(documents, [s.start for s in documents], start, end)
        assert doc.in_verbatim(start, end) == inside(verbatim, verbatim_starts, start, end)


class _ReaderParagraphByParagraph(quotes._Reader):
    """The reader as it was: every paragraph visited, each mark's paragraph looked up."""

    def read(self) -> quotes.QuoteStructure:
        state = None
        marks_by_paragraph = self._marks_by_paragraph()
        self._marks = {self.paragraphs[index].start: marks for index, marks in marks_by_paragraph.items()}
        for index in range(len(self.paragraphs)):
            marks = marks_by_paragraph.get(index, [])
            if state is not None or marks:
                state = self._read_paragraph(index, marks, state)
        if state is not None:
            self._unclosed(state)
        self.result.quotations.sort()
        self.result.problems.sort()
        return self.result

    def _marks_by_paragraph(self) -> dict[int, list[quotes.Mark]]:
        starts = [paragraph.start for paragraph in self.paragraphs]
        found: dict[int, list[quotes.Mark]] = {}
        for position, mark in marks_in(self.text):
            index = bisect_right(starts, position) - 1
            if index >= 0 and position < self.paragraphs[index].end:
                found.setdefault(index, []).append((position, mark))
        return found


_QUOTED_PIECES = st.sampled_from(
    ['"', "“", "”", "„", "«", "»", "We won", ", he said.", ": ", "6'2", " ", "\n", "\n\n", "x", ".", "Q: "]
)


@fuzz()
@given(joined(_QUOTED_PIECES, 30), st.lists(st.tuples(st.integers(0, 80), st.integers(0, 40)), max_size=8))
@example('"A\n\nB\n\nC\n\nD\n\nE\n\n"F', [])  # a quotation open over more paragraphs than it may run
@example('x "a" "b', [(0, 3), (2, 6), (4, 2)])  # paragraphs that overlap
def test_paragraphs_without_marks_are_read_only_while_a_quotation_is_open(text, spans):
    """The reader skips to the next paragraph with a mark while nothing is open: what it finds is
    what reading every paragraph finds (the document's paragraphs, or any sorted by start)."""
    given = sorted(Span(start, min(start + length, len(text))) for start, length in spans if start <= len(text))
    for paragraphs in (Document(text).paragraphs, given):
        found = quotes.analyse(text, paragraphs)
        assert found == _ReaderParagraphByParagraph(text, paragraphs).read()


# Marks amid every neighbour _role tells apart: characters that open or close, word characters,
# digits (a straight mark after one is an inch mark; '²' is a digit to str.isdigit, not to \d),
# line and paragraph breaks. Most pieces hold two marks, so that many texts pair them all plainly.
_NEIGHBOURS = st.sampled_from(["", " ", "\n", "\n\n", *"a1²_().,-'’‘\u00a0…—<|#"])
_NEIGHBOURED_PAIRS = st.tuples(
    _NEIGHBOURS, st.sampled_from('"“'), _NEIGHBOURS, st.sampled_from('"“”'), _NEIGHBOURS
).map("".join)
_NEIGHBOURED_PIECES = st.one_of(_NEIGHBOURED_PAIRS, _NEIGHBOURED_PAIRS, _NEIGHBOURS, st.sampled_from('"“”„«»'))


@fuzz()
@given(joined(_NEIGHBOURED_PIECES, 6), st.lists(st.tuples(st.integers(0, 40), st.integers(0, 30)), max_size=6))
@example('1"a"', [])  # an inch mark, then a stray one
@example('²"a"', [])
@example('a"b"', [])  # a straight mark between letters, with nothing open, opens
@example('"a" x "b"', [(0, 4), (3, 6)])  # paragraphs that overlap
@example('"a"\n\n"b"', [(0, 4)])  # a pair outside the paragraphs
@example('x "a\n\nb"', [])  # a pair over two paragraphs: unclosed, then stray
@example("a“. b”", [])  # an opening mark where a closing one belongs
@example('"a "b', [])  # a quotation opened inside one
@example("x <“. a”", [])  # a stand-in standing in the text: '<' neither opens nor closes
@example('"a "|', [])  # and '|' does not close: the second mark opens
@example("x.“—a”", [])  # a dash both opens and closes: the opening mark points the wrong way
def test_marks_that_pair_plainly_are_read_as_the_reader_reads_them(text, spans):
    """A story whose marks all pair plainly is not read mark by mark: what it is found to hold is
    what the reader finds (the document's paragraphs, or any sorted by start)."""
    given = sorted(Span(start, min(start + length, len(text))) for start, length in spans if start <= len(text))
    for paragraphs in (Document(text).paragraphs, given):
        assert quotes.analyse(text, paragraphs) == quotes._Reader(text, paragraphs).read()


def test_a_story_whose_marks_pair_plainly_is_not_read_mark_by_mark():
    text = 'He called it "a disgrace". "We will win," she said.\n\n“Not now,” he said (6\'2" tall).'
    paragraphs = Document(text).paragraphs
    assert quotes._paired_plainly(text, paragraphs, quotes.mark_positions(text)) is None  # the inch mark
    text = text.replace("6'2\"", "six foot two")
    paired = quotes._paired_plainly(text, Document(text).paragraphs, quotes.mark_positions(text))
    assert [text[start:end] for start, end in paired] == ['"a disgrace"', '"We will win,"', "“Not now,”"]


def test_no_mark_opens_or_closes_plainly_two_ways():
    """A mark that opens (or closes) plainly does so one way only: a pair of marks that is not
    plain is not tried again another way (exponential time on a long run of marks)."""
    neighbours = set(quotes._BEFORE_OPENING + quotes._AFTER_CLOSING + quotes.MARKS + "a1²_x<>^|~#")
    for before, mark, after in itertools.product(neighbours, quotes.MARKS, neighbours):
        stood_in = (before + mark + after).translate(quotes._STAND_INS)
        for ways in (quotes._OPENING_PLAINLY, quotes._CLOSING_PLAINLY):
            assert sum(re.fullmatch(way, stood_in, re.DOTALL) is not None for way in ways) <= 1
