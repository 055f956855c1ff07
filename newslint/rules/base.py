"""What every rule shares: its metadata, the common keys, and turning hits into findings.

A kind (newslint/kinds/) subclasses `Rule`, declares its own keys in `options` and implements
`hits(doc)`. Everything else -- exceptions, scope, message templates, fixes, positions and the
regex time limit -- happens here once, so that every kind behaves the same way.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Container, Iterable, Mapping
from functools import cache, cached_property, lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar

import ahocorasick_rs

from newslint import lazy_regex as regex
from newslint.document import Document
from newslint.errors import RuleFailure
from newslint.findings import Finding, Fix, Severity
from newslint.records import field, record
from newslint.regexes import TimeBudget, compile_pattern, lazy, required_literal, scan, time_budget, time_limit
from newslint.rules import options as opt
from newslint.rules.options import Option, OptionError
from newslint.triggers import Triggers

if TYPE_CHECKING:
    from pathlib import Path

RULE_ID = lazy(
    r"[a-z0-9]+(?:[-_][a-z0-9]+)*(?:\.[a-z0-9]+(?:[-_][a-z0-9]+)*)*", engine="re"
)  # ASCII only: `re` compiles it faster


@lru_cache(maxsize=1)
def builtin_rules_folder() -> str:
    """The folder of the built-in packs, installed as the package data `newslint.lint_rules`
    (beside the code in a wheel; found through importlib in an editable install). A str: the
    run's own path handling uses os.path, and pathlib is imported only where a Path is asked for."""
    beside = os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(__file__))), "lint_rules")
    if os.path.isdir(beside):
        return beside
    from importlib import resources

    return str(resources.files("newslint.lint_rules"))


def builtin_rules_dir() -> Path:
    """builtin_rules_folder() as a Path, for the API and the tests."""
    from pathlib import Path

    return Path(builtin_rules_folder())


@record(frozen=True)
class Examples:
    """Texts on which a rule must fire (`fail`) and must stay silent (`passing`)."""

    fail: tuple[str, ...] = ()
    passing: tuple[str, ...] = ()


def _rule_id(value: Any) -> str:
    text = opt.non_empty_string(value)
    if not RULE_ID.fullmatch(text):
        raise opt._Invalid(f"{text!r} is not a rule id: use lowercase words joined by dots, e.g. punct.doubled")
    return text


def _examples(value: Any) -> Examples:
    if not isinstance(value, dict):
        raise opt._Invalid("expected a mapping with `fail` and `pass` lists")
    unknown = set(value) - {"fail", "pass"}
    if unknown:
        raise opt._Invalid(f"unknown key {sorted(map(str, unknown))[0]!r} (expected fail, pass)")
    return Examples(
        fail=opt.string_list(value.get("fail", [])),
        passing=opt.string_list(value.get("pass", [])),
    )


COMMON_OPTIONS: Mapping[str, Option] = {
    "id": Option(_rule_id, required=True),
    "kind": Option(opt.non_empty_string, required=True),
    "message": Option(opt.non_empty_string, required=True),
    "level": Option(opt.choice("error", "warning", "info"), default="warning"),
    "description": Option(opt.string, default=""),
    "source": Option(opt.string, default=""),
    "link": Option(opt.string, default=None),
    "scope": Option(opt.choice("text", "unquoted", "writer"), default="text"),
    "fix": Option(opt.choice("safe", "unsafe", "none"), default=None),
    "ignorecase": Option(opt.boolean, default=None),
    "exceptions": Option(opt.pattern_list, default=()),
    "triggers": Option(opt.string_list, default=()),
    "default": Option(opt.boolean, default=True),
    "examples": Option(_examples, default=Examples()),
}


@record(frozen=True)
class RuleInfo:
    """A rule's metadata, as written in its file."""

    id: str
    kind: str
    level: Severity
    message: str
    description: str
    source: str
    link: str | None
    scope: str
    fix: str
    default: bool
    examples: Examples
    path: str
    line: int
    triggers: tuple[str, ...] = ()  # as written: words (on word boundaries) or punctuation


@record(frozen=True)
class Hit:
    """What a kind found: a span, candidate replacements, and values for the message template."""

    start: int
    end: int
    replacements: tuple[str, ...] = ()
    values: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


