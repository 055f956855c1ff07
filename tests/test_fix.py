"""--fix, --diff, --unsafe-fixes: fixes that never damage a story."""

from __future__ import annotations

import io
import os
import stat
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import api, atomic, cli, fixes
from newslint.findings import Fix
from newslint.fixes import apply, non_overlapping
from tests.conftest import SEED
from tests.conftest import run_cli as run


@pytest.fixture
def seed_copy(tmp_path) -> Path:
    path = tmp_path / "story.txt"
    path.write_bytes(SEED.read_bytes())
    return path


def _changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    return [(a, b) for a, b in zip(before.split("\n"), after.split("\n")) if a != b]


def test_fix_on_the_seed_article_changes_only_the_safe_slips(capsys, seed_copy):
    before = seed_copy.read_text(encoding="utf-8")
    code, out, _ = run(capsys, "--fix", str(seed_copy))
    after = seed_copy.read_text(encoding="utf-8")
    assert code == 1  # findings without a safe fix remain
    assert out.endswith("Found 13 problems (5 fixed, 8 remaining).\n")
    assert before.count("\n") == after.count("\n")
    changes = _changed_lines(before, after)
    assert len(changes) == 5
    expected_edits = [
        ("Kiev", "Kyiv"),
        ("dozens of thousands", "tens of thousands"),
        ("kyiv", "Kyiv"),
        ("purchases. .", "purchases."),
        ("pandemic. .", "pandemic."),
    ]
    for (old_line, new_line), (old, new) in zip(changes, expected_edits):
        assert old_line.replace(old, new, 1) == new_line
    assert after.count("Kyiv") == 3 and "Kiev" not in after and "kyiv" not in after


def test_a_second_fix_changes_nothing(capsys, seed_copy):
    run(capsys, "--fix", str(seed_copy))
    once = seed_copy.read_bytes()
    code, out, _ = run(capsys, "--fix", str(seed_copy))
    assert seed_copy.read_bytes() == once
    assert out.endswith("Found 8 problems in 1 file (0 fixable; 3 more with --unsafe-fixes).\n")


def test_diff_shows_the_same_edits_and_writes_nothing(capsys, seed_copy):
    before = seed_copy.read_bytes()
    code, out, err = run(capsys, "--diff", str(seed_copy))
    assert code == 1 and seed_copy.read_bytes() == before
    removed = [line[1:] for line in out.splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in out.splitlines() if line.startswith("+") and not line.startswith("+++")]
    run(capsys, "--fix", str(seed_copy))
    assert _changed_lines(before.decode(), seed_copy.read_text(encoding="utf-8")) == list(zip(removed, added))
    assert err == "Would fix 5 problems in 1 file.\n"
    assert run(capsys, "--diff", str(seed_copy))[:2] == (0, "")


