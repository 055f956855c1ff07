"""@record (newslint/records.py) makes what @dataclass makes: classes declared alike, with any mix
of required fields, defaults, default factories, init/repr/compare/hash flags, frozen, slots,
__post_init__ and one level of inheritance, must fail alike or take the same arguments, hold the
same values, show, compare and hash alike, refuse the same assignments, and replace() and asdict()
alike. The dataclasses module is the oracle."""

from __future__ import annotations

import dataclasses
import inspect
import operator
import pickle
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslint import records
from newslint.spans import Span
from tests.kinds.fuzzing import fuzz

VALUES = st.sampled_from([0, 1, "a", None, (), Span(1, 2)])  # a named tuple: asdict() keeps its type
MUTABLE = object()  # a spec's default that is a list: refused by both


@st.composite
def field_specs(draw: st.DrawFn, prefix: str) -> list[dict[str, Any]]:
    specs = []
    for index in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["required", "default", "factory", "mutable"]))
        specs.append(
            {
                "name": f"{prefix}{index}",
                "kind": kind,
                "default": draw(VALUES),
                "init": draw(st.booleans()) if kind != "required" else draw(st.sampled_from([True, True, False])),
                "repr": draw(st.booleans()),
                "compare": draw(st.booleans()),
                "hash": draw(st.sampled_from([None, True, False])),
                "plain": draw(st.booleans()),  # a bare default (name: T = value), not field(default=...)
            }
        )
    return specs


CLASS_SPECS = st.fixed_dictionaries(
    {
        "fields": field_specs("a"),
        "frozen": st.booleans(),
        "slots": st.booleans(),
        "post_init": st.booleans(),
        "sub": st.none()
        | st.fixed_dictionaries({"fields": field_specs("b"), "frozen": st.booleans(), "slots": st.booleans()}),
    }
)


def _namespace(specs: list[dict[str, Any]], field: Any) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__annotations__": {}, "__module__": __name__}
    for spec in specs:
        name = spec["name"]
        namespace["__annotations__"][name] = "object"
        flags = {key: spec[key] for key in ("init", "repr", "compare", "hash")}
        if spec["kind"] == "default" and spec["plain"] and spec["init"]:
            namespace[name] = spec["default"]
        elif spec["kind"] == "default":
            namespace[name] = field(default=spec["default"], **flags)
        elif spec["kind"] == "factory":
            namespace[name] = field(default_factory=list, **flags)
        elif spec["kind"] == "mutable":
            namespace[name] = []
        else:
            namespace[name] = field(**flags)
    return namespace


def _post_init(self: Any) -> None:
    POST_INITS.append(type(self).__name__)


POST_INITS: list[str] = []


def _build(spec: dict[str, Any], decorate: Any, field: Any) -> tuple[type, ...] | type[BaseException]:
    """The class (and its subclass) the spec declares, or the exception that declaring it raised."""
    try:
        namespace = _namespace(spec["fields"], field)
        if spec["post_init"]:
            namespace["__post_init__"] = _post_init
        base = decorate(type("Made", (), namespace), frozen=spec["frozen"], slots=spec["slots"])
        if spec["sub"] is None:
            return (base,)
        sub_spec = spec["sub"]
        sub = decorate(
            type("Sub", (base,), _namespace(sub_spec["fields"], field)),
            frozen=sub_spec["frozen"],
            slots=sub_spec["slots"],
        )
        return (base, sub)
    except (TypeError, ValueError) as error:
        return type(error)


def _as_dataclass(cls: type, frozen: bool, slots: bool) -> type:
    return dataclasses.dataclass(cls, frozen=frozen, slots=slots)


def _as_record(cls: type, frozen: bool, slots: bool) -> type:
    return records.record(cls, frozen=frozen, slots=slots)


def _arguments(cls: type, data: st.DataObject) -> dict[str, Any]:
    """Values for the required arguments and for some of the others."""
    arguments = {}
    for parameter in list(inspect.signature(cls).parameters.values()):
        if parameter.default is inspect.Parameter.empty or data.draw(st.booleans()):
            arguments[parameter.name] = data.draw(VALUES)
    return arguments


