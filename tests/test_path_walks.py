"""The run's own path handling with os.path (issue 13: a plain run need not import pathlib, which
pulls in urllib.parse and ipaddress) finds what the pathlib code it replaced found."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from newslint.config import CONFIG_FILES, _nearest_config
from newslint.packs_memo import tree_files
from tests.kinds.fuzzing import fuzz

SUFFIXES = (".yaml", ".yml", ".txt")
# Names that tell the two apart if either gets a rule wrong: dotted names whose suffix pathlib
# denies ("..yaml" has one, ".yaml" and "a." have none), and "-" and "." sorting before "/".
_NAMES = st.sampled_from(
    ["a", "a-b", "a.b", "b", ".yaml", "..yaml", "x.yaml", "x.yml", "x.txt", "a.", "c.yaml.txt", "Z.YAML"]
)
_ENTRY = st.tuples(
    st.lists(_NAMES, min_size=1, max_size=3), st.sampled_from(["file", "folder", "file link", "folder link"])
)


def _reference(folder: Path, suffixes: tuple[str, ...]) -> list[tuple[str, str]]:
    """What the code found before: pathlib's rglob, filtered as packs_digest and _rule_files did."""
    found = sorted(p for p in folder.rglob("*") if p.suffix in suffixes and p.is_file())
    return [(str(p.relative_to(folder)), str(p)) for p in found]


def _make(root: Path, entries: list[tuple[list[str], str]]) -> None:
    for parts, kind in entries:
        path = root.joinpath(*parts)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if kind == "file":
                path.write_text("x", encoding="utf-8")
            elif kind == "folder":
                path.mkdir()
            else:
                path.symlink_to(root / "a" if kind == "folder link" else root / "x.yaml")  # may dangle
        except OSError:
            pass  # a name already taken by another kind of entry


@fuzz(300)
@given(st.lists(_ENTRY, max_size=12))
def test_tree_files_finds_what_rglob_found(entries):
    root = Path(tempfile.mkdtemp())
    try:
        _make(root, entries)
        assert tree_files(str(root), SUFFIXES) == _reference(root, SUFFIXES)
        assert tree_files(str(root), (".yaml", ".yml")) == _reference(root, (".yaml", ".yml"))
    finally:
        shutil.rmtree(root)


def _old_discover(start: str) -> Path | None:
    """config.discover as it was, with pathlib, less pyproject.toml's table (not varied here)."""
    folder = Path(start).resolve()
    for candidate_folder in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = candidate_folder / name
            if candidate.is_file() and name != "pyproject.toml":
                return candidate
    return None


@fuzz(200)
@given(
    st.lists(st.sampled_from(["p", "q", "r"]), max_size=4),
    st.lists(
        st.tuples(st.integers(0, 4), st.sampled_from([n for n in CONFIG_FILES if n != "pyproject.toml"])), max_size=3
    ),
    st.sampled_from(["", "/.", "/", "/../p"]),
)
def test_nearest_config_finds_what_discover_found(depth, configs, tail):
    root = Path(tempfile.mkdtemp())
    try:
        folder = root.joinpath(*depth)
        folder.mkdir(parents=True, exist_ok=True)
        for level, name in configs:
            (root.joinpath(*depth[:level]) / name).write_text("select: []\n", encoding="utf-8")
        start = str(folder) + tail
        expected = _old_discover(start)
        found = _nearest_config(start)
        assert (found if found is None else Path(found)) == expected
        assert found is None or found == str(expected)
    finally:
        shutil.rmtree(root)


def test_a_plain_path_is_accepted_where_a_str_is():
    """The API and the tests may still pass Path objects."""
    assert _nearest_config(Path(os.getcwd())) == _nearest_config(os.getcwd())
