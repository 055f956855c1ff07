import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from newslint.document import Document
from newslint.kinds.attribution import (
    _COMMA_BEFORE_VERB,
    _FIRST_MARK,
    _NOT_AFTER_THE_VERB,
    _QUOTE_MARKS,
    _SPEAKER,
    _ascii_word_gate,
    _holds_quote_marks,
    _word_gate,
)
from newslint.regexes import WORD_END, literal_alternation
from tests.conftest import run_rules
from tests.kinds.fuzzing import fuzz, joined

RULE = """
- id: t.quotes
  kind: attribution
  message: "'{pronoun}' in words of {speaker}"
  verbs: [said, told, added, pointed out]
  pronouns: [I, me, my, we, us, our, you, your]
  speakers: [person-nouns, institution-nouns]
"""


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "pronoun"),
    [
        (
            "We have studied your proposals on Ukraine, Putin told Xi.",
            "We have studied your proposals on Ukraine",
            "Putin",
            "We",
        ),
        (
            "China's plan includes elements that we have long supported, Blinken said.",
            "China's plan includes elements that we have long supported",
            "Blinken",
            "we",
        ),
        (
            "I will not resign, said John Kirby, spokesman for the National Security Council.",
            "I will not resign",
            "John Kirby",
            "I",
        ),
        ("It is time for us to act, he said.", "It is time for us to act", "he", "us"),
        (
            "Our army will defend every city, the defence ministry said.",
            "Our army will defend every city",
            "the defence ministry",
            "Our",
        ),
        ("You must leave now, the army told residents.", "You must leave now", "the army", "You"),
        (
            "We expect Beijing to act, Foreign Ministry spokesman Oleg Nikolenko told CNN on Monday.",
            "We expect Beijing to act",
            "Foreign Ministry spokesman Oleg Nikolenko",
            "We",
        ),
        ("Zelensky said: We will rebuild every school.", "We will rebuild every school.", "Zelensky", "We"),
        ("In the morning the president said: We will win.", "We will win.", "the president", "We"),
        ("Speaking in Kyiv on Monday, Zelensky said: We will win.", "We will win.", "Zelensky", "We"),
        ("Officials in the capital said: We will win.", "We will win.", "Officials in the capital", "We"),
        (
            "The minister told reporters on Monday: I will not resign.",
            "I will not resign.",
            "the minister",
            "I",
        ),
    ],
)
def test_first_person_sentence_with_attribution_outside_quotes(make_rules, text, quote, speaker, pronoun):
    findings = run_rules(make_rules(RULE), text)
    assert [text[f.start : f.end] for f in findings] == [quote]
    assert findings[0].message == f"'{pronoun}' in words of {speaker}"


@pytest.mark.parametrize(
    "text",
    [
        "The talks were constructive, officials said.",
        '"We have studied your proposals," Putin told Xi.',
        "“We will win,” he said.",
        "The US supports the plan, Blinken said.",
        "World War I changed Europe, historians said.",
        "We will win, and the talks go on.",
        "We all know what was said.",
        "‘We are ready for talks’, Johnson said.",
        "'We are ready for talks', Johnson said.",
        "The letters of Charles I, officials said, were sold.",
        "The collection includes letters by Charles I, officials said.",
        "The Me Too movement changed Hollywood, the author argued.",
        "The series You topped the chart in May, the company said.",
        "The report said: The economy grew by 2 percent.",
        'He said: "We will win."',
    ],
)
def test_indirect_speech_quoted_speech_and_no_attribution_are_silent(make_rules, text):
    assert run_rules(make_rules(RULE), text) == []


_PIECES = st.sampled_from(
    [
        "we",
        "We",
        "WE",
        "us",
        "my",
        "I",
        "i",
        "ſ",
        "me",
        "time",
        "a",
        "é",
        "\u0301",
        "_",
        "1",
        " ",
        "-",
        "'",
        "’",
        ".",
        "\n",
    ]
)


