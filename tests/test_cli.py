"""The command line: outputs, options, exit codes, and bad input that never ends in a traceback."""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslint import cli, regexes, sources
from tests.conftest import run_cli as run
from tests.kinds.fuzzing import fuzz

CLEAN = "The minister arrived in Kyiv on Monday.\n"
DIRTY = "The talks ended. . Both sides left.\n"


@pytest.fixture
def story(tmp_path):
    def write(name: str, text: str | bytes) -> str:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        return str(path)

    return write


def test_text_output_and_summary(capsys, story):
    path = story("dirty.txt", DIRTY)
    code, out, _ = run(capsys, path)
    assert code == 1
    assert out == (
        f"{path}:1:16: punct.doubled [warning] Doubled punctuation '. .': write '.'\n"
        "Found 1 problem in 1 file (1 fixable).\n"
    )


def test_clean_file_exits_zero(capsys, story):
    code, out, _ = run(capsys, story("clean.txt", CLEAN))
    assert (code, out) == (0, "No problems found in 1 file.\n")


def test_exit_zero(capsys, story):
    assert run(capsys, "--exit-zero", story("dirty.txt", DIRTY))[0] == 0


def test_json_output_is_the_public_contract(capsys, story):
    path = story("dirty.txt", "“Kyiv” 😀 talks ended. .\n")
    code, out, _ = run(capsys, "--format", "json", path)
    assert code == 1
    [finding] = json.loads(out)
    assert finding == {
        "path": path,
        "line": 1,
        "column": 21,
        "end_line": 1,
        "end_column": 24,
        "start": 20,
        "end": 23,
        "rule": "punct.doubled",
        "severity": "warning",
        "message": "Doubled punctuation '. .': write '.'",
        "fix": {"replacement": ".", "start": 20, "end": 23, "applicability": "safe"},
    }


def test_json_output_when_clean_is_an_empty_array(capsys, story):
    assert json.loads(run(capsys, "--format", "json", story("clean.txt", CLEAN))[1]) == []


def test_folders_are_walked_for_prose_files_only(capsys, story, tmp_path):
    story("a/one.txt", DIRTY)
    story("a/two.md", DIRTY)
    story("a/code.py", DIRTY)
    story("a/.hidden/three.txt", DIRTY)
    story("a/node_modules/four.txt", DIRTY)
    code, out, _ = run(capsys, str(tmp_path / "a"))
    assert code == 1
    assert [Path(line.split(":")[0]).name for line in out.splitlines()[:-1]] == ["one.txt", "two.md"]


def test_standard_input(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DIRTY.encode())))
    code, out, _ = run(capsys, "-")
    assert code == 1 and out.startswith("-:1:16: punct.doubled")


def test_a_bom_does_not_shift_columns(capsys, story):
    _, out, _ = run(capsys, story("bom.txt", b"\xef\xbb\xbf" + DIRTY.encode()))
    assert ":1:16: punct.doubled" in out


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"fine line\n\xff\xfe bad\n", "not valid UTF-8 (byte 0xff on line 2, at byte 10)"),
        (b"text\x00with NUL", "binary file (contains NUL bytes)"),
        ("Kyiv".encode("utf-16"), "encoded as UTF-16; newslint reads UTF-8"),
    ],
)
def test_undecodable_files_are_one_line_and_the_rest_is_linted(capsys, story, content, problem):
    bad = story("bad.txt", content)
    good = story("good.txt", DIRTY)
    code, out, err = run(capsys, bad, good)
    assert code == 2
    assert err == f"{bad}: {problem}\n"
    assert f"{good}:1:16: punct.doubled" in out


def test_missing_and_unreadable_files(capsys, story, monkeypatch, tmp_path):
    secret = story("secret.txt", DIRTY)
    good = story("good.txt", DIRTY)
    original = sources._read_bytes

    def read_bytes(path, *most):  # tests run as root, whom a chmod does not stop
        if Path(path).name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return original(path, *most)

    monkeypatch.setattr(sources, "_read_bytes", read_bytes)
    missing = str(tmp_path / "missing.txt")
    code, out, err = run(capsys, missing, secret, good)
    assert code == 2
    assert err.splitlines() == [f"{missing}: no such file or directory", f"{secret}: permission denied"]
    assert f"{good}:1:16" in out


def test_a_pipe_in_a_folder_is_skipped_and_a_device_is_refused(capsys, story, tmp_path):
    good = story("copy/good.txt", DIRTY)
    os.mkfifo(tmp_path / "copy" / "pipe.txt")  # nobody writes to it: reading it would block forever
    code, out, err = run(capsys, "/dev/null", str(tmp_path / "copy"))
    assert code == 2
    assert err.splitlines() == ["/dev/null: not a regular file (a device)"]
    assert f"{good}:1:16" in out


