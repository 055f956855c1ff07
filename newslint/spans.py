"""Small value types for places in a text."""

from __future__ import annotations

from typing import NamedTuple


class Span(NamedTuple):
    """text[start:end], code-point offsets."""

    start: int
    end: int


# A Span or Word made in C, without NamedTuple's __new__ (a Python call): new_tuple(Span, (start, end)).
new_tuple = tuple.__new__


class Word(NamedTuple):
    """A word token: text[start:end] == text."""

    start: int
    end: int
    text: str


def trim(text: str, span: Span) -> Span | None:
    """The span without surrounding white space; None when nothing else is left."""
    chunk = text[span.start : span.end]
    stripped = chunk.strip()
    if not stripped:
        return None
    start = span.start + chunk.index(stripped)
    return Span(start, start + len(stripped))
