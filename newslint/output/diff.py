"""--diff: what --fix would change, as a unified diff."""

from __future__ import annotations

from newslint.output import printable
from newslint.regexes import lazy

_LINE = lazy(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def _lines(text: str) -> list[str]:
    """Lines ending in \\r\\n, \\r or \\n only (str.splitlines also splits at \\f, \\v, U+2028 ...)."""
    return _LINE.findall(text)


def unified(path: str, before: str, after: str) -> str:
    shown = printable(path)  # a newline in a file name would break the diff's header
    import difflib  # only for --diff

    lines = difflib.unified_diff(_lines(before), _lines(after), fromfile=shown, tofile=shown)
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)