@fuzz()
@given(joined(_PIECES, 12), st.data())
def test_the_pronoun_gate_answers_as_the_whole_word_pattern(make_rules, text, data):
    (rule,) = make_rules(RULE)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert rule._has_pronoun(text, start, end) == (rule._pronoun.search(text, start, end) is not None)


# Letters that `re` matches case-blind to ASCII ones (ſ s, K k, ı and İ i), marks, other alphabets.
_TRICKY_PIECES = st.sampled_from(
    ["u", "o", "ſ", "K", "ı", "İ", "ü", "я", "\u0301", "\r\n", ",", ":", "“", "‘", '"', "'"]
)


@fuzz()
@given(joined(st.one_of(_PIECES, _TRICKY_PIECES), 14), st.data())
def test_the_pronouns_found_through_the_gate_are_those_of_the_whole_word_pattern(make_rules, text, data):
    (rule,) = make_rules(RULE)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    through_gate = [(m.span(), m.group()) for m in rule._pronoun_matches(text, start, end)]
    assert through_gate == [(m.span(), m.group()) for m in rule._pronoun.finditer(text, start, end)]


_ALL_PRONOUNS = ["I", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours"]
_ASCII_PIECES = st.sampled_from(
    ["we", "We", "WE", "uS", "my", "MySelf", "mine", "I", "i", "ME", "our", "OURS", "ourselves", "yOu", "yours"]
    + ["time", "a", "A", "n", "S", "elf", "_", "1", " ", " ", " ", "-", "'", ".", "\n"]
)


@fuzz()
@given(st.sampled_from(["", "a", " ", "é", "\u0301", "ı", "_", "1", "’"]), joined(_ASCII_PIECES, 12), st.data())
def test_the_ascii_pronoun_gate_finds_what_the_gate_finds_in_ascii_text(before, body, data):
    """In an ASCII stretch (whatever stands before it), both gates find the same words."""
    text = before + body
    start = data.draw(st.integers(len(before), len(text)))
    end = data.draw(st.integers(start, len(text)))
    for words in (["I", "me", "my", "we", "us", "our", "you", "your"], _ALL_PRONOUNS, ["I", "is", "a", "an"]):
        found = [m.span() for m in _ascii_word_gate(words).finditer(text, start, end)]
        assert found == [m.span() for m in _word_gate(words).finditer(text, start, end)]


_BLANKS = st.sampled_from([" ", "  ", "\t", "\n", "\r\n", "\u00a0", "\x1c"])
_SPEAKER_WORDS = st.lists(
    st.sampled_from(["the", "minister", "Mr.", "O’Neil", "Zoe\u0301", "Putin", "reporters", "in", "-", '"']),
    max_size=10,
)


@st.composite
def _attributed_speech(draw: st.DrawFn) -> str:
    """Speech, then a comma or not, a speaker and a verb in either order, what may follow the verb
    (a colon, more words) and an end: near misses of the attribution patterns as well as matches."""
    words = draw(_SPEAKER_WORDS)
    speaker = "".join(word + draw(_BLANKS) for word in words)
    verb = draw(st.sampled_from(["said", "told", "pointed out", "Said"]))
    blank = draw(_BLANKS)
    core = speaker + verb if draw(st.booleans()) else verb + blank + speaker.rstrip()
    return (
        draw(st.sampled_from(["We will win", "Our army, he", '"We', "", "I"]))
        + draw(st.sampled_from([",", ", ", ",\r\n", ",\t", ", \u00a0", "", ";", ", ,"]))
        + draw(_BLANKS)
        + core
        + draw(st.sampled_from(["", " in Kyiv", ", adding", ": We", ":  Our", " on Monday: I", ":\tI", ": we"]))
        + draw(st.sampled_from([".", "?!", "!", ". ", "", ";", ' "', " We"]))
    )


@fuzz()
@given(_attributed_speech(), st.data())
def test_the_verb_of_every_attribution_is_one_the_verb_test_keeps(make_rules, text, data):
    """Sentences are found only around verbs that _may_attribute keeps: it must keep the verb of
    every attribution the full patterns find, in any sentence (here: the text, and a stretch of it)."""
    (rule,) = make_rules(RULE)
    start = data.draw(st.integers(0, len(text)))
    for begin, end in [(0, len(text)), (start, data.draw(st.integers(start, len(text))))]:
        for comma in range(begin, end):
            match = rule._attribution.fullmatch(text, comma, end)
            if match:
                assert rule._may_attribute(text, match.start("verb"))
        colon = rule._colon_attribution.search(text, begin, end)
        if colon:
            assert rule._may_attribute(text, colon.start("verb"))


# Attributed speech, sentence after sentence, with odd characters between.
_SPEECHES = st.lists(
    st.one_of(
        _attributed_speech(),
        _TRICKY_PIECES,
        st.sampled_from([" in Kyiv. ", ";", "”", ".", "1,000", ",\x1c", ",\u2028"]),
    ),
    min_size=1,
    max_size=4,
)


def _may_attribute_plainly(rule, text: str, verb: int) -> bool:
    """_may_attribute as it was: both patterns tried, the colon one first."""
    if rule._verb_before_colon.match(text, verb) is not None:
        return True
    mark = _FIRST_MARK.search(text, verb)
    if mark is None or mark.group() in _NOT_AFTER_THE_VERB:
        return False
    comma = text.rfind(",", 0, verb)
    return comma >= 0 and _COMMA_BEFORE_VERB.fullmatch(text, comma, verb) is not None


@fuzz()
@given(_SPEECHES)
def test_the_verb_test_by_first_mark_answers_as_both_patterns(make_rules, pieces):
    """Verb by verb, and for all the verbs of a text in one loop (_attributable)."""
    (rule,) = make_rules(RULE)
    text = "".join(pieces)
    offsets = range(len(text) + 1)
    for verb in offsets:
        assert rule._may_attribute(text, verb) == _may_attribute_plainly(rule, text, verb)
    kept = [verb for verb, _ in rule._attributable(text, list(offsets))]
    assert kept == [v for v in offsets if _may_attribute_plainly(rule, text, v)]


@fuzz()
@given(_SPEECHES)
@example(["We will win, he said in Kyiv. ", "We will win, he said."])  # the tail stops at the first period
def test_the_greedy_tail_of_an_attribution_matches_as_a_lazy_one(make_rules, pieces):
    (rule,) = make_rules(RULE)
    text = "".join(pieces)
    verbs = literal_alternation(["said", "told", "added", "pointed out"])
    lazy = regex.compile(  # the pattern as it was, with a lazy tail
        rf",\s+(?:{_SPEAKER}\s+(?P<verb>{verbs})|(?P<verb>{verbs})\s+{_SPEAKER}){WORD_END}"
        + r"(?:,?[ \t]+[^.!?;:\"“”]*?)?[.!?]+\s*"
    )
    for start in range(len(text) + 1):
        found, expected = rule._attribution.fullmatch(text, start), lazy.fullmatch(text, start)
        assert (found and (found.span(), found.groupdict())) == (expected and (expected.span(), expected.groupdict()))


def _attribution_of_plainly(rule, text: str, start: int, end: int):
    """_attribution_of as it was: the commas that a comma and blanks start at, tried from the last."""
    for comma in reversed([m.start() for m in regex.finditer(r",\s+", text, pos=start, endpos=end)]):
        match = rule._attribution.fullmatch(text, comma, end)
        if match and rule._is_speaker(match.group("speaker")):
            return match
    return None


@fuzz()
@given(_SPEECHES, st.data())
def test_the_commas_of_an_attribution_are_those_of_the_comma_pattern(make_rules, pieces, data):
    (rule,) = make_rules(RULE)
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for begin, stop in [(0, len(text)), (start, end)]:
        found, expected = rule._attribution_of(text, begin, stop), _attribution_of_plainly(rule, text, begin, stop)
        assert (found and found.span()) == (expected and expected.span())


@pytest.mark.parametrize(
    "text",
    [
        "We will win, said the minister of the interior of the republic of Ruritania.",  # 8 speaker words
        "We will win, the deputy minister of the interior of Ruritania said.",  # 8 words before the verb
        "We will win,\r\nthe minister said.",
        "We will win, the minister Zoe\u0301 said.",  # a mark inside a speaker word
        "The minister said in Kyiv: We will win.",
    ],
)
def test_attributions_at_the_edges_of_the_verb_test_are_still_found(make_rules, text):
    assert len(run_rules(make_rules(RULE), text)) == 1


def _hit_spans(rule, doc: Document) -> list[tuple[int, int, tuple]]:
    return [(hit.start, hit.end, tuple(sorted(hit.values.items()))) for hit in rule.hits(doc)]


@fuzz()
@given(st.lists(st.one_of(_SPEECHES.map("".join), st.sampled_from(["\n\n", "\r\n\r\n", "\n", " "])), max_size=6))
@example(["Zelensky said: We will win.", "\n\n", "Officials said so."])  # the pronoun after the verb
@example(["We will win, he said.", "\n\n", "It rained, Putin said."])  # in another paragraph
@example(["Help us, said Putin."])  # the pronoun just before the comma, the verb just after it
def test_verbs_in_paragraphs_without_a_pronoun_are_passed_over_without_losing_a_hit(make_rules, pieces):
    """The paragraph test is only a shortcut: the hits are those of every verb _may_attribute keeps."""
    (rule,) = make_rules(RULE)
    text = "".join(pieces)
    shortcut = _hit_spans(rule, Document(text))
    doc = Document(text)
    rule._candidate_verbs = lambda doc: (v for v in rule._verb_positions(doc) if rule._may_attribute(doc.text, v))
    assert shortcut == _hit_spans(rule, doc)


_GAP_WORDS = st.one_of(
    st.sampled_from(["the", "minister", "Mr.", "O’Neil", "Zoe\u0301", "1,000", "(AP)", "—"]),
    st.integers(1, 60).map(lambda length: "x" * length),  # long words: a run of them is long
)
_GAP_BLANKS = st.one_of(st.just(" "), st.sampled_from(["  ", "\t", "\n", "\u00a0", "\u2028", "\x1c", "\x1f "]))


@fuzz()
@given(
    st.lists(_GAP_WORDS, max_size=12).map(" ".join),
    st.lists(st.tuples(_GAP_WORDS, _GAP_BLANKS), min_size=6, max_size=10),
    _GAP_BLANKS,
)
@example("", [("x" * 60, " ")] * 3 + [("a", " ")] * 5, " ")  # eight words, the last 200 characters hold six
@example("a b c d e f g h i", [("x", " ")], " ")  # words before the comma are not the speaker's
def test_a_comma_too_many_words_before_the_verb_is_told_as_the_pattern_tells_it(make_rules, before, words, blank):
    (rule,) = make_rules(RULE)
    text = before + "," + blank + "".join(word + after for word, after in words) + "said."
    verb = len(text) - len("said.")
    expected = _COMMA_BEFORE_VERB.fullmatch(text, text.rfind(",", 0, verb), verb) is not None
    assert rule._after_comma(text, verb) == expected


_QUOTE_PIECES = st.sampled_from(['"', "“", "”", "«", "»", "„", "‘", "’", "'", "`", "a", "É", "1", " ", ".", "\u0301"])


@fuzz()
@given(joined(_QUOTE_PIECES, 12), st.data())
def test_the_quote_mark_test_answers_as_the_quote_mark_pattern(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    expected = _QUOTE_MARKS.search(text, start, end) is not None
    assert _holds_quote_marks(text, start, end) == expected
