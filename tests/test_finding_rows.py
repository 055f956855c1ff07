"""Findings sent from worker processes as rows (newslint/runner.py) come back equal, field by field."""

from __future__ import annotations

import pytest

from newslint import runner
from newslint.findings import Finding, Fix, SourceLocation, finding_from_row, finding_row
from newslint.records import fields
from newslint.runner import FileOutcome

SOURCE = SourceLocation("story.en.txt", 3, 9, 1, 4, 1, 10, text="the source words")

FINDINGS = [
    Finding("a.txt", 0, 5, 1, 1, 1, 6, "punct.lone-dash", "warning", "A dash alone", None, None, None),
    Finding("a.txt", 7, 9, 2, 3, 2, 5, "style.x", "error", "Say y", Fix("y", 7, 9, "safe"), None, None),
    Finding("b.tsv", 1, 2, 3, 4, 5, 6, "tr.y", "info", "m\n\x1b", Fix("", 1, 2, "unsafe"), SOURCE, "12"),
]


@pytest.mark.parametrize("finding", FINDINGS)
def test_a_row_gives_back_the_finding_in_every_field(finding):
    rebuilt = finding_from_row(finding_row(finding))
    assert rebuilt == finding
    for name in (field.name for field in fields(Finding)):
        assert getattr(rebuilt, name) == getattr(finding, name)
        assert type(getattr(rebuilt, name)) is type(getattr(finding, name))


def test_a_row_holds_every_field():
    assert len(finding_row(FINDINGS[0])) == len(fields(Finding))


def test_a_packed_outcome_unpacks_to_the_same_outcome():
    outcome = FileOutcome(path="a.txt", findings=FINDINGS[:2], fixed=FINDINGS[2:])
    packed = runner._packed(outcome)
    assert packed[0].findings == [] and packed[0].fixed == []
    assert runner._unpacked(packed) == outcome
