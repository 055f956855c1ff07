import copy

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslint.document import Document
from newslint.errors import RuleFileError
from newslint.triggers import TriggerIndex
from tests.conftest import matched, run_rules
from tests.kinds.fuzzing import fuzz

KYIV = """
- id: t.kyiv
  kind: consistency
  message: "write '{preferred}', not '{match}'"
  preferred: Kyiv
  variants: [Kiev]
  ignorecase: true
  exceptions: ["Kievan Rus'", '[Cc]hicken Kiev']
"""


def test_preferred_form_flags_every_variant_with_a_fix(make_rules):
    rules = make_rules(KYIV)
    text = "Kiev and KIEV and kiev; Kyiv is fine; Kievan Rus' and chicken Kiev are not the city."
    findings = run_rules(rules, text)
    assert matched(findings, text) == ["Kiev", "KIEV", "kiev"]
    assert [f.fix.replacement for f in findings] == ["Kyiv", "KYIV", "Kyiv"]
    assert findings[0].message == "write 'Kyiv', not 'Kiev'"


def test_the_preferred_form_in_lowercase_is_left_to_the_capitalization_rule(make_rules):
    assert run_rules(make_rules(KYIV), "kyiv and Kyiv") == []


MACAU = """
- id: t.macau
  kind: consistency
  message: "'{match}': this story also writes '{preferred}'"
  variants: [Macau, Macao]
"""


def test_without_preference_the_minority_form_is_flagged(make_rules):
    rules = make_rules(MACAU)
    text = "Macao, Macau, Macau."
    findings = run_rules(rules, text)
    assert matched(findings, text) == ["Macao"]
    assert findings[0].fix.replacement == "Macau"


def test_on_a_tie_the_first_form_used_wins(make_rules):
    text = "Macao and Macau."
    findings = run_rules(make_rules(MACAU), text)
    assert matched(findings, text) == ["Macau"]


def test_one_form_alone_is_consistent(make_rules):
    assert run_rules(make_rules(MACAU), "Macao and Macao.") == []


def test_case_sensitive_by_default_so_us_is_not_US(make_rules):
    rules = make_rules("""
        - id: t.us
          kind: consistency
          message: "'{match}' vs '{preferred}'"
          variants: [U.S., US]
        """)
    text = "The U.S. told us, and the U.S. and the US agreed."
    assert matched(run_rules(rules, text), text) == ["US"]


def test_a_form_as_written_beats_another_forms_all_caps_spelling(make_rules):
    for variants in ("[Covid-19, COVID-19]", "[COVID-19, Covid-19]"):
        rules = make_rules(f"""
            - id: t.covid
              kind: consistency
              message: "'{{match}}' vs '{{preferred}}'"
              variants: {variants}
            """)
        text = "Covid-19 rose. COVID-19 fell. Covid-19 again."
        findings = run_rules(rules, text)
        assert matched(findings, text) == ["COVID-19"]
        assert findings[0].fix.replacement == "Covid-19"


def test_straight_and_curly_apostrophes_spell_one_form(make_rules):
    rule = """
- id: t.ci
  kind: consistency
  message: "'{match}' but also '{preferred}'"
  variants: ["Côte d'Ivoire", Ivory Coast]
"""
    rules = make_rules(rule)
    assert run_rules(rules, "Côte d'Ivoire said. Côte d’Ivoire agreed.") == []
    text = "Ivory Coast said. Côte d’Ivoire agreed. Ivory Coast left."
    assert matched(run_rules(rules, text), text) == ["Côte d’Ivoire"]


KYIV_SINCE = KYIV + "  since: 2019-08-14\n"


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("KIEV, Aug 3, 2004 (Reuters) - Talks resumed in Kiev.", []),
        ("KIEV, Aug 3, 2021 (Reuters) - Talks resumed in Kiev.", ["KIEV", "Kiev"]),
        ("Talks resumed in Kiev on Monday.", ["Kiev"]),  # no date: judged as new copy
        ("Talks resumed in Kiev, as in 2004 and 2012.", []),  # written in 2012 or later: maybe before
        ("Talks resumed in Kiev, as in 2004 and 2022.", ["Kiev"]),  # written in 2022 or later
    ],
)
def test_copy_dated_before_the_house_spelling_took_over_is_left_alone(make_rules, text, flagged):
    assert matched(run_rules(make_rules(KYIV_SINCE), text), text) == flagged


def test_since_needs_a_preferred_form(make_rules):
    with pytest.raises(RuleFileError, match="since"):
        make_rules(MACAU + "  since: 2019-01-01\n")


@pytest.mark.parametrize(
    "text",
    [
        "Talks resumed in Kyiv (Kiev) on Monday.",
        "Kyiv, formerly Kiev, held talks.",
        'Trump\'s statement read: "Kiev will not yield." Talks in Kyiv went on.',
        'The film "Kiev Nights" opened in Kyiv.',
    ],
)
def test_what_is_not_the_writers_spelling_is_not_counted(make_rules, text):
    assert run_rules(make_rules(KYIV), text) == []


