"""--fix writes a file only when it can do so without loss: not over an editor's newer save, not
splitting hard links, not taking over another user's file, not into a read-only file."""

from __future__ import annotations

import os
import stat
import tempfile
from types import SimpleNamespace

import pytest

from newslint import atomic
from newslint.errors import InputError
from newslint.sources import digest, read_source
from tests.conftest import run_cli

DIRTY = "The talks in Kiev ended. .\n"
FIXED = "The talks in Kyiv ended.\n"
NOT_WRITTEN = "changed on disk while it was being fixed; not written"


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(DIRTY, encoding="utf-8")
    return path


def _fix(capsys, path) -> tuple[int, str, str]:
    return run_cli(capsys, "--isolated", "--fix", str(path))


def test_an_editor_appending_when_the_temporary_file_appears_keeps_its_text(capsys, story, monkeypatch):
    real_mkstemp = tempfile.mkstemp

    def mkstemp_while_an_editor_appends(*args, **kwargs):
        made = real_mkstemp(*args, **kwargs)
        with open(story, "a", encoding="utf-8") as editor:
            editor.write("A line the editor added.\n")
        return made

    monkeypatch.setattr(atomic, "tempfile", SimpleNamespace(mkstemp=mkstemp_while_an_editor_appends))
    code, _, err = _fix(capsys, story)
    assert code == 2 and err == f"{story}: {NOT_WRITTEN}\n"
    assert story.read_text(encoding="utf-8") == DIRTY + "A line the editor added.\n"
    assert [p.name for p in story.parent.iterdir()] == ["story.txt"]  # the temporary file is gone


@pytest.mark.parametrize("how", ["in place, same length", "by rename"])
def test_an_editor_saving_while_the_fix_is_synced_keeps_its_text(capsys, story, monkeypatch, how):
    real_fsync = os.fsync
    saved = DIRTY.replace("talks", "TALKS")

    def fsync_while_an_editor_saves(descriptor):
        if how == "by rename":
            (story.parent / "new").write_text(saved, encoding="utf-8")
            os.replace(story.parent / "new", story)
        else:
            story.write_text(saved, encoding="utf-8")
        real_fsync(descriptor)

    monkeypatch.setattr(atomic.os, "fsync", fsync_while_an_editor_saves)
    code, _, err = _fix(capsys, story)
    assert code == 2 and err == f"{story}: {NOT_WRITTEN}\n"
    assert story.read_text(encoding="utf-8") == saved


def test_a_hard_linked_file_is_not_split(capsys, story):
    other = story.parent / "other-name.txt"
    os.link(story, other)
    code, out, err = _fix(capsys, story)
    assert code == 2
    assert err == (
        f"{story}: hard-linked to another name; replacing it would leave them the old text, so it is not written\n"
    )
    assert story.read_text(encoding="utf-8") == other.read_text(encoding="utf-8") == DIRTY
    assert os.stat(story).st_ino == os.stat(other).st_ino
    assert "names.kyiv" in out  # reported as remaining


def test_a_read_only_file_is_not_written(capsys, story):
    os.chmod(story, 0o444)
    code, _, err = _fix(capsys, story)
    assert code == 2 and err == f"{story}: read-only; not written\n"
    assert story.read_text(encoding="utf-8") == DIRTY and stat.S_IMODE(os.stat(story).st_mode) == 0o444


root_only = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give files away")
NOBODY = 65534


@root_only
def test_root_fixing_another_users_file_keeps_its_owner_group_and_mode(capsys, story):
    os.chown(story, NOBODY, NOBODY)
    os.chmod(story, 0o640)
    code, _, _ = _fix(capsys, story)
    info = os.stat(story)
    assert code == 0 and story.read_text(encoding="utf-8") == FIXED
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (NOBODY, NOBODY, 0o640)


@root_only
def test_a_file_whose_owner_cannot_be_kept_is_not_written(capsys, story, monkeypatch):
    os.chown(story, NOBODY, NOBODY)

    def fchown_not_permitted(descriptor, uid, gid):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(atomic.os, "fchown", fchown_not_permitted)
    code, _, err = _fix(capsys, story)
    assert code == 2 and err == f"{story}: its owner cannot be kept by a new copy; not written\n"
    assert story.read_text(encoding="utf-8") == DIRTY and os.stat(story).st_uid == NOBODY
    assert [p.name for p in story.parent.iterdir()] == ["story.txt"]


def test_only_a_file_fixed_in_place_is_read_with_its_digest(story):
    """Linting skips the digest (a third of the time reading a story takes); a source read
    without it is never written: its empty digest matches no file."""
    assert read_source(str(story)).digest == digest(DIRTY.encode("utf-8"))
    undigested = read_source(str(story), digested=False)
    assert undigested.digest == ""
    with pytest.raises(InputError, match=NOT_WRITTEN):
        atomic.write_fixed(undigested, FIXED)
    assert story.read_text(encoding="utf-8") == DIRTY
