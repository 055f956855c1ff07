"""--fix on a long plain text goes chunk by chunk, as linting does (newslint/chunked_fix.py)."""

from __future__ import annotations

import pytest

from newslint import Config, api, lint_text, linter
from newslint.api import fix_paths
from newslint.linter import Linter

CLEAN = "The talks went on for hours in the old hall and nothing came of them at all.\n\n"
SLIPS = "Dozens of thousands left. . The the crowd left too.\n\n"
NO_DOCUMENT_RULES = Config(select=("punct", "calque", "typo"))  # nothing that counts over a document


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(linter, "CHUNK_CHARACTERS", 600)


def _fix(tmp_path, text: str, config: Config = NO_DOCUMENT_RULES) -> tuple[str, list]:
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8", newline="")
    report = fix_paths([str(path)], config=config)
    assert not report.errors, report.errors
    return path.read_bytes().decode("utf-8"), report.findings


def test_chunk_by_chunk_fixes_what_fixing_the_whole_text_fixes(tmp_path, monkeypatch):
    text = (CLEAN * 5 + SLIPS) * 6
    whole, _ = _fix(tmp_path, text)
    monkeypatch.setattr(linter, "CHUNK_CHARACTERS", 600)
    assert len(linter._chunks(text)) > 3
    chunked, remaining = _fix(tmp_path, text)
    assert chunked == whole and chunked.count("Tens of thousands left.") == 6
    # What remains is what linting the fixed text finds, at the same places.
    assert remaining == lint_text(chunked, path=str(tmp_path / "long.txt"), config=NO_DOCUMENT_RULES)
    again, _ = _fix(tmp_path, chunked)
    assert again == chunked


def test_directives_govern_the_chunks_they_do_not_stand_in(tmp_path, small_chunks):
    text = (
        "newslint: disable=calque\n\n"
        + CLEAN * 10
        + SLIPS  # calque silenced by the directive two chunks up; the rest fixed
        + "newslint: enable=calque\n\n"
        + CLEAN * 10
        + "newslint: disable-next-line\n"
        + SLIPS  # all silenced on this line
        + CLEAN * 10
        + "newslint: disable-file=typo\n"  # the doubled words of the whole file stay
    )
    fixed, _ = _fix(tmp_path, text)
    assert fixed.count("Dozens of thousands left.") == 2 and "Tens of" not in fixed
    assert fixed.count("The the crowd") == 2
    assert fixed.count("left. . The") == 1  # the line under disable-next-line keeps its slip


def test_a_round_relints_only_the_chunk_it_changed(tmp_path, monkeypatch, small_chunks):
    text = CLEAN * 40 + SLIPS + CLEAN * 40
    chunks = len(linter._chunks(text))
    checked = []
    original = Linter.check
    monkeypatch.setattr(Linter, "check", lambda self, doc, **kw: checked.append(doc) or original(self, doc, **kw))
    api.forget_linters()
    _fix(tmp_path, text)
    # Every chunk once, and the one with slips once more per round (not the whole text per round).
    assert chunks > 5 and len(checked) <= chunks + 2


def test_unused_suppressions_are_reported_as_for_the_whole_text(tmp_path, small_chunks):
    text = CLEAN * 10 + "newslint: disable=calque.eat-medicine\n" + CLEAN * 10 + SLIPS
    config = Config(select=("punct", "calque", "typo", "newslint"), report_unused_suppressions=True)
    _, remaining = _fix(tmp_path, text, config)
    assert [f.rule for f in remaining if f.rule.startswith("newslint")] == ["newslint.unused-suppression"]


def test_a_disable_next_line_silences_its_own_line_only(tmp_path, small_chunks):
    text = "newslint: disable-next-line\n" + SLIPS + SLIPS * 12
    fixed, remaining = _fix(tmp_path, text)
    assert fixed.count("Dozens of thousands") == 1 and fixed.count("Tens of thousands") == 12
    # what --fix leaves is what a lint of the fixed file finds
    assert remaining == lint_text(fixed, path=str(tmp_path / "long.txt"), config=NO_DOCUMENT_RULES)


def test_crlf_chunks_keep_their_line_numbers(tmp_path, monkeypatch):
    text = "The talks went on for hours.\r\n\r\n" * 30 + "The the end.\r\n"
    config = Config(select=("typo",))
    whole = lint_text(text, path="long.txt", config=config)
    for size in (159, 191, 319, 447):  # limits that fall between a "\r" and its "\n"
        monkeypatch.setattr(linter, "CHUNK_CHARACTERS", size)
        assert lint_text(text, path="long.txt", config=config) == whole
        fixed, remaining = _fix(tmp_path, text, config)
        assert remaining == [] and fixed.endswith("The end.\r\n")
