"""glossary: a term of the source whose translation has none of the glossary's renderings
(Xbench's and CheckMate's key-term check). `terms` maps a source term to its rendering or a list
of renderings:

    terms:
      一带一路: Belt and Road Initiative
      Bundestag: [Bundestag, German parliament]

Terms in a Latin or Cyrillic script match whole words; terms and renderings match regardless of
case (unless `ignorecase: false`) and of hyphens or spaces between words. The finding
names the term and the renderings (`{source}`, `{suggestion}`). A term left as it is in the
translation is replaced by its rendering when the glossary gives only one (an unsafe fix: the
sentence may need more than the word).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from newslint.bitext.document import BilingualDocument
from newslint.bitext.kinds.base import BilingualHit, BilingualRule, units_with_both, whole_target
from newslint.regexes import LazyPattern, lazy
from newslint.rules import options as opt
from newslint.rules.base import LoadContext
from newslint.rules.options import Option

_SEPARATORS = lazy(r"[\s\-‐–]+", engine="re")


def _terms(value: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict) or not value:
        raise opt._Invalid("expected a mapping of source term -> rendering (or a list of renderings)")
    terms: dict[str, tuple[str, ...]] = {}
    for term, renderings in value.items():
        term = str(term)
        if not term.strip():
            raise opt._Invalid("an empty term matches nothing")
        if isinstance(renderings, str) and renderings.strip():
            terms[term] = (renderings,)
        elif isinstance(renderings, list) and renderings and all(isinstance(r, str) and r.strip() for r in renderings):
            terms[term] = tuple(renderings)
        else:
            raise opt._Invalid(f"{term!r}: expected a rendering or a list of renderings")
    return terms


def _is_alphabetic(term: str) -> bool:
    """Written in an alphabet whose words are separated by spaces (not Chinese or Japanese)."""
    return any(char.isalpha() and ord(char) < 0x2E80 for char in term)


def _term_pattern(term: str, ignorecase: bool) -> LazyPattern:
    """A term or rendering as a pattern: any hyphens or spaces between its words, whole words
    in an alphabetic script."""
    body = r"[\s\-‐–]+".join(re.escape(part) for part in _SEPARATORS.split(term.strip()) if part)
    if _is_alphabetic(term):
        body = rf"(?<!\w){body}(?!\w)"
    return lazy(body, flags=re.IGNORECASE if ignorecase else 0, engine="re")


class Glossary(BilingualRule):
    kind = "glossary"
    default_fix = "unsafe"
    default_ignorecase = True
    placeholders = frozenset({"source"})
    options = {"terms": Option(_terms, required=True)}

    def configure(self, options: dict[str, Any], context: LoadContext) -> None:
        # Longest terms first: 全国人民代表大会 is looked for before 人民代表大会.
        terms = sorted(options["terms"].items(), key=lambda item: -len(item[0]))
        self._terms = [
            (
                term,
                renderings,
                _term_pattern(term, self.ignorecase),
                [_term_pattern(rendering, self.ignorecase) for rendering in renderings],
            )
            for term, renderings in terms
        ]

    def bilingual_hits(self, doc: BilingualDocument) -> Iterator[BilingualHit]:
        for unit in units_with_both(doc):
            source, target = doc.source_text(unit), doc.target_text(unit)
            taken: list[tuple[int, int]] = []
            for term, renderings, pattern, rendered in self._terms:
                match = next(
                    (m for m in pattern.finditer(source) if not any(m.start() < e and s < m.end() for s, e in taken)),
                    None,
                )
                if match is None:
                    continue
                taken.append(match.span())
                if any(r.search(target) for r in rendered):
                    continue
                yield self._hit(unit, term, renderings, match.span(), pattern.search(target))

    def _hit(self, unit, term: str, renderings: tuple[str, ...], source_span, left_in_target) -> BilingualHit:
        values = {"source": term, "suggestion": "' or '".join(renderings)}
        offset = unit.target.start
        if left_in_target is not None:  # the term itself, untranslated: its rendering replaces it
            start, end = offset + left_in_target.start(), offset + left_in_target.end()
            replacements = renderings if len(renderings) == 1 else ()
            return BilingualHit(start, end, replacements, values, unit, *source_span)
        start, end = whole_target(unit)
        return BilingualHit(start, end, (), values, unit, *source_span)
