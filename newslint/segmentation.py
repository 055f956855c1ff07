"""Sentences, words and URLs of a paragraph, found once per document.

Sentence ends are found the way an editor reads them: a period after "Mr", "U.S" or an initial
does not end a sentence, an ellipsis does only when a capital follows, and `"Why?" she asked`
is one sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from itertools import accumulate, repeat

from newslint import lazy_regex as regex
from newslint.regexes import Anchors, lazy, matches_in_tokens
from newslint.spans import Span, Word, new_tuple

WORD = lazy(r"[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*")

# Terminal punctuation (..., . . ., …, or a run of .!?), then closing quotes/brackets, then white
# space (\s of `regex`, that is, of `re` without \x1c-\x1f). Starts only at the first mark of a
# run: "......" is tried once, not once per mark (quadratic). On `re`, led by a class of the
# marks, which `re` skips to without trying the pattern (the punctuation's four ways follow it,
# each told by the mark behind, in the order of the alternation they stand for): 1.6 times as
# fast as on `regex`, and fast enough on a paragraph without a mark to need no gate.
_CANDIDATE_END = lazy(
    r"(?P<punct>[.!?…](?<![.!?…].)(?:(?<=\.)\.\.|(?<=\.) \. \.|(?<=…)|(?<=[.!?])[.!?]*))"
    r"(?P<closers>[\"”’'»)\]]*)(?=[^\S\x1c-\x1f])",
    engine="re",
)
_WORD_BEFORE = lazy(r"(?r)[\p{L}\p{M}\p{N}.]+\Z")
# What `regex` takes for \s (Unicode White_Space; Python's str.isspace() adds \x1c-\x1f): after a
# mark there are one or two of them, tested faster one by one than with a match.
WHITE_SPACE = frozenset(
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
)
_OPENERS = "\"“‘'«([„"

# Abbreviations followed by a name or a number, never by a new sentence. Capitalised ones count
# only as written ("No. 1", but "He said no. But ..."); lowercase ones in any case.
TITLE_ABBREVIATIONS = frozenset(
    """Mr Mrs Ms Messrs Mme Mlle Dr Prof Gen Lt Col Maj Capt Cmdr Adm Sgt Cpl Pvt Gov Sen Rep
    Rev Hon Pres Supt Insp Det St Ste Mt Ft No Nos Vol Vols Fig Figs Art Arts Para Ch Chap
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec""".split()
)
LOWERCASE_ABBREVIATIONS = frozenset("vs v cf approx ca est dept univ assn e.g i.e viz al op ed eds pp esp".split())
# Abbreviations that may also end a sentence: a sentence end only before a capital. Units,
# company suffixes and the AP abbreviations of US states ("Fla.", "Calif.").
TRAILING_ABBREVIATIONS = frozenset(
    """etc inc ltd co corp jr sr bros plc llc ave blvd rd lb lbs oz pct mi yr yrs hr hrs min sec
    incl excl govt intl natl assoc dist cm mm km m kg mg ml sq pt pts
    mln bln ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo
    mont neb nev okla ore pa tenn tex va vt wash wis wyo""".split()
)


_TLDS = "com|org|net|gov|edu|int|mil|io|co|info|news|tv|uk|us|ua|ru|cn|de|fr|eu|in|jp|hk|mo|tw"
# Every URL, address, handle or domain holds one of these; searching for them first is much
# faster than trying the full pattern at every word. (A domain's ending is found without the
# boundary after it: more anchors cost a look, never a match.)
_URL_ANCHOR = Anchors(
    lazy("://", engine="re"),
    lazy(r"www\.", engine="re"),
    "@",
    "#",
    lazy(rf"\.(?=[a-z])(?:{_TLDS})", engine="re"),
)
# A URL does not take the punctuation after it ("see example.com." ends the sentence).
_URL_TAIL = r"""(?:\S*[^\s.,;:!?)\]'"”’])?"""
URLISH = lazy(
    r"""(?i:https?://|ftp://|www\.)\S*[^\s.,;:!?)\]'"”’]
    |[\w.+-]+@[\w-]+(?:\.[\w-]+)+
    |(?<![\w@#])[@#][\w-]+
    |(?<![\w.])[\w-]+(?:\.[\w-]+)*\.(?:"""
    + _TLDS
    + r""")(?![\w])(?:/"""
    + _URL_TAIL
    + r""")?""",
    regex.VERBOSE,
)


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """Word tokens of text[start:end]: letters and digits, with inner hyphens and apostrophes.

    Split in one call, offsets summed and Words made by C-level iteration: a match object and a
    Python call per word cost twice as much, and a paragraph has hundreds of words."""
    chunk = text[start:end]
    splitter = _ASCII_WORD_SPLIT if chunk.isascii() else _WORD_SPLIT
    parts = splitter.compiled.split(chunk)  # separator, word, separator, word, ..., separator
    offsets = list(accumulate(map(len, parts), initial=start))
    return list(map(new_tuple, repeat(Word), zip(offsets[1::2], offsets[2::2], parts[1::2])))


