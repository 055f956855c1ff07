"""Numbers in Chinese copy: Arabic digits with scale characters (2.8亿, 1316.9万), Chinese
numerals (二十三, 三千五百万, 二〇二〇), ranges (五六百 = 500 to 600), percentages (百分之五十,
42.5%), tenths (三成 = 30%), dates (7月24日), clock times (19时54分, 四点半) and Roman
numerals of levels (Ⅱ级, III类).

A Chinese numeral is often no number at all in English: 一 is "a", 两国 "both countries",
四川 a province, 十分 "very". Small numerals written in characters therefore only absorb their
counterparts (see Mention.reportable); numerals of ten and more, digits, and percentages are
values a translation must keep.
"""

from __future__ import annotations

from newslint.bitext.numbers import dates
from newslint.bitext.numbers.mention import HOUR, MINUTE, MONTH, NUMBER, Mention, Taken, is_code, scaled
from newslint.bitext.numbers.roman import CHARACTERS, roman_value
from newslint.regexes import lazy

_DIGIT_VALUES = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_SCALES = {"万": 10**4, "亿": 10**8}
_NUMERAL = "零〇一二两三四五六七八九十百千万亿"
_DIGIT_CHARS = "零〇一二两三四五六七八九"

# Units written after digits in Chinese copy (5km, 30kg); other letters make a code (5G, 4K).
_UNIT_SUFFIXES = frozenset(
    {"km", "kg", "m", "cm", "mm", "g", "mg", "t", "ml", "l", "w", "kw", "mw", "gw", "kwh", "h", "min", "s", "ms"}
)

_ARABIC = r"(?:[0-9０-９]{1,3}(?:,[0-9]{3})+|[0-9０-９]+)(?:[.．][0-9０-９]+)?"
_CHINESE = rf"[{_NUMERAL}]+"
_TIME = lazy(
    rf"(?<![0-9０-９.．,])(?P<hour>[0-9０-９]{{1,2}}|[{_DIGIT_CHARS}十]{{1,3}})(?P<marker>时|點|点钟|点)"
    rf"(?:(?P<minute>[0-9０-９]{{1,2}}|[{_DIGIT_CHARS}十]{{1,3}})分|(?P<half>半)|(?![0-9０-９{_DIGIT_CHARS}]))",
    engine="re",
)
_PERCENT_WORD = lazy(rf"百分之(?P<number>{_ARABIC}|[{_NUMERAL}]+(?:点[{_DIGIT_CHARS}]+)?)", engine="re")
_ARABIC_NUMBER = lazy(
    rf"(?<![0-9０-９.．])(?P<number>{_ARABIC})(?![0-9０-９]|[.．,][0-9])"
    rf"(?P<about>[余多])?(?P<scale>万亿|[十百千]?[万亿]|[百千](?![米克瓦]))?"
    r"(?P<percent>\s?[%％])?",
    engine="re",
)
_CHINESE_NUMBER = lazy(rf"(?<![几数])(?P<number>{_CHINESE}(?:点[{_DIGIT_CHARS}]+)?)", engine="re")
# Ⅱ级, II级, III类: levels and classes, in Roman numerals before a Chinese word.
_ROMAN = lazy(rf"[{CHARACTERS}]|(?<![A-Za-z])[IVX]{{1,6}}(?=[\u4e00-\u9fff])", engine="re")
_RANGE_SIGN = lazy(r"\s*[-~～—–至到]\s*", engine="re")


def mentions(text: str) -> list[Mention]:
    """Every number in a segment of Chinese, in order of position."""
    found: list[Mention] = []
    taken = Taken()
    taken.add(found, dates.iso_dates(text))
    taken.add(found, dates.month_dot_day_dates(text))
    for match in _PERCENT_WORD.finditer(text):
        value = _any_value(match.group("number"))
        if value is not None and taken.free(*match.span()):
            taken.add(found, [Mention(match.start(), match.end(), frozenset({value}))])
    for match in _TIME.finditer(text):
        if taken.free(*match.span()):
            found.extend(_time(match))
            taken.take(*match.span())
    for match in _ARABIC_NUMBER.finditer(text):
        number_end = match.start("number") + len(match["number"])
        if taken.free(*match.span()) and not is_code(text, match.start(), number_end, _UNIT_SUFFIXES):
            taken.add(found, [_arabic(text, match)])
    for match in _CHINESE_NUMBER.finditer(text):
        if taken.free(*match.span()):
            found.extend(_chinese(text, match.start(), match.group()))
    for match in _ROMAN.finditer(text):
        value = roman_value(match.group())
        if value is not None:
            found.append(Mention(match.start(), match.end(), frozenset({float(value)})))
    found.sort(key=lambda mention: (mention.start, mention.end))
    return _with_shared_scales(text, found)


