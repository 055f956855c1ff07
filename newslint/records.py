"""One __repr__ for newslint's dataclasses, instead of one generated for each.

A dataclass's __repr__ is written out as source text and compiled when its class is made: at
every start-up, for every dataclass a run imports (about 0.1 ms each). A dataclass declared with
repr=False on this base shows the same text as its generated one would: its qualified name, then
name=value for each field shown in repr, in order, and "..." where it holds itself.
"""

from __future__ import annotations

from dataclasses import fields
from reprlib import recursive_repr


class Record:
    """The base of a dataclass declared with repr=False: its __repr__ is the generated one's."""

    __slots__ = ()

    @recursive_repr()
    def __repr__(self) -> str:
        shown = (f"{field.name}={getattr(self, field.name)!r}" for field in fields(self) if field.repr)
        return f"{type(self).__qualname__}({', '.join(shown)})"
