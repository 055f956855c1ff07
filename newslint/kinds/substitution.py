"""substitution: a wrong form and the right one; the finding carries the fix."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from newslint.document import Document
from newslint.regexes import bounded, compile_pattern, required_literal, scan_within
from newslint.rules import options as opt
from newslint.rules.base import Hit, LoadContext, Rule
from newslint.rules.options import Option
from newslint.textcase import match_case


class Substitution(Rule):
    kind = "substitution"
    default_fix = "safe"
    default_ignorecase = True
    options = {"swap": Option(opt.swap_map, required=True)}

    def configure(self, options: dict[str, Any], context: LoadContext) -> None:
        self._swaps = [
            (compile_pattern(bounded(key), self.ignorecase), replacements, required_literal(key))
            for key, replacements in options["swap"].items()
        ]

    def literals(self) -> Iterable[str]:
        return [literal for _, _, literal in self._swaps if literal]

    def required_literals(self) -> frozenset[str] | None:
        literals = [literal for _, _, literal in self._swaps]
        return frozenset(literals) if all(literals) else None

    def hits(self, doc: Document) -> Iterator[Hit]:
        seen: set[tuple[int, int]] = set()
        for pattern, replacements, literal in self._swaps:
            windows = doc.paragraphs_with((literal,)) if literal else None
            if windows == []:
                continue
            for match in scan_within(pattern, doc.text, windows):
                span = match.span()
                if span[1] == span[0] or span in seen:
                    continue
                seen.add(span)
                candidates = (match_case(match.expand(r), match.group()) for r in replacements)
                yield Hit(span[0], span[1], tuple(dict.fromkeys(candidates)))
