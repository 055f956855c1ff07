"""The `newslint` command as installed (and `python -m newslint`): one short-lived process.

Its garbage collector is told what will live to the end. Importing the linter makes most of the
objects a run has (modules, classes, functions), and a run keeps its rules, their patterns and
the packs memo to the end; the collector walks them at each of its passes, and at exit one last
pass walks them all. Frozen (gc.freeze), they are never walked: after the imports, and again
before exit, which saves about 10 ms of a 110 ms start-up on a one-line file. The collector's
pace is left as it is, so that cycles a run makes are still freed as soon as usual: peak memory
does not change. The library (`lint_text`, the language server) is left alone.
"""

from __future__ import annotations

import gc


def main() -> int:
    from newslint.cli import main as run

    gc.freeze()  # everything imported lives as long as the process
    try:
        return run()
    finally:
        gc.freeze()  # and so does what the run leaves: freed with the process, not walked first
