"""Compiling and running rule regexes: word boundaries, word-list tries and time limits.

Every regex that comes from a rule file runs through `scan`, whose time limit keeps one
catastrophically backtracking pattern from hanging a whole run.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

try:  # Python's own regex parser: used only to find the literal text a pattern requires
    import re._parser as _sre_parser  # Python 3.11+
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parser  # type: ignore[no-redef]

# Word boundaries where a match starts or ends with a letter or digit: it may not continue a
# word there. A match that starts or ends with punctuation (". .", "U.S.") needs no boundary.
_WORD_CHAR = r"[\p{L}\p{M}\p{N}_]"
WORD_START = rf"(?:(?<!{_WORD_CHAR})|(?!{_WORD_CHAR}))"
WORD_END = rf"(?:(?!{_WORD_CHAR})|(?<!{_WORD_CHAR}))"
_WORD = regex.compile(_WORD_CHAR)

BASE_TIMEOUT_SECONDS = 2.0
TIMEOUT_SECONDS_PER_MB = 1.0


class PatternError(ValueError):
    """A regex from a rule file that does not compile."""


def compile_pattern(pattern: str, ignorecase: bool = False) -> regex.Pattern[str]:
    flags = regex.IGNORECASE if ignorecase else 0
    try:
        return regex.compile(pattern, flags)
    except (regex.error, TypeError, ValueError, OverflowError) as error:
        raise PatternError(f"invalid regex {pattern!r}: {error}") from None


def bounded(pattern: str) -> str:
    """The pattern, matched only as whole words."""
    return f"{WORD_START}(?:{pattern}){WORD_END}"


def bounded_literals(phrases: Iterable[str]) -> str:
    """Whole-word regex for literal phrases: plain \\b when every phrase starts and ends with a
    letter or digit (the fast common case), the general boundaries otherwise."""
    phrases = list(phrases)
    alternation = literal_alternation(phrases)
    if phrases and all(_WORD.match(p[0]) and _WORD.match(p[-1]) for p in phrases):
        return rf"\b(?:{alternation})\b"
    return bounded(alternation)


def literal_alternation(phrases: Iterable[str]) -> str:
    """One regex for a list of literal phrases, built as a trie so that it runs in one pass."""
    trie: dict[str, dict] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_to_regex(trie) if trie else r"(?!)"


def _trie_to_regex(node: dict[str, dict]) -> str:
    ends_here = "" in node
    branches = [regex.escape(char) + _trie_to_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        # Longest match first: an optional tail is tried before stopping here.
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body


def required_literal(pattern: str) -> str | None:
    """Lowercased text that every match of the pattern contains, if the pattern says so plainly.

    A rule whose required text is not in a document cannot match it, and is skipped with one
    substring test instead of a regex scan: most calques never occur in most stories. Syntax that
    only the `regex` module knows is blanked out first; a pattern that still does not parse simply
    gets no shortcut.
    """
    try:
        tree = _sre_parser.parse(_REGEX_ONLY_SYNTAX.sub(".", pattern))
    except Exception:  # noqa: BLE001 - any parse problem just means "no shortcut"
        return None
    if "{" in pattern and any(op is _sre_parser.LITERAL and arg == ord("{") for op, arg in _flatten(tree)):
        return None  # a brace Python reads as text may be `regex` syntax ("{e<=1}", fuzzy matching)
    runs: list[str] = []
    _literal_runs(tree, runs, [])
    longest = max(runs, key=lambda run: len(run.strip()), default="").strip().lower()
    return longest if len(longest) >= 3 else None


# \p{L}, \P{Lu}, \K: `regex` syntax; replaced by "." (any one character) for the parser above.
_REGEX_ONLY_SYNTAX = regex.compile(r"\\[pP]\{[^}]*\}|\\K")


def _flatten(tree: Iterable) -> Iterable[tuple]:
    """Every (opcode, argument) of a parsed pattern, groups included."""
    for opcode, argument in tree:
        yield opcode, argument
        if opcode is _sre_parser.SUBPATTERN:
            yield from _flatten(argument[-1])


def _literal_runs(tree: Iterable, runs: list[str], current: list[str]) -> None:
    """Collect the runs of literal characters that every match must contain, in order."""
    for opcode, argument in tree:
        if opcode is _sre_parser.LITERAL:
            current.append(chr(argument))
        elif opcode is _sre_parser.SUBPATTERN:  # a group: mandatory, its literals count
            _literal_runs(argument[-1], runs, current)
        elif opcode in (_sre_parser.AT, _sre_parser.ASSERT, _sre_parser.ASSERT_NOT):
            continue  # zero-width: the run goes on
        else:
            runs.append("".join(current))
            current.clear()
    runs.append("".join(current))
    current.clear()


def time_limit(text: str) -> float:
    """Seconds a rule regex may take on text: generous for honest patterns, finite for the rest."""
    return BASE_TIMEOUT_SECONDS + TIMEOUT_SECONDS_PER_MB * len(text) / 1_000_000


def scan(pattern: regex.Pattern[str], text: str, start: int = 0, end: int | None = None) -> list[regex.Match[str]]:
    """All matches, found within a time limit; raises TimeoutError when the limit is passed.

    The matches are collected before the caller works on them: the limit is measured while the
    search runs, so a rule's own work between matches must not count against it.
    """
    return list(pattern.finditer(text, start, len(text) if end is None else end, timeout=time_limit(text)))
