"""`re` patterns compiled once, then rebuilt from their compiled code in later runs.

What regex_programs.py does for the `regex` module, for the patterns newslint compiles with
Python's own `re` (engine="re" in regexes.py: literal tries of names and words, the sentence
splitter's look-ups). `re` parses and compiles in Python too: some fifty such patterns cost a
run over the distinct stories about 7 ms (a trie of the speech verbs alone 1.6 ms). What one
compiles to is a list of small integers, its flags and its groups: the very arguments of the C
engine's `_sre.compile`, which builds the pattern from them in microseconds and checks the code
it is given (malformed code is refused). They are kept in the packs memo (signed: only this
user's newslint wrote them; named after newslint's code and Python's version, whose opcodes the
code holds), the code as base64 text; anything not in the shape written here is compiled again
from the pattern, as is every pattern where Python's compiler is laid out otherwise.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from newslint.packs_memo import MEMO
from newslint.regex_programs import _decoded, _encoded

try:  # Python's own compiler, whose steps compile() takes one by one to keep the code
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import _sre
    import sre_compile as _compiler  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

TABLE = "re_programs"
_WORD = getattr(_sre, "CODESIZE", 0)  # bytes of one code word
_KEPT = _WORD == memoryview(b"\0" * 4).cast("I").itemsize and hasattr(_compiler, "_code")


def compiled(pattern: str, flags: int) -> re.Pattern[str]:
    """re.compile(pattern, flags): rebuilt from the program an earlier run kept, or compiled
    (and its program kept for later runs)."""
    if not _KEPT:
        return re.compile(pattern, flags)
    flags = int(flags)  # re.IGNORECASE is a RegexFlag: the key and the program hold its value
    key = f"{flags}\0{pattern}"
    program = MEMO.known(TABLE, key)
    rebuilt = _rebuilt(pattern, program) if program is not None else None
    if rebuilt is not None:
        return rebuilt
    try:
        made, program = _compiled_with_program(pattern, flags)
    except TypeError:  # an engine whose compile() takes other arguments than 3.10-3.13's
        return re.compile(pattern, flags)
    MEMO.keep(TABLE, key, program)
    return made


def _compiled_with_program(pattern: str, flags: int) -> tuple[re.Pattern[str], list[Any]]:
    """The pattern compiled as re._compiler.compile does it, and what it was built from."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    flags, groups, groupindex = int(flags | parsed.state.flags), parsed.state.groups - 1, dict(parsed.state.groupdict)
    made = _built(pattern, flags, code, groups, groupindex)
    return made, [flags, _encoded(b"".join(word.to_bytes(_WORD, sys.byteorder) for word in code)), groups, groupindex]


def _built(pattern: str, flags: int, code: list[int], groups: int, groupindex: dict[str, int]) -> Any:
    """What re._compiler.compile returns for the parts it computed: `groups` less the whole match."""
    indexgroup: list[str | None] = [None] * (groups + 1)
    for name, number in groupindex.items():
        indexgroup[number] = name
    return _sre.compile(pattern, flags, code, groups, groupindex, tuple(indexgroup))


def _rebuilt(pattern: str, program: Any) -> re.Pattern[str] | None:
    """The pattern from its kept program, or None when the program is not in the shape
    _compiled_with_program writes or the engine refuses it."""
    if not _is_program(program):
        return None
    flags, text, groups, groupindex = program
    data = _decoded(text)
    if data is None or len(data) % _WORD:
        return None
    try:
        return _built(pattern, flags, memoryview(data).cast("I").tolist(), groups, groupindex)
    except (TypeError, ValueError, OverflowError, RuntimeError, IndexError):  # RuntimeError: invalid SRE code
        return None


def _is_program(program: Any) -> bool:
    if not isinstance(program, list) or len(program) != 4:
        return False
    flags, text, groups, groupindex = program
    return (
        type(flags) is int
        and isinstance(text, str)
        and type(groups) is int
        and 0 <= groups < 100
        and isinstance(groupindex, dict)
        and all(type(number) is int and 0 < number <= groups for number in groupindex.values())
    )
