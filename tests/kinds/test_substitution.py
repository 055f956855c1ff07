import regex
from hypothesis import example, given
from hypothesis import strategies as st

from newslint.kinds.substitution import _expanded, _template
from tests.conftest import matched, run_rules
from tests.kinds.fuzzing import fuzz


def _fixes(findings):
    return [f.fix.replacement if f.fix else None for f in findings]


def test_swap_carries_a_safe_fix_and_follows_case(make_rules):
    rules = make_rules("""
        - id: t.calque
          kind: substitution
          message: "'{match}' -> '{suggestion}'"
          swap:
            dozens of thousands: tens of thousands
        """)
    text = "Dozens of thousands fled; dozens of thousands stayed; DOZENS OF THOUSANDS wept."
    findings = run_rules(rules, text)
    assert _fixes(findings) == ["Tens of thousands", "tens of thousands", "TENS OF THOUSANDS"]
    assert findings[0].fix.applicability == "safe"
    assert findings[1].message == "'dozens of thousands' -> 'tens of thousands'"


def test_regex_keys_and_group_references(make_rules):
    rules = make_rules(r"""
        - id: t.since
          kind: substitution
          message: "use '{suggestion}'"
          swap:
            'since (two|three|\d+) (years|months)': 'for \1 \2'
        """)
    text = "He has lived here since 3 years and since two months."
    assert _fixes(run_rules(rules, text)) == ["for 3 years", "for two months"]


def test_several_candidates_are_listed_but_never_fixed(make_rules):
    rules = make_rules("""
        - id: t.frame
          kind: substitution
          message: "write '{suggestion}'"
          swap:
            in the frame of: [in the framework of, as part of]
        """)
    findings = run_rules(rules, "It happened in the frame of the talks.")
    assert findings[0].fix is None
    assert findings[0].message == "write 'in the framework of' or 'as part of'"


def test_unsafe_fix_and_word_boundaries(make_rules):
    rules = make_rules("""
        - id: t.informations
          kind: substitution
          message: "use '{suggestion}'"
          fix: unsafe
          swap:
            informations: information
        """)
    text = "The informations, misinformations."
    findings = run_rules(rules, text)
    assert matched(findings, text) == ["informations"]
    assert findings[0].fix.applicability == "unsafe"


def test_fix_none_keeps_the_suggestion_in_the_message_only(make_rules):
    rules = make_rules("""
        - id: t.x
          kind: substitution
          message: "use '{suggestion}'"
          fix: none
          swap:
            informations: information
        """)
    findings = run_rules(rules, "informations")
    assert findings[0].fix is None and findings[0].message == "use 'information'"


def test_every_match_of_a_built_in_swap_is_where_its_requirements_are_met():
    """A swap is searched only in the paragraphs that hold one text of each of its requirements,
    and only in a text that holds one of each of its context's (see regexes.required_texts):
    every match of every example, in every pack, holds the one and stands in the other."""
    from newslint.config import rule_set
    from newslint.document import Document
    from newslint.regexes import scan

    tested = 0
    for rule in rule_set():
        if rule.kind != "substitution":
            continue
        for (pattern, _, _), (inside, context) in zip(rule._swaps, rule._needs):
            for text in rule.info.examples.fail + rule.info.examples.passing:
                folded = Document(text).folded
                for match in scan(pattern, text):
                    matched = match.group().lower()
                    assert all(any(needed in matched for needed in texts) for texts in inside), (rule.id, text)
                    assert all(any(needed in folded for needed in texts) for texts in context), (rule.id, text)
                    tested += bool(inside or context)
    assert tested > 20  # many swaps have requirements their triggers do not meet, and examples that match


def test_every_match_of_a_built_in_swap_holds_one_of_its_rules_declared_triggers():
    """A rule runs only on a text that holds one of its `triggers:`, standing as declared: every
    match of every swap in every example is in such a text."""
    from newslint.config import rule_set
    from newslint.document import Document
    from newslint.regexes import scan
    from newslint.triggers import TriggerIndex

    tested = 0
    for rule in rule_set():
        if rule.kind != "substitution" or not rule.info.triggers:
            continue
        triggers = rule.declared_triggers
        for pattern, _, _ in rule._swaps:
            for text in rule.info.examples.fail + rule.info.examples.passing:
                for match in scan(pattern, text):
                    alone = Document(match.group())  # the match itself holds one
                    alone.use_triggers(TriggerIndex([triggers]))
                    assert alone.holds_any(triggers), (rule.id, match.group())
                    tested += 1
    assert tested > 20


_TEMPLATE_PIECES = st.sampled_from(["\\", "1", "2", "0", "g<", "n>", "2>", "x>", ">", "a", " "])
_MATCHES = [
    regex.match(r"(?P<n>a)?(b)", text)
    for text in ("ab", "b")  # group 1 (n) matched, and not
]


@fuzz(500)
@given(st.lists(_TEMPLATE_PIECES, max_size=8).map("".join), st.sampled_from(_MATCHES))
@example(r"participat\1 in", _MATCHES[0])
@example(r"\g<n>\2\g<2>", _MATCHES[1])
def test_a_replacement_is_expanded_as_match_expand_does(replacement, match):
    """A swap's replacement put together from its pieces (kinds/substitution.py _template) reads as
    regex's Match.expand would expand it, an unmatched group as nothing; a replacement the rule
    loader refuses (a bad reference or escape) is no concern here."""
    try:
        expected = match.expand(replacement)
    except (regex.error, IndexError, KeyError):
        return
    assert _expanded(match, _template(replacement)) == expected