def test_a_catastrophic_user_regex_fails_its_rule_not_the_run(capsys, story, monkeypatch):
    monkeypatch.setattr(regexes, "BASE_TIMEOUT_SECONDS", 0.3)
    rules = story("slow.yaml", "- id: user.slow\n  kind: existence\n  message: x\n  pattern: '(a|aa)+$'\n")
    text = story("story.txt", "a" * 40 + "!\n" + DIRTY)
    started = time.monotonic()
    code, out, err = run(capsys, "--rules", rules, text)
    assert time.monotonic() - started < 10
    assert code == 2
    warning, failure = err.splitlines()[:2]  # the pattern holds no literal: the loader warns first
    assert warning.startswith("newslint: warning: ") and "user.slow: no trigger" in warning
    assert failure.startswith(f"{text}: user.slow: rule failed: a regex ran longer than")
    assert "punct.doubled" in out


def test_select_and_ignore_by_prefix_with_the_more_specific_winning(capsys, story):
    path = story("story.txt", "The the talks ended. . Both sides,, left.\n")
    rules = lambda out: sorted({line.split()[1] for line in out.splitlines()[:-1]})  # noqa: E731
    assert rules(run(capsys, "--select", "punct", path)[1]) == ["punct.doubled"]
    assert rules(run(capsys, "--select", "punct,typo", "--ignore", "punct.doubled", path)[1]) == ["typo.repeated-word"]
    assert rules(run(capsys, "--ignore", "punct", "--select", "punct.doubled", path)[1]) == ["punct.doubled"]


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_an_unknown_rule_or_prefix_is_a_usage_error(capsys, story, option):
    code, out, err = run(capsys, option, "punc", story("story.txt", DIRTY))
    assert code == 2 and out == ""
    assert err == f"newslint: error: {option}: no rule is called or starts with 'punc' (see --list-rules)\n"


def test_opt_in_rules_run_only_when_selected(capsys, story):
    rules = story(
        "optin.yaml", "- id: user.optin\n  kind: existence\n  message: x\n  tokens: [talks]\n  default: false\n"
    )
    path = story("story.txt", CLEAN.replace("arrived", "talks"))
    assert run(capsys, "--rules", rules, path)[0] == 0
    assert run(capsys, "--rules", rules, "--select", "user", path)[0] == 1


def test_a_bad_rule_file_stops_the_run(capsys, story):
    rules = story("bad.yaml", "- id: user.bad\n  kind: existence\n  message: x\n  pattern: '(unclosed'\n")
    code, out, err = run(capsys, "--rules", rules, story("story.txt", DIRTY))
    assert code == 2 and out == ""
    assert err.startswith(f"{rules}:4: user.bad: pattern: invalid regex '(unclosed'")


def test_list_rules_and_explain(capsys):
    code, out, _ = run(capsys, "--list-rules")
    assert code == 0 and "punct.doubled" in out and "gender.country-she" in out
    rules = json.loads(run(capsys, "--list-rules", "--format", "json")[1])
    assert {"id", "kind", "level", "fix", "source", "examples"} <= set(rules[0])
    code, out, _ = run(capsys, "--explain", "punct.doubled")
    assert code == 0
    assert out.startswith("punct.doubled (substitution, warning, safe fix)")
    assert "Source: " in out and "Flags:\n  Moscow increased fuel purchases. ." in out
    code, _, err = run(capsys, "--explain", "punct.nope")
    assert code == 2 and "no rule called 'punct.nope'" in err


def test_version(capsys):
    with pytest.raises(SystemExit) as caught:
        cli.main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.startswith("newslint ")


def test_real_process_exit_codes_and_no_traceback(story):
    bad_rules = story("bad.yaml", "- id: user.bad\n  kind: nosuchkind\n  message: x\n")
    for args, expected in [
        ([story("dirty.txt", DIRTY)], 1),
        ([story("clean.txt", CLEAN)], 0),
        (["--rules", bad_rules, story("c2.txt", CLEAN)], 2),
        (["--format", "xml"], 2),
    ]:
        done = subprocess.run([sys.executable, "-m", "newslint", *args], capture_output=True, text=True)
        assert done.returncode == expected, done.stderr
        assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give the files or folders to lint"),
        (["--diff", "--format", "json", "x.txt"], "--diff prints a unified diff"),
    ],
)
def test_usage_errors(capsys, args, message):
    with pytest.raises(SystemExit) as caught:
        cli.main(args)
    assert caught.value.code == 2 and message in capsys.readouterr().err


def test_build_output_and_package_metadata_are_not_walked(capsys, story, tmp_path):
    for folder in ("build", "dist", "newslint.egg-info"):
        story(f"repo/{folder}/notes.txt", DIRTY)
    story("repo/story.txt", CLEAN)
    assert run(capsys, str(tmp_path / "repo"))[:2] == (0, "No problems found in 1 file.\n")


