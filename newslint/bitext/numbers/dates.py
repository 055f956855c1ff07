"""Dates written in digits, as one unit: ISO dates (2020-10-03) everywhere, day.month.year in
the languages that write it so (3.10.2020, 03/10/2020, 3.10.), and Chinese dotted dates (7·20).
Read as separate numbers, their month would not agree with a month name ("October 3")."""

from __future__ import annotations

from newslint.bitext.numbers.mention import MONTH, NUMBER, Mention
from newslint.regexes import lazy

_ISO = lazy(r"(?<![\d.,/-])(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?![\d.,/-]?\d)", engine="re")
_DAY_MONTH_YEAR = lazy(
    r"(?<![\d.,/])(?P<day>\d{1,2})[./](?P<month>\d{1,2})(?:[./](?P<year>\d{4}|\d{2})(?![\d.,]?\d)|\.(?!\d))",
    engine="re",
)
_MONTH_DOT_DAY = lazy(r"(?<![\d.])(?P<month>\d{1,2})[·•・](?P<day>\d{1,2})(?!\d)", engine="re")


def iso_dates(text: str) -> list[Mention]:
    return [mention for match in _ISO.finditer(text) for mention in _date(match)]


def day_month_year_dates(text: str) -> list[Mention]:
    return [mention for match in _DAY_MONTH_YEAR.finditer(text) for mention in _date(match)]


def month_dot_day_dates(text: str) -> list[Mention]:
    """7·20 (the 20th of July), as Chinese copy names events and dates."""
    return [mention for match in _MONTH_DOT_DAY.finditer(text) for mention in _date(match)]


def _date(match) -> list[Mention]:
    day, month = int(match.group("day")), int(match.group("month"))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return []
    found = [
        Mention(match.start("day"), match.end("day"), frozenset({float(day)})),
        Mention(match.start("month"), match.end("month"), frozenset({float(month)}), kind=MONTH),
    ]
    year = match.groupdict().get("year")
    if year:
        value = int(year) + (0 if len(year) == 4 else 2000 if int(year) < 50 else 1900)
        found.append(Mention(match.start("year"), match.end("year"), frozenset({float(value)}), kind=NUMBER))
    return sorted(found, key=lambda mention: mention.start)
