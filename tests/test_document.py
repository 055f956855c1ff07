"""The document model: positions, paragraphs, sentences, words and quotations."""

from __future__ import annotations

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint import document, segmentation
from newslint.document import Document
from newslint.formats import plaintext
from newslint.linebreaks import line_spans
from newslint.spans import Span, Word, trim
from newslint.triggers import ANYWHERE, AS_WORD, AT_WORD_START, TriggerIndex, Triggers
from tests.kinds.fuzzing import fuzz, joined


def _texts(doc: Document, spans) -> list[str]:
    return [doc.text[span.start : span.end] for span in spans]


def test_position_is_one_based_in_code_points():
    doc = Document("a\r\nbé😀c\nd")
    assert doc.position(0) == (1, 1)
    assert doc.position(3) == (2, 1)  # after \r\n
    assert doc.position(6) == (2, 4)  # "c": the emoji is one code point
    assert doc.position(8) == (3, 1)
    assert doc.position(9) == (3, 2)  # end of text, end exclusive


@given(st.text(alphabet=st.sampled_from("ab é😀\n\r\t"), max_size=60))
def test_position_agrees_with_splitting_lines(text):
    doc = Document(text)
    for offset in range(len(text) + 1):
        if text[offset - 1 : offset + 1] == "\r\n":
            continue  # between the two characters of one line break: not a position in the text
        line, column = doc.position(offset)
        before = text[:offset].replace("\r\n", "\n").replace("\r", "\n")
        assert line == before.count("\n") + 1
        assert column == len(before) - (before.rfind("\n") + 1) + 1


def test_each_line_is_a_paragraph_in_copy_with_long_lines():
    text = "Headline without a period\n" + "A long paragraph sentence. " * 8 + "\n\nAnother one."
    assert len(Document(text).paragraphs) == 3


def test_hard_wrapped_copy_keeps_paragraphs_whole():
    text = (
        "The minister said on Monday that the talks\n"
        "would resume next week in the capital and\n"
        "that both sides were ready.\n"
        "\n"
        "A second paragraph starts here and it\n"
        "runs on to a second line.\n"
    )
    paragraphs = _texts(Document(text), Document(text).paragraphs)
    assert len(paragraphs) == 2
    assert paragraphs[0].endswith("ready.")


def test_sentences_respect_abbreviations_initials_and_decimals():
    text = "Mr. Smith met U.S. officials at 9 a.m. on Monday. Prices rose 3.5 percent. John M. Kennedy agreed."
    doc = Document(text)
    assert _texts(doc, doc.sentences) == [
        "Mr. Smith met U.S. officials at 9 a.m. on Monday.",
        "Prices rose 3.5 percent.",
        "John M. Kennedy agreed.",  # M. is an initial here, not metres
    ]


def test_a_question_in_quotes_followed_by_its_attribution_is_one_sentence():
    doc = Document('"Why?" she asked. Nobody knew.')
    assert _texts(doc, doc.sentences) == ['"Why?" she asked.', "Nobody knew."]


def test_ellipsis_ends_a_sentence_only_before_a_capital():
    doc = Document("He paused... and went on. Then... Nothing. He paused. . . and went on.")
    assert _texts(doc, doc.sentences) == [
        "He paused... and went on.",
        "Then...",
        "Nothing.",
        "He paused. . . and went on.",
    ]


def test_abbreviations_count_as_written():
    doc = Document("He said no. But later he agreed. No. 5 won. It weighs 5 lbs. of flour. Fla. is warm.")
    assert _texts(doc, doc.sentences) == [
        "He said no.",
        "But later he agreed.",
        "No. 5 won.",
        "It weighs 5 lbs. of flour.",
        "Fla. is warm.",
    ]


def test_units_and_short_forms_before_lowercase_do_not_end_a_sentence():
    doc = Document("Prices, incl. taxes, rose. A 2 cm. tumour was removed. He ran 100 m. in ten seconds.")
    assert _texts(doc, doc.sentences) == [
        "Prices, incl. taxes, rose.",
        "A 2 cm. tumour was removed.",
        "He ran 100 m. in ten seconds.",
    ]


def test_a_lowercase_fragment_after_a_period_is_its_own_sentence():
    doc = Document("They met after the trip. from Xi to Moscow.")
    assert _texts(doc, doc.sentences) == ["They met after the trip.", "from Xi to Moscow."]


