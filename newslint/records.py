"""Records: newslint's value classes, declared with @record, made without the dataclasses module.

Why not @dataclass: importing `dataclasses` costs about 7 ms (it imports `inspect`, and with it
`ast`, `dis` and `tokenize`), and a dataclass compiles each of its generated methods from source
text when its class is made, at every start-up: about 0.4 ms a class, 21 classes in a plain run.
Together that was a fifth of newslint's start-up. @record does what newslint asked of dataclasses,
with the same results (tests/test_records_oracle.py and tests/test_records.py hold it to
dataclasses as the oracle), and compiles one method per class, its __init__; __repr__, __eq__,
__hash__ and a frozen record's __setattr__ are written here once.

What it keeps: fields from the class's annotations, in order, a base record's first; defaults and
field(default_factory=..., init=, repr=, compare=, hash=); __post_init__; frozen=True; slots=True;
methods the class defines itself are kept; replace(), fields() and asdict(); type checkers read
@record as a dataclass (dataclass_transform). What it leaves out: ordering, keyword-only fields,
InitVar, a default that is a descriptor, Field.type and Field.metadata, and copying values in
asdict() (records hold values that are not changed in place).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from operator import attrgetter
from reprlib import recursive_repr
from typing import Any, TypeVar, overload

RecordType = TypeVar("RecordType", bound=type)

if sys.version_info >= (3, 11):
    from typing import dataclass_transform
else:  # a type checker reads the branch above; at run time it only marks the decorator

    def dataclass_transform(**_: Any) -> Callable[[RecordType], RecordType]:
        return lambda decorated: decorated


_CLASS_VARIABLE = re.compile(r"(?:\w+\.)*ClassVar(?:\[|$)")


class _Missing:
    """No default (a class, not None: None is a default like any other)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class FrozenInstanceError(AttributeError):
    """A field of a frozen record was assigned or deleted."""


class Field:
    """One field of a record: its name, its default or default factory, and whether it is an
    argument of __init__, shown by __repr__, compared by __eq__ and hashed (None: if compared)."""

    __slots__ = ("name", "default", "default_factory", "init", "repr", "compare", "hash")

    def __init__(
        self,
        default: Any = MISSING,
        default_factory: Any = MISSING,
        init: bool = True,
        repr: bool = True,
        compare: bool = True,
        hash: bool | None = None,
    ) -> None:
        if default is not MISSING and default_factory is not MISSING:
            raise ValueError("cannot specify both default and default_factory")
        self.name = ""
        self.default, self.default_factory = default, default_factory
        self.init, self.repr, self.compare, self.hash = init, repr, compare, hash

    def __repr__(self) -> str:
        return f"Field(name={self.name!r}, default={self.default!r}, init={self.init}, compare={self.compare})"

    @property
    def hashed(self) -> bool:
        return bool(self.compare if self.hash is None else self.hash)


def field(
    *,
    default: Any = MISSING,
    default_factory: Callable[[], Any] | Any = MISSING,
    init: bool = True,
    repr: bool = True,
    compare: bool = True,
    hash: bool | None = None,
) -> Any:
    """A field's default and flags, where a plain default does not say enough (as dataclasses')."""
    return Field(default, default_factory, init, repr, compare, hash)


@overload
def record(cls: RecordType, /) -> RecordType: ...


@overload
def record(*, frozen: bool = False, slots: bool = False) -> Callable[[RecordType], RecordType]: ...


@dataclass_transform(field_specifiers=(field, Field))  # (type checkers read records as dataclasses)
def record(cls: RecordType | None = None, /, *, frozen: bool = False, slots: bool = False) -> Any:
    """Make a class a record: @record, or @record(frozen=True, slots=True)."""

    def make(cls: RecordType) -> RecordType:
        return _make(cls, frozen, slots)

    return make if cls is None else make(cls)


def fields(record_or_class: Any) -> tuple[Field, ...]:
    """The fields of a record or a record class, in order."""
    try:
        return record_or_class.__record_fields__  # type: ignore[no-any-return]
    except AttributeError:
        raise TypeError("must be called with a record class or instance") from None


def replace(record_value: RecordType, /, **changes: Any) -> RecordType:
    """A copy of the record with these fields changed, made by its __init__ (which checks them)."""
    for one in fields(record_value):
        if not one.init:
            if one.name in changes:
                raise ValueError(f"field {one.name} is declared with init=False, it cannot be specified with replace()")
        elif one.name not in changes:
            changes[one.name] = getattr(record_value, one.name)
    return record_value.__class__(**changes)  # type: ignore[no-any-return]


def asdict(record_value: Any) -> dict[str, Any]:
    """The record as a dict of its fields, records inside it as dicts too, inside lists, tuples
    and dicts as well."""
    if isinstance(record_value, type):
        raise TypeError("asdict() should be called on record instances")
    return {one.name: _as_plain(getattr(record_value, one.name)) for one in fields(record_value)}


