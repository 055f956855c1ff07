"""Where literals stand in a text, found with str.find: it skips to the next one at memchr
speed, where a regex character class or alternation is tried at every character."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain


def find_all(literal: str, text: str, start: int = 0, end: int | None = None, overlapping: bool = True) -> list[int]:
    """Where `literal` starts in text[start:end], left to right; overlapping occurrences too
    ("1919" holds "19" at 0 and 2), or, with overlapping=False, only those re.finditer finds."""
    end = len(text) if end is None else end
    step = 1 if overlapping else len(literal) or 1
    found = []
    at = text.find(literal, start, end)
    while at >= 0:
        found.append(at)
        at = text.find(literal, at + step, end)
    return found


def positions(text: str, literals: Iterable[str], start: int = 0, end: int | None = None) -> list[int]:
    """Where each of the literals starts in text[start:end], in order, overlapping occurrences
    too. A string of single-character marks is a literal per mark. When one literal alone stands
    there (straight quotation marks alone, in most stories), its places need no sorting."""
    found = [hits for literal in literals if (hits := find_all(literal, text, start, end))]
    return found[0] if len(found) == 1 else sorted(chain.from_iterable(found))
