"""A rule's exceptions are searched for only where their literals occur (newslint/rules/base.py):
with many literals one automaton pass tells which do, and it must tell what `in` tells."""

from __future__ import annotations

from unittest.mock import patch

from hypothesis import example, given
from hypothesis import strategies as st

from newslint.rules import base
from tests.kinds.fuzzing import fuzz, joined

# Literals that overlap, nest and repeat each other's ends; letters beyond ASCII and a surrogate.
_PIECES = st.sampled_from(["in", " ", "so", "no", "o", "é", "日本", "\u0301", "\n", "in in", "\udc80", "ſ", "x"])
_LITERALS = st.lists(joined(_PIECES, 4, min_size=1), min_size=1, max_size=30, unique=True).map(
    lambda literals: tuple(sorted(literals))
)


@fuzz()
@given(joined(_PIECES, 40), _LITERALS)
@example("so", ("o", "so"))  # both end where the other does
@example("in in", ("in in", "n i"))  # one inside the other
def test_the_literals_found_are_those_in_the_text(folded, literals):
    for many in (1, base._MANY_LITERALS):  # through the automaton whatever their number, and as run
        with patch.object(base, "_MANY_LITERALS", many):
            present = base._literals_in(folded, literals)
        assert [literal in present for literal in literals] == [literal in folded for literal in literals]


def test_many_literals_are_found_in_one_pass_and_few_by_str_search():
    many = tuple(sorted(f"{word} {word}" for word in "had that in so no go can oh ha yes".split()))
    assert len(many) >= base._MANY_LITERALS
    present = base._literals_in("it was so so, and then in in the hall", many)
    assert isinstance(present, set) and present == {"so so", "in in"}
    assert base._literals_in("in in", many[:3]) == "in in"
