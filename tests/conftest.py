"""Shared helpers for the tests: rule files written on the fly, and a CLI runner."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from newslint import cli
from newslint.document import Document
from newslint.findings import Finding
from newslint.linter import check_document
from newslint.rules import load_rule_file
from newslint.rules.base import Rule

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "000_273ab2e08d5b05c0.txt"


@pytest.fixture(autouse=True, scope="session")
def _own_user_folders(tmp_path_factory):
    """The tests' own cache and state folders: no cache or key of the user's is read or written."""
    home = tmp_path_factory.mktemp("user")
    names = ("XDG_CACHE_HOME", "XDG_STATE_HOME")
    saved = {name: os.environ.get(name) for name in names}
    for name in names:
        os.environ[name] = str(home / name.lower())
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture
def make_rules(tmp_path):
    """Write YAML to a rule file and load it: make_rules('''- id: x ...''') -> [Rule]."""
    counter = iter(range(1000))

    def make(yaml_text: str) -> list[Rule]:
        path = tmp_path / f"rules{next(counter)}.yaml"
        path.write_text(textwrap.dedent(yaml_text), encoding="utf-8")
        return load_rule_file(path)

    return make


def run_rules(rules: list[Rule], text: str) -> list[Finding]:
    result = check_document(Document(text), rules)
    assert not result.failures, result.failures
    return result.findings


def matched(findings: list[Finding], text: str) -> list[str]:
    """The text each finding covers, in order."""
    return [text[f.start : f.end] for f in findings]


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    """newslint's command line in this process: exit code, standard output, standard error."""
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err
