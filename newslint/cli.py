"""The command line: parse arguments, run, print, choose the exit code. No linting logic here.

Exit codes: 0 no findings (at or above the fail level), 1 findings, 2 usage/config/rule error or
an incomplete run (a file that could not be read, a rule that could not finish).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from collections.abc import Iterable, Sequence
from typing import IO, TYPE_CHECKING

from newslint import __version__
from newslint.api import Report, fix_paths, lint_paths
from newslint.backends.settings import LanguageToolUnavailable
from newslint.config import Config, ConfigError, active_rules, resolve, rule_set
from newslint.errors import InputError, InternalError, NewslintError, RuleFailure, RuleFileError, RuleFileWarning
from newslint.findings import SEVERITIES
from newslint.output import FORMAT_NAMES, NEEDS_TEXTS, RunSummary, formats
from newslint.output import text as text_output
from newslint.packs_memo import MEMO
from newslint.regexes import lazy
from newslint.runner import default_jobs
from newslint.sources import STDIN
from newslint.streams import discard_standard_output, open_standard_streams, say

if TYPE_CHECKING:
    from newslint.bitext.run import BitextSettings

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {value!r}")
    return number


class _Progress:
    """done/total and the rate on stderr, on a terminal only, at most ten times a second."""

    def __init__(self) -> None:
        self._shown = 0.0

    def __call__(self, done: int, total: int, elapsed: float) -> None:
        if total < 2 or (elapsed - self._shown < 0.1 and done < total):
            return
        self._shown = elapsed
        rate = done / elapsed if elapsed > 0 else 0.0
        sys.stderr.write(f"\r{done}/{total} files ({rate:.0f} files/s)")
        if done == total:
            sys.stderr.write("\r\x1b[K")
        sys.stderr.flush()


def _progress() -> _Progress | None:
    return _Progress() if sys.stderr.isatty() else None


def _comma_list(values: Sequence[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, told the terminal's width as argparse finds it, without importing
    shutil for it (and with shutil bz2, lzma and zlib, ~2 ms): argparse makes a formatter for
    each argument added, to check its metavar, so every run paid for the import."""

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None
    ) -> None:
        super().__init__(prog, indent_increment, max_help_position, _terminal_columns() - 2 if width is None else width)


