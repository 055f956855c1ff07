"""substitution: a wrong form and the right one; the finding carries the fix."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newslint.document import Document
from newslint.regexes import required_literal, scan_within, with_context
from newslint.rules import options as opt
from newslint.rules import patterns
from newslint.rules.base import Hit, LoadContext, Rule
from newslint.rules.options import Option, OptionError, Swap
from newslint.textcase import match_case
from newslint.triggers import Triggers


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
        self.patterns: list[str] = []  # as expanded, for the loader's checks of built-in rules
        for written, swap in options["swap"].items():
            try:
                key = patterns.expand(written, options["lists"])
                swap = Swap(
                    swap.replacements,
                    swap.after and patterns.expand(swap.after, options["lists"]),
                    tuple(patterns.expand(before, options["lists"]) for before in swap.not_after),
                )
                opt.check_swap(key, swap)
            except opt._Invalid as error:
                raise OptionError("swap", str(error)) from None
            pattern = with_context(key, self.ignorecase, swap.after, swap.not_after)
            self._swaps.append((pattern, swap.replacements, required_literal(key)))
            self.patterns.append(key)

    def triggers(self) -> Triggers | None:
        """A swap's own literal, or the rule's declared triggers; None if a swap has neither."""
        declared = self.declared_triggers
        if not declared and not all(literal for _, _, literal in self._swaps):
            return None
        return declared | Triggers(strings=frozenset(literal for _, _, literal in self._swaps if literal))

    def hits(self, doc: Document) -> Iterator[Hit]:
        seen: set[tuple[int, int]] = set()
        declared = self.declared_triggers
        for pattern, replacements, literal in self._swaps:
            if literal:
                windows = doc.paragraphs_with((literal,))
            else:
                windows = doc.windows_for(declared) if declared else None
            if windows == []:
                continue
            for match in scan_within(pattern, doc.text, windows):
                span = match.span()
                if span[1] == span[0] or span in seen:
                    continue
                seen.add(span)
                candidates = (match_case(match.expand(r), match.group()) for r in replacements)
                yield Hit(span[0], span[1], tuple(dict.fromkeys(candidates)))