US = """
- id: t.us
  kind: consistency
  message: "'{match}' but '{preferred}'"
  variants: [U.S., US]
  headlines: false
"""


def test_headlines_and_quotations_do_not_count_for_a_story_that_must_be_consistent(make_rules):
    text = 'US imposes sanctions\n\nThe U.S. imposed them. "The US will not wait," he said. U.S. officials agreed.'
    assert run_rules(make_rules(US), text) == []
    mixed = "US imposes sanctions\n\nThe U.S. imposed them. US officials agreed, and U.S. banks too."
    assert matched(run_rules(make_rules(US), mixed), mixed) == ["US"]


_US_RULES = """
- id: t.us
  kind: consistency
  message: "'{match}' vs '{preferred}'"
  variants: [U.S., US]
  exceptions: ['US\\$']
- id: t.covid
  kind: consistency
  message: "'{match}' vs '{preferred}'"
  preferred: Covid-19
  variants: [COVID-19, Côte d'Ivoire]
"""


@fuzz(300)
@given(
    st.lists(
        st.sampled_from(
            ["U.S.", "US", "us", "U.S", "US$", "USA", "BUS", "_", "é", "\u0301", "Covid-19", "COVID-19", "covid-19"]
            + ["Côte d'Ivoire", "Côte d’Ivoire", "CÔTE D'IVOIRE", '"', " ", ".", "\n", "\n\n", "\r\n\r\n", "ſ", "İ"]
        ),
        max_size=14,
    ).map("".join)
)
def test_forms_found_from_the_trigger_scan_are_those_a_scan_of_the_text_finds(make_rules, text):
    rules = make_rules(_US_RULES)
    indexed = Document(text)
    indexed.use_triggers(TriggerIndex(rule.triggers() for rule in rules))
    for rule in rules:
        assert rule.check(indexed) == rule.check(Document(text))


_SINCE_RULES = """
- id: t.us-in-text
  kind: consistency
  message: "'{match}' vs '{preferred}'"
  variants: [U.S., US]
  headlines: false
- id: t.kyiv-since
  kind: consistency
  message: "'{match}' vs '{preferred}'"
  preferred: Kyiv
  variants: [Kiev]
  since: 2019-08-14
"""


@fuzz(300)
@given(
    st.lists(
        st.sampled_from(
            ["U.S.", "US", "US$", "Kiev", "Kyiv", "Covid-19", "COVID-19", '"', "“", "”", " ", ". ", "\n", "\n\n"]
            + ["formerly ", "(", ")", "In 2018 ", "2021", "said ", "The "]
        ),
        max_size=16,
    ).map("".join)
)
def test_a_story_with_one_form_among_all_its_occurrences_is_left_before_they_are_judged(make_rules, text):
    """The early return on the forms found, before each is judged (_counts), returns nothing that
    judging them all first would have flagged."""
    for rule in make_rules(_US_RULES) + make_rules(_SINCE_RULES):
        judged_first = copy.copy(rule)
        forced = iter([True])  # the first _may_flag (on every form found) lets every story through
        judged_first._may_flag = lambda found, rule=rule, forced=forced: next(forced, False) or rule._may_flag(found)
        assert rule.check(Document(text)) == judged_first.check(Document(text))


@fuzz(300)
@given(
    st.lists(
        st.sampled_from(
            ["U.S.", "US", "us", "U.S", "US$", "USA", "BUS", "_", "é", "\u0301", "ſ", "İ", "Kiev", "KIEV", "Kyiv"]
            + ["Covid-19", "COVID-19", "covid-19", "Côte d'Ivoire", "Côte d’Ivoire", "CÔTE D'IVOIRE", "Kievan"]
            + ['"', "“", "”", " ", ". ", "\n", "\n\n", "formerly ", "(", "In 2018 ", "2021"]
        ),
        max_size=16,
    ).map("".join)
)
def test_a_story_with_one_form_written_is_left_before_its_forms_are_matched(make_rules, text):
    """The early return on the forms the trigger scan found written (see _written_at), before the
    rule's pattern is tried at their places, returns nothing that matching them, or scanning the
    whole text where the trigger scan cannot tell, would have flagged."""
    rules = make_rules(_US_RULES) + make_rules(_SINCE_RULES)
    index = TriggerIndex(rule.triggers() for rule in rules)
    for rule in rules:
        matched_first = copy.copy(rule)
        forced = iter([True])  # the first _forms_may_flag (on the forms written) lets every story through
        matched_first._forms_may_flag = lambda forms, rule=rule, forced=forced: (
            next(forced, False) or rule._forms_may_flag(forms)
        )
        indexed, indexed_too = Document(text), Document(text)
        indexed.use_triggers(index)
        indexed_too.use_triggers(index)
        found = rule.check(indexed)
        assert found == matched_first.check(indexed_too)
        assert found == rule.check(Document(text))  # not indexed: no trigger scan, no early return