def _state(instance: Any) -> dict[str, Any]:
    """What the instance holds, field by field (a field with no value: missing)."""
    declared = records.fields(instance) if hasattr(instance, "__record_fields__") else dataclasses.fields(instance)
    return {one.name: getattr(instance, one.name, "<missing>") for one in declared}


@fuzz(400)
@given(CLASS_SPECS, st.data())
def test_a_record_is_what_a_dataclass_declared_alike_is(spec, data):
    oracle, made = _build(spec, _as_dataclass, dataclasses.field), _build(spec, _as_record, records.field)
    if not isinstance(oracle, tuple):
        assert made is oracle  # the same exception class
        return
    assert isinstance(made, tuple)
    for expected_class, made_class in zip(oracle, made):
        _check_alike(expected_class, made_class, data)


def _check_alike(expected_class: type, made_class: type, data: st.DataObject) -> None:
    assert [one.name for one in records.fields(made_class)] == [one.name for one in dataclasses.fields(expected_class)]
    expected_parameters = inspect.signature(expected_class).parameters.values()
    made_parameters = inspect.signature(made_class).parameters.values()
    assert [(p.name, p.default is p.empty) for p in made_parameters] == [
        (p.name, p.default is p.empty) for p in expected_parameters
    ]
    assert made_class.__match_args__ == expected_class.__match_args__  # type: ignore[attr-defined]
    assert (made_class.__hash__ is None) == (expected_class.__hash__ is None)
    first, second = _arguments(made_class, data), _arguments(made_class, data)
    POST_INITS.clear()
    expected, made = expected_class(**first), made_class(**first)
    expected_twin, made_twin = expected_class(**second), made_class(**second)
    assert POST_INITS[0::2] == POST_INITS[1::2]  # __post_init__ runs for both, or for neither
    assert _state(made) == _state(expected)
    assert _outcome(repr, made) == _outcome(repr, expected)
    assert _outcome(operator.eq, made, made_twin) == _outcome(operator.eq, expected, expected_twin)
    if "<missing>" in _state(expected).values():  # an init=False field with no default, never set
        return
    assert made.__eq__(1) is NotImplemented
    if made_class.__hash__ is not None:
        assert _outcome(hash, made) == _outcome(hash, expected)
    assert hasattr(made, "__dict__") == hasattr(expected, "__dict__")
    _check_assignment_alike(expected, made)
    _check_replace_alike(expected, made, data)
    assert records.asdict(made) == dataclasses.asdict(expected)


def _outcome(function: Any, *arguments: Any) -> Any:
    """What the function returns, or the class of the error it raises (a field never set, a field
    that holds a list hashed)."""
    try:
        return function(*arguments)
    except (AttributeError, TypeError) as error:
        return type(error)


def _check_assignment_alike(expected: Any, made: Any) -> None:
    """A field assigned, and (but on a slots class: 3.11's frozen slots dataclass fails there with
    a TypeError, a bug) a name that is no field."""
    names = [one.name for one in dataclasses.fields(expected)][-1:]
    if "__slots__" not in type(expected).__dict__:
        names.append("other")
    for name in names:
        outcomes = []
        for instance, refusal in ((expected, dataclasses.FrozenInstanceError), (made, records.FrozenInstanceError)):
            try:
                setattr(instance, name, "changed")
                outcomes.append(getattr(instance, name))
            except refusal:
                outcomes.append("frozen")
        assert outcomes[0] == outcomes[1]


def _check_replace_alike(expected: Any, made: Any, data: st.DataObject) -> None:
    names = [one.name for one in dataclasses.fields(expected)]
    changes = {name: data.draw(VALUES) for name in names if data.draw(st.booleans())}
    results = []
    for instance, replace in ((expected, dataclasses.replace), (made, records.replace)):
        try:
            results.append(_state(replace(instance, **changes)))
        except (TypeError, ValueError) as error:
            results.append(type(error))
    assert results[0] == results[1]


def test_fields_asks_for_a_record():
    with pytest.raises(TypeError):
        records.fields(object())
    with pytest.raises(ValueError):
        records.field(default=1, default_factory=list)


