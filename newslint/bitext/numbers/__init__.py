"""Numbers of a segment in its language, normalised to values that survive translation."""

from __future__ import annotations

import math

from newslint.bitext.numbers import chinese, english, european
from newslint.bitext.numbers.compare import Discrepancy, compare
from newslint.bitext.numbers.mention import Mention

__all__ = ["Discrepancy", "Mention", "compare", "mentions"]


def mentions(text: str, language: str) -> list[Mention]:
    """The numbers of `text`, written in `language` (zh, en, de, fr, es, it, pt, nl, ru, uk;
    any other language: digits only, ambiguous separators read both ways). A run of digits too
    long for a float (over 308) is no quantity: it is left out, as comparing infinities would
    fail."""
    return [mention for mention in _read(text, language) if all(map(math.isfinite, mention.values))]


def _read(text: str, language: str) -> list[Mention]:
    if language == "zh":
        return chinese.mentions(text)
    if language == "en":
        return english.mentions(text)
    return european.mentions(text, language)
