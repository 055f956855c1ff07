"""Regex helpers: word boundaries, word-list tries, and the literal shortcut."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from newslint.config import rule_set
from newslint.document import Document
from newslint.regexes import (
    bounded,
    bounded_literals,
    compile_literals,
    literal_alternation,
    literal_matches,
    required_literal,
)


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        ("kiev", "Kievan Kiev kiev's", ["Kiev", "kiev"]),
        (r"\.[ \t]*\.", "purchases. . x", [". ."]),
        (r"U\.S\.", "the U.S. and BU.S.", ["U.S."]),
    ],
)
def test_bounded_matches_whole_words_only(pattern, text, expected):
    assert [m.group() for m in regex.finditer(bounded(pattern), text, regex.IGNORECASE)] == expected


def test_literal_alternation_prefers_the_longest_phrase():
    pattern = regex.compile(bounded_literals(["hong", "hong kong", "kyiv"]))
    assert [m.group() for m in pattern.finditer("hong kong, hong, kyiv, hongs")] == ["hong kong", "hong", "kyiv"]
    assert literal_alternation([]) == r"(?!)"


@pytest.mark.parametrize(
    ("pattern", "literal"),
    [
        ("dozens of thousands", "dozens of thousands"),
        ("(?:gathered|condensed) ((?:a |the )?consensus)", "consensus"),
        (r"(?<![\p{L}_])(?:rose|grew)\s+in\s+(?:\d+|two)\s+times", "times"),
        (r"since (two|\d+) (years|months)", "since"),
        (r"[.,]\s*[.,]", None),
        ("(unbalanced", None),
    ],
)
def test_required_literal(pattern, literal):
    assert required_literal(pattern) == literal


def test_every_builtin_match_contains_its_rules_required_literal():
    """The shortcut may skip a rule only where it could not have matched."""
    for rule in rule_set():
        swaps = getattr(rule, "_swaps", None)
        # a swap's trigger: (text, how it stands); its text is in every match
        keys = [(key_pattern, trigger and trigger[0]) for key_pattern, _, trigger in swaps] if swaps else []
        if getattr(rule, "_literal", None):
            keys.append((rule._regex, rule._literal))
        for pattern, literal in keys:
            if not literal:
                continue
            for text in rule.info.examples.fail + rule.info.examples.passing:
                for match in pattern.finditer(text):
                    assert literal in match.group().lower(), (rule.id, literal, match.group())
                    assert literal in Document(text).folded


PHRASES = ["hong kong", "hong", "kong", "U.S.", "us", "a.b", "-x"]


@given(
    st.text(alphabet=list("hongkU.Sa bsx-,\n"), max_size=60), st.lists(st.sampled_from(PHRASES), min_size=1, max_size=4)
)
def test_literal_matches_are_the_tries_matches(text, phrases):
    literals = compile_literals(phrases)
    expected = [(m.span(), m.group()) for m in literals.finditer(text)]
    assert [(m.span(), m.group()) for m in literal_matches(literals, text, phrases)] == expected
