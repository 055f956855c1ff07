"""Triggers a built-in rule declares (`triggers:`) in place of those its kind derives: a rarer
text that every match holds. With them, the rule must find what it finds without them: the same,
or on a text with a long s, which the regex module matches as an s, more (never less)."""

from __future__ import annotations

import re
from functools import cache

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newslint.rules.base import builtin_rules_dir
from newslint.rules.loader import load_rule_file
from tests.conftest import run_rules
from tests.kinds.fuzzing import fuzz, joined

SPACES = [" ", " ", " ", "  ", "\t", "\n", "\n\n", "\u00a0"]
MARKS = [".", ",", ";", "-", "_", "'", "x", "ſ", "é"]
EAT = [
    "eat",
    "Eat",
    "ate",
    "eatſ",
    "drinkſ",
    "eats",
    "eaten",
    "eating",
    "drink",
    "drinks",
    "drank",
    "drinking",
    "great",
    "state",
]
MEDICINE = [
    "medicine",
    "Medicines",
    "medication",
    "pills",
    "PILLS",
    "pillſ",
    "tablets",
    "tabletſ",
    "pill",
    "the",
    "cold",
]
PHOTO = ["seen on the", "shown on the", "On the", "on the", "\non the", "seen on a", "shown"]
PICTURE = ["photo", "photos", "Photograph", "photographs", "picture", "pictures", "pictureſ", "photoſ", "part", "p"]
TIMES = ["rose", "increased", "grew", "went up", "by", "in", "three", "2.5", "times", "TIMES", "sometimes", "timeſ"]


def _phrases(*words: list[str]) -> st.SearchStrategy[str]:
    """Texts of words from each list in turn, mostly a space apart, amid spaces and marks: near
    misses and matches of a rule's patterns."""
    apart = st.sampled_from([" "] * 10 + SPACES + MARKS + [""])
    parts = [joined(st.sampled_from(SPACES + MARKS), 2)]
    for choices in words:
        parts += [st.sampled_from(choices), apart]
    return joined(st.tuples(*parts).map("".join), 3, min_size=1)


@pytest.fixture(scope="module")
def twins(tmp_path_factory):
    """The built-in rule as the pack writes it, and the same rule without its `triggers:` line
    (so with the triggers its kind derives), loaded once per rule."""
    pack = (builtin_rules_dir() / "calques.yaml").read_text(encoding="utf-8")
    folder = tmp_path_factory.mktemp("twins")

    @cache
    def load(rule_id: str) -> tuple[list, list]:
        block = re.search(rf"^- id: {re.escape(rule_id)}\n.*?(?=^- id: |\Z)", pack, re.M | re.S).group()
        assert re.search(r"^  triggers:", block, re.M), rule_id
        derived = re.sub(r"^  triggers:.*\n(?:^    .*\n)*", "", block, flags=re.M)
        rules = []
        for name, text in [("declared", block), ("derived", derived)]:
            path = folder / f"{rule_id}-{name}.yaml"
            path.write_text(text, encoding="utf-8")
            rules.append(load_rule_file(path))
        return rules[0], rules[1]

    return load


def _same_findings(twins, rule_id: str, text: str) -> None:
    """The same findings, a long s too ("pictureſ", which the regex module, ignoring case,
    matches as "pictures"; the lowercase text the triggers are found in reads it as an s)."""
    declared, derived = twins(rule_id)
    assert declared[0].triggers() != derived[0].triggers()
    assert run_rules(declared, text) == run_rules(derived, text), text


@fuzz(300)
@given(_phrases(EAT, MEDICINE, MEDICINE))
@example("Patients eat the\n\npills and drink tablets. They ate pillſ, eating\tcold medicines.")
@example("eat medicine, eat medicines, eat medication, eat pills, eat tablets")
@example("eat pillſ medicine_\n\ndrink tabletſ tablets_\n\neat medicineſ medicine_")
def test_eat_medicine_finds_with_its_declared_triggers_what_it_finds_without(twins, text):
    _same_findings(twins, "calque.eat-medicine", text)


@pytest.mark.parametrize("rule_id", ["calque.increased-in-times", "calque.increased-by-times"])
@fuzz(200)
@given(text=_phrases(TIMES, TIMES, TIMES, TIMES))
@example(text="Prices rose in three times, sometimes grew by 2.5 timeſ and went up by three TIMES_")
@example(text="Sometimes prices rose in three timeſ. Sometimes they grew by two timeſ.")
def test_times_rules_find_with_their_declared_trigger_what_they_find_without(twins, rule_id, text):
    _same_findings(twins, rule_id, text)


@fuzz(300)
@given(_phrases(PHOTO, PICTURE, [":", ",", "", "x"]))
@example("Seen on the photo, photos, photograph, photographs, picture, pictures: all on the part of")
@example("seen on the photo, seen on the photos, seen on the photograph, seen on the photographs")
@example("seen on the picture, seen on the pictures, seen on the pictureſ, on the photoſ")
@example("On the pictureſ: a man.\nOn the photoſ, a woman.\nOn the photographſ: a dog.")
def test_on_the_photo_finds_with_its_declared_triggers_what_it_finds_without(twins, text):
    _same_findings(twins, "calque.on-the-photo", text)
