"""Small value types for places in a text."""

from __future__ import annotations

from typing import NamedTuple


class Span(NamedTuple):
    """text[start:end], code-point offsets."""

    start: int
    end: int


class Word(NamedTuple):
    """A word token: text[start:end] == text."""

    start: int
    end: int
    text: str
