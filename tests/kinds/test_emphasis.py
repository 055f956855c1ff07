import re
import string
import sys

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newslint.document import Document
from newslint.errors import RuleFileError
from newslint.kinds.emphasis import _LEAD_IN, _OTHER_ASCII_BLANKS, _PHRASE, _CaseBlind, _fewer_words_than, _most_words
from newslint.regexes import compile_literals
from tests.conftest import matched, run_rules
from tests.kinds.fuzzing import fuzz, joined

RULE = """
- id: t.emph
  kind: emphasis
  message: "emphasis {match}"
  attribution: [said, according to, told]
  mentions: [the term, nicknamed]
  scales: [risk, level]
"""


STORY = "The club met on Monday and the coach spoke to the players before the match. " * 5  # 80 words


def test_a_habit_of_unattributed_quoted_terms_is_flagged(make_rules):
    text = STORY + 'Coaches rely on the "core tactics" of the team. Fans love the "attack spirit" of "providence".'
    assert matched(run_rules(make_rules(RULE), text), text) == ['"core tactics"', '"attack spirit"', '"providence"']


def test_one_pair_of_scare_quotes_in_a_story_is_a_writers_choice(make_rules):
    assert run_rules(make_rules(RULE), STORY + 'Coaches rely on the "core tactics" of the team.') == []


def test_a_text_too_short_to_show_a_habit_is_judged_quotation_by_quotation(make_rules):
    text = 'Coaches rely on the "core tactics" of the team.'
    assert matched(run_rules(make_rules(RULE), text), text) == ['"core tactics"']
    assert run_rules(make_rules(RULE + "  short_text_words: 5\n"), text) == []


def test_single_words_do_not_make_the_habit_on_their_own(make_rules):
    text = STORY + 'A sign of "providence" for the shop. A matter of "luck" for its owners.'
    assert run_rules(make_rules(RULE), text) == []


def test_the_habit_is_measured_per_1000_words(make_rules):
    text = 'The "core tactics" held. The "attack spirit" held. ' + "Filler words here. " * 300
    assert run_rules(make_rules(RULE), text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a speaker in the same sentence, or the one before
        'The minister said the government had "no intention" of it. It had "no money" either.',
        'A "funding gap" remains, the agency said. Officials told reporters of a "deep hole".',
        # a term mentioned as a term, a grade on a scale, a definition, a gloss, a nickname
        'The term "natural born citizen" is vague. He was nicknamed the "king of coal".',
        'The risk rose from "moderate risk" to "very high". The level is "very high" now.',
        'A "tropical depression" is weak. It made "hand paws", costume gloves.',
        'Fans cheered the "third uncle" Wang Jixiang and the "old master" Li Wei.',
        # inside a longer quotation
        '"We reject the "double reduction" idea and the "joint tour" plan," Li told the paper.',
    ],
)
def test_partial_quotations_and_terms_are_not_emphasis(make_rules, text):
    assert run_rules(make_rules(RULE), text) == []  # short texts: each quotation is judged


def test_according_to_data_names_the_source_of_numbers_not_of_words(make_rules):
    text = (
        'According to Alipay data, the number of new "basic people" doubled. '
        'Young savers became "fund holders" in the "saving effect" era.'
    )
    assert len(run_rules(make_rules(RULE), text)) == 3


def test_counts_are_checked_when_the_rule_loads(make_rules):
    with pytest.raises(RuleFileError, match="min_count"):
        make_rules(RULE + "  min_count: -1\n")


@pytest.mark.parametrize("value", [".inf", ".nan", "-.inf", "true", "many"])
def test_a_count_that_is_no_finite_number_is_a_rule_file_error(make_rules, value):
    # .inf and .nan are YAML numbers: they were accepted, and max_words: .inf ended in a traceback
    with pytest.raises(RuleFileError, match="max_words: expected a number of 0 or more"):
        make_rules(RULE + f"  max_words: {value}\n")


@given(
    st.lists(st.sampled_from(["a", "b", " ", "\t", "\n", "\r\n", "\u00a0", "\u2028", "\x1c", "\u200b"])).map("".join),
    st.sampled_from([0, 0.5, 1, 1.5, 2, 3, 59.9, 60, 1e300]),
)
def test_the_short_text_count_is_the_word_count(text, limit):
    assert _fewer_words_than(text, limit) == (len(text.split()) < limit)


