from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import segmentation
from newslint.document import Document
from newslint.kinds import pronoun as pronoun_kind
from newslint.kinds.pronoun import (
    _ASIDE,
    Mention,
    _asides,
    _earlier_pronoun_of_a_woman,
    _in_another_sentence,
    _pronouns,
    _sentence_starts,
)
from tests.conftest import matched, run_rules
from tests.kinds.fuzzing import fuzz, joined

RULE = """
- id: t.she
  kind: pronoun
  message: "'{match}' refers to {antecedent}"
  names: [places, places-ambiguous, organisations]
  entities: [institution-nouns]
  persons: [person-nouns]
  female: [female]
  modifiers: [demonyms]
"""


@pytest.fixture
def rules(make_rules):
    return make_rules(RULE)


@pytest.mark.parametrize(
    ("text", "pronoun", "antecedent", "replacement"),
    [
        (
            "China does not feel responsible, and instead of condemning them, she prefers to help Russia.",
            "she",
            "China",
            "it",
        ),
        ("France has announced that she will send more troops.", "she", "France", "it"),
        ("Germany and her allies agreed on sanctions.", "her", "Germany", "its"),
        ("The government said she would act.", "she", "government", "it"),
        ("Brazil raised taxes. She also cut spending.", "She", "Brazil", "It"),
        ("New Zealand's parliament said she would act.", "she", "New Zealand parliament", "it"),
        ("India has increased her exports of rice.", "her", "India", "its"),
    ],
)
def test_a_place_or_organisation_called_she(rules, text, pronoun, antecedent, replacement):
    findings = run_rules(rules, text)
    assert matched(findings, text) == [pronoun]
    assert findings[0].message == f"'{pronoun}' refers to {antecedent}"
    assert findings[0].fix.replacement == replacement
    assert findings[0].fix.applicability == "unsafe"


@pytest.mark.parametrize(
    "text",
    [
        "The German chancellor said she would visit Kyiv.",
        "Merkel said her government would act.",
        "Angela Merkel visited France, where she met the president.",
        "Russia welcomed the woman and gave her a medal.",
        "Theresa May told Britain she would resign.",
        "China's foreign minister said she was ready.",
        "She arrived in Kyiv on Monday.",
        "Ukraine, she said, was ready.",
        "Italy, she told parliament, would not back down.",
        "Golda Meir led Israel for five years. Israel remembers her as a founder.",
        "The United States congratulated her on the victory.",
        "Moscow accuses her of spying.",
        "Sanna Marin said Finland would apply. NATO welcomed her announcement.",
        "Police said she was arrested in Paris on Monday.",
        "New Zealand's parliament thanked her.",
    ],
)
def test_silent_when_a_person_may_be_meant(rules, text):
    assert run_rules(rules, text) == []


def test_an_earlier_pronoun_that_meant_a_place_does_not_count_as_a_woman(rules):
    text = "France said she would send troops.\n\nGermany has made her position clear."
    findings = run_rules(rules, text)
    assert matched(findings, text) == ["she", "her"]
    assert [f.message for f in findings] == ["'she' refers to France", "'her' refers to Germany"]


def test_a_pronoun_after_one_that_meant_a_person_stays_silent(rules):
    assert run_rules(rules, "The chancellor said she would go. Germany and her allies agreed.") == []


# Pronouns, words that continue them ("her-", "_she", "she’s"), a woman's title, and breaks.
_PIECES = st.sampled_from(
    [
        "she",
        "She",
        "her",
        "HERS",
        "herself",
        "ſhe",
        "Ms",
        "China",
        "-",
        "'",
        "’",
        "_",
        "é",
        " ",
        ", ",
        ". ",
        "\n",
        "\n\n",
    ]
)


@fuzz()
@given(joined(_PIECES, 24), st.data())
def test_an_earlier_pronoun_of_a_woman_is_a_woman_mentioned_in_the_window(rules, text, data):
    (rule,) = rules
    doc = Document(text)
    pronouns = _pronouns(doc)
    for index, pronoun in enumerate(pronouns):
        start = data.draw(st.integers(0, pronoun.start()))
        flagged = {earlier.start(): "China" for earlier in pronouns[:index] if data.draw(st.booleans())}
        if _earlier_pronoun_of_a_woman(doc, pronouns, index, start, flagged):
            assert rule._mentions_a_woman(doc.words_between(start, pronoun.start()), flagged)


_WORD_PIECES = st.sampled_from(
    [
        "china",
        "China",
        "CHINA",
        "the",
        "The",
        "former",
        "French",
        "'s",
        "’s",
        "'",
        "s",
        "1",
        "İ",
        "ß",
        "ſ",
        "K",
        "é",
        "\u0301",
    ]
)


_WORDS = st.lists(joined(_WORD_PIECES, 4) | st.text(max_size=6), max_size=8)
_PHRASE_WORDS = st.sampled_from(
    ["China", "China's", "Zealand", "New", "new", "the", "The", "government", "Government's", "French"]
    + ["minister", "former", "Merkel", "Paris", "İstanbul", "ß", "ſhe", "K", "1", "'", "’s"]
)
_PHRASES = st.lists(
    st.lists(_PHRASE_WORDS, min_size=1, max_size=4).map(tuple)
    | st.lists(st.text(min_size=1, max_size=4), min_size=1, max_size=3).map(tuple),
    max_size=8,
)


@fuzz(300)
@given(_WORDS, _PHRASES, st.sampled_from([1, 3, 100_000]))
def test_a_remembered_answer_is_the_answer_worked_out(rules, words, phrases, memory_limit):
    """_joins_phrase and _naming answer from memory as their plain versions would (also when the
    memory is full and starts again)."""
    (rule,) = rules
    with patch.object(pronoun_kind, "MEMORY_LIMIT", memory_limit):
        for word in words + words:  # the second round answers from memory
            assert rule._joins_phrase(word) == rule._word_joins_phrase(word)
        for phrase in phrases + phrases:
            assert rule._naming(phrase) == rule._work_out_naming(phrase)


