"""capitalization: proper nouns written in lowercase, and sentences that start in lowercase."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cached_property, lru_cache
from typing import Any

from newslint import lazy_regex as regex
from newslint import places
from newslint.document import Document
from newslint.regexes import LazyPattern, compile_literals, lazy, matches_at
from newslint.rules import options as opt
from newslint.rules.base import Hit, LoadContext, Rule
from newslint.rules.options import Option, OptionError
from newslint.spans import Span
from newslint.textcase import capitalize_first
from newslint.triggers import AS_WORD, Triggers

SENTENCE_ORIGINS = ("paragraph", ".", "!", "?")
_FIRST_WORD = lazy(r"[\"“‘'(\[«]*(?P<word>\p{L}[\p{L}\p{M}\p{N}]*(?:[-'’][\p{L}\p{M}\p{N}]+)*)")
_NAME_PART = lazy(r"[^\s-]+")
_TOKEN = lazy(r"[^\W\d_]+", engine="re")  # a form without letters is no slipped name
_CLOSERS_AND_SPACE = "\"”’'»)] \t\r\n"

# Name particles that house styles write in lowercase even at the start of a sentence.
LOWERCASE_PARTICLES = frozenset("de da del della di du des van von der den ter al el bin ibn la le".split())


def _after_list(value: Any) -> tuple[str, ...]:
    items = opt.non_empty_string_list(value)
    for item in items:
        if item not in SENTENCE_ORIGINS:
            raise opt._Invalid(f"{item!r} is not one of {', '.join(SENTENCE_ORIGINS)}")
    return items


class Capitalization(Rule):
    kind = "capitalization"
    default_fix = "safe"
    options = {
        "check": Option(opt.choice("proper-nouns", "sentence-start"), required=True),
        "names": Option(opt.string_list, default=()),
        "wordlists": Option(opt.string_list, default=()),
        "after": Option(_after_list, default=SENTENCE_ORIGINS),
    }

    def configure(self, options: dict[str, Any], context: LoadContext) -> None:
        self._check = options["check"]
        self._after = frozenset(options["after"])
        if self._check == "proper-nouns":
            names = list(options["names"])
            for listname in options["wordlists"]:
                names.extend(context.wordlist(listname))
            self._canonical = {name.lower(): name for name in names if name != name.lower()}
            if not self._canonical:
                raise OptionError("names", "a proper-nouns check needs `names` or `wordlists` with capitalised names")
            # A name's slipped forms are worked out when the trigger scan first finds its lowercase
            # (a story holds a few of the ~1,400 names; all of them only for triggers() unmemoised).
            self._forms_found = _FormsFound(self._canonical)
            self._lowercases = frozenset(self._canonical)  # a frozenset's & walks the smaller: the present few
            self._irregular = any(_is_irregular(name) for name in self._canonical.values() if " " in name)

    @cached_property
    def _forms_by_lowercase(self) -> dict[str, list[str]]:
        """Every slipped form of every name, by its lowercase (the forms searched for)."""
        forms_by_lowercase: dict[str, list[str]] = {}
        for form in sorted(_slipped_forms(self._canonical.values())):
            if _TOKEN.search(form):
                forms_by_lowercase.setdefault(form.lower(), []).append(form)
        return forms_by_lowercase

    @cached_property
    def _names_of_irregular_forms(self) -> dict[str, str]:
        """The name each slipped form stands for, of names whose form capitalised at the start
        lowercases to other letters than the name ("SS kong" of "ß Kong": not "ß kong")."""
        return {
            form: name for name in self._canonical.values() if _is_irregular(name) for form in _slipped_forms((name,))
        }

    def triggers(self) -> Triggers | None:
        if self._check == "proper-nouns":
            return self.declared_triggers or Triggers.of(self._forms_by_lowercase)
        return self.declared_triggers or None

    def hits(self, doc: Document) -> Iterator[Hit]:
        if self._check == "proper-nouns":
            return self._proper_noun_hits(doc)
        return self._sentence_start_hits(doc)

    def _proper_noun_hits(self, doc: Document) -> Iterator[Hit]:
        text = doc.text
        present = doc.triggers_present
        if present is None:  # not indexed (offsets misaligned): substring tests instead
            present = frozenset(lowercase for lowercase in self._forms_by_lowercase if lowercase in doc.folded)
        candidates: list[str] = []
        starts: list[int] = []
        forms_by_lowercase = self._forms_by_lowercase if self._irregular else self._forms_found
        names = self._forms_by_lowercase.keys() if self._irregular else self._lowercases
        for lowercase in present & names:
            forms = forms_by_lowercase[lowercase]
            if not forms:
                continue
            positions = doc.trigger_positions(lowercase, AS_WORD)  # where it stands, in any case
            for form in forms:
                at = _places(doc.text, positions, form)
                if at:
                    candidates.append(form)
                    starts += at
        if not candidates:
            return
        for match in matches_at(_names_pattern(tuple(sorted(candidates))), text, starts):
            written = match.group()
            canonical = self._canonical.get(written.lower()) or self._names_of_irregular_forms[written]
            if _has_lowercased_part(written, canonical):
                yield Hit(match.start(), match.end(), (canonical,))

    def _sentence_start_hits(self, doc: Document) -> Iterator[Hit]:
        text = doc.text
        for sentence in _sentences_that_may_start_lowercase(doc, self._after):
            if not _may_start_lowercase(text, sentence.start, sentence.end):
                continue  # most sentences start with a capital: where they start does not matter
            origin = self._origin(doc, sentence.start)
            if origin not in self._after:
                continue
            first = _FIRST_WORD.match(text, sentence.start, sentence.end)
            if not first:
                continue
            word = first.group("word")
            if not word[0].islower() or any(char.isupper() for char in word[1:]):
                continue  # "iPhone", "eBay": brand names keep their inner capitals
            if word.lower() in LOWERCASE_PARTICLES:
                continue
            start, end = first.span("word")
            if "[" in text[sentence.start : start] or text.startswith(")", end):
                continue  # "[laughs]", "[it] didn't": an editor's insertion; "b) the second point"
            if _written_lowercase(text, word) or _is_command(text, doc, sentence.start):
                continue
            yield Hit(start, end, (capitalize_first(word),))

    @staticmethod
    def _origin(doc: Document, start: int) -> str:
        """What comes before a sentence: `paragraph`, or the punctuation that ended the last one
        (`fragment` for a table cell, which is no sentence)."""
        if start in doc.fragment_starts:
            return "fragment"
        if start in doc.paragraph_starts:
            return "paragraph"
        pos = start - 1
        while pos >= 0 and doc.text[pos] in _CLOSERS_AND_SPACE:
            pos -= 1
        return doc.text[pos] if pos >= 0 else "paragraph"


class _FormsFound(dict[str, list[str]]):
    """The slipped forms of a name, by its lowercase, worked out for it alone when first asked
    for: those of the pass over all names (_forms_by_lowercase) when every slipped form lowercases
    to its own name's lowercase (see _is_irregular)."""

    def __init__(self, canonical: dict[str, str]) -> None:
        super().__init__()
        self._canonical = canonical

    def __missing__(self, lowercase: str) -> list[str]:
        name = self._canonical.get(lowercase)
        slipped = _slipped_forms((name,)) if name is not None else ()
        forms = self[lowercase] = sorted(form for form in slipped if _TOKEN.search(form))
        return forms


