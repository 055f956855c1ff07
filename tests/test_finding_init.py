"""Finding and Fix store their fields through their slots (newslint/findings.py), not as the
__init__ @record generates does: they must take the same arguments and hold the same values."""

from __future__ import annotations

import inspect
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslint.findings import Finding, Fix, SourceLocation, finding_from_row, finding_row
from newslint.records import MISSING, FrozenInstanceError, fields, replace
from tests.kinds.fuzzing import fuzz

NUMBERS = st.integers(min_value=0, max_value=10**9)
TEXTS = st.text(max_size=12)
FIXES = st.builds(Fix, TEXTS, NUMBERS, NUMBERS, st.sampled_from(["safe", "unsafe"]))
SOURCES = st.none() | st.builds(SourceLocation, TEXTS, *[NUMBERS] * 6, text=TEXTS)
FINDING_VALUES = st.tuples(
    TEXTS,
    *[NUMBERS] * 6,
    TEXTS,
    st.sampled_from(["error", "warning", "info"]),
    TEXTS,
    st.none() | FIXES,
    SOURCES,
    st.none() | TEXTS,
)


def made_as_generated(cls: type, values: tuple) -> object:
    """What a frozen record's generated __init__ makes of the values: each set by object.__setattr__."""
    made = object.__new__(cls)
    for field, value in zip(fields(cls), values, strict=True):
        object.__setattr__(made, field.name, value)
    return made


@pytest.mark.parametrize("cls", [Finding, Fix])
def test_init_takes_the_fields_in_order_with_their_defaults(cls):
    parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]
    assert [parameter.name for parameter in parameters] == [field.name for field in fields(cls)]
    for parameter, field in zip(parameters, fields(cls)):
        expected = inspect.Parameter.empty if field.default is MISSING else field.default
        assert parameter.default == expected


@fuzz(300)
@given(FINDING_VALUES)
def test_a_finding_holds_what_it_was_given(values):
    reference = made_as_generated(Finding, values)
    for finding in (Finding(*values), Finding(**{field.name: value for field, value in zip(fields(Finding), values)})):
        assert finding == reference and hash(finding) == hash(reference)
        for field, value in zip(fields(Finding), values):
            assert getattr(finding, field.name) is value
        assert finding_from_row(finding_row(finding)) == reference
        assert pickle.loads(pickle.dumps(finding)) == reference


@fuzz(300)
@given(FIXES.map(lambda fix: (fix.replacement, fix.start, fix.end, fix.applicability)))
def test_a_fix_holds_what_it_was_given(values):
    fix = Fix(*values)
    assert fix == made_as_generated(Fix, values)
    assert tuple(getattr(fix, field.name) for field in fields(Fix)) == values


def test_defaults_replace_and_frozenness_are_a_record_s():
    finding = Finding("a.txt", 0, 5, 1, 1, 1, 6, "punct.lone-dash", "warning", "A dash alone")
    assert (finding.fix, finding.source, finding.unit) == (None, None, None)
    assert replace(finding, severity="error").severity == "error"
    with pytest.raises(FrozenInstanceError):
        finding.start = 1  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        Fix("x", 0, 1, "safe").start = 2  # type: ignore[misc]
    with pytest.raises(TypeError):
        Finding("a.txt", 0, 5)  # type: ignore[call-arg]