def test_a_story_just_under_or_at_the_short_text_limit(make_rules):
    quoted = 'Coaches rely on the "core tactics" of the team.'  # 9 words
    under, at = quoted + " word" * 50, quoted + " word" * 51  # 59 and 60 words
    assert len(run_rules(make_rules(RULE), under)) == 1
    assert run_rules(make_rules(RULE), at) == []


def _hits_quotation_by_quotation(rule, doc: Document) -> list[tuple[int, int]]:
    """The rule's hits as they were found before the habit was bounded: every quotation's context
    read, then the habit measured on those that quote nobody."""
    text = doc.text
    if '"' not in text and "“" not in text:
        return []
    spans = doc.quotations
    candidates = [s for s in spans if rule._is_short_phrase(text, *s) and rule._quotes_nobody(doc, *s)]
    if not candidates:
        return []
    phrases = [span for span in candidates if " " in text[span.start : span.end].strip()]
    short = _fewer_words_than(text, rule._short_text)
    if not short and (len(phrases) < rule._min_count or 1000 * len(phrases) < rule._min_density * len(text.split())):
        return []
    return [(span.start, span.end) for span in candidates]


_TWO_PHRASES = ' the "core tactics" of the team. the "double reduction" policy'  # ten words
_STORY_PIECES = st.sampled_from(
    [
        ' the "core tactics" of the team.',
        ' a "funding gap" remains, the agency said.',
        ' a sign of "providence".',
        ' the "double reduction" policy',
        ' "We reject the "joint tour" plan," Li told the paper.',
        ' the term "natural born citizen"',
        ' Q: Why? A: We like the "open door" idea.',
        ' "luck"',
        '"',
        "\n\n",
        ". ",
        " The club met on Monday and the coach spoke to the players before the match.",
        " Filler words here and there, on and on, in the town.",
    ]
)


@fuzz(300)
@given(joined(_STORY_PIECES, 40))
@example(' the "core tactics" of the team. the "double reduction" policy' + " word" * 60)
@example(' the "core tactics" of the team, the agency said. the "double reduction" policy' + " word" * 60)
@example(_TWO_PHRASES + " word" * 656)  # 666 words: two phrases are dense enough, as the blanks tell
@example(_TWO_PHRASES + " word" * 657)  # 667 words: not dense enough
@example(_TWO_PHRASES + "  word" + " word" * 655)  # 666 words, but more blanks: only the count tells
@example(_TWO_PHRASES + "\tword" + " word" * 655)  # a tab: no bound
def test_a_story_without_enough_short_quoted_phrases_for_a_habit_reads_no_context(make_rules, text):
    """Bounding the habit by the phrases whose context is not yet read finds what reading it all found."""
    (rule,) = make_rules(RULE)
    found = [(hit.start, hit.end) for hit in rule.hits(Document(text))]
    assert found == _hits_quotation_by_quotation(rule, Document(text))


def test_no_ascii_character_but_a_lowercase_letter_starts_a_phrase():
    """_is_short_phrase passes over a quotation whose first character is ASCII and no lowercase
    letter without asking _PHRASE: it would match none of them."""
    for first in map(chr, range(128)):
        if not first.islower():
            assert not any(_PHRASE.fullmatch(first + rest) for rest in ("", "b", "bc d", " x", "'s", "1"))


def test_every_lowercase_letter_starts_a_phrase(make_rules):
    (rule,) = make_rules(RULE)
    # U+1C8A is a lowercase letter to `regex`, not to Python 3.11's str.islower()
    for first in [*string.ascii_lowercase, "é", "я", "\u1c8a"]:
        text = 'a sign of "' + first + ' b" here'
        assert rule._is_short_phrase(text, text.index('"'), text.rindex('"') + 1)


def test_the_other_ascii_blanks_are_those_str_split_splits_at():
    assert set(_OTHER_ASCII_BLANKS) | {" ", "\n"} == {char for char in map(chr, range(128)) if char.isspace()}


@fuzz()
@given(st.lists(st.sampled_from(["a", "bc", " ", "  ", "\n", "\n\n", "\t", "\r", "\x1c", "\u00a0", "é"])).map("".join))
def test_a_text_has_at_most_as_many_words_as_its_bound(text):
    most = _most_words(text)
    if most is not None:
        assert len(text.split()) <= most
    else:
        assert not text.isascii() or any(char.isspace() and char not in " \n" for char in text)