def _as_plain(value: Any) -> Any:
    if hasattr(type(value), "__record_fields__"):
        return asdict(value)
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a named tuple (a Span)
        return type(value)(*map(_as_plain, value))
    if isinstance(value, (list, tuple)):
        return type(value)(map(_as_plain, value))
    if isinstance(value, dict):
        return type(value)((_as_plain(key), _as_plain(item)) for key, item in value.items())
    return value


# --- making the class -----------------------------------------------------------------------------


def _make(cls: RecordType, frozen: bool, slots: bool) -> RecordType:
    own = _own_fields(cls)
    inherited = _inherited_fields(cls, frozen)
    all_fields = {**inherited, **{one.name: one for one in own}}
    _check_defaults_order([one for one in all_fields.values() if one.init])
    if slots:
        cls = _with_slots(cls, [one.name for one in own])
    cls.__record_fields__ = record_fields = tuple(all_fields.values())  # type: ignore[attr-defined]
    cls.__record_frozen__ = frozen  # type: ignore[attr-defined]
    namespace = cls.__dict__
    if "__match_args__" not in namespace:
        cls.__match_args__ = tuple(one.name for one in record_fields if one.init)  # type: ignore[attr-defined]
    if "__init__" not in namespace:
        _set(cls, "__init__", _init(cls, frozen, slots))
    if "__repr__" not in namespace:
        cls.__repr__ = _show  # type: ignore[assignment]
    if "__eq__" not in namespace:
        _set(cls, "__eq__", _equality(_fields_getter([one.name for one in record_fields if one.compare])))
    _set_hash(cls, frozen)
    if frozen:
        _freeze(cls, slots)
    return cls


def _own_fields(cls: type) -> list[Field]:
    """The fields the class itself declares (ClassVar annotations are no fields); a class
    attribute that was a field() becomes its default, or goes when it has none."""
    declared = []
    annotations = cls.__dict__.get("__annotations__", {})
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(f"{name!r} is a field but has no type annotation")
    for name, annotation in annotations.items():
        value = cls.__dict__.get(name, MISSING)
        if _is_class_variable(annotation):
            if isinstance(value, Field):
                raise TypeError(f"field {name} is a ClassVar: it cannot be a field()")
            continue
        one = value if isinstance(value, Field) else Field(default=value)
        one.name = name
        if one.default is not MISSING and type(one.default).__hash__ is None:  # as dataclasses: a list, dict or set
            raise ValueError(
                f"mutable default {type(one.default)} for field {name} is not allowed: use default_factory"
            )
        if isinstance(value, Field):
            if one.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, one.default)
        declared.append(one)
    return declared


def _is_class_variable(annotation: Any) -> bool:
    """Whether an annotation (a string, as `from __future__ import annotations` leaves it) is a
    ClassVar: `ClassVar`, `ClassVar[int]`, `typing.ClassVar[int]`, `t.ClassVar`."""
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return _CLASS_VARIABLE.match(text.strip()) is not None


def _inherited_fields(cls: type, frozen: bool) -> dict[str, Field]:
    """The fields of the record classes the class derives from, a base's before its subclass's;
    frozen and unfrozen records do not derive from each other (as for dataclasses)."""
    inherited: dict[str, Field] = {}
    for base in reversed(cls.__mro__[1:]):
        base_fields = base.__dict__.get("__record_fields__")
        if base_fields is None:
            continue
        if base.__dict__["__record_frozen__"] != frozen:
            raise TypeError(
                f"cannot inherit {'' if frozen else 'non-'}frozen record from a {'non-' if frozen else ''}frozen one"
            )
        inherited.update((one.name, one) for one in base_fields)
    return inherited


def _check_defaults_order(arguments: list[Field]) -> None:
    seen_default = False
    for one in arguments:
        if one.default is not MISSING or one.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError(f"non-default argument {one.name!r} follows default argument")


def _with_slots(cls: RecordType, names: list[str]) -> RecordType:
    """The class made again with a slot for each field it declares (and no __dict__), as
    dataclasses does for slots=True: slots are fixed when a class is made. Its defaults then live
    in __init__ only."""
    if "__slots__" in cls.__dict__:
        raise TypeError(f"{cls.__name__} already specifies __slots__")
    namespace = dict(cls.__dict__)
    for name in (*names, "__dict__", "__weakref__"):
        namespace.pop(name, None)
    namespace["__slots__"] = tuple(names)
    made = type(cls)(cls.__name__, cls.__bases__, namespace)
    made.__qualname__ = cls.__qualname__
    return made  # type: ignore[return-value]


def _set(cls: type, name: str, function: Callable[..., Any]) -> None:
    """Put a method made for this class on it, named as one written there would be."""
    function.__name__ = name
    function.__qualname__ = f"{cls.__qualname__}.{name}"
    setattr(cls, name, function)


