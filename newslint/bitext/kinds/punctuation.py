"""end-punctuation: a source sentence that ends in 。 . ? ! whose translation has no final
punctuation, and a source that stops mid-sentence (，、；：) whose translation ends with a full
stop. A line without final punctuation on either side -- a headline, a caption, a byline -- is
left alone, as Weblate's and pofilter's end-punctuation checks leave strings that agree."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.bitext.document import BilingualDocument
from newslint.bitext.kinds.base import BilingualHit, BilingualRule, units_with_both

_CLOSING = "\"'”’»›）)]】」』》〉 \t\u3000"
_SENTENCE_END = "。．.？?！!…"
_TARGET_END = ".?!…:;。？！；：" + "．"  # a full-width mark is punctuation, of the wrong form (another rule's)
_MID_SENTENCE = "，,、；;：:"


def _last_mark(text: str) -> tuple[str, int] | None:
    """The last character before closing quotes and brackets, with its index."""
    stripped = text.rstrip(_CLOSING)
    return (stripped[-1], len(stripped) - 1) if stripped else None


class EndPunctuation(BilingualRule):
    kind = "end-punctuation"
    placeholders = frozenset({"problem"})

    def bilingual_hits(self, doc: BilingualDocument) -> Iterator[BilingualHit]:
        for unit in units_with_both(doc):
            source, target = doc.source_text(unit), doc.target_text(unit)
            source_end, target_end = _last_mark(source), _last_mark(target)
            if source_end is None or target_end is None:
                continue
            (source_mark, source_index), (target_mark, target_index) = source_end, target_end
            if source_mark in _SENTENCE_END and target_mark not in _TARGET_END:
                problem = f"the source ends with '{source_mark}', the translation has no final punctuation"
            elif source_mark in _MID_SENTENCE and target_mark == ".":
                problem = f"the source stops at '{source_mark}' mid-sentence, the translation ends with '.'"
            else:
                continue
            start = unit.target.start + target_index  # type: ignore[union-attr]
            yield BilingualHit(
                start,
                start + 1,
                values={"problem": problem},
                unit=unit,
                source_start=source_index,
                source_end=source_index + 1,
            )
