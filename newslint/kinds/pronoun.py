"""pronoun: a country, city or organisation called "she" -- a gender slip from languages whose nouns
have gender (la Chine ... elle; Россия ... она).

Without a parser the antecedent is found the way a reader guesses it: noun phrases before the
pronoun in its sentence and the one before are chunked, the latest one in subject position is the
antecedent, and the rule speaks only when that subject and the nearest noun phrase are both a
place or an organisation and no person is the subject of the pronoun's own sentence. "The German
chancellor said she ..." and "Merkel visited France, where she ..." stay silent.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import Any

from newslint import lazy_regex as regex
from newslint.document import Document
from newslint.records import record
from newslint.regexes import lazy, scan
from newslint.rules import options as opt
from newslint.rules.base import Hit, LoadContext, Rule
from newslint.rules.options import Option, OptionError
from newslint.spans import Span, Word
from newslint.textcase import match_case
from newslint.triggers import AS_WORD, Triggers

_PRONOUN = lazy(r"(?<![\p{L}\p{M}\p{N}_'’-])(?:she|her|hers|herself)(?![\p{L}\p{M}\p{N}_'’-])", regex.IGNORECASE)
_REPLACEMENT = {"she": "it", "hers": "its", "herself": "itself"}
_FEMININE = frozenset({"she", "her", "hers", "herself"})
_SPEAKING = lazy(r"\s+(?:said|says|told|tells|added|adds|asked|wrote|noted|explained|insisted|stressed)\b")
_NEXT_WORD = lazy(r"\s+(\p{L}+)")
WINDOW = 600  # characters before the pronoun in which its antecedent is looked for
MEMORY_LIMIT = 20_000  # words or phrases whose answers are remembered, at most (a few MB)
_POSSESSIVE_ENDINGS = ("'", "’", "'s", "’s")
_CLAUSE_PUNCTUATION = lazy(r"[,;:—–(\"“”]")
# A phrase followed at once by a comma or a stop has no verb of its own: "in Shelby, North Carolina."
_APPOSITION_END = lazy(r"[ \t]*[,.;:]")
# Words that open a sentence's introductory phrase, before its main clause.
OPENING_PHRASE_WORDS = frozenset(
    """in before after during despite since when while as for with at on upon following unlike like
    throughout within without under amid""".split()
)
_FIRST_WORD = lazy(r"[\"“‘'(\[«]*(\p{L}+)")
# ", who is supported by the government,": an aside whose nouns are not what the pronoun refers to.
_ASIDE = lazy(r",[ \t]+(?:who|whom|whose|which)\b[^,.;:]*,")
# What every match of _ASIDE holds: a plain `re` search, most windows hold none (see _asides).
_ASIDE_OPENING = lazy(r",[ \t]+wh", engine="re")

DETERMINERS = frozenset("the a an this that these those its his their our your my her each every".split())
CLAUSE_OPENERS = frozenset(
    """and but or nor that which who whom whose while whereas because since although though if when
    where as so yet after before until unless once whether""".split()
)
MODIFIERS = frozenset(
    """former new current then acting deputy vice prime foreign chief senior top interim outgoing
    incoming late young old first second third last next""".split()
)
# Capitalised at the start of a sentence or as a date, but never the name of a person or a place.
FUNCTION_WORDS = frozenset(
    """the a an in on at by for with from to of into onto over under about after before during since
    until while when where why how what who which whose whom that this these those there here it its
    he his him she her they their them we our us you your i my me and but or nor so yet also both
    either neither each every all some many most more much such other another no not only even still
    however meanwhile instead moreover furthermore further besides nevertheless nonetheless thus
    hence therefore then now today yesterday tomorrow earlier later last next first finally
    according despite although though because if as once unless whether like unlike among between
    against across along around behind beyond within without toward towards upon via per amid
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december""".split()
)


@record(frozen=True)
class Mention:
    """A noun phrase before the pronoun: who or what it names, and where it stands."""

    kind: str  # "entity" or "person"
    text: str
    start: int
    subject: bool  # opens a clause (sentence start, after a comma or a conjunction)
    possessive: bool  # "China's", a modifier of the noun that follows


@record(frozen=True)
class Naming:
    """What a noun phrase names, wherever it stands: its kind, its label and whether it is possessive."""

    kind: str  # "entity" or "person"
    label: str
    possessive: bool


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _is_determiner_or_modifier(word: str) -> bool:
    """ "the", "former": not part of a label; a capitalised "New" (New Zealand) is."""
    return word.lower() in DETERMINERS or word in MODIFIERS


def _base(word: str) -> tuple[str, bool]:
    """The word without a possessive ending ('s, or ' after an s), and whether it had one. (String
    tests, not a regex: every word before every pronoun goes through here.)"""
    if word.endswith(_POSSESSIVE_ENDINGS):
        return word[: -2 if word[-1] == "s" else -1], True
    return word, False


class Pronoun(Rule):
    kind = "pronoun"
    default_fix = "unsafe"
    placeholders = frozenset({"antecedent"})
    # Every key names word lists (lint_rules/wordlists/, or .txt files beside the rule file).
    options = {
        "names": Option(opt.string_list, default=()),
        "entities": Option(opt.string_list, default=()),
        "persons": Option(opt.string_list, default=()),
        "female": Option(opt.string_list, default=()),
        "modifiers": Option(opt.string_list, default=()),
        "given_names": Option(opt.string_list, default=()),
    }

    def configure(self, options: dict[str, Any], context: LoadContext) -> None:
        def words(key: str) -> list[str]:
            return [word for listname in options[key] for word in context.wordlist(listname)]

        names = words("names")
        self._names = frozenset(names)
        self._longest_name = max((len(name.split()) for name in names), default=1)
        self._entity_nouns = frozenset(word.lower() for word in words("entities"))
        self._person_nouns = frozenset(word.lower() for word in words("persons"))
        self._female = frozenset(word.lower() for word in words("female"))
        self._modifiers = frozenset(word.lower() for word in words("modifiers"))
        self._given_names = frozenset(words("given_names"))
        self._joins_by_word: dict[str, bool] = {}
        self._naming_by_phrase: dict[tuple[str, ...], Naming | None] = {}
        if not names and not self._entity_nouns:
            raise OptionError("names", "a pronoun rule needs `names` or `entities` word lists naming places")

    def triggers(self) -> Triggers | None:
        return self.declared_triggers or Triggers(words=_FEMININE)

    def hits(self, doc: Document) -> Iterator[Hit]:
        flagged: dict[int, str] = {}  # start of a pronoun already found to mean a place -> the place
        pronouns = _pronouns(doc)
        for index, match in enumerate(pronouns):
            if _SPEAKING.match(doc.text, match.end()):
                continue  # "Ukraine, she said, was ready": she speaks, so she is a person
            antecedent = self._antecedent(doc, pronouns, index, flagged)
            if antecedent is not None:
                flagged[match.start()] = antecedent.text
                replacement = match_case(_replacement(doc.text, match), match.group())
                yield Hit(match.start(), match.end(), (replacement,), {"antecedent": antecedent.text})

    def _antecedent(
        self, doc: Document, pronouns: list[regex.Match], index: int, flagged: dict[int, str]
    ) -> Mention | None:
        """The place or organisation pronouns[index] refers to, or None when it may be a person.
        `flagged`: earlier pronouns that meant a place; they are that place, not a woman."""
        if not doc.paragraphs:
            return None
        pronoun = pronouns[index]
        own, before = doc.sentence_at(pronoun.start())
        window_start = max(before.start if before is not None else own.start, pronoun.start() - WINDOW)
        if _earlier_pronoun_of_a_woman(doc, pronouns, index, window_start, flagged):
            return None  # what _mentions_a_woman would find first, known without its words
        words = doc.words_between(window_start, pronoun.start())  # once: both looks below read them
        if self._mentions_a_woman(words, flagged):
            return None
        asides = _asides(doc.text, window_start, pronoun.start())
        last = self._last_mention(doc, words, flagged, asides)
        if last is None or last.kind != "entity":
            return None  # most windows end with a person: the phrases before it need no look
        mentions = [m for m in self._mentions(doc, words, flagged) if not _in_aside(asides, m.start)]
        subjects = [m for m in mentions if m.subject and not m.possessive]
        if not subjects or subjects[-1].kind != "entity":
            return None
        if any(m.kind == "person" and m.subject and not m.possessive and m.start >= own.start for m in mentions):
            return None
        antecedent = subjects[-1]
        if antecedent.text in self._given_names:
            return None  # "Paris left the ship ... She": a place that is also a woman's name
        if self._person_follows(doc, own, pronoun.start(), flagged):
            return None  # "In her ruling, the judge said": the woman comes after the pronoun
        is_object = pronoun.group().lower() == "her" and _replacement(doc.text, pronoun) == "it"
        if is_object and self._same_clause(doc, antecedent, pronoun.start()):
            return None  # "Israel remembers her": an object pronoun is not its own clause's subject
        return antecedent

    def _person_follows(self, doc: Document, sentence: Span, pronoun: int, flagged: dict[int, str]) -> bool:
        """A pronoun in a sentence's opening phrase whose main clause has a person for subject:
        "In her ruling, the judge ...", "Before her meeting with Martinez, Davenport ..."."""
        comma = doc.text.find(",", pronoun, sentence.end)
        if comma < 0 or "," in doc.text[sentence.start : pronoun]:
            return False
        opener = _FIRST_WORD.match(doc.text, sentence.start)
        if not opener or opener.group(1).lower() not in OPENING_PHRASE_WORDS:
            return False  # "Russia will defend her interests, Putin said": the pronoun is in the main clause
        later = self._mentions(doc, doc.words_between(comma, sentence.end), flagged)
        first_subject = next((m for m in later if m.subject and not m.possessive), None)
        return first_subject is not None and first_subject.kind == "person"

    def _mentions_a_woman(self, words: Sequence[Word], flagged: dict[int, str]) -> bool:
        """A woman's name, title or noun, or an earlier she/her that did not mean a place. (A plain
        loop, each word lowered once: every window of every pronoun goes through here.)"""
        female = self._female
        for word in words:
            lower = word.text.lower()
            if lower in female or (lower in _FEMININE and word.start not in flagged):
                return True
        return False

    @staticmethod
    def _same_clause(doc: Document, antecedent: Mention, end: int) -> bool:
        """Whether nothing between the antecedent and `end` opens a new clause."""
        between = doc.text[antecedent.start : end]
        if _CLAUSE_PUNCTUATION.search(between):
            return False
        return not any(word.text.lower() in CLAUSE_OPENERS for word in doc.words_between(antecedent.start, end)[1:])

    def _mentions(self, doc: Document, words: Sequence[Word], flagged: dict[int, str]) -> list[Mention]:
        """Noun phrases (runs of words that can make one) among the words, in order."""
        sentence_starts = _sentence_starts(doc, words)
        found = (self._mention(doc, words, phrase, flagged, sentence_starts) for phrase in self._phrases(doc, words))
        return [mention for mention in found if mention is not None]

    def _last_mention(
        self, doc: Document, words: Sequence[Word], flagged: dict[int, str], asides: list[tuple[int, int]]
    ) -> Mention | None:
        """The last of the mentions outside the asides, worked out from the last phrase back:
        the phrases before it need not be classified."""
        sentence_starts = _sentence_starts(doc, words)
        for phrase in reversed(self._phrases(doc, words)):
            mention = self._mention(doc, words, phrase, flagged, sentence_starts)
            if mention is not None and not _in_aside(asides, mention.start):
                return mention
        return None

    def _phrases(self, doc: Document, words: Sequence[Word]) -> list[tuple[int, int]]:
        """Where among the words a mention may stand, in the order _mentions lists them: each run
        of words that can make a noun phrase, as (first, stop) indexes, when it closes; each
        she/her as (index, index), when it comes (inside a run, before the run's phrase)."""
        phrases: list[tuple[int, int]] = []
        run_start: int | None = None  # index in `words` of the first word of the current run
        known = self._joins_by_word  # most words are known: a lookup, not a call
        text, previous_end = doc.text, 0
        for index, (start, end, written) in enumerate(words):  # unpacked: every word comes through here
            joins = known.get(written)
            if joins is None:
                joins = self._joins_phrase(written)
            if run_start is not None and (not joins or text[previous_end:start].strip()):
                phrases.append((run_start, index))
                run_start = None
            previous_end = end
            if written.lower() in _FEMININE:
                phrases.append((index, index))
            elif joins and run_start is None:
                run_start = index
        if run_start is not None:
            phrases.append((run_start, len(words)))
        return phrases

    def _mention(
        self,
        doc: Document,
        words: Sequence[Word],
        phrase: tuple[int, int],
        flagged: dict[int, str],
        sentence_starts: list[int],
    ) -> Mention | None:
        """The mention a phrase of _phrases makes, if any."""
        first, stop = phrase
        if first < stop:
            return self._classify(doc, words, first, stop, sentence_starts)
        # An earlier "she" already speaks of someone: most likely a person, unless it was found to
        # mean a place ("China ... she prefers ... her allies").
        start, _, written = words[first]
        kind, label = ("entity", flagged[start]) if start in flagged else ("person", written)
        return Mention(kind, label, start, self._opens_clause(doc, words, first, sentence_starts), False)

    def _joins_phrase(self, word: str) -> bool:
        """Whether a word can be part of a noun phrase that names someone or something. Remembered
        per word: every window before a pronoun asks again about the same few thousand words."""
        joins = self._joins_by_word.get(word)
        if joins is None:
            if len(self._joins_by_word) >= MEMORY_LIMIT:
                self._joins_by_word.clear()  # a long-running server sees words without end
            joins = self._joins_by_word[word] = self._word_joins_phrase(word)
        return joins

    def _word_joins_phrase(self, word: str) -> bool:
        """_joins_phrase, worked out from the word lists."""
        base, _ = _base(word)
        lower = base.lower()
        if lower in DETERMINERS or lower in MODIFIERS or lower in self._modifiers or base.isdigit():
            return True
        if lower in FUNCTION_WORDS or lower in CLAUSE_OPENERS:
            return False
        return _is_capitalised(base) or lower in self._entity_nouns or lower in self._person_nouns

    def _classify(
        self, doc: Document, words: Sequence[Word], first: int, stop: int, sentence_starts: list[int]
    ) -> Mention | None:
        """The mention the phrase words[first:stop] makes, if any, judged by its head (last word).
        `sentence_starts`: those of the words' paragraphs (_sentence_starts)."""
        run = words[first:stop]
        naming = self._naming(tuple(word.text for word in run))
        if naming is None:
            return None
        subject = self._opens_clause(doc, words, first, sentence_starts) and not _in_apposition(
            doc.text, run[0].start, run[-1].end
        )
        return Mention(naming.kind, naming.label, run[0].start, subject, naming.possessive)

    def _naming(self, phrase: tuple[str, ...]) -> Naming | None:
        """What a phrase's words name, if anything. Remembered per phrase: the same phrases ("the
        government", "China") stand before pronoun after pronoun."""
        if phrase in self._naming_by_phrase:
            return self._naming_by_phrase[phrase]
        if len(self._naming_by_phrase) >= MEMORY_LIMIT:
            self._naming_by_phrase.clear()  # a long-running server sees phrases without end
        naming = self._naming_by_phrase[phrase] = self._work_out_naming(phrase)
        return naming

    def _work_out_naming(self, phrase: tuple[str, ...]) -> Naming | None:
        """_naming, worked out from the word lists."""
        head, possessive = _base(phrase[-1])
        lower = head.lower()
        name = self._name_ending_at(phrase)
        if name or lower in self._entity_nouns:
            kind = "entity"
        elif lower in self._person_nouns or (
            _is_capitalised(head) and lower not in MODIFIERS and lower not in self._modifiers
        ):
            kind = "person"  # an unknown capitalised word is most likely a name
        else:
            return None
        content = [_base(word)[0] for word in phrase if not _is_determiner_or_modifier(word)]
        return Naming(kind, name or " ".join(content) or head, possessive)

    def _name_ending_at(self, phrase: Sequence[str]) -> str | None:
        """The longest known place or organisation name that ends the phrase."""
        bases = [_base(word)[0] for word in phrase]
        for length in range(min(self._longest_name, len(phrase)), 0, -1):
            candidate = " ".join(bases[-length:])
            if candidate in self._names:
                return candidate
        return None

    @staticmethod
    def _opens_clause(doc: Document, words: Sequence[Word], index: int, sentence_starts: list[int]) -> bool:
        """Whether words[index] stands where a clause's subject stands: first in its sentence,
        after clause punctuation, or after a conjunction ("suggests that China ...")."""
        word = words[index]
        if index == 0 or _in_another_sentence(sentence_starts, words[index - 1].start, word.start):
            return True
        if _CLAUSE_PUNCTUATION.search(doc.text, words[index - 1].end, word.start):
            return True
        if words[index - 1].text.lower() in CLAUSE_OPENERS:
            return True
        # "that" both opens a clause and determines a noun; before a name it opens a clause.
        following = words[index + 1].text if index + 1 < len(words) else ""
        return word.text.lower() == "that" and _is_capitalised(following)


def _pronouns(doc: Document) -> list[regex.Match]:
    """The pronouns of the text, found where the shared trigger scan saw them."""
    positions = [doc.trigger_positions(word, AS_WORD) for word in sorted(_FEMININE)]
    if any(found is None for found in positions):
        return scan(_PRONOUN, doc.text)
    text = doc.text
    return [
        match for start in sorted(p for found in positions for p in found) if (match := _PRONOUN.match(text, start))
    ]


def _earlier_pronoun_of_a_woman(
    doc: Document, pronouns: list[regex.Match], index: int, start: int, flagged: dict[int, str]
) -> bool:
    """Whether a she/her between `start` and pronouns[index] did not mean a place: a woman for
    _mentions_a_woman. Each pronoun found is a word of its paragraph (its pattern and the word
    pattern stop at the same characters), so no word of the window need be looked at."""
    for earlier in map(pronouns.__getitem__, range(index - 1, -1, -1)):
        if earlier.start() < start:
            return False
        if (
            earlier.start() not in flagged
            and earlier.group().lower() in _FEMININE
            and doc.in_one_paragraph(earlier.start(), earlier.end())
        ):
            return True
    return False


def _sentence_starts(doc: Document, words: Sequence[Word]) -> list[int]:
    """Where the sentences of the paragraphs that hold the words start, in order (the words of a
    pronoun's window stand in paragraphs already segmented to find the window)."""
    if not words:
        return []
    first, last = doc.paragraph_index(words[0].start), doc.paragraph_index(words[-1].start)
    return [sentence.start for index in range(max(first, 0), last + 1) for sentence in doc.paragraph_sentences(index)]


def _in_another_sentence(sentence_starts: list[int], earlier: int, offset: int) -> bool:
    """Whether the sentence holding offset is not the one holding earlier (earlier < offset, both
    inside the paragraphs whose sentences start at `sentence_starts`): a sentence starts after
    earlier and no later than offset. Bisected on plain numbers, not asked of the document by
    offset: every phrase of every window asks."""
    return bisect_right(sentence_starts, offset) > bisect_right(sentence_starts, earlier)


def _asides(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the asides (_ASIDE) between start and end, looked for only where one opens
    (most windows have none)."""
    if _ASIDE_OPENING.compiled.search(text, start, end) is None:
        return []
    return [match.span() for match in _ASIDE.finditer(text, start, end)]


def _in_aside(asides: list[tuple[int, int]], offset: int) -> bool:
    """Whether a mention starting at offset stands inside one of the asides (after its comma)."""
    return any(left < offset < right for left, right in asides)


def _in_apposition(text: str, start: int, end: int) -> bool:
    """A phrase after a comma that a comma or a stop ends at once has no verb of its own: it names
    again what stands before it ("in Shelby, North Carolina.") and is no clause's subject."""
    if not _APPOSITION_END.match(text, end):
        return False
    before = start  # the comma is the last character before the phrase but white space
    while before > 0 and text[before - 1].isspace():
        before -= 1
    return before > 0 and text[before - 1] == ","  # text[:start].rstrip(), without copying the text


def _replacement(text: str, pronoun: regex.Match) -> str:
    """it / its / itself for she / her / hers / herself; "her" is "its" before a noun."""
    word = pronoun.group().lower()
    if word != "her":
        return _REPLACEMENT[word]
    following = _NEXT_WORD.match(text, pronoun.end())
    if following:
        next_word = following.group(1).lower()
        if next_word not in FUNCTION_WORDS and not next_word.endswith("ly"):
            return "its"  # "her allies" -> "its allies"
    return "it"  # "protect her from" -> "protect it from", "welcomed her warmly"