_WORD_SPLIT = lazy(f"({WORD.source})")
# WORD on ASCII text, where its letters, marks and numbers are A-Z, a-z and 0-9 and its joiners
# - and ': Python's `re` splits with it twice as fast as `regex` with WORD (most paragraphs).
_ASCII_WORD_SPLIT = lazy(r"([A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)*)", engine="re")


def _next_non_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in WHITE_SPACE:
        pos += 1
    return pos


def _first_letter_after(text: str, pos: int, end: int) -> str:
    """The first letter of the next word (skipping opening quotes), or ''."""
    while pos < end and text[pos] in _OPENERS:
        pos += 1
    return text[pos] if pos < end and text[pos].isalpha() else ""


_ELLIPSES = ("...", ". . .", "…")


def _is_sentence_end(text: str, match: re.Match[str], paragraph: Span, next_start: int) -> bool:
    punct, closers = match.groups()  # its two groups, punct and closers: thrice as fast as by name
    if closers:
        following = _first_letter_after(text, next_start, paragraph.end)
        if closers[-1] in "\"”’'»" and following.islower():
            return False  # "Why?" she asked.
        if closers[0] in "])" and match.start() > 0 and text[match.start() - 1] in "[(":
            return False  # a transcriber's "[?]" or "(?)", not a sentence's end
    if punct == ".":  # the common case: what the word before it is decides, seldom what follows
        return _period_ends_sentence(text, paragraph, match.start(), next_start)
    following = _first_letter_after(text, next_start, paragraph.end)
    if punct in ("?", "!") and following.islower() and _ends_a_name(text, paragraph.start, match.start(), punct):
        return False  # "Jeopardy! champion", "2014's Why? solo album": the mark ends a title
    if punct in _ELLIPSES:
        return following.isupper()
    return True


def _period_ends_sentence(text: str, paragraph: Span, mark: int, next_start: int) -> bool:
    """Whether a single period at text[mark] ends a sentence (not after "Mr", "U.S" or an initial)."""
    before = _word_before(text, paragraph.start, mark)
    if before is None:
        return True
    word_start, written = before
    word = written.lower()
    if written in TITLE_ABBREVIATIONS or word in LOWERCASE_ABBREVIATIONS:
        return False
    if len(word) == 1 and written.isupper():
        return False  # an initial: "John F. Kennedy", "William M. Daley"
    if word in TRAILING_ABBREVIATIONS or "." in word:
        return _first_letter_after(text, next_start, paragraph.end).isupper()
    if word_start == paragraph.start and (word.isdigit() or len(word) == 1):
        return False  # a list marker: "1. the first point"
    return True


def _word_before(text: str, start: int, end: int) -> tuple[int, str] | None:
    """Where the letters, marks, digits and dots that end at `end` start, and what they are, as
    _WORD_BEFORE finds them. Most are ASCII letters after a space: told without a match."""
    word_start = max(text.rfind(" ", start, end) + 1, start)
    word = text[word_start:end]
    if word.isascii() and word.isalnum():
        return word_start, word
    match = _WORD_BEFORE.search(text, start, end)
    return (match.start(), match.group()) if match else None


# Names that end in a question or exclamation mark, also at the start of a sentence (their last word).
NAMES_WITH_MARKS = frozenset(
    """Yahoo! Jeopardy! Which? Mia! Oklahoma! Airplane! Hello! OK! Wham! Panic! Oliver! Godspell!
    Hatari! Myst! Fiesta!""".split()
)
_LAST_WORD = lazy(r"(?r)[\p{L}\p{N}'’-]+\Z")
# A capitalised word after a possessive or a determiner: a title used as a modifier ("2014's Why?
# solo album", "the Jeopardy! champion"), not a place or a person a question ends on ("in Kyiv?").
_TITLE_BEFORE = lazy(r"(?r)(?:['’]s|\b(?:the|a|an|his|her|its|their|our|my|your))[ \t]+\p{Lu}[\p{L}'’-]*\Z")


def _ends_a_name(text: str, start: int, mark: int, punct: str) -> bool:
    """Whether a question or exclamation mark ends a name: a title after a possessive or a
    determiner ("2014's Why? solo album"), or a name known to end in one ("Yahoo! said")."""
    word = _LAST_WORD.search(text, start, mark)
    if word and word.group() + punct in NAMES_WITH_MARKS:
        return True
    return bool(_TITLE_BEFORE.search(text, max(start, mark - 60), mark))


def starts_sentence(text: str, pos: int) -> bool:
    """Whether a sentence starts at text[pos:], judged as sentences() judges it: after a blank
    line, or after a mark that ends the sentence before it (not "U.S." before "government")."""
    window = max(0, pos - 200)  # what is read before pos: enough for any mark and its word
    before = text[window:pos]
    if _BLANK_LINE_AT_END.search(before):
        return True
    mark_end = window + len(before.rstrip())
    if mark_end == pos or pos >= len(text):
        return False
    for match in _CANDIDATE_END.finditer(text, max(0, mark_end - 12), mark_end + 1):
        if match.end() == mark_end:
            return _is_sentence_end(text, match, Span(0, len(text)), _next_non_space(text, pos, len(text)))
    return False


