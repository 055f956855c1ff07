"""emphasis: quotation marks that set off a term instead of quoting anybody -- the Chinese news
convention (the "double reduction" policy, the "connected travel" market) carried into English.

English news quotes words someone said, and sets a term in quotation marks when it mentions it as a
term. So a short quoted phrase is not emphasis when a speaker or a source is named in its sentence
or the one before ("accused him of "playing politics"", "a $2bn "funding gap" remains, the agency
said"); when a cue introduces it as a term ("the term", "called", "known as"), it is defined ("A
"tropical depression" is ..."), glossed (""handpaws", costume gloves") or a nickname before a name;
when it names a grade on a scale ("raised the risk from "moderate" to "high""); and when it stands
inside somebody's quoted or transcribed words. Even then, a pair of scare quotes in a long story is
a writer's choice: the translation pattern is a habit, so a story is flagged only when it holds
several such quoted phrases (single quoted words are flagged in such a story but do not count
towards the habit: alone they are too often words quoted from somebody). A text too short to show
a habit (a headline, a caption, a sentence) is judged quotation by quotation.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from functools import cached_property
from typing import Any

from newslint.document import Document
from newslint.regexes import compile_literals, lazy
from newslint.rules import options as opt
from newslint.rules.base import Hit, LoadContext, Rule
from newslint.rules.options import Option
from newslint.spans import Span
from newslint.triggers import Triggers

_OPENING = '"“'
_CLOSING = '"”'
# The quoted phrase: a lowercase word and up to `max_words` - 1 more.
_PHRASE = lazy(r"\p{Ll}[\p{L}\p{N}'’-]*(?:\s+[\p{L}\p{N}'’-]+)*")
# One quoted word is emphasis after a preposition ("a sign of "providence""); elsewhere it is more
# often a word quoted from somebody (measured: after an article it is right on MT less often).
_LEAD_IN = lazy(r"\b(?:of|to|for|in|on|with|as|by|from|into)\s\Z")
# "According to Alipay data, the number of new "fund holders" ...": the source of the numbers, not
# of the quoted words.
_NUMBERS_SOURCE = lazy(
    r"(?i)\s+(?:\p{Lu}[\p{L}'’]*\s+|the\s+|official\s+|latest\s+){0,3}(?:data|statistics|figures|surveys?|estimates)\b"
)
# 'pairs of "handpaws", costume gloves.': a term followed by what it means.
_GLOSS_AFTER = lazy(r",[ \t]+(?:an?[ \t]+|the[ \t]+)?\p{Ll}+(?:[ \t]+\p{Ll}+)?[ \t]*[.;]")
# "It is reported that ...": a formula that names no source (Chinese 据报道).
_NO_SOURCE = lazy(r"(?i)\bit[ \t]+(?:is|was|has[ \t]+been)[ \t]+\Z")
# A nickname stands before the name it belongs to: two capitalised words.
_NAME_AFTER = lazy(r"[ \t]+\p{Lu}\p{Ll}+[ \t]+\p{Lu}\p{Ll}+")
_DEFINED_AFTER = lazy(r"\s+(?:is|are|was|were|means|meant|refers)\b")


class Emphasis(Rule):
    kind = "emphasis"
    options = {
        "attribution": Option(opt.non_empty_string_list, required=True),
        "mentions": Option(opt.string_list, default=()),
        "scales": Option(opt.string_list, default=()),
        "max_words": Option(opt.non_negative_number, default=4),
        "min_count": Option(opt.non_negative_number, default=2),
        "min_per_1000_words": Option(opt.non_negative_number, default=3),
        "short_text_words": Option(opt.non_negative_number, default=60),
    }

    def configure(self, options: dict[str, Any], context: LoadContext) -> None:
        self._attribution = _CaseBlind(options["attribution"])
        mentions = options["mentions"]
        self._mention_before = lazy(
            "(?i:" + compile_literals(mentions).source + r")[\s,:]*(?:the\s+|a\s+|an\s+)?\Z" if mentions else r"(?!)"
        )
        scales = options["scales"]
        self._scale = _CaseBlind(scales) if scales else None
        self._max_words = int(options["max_words"])
        self._min_count = options["min_count"]
        self._min_density = options["min_per_1000_words"]
        self._short_text = options["short_text_words"]

    def triggers(self) -> Triggers | None:
        return self.declared_triggers or Triggers(strings=frozenset(_OPENING))

    def hits(self, doc: Document) -> Iterator[Hit]:
        text = doc.text
        if '"' not in text and "“" not in text:
            return
        short_phrases = [span for span in doc.quotations if self._is_short_phrase(text, span.start, span.end)]
        if not short_phrases:
            return
        # A headline, a caption, a sentence: too short to show a habit.
        short = _fewer_words_than(text, self._short_text)
        words = _WordCount(text)  # the story's words, counted only when its phrases are enough to show a habit
        if not short and not self._shows_a_habit(_phrases_in(text, short_phrases), words):
            return  # not even if none of them quoted anybody: their context need not be read
        candidates = [span for span in short_phrases if self._quotes_nobody(doc, span.start, span.end)]
        if not short and not self._shows_a_habit(_phrases_in(text, candidates), words):
            return  # a pair of scare quotes or two in a long story is a writer's choice, not a habit;
            # and quoted single words are too often quoted from somebody to show the habit alone
        for start, end in candidates:
            yield Hit(start, end)

    def _shows_a_habit(self, phrases: int, words: _WordCount) -> bool:
        """Whether quoted phrases of several words are many enough, and dense enough, to be a habit:
        dense enough among as many words as the text may have, or else among those it has."""
        if phrases < self._min_count:
            return False
        if words.most is not None and 1000 * phrases >= self._min_density * words.most:
            return True  # among fewer words, they are denser
        return 1000 * phrases >= self._min_density * words.count

    def _is_short_phrase(self, text: str, start: int, end: int) -> bool:
        """Whether text[start:end] is a short quoted phrase that may be emphasis, as far as its own
        words tell: told without the context, which most quotations need not have read."""
        if end - start < 3 or text[start] not in _OPENING or text[end - 1] not in _CLOSING:
            return False
        first = text[start + 1]
        if first.isascii() and not first.islower():
            return False  # no \p{Ll}, as _PHRASE wants ("We ...": most quotations are told so)
        inner = text[start + 1 : end - 1]
        count = len(inner.split(maxsplit=self._max_words))  # max_words + 1 at most: told too long before _PHRASE
        if count > self._max_words or "\n" in inner or not _PHRASE.fullmatch(inner):
            return False
        if count == 1 and not _LEAD_IN.search(text, max(0, start - 8), start):
            return False
        return end >= len(text) or not (text[end].isalnum() or text[end] in "'’")

    def _quotes_nobody(self, doc: Document, start: int, end: int) -> bool:
        """Whether a short quoted phrase quotes nobody and mentions no term as a term."""
        if doc.in_verbatim(start, end) or _inside_other_quotation(doc, start, end):
            return False  # inside somebody's words: theirs, not the writer's emphasis
        return not self._accounted_for(doc, start, end)

    def _accounted_for(self, doc: Document, start: int, end: int) -> bool:
        """Whether the context accounts for the marks: a source, a term cue, a grade, a gloss, a
        nickname, a definition."""
        text = doc.text
        sentence, before = doc.sentence_at(start)
        first = (
            before.start
            if before is not None and doc.in_one_paragraph(before.start, sentence.start)
            else sentence.start
        )
        for cue in self._attribution.finditer(doc, first, sentence.end):
            if not _NUMBERS_SOURCE.match(text, cue.end()) and not _NO_SOURCE.search(text, first, cue.start()):
                return True  # a speaker or a source named in this sentence or the one before
        before = text[max(sentence.start, start - 40) : start]
        if self._mention_before.search(before):
            return True  # "the term "natural born citizen"", "nicknamed the "king of coal""
        if self._scale is not None and self._scale.search(doc, sentence.start, start):
            return True  # "raised the risk assessment from "moderate" to "high"": a grade's name
        if _GLOSS_AFTER.match(text, end):
            return True  # 'a thousand pairs of "handpaws", costume gloves': a term and its gloss
        if _NAME_AFTER.match(text, end):
            return True  # 'the "third uncle" Wang Jixiang', 'the "Iron Lady" Margaret Thatcher': a nickname
        opens_sentence = text[sentence.start : start].strip().lower() in ("", "a", "an", "the")
        return opens_sentence and bool(_DEFINED_AFTER.match(text, end))  # 'A "tropical depression" is ...'


class _CaseBlind:
    """Literal phrases found whatever their case, where compile_literals(phrases, ignorecase=True)
    finds them (match offsets only: a match's text may be in lowercase). Case-blind matching on
    `re` is several times slower than plain matching: phrases in ASCII are found in lowercase in
    the document's folded text, which finds the same where the folding keeps every offset (no
    'İ', which lowercases to two characters) and no dotless 'ı' stands ('i' to case-blind `re`);
    the other letters case-blind `re` takes for an ASCII one, 'ſ' and the Kelvin sign, fold to it."""

    def __init__(self, phrases: list[str]) -> None:
        self._any_case = compile_literals(phrases, ignorecase=True)
        ascii_only = all(phrase.isascii() for phrase in phrases)
        self._lowercase = compile_literals([phrase.lower() for phrase in phrases]) if ascii_only else None

    def finditer(self, doc: Document, start: int, end: int) -> Iterator[Any]:
        pattern, text = self._pattern_for(doc)
        return pattern.finditer(text, start, end)

    def search(self, doc: Document, start: int, end: int) -> Any:
        pattern, text = self._pattern_for(doc)
        return pattern.search(text, start, end)

    def _pattern_for(self, doc: Document) -> tuple[Any, str]:
        lowercase = self._lowercase  # on `re` as the case-blind pattern is, or on `regex` as it is
        if lowercase is not None and lowercase.engine == "re" and _folds_in_place(doc.text, doc.folded):
            return lowercase, doc.folded
        return self._any_case, doc.text


def _folds_in_place(text: str, folded: str) -> bool:
    """Whether the folded text's offsets are the text's (each character folds to one), and it
    holds no dotless 'ı' (see _CaseBlind)."""
    return len(folded) == len(text) and "ı" not in text


def _phrases_in(text: str, quotations: list[Span]) -> int:
    """How many of the quotations hold more than one word."""
    return sum(1 for span in quotations if " " in text[span.start : span.end].strip())


class _WordCount:
    """The words of a text as str.split splits it, for a density, each found when first asked: at
    most one more than its blanks, counted with str.count where they are spaces and line breaks
    only (an ASCII text without tabs and the like: most stories); and the words themselves."""

    def __init__(self, text: str) -> None:
        self._text = text

    @cached_property
    def most(self) -> int | None:
        return _most_words(self._text)

    @cached_property
    def count(self) -> int:
        return len(self._text.split())


_OTHER_ASCII_BLANKS = "\t\r\x0b\x0c\x1c\x1d\x1e\x1f"  # what str.split splits at in ASCII, besides " " and "\n"


def _most_words(text: str) -> int | None:
    """At most how many words str.split finds in the text (one more than its blanks), where its
    only blanks are spaces and line breaks; else None."""
    if not text.isascii() or any(blank in text for blank in _OTHER_ASCII_BLANKS):
        return None
    return text.count(" ") + text.count("\n") + 1


def _fewer_words_than(text: str, limit: float) -> bool:
    """Whether len(text.split()) < limit, splitting no more of the text than it takes to tell: a
    long story is counted word by word only when its density of quoted phrases is asked."""
    if limit > len(text):
        return True  # a text has fewer words than characters
    whole_limit = math.ceil(limit)  # a count below a fraction is below the next whole number
    return len(text.split(maxsplit=whole_limit)) < whole_limit  # at most whole_limit + 1 parts


def _inside_other_quotation(doc: Document, start: int, end: int) -> bool:
    """Whether the quotation stands inside a longer one (nested marks): the quoted stretch that
    holds it (nested quotations merged into the one around them) is longer than it."""
    stretch = doc.quoted_stretch(start)
    return stretch is not None and (stretch.start < start or stretch.end > end)
