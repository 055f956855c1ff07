"""consistency: one name or term spelled one way -- the house way, or at least the same way."""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Iterator
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from newslint.document import Document
from newslint.regexes import compile_literals, lazy, matches_at_within, scan_within
from newslint.rules import options as opt
from newslint.rules.base import Hit, LoadContext, Rule
from newslint.rules.options import Option, OptionError
from newslint.textcase import match_case
from newslint.triggers import ANYWHERE, AS_WORD, Triggers, is_word

if TYPE_CHECKING:
    from datetime import date

# "Mumbai (Bombay)", "Mumbai, formerly Bombay", "the city once called Bombay": an old name explained.
_RENAME_CUE = lazy(
    r"(?i:(?:\(|\b(?:formerly|previously|then called|then known as|once called|once known as|old name|"
    r"renamed from|earlier called)\b(?:[ \t]+(?:as|called|known as))?)[ \t]*)\Z"
)
_TITLE_CASE = lazy(r"[\"“][\p{Lu}\p{N}][^\"“”]*[\"”]")


# What every rename cue holds: most occurrences have none of these before them, and then the
# cue is not searched for (nor compiled).
_RENAME_CUE_WORDS = ("(", "formerly", "previously", "then", "once", "old name", "renamed", "earlier")


def _explains_a_rename(text: str, start: int) -> bool:
    before = text[max(0, start - 40) : start].lower()
    if not any(word in before for word in _RENAME_CUE_WORDS):
        return False
    return bool(_RENAME_CUE.search(text, max(0, start - 40), start))


def _in_quoted_title(doc: Document, start: int, end: int) -> bool:
    """Inside a quoted phrase whose words are capitalised: a title ("Bombay Talkies")."""
    for span in doc.quotations:
        if span.start < start and end < span.end and span.end - span.start < 80:
            words = doc.text[span.start + 1 : span.end - 1].split()
            return len(words) > 1 and all(word[:1].isupper() or not word[:1].isalpha() for word in words)
    return False


class _Written(NamedTuple):
    """Where the trigger scan found a rule's spellings written (see Consistency._written_at)."""

    starts: list[int]
    forms: set[int]  # indexes in the rule's forms of the spellings found


def _date(value: Any) -> date:
    from datetime import date  # here: no built-in rule has a `since` (see structure._written)

    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise opt._Invalid(f"expected a date as YYYY-MM-DD, got {value!r}") from None


