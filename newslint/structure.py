"""What a story is made of beyond sentences: its headline, interview transcripts, verbatim quoted
documents, and passages in other languages.

Rules that judge the writer's prose must know which words are not the writer's: an interviewee's
spoken answer keeps its "we we" and "really really", a tweet or a statement quoted verbatim keeps
its own spellings, a speaker label ("((WN)) :", "Q:") is no prose at all, and a sentence in
Spanish has no English pronouns. Each is found here once per document, by the cues an editor
reads: labels that recur at paragraph starts, a colon before a quotation, a verb of writing, the
function words of another language.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from operator import itemgetter
from typing import TYPE_CHECKING

from newslint import lazy_regex as regex
from newslint import places
from newslint.regexes import lazy
from newslint.spans import Span

if TYPE_CHECKING:
    from datetime import date

# "((Perttu Ahola))", "((WN)) :", "Q:", "A:", "JOHN SMITH:", "Interviewer:" at a paragraph start.
_LABEL = lazy(
    r"(?:\(\((?P<wiki>[^()\n]{1,60})\)\)[ \t]*:?|(?P<name>Q|A|\p{Lu}[\p{L}.'’-]*(?:[ \t]+\p{Lu}[\p{L}.'’-]*){0,3})[ \t]*:)"
    r"[ \t]*"
)
TRANSCRIPT_MIN_LABELS = 3  # a label that starts fewer paragraphs is a quotation ("Putin: We ..."), not a transcript

# Verbs and nouns of writing before a quotation: what follows is a document quoted verbatim.
_WRITING_VERBS = "read reads wrote writes written tweeted tweets posted posts texted emailed e-mailed".split()
_WRITTEN_NOUNS = """statement letter email e-mail message post tweet note memo notice release report filing
    ruling order decision sign banner caption headline label""".split()
_VERBS_AFTER_NOUNS = "said says stated states read reads noted notes".split()
# Matched backwards from the end ((?r)): a search for a match that must end at \Z need not be
# tried at every position of the text before it.
_WRITTEN_CUE = lazy(
    r"(?r)(?i:\b(?:"
    + "|".join(map(regex.escape, [*_WRITING_VERBS, "stated in"]))
    + r"|(?:"
    + "|".join(map(regex.escape, _WRITTEN_NOUNS))
    + r")s?(?:[ \t]+(?:"
    + "|".join(_VERBS_AFTER_NOUNS)
    + r"))?)(?:[ \t]+that)?[ \t]*[:,]?[ \t]*)\Z"
)
# The last word of every cue, as written in any case: the letters that IGNORECASE matches to the
# ASCII letters of the cues (İ, ſ and the Kelvin sign besides A-Z and a-z), read as those letters.
_CUE_LAST_WORDS = frozenset(
    [word.split("-")[-1] for word in _WRITING_VERBS]
    + ["in", "that", *_VERBS_AFTER_NOUNS]
    + [word.split("-")[-1] + plural for word in _WRITTEN_NOUNS for plural in ("", "s")]
)
_CUE_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\u0130\u017f\u212a"
_AS_CUE_LETTERS = str.maketrans("\u0130\u017f\u212a", "isk")


def _may_end_in_written_cue(before: str) -> bool:
    """Whether _WRITTEN_CUE may match at the end of `before`: only if the word before its closing
    spaces and colon or comma is the last word of a cue (most quotations follow "said" or none)."""
    words = before.rstrip(" \t")
    if words.endswith((":", ",")):
        words = words[:-1].rstrip(" \t")
    last = words[len(words.rstrip(_CUE_LETTERS)) :]
    return last.translate(_AS_CUE_LETTERS).lower() in _CUE_LAST_WORDS


# Function words of the languages news copy quotes most (Spanish, French, Italian, Portuguese,
# German, Dutch) that are not English words.
FOREIGN_FUNCTION_WORDS = frozenset(
    """el la los las les des del que qui se por para con sin una uno est et und der die das ist nicht
    ein eine het een van il lo gli di pas je nous vous ils elle hasta pero como muy más été avec sur
    dans au aux du ou où mais sont sind wir ich auch oder mit zu dem den des ni ce cette está son""".split()
)
_WORD = lazy(r"\p{L}[\p{L}\p{M}'’-]*")
_ASCII_WORD = lazy(r"[a-z][a-z'-]*", engine="re")  # _WORD in lowercase ASCII text


def speaker_labels(text: str, paragraphs: Sequence[Span]) -> list[Span]:
    """Labels of a transcript: a speaker's name or Q/A with which several paragraphs start."""
    if "((" not in text and text.count(":") < TRANSCRIPT_MIN_LABELS:
        return []  # a label is a wiki one or ends in a colon, and kept so only if it recurs: no paragraph tried
    found = []
    match_label = _LABEL.compiled.match
    for paragraph in paragraphs:
        start, end = paragraph
        if not text.startswith("((", start) and text.find(":", start, end) < 0:
            continue  # as may_open_with_label (inlined: a story has hundreds of paragraphs)
        match = match_label(text, start, end)
        if match and match.end() < end:
            wiki, name = match.groups()  # its two groups: faster than by name
            found.append((wiki or name, Span(*match.span())))
    counts = Counter(speaker for speaker, _ in found)
    return [span for speaker, span in found if counts[speaker] >= TRANSCRIPT_MIN_LABELS or _is_wiki(text, span)]


