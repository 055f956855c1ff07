"""Compiling and running rule regexes: word boundaries, word-list tries and time limits.

Every regex that comes from a rule file runs through `scan`, whose time limit keeps one
catastrophically backtracking pattern from hanging a whole run. Patterns compile on first use
(a rule that never meets its words never pays for compiling), and word lists -- literal tries,
which cannot backtrack -- run on Python's own `re`, which compiles and runs them faster.
"""

from __future__ import annotations

import re
import time
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from contextvars import ContextVar
from functools import lru_cache
from typing import Any

from newslint import lazy_regex as regex
from newslint import places, re_programs, regex_programs
from newslint.packs_memo import MEMO
from newslint.spans import Span
from newslint.triggers import AS_WORD, AT_WORD_START, word_char

try:  # Python's own regex parser: used only to find the literal text a pattern requires
    import re._parser as _sre_parser  # Python 3.11+
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parser  # type: ignore[no-redef]

# Repeats: greedy, lazy and, from Python 3.11 on, possessive ("a*", "a*?", "a*+"; Python 3.10's
# parser reads no possessive one, so a pattern with one gets no shortcut there).
_REPEATS = tuple(
    getattr(_sre_parser, name)
    for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
    if hasattr(_sre_parser, name)
)

# Word boundaries where a match starts or ends with a letter or digit: it may not continue a
# word there. A match that starts or ends with punctuation (". .", "U.S.") needs no boundary.
_WORD_CHAR = r"[\p{L}\p{M}\p{N}_]"
WORD_START = rf"(?:(?<!{_WORD_CHAR})|(?!{_WORD_CHAR}))"
WORD_END = rf"(?:(?!{_WORD_CHAR})|(?<!{_WORD_CHAR}))"

BASE_TIMEOUT_SECONDS = 2.0
TIMEOUT_SECONDS_PER_MB = 1.0


class PatternError(ValueError):
    """A regex from a rule file that does not compile."""


