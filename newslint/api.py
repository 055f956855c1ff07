"""The public API: lint (and fix) text or files from Python -- scripts, notebooks, engines."""

from __future__ import annotations

import atexit
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from newslint import runner
from newslint.backends.settings import RULE_PREFIX as LANGUAGETOOL
from newslint.backends.settings import LanguageToolUnavailable
from newslint.config import Config, active_rules, forget_loaded_rules, rule_set
from newslint.errors import InputError, NewslintError
from newslint.findings import Finding
from newslint.linter import Linter
from newslint.records import field, record
from newslint.runner import FileOutcome, Job
from newslint.selection import family_selected
from newslint.sources import discover

if TYPE_CHECKING:
    from newslint.bitext.run import BitextSettings
    from newslint.fix_report import FixReport


def lint_text(text: str, path: str = "-", config: Config | None = None, format: str | None = None) -> list[Finding]:
    """Findings on one text, sorted by position; the format (text, markdown, html) follows the
    path's extension unless given. Raises RuleFailure if a rule could not finish."""
    result = linter_for(config or Config()).check_text(text, path, format)
    if result.failures:
        raise result.failures[0]
    return result.findings


def lint_translation(
    target: str,
    source: str,
    path: str = "-",
    config: Config | None = None,
    language: str | None = None,
    source_path: str = "<source>",
) -> list[Finding]:
    """Findings on a translation checked against its source, line i of `source` being the
    source of line i of `target` (the source language is told from its script unless given);
    newslint's own rules read the translation too. Raises RuleFailure if a rule could not finish."""
    from newslint.bitext.readers import pairs
    from newslint.formats.reader import document

    doc = pairs.read(target, path, document(source, source_path), language)
    result = linter_for(config or Config()).check(doc)
    if result.failures:
        raise result.failures[0]
    return doc.annotated(result.findings)


@record
class Report:
    """The outcome of linting files: findings, and what could not be read or checked."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[NewslintError] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # the files checked, as shown in findings
    unread_stdin: bytes | None = None  # standard input that could not be decoded, as read
    texts: dict[str, str] = field(default_factory=dict)  # texts of files with findings, if kept
    unpaired: list[str] = field(default_factory=list)  # targets that --source had no source for

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


def forget_linters() -> None:
    """Build linters (and read rule files) afresh from now on: for a long-running process, such
    as the language server, when a rule file changed on disk."""
    forget_loaded_rules()
    _linters.cache_clear()


@lru_cache(maxsize=8)
def _linters(config: Config) -> Linter:
    languagetool = None
    # One LanguageTool for the whole run, closed at exit; none when its findings are not selected:
    # then no copy is sent, and no failure of it can make the run incomplete.
    if config.languagetool.enabled and family_selected(LANGUAGETOOL, config.select, config.ignore):
        from newslint.backends.languagetool import LanguageToolBackend
        from newslint.cache import folder_for

        languagetool = LanguageToolBackend(config.languagetool, folder_for(config) / "languagetool")
        atexit.register(languagetool.close)
    return Linter(active_rules(config), config, rule_set(config.rules, config.builtin_rules).ids, languagetool)


def _items(paths: Iterable[str], report: Report, config: Config) -> list[str]:
    """The files to process, less the config's excluded ones; missing paths become errors."""
    items = []
    for item in discover(paths):
        if isinstance(item, InputError):
            report.errors.append(item)
        elif not config.excluded(item):
            items.append(item)
    return items


def _run(paths: Iterable[str], job: Job, report: Report, jobs: int, progress) -> Iterator[FileOutcome]:
    """Outcomes of every file, gathered into the report as they come."""
    linter = linter_for(job.config)
    for outcome in runner.run(_items(paths, report, job.config), job, linter, jobs, progress):
        if outcome.path is not None:
            report.files.append(outcome.path)
        if outcome.unread_stdin is not None:
            report.unread_stdin = outcome.unread_stdin
        report.findings.extend(outcome.findings)
        report.errors.extend(error for error in outcome.errors if not _said_before(error, report.errors))
        if outcome.text is not None:
            report.texts[outcome.path] = outcome.text  # type: ignore[index]
        if outcome.source_text is not None:
            report.texts.setdefault(*outcome.source_text)
        if outcome.unpaired:
            report.unpaired.append(outcome.path)  # type: ignore[arg-type]
        yield outcome


def _said_before(error: NewslintError, errors: list[NewslintError]) -> bool:
    """LanguageTool fails once for a run, not once per file: say it once."""
    return isinstance(error, LanguageToolUnavailable) and any(str(error) == str(other) for other in errors)


def lint_paths(
    paths: Iterable[str],
    config: Config | None = None,
    stdin_filename: str | None = None,
    keep_texts: bool = False,
    jobs: int = 1,
    cache: bool = False,
    progress=None,
    bitext: BitextSettings | None = None,
) -> Report:
    """Lint files and folders (recursing into prose files); bad inputs are reported, not raised.
    Standard input ("-") is shown, and its format chosen, as stdin_filename if given. With
    keep_texts, the texts of files with findings are kept (SARIF converts columns from them);
    with cache, results are kept in and read from .newslint_cache/; jobs > 1 uses processes.
    Bilingual files (.tsv, .jsonl, .xlf, .xliff) are checked against their source; `bitext`
    names the source of the others (--source) and the source language."""
    report = Report()
    job = Job(config or Config(), stdin_filename=stdin_filename, keep_texts=keep_texts, cache=cache, bitext=bitext)
    for _ in _run(paths, job, report, jobs, progress):
        pass
    return report


def fix_paths(
    paths: Iterable[str],
    config: Config | None = None,
    unsafe: bool = False,
    write: bool = True,
    stdin_filename: str | None = None,
    keep_texts: bool = False,
    jobs: int = 1,
    progress=None,
    bitext: BitextSettings | None = None,
) -> FixReport:
    """Fix files in place (write=True) or only compute the fixes (for --diff and standard input).
    A file that cannot be written keeps its findings, reported as remaining."""
    from newslint.fix_report import FixedFile, FixReport

    report = FixReport()
    job = Job(
        config or Config(),
        fix=True,
        unsafe=unsafe,
        write=write,
        stdin_filename=stdin_filename,
        keep_texts=keep_texts,
        cache=False,
        bitext=bitext,
    )
    for outcome in _run(paths, job, report, jobs, progress):
        report.fixed.extend(outcome.fixed)
        if outcome.source is not None and outcome.result is not None:
            report.changed.append(FixedFile(outcome.source, outcome.result))
        if outcome.stdin_output is not None:
            report.stdin_output = outcome.stdin_output
    return report


def __getattr__(name: str) -> type:
    """FixReport and FixedFile, the types of fix_paths' report, from the module that defines
    them: only runs that fix (--fix, --diff) make those classes (newslint/fix_report.py)."""
    if name in ("FixReport", "FixedFile"):
        from newslint import fix_report

        return getattr(fix_report, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
