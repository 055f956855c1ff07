"""Run settings, and the configuration file they may come from.

A project keeps its settings in `newslint.yaml`, `.newslint.yaml` or a `[tool.newslint]` table
of `pyproject.toml`; the nearest one above the current folder is used (`--config` names one,
`--isolated` ignores them all). Command-line options override the file. A key that is unknown
or of the wrong type is an error that names the file and the line.
"""

from __future__ import annotations

import math
import os
import sys
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newslint.backends.settings import RULE_PREFIX as LANGUAGETOOL
from newslint.backends.settings import LanguageToolSettings
from newslint.errors import NewslintError, RuleFileError
from newslint.findings import SEVERITIES
from newslint.records import record, replace
from newslint.regexes import lazy
from newslint.rules import options as opt
from newslint.rules.base import Rule
from newslint.rules.loader import RuleSet, load_rules
from newslint.rules.yaml_source import LocatedDict, load_yaml
from newslint.selection import choose_rules, selector_matches

if TYPE_CHECKING:
    from pathlib import Path


def _toml() -> Any:
    """The TOML parser, imported when a pyproject.toml is read (start-up need not pay for it)."""
    if sys.version_info >= (3, 11):
        import tomllib

        return tomllib
    import tomli  # pragma: no cover - Python 3.10

    return tomli  # pragma: no cover


CONFIG_FILES = ("newslint.yaml", ".newslint.yaml", "pyproject.toml")


class ConfigError(NewslintError):
    """A configuration file that cannot be used: `file:line: what is wrong`."""

    def __init__(self, path: str, line: int | None, problem: str) -> None:
        self._init_args = (path, line, problem)
        self.path, self.line, self.problem = path, line, problem
        super().__init__(f"{path}:{line}: {problem}" if line else f"{path}: {problem}")


@record(frozen=True)
class Config:
    """What a run checks and how. Frozen and hashable, so that loaded rules are cached per config."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()  # extra rule files or folders
    builtin_rules: bool = True
    levels: tuple[tuple[str, str], ...] = ()  # (rule id or prefix, level)
    exclude: tuple[str, ...] = ()  # glob patterns, relative to `root`
    root: str = ""  # the folder of the configuration file
    fail_level: str = "info"  # the lowest level that makes the exit code 1
    accept: tuple[str, ...] = ()  # terms never flagged
    prefer: tuple[tuple[str, str], ...] = ()  # (consistency rule id, the form that wins)
    report_unused_suppressions: bool = False
    languagetool: LanguageToolSettings = LanguageToolSettings()
    path: str | None = None  # the configuration file, if any
    key_lines: tuple[tuple[str, int], ...] = ()  # where each key of the file stands, for errors

    def line_of(self, key: str) -> int | None:
        return dict(self.key_lines).get(key)

    def level_of(self, rule_id: str, default: str) -> str:
        """The level a rule reports at: the most specific `levels` entry, or its own."""
        matches = [(len(sel), level) for sel, level in self.levels if selector_matches(rule_id, sel)]
        return max(matches)[1] if matches else default

    def excluded(self, path: str) -> bool:
        """Whether a file is excluded by the `exclude` globs (matched against its path relative to
        the configuration file's folder, and against its name)."""
        if not self.exclude or path == "-":
            return False
        import fnmatch

        absolute = os.path.abspath(path)
        relative = os.path.relpath(absolute, self.root) if self.root else path
        relative = relative.replace(os.sep, "/")
        return any(
            fnmatch.fnmatch(relative, pattern)
            or fnmatch.fnmatch(os.path.basename(path), pattern)
            or relative.startswith(pattern.rstrip("/") + "/")
            for pattern in self.exclude
        )


# --- rules for a config -------------------------------------------------------------------------


@lru_cache(maxsize=8)
def rule_set(extra: tuple[str, ...] = (), builtin: bool = True) -> RuleSet:
    return load_rules(extra, builtin=builtin)


def active_rules(config: Config) -> list[Rule]:
    """The rules a config selects, loaded once per process, with its house preferences applied."""
    return _active_rules(config)


@lru_cache(maxsize=8)
def _active_rules(config: Config) -> list[Rule]:
    rules = choose_rules(
        list(rule_set(config.rules, config.builtin_rules)), config.select, config.ignore, OTHER_FINDINGS
    )
    preferences = dict(config.prefer)
    return [rule.with_preference(preferences[rule.id]) if rule.id in preferences else rule for rule in rules]


def forget_loaded_rules() -> None:
    """Read rule files again when next asked: a long-running process (the language server)
    calls this when one changed on disk."""
    rule_set.cache_clear()
    _active_rules.cache_clear()


# --- finding and reading configuration files ----------------------------------------------------


def discover(start: str | os.PathLike[str] = ".") -> Path | None:
    """The nearest configuration file at or above `start`."""
    found = _nearest_config(start)
    if found is None:
        return None
    from pathlib import Path

    return Path(found)


def _nearest_config(start: str | os.PathLike[str] = ".") -> str | None:
    """discover()'s file as a str, found with os.path: every run looks, and need not import pathlib."""
    folder = os.path.realpath(start)
    while True:
        for name in CONFIG_FILES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate) and (name != "pyproject.toml" or _has_newslint_table(candidate)):
                return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _has_newslint_table(path: str) -> bool:
    """Whether a pyproject.toml configures newslint; one that does but is not valid TOML counts,
    so that its error is reported instead of the file being passed over."""
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError):
        return False
    try:
        return "newslint" in _toml().loads(text).get("tool", {})
    except (_toml().TOMLDecodeError, RecursionError):
        return "[tool.newslint" in text.replace(" ", "")