def test_a_repeated_word_across_two_paragraphs_is_no_slip_and_messages_are_one_line(capsys, story):
    long = "After many hours of talks between the two delegations in the capital of the country on Monday, the final answer was "
    path = story("story.txt", long + "no\nNo one expected it, and it was the the end of the talks for now.\n")
    _, out, _ = run(capsys, path)
    assert [line.split(": ", 1)[1] for line in out.splitlines()[:-1]] == [
        "typo.repeated-word [warning] 'the the': the word is repeated"
    ]


def test_jobs_give_the_same_report_in_the_same_order(capsys, story, tmp_path):
    for index in range(24):
        story(f"many/{index:02d}.txt", DIRTY if index % 3 else CLEAN.replace("Kyiv", "Kiev"))
    serial = run(capsys, "--no-cache", "--jobs", "1", str(tmp_path / "many"))
    parallel = run(capsys, "--no-cache", "--jobs", "2", str(tmp_path / "many"))
    assert serial == parallel
    assert serial[1].endswith("Found 24 problems in 24 files (24 fixable).\n")
    assert parallel[2] == ""  # no progress display when stderr is not a terminal


def test_result_cache_is_used_and_never_stale(capsys, story, tmp_path, monkeypatch):
    from newslint.linter import Linter

    monkeypatch.chdir(tmp_path)
    path = story("story.txt", DIRTY)
    calls = []
    original = Linter.check
    monkeypatch.setattr(Linter, "check", lambda self, doc: calls.append(doc.path) or original(self, doc))
    first = run(capsys, path)
    second = run(capsys, path)
    assert first == second and len(calls) == 1  # the second run read .newslint_cache/
    assert (tmp_path / ".newslint_cache" / ".gitignore").is_file()
    run(capsys, "--select", "punct", path)  # another config: another key
    assert len(calls) == 2
    Path(path).write_text(DIRTY + "More. .\n", encoding="utf-8")  # another text: another key
    assert run(capsys, path)[1].count("punct.doubled") == 2 and len(calls) == 3
    run(capsys, "--no-cache", path)
    assert len(calls) == 4


@pytest.mark.parametrize("damage", ["", '{"findings"', '"x"', "{}", "[]", '{"findings": [], "digest": "0"}'])
def test_a_damaged_cache_entry_is_recomputed(capsys, story, tmp_path, monkeypatch, damage):
    monkeypatch.chdir(tmp_path)
    path = story("story.txt", DIRTY)
    first = run(capsys, path)
    [entry] = (tmp_path / ".newslint_cache" / "results").rglob("*.json")
    entry.write_text(damage, encoding="utf-8")
    assert run(capsys, path) == first


def test_a_reader_that_leaves_early_gets_no_traceback(story, tmp_path):
    for index in range(200):
        story(f"copy/s{index}.txt", DIRTY * 5)
    done = subprocess.run(
        f"'{sys.executable}' -m newslint --isolated --no-cache '{tmp_path / 'copy'}' | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.stdout.count("\n") == 1 and done.stderr == ""


def test_long_runs_of_sentence_marks_take_linear_time(story):
    path = story("dots.txt", "." * 200_000 + "\n" + "Wait!!!!!! " * 20_000 + "?" * 50_000 + "\n")
    done = subprocess.run(
        [sys.executable, "-m", "newslint", "--isolated", "--no-cache", path],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr


# $COLUMNS as a user may leave it: unset, a width, zero or less, or not a number.
_COLUMNS = st.none() | st.integers(-3, 250).map(str) | st.text(alphabet=" +-_0123456789x", max_size=4)


@fuzz(150)
@given(columns=_COLUMNS)
def test_help_is_as_wide_as_argparse_makes_it(columns):
    """The formatter that does not import shutil finds the width argparse's own finds (from
    $COLUMNS, else the terminal, else 80), so the help and the usage of an error are the same."""
    with pytest.MonkeyPatch.context() as patch:
        if columns is None:
            patch.delenv("COLUMNS", raising=False)
        else:
            patch.setenv("COLUMNS", columns)
        ours, theirs = cli._HelpFormatter("newslint"), argparse.HelpFormatter("newslint")
        assert (ours._width, ours._max_help_position) == (theirs._width, theirs._max_help_position)
        parser = cli.build_parser()
        help_text = parser.format_help()
        parser.formatter_class = argparse.HelpFormatter
        assert help_text == parser.format_help()


def test_the_width_of_a_terminal_is_its_own(monkeypatch):
    """Without $COLUMNS, standard output's terminal tells the width (0 columns: 80 since
    Python 3.11, 0 before)."""
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr(os, "get_terminal_size", lambda fd: os.terminal_size((117, 30)))
    assert cli._terminal_columns() == 117 == shutil.get_terminal_size().columns
    monkeypatch.setattr(os, "get_terminal_size", lambda fd: os.terminal_size((0, 30)))
    assert cli._terminal_columns() == shutil.get_terminal_size().columns == (80 if sys.version_info >= (3, 11) else 0)