def _terminal_columns() -> int:
    """shutil.get_terminal_size().columns: $COLUMNS when it is a positive number, else the
    width of the terminal standard output is, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or _NO_COLUMNS  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):  # no standard output, or not a terminal
        return 80


_NO_COLUMNS = 80 if sys.version_info >= (3, 11) else 0  # a terminal of 0 columns, as shutil takes it


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslint",
        formatter_class=_HelpFormatter,
        description="Lint news copy for the slips machine translation and hurried editing leave behind.",
        epilog="Exit status: 0 no problems, 1 problems found, 2 error or incomplete run.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders to lint (.txt, .md, .markdown, .mdx, .html, .htm); - reads standard input",
    )
    parser.add_argument(
        "--format",
        choices=FORMAT_NAMES,
        default="text",
        help="output format (default: text); html: one page with every story and its problems marked, "
        "for editors (use with --output-file); gitlab: GitLab's Code Quality report",
    )
    parser.add_argument("--output-file", metavar="PATH", help="write the report to PATH instead of standard output")
    parser.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the name standard input is shown as; its extension chooses the format (.md, .mdx, .html)",
    )
    bilingual = parser.add_argument_group(
        "translation QA (bilingual files .tsv, .jsonl, .xlf and .xliff are read with their source)"
    )
    bilingual.add_argument(
        "--source",
        metavar="SRC",
        help="the source the translation PATH is aligned with line by line: a file, or a folder "
        "holding the source of PATH/a/b.txt at SRC/a/b.txt",
    )
    bilingual.add_argument(
        "--source-language",
        metavar="LANG",
        help="the source's language (zh, ru, uk, de, fr, es, it, pt, nl ...; default: told from its script)",
    )
    bilingual.add_argument(
        "--show-source", action="store_true", help="show the source segment under each finding on a translation"
    )
    selecting = parser.add_argument_group("rules")
    selecting.add_argument(
        "--select",
        action="append",
        metavar="RULES",
        help="run only these rules: ids or dotted prefixes, comma-separated (e.g. punct,calque)",
    )
    selecting.add_argument(
        "--ignore", action="append", metavar="RULES", help="skip these rules: ids or dotted prefixes"
    )
    selecting.add_argument(
        "--rules", action="append", metavar="PATH", help="add a rule file or a folder of rule files (repeatable)"
    )
    selecting.add_argument("--no-builtin-rules", action="store_true", help="use only the rules given with --rules")
    selecting.add_argument("--list-rules", action="store_true", help="list the rules and exit")
    selecting.add_argument(
        "--explain", metavar="RULE", help="describe one rule, with its source and examples, and exit"
    )
    settings = parser.add_argument_group("configuration")
    settings.add_argument(
        "--config",
        metavar="PATH",
        help="the configuration file (default: the nearest newslint.yaml, .newslint.yaml or "
        "pyproject.toml with [tool.newslint] above the current folder)",
    )
    settings.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    settings.add_argument("--no-cache", action="store_true", help="neither read nor write .newslint_cache/")
    settings.add_argument(
        "--jobs",
        "-j",
        type=_positive,
        metavar="N",
        help="worker processes for many files (default and most: the number of CPUs)",
    )
    grammar = parser.add_argument_group("LanguageTool (pip install 'newslint[languagetool]')")
    grammar.add_argument(
        "--languagetool",
        action="store_true",
        help="add LanguageTool's grammar and spelling findings (a local LanguageTool, "
        "which needs Java, unless a server is configured)",
    )
    grammar.add_argument(
        "--languagetool-server",
        metavar="URL",
        help="the LanguageTool server to send the copy to (implies --languagetool)",
    )
    results = parser.add_argument_group("results")
    results.add_argument(
        "--fail-level", choices=SEVERITIES, help="the lowest level that makes the exit code 1 (default: info)"
    )
    results.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems are found")
    results.add_argument(
        "--statistics", action="store_true", help="count the problems per rule instead of listing them"
    )
    results.add_argument(
        "--report-unused-suppressions",
        action="store_true",
        help="report `newslint: disable` comments that silenced nothing",
    )
    fixing = parser.add_argument_group("fixing")
    fixing.add_argument(
        "--fix", action="store_true", help="apply safe fixes in place (with -, write the fixed text to standard output)"
    )
    fixing.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help="also apply (and count as fixable) fixes that may change the meaning",
    )
    fixing.add_argument(
        "--diff", action="store_true", help="print a unified diff of what --fix would change and write nothing"
    )
    fixing.add_argument("--show-fixes", action="store_true", help="list the fixes applied")
    fixing.add_argument(
        "--exit-non-zero-on-fix",
        action="store_true",
        help="with --fix, exit 1 whenever a file was changed (for hooks that must fail)",
    )
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    open_standard_streams()
    warnings.showwarning = _show_warning
    try:
        code = _run(argv)
        sys.stdout.flush()  # here, not at exit: a full disk is then an error like any other
        MEMO.save()  # the regex programs this run compiled, for the next (regex_programs.py)
        return code
    except BrokenPipeError:
        # The reader left (`newslint archive/ | head`): stop quietly, as cat and grep do, and
        # point standard output at nothing so that the interpreter's last flush cannot fail.
        discard_standard_output()
        return EXIT_FINDINGS
    except OSError as error:  # standard output closed or full: whatever was found is not shown
        discard_standard_output()
        say(f"newslint: error: cannot write the output: {error.strerror or error}")
        return EXIT_ERROR


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:  # noqa: ANN001
    """A rule file's warning is one line, like its errors; other warnings as Python shows them."""
    if issubclass(category, RuleFileWarning):
        say(f"newslint: warning: {message}")
    else:
        _SHOW_WARNING(message, category, filename, lineno, file, line)