def test_sentences_never_cross_paragraphs():
    doc = Document("First paragraph without end\n\nsecond paragraph.")
    assert _texts(doc, doc.sentences) == ["First paragraph without end", "second paragraph."]


def test_quotations_and_open_quotation_runs_to_paragraph_end():
    doc = Document('He said "yes" and “no”.\n\n“We will win.')
    assert _texts(doc, doc.quotations) == ['"yes"', "“no”", "“We will win."]
    assert doc.in_quotation(doc.text.index("yes"))
    assert not doc.in_quotation(doc.text.index("and"))


def test_words_keep_inner_apostrophes_and_hyphens():
    doc = Document("China’s post-90s don't-care attitude")
    assert [w.text for w in doc.words_between(0, len(doc.text))] == ["China’s", "post-90s", "don't-care", "attitude"]


def test_urls_emails_and_handles_are_found():
    doc = Document("See https://example.com/a?b=1, www.kyiv.ua, news@cnn.com, @cnn, #Kyiv and cnn.com/world.")
    assert _texts(doc, doc.urls) == [
        "https://example.com/a?b=1",
        "www.kyiv.ua",
        "news@cnn.com",
        "@cnn",
        "#Kyiv",
        "cnn.com/world",
    ]


def test_a_sentence_run_into_the_next_is_no_domain():
    doc = Document("The talks ended.News of the deal spread. He said.In Kyiv it rained.")
    assert doc.urls == []


def test_the_ascii_word_pattern_knows_the_ascii_letters_marks_and_numbers_of_the_word_pattern():
    ascii_characters = "".join(map(chr, range(128)))
    word_characters = regex.findall(r"[\p{L}\p{M}\p{N}]", ascii_characters)
    assert "".join(word_characters) == "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


@settings(max_examples=200)
@given(
    st.text(alphabet=list("ab1 -'’é\u0301_.\n"), max_size=40)
    | st.text(alphabet=st.characters(max_codepoint=127), max_size=40)
    | st.text(alphabet=list("aZ9 -'_.\r\n\t\x00"), max_size=40),
    st.integers(0, 40),
    st.integers(0, 40),
)
def test_words_are_the_word_pattern_s_matches(text, start, end):
    """segmentation.words splits in one call (with `re` on ASCII text): the same tokens as a
    search with WORD on `regex`, match by match."""
    start, end = sorted((min(start, len(text)), min(end, len(text))))
    expected = [
        Word(m.start(), m.end(), m.group()) for m in regex.finditer(segmentation.WORD.source, text[:end], pos=start)
    ]
    assert segmentation.words(text, start, end) == expected


def test_white_space_is_what_regex_takes_for_s():
    """segmentation.WHITE_SPACE stands for `regex`'s \\s (not str.isspace(), which adds \\x1c-\\x1f)."""
    every_character = "".join(map(chr, range(0x110000)))
    assert frozenset(regex.findall(r"\s", every_character)) == segmentation.WHITE_SPACE


def test_a_candidate_end_on_re_knows_the_white_space_of_regex():
    """_CANDIDATE_END runs on `re`: after a mark, it finds regex's \\s, no more and no less."""
    marked = "".join("." + chr(code) for code in range(0x110000))
    found = [marked[match.end()] for match in segmentation._CANDIDATE_END.finditer(marked)]
    assert len(found) == len(segmentation.WHITE_SPACE)
    assert set(found) == segmentation.WHITE_SPACE


# Words, abbreviations, marks, quotes, brackets and spaces that sentence ends turn on, in runs of
# a word, a mark, a closer and a space (most runs are candidate ends), or one by one.
_WORD_PIECES = st.sampled_from(
    ["He", "said", "it", "Mr", "U.S", "e.g", "etc", "Fla", "No", "no", "F", "a", "1", "20", "Yahoo", "Why", "the"]
    + ["Ünal", "élan", "e\u0301", "ß", "日本", "٣", "'s", "", "(", "[", "“", "«", "‘", '"', "'"]
)
_MARK_PIECES = st.sampled_from(
    [".", ".", ".", "..", "...", ". . .", ". .", "…", "?", "!", "?!", "", "(?)", "[?]", "!]"]
)
_CLOSER_PIECES = st.sampled_from(["", "", "", '"', "”", "’", "'", "»", ")", "]", "”)"])
_SPACE_PIECES = st.sampled_from(
    [" ", " ", "  ", "", "\t", "\n", "\r\n", "\r", "\x1c", "\u2028", "\xa0", "\u3000", "\x85"]
)
_SENTENCE_PIECES = st.one_of(
    st.tuples(_WORD_PIECES, _MARK_PIECES, _CLOSER_PIECES, _SPACE_PIECES).map("".join),
    _WORD_PIECES,
    _MARK_PIECES,
    _CLOSER_PIECES,
    _SPACE_PIECES,
)