def _time(match) -> list[Mention]:
    hour = _any_value(match.group("hour"))
    if hour is None or hour > 24:
        return []
    hours = {hour, hour + 12 if hour < 12 else hour - 12}
    hour_written = match.group("hour")
    reportable = hour_written[0].isdigit() or hour >= 10 and len(hour_written) > 1
    mentions = [Mention(match.start("hour"), match.end("marker"), frozenset(hours), reportable, kind=HOUR)]
    if match.group("minute"):
        minute = _any_value(match.group("minute"))
        if minute is not None:
            mentions.append(
                Mention(match.start("minute"), match.end("minute"), frozenset({minute}), minute > 0, kind=MINUTE)
            )
    elif match.group("half"):
        mentions.append(Mention(match.start("half"), match.end("half"), frozenset({30.0}), False, kind=MINUTE))
    return mentions


def _arabic(text: str, match) -> Mention:
    digits = _normalised(match.group("number"))
    scale = 1
    for char in match.group("scale") or "":
        scale *= _UNITS.get(char, 1) * _SCALES.get(char, 1)
    value, tolerance = scaled(digits, scale)
    values = {value}
    after = text[match.end() : match.end() + 1]
    kind = MONTH if after == "月" and not match.group("scale") else NUMBER
    if after == "成" and not match.group("percent"):
        values |= {value * 10, value / 10}  # 3成: three tenths, 30%
    elif after == "倍":
        values.add(value + 1)  # 增长1倍: grew by 100%, doubled
    elif after in ("后", "年") and len(digits) == 2 and text[match.end() : match.end() + 2] != "年前":
        values.add(value + (1900 if value >= 30 else 2000))  # 90后: born in the 1990s
    return Mention(
        match.start(), match.end(), frozenset(values), value != 0 and not _lone_day(text, match), tolerance, kind
    )


def _lone_day(text: str, match) -> bool:
    """A day of the month without its month (26日称, "said on the 26th"): a translation may name
    the weekday instead, or leave the day to the dateline."""
    return (
        text[match.end() : match.end() + 1] in ("日", "号") and text[max(0, match.start() - 1) : match.start()] != "月"
    )


def _normalised(digits: str) -> str:
    """ASCII digits with a decimal point and no thousands separators (full width ０-９ too)."""
    ascii_digits = "".join(str(int(char)) if char.isdigit() else char for char in digits)
    return ascii_digits.replace(",", "").replace("．", ".")


def _any_value(written: str) -> float | None:
    """The value of digits or of one Chinese numeral (with 点 as the decimal point)."""
    if written[0].isdigit():
        return float(_normalised(written))
    whole, _, fraction = written.partition("点")
    value = _numeral_value(whole)
    if value is None:
        return None
    if fraction:
        value += float("0." + "".join(str(_DIGIT_VALUES[char]) for char in fraction))
    return value