_SHOW_WARNING = warnings.showwarning


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.started = time.time()  # the time of the run, which the HTML report shows
    if not args.paths and not (args.list_rules or args.explain):
        parser.error("give the files or folders to lint (or - for standard input)")
    if args.diff and args.format != "text":
        parser.error("--diff prints a unified diff; --format does not apply to it")
    bitext = _bitext_settings(parser, args) if args.paths else None
    try:
        config = resolve(
            args.config,
            args.isolated,
            {
                "select": _comma_list(args.select),
                "ignore": _comma_list(args.ignore),
                "rules": tuple(args.rules) if args.rules else None,
                "builtin_rules": False if args.no_builtin_rules else None,
                "fail_level": args.fail_level,
                "report_unused_suppressions": args.report_unused_suppressions or None,
                "languagetool": _languagetool_overrides(args),
            },
        )
        if args.list_rules:
            from newslint.explain import list_rules

            rules = rule_set(config.rules, config.builtin_rules).rules
            sys.stdout.write(list_rules(rules, as_json=args.format == "json"))
            return EXIT_CLEAN
        if args.explain:
            return _explain(config, args.explain)
        active_rules(config)  # rule-file and selection errors stop the run before any file is read
        if args.diff:
            return _diff(args, config, bitext)
        if args.fix:
            return _fix(args, config, bitext)
        report = lint_paths(
            args.paths,
            config,
            stdin_filename=args.stdin_filename,
            keep_texts=args.format in NEEDS_TEXTS,
            jobs=args.jobs or default_jobs(),
            cache=not args.no_cache,
            progress=_progress(),
            bitext=bitext,
        )
        _write_report(args, config, report, sys.stdout)
    except NewslintError as error:
        _report_error(error)
        return EXIT_ERROR
    return _exit_code(args, config, report)


def _bitext_settings(parser: argparse.ArgumentParser, args: argparse.Namespace) -> BitextSettings | None:
    """--source and --source-language, checked: one target for one source, a file for a file and
    a folder for a folder."""
    language = args.source_language
    if language is None and args.source is None:
        return None
    from newslint.bitext.run import BitextSettings  # only for bilingual runs: start-up need not import it

    if language is not None and not _LANGUAGE_CODE.fullmatch(language):
        parser.error(f"--source-language: {language!r} is not a language code (zh, de, fr, ...)")
    if args.source is None:
        return BitextSettings(language=language) if language else None
    if not os.path.exists(args.source):
        parser.error(f"--source: no such file or folder: {args.source}")
    if len(args.paths) != 1:
        parser.error("--source pairs one source with one translation: give one PATH (a file or a folder)")
    target = args.paths[0]
    if os.path.isdir(args.source) != os.path.isdir(target):
        kinds = ("a folder", "a file") if os.path.isdir(args.source) else ("a file", "a folder")
        parser.error(
            f"--source is {kinds[0]} but {target} is {kinds[1]}: pair a file with a file, a folder with a folder"
        )
    return BitextSettings(args.source, target, language)


