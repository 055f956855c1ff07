"""Numbers in English copy: digits with thousands commas and scale words (280 million, $1.2bn,
1.2 crore), spelled-out numbers (twelve, twenty-three, a hundred), ordinals (23rd, first),
decades (the 1990s), percentages, month names (July 24) and clock times (19:54, 7:54 p.m.).

Numbers written as words, ordinals written as words and month names only absorb their
counterparts: "one of", "first" and "May" are not always numbers, and a translation that
drops them is not wrong for it.
"""

from __future__ import annotations

from newslint.bitext.numbers import dates
from newslint.bitext.numbers.mention import (
    DATE_YEAR,
    HOUR,
    MINUTE,
    MONTH,
    NUMBER,
    Mention,
    Taken,
    ending_at,
    is_code,
    scaled,
)
from newslint.bitext.numbers.roman import roman_value
from newslint.regexes import lazy

_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
    "hundredth": 100, "thousandth": 1000,
}  # fmt: skip
_MULTIPLIERS = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_OTHER_WORDS = {
    "twice": 2, "once": 1, "dozen": 12, "decade": 10, "half": 0.5, "double": 2, "doubled": 2, "doubling": 2, "triple": 3,
    "tripled": 3, "quadruple": 4, "quadrupled": 4,
}  # fmt: skip
# Scale words after digits; "m" and "k" are also metres and kilo-, so they add a reading.
SCALE_WORDS = {
    "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "lakh": 10**5, "lakhs": 10**5,
    "crore": 10**7, "crores": 10**7, "bn": 10**9, "mn": 10**6, "mln": 10**6, "bln": 10**9, "tn": 10**12,
    "trn": 10**12, "m": 10**6, "k": 10**3, "hundred": 100,
}  # fmt: skip
_AMBIGUOUS_SCALES = frozenset({"m", "k"})
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_SUFFIXES = frozenset(
    {"st", "nd", "rd", "th", "s", "am", "pm", "km", "kg", "m", "cm", "mm", "g", "mg", "t", "bn", "mn", "mln", "k",
     "h", "min", "ml", "l", "mw", "gw", "kw", "kwh", "ha", "ft", "mph", "kmh", "mi", "lb", "lbs", "oz", "sq", "tn",
     "x", "f"}
)  # fmt: skip

_SCALE = "|".join(sorted(SCALE_WORDS, key=len, reverse=True))
_DIGITS = lazy(
    r"(?<![\d.,])(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d|[.,]\d)"
    r"(?P<ending>st|nd|rd|th|s|'s)?"
    rf"(?P<scale>[\s-]?(?i:{_SCALE})\b)?"
    r"(?P<percent>\s?(?:%|per\s?cent\b|pc\b))?",
    engine="re",
)
_TIME = lazy(
    r"(?<![\w.:])(?P<hour>\d{1,2})(?:\s?:\s?(?P<minute>\d{2})|\.(?P<dot_minute>\d{2})(?=\s?[ap]\.?m\b))?"
    r"(?P<meridiem>\s?[ap]\.?m\b\.?)?",
    engine="re",
)
_WORD = "|".join(sorted([*_ONES, *_TENS, *_MULTIPLIERS], key=len, reverse=True))
_SPELLED = lazy(
    rf"\b(?:(?:{'|'.join(_TENS)})-)?(?:{'|'.join(_ORDINALS)})\b"
    rf"|\b(?:{'|'.join(_OTHER_WORDS)})\b"
    rf"|\b(?:an?\s+(?=(?:{'|'.join(_MULTIPLIERS)})\b))?(?:{_WORD})(?:[\s-]+(?:and[\s-]+)?(?:{_WORD}))*\b",
    engine="re",
    flags=2,  # IGNORECASE
)
# Roman numerals: two letters or more (II, XIV), or one after a word that numbers (level I).
_ROMAN = lazy(
    r"\b(?:(?<=\b(?i:level|phase|grade|class|category|type|stage|tier|part|war) )[IVX]|[IVX]{2,6})\b",
    engine="regex",
)
_MONTH = lazy(rf"\b(?P<month>{'|'.join(sorted(MONTHS, key=len, reverse=True))})\b\.?", engine="re", flags=2)
_MAY_CONTEXT = lazy(r"(?:\b(?:in|of|since|until|by|from|to|early|late|mid|last|this|next|between)[\s-]+$)", engine="re")
_DAY_AFTER = lazy(r"\.?\s\d{1,2}\b", engine="re")
_DAY_BEFORE = lazy(r"\b\d{1,2}(?:st|nd|rd|th)?\s(?:of\s)?$", engine="re")
_SEASON = lazy(r"\b(?P<century>\d{2})\d{2}[-–/]$", engine="re")
_YEAR_AFTER_DATE = lazy(rf"(?:{'|'.join(MONTHS)})\.?(?:\s\d{{1,2}}(?:st|nd|rd|th)?)?,?\s$", engine="re", flags=2)


