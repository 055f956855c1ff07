"""Unlucky input and unusual surroundings: one line naming the file and the problem, exit 2,
and never a traceback; one bad file never stops the others."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from newslint import lint_paths, runner, sources

GOOD = "The minister arrived in Kiev on Monday.\n\n"


@pytest.fixture
def streamed(monkeypatch):
    """Files over 1,000 bytes are read as they come, in blocks of 3,000 bytes."""
    monkeypatch.setattr(runner, "STREAM_BYTES", 1000)
    original = sources.stream_text
    monkeypatch.setattr(runner, "stream_text", lambda path, end: original(path, end, block=3000))


def _cut_character_error(tmp_path, data: bytes) -> str:
    path = tmp_path / "big.txt"
    path.write_bytes(data)
    report = lint_paths([str(path)])
    assert report.findings == [] and len(report.errors) == 1
    return str(report.errors[0]).replace(str(path), "big.txt")


def test_a_big_file_that_ends_inside_a_character(tmp_path, streamed):
    body = (GOOD * 200).encode("utf-8")
    message = _cut_character_error(tmp_path, body + "é".encode()[:1])
    lines = body.count(b"\n") + 1
    assert message == f"big.txt: not valid UTF-8 (byte 0xc3 on line {lines}, at byte {len(body)})"


def test_a_bad_byte_just_after_a_block_boundary(tmp_path, streamed):
    """A character cut by the block boundary is held back; the bad byte after it is named as it
    stands in the file."""
    head = b"x" * 2999 + "é".encode()  # é's second byte starts the second block
    message = _cut_character_error(tmp_path, head + b"\xff" + b"\n" + (GOOD * 100).encode("utf-8"))
    assert message == f"big.txt: not valid UTF-8 (byte 0xff on line 1, at byte {len(head)})"


def test_one_bad_big_file_never_costs_the_others_their_findings(tmp_path, streamed):
    paths = []
    for index in range(9):
        path = tmp_path / f"{index}.txt"
        path.write_text(GOOD, encoding="utf-8")
        paths.append(str(path))
    big = tmp_path / "big.txt"
    big.write_bytes((GOOD * 200).encode("utf-8") + b"\xc3")
    report = lint_paths([paths[0], str(big), *paths[1:]], jobs=2)
    assert [finding.path for finding in report.findings] == paths
    assert [str(error).split(":")[0] for error in report.errors] == [str(big)]


def test_a_bug_on_one_file_is_that_files_error(tmp_path, monkeypatch):
    from newslint.linter import Linter

    paths = []
    for name in ("a.txt", "boom.txt", "c.txt"):
        (tmp_path / name).write_text(GOOD, encoding="utf-8")
        paths.append(str(tmp_path / name))
    original = Linter.check_text

    def check_text(self, text, path="-", format=None):
        if path.endswith("boom.txt"):
            raise IndexError("index out of range")
        return original(self, text, path, format)

    monkeypatch.setattr(Linter, "check_text", check_text)
    report = lint_paths(paths)
    assert [finding.path for finding in report.findings] == [paths[0], paths[2]]
    assert [str(error) for error in report.errors] == [
        f"{paths[1]}: internal error, please report it: IndexError: index out of range"
    ]
    assert not report.complete


# --- time ---------------------------------------------------------------------------------------


def test_a_catastrophic_user_pattern_is_stopped_per_document_not_per_paragraph(capsys, tmp_path, monkeypatch):
    """Each paragraph alone takes well under the limit (about 0.8 s here); forty of them used to
    take forty times that, and report nothing. The rule's budget is for the whole document."""
    from newslint import regexes
    from tests.conftest import run_cli

    monkeypatch.setattr(regexes, "BASE_TIMEOUT_SECONDS", 1.0)
    rules = tmp_path / "house.yaml"
    rules.write_text("- id: house.slow\n  kind: existence\n  message: x\n  pattern: 'Kiev (a|aa)+$'\n")
    story = tmp_path / "story.txt"
    story.write_text("\n\n".join(["Kiev " + "a" * 32 + "!"] * 40) + "\n", encoding="utf-8")
    started = time.monotonic()
    code, out, err = run_cli(capsys, "--isolated", "--no-cache", "--rules", str(rules), str(story))
    assert time.monotonic() - started < 15  # 40 paragraphs of 0.8 s each took 32 s
    assert code == 2
    assert err.startswith(f"{story}: house.slow: rule failed: a regex ran longer than the rule's 1 s on this document")