# Sentence ends, quotes and breaks of every kind, so that sentences start anywhere in a paragraph.
_SENTENCE_PIECES = st.sampled_from(
    [
        "Rain",
        "fell",
        "İ",
        "ß",
        "ſ",
        "K",
        "é\u0301",
        ".",
        "...",
        "?",
        "!",
        '"',
        "“",
        "”",
        "'",
        " ",
        "\xa0",
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        "\x1c",
        "\u2028",
        "Mr.",
        "1.",
        "(",
        ")",
    ]
)


@settings(max_examples=500, deadline=None)
@given(joined(_SENTENCE_PIECES, 30))
def test_another_sentence_is_told_as_comparing_both_sentence_starts(text):
    """Between two words of a window, by the sentence starts of the words' paragraphs."""
    doc = Document(text)
    words = doc.words_between(0, len(text))
    for first, earlier in enumerate(words):
        for offset in words[first + 1 :]:
            starts = _sentence_starts(doc, [earlier, offset])
            plain = doc.sentence_at(earlier.start)[0] != doc.sentence_at(offset.start)[0]
            assert _in_another_sentence(starts, earlier.start, offset.start) == plain


_ASIDE_PIECES = st.sampled_from(
    [", who", ",\twhich", ",  whom", ", whose", ", wh", ",", " ", "\n", "wh", "Who", "o", "China", ".", ";", "\u0301"]
)


@fuzz()
@given(joined(_ASIDE_PIECES, 16), st.data())
def test_the_asides_looked_for_where_one_opens_are_all_the_asides(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _asides(text, start, end) == [match.span() for match in _ASIDE.finditer(text, start, end)]


# Names, nouns of places and people, women's words, pronouns, capitals and function words, with
# the marks and asides between them that open clauses and close runs.
_WINDOW_PIECES = st.sampled_from(
    ["China", "China's", "the", "government", "minister", "former", "French", "Merkel", "Ms", "she", "her", "She"]
    + ["said", "and", "that", "which", "New", "Zealand", "1", "é", " ", " ", " ", ", ", ". ", "; ", "\n\n"]
    + [", who met China, ", ", which Merkel her, "]
)


def _mentions_as_before(rule, doc, words, flagged):
    """Pronoun._mentions as it was: one loop, each run classified as it closes."""
    mentions, run_start, previous_end = [], None, 0
    starts = _sentence_starts(doc, words)
    for index, (start, end, written) in enumerate(words):
        joins = rule._joins_phrase(written)
        if run_start is not None and (not joins or doc.text[previous_end:start].strip()):
            mentions.append(rule._classify(doc, words, run_start, index, starts))
            run_start = None
        previous_end = end
        if written.lower() in ("she", "her", "hers", "herself"):
            kind, label = ("entity", flagged[start]) if start in flagged else ("person", written)
            mentions.append(Mention(kind, label, start, rule._opens_clause(doc, words, index, starts), False))
        elif joins and run_start is None:
            run_start = index
    if run_start is not None:
        mentions.append(rule._classify(doc, words, run_start, len(words), starts))
    return [mention for mention in mentions if mention is not None]


@fuzz()
@given(joined(_WINDOW_PIECES, 24), st.data())
def test_the_mentions_and_the_last_of_them_are_those_of_the_loop_they_were(rules, text, data):
    """Listed phrase by phrase, and the last outside the asides worked out from the last phrase
    back: as the one loop that classified each run as it closed found them."""
    (rule,) = rules
    doc = Document(text)
    words = doc.words_between(0, len(text))
    flagged = {
        word.start: "China" for word in words if word.text.lower() in ("she", "her") and data.draw(st.booleans())
    }
    mentions = _mentions_as_before(rule, doc, words, flagged)
    assert rule._mentions(doc, words, flagged) == mentions
    asides = [match.span() for match in _ASIDE.finditer(text)]
    outside = [mention for mention in mentions if not any(left < mention.start < right for left, right in asides)]
    assert rule._last_mention(doc, words, flagged, asides) == (outside[-1] if outside else None)


_STRETCH_PIECES = st.sampled_from(
    ["China", "it's", "Côte", "e\u0301", "a-b", "x’y", "-", "'", "’", "日本", "٣", " ", "\t", "\n", "\n\n", "\r\n"]
    + ["\u00a0", "\u2028", "\x1c", ", ", ".", "x" * 90, "(", "_"]  # blanks of all kinds, a word past the reach
)


@fuzz()
@given(joined(_STRETCH_PIECES, 30), st.data())
def test_the_words_of_a_stretch_are_those_its_paragraphs_have_there(text, data):
    """The windows the rule reads (doc.words_between, which tokenises only around a window):
    the words its paragraphs have there, tokenised whole."""
    doc = Document(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert doc.words_between(start, end) == _paragraphs_words_inside(doc, start, end)


@pytest.mark.parametrize(("start", "end"), [(9, 103), (0, 104), (20, 50), (8, 9)])
def test_a_stretch_inside_a_long_word_has_the_paragraphs_words(start, end):
    doc = Document("China x-" + "x" * 90 + " her ran")
    assert doc.words_between(start, end) == _paragraphs_words_inside(doc, start, end)


def _paragraphs_words_inside(doc: Document, start: int, end: int) -> list:
    words = [word for span in doc.paragraphs for word in segmentation.words(doc.text, span.start, span.end)]
    return [word for word in words if start <= word.start and word.end <= end]
