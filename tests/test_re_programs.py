"""Patterns compiled with `re`, rebuilt from the code an earlier run kept (newslint/re_programs.py),
are the patterns re.compile gives (a compiled pattern equals another when its pattern, flags and
code do), and anything not in the shape kept is compiled again."""

from __future__ import annotations

import gc
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslint import re_programs, regexes
from newslint.api import lint_text
from newslint.regex_programs import _encoded
from tests.conftest import SEED
from tests.kinds.fuzzing import fuzz

pytestmark = pytest.mark.skipif(not re_programs._KEPT, reason="this Python's compiler is laid out otherwise")

# Pieces of patterns as newslint writes them for `re`: tries of words, classes, look-arounds,
# named and plain groups, repeats, inline flags.
PIECES = st.sampled_from(
    [
        r"\b",
        "(?:a|b(?:c|d))",
        "(?P<name>kiev|kyiv)",
        "(x)",
        r"[.!?…]",
        r"[^\W\d_]+",
        r"(?<![\w.-])",
        r"(?=[a-z])",
        r"(?!\s)",
        r"\s*",
        "é+?",
        "{2,3}",
        "(?i:png|jpe?g)",
        "ſ",
        "İ",
        r"\d",
        "|",
    ]
)
FLAGS = st.sampled_from([0, re.IGNORECASE, re.MULTILINE, re.IGNORECASE | re.VERBOSE, re.DOTALL, re.ASCII])


def _through_json(program):
    return json.loads(json.dumps(program))


@fuzz(400)
@given(st.lists(PIECES, min_size=1, max_size=8).map("".join), FLAGS)
def test_a_pattern_is_compiled_and_rebuilt_as_re_compiles_it(pattern, flags):
    try:
        expected = re.compile(pattern, flags)
    except re.error:
        with pytest.raises(re.error):
            re_programs._compiled_with_program(pattern, flags)
        return
    made, program = re_programs._compiled_with_program(pattern, int(flags))
    assert made == expected
    rebuilt = re_programs._rebuilt(pattern, _through_json(program))
    assert rebuilt == expected and rebuilt.groupindex == expected.groupindex and rebuilt.groups == expected.groups


def test_every_pattern_a_run_compiles_with_re_is_rebuilt_as_it_compiles():
    """Every `re` pattern of newslint's modules and of the rules linting the seed builds."""
    text = SEED.read_text(encoding="utf-8")
    lint_text(text, str(SEED))
    patterns = {
        (pattern.source, int(pattern.flags))
        for pattern in gc.get_objects()
        if isinstance(pattern, regexes.LazyPattern) and pattern.engine == "re"
    }
    assert len(patterns) > 10
    for source, flags in patterns:
        expected = re.compile(source, flags)
        rebuilt = re_programs._rebuilt(source, _through_json(re_programs._compiled_with_program(source, flags)[1]))
        assert rebuilt == expected, source
        assert [m.span() for m in rebuilt.finditer(text)] == [m.span() for m in expected.finditer(text)], source


@pytest.mark.parametrize(
    "program",
    [
        None,
        [],
        [32, "AAAA", 0],
        [32, "AAAA", 0, {}, 1],
        ["32", "AAAA", 0, {}],
        [32, "not base64!", 0, {}],
        [32, _encoded(b"\x01\x00\x00"), 0, {}],  # not whole code words
        [32, "AAAA", -1, {}],
        [32, "AAAA", 1, {"name": 2}],
        [32, "AAAA", 1, {"name": True}],
        [32, _encoded(b"\xff" * 8), 0, {}],  # no opcode: the engine refuses it
    ],
)
def test_anything_else_is_no_program(program):
    assert re_programs._rebuilt("(a)", program) is None


def test_a_pattern_without_a_program_is_compiled_and_its_program_kept(monkeypatch):
    kept = {}
    monkeypatch.setattr(re_programs.MEMO, "known", lambda table, key: None)
    monkeypatch.setattr(re_programs.MEMO, "keep", lambda table, key, value: kept.update({(table, key): value}))
    pattern = r"\b(?:kiev|kyiv)\b"
    assert re_programs.compiled(pattern, re.IGNORECASE) == re.compile(pattern, re.IGNORECASE)
    [(table, key)] = kept
    assert table == re_programs.TABLE and key == f"{int(re.IGNORECASE)}\0{pattern}"
    monkeypatch.setattr(re_programs.MEMO, "known", lambda table, key: kept.get((table, key)))
    monkeypatch.setattr(re_programs, "_compiled_with_program", None)  # not called: rebuilt from the program
    assert re_programs.compiled(pattern, re.IGNORECASE) == re.compile(pattern, re.IGNORECASE)
