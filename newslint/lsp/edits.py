"""Text edits for the client: from fixes, and from a whole fixed text as a few small edits."""

from __future__ import annotations

from difflib import SequenceMatcher

from lsprotocol import types

from newslint.lsp.positions import LineIndex


def replacement(index: LineIndex, start: int, end: int, new_text: str) -> types.TextEdit:
    # No LSP position stands between the \r and \n of one line break: an edge there takes in
    # the half of the pair beside it, and the new text keeps that half.
    if _inside_crlf(index.text, start):
        start, new_text = start - 1, "\r" + new_text
    if _inside_crlf(index.text, end):
        end, new_text = end + 1, new_text + "\n"
    return types.TextEdit(range=index.range(start, end), new_text=new_text)


def differences(index: LineIndex, new_text: str) -> list[types.TextEdit]:
    """Edits that turn index.text into new_text, line blocks narrowed to the characters that
    differ, so that the cursor, folds and marks outside them stay where they are."""
    old_lines = index.text.splitlines(keepends=True)
    new_lines = new_text.splitlines(keepends=True)
    old_starts = _starts(old_lines)
    new_starts = _starts(new_lines)
    edits = []
    matcher = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        old_start, old_end = old_starts[i1], old_starts[i2]
        new_start, new_end = new_starts[j1], new_starts[j2]
        old_start, old_end, new_start, new_end = _narrowed(index.text, new_text, old_start, old_end, new_start, new_end)
        edits.append(replacement(index, old_start, old_end, new_text[new_start:new_end]))
    return edits


def _starts(lines: list[str]) -> list[int]:
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    return starts


def _narrowed(old: str, new: str, old_start: int, old_end: int, new_start: int, new_end: int) -> tuple[int, ...]:
    """The spans less their common beginning and end."""
    while old_start < old_end and new_start < new_end and old[old_start] == new[new_start]:
        old_start, new_start = old_start + 1, new_start + 1
    while old_end > old_start and new_end > new_start and old[old_end - 1] == new[new_end - 1]:
        old_end, new_end = old_end - 1, new_end - 1
    return old_start, old_end, new_start, new_end


def _inside_crlf(text: str, offset: int) -> bool:
    return 0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n"
