"""Paths as CI reports name them: relative to the repository (code scanning and GitLab match
findings to the files of a commit that way). Printable names: output.printable."""

from __future__ import annotations

import os
import subprocess
from functools import lru_cache


def repository_root() -> str:
    """The git work tree's top folder, or the current folder outside git. Asked of git once per
    current folder: the library, a language server or a test may change folders between runs."""
    return _repository_root_of(os.path.abspath(os.getcwd()))


@lru_cache(maxsize=16)
def _repository_root_of(folder: str) -> str:
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
            cwd=folder,
        )
        if done.returncode == 0 and done.stdout.strip():
            return os.path.abspath(done.stdout.strip())
    except (OSError, subprocess.SubprocessError):
        pass
    return folder


def relative_to_root(path: str, root: str) -> str:
    """`seeds/story.txt`: relative to root with forward slashes; a path outside root as given."""
    inside = within_root(path, root)
    return inside if inside is not None else path.replace(os.sep, "/")


def within_root(path: str, root: str) -> str | None:
    """The path relative to root with forward slashes, or None for a file outside root."""
    absolute = os.path.abspath(path)
    if not absolute.startswith(root.rstrip(os.sep) + os.sep):  # a root of / ends in a separator already
        return None
    return os.path.relpath(absolute, root).replace(os.sep, "/")
