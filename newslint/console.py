"""The `newslint` command as installed (and `python -m newslint`): one short-lived process.

Its garbage collector is tuned before the linter is imported. A run allocates its rules, their
patterns and the packs memo once and keeps them to the end, so the collector's default pace (a
pass every 700 new objects) walks them over and over for nothing, and at exit one last pass walks
them all: about 15 ms of a 110 ms start-up on a one-line file, and a pass in every few documents
of a long run. mypy raises its threshold for the same reason. What a run leaves behind is freed
with the process. The library (`lint_text`, the language server) keeps Python's defaults.
"""

from __future__ import annotations

import gc

# Objects allocated (less those freed) before the young generation is collected: no collection
# at all on a one-line file or on a few hundred stories, and reference cycles, which newslint
# hardly makes, are still collected in a long run.
YOUNG_GENERATION_THRESHOLD = 100_000


def main() -> int:
    gc.set_threshold(YOUNG_GENERATION_THRESHOLD, *gc.get_threshold()[1:])
    from newslint.cli import main as run  # after the tuning: importing allocates most objects

    try:
        return run()
    finally:
        gc.freeze()  # the interpreter's last collection at exit then has nothing left to walk
