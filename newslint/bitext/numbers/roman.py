"""Roman numerals, as levels and phases are numbered (Ⅱ级, level III, Phase II)."""

from __future__ import annotations

from newslint.regexes import lazy

_VALID = lazy(r"X{0,3}(?:IX|IV|V?I{0,3})", engine="re")  # 1 to 39: levels, phases, world wars
_VALUES = {"I": 1, "V": 5, "X": 10}
# Ⅰ to Ⅻ and ⅰ to ⅻ, one character each.
_CHARACTERS = {chr(0x2160 + index): index + 1 for index in range(12)} | {
    chr(0x2170 + index): index + 1 for index in range(12)
}
CHARACTERS = "".join(_CHARACTERS)


def roman_value(written: str) -> int | None:
    """The value of a Roman numeral written in capitals (or as one of Ⅰ to Ⅻ); None else."""
    if written in _CHARACTERS:
        return _CHARACTERS[written]
    if not written or not _VALID.fullmatch(written):
        return None
    total = 0
    for index, letter in enumerate(written):
        value = _VALUES[letter]
        following = _VALUES[written[index + 1]] if index + 1 < len(written) else 0
        total += -value if value < following else value
    return total