def test_unsafe_fixes_only_when_asked(capsys, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("France said that she would act.\n", encoding="utf-8")
    assert run(capsys, "--fix", str(path))[0] == 1
    assert path.read_text(encoding="utf-8") == "France said that she would act.\n"
    code, out, _ = run(capsys, "--fix", "--unsafe-fixes", str(path))
    assert (code, path.read_text(encoding="utf-8")) == (0, "France said that it would act.\n")
    assert out == "Found 1 problem (1 fixed, 0 remaining).\n"


def test_several_candidates_are_never_applied(capsys, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("He left the room,.\n", encoding="utf-8")
    run(capsys, "--fix", "--unsafe-fixes", str(path))
    assert path.read_text(encoding="utf-8") == "He left the room,.\n"


def test_exit_non_zero_on_fix(capsys, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("The talks ended. .\n", encoding="utf-8")
    assert run(capsys, "--fix", "--exit-non-zero-on-fix", str(path))[0] == 1
    assert run(capsys, "--fix", "--exit-non-zero-on-fix", str(path))[0] == 0


def test_fix_standard_input_to_standard_output(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"The the talks ended. .\n")))
    code, out, err = run(capsys, "--fix", "-")
    assert (code, out) == (0, "The talks ended.\n")
    assert err == "Found 2 problems (2 fixed, 0 remaining).\n"


def test_clean_standard_input_is_echoed_unchanged(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Fine copy.\n")))
    assert run(capsys, "--fix", "-")[:2] == (0, "Fine copy.\n")


def test_show_fixes(capsys, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("The the talks ended. . Then Kiev.\n", encoding="utf-8")
    _, out, _ = run(capsys, "--fix", "--show-fixes", str(path))
    assert out.endswith(
        f"Fixed 3 problems:\n- {path}:\n    1 × names.kyiv\n    1 × punct.doubled\n    1 × typo.repeated-word\n"
    )


def test_overlapping_fixes_earlier_wins_the_other_is_retried():
    fixes = [Fix("b", 2, 5, "safe"), Fix("a", 0, 3, "safe"), Fix("c", 5, 6, "safe")]
    assert non_overlapping(fixes) == [Fix("a", 0, 3, "safe"), Fix("c", 5, 6, "safe")]


def test_crlf_bom_final_newline_and_permissions_survive(capsys, tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(b"\xef\xbb\xbfThe talks ended. .\r\nKiev replied.\r\n")
    os.chmod(path, 0o640)
    run(capsys, "--fix", str(path))
    assert path.read_bytes() == b"\xef\xbb\xbfThe talks ended.\r\nKyiv replied.\r\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_symlink_keeps_pointing_at_the_fixed_file(capsys, tmp_path):
    target = tmp_path / "real.txt"
    target.write_text("Ended. .\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    run(capsys, "--fix", str(link))
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "Ended.\n"


def test_a_write_that_fails_part_way_leaves_the_original_intact(capsys, tmp_path, monkeypatch):
    path = tmp_path / "story.txt"
    original = "The talks ended. .\n"
    path.write_text(original, encoding="utf-8")

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", failing_replace)
    code, out, err = run(capsys, "--fix", str(path))
    assert code == 2
    assert path.read_text(encoding="utf-8") == original
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind
    assert err == f"{path}: cannot write the fixes: No space left on device; the file is unchanged\n"
    assert "punct.doubled" in out  # the finding was not fixed, so it remains


def test_a_file_changed_on_disk_while_fixing_is_not_written(capsys, tmp_path, monkeypatch):
    path = tmp_path / "story.txt"
    path.write_text("The talks ended. .\n", encoding="utf-8")
    real_fix_text = fixes.fix_text

    def fix_text_while_someone_edits(text, lint, *options):
        result = real_fix_text(text, lint, *options)
        path.write_text("An editor's newer version. .\n", encoding="utf-8")
        return result

    monkeypatch.setattr(fixes, "fix_text", fix_text_while_someone_edits)
    code, _, err = run(capsys, "--fix", str(path))
    assert code == 2
    assert path.read_text(encoding="utf-8") == "An editor's newer version. .\n"
    assert err == f"{path}: changed on disk while it was being fixed; not written\n"


def test_an_undecodable_file_is_never_written(capsys, tmp_path):
    path = tmp_path / "story.txt"
    data = b"The talks ended. .\n\xff\n"
    path.write_bytes(data)
    assert run(capsys, "--fix", str(path))[0] == 2
    assert path.read_bytes() == data


# Property tests: random copy with injected slips whose fixes are known.

_WORDS = ["talks", "ended", "officials", "met", "allies", "reporters", "on", "Monday", "after", "visit"]
_SLIPS = ["doubled", "repeated", "house", "space", "calque", "lowercase-name", "missing-space"]


@st.composite
def stories(draw):
    """(text with slips, the text --fix must produce), with random line endings, BOM, final newline."""
    sentences_with, sentences_clean = [], []
    for _ in range(draw(st.integers(1, 6))):
        words = draw(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=6))
        words = [w for i, w in enumerate(words) if i == 0 or w != words[i - 1]]
        words[0] = words[0].capitalize()
        dirty, clean = " ".join(words), " ".join(words)
        slip = draw(st.sampled_from([None, *_SLIPS]))
        if slip == "doubled":
            dirty, clean = dirty + ". .", clean + "."
        elif slip == "lowercase-name":
            dirty, clean = "kyiv " + dirty[0].lower() + dirty[1:] + ".", "Kyiv " + clean[0].lower() + clean[1:] + "."
        elif slip == "missing-space":
            dirty, clean = dirty + ".The end.", clean + ". The end."
        else:
            if slip == "repeated":
                dirty, clean = dirty + " with the the allies", clean + " with the allies"
            elif slip == "house":
                dirty, clean = dirty + " in Kiev", clean + " in Kyiv"
            elif slip == "space":
                dirty, clean = dirty + " , again", clean + ", again"
            elif slip == "calque":
                dirty, clean = dirty + " with dozens of thousands", clean + " with tens of thousands"
            dirty, clean = dirty + ".", clean + "."
        sentences_with.append(dirty)
        sentences_clean.append(clean)
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    separator = newline * draw(st.integers(1, 2))
    ending = newline if draw(st.booleans()) else ""
    return separator.join(sentences_with) + ending, separator.join(sentences_clean) + ending, draw(st.booleans())


@settings(max_examples=60, deadline=None)
@given(stories())
def test_fixing_changes_only_the_slips_and_is_idempotent(tmp_path_factory, story):
    dirty, clean, bom = story
    path = tmp_path_factory.mktemp("fix") / "story.txt"
    prefix = b"\xef\xbb\xbf" if bom else b""
    path.write_bytes(prefix + dirty.encode())
    api.fix_paths([str(path)])
    assert path.read_bytes() == prefix + clean.encode()  # outside the slips: byte for byte
    report = api.fix_paths([str(path)])
    assert path.read_bytes() == prefix + clean.encode() and not report.fixed  # twice == once
    assert not [f for f in report.findings if f.fix and f.fix.applicability == "safe"]  # nothing fires again


@settings(max_examples=200, deadline=None)
@given(
    st.text(max_size=40), st.lists(st.tuples(st.integers(0, 40), st.integers(0, 8), st.text(max_size=4)), max_size=6)
)
def test_apply_keeps_everything_outside_the_edited_spans(text, edits):
    fixes = non_overlapping(
        Fix(replacement, min(start, len(text)), min(start + length, len(text)), "safe")
        for start, length, replacement in edits
    )
    result = apply(text, fixes)
    position, offset = 0, 0
    for fix in fixes:
        assert result[position + offset : fix.start + offset] == text[position : fix.start]
        offset += len(fix.replacement) - (fix.end - fix.start)
        position = fix.end
    assert result[position + offset :] == text[position:]


def test_fix_standard_input_that_cannot_be_decoded_passes_it_on_unchanged(monkeypatch, capsysbinary):
    data = b"The talks ended. .\n\xff\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code = cli.main(["--fix", "-"])
    out, err = capsysbinary.readouterr()
    assert (code, out) == (2, data)
    assert b"-: not valid UTF-8" in err


def test_fix_standard_input_keeps_its_bom(monkeypatch, capsysbinary):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\xef\xbb\xbfEnded. .\n")))
    assert cli.main(["--fix", "-"]) == 0
    assert capsysbinary.readouterr().out == b"\xef\xbb\xbfEnded.\n"


def test_show_fixes_never_breaks_json(capsys, tmp_path):
    import json

    path = tmp_path / "story.txt"
    path.write_text("Ended. . Then Kiev.\n", encoding="utf-8")
    code, out, err = run(capsys, "--fix", "--show-fixes", "--format", "json", str(path))
    assert json.loads(out) == [] and "Fixed 2 problems:" in err


def test_each_fix_is_judged_alone_for_the_markup_it_keeps():
    """An editor's quick fixes are applied one at a time: each is kept when, alone, it leaves the
    markup as it was, also when the fixes overlap and cannot be tried together."""
    from newslint.findings import Fix
    from newslint.formats.structure import skeleton_for

    text = "Talks in Kiev.\n\n！[Kyiv](x.png)\n"
    at = text.index("！")
    kyiv = Fix("Kyiv", text.index("Kiev"), text.index("Kiev") + 4, "safe")
    image = Fix("!", at, at + 1, "safe")  # would make the link an image
    wider = Fix("! ", at, at + 2, "safe")  # overlaps the one above; breaks the link too
    markdown = skeleton_for("markdown")
    assert fixes.each_keeping_markup(text, [kyiv, image], markdown) == [kyiv]
    assert fixes.each_keeping_markup(text, [kyiv, image, wider], markdown) == [kyiv]
    assert fixes.each_keeping_markup(text, [kyiv], markdown) == [kyiv]
