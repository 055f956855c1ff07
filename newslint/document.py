"""A decoded text and what rules share about it, each computed once, on first use."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property
from itertools import repeat
from typing import TYPE_CHECKING, Any, ClassVar

from newslint import filenames, quotes, segmentation, structure
from newslint.findings import Finding, Fix
from newslint.formats import plaintext
from newslint.formats.prose import Comment, ProseView
from newslint.linebreaks import line_starts
from newslint.regexes import lazy
from newslint.spans import Span, Word
from newslint.triggers import ANYWHERE, TriggerIndex, Triggers

if TYPE_CHECKING:
    from datetime import date


class cached_without_lock(cached_property):  # a decorator, named as the one it stands for
    """functools.cached_property without the lock that Python 3.10 and 3.11 take at every first
    use (3.12 dropped it): some ten of a document's properties are computed for every story. Two
    threads reading one document at once (none does) would at worst both compute one."""

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.attrname] = self.func(instance)
        return value


class Document:
    """Text to lint. Offsets are 0-based code points; lines and columns are 1-based.

    `text` is what the rules read. For plain text it is the file itself; for Markdown and HTML it
    is the prose of the file (see formats/prose.py), and `source_span` maps its offsets back.
    """

    bilingual: ClassVar[bool] = False  # a translation read with its source (bitext.document)

    def __init__(
        self,
        text: str,
        path: str = "-",
        paragraphs: Sequence[Span] | None = None,
        view: ProseView | None = None,
        source: str | None = None,
        continued: bool = False,
    ) -> None:
        self.text = text
        # A chunk of a long file cut inside a paragraph: its first line is no paragraph start.
        self.continued = continued
        self.path = path
        self.source = text if source is None else source
        self._view = view
        self._given_paragraphs = view.paragraphs if view is not None else paragraphs
        self._words_by_paragraph: dict[int, list[Word]] = {}
        self._sentences_by_paragraph: dict[int, list[Span]] = {}
        self._triggers: TriggerIndex | None = None
        self._windows: dict[int, tuple[Triggers, list[Span] | None]] = {}  # see windows_for

    @classmethod
    def from_view(cls, view: ProseView, source: str, path: str = "-") -> Document:
        return cls(view.text, path, view=view, source=source)

    @cached_without_lock
    def _line_starts(self) -> list[int]:
        """Where each line of the source starts: asked only to place findings and directives, and
        most documents have neither."""
        return line_starts(self.source)

    def position(self, source_offset: int) -> tuple[int, int]:
        """(line, column) of a code-point offset into the source."""
        line = bisect_right(self._line_starts, source_offset)
        return line, source_offset - self._line_starts[line - 1] + 1

    def finding(self, start: int, end: int, rule: str, severity: str, message: str, fix: Fix | None = None) -> Finding:
        """A finding at source offsets start..end, with its lines and columns."""
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Finding(self.path, start, end, line, column, end_line, end_column, rule, severity, message, fix)  # type: ignore[arg-type]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Where text[start:end] lies in the source."""
        if self._view is None:
            return start, end
        return self._view.source_start(start), max(self._view.source_end(end), self._view.source_start(start))

    def can_edit(self, start: int, end: int) -> bool:
        """Whether text[start:end] can be replaced in the source without touching markup."""
        return self._view is None or self._view.is_verbatim(start, end)

    @cached_without_lock
    def comments(self) -> list[Comment]:
        """Comments of the markup; in plain text, suppression directives on lines of their own."""
        if self._view is not None:
            return self._view.comments
        return [Comment(span, text) for span, text in plaintext.directive_lines(self.text)]

    def lines(self, after: int = 0) -> Iterator[tuple[int, int]]:
        """(start, end) of each line of the source after line number `after`, without its break."""
        for index in range(after, len(self._line_starts)):
            start = self._line_starts[index]
            end = self._line_starts[index + 1] if index + 1 < len(self._line_starts) else len(self.source)
            while end > start and self.source[end - 1] in "\r\n":
                end -= 1
            yield start, end

    @cached_without_lock
    def paragraphs(self) -> list[Span]:
        if self._given_paragraphs is not None:
            return list(self._given_paragraphs)
        return plaintext.paragraphs(self.text)

    @cached_without_lock
    def folded(self) -> str:
        """The text in lowercase, for cheap containment tests (not for offsets), with the long s
        as "s": the `regex` module, ignoring case, takes "timeſ" for "times", and a trigger or a
        literal looked for here must be found wherever a rule's pattern can match."""
        folded = lowercase(self.text)
        return folded.replace("ſ", "s") if "ſ" in folded else folded

    def use_triggers(self, index: TriggerIndex) -> None:
        """Find the triggers of all rules in one pass (see triggers.py), on first need."""
        self._triggers = index

    @cached_without_lock
    def _trigger_positions(self) -> dict[str, list[int]]:
        return self._triggers.positions(self.folded) if self._triggers else {}

    @cached_without_lock
    def aligned(self) -> bool:
        """Whether offsets into the lowercase text are offsets into the text ("İ".lower() is two
        characters)."""
        return len(self.folded) == len(self.text)

    @cached_without_lock
    def triggers_present(self) -> frozenset[str] | None:
        """The indexed triggers that occur in the text (None: no index, or offsets misaligned)."""
        if self._triggers is None or not self.aligned:
            return None
        return self._triggers.present(self.folded, self._trigger_positions)

    def holds_any(self, triggers: Triggers) -> bool:
        """Whether the text may hold one of the triggers (True when it cannot tell)."""
        present = self.triggers_present
        return present is None or not present.isdisjoint(triggers.all)

    def trigger_positions(self, trigger: str, standing: int = ANYWHERE) -> list[int] | None:
        """Where an indexed trigger starts in the text, at least wherever it stands as asked
        (ANYWHERE, AT_WORD_START, AS_WORD); None: not indexed so, or offsets misaligned."""
        index = self._triggers
        if index is None or not self.aligned or not index.indexed(trigger, standing):
            return None
        return self._trigger_positions.get(trigger, [])

    def windows_for(self, triggers: Triggers) -> list[Span] | None:
        """Where a rule with these triggers need look: the paragraphs that hold one, or None (the
        whole text) when a trigger is a single mark, which most paragraphs hold."""
        if any(len(string) == 1 for string in triggers.strings):
            return None
        # Asked once per pattern of a rule; keyed by identity, the triggers kept alive with the
        # answer so that their id cannot be reused (hashing them would cost more than it saves).
        known = self._windows.get(id(triggers))
        if known is None:
            index = self._triggers
            indexed, others = index.sorted_out(triggers) if index is not None else ((), triggers.how())
            known = self._windows[id(triggers)] = (triggers, self._paragraphs_holding(indexed, others))
        return known[1]

    def paragraphs_holding(self, triggers: Iterable[tuple[str, int]]) -> list[Span] | None:
        """The paragraphs whose lowercase text holds one of the triggers, standing as told (see
        triggers.how), in order; None when the lowercase text does not line up with the text (a
        rule then scans all of it). A rule whose matches hold a trigger need look nowhere else."""
        index = self._triggers
        return self._paragraphs_holding(*(index.split(triggers) if index is not None else ((), triggers)))

    def _paragraphs_holding(self, indexed: Iterable[str], others: Iterable[tuple[str, int]]) -> list[Span] | None:
        """paragraphs_holding, of the triggers the shared scan places as asked (`indexed`: their
        places are read) and the others (looked for with str.find, anywhere)."""
        folded = self.folded
        if not self.aligned:
            return None  # "İ".lower() is two characters: offsets would not line up
        paragraphs, starts, positions = self.paragraphs, self._paragraph_starts_sorted, self._trigger_positions
        # paragraph_index() of every place at once: one past the index of the paragraph that
        # starts last at or before it; the place is in that paragraph if before its end.
        places = [place for text in indexed for place in positions.get(text, ())]
        found = {
            after - 1
            for after, place in zip(map(bisect_right, repeat(starts), places), places)
            if after and place < paragraphs[after - 1].end
        }
        for literal, _ in others:
            position = folded.find(literal)
            while position >= 0:
                index = bisect_right(starts, position) - 1
                if index < 0 or position >= paragraphs[index].end:
                    position = folded.find(literal, position + 1)  # between paragraphs
                    continue
                found.add(index)
                position = folded.find(literal, paragraphs[index].end)
        return [paragraphs[index] for index in sorted(found)]

    @cached_without_lock
    def paragraph_starts(self) -> frozenset[int]:
        return frozenset(span.start for span in self.paragraphs)

    @cached_without_lock
    def fragment_starts(self) -> frozenset[int]:
        """Starts of paragraphs that are fragments, not sentences: table cells, and the cut-off
        first line of a continued chunk."""
        fragments = self._view.fragments if self._view is not None else frozenset()
        if self.continued and self.paragraphs:
            fragments = fragments | {self.paragraphs[0].start}
        return fragments

    @cached_without_lock
    def sentences(self) -> list[Span]:
        return [sentence for index in range(len(self.paragraphs)) for sentence in self.paragraph_sentences(index)]

    def paragraph_sentences(self, index: int) -> list[Span]:
        """The sentences of one paragraph, segmented the first time a rule asks (a sentence never
        crosses a paragraph: rules that need a few sentences need not segment the others)."""
        cached = self._sentences_by_paragraph.get(index)
        if cached is None:
            cached = self._sentences_by_paragraph[index] = segmentation.sentences(self.text, [self.paragraphs[index]])
        return cached

    def paragraph_index(self, offset: int) -> int:
        """Index of the paragraph that starts last at or before offset (-1: none)."""
        return bisect_right(self._paragraph_starts_sorted, offset) - 1

    def sentence_at(self, offset: int) -> tuple[Span, Span | None]:
        """The sentence holding offset (or the one before it), and the sentence before that one
        (None for the first), as `sentences` tells them, but segmenting only
        the paragraphs needed."""
        index, position = self._sentence_place(offset)
        sentences = self.paragraph_sentences(index)
        if position > 0:
            return sentences[position], sentences[position - 1]
        before = index - 1
        while before >= 0 and not self.paragraph_sentences(before):
            before -= 1
        return sentences[0], (self.paragraph_sentences(before)[-1] if before >= 0 else None)

    def sentence_holding(self, offset: int) -> Span:
        """sentence_at(offset)[0], without the sentence before it: finding that one segments the
        paragraph before when offset lies in a paragraph's first sentence."""
        index, position = self._sentence_place(offset)
        return self.paragraph_sentences(index)[position]

    def _sentence_place(self, offset: int) -> tuple[int, int]:
        """(paragraph index, index among its sentences) of the sentence holding offset, or of the
        one before it (the first sentence of the text for an offset before it)."""
        index = self.paragraph_index(offset)
        if index < 0:
            index = self._next_paragraph_with_sentences(0)
            if index is None:
                raise IndexError("no sentences")
            return index, 0
        while index >= 0 and not self.paragraph_sentences(index):
            index -= 1
        if index < 0:
            return self._sentence_place(-1)
        return index, max(bisect_right(self.paragraph_sentences(index), offset, key=_start) - 1, 0)

    def _next_paragraph_with_sentences(self, index: int) -> int | None:
        while index < len(self.paragraphs):
            if self.paragraph_sentences(index):
                return index
            index += 1
        return None

    @cached_without_lock
    def quote_structure(self) -> quotes.QuoteStructure:
        return quotes.analyse(self.text, self.paragraphs)

    @cached_without_lock
    def quotations(self) -> list[Span]:
        return self.quote_structure.quotations

    @cached_without_lock
    def speaker_labels(self) -> list[Span]:
        """Labels of an interview transcript ("Q:", "((WN))"): no prose, for no rule to judge."""
        return structure.speaker_labels(self.text, self.paragraphs)

    @cached_without_lock
    def _verbatim(self) -> tuple[list[Span], list[int]]:
        answers = structure.transcript_answers(self.text, self.paragraphs, self.speaker_labels)
        merged = _merged(list(answers) + list(self.quoted_documents))
        return merged, [span.start for span in merged]

    @cached_without_lock
    def quoted_documents(self) -> list[Span]:
        """Written text quoted verbatim (statements, posts, block quotations): its spellings are the
        source's. Nested quotations are merged into the one around them."""
        return _merged(structure.quoted_documents(self.text, self.paragraphs, self.quotations))

    def in_verbatim(self, start: int, end: int) -> bool:
        """Whether text[start:end] is somebody else's words kept as they were: an interviewee's
        answer in a transcript, or a quoted document (without speaker labels, there is no answer)."""
        if not self.speaker_labels:
            return self.in_quoted_document(start, end)
        spans, starts = self._verbatim
        return structure.inside(spans, starts, start, end)

    def in_quoted_document(self, start: int, end: int) -> bool:
        """Whether text[start:end] lies inside a quoted document. Each lies inside a quoted
        stretch, and whether a quotation is one is told of it alone: so only the quotations of the
        stretch around the span are asked (most spans are in none, and most stretches never asked)."""
        stretches, starts = self._quoted
        index = bisect_right(starts, start) - 1
        if index < 0 or end > stretches[index].end:
            return False
        found = self._documents_by_stretch.get(index)
        if found is None:
            documents = self._quoted_documents_in(stretches[index])
            found = self._documents_by_stretch[index] = (documents, [document.start for document in documents])
        return structure.inside(*found, start, end)

    @cached_without_lock
    def _documents_by_stretch(self) -> dict[int, tuple[list[Span], list[int]]]:
        return {}  # by the index of a quoted stretch: the quoted documents inside it, and their starts

    def _quoted_documents_in(self, stretch: Span) -> list[Span]:
        """quoted_documents, of the quotations inside one quoted stretch."""
        quotations = self.quotations
        first = bisect_left(quotations, stretch.start, key=_start)
        last = bisect_left(quotations, stretch.end, lo=first, key=_start)
        return _merged(structure.quoted_documents(self.text, self.paragraphs, quotations[first:last]))

    def in_speaker_label(self, start: int, end: int) -> bool:
        """Whether text[start:end] touches a speaker label (labels start paragraphs: the one that
        starts last before `end` is the only one that can reach in). Until the labels are found,
        the paragraphs it touches tell whether one may open there (most have no colon)."""
        if "speaker_labels" not in self.__dict__ and not self._may_touch_label(start, end):
            return False
        return _reaches_into(self.speaker_labels, self._speaker_label_starts, start, end)

    def _may_touch_label(self, start: int, end: int) -> bool:
        """Whether one of the paragraphs that text[start:end] touches may open with a label."""
        index = bisect_left(self._paragraph_starts_sorted, end) - 1  # the last that starts before end
        while index >= 0 and self.paragraphs[index].end > start:
            if structure.may_open_with_label(self.text, self.paragraphs[index]):
                return True
            index -= 1
        return False

    @cached_without_lock
    def _speaker_label_starts(self) -> list[int]:
        return [label.start for label in self.speaker_labels]

    @cached_without_lock
    def date(self) -> date | None:
        """The date the story gives itself (front matter, a meta element, a dateline), if any."""
        return structure.story_date(self.source, self.text)

    @cached_without_lock
    def written_by(self) -> date | None:
        """The latest the story can have been written, as far as the text tells: its own date, else
        the end of the latest year it mentions (None: nothing to tell)."""
        if self.date is not None:
            return self.date
        year = structure.latest_year(self.text)
        return structure.year_end(year) if year else None

    @cached_without_lock
    def headline(self) -> Span | None:
        return structure.headline(self.text, self.paragraphs)

    @cached_without_lock
    def _quoted(self) -> tuple[list[Span], list[int]]:
        """The quoted stretches, nested quotations merged into the one around them, and their starts."""
        merged = _merged(self.quotations)
        return merged, [span.start for span in merged]

    @cached_without_lock
    def urls(self) -> list[Span]:
        """What is never prose: URLs, addresses, handles, file names, HTML entities, dotted names
        (sorted, overlapping ones merged)."""
        return _merged(segmentation.urls(self.text) + segmentation.names_and_files(self.text))

    def _paragraph_words(self, index: int) -> list[Word]:
        """Words of one paragraph, tokenised the first time a rule asks and then shared."""
        cached = self._words_by_paragraph.get(index)
        if cached is None:
            span = self.paragraphs[index]
            cached = self._words_by_paragraph[index] = segmentation.words(self.text, span.start, span.end)
        return cached

    def words_between(self, start: int, end: int) -> list[Word]:
        """The words that lie wholly inside text[start:end]."""
        found: list[Word] = []
        index = max(self.paragraph_index(start), 0)
        while index < len(self.paragraphs) and self.paragraphs[index].start < end:
            found += self._paragraph_words_between(index, start, end)
            index += 1
        return found

    def _paragraph_words_between(self, index: int, start: int, end: int) -> list[Word]:
        """The words of one paragraph that lie wholly inside text[start:end]. A pronoun's window
        holds part of a paragraph: only that part is tokenised, unless the paragraph's words are
        known (or the window holds it all: they are then tokenised once, for every window)."""
        paragraph = self.paragraphs[index]
        words = self._words_by_paragraph.get(index)
        if words is None and (start > paragraph.start or end < paragraph.end):
            # A word cut at an edge of the margin leaves a piece that starts before `start` or
            # ends after `end` (a joiner stands alone between letters), left out as the word is.
            cut_start = max(paragraph.start, start - _WORD_CUT_MARGIN)
            words = segmentation.words(self.text, cut_start, min(paragraph.end, end + _WORD_CUT_MARGIN))
        elif words is None:
            words = self._paragraph_words(index)
        found = words[bisect_left(words, start, key=lambda word: word.start) :]
        return found[: bisect_right(found, end, key=lambda word: word.end)]

    @cached_without_lock
    def _paragraph_starts_sorted(self) -> list[int]:
        return [span.start for span in self.paragraphs]

    def in_one_paragraph(self, start: int, end: int) -> bool:
        """Whether text[start:end] lies inside a single paragraph."""
        index = self.paragraph_index(start)
        return index >= 0 and end <= self.paragraphs[index].end

    def in_quotation(self, offset: int) -> bool:
        return self.quoted_stretch(offset) is not None

    def quoted_stretch(self, offset: int) -> Span | None:
        """The quoted stretch (nested quotations merged into the one around them) holding offset."""
        spans, starts = self._quoted
        index = bisect_right(starts, offset) - 1
        return spans[index] if index >= 0 and offset < spans[index].end else None

    @cached_without_lock
    def _url_starts(self) -> list[int]:
        return [span.start for span in self.urls]

    def overlaps_url(self, start: int, end: int) -> bool:
        return _reaches_into(self.urls, self._url_starts, start, end)

    @cached_without_lock
    def _non_prose(self) -> tuple[list[Span], list[int]]:
        """URLs, file names, paths, HTML entities and dotted names, merged into spans that do not
        overlap; and their starts."""
        merged = _merged([*self.urls, *filenames.file_names(self.text)])
        return merged, [span.start for span in merged]

    def overlaps_non_prose(self, start: int, end: int) -> bool:
        """Whether text[start:end] reaches into a URL, a file name or a path: never prose. Most
        hits stand among plain words, which tell it without finding the URLs of the whole text
        (once they are found, they tell it faster)."""
        if "_non_prose" not in self.__dict__ and not _may_reach_non_prose(self.text, start, end):
            return False
        return _reaches_into(*self._non_prose, start, end)


