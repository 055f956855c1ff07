import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint.document import Document
from newslint.kinds.balance import _eyes_before, _marks_by_paragraph, _nested, _nested_by_stack, _paragraphs_holding
from newslint.places import positions
from newslint.regexes import lazy
from newslint.spans import Span
from tests.conftest import matched, run_rules
from tests.kinds.fuzzing import fuzz, joined

RULE = """
- id: t.bal
  kind: balance
  message: "unbalanced {match}"
  pairs: [["(", ")"], ["[", "]"]]
  quotes: [["“", "”"], ['"', '"']]
"""


def test_unclosed_and_unopened_marks(make_rules):
    text = "He said (in Kyiv that it was over.\n\nIt was] done.\n\nShe called it “a disgrace."
    assert matched(run_rules(make_rules(RULE), text), text) == ["(", "]", "“"]


def test_balanced_mixed_continued_and_measured_marks_are_fine(make_rules):
    text = (
        'He said (in Kyiv) “yes” and "no" and “mixed".\n\n'
        "“A quotation that runs on.\n\n“And ends here,” he said.\n\n"
        "He is 6'2\" tall. Smile :)\n\na) first point.\n\n"
        'He said, "The costs rise.\nDue to the epidemic, we pay more."'
    )
    assert run_rules(make_rules(RULE), text) == []


def test_a_quotation_cannot_cross_a_blank_line(make_rules):
    text = 'He said, "The costs rise.\n\nDue to the epidemic, we pay more."'
    findings = run_rules(make_rules(RULE), text)
    assert matched(findings, text) == ['"', '"']


def test_inline_list_markers_are_not_brackets(make_rules):
    text = "The plan has three points: a) a ceasefire, b) a prisoner swap and c) talks; 1) now, 2) later."
    assert run_rules(make_rules(RULE), text) == []


@pytest.mark.parametrize(
    "text", ["The spokesman who declined to be named) said no.", "Voters aged 18 to 24) found it hard."]
)
def test_a_closing_bracket_outside_a_list_is_still_unbalanced(make_rules, text):
    assert matched(run_rules(make_rules(RULE), text), text) == [")"]


_PIECES = st.sampled_from(["(", ")", "[", "]", ":", ";", "-", "a", "b", "1", "2", " ", "é", "\n", "\n\n"])


@fuzz()
@given(joined(_PIECES, 16))
def test_a_paragraph_the_bracket_gate_passes_has_no_bracket_problem(make_rules, text):
    (rule,) = make_rules(RULE)
    if rule._nested_plainly(text):
        assert rule._bracket_problems_one_by_one(text, 0, len(text)) == []


@settings(max_examples=300, deadline=None)
@given(joined(_PIECES, 30))
def test_paragraphs_holding_brackets_are_those_a_scan_of_every_bracket_finds(text):
    doc = Document(text)
    marks = lazy(r"[()\[\]]")
    expected: list[int] = []
    for match in marks.finditer(text):
        index = doc.paragraph_index(match.start())
        if index >= 0 and match.start() < doc.paragraphs[index].end and (not expected or expected[-1] != index):
            expected.append(index)
    assert _paragraphs_holding(doc, marks) == expected


_PARAGRAPH_PIECES = st.sampled_from(
    ["(", ")", "[", "]", ":", ";", "-", "a", "1", " ", "é", "\n", "\r\n", "\n\n", "\r\r"]
)


@fuzz()
@given(joined(_PARAGRAPH_PIECES, 30))
@example("(a :-)")  # the eyes of an emoticon, nested brackets without them
@example(":(a)")  # eyes where the paragraph starts
def test_plain_brackets_are_the_problems_of_every_paragraph_walked_mark_by_mark(make_rules, text):
    (rule,) = make_rules(RULE)
    doc = Document(text)
    expected = [
        problem
        for paragraph in doc.paragraphs
        for problem in rule._bracket_problems_one_by_one(text, paragraph.start, paragraph.end)
    ]
    assert rule._plain_bracket_problems(doc, "()[]") == expected


@settings(max_examples=300, deadline=None)
@given(joined(_PARAGRAPH_PIECES, 30))
def test_marks_by_paragraph_are_those_a_scan_of_every_bracket_finds(text):
    doc = Document(text)
    expected: dict[int, list[int]] = {}
    for match in lazy(r"[()\[\]]").finditer(text):
        index = doc.paragraph_index(match.start())
        if index >= 0 and match.start() < doc.paragraphs[index].end:
            expected.setdefault(index, []).append(match.start())
    assert _marks_by_paragraph(doc, positions(text, "()[]")) == expected
    assert positions(text, "([") == [m.start() for m in lazy(r"[(\[]").finditer(text)]


@pytest.mark.parametrize(
    ("text", "start", "position", "eyes"),
    [
        (":)", 0, 1, True),
        (";-(", 0, 2, True),
        ("a-(", 0, 2, False),
        (":-(", 1, 2, False),  # the colon is in the paragraph before
        (":)", 1, 1, False),
        ("(", 0, 0, False),
        ("x)", 0, 1, False),
    ],
)
def test_eyes_before_a_bracket_stand_inside_its_paragraph(text, start, position, eyes):
    assert _eyes_before(text, start, position) is eyes


@fuzz()
@given(st.text(alphabet="()[]", max_size=24))
def test_brackets_told_nested_by_removing_pairs_are_those_the_stack_tells(marks):
    for nesting in (marks, "(" * 5 + marks + ")" * 5):  # deeper than the removals reach
        assert _nested(nesting, ["()", "[]"]) == _nested_by_stack(nesting, ["()", "[]"])


@fuzz()
@given(joined(_PARAGRAPH_PIECES, 30), st.lists(st.tuples(st.integers(0, 40), st.integers(0, 20)), max_size=6))
@example("(a\n\nb)", [])  # a bracket closed in the next paragraph
@example("(a :-)", [])  # the eyes of an emoticon
@example("(a)(b)", [(0, 6), (1, 5)])  # paragraphs that overlap: the first ")" is the second's
@example("(a)", [(0, 2)])  # a bracket just past its paragraph's end
def test_brackets_told_nested_in_their_paragraphs_for_the_whole_text_are_so_in_each(make_rules, text, spans):
    """Told of the whole text, only as a shortcut: when so, every paragraph's brackets nest plainly
    and none stands between paragraphs (else each paragraph is looked at)."""
    (rule,) = make_rules(RULE)
    given = sorted(Span(start, min(start + length, len(text))) for start, length in spans if start <= len(text))
    for doc in (Document(text), Document(text, paragraphs=given)):
        every = positions(text, "()[]")
        if rule._nested_in_their_paragraphs(doc, every):
            by_paragraph = _marks_by_paragraph(doc, every)
            assert sum(len(marks) for marks in by_paragraph.values()) == len(every)
            for index, marks in by_paragraph.items():
                assert rule._nested_plainly_at(text, doc.paragraphs[index].start, marks)