def mentions(text: str) -> list[Mention]:
    """Every number in a segment of English, in order of position."""
    found: list[Mention] = []
    taken = Taken()
    taken.add(found, dates.iso_dates(text))
    for match in _TIME.finditer(text):
        if (match.group("minute") or match.group("meridiem")) and taken.free(*match.span()):
            found.extend(_time(match))
            taken.take(*match.span())
    for match in _DIGITS.finditer(text):
        number_end = match.end("number")
        ending = match.group("ending") or ""
        if taken.free(*match.span()) and not is_code(text, match.start(), number_end + len(ending), _SUFFIXES):
            taken.add(found, [_digits(text, match)])
    for match in _SPELLED.finditer(text):
        mention = _spelled(match) if taken.free(*match.span()) else None
        if mention is not None:
            taken.add(found, [mention])
    for match in _ROMAN.finditer(text):
        value = roman_value(match.group())
        if value is not None and taken.free(*match.span()):
            found.append(Mention(match.start(), match.end(), frozenset({float(value)}), False))
    for match in _MONTH.finditer(text):
        if taken.free(*match.span()) and _is_month(text, match):
            month = frozenset({float(MONTHS[match["month"].lower()])})
            found.append(Mention(match.start(), match.end(), month, False, kind=MONTH))
    found.sort(key=lambda mention: (mention.start, mention.end))
    return found


def _time(match) -> list[Mention]:
    hour = int(match.group("hour"))
    if hour > 24:
        return []
    meridiem = (match.group("meridiem") or "").strip().lower()
    hours = {hour + 12 if meridiem.startswith("p") and hour < 12 else hour}
    if not meridiem:
        hours.add(hour + 12 if hour < 12 else hour - 12)
    if hour in (0, 24):
        hours |= {0, 24}
    found = [Mention(match.start(), match.end("hour"), frozenset(float(h) for h in hours), kind=HOUR)]
    minute_text = match.group("minute") or match.group("dot_minute")
    if minute_text:
        minute = int(minute_text)
        start = match.start("minute") if match.group("minute") else match.start("dot_minute")
        found.append(Mention(start, start + 2, frozenset({float(minute)}), minute > 0, kind=MINUTE))
    return found


def _digits(text: str, match) -> Mention:
    digits = match.group("number").replace(",", "")
    scale_word = (match.group("scale") or "").strip(" -.\u00a0").lower()
    scale = SCALE_WORDS.get(scale_word, 1)
    value, tolerance = scaled(digits, scale)
    values = {value}
    if scale_word in _AMBIGUOUS_SCALES:
        values.add(float(digits))  # 50m: 50 million, or 50 metres
        tolerance = 0.0
    ending = match.group("ending") or ""
    season = ending_at(_SEASON, text, match.start())
    if season and len(digits) == 2:  # 2019-20: the year 2020
        values.add(float(season.group("century") + digits))
    if ending in ("", "s") and scale == 1 and _is_year_after_date(text, match.start(), digits):
        return Mention(match.start(), match.end(), frozenset(values), False, kind=DATE_YEAR)
    return Mention(match.start(), match.end(), frozenset(values), value != 0, tolerance, NUMBER)


def _is_year_after_date(text: str, start: int, digits: str) -> bool:
    """A year that completes a date ("July 18, 2020", "in July 2020"): translators add the
    year a reader needs, which the source left to its dateline."""
    return (
        len(digits) == 4
        and digits.isdigit()
        and 1900 <= int(digits) <= 2100
        and bool(ending_at(_YEAR_AFTER_DATE, text, start))
    )


def _spelled(match) -> Mention | None:
    words = [word for word in match.group().lower().replace("-", " ").split() if word != "and"]
    if len(words) == 1 and words[0] in _OTHER_WORDS:
        return Mention(match.start(), match.end(), frozenset({float(_OTHER_WORDS[words[0]])}), False)
    if words[-1] in _ORDINALS:
        value = _ORDINALS[words[-1]] + (_TENS[words[0]] if len(words) == 2 else 0)
        return Mention(match.start(), match.end(), frozenset({float(value)}), False)
    if all(word in ("a", "an") for word in words):
        return None
    total, current = 0, 0
    for word in words:
        if word in ("a", "an"):
            current = 1
        elif word in _ONES:
            current += _ONES[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        else:
            total += (current or 1) * _MULTIPLIERS[word]
            current = 0
    return Mention(match.start(), match.end(), frozenset({float(total + current)}), False)


def _is_month(text: str, match) -> bool:
    """A month name, not the verb "may" or "march": next to a day, or after "in", "since" ..."""
    word = match.group("month")
    if word.lower() not in ("may", "mar", "march", "jan", "dec", "sep") and word[0].isupper():
        return True
    if not word[0].isupper():
        return False
    return bool(
        _DAY_AFTER.match(text, match.end("month"))
        or _DAY_BEFORE.search(text, max(0, match.start() - 12), match.start())
        or _MAY_CONTEXT.search(text, max(0, match.start() - 12), match.start())
    )
