import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.kinds import repetition
from newslint.kinds.repetition import _DOUBLED, _gate_bytes, _may_repeat, _may_repeat_near, _stand_in, doubled
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
# ASCII words, and marks of any script.
_ASCII_WORD_PIECES = st.sampled_from(
    ["a", "A", "ab", "Ab", "AB", "b", "z", "Z", "1", "0", "_", " ", "\n", "\r\n", "\n\n", "\t", "\x0b", "\x0c", "?"]
)
_NON_WORD_PIECES = st.sampled_from(["\u00a0", "“", "”", "—", "’", "\u2028", "\x85", "\x1c", ".", "-", "'"])
# Doubled words (and near misses) to put among them: a doubled word after a non-ASCII mark is where
# a candidate search on bytes could lose its place.
_DOUBLED_PIECES = st.sampled_from(["the the", "The the", "a A", "ab\nAB", "ab\r\nab", "ab\t ab", "ab\n\nab", "ab, ab"])
# The same in other scripts, and with letters IGNORECASE takes for others.
_OTHER_DOUBLED_PIECES = st.sampled_from(["Я я", "łódź Łódź", "一 一", "i İ", "K k", "ſ s", "é É", "ÿ Ÿ"])


@settings(max_examples=500, deadline=None)
@given(joined(_PIECES, 30))
def test_candidates_find_every_doubled_word_the_whole_text_scan_finds(text):
    expected = [(m.span(), m.group("first"), m.group("second")) for m in _DOUBLED.finditer(text)]
    assert [(m.span(), m.group("first"), m.group("second")) for m in doubled(text)] == expected


@settings(max_examples=500, deadline=None)
@given(joined(st.one_of(_ASCII_WORD_PIECES, _NON_WORD_PIECES, _DOUBLED_PIECES), 30))
def test_the_candidates_find_every_doubled_word_among_marks_of_any_script(text):
    expected = [(m.span(), m.group("first"), m.group("second")) for m in _DOUBLED.finditer(text)]
    assert [(m.span(), m.group("first"), m.group("second")) for m in doubled(text)] == expected


# Letters IGNORECASE takes for others (İ for i, the Kelvin sign for k, ſ for nothing but itself, Ÿ
# for ÿ, the Ångström sign for å), letters and digits of other scripts, marks beyond Latin-1.
_OTHER_SCRIPT_PIECES = st.sampled_from(
    [
        "İ",
        "i",
        "K",
        "k",
        "ſ",
        "s",
        "Ÿ",
        "ÿ",
        "Å",
        "å",
        "ł",
        "Ł",
        "я",
        "Я",
        "一",
        "٣",
        "²",
        "\u0301",
        "\U0001d400",
        "“",
        "\u2028",
    ]
)


@settings(max_examples=1000, deadline=None)
@given(
    joined(
        st.one_of(_OTHER_SCRIPT_PIECES, _OTHER_DOUBLED_PIECES, _DOUBLED_PIECES, _ASCII_WORD_PIECES, _NON_WORD_PIECES),
        30,
    ),
    st.sampled_from([1.0, 0.0]),
)
def test_candidates_find_every_doubled_word_in_any_script(text, most_beyond_latin1):
    """On gate bytes whatever the share of characters beyond Latin-1 (1.0), and on the text
    itself whenever one is there (0.0)."""
    expected = [(m.span(), m.group("first"), m.group("second")) for m in _DOUBLED.finditer(text)]
    kept = repetition._MOST_BEYOND_LATIN1
    repetition._MOST_BEYOND_LATIN1 = most_beyond_latin1
    try:
        found = [(m.span(), m.group("first"), m.group("second")) for m in doubled(text)]
    finally:
        repetition._MOST_BEYOND_LATIN1 = kept
    assert found == expected


def test_the_common_marks_made_spaces_are_no_word_characters():
    assert not any(re.match(r"\w", mark) for mark in repetition._COMMON_MARKS)


def test_a_story_in_another_script_is_searched_as_it_is_and_one_with_a_few_names_on_gate_bytes():
    assert _gate_bytes("Президент сказал, что что-то будет. " * 20) is None
    assert _gate_bytes("The minister, Radosław Sikorski, said on Monday that the talks would go on. " * 20) is not None


def test_gate_bytes_are_one_per_character_a_space_for_anything_but_a_word_character(monkeypatch):
    monkeypatch.setattr(repetition, "_MOST_BEYOND_LATIN1", 1.0)  # gate bytes for any text
    text = "“The — naïve İ\u212a łódź 一二 x²!\udcff"
    gate = _gate_bytes(text)
    assert gate is not None
    assert len(gate) == len(text)
    assert [byte != 32 for byte in gate] == [bool(re.match(r"\w", char)) for char in text]
    assert gate.startswith(b" the   na\xefve ik")


def test_every_character_beyond_latin1_stands_in_for_what_ignorecase_takes_it_for():
    """Over every code point beyond Latin-1: a space exactly for what is no word character, and a
    Latin-1 stand-in only where IGNORECASE takes the two for each other (as a backreference)."""
    same = re.compile(r"(.) \1", re.IGNORECASE | re.DOTALL)
    for code in range(0x100, 0x110000):
        character = chr(code)
        stand_in = _stand_in.__wrapped__(character)
        assert (stand_in == " ") is not re.match(r"\w", character), hex(code)
        if stand_in != "\xaa" and stand_in != " ":
            assert same.fullmatch(f"{stand_in} {character}") and same.fullmatch(f"{character} {stand_in}"), hex(code)


@settings(max_examples=500, deadline=None)
@given(joined(_PIECES, 30, min_size=1), st.data())
def test_the_token_test_near_a_doubled_word_is_the_token_test_of_the_whole_text(text, data):
    folded = text.lower()
    start = data.draw(st.integers(0, len(text)))
    match = re.compile("").match(text, start)  # a place anywhere in the text, not only a doubled word
    assert _may_repeat_near(folded, match) == _may_repeat(folded)
