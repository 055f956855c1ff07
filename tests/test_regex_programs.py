"""Rule regexes rebuilt from the compiled programs an earlier run kept (newslint/regex_programs.py)
are the patterns compiling gives, and anything not in the shape kept is compiled again."""

from __future__ import annotations

import json

import pytest
import regex

from newslint import regex_programs, regexes
from newslint.api import lint_text
from newslint.packs_memo import MEMO, PacksMemo
from newslint.rules.base import builtin_rules_dir
from newslint.rules.loader import builtin_rules
from tests.conftest import SEED


def _through_json(program):
    return json.loads(json.dumps(program))


@pytest.fixture(scope="module")
def every_builtin_pattern():
    """(pattern, flags) of every regex the built-in packs validate and a run over the seed
    compiles (module patterns too), with the memo off so that each really compiles."""
    compiled: set[tuple[str, int]] = set()
    compile = regex.compile
    patch = pytest.MonkeyPatch()
    patch.setenv("NEWSLINT_NO_RULE_CACHE", "1")

    def recording(pattern, flags=0, *args, **kwargs):
        if isinstance(pattern, str):
            compiled.add((pattern, int(flags)))
        return compile(pattern, flags, *args, **kwargs)

    patch.setattr(regex, "compile", recording)
    regexes._compile.cache_clear()
    try:
        builtin_rules()
        lint_text(SEED.read_text(encoding="utf-8"), str(SEED))
    finally:
        patch.undo()
        regexes._compile.cache_clear()
    return sorted(compiled)


def test_every_builtin_pattern_is_rebuilt_as_it_compiles(every_builtin_pattern):
    text = SEED.read_text(encoding="utf-8")
    assert len(every_builtin_pattern) > 200
    for pattern, flags in every_builtin_pattern:
        made = regex.compile(pattern, flags)
        program = regex_programs.program_of(made)
        assert program is not None, pattern
        rebuilt = regex_programs._rebuilt(pattern, _through_json(program))
        assert rebuilt is not None, pattern
        assert rebuilt._pickled_data == made._pickled_data, pattern
        assert [m.span() for m in rebuilt.finditer(text)] == [m.span() for m in made.finditer(text)], pattern


@pytest.mark.parametrize(
    "program",
    [
        None,
        "not a list",
        [],
        [0, "", {}, 0, [], 0],  # one field short
        [0.5, "AA==", {}, 0, [], 0, 0],  # a float flag
        [8226, 12, {}, 0, [], 0, 0],  # code not text
        [8226, "not base64!", {}, 0, [], 0, 0],
        [8226, "AA==", {"g": "1"}, 0, [], 0, 1],  # a group number as text
        [8226, "AA==", {}, 0, ["f"], 0, 0],  # required characters not numbers
        [8226, "AA==", [], 0, [], 0, 0],
        [True, "AA==", {}, 0, [], 0, 0],  # a boolean is no flag
    ],
)
def test_a_program_not_in_the_kept_shape_is_not_used(program):
    assert regex_programs._rebuilt(r"\bfoo", program) is None


def test_a_kept_program_not_in_shape_means_compiling_again(monkeypatch):
    monkeypatch.setattr(MEMO, "known", lambda table, key: [1, "garbage", {}, 0, [], 0, 0])
    pattern = regex_programs.compiled(r"(?P<word>\bKiev\b)", regex.IGNORECASE)
    assert pattern.search("in kiev today").group("word") == "kiev"


def test_programs_are_kept_in_the_memo_file_and_used_by_the_next_run(monkeypatch):
    memo = PacksMemo()
    monkeypatch.setattr(regex_programs, "MEMO", memo)
    source = r"(?<!\p{L})dozens of (?P<what>thousands|millions)(?!\p{L})"
    with memo.remembering(builtin_rules_dir()):
        pass
    made = regex_programs.compiled(source, regex.IGNORECASE)
    memo.save()

    later = PacksMemo()  # the next run: reads the file back
    monkeypatch.setattr(regex_programs, "MEMO", later)
    with later.remembering(builtin_rules_dir()):
        pass

    def not_compiled(*args, **kwargs):
        raise AssertionError("compiled from source although its program was kept")

    monkeypatch.setattr(regex, "compile", not_compiled)
    rebuilt = regex_programs.compiled(source, regex.IGNORECASE)
    assert rebuilt._pickled_data == made._pickled_data
    assert rebuilt.search("Dozens of Thousands fled").group("what") == "Thousands"


def test_without_the_rule_cache_no_program_is_kept(monkeypatch):
    memo = PacksMemo()
    monkeypatch.setattr(regex_programs, "MEMO", memo)
    monkeypatch.setenv("NEWSLINT_NO_RULE_CACHE", "1")
    with memo.remembering(builtin_rules_dir()):
        pass
    regex_programs.compiled(r"\bnever kept\b", 0)
    assert memo.known(regex_programs.TABLE, "0\0\\bnever kept\\b") is None


def test_the_programs_kept_are_bounded(monkeypatch):
    """Patterns of the user's own rule files are kept too: a bound keeps the memo from growing."""
    from newslint import packs_memo

    memo = PacksMemo()
    monkeypatch.setattr(regex_programs, "MEMO", memo)
    monkeypatch.setattr(packs_memo, "MAX_KEPT", 3)
    with memo.remembering(builtin_rules_dir()):
        pass
    memo._tables.pop(regex_programs.TABLE, None)
    for number in range(5):
        regex_programs.compiled(rf"\bword{number}\b", 0)
    assert len(memo._tables[regex_programs.TABLE]) == 3
    assert memo.known(regex_programs.TABLE, "0\0\\bword4\\b") is None
