import json

import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newslint.document import Document
from newslint.kinds.capitalization import (
    _FIRST_WORD,
    _TOKEN,
    _has_lowercased_part,
    _lowercase_after,
    _lowercase_after_mark,
    _may_start_lowercase,
    _slipped_forms,
    _standalone_count,
)
from newslint.regexes import compile_literals
from newslint.triggers import TriggerIndex
from tests.conftest import matched, run_rules
from tests.kinds.fuzzing import fuzz, joined

NAMES = """
- id: t.names
  kind: capitalization
  check: proper-nouns
  message: "write '{suggestion}'"
  names: [Kyiv, Hong Kong, NATO, Côte d'Ivoire]
"""


def test_lowercase_names_are_flagged_with_the_canonical_form(make_rules):
    text = "kyiv, hong kong, Hong kong, nato and côte d'ivoire."
    findings = run_rules(make_rules(NAMES), text)
    assert matched(findings, text) == ["kyiv", "hong kong", "Hong kong", "nato", "côte d'ivoire"]
    assert [f.fix.replacement for f in findings] == ["Kyiv", "Hong Kong", "Hong Kong", "NATO", "Côte d'Ivoire"]


def test_other_capitalisations_urls_and_handles_are_left_alone(make_rules):
    text = "Kyiv, KYIV, Nato, www.kyiv.ua, mail@kyiv.ua, #kyiv and @nato."
    assert run_rules(make_rules(NAMES), text) == []


START = """
- id: t.start
  kind: capitalization
  check: sentence-start
  message: "write '{suggestion}'"
  after: [paragraph, ".", "?"]
"""


def test_sentence_starts_in_lowercase(make_rules):
    text = "the talks began. they ended? yes.\nnew paragraph here."
    findings = run_rules(make_rules(START), text)
    assert matched(findings, text) == ["the", "they", "yes", "new"]
    assert findings[0].fix.replacement == "The"


def test_abbreviations_decimals_ellipses_urls_brands_and_particles_are_not_sentence_starts(make_rules):
    text = (
        "The U.S. officials met at 9 a.m. today, e.g. in Kyiv. Prices rose 3.5 percent... and fell. "
        'Mr. smith came. Visit cnn.com. iPhone sales fell. de Gaulle left. "Why?" she asked.'
    )
    assert run_rules(make_rules(START), text) == []


def test_after_limits_where_a_sentence_start_counts(make_rules):
    rules = make_rules("""
        - id: t.start
          kind: capitalization
          check: sentence-start
          message: "x"
          after: ["."]
        """)
    text = "lowercase paragraph start. then a fragment"
    assert matched(run_rules(rules, text), text) == ["then"]


@given(
    st.lists(
        st.sampled_from(list(".!?\"”’')]“‘([« \t\n\u00a0\x1c\u2028aAZéÉ\u0301ʰ漢ªµǅ1_") + ["\r\n", "...", "?!"])
    ).map("".join),
    st.sampled_from([".", "!?", ".!?", "!", "?"]),
)
@example('Why?! "who? he said.) ‘x', "!?")
@example(". ª. µ.\x1cx.\u00a0y.\u2028z", ".")  # lowercase below "À"; spaces of each engine's \s
@settings(max_examples=500)
def test_lowercase_after_marks_found_mark_by_mark_are_those_of_one_search(text, marks):
    expected = [match.span() for match in _lowercase_after_mark(marks).finditer(text)]
    found = sorted(match.span() for mark in marks for match in _lowercase_after(text, mark))
    assert found == expected


# Names in every case, other words that share their letters, and what stands around them.
_NAME_PIECES = st.sampled_from(
    ["kyiv", "Kyiv", "KYIV", "kyivan", "hong kong", "Hong kong", "hong", "kong", "nato", "Nato", "natos"]
    + ["côte d'ivoire", "İ", " ", " ", ", ", ".", "\n", "x"]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_NAME_PIECES, max_size=20).map("".join))
def test_proper_nouns_placed_by_the_trigger_scan_are_those_a_search_finds(make_rules, text):
    """Where the shared scan tells where each name's lowercase stands, the slipped forms are
    placed from it (without it, by substring search): the names a search of the text for every
    slipped form finds, with a part in lowercase."""
    (rule,) = make_rules(NAMES)
    kind = getattr(rule, "rule", rule)  # the rule itself, built on first use
    expected = _names_a_search_finds(kind, kind._forms_by_lowercase, text)
    assert _hits_placed_by_the_scan(rule, text) == expected
    assert [(hit.start, hit.end) for hit in kind.hits(Document(text))] == expected


