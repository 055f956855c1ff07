"""substitution: a wrong form and the right one; the finding carries the fix."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from newslint.document import Document
from newslint.regexes import leading_mark, leading_trigger, required_literal, scan_within, with_context
from newslint.rules import options as opt
from newslint.rules import patterns
from newslint.rules.base import Hit, LoadContext, Rule
from newslint.rules.options import Option, OptionError, Swap
from newslint.spans import Span
from newslint.textcase import match_case
from newslint.triggers import ANYWHERE, AS_WORD, AT_WORD_START, Triggers


class Substitution(Rule):
    kind = "substitution"
    default_fix = "safe"
    default_ignorecase = True
    options = {
        "swap": Option(opt.swap_map, required=True),
        "lists": Option(patterns.word_lists, default={}),
    }

    def configure(self, options: dict[str, Any], context: LoadContext) -> None:
        self._swaps = []
        self._marks: list[str | None] = []  # the mark each swap's matches start with, if plain
        self.patterns: list[str] = []  # as expanded, for the loader's checks of built-in rules
        for written, swap in options["swap"].items():
            try:
                key, after, not_after = patterns.expand_with_context(
                    written, swap.after, swap.not_after, options["lists"]
                )
                swap = Swap(swap.replacements, after, not_after)
                opt.check_swap(key, swap)
            except opt._Invalid as error:
                raise OptionError("swap", str(error)) from None
            pattern = with_context(key, self.ignorecase, swap.after, swap.not_after)
            self._swaps.append((pattern, swap.replacements, _trigger(key)))
            self._marks.append(leading_mark(key))
            self.patterns.append(key)

    def triggers(self) -> Triggers | None:
        """The declared triggers, or else each swap's own (see _trigger); None if a swap has none."""
        if self.declared_triggers:
            return self.declared_triggers
        if not all(trigger for _, _, trigger in self._swaps):
            return None
        return _as_triggers(trigger for _, _, trigger in self._swaps)

    def hits(self, doc: Document) -> Iterator[Hit]:
        seen: set[tuple[int, int]] = set()
        declared = bool(self.declared_triggers)
        # Declared triggers serve every swap: their windows are found once, not once per swap.
        shared = doc.windows_for(self.declared_triggers) if declared else None
        for (pattern, replacements, trigger), mark in zip(self._swaps, self._marks):
            if mark is not None and mark not in doc.text:
                continue  # "!" in a text without one: no search (its Python around costs more than it)
            if declared:
                if trigger and trigger[0] not in doc.folded:
                    continue  # every match of this swap holds its own trigger: not compiled, not run
                windows = shared
            else:
                windows = _paragraphs_holding(doc, trigger)
            if windows == []:
                continue
            for match in scan_within(pattern, doc.text, windows):
                span = match.span()
                if span[1] == span[0] or span in seen:
                    continue
                seen.add(span)
                candidates = (match_case(match.expand(r), match.group()) for r in replacements)
                yield Hit(span[0], span[1], tuple(dict.fromkeys(candidates)))


def _paragraphs_holding(doc: Document, trigger: tuple[str, int] | None) -> list[Span] | None:
    """The paragraphs a swap with this trigger need scan (None: all the text); a trigger the
    document's index did not find costs a lookup, not a search for paragraphs."""
    if trigger is None:
        return None
    if doc.trigger_positions(*trigger) == []:
        return []
    return doc.paragraphs_holding([trigger])


def _trigger(key: str) -> tuple[str, int] | None:
    """What every match of a key holds: the words it starts with ("eat" as a word is rarer than
    "eat" in "great"), unless its longest literal is longer ("new crown", not "new")."""
    literal = required_literal(key)
    leading = leading_trigger(key)
    if leading and (not literal or len(leading[0]) >= len(literal)):
        return leading
    return (literal, ANYWHERE) if literal else None


def _as_triggers(triggers: Iterable[tuple[str, int]]) -> Triggers:
    by_standing: dict[int, set[str]] = {ANYWHERE: set(), AT_WORD_START: set(), AS_WORD: set()}
    for text, standing in triggers:
        by_standing[standing].add(text)
    return Triggers(
        words=frozenset(by_standing[AS_WORD]),
        strings=frozenset(by_standing[ANYWHERE]),
        prefixes=frozenset(by_standing[AT_WORD_START]),
    )
