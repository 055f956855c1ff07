"""Where lines start and end. Lines end at \\n, \\r\\n or \\r everywhere in newslint (as in LSP and
most editors); every document is split into lines, so the common case -- no \\r -- runs on
str.split and C-level iteration, not on a match object per line."""

from __future__ import annotations

import re
from itertools import accumulate, count
from operator import add

from newslint.spans import Span

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    """The offset where each line starts: 0, then one after each line break."""
    if "\r" in text:
        return [0, *(match.end() for match in _LINE_BREAK.finditer(text))]
    lengths = map(len, text.split("\n")[:-1])
    return [0, *map(add, accumulate(lengths), count(1))]  # each line's length plus its break


def line_spans(text: str) -> list[Span]:
    """Each line's content, without its line break; no empty line after a final break."""
    if "\r" not in text:
        parts = text.split("\n")
        starts = line_starts(text)
        spans = list(map(Span, starts, map(add, starts, map(len, parts))))
        return spans if parts[-1] else spans[:-1]
    spans, start = [], 0
    for line_break in _LINE_BREAK.finditer(text):
        spans.append(Span(start, line_break.start()))
        start = line_break.end()
    if start < len(text):
        spans.append(Span(start, len(text)))
    return spans
