"""Configuration: discovery, keys, command-line overrides and errors with the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.config import ConfigError, discover, load, resolve
from tests.conftest import run_cli as run

STORY = "Talks in Macau and Macao ended. . The the end. In Kiev, the “core tactics” held.\n"


def rules_found(out: str) -> list[str]:
    return [line.split()[1] for line in out.splitlines()[:-1]]


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    (tmp_path / "desk" / "stories").mkdir(parents=True)
    (tmp_path / "desk" / "stories" / "story.txt").write_text(STORY, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "desk" / "stories")
    return tmp_path / "desk"


def test_discovery_walks_up_and_prefers_newslint_yaml(project):
    assert discover() is None
    (project / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert discover() is None  # a pyproject.toml without [tool.newslint] is not a config
    (project / "pyproject.toml").write_text("[tool.newslint]\nselect = ['punct']\n", encoding="utf-8")
    assert discover() == project / "pyproject.toml"
    (project / ".newslint.yaml").write_text("select: [typo]\n", encoding="utf-8")
    assert discover() == project / ".newslint.yaml"
    (project / "newslint.yaml").write_text("select: [names]\n", encoding="utf-8")
    assert discover() == project / "newslint.yaml"


def test_keys_of_a_yaml_config(capsys, project):
    (project / "house.yaml").write_text(
        "- id: house.tactics\n  kind: existence\n  message: no {match}\n  tokens: [tactics]\n", encoding="utf-8"
    )
    (project / "newslint.yaml").write_text(
        "select: [punct.doubled, names, typo, house]\n"
        "rules: [house.yaml]\n"
        "levels: {typo: info, punct.doubled: error}\n"
        "accept: [Kiev]\n"
        "prefer: {names.macau: Macao}\n"
        "fail-level: error\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "story.txt")
    assert rules_found(out) == ["names.macau", "punct.doubled", "typo.repeated-word", "house.tactics"]
    assert "[error] Doubled" in out and "typo.repeated-word [info]" in out
    assert "'Macau' here but 'Macao'" in out  # the house preference wins, though Macau came first
    assert code == 1  # an error-level finding remains


def test_pyproject_table(capsys, project):
    (project / "pyproject.toml").write_text(
        '[tool.newslint]\nselect = "punct"\nfail-level = "error"\n', encoding="utf-8"
    )
    code, out, _ = run(capsys, "story.txt")
    assert rules_found(out) == ["punct.doubled", "punct.emphasis-quotes"] and code == 0


def test_command_line_overrides_the_file_and_isolated_ignores_it(capsys, project):
    (project / "newslint.yaml").write_text("select: [punct]\nignore: [punct.emphasis-quotes]\n", encoding="utf-8")
    assert rules_found(run(capsys, "story.txt")[1]) == ["punct.doubled"]
    assert rules_found(run(capsys, "--select", "typo", "story.txt")[1]) == ["typo.repeated-word"]
    assert "names.kyiv" in rules_found(run(capsys, "--isolated", "story.txt")[1])
    other = project / "other.yaml"
    other.write_text("select: [names]\n", encoding="utf-8")
    assert rules_found(run(capsys, "--config", str(other), "story.txt")[1]) == ["names.macau", "names.kyiv"]


def test_exclude_globs(capsys, project):
    (project / "stories" / "archive").mkdir()
    (project / "stories" / "archive" / "old.txt").write_text(STORY, encoding="utf-8")
    (project / "newslint.yaml").write_text("exclude: ['stories/archive/**']\n", encoding="utf-8")
    out = run(capsys, ".")[1]
    assert "old.txt" not in out and "story.txt" in out


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("select: [punct]\ncolour: red\n", "newslint.yaml:2: unknown key 'colour'"),
        ("select: [punct]\nfail-level: fatal\n", "newslint.yaml:2: fail-level: expected one of error, warning, info"),
        ("levels: [punct]\n", "newslint.yaml:1: levels: expected a mapping"),
        ("accept: Macao\n", "newslint.yaml:1: accept: expected a list of strings"),
        ("select: [punct\n", "newslint.yaml:2: invalid YAML"),
        ("prefer: {names.macau: Macow}\n", "newslint.yaml:1: prefer: names.macau: 'Macow' is not one of its forms"),
        ("levels: {nosuch: error}\n", "newslint.yaml:1: levels: no rule is called or starts with 'nosuch'"),
        ("fail-level: info\nselect: [nosuch]\n", "newslint.yaml:2: select: no rule is called or starts with 'nosuch'"),
        ("ignore: [punc]\n", "newslint.yaml:1: ignore: no rule is called or starts with 'punc'"),
        ("select: []\n", "newslint.yaml:1: select: selects no rule"),
        ("rules: [missing.yaml]\n", "newslint.yaml:1: rules: no such rule file or folder"),
        ("levels:\n  calque: error\n  typo: 3\n", "newslint.yaml:3: levels.typo: expected one of error, warning"),
        ("languagetool:\n  enabled: false\n  bogus: 1\n", "newslint.yaml:3: languagetool: unknown key 'bogus'"),
    ],
)
def test_config_errors_name_the_file_and_line(capsys, project, content, expected):
    (project / "newslint.yaml").write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "story.txt")
    assert code == 2 and out == ""
    assert err.startswith(str(project / "newslint.yaml").replace("newslint.yaml", "") + expected), err


def test_pyproject_errors_name_the_line(project):
    (project / "pyproject.toml").write_text("[project]\nname = 'x'\n\n[tool.newslint]\nselect = ['punct']\nbogus = 1\n")
    with pytest.raises(ConfigError, match=r"pyproject.toml:6: unknown key 'bogus'"):
        load(project / "pyproject.toml")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("[tool.newslint.levels]\ntypo = 'bad'\n", r"pyproject.toml:2: levels.typo: expected one of"),
        ("[tool.newslint]\nselect = ['typo']\n\n[tool.newslint.languagetool]\nbogus = 1\n", r"pyproject.toml:5: "),
        ("[tool.newslint]\nselect = ['typo']\nlevels.typo = 5\n", r"pyproject.toml:3: levels.typo: "),
        ("[tool.newslint]\nlevels = {typo = 5}\n", r"pyproject.toml:2: levels.typo: "),
        ("[tool.newslint]  # ours\nselect = ['typo']\nfail-level = 'x'\n", r"pyproject.toml:3: fail-level: "),
        ("[tool.newslint.levels]\ncalque = 'error'\n'names.kyiv' = 'bad'\n", r"pyproject.toml:3: levels.names.kyiv: "),
    ],
)
def test_pyproject_errors_in_sub_tables_name_the_line(project, content, expected):
    (project / "pyproject.toml").write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=expected):
        load(project / "pyproject.toml")


def test_languagetool_and_newslint_findings_may_be_named_in_the_file(capsys, project):
    (project / "newslint.yaml").write_text(
        "levels: {languagetool: info, newslint.unused-suppression: error}\nignore: [languagetool.X]\n", encoding="utf-8"
    )
    assert run(capsys, "story.txt")[0] == 1


def test_a_missing_config_file(capsys, project):
    code, _, err = run(capsys, "--config", "nope.yaml", "story.txt")
    assert code == 2 and err == "nope.yaml: no such configuration file\n"


def test_resolve_rules_relative_to_the_config_file(project):
    (project / "newslint.yaml").write_text("rules: [house]\n", encoding="utf-8")
    (project / "house").mkdir()
    assert resolve().rules == (str(project / "house"),)


def test_a_pyproject_with_a_newslint_table_that_is_not_valid_toml_is_an_error(capsys, project):
    (project / "pyproject.toml").write_text('[tool.newslint]\nselect = ["calque"\n', encoding="utf-8")
    code, out, err = run(capsys, "story.txt")
    assert code == 2 and out == "" and "pyproject.toml" in err and "invalid TOML" in err
