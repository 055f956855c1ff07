"""One __repr__ for newslint's dataclasses, and one __eq__ and __hash__.

A dataclass's methods are written out as source text and compiled when its class is made: at every
start-up, for every dataclass a run imports (about 0.1 ms each). A dataclass declared with
repr=False on Record shows the same text as its generated __repr__ would: its qualified name, then
name=value for each field shown in repr, in order, and "..." where it holds itself. One made by
`record` also compares and hashes as the generated methods would, through functions written here
once (closures over its fields' attrgetter), not compiled for each class.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from operator import attrgetter
from reprlib import recursive_repr
from typing import Any, TypeVar

RecordType = TypeVar("RecordType", bound=type)


class Record:
    """The base of a dataclass declared with repr=False: its __repr__ is the generated one's."""

    __slots__ = ()

    @recursive_repr()
    def __repr__(self) -> str:
        shown = (f"{field.name}={getattr(self, field.name)!r}" for field in fields(self) if field.repr)
        return f"{type(self).__qualname__}({', '.join(shown)})"


def record(*, frozen: bool = False) -> Callable[[RecordType], RecordType]:
    """@dataclass(frozen=frozen, repr=False) for a Record, whose __eq__ and __hash__ (None unless
    frozen) behave as the generated ones but are not compiled: two functions fewer to compile."""

    def make(cls: RecordType) -> RecordType:
        for name in ("__eq__", "__hash__"):
            if name in cls.__dict__:
                raise TypeError(f"{cls.__qualname__} defines {name}: declare it with @dataclass")
        made = dataclass(cls, repr=False, eq=False, frozen=frozen)
        made_fields = fields(made)
        _set(made, "__eq__", _equality(_fields_getter([field.name for field in made_fields if field.compare])))
        if frozen:
            _set(made, "__hash__", _hash(_fields_getter([field.name for field in made_fields if _hashes(field)])))
        else:
            made.__hash__ = None  # type: ignore[assignment]
        made.__dataclass_params__.eq = True  # type: ignore[attr-defined]
        return made

    return make


def _fields_getter(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The tuple of these attributes of an object (a tuple even of one or none)."""
    if not names:
        return lambda _: ()
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda value: (one(value),)
    return attrgetter(*names)


def _hashes(field: Any) -> bool:
    """Whether a field is part of the generated __hash__ (its `hash`, else its `compare`)."""
    return bool(field.compare if field.hash is None else field.hash)


def _set(cls: type, name: str, function: Callable[..., Any]) -> None:
    """Put a method on the class under its name, qualified as a generated one is."""
    function.__name__ = name
    function.__qualname__ = f"{cls.__qualname__}.{name}"
    setattr(cls, name, function)


def _equality(compared: Callable[[Any], tuple[Any, ...]]) -> Callable[[Any, Any], Any]:
    def equal(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    return equal


def _hash(hashed: Callable[[Any], tuple[Any, ...]]) -> Callable[[Any], int]:
    def hash_of(self: Any) -> int:
        return hash(hashed(self))

    return hash_of
