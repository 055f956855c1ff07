"""Carrying the capitalisation of the text an editor wrote over to its replacement."""

from __future__ import annotations


def capitalize_first(word: str) -> str:
    """'kyiv' -> 'Kyiv': only the first letter changes (str.capitalize would lowercase the rest)."""
    return word[:1].upper() + word[1:]


def match_case(replacement: str, original: str) -> str:
    """ALL CAPS stays all caps, a capital first letter stays capital; otherwise the replacement as written."""
    letters = [char for char in original if char.isalpha()]
    if len(letters) > 1 and all(char.isupper() for char in letters):
        return replacement.upper()
    if letters and original.lstrip()[:1].isupper() and replacement[:1].islower():
        return capitalize_first(replacement)
    return replacement
