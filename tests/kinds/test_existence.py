import regex
from hypothesis import given
from hypothesis import strategies as st

from newslint.document import Document
from newslint.rules.base import builtin_rules_dir
from newslint.rules.loader import load_rule_file
from tests.conftest import matched, run_rules
from tests.kinds.fuzzing import fuzz, joined


def test_tokens_match_whole_words_only(make_rules):
    rules = make_rules("""
        - id: t.words
          kind: existence
          message: "no {match}"
          tokens: [utilize, going forward]
        """)
    text = "We utilize it; utilized is fine. Going forward, going forwards."
    assert matched(run_rules(rules, text), text) == ["utilize"]


def test_ignorecase_and_exceptions(make_rules):
    rules = make_rules("""
        - id: t.words
          kind: existence
          message: "no {match}"
          tokens: [going forward]
          ignorecase: true
          exceptions: ['going forward with']
        """)
    text = "Going forward, we act. We are going forward with it."
    assert matched(run_rules(rules, text), text) == ["Going forward"]


def test_pattern(make_rules):
    rules = make_rules(r"""
        - id: t.pattern
          kind: existence
          message: "stray {match}"
          pattern: '\d+\s?%'
        """)
    text = "Up 5 % and 6%."
    assert matched(run_rules(rules, text), text) == ["5 %", "6%"]


def test_existence_offers_no_fix(make_rules):
    rules = make_rules("""
        - id: t.words
          kind: existence
          message: "no {match}"
          tokens: [utilize]
        """)
    assert run_rules(rules, "utilize")[0].fix is None


# calque.increased-in-times before its pattern led with a look-ahead that turns most words away.
_IN_TIMES_BEFORE = (
    r"(?<![\p{L}\p{N}_])\b(?:increas(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|rise|rises|rising|rose|risen|grew|grow"
    r"|grows|growing|grown|fell|fall|falls|falling|fallen|drop(?:s|ped|ping)?|reduc(?:e|es|ed|ing)"
    r"|declin(?:e|es|ed|ing)|exceed(?:s|ed|ing)?|surg(?:e|es|ed|ing)|jump(?:s|ed|ing)?|soar(?:s|ed|ing)?|shrank"
    r"|shrunk|shrinks?|shrinking|higher|lower|more|less|fewer|bigger|smaller|larger|greater|cheaper|faster|slower"
    r"|differ(?:s|ed)?)\s+in\s+(?:\d+(?:[.,]\d+)?|one and a half|two|three|four|five|six|seven|eight|nine|ten"
    r"|twenty|a hundred|hundred)\s+times(?![\p{L}\p{N}_])"
)
_SPACE = st.sampled_from([" ", "  ", "\n", "\t", "", "-"])
# "rose in three times", each part varied (case, a longer or shorter word, a space missing)
_IN_TIMES_PHRASE = st.tuples(
    st.sampled_from(["rose", "Rises", "INCREASED", "more", "dropped", "differs", "grow", "grows", "xfell", "é"]),
    _SPACE,
    st.sampled_from(["in", "IN", "In", "into", "by"]),
    _SPACE,
    st.sampled_from(["3", "2.5", "one and a half", "two", "twenty", "x"]),
    _SPACE,
    st.sampled_from(["times", "Times", "timesx", "times_", "time"]),
).map("".join)
_IN_TIMES_PIECES = st.one_of(_IN_TIMES_PHRASE, st.sampled_from(["x", "_", "é", " ", "\n\n", ". ", "3"]))


@fuzz(500)
@given(joined(_IN_TIMES_PIECES, 6))
def test_increased_in_times_finds_what_its_pattern_found_before_its_look_ahead(text):
    (rule,) = (rule for rule in _CALQUES if rule.id == "calque.increased-in-times")
    expected = [match.span() for match in regex.finditer(_IN_TIMES_BEFORE, text, regex.IGNORECASE)]
    assert [(hit.start, hit.end) for hit in rule.hits(Document(text))] == expected


_CALQUES = load_rule_file(builtin_rules_dir() / "calques.yaml")
