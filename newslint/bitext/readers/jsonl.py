"""JSON Lines pairs: `{"source": "...", "target": "..."}` on each line (other keys are ignored,
blank lines skipped). The unit of a line is its line number. Positions are those of the
characters inside the JSON strings; an escape (\\n, \\u00e9) stands for its character."""

from __future__ import annotations

import json

from newslint.bitext.document import BilingualDocument
from newslint.bitext.readers.sides import Sides
from newslint.bitext.readers.tsv import lines
from newslint.errors import InputError

_DECODER = json.JSONDecoder()
_SIDES = ("source", "target")


def read(file_text: str, path: str, language: str | None = None) -> BilingualDocument:
    sides = Sides(file_text)
    for number, (start, end) in enumerate(lines(file_text), 1):
        if not file_text[start:end].strip():
            continue
        try:
            strings = _top_level_strings(file_text, start, end)
        except ValueError as error:
            raise InputError(path, f"line {number}: not a JSON object: {error}") from None
        for side in _SIDES:
            if side not in strings:
                raise InputError(path, f'line {number}: no "{side}" string')
        sides.begin(str(number), strings["target"][0])
        for side in _SIDES:
            for text, piece_start, piece_end in _pieces(file_text, *strings[side]):
                sides.add(side, text, piece_start, piece_end)
        sides.end()
    return sides.document(path, language, writable)


def writable(replacement: str) -> bool:
    """Text that can stand unescaped inside a JSON string."""
    return not any(char in '"\\' or ord(char) < 0x20 for char in replacement)


def _top_level_strings(text: str, start: int, end: int) -> dict[str, tuple[int, int]]:
    """Where the string values of the object on text[start:end] stand (inside their quotes),
    by key. Raises ValueError for what is not one JSON object."""

    def skip_space(position: int) -> int:
        while position < end and text[position] in " \t":
            position += 1
        return position

    def expect(position: int, what: str) -> None:
        if position >= end or text[position] not in what:
            raise ValueError(f"expected {' or '.join(repr(c) for c in what)} at column {position - start + 1}")

    def decode(position: int):
        try:
            value, after = _DECODER.raw_decode(text, position)
        except json.JSONDecodeError as error:
            if error.pos >= end:
                raise ValueError("the line ends inside a value") from None
            message = error.msg.removesuffix(" at")  # "Invalid control character at"
            raise ValueError(f"{message} (column {error.pos - start + 1})") from None
        if after > end:
            raise ValueError("the object does not end on its line")
        return value, after

    found: dict[str, tuple[int, int]] = {}
    position = skip_space(start)
    expect(position, "{")
    position = skip_space(position + 1)
    while position >= end or text[position] != "}":
        expect(position, '"')
        key, position = decode(position)
        position = skip_space(position)
        expect(position, ":")
        value_start = skip_space(position + 1)
        value, position = decode(value_start)
        if key in _SIDES:
            if isinstance(value, str):
                found[key] = (value_start + 1, position - 1)
            elif value is None:
                found[key] = (value_start, value_start)  # null: nothing yet
            else:
                raise ValueError(f'"{key}" is not a string')
        position = skip_space(position)
        expect(position, ",}")
        if text[position] == ",":
            position = skip_space(position + 1)
    if text[position + 1 : end].strip():
        raise ValueError("text after the object")
    return found


def _pieces(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The characters of the JSON string text[start:end] (inside the quotes): runs copied as
    they stand, and each escape with the character it stands for."""
    pieces = []
    run_start = position = start
    while position < end:
        if text[position] != "\\":
            position += 1
            continue
        if position > run_start:
            pieces.append((text[run_start:position], run_start, position))
        width = 6 if text[position + 1] == "u" else 2
        if width == 6 and text[position + 6 : position + 8] == "\\u":
            pair = json.loads(f'"{text[position : position + 12]}"')
            if len(pair) == 1:  # a surrogate pair: one character
                width = 12
        pieces.append((json.loads(f'"{text[position : position + width]}"'), position, position + width))
        position = run_start = position + width
    if end > run_start:
        pieces.append((text[run_start:end], run_start, end))
    return pieces