class LoadContext:
    """Where a rule file's relative references (word lists) are resolved."""

    def __init__(self, rule_file: str | os.PathLike[str]) -> None:
        self.base_dir = os.path.dirname(os.fspath(rule_file)) or "."

    def wordlist(self, name: str) -> tuple[str, ...]:
        """Entries of a word list: a built-in list's name, or a .txt path relative to the rule file."""
        path = (
            os.path.join(self.base_dir, name)
            if name.endswith(".txt") or "/" in name
            else os.path.join(builtin_rules_folder(), "wordlists", f"{name}.txt")
        )
        try:
            return _read_wordlist(os.path.realpath(path))
        except OSError as error:
            raise OptionError("wordlists", f"cannot read word list {name!r}: {error.strerror or error}") from None


WORDLISTS_READ: set[str] = set()  # every word list a rule has read (the result cache hashes them)


@cache
def _read_wordlist(path: str) -> tuple[str, ...]:
    WORDLISTS_READ.add(path)
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))


# Findings of one rule often say the same thing: one copy of each message serves them all.
_MESSAGES: dict[str, str] = {}


def _shared(message: str) -> str:
    if len(_MESSAGES) > 100_000:  # a long-lived process (a Dask worker) must not grow forever
        _MESSAGES.clear()
    return _MESSAGES.setdefault(message, message)


# Literals, at least, that one Aho-Corasick pass finds in a text sooner than a str search each
# (typo.repeated-word has 28 exceptions: 170 us of searches in an 11 KB story, 30 us of pass).
_MANY_LITERALS = 10


def _literals_in(folded: str, literals: tuple[str, ...]) -> Container[str]:
    """What answers `literal in ...` for each of the literals (distinct, none empty) as `literal in
    folded` does: the text itself, or, for many, the set of those one automaton pass finds there."""
    automaton = _automaton_of(literals) if len(literals) >= _MANY_LITERALS else None
    if automaton is None:
        return folded
    try:
        found = automaton.find_matches_as_indexes(folded, overlapping=True)
    except UnicodeEncodeError:  # a lone surrogate, which UTF-8 (the automaton's) cannot hold
        return folded
    return {literals[index] for index, _, _ in found}


@lru_cache(maxsize=64)
def _automaton_of(literals: tuple[str, ...]) -> ahocorasick_rs.AhoCorasick | None:
    """An automaton finding the literals (kept here, not on the rule: a rule stays picklable);
    None when one holds a lone surrogate, which UTF-8 cannot hold and the automaton then misses."""
    if not all(_in_utf8(literal) for literal in literals):
        return None
    return ahocorasick_rs.AhoCorasick(literals, implementation=ahocorasick_rs.Implementation.DFA)


def _in_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _one_line(message: str) -> str:
    """A message is one line of output, whatever text it quotes ("no\nNo" -> "no No")."""
    return " ".join(message.split()) if "\n" in message or "\r" in message else message