_LANGUAGE_CODE = lazy(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", engine="re")  # compiled for --source-language


def _languagetool_overrides(args: argparse.Namespace) -> dict:
    overrides: dict = {}
    if args.languagetool or args.languagetool_server:
        overrides["enabled"] = True
    if args.languagetool_server:
        overrides["server"] = args.languagetool_server
    if args.no_cache:
        overrides["cache"] = False
    return overrides


def _summary(args: argparse.Namespace, config: Config, report: Report, fixed: int | None = None) -> RunSummary:
    rules = {rule.id: rule.info for rule in rule_set(config.rules, config.builtin_rules)}
    errors = [str(error) for error in report.errors]
    return RunSummary(
        report.findings,
        report.files,
        fixed,
        args.unsafe_fixes,
        rules,
        report.texts,
        config,
        args.started,
        errors,
        args.show_source,
    )


def _write_report(
    args: argparse.Namespace, config: Config, report: Report, stream: IO[str], fixed: int | None = None
) -> None:
    """The report in the chosen format, to --output-file or the stream; then the errors."""
    summary = _summary(args, config, report, fixed)
    if args.statistics:
        pieces: Iterable[str] = [text_output.statistics(summary)]
    elif args.format == "text":
        pieces = text_output.render_lines(summary)
    else:
        pieces = [formats()[args.format](summary)]
    if args.output_file:
        try:
            with open(args.output_file, "w", encoding="utf-8") as handle:
                handle.writelines(pieces)
        except OSError as error:
            raise NewslintError(f"--output-file: cannot write {args.output_file}: {error.strerror or error}") from None
    else:
        stream.writelines(pieces)
    for error in report.errors:
        _report_error(error)
    if report.unpaired:
        unpaired, checked = len(report.unpaired), text_output.plural(len(report.files), "file")
        print(f"{unpaired} of {checked} had no source in {args.source}: linted without it", file=sys.stderr)


def _exit_code(args: argparse.Namespace, config: Config, report: Report) -> int:
    if not report.complete:
        return EXIT_ERROR
    failing = SEVERITIES[: SEVERITIES.index(config.fail_level) + 1]
    if any(finding.severity in failing for finding in report.findings) and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _fix(args: argparse.Namespace, config: Config, bitext: BitextSettings | None) -> int:
    """--fix: write fixes, print what remains; with standard input, the fixed text goes to stdout."""
    report = fix_paths(
        args.paths,
        config,
        unsafe=args.unsafe_fixes,
        stdin_filename=args.stdin_filename,
        keep_texts=args.format in NEEDS_TEXTS,
        jobs=args.jobs or default_jobs(),
        progress=_progress(),
        bitext=bitext,
    )
    filtering = STDIN in args.paths
    if filtering:
        sys.stdout.flush()
        sys.stdout.buffer.write(report.filtered_stdin)
        sys.stdout.buffer.flush()
    findings_out = sys.stderr if filtering else sys.stdout
    _write_report(args, config, report, findings_out, fixed=len(report.fixed))
    if args.show_fixes:  # a report for people: never inside machine-readable output
        (findings_out if args.format == "text" else sys.stderr).write(text_output.fixes_applied(report.fixed))
    if args.exit_non_zero_on_fix and report.changed and report.complete:
        return EXIT_FINDINGS
    return _exit_code(args, config, report)


def _diff(args: argparse.Namespace, config: Config, bitext: BitextSettings | None) -> int:
    """--diff: what --fix would do, as a unified diff; exit 1 when there is any."""
    report = fix_paths(
        args.paths,
        config,
        unsafe=args.unsafe_fixes,
        write=False,
        stdin_filename=args.stdin_filename,
        jobs=args.jobs or default_jobs(),
        progress=_progress(),
        bitext=bitext,
    )
    from newslint.output import diff as diff_output  # only for --diff

    for changed in report.changed:
        sys.stdout.write(diff_output.unified(changed.source.path, changed.source.text, changed.result.text))
    if report.changed:
        files = text_output.plural(len(report.changed), "file")
        say(f"Would fix {text_output.plural(len(report.fixed), 'problem')} in {files}.")
    for error in report.errors:
        _report_error(error)
    if not report.complete:
        return EXIT_ERROR
    return EXIT_FINDINGS if report.changed else EXIT_CLEAN


def _report_error(error: NewslintError) -> None:
    """Errors about a file start with the file's name, as findings do; others say who speaks."""
    located = isinstance(
        error, (RuleFileError, InputError, InternalError, RuleFailure, ConfigError, LanguageToolUnavailable)
    )
    say(str(error) if located else f"newslint: error: {error}")


def _explain(config: Config, rule_id: str) -> int:
    rule = rule_set(config.rules, config.builtin_rules).get(rule_id)
    if rule is None:
        say(f"newslint: error: --explain: no rule called {rule_id!r} (see --list-rules)")
        return EXIT_ERROR
    from newslint.explain import explain

    sys.stdout.write(explain(rule))
    return EXIT_CLEAN
