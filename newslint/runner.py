"""Running over many files: one file's work as a pure function, in this process or in a pool.

Each file is read, checked (or fixed) and reported on by `process_file`, which needs nothing but
its arguments, so that files can go to worker processes (`--jobs`). Results come back in the
order the files were given, whatever the parallelism. The result cache is consulted here.
"""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from newslint import linter as linting
from newslint.bitext.readers import is_bilingual
from newslint.config import Config
from newslint.errors import InputError, InternalError, NewslintError
from newslint.findings import Finding, FindingRow, finding_from_row, finding_row
from newslint.formats.reader import format_of
from newslint.linter import Linter, chunk_end
from newslint.records import field, record, replace
from newslint.sources import STDIN, UTF8_BOM, Source, read_source, read_source_up_to, stream_text

if TYPE_CHECKING:
    from newslint.bitext.run import BitextSettings
    from newslint.cache import ResultCache
    from newslint.fixes import FixResult

PARALLEL_MINIMUM = 8  # fewer files than this are not worth starting processes for


@record(frozen=True)
class Job:
    """What to do with every file of a run."""

    config: Config
    fix: bool = False
    unsafe: bool = False
    write: bool = True
    stdin_filename: str | None = None
    keep_texts: bool = False
    cache: bool = True
    bitext: BitextSettings | None = None  # --source, --source-language


@record
class FileOutcome:
    """What one file gave: findings (remaining ones, after --fix), errors, and what --fix did."""

    path: str | None = None  # as shown; None when the file could not be read
    findings: list[Finding] = field(default_factory=list)
    errors: list[NewslintError] = field(default_factory=list)
    fixed: list[Finding] = field(default_factory=list)
    source: Source | None = None  # kept when --fix changed the text (its text only for --diff)
    result: FixResult | None = None
    text: str | None = None  # kept for formats that need it (SARIF)
    stdin_output: bytes | None = None
    unread_stdin: bytes | None = None
    unpaired: bool = False  # a target that --source has no source file for
    source_text: tuple[str, str] | None = None  # (path, text) of its source file, kept like `text`


def process_file(item: str, job: Job, linter: Linter) -> FileOutcome:
    """Read, check or fix, and (with --fix) write one file. Whatever goes wrong with it is
    reported as its error: one file never stops the others, in this process or in a worker."""
    try:
        return _process_file(item, job, linter)
    except Exception as error:
        if os.environ.get("NEWSLINT_DEBUG"):
            raise
        return FileOutcome(errors=[InternalError(item, f"{type(error).__name__}: {error}"[:300])])


def _process_file(item: str, job: Job, linter: Linter) -> FileOutcome:
    under_source = job.bitext is not None and job.bitext.source is not None  # --source
    bilingual = under_source or is_bilingual(job.stdin_filename or item if item == STDIN else item)
    try:
        # Only a file --fix writes back needs the digest of what was read (see atomic.py).
        digested = job.fix and job.write
        if not bilingual and _may_stream(item, job):
            source = read_source_up_to(item, STREAM_BYTES, digested)
            if source is None:
                return _lint_streaming(item, linter)
        else:
            source = read_source(item, job.stdin_filename, digested)
    except InputError as error:
        return FileOutcome(errors=[error], unread_stdin=error.data)
    outcome = FileOutcome(path=source.path)
    if bilingual:
        reading = _with_source(item, source, job, linter, outcome)
        if reading is None:
            return outcome
        linter, job = reading  # type: ignore[assignment]
    if job.fix:
        _fix(source, job, linter, outcome)
    else:
        _lint(source, job, linter, outcome)
    if job.keep_texts and outcome.findings:
        outcome.text = outcome.result.text if outcome.result else source.text
    else:
        outcome.source_text = None
    if job.write and outcome.source is not None and outcome.result is not None:
        # Written: the texts are not needed again (--diff keeps them), and a run over an archive
        # of big files must not hold them all, nor send them back from a worker.
        outcome.source, outcome.result = replace(outcome.source, text=""), replace(outcome.result, text="")
    return outcome


def _with_source(item: str, source: Source, job: Job, linter: Linter, outcome: FileOutcome):
    """The linter (and job) for a translation read with its source; None when the file or its
    source cannot be read (the error is in the outcome)."""
    from newslint.bitext.run import pairing

    try:
        paired = pairing(source, item, job.bitext, linter)
    except InputError as error:
        outcome.errors.append(error)
        return None
    if paired.linter is None:
        outcome.unpaired = True
        return linter, job
    if job.keep_texts and paired.source_path is not None:
        outcome.source_text = (paired.source_path, paired.source_text)  # type: ignore[assignment]
    # Findings depend on the source too, and name it: the result cache keys on the text alone.
    return paired.linter, replace(job, cache=False)


STREAM_BYTES = 8_000_000  # a plain-text file larger than this is read and checked chunk by chunk


def _may_stream(item: str, job: Job) -> bool:
    """Whether a file is checked as it is read if it is big (more than STREAM_BYTES): a plain
    text, only checked (not fixed, not kept for SARIF columns), without LanguageTool."""
    return not (
        job.fix or job.keep_texts or item == STDIN or format_of(item) != "text" or job.config.languagetool.enabled
    )


def _lint_streaming(item: str, linter: Linter) -> FileOutcome:
    try:
        result = linter.check_chunks(stream_text(item, chunk_end), item)
    except InputError as error:
        return FileOutcome(errors=[error])  # nothing of a file that could not be read is reported
    return FileOutcome(path=item, findings=result.findings, errors=list(result.failures))