def may_open_with_label(text: str, paragraph: Span) -> bool:
    """Whether a paragraph may start with a speaker label: every label is a wiki one or ends in a
    colon (most paragraphs are not tried)."""
    return text.startswith("((", paragraph.start) or text.find(":", paragraph.start, paragraph.end) >= 0


def _is_wiki(text: str, span: Span) -> bool:
    return text.startswith("((", span.start)


def transcript_answers(text: str, paragraphs: Sequence[Span], labels: Sequence[Span]) -> list[Span]:
    """The answers of a transcript: paragraphs under any label but the interviewer's (the label
    whose paragraphs most often end in a question), up to the next label."""
    if not labels:
        return []
    speakers: dict[int, str] = {}  # by where each label starts
    starts = [p.start for p in paragraphs]
    asked: Counter[str] = Counter()
    labelled: Counter[str] = Counter()
    for label in labels:
        speaker = speakers[label.start] = _speaker(text, label)
        index = bisect_right(starts, label.start) - 1
        labelled[speaker] += 1
        asked[speaker] += _ends_in(text, paragraphs[index], "?")
    interviewer = max(asked, key=lambda speaker: asked[speaker] / labelled[speaker], default=None)
    if interviewer is None or asked[interviewer] * 2 < labelled[interviewer]:
        return []  # nobody asks: "Update:" or "Kyiv:" paragraphs, not an interview
    answers: list[Span] = []
    current: str | None = None
    previous_asked = False
    for paragraph in paragraphs:
        speaker = speakers.get(paragraph.start)
        if speaker is not None:
            current = speaker
        elif current == interviewer and previous_asked:
            current = ""  # an answer whose speaker has no label: it follows the question
        if current is not None and current != interviewer:
            answers.append(paragraph)
        previous_asked = _ends_in(text, paragraph, "?")
    return answers


def _ends_in(text: str, paragraph: Span, mark: str) -> bool:
    """Whether the paragraph ends in `mark` (one character), blanks aside: told by its last
    character, unless that is a blank (a transcript has hundreds of paragraphs, not to be copied
    to tell whether each asks)."""
    start, end = paragraph
    if end <= start:
        return False
    last = text[end - 1]
    return last == mark if not last.isspace() else text[start:end].rstrip().endswith(mark)


_START = itemgetter(0)  # a span's start


def _speaker(text: str, label: Span) -> str:
    return text[label.start : label.end].strip(" \t:()")


