"""`newslint --source SRC TARGET`, bilingual files on the command line: outputs (text with
--show-source, JSON, SARIF), folders, usage errors, --fix that never changes a number or damages
a file, and parallel runs."""

from __future__ import annotations

import json
from pathlib import Path
from xml.parsers import expat

import jsonschema
import pytest

from tests.conftest import run_cli as run

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "sarif-schema-2.1.0.json"
SOURCE = "江西财政紧急下达2.8亿元资金。\n\n7月24日，共有46艘舰艇参加了阅兵。\n"
TARGET = "Jiangxi urgently issued 28 million yuan in funds.\n\nOn July 24, ships took part in the parade.\n"


@pytest.fixture
def pair(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("source.txt").write_text(SOURCE, encoding="utf-8")
    Path("story.txt").write_text(TARGET, encoding="utf-8")
    return "source.txt", "story.txt"


def test_text_output_shows_the_source_under_each_finding(capsys, pair):
    code, out, err = run(capsys, "--source", "source.txt", "story.txt", "--show-source")
    assert code == 1 and err == ""
    assert out.splitlines() == [
        "story.txt:1:25: bitext.number-different [warning] The translation has '28 million' where the source has "
        "'2.8亿' (280 million)",
        "    source source.txt:1:9: 江西财政紧急下达2.8亿元资金。",
        "story.txt:3:1: bitext.number-missing [warning] The translation lacks the source's '46'",
        "    source source.txt:3:9: 7月24日，共有46艘舰艇参加了阅兵。",
        "Found 2 problems in 1 file (0 fixable).",
    ]
    assert "    source" not in run(capsys, "--source", "source.txt", "story.txt")[1]


def test_json_findings_name_their_source_and_unit(capsys, pair):
    code, out, _ = run(capsys, "--source", "source.txt", "story.txt", "--format", "json")
    first = json.loads(out)[0]
    assert first["source"] == {"path": "source.txt", "line": 1, "column": 9, "end_line": 1, "end_column": 13}
    assert first["unit"] == "1"
    assert set(first) == {
        "path", "line", "column", "end_line", "end_column", "start", "end", "rule", "severity", "message", "fix",
        "source", "unit",
    }  # fmt: skip


def test_monolingual_json_is_unchanged(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("story.txt").write_text("The talks ended. .\n", encoding="utf-8")
    [finding] = json.loads(run(capsys, "--format", "json", "story.txt")[1])
    assert "source" not in finding and "unit" not in finding


def test_sarif_puts_the_source_in_related_locations(capsys, pair):
    code, out, _ = run(capsys, "--source", "source.txt", "story.txt", "--format", "sarif")
    log = json.loads(out)
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(log)
    first = log["runs"][0]["results"][0]
    [related] = first["relatedLocations"]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "source.txt"
    assert related["physicalLocation"]["region"] == {"startLine": 1, "startColumn": 9, "endLine": 1, "endColumn": 13}


def test_sarif_counts_the_source_s_columns_in_utf16(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("source.txt").write_text("😀江西下达2.8亿元。\n", encoding="utf-8")
    Path("story.txt").write_text("Jiangxi issued 28 million yuan.\n", encoding="utf-8")
    log = json.loads(run(capsys, "--source", "source.txt", "story.txt", "--format", "sarif")[1])
    region = log["runs"][0]["results"][0]["relatedLocations"][0]["physicalLocation"]["region"]
    assert (region["startColumn"], region["endColumn"]) == (7, 11)  # the emoji counts twice


def test_folders_pair_by_relative_path_and_the_run_counts_targets_without_source(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for folder, text in (("zh", SOURCE), ("en", TARGET)):
        Path(folder, "a").mkdir(parents=True)
        Path(folder, "a", "b.txt").write_text(text, encoding="utf-8")
    Path("en", "alone.txt").write_text("The talks ended. .\n", encoding="utf-8")
    code, out, err = run(capsys, "--source", "zh", "en", "--format", "json")
    findings = json.loads(out)
    assert {(f["path"], f["rule"]) for f in findings} == {
        ("en/a/b.txt", "bitext.number-different"),
        ("en/a/b.txt", "bitext.number-missing"),
        ("en/alone.txt", "punct.doubled"),  # linted as usual
    }
    assert err == "1 of 2 files had no source in zh: linted without it\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--source", "missing.txt", "story.txt"], "--source: no such file or folder: missing.txt"),
        (["--source", "source.txt", "story.txt", "other.txt"], "--source pairs one source with one translation"),
        (["--source", "folder", "story.txt"], "--source is a folder but story.txt is a file"),
        (["--source-language", "chinese!", "story.txt"], "--source-language: 'chinese!' is not a language code"),
    ],
)
def test_usage_errors(capsys, pair, args, message):
    Path("folder").mkdir()
    with pytest.raises(SystemExit) as exit_:
        run(capsys, *args)
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err


def test_a_source_that_cannot_be_read_is_an_error_naming_it(capsys, pair):
    Path("source.txt").write_bytes(b"\xff\xfe bad")
    code, out, err = run(capsys, "--source", "source.txt", "story.txt")
    assert code == 2
    assert err == "source.txt: encoded as UTF-16; newslint reads UTF-8\n"


