"""existence: a word list or a pattern that should not appear at all."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newslint.document import Document
from newslint.regexes import compile_literals, compile_pattern, required_literal, scan_within
from newslint.rules import options as opt
from newslint.rules.base import Hit, LoadContext, Rule
from newslint.rules.options import Option, OptionError
from newslint.triggers import Triggers


class Existence(Rule):
    kind = "existence"
    default_ignorecase = False
    options = {
        "tokens": Option(opt.string_list, default=()),
        "pattern": Option(opt.pattern, default=None),
    }

    def configure(self, options: dict[str, Any], context: LoadContext) -> None:
        tokens, pattern = options["tokens"], options["pattern"]
        if tokens and pattern:
            raise OptionError("pattern", "give either tokens or pattern, not both")
        if not tokens and not pattern:
            raise OptionError("tokens", "missing required key: give tokens or pattern")
        self._regex = compile_literals(tokens, self.ignorecase) if tokens else compile_pattern(pattern, self.ignorecase)
        self._literal = required_literal(pattern) if pattern else None
        self._tokens = tokens

    def triggers(self) -> Triggers | None:
        declared = self.declared_triggers
        if self._tokens:
            return declared | Triggers(strings=frozenset(token.lower() for token in self._tokens))
        if self._literal:
            return declared | Triggers(strings=frozenset([self._literal]))
        return declared or None

    def hits(self, doc: Document) -> Iterator[Hit]:
        triggers = self.triggers()
        windows = doc.paragraphs_with(triggers.strings, triggers.words) if triggers is not None else None
        if windows == []:
            return
        for match in scan_within(self._regex, doc.text, windows):
            if match.end() > match.start():
                yield Hit(match.start(), match.end())