def _sentences_as_before(text, paragraphs):
    """segmentation.sentences before its fast paths (a match per space, a search per word)."""
    found = []
    for paragraph in paragraphs:
        start = paragraph.start
        for match in segmentation._CANDIDATE_END.finditer(text, paragraph.start, paragraph.end):
            space = regex.compile(r"\s+").match(text, match.end(), paragraph.end)
            next_start = space.end() if space else match.end()
            if next_start >= paragraph.end:
                break
            if _ended_as_before(text, match, paragraph, next_start):
                found.append(Span(start, match.end()))
                start = next_start
        if start < paragraph.end:
            found.append(Span(start, paragraph.end))
    return found


def _ended_as_before(text, match, paragraph, next_start):
    punct, closers = match.group("punct"), match.group("closers")
    following = segmentation._first_letter_after(text, next_start, paragraph.end)
    if closers and closers[-1] in "\"”’'»" and following.islower():
        return False
    if closers[:1] in ("]", ")") and match.start() > 0 and text[match.start() - 1] in "[(":
        return False
    if punct in ("?", "!") and following.islower():
        if segmentation._ends_a_name(text, paragraph.start, match.start(), punct):
            return False
    if punct in ("...", ". . .", "…"):
        return following.isupper()
    if punct != ".":
        return True
    before = segmentation._WORD_BEFORE.search(text, paragraph.start, match.start())
    if not before:
        return True
    written, word = before.group(), before.group().lower()
    if written in segmentation.TITLE_ABBREVIATIONS or word in segmentation.LOWERCASE_ABBREVIATIONS:
        return False
    if len(word) == 1 and written.isupper():
        return False
    if word in segmentation.TRAILING_ABBREVIATIONS or "." in word:
        return following.isupper()
    return not (before.start() == paragraph.start and (word.isdigit() or len(word) == 1))


# A few words, each after a mark, a closer and a space: paragraphs with one candidate end or two.
_SHORT_PARAGRAPHS = st.lists(
    st.tuples(_WORD_PIECES, _MARK_PIECES, _CLOSER_PIECES, _SPACE_PIECES, _WORD_PIECES).map("".join),
    min_size=1,
    max_size=3,
).map("".join)


@settings(max_examples=500)
@given(
    st.lists(_SENTENCE_PIECES, max_size=30).map("".join) | _SHORT_PARAGRAPHS,
    st.lists(st.integers(0, 200), max_size=6),
)
@example("He said. \x1cThe end.", [])  # \x1c is no white space to regex: the next sentence starts there
def test_sentences_are_those_found_before_the_fast_paths(text, cuts):
    """White space tested by set, the word before a period found without a match when it is ASCII,
    checks reordered for a lone period: the same sentences, in any paragraphs (also untrimmed)."""
    bounds = sorted({0, len(text), *(min(cut, len(text)) for cut in cuts)})
    paragraphs = [Span(start, end) for start, end in zip(bounds, bounds[1:])]
    assert segmentation.sentences(text, paragraphs) == _sentences_as_before(text, paragraphs)
    assert Document(text).sentences == _sentences_as_before(text, Document(text).paragraphs)


@given(st.lists(_SENTENCE_PIECES, max_size=20).map("".join), st.integers(0, 80), st.integers(0, 80))
def test_the_word_before_a_period_is_the_word_before_pattern_s_match(text, start, end):
    start, end = sorted((min(start, len(text)), min(end, len(text))))
    match = segmentation._WORD_BEFORE.search(text, start, end)
    expected = (match.start(), match.group()) if match else None
    assert segmentation._word_before(text, start, end) == expected


