"""Each document's configuration: the nearest configuration file above it, as the command line
finds it, read again when it or a rule file it names changes on disk, with the editor's settings
over it. A broken file is a Problem to show; the document is then linted with the defaults (and
the editor's settings), as ruff's server does, so that the writer is not left without checks.
"""

from __future__ import annotations

import os
from pathlib import Path

from newslint.api import forget_linters, linter_for
from newslint.config import Config, ConfigError, active_rules, discover, resolve
from newslint.errors import NewslintError, RuleFileError
from newslint.linter import Linter
from newslint.lsp.settings import ClientSettings
from newslint.records import field, record
from newslint.rules.loader import RULE_FILE_SUFFIXES

Signature = tuple  # what os.stat says of a file, or of each rule file of a folder


@record(frozen=True)
class Problem:
    """A configuration or rule file that cannot be used (or settings that cannot): what to show,
    and where, when there is a file and line to show it on."""

    message: str
    path: str | None = None
    line: int | None = None  # 1-based


@record
class Resolution:
    """What a document is linted with."""

    config: Config
    linter: Linter
    problems: list[Problem] = field(default_factory=list)


class ConfigResolver:
    """Finds, reads and caches configurations; notices when their files change."""

    def __init__(self) -> None:
        self._resolved: dict[tuple, Config] = {}
        self._rule_signatures: dict[str, Signature | None] = {}

    def for_document(self, path: str | None, root: str | None, settings: ClientSettings) -> Resolution:
        """The configuration and linter for a document at `path` (None: not a file)."""
        self._forget_changed_rules()
        config_file = self._config_file(path, root, settings)
        try:
            return self._resolution(config_file, settings)
        except NewslintError as error:
            problem = _problem(error)
        try:  # the file is the trouble: the defaults, with the editor's settings
            return self._resolution(None, settings, [problem])
        except NewslintError as error:  # the settings are the trouble
            settings_problem = Problem(f"settings: {error}")
        problems = [settings_problem] if config_file is None else [problem, settings_problem]
        return self._resolution(None, ClientSettings(), problems)

    def _resolution(self, config_file: str | None, settings: ClientSettings, problems=()) -> Resolution:
        config = self._resolve(config_file, settings)
        return Resolution(config, self._linter(config), list(problems))

    def _config_file(self, path: str | None, root: str | None, settings: ClientSettings) -> str | None:
        if settings.config_path is not None:
            return settings.config_path
        if settings.isolated:
            return None
        folder = os.path.dirname(path) if path else root
        while folder and not os.path.isdir(folder) and os.path.dirname(folder) != folder:
            folder = os.path.dirname(folder)  # a new document in a folder not yet on disk
        if not folder or not os.path.isdir(folder):
            return None
        found = discover(folder)
        return str(found) if found is not None else None

    def _resolve(self, config_file: str | None, settings: ClientSettings) -> Config:
        """config.resolve, kept while the file is unchanged on disk."""
        key = (config_file, _signature(config_file) if config_file else None, settings)
        config = self._resolved.get(key)
        if config is None:
            config = resolve(config_file, isolated=config_file is None, overrides=settings.resolve_overrides())
            if len(self._resolved) > 32:
                self._resolved.clear()
            self._resolved[key] = config
        return config

    def _linter(self, config: Config) -> Linter:
        for rule_path in config.rules:
            self._rule_signatures.setdefault(rule_path, _signature(rule_path))
        active_rules(config)  # unknown selectors and broken rule files raise here, before any linting
        return linter_for(config)

    def _forget_changed_rules(self) -> None:
        """Forget loaded rules when a rule file in use changed on disk since it was read."""
        changed = False
        for rule_path, known in self._rule_signatures.items():
            signature = _signature(rule_path)
            if signature != known:
                self._rule_signatures[rule_path] = signature
                changed = True
        if changed:
            forget_linters()
            self._resolved.clear()  # a config is checked against its rules when resolved


def _signature(path: str) -> Signature | None:
    """What changes when a file, or a rule file in a folder, is edited, added or removed."""
    try:
        if os.path.isdir(path):
            return tuple(
                (str(file), *_stat(file))
                for file in sorted(Path(path).rglob("*"))
                if file.suffix in RULE_FILE_SUFFIXES and file.is_file()
            )
        return _stat(path)
    except OSError:
        return None


def _stat(path: str | Path) -> tuple[int, int]:
    status = os.stat(path)
    return status.st_mtime_ns, status.st_size


def _problem(error: NewslintError) -> Problem:
    if isinstance(error, (ConfigError, RuleFileError)):
        return Problem(str(error), error.path, error.line)
    return Problem(str(error))
