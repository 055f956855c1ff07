"""The rule kinds by name: the only place that knows them all.

A kind's module is imported when a rule of that kind is built, not before: a short run builds
only the rules its text can trigger (see rules/deferred.py), and need not import the others.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newslint.rules.base import Rule

# name -> (module, class)
_MONOLINGUAL = {
    "existence": ("newslint.kinds.existence", "Existence"),
    "substitution": ("newslint.kinds.substitution", "Substitution"),
    "consistency": ("newslint.kinds.consistency", "Consistency"),
    "capitalization": ("newslint.kinds.capitalization", "Capitalization"),
    "repetition": ("newslint.kinds.repetition", "Repetition"),
    "pronoun": ("newslint.kinds.pronoun", "Pronoun"),
    "attribution": ("newslint.kinds.attribution", "Attribution"),
    "balance": ("newslint.kinds.balance", "Balance"),
    "emphasis": ("newslint.kinds.emphasis", "Emphasis"),
}
# The kinds that compare a translation with its source (newslint/bitext/kinds/): silent on a
# document without one.
_BILINGUAL = {
    "numbers": ("newslint.bitext.kinds.numbers", "Numbers"),
    "line-count": ("newslint.bitext.kinds.alignment", "LineCount"),
    "empty-target": ("newslint.bitext.kinds.alignment", "EmptyTarget"),
    "length-ratio": ("newslint.bitext.kinds.alignment", "LengthRatio"),
    "untranslated": ("newslint.bitext.kinds.untranslated", "Untranslated"),
    "source-script": ("newslint.bitext.kinds.untranslated", "SourceScript"),
    "end-punctuation": ("newslint.bitext.kinds.punctuation", "EndPunctuation"),
    "glossary": ("newslint.bitext.kinds.glossary", "Glossary"),
}
KIND_NAMES = frozenset(_MONOLINGUAL) | frozenset(_BILINGUAL)
BILINGUAL_KIND_NAMES = frozenset(_BILINGUAL)


def kind_class(name: str) -> type[Rule] | None:
    """The class of a kind (its module imported now), or None for an unknown name."""
    where = _MONOLINGUAL.get(name) or _BILINGUAL.get(name)
    if where is None:
        return None
    module, cls = where
    return getattr(import_module(module), cls)
