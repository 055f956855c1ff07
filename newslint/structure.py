"""What a story is made of beyond sentences: its headline, interview transcripts, verbatim quoted
documents, and passages in other languages.

Rules that judge the writer's prose must know which words are not the writer's: an interviewee's
spoken answer keeps its "we we" and "really really", a tweet or a statement quoted verbatim keeps
its own spellings, a speaker label ("((WN)) :", "Q:") is no prose at all, and a sentence in
Spanish has no English pronouns. Each is found here once per document, by the cues an editor
reads: labels that recur at paragraph starts, a colon before a quotation, a verb of writing.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence

from newslint.regexes import lazy
from newslint.spans import Span

# "((Perttu Ahola))", "((WN)) :", "Q:", "A:", "JOHN SMITH:", "Interviewer:" at a paragraph start.
_LABEL = lazy(
    r"(?:\(\((?P<wiki>[^()\n]{1,60})\)\)[ \t]*:?|(?P<name>Q|A|\p{Lu}[\p{L}.'’-]*(?:[ \t]+\p{Lu}[\p{L}.'’-]*){0,3})[ \t]*:)"
    r"[ \t]*"
)
TRANSCRIPT_MIN_LABELS = 3  # a label that starts fewer paragraphs is a quotation ("Putin: We ..."), not a transcript

# Verbs and nouns of writing before a quotation: what follows is a document quoted verbatim.
_WRITTEN_CUE = lazy(
    r"(?i:\b(?:reads?|wrote|writes|written|tweeted|tweets|posted|posts|texted|e-?mailed|stated in|"
    r"(?:statement|letter|e-?mail|message|post|tweet|note|memo|notice|release|report|filing|ruling|order|"
    r"decision|sign|banner|caption|headline|label)s?(?:[ \t]+(?:said|says|stated|states|read|reads|noted|notes))?"
    r")(?:[ \t]+that)?[ \t]*[:,]?[ \t]*)\Z"
)
# Words of English that are not words of the other languages newsrooms quote (Spanish "no",
# French "a", "de" and "la" are missing on purpose): one of them near a word makes it English.
ENGLISH_FUNCTION_WORDS = frozenset(
    """the and of to is was were are be been being have has had will would shall should can could
    that this these those with for from by at on it its they them their he him his she her we our
    you your my who what which when where there here than then but or if not also just only very
    about after before into over under because while although""".split()
)
_WORD = lazy(r"\p{L}[\p{L}\p{M}'’-]*")


def speaker_labels(text: str, paragraphs: Sequence[Span]) -> list[Span]:
    """Labels of a transcript: a speaker's name or Q/A with which several paragraphs start."""
    found = []
    for paragraph in paragraphs:
        match = _LABEL.match(text, paragraph.start, paragraph.end)
        if match and match.end() < paragraph.end:
            found.append((match.group("wiki") or match.group("name"), Span(match.start(), match.end())))
    counts = Counter(speaker for speaker, _ in found)
    return [span for speaker, span in found if counts[speaker] >= TRANSCRIPT_MIN_LABELS or _is_wiki(text, span)]


def _is_wiki(text: str, span: Span) -> bool:
    return text.startswith("((", span.start)


def transcript_answers(text: str, paragraphs: Sequence[Span], labels: Sequence[Span]) -> list[Span]:
    """The answers of a transcript: paragraphs under any label but the interviewer's (the label
    whose paragraphs most often end in a question), up to the next label."""
    if not labels:
        return []
    label_starts = {label.start: label for label in labels}
    speakers = [_speaker(text, label) for label in labels]
    questions: Counter[str] = Counter()
    for label, speaker in zip(labels, speakers):
        index = bisect_right([p.start for p in paragraphs], label.start) - 1
        questions[speaker] += text[paragraphs[index].start : paragraphs[index].end].rstrip().endswith("?")
    interviewer = questions.most_common(1)[0][0] if questions and questions.most_common(1)[0][1] else None
    answers: list[Span] = []
    current: str | None = None
    for paragraph in paragraphs:
        label = label_starts.get(paragraph.start)
        if label is not None:
            current = _speaker(text, label)
        if current is not None and current != interviewer:
            answers.append(paragraph)
    return answers


def _speaker(text: str, label: Span) -> str:
    return text[label.start : label.end].strip(" \t:()")


def quoted_documents(text: str, paragraphs: Sequence[Span], quotations: Sequence[Span]) -> list[Span]:
    """Quotations of written text, kept as the source wrote them: those after a verb or noun of
    writing ("the statement read:", "wrote that", "tweeted:"), and block quotations (a paragraph
    that opens with a quotation mark after a paragraph ending in a colon, to the closing mark)."""
    found: list[Span] = []
    starts = [p.start for p in paragraphs]
    for quotation in quotations:
        before = text[max(0, quotation.start - 60) : quotation.start]
        if _WRITTEN_CUE.search(before):
            found.append(quotation)
            continue
        index = bisect_right(starts, quotation.start) - 1
        if index > 0 and paragraphs[index].start == quotation.start:
            previous = paragraphs[index - 1]
            if text[previous.start : previous.end].rstrip().endswith(":"):
                found.append(quotation)
    return found


def headline(text: str, paragraphs: Sequence[Span]) -> Span | None:
    """The first paragraph when it reads as a headline: one short line that ends without a period."""
    if not paragraphs:
        return None
    first = paragraphs[0]
    line = text[first.start : first.end]
    if "\n" in line or "\r" in line or len(line.split()) > 25 or line.rstrip().endswith((".", ":", ";", ",")):
        return None
    return first


def english_near(text: str, start: int, end: int, width: int = 40) -> bool:
    """Whether the words around text[start:end] include an English function word (a pronoun in a
    Spanish sentence -- "no me ratifica" -- has none)."""
    around = text[max(0, start - width) : start] + " " + text[end : end + width]
    return any(word.lower() in ENGLISH_FUNCTION_WORDS for word in _WORD.findall(around))


def inside(spans: Sequence[Span], starts: Sequence[int], start: int, end: int) -> bool:
    """Whether text[start:end] lies inside one of `spans` (sorted, not overlapping; `starts` their starts)."""
    index = bisect_right(starts, start) - 1
    return index >= 0 and end <= spans[index].end
