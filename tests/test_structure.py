"""What a story is made of beyond sentences (newslint/structure.py): headlines, dates, transcripts,
quoted documents, other languages, and what is never prose."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from datetime import date

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint import structure
from newslint.document import Document
from newslint.spans import Span
from newslint.structure import _YEAR, foreign_near, story_date
from tests.kinds.fuzzing import fuzz


def _at(text: str, token: str) -> tuple[int, int]:
    """Where `token` first stands in text: (start, end)."""
    start = text.index(token)
    return start, start + len(token)


INTERVIEW = (
    "Wikinews spoke to the mayor.\n\n"
    "((WN)) : What is your plan?\n\n"
    "((Anna Lee))  We we will build. It was really hard.\n\n"
    "And we we kept going.\n\n"
    "((WN)) : Why now?\n\n"
    "((Anna Lee))  Because.\n"
)


def test_speaker_labels_are_found_and_answers_are_the_interviewees():
    doc = Document(INTERVIEW)
    labels = [INTERVIEW[span.start : span.end].strip() for span in doc.speaker_labels]
    assert labels == ["((WN)) :", "((Anna Lee))", "((WN)) :", "((Anna Lee))"]
    answer = INTERVIEW.index("We we will")
    continuation = INTERVIEW.index("And we we")
    question = INTERVIEW.index("What is your")
    assert doc.in_verbatim(answer, answer + 5) and doc.in_verbatim(continuation, continuation + 5)
    assert not doc.in_verbatim(question, question + 5)
    assert not doc.in_verbatim(0, 8)  # the introduction is the writer's


def test_unlabelled_answers_follow_a_labelled_question():
    text = "Q: Why run?\n\nBecause we we must.\n\nQ: And then?\n\nWe win.\n\nQ: Thanks?\n\nBye."
    doc = Document(text)
    assert doc.in_verbatim(*_at(text, "Because"))
    assert not doc.in_verbatim(*_at(text, "Why run"))


def test_a_label_that_starts_one_paragraph_is_a_quotation_not_a_transcript():
    assert Document("Putin: We will win.\n\nThe talks went on.").speaker_labels == []


def _foreign_near_as_it_was(text: str, start: int, end: int, width: int = 40) -> bool:
    """foreign_near before its path for ASCII windows: every window through the `regex` words."""
    around = structure._WORD.findall(text[max(0, start - width) : start] + " " + text[end : end + width])
    foreign = sum(word.lower() in structure.FOREIGN_FUNCTION_WORDS for word in around)
    accented = sum(not word.isascii() for word in around)
    return foreign >= 2 or accented >= 2


_FOREIGN_PIECES = st.sampled_from(
    ["el", "EL", "La", "que", "me", "we", "the", "peace", "d'", "-", "'", "’", "é", "ñ", "\u0301", "K", "ſ", "1", "_"]
    + [" ", " ", ", ", ".", "\n", "“"]
)


@fuzz()
@given(st.lists(_FOREIGN_PIECES, max_size=40).map("".join), st.data())
def test_foreign_near_answers_as_it_did_through_the_regex_words(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    width = data.draw(st.sampled_from([40, 5, 12]))
    assert foreign_near(text, start, end, width) == _foreign_near_as_it_was(text, start, end, width)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('Trump\'s statement read: "Hamza bin Ladin was killed." Then he left.', "Hamza"),
        ('Biden wrote that "I have decided" on Tuesday.', "I have"),
        ('He sent this message:\n\n"Please tell him.\n\nI withdraw."', "I withdraw"),
    ],
)
def test_documents_quoted_verbatim(text, quoted):
    assert Document(text).in_quoted_document(*_at(text, quoted))


def test_a_spoken_quotation_is_not_a_document():
    text = 'The minister said, "We will win."'
    assert not Document(text).in_quoted_document(*_at(text, "We"))


@pytest.mark.parametrize(
    ("source", "text", "expected"),
    [
        ("---\ntitle: x\ndate: 2004-05-01\n---\nStory", "Story", date(2004, 5, 1)),
        ('<meta property="article:published_time" content="2012-01-02T10:00">', "x", date(2012, 1, 2)),
        ("x", "KYIV, March 3, 2004 (Reuters) - Talks began.", date(2004, 3, 3)),
        ("x", "LONDON, 3 Sept 2004 - Talks began.", date(2004, 9, 3)),
        ("x", "Talks began on Monday, officials said.", None),
        ("x", "A" * 400 + " On March 3, 2004 it rained.", None),  # too far down for a dateline
    ],
)
def test_the_date_a_story_gives_itself(source, text, expected):
    assert story_date(source, text) == expected


def test_a_headline_is_a_short_first_line_without_a_stop():
    assert Document("US imposes sanctions\n\nThe U.S. imposed sanctions.").headline is not None
    assert Document("The U.S. imposed sanctions.\n\nMore.").headline is None


def test_words_of_another_language():
    text = "Si el Senado no me ratifica, seré gobernador hasta el miércoles"
    assert foreign_near(text, text.index(" me ") + 1, text.index(" me ") + 3)
    english = "We want peace, protesters chanted outside the parliament."
    assert not foreign_near(english, 0, 2)


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("Open kiev-night.jpg now.", "kiev-night.jpg"),
        ("They were .png files.", ".png"),
        ("A caf&#233; in Kyiv.", "&#233;"),
        ("Fans run Halo.Bungie.Org for fun.", "Halo.Bungie.Org"),
        ("One.Tel fell. One.Tel shares sank.", "One.Tel"),
    ],
)
def test_file_names_entities_and_dotted_names_are_not_prose(text, token):
    assert Document(text).overlaps_url(*_at(text, token))


def test_a_slip_glued_to_a_sentence_is_still_prose():
    text = "Putin met Xi.The talks lasted. She wrote to example.com.It was late."
    doc = Document(text)
    assert not doc.overlaps_url(*_at(text, "Xi.The"))
    dot = text.index("com.It") + 3
    assert not doc.overlaps_url(dot, dot + 1)


def test_recurring_labels_without_questions_are_no_transcript():
    text = "Update: talks resumed.\n\nUpdate: talks paused.\n\nUpdate: talks ended.\n\nThe the convoy left."
    assert not Document(text).in_verbatim(*_at(text, "The the"))


def test_a_date_the_story_tells_of_is_not_its_own():
    assert story_date("x", "Russia annexed Crimea on March 18, 2014. Now, in 2023, Kiev says no.") is None
    assert story_date("x", "Born on 3 March 1990, she moved to Kiev in 2021.") is None
    assert story_date("x", "Headline\n\nMarch 3, 2004\n\nTalks began.") == date(2004, 3, 3)


def test_a_title_and_a_heading_are_both_the_headline():
    text = "US imposes sanctions\n\nUS acts on Russia\n\nThe U.S. imposed them."
    span = Document(text).headline
    assert span is not None and text[span.start : span.end] == "US imposes sanctions\n\nUS acts on Russia"


_YEAR_PIECES = st.sampled_from(
    ["19", "20", "1", "2", "0", "9", "1999", "2024", "20245", "$", "£", "€", ".", ",", "-", "%", " ", "a", "\n"]
    + ["\u0661", "\u00b2", "\u2153", "\U00011f50", ".5", ",5", "19.", "2020s"]
)


@given(st.lists(_YEAR_PIECES, max_size=30).map("".join))
def test_years_are_found_as_the_year_pattern_finds_them(text):
    """structure._years tries _YEAR only where "19" or "20" starts: the same matches as finditer."""
    assert [match.span() for match in structure._years(text)] == [match.span() for match in _YEAR.finditer(text)]


# _WRITTEN_CUE as it was written before its words were listed (reads?, e-?mail): the same cues.
_WRITTEN_CUE_AS_BEFORE = regex.compile(
    r"(?r)(?i:\b(?:reads?|wrote|writes|written|tweeted|tweets|posted|posts|texted|e-?mailed|stated in|"
    r"(?:statement|letter|e-?mail|message|post|tweet|note|memo|notice|release|report|filing|ruling|order|"
    r"decision|sign|banner|caption|headline|label)s?(?:[ \t]+(?:said|says|stated|states|read|reads|noted|notes))?"
    r")(?:[ \t]+that)?[ \t]*[:,]?[ \t]*)\Z"
)
# Words before a quotation: cue words and words that are no cue, each in any case and with the
# letters IGNORECASE reads as ASCII ones (İ, ſ, the Kelvin sign), after other words, hyphens and
# spaces, and before what stands between a cue and a quotation.
_CUE_WORDS = st.sampled_from(
    ["read", "reads", "wrote", "written", "tweets", "posted", "texted", "emailed", "mailed", "stated", "in"]
    + ["statement", "letters", "message", "memos", "ruling", "headline", "label", "said", "says", "noted", "that"]
    + ["sign", "signs", "orders", "rea", "ds", "post", "x", "é", "1", "_", "ı", ""]
)
_ODD_LETTERS = {"i": "\u0130", "s": "\u017f", "k": "\u212a"}


@st.composite
def _written_cased(draw: st.DrawFn) -> str:
    word = draw(_CUE_WORDS)
    cases = draw(st.lists(st.sampled_from(["lower", "upper", "odd"]), min_size=len(word), max_size=len(word)))
    return "".join(
        char.upper() if case == "upper" else _ODD_LETTERS.get(char, char) if case == "odd" else char
        for char, case in zip(word, cases)
    )


_BEFORE_CUE = st.lists(
    st.one_of(_written_cased(), st.sampled_from([" ", "\t", "-", "e-", "\n", "stated ", "memo "])), max_size=4
)
_AFTER_CUE = st.tuples(
    st.sampled_from(["", "", " that", "\tthat", "that"]),
    st.sampled_from(["", "", " ", ":", ",", " : ", "\t,\t", ";", ":,", '"']),
)


@settings(max_examples=1000)
@given(_BEFORE_CUE.map("".join), _written_cased(), _AFTER_CUE.map("".join))
@example("The court stated ", "in", ":")
@example("The mayor e-", "mailed", " that ")
def test_a_written_cue_is_looked_for_only_after_the_last_word_of_one(words, last, after):
    """The cue's words listed once: the same cues as the pattern written before; and the gate on
    the last word passes every text the pattern matches."""
    before = words + last + after
    cue = bool(structure._WRITTEN_CUE.search(before))
    assert cue == bool(_WRITTEN_CUE_AS_BEFORE.search(before))
    assert structure._may_end_in_written_cue(before) or not cue


# Paragraphs that open with labels or hold colons, quotations after cues of writing and not,
# nested quotation marks, and breaks between paragraphs.
_STRUCTURE_TEXTS = [
    "Q:",
    "A: ",
    "((WN)) :",
    "((Anna))",
    "JOHN SMITH: ",
    "Kyiv: ",
    "10:30",
    "The statement read: ",
    "He said, ",
] + ['"', '"', "“", "”", "‘", "’", "We left.", "Why?", "it", " ", "\n", "\n\n", "\n\n", ":"]
_STRUCTURE_PIECES = st.sampled_from(_STRUCTURE_TEXTS)


@settings(max_examples=300)
@given(st.lists(_STRUCTURE_PIECES, max_size=25).map("".join), st.sampled_from([0, 1, 3, 12]))
@example("((WN)) : Why?\n\nWe left.", 12)  # spans from a label into the next paragraph
def test_labels_and_quoted_documents_are_told_as_when_found(text, length):
    """in_speaker_label first looks whether the span can hold one (a paragraph that may open with
    a label), in_quoted_document only at the quoted stretch around it: they answer as the labels
    and documents found do, for a span at every offset."""
    found = Document(text)
    labels, documents = found.speaker_labels, found.quoted_documents
    document_starts = [span.start for span in documents]
    for start in range(len(text) + 1):
        end = min(start + length, len(text))
        doc = Document(text)  # asked first: once the labels are found, they answer
        assert doc.in_speaker_label(start, end) == any(label.start < end and label.end > start for label in labels)
        assert doc.in_quoted_document(start, end) == structure.inside(documents, document_starts, start, end)


def _speaker_labels_as_before(text, paragraphs):
    """structure.speaker_labels before its fast paths (no colon in the text, groups by index)."""
    found = []
    for paragraph in paragraphs:
        match = structure._LABEL.match(text, paragraph.start, paragraph.end)
        if match and match.end() < paragraph.end:
            found.append((match.group("wiki") or match.group("name"), Span(match.start(), match.end())))
    counts = Counter(speaker for speaker, _ in found)
    return [
        span
        for speaker, span in found
        if counts[speaker] >= structure.TRANSCRIPT_MIN_LABELS or text.startswith("((", span.start)
    ]


@settings(max_examples=300)
@given(st.lists(_STRUCTURE_PIECES, max_size=25).map("".join))
@example("((Anna)) We left.\n\n((WN)) Why?")  # labels without a colon
@example("Q: a\n\nQ: b\n\nQ: c")  # as few colons as a transcript's labels need
def test_speaker_labels_are_those_found_in_every_paragraph(text):
    paragraphs = Document(text).paragraphs
    assert structure.speaker_labels(text, paragraphs) == _speaker_labels_as_before(text, paragraphs)


def _transcript_answers_as_before(text, paragraphs, labels):
    """structure.transcript_answers before it told a question by a paragraph's last character."""
    if not labels:
        return []
    label_starts = {label.start: label for label in labels}
    starts = [p.start for p in paragraphs]
    asked, labelled = Counter(), Counter()
    for label in labels:
        speaker = structure._speaker(text, label)
        index = bisect_right(starts, label.start) - 1
        labelled[speaker] += 1
        asked[speaker] += text[paragraphs[index].start : paragraphs[index].end].rstrip().endswith("?")
    interviewer = max(asked, key=lambda speaker: asked[speaker] / labelled[speaker], default=None)
    if interviewer is None or asked[interviewer] * 2 < labelled[interviewer]:
        return []
    answers, current, previous_asked = [], None, False
    for paragraph in paragraphs:
        label = label_starts.get(paragraph.start)
        if label is not None:
            current = structure._speaker(text, label)
        elif current == interviewer and previous_asked:
            current = ""
        if current is not None and current != interviewer:
            answers.append(paragraph)
        previous_asked = text[paragraph.start : paragraph.end].rstrip().endswith("?")
    return answers


_SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)), max_size=8)


@fuzz()
@given(
    st.lists(st.sampled_from([*_STRUCTURE_TEXTS, "? ", "?\t", "?\u00a0", " ?"]), max_size=25).map("".join),
    _SPANS,
    _SPANS,
)
@example("Q: Why?\n\nA: x\n\nQ: How? \n\nA: y\n\nQ: What?\n\nA: z", [], [])  # a question with a blank after it
@example("Q.x?", [(0, 2), (4, 0)], [(0, 1), (4, 0)])  # an empty paragraph after a question mark asks nothing
@example("Q: Why?\n\nA: x", [], [(0, 1), (0, 4)])  # two labels at one start: the last is the paragraph's
def test_transcript_answers_are_those_told_by_copying_each_paragraph(text, paragraph_spans, label_spans):
    """Whether a paragraph asks is told by its last character where that is no blank: the answers
    are those found by stripping a copy of every paragraph (the labels found in the paragraphs,
    or any spans where there are paragraphs; the document's paragraphs, or any sorted by start)."""
    given = sorted(
        Span(start, min(start + length, len(text))) for start, length in paragraph_spans if start <= len(text)
    )
    for paragraphs in (Document(text).paragraphs, given):
        arbitrary = [Span(start, min(start + length, len(text))) for start, length in label_spans if start <= len(text)]
        for labels in (structure.speaker_labels(text, paragraphs), sorted(arbitrary) if paragraphs else []):
            expected = _transcript_answers_as_before(text, paragraphs, labels)
            assert structure.transcript_answers(text, paragraphs, labels) == expected


