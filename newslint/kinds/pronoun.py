"""pronoun: a country, city or organisation called "she" -- a gender slip from languages whose nouns
have gender (la Chine ... elle; Россия ... она).

Without a parser the antecedent is found the way a reader guesses it: noun phrases before the
pronoun in its sentence and the one before are chunked, the latest one in subject position is the
antecedent, and the rule speaks only when that subject and the nearest noun phrase are both a
place or an organisation and no person is the subject of the pronoun's own sentence. "The German
chancellor said she ..." and "Merkel visited France, where she ..." stay silent.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from newslint.document import Document
from newslint.regexes import scan
from newslint.rules import options as opt
from newslint.rules.base import Hit, LoadContext, Rule
from newslint.rules.options import Option, OptionError
from newslint.spans import Word
from newslint.textcase import match_case

_PRONOUN = regex.compile(r"(?<![\p{L}\p{M}\p{N}_'’-])(?:she|her|hers|herself)(?![\p{L}\p{M}\p{N}_'’-])", regex.IGNORECASE)
_REPLACEMENT = {"she": "it", "hers": "its", "herself": "itself"}
_FEMININE = frozenset({"she", "her", "hers", "herself"})
_POSSESSIVE = regex.compile(r"['’]s?$")
_CLAUSE_PUNCTUATION = regex.compile(r"[,;:—–(\"“”]")

DETERMINERS = frozenset("the a an this that these those its his their our your my her each every".split())
CLAUSE_OPENERS = frozenset(
    """and but or nor that which who whom whose while whereas because since although though if when
    where as so yet after before until unless once whether""".split()
)
MODIFIERS = frozenset(
    """former new current then acting deputy vice prime foreign chief senior top interim outgoing
    incoming late young old first second third last next""".split()
)
_NOT_CONTENT = DETERMINERS | MODIFIERS
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


@dataclass(frozen=True)
class Mention:
    """A noun phrase before the pronoun: who or what it names, and where it stands."""

    kind: str  # "entity" or "person"
    text: str
    start: int
    subject: bool  # opens a clause (sentence start, after a comma or a conjunction)
    possessive: bool  # "China's", a modifier of the noun that follows


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _base(word: str) -> tuple[str, bool]:
    """The word without a possessive ending, and whether it had one."""
    stripped = _POSSESSIVE.sub("", word)
    return (stripped, True) if stripped != word else (word, False)


class Pronoun(Rule):
    kind = "pronoun"
    default_fix = "unsafe"
    placeholders = frozenset({"antecedent"})
    options = {
        "entities": Option(opt.string_list, default=()),
        "wordlists": Option(opt.string_list, default=()),
        "persons": Option(opt.string_list, default=()),
        "modifiers": Option(opt.string_list, default=()),
    }

    def configure(self, options: dict[str, Any], context: LoadContext) -> None:
        self._entity_nouns = frozenset(word.lower() for word in options["entities"])
        self._person_nouns = frozenset(word.lower() for word in options["persons"])
        self._modifiers = frozenset(
            word.lower() for listname in options["modifiers"] for word in context.wordlist(listname)
        )
        names: list[str] = []
        for listname in options["wordlists"]:
            names.extend(context.wordlist(listname))
        if not names and not self._entity_nouns:
            raise OptionError("entities", "a pronoun rule needs `entities` or `wordlists` naming places")
        self._names = frozenset(names)
        self._longest_name = max((len(name.split()) for name in names), default=1)

    def hits(self, doc: Document) -> Iterator[Hit]:
        for match in scan(_PRONOUN, doc.text):
            antecedent = self._antecedent(doc, match.start())
            if antecedent is not None:
                replacement = match_case(self._replacement(doc, match), match.group())
                yield Hit(match.start(), match.end(), (replacement,), {"antecedent": antecedent.text})

    def _antecedent(self, doc: Document, pronoun_start: int) -> Mention | None:
        """The place or organisation the pronoun refers to, or None when it may be a person."""
        index = doc.sentence_index(pronoun_start)
        sentences = doc.sentences
        if not sentences:
            return None
        own = sentences[index]
        window_start = sentences[index - 1].start if index > 0 else own.start
        mentions = self._mentions(doc, window_start, pronoun_start)
        if not mentions:
            return None
        subjects = [m for m in mentions if m.subject and not m.possessive]
        if not subjects or subjects[-1].kind != "entity" or mentions[-1].kind != "entity":
            return None
        if any(m.kind == "person" and m.subject and not m.possessive and m.start >= own.start for m in mentions):
            return None
        return subjects[-1]

    def _mentions(self, doc: Document, start: int, end: int) -> list[Mention]:
        """Noun phrases (runs of words that can make one) between start and end, in order."""
        words = doc.words_between(start, end)
        mentions: list[Mention] = []
        run_start: int | None = None  # index in `words` of the first word of the current run

        def close_run(stop: int) -> None:
            if run_start is not None and (mention := self._classify(doc, words, run_start, stop)):
                mentions.append(mention)

        for index, word in enumerate(words):
            joins = self._joins_phrase(word.text)
            if run_start is not None and (not joins or doc.text[words[index - 1].end : word.start].strip()):
                close_run(index)
                run_start = None
            if word.text.lower() in _FEMININE:
                # An earlier "she" already speaks of someone: most likely a person.
                mentions.append(Mention("person", word.text, word.start, self._opens_clause(doc, words, index), False))
            elif joins and run_start is None:
                run_start = index
        close_run(len(words))
        return mentions

    def _joins_phrase(self, word: str) -> bool:
        """Whether a word can be part of a noun phrase that names someone or something."""
        base, _ = _base(word)
        lower = base.lower()
        if lower in DETERMINERS or lower in MODIFIERS or lower in self._modifiers or base.isdigit():
            return True
        if lower in FUNCTION_WORDS or lower in CLAUSE_OPENERS:
            return False
        return _is_capitalised(base) or lower in self._entity_nouns or lower in self._person_nouns

    def _classify(self, doc: Document, words: Sequence[Word], first: int, stop: int) -> Mention | None:
        """The mention the phrase words[first:stop] makes, if any, judged by its head (last word)."""
        run = words[first:stop]
        head, possessive = _base(run[-1].text)
        lower = head.lower()
        name = self._name_ending_at(run)
        if name or lower in self._entity_nouns:
            kind = "entity"
        elif lower in self._person_nouns or (
            _is_capitalised(head) and lower not in MODIFIERS and lower not in self._modifiers
        ):
            kind = "person"  # an unknown capitalised word is most likely a name
        else:
            return None
        content = [_base(word.text)[0] for word in run if word.text.lower() not in _NOT_CONTENT]
        label = name or " ".join(content) or head
        return Mention(kind, label, run[0].start, self._opens_clause(doc, words, first), possessive)

    def _name_ending_at(self, run: Sequence[Word]) -> str | None:
        """The longest known place or organisation name that ends the phrase."""
        bases = [_base(word.text)[0] for word in run]
        for length in range(min(self._longest_name, len(run)), 0, -1):
            candidate = " ".join(bases[-length:])
            if candidate in self._names:
                return candidate
        return None

    @staticmethod
    def _opens_clause(doc: Document, words: Sequence[Word], index: int) -> bool:
        """Whether words[index] stands where a clause's subject stands: first in its sentence,
        after clause punctuation, or after a conjunction ("suggests that China ...")."""
        word = words[index]
        if index == 0 or doc.sentence_index(words[index - 1].start) != doc.sentence_index(word.start):
            return True
        if _CLAUSE_PUNCTUATION.search(doc.text, words[index - 1].end, word.start):
            return True
        if words[index - 1].text.lower() in CLAUSE_OPENERS:
            return True
        # "that" both opens a clause and determines a noun; before a name it opens a clause.
        following = words[index + 1].text if index + 1 < len(words) else ""
        return word.text.lower() == "that" and _is_capitalised(following)

    @staticmethod
    def _replacement(doc: Document, match: regex.Match) -> str:
        pronoun = match.group().lower()
        if pronoun != "her":
            return _REPLACEMENT[pronoun]
        following = regex.match(r"\s+([\p{L}]+)", doc.text[match.end() : match.end() + 40])
        if following and following.group(1).lower() not in FUNCTION_WORDS:
            return "its"  # "her allies" -> "its allies"
        return "it"  # "protect her from" -> "protect it from"