def _lint(source: Source, job: Job, linter: Linter, outcome: FileOutcome) -> None:
    cache = _result_cache(job.config) if job.cache and not job.config.languagetool.enabled else None
    cached = cache.get(source.text, source.path) if cache else None
    if cached is not None:
        outcome.findings = cached
        return
    result = linter.check_text(source.text, source.path)
    outcome.findings, outcome.errors = result.findings, list(result.failures)
    if cache is not None and not result.failures:
        cache.put(source.text, source.path, result.findings)


def _result_cache(config: Config) -> ResultCache:
    from newslint.cache import ResultCache  # only with the cache: a --no-cache run need not import it

    return ResultCache(config)


def _fixes_in_chunks(source: Source, job: Job) -> bool:
    """A long plain text is fixed chunk by chunk (newslint/chunked_fix.py), as it is linted; not
    when unused suppressions are reported (a chunk sees directives that govern it from outside)."""
    return (
        format_of(source.path) == "text"
        and len(source.text) > linting.CHUNK_CHARACTERS
        and not job.config.report_unused_suppressions
    )


def _fix(source: Source, job: Job, linter: Linter, outcome: FileOutcome) -> None:
    from newslint import fixes  # only with --fix and --diff
    from newslint.formats.structure import skeleton_for

    failures: dict[str, NewslintError] = {}

    def failed(found: list) -> None:
        """Each rule's failure once, however many rounds (or chunks) it failed in."""
        failures.update((getattr(failure, "rule_id", str(failure)), failure) for failure in found)

    def lint(text: str) -> list[Finding]:
        checked = linter.check_text(text, source.path)
        failed(checked.failures)
        return checked.findings

    if _fixes_in_chunks(source, job):
        from newslint.chunked_fix import fix_in_chunks

        result = fix_in_chunks(linter, source.text, source.path, job.unsafe, failed)
    else:
        result = fixes.fix_text(source.text, lint, job.unsafe, skeleton_for(format_of(source.path)))
    outcome.errors.extend(failures.values())
    if result.changed and job.write and not source.stdin:
        from newslint.atomic import write_fixed

        try:
            write_fixed(source, result.text)
        except InputError as error:
            outcome.errors.append(error)
            result = fixes.FixResult(source.text, remaining=lint(source.text))
    outcome.findings, outcome.fixed = result.remaining, result.fixed
    if result.changed:
        outcome.source, outcome.result = source, result
    if source.stdin:
        outcome.stdin_output = (UTF8_BOM if source.bom else b"") + result.text.encode("utf-8")


# --- many files ---------------------------------------------------------------------------------

_WORKER: tuple[Job, Linter] | None = None


def _start_worker(job: Job, linter: Linter) -> None:
    global _WORKER
    _WORKER = (job, linter)


_Packed = tuple[FileOutcome, list[FindingRow], list[FindingRow]]


def _work(item: str) -> _Packed:
    job, linter = _WORKER  # type: ignore[misc]
    return _packed(process_file(item, job, linter))


def _packed(outcome: FileOutcome) -> _Packed:
    """An outcome to send from a worker, its findings as rows: unpickling them is most of the
    main process's work in a parallel run."""
    rows, fixed_rows = [finding_row(f) for f in outcome.findings], [finding_row(f) for f in outcome.fixed]
    return replace(outcome, findings=[], fixed=[]), rows, fixed_rows


def _unpacked(packed: _Packed) -> FileOutcome:
    outcome, rows, fixed_rows = packed
    outcome.findings = [finding_from_row(row) for row in rows]
    outcome.fixed = [finding_from_row(row) for row in fixed_rows]
    return outcome


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def run(
    items: list[str],
    job: Job,
    linter: Linter,
    jobs: int = 1,
    progress: Callable[[int, int, float], None] | None = None,
) -> Iterator[FileOutcome]:
    """Outcomes of the files, in their order; in worker processes when jobs > 1 and it pays (no
    more processes than files, or than CPUs: the work is CPU-bound, more would only cost memory)."""
    started = time.monotonic()
    jobs = min(jobs, len(items), default_jobs())
    parallel = (
        jobs > 1
        and len(items) >= PARALLEL_MINIMUM
        and "-" not in items
        and not job.config.languagetool.enabled  # one LanguageTool for the run, in this process
        and _can_fork()
    )
    if parallel:
        # The first file is checked here, before the workers fork: the patterns every document
        # needs are then compiled once, and the workers inherit them.
        import multiprocessing

        first = process_file(items[0], job, linter)
        context = multiprocessing.get_context("fork")
        with context.Pool(jobs, initializer=_start_worker, initargs=(job, linter)) as pool:
            packed = pool.imap(_work, items[1:], chunksize=max(1, min(64, len(items) // (jobs * 4))))
            rest = map(_unpacked, packed)
            yield from _reporting(itertools.chain([first], rest), len(items), started, progress)
    else:
        yield from _reporting((process_file(item, job, linter) for item in items), len(items), started, progress)


def _reporting(outcomes: Iterable[FileOutcome], total: int, started: float, progress) -> Iterator[FileOutcome]:
    for done, outcome in enumerate(outcomes, 1):
        if progress is not None:
            progress(done, total, time.monotonic() - started)
        yield outcome


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()
