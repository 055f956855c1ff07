"""Triggers: what a rule needs in a document to fire there, found for all rules in one pass.

Every rule declares (or its kind derives) triggers: words, matched on word boundaries, and
strings, matched anywhere (punctuation such as " ," or "—", or the literal text a pattern cannot
match without). One Aho-Corasick pass over the lowercase text finds every trigger of every rule
(ahocorasick-rs: a DFA in Rust, 100+ MB/s, with all matches returned in one call), so that a rule
whose triggers are absent costs nothing, and a rule whose triggers are present looks only where
they stand. A single character is tested with `in`: it needs no automaton.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick_rs


@dataclass(frozen=True)
class Triggers:
    """Any one of these in a document (case aside) lets a rule fire there; none, and it cannot."""

    words: frozenset[str] = frozenset()  # lowercase; a word or phrase, on word boundaries
    strings: frozenset[str] = frozenset()  # lowercase; anywhere, inside words too

    def __bool__(self) -> bool:
        return bool(self.words or self.strings)

    def __or__(self, other: Triggers) -> Triggers:
        return Triggers(self.words | other.words, self.strings | other.strings)

    @classmethod
    def of(cls, declared: Iterable[str]) -> Triggers:
        """Triggers as a rule file writes them: a word or phrase (it starts and ends with a letter
        or digit) on word boundaries, anything else (punctuation) anywhere."""
        words, strings = set(), set()
        for trigger in declared:
            lowered = trigger.lower()
            (words if is_word(lowered) else strings).add(lowered)
        return cls(frozenset(words), frozenset(strings))

    @property
    def all(self) -> frozenset[str]:
        return self._all

    def __post_init__(self) -> None:
        object.__setattr__(self, "_all", self.words | self.strings)


def is_word(text: str) -> bool:
    """Whether a trigger is a word or phrase: it starts and ends with a letter or digit."""
    return bool(text) and _word_char(text[0]) and _word_char(text[-1])


def _word_char(char: str) -> bool:
    # As `re`'s \\w: the word boundary a trigger word needs is never stricter than a rule's own.
    return char.isalnum() or char == "_"


class TriggerIndex:
    """The triggers of a set of rules, and where they occur in a text."""

    def __init__(self, triggers: Iterable[Triggers]) -> None:
        words: set[str] = set()
        strings: set[str] = set()
        for each in triggers:
            words |= each.words
            strings |= each.strings
        self.words = frozenset(words)
        self.strings_searched = frozenset(s for s in strings if len(s) > 1)
        self.characters = frozenset(s for s in strings if len(s) == 1)
        self._searched = sorted(words | self.strings_searched)
        # A text that is one rule's word and another's string is looked for anywhere.
        self._is_word = [text in words and text not in strings for text in self._searched]
        self._automaton = (
            ahocorasick_rs.AhoCorasick(self._searched, implementation=ahocorasick_rs.Implementation.DFA)
            if self._searched
            else None
        )

    def positions(self, folded: str) -> dict[str, list[int]]:
        """Where each trigger of more than one character starts in `folded` (words only where
        they stand on word boundaries); single characters are for `in` tests (see present)."""
        if self._automaton is None:
            return {}
        starts: dict[int, list[tuple[int, int]]] = {}
        for index, start, end in self._automaton.find_matches_as_indexes(folded, overlapping=True):
            starts.setdefault(index, []).append((start, end))
        found: dict[str, list[int]] = {}
        size = len(folded)
        for index, spans in starts.items():
            if self._is_word[index]:  # "hers" inside "others" is no word
                kept = [
                    start
                    for start, end in spans
                    if not (start > 0 and _word_char(folded[start - 1]))
                    and not (end < size and _word_char(folded[end]))
                ]
                if kept:
                    found[self._searched[index]] = kept
            else:
                found[self._searched[index]] = [start for start, _ in spans]
        return found

    def present(self, folded: str, positions: dict[str, list[int]]) -> frozenset[str]:
        """The triggers that occur: those found by positions(), and the single characters."""
        return frozenset(positions).union(char for char in self.characters if char in folded)