def _chinese(text: str, start: int, run: str) -> list[Mention]:
    """Mentions of one run of numeral characters: a number, a range, or several small ones."""
    if not any(char in _DIGIT_CHARS for char in run) and run[0] != "十":
        # 百人 is a hundred people, but 百姓, 千万 and 万达 are words: an answer only.
        value = _numeral_value(run)
        return [Mention(start, start + len(run), frozenset({value}), False)] if value else []
    after = text[start + len(run) : start + len(run) + 1]
    kind = MONTH if after == "月" else NUMBER
    if "点" in run:  # 三点五: a decimal, written to be exact
        value = _any_value(run)
        return [] if value is None else [Mention(start, start + len(run), frozenset({value}))]
    if (
        all(char in _DIGIT_CHARS for char in run)
        and len(run) > 1
        and ("〇" in run or (len(run) == 4 and after == "年"))
    ):
        value = float("".join(str(_DIGIT_VALUES[char]) for char in run))  # 二〇二〇年: digit by digit
        return [Mention(start, start + len(run), frozenset({value}), True, kind=kind)]
    found = []
    for offset, piece in _pieces(run):
        piece_start = start + offset
        readings = _range(piece)
        if readings is None:
            value = _numeral_value(piece)
            if value is None:
                continue
            readings = [value]
        for index, value in enumerate(readings):
            # The second end of a range (五六百: 600) may go unsaid: "about 500".
            reportable = index == 0 and value >= 10 and len(piece) > 1
            values = {value}
            if index == 0 and len(readings) == 2:
                values.add(float(_DIGIT_VALUES[next(c for c in piece if c in _DIGIT_CHARS and c not in "零〇")]))
            if after == "成" and len(piece) == 1:
                values |= {value * 10, value / 10}
            found.append(Mention(piece_start, piece_start + len(piece), frozenset(values), reportable, kind=kind))
    return found


def _pieces(run: str) -> list[tuple[int, str]]:
    """A run cut where two digit characters meet that make neither a range (五六) nor a zero
    filler (一千零五): 十三五 -> 十三, 五; 五四 -> 五, 四."""
    pieces, start, ranged = [], 0, False
    for index in range(1, len(run)):
        before, char = run[index - 1], run[index]
        if before not in _DIGIT_CHARS or char not in _DIGIT_CHARS:
            continue
        filler = before in "零〇" and index >= 2 and run[index - 2] in "十百千万亿"
        consecutive = _DIGIT_VALUES[char] == _DIGIT_VALUES[before] + 1 and before not in "零〇"
        if filler or (consecutive and not ranged):
            ranged = ranged or consecutive
            continue
        pieces.append((start, run[start:index]))
        start, ranged = index, False
    pieces.append((start, run[start:]))
    return pieces


def _range(piece: str) -> list[float] | None:
    """五六百 -> [500, 600]; 十五六 -> [15, 16]; None when the piece is no range."""
    for index in range(len(piece) - 1):
        first, second = piece[index], piece[index + 1]
        if (
            first in _DIGIT_CHARS
            and second in _DIGIT_CHARS
            and first not in "零〇"
            and _DIGIT_VALUES[second] == _DIGIT_VALUES[first] + 1
        ):
            prefix, suffix = piece[:index], piece[index + 2 :]
            low, high = _numeral_value(prefix + first + suffix), _numeral_value(prefix + second + suffix)
            if low is None or high is None:
                return None
            return [low, high]
    return None


def _numeral_value(numeral: str) -> float | None:
    """二十三 -> 23, 三千五百万 -> 35000000, 十 -> 10; None for what is no numeral."""
    if not numeral:
        return None
    total = 0  # whole groups of 亿
    myriads = 0  # the group of 万 under way
    section = 0  # below 万
    digit: int | None = None
    for char in numeral:
        if char in _DIGIT_VALUES:
            digit = _DIGIT_VALUES[char]
        elif char in _UNITS:
            section += (1 if digit is None else digit) * _UNITS[char]
            digit = None
        elif char == "万":
            myriads = (myriads + section + (digit or 0)) * 10**4
            section, digit = 0, None
        elif char == "亿":
            total = (total + myriads + section + (digit or 0)) * 10**8
            myriads, section, digit = 0, 0, None
        else:
            return None
    return float(total + myriads + section + (digit or 0))


def _with_shared_scales(text: str, found: list[Mention]) -> list[Mention]:
    """5-6万 is 50,000 to 60,000: the first number of a range shares the scale of the second."""
    for index in range(len(found) - 1):
        first, second = found[index], found[index + 1]
        between = text[first.end : second.start]
        if not between or not _RANGE_SIGN.fullmatch(between) or first.tolerance or not second.tolerance:
            continue
        second_digits = _ARABIC_NUMBER.match(text, second.start)
        if second_digits is None:
            continue
        scale = max(second.values) / float(_normalised(second_digits.group("number")) or 1)
        found[index] = Mention(
            first.start,
            first.end,
            first.values | {value * scale for value in first.values},
            first.reportable,
            second.tolerance,
            first.kind,
        )
    return found
