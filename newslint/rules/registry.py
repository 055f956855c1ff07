"""The rule kinds by name: the only place that knows them all."""

from __future__ import annotations

from newslint.bitext.kinds import BILINGUAL_KINDS
from newslint.kinds.attribution import Attribution
from newslint.kinds.balance import Balance
from newslint.kinds.capitalization import Capitalization
from newslint.kinds.consistency import Consistency
from newslint.kinds.emphasis import Emphasis
from newslint.kinds.existence import Existence
from newslint.kinds.pronoun import Pronoun
from newslint.kinds.repetition import Repetition
from newslint.kinds.substitution import Substitution
from newslint.rules.base import Rule

KINDS: dict[str, type[Rule]] = {
    kind.kind: kind
    for kind in (
        Existence,
        Substitution,
        Consistency,
        Capitalization,
        Repetition,
        Pronoun,
        Attribution,
        Balance,
        Emphasis,
        *BILINGUAL_KINDS,
    )
}
