"""CI output formats: GitHub annotations, SARIF (validated against the official schema), JUnit,
JSON, text, statistics and --output-file."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from newslint.findings import Finding, Fix
from newslint.output import RunSummary, github, sarif, text
from tests.conftest import run_cli as run

SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"  # the official OASIS schema
UNICODE_STORY = "“Officials” in Kiev — café 😀 talks ended. .\nThe the end.\n"


@pytest.fixture
def story(tmp_path, monkeypatch) -> str:
    monkeypatch.chdir(tmp_path)
    Path("story.txt").write_text(UNICODE_STORY, encoding="utf-8")
    return "story.txt"


def test_github_escapes_data_and_properties():
    finding = Finding("a,b:c.txt", 0, 1, 3, 7, 3, 9, "x.rule", "info", "50% done:\r\nnext, please", None)
    out = github.render(RunSummary([finding]))
    assert out == (
        "::notice file=a%2Cb%3Ac.txt,line=3,col=7,endLine=3,endColumn=9,title=x.rule::50%25 done:%0D%0Anext, please\n"
    )
    assert github.escape_property("%:,\n") == "%25%3A%2C%0A"


def test_github_format_on_a_story(capsys, story):
    code, out, _ = run(capsys, "--format", "github", story)
    assert code == 1
    assert out.splitlines()[0].startswith(
        "::warning file=story.txt,line=1,col=16,endLine=1,endColumn=20,title=names.kyiv::"
    )


def test_sarif_validates_against_the_official_schema_and_counts_utf16_columns(capsys, story):
    code, out, _ = run(capsys, "--format", "sarif", story)
    log = json.loads(out)
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(log)
    run_ = log["runs"][0]
    assert run_["columnKind"] == "utf16CodeUnits"
    driver = run_["tool"]["driver"]
    assert driver["name"] == "newslint" and driver["informationUri"].startswith("https://")
    rule_ids = [rule["id"] for rule in driver["rules"]]
    assert rule_ids == sorted({result["ruleId"] for result in run_["results"]})
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    doubled = next(r for r in run_["results"] if r["ruleId"] == "punct.doubled")
    region = doubled["locations"][0]["physicalLocation"]["region"]
    line = UNICODE_STORY.split("\n")[0]
    utf16_start = len(line[: line.index(". .")].encode("utf-16-le")) // 2 + 1
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (1, utf16_start, utf16_start + 3)
    assert utf16_start == line.index(". .") + 2  # the emoji counts twice in UTF-16, once in code points
    assert doubled["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "story.txt"
    assert doubled["level"] == "warning" and doubled["ruleIndex"] == rule_ids.index("punct.doubled")


def test_sarif_uri_is_relative_and_escaped(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    finding = Finding(str(tmp_path / "my story.txt"), 0, 1, 1, 1, 1, 2, "x", "error", "m", Fix("y", 0, 1, "safe"))
    log = json.loads(sarif.render(RunSummary([finding])))
    assert (
        log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "my%20story.txt"
    )


def test_junit(capsys, story, tmp_path):
    Path("clean.txt").write_text("Fine copy.\n", encoding="utf-8")
    code, out, _ = run(capsys, "--format", "junit", story, "clean.txt")
    root = ET.fromstring(out)
    suite = root.find("testsuite")
    assert (root.get("tests"), root.get("failures")) == ("2", "1")
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert cases["clean.txt"].find("failure") is None
    failure = cases["story.txt"].find("failure")
    assert failure.get("message") == "3 problems" and "punct.doubled" in failure.text


def test_a_file_name_that_is_not_utf8_and_a_control_character_stay_well_formed(tmp_path, monkeypatch):
    from newslint.output import junit

    monkeypatch.chdir(tmp_path)
    name = "caf\udce9.txt"  # the byte 0xe9 of a Latin-1 file name, as Python keeps it
    finding = Finding(str(tmp_path / name), 0, 1, 1, 1, 1, 2, "x", "error", "found zork\x01", None)
    summary = RunSummary([finding], files=[finding.path])
    log = json.loads(sarif.render(summary))
    assert log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "caf%E9.txt"
    case = ET.fromstring(junit.render(summary).encode("utf-8")).find("testsuite/testcase")
    assert case.get("name").endswith("caf\\xe9.txt")
    assert case.find("failure").text.endswith("found zork\\x01")


def test_json_and_text(capsys, story):
    findings = json.loads(run(capsys, "--format", "json", story)[1])
    assert [f["rule"] for f in findings] == ["names.kyiv", "punct.doubled", "typo.repeated-word"]
    assert run(capsys, story)[1].endswith("Found 3 problems in 1 file (3 fixable).\n")


def test_statistics(capsys, story):
    out = run(capsys, "--statistics", story)[1]
    assert out.splitlines() == [
        "    1  names.kyiv          [warning]  [*] fixable",
        "    1  punct.doubled       [warning]  [*] fixable",
        "    1  typo.repeated-word  [warning]  [*] fixable",
        "Found 3 problems in 1 file (3 fixable).",
    ]


def test_output_file(capsys, story, tmp_path):
    code, out, _ = run(capsys, "--format", "json", "--output-file", "report.json", story)
    assert code == 1 and out == ""
    assert len(json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))) == 3


@pytest.mark.parametrize(("level", "code"), [("info", 1), ("warning", 1), ("error", 0)])
def test_fail_level(capsys, story, level, code):
    assert run(capsys, "--fail-level", level, story)[0] == code


def test_a_source_segment_is_shown_on_one_printable_line():
    from newslint.findings import SourceLocation

    source = SourceLocation("zh\x1b.txt", 0, 5, 1, 1, 2, 3, text="第一\n\x1b[31m行")
    finding = Finding("en.txt", 0, 4, 1, 1, 1, 5, "x.y", "error", "m", source=source)
    lines = list(text.render_lines(RunSummary([finding], ["en.txt"], show_source=True)))
    assert lines[1] == "    source zh\\x1b.txt:1:1: 第一\\n\\x1b[31m行\n"
