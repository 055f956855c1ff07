import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.kinds.repetition import _DOUBLED, _ascii_words, _may_repeat, _may_repeat_near, doubled
from tests.conftest import matched, run_rules
from tests.kinds.fuzzing import joined

RULE = """
- id: t.rep
  kind: repetition
  message: "'{match}'"
  exceptions: ['\\bhad had\\b']
"""


def test_doubled_words_across_one_line_break_with_a_fix(make_rules):
    text = "The the talks and\nand then. She had had enough."
    findings = run_rules(make_rules(RULE), text)
    assert matched(findings, text) == ["The the", "and\nand"]
    assert [f.fix.replacement for f in findings] == ["The", "and"]


def test_blank_lines_names_and_parts_of_words_are_not_repetitions(make_rules):
    text = "It ends with the\n\nthe next paragraph. Bora Bora. the theatre."
    assert run_rules(make_rules(RULE), text) == []


# Words made of few letters, so that random texts double them often; marks, digits and every
# separator the pattern knows (and some it does not), so that candidates often fail.
_PIECES = st.sampled_from(
    [
        "a",
        "A",
        "ab",
        "Ab",
        "AB",
        "b",
        "ß",
        "İ",
        "K",
        "k",
        "1",
        "_",
        " ",
        "  ",
        "\t",
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        "\u00a0",
        ".",
        "-",
        "'",
        "/",
        "“",
        "—",
        "é",
        "ſ",
        "\u2028",
        "\x1c",
    ]
)
# Without non-ASCII letters: the texts the ASCII candidate search runs on, marks of any script.
_ASCII_WORD_PIECES = st.sampled_from(["a", "A", "ab", "Ab", "AB", "b", "1", "_", " ", "\n", "\r\n", "\n\n", "\t"])
_NON_WORD_PIECES = st.sampled_from(["\u00a0", "“", "”", "—", "’", "\u2028", "\x85", "\x1c", ".", "-", "'"])


@settings(max_examples=500, deadline=None)
@given(joined(_PIECES, 30))
def test_candidates_find_every_doubled_word_the_whole_text_scan_finds(text):
    expected = [(m.span(), m.group("first"), m.group("second")) for m in _DOUBLED.finditer(text)]
    assert [(m.span(), m.group("first"), m.group("second")) for m in doubled(text)] == expected


@settings(max_examples=500, deadline=None)
@given(joined(st.one_of(_ASCII_WORD_PIECES, _NON_WORD_PIECES), 30))
def test_the_ascii_candidates_find_every_doubled_word_among_marks_of_any_script(text):
    assert _ascii_words(text)
    expected = [(m.span(), m.group("first"), m.group("second")) for m in _DOUBLED.finditer(text)]
    assert [(m.span(), m.group("first"), m.group("second")) for m in doubled(text)] == expected


@pytest.mark.parametrize(
    ("text", "ascii_words"),
    [("", True), ("the the", True), ("“the — the”\u00a0", True), ("café café", False), ("ſo so", False), ("x²", False)],
)
def test_ascii_words_are_texts_without_a_non_ascii_word_character(text, ascii_words):
    assert _ascii_words(text) is ascii_words


@settings(max_examples=500, deadline=None)
@given(joined(st.one_of(_PIECES, _NON_WORD_PIECES, st.sampled_from(["²", "Ж", "\u0301", "\U0001d400"])), 12))
def test_ascii_words_are_texts_where_no_character_is_non_ascii_and_a_word_character(text):
    assert _ascii_words(text) is not any(not char.isascii() and re.match(r"\w", char) for char in text)


@settings(max_examples=500, deadline=None)
@given(joined(_PIECES, 30, min_size=1), st.data())
def test_the_token_test_near_a_doubled_word_is_the_token_test_of_the_whole_text(text, data):
    folded = text.lower()
    start = data.draw(st.integers(0, len(text)))
    match = re.compile("").match(text, start)  # a place anywhere in the text, not only a doubled word
    assert _may_repeat_near(folded, match) == _may_repeat(folded)
