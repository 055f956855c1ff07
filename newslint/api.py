"""The public API: lint (and fix) text or files from Python -- scripts, notebooks, engines."""

from __future__ import annotations

import atexit
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from newslint.atomic import write_fixed
from newslint.backends.languagetool import LanguageToolBackend
from newslint.config import Config, active_rules, rule_set
from newslint.errors import InputError, NewslintError, RuleFailure
from newslint.formats.reader import document
from newslint.findings import Finding
from newslint.fixes import FixResult, fix_text
from newslint.linter import Linter
from newslint.sources import UTF8_BOM, Source, discover, read_source


def lint_text(text: str, path: str = "-", config: Config | None = None, format: str | None = None) -> list[Finding]:
    """Findings on one text, sorted by position; the format (text, markdown, html) follows the
    path's extension unless given. Raises RuleFailure if a rule could not finish."""
    result = linter_for(config or Config()).check(document(text, path, format))
    if result.failures:
        raise result.failures[0]
    return result.findings


@dataclass
class Report:
    """The outcome of linting files: findings, and what could not be read or checked."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[NewslintError] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # the files checked, as shown in findings
    unread_stdin: bytes | None = None  # standard input that could not be decoded, as read
    texts: dict[str, str] = field(default_factory=dict)  # texts of files with findings, if kept

    @property
    def files_checked(self) -> int:
        return len(self.files)

    @property
    def complete(self) -> bool:
        """False when something could not be read or checked (an optional LanguageTool aside)."""
        return not any(not getattr(error, "optional", False) for error in self.errors)


def linter_for(config: Config) -> Linter:
    """The Linter of a config, built once per process."""
    return _linters(config)


@lru_cache(maxsize=8)
def _linters(config: Config) -> Linter:
    languagetool = None
    if config.languagetool.enabled:  # one LanguageTool for the whole run, closed at exit
        languagetool = LanguageToolBackend(config.languagetool)
        atexit.register(languagetool.close)
    return Linter(active_rules(config), config, rule_set(config.rules, config.builtin_rules).ids, languagetool)


def _sources(paths: Iterable[str], report: Report, stdin_filename: str | None, config: Config) -> Iterator[Source]:
    """The readable files among paths, less the config's excluded ones; others become errors."""
    for item in discover(paths):
        if isinstance(item, str) and config.excluded(item):
            continue
        try:
            if isinstance(item, InputError):
                raise item
            source = read_source(item, stdin_filename)
        except InputError as error:
            report.errors.append(error)
            if error.data is not None:
                report.unread_stdin = error.data
            continue
        report.files.append(source.path)
        yield source


def lint_paths(
    paths: Iterable[str], config: Config | None = None, stdin_filename: str | None = None, keep_texts: bool = False
) -> Report:
    """Lint files and folders (recursing into prose files); bad inputs are reported, not raised.
    Standard input ("-") is shown, and its format chosen, as stdin_filename if given. With
    keep_texts, the texts of files with findings are kept (SARIF converts columns from them)."""
    config = config or Config()
    linter = linter_for(config)
    report = Report()
    for source in _sources(paths, report, stdin_filename, config):
        result = linter.check(document(source.text, source.path))
        report.findings.extend(result.findings)
        report.errors.extend(result.failures)
        if keep_texts and result.findings:
            report.texts[source.path] = source.text
    return report


@dataclass
class FixedFile:
    """A file whose text the fixes changed (written back unless the run only shows a diff)."""

    source: Source
    result: FixResult


@dataclass
class FixReport(Report):
    """Linting with --fix: `findings` are those that remain, `fixed` those whose fix was applied."""

    fixed: list[Finding] = field(default_factory=list)
    changed: list[FixedFile] = field(default_factory=list)
    stdin_output: bytes | None = None  # standard input after fixing (fixed or not), as bytes

    @property
    def filtered_stdin(self) -> bytes:
        """What `newslint --fix -` writes out: the fixed input, or the input as read when it
        could not be decoded. A filter never loses the text it was given."""
        return self.stdin_output if self.stdin_output is not None else (self.unread_stdin or b"")


def fix_paths(
    paths: Iterable[str],
    config: Config | None = None,
    unsafe: bool = False,
    write: bool = True,
    stdin_filename: str | None = None,
    keep_texts: bool = False,
) -> FixReport:
    """Fix files in place (write=True) or only compute the fixes (for --diff and standard input).
    A file that cannot be written keeps its findings, reported as remaining."""
    config = config or Config()
    linter = linter_for(config)
    report = FixReport()
    for source in _sources(paths, report, stdin_filename, config):
        result = _fix_source(source, linter, unsafe, report)
        if result.changed and write and not source.stdin:
            try:
                write_fixed(source, result.text)
            except InputError as error:
                report.errors.append(error)
                result = FixResult(source.text, remaining=linter.check(document(source.text, source.path)).findings)
        report.findings.extend(result.remaining)
        report.fixed.extend(result.fixed)
        if keep_texts and result.remaining:
            report.texts[source.path] = result.text
        if result.changed:
            report.changed.append(FixedFile(source, result))
        if source.stdin:
            report.stdin_output = (UTF8_BOM if source.bom else b"") + result.text.encode("utf-8")
    return report


def _fix_source(source: Source, linter: Linter, unsafe: bool, report: FixReport) -> FixResult:
    failures: dict[str, RuleFailure] = {}

    def lint(text: str) -> list[Finding]:
        checked = linter.check(document(text, source.path))
        failures.update((failure.rule_id, failure) for failure in checked.failures)
        return checked.findings

    result = fix_text(source.text, lint, unsafe)
    report.errors.extend(failures.values())
    return result