class LazyPattern:
    """A pattern compiled on first use; pickled as its source, so that a cached rule set loads
    without compiling anything, and a module that defines patterns imports fast. Attribute
    access (finditer, fullmatch ...) reaches the compiled pattern."""

    __slots__ = ("source", "flags", "engine", "_compiled")

    def __init__(self, source: str, flags: int = 0, engine: str = "regex") -> None:
        self.source = source
        self.flags = flags  # re and regex share the values of IGNORECASE, VERBOSE, DOTALL ...
        self.engine = engine  # "regex" (rule files: time limits, \\p{L}) or "re" (literal tries)
        self._compiled: Any = None

    @property
    def compiled(self) -> Any:
        if self._compiled is None:
            self._compiled = _compile(self.source, self.flags, self.engine)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled, name)

    # The methods rules call most, without __getattr__'s detour (it runs only after a failed lookup).
    def match(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled.match(*args, **kwargs)

    def search(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled.search(*args, **kwargs)

    def finditer(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled.finditer(*args, **kwargs)

    def fullmatch(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled.fullmatch(*args, **kwargs)

    def __getstate__(self) -> tuple[str, int, str]:
        return self.source, self.flags, self.engine

    def __setstate__(self, state: tuple[str, int, str]) -> None:
        self.source, self.flags, self.engine = state
        self._compiled = None


lazy = LazyPattern  # for module-level patterns: lazy(r"...", regex.IGNORECASE)
_WORD = LazyPattern(_WORD_CHAR)


@lru_cache(maxsize=4096)
def _compile(source: str, flags: int, engine: str) -> Any:
    return re_programs.compiled(source, flags) if engine == "re" else regex_programs.compiled(source, flags)


def compile_pattern(pattern: str, ignorecase: bool = False) -> LazyPattern:
    """A rule file's regex (the `regex` module's syntax), compiled when first used."""
    return LazyPattern(pattern, regex.IGNORECASE if ignorecase else 0)


def check_pattern(pattern: str, ignorecase: bool = False) -> None:
    """Compile now, to report a bad regex when its rule file loads (a pattern known to compile,
    from an earlier run, is not compiled again until it is used)."""
    flags = regex.IGNORECASE if ignorecase else 0
    MEMO.recall("valid", f"{flags}\0{pattern}", lambda: _compiles(pattern, flags))


def _compiles(pattern: str, flags: int) -> bool:
    try:
        _compile(pattern, flags, "regex")
    except (regex.error, TypeError, ValueError, OverflowError, RecursionError) as error:
        raise PatternError(f"invalid regex {pattern!r}: {error}") from None
    return True


def compile_literals(phrases: Iterable[str], ignorecase: bool = False) -> LazyPattern:
    """Whole-word matcher for literal phrases, as a trie; on `re` when its \\b suffices. The trie
    is built on first use too: most rules never meet their words in a short run."""
    return _LazyLiterals(list(phrases), re.IGNORECASE if ignorecase else 0)


class _LazyLiterals(LazyPattern):
    """A LazyPattern whose source, a trie of phrases, is built when first needed."""

    __slots__ = ("_phrases",)

    def __init__(self, phrases: list[str], flags: int) -> None:
        self._phrases = phrases
        self.flags = flags
        self._compiled = None

    def __getattr__(self, name: str) -> Any:
        if name in ("source", "engine"):
            phrases = self._phrases
            plain = _edged_by_word_characters(phrases)
            self.source, self.engine = _bounded_literals(phrases, plain), "re" if plain else "regex"
            return getattr(self, name)
        return super().__getattr__(name)


class ContextPattern:
    """A pattern whose matches need a context before them, checked at each match's start after
    the match is found, instead of a look-behind tried at every position of the text (about ten
    times slower, and it keeps the engine from searching for the pattern's first literal).
    A match whose context does not hold is dropped and the search goes on one character after
    its start: the matches are those of the pattern with its checks as leading look-behinds.
    A body that starts with one of a few marks (see leading_marks) is tried only where they stand,
    and a body that starts with a mark only where the mark stands before a character that may
    follow it (see mark_gate)."""

    __slots__ = ("body", "checks", "marks", "_gate")

    def __init__(self, body: LazyPattern, checks: Sequence[LazyPattern], marks: str = "", led: bool = True) -> None:
        self.body = body
        self.checks = list(checks)
        self.marks = marks
        # False: not known yet, found at the first scan; None (led=False: the body is known to
        # start otherwise than with a mark): no gate, and none looked for.
        self._gate: MarkGate | None | bool = False if led else None

    @property
    def gate(self) -> MarkGate | None:
        """Where a match may start (see mark_gate); None: anywhere."""
        if self._gate is False:
            self._gate = mark_gate(self.body)
        return self._gate  # type: ignore[return-value]

    @property
    def source(self) -> str:
        return "".join(check.source for check in self.checks) + self.body.source

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Any]:
        return iter(scan(self, text, pos, endpos))

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        """The first match whose context holds, or None."""
        watch = _Stopwatch(text)
        try:
            return next(_in_context(self, text, ((pos, len(text) if endpos is None else endpos),), watch), None)
        finally:
            watch.stop()


# Characters a mark is tested before (see mark_gate): every ASCII one, and the commonest others
# (white space, quotation marks, dashes) that follow a mark in prose. Any other may follow it.
_GATE_TESTED = "".join(map(chr, range(128))) + "\xa0\u2009\u202f“”‘’„«»–—…•·"
# Anchors that look before the place where they stand: a mark tested on its own has nothing
# before it, so a pattern holding one gets no gate (\Z and $ look forward only; see _untestable).
_LOOKING_BACK_AT = frozenset(
    getattr(_sre_parser, name)
    for name in (
        "AT_BEGINNING",
        "AT_BEGINNING_LINE",
        "AT_BEGINNING_STRING",
        "AT_BOUNDARY",
        "AT_NON_BOUNDARY",
        "AT_LOC_BOUNDARY",
        "AT_LOC_NON_BOUNDARY",
        "AT_UNI_BOUNDARY",
        "AT_UNI_NON_BOUNDARY",
    )
    if hasattr(_sre_parser, name)
)


class MarkGate:
    """Where a match of a body that starts with a punctuation mark may start: at one of its marks
    before characters that may follow it there, or at the end of the text (see mark_gate)."""

    __slots__ = ("refused", "at_end", "patterns")

    def __init__(self, refused: dict[str, str], at_end: Iterable[str]) -> None:
        # By what is read from the mark on (the mark, or the mark and the character after it):
        # the characters no match has next. Read further than is known, a match may follow.
        self.refused = refused
        self.at_end = frozenset(at_end)  # what a match may end the text with, read from the mark on
        # The places of each mark, searched with Python's `re`: a pattern that starts with a
        # literal is searched for far faster than one that starts with a set of marks.
        self.patterns = [
            (mark, LazyPattern(re.escape(mark) + f"(?={self._following(mark)})", engine="re"))
            for mark in sorted(read for read in refused if len(read) == 1)
        ]

    def starts(self, text: str, start: int, end: int) -> list[int]:
        """Where a match may start in text[start:end], in order."""
        return sorted(
            opening.start()
            for mark, pattern in self.patterns
            if mark in text
            for opening in pattern.compiled.finditer(text, start, end)
        )

    def narrowed(self, text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """The spans, each from where a match may start first in it; none where none may."""
        found = []
        for start, end in spans:
            first = self._first(text, start, end)
            if first is not None:
                found.append((first, end))
        return found

    def _first(self, text: str, start: int, end: int) -> int | None:
        """Where a match may start first in text[start:end]; None: nowhere."""
        first = None
        for mark, pattern in self.patterns:
            opening = pattern.compiled.search(text, start, end) if mark in text else None
            if opening is not None and (first is None or opening.start() < first):
                first = opening.start()
        return first

    def _following(self, read: str) -> str:
        """What may follow `read`, as `re`: a character neither refused nor read further (each
        such one followed by what may follow it), or the end of the text. The characters after
        the mark are looked at, not taken: "--" holds a place before each dash."""
        further: dict[str, list[str]] = {}  # what may follow the next character: the characters
        for next_read in self.refused:
            if len(next_read) == len(read) + 1 and next_read.startswith(read):
                further.setdefault(self._following(next_read), []).append(next_read[-1])
        unread = set(self.refused[read]).union(*further.values())
        branches = [f"[^{_in_set(frozenset(unread))}]"]
        branches += [f"[{_in_set(frozenset(chars))}](?:{after})" for after, chars in sorted(further.items())]
        return "|".join(branches + (["\\Z"] if read in self.at_end else []))


def mark_gate(body: LazyPattern) -> MarkGate | None:
    """Where a match of a body that starts with a punctuation mark (see _first_marks) may start:
    "," before a letter, of ",(?=\\p{L}{2})", is almost never in a story, "," twenty times. Its
    pattern, on Python's `re`, is searched far faster than the `regex` module runs the body. None
    when the body may start otherwise, looks behind, or lets any character follow a mark. Found
    once, then kept in the packs memo."""
    refused, at_end = _kept_gate(body.source, body.flags)
    return MarkGate(refused, at_end) if refused else None


@lru_cache(maxsize=256)
def _kept_gate(source: str, flags: int) -> list:
    """_gate_of the body, from the packs memo when it holds it (read-only to its callers)."""
    key = f"{flags}\0{source}"
    kept = MEMO.known("gates", key)
    if not _is_gate(kept):
        kept = _gate_of(source, flags)
        MEMO.keep("gates", key, kept)
    return kept


# A mark before at most this many tested characters that may follow it is tested before two
# (". " of ".(?=\p{Lu}\p{Ll})": 27 of 145, then 4,000 partial matches, 4 ms once).
_MOST_TESTED_TWICE = 32


def _gate_of(source: str, flags: int) -> list:
    """[by what is read from a leading mark on -- the mark, and the mark and a character that may
    follow it, when few may --, the characters tested (_GATE_TESTED) that no match has next: the
    body itself says, matched partially on what is read and the character, as a longer text could
    go on; what the body matches alone at the end of a text]. [{}, []]: no gate."""
    marks = _first_marks(source)
    if not marks or "\\K" in source or _untestable(_plain_parsed(source) or []):
        return [{}, []]
    compiled = _compile(source, flags, "regex")
    refused: dict[str, str] = {}
    for mark in marks:
        refused[mark] = _refused_after(compiled, mark)
        if not refused[mark]:
            return [{}, []]  # any character may follow: a gate would find every mark
        following = [char for char in _GATE_TESTED if char not in refused[mark]]
        if len(following) <= _MOST_TESTED_TWICE:
            refused.update((mark + char, _refused_after(compiled, mark + char)) for char in following)
    refused = {read: chars for read, chars in refused.items() if chars}
    return [refused, sorted(read for read in refused if compiled.match(read) is not None)]


def _refused_after(compiled: Any, read: str) -> str:
    """The characters tested that no match of the body has after `read`."""
    return "".join(char for char in _GATE_TESTED if compiled.match(read + char, partial=True) is None)


def _is_gate(kept: Any) -> bool:
    """Whether a value read from the packs memo is what _gate_of writes."""
    if not isinstance(kept, list) or len(kept) != 2:
        return False
    refused, at_end = kept
    return (
        isinstance(refused, dict)
        and all(isinstance(read, str) and read and isinstance(chars, str) for read, chars in refused.items())
        and isinstance(at_end, list)
        and all(isinstance(read, str) for read in at_end)
    )


# An ASCII character as written inside [...] of a `re` pattern; re.escape leaves any other as it is.
_ASCII_IN_SET = {code: f"\\x{code:02x}" for code in range(128)}


@lru_cache(maxsize=256)
def _in_set(chars: frozenset[str]) -> str:
    """The characters, in order, as written inside [...] of a `re` pattern: translated together,
    once for a set of them (a gate of ". " reads on after 29 letters and marks, each refusing the
    same 117 characters: escaped one by one, 1-1.5 ms a gate)."""
    return "".join(sorted(chars)).translate(_ASCII_IN_SET)


def _untestable(items: Iterable) -> bool:
    """Whether a partial match on a mark and one character may refuse a character that a match
    has after the mark: the parsed pattern holds a look-behind, a word boundary or a start
    anchor (the text before the mark counts), or a negative look-ahead (what it refuses may need
    more than the end of the test)."""
    for opcode, argument in items:
        if opcode is _sre_parser.ASSERT_NOT or (opcode is _sre_parser.ASSERT and argument[0] < 0):
            return True
        if opcode is _sre_parser.AT and argument in _LOOKING_BACK_AT:
            return True
        if any(_untestable(inner) for inner in _parts(argument)):
            return True
    return False


def _parts(argument: Any) -> Iterator[Any]:
    """The parsed sequences inside an item's argument (a group's, a branch's, a repeat's ...)."""
    for part in argument if isinstance(argument, (tuple, list)) else ():
        if isinstance(part, _sre_parser.SubPattern):
            yield part
        elif isinstance(part, list):
            yield from (inner for inner in part if isinstance(inner, _sre_parser.SubPattern))


def with_context(
    body: str,
    ignorecase: bool = False,
    after: str | None = None,
    not_after: Sequence[str] = (),
    whole_words: bool = True,
) -> Any:
    """A rule file's pattern, with the context its matches need: `after` must end just before a
    match, none of `not_after` may; with whole_words, a match is also whole words (see bounded),
    its start boundary checked after a match too (a look-behind before a literal keeps the
    engine from searching for the literal)."""
    start, end = _word_edges(body) if whole_words else (False, False)
    flags = regex.IGNORECASE if ignorecase else 0
    checks = [LazyPattern(WORD_START)] if start else []
    if after is not None:
        checks.append(LazyPattern(f"(?<={after})", flags))
    checks.extend(LazyPattern(f"(?<!{before})", flags) for before in not_after)
    pattern = LazyPattern(f"(?:{body}){WORD_END if end else ''}", flags)
    first = _first_marks(body)  # kept in the packs memo: most bodies start with a word, and get no gate
    marks = _several(first)
    return ContextPattern(pattern, checks, marks, led=bool(first)) if checks or marks else pattern


def bounded(pattern: str) -> str:
    """The pattern, matched only as whole words. A boundary is added only at an end where the
    pattern can match a letter or digit: checking it at every position of the text costs as much
    as the rest of a punctuation pattern."""
    start, end = _word_edges(pattern)
    return f"{WORD_START if start else ''}(?:{pattern}){WORD_END if end else ''}"


@lru_cache(maxsize=4096)
def _word_edges(pattern: str) -> tuple[bool, bool]:
    """Whether the pattern's first / last matched character may be a word character; True when
    unsure (syntax only the `regex` module knows)."""
    start, end = MEMO.recall("edges", pattern, lambda: _parsed_word_edges(pattern))
    return start, end


def _parsed_word_edges(pattern: str) -> tuple[bool, bool]:
    try:  # \\p{L} and friends stand in as a letter: for an edge, "may be a word character"
        tree = list(_sre_parser.parse(_REGEX_ONLY_SYNTAX.sub("a", pattern)))
    except Exception:  # noqa: BLE001 - unsure: keep both boundaries
        return True, True
    return _edge_is_word(tree), _edge_is_word(list(reversed(tree)), from_end=True)


def _edge_is_word(items: list, from_end: bool = False) -> bool:
    for opcode, argument in items:
        if opcode in (_sre_parser.AT, _sre_parser.ASSERT, _sre_parser.ASSERT_NOT):
            continue  # zero-width: look at the next item
        if opcode is _sre_parser.LITERAL:
            return bool(_WORD.match(chr(argument)))
        if opcode is _sre_parser.IN:
            return any(
                op is not _sre_parser.LITERAL or _WORD.match(chr(arg))
                for op, arg in argument
                if op is not _sre_parser.NEGATE
            ) or any(op is _sre_parser.NEGATE for op, _ in argument)
        if opcode is _sre_parser.SUBPATTERN:
            inner = list(argument[-1])
            return _edge_is_word(list(reversed(inner)) if from_end else inner, from_end)
        if opcode is _sre_parser.BRANCH:
            branches = [list(branch) for branch in argument[1]]
            return any(_edge_is_word(list(reversed(b)) if from_end else b, from_end) for b in branches)
        if opcode in _REPEATS:
            low, _, inner = argument
            inner = list(inner)
            if _edge_is_word(list(reversed(inner)) if from_end else inner, from_end):
                return True
            if low > 0:
                return False
            continue  # optional: the edge may be what follows it
        return True  # any character, a category, a group reference: may be a word character
    return False


def bounded_literals(phrases: Iterable[str]) -> str:
    """Whole-word regex for literal phrases: plain \\b when every phrase starts and ends with a
    letter or digit (the fast common case), the general boundaries otherwise."""
    phrases = list(phrases)
    return _bounded_literals(phrases, _edged_by_word_characters(phrases))


def _bounded_literals(phrases: list[str], plain: bool) -> str:
    """bounded_literals, told whether the phrases are plain (_edged_by_word_characters)."""
    alternation = literal_alternation(phrases)
    return rf"\b(?:{alternation})\b" if plain else bounded(alternation)


def _edged_by_word_characters(phrases: list[str]) -> bool:
    """Whether there are phrases and each starts and ends with a word character (plain \\b
    bounds them then)."""
    return bool(phrases) and all(_word_character(p[0]) and _word_character(p[-1]) for p in phrases)


@lru_cache(maxsize=4096)
def _word_character(char: str) -> bool:
    """Whether _WORD matches the character; remembered, for a word list's phrases start and end
    with few distinct characters (a match each, twice a phrase: a tenth of a trie's first use)."""
    return _WORD.match(char) is not None


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
    branches = []
    for char, child in sorted(node.items()):
        if char:
            # A run of characters each the only way on, none ending a phrase, is written as it
            # stands, not one call deeper for each (what the call would write: see below).
            run = regex.escape_character(char)
            while len(child) == 1 and "" not in child:
                ((char, child),) = child.items()
                run += regex.escape_character(char)
            branches.append(run + _trie_to_regex(child))
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
    return MEMO.recall("literal", pattern, lambda: _parsed_required_literal(pattern))


def _parsed_required_literal(pattern: str) -> str | None:
    parsed = _python_parsed(pattern)
    if parsed is None:  # any parse problem just means "no shortcut"
        return None
    tree = parsed
    if "{" in pattern and any(op is _sre_parser.LITERAL and arg == ord("{") for op, arg in _flatten(tree)):
        return None  # a brace Python reads as text may be `regex` syntax ("{e<=1}", fuzzy matching)
    runs: list[str] = []
    _literal_runs(tree, runs, [])
    longest = max(runs, key=lambda run: len(run.strip()), default="").strip().lower()
    # Short ASCII literals ("to", ".") occur everywhere and would only slow the shared index;
    # a single non-ASCII mark ("，") is rare and worth it.
    return longest if len(longest) >= 3 or (longest and not longest.isascii()) else None


def leading_trigger(pattern: str) -> tuple[str, int] | None:
    """The words a match of the pattern (as whole words: see with_context) starts with, and how
    they stand: a whole word or phrase ("assist to" of "assist to (the ...)"), or a word start
    ("participat" of "participat(e|es|ed|ing) to"). Far rarer in a text than the same letters
    anywhere ("eat" in "great"): a rule with such a trigger runs, and compiles, where it may fire."""
    found = MEMO.recall("leading", pattern, lambda: _parsed_leading_trigger(pattern))
    return (found[0], found[1]) if found else None


def _parsed_leading_trigger(pattern: str) -> list | None:
    parsed = _python_parsed(pattern)
    if parsed is None:  # unsure: no trigger of this kind
        return None
    tree = list(parsed)
    run = []
    for opcode, argument in tree:
        if opcode is not _sre_parser.LITERAL:
            break
        run.append(chr(argument))
    text = "".join(run).lower()
    if "{" in text:
        return None  # a brace may be `regex` syntax that Python reads as text
    found = _standing_of(text, len(run) == len(tree))
    return list(found) if found else None  # a list: as the packs memo keeps it


def leading_triggers(pattern: str) -> list[tuple[str, int]] | None:
    """leading_trigger, for each way a match may start when there are a few ("self media" and
    "self-media" of "self[- ]media"; "participate to" ... of "participat(e|es|ed|ing) to"): each
    stands as leading_trigger says, and every match starts with one. None when one of them would
    have no trigger of that kind."""
    found = _parsed_leading_triggers(pattern)  # not kept in the packs memo: a rule keeps what it makes of it
    return [(text, standing) for text, standing in found] if found else None


_MAX_LEADING = 8  # ways a match may start that are each a trigger, at most


def _parsed_leading_triggers(pattern: str) -> list | None:
    tree = _plain_parsed(pattern)
    if tree is None:  # unsure: no trigger of this kind
        return None
    texts, whole = {""}, True
    for opcode, argument in tree:
        each = _item_texts(opcode, argument)
        longer = {before + after for before in texts for after in each} if each is not None else set()
        if each is None or len(longer) > _MAX_LEADING:
            whole = False
            break
        texts = longer
    triggers = [_standing_of(text.lower(), whole) for text in texts]
    if None in triggers:
        return None
    return sorted(set(triggers))


def _standing_of(text: str, whole: bool) -> tuple[str, int] | None:
    """The trigger of a match that starts with `text` (all of it, if `whole`), as leading_trigger
    tells it: what leading_trigger and leading_triggers both make of a start they spelt out."""
    if not text or not word_char(text[0]):
        return None
    if whole and word_char(text[-1]):
        return text, AS_WORD  # all of the pattern: bounded at both ends
    ends = [index for index in range(1, len(text)) if not word_char(text[index]) and word_char(text[index - 1])]
    if ends and (ends[-1] >= 3 or " " in text[: ends[-1]]):
        return text[: ends[-1]], AS_WORD  # followed by a space or a mark: a whole word
    return (text, AT_WORD_START) if len(text) >= 3 and all(map(word_char, text)) else None


def leading_mark(pattern: str) -> str | None:
    """The punctuation mark every match of a pattern starts with ("!" of "!(?=\\p{Lu})"), when the
    pattern says so plainly: a text without it needs no search. None when a match may start with
    another character, or one of a few marks (see leading_marks)."""
    marks = _first_marks(pattern)
    return marks if len(marks) == 1 else None


def leading_marks(pattern: str) -> str:
    """The punctuation marks a match of the pattern may start with, when there are a few of them
    ("—", "–" and "-" of "(?:—|–|-{1,2})"), each found far faster by str.find than the engine
    tries an alternation or a class at every position; "" when a match may start otherwise, may
    be empty, or starts with one mark only (the engine searches for a literal fast itself; see
    leading_mark)."""
    return _several(_first_marks(pattern))


def _several(marks: str) -> str:
    """The marks when there are more than one (one mark alone is a literal the engine finds)."""
    return marks if len(marks) > 1 else ""


def _first_marks(pattern: str) -> str:
    """The marks, sorted, every match of the pattern starts with one of; "" for anything less
    plain (a letter, which case may change; a range or a category; a match that may be empty; a
    brace that may be fuzzy matching). Parsed once, then kept in the packs memo, as
    leading_trigger is."""
    return MEMO.recall("lead_marks", pattern, lambda: _parsed_first_marks(pattern))


def _parsed_first_marks(pattern: str) -> str:
    tree = _plain_parsed(pattern)
    if tree is None:  # syntax Python does not read as `regex` does: no shortcut
        return ""
    marks, may_be_empty = _first_characters(tree)
    if not marks or may_be_empty or not all(map(_caseless_mark, marks)):
        return ""
    return "".join(sorted(marks))


def _caseless_mark(char: str) -> bool:
    """Punctuation or a symbol no case folding maps to or from: it matches itself only, with or
    without IGNORECASE (a circled letter, So, has a case: it is not one)."""
    category = unicodedata.category(char)
    return category[0] == "P" or category in ("Sm", "Sc", "Sk")


def _first_characters(items: Iterable) -> tuple[set[str] | None, bool]:
    """The characters a match of a parsed sequence may start with (None: any), and whether the
    sequence may match nothing at all."""
    found: set[str] = set()
    for opcode, argument in items:
        if opcode in (_sre_parser.AT, _sre_parser.ASSERT, _sre_parser.ASSERT_NOT):
            continue  # zero-width: the first character is the next item's
        chars, may_be_empty = _item_first_characters(opcode, argument)
        if chars is None:
            return None, False
        found |= chars
        if not may_be_empty:
            return found, False
    return found, True


def _item_first_characters(opcode: Any, argument: Any) -> tuple[set[str] | None, bool]:
    if opcode is _sre_parser.LITERAL:
        return {chr(argument)}, False
    if opcode is _sre_parser.IN:
        if all(op is _sre_parser.LITERAL for op, _ in argument):
            return {chr(arg) for _, arg in argument}, False
        return None, False  # a range, a category, a negated set
    if opcode is _sre_parser.SUBPATTERN:
        return _first_characters(argument[-1])
    if opcode is _sre_parser.BRANCH:
        found: set[str] = set()
        empty = False
        for branch in argument[1]:
            chars, may_be_empty = _first_characters(branch)
            if chars is None:
                return None, False
            found |= chars
            empty = empty or may_be_empty
        return found, empty
    if opcode in (_sre_parser.MAX_REPEAT, _sre_parser.MIN_REPEAT):
        low, _, inner = argument
        chars, may_be_empty = _first_characters(inner)
        return chars, may_be_empty or low == 0
    return None, False  # any character, a category, a group reference, an atomic group ...


# \p{L}, \P{Lu}, \K: `regex` syntax; replaced for the parsers above and below.
_REGEX_ONLY_SYNTAX = LazyPattern(r"\\[pP]\{[^}]*\}|\\K")


def _python_stand_in(found: Any) -> str:
    """What Python's parser reads for a piece of `regex`-only syntax: a category of its own (\\w)
    for \\p{...}, which reads as one inside a set too ("." would be a literal dot in "[\\p{L}-]",
    and "abc[\\p{L}]def" would seem to need "abc.def"), and any one character for \\K."""
    return "." if found.group() == "\\K" else "\\w"


@lru_cache(maxsize=64)  # one rule's patterns are asked for in a row
def _python_parsed(pattern: str) -> Any:
    """The pattern as Python's parser reads it, `regex`-only syntax stood in for (see
    _python_stand_in); None when it does not parse. Read-only to its callers: one pattern is
    asked for its literal, its leading triggers, its marks and its required texts, each once
    when the packs memo does not hold the answers."""
    try:
        return _sre_parser.parse(_REGEX_ONLY_SYNTAX.sub(_python_stand_in, pattern))
    except Exception:  # noqa: BLE001 - any parse problem just means "no shortcut"
        return None


def _plain_parsed(pattern: str) -> list | None:
    """The pattern as _python_parsed reads it, as a list of items, when Python's parser reads it
    as `regex` does; None when it does not parse, or holds a POSIX class or a nested set ("[[",
    "[:", which Python reads as other sets) or a literal "{" ("{e<=1}": fuzzy matching, which
    Python reads as literals)."""
    if "[[" in pattern or "[:" in pattern:
        return None
    parsed = _python_parsed(pattern)
    if parsed is None:
        return None
    tree = list(parsed)
    if any(op is _sre_parser.LITERAL and arg == ord("{") for op, arg in _flatten(tree)):
        return None
    return tree


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


# --- the texts a match must hold one of: a swap with none of them in a text is not searched ---

_MAX_TEXTS = 16  # texts a piece of a pattern is spelt out as, at most; more and it is not
_MAX_CHOICES = 3  # texts of one requirement, at most: each is a str.find in each paragraph searched


def required_texts(pattern: str) -> list[list[str]]:
    """Requirements every match of the pattern meets, each a few lowercase texts of which a match
    holds one ("participate to" or "participated to" ...; "opinion" or "view"): a text that holds
    none of one requirement's texts cannot match. [] when the pattern says nothing so plainly.
    Like required_literal, but a run of literals may go through alternatives, optional letters and
    small classes ("hot[- ]search"), and a requirement may be one of several texts. Not kept in
    the packs memo: a rule keeps what it makes of these (see kinds/substitution.py)."""
    tree = _plain_parsed(pattern)
    if tree is None:  # syntax Python does not read as `regex` does: no requirement
        return []
    found = (_fewest_choices(texts) for texts in _sequence_needs(tree))
    return [list(texts) for texts in sorted({tuple(sorted(texts)) for texts in found if texts}, key=_cost)]


def _cost(texts: Sequence[str]) -> tuple[int, int]:
    """Which requirement to test first: fewer texts to look for, then longer (rarer) ones."""
    return len(texts), -min(map(len, texts))


def _sequence_needs(items: Sequence) -> list[frozenset[str]]:
    """Requirements of a sequence: each run of items spelt out in full (see _item_texts) is one,
    the texts it may match; an item that cannot be spelt out ends the run and adds its own. And
    each literal mark after a few known characters makes a pair (". ." needs ". ", " ." or "..").
    """
    needs: list[frozenset[str]] = []
    run: set[str] = {""}
    last: set[str] | None = None  # the characters the text matched so far may end with (None: any)
    for opcode, argument in items:
        texts = _item_texts(opcode, argument)
        if last and texts and "" not in texts and all(len(text) == 1 for text in texts):
            needs.append(frozenset(before + text for before in last for text in texts))
        last = _last_characters(last, opcode, argument, texts)
        if texts is not None:
            longer = {before + after for before in run for after in texts}
            if len(longer) <= _MAX_TEXTS:
                run = longer
                continue
            needs.append(frozenset(run))
            run = texts
            continue
        needs.append(frozenset(run))
        run = {""}
        needs.extend(_item_needs(opcode, argument))
    needs.append(frozenset(run))
    return [texts for texts in needs if _worth_testing(texts)]


def _last_characters(last: set[str] | None, opcode: Any, argument: Any, texts: set[str] | None) -> set[str] | None:
    """The characters a text may end with after one more item (`texts`: what the item may match,
    if spelt out); None: any, or not known."""
    if texts is None and opcode in _REPEATS:
        low, _, inner = argument
        texts = _spelt_out(inner)  # "[ \t]*": an open repeat of a few characters ends with one
        if texts is None or "" in texts:
            return None
        texts = texts | {""} if low == 0 else texts
    if texts is None:
        return None
    ends = {text[-1] for text in texts if text}
    if "" in texts:  # the item may match nothing: the text may still end as before
        return None if last is None else last | ends
    return ends if len(ends) <= _MAX_TEXTS else None


def _item_needs(opcode: Any, argument: Any) -> list[frozenset[str]]:
    """Requirements of an item that cannot be spelt out: a group's, a repeat's (if it must occur),
    an alternation's (one text of some requirement of each branch)."""
    if opcode is _sre_parser.SUBPATTERN:
        return _sequence_needs(argument[-1])
    if opcode in _REPEATS:
        return _sequence_needs(argument[2]) if argument[0] >= 1 else []
    if opcode is _sre_parser.BRANCH:
        either: set[str] = set()
        for branch in argument[1]:
            needs = _sequence_needs(branch)
            if not needs:
                return []  # a branch that holds nothing plain
            either |= min(needs, key=_cost)
        return [frozenset(either)] if len(either) <= _MAX_TEXTS else []
    return []  # an atomic group, a conditional ...: nothing plain


def _item_texts(opcode: Any, argument: Any) -> set[str] | None:
    """Every text an item may match, when there are few (None: more, or any character)."""
    if opcode is _sre_parser.LITERAL:
        return {chr(argument)}
    if opcode in (_sre_parser.AT, _sre_parser.ASSERT, _sre_parser.ASSERT_NOT):
        return {""}  # zero-width: the texts either side of it stand together
    if opcode is _sre_parser.IN:
        if len(argument) <= _MAX_TEXTS and all(op is _sre_parser.LITERAL for op, _ in argument):
            return {chr(char) for _, char in argument}
        return None  # a range, a category, a negated set
    if opcode is _sre_parser.SUBPATTERN:
        return _spelt_out(argument[-1])
    if opcode is _sre_parser.BRANCH:
        texts: set[str] = set()
        for branch in argument[1]:
            spelt = _spelt_out(branch)
            if spelt is None:
                return None
            texts |= spelt
        return texts if len(texts) <= _MAX_TEXTS else None
    if opcode in _REPEATS:
        return _repeated(*argument)
    return None


def _spelt_out(items: Sequence) -> set[str] | None:
    """Every text a sequence may match, when there are few."""
    texts = {""}
    for opcode, argument in items:
        each = _item_texts(opcode, argument)
        if each is None:
            return None
        texts = {before + after for before in texts for after in each}
        if len(texts) > _MAX_TEXTS:
            return None
    return texts


def _repeated(low: int, high: int, inner: Sequence) -> set[str] | None:
    """The texts of a short repeat ("s?", "-{1,2}"); None for a long or open one."""
    once = _spelt_out(inner) if high <= 3 else None
    if once is None:
        return None
    texts: set[str] = set()
    times = {""}
    for count in range(high + 1):
        if count >= low:
            texts |= times
        times = {before + after for before in times for after in once}
        if len(texts) > _MAX_TEXTS or len(times) > _MAX_TEXTS:
            return None
    return texts


def _worth_testing(texts: frozenset[str]) -> bool:
    """A requirement whose texts are rare enough to look for: three characters or more, two marks
    or blanks (" ,"), or a single non-ASCII mark such as "，"."""
    return bool(texts) and all(map(_rare, texts))


def _rare(text: str) -> bool:
    """Whether a text is rare enough in prose to look for before a search (" ," is; "th" is not)."""
    if len(text) >= 3:
        return True
    if len(text) == 2:
        return not any(char.isalnum() for char in text) and not text.isspace()
    return bool(text) and not text.isascii()


def _fewest_choices(texts: frozenset[str]) -> frozenset[str]:
    """The same requirement, as few texts: one that holds another is dropped (the other is in the
    text too); past _MAX_CHOICES, the texts are cut to the longest beginnings or endings they share
    few enough of (frozenset(): none)."""
    texts = _shortest(frozenset(text.lower() for text in texts))
    if len(texts) <= _MAX_CHOICES:
        return texts
    best: frozenset[str] = frozenset()
    for cut in (lambda text, size: text[:size], lambda text, size: text[-size:]):
        for size in range(max(map(len, texts)), 2, -1):
            shorter = _shortest(frozenset(cut(text, size) for text in texts))
            if len(shorter) <= _MAX_CHOICES:
                if not best or size > min(map(len, best)):
                    best = shorter
                break
    return best if best and _worth_testing(best) else frozenset()


def _shortest(texts: frozenset[str]) -> frozenset[str]:
    """The texts that hold no other of them."""
    return frozenset(text for text in texts if not any(other != text and other in text for other in texts))


class LiteralIndex:
    """Where the literals of all rules occur in a text, found in one pass.

    A rule tests whether its literal occurs before it scans: one pass of a trie over the
    lowercase text answers that for every rule at once. The trie sits in a lookahead, so that
    literals that overlap are all found; a literal that is a prefix of a longer one found at the
    same place is added from a table.
    """

    def __init__(self, literals: Iterable[str]) -> None:
        self.literals = frozenset(literal for literal in literals if literal)
        ordered = sorted(self.literals)
        self._pattern = re.compile(f"(?=({literal_alternation(ordered)}))") if ordered else None
        self._prefixes = {
            literal: [other for other in ordered if other != literal and literal.startswith(other)]
            for literal in ordered
        }

    def positions(self, folded: str) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        if self._pattern is None:
            return found
        for match in self._pattern.finditer(folded):
            literal, start = match.group(1), match.start()
            found.setdefault(literal, []).append(start)
            for prefix in self._prefixes[literal]:
                found.setdefault(prefix, []).append(start)
        return found


_TOKEN_START = LazyPattern(r"(?r)\S*\Z")
_TOKEN_REST = LazyPattern(r"\S*")


class Anchors:
    """Several anchor patterns searched as one. An alternation of branches that start with
    different characters ("://|www\\.|[@#]|\\.(?:com|org...)") is tried at every position of the
    text; each branch on its own starts with a literal, which the engine finds with a fast scan:
    three searches of a story cost a tenth of the one. Their starts may overlap: an anchor only
    says where to look. A plain string, one character, is found with str.find: a scan for one
    character that costs a tenth of a pattern's (str.find of a longer string costs more than re)."""

    __slots__ = ("patterns",)

    def __init__(self, *patterns: LazyPattern | str) -> None:
        self.patterns = patterns

    def starts(self, text: str) -> list[int]:
        found: set[int] = set()
        for pattern in self.patterns:
            if isinstance(pattern, str):
                found.update(places.find_all(pattern, text, overlapping=False))
            else:
                found.update(match.start() for match in pattern.finditer(text))
        return sorted(found)


def matches_in_tokens(
    pattern: Any, anchors: Any, text: str, token_start: Any = _TOKEN_START, token_rest: Any = _TOKEN_REST
) -> list[Any]:
    """pattern.finditer(text), run only on the tokens (by default, runs of non-space) that hold a
    match of `anchors` (a pattern, or Anchors): the same matches, when every match holds an
    anchor and no character that ends a token. Finding cheap anchors costs far less than trying a
    pattern that starts with a look-behind at every word. token_start: a reverse pattern for
    where a token starts before an anchor; token_rest: where it ends after."""
    starts = anchors.starts(text) if isinstance(anchors, Anchors) else [m.start() for m in anchors.finditer(text)]
    found: list[Any] = []
    searched_to = 0
    for anchor in starts:
        if anchor < searched_to:
            continue
        start = token_start.search(text, searched_to, anchor).start()
        end = token_rest.match(text, anchor).end()
        found.extend(pattern.finditer(text, start, end))
        searched_to = end
    return found


def matches_at(literals: LazyPattern, text: str, starts: Iterable[int]) -> list[Any]:
    """literals.finditer(text), given every place where one of its matches may start (more do no
    harm): a match tried at each, left to right, none overlapping the one before. A literal trie
    cannot backtrack: no time budget."""
    found: list[Any] = []
    searched_to = 0
    for start in sorted(set(starts)):
        if start < searched_to:
            continue
        match = literals.match(text, start)
        if match:
            found.append(match)
            searched_to = match.end()
    return found


def matches_at_within(literals: LazyPattern, text: str, starts: Iterable[int], windows: Sequence[Span]) -> list[Any]:
    """scan_within(literals, text, windows) for a literal trie, given every place where one of its
    matches may start (more do no harm): each tried as the scan of its window would try it,
    bounded by that window; a start in no window is no match."""
    found: list[Any] = []
    searched_to = 0
    window_starts = [window[0] for window in windows]
    for start in sorted(set(starts)):
        index = bisect_right(window_starts, start) - 1
        if start < searched_to or index < 0 or start >= windows[index][1]:
            continue
        match = literals.match(text, start, windows[index][1])
        if match:
            found.append(match)
            searched_to = match.end()
    return found


def scan_within(pattern: Any, text: str, windows: Sequence[Span] | None) -> list[Any]:
    """scan() over each window (None: the whole text); the windows draw on the time budget
    together, without the cost of a scan() call each (a rule may scan hundreds of paragraphs)."""
    return _scan_spans(pattern, text, ((0, len(text)),) if windows is None else windows)


def time_limit(text: str) -> float:
    """Seconds a rule's regexes may take on text: generous for honest patterns, finite for the rest."""
    return BASE_TIMEOUT_SECONDS + TIMEOUT_SECONDS_PER_MB * len(text) / 1_000_000


class TimeBudget:
    """Seconds a rule may spend in its regexes on one document, in all its scans together (a
    rule that scans paragraph by paragraph gets no more than one that scans the whole text).
    Spent time is measured by the clock: the `regex` module may run past its own timeout.
    As a context manager, it is the budget every scan() inside the block draws on."""

    __slots__ = ("seconds", "spent", "_token")

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.spent = 0.0

    def remaining(self) -> float:
        return self.seconds - self.spent

    def __enter__(self) -> TimeBudget:
        self._token = _BUDGET.set(self)
        return self

    def __exit__(self, *exc_info: object) -> None:
        _BUDGET.reset(self._token)


_BUDGET: ContextVar[TimeBudget | None] = ContextVar("newslint_regex_budget", default=None)


def time_budget(seconds: float) -> TimeBudget:
    """Make every scan() inside a `with` block draw on one budget of `seconds` (a class, not a
    generator-based context manager: every rule on every document enters one)."""
    return TimeBudget(seconds)


def scan(pattern: Any, text: str, start: int = 0, end: int | None = None) -> list[Any]:
    """All matches, found within the time left (the current time_budget, or time_limit(text));
    raises TimeoutError when it is spent.

    The matches are collected before the caller works on them: the limit is measured while the
    search runs, so a rule's own work between matches must not count against it. Literal tries
    on `re` need no limit: they cannot backtrack.
    """
    return _scan_spans(pattern, text, ((start, len(text) if end is None else end),))


def _scan_spans(pattern: Any, text: str, spans: Iterable[tuple[int, int]]) -> list[Any]:
    """scan() over each span, in order."""
    if isinstance(pattern, ContextPattern):
        gate = pattern.gate
        if gate is not None:
            spans = gate.narrowed(text, spans)
            if not spans:
                return []  # most texts: no search, no clock
        watch = _Stopwatch(text)
        try:
            return list(_in_context(pattern, text, spans, watch))
        finally:
            watch.stop()
    compiled = pattern.compiled if isinstance(pattern, LazyPattern) else pattern
    if isinstance(compiled, re.Pattern):
        return [match for start, end in spans for match in compiled.finditer(text, start, end)]
    found: list[Any] = []
    watch = _Stopwatch(text)
    try:
        for start, end in spans:
            found.extend(compiled.finditer(text, start, end, timeout=watch.timeout()))
    finally:
        watch.stop()
    return found


class _Stopwatch:
    """The time one scan spends, drawn on the current budget (or time_limit(text)): the time left
    is read from the clock before each search, and the time spent is added once, at the end."""

    __slots__ = ("budget", "started", "deadline")

    def __init__(self, text: str) -> None:
        self.budget = _BUDGET.get() or TimeBudget(time_limit(text))
        self.started = time.monotonic()
        self.deadline = self.started + self.budget.remaining()

    def timeout(self) -> float:
        """Seconds the next search may take; TimeoutError when none are left."""
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the regex time budget is spent")
        return left

    def stop(self) -> None:
        self.budget.spent += time.monotonic() - self.started


def _in_context(
    pattern: ContextPattern, text: str, spans: Iterable[tuple[int, int]], watch: _Stopwatch
) -> Iterator[Any]:
    """The matches of a ContextPattern whose context holds, span by span."""
    if pattern.marks:
        return _in_context_at_marks(pattern, text, spans, watch)
    return _in_context_searched(pattern, text, spans, watch)


def _in_context_searched(
    pattern: ContextPattern, text: str, spans: Iterable[tuple[int, int]], watch: _Stopwatch
) -> Iterator[Any]:
    """The body searched for; after a match whose context does not hold, the search resumes one
    character after its start, as the look-behind would have moved on."""
    search = pattern.body.compiled.search
    checks = pattern.checks  # compiled at the first match that needs them: most bodies never match
    for start, end in spans:
        position = start
        while position <= end:
            match = search(text, position, end, timeout=watch.timeout())
            if match is None:
                break
            at = match.start()
            if all(check.match(text, at, end) for check in checks):
                yield match
                position = match.end() if match.end() > at else at + 1
            else:
                position = at + 1


def _in_context_at_marks(
    pattern: ContextPattern, text: str, spans: Iterable[tuple[int, int]], watch: _Stopwatch
) -> Iterator[Any]:
    """The body tried where each of its leading marks stands (before a character that may follow
    it, when the body has a gate: see mark_gate), left to right, none overlapping the match
    before: where else a search would find it. The context, cheaper, is checked first."""
    gate = pattern.gate
    for start, end in spans:
        positions = places.positions(text, pattern.marks, start, end) if gate is None else gate.starts(text, start, end)
        if not positions:
            continue  # the body is compiled where one of its marks first stands
        match_body = pattern.body.compiled.match
        checks = [check.compiled.match for check in pattern.checks]
        position = start
        for at in positions:
            if at >= position and _holds(checks, text, at, end):
                match = match_body(text, at, end, timeout=watch.timeout())
                if match is not None:
                    yield match
                    position = match.end()  # never empty: it holds its leading mark


def _holds(checks: list[Any], text: str, at: int, end: int) -> bool:
    """Whether every context check matches at `at`."""
    for check in checks:
        if check(text, at, end) is None:
            return False
    return True
