"""The README's worked example (examples/bitext/) gives the output the README shows, and the
example glossary's own examples hold."""

from __future__ import annotations

from pathlib import Path

from newslint.linter import check_document
from newslint.rules import load_rule_file
from tests.conftest import REPO
from tests.conftest import run_cli as run

EXAMPLE = REPO / "examples" / "bitext"


def _bilingual(report: str) -> list[str]:
    """The findings of the bilingual and glossary rules, each with its source line (so that
    the example does not depend on what newslint's monolingual rules, tuned apart, say)."""
    kept, keep = [], False
    for line in report.splitlines():
        if line.startswith("    source "):
            if keep:
                kept.append(line)
            continue
        keep = ": bitext." in line or ": house.glossary " in line
        if keep:
            kept.append(line)
    return kept


def test_the_worked_example_of_the_readme(capsys, monkeypatch):
    monkeypatch.chdir(EXAMPLE)
    code, out, err = run(capsys, "--source", "zh.txt", "en.txt", "--rules", "glossary.yaml", "--show-source")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = readme.split("$ newslint --source zh.txt en.txt --rules glossary.yaml --show-source\n", 1)[1]
    assert code == 1 and err == ""
    assert len(_bilingual(out)) == 10
    assert _bilingual(out) == _bilingual(shown.split("```", 1)[0])


def test_the_example_glossary_s_examples():
    [rule] = load_rule_file(Path(EXAMPLE / "glossary.yaml"))
    for text in rule.info.examples.fail:
        assert check_document(rule.example_document(text), [rule]).findings
    for text in rule.info.examples.passing:
        assert not check_document(rule.example_document(text), [rule]).findings