_LINE_PIECES = st.sampled_from(
    ["a", "Word.", "é\u0301", "日本", " ", "  ", "\t", "\x1c", "\xa0", "\u2028", "\u3000", "\x85", ".", "...", "”"]
    + ["\n", "\n", "\n\n", "\r\n", "\r", "\r\r", "newslint: disable=x", "<!-- newslint: enable -->", "a" * 101]
)


@given(st.lists(_LINE_PIECES, max_size=30).map("".join))
def test_paragraph_lines_are_the_line_spans(text):
    """plaintext.paragraphs splits lines itself (str.split without \\r): the lines of line_spans,
    blank as _is_blank was (blank, or a directive), trimmed as spans.trim trims."""
    lines = line_spans(text)
    starts, contents = plaintext._lines(text)
    assert starts == [line.start for line in lines]
    assert contents == [text[line.start : line.end] for line in lines]
    assert plaintext._blank_lines(text, contents) == [
        not content.strip() or bool(plaintext.DIRECTIVE_LINE.fullmatch(content)) for content in contents
    ]
    for start, content in zip(starts, contents):
        if content.strip():
            assert plaintext._trimmed(start, content) == trim(text, Span(start, start + len(content)))


@given(st.lists(_LINE_PIECES, max_size=30).map("".join))
def test_paragraphs_of_lines_are_their_lines_trimmed(text):
    """A paragraph a line: each line that is not blank, trimmed (the span of an untrimmed line is
    made without a call), Spans all."""
    starts, contents = plaintext._lines(text)
    blank = plaintext._blank_lines(text, contents)
    paragraphs = plaintext.paragraphs(text)
    assert all(type(paragraph) is Span for paragraph in paragraphs)
    if not plaintext._looks_hard_wrapped(contents, blank):
        assert paragraphs == [
            trim(text, Span(start, start + len(line)))
            for start, line, is_blank in zip(starts, contents, blank)
            if not is_blank
        ]


def test_a_candidate_end_has_just_its_two_groups_in_order():
    """_is_sentence_end unpacks match.groups() as (punct, closers): a group added would shift them."""
    compiled = segmentation._CANDIDATE_END.compiled
    assert compiled.groups == 2
    assert compiled.groupindex == {"punct": 1, "closers": 2}


# Tokens of URLs, addresses, paths, file names, entities and dotted names, in pieces, amid words
# and closing marks; between them, breaks and other white space (\xa0 and \x1c are in URLs).
_NON_PROSE_PIECES = st.sampled_from(
    ["http://", "https://x.org/a", "ftp://", "www.", "WwW.", "ww", "w", "example", ".com", ".org", ".io", ".jpg"]
    + [".PDF", "kiev-night", "/", "./", "../", "~/", "img/", "a", "ab", "One", ".Tel", "U.S.", "e.g.", "3.5"]
    + ["&amp;", "&#233;", "&", "@", "@x", "#", "#tag", "x@y.net", ".", "..", ",", '"', "”", "’", ")", "]"]
    + ["-", "_", "ſ", "é", "1", "\xa0", "\x1c", "\u2009"]
)
_BREAK_PIECES = st.sampled_from([" ", " ", "\n", "\t", "\r", "\r\n"])
_NON_PROSE_TEXTS = st.lists(
    st.tuples(st.lists(_NON_PROSE_PIECES, min_size=1, max_size=4).map("".join), _BREAK_PIECES).map("".join),
    max_size=12,
).map("".join)


@settings(max_examples=400)
@given(_NON_PROSE_TEXTS, st.sampled_from([0, 1, 2, 5]))
@example('see www."a and http:/// now', 1)  # a URL whose only dot stands before a quotation mark
def test_non_prose_is_told_as_the_spans_of_all_the_text_tell(text, length):
    """overlaps_non_prose looks at the run of characters around a span first: it answers as the
    URLs, file names and dotted names of the whole text do, for a span at every offset."""
    spans, starts = Document(text)._non_prose
    for start in range(len(text) + 1):
        end = min(start + length, len(text))
        doc = Document(text)  # asked first: once the spans are found, they answer
        assert doc.overlaps_non_prose(start, end) == document._reaches_into(spans, starts, start, end)


def test_non_prose_is_told_by_the_whole_run_around_a_span_however_long():
    """A domain whose only mark stands farther away than the run around a span is looked at."""
    doc = Document("kyiv" + "-" * 300 + "x.com is down")
    assert doc.overlaps_non_prose(0, 4)
    doc = Document("See http://" + "a" * 300 + "kyiv today")
    assert doc.overlaps_non_prose(311, 315)


