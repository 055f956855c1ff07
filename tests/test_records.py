"""newslint's records (newslint/records.py) show, compare and hash as the methods dataclasses
generates would (the oracle: the same fields, made a dataclass)."""

from __future__ import annotations

import dataclasses
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslint import records
from newslint.api import Report
from newslint.backends.settings import LanguageToolSettings
from newslint.config import Config
from newslint.findings import Finding, Fix
from newslint.fix_report import FixedFile, FixReport
from newslint.formats.prose import Comment, ProseView
from newslint.kinds.pronoun import Mention, Naming
from newslint.linter import CheckResult
from newslint.output import RunSummary
from newslint.quotes import QuoteStructure, _Open
from newslint.rules.base import Examples, Hit, RuleInfo
from newslint.rules.options import Option, Swap
from newslint.runner import FileOutcome, Job
from newslint.source_location import SourceLocation
from newslint.sources import Source
from newslint.triggers import Triggers
from tests.kinds.fuzzing import fuzz

TEXTS = st.text(max_size=8)
NUMBERS = st.integers(-5, 10**6)


def _as_generated(record: object) -> str:
    """repr(record) as the dataclass's generated __repr__ would write it: a twin dataclass with the
    same fields (and the same of them shown), given the same values."""
    fields = records.fields(record)
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
        RunSummary([finding], ["a.txt"], rules={"a.b": info}, started=1767225600.0),
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


# --- __eq__ and __hash__ as dataclasses generates them ---------------------------------------------

MADE_BY_RECORD = [
    Config,
    LanguageToolSettings,
    RuleInfo,
    Examples,
    Hit,
    Option,
    Swap,
    Job,
    FileOutcome,
    Source,
    Report,
    RunSummary,
    CheckResult,
    Triggers,
    Mention,
    Naming,
    Comment,
    ProseView,
    QuoteStructure,
    _Open,
]
VALUES = st.sampled_from([0, 1, "a", (), None])  # few, so that instances are often equal


def _twin_class(cls: type) -> type:
    """A dataclass with the same fields (compared and hashed alike), frozen alike, eq generated."""
    frozen = cls.__record_frozen__  # type: ignore[attr-defined]
    made = [(f.name, object, dataclasses.field(compare=f.compare, hash=f.hash)) for f in records.fields(cls)]
    return dataclasses.make_dataclass(cls.__name__, made, frozen=frozen)


def _made(cls: type, values: list[object]) -> object:
    """An instance of `cls` holding these values in its fields, its __init__ bypassed."""
    instance = object.__new__(cls)
    declared = records.fields(cls) if hasattr(cls, "__record_fields__") else dataclasses.fields(cls)
    for field, value in zip(declared, values):
        object.__setattr__(instance, field.name, value)
    return instance


@fuzz(300)
@given(st.sampled_from(MADE_BY_RECORD), st.data())
def test_a_record_compares_and_hashes_as_the_generated_methods_do(cls, data):
    count = len(records.fields(cls))
    first, second = (data.draw(st.lists(VALUES, min_size=count, max_size=count)) for _ in range(2))
    twin = _twin_class(cls)
    assert (_made(cls, first) == _made(cls, second)) == (_made(twin, first) == _made(twin, second))
    assert _made(cls, first).__eq__(first) is NotImplemented
    assert (cls.__hash__ is None) == (twin.__hash__ is None)
    if twin.__hash__ is not None:
        assert hash(_made(cls, first)) == hash(_made(twin, first))
    assert cls.__eq__.__qualname__ == f"{cls.__qualname__}.__eq__"


def test_a_frozen_record_stays_frozen_and_a_config_is_still_a_cache_key():
    with pytest.raises(records.FrozenInstanceError):
        Config().fail_level = "error"  # type: ignore[misc]
    assert Config(select=("punct",)) == Config(select=("punct",)) != Config()
    assert len({Config(), Config(), LanguageToolSettings(), LanguageToolSettings()}) == 2
    assert pickle.loads(pickle.dumps(Config(ignore=("a",)))) == Config(ignore=("a",))
    assert records.replace(Config(), root="r") == Config(root="r")
