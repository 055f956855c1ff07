"""The editor's settings for newslint: initialization options and workspace/didChangeConfiguration.

They take the keys of a configuration file (select, ignore, languagetool, rules, levels, accept,
prefer, exclude), validated the same way, and override the file found above each document as
the command line's options do: `rules` adds to the file's, `languagetool` changes only the keys
it names. A few keys are the editor's own: `config` (a configuration file to use instead of
discovery), `isolated` (ignore configuration files), `source`/`target`/`sourceLanguage` (read
translations against their source, as --source does) and `debounce` (milliseconds after a change).
"""

from __future__ import annotations

import os
from typing import Any

from newslint.backends.settings import LanguageToolSettings
from newslint.bitext.run import BitextSettings
from newslint.config import ConfigError, from_settings
from newslint.records import fields, record

SECTION = "newslint"
EDITOR_KEYS = ("config", "isolated", "source", "target", "sourceLanguage", "debounce")
DEFAULT_DEBOUNCE = 0.2  # seconds between the last keystroke and linting


class SettingsError(ValueError):
    """Settings that cannot be used; the message names the key."""


@record(frozen=True)
class ClientSettings:
    """What the editor asked for, applied to each document's configuration."""

    overrides: tuple[tuple[str, Any], ...] = ()  # (Config field, value) for the keys given
    languagetool_keys: tuple[tuple[str, Any], ...] = ()  # (LanguageToolSettings field, value)
    config_path: str | None = None
    isolated: bool = False
    bitext: BitextSettings | None = None
    debounce: float = DEFAULT_DEBOUNCE

    def resolve_overrides(self) -> dict[str, Any]:
        """The settings as config.resolve takes the command line's options: `rules` add to the
        file's, `languagetool` changes only the keys given."""
        overrides: dict[str, Any] = dict(self.overrides)
        if self.languagetool_keys:
            overrides["languagetool"] = dict(self.languagetool_keys)
        return overrides


def parse(raw: Any, root: str | None) -> ClientSettings:
    """Settings from what the client sent (the `newslint` section, or the section's content);
    paths are relative to the workspace root. Raises SettingsError."""
    if isinstance(raw, dict) and isinstance(raw.get(SECTION), dict):
        raw = raw[SECTION]
    if raw is None or raw == "":
        return ClientSettings()
    if not isinstance(raw, dict):
        raise SettingsError(f"expected an object of settings, got {type(raw).__name__}")
    folder = root or os.getcwd()
    file_keys = {key: value for key, value in raw.items() if key not in EDITOR_KEYS and value is not None}
    try:
        parsed = from_settings(file_keys, "settings", folder)
    except ConfigError as error:
        raise SettingsError(str(error).removeprefix("settings: ")) from None
    overrides = []
    languagetool: tuple[tuple[str, Any], ...] = ()
    for key in file_keys:
        name = key.replace("-", "_")
        if name == "languagetool":
            languagetool = _languagetool_keys(file_keys[key], parsed.languagetool)
        else:
            overrides.append((name, getattr(parsed, name)))
    return ClientSettings(
        tuple(overrides),
        languagetool,
        _path(raw.get("config"), "config", folder),
        _boolean(raw.get("isolated", False), "isolated"),
        _bitext(raw, folder),
        _debounce(raw.get("debounce")),
    )


def _languagetool_keys(given: dict, parsed: LanguageToolSettings) -> tuple[tuple[str, Any], ...]:
    """Only the keys the editor named (plus `enabled`: naming the section asks for it)."""
    named = {key.replace("-", "_") for key in given} | {"enabled"}
    return tuple((f.name, getattr(parsed, f.name)) for f in fields(parsed) if f.name in named)


def _path(value: Any, key: str, folder: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise SettingsError(f"{key}: expected a path, got {value!r}")
    return os.path.normpath(os.path.join(folder, os.path.expanduser(value)))


def _boolean(value: Any, key: str) -> bool:
    if not isinstance(value, bool):
        raise SettingsError(f"{key}: expected true or false, got {value!r}")
    return value


def _bitext(raw: dict, folder: str) -> BitextSettings | None:
    source = _path(raw.get("source"), "source", folder)
    target = _path(raw.get("target"), "target", folder)
    language = raw.get("sourceLanguage")
    if language is not None and not isinstance(language, str):
        raise SettingsError(f"sourceLanguage: expected a language code, got {language!r}")
    if source is None:
        if target is not None:
            raise SettingsError("target: names the folder the `source` folder pairs with; give `source` too")
        return BitextSettings(language=language) if language else None
    return BitextSettings(source, target, language or None)


def _debounce(value: Any) -> float:
    if value is None:
        return DEFAULT_DEBOUNCE
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 10_000:
        raise SettingsError(f"debounce: expected milliseconds from 0 to 10000, got {value!r}")
    return value / 1000
