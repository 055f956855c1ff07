"""The wheel ships every package and the rule packs (a missing one only shows on a fresh install)."""

from __future__ import annotations

import sys

from tests.conftest import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_every_package_is_listed_in_pyproject():
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(REPO).parts)
        for init in (REPO / "newslint").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
    assert "newslint.lint_rules" in listed


def test_rule_packs_and_word_lists_are_package_data():
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]
    patterns = data["newslint.lint_rules"]
    assert "*.yaml" in patterns and "*.json" in patterns and "wordlists/*.txt" in patterns
    assert list((REPO / "lint_rules").glob("*.yaml")) and list((REPO / "lint_rules" / "wordlists").glob("*.txt"))
    assert not [
        p
        for p in (REPO / "lint_rules").rglob("*")
        if p.is_file() and p.suffix not in (".yaml", ".json", ".txt", ".py") and "__pycache__" not in p.parts
    ], "a file in lint_rules/ that the wheel would not ship"