def _quoted_documents_as_before(text, paragraphs, quotations):
    """structure.quoted_documents before it looked paragraphs up without listing their starts."""
    found = []
    starts = [p.start for p in paragraphs]
    for quotation in quotations:
        before = text[max(0, quotation.start - 60) : quotation.start]
        if structure._may_end_in_written_cue(before) and structure._WRITTEN_CUE.search(before):
            found.append(quotation)
            continue
        index = bisect_right(starts, quotation.start) - 1
        if index > 0 and paragraphs[index].start == quotation.start:
            previous = paragraphs[index - 1]
            if text[previous.start : previous.end].rstrip().endswith(":"):
                found.append(quotation)
    return found


@fuzz()
@given(st.lists(st.sampled_from([*_STRUCTURE_TEXTS, ": ", ":\t", ":\u00a0"]), max_size=25).map("".join), _SPANS)
@example('He wrote:\n\n"We left."', [(0, 9), (9, 0), (11, 10)])  # an empty paragraph after the colon
@example('Here: \n\n"We left."', [(0, 6), (8, 10)])  # a blank after the colon
def test_quoted_documents_are_those_found_by_the_paragraph_starts(text, paragraph_spans):
    """The paragraph of a quotation looked up among the paragraphs themselves, and a colon told by
    a paragraph's last character, find the documents found before (the document's paragraphs and
    quotations, or any paragraphs sorted by start)."""
    doc = Document(text)
    given = sorted(
        Span(start, min(start + length, len(text))) for start, length in paragraph_spans if start <= len(text)
    )
    for paragraphs in (doc.paragraphs, given):
        expected = _quoted_documents_as_before(text, paragraphs, doc.quotations)
        assert structure.quoted_documents(text, paragraphs, doc.quotations) == expected