def _names_a_search_finds(kind, forms_by_lowercase: dict[str, list[str]], text: str) -> list[tuple[int, int]]:
    """Where a search of the text for every slipped form finds one with a part in lowercase."""
    forms = sorted(form for same in forms_by_lowercase.values() for form in same)
    return [
        (match.start(), match.end())
        for match in compile_literals(forms).finditer(text)
        if _has_lowercased_part(match.group(), _name_of(kind, match.group()))
    ]


def _name_of(kind, form: str) -> str:
    """The name a slipped form stands for: the one of its lowercase, or the one it was made from."""
    if form.lower() in kind._canonical:
        return kind._canonical[form.lower()]
    (name,) = {name for name in kind._canonical.values() if form in _slipped_forms((name,))}
    return name


def _hits_placed_by_the_scan(rule, text: str) -> list[tuple[int, int]]:
    """The rule's hits where the shared trigger scan tells where each name's lowercase stands."""
    indexed = Document(text)
    indexed.use_triggers(TriggerIndex([rule.triggers()]))
    return [(hit.start, hit.end) for hit in getattr(rule, "rule", rule).hits(indexed)]


def _slipped_forms_by_lowercase(canonical: dict[str, str]) -> dict[str, list[str]]:
    """Every slipped form of every name, grouped by its lowercase, as one pass over all names
    (how the rule once worked them all out when built)."""
    grouped: dict[str, list[str]] = {}
    for form in sorted(_slipped_forms(canonical.values())):
        if _TOKEN.search(form):
            grouped.setdefault(form.lower(), []).append(form)
    return grouped


# Letters whose capital lowercases to other letters ("ß" -> "SS" -> "ss") make irregular names.
_NAME_LETTERS = st.sampled_from(["K", "k", "y", "iv", "Hong", " ", " Kong", "ß", "ŉ", "ǰ", "ﬁ", "İ", "1", "-", "'"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(joined(_NAME_LETTERS, 5, min_size=1), min_size=1, max_size=6),
    st.lists(st.sampled_from(["x", " ", ". ", "\n", "ss", "SS"]), max_size=6),
)
def test_slipped_forms_worked_out_name_by_name_are_those_of_all_names_at_once(make_rules, names, glue):
    """The forms a built rule looks for, worked out for each name the scan finds, are those of
    the pass over all names; and the names found in a text of slipped forms are the same."""
    names = [name.strip() or "X" for name in names]
    if all(name == name.lower() for name in names):
        names.append("Kyiv")
    (rule,) = make_rules(NAMES.replace("[Kyiv, Hong Kong, NATO, Côte d'Ivoire]", json.dumps(names)))
    kind = getattr(rule, "rule", rule)
    reference = _slipped_forms_by_lowercase(kind._canonical)
    if not kind._irregular:
        found = {lowercase: kind._forms_found[lowercase] for lowercase in kind._canonical}
        assert {lowercase: forms for lowercase, forms in found.items() if forms} == reference
    forms = sorted(form for same in reference.values() for form in same)
    text = "".join(form + piece for form, piece in zip(forms, [*glue, *[" "] * len(forms)]))
    assert _hits_placed_by_the_scan(rule, text) == _names_a_search_finds(kind, reference, text)


@settings(max_examples=500)
@given(
    st.lists(st.sampled_from(list("\"“‘'([«»” \t.-aAzÉéªǅⓐİʰ漢1\u0301_")), max_size=8).map("".join),
    st.integers(0, 8),
)
def test_a_sentence_start_passed_over_holds_no_word_in_lowercase(text, end):
    """Sentences that _may_start_lowercase passes over (before their origin is looked at) are
    those where _FIRST_WORD finds no word that starts with a lowercase letter."""
    end = min(end, len(text))
    first = _FIRST_WORD.match(text, 0, end)
    if first and first.group("word")[0].islower():
        assert _may_start_lowercase(text, 0, end)


_CODE_LIKE = st.sampled_from(["a", "b", "1", ".", "-", "_"])
_AROUND = st.sampled_from(["WORD", "WORD", "a", "b", "1", ".", "-", "_", " ", "é", "\u0301", "Ab", "\n", "’"])


@fuzz(500)
@given(st.lists(_CODE_LIKE, min_size=1, max_size=4).map("".join), st.lists(_AROUND, max_size=14).map("".join))
@example("a.b", "a.b a.b.a.b -a.b a.b-x a.bé a.b\u0301 a.b_")
@example("aa", "aaaa aa aaa")
def test_a_code_like_word_is_counted_where_it_stands_alone(word, text):
    """_standalone_count, from the word's places and the characters around them, counts what the
    pattern it stands for finds (overlapping places included, which it must not count twice)."""
    text = text.replace("WORD", word)
    expected = len(regex.findall(rf"(?<![\w.-]){regex.escape(word)}(?![\w-])", text))
    assert _standalone_count(text, word) == expected