class Rule(ABC):
    """A loaded rule. Subclasses are the kinds; they implement `hits`."""

    kind: ClassVar[str]
    options: ClassVar[Mapping[str, Option]] = {}
    placeholders: ClassVar[frozenset[str]] = frozenset()
    default_fix: ClassVar[str] = "none"  # "none": the kind offers no replacement
    default_ignorecase: ClassVar[bool | None] = None  # None: the kind does not match by case
    filters_exceptions: ClassVar[bool] = False  # True: the kind applies `exceptions` itself

    def __init__(self, info: RuleInfo, settings: Mapping[str, Any], context: LoadContext) -> None:
        self.info = info
        ignorecase = settings.get("ignorecase")
        if ignorecase is not None and self.default_ignorecase is None:
            raise OptionError("ignorecase", f"kind {self.kind} does not match by case")
        self.ignorecase: bool = bool(self.default_ignorecase if ignorecase is None else ignorecase)
        self._exceptions = [compile_pattern(p, self.ignorecase) for p in settings.get("exceptions", ())]
        # The plain literal each exception needs (see excepted_spans): found now, while the packs
        # load, so that the packs memo keeps it for the runs that build the rule later.
        self._exception_literals = [required_literal(pattern.source) for pattern in self._exceptions]
        self._searched_literals = tuple(sorted({literal for literal in self._exception_literals if literal}))
        values = {key: spec.read(key, settings) for key, spec in self.options.items()}
        self.configure(values, context)

    @property
    def id(self) -> str:
        return self.info.id

    def configure(self, options: dict[str, Any], context: LoadContext) -> None:
        """Compile the kind's own keys; raise OptionError for a bad combination."""

    @cached_property
    def declared_triggers(self) -> Triggers:
        """The triggers the rule file declares (`triggers:`)."""
        return Triggers.of(self.info.triggers)

    def triggers(self) -> Triggers | None:
        """What a document must hold (one of) for this rule to fire there: the declared triggers,
        or else those the kind derives from its keys; None when the rule may fire anywhere (it
        then runs on every document)."""
        return self.declared_triggers or None

    def required_literals(self) -> frozenset[str] | None:
        """The rule's triggers as lowercase texts (None: it may fire anywhere)."""
        triggers = self.triggers()
        return triggers.all if triggers is not None else None

    def preference_problem(self, form: str) -> str | None:
        """Why `form` cannot be this rule's house preference (None: it can)."""
        return f"kind {self.kind} has no forms to prefer"

    def with_preference(self, form: str) -> Rule:
        """This rule with a house preference set by the configuration (kinds that have forms)."""
        raise NotImplementedError

    @abstractmethod
    def hits(self, doc: Document) -> Iterable[Hit]:
        """Every place where the rule fires, before exceptions and scope are applied."""

    def check(self, doc: Document, budget: TimeBudget | None = None) -> list[Finding]:
        """Findings of this rule on one document. All its regexes draw on one time budget: its
        own, or `budget`, one its caller has already made current for the document and that is
        renewed here for this rule (Linter.check: one entered per document rather than one
        made and entered per rule, for every rule the document triggers)."""
        if budget is None:
            with time_budget(time_limit(doc.text)) as budget:
                hits = self._found(doc, budget)
        else:
            budget.spent = 0.0
            hits = self._found(doc, budget)
        return [self._finding(doc, hit) for hit in self._kept(doc, hits)] if hits else []

    def _found(self, doc: Document, budget: TimeBudget) -> list[Hit]:
        """The hits less the rule's exceptions, found within the budget (the current one); a
        regex that runs out of it, or does not compile, is a RuleFailure naming the rule."""
        try:
            hits = list(self.hits(doc))
            if hits and self._exceptions and not self.filters_exceptions:
                hits = self._without_exceptions(doc, hits)
            return hits
        except TimeoutError:
            problem = f"a regex ran longer than the rule's {budget.seconds:.3g} s on this document"
            raise RuleFailure(doc.path, self.id, f"{problem} ({budget.spent:.3g} s in all) and was stopped") from None
        except regex.error as error:  # a pattern first compiled here (validated when its file loaded)
            raise RuleFailure(doc.path, self.id, f"invalid regex: {error}") from None

    def _kept(self, doc: Document, hits: list[Hit]) -> list[Hit]:
        """The hits in the writer's prose, as the rule's scope has it: none in a URL, a file name or
        a speaker label; with scope `unquoted`, none in a quotation; with `writer`, none in words
        quoted verbatim."""
        hits = [
            hit
            for hit in hits
            if not doc.overlaps_non_prose(hit.start, hit.end) and not doc.in_speaker_label(hit.start, hit.end)
        ]
        if self.info.scope == "unquoted":
            hits = [hit for hit in hits if not doc.in_quotation(hit.start)]
        elif self.info.scope == "writer":
            hits = [hit for hit in hits if not doc.in_verbatim(hit.start, hit.end)]
        return hits

    def example_document(self, text: str) -> Document:
        """The document one of the rule's examples stands for (bilingual rules: a pair)."""
        return Document(text, "<example>")

    def excepted_spans(self, doc: Document) -> list[tuple[int, int]]:
        """Spans of the text matched by the rule's `exceptions`; findings inside them are dropped.
        An exception whose plain literal ("chicken kiev") the text lacks is not searched for."""
        present = _literals_in(doc.folded, self._searched_literals)
        return [
            m.span()
            for pattern, literal in zip(self._exceptions, self._exception_literals)
            if literal is None or literal in present
            for m in scan(pattern, doc.text)
        ]

    def _without_exceptions(self, doc: Document, hits: list[Hit]) -> list[Hit]:
        excepted = self.excepted_spans(doc)
        return [hit for hit in hits if not any(start <= hit.start and hit.end <= end for start, end in excepted)]

    def _finding(self, doc: Document, hit: Hit) -> Finding:
        matched = doc.text[hit.start : hit.end]
        values = {"match": matched, "suggestion": "' or '".join(hit.replacements), **hit.values}
        start, end = doc.source_span(hit.start, hit.end)
        fix = None
        if (
            self.info.fix != "none"
            and len(hit.replacements) == 1
            and hit.replacements[0] != matched
            and doc.can_edit(hit.start, hit.end)  # never a fix that cuts through markup
        ):
            fix = Fix(hit.replacements[0], start, end, self.info.fix)  # type: ignore[arg-type]
        message = _shared(_one_line(self.info.message.format_map(values)))
        return doc.finding(start, end, self.id, self.info.level, message, fix)