def _start(span: Span) -> int:
    return span.start


_ASCII_BYTES = bytes(range(128))
# Past a quarter more UTF-8 bytes than characters (one or two more for each character beyond
# ASCII), str.lower() is quicker than the bytes (measured: 2,940 characters, 37% more bytes: 9.1
# vs 10.5 us; 18%: 7.8 vs 5.7 us). News copy in English: a median of 0.2%, at most 14%.
_MOSTLY_BEYOND_ASCII = 4
_SAMPLE = 256  # characters


def _mostly_beyond_ascii(text: str, data: bytes | None = None) -> bool:
    """Whether text (encoded as `data`) is so much beyond ASCII (Cyrillic, Chinese) that
    str.lower() is quicker than lowering its bytes: as many characters to map either way."""
    encoded = text.encode("utf-8", "surrogatepass") if data is None else data
    return len(encoded) - len(text) > len(text) // _MOSTLY_BEYOND_ASCII


def lowercase(text: str) -> str:
    """text.lower(), made through bytes.lower() (ASCII letters alone) when no character beyond
    ASCII changes: str.lower() of a text beyond ASCII takes each character's case mapping, several
    times slower than lowering its UTF-8 bytes, and in news copy most such characters (quotation
    marks, dashes) have no case. One that has ('É', 'Σ', 'İ') sends the text to str.lower()."""
    if text.isascii():
        return text.lower()  # already a byte-wide loop
    if _mostly_beyond_ascii(text[:_SAMPLE]):  # told from its start before the whole is encoded
        return text.lower()
    data = text.encode("utf-8", "surrogatepass")
    if _mostly_beyond_ascii(text, data):
        return text.lower()
    beyond_ascii = data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    if beyond_ascii.lower() != beyond_ascii:  # all of them at once: a cased one changes the whole
        return text.lower()
    return data.lower().decode("utf-8", "surrogatepass")


