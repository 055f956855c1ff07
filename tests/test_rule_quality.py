"""Measured precision is part of every built-in rule (lint_rules/measured.json, written by
benchmarks/corpus_quality.py --write), and the defaults follow it."""

from __future__ import annotations

from newslint import measured
from newslint.config import rule_set
from tests.conftest import run_cli

DEFAULT_CUT = 0.5  # judged right less often than this on professional copy: not on by default
ENOUGH = 3  # judged findings a rule needs before its precision decides anything


def test_every_builtin_rule_has_been_measured():
    monolingual = {rule.id for rule in rule_set() if measured.monolingual(rule)}
    assert set(measured.measurements()["rules"]) == monolingual, (
        "rules added or removed since the last measurement: run python benchmarks/corpus_quality.py --write"
    )


def test_a_rule_mostly_wrong_on_professional_copy_is_not_on_by_default():
    loud = []
    for rule in filter(measured.monolingual, rule_set()):
        numbers = measured.of_rule(rule)
        judged = numbers["judged_right"] + numbers["judged_wrong"]
        if rule.info.default and judged >= ENOUGH and numbers["native_precision"] < DEFAULT_CUT:
            loud.append(f"{rule.id} ({numbers['judged_right']} of {judged} right)")
    assert not loud, f"default rules judged right less than half the time: {loud}"


def test_the_corpora_behind_the_numbers_are_named():
    corpora = measured.measurements()["corpora"]
    assert {"mt", "reference", "native"} <= set(corpora)
    assert all(corpora[name]["words"] > 10_000 for name in ("mt", "reference", "native"))


def test_explain_shows_what_a_rule_measured(capsys):
    code, out, _ = run_cli(capsys, "--explain", "punct.unbalanced")
    assert code == 0
    numbers = measured.measurements()["rules"]["punct.unbalanced"]
    assert "Measured on" in out and "native English news (Wikinews" in out
    assert f"{numbers['native_per_1000_words']:.2f} findings per 1,000 words" in out
    assert f"{numbers['mt_findings']} findings" in out


def test_a_users_rule_has_no_measurements(make_rules):
    rule = make_rules("- id: house.x\n  kind: existence\n  message: m\n  tokens: [foo]\n")[0]
    assert measured.of_rule(rule) is None and measured.summary(rule) == []
