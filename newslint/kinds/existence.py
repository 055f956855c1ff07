"""existence: a word list or a pattern that should not appear at all."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import Any

from newslint.document import Document
from newslint.regexes import compile_literals, required_literal, scan_within, with_context
from newslint.rules import options as opt
from newslint.rules import patterns
from newslint.rules.base import Hit, LoadContext, Rule
from newslint.rules.options import Option, OptionError
from newslint.triggers import Triggers


class Existence(Rule):
    kind = "existence"
    default_ignorecase = False
    options = {
        "tokens": Option(opt.string_list, default=()),
        "pattern": Option(opt.non_empty_string, default=None),
        "after": Option(opt.non_empty_string, default=None),
        "not_after": Option(opt.string_or_list, default=()),
        "lists": Option(patterns.word_lists, default={}),
    }

    def configure(self, options: dict[str, Any], context: LoadContext) -> None:
        tokens, pattern = options["tokens"], options["pattern"]
        if tokens and pattern:
            raise OptionError("pattern", "give either tokens or pattern, not both")
        if not tokens and not pattern:
            raise OptionError("tokens", "missing required key: give tokens or pattern")
        if (options["after"] or options["not_after"]) and not pattern:
            raise OptionError("after", "`after` and `not_after` are the context of a `pattern`")
        self.patterns: list[str] = []  # as expanded, for the loader's checks of built-in rules
        if pattern:
            try:
                pattern, after, not_after = patterns.expand_with_context(
                    pattern, options["after"], options["not_after"], options["lists"]
                )
                for each in (pattern, *([after] if after else []), *not_after):
                    opt.pattern(each)
            except opt._Invalid as error:
                raise OptionError("pattern", str(error)) from None
            self.patterns.append(pattern)
            self._regex = with_context(pattern, self.ignorecase, after, not_after, whole_words=False)
        else:
            self._regex = compile_literals(tokens, self.ignorecase)
        self._literal = required_literal(pattern) if pattern else None
        self._tokens = tokens

    def triggers(self) -> Triggers | None:
        return self._triggers

    @cached_property
    def _triggers(self) -> Triggers | None:
        if self.declared_triggers:
            return self.declared_triggers
        if self._tokens:
            return Triggers.of(self._tokens)
        return Triggers(strings=frozenset([self._literal])) if self._literal else None

    def hits(self, doc: Document) -> Iterator[Hit]:
        triggers = self._triggers
        windows = doc.windows_for(triggers) if triggers is not None else None
        if windows == []:
            return
        for match in scan_within(self._regex, doc.text, windows):
            if match.end() > match.start():
                yield Hit(match.start(), match.end())