def test_a_class_variable_is_no_field_and_a_written_method_is_kept():
    @records.record(frozen=True)
    class Kept:
        shared: ClassVar[int] = 3  # noqa: F821 (the annotation is a string)
        value: int = 0

        def __repr__(self) -> str:
            return "kept"

    assert [one.name for one in records.fields(Kept)] == ["value"]
    assert repr(Kept()) == "kept" and Kept.shared == 3
    assert (
        Kept.__init__.__qualname__
        == "test_a_class_variable_is_no_field_and_a_written_method_is_kept.<locals>.Kept.__init__"
    )


class Outer:
    """A class holding records, as a nested class is pickled by its qualified name."""

    @records.record(frozen=True, slots=True)
    class Nested:
        x: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class NestedTwin:
        x: int


def test_a_slots_record_keeps_its_qualified_name_and_pickles_as_a_dataclass_does():
    assert Outer.Nested.__qualname__ == "Outer.Nested" and repr(Outer.Nested(1)) == "Outer.Nested(x=1)"
    assert pickle.loads(pickle.dumps(Outer.Nested(1))) == Outer.Nested(1)
    assert pickle.loads(pickle.dumps(Outer.NestedTwin(1))) == Outer.NestedTwin(1)


def test_what_a_class_writes_itself_is_kept():
    @records.record(frozen=True, slots=True)
    class Pickled:
        x: int
        y: int = 0
        __match_args__ = ("y",)

        def __getstate__(self) -> tuple[str, int]:
            return ("own", self.x)

        def __setstate__(self, state: tuple[str, int]) -> None:
            object.__setattr__(self, "x", state[1] * 10)

    assert Pickled(2).__getstate__() == ("own", 2)
    assert Pickled.__match_args__ == ("y",)


@pytest.mark.parametrize("frozen_base", [True, False])
def test_frozen_and_unfrozen_records_do_not_derive_from_each_other(frozen_base):
    base = records.record(type("Base", (), {"__annotations__": {"x": "int"}}), frozen=frozen_base)
    with pytest.raises(TypeError, match="cannot inherit " + ("non-frozen" if frozen_base else "frozen")):
        records.record(type("Sub", (base,), {}), frozen=not frozen_base)
    twin = dataclasses.dataclass(type("Base", (), {"__annotations__": {"x": "int"}}), frozen=frozen_base)
    with pytest.raises(TypeError, match="cannot inherit " + ("non-frozen" if frozen_base else "frozen")):
        dataclasses.dataclass(type("Sub", (twin,), {}), frozen=not frozen_base)


@pytest.mark.parametrize(
    "annotation", ["ClassVar", "ClassVar[int]", "typing.ClassVar[int]", "t.ClassVar", " ClassVar[list[int]]"]
)
def test_a_class_variable_in_any_spelling_is_no_field(annotation):
    made = records.record(type("C", (), {"__annotations__": {"shared": annotation, "x": "int"}, "shared": 1}))
    assert [one.name for one in records.fields(made)] == ["x"]
    assert [
        one.name for one in records.fields(records.record(type("D", (), {"__annotations__": {"ClassVarious": "int"}})))
    ] == ["ClassVarious"]


def test_declarations_dataclasses_refuses_are_refused():
    with pytest.raises(TypeError, match="no type annotation"):
        records.record(type("C", (), {"__annotations__": {"x": "int"}, "y": records.field(default=1)}))
    with pytest.raises(TypeError):
        records.record(
            type("C", (), {"__annotations__": {"x": "ClassVar[list]"}, "x": records.field(default_factory=list)})
        )
    with pytest.raises(TypeError, match="already specifies __slots__"):
        records.record(type("C", (), {"__annotations__": {"x": "int"}, "__slots__": ("x",)}), slots=True)
    with pytest.raises(TypeError):
        records.asdict(records.record(type("C", (), {"__annotations__": {"x": "int"}, "x": 1})))


def test_fields_may_be_called_as_the_generated_init_s_own_names():
    made = records.record(
        type(
            "C",
            (),
            {"__annotations__": {"self": "int", "MISSING": "list"}, "MISSING": records.field(default_factory=list)},
        )
    )
    assert (made(1, [1]).self, made(1, [1]).MISSING, made(2).MISSING) == (1, [1], [])