# Words with inner hyphens and apostrophes, marks, digits, breaks and other white space (no break:
# \xa0 and \u2009 stand inside a run), line breaks between paragraphs, and runs longer than the reach.
_WORD_TEXT_PIECES = st.sampled_from(
    ["Kyiv", "she", "post-90s", "don't", "China’s", "e\u0301", "日本", "1", "-", "'", "’", ".", ",", "x-", "-y"]
    + [" ", " ", " ", "\t", "\n", "\n\n", "\r\n", "\xa0", "\u2009", "\x1c", "a" * 140, "b-" * 70]
)


@settings(max_examples=300)
@given(
    st.lists(_WORD_TEXT_PIECES, max_size=30).map("".join),
    st.lists(st.tuples(st.integers(0, 700), st.integers(0, 700)), min_size=1, max_size=6),
)
@example("Talks in post-90s Kyiv.\n\nNo.", [(14, 23), (0, 13)])  # windows that cut "post-90s"
def test_words_between_are_the_paragraphs_words_inside(text, windows):
    """words_between tokenises only around a window unless it knows the paragraph's words: the
    words of the paragraphs that lie wholly inside the window, asked in any order."""
    doc = Document(text)
    words = [word for span in doc.paragraphs for word in segmentation.words(text, span.start, span.end)]
    for start, end in windows:
        start, end = sorted((min(start, len(text)), min(end, len(text))))
        assert doc.words_between(start, end) == [word for word in words if start <= word.start and word.end <= end]


_TRIGGER_TEXT_PIECES = st.sampled_from(
    ["Kyiv", "kyiv", "Kiev", "kievan", "per cent", "PER", "cent", "%", " ,", ",", "İ", "a", " ", " ", "\n", "\n\n"]
)
_TRIGGERS = Triggers(words=frozenset({"kyiv", "per cent"}), strings=frozenset({" ,", "%"}), prefixes=frozenset({"kie"}))
_ASKED = st.lists(
    st.sampled_from(
        [("kyiv", AS_WORD), ("kyiv", ANYWHERE), ("per cent", AS_WORD), (" ,", ANYWHERE), ("%", ANYWHERE)]
        + [("kie", AT_WORD_START), ("kie", ANYWHERE), ("ent", ANYWHERE), ("a", ANYWHERE)]
    ),
    max_size=5,
)


@settings(max_examples=300)
@given(st.lists(_TRIGGER_TEXT_PIECES, max_size=40).map("".join), _ASKED, st.booleans())
@example("Kyiv\n\n, kyiv %\n\na Kyiv", [("kyiv", AS_WORD)], True)  # a trigger in three paragraphs
@example("a\n\n , b", [(" ,", ANYWHERE)], True)  # " ," before a paragraph: in none
@example("a\n\n , b", [(" ,", ANYWHERE)], False)
def test_paragraphs_holding_triggers_are_those_that_hold_one_of_their_places(text, asked, indexed):
    """paragraphs_holding places each trigger (found by the shared scan, or by str.find where the
    scan cannot tell) in its paragraph: the paragraphs that hold a place, in order."""
    doc = Document(text)
    if indexed:
        doc.use_triggers(TriggerIndex([_TRIGGERS]))
    if not doc.aligned:
        assert doc.paragraphs_holding(asked) is None
        return
    places = set()
    for literal, standing in asked:
        found = doc.trigger_positions(literal, standing)
        if found is None:
            found = [at for at in range(len(text)) if doc.folded.startswith(literal, at)]
        places.update(found)
    expected = [span for span in doc.paragraphs if any(span.start <= at < span.end for at in places)]
    assert doc.paragraphs_holding(asked) == expected


_DRAWN_TRIGGERS = st.builds(
    Triggers,
    words=st.frozensets(st.sampled_from(["kyiv", "per cent", "kiev", "a"]), max_size=3),
    strings=st.frozensets(st.sampled_from([" ,", "ent", "%", "kyiv"]), max_size=2),
    prefixes=st.frozensets(st.sampled_from(["kie", "per", "a"]), max_size=2),
)


