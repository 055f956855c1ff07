"""repetition: a word written twice in a row ("the the"), the commonest slip of hurried editing."""

from __future__ import annotations

import codecs
import re
import sys
from collections.abc import Iterator
from functools import lru_cache
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
# Where a doubled word may start, on a text's gate bytes (see _gate_bytes): a space, a word,
# spaces, the same word, then a space or the end. Searched on bytes, `re` needs no case folding
# and no Unicode tables, and finds where to try by a literal: about four times as fast as the
# same search on the text. Possessive runs (Python 3.11+: the same matches) spare it backtracking.
_POSSESSIVE = "+" if sys.version_info >= (3, 11) else ""
_CANDIDATE = re.compile(rf" ([^ ]+{_POSSESSIVE}) +{_POSSESSIVE}\1(?![^ ])".encode())
# The same on the text itself, for a text in another script (see _gate_bytes): after any mark or
# space, a word, space, the same word, case aside.
_TEXT_CANDIDATE = re.compile(rf"\W(\w+{_POSSESSIVE})\s+{_POSSESSIVE}\1\b", re.IGNORECASE)
_WORD_CHARACTER = re.compile(r"\w")
# A Latin-1 word character's byte stands for its lowercase (a Latin-1 character too), any other
# byte for a space: a space where a word may start or end, and between two words. What that lets
# through ("that, that") is sorted out by _DOUBLED, at its place.
_GATE_TABLE = bytes(ord(chr(byte).lower()) if _WORD_CHARACTER.match(chr(byte)) else 32 for byte in range(256))
_OTHER_WORD_CHARACTER = "\xaa"  # stands for a word character beyond Latin-1 (the rare "ª": no byte is free)
# The marks beyond Latin-1 most stories hold, each a space on the gate bytes: replaced before the
# text is encoded, they need no call of the encoding's error handler each.
_COMMON_MARKS = "“”‘’—–…"
# A text more than this share of whose characters (common marks aside) are beyond Latin-1 is
# searched as it is: handing the encoding a word at a time costs more than the search saves
# (Russian or Greek stories: about four times the search on the text).
_MOST_BEYOND_LATIN1 = 1 / 64
_GATE_ENCODING_ERRORS = "newslint-repetition-gate"  # encoding's error handler, for the characters beyond Latin-1
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
    """The matches (spans and groups) of _DOUBLED.finditer(text), found by trying it only where
    _CANDIDATE says a doubled word may start on the text's gate bytes (or _TEXT_CANDIDATE on the
    text): _DOUBLED matching at s means the candidate search matches at s - 1, so a search from
    each candidate on skips no match."""
    found: list[re.Match[str]] = []
    match = _DOUBLED.match(text)  # at the very start, with no mark before it
    position = 0
    if match is not None:
        found.append(match)
        position = match.end()
    gate = _gate_bytes(text)
    searched, candidates = (text, _TEXT_CANDIDATE) if gate is None else (gate, _CANDIDATE)
    while (candidate := candidates.search(searched, position)) is not None:
        match = _DOUBLED.match(text, candidate.start(1))
        if match is None:
            position = candidate.start(1)
            continue
        found.append(match)
        position = match.end()
    return found


def _gate_bytes(text: str) -> bytes | None:
    """The text as one byte per character, so that offsets are the text's: a word character as its
    lowercase (one beyond Latin-1 as _stand_in says), anything else as a space. Two words equal
    case aside are then equal bytes, as IGNORECASE compares simple lowercase letters. Every
    _DOUBLED match at s has _CANDIDATE's at s - 1: the character before it is no word character
    (a space), its first word a whole run of letters followed by white space (spaces), then the
    second word followed by no word character (a space, or the end). Encoded as Latin-1: most
    stories' characters beyond it are quotation marks and dashes, made spaces first; any other
    run of them is handed to _stand_ins. None for a text in another script (_MOST_BEYOND_LATIN1)."""
    if not text.isascii():  # (answered from the string's header)
        for mark in _COMMON_MARKS:
            if mark in text:
                text = text.replace(mark, " ")
    encoded = text.encode("latin-1", "replace")
    beyond = encoded.count(b"?") - text.count("?")
    if not beyond:
        return encoded.translate(_GATE_TABLE)
    if beyond > len(text) * _MOST_BEYOND_LATIN1:
        return None
    return text.encode("latin-1", _GATE_ENCODING_ERRORS).translate(_GATE_TABLE)


def _stand_ins(error: UnicodeError) -> tuple[str, int]:
    """The Latin-1 characters that stand for a run of characters beyond Latin-1 (an encoding's
    error handler)."""
    assert isinstance(error, UnicodeEncodeError)
    return "".join(map(_stand_in, error.object[error.start : error.end])), error.end


@lru_cache(maxsize=4096)  # (bounded: a long-running server may see every script)
def _stand_in(character: str) -> str:
    """A letter whose lowercase is Latin-1 (İ, Ÿ, ẞ, the Kelvin and Ångström signs) as that
    lowercase, which IGNORECASE takes it for; any other word character as "ª"; the rest as a
    space. (Only "İ" has a lowercase of two characters, "i" and a combining dot: "i" is its
    simple lowercase.)"""
    lowercase = character.lower()[0]
    if ord(lowercase) < 256:
        return lowercase
    return _OTHER_WORD_CHARACTER if _WORD_CHARACTER.match(character) else " "


codecs.register_error(_GATE_ENCODING_ERRORS, _stand_ins)


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
