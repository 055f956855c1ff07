"""consistency: one name or term spelled one way -- the house way, or at least the same way."""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from newslint.document import Document
from newslint.regexes import compile_literals, scan_within
from newslint.rules import options as opt
from newslint.rules.base import Hit, LoadContext, Rule
from newslint.rules.options import Option, OptionError
from newslint.textcase import match_case


class Consistency(Rule):
    kind = "consistency"
    default_fix = "safe"
    default_ignorecase = False
    filters_exceptions = True  # before counting forms: "Kievan Rus'" is no vote for "Kiev"
    placeholders = frozenset({"preferred"})
    options = {
        "variants": Option(opt.non_empty_string_list, required=True),
        "preferred": Option(opt.non_empty_string, default=None),
    }

    def configure(self, options: dict[str, Any], context: LoadContext) -> None:
        variants: tuple[str, ...] = options["variants"]
        self._preferred: str | None = options["preferred"]
        if self._preferred is None and len(variants) < 2:
            raise OptionError("variants", "list at least two forms, or give `preferred`")
        if self._preferred in variants:
            raise OptionError("variants", f"the preferred form {self._preferred!r} is listed as a variant")
        self._forms = list(variants) + ([self._preferred] if self._preferred else [])
        # A form as written wins over another form's ALL-CAPS spelling ("COVID-19" vs "Covid-19").
        self._index: dict[str, int] = {}
        spellings = set()
        for forms in (self._forms, [form.upper() for form in self._forms]):
            for index, spelling in enumerate(forms):
                self._index.setdefault(self._key(spelling), index)
                spellings.update({spelling, spelling.replace("'", "’"), spelling.replace("’", "'")})
        self._regex = compile_literals(sorted(spellings), self.ignorecase)
        self._folded_forms = sorted({spelling.lower() for spelling in spellings})

    def literals(self) -> Iterable[str]:
        return self._folded_forms

    def required_literals(self) -> frozenset[str] | None:
        return frozenset(self._folded_forms)

    def preference_problem(self, form: str) -> str | None:
        if self._preferred is not None:
            return f"the rule already prefers {self._preferred!r}"
        if form not in self._forms:
            return f"{form!r} is not one of its forms ({', '.join(self._forms)})"
        return None

    def with_preference(self, form: str) -> Consistency:
        """A copy that flags every form but `form` (a house preference from the configuration)."""
        configured = copy.copy(self)
        configured._preferred = form
        configured._forms = [f for f in self._forms if f != form] + [form]
        configured._index = {
            spelling: configured._forms.index(self._forms[index]) for spelling, index in self._index.items()
        }
        return configured

    def _key(self, text: str) -> str:
        """Spellings that are one form: the same letters with a straight or a curly apostrophe
        (Côte d'Ivoire, Côte d’Ivoire), and any case when the rule ignores case."""
        text = text.replace("’", "'")
        return text.lower() if self.ignorecase else text

    def hits(self, doc: Document) -> Iterator[Hit]:
        windows = doc.paragraphs_with(self._folded_forms)  # substring tests: cheaper than a scan
        if windows == []:
            return
        occurrences = [
            (match, self._index[self._key(match.group())]) for match in scan_within(self._regex, doc.text, windows)
        ]
        if occurrences and self._exceptions:
            excepted = self.excepted_spans(doc)
            occurrences = [
                (match, index)
                for match, index in occurrences
                if not any(start <= match.start() and match.end() <= end for start, end in excepted)
            ]
        if not occurrences:
            return
        winner = self._winner(occurrences)
        if winner is None:
            return
        preferred = self._forms[winner]
        for match, index in occurrences:
            if index != winner:
                written = match.group()
                replacement = preferred if written in self._forms else match_case(preferred, written)
                yield Hit(match.start(), match.end(), (replacement,), {"preferred": preferred})

    def _winner(self, occurrences: list) -> int | None:
        """The house form; or, without one, the majority form (the first used on a tie)."""
        if self._preferred is not None:
            return len(self._forms) - 1
        counts = Counter(index for _, index in occurrences)
        if len(counts) < 2:
            return None
        first_use = {}
        for match, index in occurrences:
            first_use.setdefault(index, match.start())
        return max(counts, key=lambda index: (counts[index], -first_use[index]))