class Consistency(Rule):
    kind = "consistency"
    default_fix = "safe"
    default_ignorecase = False
    filters_exceptions = True  # before counting forms: "Kievan Rus'" is no vote for "Kiev"
    placeholders = frozenset({"preferred"})
    options = {
        "variants": Option(opt.non_empty_string_list, required=True),
        "preferred": Option(opt.non_empty_string, default=None),
        "headlines": Option(opt.boolean, default=True),
        "since": Option(_date, default=None),
    }

    def configure(self, options: dict[str, Any], context: LoadContext) -> None:
        variants: tuple[str, ...] = options["variants"]
        self._preferred: str | None = options["preferred"]
        self._in_headlines: bool = options["headlines"]
        self._since: date | None = options["since"]
        if self._since is not None and self._preferred is None:
            raise OptionError("since", "a date from which a house spelling holds needs `preferred`")
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
        self._spellings = sorted(spellings)  # as written: a rule that minds case needs one of them

    def triggers(self) -> Triggers | None:
        return self._triggers

    @cached_property
    def _triggers(self) -> Triggers:
        return self.declared_triggers or Triggers.of(self._folded_forms)

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
        written = None if self.declared_triggers else self._written_at(doc)
        if written is not None and not self._forms_may_flag(written.forms):
            return  # one form written (most stories): its places need no match (see _written_at)
        starts = written.starts if written is not None else None
        if starts is None and not self.ignorecase and not any(spelling in doc.text for spelling in self._spellings):
            return  # "us" but never "US" or "U.S." (where the trigger scan cannot tell, see _written_at)
        found = [(match, self._index[self._key(match.group())]) for match in self._matches(doc, starts)]
        if not self._may_flag(found) or (self._since is not None and (doc.written_by or self._since) < self._since):
            return  # one form only, even counting all; or copy written before the rename, which keeps the old name
        occurrences = [(match, index) for match, index in found if self._counts(doc, match)]
        if not self._may_flag(occurrences):
            return  # one form only in the writer's own spelling
        if self._exceptions:  # asked last: the search of the whole text costs more than the rest
            excepted = self.excepted_spans(doc)
            occurrences = [
                (match, index)
                for match, index in occurrences
                if not any(start <= match.start() and match.end() <= end for start, end in excepted)
            ]
        winner = self._winner(occurrences)
        if winner is None:
            return
        preferred = self._forms[winner]
        for match, index in occurrences:
            if index != winner:
                written = match.group()
                replacement = preferred if written in self._forms else match_case(preferred, written)
                yield Hit(match.start(), match.end(), (replacement,), {"preferred": preferred})

    def _may_flag(self, occurrences: list) -> bool:
        """Whether an occurrence may be flagged: one not in the house form, or, without a house
        form, two forms. What is not counted (see _counts) and exceptions only take occurrences
        away, so where this is False it stays False: most stories write one form throughout."""
        return self._forms_may_flag({index for _, index in occurrences})

    def _forms_may_flag(self, forms: set[int]) -> bool:
        """_may_flag for occurrences of these forms (indexes in self._forms)."""
        if self._preferred is not None:
            return any(index != len(self._forms) - 1 for index in forms)
        return len(forms) >= 2

    def _matches(self, doc: Document, starts: list[int] | None) -> list[Any]:
        """The forms in the text, in the paragraphs where the trigger scan found them. Where it can
        tell, a form is tried only where it saw one written as it is spelt (`starts`, see
        _written_at), case minded ("us" is in every story, "US" in far fewer places); its
        paragraph bounds the match, as when the paragraphs holding a trigger are scanned."""
        if starts is not None:
            return matches_at_within(self._regex, doc.text, starts, doc.paragraphs)
        windows = doc.windows_for(self._triggers)  # the trigger scan's places: cheaper than a scan
        return scan_within(self._regex, doc.text, windows) if windows != [] else []

    def _written_at(self, doc: Document) -> _Written | None:
        """Where a spelling of the forms starts, case as written, from the trigger scan, and the
        forms those spellings spell; None when the rule ignores case or the scan cannot tell. Each
        spelling's lowercase is a trigger (see _triggers), standing as a match of the rule's
        pattern stands: a match of a spelling starts where the scan found that spelling written,
        so the matches at these starts are of these forms, or fewer."""
        if self.ignorecase:
            return None
        text, written = doc.text, _Written([], set())
        for spelling in self._spellings:
            lowercase = spelling.lower()
            positions = doc.trigger_positions(lowercase, AS_WORD if is_word(lowercase) else ANYWHERE)
            if positions is None:
                return None
            starts = [at for at in positions if text.startswith(spelling, at)]
            if starts:
                written.starts.extend(starts)
                written.forms.add(self._index[self._key(spelling)])
        return written

    def _counts(self, doc: Document, match: Any) -> bool:
        """Whether an occurrence is the writer's spelling to judge. Not: a document quoted verbatim
        (its spelling is the source's), a title in quotation marks ("Bombay Talkies"), the old name
        explained beside the new ("Mumbai (Bombay)", "formerly Bombay"); for a story that only has to
        be consistent, no quotation at all, and no headline where headlines have their own style."""
        start, end = match.span()
        if doc.in_quoted_document(start, end) or _explains_a_rename(doc.text, start):
            return False
        if self._preferred is not None:
            return not _in_quoted_title(doc, start, end)
        if not self._in_headlines and doc.headline is not None and doc.headline.start <= start < doc.headline.end:
            return False
        return not doc.in_quotation(start)

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
