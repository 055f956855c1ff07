"""newslint's dataclasses declared with repr=False on records.Record show what the __repr__
dataclasses generates would show (the oracle: the same fields, made a dataclass with its own)."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from newslint.api import Report
from newslint.config import Config
from newslint.findings import Finding, Fix
from newslint.fix_report import FixedFile, FixReport
from newslint.linter import CheckResult
from newslint.output import RunSummary
from newslint.records import Record
from newslint.rules.base import Examples, Hit, RuleInfo
from newslint.rules.options import Option, Swap
from newslint.runner import FileOutcome, Job
from newslint.source_location import SourceLocation
from newslint.sources import Source
from newslint.triggers import Triggers
from tests.kinds.fuzzing import fuzz

TEXTS = st.text(max_size=8)
NUMBERS = st.integers(-5, 10**6)


def _as_generated(record: Record) -> str:
    """repr(record) as the dataclass's generated __repr__ would write it: a twin dataclass with the
    same fields (and the same of them shown), given the same values."""
    fields = dataclasses.fields(record)  # type: ignore[arg-type]
    twin = dataclasses.make_dataclass(
        type(record).__name__, [(field.name, object, dataclasses.field(repr=field.repr)) for field in fields]
    )
    twin.__qualname__ = type(record).__qualname__
    return repr(twin(*(getattr(record, field.name) for field in fields)))


FIXES = st.builds(Fix, TEXTS, NUMBERS, NUMBERS, st.sampled_from(["safe", "unsafe"]))
SOURCES = st.none() | st.builds(SourceLocation, TEXTS, *[NUMBERS] * 6, text=TEXTS)
FINDINGS = st.builds(
    Finding, TEXTS, *[NUMBERS] * 6, TEXTS, st.sampled_from(["error", "info"]), TEXTS, st.none() | FIXES, SOURCES
)
TRIGGERS = st.builds(Triggers, *[st.frozensets(TEXTS, max_size=3)] * 3)


@fuzz(200)
@given(st.one_of(FIXES, FINDINGS, SOURCES.filter(bool), TRIGGERS, st.builds(Hit, NUMBERS, NUMBERS, st.tuples(TEXTS))))
def test_a_record_shows_what_the_generated_repr_shows(record):
    assert repr(record) == _as_generated(record)


def test_every_record_of_a_run_shows_what_the_generated_repr_shows():
    info = RuleInfo("a.b", "existence", "warning", "m", "d", "s", None, "text", "none", True, Examples(("x",)), "p", 1)
    finding = Finding("a.txt", 0, 1, 1, 1, 1, 2, "a.b", "info", "m")
    report = Report(findings=[finding], files=["a.txt"])
    records = [
        Config(),
        Config(select=("punct",), levels=(("punct", "error"),)),
        info,
        Examples(("fail",), ("pass",)),
        Option(str, required=True),
        Swap(("right",), "after", ("x",)),
        Job(Config()),
        FileOutcome("a.txt", [finding]),
        Source("a.txt", "text", bom=True),
        report,
        FixReport(findings=[finding], fixed=[finding]),
        FixedFile(Source("a.txt", "t"), None),  # type: ignore[arg-type]
        CheckResult([finding]),
        RunSummary([finding], ["a.txt"], rules={"a.b": info}, started=datetime(2026, 1, 1)),
    ]
    for record in records:
        assert repr(record) == _as_generated(record), type(record)


def test_a_record_that_holds_itself_shows_dots_there_as_the_generated_repr_does():
    report = Report()
    report.texts["self"] = report  # type: ignore[assignment]
    twin = dataclasses.make_dataclass("Report", [("texts", object)])
    held = twin({})
    held.texts["self"] = held
    assert repr(held) == "Report(texts={'self': ...})"
    assert (
        repr(report) == "Report(findings=[], errors=[], files=[], unread_stdin=None, texts={'self': ...}, unpaired=[])"
    )
