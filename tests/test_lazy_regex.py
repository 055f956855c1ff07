"""newslint.lazy_regex stands for the regex module: the same flags, the same escape, the same C
engine, and the rest of the module on first use (start-up need not import regex's parser)."""

from __future__ import annotations

import subprocess
import sys

import regex
from hypothesis import given
from hypothesis import strategies as st

from newslint import lazy_regex
from tests.kinds.fuzzing import fuzz, joined

FLAGS = ["ASCII", "IGNORECASE", "MULTILINE", "DOTALL", "VERBOSE", "REVERSE", "WORD"]


def test_the_flags_are_the_regex_modules():
    assert {name: getattr(lazy_regex, name) for name in FLAGS} == {name: getattr(regex, name) for name in FLAGS}


# Texts of regex's metacharacters, white space of every kind, letters and any character.
_PIECES = st.sampled_from(list("()[]{}?*+|^$\\.-#&~ \t\n\r\x0b\x0c\x1c\x85\u2028\u3000aZ9_'\"/:,@!%=<>")) | st.text(
    max_size=3
)


@fuzz(1000)
@given(joined(_PIECES, 40))
def test_escape_is_regex_escape(text):
    assert lazy_regex.escape(text) == regex.escape(text)
    assert all(lazy_regex.escape_character(char) == regex.escape(char) for char in text)


def test_escape_fails_without_a_metacharacter_or_white_space():
    """What the property test above catches: an escape that forgets '#' (which VERBOSE reads as a
    comment) or white space other than ASCII's."""
    for text in ("#", "\x1c", "\u3000", "-"):
        assert lazy_regex.escape(text) == regex.escape(text) == "\\" + text


def test_the_engine_is_regexs_own():
    assert lazy_regex.ENGINE is regex._regex
    assert lazy_regex.compile is regex.compile and lazy_regex.error is regex.error
    assert not hasattr(lazy_regex, "__path__")  # a module, not a package, whatever regex is


def test_the_engine_alone_then_the_module():
    """Loaded alone, the engine rebuilds patterns and imports nothing else; the module imported
    later uses that very engine, and is reachable as regex._regex as usual."""
    probe = """
import sys
from newslint import lazy_regex, regex_programs
assert lazy_regex.ENGINE is not None and "regex" not in sys.modules and "regex._regex_core" not in sys.modules
import regex
program = regex_programs.program_of(regex.compile("(?i)k[iy]ev", 0))
rebuilt = regex_programs._rebuilt("(?i)k[iy]ev", program)
assert rebuilt.search("in KIEV").span() == (3, 7)
assert lazy_regex.IGNORECASE == 2 and lazy_regex.sub("v", "w", "Kiev") == "Kiew"
assert regex._regex is lazy_regex.ENGINE and regex._main._regex is lazy_regex.ENGINE
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "ok", done.stderr
