"""repetition: a word written twice in a row ("the the"), the commonest slip of hurried editing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice, repeat
from operator import eq

from newslint.document import Document
from newslint.regexes import scan
from newslint.rules.base import Hit, Rule

# Two equal words separated by spaces or by one line break (not by a blank line: a new paragraph).
# A built-in pattern that cannot backtrack badly, so it runs on Python's faster `re`.
_DOUBLED = re.compile(
    r"\b(?P<first>[^\W\d_]+)(?:[ \t]+|[ \t]*(?:\r\n|\r|\n)[ \t]*)(?P<second>(?P=first))\b",
    re.IGNORECASE,
)
_WORD_JOINERS = "'’-"  # a word that goes on with a hyphen or apostrophe is part of a longer one


class Repetition(Rule):
    kind = "repetition"
    default_fix = "safe"
    default_ignorecase = True

    def hits(self, doc: Document) -> Iterator[Hit]:
        if not _may_repeat(doc.folded):
            return
        for match in scan(_DOUBLED, doc.text):
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


_PUNCTUATION = "\"'“”‘’()[]{}«».,;:!?"


def _may_repeat(folded: str) -> bool:
    """Whether two neighbouring whitespace-separated tokens are the same word: a cheap test that
    every doubled word passes, so that most documents skip the regex (map and zip run in C)."""
    tokens = list(filter(None, map(str.strip, folded.split(), repeat(_PUNCTUATION))))
    return any(map(eq, tokens, islice(tokens, 1, None)))  # dropping empty tokens only adds candidates


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
