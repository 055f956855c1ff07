"""Tab-separated pairs: `source<TAB>target` on each line (blank lines are skipped). The unit of
a line is its line number."""

from __future__ import annotations

from newslint.bitext.document import BilingualDocument
from newslint.bitext.readers.sides import Sides
from newslint.errors import InputError
from newslint.regexes import lazy

_LINE = lazy(r"[^\r\n]*(?:\r\n|\r|\n|$)", engine="re")


def read(file_text: str, path: str, language: str | None = None) -> BilingualDocument:
    sides = Sides(file_text)
    for number, (start, end) in enumerate(lines(file_text), 1):
        line = file_text[start:end]
        if not line.strip():
            continue
        fields = line.count("\t") + 1
        if fields != 2:
            found = "no tab" if fields == 1 else f"{fields} fields"
            raise InputError(path, f"line {number}: expected source<TAB>target, found {found}")
        tab = start + line.index("\t")
        sides.begin(str(number), tab + 1)
        sides.add("source", file_text[start:tab], start, tab)
        sides.add("target", file_text[tab + 1 : end], tab + 1, end)
        sides.end()
    return sides.document(path, language, writable)


def writable(replacement: str) -> bool:
    """A TSV cell cannot hold a tab or a line break."""
    return not any(char in replacement for char in "\t\r\n")


def lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, without its line break."""
    spans = []
    for match in _LINE.finditer(text):
        if match.start() == len(text):
            break
        spans.append((match.start(), match.start() + len(match.group().rstrip("\r\n"))))
    return spans
