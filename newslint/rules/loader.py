"""Loading rule files into Rule objects, with every problem reported as `file:line: id: what`."""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Iterable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from newslint.errors import RuleFileError, RuleFileWarning
from newslint.packs_memo import MEMO, tree_files
from newslint.regexes import PatternError
from newslint.rules import deferred, yaml_source
from newslint.rules.base import COMMON_OPTIONS, LoadContext, Rule, RuleInfo, builtin_rules_folder
from newslint.rules.deferred import DeferredRule
from newslint.rules.options import OptionError
from newslint.rules.patterns import leads_with_lookbehind
from newslint.rules.registry import KIND_NAMES, kind_class
from newslint.rules.yaml_source import LocatedDict, remembered_yaml, text_key

if TYPE_CHECKING:
    from pathlib import Path

try:  # what string.Formatter().parse calls, without importing string (its Template class compiles a regex)
    from _string import formatter_parser
except ImportError:  # pragma: no cover - a Python without it
    from string import Formatter

    formatter_parser = Formatter().parse

RULE_FILE_SUFFIXES = (".yaml", ".yml")


class RuleSet:
    """The loaded rules, in load order, addressable by id."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = list(rules)
        self._by_id = {rule.id: rule for rule in self.rules}

    def __iter__(self):
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def get(self, rule_id: str) -> Rule | None:
        return self._by_id.get(rule_id)

    @property
    def ids(self) -> list[str]:
        return [rule.id for rule in self.rules]


def load_rules(paths: Iterable[str | Path] = (), builtin: bool = True) -> RuleSet:
    """The built-in packs (unless builtin=False) and the rule files or folders in `paths`."""
    rules: list[Rule] = list(builtin_rules()) if builtin else []
    files: list[Path] = []
    for path in paths:
        path = _as_path(path)
        if path.is_dir():
            files.extend(_user_rule_files(path))
        elif path.is_file():
            files.append(path)
        else:
            raise RuleFileError(str(path), None, None, "no such rule file or folder")
    defined_at = {rule.id: f"{rule.info.path}:{rule.info.line}" for rule in rules}
    for file in files:
        for rule in load_rule_file(file):
            if rule.id in defined_at:
                raise RuleFileError(
                    rule.info.path,
                    rule.info.line,
                    rule.id,
                    f"duplicate rule id (first defined at {defined_at[rule.id]})",
                )
            defined_at[rule.id] = f"{rule.info.path}:{rule.info.line}"
            rules.append(rule)
    return RuleSet(rules)


def builtin_rules() -> list[Rule]:
    """The built-in packs, validated like any rule file. What is slow in loading them (parsing
    their YAML, compiling each pattern to check it) is remembered between runs as signed plain
    data (packs_memo.py), never as objects: nothing read from disk can run code."""
    folder = builtin_rules_folder()
    rules = []
    with MEMO.remembering(folder):
        for _, file in tree_files(folder, RULE_FILE_SUFFIXES):
            rules.extend(load_rule_file(file, builtin=True))
    return rules


def _as_path(path: str | Path) -> Path:
    """A user's rule file or folder as a Path, which shows it as before (normalised: "./r/" is
    "r"); imported here, by the runs that name rule files, not by every run."""
    from pathlib import Path

    return Path(path)


def _user_rule_files(folder: Path) -> list[Path]:
    return [folder / relative for relative, _ in tree_files(str(folder), RULE_FILE_SUFFIXES)]


def load_rule_file(path: str | os.PathLike[str], builtin: bool = False) -> list[Rule]:
    """Every rule of one YAML file: a list of rules, or one rule as a mapping. A built-in rule
    whose pattern would be slow (see speed_problems) is an error; a user's, a warning. A built-in
    pack that loaded before is known from the packs memo: its rules are built when needed."""
    display = str(path)
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except UnicodeDecodeError:
        raise RuleFileError(display, None, None, "not valid UTF-8") from None
    except OSError as error:
        raise RuleFileError(display, None, None, f"cannot read: {error.strerror or error}") from None
    if builtin:
        known = _known_rules(text, display, LoadContext(path))
        if known is not None:
            return known  # type: ignore[return-value]
        rules = _parsed_rules(text, display, path, builtin)
        MEMO.recall("rules", text_key(text), lambda: _summaries(rules, MEMO.known("documents", text_key(text))))
        return rules
    return _parsed_rules(text, display, path, builtin)


def _summaries(rules: list[Rule], document: Any) -> list[dict[str, Any]]:
    """What the packs memo keeps of a pack's rules: each one's info and triggers, and where its
    entry stands in the pack's remembered document (see _item_spans), for it to be decoded alone
    when the rule is built."""
    summaries = [deferred.to_plain(rule) for rule in rules]
    spans = _item_spans(document) if isinstance(document, str) else None
    if spans is not None and len(spans) == len(summaries):
        for summary, (start, end) in zip(summaries, spans):
            summary["item"] = [start, end]
    return summaries


def _known_rules(text: str, display: str, context: LoadContext) -> list[DeferredRule] | None:
    """A built-in pack's rules as the packs memo knows them from an earlier load, each built when
    first needed; None when the memo does not know this text (or not in the shape it writes)."""
    key = text_key(text)
    summaries, document = MEMO.known("rules", key), MEMO.known("documents", key)
    if not isinstance(summaries, list) or not isinstance(document, str):
        return None
    spans = [summary.get("item") if isinstance(summary, dict) else None for summary in summaries]
    if not all(_is_span(span, len(document)) for span in spans):
        return None
    try:
        known = [deferred.from_plain(summary, display) for summary in summaries]
    except ValueError:
        return None
    return [
        DeferredRule(info, triggers, partial(_build_known, document, span, info, context))
        for span, (info, triggers) in zip(spans, known)
    ]


_LIST_START = '{"s": ['  # how yaml_source.to_json writes a list of rules ...
_MAPPING_START = '{"m": ['  # ... and one rule
_DECODER = json.JSONDecoder()


def _item_spans(document: str) -> list[tuple[int, int]] | None:
    """Where the JSON of each rule stands in a document as yaml_source.to_json wrote it: each
    item of a list of rules (decoded once, when the memo learns the pack, to find where it ends),
    or the one mapping, the whole document; None for a document not written so."""
    if document.startswith(_MAPPING_START):
        return [(0, len(document))]
    if not document.startswith(_LIST_START):
        return None
    spans, position = [], len(_LIST_START)
    try:
        while document[position] != "]":
            end = _DECODER.raw_decode(document, position)[1]
            spans.append((position, end))
            position = end + 2 if document.startswith(", ", end) else end
    except (ValueError, IndexError, RecursionError):
        return None
    return spans


def _is_span(span: Any, length: int) -> bool:
    """Whether a value read from the memo is a span _summaries writes, within the document."""
    return (
        isinstance(span, list)
        and len(span) == 2
        and all(type(edge) is int for edge in span)
        and 0 <= span[0] < span[1] <= length
    )


def _build_known(document: str, span: list[int], info: RuleInfo, context: LoadContext) -> Rule:
    """A rule of a built-in pack, from its remembered entry (its JSON alone, cut from the pack's
    document); it is the rule the memo described."""
    start, end = span
    try:
        entry = yaml_source.from_plain(json.loads(document[start:end]))
    except (ValueError, RecursionError):
        entry = None
    rule = _build_rule(entry, info.path, context) if isinstance(entry, LocatedDict) else None
    if rule is None or rule.info != info:
        raise RuleFileError(info.path, info.line, info.id, "the packs memo does not match the pack")
    return rule


def _parsed_rules(text: str, display: str, path: str | os.PathLike[str], builtin: bool) -> list[Rule]:
    document = remembered_yaml(text, display)
    if document is None:
        return []
    entries = [document] if isinstance(document, dict) else document
    if not isinstance(entries, list):
        raise RuleFileError(display, 1, None, "expected a list of rules")
    context = LoadContext(path)
    rules = []
    for index, entry in enumerate(entries):
        line = entries.item_lines[index] if hasattr(entries, "item_lines") else 1
        if not isinstance(entry, LocatedDict):
            raise RuleFileError(display, line, None, "a rule must be a mapping of keys")
        rule = _build_rule(entry, display, context)
        for key, problem in speed_problems(rule):
            line = entry.key_lines.get(key, entry.line)
            if builtin:
                raise RuleFileError(display, line, rule.id, problem)
            warnings.warn(RuleFileWarning(str(RuleFileError(display, line, rule.id, problem))), stacklevel=3)
        rules.append(rule)
    return rules


def speed_problems(rule: Rule) -> list[tuple[str, str]]:
    """(key, problem) for each pattern of the rule that the engine cannot run fast: one that leads
    with a look-behind (tried at every position of every document: write the context as `after`
    or `not_after`), and a rule with patterns but no trigger (it would run on every document)."""
    written: list[str] = getattr(rule, "patterns", [])
    key = "swap" if rule.kind == "substitution" else "pattern"
    problems = [
        (key, f"{pattern[:40]!r}... leads with a look-behind: give that context as `after` or `not_after`")
        for pattern in written
        if leads_with_lookbehind(pattern)
    ]
    if written and rule.triggers() is None:
        problems.append((key, "no trigger: name the words or marks every match holds in `triggers`"))
    return problems


def _build_rule(entry: LocatedDict, path: str, context: LoadContext) -> Rule:
    raw_id = entry.get("id")
    rule_id = raw_id if isinstance(raw_id, str) else None

    def fail(problem: str, key: str | None = None) -> RuleFileError:
        line = entry.key_lines.get(key, entry.line) if key else entry.line
        return RuleFileError(path, line, rule_id, problem)

    try:
        common = {key: spec.read(key, entry) for key, spec in COMMON_OPTIONS.items()}
    except OptionError as error:
        raise fail(f"{error.key}: {error.problem}", error.key) from None
    kind = kind_class(common["kind"])
    if kind is None:
        raise fail(f"kind: unknown kind {common['kind']!r} (known: {', '.join(sorted(KIND_NAMES))})", "kind")
    allowed = set(COMMON_OPTIONS) | set(kind.options)
    for key in entry:
        if key not in allowed:
            raise fail(f"unknown key {key!r} for kind {kind.kind}", str(key))
    fix = _fix_setting(common["fix"], kind, fail)
    _check_message(common["message"], kind, fail)
    info = RuleInfo(
        id=common["id"],
        kind=kind.kind,
        level=common["level"],
        message=common["message"],
        description=common["description"],
        source=common["source"],
        link=common["link"],
        scope=common["scope"],
        fix=fix,
        default=common["default"],
        examples=common["examples"],
        path=path,
        line=entry.line,
        triggers=common["triggers"],
    )
    try:
        return kind(info, entry, context)
    except OptionError as error:
        raise fail(f"{error.key}: {error.problem}", error.key) from None
    except PatternError as error:
        raise fail(str(error), "exceptions") from None


def _fix_setting(value: str | None, kind: type[Rule], fail: Any) -> str:
    if value is None:
        return kind.default_fix
    if value != "none" and kind.default_fix == "none":
        raise fail(f"fix: kind {kind.kind} offers no replacement to apply", "fix")
    return value


def _check_message(message: str, kind: type[Rule], fail: Any) -> None:
    """Plain named placeholders only: a format spec (`{match:>2000000000}`, which would build a
    string of two billion characters), a conversion or an attribute is refused."""
    allowed = {"match"} | kind.placeholders | ({"suggestion"} if kind.default_fix != "none" else set())
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in formatter_parser(message)]
    except ValueError as error:
        raise fail(f"message: {error}", "message") from None
    for name, spec, conversion in fields:
        if name is None:
            continue
        if spec or conversion:
            written = f"{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}"
            raise fail(f"message: {written}: write a placeholder plainly, as {{{name}}}", "message")
        if name not in allowed:
            raise fail(f"message: unknown placeholder {{{name}}} (available: {', '.join(sorted(allowed))})", "message")
    try:
        message.format_map({name: "x" for name in allowed})
    except (ValueError, KeyError, IndexError, AttributeError) as error:
        raise fail(f"message: {error}", "message") from None
