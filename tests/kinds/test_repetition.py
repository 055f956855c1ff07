from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.kinds.repetition import _DOUBLED, doubled
from tests.conftest import matched, run_rules

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
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_candidates_find_every_doubled_word_the_whole_text_scan_finds(text):
    expected = [(m.span(), m.group("first"), m.group("second")) for m in _DOUBLED.finditer(text)]
    assert [(m.span(), m.group("first"), m.group("second")) for m in doubled(text)] == expected
