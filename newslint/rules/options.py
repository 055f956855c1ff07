"""Typed rule keys: each validator turns a YAML value into what a kind needs, or says why not."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from newslint import lazy_regex as regex
from newslint.packs_memo import MEMO
from newslint.records import record
from newslint.regexes import PatternError, check_pattern

Validator = Callable[[Any], Any]


class OptionError(ValueError):
    """A key with a wrong value; the loader adds the file, line and rule id."""

    def __init__(self, key: str, problem: str) -> None:
        self.key = key
        self.problem = problem
        super().__init__(f"{key}: {problem}")


class _Invalid(ValueError):
    """Raised by validators; carries only the problem (the key is added by `Option.read`)."""


@record(frozen=True)
class Option:
    """One key of a rule: its validator, whether it must be given, and its default."""

    validate: Validator
    required: bool = False
    default: Any = None

    def read(self, key: str, settings: dict[str, Any]) -> Any:
        if key not in settings:
            if self.required:
                raise OptionError(key, "missing required key")
            return self.default
        try:
            return self.validate(settings[key])
        except _Invalid as error:
            raise OptionError(key, str(error)) from None


def _type_name(value: Any) -> str:
    names = {
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "a mapping",
        type(None): "empty",
    }
    for kind, name in names.items():
        if isinstance(value, kind):
            return name
    return type(value).__name__


def string(value: Any) -> str:
    if not isinstance(value, str):
        raise _Invalid(f"expected a string, got {_type_name(value)}")
    return value


def non_empty_string(value: Any) -> str:
    text = string(value)
    if not text.strip():
        raise _Invalid("must not be empty")
    return text


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _Invalid(f"expected true or false, got {_type_name(value)}")
    return value


def non_negative_number(value: Any) -> float:
    """A count or a rate: a finite number, 0 or more (YAML's .inf and .nan are numbers too)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < math.inf:
        raise _Invalid(f"expected a number of 0 or more, got {value!r}")
    return float(value)


def positive_number(value: Any) -> float:
    """A factor or a threshold: a finite number above 0."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < math.inf:
        raise _Invalid(f"expected a positive number, got {value!r}")
    return float(value)


def choice(*allowed: str) -> Validator:
    def validate(value: Any) -> str:
        if value not in allowed:
            raise _Invalid(f"expected one of {', '.join(allowed)}, got {value!r}")
        return value

    return validate


def string_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, list):
        raise _Invalid(f"expected a list of strings, got {_type_name(value)}")
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item:
            raise _Invalid(f"item {index + 1}: expected a non-empty string, got {_type_name(item)}")
    return tuple(value)


def non_empty_string_list(value: Any) -> tuple[str, ...]:
    items = string_list(value)
    if not items:
        raise _Invalid("must list at least one item")
    return items


def pattern(value: Any) -> str:
    """A regex (checked to compile; kinds compile it again with their flags)."""
    text = non_empty_string(value)
    _check_regex(text)
    return text


def pattern_list(value: Any) -> tuple[str, ...]:
    items = string_list(value)
    for item in items:
        _check_regex(item)
    return items


def _check_regex(text: str) -> None:
    try:
        check_pattern(text)
    except PatternError as error:
        raise _Invalid(str(error)) from None


@record(frozen=True)
class Swap:
    """One entry of a substitution: its replacements, and the context its matches need."""

    replacements: tuple[str, ...]
    after: str | None = None  # a regex that must end just before the match
    not_after: tuple[str, ...] = ()  # regexes none of which may end just before it


_SWAP_KEYS = ("to", "after", "not_after")


def swap_map(value: Any) -> dict[str, Swap]:
    """`wrong: right`, `wrong: [right, other right]` or `wrong: {to: right, after: ..., not_after:
    ...}`; keys are regexes, replacements templates (checked by the kind, once its named lists
    are expanded: see patterns.py)."""
    if not isinstance(value, dict) or not value:
        raise _Invalid(f"expected a mapping of wrong -> right, got {_type_name(value)}")
    swaps: dict[str, Swap] = {}
    for key, entry in value.items():
        key = str(key)
        if not key.strip():
            raise _Invalid("an empty key matches nothing")
        if isinstance(entry, dict):
            unknown = set(map(str, entry)) - set(_SWAP_KEYS)
            if unknown or "to" not in entry:
                problem = f"unknown key {sorted(unknown)[0]!r}" if unknown else "missing `to`"
                raise _Invalid(f"{key!r}: {problem} (expected {', '.join(_SWAP_KEYS)})")
            after = entry.get("after")
            if after is not None and not (isinstance(after, str) and after):
                raise _Invalid(f"{key!r}: after: expected a regex")
            swaps[key] = Swap(_replacements(key, entry["to"]), after, _not_after(key, entry.get("not_after", [])))
        else:
            swaps[key] = Swap(_replacements(key, entry))
    return swaps


def _replacements(key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and value and all(isinstance(r, str) for r in value):
        return tuple(value)
    raise _Invalid(f"{key!r}: expected a replacement string or a list of them")


def _not_after(key: str, value: Any) -> tuple[str, ...]:
    try:
        return string_or_list(value)
    except _Invalid as error:
        raise _Invalid(f"{key!r}: not_after: {error}") from None


def string_or_list(value: Any) -> tuple[str, ...]:
    """One string, or a list of them."""
    return (non_empty_string(value),) if isinstance(value, str) else string_list(value)


def check_swap(key: str, swap: Swap) -> None:
    """The key, its context and its replacements compile and expand (after list expansion)."""
    for pattern in (key, *([swap.after] if swap.after else []), *swap.not_after):
        _check_regex(pattern)
    _check_templates(key, swap.replacements)


def _check_templates(key: str, replacements: tuple[str, ...]) -> None:
    """Expand each replacement on a stand-in match with the key's groups, so that a bad group
    reference or escape is an error when the rule loads, not a crash when it runs."""
    MEMO.recall("templates", "\0".join((key, *replacements)), lambda: _templates_expand(key, replacements))


def _templates_expand(key: str, replacements: tuple[str, ...]) -> bool:
    compiled = regex.compile(key)
    names = {index: name for name, index in compiled.groupindex.items()}
    stand_in = "".join(f"(?P<{names[index]}>x)" if index in names else "(x)" for index in range(1, compiled.groups + 1))
    match = regex.match(stand_in, "x" * compiled.groups)
    for replacement in replacements:
        try:
            match.expand(replacement)  # type: ignore[union-attr]
        except (regex.error, IndexError, KeyError) as error:
            raise _Invalid(f"{key!r}: bad replacement {replacement!r}: {error}") from None
    return True


def pairs(value: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, list) or not value:
        raise _Invalid(f"expected a list of [open, close] pairs, got {_type_name(value)}")
    result = []
    for index, item in enumerate(value):
        if not (isinstance(item, list) and len(item) == 2 and all(isinstance(c, str) and len(c) == 1 for c in item)):
            raise _Invalid(f"item {index + 1}: expected [open, close], two single characters")
        result.append((item[0], item[1]))
    return tuple(result)
