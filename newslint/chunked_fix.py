"""Fixing a long plain text chunk by chunk.

Linting a long plain text already goes chunk by chunk (Linter.check_chunks). Fixing it as one text
re-linted every chunk in every round, though a round changes only a few of them: ten rounds of a
100 MB file were ten passes over 100 MB. Here each chunk is fixed to the end on its own -- its
rounds re-lint that chunk alone -- and the fixed chunks are joined. Rules that count over a document
(consistency) count per chunk, as they do when the same text is linted.

Suppression directives stand in any chunk but apply to the whole text: each chunk is fixed with the
directive lines that govern it from outside set before it (every directive line before the chunk,
in order, so that a `disable` still open, or a `disable-next-line` on the line just before the
chunk, works as it would in the whole text; and every `disable-file` after it).
"""

from __future__ import annotations

from collections.abc import Callable

from newslint.document import Document
from newslint.findings import Finding
from newslint.fixes import FixResult, fix_text
from newslint.formats import plaintext
from newslint.linter import Linter, _chunks, shifted_finding
from newslint.segmentation import starts_sentence
from newslint.suppression import DIRECTIVE


def fix_in_chunks(
    linter: Linter,
    text: str,
    path: str,
    unsafe: bool,
    on_failures: Callable[[list], None] = lambda failures: None,
) -> FixResult:
    """The text fixed chunk by chunk; remaining and fixed findings in the coordinates of the
    fixed text. `on_failures` receives the rules that could not finish on a chunk."""
    directive_lines = [(span, line) for span, line in plaintext.directive_lines(text)]
    result = FixResult("")
    pieces: list[str] = []
    offset, lines, column, tail = 0, 0, 0, ""  # where the next chunk starts in the fixed text
    for start, end in _chunks(text):
        chunk = text[start:end]
        prefix = _governing_directives(directive_lines, start, end)
        continued = bool(tail) and not starts_sentence(tail + chunk[:80], len(tail))

        def lint(piece: str, prefix: str = prefix, continued: bool = continued) -> list[Finding]:
            checked = linter.check(Document(prefix + piece, path, continued=continued))
            on_failures(checked.failures)
            return [_unprefixed(finding, prefix) for finding in checked.findings]

        fixed = fix_text(chunk, lint, unsafe)
        result.remaining.extend(shifted_finding(finding, offset, lines, column) for finding in fixed.remaining)
        result.fixed.extend(shifted_finding(finding, offset, lines, column) for finding in fixed.fixed)
        pieces.append(fixed.text)
        offset += len(fixed.text)
        breaks = _line_breaks(fixed.text)
        last_break = max(fixed.text.rfind("\n"), fixed.text.rfind("\r"))
        column = column + len(fixed.text) if breaks == 0 else len(fixed.text) - last_break - 1
        lines += breaks
        tail = fixed.text[-200:]
    result.text = "".join(pieces)
    return result


def _governing_directives(directive_lines: list, start: int, end: int) -> str:
    """The directive lines outside text[start:end] that apply inside it, as lines to set before it."""
    before = [line for span, line in directive_lines if span.end <= start]
    after = [
        line
        for span, line in directive_lines
        if span.start >= end and (match := DIRECTIVE.fullmatch(line)) and match.group("action") == "disable-file"
    ]
    return "".join(f"{line}\n" for line in before + after)


def _unprefixed(finding: Finding, prefix: str) -> Finding:
    """A finding on prefix + chunk, in the chunk's own coordinates (the prefix is whole lines)."""
    return shifted_finding(finding, -len(prefix), -prefix.count("\n")) if prefix else finding


def _line_breaks(text: str) -> int:
    return text.count("\n") + text.count("\r") - text.count("\r\n")
