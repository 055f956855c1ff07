from tests.conftest import matched, run_rules


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
