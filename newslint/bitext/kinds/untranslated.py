"""Kinds for copy left untranslated: a translation that is its source unchanged
(untranslated), and words left in the source's script inside the English (source-script)."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.bitext.document import BilingualDocument
from newslint.bitext.kinds.base import BilingualHit, BilingualRule, units_with_both, whole_target
from newslint.regexes import lazy

_SCRIPTS = {
    "zh": ("Chinese", lazy(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}", engine="re")),
    "ru": ("Russian", lazy(r"[\u0400-\u04ff]{3,}", engine="re")),
    "uk": ("Ukrainian", lazy(r"[\u0400-\u04ff]{3,}", engine="re")),
}
_NOT_LATIN = lazy(r"[^\W\d_a-zA-Z\u00c0-\u024f]", engine="re")
_WORD = lazy(r"[^\W_]+", engine="re")
_HANDLE_OR_TAG = "@#"  # @handle, #hashtag: names, kept as they are written


def _normalised(text: str) -> str:
    return " ".join(text.casefold().split())


class Untranslated(BilingualRule):
    """A translation that is its source unchanged: left untranslated. Names, numbers and short
    labels are often the same in both languages, so the source must hold at least four words,
    or two letters of a script English does not use."""

    kind = "untranslated"

    def bilingual_hits(self, doc: BilingualDocument) -> Iterator[BilingualHit]:
        for unit in units_with_both(doc):
            source = doc.source_text(unit)
            if _normalised(source) != _normalised(doc.target_text(unit)):
                continue
            if len(_WORD.findall(source)) >= 4 or len(_NOT_LATIN.findall(source)) >= 2:
                start, end = whole_target(unit)
                yield BilingualHit(start, end, unit=unit)


class SourceScript(BilingualRule):
    """Words in the source's script (Chinese characters, Cyrillic) inside an English
    translation: a fragment left untranslated. A translation that is wholly the source is
    `untranslated`'s; a @handle or #hashtag is a name."""

    kind = "source-script"
    placeholders = frozenset({"language"})

    def bilingual_hits(self, doc: BilingualDocument) -> Iterator[BilingualHit]:
        script = _SCRIPTS.get(doc.language)
        if script is None:
            return
        language, pattern = script
        for unit in units_with_both(doc):
            target = doc.target_text(unit)
            if _normalised(doc.source_text(unit)) == _normalised(target):
                continue
            offset = unit.target.start  # type: ignore[union-attr]
            for match in pattern.finditer(target):
                if match.start() > 0 and target[match.start() - 1] in _HANDLE_OR_TAG:
                    continue
                if doc.overlaps_url(offset + match.start(), offset + match.end()):
                    continue
                yield BilingualHit(
                    offset + match.start(), offset + match.end(), values={"language": language}, unit=unit
                )