def _places(text: str, positions: list[int] | None, form: str) -> list[int]:
    """Where a slipped form of a name is written, given where the trigger scan found its lowercase
    (as a word); by a search of the text where the scan cannot tell (None)."""
    if positions is not None:
        return [at for at in positions if text.startswith(form, at)]
    return places.positions(text, (form,))


def _lowercase_after_mark(marks: str) -> LazyPattern:
    """Where a sentence inside a paragraph may start, after one of `marks`, with a letter that is
    not a capital: the mark, its closing marks, white space, and opening marks (a superset of the
    sentence starts segmentation finds there, each followed by what _FIRST_WORD matches)."""
    return lazy(rf"[{regex.escape(marks)}][\"”’'»)\]]*\s+[\"“‘'(\[«]*[\p{{Ll}}\p{{Lm}}\p{{Lo}}]")


# One pattern per mark: one that starts with a literal is searched for far faster than one that
# starts with a class of marks.
_LOWERCASE_AFTER = {mark: _lowercase_after_mark(mark) for mark in ".!?"}


# Where a period may be followed by a lowercase letter: the pattern of _lowercase_after_mark(".")
# with each class widened to what `re` has (its \s holds \x1c-\x1f too; a letter that is not an
# ASCII capital for \p{Ll}, \p{Lm} and \p{Lo}). `re` tries each of a story's thousands of periods
# ~3x faster; the few it finds are tried with the pattern itself. Each holds one period, at its
# start, as each match of the pattern does: none hides another.
_MAYBE_LOWERCASE_AFTER_PERIOD = lazy(r"\.[\"”’'»)\]]*\s+[\"“‘'(\[«]*[^\W\dA-Z_]", engine="re")


def _lowercase_after(text: str, mark: str) -> Iterator[Any]:
    """_lowercase_after_mark(mark).finditer(text), the pattern tried only where it may match: after
    a period that _MAYBE_LOWERCASE_AFTER_PERIOD finds, and at each "!" and "?" (rare), found with
    str.find (a match holds its mark only at its start: it is the one a search finds there)."""
    pattern = _LOWERCASE_AFTER[mark]
    if mark == ".":
        starts: Iterable[int] = (candidate.start() for candidate in _MAYBE_LOWERCASE_AFTER_PERIOD.finditer(text))
    else:
        starts = places.find_all(mark, text)
    for at in starts:
        match = pattern.match(text, at)
        if match:
            yield match