_BLANK_LINE_AT_END = lazy(r"(?r)(?:\n[ \t]*(?:\r\n|\r|\n)|\r[ \t]*\r)\s*\Z")


def sentences(text: str, paragraphs: Iterable[Span]) -> list[Span]:
    """Sentence spans inside each paragraph; a sentence never crosses a paragraph."""
    found: list[Span] = []
    for paragraph in paragraphs:
        start, end = paragraph
        for match in _CANDIDATE_END.compiled.finditer(text, start, end):  # where a sentence may end
            mark_end = next_start = match.end()
            while next_start < end and text[next_start] in WHITE_SPACE:  # _next_non_space, inlined
                next_start += 1
            if next_start >= end:
                break
            if _is_sentence_end(text, match, paragraph, next_start):
                found.append(new_tuple(Span, (start, mark_end)))
                start = next_start
        if start < end:
            found.append(new_tuple(Span, (start, end)))
    return found


_FILE_EXTENSIONS = (
    "png|jpe?g|gif|svg|webp|tiff?|bmp|pdf|docx?|xlsx?|pptx?|odt|txt|csv|json|xml|ya?ml|html?|md|mdx|"
    "zip|gz|tar|exe|dmg|apk|iso|js|ts|css|py|rb|java|mp3|mp4|m4a|wav|mov|avi|mkv"
)
# A file name ("kiev-night.jpg"), an extension on its own (".png files"), an HTML entity left in
# the text ("caf&#233;"): never prose, whatever words they hold.
# (On Python's own `re`, which runs these simple patterns several times faster than `regex`.)
_FILE_OR_ENTITY = lazy(
    r"(?<![\w.-])\w[\w.-]*\.(?i:" + _FILE_EXTENSIONS + r")(?!\w)"
    r"|(?<![\w.])\.(?i:" + _FILE_EXTENSIONS + r"|com|org|net|gov|edu|io)(?!\w)"
    r"|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});",
    engine="re",
)
# "Halo.Bungie.Org", "One.Tel": names written with dots inside (each part two letters or more,
# so that "U.S" and "e.g" stay abbreviations).
_DOTTED_NAME = lazy(r"(?<![\w.])[^\W_]{2,}(?:\.[^\W_]{2,})+(?![^\W_]|\.[^\W_])", engine="re")


# "example.com.It was late": a domain, then a sentence glued to it.
_DOMAIN_THEN_SENTENCE = lazy(r"\.(?:" + _TLDS + r")\.\p{Lu}\p{Ll}*\Z")


# A name's parts: capitalised, and not a word that starts a sentence ("Talks.The" twice is two slips).
_NAME_PARTS = lazy(
    r"(?!.*\.(?:The|A|An|He|She|It|They|We|I|In|On|At|But|And|This|That|Its|His|Her|Their|There|However)\b)"
    r"[\p{Lu}\p{N}][\p{L}\p{N}]*(?:\.[\p{L}\p{N}]+)+"
)


# What every match of _FILE_OR_ENTITY and of _DOTTED_NAME holds: cheap to search for. (Every
# extension starts with a letter or a digit: the look-ahead passes over ". " at once.)
_FILE_OR_ENTITY_ANCHOR = Anchors(
    lazy(r"\.(?=[^\W_])(?i:" + _FILE_EXTENSIONS + r"|com|org|net|gov|edu|io)(?!\w)", engine="re"),
    "&",
)
# The first dot of a dotted name, two letters or digits either side: not "U.S." or "3.5", which
# are most of a story's dots inside a word.
_DOTTED_NAME_ANCHOR = lazy(r"\.(?=[^\W_]{2})(?<=[^\W_]{2}\.)", engine="re")


def names_and_files(text: str) -> list[Span]:
    """File names, bare extensions, HTML entities, and names with dots inside them: a name with two
    dots, or a capitalised one that the story writes more than once ("One.Tel"; not "Talks.The")."""
    found = [Span(*m.span()) for m in matches_in_tokens(_FILE_OR_ENTITY, _FILE_OR_ENTITY_ANCHOR, text)]
    dotted = matches_in_tokens(_DOTTED_NAME, _DOTTED_NAME_ANCHOR, text) if "." in text else []
    counts = Counter(match.group() for match in dotted)
    found += [
        Span(m.start(), m.end())
        for m in dotted
        if (m.group().count(".") >= 2 and not _DOMAIN_THEN_SENTENCE.search(m.group()))
        or (counts[m.group()] >= 2 and _NAME_PARTS.fullmatch(m.group()))
    ]
    return found


def urls(text: str) -> list[Span]:
    """URLs, e-mail addresses, domain names, @handles and #hashtags."""
    return [Span(*m.span()) for m in matches_in_tokens(URLISH, _URL_ANCHOR, text)]
