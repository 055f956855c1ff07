"""A decoded text and what rules share about it, each computed once, on first use."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from functools import cached_property

from newslint import filenames, quotes, segmentation, structure
from newslint.findings import Finding, Fix
from newslint.formats import plaintext
from newslint.formats.prose import Comment, ProseView
from newslint.regexes import LiteralIndex, lazy
from newslint.spans import Span, Word

_LETTERS = lazy(r"[^\W\d_]+", engine="re")
_LINE_BREAK = lazy(r"\r\n|\r|\n")


class Document:
    """Text to lint. Offsets are 0-based code points; lines and columns are 1-based.

    `text` is what the rules read. For plain text it is the file itself; for Markdown and HTML it
    is the prose of the file (see formats/prose.py), and `source_span` maps its offsets back.
    """

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
        self._line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(self.source)]
        self._words_by_paragraph: dict[int, list[Word]] = {}
        self._literal_index: LiteralIndex | None = None

    @classmethod
    def from_view(cls, view: ProseView, source: str, path: str = "-") -> Document:
        return cls(view.text, path, view=view, source=source)

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

    @cached_property
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

    @cached_property
    def paragraphs(self) -> list[Span]:
        if self._given_paragraphs is not None:
            return list(self._given_paragraphs)
        return plaintext.paragraphs(self.text)

    @cached_property
    def word_set(self) -> frozenset[str]:
        """Every run of letters in the text, as written: cheap tests of which words occur."""
        return frozenset(_LETTERS.findall(self.text))

    @cached_property
    def folded(self) -> str:
        """The text in lowercase, for cheap containment tests (not for offsets)."""
        return self.text.lower()

    def use_literal_index(self, index: LiteralIndex) -> None:
        """Find the literals of all rules in one pass (see regexes.LiteralIndex), on first need."""
        self._literal_index = index

    @cached_property
    def _literal_positions(self) -> dict[str, list[int]]:
        return self._literal_index.positions(self.folded) if self._literal_index else {}

    def literals_present(self) -> frozenset[str] | None:
        """The indexed literals that occur in the text (None: no index, or offsets misaligned)."""
        if self._literal_index is None or len(self.folded) != len(self.text):
            return None
        return frozenset(self._literal_positions)

    def paragraphs_with(self, literals: Iterable[str]) -> list[Span] | None:
        """The paragraphs whose lowercase text holds one of `literals`, in order; None when the
        lowercase text does not line up with the text (a rule then scans all of it). A rule whose
        matches hold one of its literals need look nowhere else."""
        folded = self.folded
        if len(folded) != len(self.text):
            return None  # "İ".lower() is two characters: offsets would not line up
        found: set[int] = set()
        indexed = self._literal_index.literals if self._literal_index else frozenset()
        for literal in literals:
            if literal in indexed:
                for position in self._literal_positions.get(literal, ()):
                    index = bisect_right(self._paragraph_starts_sorted, position) - 1
                    if index >= 0 and position < self.paragraphs[index].end:
                        found.add(index)
                continue
            position = folded.find(literal)
            while position >= 0:
                index = bisect_right(self._paragraph_starts_sorted, position) - 1
                if index < 0 or position >= self.paragraphs[index].end:
                    position = folded.find(literal, position + 1)  # between paragraphs
                    continue
                found.add(index)
                position = folded.find(literal, self.paragraphs[index].end)
        return [self.paragraphs[index] for index in sorted(found)]

    @cached_property
    def paragraph_starts(self) -> frozenset[int]:
        return frozenset(span.start for span in self.paragraphs)

    @cached_property
    def fragment_starts(self) -> frozenset[int]:
        """Starts of paragraphs that are fragments, not sentences: table cells, and the cut-off
        first line of a continued chunk."""
        fragments = self._view.fragments if self._view is not None else frozenset()
        if self.continued and self.paragraphs:
            fragments = fragments | {self.paragraphs[0].start}
        return fragments

    @cached_property
    def sentences(self) -> list[Span]:
        return segmentation.sentences(self.text, self.paragraphs)

    @cached_property
    def quote_structure(self) -> quotes.QuoteStructure:
        return quotes.analyse(self.text, self.paragraphs)

    @cached_property
    def quotations(self) -> list[Span]:
        return self.quote_structure.quotations

    @cached_property
    def speaker_labels(self) -> list[Span]:
        """Labels of an interview transcript ("Q:", "((WN))"): no prose, for no rule to judge."""
        return structure.speaker_labels(self.text, self.paragraphs)

    @cached_property
    def _verbatim(self) -> tuple[list[Span], list[int]]:
        answers = structure.transcript_answers(self.text, self.paragraphs, self.speaker_labels)
        merged = _merged(list(answers) + list(self.quoted_documents))
        return merged, [span.start for span in merged]

    @cached_property
    def quoted_documents(self) -> list[Span]:
        """Written text quoted verbatim (statements, posts, block quotations): its spellings are the source's."""
        return structure.quoted_documents(self.text, self.paragraphs, self.quotations)

    def in_verbatim(self, start: int, end: int) -> bool:
        """Whether text[start:end] is somebody else's words kept as they were: an interviewee's
        answer in a transcript, or a quoted document."""
        spans, starts = self._verbatim
        return structure.inside(spans, starts, start, end)

    @cached_property
    def _quoted_document_starts(self) -> list[int]:
        return [span.start for span in self.quoted_documents]

    def in_quoted_document(self, start: int, end: int) -> bool:
        return structure.inside(self.quoted_documents, self._quoted_document_starts, start, end)

    def in_speaker_label(self, start: int, end: int) -> bool:
        """Whether text[start:end] touches a speaker label (labels start paragraphs: the one that
        starts last before `end` is the only one that can reach in)."""
        labels = self.speaker_labels
        index = bisect_left(self._speaker_label_starts, end) - 1 if labels else -1
        return index >= 0 and labels[index].end > start

    @cached_property
    def _speaker_label_starts(self) -> list[int]:
        return [label.start for label in self.speaker_labels]

    @cached_property
    def date(self) -> date | None:
        """The date the story gives itself (front matter, a meta element, a dateline), if any."""
        return structure.story_date(self.source, self.text)

    @cached_property
    def written_by(self) -> date | None:
        """The latest the story can have been written, as far as the text tells: its own date, else
        the end of the latest year it mentions (None: nothing to tell)."""
        if self.date is not None:
            return self.date
        year = structure.latest_year(self.text)
        return date(year, 12, 31) if year else None

    @cached_property
    def headline(self) -> Span | None:
        return structure.headline(self.text, self.paragraphs)

    @cached_property
    def _quoted(self) -> tuple[list[Span], list[int]]:
        """The quoted stretches, nested quotations merged into the one around them, and their starts."""
        merged = _merged(self.quotations)
        return merged, [span.start for span in merged]

    @cached_property
    def urls(self) -> list[Span]:
        """What is never prose: URLs, addresses, handles, file names, HTML entities, dotted names
        (sorted, overlapping ones merged)."""
        return _merged(segmentation.urls(self.text) + segmentation.names_and_files(self.text))

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [span.start for span in self.sentences]

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
        index = max(bisect_right(self._paragraph_starts_sorted, start) - 1, 0)
        while index < len(self.paragraphs) and self.paragraphs[index].start < end:
            words = self._paragraph_words(index)
            for word in words[bisect_left(words, start, key=lambda word: word.start) :]:
                if word.end > end:
                    break
                found.append(word)
            index += 1
        return found

    @cached_property
    def _paragraph_starts_sorted(self) -> list[int]:
        return [span.start for span in self.paragraphs]

    def in_one_paragraph(self, start: int, end: int) -> bool:
        """Whether text[start:end] lies inside a single paragraph."""
        index = bisect_right(self._paragraph_starts_sorted, start) - 1
        return index >= 0 and end <= self.paragraphs[index].end

    def sentence_index(self, offset: int) -> int:
        """Index in `sentences` of the sentence holding offset (or the one before it)."""
        return max(bisect_right(self._sentence_starts, offset) - 1, 0)

    def in_quotation(self, offset: int) -> bool:
        spans, starts = self._quoted
        index = bisect_right(starts, offset) - 1
        return index >= 0 and offset < spans[index].end

    @cached_property
    def _url_starts(self) -> list[int]:
        return [span.start for span in self.urls]

    def overlaps_url(self, start: int, end: int) -> bool:
        # URL spans do not overlap each other: only the last one starting before `end` can reach in.
        index = bisect_left(self._url_starts, end) - 1
        return index >= 0 and self.urls[index].end > start

    @cached_property
    def _non_prose(self) -> tuple[list[int], list[Span]]:
        """URLs, file names, paths, HTML entities and dotted names, merged into spans that do not
        overlap; and their starts."""
        merged = _merged([*self.urls, *filenames.file_names(self.text)])
        return [span.start for span in merged], merged

    def overlaps_non_prose(self, start: int, end: int) -> bool:
        """Whether text[start:end] reaches into a URL, a file name or a path: never prose."""
        starts, spans = self._non_prose
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
