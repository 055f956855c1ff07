"""The trigger index (triggers.py): which triggers it answers for, and how they must stand."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newslint.triggers import ANYWHERE, AS_WORD, AT_WORD_START, TriggerIndex, Triggers
from tests.kinds.fuzzing import fuzz

TEXTS = st.text(alphabet="ab ,.-", max_size=3)
SETS = st.frozensets(TEXTS, max_size=5)
TRIGGERS = st.lists(st.builds(Triggers, words=SETS, strings=SETS, prefixes=SETS), max_size=4)


@fuzz(300)
@given(TRIGGERS, st.lists(TEXTS, max_size=8))
def test_a_trigger_is_indexed_for_a_standing_at_least_as_strict_as_its_rules_need(triggers, asked):
    """Indexed: some rule's trigger of more than one character, standing no stricter than asked
    (worked out from the rules' triggers, not from the index's own table)."""
    index = TriggerIndex(triggers)
    for text in [*index.how, *asked]:
        for standing in (ANYWHERE, AT_WORD_START, AS_WORD):
            expected = len(text) > 1 and any(
                found == text and needed <= standing for each in triggers for found, needed in each.how()
            )
            assert index.indexed(text, standing) == expected, (text, standing)