def quoted_documents(text: str, paragraphs: Sequence[Span], quotations: Sequence[Span]) -> list[Span]:
    """Quotations of written text, kept as the source wrote them: those after a verb or noun of
    writing ("the statement read:", "wrote that", "tweeted:"), and block quotations (a paragraph
    that opens with a quotation mark after a paragraph ending in a colon, to the closing mark)."""
    found: list[Span] = []
    for quotation in quotations:
        before = text[max(0, quotation.start - 60) : quotation.start]
        if _may_end_in_written_cue(before) and _WRITTEN_CUE.search(before):
            found.append(quotation)
            continue
        # The paragraph looked up among the paragraphs themselves: listing their starts would take
        # longer than the lookup (a stretch of a story has a quotation or two).
        index = bisect_right(paragraphs, quotation.start, key=_START) - 1
        if index > 0 and paragraphs[index].start == quotation.start and _ends_in(text, paragraphs[index - 1], ":"):
            found.append(quotation)
    return found


def headline(text: str, paragraphs: Sequence[Span]) -> Span | None:
    """The headline: the first paragraph when it reads as one (one short line that ends without a
    period), with the next when it reads as one too (a page's <title> and its <h1>, a front
    matter's title and the first heading)."""
    if not paragraphs or not _reads_as_headline(text[paragraphs[0].start : paragraphs[0].end]):
        return None
    second = text[paragraphs[1].start : paragraphs[1].end] if len(paragraphs) > 1 else ""
    if second and _reads_as_headline(second) and len(second.split()) <= 15 and not second.rstrip().endswith("?"):
        return Span(paragraphs[0].start, paragraphs[1].end)  # a heading under a title, not a question
    return paragraphs[0]


def _reads_as_headline(line: str) -> bool:
    return not ("\n" in line or "\r" in line or len(line.split()) > 25 or line.rstrip().endswith((".", ":", ";", ",")))


def foreign_near(text: str, start: int, end: int, width: int = 40) -> bool:
    """Whether text[start:end] stands amid words of another language: two of their function words,
    or two words with letters English does not use ("Si el Senado no me ratifica, seré ...")."""
    window = text[max(0, start - width) : start] + " " + text[end : end + width]
    if window.isascii():  # most windows: _WORD's words are _ASCII_WORD's, none accented
        return sum(word in FOREIGN_FUNCTION_WORDS for word in _ASCII_WORD.findall(window.lower())) >= 2
    around = _WORD.findall(window)
    foreign = sum(word.lower() in FOREIGN_FUNCTION_WORDS for word in around)
    accented = sum(not word.isascii() for word in around)
    return foreign >= 2 or accented >= 2


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        ),
        start=1,
    )
    for name in names.split()
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
# Where a story states its own date: front matter, an HTML meta or <time> element, a "Date:" line,
# or a dateline in its first lines ("KYIV, March 3, 2004 (Reuters) -", "3 March 2004").
_DECLARED_DATE = lazy(
    r"(?im:^(?:date|published|pubdate|created)[ \t]*:[ \t]*[\"']?|(?:name|property|itemprop)=[\"']"
    r"(?:date|pubdate|publish[-_]?date|article:published_time|datePublished|DC\.date(?:\.issued)?)[\"'][^>]*?"
    r"content=[\"']|<time[^>]*?datetime=[\"'])(?P<iso>\d{4}-\d{2}-\d{2})"
)
_WRITTEN_DATE = lazy(
    r"(?i:\b(?:"
    + _MONTH
    + r"[ \t]+(?P<day>\d{1,2}),?[ \t]+|(?P<day2>\d{1,2})[ \t]+"
    + _MONTH.replace("month", "month2")
    + r",?[ \t]+)(?P<year>(?:19|20)\d{2})\b|\b(?P<iso>(?:19|20)\d{2}-\d{2}-\d{2})\b)"
)
DATELINE_REACH = 300  # characters at the top of a story where a dateline may stand
DECLARED_REACH = 4000  # characters of a file's head where it may declare its date
# What every declared or written date holds, found fast (a literal first, or a short class, on
# `re`): most stories hold none, and then the patterns above are never tried at every position.
_ISO_DATE_TAIL = lazy(r"-\d\d-\d\d", engine="re")
_CENTURY = lazy(r"(?:19|20)\d\d", engine="re")


