"""repetition: a word written twice in a row ("the the"), the commonest slip of hurried editing."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from itertools import islice, repeat
from operator import eq

from newslint.document import Document
from newslint.rules.base import Hit, Rule

# Two equal words separated by spaces or by one line break (not by a blank line: a new paragraph).
# A built-in pattern that cannot backtrack badly, so it runs on Python's faster `re`.
_DOUBLED = re.compile(
    r"\b(?P<first>[^\W\d_]+)(?:[ \t]+|[ \t]*(?:\r\n|\r|\n)[ \t]*)(?P<second>(?P=first))\b",
    re.IGNORECASE,
)
# Where a doubled word may start: after any mark or space, a word, space, the same word (case
# aside). Every match of _DOUBLED is one of these, one character on; the leading mark lets `re`
# skip the letters between, and possessive runs (Python 3.11+: the same matches) spare it the
# backtracking: a fifth of _DOUBLED's time on a whole text.
_CANDIDATE_SOURCE = r"\W(\w++)\s++\1\b" if sys.version_info >= (3, 11) else r"\W(\w+)\s+\1\b"
_CANDIDATE = re.compile(_CANDIDATE_SOURCE, re.IGNORECASE)
# The same on a text whose word characters are all ASCII, twice as fast: each character is looked
# up in a table instead of Unicode's. Every doubled word there is ASCII, and what stands around it
# (a space, a mark, a dash or a quote, ASCII or not) is no word character to either pattern.
_ASCII_CANDIDATE = re.compile(_CANDIDATE_SOURCE, re.IGNORECASE | re.ASCII)
_ASCII_RUNS = re.compile(r"[\x00-\x7f]+")
_WORD_CHARACTER = re.compile(r"\w")
_WORD_JOINERS = "'’-"  # a word that goes on with a hyphen or apostrophe is part of a longer one


class Repetition(Rule):
    kind = "repetition"
    default_fix = "safe"
    default_ignorecase = True

    def hits(self, doc: Document) -> Iterator[Hit]:
        matches = doubled(doc.text)
        if not matches or not _may_repeat_near(doc.folded, matches[0]):
            return  # the token test, once the gate, now costs more than the search it guarded
        for match in matches:
            first, second = match.group("first"), match.group("second")
            if _joined(doc.text, match.start(), match.end()) or not doc.in_one_paragraph(match.start(), match.end()):
                continue  # "The answer was no\nNo one expected it": two paragraphs, not a slip
            if not self.ignorecase and first != second:
                continue
            if first[0].isupper() and second[0].isupper() and not first.isupper():
                continue  # "Bora Bora", "Sirhan Sirhan": names, not slips
            if _different_words(first, second):
                continue  # "the first FIRST competition", "law lord Lord Bingham": case decides
            yield Hit(match.start(), match.end(), (first,))


def doubled(text: str) -> list[re.Match[str]]:
    """The matches of _DOUBLED.finditer(text), found by trying it only where _CANDIDATE says a
    doubled word may start: _DOUBLED matching at s means _CANDIDATE matches at s - 1, so a search
    from each candidate on skips no match. (_ASCII_CANDIDATE too, on a text of ASCII words.)"""
    found: list[re.Match[str]] = []
    match = _DOUBLED.match(text)  # at the very start, with no mark before it
    position = 0
    if match is not None:
        found.append(match)
        position = match.end()
    candidates = _ASCII_CANDIDATE if _ascii_words(text) else _CANDIDATE
    while (candidate := candidates.search(text, position)) is not None:
        match = _DOUBLED.match(text, candidate.start(1))
        if match is None:
            position = candidate.start(1)
            continue
        found.append(match)
        position = match.end()
    return found


def _ascii_words(text: str) -> bool:
    """Whether every word character of the text is ASCII (isascii() answers at once, from the
    string's header). Otherwise its non-ASCII characters, a few quotation marks and dashes in
    most stories, are looked at alone: the ASCII runs between them are dropped by a set of one
    range, which `re` reads faster than a set that also asks for a category."""
    return text.isascii() or _WORD_CHARACTER.search(_ASCII_RUNS.sub("", text)) is None


_PUNCTUATION = "\"'“”‘’()[]{}«».,;:!?"


def _may_repeat(folded: str) -> bool:
    """Whether two neighbouring whitespace-separated tokens are the same word. Once a gate before
    the regex, kept after it because it decides what the rule reports: "and/or or" is a match
    of _DOUBLED that this test does not see, reported only in a text where the test passes."""
    tokens = list(filter(None, map(str.strip, folded.split(), repeat(_PUNCTUATION))))
    return any(map(eq, tokens, islice(tokens, 1, None)))  # dropping empty tokens only adds candidates


def _may_repeat_near(folded: str, match: re.Match[str]) -> bool:
    """_may_repeat(folded), tried first on the lines around a doubled word, which most often
    decide it ("the the"): the tokens of whole lines are a run of the text's tokens, so two equal
    neighbours there are neighbours in the whole text too."""
    start = folded.rfind("\n", 0, match.start()) + 1
    end = folded.find("\n", match.end())
    lines = folded[start:] if end < 0 else folded[start:end]
    if _may_repeat(lines):
        return True
    return len(lines) < len(folded) and _may_repeat(folded)


# Words that stay words when capitalised in mid-sentence ("to the The Independent" is a slip).
_FUNCTION_WORDS = frozenset(
    """the a an of to in on at by for and or but with from as is was were are be that this these those
    he she it they we you i his her its their our my your him them us me who which what there""".split()
)


def _different_words(first: str, second: str) -> bool:
    """Whether two spellings of one word are two words: an acronym beside the word (first FIRST), or a
    capitalised title or name after the plain noun (lord Lord) -- not "The the" at a sentence start."""
    if first.isupper() != second.isupper() and len(first) > 1:
        return True
    return first.islower() and second[0].isupper() and second.lower() not in _FUNCTION_WORDS


def _joined(text: str, start: int, end: int) -> bool:
    """Whether the match continues a hyphenated or apostrophised word on either side."""
    return (start > 0 and text[start - 1] in _WORD_JOINERS) or (end < len(text) and text[end] in _WORD_JOINERS)
