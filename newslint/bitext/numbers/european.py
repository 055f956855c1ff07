"""Numbers in German, French, Spanish, Italian, Portuguese, Dutch, Russian and Ukrainian copy:
decimal commas and thousands dots or spaces (3,5 Millionen = 3.5 million; 1.200 and 1 200 =
1,200), scale words (Millionen, Mio., millones, mil millones, миллионов, млрд), percent words,
ordinal endings (3., 1er, 1.º, 5-го), month names, clock times (19.30 Uhr, 19h30) and small
numbers written as words (zwölf, trois).

Where a form could be read two ways (a comma before three digits: German 1,200 is 1.2, an
English-style 1,200 is twelve hundred), both readings are kept.
"""

from __future__ import annotations

from functools import cache
from re import escape as regex_escape

from newslint.bitext.numbers import dates
from newslint.bitext.numbers.mention import HOUR, MINUTE, MONTH, NUMBER, Mention, Taken, ending_at, is_code, scaled
from newslint.regexes import LazyPattern, lazy

# Scale words per language, lowercase; a trailing "." is allowed after abbreviations.
_SCALES: dict[str, dict[str, float]] = {
    "de": {"tausend": 1e3, "tsd": 1e3, "million": 1e6, "millionen": 1e6, "mio": 1e6, "milliarde": 1e9,
           "milliarden": 1e9, "mrd": 1e9, "billion": 1e12, "billionen": 1e12, "bio": 1e12},
    "fr": {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "md": 1e9,
           "mds": 1e9, "mrd": 1e9, "billion": 1e12, "billions": 1e12},
    "es": {"mil millones": 1e9, "mil": 1e3, "millón": 1e6, "millones": 1e6, "millardo": 1e9, "millardos": 1e9,
           "billón": 1e12, "billones": 1e12},
    "it": {"mila": 1e3, "milione": 1e6, "milioni": 1e6, "mln": 1e6, "miliardo": 1e9, "miliardi": 1e9, "mld": 1e9},
    "pt": {"mil": 1e3, "milhão": 1e6, "milhões": 1e6, "bilhão": 1e9, "bilhões": 1e9, "bilião": 1e12,
           "biliões": 1e12},
    "nl": {"duizend": 1e3, "miljoen": 1e6, "mln": 1e6, "miljard": 1e9, "mld": 1e9, "biljoen": 1e12},
    "ru": {"тысяча": 1e3, "тысячи": 1e3, "тысяч": 1e3, "тыс": 1e3, "миллион": 1e6, "миллиона": 1e6,
           "миллионов": 1e6, "млн": 1e6, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9, "млрд": 1e9,
           "триллион": 1e12, "триллиона": 1e12, "триллионов": 1e12, "трлн": 1e12},
    "uk": {"тисяча": 1e3, "тисячі": 1e3, "тисяч": 1e3, "тис": 1e3, "мільйон": 1e6, "мільйони": 1e6,
           "мільйонів": 1e6, "мільйона": 1e6, "млн": 1e6, "мільярд": 1e9, "мільярди": 1e9, "мільярдів": 1e9,
           "мільярда": 1e9, "млрд": 1e9, "трильйон": 1e12, "трлн": 1e12},
}  # fmt: skip
_PERCENT_WORDS = (
    r"%|prozent|pour\s?cent|por\s?ciento|per\s?cento|por\s?cento|procent|процент(?:а|ов)?|відсот(?:ок|ки|ків)"
)
_MONTHS: dict[str, tuple[str, ...]] = {
    "de": ("januar|jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
           "november", "dezember"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre|setiembre",
           "octubre", "noviembre", "diciembre"),
    "it": ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
           "novembre", "dicembre"),
    "pt": ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
           "novembro", "dezembro"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"),
    "ru": ("январ[ьяе]", "феврал[ьяе]", "марта?|марте", "апрел[ьяе]", "ма[йяе]", "июн[ьяе]", "июл[ьяе]",
           "августа?|августе", "сентябр[ьяе]", "октябр[ьяе]", "ноябр[ьяе]", "декабр[ьяе]"),
    "uk": ("січ(?:ня|ень|ні)", "лют(?:ого|ий|ому)", "берез(?:ня|ень|ні)", "квіт(?:ня|ень|ні)", "трав(?:ня|ень|ні)",
           "черв(?:ня|ень|ні)", "лип(?:ня|ень|ні)", "серп(?:ня|ень|ні)", "верес(?:ня|ень|ні)", "жовт(?:ня|ень|ні)",
           "листопад(?:а|і)?", "груд(?:ня|ень|ні)"),
}  # fmt: skip
# Small numbers as words, which a translation may write in digits ("zwölf" -> "12"): they only
# answer for their counterparts, as "one" and 一 do.
_WORDS: dict[str, dict[str, int]] = {
    "de": {"eins": 1, "ein": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
           "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20, "hundert": 100,
           "tausend": 1000},
    "fr": {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
           "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "vingt": 20, "cent": 100, "mille": 1000},
    "es": {"uno": 1, "una": 1, "un": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
           "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "veinte": 20, "cien": 100, "mil": 1000},
    "it": {"uno": 1, "una": 1, "un": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7,
           "otto": 8, "nove": 9, "dieci": 10, "undici": 11, "dodici": 12, "venti": 20, "cento": 100, "mille": 1000},
    "pt": {"um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7,
           "oito": 8, "nove": 9, "dez": 10, "onze": 11, "doze": 12, "vinte": 20, "cem": 100, "mil": 1000},
    "nl": {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
           "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "twintig": 20, "honderd": 100, "duizend": 1000},
    "ru": {"один": 1, "одна": 1, "одно": 1, "два": 2, "две": 2, "двух": 2, "три": 3, "трёх": 3, "трех": 3,
           "четыре": 4, "четырёх": 4, "четырех": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7,
           "семи": 7, "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9, "десять": 10, "десяти": 10,
           "одиннадцать": 11, "двенадцать": 12, "двадцать": 20, "сто": 100, "тысяча": 1000},
    "uk": {"один": 1, "одна": 1, "одне": 1, "два": 2, "дві": 2, "двох": 2, "три": 3, "трьох": 3, "чотири": 4,
           "чотирьох": 4, "п'ять": 5, "п’ять": 5, "шість": 6, "сім": 7, "вісім": 8, "дев'ять": 9, "дев’ять": 9,
           "десять": 10, "одинадцять": 11, "дванадцять": 12, "двадцять": 20, "сто": 100, "тисяча": 1000},
}  # fmt: skip
# Endings that make a number an ordinal or give its unit; other letters make a code.
_SUFFIXES = frozenset(
    {"er", "re", "e", "ème", "eme", "es", "º", "ª", "o", "a", "os", "as", "km", "kg", "m", "cm", "mm", "g", "t",
     "h", "min", "ha", "mw", "gw", "kw", "kwh", "й", "го", "е", "я", "м", "х", "ми", "ї", "ий", "ого", "ті",
     "ten", "te", "sten", "ste", "de"}
)  # fmt: skip
SUPPORTED = frozenset(_SCALES)
# Decades written with two digits: die 90er Jahre, les années 90, los años 90, gli anni 90.
_DECADE = lazy(r"er\b", engine="regex")
_DECADE_WORD = lazy(r"\b(?:années|años|anni|anos)\s$", engine="regex", flags=2)
# A month name next to a day (3. Oktober, 1er mai, 5 марта, 3 de octubre) is part of a date a
# translation must keep; alone ("im Mai") it may go unsaid.
_DAY_BEFORE = lazy(r"\b\d{1,2}(?:\.|er|e|º|ª|-го)?\s(?:de\s)?$", engine="regex")
_DAY_AFTER = lazy(r"\s\d{1,2}\b", engine="regex")
DECIMAL_COMMA = SUPPORTED  # every one of these writes 3,5 for three and a half

_NUMBER = lazy(
    r"(?<![\w.,])(?P<number>\d{1,3}(?:(?:[.,'’\u00a0\u202f\u2009]|\s(?=\d{3}\b))\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?![.,]?\d)",
    engine="regex",
)
_TIME = lazy(
    r"(?<![\w.,:])(?P<hour>\d{1,2})\s?(?:(?::|h\s?|\.(?=\d{2}\s?Uhr))(?P<minute>\d{2})(?:\s?Uhr|\s?h\b)?|\s?(?:Uhr|h)\b)",
    engine="regex",
)


def mentions(text: str, language: str) -> list[Mention]:
    """Every number in a segment of one of the SUPPORTED languages, in order of position."""
    scales = _SCALES.get(language, {})
    scale_pattern, percent_pattern = _patterns(language)
    found: list[Mention] = []
    taken = Taken()
    taken.add(found, dates.iso_dates(text))
    taken.add(found, dates.day_month_year_dates(text))
    for match in _TIME.finditer(text):
        if taken.free(*match.span()):
            found.extend(_time(match))
            taken.take(*match.span())
    for match in _NUMBER.finditer(text):
        if not taken.free(*match.span()) or is_code(text, match.start(), match.end(), _SUFFIXES):
            continue
        end, scale, tolerance_digits = match.end(), 1.0, None
        scale_match = scale_pattern.match(text, end) if scale_pattern else None
        if scale_match:
            scale = scales[" ".join(scale_match.group("scale").lower().split())]
            end = scale_match.end()
        percent_match = percent_pattern.match(text, end)
        if percent_match:
            end = percent_match.end()
        values, tolerance = set(), 0.0
        decimal_comma = (language in DECIMAL_COMMA) if language in SUPPORTED else None
        for reading in readings(match.group("number"), decimal_comma):
            value, tolerance_digits = scaled(reading, scale)
            values.add(value)
            tolerance = max(tolerance, tolerance_digits)
        if _DECADE.match(text, match.end()) or ending_at(_DECADE_WORD, text, match.start()):
            values |= {1900 + value if value >= 30 else 2000 + value for value in values if value < 100}
        found.append(Mention(match.start(), end, frozenset(values), 0 not in values, tolerance, NUMBER))
    found.extend(_months(text, language))
    found.extend(_words(text, language))
    found.sort(key=lambda mention: (mention.start, mention.end))
    return found


def _words(text: str, language: str) -> list[Mention]:
    pattern = _word_pattern(language)
    if pattern is None:
        return []
    words = _WORDS[language]
    return [
        Mention(match.start(), match.end(), frozenset({float(words[match.group().lower()])}), False)
        for match in pattern.finditer(text)
    ]


def readings(written: str, decimal_comma: bool | None) -> list[str]:
    """The plain-digit readings of a number as written: "3,5" -> ["3.5"], "1.200" -> ["1200"],
    "1 200" -> ["1200"], "1,200" -> ["1.2", "1200"] (decimal comma language) or ["1200"].
    decimal_comma=None: the language's convention is unknown, and a lone separator before three
    digits reads both ways."""
    compact = "".join(char for char in written if char not in "'’\u00a0\u202f\u2009 ")
    separators = [char for char in compact if char in ".,"]
    if not separators:
        return [compact]
    if len(separators) > 1:
        last = separators[-1]
        whole, fraction = compact.rsplit(last, 1)
        if all(char != last for char in whole) and len(fraction) != 3:
            return [whole.replace("." if last == "," else ",", "") + "." + fraction]
        return [compact.replace(".", "").replace(",", "")]
    separator = separators[0]
    whole, fraction = compact.split(separator)
    grouped = len(fraction) == 3
    if not grouped:
        return [f"{whole}.{fraction}"]
    decimal_sign = "," if decimal_comma else "."
    if decimal_comma is None or separator == decimal_sign:
        return [f"{whole}.{fraction}", whole + fraction]  # 1,200 in German: 1.2, or twelve hundred
    return [whole + fraction]


def _time(match) -> list[Mention]:
    hour = int(match.group("hour"))
    if hour > 24:
        return []
    hours = {hour, hour + 12 if hour < 12 else hour - 12}
    found = [Mention(match.start(), match.end("hour"), frozenset(float(h) for h in hours), kind=HOUR)]
    if match.group("minute"):
        minute = int(match.group("minute"))
        found.append(
            Mention(match.start("minute"), match.end("minute"), frozenset({float(minute)}), minute > 0, kind=MINUTE)
        )
    return found


def _months(text: str, language: str) -> list[Mention]:
    pattern = _month_pattern(language)
    if pattern is None:
        return []
    found = []
    for match in pattern.finditer(text):
        number = next(index for index, name in enumerate(match.groups(), 1) if name)
        dated = bool(ending_at(_DAY_BEFORE, text, match.start()) or _DAY_AFTER.match(text, match.end()))
        found.append(Mention(match.start(), match.end(), frozenset({float(number)}), dated, kind=MONTH))
    return found


@cache
def _patterns(language: str) -> tuple[LazyPattern | None, LazyPattern]:
    """The language's scale words and percent words, as they may follow a number."""
    scales = _SCALES.get(language, {})
    words = "|".join(sorted((word.replace(" ", r"\s") for word in scales), key=len, reverse=True))
    scale = lazy(rf"[\s\u00a0]?(?P<scale>{words})\b\.?", engine="regex", flags=2) if scales else None
    return scale, lazy(rf"[\s\u00a0]?(?:{_PERCENT_WORDS})\b", engine="regex", flags=2)


@cache
def _word_pattern(language: str) -> LazyPattern | None:
    words = _WORDS.get(language)
    if not words:
        return None
    alternatives = "|".join(sorted((regex_escape(word) for word in words), key=len, reverse=True))
    return lazy(rf"(?<![\w'’])(?:{alternatives})(?![\w'’])", engine="regex", flags=2)


@cache
def _month_pattern(language: str) -> LazyPattern | None:
    names = _MONTHS.get(language)
    if not names:
        return None
    return lazy(r"\b(?:" + "|".join(f"({name})" for name in names) + r")\b", engine="regex", flags=2)
