"""What a rule file's patterns may use beyond regex syntax, and what a fast pattern avoids.

Named word lists: a rule names a list once (`lists: {events: [ceremony, meetings?, ...]}`) and
uses it in several patterns as `\\L<events>` (the `regex` module's spelling of a named list),
expanded to `(?:ceremony|meetings?|...)` in the order written, before the pattern compiles.

Context: a match that needs something before it says so with `after` / `not_after` (see
regexes.ContextPattern), not with a leading look-behind, which the engine would try at every
position of the text. The loader refuses a built-in pattern that leads with one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from newslint.rules.options import _Invalid, _type_name, string_list

_LIST_NAME = re.compile(r"[a-z][a-z0-9_-]*")
_REFERENCE = re.compile(r"\\L<([^>]*)>")
_GROUP_OPENING = re.compile(r"\((?:\?(?::|P<\w+>|<\w+>|[aiLmsux-]+:))?")


def word_lists(value: Any) -> dict[str, tuple[str, ...]]:
    """`lists:` a mapping of names to lists of regex fragments (usually plain words)."""
    if not isinstance(value, dict):
        raise _Invalid(f"expected a mapping of list names to lists, got {_type_name(value)}")
    lists = {}
    for name, items in value.items():
        if not isinstance(name, str) or not _LIST_NAME.fullmatch(name):
            raise _Invalid(f"{name!r} is not a list name: use lowercase letters, digits, - and _")
        try:
            lists[name] = string_list(items)
        except _Invalid as error:
            raise _Invalid(f"{name}: {error}") from None
        if not lists[name]:
            raise _Invalid(f"{name}: an empty list matches nothing")
    return lists


def expand(pattern: str, lists: Mapping[str, tuple[str, ...]]) -> str:
    """The pattern with each `\\L<name>` replaced by its list as an alternation."""

    def alternation(reference: re.Match) -> str:
        name = reference.group(1)
        if name not in lists:
            known = ", ".join(sorted(lists)) or "none"
            raise _Invalid(f"\\L<{name}>: no list called {name!r} (lists: {known})")
        return "(?:" + "|".join(lists[name]) + ")"

    return _REFERENCE.sub(alternation, pattern) if "\\L<" in pattern else pattern


def expand_with_context(
    pattern: str, after: str | None, not_after: Sequence[str], lists: Mapping[str, tuple[str, ...]]
) -> tuple[str, str | None, tuple[str, ...]]:
    """A pattern and its context (`after`, `not_after`), each with its named lists expanded."""
    return expand(pattern, lists), after and expand(after, lists), tuple(expand(before, lists) for before in not_after)


def leads_with_lookbehind(pattern: str) -> bool:
    """Whether a pattern starts (perhaps inside opening groups) with a look-behind."""
    position = 0
    while True:
        if pattern.startswith(("(?<=", "(?<!"), position):
            return True
        opening = _GROUP_OPENING.match(pattern, position)
        if opening is None or opening.end() == position:
            return False
        position = opening.end()
