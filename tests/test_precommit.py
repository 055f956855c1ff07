"""The pre-commit hooks of .pre-commit-hooks.yaml, run by the real pre-commit with `try-repo`.

pre-commit builds the hooks' environment the way a consumer's machine does: a virtualenv with
newslint pip-installed from this checkout and its dependencies from the package index. try-repo
keeps that environment in a throwaway store of its own (it ignores PRE_COMMIT_HOME), so every
call builds it again, some seconds each: the tests make as few calls as the behaviour allows.

The repository given to try-repo is a snapshot of the checkout, not the checkout itself: on a
local path, try-repo takes the last commit plus the changes to *tracked* files only, so an
uncommitted new file (a new hook manifest, a new module) would be missing. The snapshot holds
what is on disk: tracked and untracked files, less what .gitignore ignores.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parent.parent
GIT = shutil.which("git")

pytestmark = pytest.mark.skipif(GIT is None, reason="pre-commit needs git, which is not installed")

DIRTY = "The talks ended. .\nOfficials in Kiev said.\n"
FIXED = "The talks ended.\nOfficials in Kyiv said.\n"
CLEAN = "Officials in Kyiv said on Monday that the talks had ended.\n"
# Leftovers of a tool run on the host machine that must not be copied into the snapshot when the
# checkout is not a git repository (an unpacked sdist).
_NOT_SOURCE = shutil.ignore_patterns(
    ".git", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis", ".venv*", ".ci-venv*"
)


def _git(*args: str, cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run([GIT, *args], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"git {' '.join(args)} failed:\n{done.stdout}{done.stderr}"
    return done.stdout


def _new_repo(path: Path, env: dict[str, str]) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    _git("init", "--quiet", cwd=path, env=env)
    _git("config", "user.email", "newslint-tests@example.invalid", cwd=path, env=env)
    _git("config", "user.name", "newslint tests", cwd=path, env=env)
    _git("config", "commit.gpgsign", "false", cwd=path, env=env)
    return path


@pytest.fixture(scope="session")
def git_env(tmp_path_factory) -> dict[str, str]:
    """The environment for git and pre-commit: a PRE_COMMIT_HOME of the session's own, no GIT_*
    variables (set when the tests run inside a git hook) and no user or system git config."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    home = tmp_path_factory.mktemp("pre-commit-home")
    empty = home / "empty.gitconfig"
    empty.write_text("")
    env.update(
        PRE_COMMIT_HOME=str(home / "cache"),
        GIT_CONFIG_GLOBAL=str(empty),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_TERMINAL_PROMPT="0",
    )
    return env


@pytest.fixture(scope="session")
def newslint_repo(tmp_path_factory, git_env) -> Path:
    """A one-commit git repository holding the checkout's working tree as it is on disk."""
    assert (CHECKOUT / ".pre-commit-hooks.yaml").is_file(), "the checkout has no .pre-commit-hooks.yaml"
    snapshot = tmp_path_factory.mktemp("newslint-snapshot")
    listed = subprocess.run(
        [GIT, "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=CHECKOUT,
        env=git_env,
        capture_output=True,
    )
    if listed.returncode == 0:
        for name in filter(None, listed.stdout.decode("utf-8", "surrogateescape").split("\0")):
            source = CHECKOUT / name
            if source.is_file() or source.is_symlink():  # a tracked file deleted on disk stays out
                (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, snapshot / name, follow_symlinks=False)
    else:  # not a git checkout
        shutil.copytree(CHECKOUT, snapshot, ignore=_NOT_SOURCE, dirs_exist_ok=True)
    _new_repo(snapshot, git_env)
    _git("add", "--all", cwd=snapshot, env=git_env)
    _git("commit", "--quiet", "--no-verify", "-m", "snapshot of the newslint checkout", cwd=snapshot, env=git_env)
    return snapshot


@pytest.fixture
def stories(tmp_path, git_env):
    """A fresh git repository to commit stories to; write(name, text) adds a file to its index."""
    repo = _new_repo(tmp_path / "newsroom", git_env)

    def write(name: str, text: str) -> Path:
        path = repo / name
        path.write_text(text, encoding="utf-8")
        _git("add", name, cwd=repo, env=git_env)
        return path

    write.repo = repo
    return write


def try_repo(newslint_repo: Path, stories_repo: Path, env: dict[str, str], hook: str, *files: str):
    """`pre-commit try-repo` of one hook on the given files (all files of the repository if none)."""
    selection = ["--files", *files] if files else ["--all-files"]
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(newslint_repo), hook, "--color", "never", *selection],
        cwd=stories_repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    output = done.stdout + done.stderr
    assert "An error has occurred" not in output, output  # pre-commit's own failure, e.g. the install
    return done.returncode, output


def test_check_hook_fails_on_artefacts_in_prose_files_only_and_passes_on_clean_copy(newslint_repo, stories, git_env):
    dirty = stories("dirty.txt", DIRTY)
    stories("story.md", "# Talks\n\nThe talks ended. .\n")
    stories("page.html", "<p>The talks ended. .</p>\n")
    stories("wire.TXT", "The talks ended. .\n")
    # identify tags these plain-text or html too, or they are not prose at all: left alone
    for name, text in {
        "LICENSE": "The talks ended. .\n",
        "page.xhtml": "<p>The talks ended. .</p>\n",
        "notes.py": "NOTE = 'The talks ended. .'\n",
        "data.yaml": "note: The talks ended. .\n",
    }.items():
        stories(name, text)

    code, output = try_repo(newslint_repo, stories.repo, git_env, "newslint")  # --all-files
    assert code == 1, output
    assert "Failed" in output
    assert "dirty.txt:1:16: punct.doubled" in output
    assert "dirty.txt:2:14: names.kyiv" in output
    for name in ("story.md:3:", "page.html:1:", "wire.TXT:1:"):
        assert name in output, output
    for name in ("LICENSE", "page.xhtml", "notes.py", "data.yaml"):
        assert name not in output, output
    assert dirty.read_text(encoding="utf-8") == DIRTY  # the check hook never writes

    stories("clean.txt", CLEAN)
    code, output = try_repo(newslint_repo, stories.repo, git_env, "newslint", "clean.txt")
    assert code == 0, output
    assert "Passed" in output


def test_fix_hook_fixes_the_story_fails_and_the_next_run_passes(newslint_repo, stories, git_env):
    story = stories("story.txt", DIRTY)
    markdown = stories("story.md", "# Talks\n\n" + DIRTY)

    code, output = try_repo(newslint_repo, stories.repo, git_env, "newslint-fix", "story.txt", "story.md")
    assert code == 1, output  # fixed in place: the commit stops so the author sees the change
    assert "Failed" in output
    assert "- exit code: 1" in output  # newslint's own --exit-non-zero-on-fix
    assert "files were modified by this hook" in output  # and pre-commit's check of the tree
    assert story.read_text(encoding="utf-8") == FIXED
    assert markdown.read_text(encoding="utf-8") == "# Talks\n\n" + FIXED

    code, output = try_repo(newslint_repo, stories.repo, git_env, "newslint-fix", "story.txt", "story.md")
    assert code == 0, output
    assert "Passed" in output
    assert story.read_text(encoding="utf-8") == FIXED