def _sentences_that_may_start_lowercase(doc: Document, after: frozenset[str]) -> Iterator[Span]:
    """The sentences of the paragraphs where a sentence that follows what `after` names (a
    paragraph's start, a mark) may start in lowercase: only those paragraphs are segmented (most
    paragraphs of edited copy have none)."""
    text = doc.text
    candidates = set()
    if "paragraph" in after:
        candidates.update(
            index
            for index, (start, end) in enumerate(doc.paragraphs)
            if not text[start].isupper() and _may_start_lowercase(text, start, end)  # most start with a capital
        )
    for mark in after.intersection(".!?"):  # a match has one mark: those of one mark are apart
        if mark in text:  # most stories hold no "!", four in five no "?"
            candidates.update(doc.paragraph_index(match.end() - 1) for match in _lowercase_after(text, mark))
    for index in sorted(candidates):
        if index >= 0:
            yield from doc.paragraph_sentences(index)


def _may_start_lowercase(text: str, start: int, end: int) -> bool:
    """Whether the word _FIRST_WORD finds at text[start:end] (after opening marks) starts with a
    letter that is not a capital: where it does not, no word starts in lowercase there."""
    while start < end and text[start] in _OPENING_MARKS:
        start += 1
    return start < end and text[start].isalpha() and not text[start].isupper()


_OPENING_MARKS = "\"“‘'([«"  # as in _FIRST_WORD


# A name its owner writes in lowercase, as code is written: with a digit, a hyphen or a dot inside
# ("youtube-dl", "video2commons", "node.js").
# A name written as code is: a digit, a dot or an underscore inside ("video2commons", "node.js"), or
# a part after a hyphen with no vowel ("youtube-dl") -- not an English compound ("so-called").
_CODE_LIKE_NAME = lazy(r"\p{Ll}[\p{Ll}\p{N}]*(?:[._\p{N}][\p{Ll}\p{N}]*|-[b-df-hj-np-tv-xz]{1,4}\b)+")
_COMMAND_LINE = lazy(r"\p{Ll}[\w.-]*(?:[ \t]+\S+)*?[ \t]+(?:--?\w|\S*(?:://|/\S))")


def _written_lowercase(text: str, word: str) -> bool:
    """Whether a code-like word is a name written in lowercase on purpose: the story writes it so
    at least twice, and more often than capitalised ("youtube-dl")."""
    if not _CODE_LIKE_NAME.fullmatch(word):
        return False
    lowercase = _standalone_count(text, word)
    return lowercase >= 2 and lowercase > text.count(capitalize_first(word))


_JOINS_BEFORE = lazy(r"[\w.-]")  # what may not stand before a code-like word for it to count
_JOINS_AFTER = lazy(r"[\w-]")  # nor after it


def _standalone_count(text: str, word: str) -> int:
    """How often a code-like word stands alone in the text: regex.finditer's matches of
    (?<![\\w.-])WORD(?![\\w-]), counted from its places (str.find) and the characters around them,
    with patterns the packs memo keeps: a pattern made for the word would import the regex
    module's parser, ~5 ms of a run. Overlapping places cannot both count: the word's characters
    all join it to what comes before."""
    count, at, size = 0, text.find(word), len(word)
    while at >= 0:
        if not (at and _JOINS_BEFORE.match(text, at - 1)) and not _JOINS_AFTER.match(text, at + size):
            count += 1
        at = text.find(word, at + 1)
    return count


def _is_command(text: str, doc: Document, start: int) -> bool:
    """A paragraph that is a command to type ("dnf install http://..."): one line, no final stop."""
    if start not in doc.paragraph_starts:
        return False
    end = next(span.end for span in doc.paragraphs if span.start == start)
    line = text[start:end]
    return "\n" not in line and not line.rstrip().endswith((".", "!", "?", ":")) and bool(_COMMAND_LINE.match(line))


@lru_cache(maxsize=256)
def _names_pattern(forms: tuple[str, ...]) -> LazyPattern:
    """A matcher for the few names a document may hold (compiled once per set of names)."""
    return compile_literals(forms)


def _slipped_forms(names: Iterable[str]) -> set[str]:
    """How a name is written when its capitals slip: all lowercase ("hong kong"), or capitalised
    only at the start, as at the start of a sentence ("Hong kong"). Searching for these exact
    forms, case-sensitively, is much faster than a case-insensitive search for every name."""
    forms = set()
    for name in names:
        lowered = name.lower()
        forms.add(lowered)
        initial_only = capitalize_first(lowered)
        if initial_only != name and " " in name:
            forms.add(initial_only)
    return forms


def _is_irregular(name: str) -> bool:
    """Whether the form of a name capitalised only at its start lowercases to another text than
    the name does (a first letter such as "ß", whose capital is "SS"): then forms are grouped over
    all names. (The all-lowercase form is always regular: str.lower() gives the same twice.)"""
    lowercase = name.lower()
    return capitalize_first(lowercase).lower() != lowercase


def _has_lowercased_part(written: str, canonical: str) -> bool:
    """True when a word of the name that has a capital was written all in lowercase."""
    written_parts = _NAME_PART.findall(written)
    canonical_parts = _NAME_PART.findall(canonical)
    return any(part.islower() and not model.islower() for part, model in zip(written_parts, canonical_parts))
