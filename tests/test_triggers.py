"""The trigger index (triggers.py): which triggers it answers for, and how they must stand; and
the rules a document's triggers choose (Linter._chosen)."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import example, given
from hypothesis import strategies as st

from newslint.linter import Linter
from newslint.rules import load_rules
from newslint.rules.registry import BILINGUAL_KIND_NAMES
from newslint.triggers import ANYWHERE, AS_WORD, AT_WORD_START, TriggerIndex, Triggers, word_char
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


TRIGGER_TEXTS = st.text(alphabet="ab_é1 ,.-", min_size=2, max_size=3)
TRIGGER_SETS = st.frozensets(TRIGGER_TEXTS, max_size=4)


@fuzz(300)
@given(
    st.lists(st.builds(Triggers, words=TRIGGER_SETS, strings=TRIGGER_SETS, prefixes=TRIGGER_SETS), max_size=4),
    st.text(alphabet="ab_é1 ,.-\n", max_size=30),
)
@example([Triggers(prefixes=frozenset({"ab"}), words=frozenset({"b,"}))], "abab ab,_ab b,b")
@example([Triggers(words=frozenset({"ab", "1-"}))], "_ab éab ab_ ab1-ab")
def test_a_trigger_is_found_wherever_it_stands_as_its_rules_need(triggers, folded):
    """positions(): every place where a trigger of more than one character starts, standing at
    least as its rules need (after no word character, and before none for a word), in order;
    worked out by looking at every place of the text."""
    index = TriggerIndex(triggers)

    def stands(text: str, start: int) -> bool:
        needed = index.how[text]
        after_word = start > 0 and word_char(folded[start - 1])
        before_word = start + len(text) < len(folded) and word_char(folded[start + len(text)])
        return needed == ANYWHERE or not after_word and (needed == AT_WORD_START or not before_word)

    expected = {
        text: [start for start in range(len(folded)) if folded.startswith(text, start) and stands(text, start)]
        for text in index.how
        if len(text) > 1
    }
    assert index.positions(folded) == {text: starts for text, starts in expected.items() if starts}


# --- which rules a document's triggers choose (linter.Linter._chosen) -----------------------------

_BUILTIN = load_rules().rules
_TRIGGER_TEXTS = sorted({text for rule in _BUILTIN if rule.triggers() is not None for text in rule.triggers().all})


@fuzz(100)
@given(
    st.none() | st.frozensets(st.sampled_from(_TRIGGER_TEXTS) | st.text(max_size=3), max_size=60),
    st.booleans(),
    st.lists(st.integers(0, len(_BUILTIN) - 1), max_size=40, unique=True),
)
def test_a_document_runs_the_rules_its_triggers_choose_in_their_order(present, bilingual, picked):
    """The rules that may fire anywhere, and those one of whose triggers the document holds
    (every rule when the scan says nothing: None); a bilingual rule only on a translation. Worked
    out from each rule's triggers, against the linter's sets of bits."""
    rules = [_BUILTIN[index] for index in sorted(picked)]
    document = SimpleNamespace(use_triggers=lambda index: None, triggers_present=present, bilingual=bilingual)
    chosen = [rule.id for rule in Linter(rules)._rules_for(document)]  # type: ignore[arg-type]
    expected = [
        rule.id
        for rule in rules
        if (present is None or rule.triggers() is None or rule.triggers().all & present)
        and (bilingual or rule.kind not in BILINGUAL_KIND_NAMES)
    ]
    assert chosen == expected


@fuzz(300)
@given(TRIGGERS)
def test_each_text_stands_as_the_most_permissive_of_its_rules_needs(triggers):
    """The index's table, against the rule-by-rule minimum it is built without."""
    expected: dict[str, int] = {}
    for each in triggers:
        for text, standing in each.how():
            expected[text] = min(standing, expected.get(text, AS_WORD))
    assert TriggerIndex(triggers).how == expected
