"""The source language: given (--source-language, an XLIFF file's srcLang), or told from the
source's script -- Han is Chinese, Cyrillic Russian or Ukrainian (by the letters only
Ukrainian has), Latin script German, French, Spanish, Italian, Portuguese, Dutch or English by
their most common words. The language chooses how numbers are read (3,5 is three and a half in
German) and how long a translation should be."""

from __future__ import annotations

from collections import Counter

from newslint.regexes import lazy

SUPPORTED = ("zh", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "en")

_HAN = lazy(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]", engine="re")
_CYRILLIC = lazy(r"[\u0400-\u04ff]", engine="re")
_LATIN = lazy(r"[A-Za-z\u00c0-\u024f]", engine="re")
_UKRAINIAN_LETTERS = lazy(r"[іїєґІЇЄҐ]", engine="re")
_WORD = lazy(r"[^\W\d_]+", engine="re")
_COMMON_WORDS = {
    "de": {"der", "die", "das", "und", "nicht", "ist", "mit", "den", "ein", "eine", "auf", "für", "sich", "dem"},
    "fr": {"le", "la", "les", "et", "des", "est", "une", "dans", "du", "pour", "que", "qui", "sur", "pas", "au"},
    "es": {"el", "la", "los", "las", "y", "del", "que", "en", "por", "con", "una", "para", "es", "se", "al"},
    "it": {"il", "di", "che", "è", "della", "per", "una", "con", "gli", "del", "sono", "nel", "alla", "non"},
    "pt": {"o", "os", "as", "do", "da", "que", "em", "não", "uma", "com", "para", "dos", "ao", "é", "foi"},
    "nl": {"de", "het", "een", "en", "van", "niet", "dat", "is", "op", "voor", "met", "zijn", "ook", "aan"},
    "en": {"the", "and", "of", "to", "is", "in", "that", "for", "was", "with", "on", "said", "by", "it"},
}


def normalised(language: str) -> str:
    """ "zh-CN" -> "zh", "de_AT" -> "de": the primary subtag, in lowercase."""
    return language.replace("_", "-").split("-")[0].strip().lower()


def resolve(given: str | None, source_text: str) -> str:
    """The language given (normalised), or the one the source's script tells."""
    return normalised(given) if given else detect(source_text)


def detect(text: str) -> str:
    """The language of a source text from its script (and, for Latin script, its words);
    "und" when it cannot be told."""
    sample = text[:20_000]
    scripts = {
        "zh": len(_HAN.findall(sample)),
        "cyrillic": len(_CYRILLIC.findall(sample)),
        "latin": len(_LATIN.findall(sample)),
    }
    script = max(scripts, key=scripts.__getitem__)
    if scripts[script] == 0:
        return "und"
    if script == "zh":
        return "zh"
    if script == "cyrillic":
        return "uk" if _UKRAINIAN_LETTERS.search(sample) else "ru"
    votes: Counter[str] = Counter()
    for word in _WORD.findall(sample.lower()):
        for language, words in _COMMON_WORDS.items():
            if word in words:
                votes[language] += 1
    return votes.most_common(1)[0][0] if votes else "und"
