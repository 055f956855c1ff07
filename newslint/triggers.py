"""Triggers: what a rule needs in a document to fire there, found for all rules in one pass.

Every rule declares (or its kind derives) triggers: words, matched on word boundaries; word
starts ("participat" of "participated to"), matched where a word starts; and strings, matched
anywhere (punctuation such as " ," or "—", or the literal text a pattern cannot match without).
One Aho-Corasick pass over the lowercase text finds every trigger of every rule (ahocorasick-rs:
Rust, 100 MB/s, all matches returned in one call), so that a rule whose triggers are
absent costs nothing, not even compiling its patterns, and a rule whose triggers are present
looks only where they stand. A single character is tested with `in`: it needs no automaton.
"""

from __future__ import annotations

from collections.abc import Iterable

import ahocorasick_rs

from newslint.records import field, record

# How a trigger must stand, from the most permissive: a text indexed one way answers for any
# stricter way too.
ANYWHERE, AT_WORD_START, AS_WORD = 0, 1, 2


@record(frozen=True)
class Triggers:
    """Any one of these in a document (case aside) lets a rule fire there; none, and it cannot.
    All lowercase."""

    words: frozenset[str] = frozenset()  # a word or phrase, on word boundaries
    strings: frozenset[str] = frozenset()  # anywhere, inside words too
    prefixes: frozenset[str] = frozenset()  # where a word starts ("participat")
    all: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "all", self.words | self.strings | self.prefixes)

    def __bool__(self) -> bool:
        return bool(self.all)

    def __or__(self, other: Triggers) -> Triggers:
        return Triggers(self.words | other.words, self.strings | other.strings, self.prefixes | other.prefixes)

    @classmethod
    def of(cls, declared: Iterable[str]) -> Triggers:
        """Triggers as a rule file writes them: a word or phrase (it starts and ends with a letter
        or digit) on word boundaries, anything else (punctuation) anywhere."""
        words, strings = set(), set()
        for trigger in declared:
            lowered = trigger.lower()
            (words if is_word(lowered) else strings).add(lowered)
        return cls(frozenset(words), frozenset(strings))

    def how(self) -> list[tuple[str, int]]:
        """Each trigger with how it must stand (ANYWHERE, AT_WORD_START, AS_WORD)."""
        return (
            [(text, ANYWHERE) for text in self.strings]
            + [(text, AT_WORD_START) for text in self.prefixes]
            + [(text, AS_WORD) for text in self.words]
        )


def is_word(text: str) -> bool:
    """Whether a trigger is a word or phrase: it starts and ends with a letter or digit."""
    return bool(text) and word_char(text[0]) and word_char(text[-1])


def word_char(char: str) -> bool:
    # As `re`'s \\w: the word boundary a trigger needs is never stricter than a rule's own.
    return char.isalnum() or char == "_"


class TriggerIndex:
    """The triggers of a set of rules, and where they occur in a text."""

    def __init__(self, triggers: Iterable[Triggers]) -> None:
        triggers = list(triggers)
        # Each text stands as the most permissive of its rules needs (one rule's string, another's
        # word): the words first, then the word starts, then the strings, each way over the last.
        how = dict.fromkeys(frozenset().union(*(each.words for each in triggers)), AS_WORD)
        how.update(dict.fromkeys(frozenset().union(*(each.prefixes for each in triggers)), AT_WORD_START))
        how.update(dict.fromkeys(frozenset().union(*(each.strings for each in triggers)), ANYWHERE))
        self.how = how
        self.characters = frozenset(text for text in how if len(text) == 1)
        self._searched = sorted(text for text in how if len(text) > 1)
        # By the automaton's index of a trigger: whether it must stand at a word's start, and at
        # a word's end too.
        self._at_start = [how[text] != ANYWHERE for text in self._searched]
        self._at_end = [how[text] == AS_WORD for text in self._searched]
        self._sorted_out: dict[int, tuple[Triggers, tuple[str, ...], tuple[tuple[str, int], ...]]] = {}
        self._automaton = (
            # A contiguous NFA builds in a seventh of a DFA's time (1.5 ms for the built-in
            # packs) and scans at 100 MB/s, near enough: start-up counts more.
            ahocorasick_rs.AhoCorasick(self._searched, implementation=ahocorasick_rs.Implementation.ContiguousNFA)
            if self._searched
            else None
        )

    def sorted_out(self, triggers: Triggers) -> tuple[tuple[str, ...], tuple[tuple[str, int], ...]]:
        """The texts of `triggers` that positions() places wherever they stand as they must (see
        indexed), and the others with how they must stand. Told once per Triggers, not on every
        document a rule asks for its windows; kept by identity, the triggers alive with it."""
        known = self._sorted_out.get(id(triggers))
        if known is None:
            known = self._sorted_out[id(triggers)] = (triggers, *self.split(triggers.how()))
        return known[1], known[2]

    def split(self, how: Iterable[tuple[str, int]]) -> tuple[tuple[str, ...], tuple[tuple[str, int], ...]]:
        """Texts with how they must stand: those positions() places so (see indexed), and the others."""
        how = list(how)
        indexed = tuple(text for text, standing in how if self.indexed(text, standing))
        return indexed, tuple((text, standing) for text, standing in how if not self.indexed(text, standing))

    def indexed(self, text: str, standing: int) -> bool:
        """Whether positions() gives every place where `text` stands as asked."""
        # Asked for every trigger a rule looks for, on every document: one look-up, no call.
        return len(text) > 1 and self.how.get(text, _NOT_INDEXED) <= standing

    def positions(self, folded: str) -> dict[str, list[int]]:
        """Where each trigger of more than one character starts in `folded`, where it stands as
        its rules need (inside "others", "hers" is no word); single characters are for `in`."""
        if self._automaton is None:
            return {}
        found: dict[str, list[int]] = {}
        searched, at_start, at_end = self._searched, self._at_start, self._at_end
        # This loop sees every match of every trigger ("us" in "because" too): word_char() inlined,
        # as isalnum() on the text with "_" as a letter, between two spaces (no test of the edges).
        # The character before a match at `start` is padded[start], the one after it padded[end + 1].
        padded = f" {folded.replace('_', 'a') if '_' in folded else folded} "
        for index, start, end in self._automaton.find_matches_as_indexes(folded, overlapping=True):
            if at_start[index] and (padded[start].isalnum() or at_end[index] and padded[end + 1].isalnum()):
                continue
            trigger = searched[index]
            if trigger in found:
                found[trigger].append(start)
            else:
                found[trigger] = [start]
        return found

    def present(self, folded: str, positions: dict[str, list[int]]) -> frozenset[str]:
        """The triggers that occur: those found by positions(), and the single characters."""
        return frozenset(positions).union(char for char in self.characters if char in folded)


_NOT_INDEXED = AS_WORD + 1  # stricter than any way a trigger can stand
