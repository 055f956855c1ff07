"""Every built-in rule's own examples: a fail example must fire, a pass example must stay silent.

Generated from the rule files, so a new rule is tested the moment it is written.
"""

from __future__ import annotations

import pytest

from newslint.config import rule_set
from newslint.linter import check_document

RULES = rule_set().rules


def _cases(kind: str):
    for rule in RULES:
        examples = rule.info.examples.fail if kind == "fail" else rule.info.examples.passing
        for index, text in enumerate(examples):
            yield pytest.param(rule, text, id=f"{rule.id}-{kind}{index + 1}")


def _findings(rule, text):
    result = check_document(rule.example_document(text), [rule])
    assert not result.failures
    return result.findings


@pytest.mark.parametrize(("rule", "text"), list(_cases("fail")))
def test_fail_example_fires(rule, text):
    assert _findings(rule, text), f"{rule.id} did not fire on its fail example: {text!r}"


@pytest.mark.parametrize(("rule", "text"), list(_cases("pass")))
def test_pass_example_is_silent(rule, text):
    findings = _findings(rule, text)
    assert not findings, f"{rule.id} fired on its pass example {text!r}: {[f.message for f in findings]}"


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_builtin_rule_is_documented(rule):
    info = rule.info
    assert info.description.strip(), "a built-in rule says why it exists"
    assert info.source.strip(), "a built-in rule says where it comes from"
    assert info.examples.fail, "a built-in rule has at least one fail example"
    assert info.examples.passing, "a built-in rule has at least one pass example"


def test_fixes_of_fail_examples_silence_the_rule():
    """Applying a finding's fix to its fail example makes the rule stop firing there (no fix loops)."""
    for rule in RULES:
        for text in rule.info.examples.fail:
            for finding in _findings(rule, text):
                if finding.fix is None:
                    continue
                fixed = text[: finding.fix.start] + finding.fix.replacement + text[finding.fix.end :]
                again = [f for f in _findings(rule, fixed) if f.start == finding.start]
                assert not again, f"{rule.id}: fixing {text!r} to {fixed!r} fires again: {again[0].message}"


def test_there_are_many_builtin_rules():
    families = {rule.id.split(".")[0] for rule in RULES}
    assert {"punct", "case", "speech", "gender", "typo"} <= families