def load(path: str | os.PathLike[str]) -> Config:
    """A Config from a configuration file (YAML, or pyproject.toml's [tool.newslint])."""
    from pathlib import Path  # shown as before (normalised); only runs with a configuration file

    path = Path(path)
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(shown, None, f"cannot read: {getattr(error, 'strerror', None) or error}") from None
    if path.name == "pyproject.toml":
        try:
            table = _toml().loads(text).get("tool", {}).get("newslint")
        except _toml().TOMLDecodeError as error:
            raise ConfigError(shown, getattr(error, "lineno", None), f"invalid TOML: {error}") from None
        except RecursionError:  # tomllib recurses once per level of nesting
            raise ConfigError(shown, None, "invalid TOML: nested too deeply") from None
        if not isinstance(table, dict):
            raise ConfigError(shown, None, "no [tool.newslint] table")
        toml_lines = _toml_lines(text)
        return _from_mapping(table, shown, path.parent, lambda *keys: toml_lines.get(keys))
    try:
        data = load_yaml(text, shown)
    except RuleFileError as error:
        raise ConfigError(shown, error.line, error.problem) from None
    if data is None:
        data = LocatedDict()
    if not isinstance(data, LocatedDict):
        raise ConfigError(shown, 1, "expected a mapping of settings")
    return _from_mapping(data, shown, path.parent, lambda *keys: _yaml_line(data, keys))


def _yaml_line(data: LocatedDict, keys: tuple[str, ...]) -> int | None:
    """The line of a key, or of a key inside the mapping under a key ("levels", "typo")."""
    if len(keys) == 1:
        return data.key_lines.get(keys[0], data.line)
    mapping: Any = data
    for key in keys[:-1]:
        mapping = mapping.get(key) if isinstance(mapping, dict) else None
    return getattr(mapping, "key_lines", {}).get(keys[-1])


_TOML_TABLE = "tool.newslint"


def _toml_lines(text: str) -> dict[tuple[str, ...], int]:
    """Where each key of [tool.newslint] and of its sub-tables stands, by key path: tomllib keeps
    no positions. `[tool.newslint.levels]` is the line of ("levels",), `typo = ...` under it the
    line of ("levels", "typo"); dotted keys (`levels.typo = ...`) count as written."""
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] | None = None  # the current table, relative to [tool.newslint]
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        header = _TOML_HEADER.match(stripped)
        if header:
            name = _toml_key_path(header.group(1))
            prefix = tuple(_TOML_TABLE.split("."))
            table = name[len(prefix) :] if name[: len(prefix)] == prefix else None
            if table:
                lines.setdefault(table, number)
            continue
        if table is None or "=" not in stripped or stripped.startswith("#"):
            continue
        key = table + _toml_key_path(stripped.split("=", 1)[0])
        for length in range(1, len(key) + 1):
            lines.setdefault(key[:length], number)
    return lines


