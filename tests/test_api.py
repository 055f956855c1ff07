"""The public API used by scripts and distributed engines."""

from __future__ import annotations

import pickle
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import Config, Finding, lint_paths, lint_text, load_rules
from newslint.document import Document
from newslint.errors import RuleFailure
from newslint.findings import Fix
from newslint.linter import Linter, _deduplicated
from tests.conftest import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")


def test_lint_text_returns_sorted_picklable_findings():
    findings = lint_text("The the talks ended. . Then they left.", path="story.txt")
    assert [f.rule for f in findings] == ["typo.repeated-word", "punct.doubled"]
    assert all(isinstance(f, Finding) and f.path == "story.txt" for f in findings)
    assert pickle.loads(pickle.dumps(findings)) == findings


def test_config_selects_rules():
    text = "The the talks ended. . Then they left."
    assert [f.rule for f in lint_text(text, config=Config(select=("typo",)))] == ["typo.repeated-word"]
    assert [f.rule for f in lint_text(text, config=Config(ignore=("typo",)))] == ["punct.doubled"]


def test_lint_paths_reports_bad_inputs_without_raising(tmp_path):
    (tmp_path / "a.txt").write_text("Ended. .", encoding="utf-8")
    report = lint_paths([str(tmp_path / "a.txt"), str(tmp_path / "missing.txt")])
    assert [f.rule for f in report.findings] == ["punct.doubled"]
    assert report.files_checked == 1 and not report.complete
    assert str(report.errors[0]).endswith("missing.txt: no such file or directory")


def test_load_rules_includes_the_builtin_packs():
    ids = load_rules().ids
    assert "punct.doubled" in ids and len([i for i in ids if i.startswith("calque.")]) >= 40


def test_a_failing_rule_raises_from_lint_text(tmp_path, monkeypatch):
    from newslint import regexes

    monkeypatch.setattr(regexes, "BASE_TIMEOUT_SECONDS", 0.2)
    (tmp_path / "slow.yaml").write_text("- id: u.slow\n  kind: existence\n  message: x\n  pattern: '(a|aa)+$'\n")
    with pytest.raises(RuleFailure, match="u.slow: rule failed"):
        lint_text("a" * 40 + "!", config=Config(rules=(str(tmp_path / "slow.yaml"),)))


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcKyiv .,;:!?\"“”'’()[]—-\n\r\tShe said we 😀")), max_size=200))
def test_no_rule_crashes_on_arbitrary_text(text):
    for finding in lint_text(text):
        assert 0 <= finding.start < finding.end <= len(text)
        if finding.fix:
            assert finding.start <= finding.fix.start <= finding.fix.end <= finding.end


def test_a_very_long_text_is_checked_in_chunks_with_the_same_findings(monkeypatch):
    from newslint import linter

    text = (SEED_TEXT + "\n\n") * 6 + "Kiev. ."  # no trailing newline; CRLF below
    for body in (text, text.replace("\n", "\r\n")):
        whole = lint_text(body, path="long.txt")
        monkeypatch.setattr(linter, "CHUNK_CHARACTERS", 4000)
        chunked = lint_text(body, path="long.txt")
        monkeypatch.undo()
        assert len(linter._chunks(body)) == 1
        assert chunked == whole and len(whole) > 6 * 12
        for finding in chunked:
            line_start = body.rfind("\n", 0, finding.start) + 1
            assert finding.column == finding.start - line_start + 1


@pytest.mark.parametrize(
    "body",
    [
        textwrap.fill("The minister said the talks in Geneva were useful and would go on next week. " * 200, 70),
        "the talks go on and on " * 1000 + "the the end.",  # one enormous line without sentences
        ("lower words without an end\n" * 600).replace("\n", "\r\n"),
        (
            "Talks went on and on for many hours in the old hall of\n" * 3
            + "the city, and the money came from the U.S.\ngovernment and its allies kept on talking\n"
        )
        * 60,
    ],
    ids=["hard-wrapped", "one-enormous-line", "crlf-without-sentences", "abbreviation-at-line-end"],
)
def test_chunks_cut_inside_a_paragraph_add_no_sentence_starts(monkeypatch, body):
    from newslint import linter

    whole = lint_text(body, path="long.txt")
    monkeypatch.setattr(linter, "CHUNK_CHARACTERS", 3000)
    assert len(linter._chunks(body)) > 3
    assert lint_text(body, path="long.txt") == whole


def test_a_big_file_is_read_and_checked_as_it_comes_with_the_same_findings(tmp_path, monkeypatch):
    from newslint import linter, runner, sources

    body = ((SEED_TEXT + "\n\n") * 8).replace("\n", "\r\n")
    path = tmp_path / "big.txt"
    path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    whole = lint_paths([str(path)]).findings
    monkeypatch.setattr(runner, "STREAM_BYTES", 1000)
    monkeypatch.setattr(linter, "CHUNK_CHARACTERS", 5000)
    reads = []
    original = sources.stream_text
    monkeypatch.setattr(runner, "stream_text", lambda *a, **k: reads.append(a) or original(*a, block=3000))
    streamed = lint_paths([str(path)]).findings
    assert reads and streamed == whole and len(whole) > 8 * 12


def test_a_big_file_that_is_not_utf8_reports_nothing_but_the_error(tmp_path, monkeypatch):
    from newslint import runner

    path = tmp_path / "big.txt"
    path.write_bytes((SEED_TEXT * 3).encode("utf-8") + b"\n\xff\n" + SEED_TEXT.encode("utf-8"))
    monkeypatch.setattr(runner, "STREAM_BYTES", 1000)
    report = lint_paths([str(path)])
    assert report.findings == [] and report.files == []
    line, offset = (SEED_TEXT * 3).count("\n") + 2, len((SEED_TEXT * 3).encode("utf-8")) + 1
    assert str(report.errors[0]) == f"{path}: not valid UTF-8 (byte 0xff on line {line}, at byte {offset})"


class _Stub:
    """A rule that reports the findings it is given, whatever the document."""

    kind = "stub"

    def __init__(self, rule_id: str, findings: list[Finding]) -> None:
        self.id, self._findings = rule_id, findings

    def triggers(self) -> None:
        return None  # may fire anywhere

    def check(self, doc, budget=None) -> list[Finding]:
        return list(self._findings)


def _stub_finding(start: int, length: int, rule: str, severity: str, fix: str | None) -> Finding:
    fixed = None if fix is None else Fix(fix, start, start + length, "safe")
    return Finding("-", start, start + length, 1, start + 1, 1, start + length + 1, rule, severity, "m", fixed)


_STUB_FINDINGS = st.lists(
    st.builds(
        _stub_finding,
        st.integers(0, 3),
        st.integers(0, 2),
        st.sampled_from(["a.x", "b.x"]),
        st.sampled_from(["error", "warning", "info"]),
        st.sampled_from([None, "x", "y"]),
    ),
    max_size=3,
)


@settings(max_examples=200, deadline=None)
@given(_STUB_FINDINGS, _STUB_FINDINGS)
def test_the_linter_gives_the_findings_deduplicated_and_in_order(first, second):
    """However few the findings (none or one take no sorting), they are the rules' findings, one
    per edit of a span, ordered by start, end and rule."""
    found = Linter([_Stub("a.x", first), _Stub("b.x", second)]).check(Document("Some text here.")).findings
    assert found == sorted(_deduplicated(first + second), key=lambda f: (f.start, f.end, f.rule))
