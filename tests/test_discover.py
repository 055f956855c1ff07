"""Walking folders for prose files (sources.discover): the walk reads each folder's listing and
stats only what the listing cannot tell (links, odd entries); it finds what os.walk with a stat
per file found, in the same order (a property test against that walk)."""

from __future__ import annotations

import os
import stat
import tempfile

from hypothesis import given
from hypothesis import strategies as st

from newslint import sources
from newslint.errors import InputError
from newslint.sources import LINTED_SUFFIXES, SKIPPED_FOLDERS
from tests.kinds.fuzzing import fuzz


def _walked_with_stats(folder: str) -> list[str]:
    """The walk as it was written before: os.walk, and a stat of every file."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and d not in SKIPPED_FOLDERS and not d.endswith(".egg-info")
        )
        for name in sorted(files):
            path = os.path.normpath(os.path.join(root, name))
            try:
                mode = os.stat(path).st_mode
            except OSError:
                mode = None
            if (
                name.lower().endswith(LINTED_SUFFIXES)
                and not name.startswith(".")
                and (mode is None or stat.S_ISREG(mode))
            ):
                found.append(path)
    return found


NAMES = st.sampled_from(
    [
        "a.txt",
        "B.MD",
        "c.html",
        "d.htm",
        "e.mdx",
        "f.markdown",
        "notes",
        "g.txt.bak",
        ".hidden.txt",
        "node_modules",
        "build",
        "pkg.egg-info",
        ".git",
        "sub",
        "Sub",
        "z.txt",
        "é.md",
    ]
)
KINDS = st.sampled_from(["file", "folder", "link to a file", "link to a folder", "dangling link", "pipe"])
TREES = st.lists(st.tuples(st.lists(NAMES, min_size=1, max_size=3), KINDS), max_size=25)


def _build(root: str, tree: list[tuple[list[str], str]]) -> None:
    """Entries at the given paths (folders made on the way); an entry whose place is taken is
    left out."""
    for parts, kind in tree:
        path = os.path.join(root, *parts)
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            if kind == "file":
                open(path, "x").close()
            elif kind == "folder":
                os.makedirs(path)
            elif kind == "link to a file":
                open(os.path.join(root, "target.txt"), "a").close()
                os.symlink(os.path.join(root, "target.txt"), path)
            elif kind == "link to a folder":
                os.makedirs(os.path.join(root, "linked"), exist_ok=True)
                open(os.path.join(root, "linked", "inside.txt"), "a").close()
                os.symlink(os.path.join(root, "linked"), path)
            elif kind == "dangling link":
                os.symlink(os.path.join(root, "missing.txt"), path)
            else:
                os.mkfifo(path)
        except OSError:
            continue  # a file where a folder should be, a name taken


@fuzz(150)
@given(TREES)
def test_the_walk_finds_what_a_stat_of_every_file_found(tree):
    with tempfile.TemporaryDirectory() as root:
        _build(root, tree)
        assert list(sources._walk(root)) == _walked_with_stats(root)
        given_paths = [root, os.path.join(root, "sub"), root + "/./"]
        found = [item for item in sources.discover(given_paths) if not isinstance(item, InputError)]
        assert found == list(_discovered_before(given_paths))


def _discovered_before(paths: list[str]):
    """discover() over the walk as it was, less the errors for missing paths."""
    seen: set[str] = set()
    for path in paths:
        items = _walked_with_stats(path) if os.path.isdir(path) else [path] if os.path.exists(path) else []
        for item in items:
            if os.path.normpath(item) not in seen:
                seen.add(os.path.normpath(item))
                yield item