def _toml_key_path(written: str) -> tuple[str, ...]:
    """`a."b.c"` -> ("a", "b.c"): dots inside quotes belong to the key (rule ids have dots)."""
    return tuple("".join(parts) for parts in _TOML_KEY_PART.findall(written))


_TOML_HEADER = lazy(r"\[\[?\s*((?:\"[^\"]*\"|'[^']*'|[^\]\"'])+?)\s*\]")  # [table], [[array]]; comments after
_TOML_KEY_PART = lazy(r"\"([^\"]*)\"|'([^']*)'|([^.\s\"']+)")


def _comma_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(item.strip() for item in value.split(",") if item.strip())
    return opt.string_list(value)


def _level_map(value: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise opt._Invalid("expected a mapping of rule id or prefix -> error|warning|info")
    return _validated_items(value, opt.choice(*SEVERITIES))


def _string_map(value: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise opt._Invalid("expected a mapping of rule id -> form")
    return _validated_items(value, opt.non_empty_string)


def _validated_items(mapping: dict, validate: Any) -> tuple[tuple[str, Any], ...]:
    items = []
    for key, item in mapping.items():
        try:
            items.append((str(key), validate(item)))
        except opt._Invalid as error:
            raise _NestedError(str(key), str(error)) from None
    return tuple(items)


def _seconds(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
        raise opt._Invalid(f"expected a positive number of seconds, got {value!r}")
    return float(value)


_LANGUAGETOOL_KEYS = {
    "enabled": opt.boolean,
    "language": opt.non_empty_string,
    "server": opt.non_empty_string,
    "proxy": opt.non_empty_string,
    "disabled_rules": _comma_list,
    "enabled_rules": _comma_list,
    "disabled_categories": _comma_list,
    "picky": opt.boolean,
    "mother_tongue": opt.non_empty_string,
    "optional": opt.boolean,
    "timeout": _seconds,
    "safe_categories": _comma_list,
    "cache": opt.boolean,
}


class _NestedError(ValueError):
    """An error in a nested mapping (languagetool, levels, prefer), under one of its keys."""

    def __init__(self, key: str, problem: str, about_value: bool = True) -> None:
        self.key = key
        self.about_value = about_value  # False: about the key itself (unknown), not its value
        super().__init__(problem)


def _languagetool(value: Any) -> LanguageToolSettings:
    if not isinstance(value, dict):
        raise opt._Invalid("expected a mapping (enabled, language, server, ...)")
    settings = {}
    for key, item in value.items():
        name = str(key).replace("-", "_")
        validate = _LANGUAGETOOL_KEYS.get(name)
        if validate is None:
            known = ", ".join(sorted(_LANGUAGETOOL_KEYS))
            raise _NestedError(str(key), f"unknown key {key!r} (known: {known})", about_value=False)
        try:
            settings[name] = validate(item)
        except opt._Invalid as error:
            raise _NestedError(str(key), str(error)) from None
    settings.setdefault("enabled", True)  # writing the section is asking for it, unless it says otherwise
    return LanguageToolSettings(**settings)


_KEYS = {
    "select": _comma_list,
    "ignore": _comma_list,
    "rules": opt.string_list,
    "levels": _level_map,
    "exclude": opt.string_list,
    "fail-level": opt.choice(*SEVERITIES),
    "accept": opt.string_list,
    "prefer": _string_map,
    "languagetool": _languagetool,
}


def _from_mapping(data: dict, shown: str, folder: Path, line_of: Any) -> Config:
    values: dict[str, Any] = {}
    for key, value in data.items():
        key = str(key)
        validate = _KEYS.get(key.replace("_", "-"))
        if validate is None:
            raise ConfigError(shown, line_of(key), f"unknown key {key!r} (known: {', '.join(sorted(_KEYS))})")
        try:
            values[key.replace("_", "-")] = validate(value)
        except opt._Invalid as error:
            raise ConfigError(shown, line_of(key), f"{key}: {error}") from None
        except _NestedError as error:
            where = f"{key}.{error.key}" if error.about_value else key
            raise ConfigError(shown, line_of(key, error.key) or line_of(key), f"{where}: {error}") from None
    return Config(
        select=values.get("select"),
        ignore=values.get("ignore", ()),
        rules=tuple(str((folder / rule).resolve()) for rule in values.get("rules", ())),
        levels=values.get("levels", ()),
        exclude=values.get("exclude", ()),
        root=str(folder.resolve()),
        fail_level=values.get("fail-level", "info"),
        accept=values.get("accept", ()),
        prefer=values.get("prefer", ()),
        languagetool=values.get("languagetool", LanguageToolSettings()),
        path=shown,
        key_lines=tuple((key.replace("_", "-"), line) for key in data if (line := line_of(str(key))) is not None),
    )


def from_settings(data: dict, shown: str, folder: str | Path) -> Config:
    """A Config from settings given as a mapping rather than a file (an editor's settings for the
    language server), validated like a file; `rules` are relative to `folder`; errors carry no line."""
    from pathlib import Path  # the language server's, which imports it anyway

    return _from_mapping(data, shown, Path(folder), lambda *keys: None)


def resolve(config_path: str | None = None, isolated: bool = False, overrides: dict[str, Any] | None = None) -> Config:
    """The run's Config: the named or discovered file, then the command line's overrides."""
    config = Config()
    if not isolated:
        found = config_path or _nearest_config()
        if config_path and not os.path.isfile(config_path):
            raise ConfigError(config_path, None, "no such configuration file")
        if found is not None:
            config = load(found)
            _check_against_rules(config)  # the file's own mistakes, with its name and line
    overrides = {key: value for key, value in (overrides or {}).items() if value is not None}
    if "rules" in overrides:
        overrides["rules"] = config.rules + tuple(overrides["rules"])
    languagetool = overrides.pop("languagetool", None)  # partial: only what the command line says
    if languagetool:
        overrides["languagetool"] = replace(config.languagetool, **languagetool)
    return replace(config, **overrides)


# Findings that come from elsewhere than a rule file, which selectors and levels may name too.
OTHER_FINDINGS = (LANGUAGETOOL, "newslint")


def _check_against_rules(config: Config) -> None:
    """What the file names must exist: rule files, rules (select, ignore, levels, prefer) and the
    forms `prefer` chooses; an error names the file and the key's line."""
    where = config.path or "configuration"
    for rule_file in config.rules:
        if not os.path.exists(rule_file or "."):  # as Path(rule_file).exists(): "" is "."
            raise ConfigError(where, config.line_of("rules"), f"rules: no such rule file or folder: {rule_file}")
    rules = rule_set(config.rules, config.builtin_rules)

    def known(selector: str) -> bool:
        return any(selector_matches(rule.id, selector) for rule in rules) or any(
            selector_matches(selector, other) for other in OTHER_FINDINGS
        )

    if config.select is not None and not config.select:
        raise ConfigError(where, config.line_of("select"), "select: selects no rule (leave it out for the defaults)")
    for key, selectors in (("select", config.select or ()), ("ignore", config.ignore), ("levels", dict(config.levels))):
        for selector in selectors:
            if not known(selector):
                raise ConfigError(where, config.line_of(key), f"{key}: no rule is called or starts with {selector!r}")
    for rule_id, form in config.prefer:
        rule = rules.get(rule_id)
        if rule is None:
            raise ConfigError(where, config.line_of("prefer"), f"prefer: no rule called {rule_id!r}")
        problem = rule.preference_problem(form)
        if problem:
            raise ConfigError(where, config.line_of("prefer"), f"prefer: {rule_id}: {problem}")
