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
