"""The rule kinds that compare a translation with its source (registered in rules/registry.py)."""

from __future__ import annotations

from newslint.bitext.kinds.alignment import EmptyTarget, LengthRatio, LineCount
from newslint.bitext.kinds.glossary import Glossary
from newslint.bitext.kinds.numbers import Numbers
from newslint.bitext.kinds.punctuation import EndPunctuation
from newslint.bitext.kinds.untranslated import SourceScript, Untranslated

BILINGUAL_KINDS = (Numbers, LineCount, EmptyTarget, LengthRatio, Untranslated, SourceScript, EndPunctuation, Glossary)