@settings(max_examples=300)
@given(st.lists(st.lists(_TRIGGER_TEXT_PIECES, max_size=40).map("".join), min_size=1, max_size=3), _DRAWN_TRIGGERS)
@example(["a Kyiv\n\nkyivan per cent\n\n Kyiv"], Triggers(words=frozenset({"kyiv"}), prefixes=frozenset({"a"})))
def test_windows_are_the_paragraphs_holding_the_triggers_as_they_must_stand(texts, triggers):
    """windows_for, whose triggers are sorted out once per index (the places of those it indexes
    read, the others looked for), equals placing every trigger as the unindexed test does, on
    each document that shares the index."""
    index = TriggerIndex([_TRIGGERS])
    for text in texts:
        doc = Document(text)
        doc.use_triggers(index)
        windows = doc.windows_for(triggers)
        if any(len(string) == 1 for string in triggers.strings) or not doc.aligned:
            assert windows is None
            continue
        places = set()
        for literal, standing in triggers.how():
            found = doc.trigger_positions(literal, standing)
            if found is None:
                found = [at for at in range(len(text)) if doc.folded.startswith(literal, at)]
            places.update(found)
        assert windows == [span for span in doc.paragraphs if any(span.start <= at < span.end for at in places)]
        assert windows == doc.paragraphs_holding(triggers.how())


# Characters beyond ASCII with no case (most in news copy), cased ones (one that lowercases to two
# characters, the sigma whose lowercase depends on what follows, the long s), and any at all.
_CASELESS = st.sampled_from("“”‘’«»„–—…·€°²　、。")
_CASED = st.sampled_from("ÉéÀßΣσİıſẞǅÆ")
_LOWERCASE_PIECES = st.one_of(
    st.text("aZ _.'\n", min_size=8, max_size=24), _CASELESS, _CASED, st.characters(blacklist_categories=())
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_LOWERCASE_PIECES, max_size=30).map("".join))
@example("“Σ” and ΣΑΣ")
@example("Kyiv — İstanbul")
@example("surrogate \ud800 “here”")
@example("Éric told the minister in Kyiv: “no” — twice")  # few beyond ASCII: lowered as bytes
@example("Минск" + " The Minister said so." * 3)  # a start mostly beyond ASCII: str.lower()
@example("«Новости»")
def test_lowercase_is_str_lower(text):
    """Texts of ASCII and, here and there or mostly, characters beyond it: lowered as bytes or
    by str.lower(), the same."""
    assert document.lowercase(text) == text.lower()


def test_a_document_property_is_computed_at_its_first_use_only():
    """cached_without_lock stores what its function gives, as functools.cached_property does (its
    function then never runs again), and answers for itself on the class."""
    calls = []

    class Counted:
        @document.cached_without_lock
        def value(self) -> list[int]:
            calls.append(1)
            return [len(calls)]

    counted = Counted()
    assert counted.value is counted.value == [1] and calls == [1]
    assert "value" in counted.__dict__ and Counted().value == [2]
    assert isinstance(Counted.value, document.cached_without_lock)
    doc = Document("Kyiv said.\n\nIt rained.")
    assert doc.paragraphs is doc.paragraphs and doc.__dict__["paragraphs"] == [Span(0, 10), Span(12, 22)]


_SENTENCE_PIECES = st.sampled_from(
    ["We", "won", ".", ". ", "Mr. ", "?", "” ", " ", "\n", "\n\n", "\r\n\r\n", "  \n\n ", "\u2028", "\x1c", "é"]
)


@fuzz()
@given(joined(_SENTENCE_PIECES, 20), st.data())
def test_the_sentence_holding_an_offset_and_the_one_before_it_are_those_of_all_the_sentences(text, data):
    """sentence_at and sentence_holding, which segment only the paragraphs they need, against the
    sentences of the whole text: the last to start at or before the offset (the first sentence
    for an offset before it), and the one before that. In the paragraphs of the text, and in
    paragraphs cut anywhere (some empty, some apart)."""
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=8)))
    given = [Span(start, end) for start, end in zip(cuts[::2], cuts[1::2])]
    for doc in (Document(text), Document(text, paragraphs=given)):
        if not doc.sentences:
            continue
        every = doc.sentences
        for offset in range(len(text) + 1):
            place = max(sum(1 for sentence in every if sentence.start <= offset) - 1, 0)
            expected = every[place], (every[place - 1] if place else None)
            assert doc.sentence_at(offset) == expected
            assert doc.sentence_holding(offset) == expected[0]