def test_case_blind_re_takes_four_letters_beyond_ascii_for_ascii_ones():
    """What _CaseBlind's folded text rests on, for the running Python: the characters beyond ASCII
    that case-blind `re` matches to an ASCII one are 'İ', 'ı', 'ſ' and the Kelvin sign, and only
    'İ' lowercases to more than one character."""
    beyond = "".join(chr(code) for code in range(0x80, sys.maxunicode + 1) if not 0xD800 <= code < 0xE000)
    assert set(re.findall("[\\x00-\\x7f]", beyond, re.IGNORECASE)) == {"İ", "ı", "ſ", "\u212a"}
    assert [char for char in beyond if len(char.lower()) != 1] == ["İ"]


_CUE_PIECES = st.sampled_from(
    ["said", "SAID", "Said", "saıd", "ſaid", "İt", "\u212aey", "key", "according to", "ACCORDING  TO", "told", "u.s."]
    + [" ", ",", "x", "é", "\n", "-", "_", "1"]
)


@fuzz()
@given(joined(_CUE_PIECES, 12), st.integers(0, 60), st.integers(0, 60))
@example("saıd", 0, 4)  # a dotless i: 'i' to case-blind re
@example("İt said", 0, 7)  # lowercases to two characters
@example("ſaid \u212aey", 0, 9)
@example("xsaid said", 1, 10)  # a word character before the start
def test_case_blind_phrases_are_found_where_case_blind_re_finds_them(text, start, length):
    """_CaseBlind finds what compile_literals(phrases, ignorecase=True) finds, in the folded text
    where it can; and as that does where the phrases are not all ASCII, or not on `re`."""
    doc, end = Document(text), min(start + length, len(text))
    for phrases in (["said", "according to", "key", "Told"], ["ſaid", "naïve"], ["said", "U.S."]):
        expected = [match.span() for match in compile_literals(phrases, ignorecase=True).finditer(text, start, end)]
        assert [match.span() for match in _CaseBlind(phrases).finditer(doc, start, end)] == expected
        found = compile_literals(phrases, ignorecase=True).search(text, start, end)
        assert (_CaseBlind(phrases).search(doc, start, end) is None) == (found is None)


def _is_short_phrase_as_before(rule, text: str, start: int, end: int) -> bool:
    """Emphasis._is_short_phrase before it counted the words (up to one too many) first."""
    if end - start < 3 or text[start] not in '"“' or text[end - 1] not in '"”':
        return False
    first = text[start + 1]
    if first.isascii() and not first.islower():
        return False
    inner = text[start + 1 : end - 1]
    if not _PHRASE.fullmatch(inner) or "\n" in inner:
        return False
    count = len(inner.split())
    if count > rule._max_words or (count == 1 and not _LEAD_IN.search(text, max(0, start - 8), start)):
        return False
    return end >= len(text) or not (text[end].isalnum() or text[end] in "'’")


@fuzz()
@given(
    st.lists(st.sampled_from(["a", "bc", "Dé", " ", "  ", "\n", "\t", "\u00a0", ",", "-", "'"]), max_size=12).map(
        "".join
    ),
    st.sampled_from(["of ", "the ", "", "into\t"]),
    st.sampled_from(['"', "“"]),
    st.sampled_from(['"', "”", ""]),
    st.sampled_from(["", " x", "s", "."]),
    st.integers(0, 5),
)
@example("a b c d e", "", '"', '"', "", 4)  # one word too many
@example("a b c d", "", '"', '"', "", 4)
@example("word", "of ", '"', '"', " x", 1)
@example("a", "", '"', '"', "", 0)
@example("a\nb", "", '"', '"', "", 4)  # a line break between the words
def test_a_short_phrase_is_told_as_before_its_words_were_counted_first(
    make_rules, inner, lead_in, opening, closing, after, most
):
    (rule,) = make_rules(RULE)
    rule._max_words = most
    text = lead_in + opening + inner + closing + after
    start, end = len(lead_in), len(lead_in) + len(opening) + len(inner) + len(closing)
    assert rule._is_short_phrase(text, start, end) == _is_short_phrase_as_before(rule, text, start, end)