class _Overshooting:
    """A compiled regex that returns late instead of raising TimeoutError, as `regex` may."""

    def finditer(self, text, start, end, timeout):
        time.sleep(timeout * 1.5)
        return iter([])


def test_the_budget_is_measured_not_trusted_to_the_regex_module():
    from newslint.regexes import scan, time_budget

    with time_budget(0.05) as budget:
        assert scan(_Overshooting(), "text") == []  # came back late, without a TimeoutError
        with pytest.raises(TimeoutError):
            scan(_Overshooting(), "text")  # nothing is left for a second scan
    assert budget.spent >= 0.075


class _Slow:
    """A compiled regex that takes `seconds` to find nothing, within its timeout or not."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def finditer(self, text, start, end, timeout):
        time.sleep(self.seconds)
        return iter([])


def test_under_the_linter_each_rule_has_the_whole_budget_of_the_document(tmp_path, monkeypatch):
    """Linter.check makes one budget current for the document and renews it for each rule: two
    rules that each spend most of it both finish; a third that spends more is stopped, alone."""
    from newslint import regexes
    from newslint.linter import Linter
    from newslint.regexes import scan
    from newslint.rules import load_rule_file

    monkeypatch.setattr(regexes, "BASE_TIMEOUT_SECONDS", 0.3)
    rules = tmp_path / "house.yaml"
    rules.write_text(
        "".join(f"- id: house.slow-{n}\n  kind: existence\n  message: x\n  pattern: Kiev\n" for n in range(3))
    )
    first, second, third = load_rule_file(rules)
    for rule, scans in ((first, 2), (second, 2), (third, 4)):  # 0.12 s a scan, 0.24 s or 0.48 s a rule
        monkeypatch.setattr(
            rule, "hits", lambda doc, scans=scans: [h for _ in range(scans) for h in scan(_Slow(0.12), doc.text)]
        )
    result = Linter([first, second, third]).check_text("Kiev.\n", "story.txt")
    assert [failure.rule_id for failure in result.failures] == ["house.slow-2"]


# --- standard streams ---------------------------------------------------------------------------


def _closing(descriptor: int):
    return lambda: os.close(descriptor)


def _run(tmp_path, *args: str, **kwargs) -> subprocess.CompletedProcess:
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "newslint", "--isolated", "--no-cache", *args], cwd=tmp_path, timeout=120, **kwargs
    )


@pytest.fixture
def dirty(tmp_path):
    (tmp_path / "story.txt").write_text("Kiev. .\n", encoding="utf-8")
    return "story.txt"


def test_closed_standard_input_is_an_input_error(tmp_path):
    done = _run(tmp_path, "-", preexec_fn=_closing(0))
    assert done.returncode == 2
    assert done.stderr.decode() == "-: cannot read: standard input is closed\n"


def test_closed_standard_output_is_an_error(tmp_path, dirty):
    done = _run(tmp_path, dirty, preexec_fn=_closing(1), stdout=None)
    assert done.returncode == 2
    assert done.stderr.decode() == "newslint: error: cannot write the output: standard output is closed\n"


def test_closed_standard_error_changes_nothing(tmp_path, dirty):
    done = _run(tmp_path, "missing.txt", dirty, preexec_fn=_closing(2), stderr=None)
    assert done.returncode == 2  # the missing file
    assert done.stdout.decode().startswith("story.txt:1:1: names.kyiv [warning]")


def test_a_full_standard_output_is_an_error(tmp_path, dirty):
    with open("/dev/full", "wb") as full:
        done = _run(tmp_path, dirty, stdout=full)
    assert done.returncode == 2
    assert done.stderr.decode() == "newslint: error: cannot write the output: No space left on device\n"


def test_a_full_standard_error_keeps_the_exit_code(tmp_path):
    with open("/dev/full", "wb") as full:
        done = _run(tmp_path, "missing.txt", stderr=full)
    assert done.returncode == 2


# --- smaller things -----------------------------------------------------------------------------


def test_standard_input_named_twice_is_read_once(tmp_path):
    done = _run(tmp_path, "--fix", "-", "-", input=b"Talks in Kiev ended.\n")
    assert done.returncode == 0
    assert done.stdout == b"Talks in Kyiv ended.\n"


def test_a_file_named_twice_is_linted_once(capsys, tmp_path, monkeypatch):
    from tests.conftest import run_cli

    monkeypatch.chdir(tmp_path)
    os.mkdir("copy")
    (tmp_path / "copy" / "a.txt").write_text(GOOD, encoding="utf-8")
    _, out, _ = run_cli(capsys, "--isolated", "--no-cache", "copy", "copy/a.txt", "./copy/a.txt")
    assert out.splitlines()[-1] == "Found 1 problem in 1 file (1 fixable)."


def test_jobs_are_capped_by_the_files_and_the_cpus(tmp_path, monkeypatch):
    import multiprocessing

    started = []
    context = multiprocessing.get_context("fork")
    original = type(context).Pool
    monkeypatch.setattr(type(context), "Pool", lambda self, n, **k: started.append(n) or original(self, n, **k))
    paths = []
    for index in range(12):
        (tmp_path / f"{index}.txt").write_text(GOOD, encoding="utf-8")
        paths.append(str(tmp_path / f"{index}.txt"))
    report = lint_paths(paths, jobs=64)
    assert len(report.findings) == 12
    assert started == [] if runner.default_jobs() == 1 else started == [min(12, runner.default_jobs())]


@pytest.mark.parametrize("placeholder", ["{match:>2000000000}", "{match!r}", "{match:{match}}"])
def test_a_message_may_hold_plain_placeholders_only(tmp_path, placeholder):
    from newslint.errors import RuleFileError
    from newslint.rules import load_rule_file

    rules = tmp_path / "house.yaml"
    rules.write_text(f'- id: house.x\n  kind: existence\n  message: "bad {placeholder}"\n  tokens: [Kiev]\n')
    with pytest.raises(RuleFileError, match=r"house.yaml:3: house.x: message: .*write a placeholder plainly"):
        load_rule_file(rules)


NAMES = [
    pytest.param(b"caf\xe9.txt", "caf\\xe9.txt", id="not-utf8"),
    pytest.param(b"red\x1b[31m.txt", "red\\x1b[31m.txt", id="escape-sequence"),
    pytest.param(b"new\nline.txt", "new\\nline.txt", id="newline"),
]


@pytest.mark.parametrize(("name", "shown"), NAMES)
@pytest.mark.parametrize("output", ["text", "json", "github", "junit", "sarif", "gitlab", "html"])
def test_file_names_are_shown_printable_and_valid_utf8(tmp_path, name, shown, output):
    (tmp_path / os.fsdecode(name)).write_text("Talks in Kiev ended.\n", encoding="utf-8")
    done = _run(tmp_path, "--format", output, ".", env=dict(os.environ, LC_ALL="C.UTF-8", PYTHONIOENCODING=""))
    text = done.stdout.decode("utf-8")  # valid UTF-8, whatever the file is called
    assert done.returncode == 1 and done.stderr == b""
    assert "\x1b" not in text and "new\nline" not in text
    if output == "text":
        assert text.splitlines()[0].startswith(f"{shown}:1:10: names.kyiv")
    if output == "json":
        import json

        assert json.loads(text)[0]["path"] == shown
    if output == "gitlab":
        import json

        assert json.loads(text)[0]["location"]["path"] == shown


def test_an_error_about_a_strange_file_name_is_one_printable_line(tmp_path):
    done = _run(tmp_path, "new\nline\x1b.txt")
    assert done.returncode == 2
    assert done.stderr.decode() == "new\\nline\\x1b.txt: no such file or directory\n"


def test_sarif_gives_files_outside_the_repository_absolute_uris(tmp_path, monkeypatch):
    import json
    from pathlib import Path

    from newslint.findings import Finding
    from newslint.output import RunSummary, sarif

    repository = tmp_path / "repo"
    (repository / "seeds").mkdir(parents=True)
    monkeypatch.chdir(repository)
    monkeypatch.setattr(sarif, "_repository_root", lambda: str(repository))
    paths = ["seeds/a.txt", "../elsewhere/b c.txt", str(tmp_path / "elsewhere" / "d.txt")]
    findings = [Finding(path, 0, 1, 1, 1, 1, 2, "x.y", "warning", "m") for path in paths]
    run = json.loads(sarif.render(RunSummary(findings)))["runs"][0]
    locations = [result["locations"][0]["physicalLocation"]["artifactLocation"] for result in run["results"]]
    assert locations == [
        {"uri": "seeds/a.txt", "uriBaseId": "%SRCROOT%"},
        {"uri": (tmp_path / "elsewhere" / "b c.txt").as_uri()},
        {"uri": (tmp_path / "elsewhere" / "d.txt").as_uri()},
    ]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": Path(repository).as_uri() + "/"}}
