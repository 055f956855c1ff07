"""A number as written in one segment, with every value it may stand for.

Translation changes how a number is written (2.8亿 -> 280 million, 3,5 Millionen -> 3.5
million, 19时54分 -> 7:54 p.m.) but not what it is worth. Each side is therefore reduced to
mentions that carry a set of readings; two mentions agree when any readings agree. A reading
too many can only hide an error, never invent one: where a form is ambiguous, every reading is
kept.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from newslint.records import record

# What a mention is, for pairing a wrong value with the one it replaced and for messages.
NUMBER, MONTH, HOUR, MINUTE = "number", "month", "hour", "minute"
# A year that completes a date in the translation ("July 18, 2020"): reported only where the
# source gives years itself, for a translator may add the year the source left to its dateline.
DATE_YEAR = "date-year"


@record(frozen=True)
class Mention:
    """text[start:end] of one segment, worth any of `values`.

    `reportable`: whether the other side's lacking it is worth a finding. Small numbers written
    as words ("one", 一, "first") come and go in any good translation, so they only absorb
    their counterparts. `tolerance`: how far a reading may be from the other side's and still
    agree -- half a unit of the last digit written before a scale word (13.2 million stands for
    anything from 13.15 to 13.25 million)."""

    start: int
    end: int
    values: frozenset[float]
    reportable: bool = True
    tolerance: float = 0.0
    kind: str = NUMBER

    def agrees_with(self, other: Mention) -> bool:
        """Whether some reading of each is the same value; a month only agrees with a month
        (so that 2月3日 and "March 2" disagree)."""
        if (self.kind == MONTH) != (other.kind == MONTH):
            return False
        slack = max(self.tolerance, other.tolerance)
        return any(
            abs(mine - theirs) <= slack + 1e-9 * max(abs(mine), abs(theirs), 1.0)
            for mine in self.values
            for theirs in other.values
        )


def decimal_places(digits: str) -> int:
    """How many digits stand after the decimal point of a normalised number ("13.169" -> 3)."""
    return len(digits.split(".", 1)[1]) if "." in digits else 0


def scaled(digits: str, scale: float) -> tuple[float, float]:
    """The value of a normalised number ("13.2") times a scale word's factor, and its tolerance:
    half a unit of its last written digit when a scale word rounds it, else nothing."""
    try:
        value = float(Decimal(digits) * Decimal(repr(scale)))
    except InvalidOperation:
        value = float(digits) * scale
    if scale == 1:
        return value, 0.0
    return value, scale * 0.5 * 10 ** -decimal_places(digits)


# Letters joined to digits make a code or a name (COVID-19, A320, Z164, G20, 5G, 737MAX), not a
# quantity -- unless they are a unit or an ordinal ending the language allows (see `is_code`).
_CODE_PREFIX_WORDS = frozenset({"mid", "post", "pre", "late", "early", "over", "under", "non", "top", "sub", "per"})


# Currency codes written against the amount (RMB280, Rs500) make no code.
_CURRENCY_PREFIXES = frozenset({"rmb", "cny", "usd", "hkd", "eur", "gbp", "jpy", "inr", "rs"})


def is_code(text: str, start: int, end: int, suffixes: frozenset[str] = frozenset()) -> bool:
    """Whether the digits text[start:end] belong to a code or a name: letters (other than the
    allowed `suffixes`, lowercased) run into them on either side, directly or through a hyphen
    after capital letters (F-35, COVID-19; not mid-2020 or post-90s)."""
    if start > 0 and _is_latin_or_cyrillic(text[start - 1]):
        word_start = start - 1
        while word_start > 0 and _is_latin_or_cyrillic(text[word_start - 1]):
            word_start -= 1
        attached_to_word = word_start > 0 and text[word_start - 1].isalnum()
        if text[word_start:start].lower() not in _CURRENCY_PREFIXES or attached_to_word:
            return True
    if start > 1 and text[start - 1] in "-‐" and _is_latin_or_cyrillic(text[start - 2]):
        word_start = start - 1
        while word_start > 0 and _is_latin_or_cyrillic(text[word_start - 1]):
            word_start -= 1
        word = text[word_start : start - 1]
        if word.lower() not in _CODE_PREFIX_WORDS and (any(c.isupper() for c in word) or len(word) <= 2):
            return True
    if end < len(text) and _is_latin_or_cyrillic(text[end]):
        stop = end
        while stop < len(text) and (_is_latin_or_cyrillic(text[stop]) or text[stop] in "ºª²³"):
            stop += 1
        if text[end:stop].lower() not in suffixes and text[end:stop] not in suffixes:
            return True
        if stop < len(text) and text[stop].isdigit():
            return True  # 3D2, B2B
    return False


def _is_latin_or_cyrillic(char: str) -> bool:
    """A letter of an alphabet (CJK characters next to digits are units and counters: 2.8亿元)."""
    return char.isalpha() and ord(char) < 0x2E80


# The look-back patterns (a month and day before a year, a day before a month, "années" before a
# decade) are anchored at a number's start and match no more than this; they are searched for in
# this stretch before it, not from the start of the segment each time (quadratic on a line of
# thousands of numbers). Neither `re` nor `regex` ignores the character before the stretch (\b).
_LOOK_BACK = 32


def ending_at(pattern: Any, text: str, end: int) -> Any:
    """The match of a `$`-anchored pattern that ends at text[end], or None."""
    return pattern.search(text, max(0, end - _LOOK_BACK), end)


class Taken:
    """Spans of a segment already read as a number, so that a later, looser pattern does not
    read their digits again. Each character taken remembers its span: a test costs the length
    of the span tested, not the number of spans taken (a line of thousands of numbers)."""

    def __init__(self) -> None:
        self._owner: dict[int, int] = {}  # offset -> the span that took it
        self._points: list[int] = []  # empty spans taken: they block a span around them
        self._count = 0

    def free(self, start: int, end: int) -> bool:
        """Whether text[start:end] overlaps no span taken (an empty span: lies inside none)."""
        if start >= end:
            owner = self._owner.get(start - 1)
            return owner is None or self._owner.get(start) != owner
        if any(offset in self._owner for offset in range(start, end)):
            return False
        return not any(start < point < end for point in self._points)

    def take(self, start: int, end: int) -> None:
        if start >= end:
            self._points.append(start)
        self._count += 1
        for offset in range(start, end):
            self._owner[offset] = self._count

    def add(self, found: list[Mention], mentions: list[Mention]) -> None:
        """Keep the mentions that lie in free spans (a date read as one: all or none)."""
        if mentions and all(self.free(m.start, m.end) for m in mentions):
            found.extend(mentions)
            for mention in mentions:
                self.take(mention.start, mention.end)
