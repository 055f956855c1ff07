"""--format gitlab: GitLab's Code Quality report (the merge-request widget's artifact)."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from newslint.findings import Finding
from newslint.output import RunSummary, gitlab
from newslint.output.paths import repository_root
from tests.conftest import run_cli

RULES = """\
- id: house.kiev
  kind: substitution
  level: error
  message: "Write '{suggestion}', not '{match}'"
  swap: {Kiev: Kyiv}
- id: house.envy
  kind: existence
  level: warning
  message: "Envy?"
  tokens: [envy]
  ignorecase: true
- id: house.dozens
  kind: existence
  level: info
  message: "Dozens?"
  tokens: [dozens]
  ignorecase: true
"""
STORY = "Talks in Kiev.\n\nEnvy and envy in Kiev.\n\nDozens came.\n"
FIELDS = {"description", "check_name", "fingerprint", "severity", "location"}


@pytest.fixture
def repository(tmp_path, monkeypatch):
    """A git repository with the story in a folder of its own, run from that folder."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "stories").mkdir()
    (tmp_path / "rules.yaml").write_text(RULES, encoding="utf-8")
    (tmp_path / "stories" / "story.txt").write_text(STORY, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "stories")
    yield tmp_path


def report(capsys) -> tuple[int, list[dict]]:
    code, out, _ = run_cli(
        capsys, "--isolated", "--no-builtin-rules", "--rules", "../rules.yaml", "--format", "gitlab", "story.txt"
    )
    return code, json.loads(out)


def test_issues_have_gitlabs_fields_severities_and_repository_paths(capsys, repository):
    code, issues = report(capsys)
    assert code == 1
    assert [set(issue) for issue in issues] == [FIELDS] * len(issues)
    by_rule = {issue["check_name"]: issue for issue in issues}
    assert {rule: issue["severity"] for rule, issue in by_rule.items()} == {
        "house.kiev": "major",
        "house.envy": "minor",
        "house.dozens": "info",
    }
    first = issues[0]
    assert first["description"] == "Write 'Kyiv', not 'Kiev'"
    assert first["location"] == {"path": "stories/story.txt", "lines": {"begin": 1}}  # relative to the repository
    assert [issue["location"]["lines"]["begin"] for issue in issues] == [1, 3, 3, 3, 5]
    assert all(len(issue["fingerprint"]) == 32 and int(issue["fingerprint"], 16) >= 0 for issue in issues)


def test_fingerprints_are_unique_and_follow_the_finding_not_its_line(capsys, repository):
    _, before = report(capsys)
    fingerprints = [issue["fingerprint"] for issue in before]
    assert len(set(fingerprints)) == len(fingerprints)  # "Kiev" twice, "envy" twice: still unique
    assert report(capsys)[1] == before  # the same run, the same report
    story = repository / "stories" / "story.txt"
    story.write_text("A new first paragraph.\n\n" + STORY, encoding="utf-8")
    _, after = report(capsys)
    assert [issue["fingerprint"] for issue in after] == fingerprints
    assert [issue["location"]["lines"]["begin"] for issue in after] == [3, 5, 5, 5, 7]
    story.write_text(STORY.replace("Dozens came", "Many came"), encoding="utf-8")
    _, fixed = report(capsys)
    assert [issue["fingerprint"] for issue in fixed] == fingerprints[:-1]  # the others are unchanged


def test_a_file_name_that_is_not_utf8_stays_printable(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    finding = Finding(str(tmp_path / "caf\udce9.txt"), 0, 1, 1, 1, 1, 2, "x", "error", "m", None)
    issues = json.loads(gitlab.render(RunSummary([finding], files=[finding.path])))
    assert issues[0]["location"]["path"] == "caf\\xe9.txt"


def test_the_repository_root_follows_the_current_folder(tmp_path, monkeypatch):
    """Asked once per folder, not once per process: a run from another folder (the library, a
    test after another) gets its own repository's root."""
    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        subprocess.run(["git", "init", "-q", str(folder)], check=True)
    monkeypatch.chdir(first)
    assert os.path.realpath(repository_root()) == os.path.realpath(first)
    monkeypatch.chdir(second)
    assert os.path.realpath(repository_root()) == os.path.realpath(second)


def test_no_findings_is_an_empty_report(capsys, repository):
    (repository / "stories" / "story.txt").write_text("Fine copy.\n", encoding="utf-8")
    assert report(capsys) == (0, [])
