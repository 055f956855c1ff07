"""Code-point offsets <-> LSP positions, in the code units the client and server agreed on.

newslint counts code points; LSP counts UTF-16 code units unless the client offered another
`positionEncoding`. Lines end at \\n, \\r\\n or \\r only, as LSP says (not at U+2028, \\x0c or the
other breaks `str.splitlines` knows), so that positions agree with the client's view of the text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from lsprotocol import types

from newslint.linebreaks import line_starts
from newslint.regexes import lazy

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def units(text: str, encoding: str) -> int:
    """How many code units `text` takes in the negotiated encoding."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF16:
        return len(text) + len(_ASTRAL.findall(text))
    return len(text.encode("utf-8", "surrogatepass"))


_ASTRAL = lazy("[\U00010000-\U0010ffff]", engine="re")
_NON_ASCII = lazy(r"[^\x00-\x7f]", engine="re")


class LineIndex:
    """Where each line of a text starts, and where its characters wider than one code unit are,
    to convert offsets and positions both ways in logarithmic time (a 1 MB document on one line
    has as many findings as any other)."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        self._starts = line_starts(text)  # LSP's line breaks are newslint's: \n, \r\n, \r
        self._wide: list[int] = []  # offsets of characters wider than one code unit
        self._extra_before: list[int] = [0]  # extra units of the wide characters before index i
        if encoding != UTF32 and not text.isascii():
            self._index_wide_characters()

    def _index_wide_characters(self) -> None:
        pattern = _ASTRAL if self.encoding == UTF16 else _NON_ASCII
        total = 0
        for match in pattern.finditer(self.text):
            self._wide.append(match.start())
            total += units(match.group(), self.encoding) - 1
            self._extra_before.append(total)

    def _units_between(self, start: int, end: int) -> int:
        if not self._wide:
            return end - start
        return (
            end
            - start
            + self._extra_before[bisect_left(self._wide, end)]
            - self._extra_before[bisect_left(self._wide, start)]
        )

    def line_span(self, line: int) -> tuple[int, int]:
        """(start, end) of a 0-based line's content, without its line break."""
        line = min(max(line, 0), len(self._starts) - 1)
        start = self._starts[line]
        end = self._starts[line + 1] if line + 1 < len(self._starts) else len(self.text)
        while end > start and self.text[end - 1] in "\r\n":
            end -= 1
        return start, end

    def line_of(self, offset: int) -> int:
        """The 0-based line an offset stands on."""
        return bisect_right(self._starts, offset) - 1

    def position(self, offset: int) -> types.Position:
        offset = min(max(offset, 0), len(self.text))
        line = self.line_of(offset)
        return types.Position(line=line, character=self._units_between(self._starts[line], offset))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        """The code-point offset of a position; past the end of a line means its end, and a
        position inside a character (half a surrogate pair) means that character's start."""
        if position.line >= len(self._starts):
            return len(self.text)
        start, end = self.line_span(position.line)
        low, high = start, end  # the last offset whose units from the line start fit
        while low < high:
            middle = (low + high + 1) // 2
            if self._units_between(start, middle) <= position.character:
                low = middle
            else:
                high = middle - 1
        return low