# No URL, address, file name, path, entity or dotted name holds a break (space, tab, line break:
# their patterns match none), and each holds one of _NON_PROSE_MARKS: "@", "#", "&", a "/" before
# more of its token ("://", a path), "www.", or a dot before a character that is no break and no
# closing mark (a domain, an extension, a dotted name) -- not the dot that ends a sentence.
_NON_PROSE_MARKS = re.compile(r"""[@#&]|/[^ \t\n\r]|[wW]{3}\.|\.[^ \t\n\r.,;:!?)\]"'”’]""")
_TOKEN_REACH = 256  # characters looked at either side of a span for the break around it
_RUN_BEFORE = lazy(r"(?r)[^ \t\n\r]*")  # the characters before a span, back to a break (compiled when first used)
_RUN_AFTER = re.compile(r"[^ \t\n\r]*")
_WORD_CUT_MARGIN = 2  # characters tokenised either side of a window (see _paragraph_words_between)


def _may_reach_non_prose(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] may reach into non-prose: one that does lies between the breaks
    around the span, and holds a mark there. (A run of more than _TOKEN_REACH characters without
    a break: may, for the full search to tell.)"""
    before = max(0, start - _TOKEN_REACH)
    after = min(len(text), end + _TOKEN_REACH)
    left = _RUN_BEFORE.search(text, before, start).start()  # type: ignore[union-attr]  # always a match, maybe empty
    right = _RUN_AFTER.match(text, end, after).end()  # type: ignore[union-attr]
    if (left == before and before > 0) or (right == after and after < len(text)):
        return True
    return _NON_PROSE_MARKS.search(text, left, right) is not None


def _reaches_into(spans: Sequence[Span], starts: Sequence[int], start: int, end: int) -> bool:
    """Whether text[start:end] reaches into one of `spans` (sorted, not overlapping; `starts`
    their starts): only the last one that starts before `end` can."""
    index = bisect_left(starts, end) - 1
    return index >= 0 and spans[index].end > start


def _merged(spans: Iterable[Span]) -> list[Span]:
    """Spans sorted, those that overlap or touch joined into one."""
    merged: list[Span] = []
    for span in sorted(spans):
        if merged and span.start <= merged[-1].end:
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
        else:
            merged.append(span)
    return merged
