"""The `newslint` command as installed (and `python -m newslint`): one short-lived process.

Its garbage collector is told what will live to the end. Importing the linter makes most of the
objects a run has (modules, classes, functions), and a run keeps its rules, their patterns and
the packs memo to the end; the collector walks them at each of its passes. Frozen (gc.freeze),
they are never walked: after the imports, and again before exit. The collector's pace is left
as it is, so that cycles a run makes are still freed as soon as usual: peak memory does not
change. The library (`lint_text`, the language server) is left alone.

And the process ends as soon as its output is out: once standard output and standard error are
flushed and the exit handlers have run, os._exit ends it without the interpreter's teardown,
which frees every module, rule and pattern one by one only for the process to end (about 3 ms
of every run, as mypy does for the same reason). If a flush fails, the run ends as it would have.
"""

from __future__ import annotations

import gc


def main() -> int:
    from newslint.cli import main as run

    gc.freeze()  # everything imported lives as long as the process
    try:
        code = run()
    finally:
        gc.freeze()  # and so does what the run leaves: freed with the process, not walked first
    _exit_now(code)
    return code  # only if the output could not be flushed: the interpreter ends the run then


def _exit_now(code: int) -> None:
    """End the process with `code` once what it wrote is out and its exit handlers have run;
    return when a flush fails (the interpreter then reports it at exit, as it always did)."""
    import atexit
    import os
    import sys

    atexit._run_exitfuncs()  # LanguageTool's server, a pool's workers: closed as at any exit
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):  # a full disk, a reader gone, a stream closed
        return
    os._exit(code)