def story_date(source: str, text: str) -> date | None:
    """The date a story gives itself, if any: a declared one in the file's head (front matter, a
    meta or <time> element, a "Date:" line), else a dateline: a date that opens one of the first
    lines ("KYIV, March 3, 2004 (Reuters) -", "3 March 2004"), not a date the story tells of."""
    declared = _ISO_DATE_TAIL.search(source, 0, DECLARED_REACH) and _DECLARED_DATE.search(source, 0, DECLARED_REACH)
    if declared:
        return _iso(declared.group("iso"))
    if not _CENTURY.search(text, 0, DATELINE_REACH):
        return None  # no year at the top: no dateline
    for line in _FIRST_LINES.finditer(text, 0, DATELINE_REACH):
        written = _WRITTEN_DATE.search(line.group())
        if (
            written
            and _DATELINE_BEFORE.fullmatch(line.group()[: written.start()])
            and _DATELINE_AFTER.match(line.group(), written.end())
        ):
            return _written(written)
    return None


# `datetime` is imported where a date is made, not with this module: most runs make none (a story's
# date is read only for a consistency rule with a `since`), and it costs ~1.5 ms of every start-up.


def _written(written: regex.Match) -> date | None:
    from datetime import date

    if written.group("iso"):
        return _iso(written.group("iso"))
    month = _MONTHS[(written.group("month") or written.group("month2")).lower()]
    day = int(written.group("day") or written.group("day2"))
    try:
        return date(int(written.group("year")), month, day)
    except ValueError:
        return None


_FIRST_LINES = lazy(r"(?m)^[^\r\n]+")
# A dateline's date comes first on its line, or after a place in capitals; then the agency, a dash,
# a bar or the end of the line.
_DATELINE_BEFORE = lazy(r"(?:(?:[Pp]ublished|[Uu]pdated|[Pp]osted)[ \t]*:?[ \t]*|[\p{Lu}\p{N} .,'’()/-]*)")
_DATELINE_AFTER = lazy(r"[ \t]*(?:\(|[-—–|]|$)")


_YEAR = lazy(r"(?<![\p{N}$£€.,-])(?:19|20)\d{2}(?![\p{N}%]|\.\d|,\d)")


def latest_year(text: str) -> int | None:
    """The latest year a story mentions: it was written that year or later. Without a date of its
    own, this is the best a reader can tell of when it was written."""
    years = [int(match.group()) for match in _years(text)]
    return max(years) if years else None


def _years(text: str) -> Iterator[regex.Match]:
    """What _YEAR.finditer(text) finds, tried only where "19" or "20" starts: every match starts
    there, and str.find reaches them faster than _YEAR, led by a look-behind, is tried at every
    position. Each is matched as finditer would: past the last match, reading the text before."""
    pos = 0
    for start in places.positions(text, ("19", "20")):
        if start >= pos and (match := _YEAR.match(text, start)) is not None:
            yield match
            pos = match.end()


def year_end(year: int) -> date:
    """The last day of the year: the latest a story that mentions no later year was written."""
    from datetime import date

    return date(year, 12, 31)


def _iso(text: str) -> date | None:
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def inside(spans: Sequence[Span], starts: Sequence[int], start: int, end: int) -> bool:
    """Whether text[start:end] lies inside one of `spans` (sorted, not overlapping; `starts` their starts)."""
    index = bisect_right(starts, start) - 1
    return index >= 0 and end <= spans[index].end
