"""Rule regexes compiled once, then rebuilt from their compiled program in later runs.

The `regex` module parses and compiles a pattern in Python: about half a millisecond a
pattern, 0.1 s of every run over a few hundred stories. What it compiles to is plain data -- a
string of opcodes and a few numbers, the very data it pickles a pattern as, and from which its C
engine rebuilds the pattern in microseconds. That data is kept in the packs memo (packs_memo.py:
signed with the user's key, named after the regex module's version and newslint's code) as
JSON, never as a pickle: nothing read from disk can run code, and anything not in the shape this
module writes is compiled again from the pattern.
"""

from __future__ import annotations

import binascii  # not base64, which a run need not import
from typing import Any

from newslint import lazy_regex as regex
from newslint.lazy_regex import ENGINE as _engine  # None: a regex module laid out otherwise, always compile
from newslint.packs_memo import MEMO

TABLE = "programs"

# What the regex module pickles a pattern as (Pattern._pickled_data), and so what its C engine
# builds one from: (pattern, flags, code, group index, index group, named lists, named list
# indexes, required string offset, its characters, its flags, group count).
_FIELDS = 11


def compiled(pattern: str, flags: int) -> Any:
    """The pattern compiled with flags: rebuilt from the program an earlier run kept, or compiled
    (and its program kept for later runs)."""
    key = f"{flags}\0{pattern}"
    program = MEMO.known(TABLE, key)
    if program is not None:
        rebuilt = _rebuilt(pattern, program)
        if rebuilt is not None:
            return rebuilt
    made = regex.compile(pattern, flags)
    program = program_of(made)
    if program is not None:
        MEMO.keep(TABLE, key, program)
    return made


def program_of(pattern: Any) -> list[Any] | None:
    """What a compiled pattern is rebuilt from, as JSON data; None for a pattern this module does
    not keep (named lists, or a regex module that pickles patterns otherwise)."""
    data = getattr(pattern, "_pickled_data", None)
    if not isinstance(data, tuple) or len(data) != _FIELDS:
        return None
    _, flags, code, group_index, _, named_lists, named_list_indexes, offset, characters, string_flags, groups = data
    if named_lists or named_list_indexes or not isinstance(code, bytes):
        return None
    return [flags, _encoded(code), group_index, offset, list(characters), string_flags, groups]


def _rebuilt(pattern: str, program: Any) -> Any:
    """The pattern from its kept program, or None when the program is not in the shape
    program_of writes or the engine refuses it."""
    if _engine is None or not _is_program(program):
        return None
    flags, text, group_index, offset, characters, string_flags, groups = program
    code = _decoded(text)
    if code is None:
        return None
    index_group = {number: name for name, number in group_index.items()}
    try:
        return _engine.compile(
            pattern, flags, code, group_index, index_group, {}, [], offset, tuple(characters), string_flags, groups
        )
    except (TypeError, ValueError, OverflowError, RuntimeError, regex.error):
        return None


def _decoded(text: str) -> bytes | None:
    """The code program_of encoded; None for any other text (Python 3.10 has no strict base64)."""
    try:
        code = binascii.a2b_base64(text)
    except (binascii.Error, ValueError):
        return None
    return code if _encoded(code) == text else None


def _encoded(code: bytes) -> str:
    return binascii.b2a_base64(code, newline=False).decode("ascii")


def _is_program(program: Any) -> bool:
    if not isinstance(program, list) or len(program) != 7:
        return False
    flags, code, group_index, offset, characters, string_flags, groups = program
    return (
        all(type(number) is int for number in (flags, offset, string_flags, groups))
        and isinstance(code, str)
        and isinstance(group_index, dict)
        and all(type(number) is int for number in group_index.values())
        and isinstance(characters, list)
        and all(type(character) is int for character in characters)
    )