def test_bad_bilingual_files_fail_with_one_line_and_the_others_are_still_linted(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("bad.xlf").write_text("<xliff version='1.2'><file>", encoding="utf-8")
    Path("good.tsv").write_text("会谈结束了。\tThe talks ended. .\n", encoding="utf-8")
    code, out, err = run(capsys, "bad.xlf", "good.tsv")
    assert code == 2
    assert err == "bad.xlf: not well-formed XML: no element found (line 1, column 28)\n"
    assert "good.tsv:1:23: punct.doubled" in out and "Traceback" not in err


def test_source_language_overrides_detection(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # Told from its words, this is English, where 1,200 is twelve hundred; in German it is 1.2.
    Path("pairs.tsv").write_text("the 1,200 and the\tthe 1.2 and the\n", encoding="utf-8")
    assert run(capsys, "--select", "bitext", "pairs.tsv")[0] == 1
    assert run(capsys, "--select", "bitext", "--source-language", "de", "pairs.tsv")[0] == 0


def test_standard_input_is_read_as_its_stdin_filename(capsys, monkeypatch):
    import io
    import sys

    data = "江西下达2.8亿元。\tJiangxi issued 28 million yuan.\n".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code, out, _ = run(capsys, "--stdin-filename", "pairs.tsv", "-")
    assert code == 1 and out.startswith("pairs.tsv:1:27: bitext.number-different")


# --- --fix ---------------------------------------------------------------------------------------


def test_fix_edits_only_the_translation_of_a_tsv_file(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = "会谈结束了。\tThe talks ended. . In Kiev.\n江西下达2.8亿元。\tJiangxi issued 28 million yuan.\n"
    Path("pairs.tsv").write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "--fix", "pairs.tsv")
    fixed = Path("pairs.tsv").read_text(encoding="utf-8")
    assert fixed == text.replace(". . In Kiev", ". In Kyiv")
    assert "bitext.number-different" in out and code == 1  # reported, never fixed


def test_fix_never_changes_a_number(capsys, tmp_path, monkeypatch):
    """A house rule that would rewrite a number is reported on a translation, not applied."""
    monkeypatch.chdir(tmp_path)
    Path("house.yaml").write_text(
        "- id: house.millions\n  kind: substitution\n  message: \"Write '{suggestion}'\"\n"
        "  swap: {'28 million': '280 million'}\n",
        encoding="utf-8",
    )
    text = "江西下达2.8亿元。\tJiangxi issued 28 million yuan.\n"
    Path("pairs.tsv").write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "--rules", "house.yaml", "--fix", "--unsafe-fixes", "pairs.tsv")
    assert Path("pairs.tsv").read_text(encoding="utf-8") == text
    assert "house.millions" in out


def test_fix_keeps_xliff_well_formed_and_leaves_entities_alone(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = (
        '<xliff version="1.2"><file source-language="zh"><body>'
        '<trans-unit id="1"><source>会谈结束了。</source><target>The talks ended. . In Kiev &amp; Lviv.</target>'
        "</trans-unit></body></file></xliff>\n"
    )
    Path("story.xlf").write_text(text, encoding="utf-8")
    run(capsys, "--fix", "story.xlf")
    fixed = Path("story.xlf").read_text(encoding="utf-8")
    assert fixed == text.replace(". . In Kiev", ". In Kyiv")
    expat.ParserCreate().Parse(fixed.encode(), True)  # still well-formed


def test_fix_offers_no_replacement_a_json_string_cannot_hold(tmp_path):
    from newslint.bitext.readers import read_bilingual
    from newslint.findings import Finding, Fix

    text = '{"source": "他说。", "target": "He said hello."}\n'
    doc = read_bilingual(text, "pairs.jsonl")
    start = text.index("hello")
    quoting = Finding(
        "pairs.jsonl", start, start + 5, 1, 1, 1, 1, "x", "info", "m", Fix('"hello"', start, start + 5, "safe")
    )
    plain = Finding("pairs.jsonl", start, start + 5, 1, 1, 1, 1, "x", "info", "m", Fix("hi", start, start + 5, "safe"))
    assert [f.fix for f in doc.annotated([quoting, plain])] == [None, plain.fix]


def test_fix_of_a_line_aligned_pair(capsys, pair):
    Path("story.txt").write_text("The talks in Kiev ended. .\n", encoding="utf-8")
    Path("source.txt").write_text("基辅会谈结束了。\n", encoding="utf-8")
    code, out, _ = run(capsys, "--source", "source.txt", "--fix", "story.txt")
    assert Path("story.txt").read_text(encoding="utf-8") == "The talks in Kyiv ended.\n"
    assert code == 0


def test_many_bilingual_files_in_worker_processes(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for index in range(10):
        Path(f"pairs{index}.tsv").write_text(
            f"江西下达{index + 2}亿元。\tJiangxi issued {index + 2} million yuan.\n", encoding="utf-8"
        )
    code, out, _ = run(capsys, "--jobs", "2", "--format", "json", *sorted(str(p) for p in Path().glob("*.tsv")))
    findings = json.loads(out)
    assert len(findings) == 10 and all(f["rule"] == "bitext.number-different" and f["source"] for f in findings)


def test_the_translation_may_come_from_standard_input(capsys, pair, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TARGET.encode()), encoding="utf-8"))
    code, out, err = run(capsys, "--source", "source.txt", "-")
    assert code == 1 and err == ""
    assert out.splitlines()[0].startswith("-:1:25: bitext.number-different")


def test_source_language_alone_reads_plain_files_as_usual(capsys, pair):
    code, out, err = run(capsys, "--source-language", "zh", "story.txt")
    assert (code, err) == (0, "")
    assert out == "No problems found in 1 file.\n"