def _init(cls: type, frozen: bool, slots: bool) -> Callable[..., None]:
    """The class's __init__: one argument per init field, in order, with its default; it stores
    each field (through object.__setattr__ when frozen), then calls __post_init__ if there is one.
    A field left out of the arguments is given its default here only in a slots class (elsewhere
    the class attribute holds it).
    Compiled from source text, as dataclasses does, for its speed: Hit and _Open are made
    thousands of times a run."""
    values: dict[str, Any] = {"__record_store__": object.__setattr__, "__record_missing__": MISSING}
    names = {one.name for one in cls.__record_fields__}  # type: ignore[attr-defined]
    self = "__record_self__" if "self" in names else "self"  # (a field may be called "self")
    arguments, lines = [self], []
    for one in cls.__record_fields__:  # type: ignore[attr-defined]
        name = one.name
        if one.default_factory is not MISSING:
            values[f"__factory_{name}"] = one.default_factory
            made = f"__factory_{name}()"
            if not one.init:
                lines.append(_store(self, name, made, frozen))
                continue
            arguments.append(f"{name}=__record_missing__")
            lines.append(_store(self, name, f"{made} if {name} is __record_missing__ else {name}", frozen))
        elif one.init:
            if one.default is not MISSING:
                values[f"__default_{name}"] = one.default
                arguments.append(f"{name}=__default_{name}")
            else:
                arguments.append(name)
            lines.append(_store(self, name, name, frozen))
        elif slots and one.default is not MISSING:
            values[f"__default_{name}"] = one.default
            lines.append(_store(self, name, f"__default_{name}", frozen))
    if hasattr(cls, "__post_init__"):
        lines.append(f"{self}.__post_init__()")
    source = f"def __init__({', '.join(arguments)}):\n " + "\n ".join(lines or ["pass"])
    exec(source, values)  # noqa: S102 (field names come from the class's own annotations)
    return values["__init__"]  # type: ignore[no-any-return]


def _store(self: str, name: str, value: str, frozen: bool) -> str:
    return f"__record_store__({self}, {name!r}, {value})" if frozen else f"{self}.{name} = {value}"


@recursive_repr()
def _show(self: Any) -> str:
    """The class's qualified name, then name=value for each field shown, "..." where it holds itself."""
    shown = (f"{one.name}={getattr(self, one.name)!r}" for one in self.__record_fields__ if one.repr)
    return f"{type(self).__qualname__}({', '.join(shown)})"


def _fields_getter(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The tuple of these attributes of an object (a tuple even of one or none)."""
    if not names:
        return lambda _: ()
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda value: (one(value),)
    return attrgetter(*names)


def _equality(compared: Callable[[Any], tuple[Any, ...]]) -> Callable[[Any, Any], Any]:
    def equal(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    return equal


def _set_hash(cls: type, frozen: bool) -> None:
    """As dataclasses with eq=True: a hash of the hashed fields when frozen, else unhashable; a
    __hash__ the class writes itself is kept (not the None Python sets beside its own __eq__)."""
    written = cls.__dict__.get("__hash__", MISSING)
    if not (written is MISSING or (written is None and "__eq__" in cls.__dict__)):
        return
    if not frozen:
        cls.__hash__ = None  # type: ignore[assignment]
        return
    hashed = _fields_getter([one.name for one in cls.__record_fields__ if one.hashed])  # type: ignore[attr-defined]

    def hash_of(self: Any) -> int:
        return hash(hashed(self))

    _set(cls, "__hash__", hash_of)


def _freeze(cls: type, slots: bool) -> None:
    """Assigning or deleting a field raises FrozenInstanceError (any attribute of the class's own
    instances); a frozen slots record is pickled by its values, as it cannot be set attribute by
    attribute."""
    for name in ("__setattr__", "__delattr__"):
        if name in cls.__dict__:
            raise TypeError(f"cannot overwrite attribute {name} in class {cls.__name__}")
    names = frozenset(one.name for one in cls.__record_fields__)  # type: ignore[attr-defined]

    def refused(self: Any, name: str) -> bool:
        return type(self) is cls or name in names

    def set_attribute(self: Any, name: str, value: Any) -> None:
        if refused(self, name):
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def delete_attribute(self: Any, name: str) -> None:
        if refused(self, name):
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    _set(cls, "__setattr__", set_attribute)
    _set(cls, "__delattr__", delete_attribute)
    if slots:  # (unless the class pickles itself)
        if "__getstate__" not in cls.__dict__:
            cls.__getstate__ = _values  # type: ignore[attr-defined]
        if "__setstate__" not in cls.__dict__:
            cls.__setstate__ = _set_values  # type: ignore[attr-defined]


def _values(self: Any) -> list[Any]:
    return [getattr(self, one.name) for one in self.__record_fields__]


def _set_values(self: Any, state: list[Any]) -> None:
    for one, value in zip(self.__record_fields__, state):
        object.__setattr__(self, one.name, value)
