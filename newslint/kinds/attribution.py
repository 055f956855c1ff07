"""attribution: direct speech whose quotation marks were lost in translation.

"We have studied your proposals, Putin told Xi." is a quotation without its marks: the first and
second person give the speaker's own words away. Reported speech ("The talks were constructive,
officials said.") has no first or second person and stays silent.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from newslint import lazy_regex as regex
from newslint.document import Document
from newslint.regexes import (
    WORD_END,
    LazyPattern,
    compile_literals,
    compile_pattern,
    lazy,
    literal_alternation,
    scan,
    with_context,
)
from newslint.rules import options as opt
from newslint.rules.base import Hit, LoadContext, Rule
from newslint.rules.options import Option
from newslint.structure import foreign_near
from newslint.triggers import AS_WORD, Triggers

# Double quotation marks, and single ones where they open a quotation (‘We ...’ / 'We ...'),
# not where they are apostrophes (China’s).
_QUOTE_MARKS = lazy(r"[\"“”«»„‘]|(?<![\p{L}\p{N}])'(?=\p{L})")
# The character each of its matches is: a plain `re` class search, several times faster, tells a
# sentence without any (most sentences) from one that needs _QUOTE_MARKS.
_QUOTE_MARK_CHARACTERS = lazy(r"[\"“”«»„‘']", engine="re")
_SPEAKER_WORD = r"[\p{L}\p{N}][\p{L}\p{M}\p{N}.'’-]*"
SPEAKER_MOST_WORDS = 8
_SPEAKER_WORDS = rf"(?:{_SPEAKER_WORD}\s+){{0,{SPEAKER_MOST_WORDS - 1}}}{_SPEAKER_WORD}"
_SPEAKER = rf"(?P<speaker>{_SPEAKER_WORDS})"
# What a colon attribution holds after its verb: up to three words, then the colon and a capital.
_TO_COLON = r"(?:[ \t]+[\p{L}\p{N}'’-]+){0,3}[ \t]*:[ \t]+(?=\p{Lu})"
# What stands before the verb of a ", <speaker> said" or ", said <speaker>" attribution: a comma,
# then the speaker, if it comes first. A speaker holds no comma: the comma is the last before the verb.
_COMMA_BEFORE_VERB = lazy(rf",\s+(?:{_SPEAKER_WORDS}\s+)?")
# After the verb of a comma attribution, up to the sentence's end mark, stands none of these.
_NOT_AFTER_THE_VERB = ';:"“”'
_MARKS = f".!?{_NOT_AFTER_THE_VERB}"
_FIRST_MARK = lazy(rf"[{_MARKS}]", engine="re")

# Where the speech of an attribution stands from its verb (see Attribution._attributable).
_SPEECH_BEFORE, _SPEECH_AFTER, _SPEECH_EITHER = "before", "after", "either"

PRONOUN_SPEAKERS = frozenset({"he", "she", "they", "we", "i"})
# Words that end what comes before a speaker at the start of a sentence ("In the morning the
# president said: ...").
_NOT_IN_A_SPEAKER = frozenset(
    """in on at during after before since then later earlier yesterday today and but when while
    morning afternoon evening night week month year monday tuesday wednesday thursday friday
    saturday sunday""".split()
)
# "World War I", "Phase I": a Roman numeral, not the speaker.
_NUMERAL_BEFORE_I = frozenset(
    "war phase class type title article chapter part section stage level act book volume".split()
)


class Attribution(Rule):
    kind = "attribution"
    placeholders = frozenset({"speaker", "pronoun"})
    options = {
        "verbs": Option(opt.non_empty_string_list, required=True),
        "pronouns": Option(opt.non_empty_string_list, required=True),
        "speakers": Option(opt.string_list, default=()),  # word lists of nouns that can speak
    }

    def configure(self, options: dict[str, Any], context: LoadContext) -> None:
        verbs = literal_alternation(options["verbs"])
        # Greedy, not lazy: the tail holds no end mark, so it ends at the first mark either way, and
        # a lazy tail tries the end at every character of "... during a press conference at ...".
        tail = r"(?:,?[ \t]+[^.!?;:\"“”]*)?"
        self._attribution = compile_pattern(
            rf",\s+(?:{_SPEAKER}\s+(?P<verb>{verbs})|(?P<verb>{verbs})\s+{_SPEAKER}){WORD_END}{tail}[.!?]+\s*"
        )
        # "Zelensky said: We will ...", "The minister told reporters: I ...": speech after a colon,
        # wherever the attribution stands in its sentence ("Speaking in Kyiv, Zelensky said: ...").
        self._colon_attribution = compile_pattern(rf"{_SPEAKER}\s+(?P<verb>{verbs}){WORD_END}{_TO_COLON}")
        self._verb_before_colon = compile_pattern(rf"(?:{verbs}){WORD_END}{_TO_COLON}")
        pronouns = literal_alternation(word.lower() for word in options["pronouns"])
        self._pronoun = with_context(pronouns, ignorecase=True)  # whole words
        self._pronoun_gate = _word_gate(options["pronouns"])
        self._ascii_pronoun_gate = _ascii_word_gate(options["pronouns"]) if self._pronoun_gate else None
        self._speaker_nouns = frozenset(
            word.lower() for listname in options["speakers"] for word in context.wordlist(listname)
        )
        self._verbs = options["verbs"]
        self._verbs_hold_no_stop = not any(mark in verb for verb in self._verbs for mark in _NOT_AFTER_THE_VERB)
        self._verbs_hold_no_mark = not any(mark in verb for verb in self._verbs for mark in _MARKS)
        self._verbs_by_lowercase: dict[str, list[str]] = {}
        for verb in self._verbs:
            self._verbs_by_lowercase.setdefault(verb.lower(), []).append(verb)
        self._verb = compile_literals(self._verbs)  # where the shared trigger scan cannot tell

    def hits(self, doc: Document) -> Iterator[Hit]:
        text = doc.text
        verb_sentences = {doc.sentence_holding(start) for start in self._candidate_verbs(doc)}
        for sentence in sorted(verb_sentences):
            if not self._has_pronoun(text, sentence.start, sentence.end):
                continue
            if doc.in_quotation(sentence.start) or _holds_quote_marks(text, sentence.start, sentence.end):
                continue
            attribution = self._attribution_of(text, sentence.start, sentence.end)
            if attribution is not None:
                speech = (sentence.start, attribution.start())
            else:
                attribution = self._colon_attribution.search(text, sentence.start, sentence.end, timeout=1.0)
                if attribution is None or not self._is_speaker(attribution.group("speaker")):
                    continue
                speech = (attribution.end(), sentence.end)
            pronoun = self._first_person(text, *speech)
            if pronoun:
                values = {"speaker": self._speaker_named(attribution.group("speaker")), "pronoun": pronoun}
                yield Hit(*speech, (), values)

    def triggers(self) -> Triggers | None:
        return self.declared_triggers or Triggers.of(self._verbs)

    def _candidate_verbs(self, doc: Document) -> Iterator[int]:
        """Where the verbs stand that may be an attribution's, with a pronoun in their paragraph on
        the side of the verb where its speech would be: before a comma attribution's verb (its
        speech ends at the comma before the verb), after a colon one's (its speech follows the
        colon). Most verbs of speech have none there, and their paragraphs need not be cut into
        sentences."""
        text, paragraphs = doc.text, doc.paragraphs
        for verb, speech in self._attributable(text, self._verb_positions(doc)):
            index = doc.paragraph_index(verb)
            if index >= 0 and verb < paragraphs[index].end:  # else between paragraphs: not narrowed
                start, end = paragraphs[index]
                if speech == _SPEECH_BEFORE:
                    end = verb
                elif speech == _SPEECH_AFTER:
                    start = verb
                if not self._has_pronoun(text, start, end):
                    continue
            yield verb

    def _verb_positions(self, doc: Document) -> list[int]:
        """Where the verbs stand, as written (lowercase), from the shared trigger scan."""
        text, starts, present = doc.text, [], doc.triggers_present
        if present is None:
            return [match.start() for match in scan(self._verb, text)]
        for lowercase in present.intersection(self._verbs_by_lowercase):
            found = doc.trigger_positions(lowercase, AS_WORD)
            if found is None:
                return [match.start() for match in scan(self._verb, text)]
            for verb in self._verbs_by_lowercase[lowercase]:
                starts.extend([start for start in found if text.startswith(verb, start)])
        return starts

    def _may_attribute(self, text: str, verb: int) -> bool:
        """Whether the verb at offset `verb` may be the verb of an attribution: before a colon
        ("Zelensky said: We ..."), or after a comma and perhaps its speaker (", Putin told Xi.",
        ", said the minister.") with nothing but words up to the sentence's end mark. Tested
        around the verb, without the sentence: most verbs stand elsewhere, and their paragraphs
        then need not be cut into sentences."""
        if self._verbs_hold_no_mark:
            return bool(self._attributable(text, [verb]))  # one verb, kept or not
        if self._before_colon(text, verb):
            return True
        if self._verbs_hold_no_stop:  # the sentence's end mark comes first ('he said, "We ...' has none)
            mark = _FIRST_MARK.search(text, verb)
            if mark is None or mark.group() in _NOT_AFTER_THE_VERB:
                return False
        return self._after_comma(text, verb)

    def _attributable(self, text: str, verbs: list[int]) -> list[tuple[int, str]]:
        """The verbs that _may_attribute keeps, in order, each with where the speech of its
        attribution would stand (_SPEECH_BEFORE it, _SPEECH_AFTER it, or _SPEECH_EITHER). Where
        no verb holds a mark (the rule files' verbs), one pattern is tried, not two: the first
        mark after the verb tells which attribution it may be part of (a colon one has no other
        mark before its colon; a comma one has the sentence's end mark first), in one loop over
        the verbs of the document, its patterns looked up once (a run has thousands)."""
        if not self._verbs_hold_no_mark:
            return [(verb, _SPEECH_EITHER) for verb in verbs if self._may_attribute(text, verb)]
        first_mark, before_colon = _FIRST_MARK.compiled.search, self._verb_before_colon.compiled.match
        kept = []
        for verb in verbs:
            mark = first_mark(text, verb)
            if mark is None:
                continue
            if mark.group() == ":":
                if before_colon(text, verb) is not None:
                    kept.append((verb, _SPEECH_AFTER))
            elif mark.group() not in _NOT_AFTER_THE_VERB and self._after_comma(text, verb):
                kept.append((verb, _SPEECH_BEFORE))
        return kept

    def _before_colon(self, text: str, verb: int) -> bool:
        """Whether the verb at offset `verb` stands before a colon and speech ("said: We ...")."""
        return self._verb_before_colon.match(text, verb) is not None

    def _after_comma(self, text: str, verb: int) -> bool:
        """Whether the verb at offset `verb` follows a comma and perhaps its speaker (", Putin told")."""
        comma = text.rfind(",", 0, verb)
        if comma < 0 or _more_words_than(text, comma + 1, verb, SPEAKER_MOST_WORDS):
            return False  # mostly so: the comma is that of an earlier clause
        return _COMMA_BEFORE_VERB.compiled.fullmatch(text, comma, verb) is not None

    def _has_pronoun(self, text: str, start: int, end: int) -> bool:
        """Whether text[start:end] holds one of the pronouns as a word: self._pronoun.search, asked
        only where a plain `re` search (the gate, or on an ASCII stretch the faster ASCII gate),
        which finds all its matches and more, found one that it may have missed (a mark or a
        letter beyond ASCII beside it): most stretches need no more."""
        if self._pronoun_gate is None:
            return self._pronoun.search(text, start, end) is not None
        gate = self._ascii_pronoun_gate if text[start:end].isascii() else self._pronoun_gate
        found = gate.search(text, start, end)  # type: ignore[union-attr]  # set with the gate
        if found is None:
            return False
        if _ascii_around(text, found.start(), found.end()):
            return True
        return self._pronoun.search(text, start, end) is not None

    def _attribution_of(self, text: str, start: int, end: int) -> regex.Match | None:
        """The shortest ", <speaker> said ..." that ends the sentence, with a plausible speaker."""
        comma = text.rfind(",", start, end)
        while comma >= 0:
            if text[comma + 1 : comma + 2].isspace():  # the pattern's ",\s+" (every \s is a space to str)
                match = self._attribution.fullmatch(text, comma, end, timeout=1.0)
                if match and self._is_speaker(match.group("speaker")):
                    return match
            comma = text.rfind(",", start, comma)
        return None

    def _pronoun_matches(self, text: str, start: int, end: int) -> Iterator[Any]:
        """The pronouns in text[start:end] as self._pronoun.finditer finds them, found one at a time
        (the first is mostly the speaker's) by the `re` gate, which finds all of them and more: a
        gate match that is ASCII with ASCII beside it is one of them. From the first gate match
        that is not, the rest is left to self._pronoun (a mark or a letter beyond ASCII is rare)."""
        if self._pronoun_gate is None:
            yield from self._pronoun.finditer(text, start, end)
            return
        for candidate in self._pronoun_gate.finditer(text, start, end):
            at, after = candidate.span()
            if not (candidate.group().isascii() and _ascii_around(text, at, after)):
                yield from self._pronoun.finditer(text, at, end)
                return
            yield candidate

    def _first_person(self, text: str, start: int, end: int) -> str | None:
        for match in self._pronoun_matches(text, start, end):
            word = match.group()
            if word.lower() == "us" and word != "us":
                continue  # "US" is the country
            if word.lower() == "i" and (word != "I" or _is_numeral(text, start, match)):
                continue
            if word.lower() != "i" and word[:1].isupper() and _inside_sentence(text, start, match.start()):
                continue  # "Our Lady of Kazan", "the Me Too movement": a title, not the speaker
            if foreign_near(text, match.start(), match.end()):
                continue  # "Si el Senado no me ratifica": a Spanish "me", not an English pronoun
            return word
        return None

    def _speaker_named(self, speaker: str) -> str:
        """The speaker as the message names them. Before a colon the match starts with the
        sentence, so "In the morning the president" is cut to "the president" when that still
        names a speaker; "The minister" and "She" lose their sentence-start capital."""
        words = speaker.split()
        stops = [index for index, word in enumerate(words) if word.lower() in _NOT_IN_A_SPEAKER]
        if stops and 0 < stops[-1] + 1 < len(words):
            before, after = " ".join(words[: stops[-1]]), " ".join(words[stops[-1] + 1 :])
            # "Officials in the capital" is one speaker; "In the morning the president" is not.
            speaker_before = (
                before and words[stops[-1] - 1].lower() not in _NOT_IN_A_SPEAKER and self._is_speaker(before)
            )
            if self._is_speaker(after) and not speaker_before:
                words = words[stops[-1] + 1 :]
        if words[0] in ("The", "A", "An") or (len(words) == 1 and words[0].lower() in PRONOUN_SPEAKERS - {"i"}):
            words[0] = words[0].lower()
        return " ".join(words)

    def _is_speaker(self, speaker: str) -> bool:
        """A name (ends in a capital word), a pronoun, or a role or institution ("the ministry"):
        not a clause that happens to end in "said"."""
        words = speaker.split()
        last = words[-1]
        if len(words) == 1 and last.lower() in PRONOUN_SPEAKERS:
            return True
        return last[:1].isupper() or last.lower() in self._speaker_nouns


def _word_gate(words: list[str]) -> LazyPattern | None:
    """The words as a case-blind `re` pattern on `re`'s word boundaries (None: not all words are
    ASCII letters, where `re` and `regex` might not agree on case). Its matches include every
    whole-word match of the `regex` pattern (whose word characters include all of `re`'s \\w, and
    marks); where the characters around a match are ASCII, the two agree."""
    if not all(word.isascii() and word.isalpha() for word in words):
        return None
    alternation = literal_alternation(word.lower() for word in words)
    # The look-ahead for the words' first letters adds no match: it lets `re` pass most positions
    # without testing the word boundary and the words (about twice as fast).
    first_letters = "".join(sorted({word[0].lower() for word in words}))
    return LazyPattern(rf"(?=[{first_letters}])\b(?:{alternation})\b", re.IGNORECASE, engine="re")


def _ascii_word_gate(words: list[str]) -> LazyPattern:
    """_word_gate for ASCII text, where it finds the same matches three times as fast (most
    paragraphs that _has_pronoun reads hold no pronoun: the whole of them is searched). Its
    first element is a class of the words' first letters, which `re` skips to without trying
    the pattern; case is told by that class and a case-blind rest (ignoring case throughout
    loses the skipping); the word start is tested behind the first letter."""
    rests_by_first: dict[str, list[str]] = {}
    for word in words:
        rests_by_first.setdefault(word[0].lower(), []).append(word[1:].lower())
    branches = []
    for first, rests in sorted(rests_by_first.items()):
        rest = literal_alternation(rests)  # "" for a one-letter word alone, optional beside longer ones
        branches.append(f"(?<=[{first}{first.upper()}])" + (f"(?i:{rest})" if rest else ""))
    letters = "".join(first + first.upper() for first in sorted(rests_by_first))
    return LazyPattern(rf"[{letters}](?<!\w.)(?:{'|'.join(branches)})\b", engine="re")


def _more_words_than(text: str, start: int, end: int, most: int, reach: int = 200) -> bool:
    """Whether text[start:end] holds more than `most` words to str.split, which splits every match
    of a run of speaker words where the pattern's \\s+ does, or more often (\\x1c-\\x1f are blanks
    to it). Only its last `reach` characters are split: a long stretch costs no more (a word
    cut at their start is still one of its words)."""
    return len(text[max(start, end - reach) : end].split(maxsplit=most)) > most


def _holds_quote_marks(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a quotation mark (_QUOTE_MARKS), asked only of a stretch
    holding one of the characters it matches."""
    return (
        _QUOTE_MARK_CHARACTERS.search(text, start, end) is not None
        and _QUOTE_MARKS.search(text, start, end) is not None
    )


def _ascii_around(text: str, start: int, end: int) -> bool:
    """Whether the characters just before and after text[start:end] are ASCII (or absent)."""
    return (start == 0 or text[start - 1].isascii()) and (end == len(text) or text[end].isascii())


def _inside_sentence(text: str, sentence_start: int, offset: int) -> bool:
    """Whether offset is not where a sentence or clause starts (after its first words, no colon or dash)."""
    before = text[sentence_start:offset].rstrip()
    return bool(before) and before[-1] not in ":—–-("


def _is_numeral(text: str, start: int, match: regex.Match) -> bool:
    """ "World War I", "Charles I, ...": a Roman numeral after a capitalised word, not the pronoun."""
    before = text[max(start, match.start() - 20) : match.start()].split()
    if not before:
        return False
    if before[-1].lower() in _NUMERAL_BEFORE_I:
        return True
    following = text[match.end() : match.end() + 1]
    return before[-1][:1].isupper() and (not following or following in ",.;:)")
