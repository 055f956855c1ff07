"""Regex helpers: word boundaries, word-list tries, and the literal shortcut."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from newslint.config import rule_set
from newslint.document import Document
from newslint.places import find_all, positions
from newslint.regexes import (
    bounded,
    bounded_literals,
    compile_literals,
    literal_alternation,
    matches_at,
    matches_at_within,
    required_literal,
    scan,
    scan_within,
)
from newslint.spans import Span
from newslint.triggers import AS_WORD, AT_WORD_START
from tests.kinds.fuzzing import fuzz, joined


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        ("kiev", "Kievan Kiev kiev's", ["Kiev", "kiev"]),
        (r"\.[ \t]*\.", "purchases. . x", [". ."]),
        (r"U\.S\.", "the U.S. and BU.S.", ["U.S."]),
    ],
)
def test_bounded_matches_whole_words_only(pattern, text, expected):
    assert [m.group() for m in regex.finditer(bounded(pattern), text, regex.IGNORECASE)] == expected


def test_literal_alternation_prefers_the_longest_phrase():
    pattern = regex.compile(bounded_literals(["hong", "hong kong", "kyiv"]))
    assert [m.group() for m in pattern.finditer("hong kong, hong, kyiv, hongs")] == ["hong kong", "hong", "kyiv"]
    assert literal_alternation([]) == r"(?!)"


def _alternation_one_node_a_call(phrases: list[str]) -> str:
    """literal_alternation as it was written before runs of single ways on were joined."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def written(node: dict) -> str:
        branches = [regex.escape(char) + written(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
        return body

    return written(trie) if trie else r"(?!)"


@fuzz(1000)
@given(st.lists(joined(st.sampled_from(list("ab .-#\\é\u3000") + ["ab", "ba", "a b"]), 6), max_size=8))
@example(["abc", "abd", "a"])
@example(["", "x"])
def test_a_word_lists_trie_is_written_as_one_node_a_call_wrote_it(phrases):
    assert literal_alternation(phrases) == _alternation_one_node_a_call(phrases)


@fuzz(500)
@given(
    st.lists(joined(st.sampled_from(list("ab_9 .-'\u0301é\u0663Ж\u3000#") + ["ab", "x y"]), 4, min_size=1), max_size=6)
)
@example([])
@example(["a", "_b", "\u0301x"])
def test_word_lists_are_bounded_and_given_an_engine_as_before(phrases):
    """compile_literals' source and engine, and bounded_literals, are what a match of each
    phrase's first and last characters told, one match a character as before."""
    from newslint.regexes import _WORD_CHAR

    plain = bool(phrases) and all(regex.match(_WORD_CHAR, p[0]) and regex.match(_WORD_CHAR, p[-1]) for p in phrases)
    alternation = literal_alternation(phrases)
    expected = rf"\b(?:{alternation})\b" if plain else bounded(alternation)
    literals = compile_literals(phrases)
    assert (literals.source, literals.engine) == (expected, "re" if plain else "regex")
    assert bounded_literals(phrases) == expected


@pytest.mark.parametrize(
    ("pattern", "literal"),
    [
        ("dozens of thousands", "dozens of thousands"),
        ("(?:gathered|condensed) ((?:a |the )?consensus)", "consensus"),
        (r"(?<![\p{L}_])(?:rose|grew)\s+in\s+(?:\d+|two)\s+times", "times"),
        (r"since (two|\d+) (years|months)", "since"),
        (r"[.,]\s*[.,]", None),
        ("(unbalanced", None),
    ],
)
def test_required_literal(pattern, literal):
    assert required_literal(pattern) == literal


def test_a_category_inside_a_set_is_no_literal_dot():
    """ "abc[\\p{L}]def" matches "abcxdef": it needs "abc" and "def", not "abc.def"; a match of
    "[.\\p{L}]x" may start with a letter, not only with a dot."""
    from newslint.regexes import leading_marks, leading_trigger, required_texts

    assert required_literal(r"abc[\p{L}\p{N}]def") == "abc"
    assert leading_trigger(r"abc[\p{L}]def") == ("abc", AT_WORD_START)
    assert sorted(required_texts(r"abc[\p{L}]def")) == [["abc"], ["def"]]
    assert leading_marks(r"(?:[.\p{L}]|,)x") == ""


def test_every_builtin_match_contains_its_rules_required_literal():
    """The shortcut may skip a rule only where it could not have matched."""
    for rule in rule_set():
        swaps = getattr(rule, "_swaps", None)
        # a swap's triggers: (text, how it stands) each; one of their texts is in every match
        keys = (
            [(key_pattern, [text for text, _ in trigger or ()]) for key_pattern, _, trigger in swaps] if swaps else []
        )
        if getattr(rule, "_literal", None):
            keys.append((rule._regex, [rule._literal]))
        for pattern, literals in keys:
            if not literals:
                continue
            for text in rule.info.examples.fail + rule.info.examples.passing:
                for match in pattern.finditer(text):
                    assert any(literal in match.group().lower() for literal in literals), (
                        rule.id,
                        literals,
                        match.group(),
                    )
                    assert any(literal in Document(text).folded for literal in literals)


PHRASES = ["hong kong", "hong", "kong", "U.S.", "us", "a.b", "-x"]


@given(
    st.text(alphabet=list("hongkU.Sa bsx-,\n"), max_size=60), st.lists(st.sampled_from(PHRASES), min_size=1, max_size=4)
)
def test_literal_matches_are_the_tries_matches(text, phrases):
    literals = compile_literals(phrases)
    expected = [(m.span(), m.group()) for m in literals.finditer(text)]
    starts = [at for phrase in phrases for at in find_all(phrase, text)]  # where str.find sees one
    assert [(m.span(), m.group()) for m in matches_at(literals, text, starts)] == expected


@given(
    st.text(alphabet=list("hongkU.Sa bsx-,\n"), max_size=60),
    st.lists(st.sampled_from(PHRASES), min_size=1, max_size=4),
    st.lists(st.integers(0, 60), max_size=6),
)
@example("hong kong, U.S. hong", ["hong kong", "hong", "U.S."], [0, 7, 11, 14, 16])
def test_literal_matches_tried_at_their_starts_are_those_a_scan_of_the_windows_finds(text, phrases, cuts):
    """Windows that touch, leave gaps, or cut a phrase in two: each match is bounded by the window
    that holds its start, and a start in no window is none."""
    literals = compile_literals(phrases)
    bounds = sorted({min(cut, len(text)) for cut in cuts})
    windows = [Span(start, end) for start, end in zip(bounds[::2], bounds[1::2])]
    expected = [(m.span(), m.group()) for m in scan_within(literals, text, windows)]
    starts = [at for phrase in phrases for at in range(len(text)) if text.startswith(phrase, at)]
    assert [(m.span(), m.group()) for m in matches_at_within(literals, text, starts + [0, 0], windows)] == expected


# --- patterns that start with one of a few marks: tried only where the marks stand -------------

# A body led by a few marks, and the context a rule may give it.
MARKED = [
    (r"(?:—|–|-{1,2})(?=[ \t]*(?:[\r\n]|\Z))", r"(?:^|[\n\r])[ \t]*", ()),
    (r"(?:—|–|-{1,2})(?=[ \t]*(?:[\r\n]|\Z))", None, ()),
    (r"[.!?]+(?=\s|\Z)", None, (r"\p{L}",)),
    (r"(?:\.|,|;)[ \t]*(?:\.|,)", r"\p{Ll}", (r"\.",)),
    (r"(?:-+|\.\.)x?", r"[\p{L}\p{M}]", ()),
    (r"[,;]", None, ()),
]
MARKED_TEXT = st.text(alphabet=list("—–-.,;!?x \t\r\n\x1c\u2028aZé\u0301\u00b71"), max_size=50)


def test_leading_marks_are_found_only_where_every_match_starts_with_one():
    from newslint.regexes import leading_marks

    assert leading_marks(MARKED[0][0]) == "-–—"
    assert leading_marks(r"[.!?]+(?=\s)") == "!.?"
    for pattern in [r"\.x", r"[.!?]?x", r"(?:\.|,)*", r"(?:—|–|)", r"[^.,]", r"[a.]", r"(?i)[.k]", r"[[:punct:]]"]:
        assert leading_marks(pattern) == "", pattern


@given(
    MARKED_TEXT,
    st.sampled_from(MARKED),
    st.booleans(),
    st.booleans(),
    st.lists(st.integers(0, 50), max_size=6),
)
@example("CNN\n\n—\n\nXi", MARKED[0], False, False, [])
@example("a\r\n--\r\n-\n", MARKED[0], False, False, [0, 3, 4, 9])
@example("—", MARKED[0], False, False, [0, 1])
@example(",;,", MARKED[-1], False, False, [])
def test_a_marked_pattern_finds_what_a_scan_with_its_context_as_look_behinds_finds(
    text, marked, ignorecase, whole_words, cuts
):
    """Windows that touch, leave gaps, or cut a match in two; a context checked at a window's
    edge; empty text: the matches are those of the pattern with its context as look-behinds."""
    from newslint.regexes import ContextPattern, with_context

    body, after, not_after = marked
    pattern = with_context(body, ignorecase, after, not_after, whole_words=whole_words)
    assert isinstance(pattern, ContextPattern) and pattern.marks
    searched = ContextPattern(pattern.body, pattern.checks)  # no marks: the body is searched for
    for spans, expected in _scans_with_look_behinds(pattern, ignorecase, text, cuts):
        assert [(m.span(), m.group()) for m in scan_within(pattern, text, spans)] == expected
        assert [(m.span(), m.group()) for m in scan_within(searched, text, spans)] == expected


def _scans_with_look_behinds(pattern, ignorecase, text, cuts):
    """The spans scanned -- all the text (None), then windows cut at `cuts`, which may cut a
    match in two -- each with the matches there of the pattern with its context as look-behinds."""
    plain = regex.compile(pattern.source, regex.IGNORECASE if ignorecase else 0)
    bounds = sorted({min(cut, len(text)) for cut in cuts})
    windows = [Span(start, end) for start, end in zip(bounds[::2], bounds[1::2])]
    for spans in (None, windows):
        searched = spans if spans is not None else [Span(0, len(text))]
        yield spans, [(m.span(), m.group()) for start, end in searched for m in plain.finditer(text, start, end)]


def test_a_leading_mark_is_the_one_mark_every_match_starts_with():
    from newslint.regexes import leading_mark, leading_marks

    assert leading_mark(r"!(?=\p{Lu})") == "!"
    assert leading_mark("，") == "，"  # a full-width comma has no case either
    assert leading_mark(r"(?:;|;)\s") == ";"
    for pattern in [r"(?:—|–)", r"!?x", r"k!", r"(?:!){e<=1}", r"[.!?]", r"(?i)k"]:
        assert leading_mark(pattern) is None, pattern
    assert leading_marks(r"(?:—|–){e<=1}") == ""  # fuzzy: a match may start with another character


# --- the texts a match must hold one of (required_texts): a swap is skipped where one is missing ---

# Pieces of patterns as rule files write them: literals, small classes, optional letters,
# alternations, short and open repeats, look-arounds and boundaries, groups of them.
PATTERN_PIECES = st.sampled_from(
    [
        "ab",
        "ba ",
        "b",
        " ",
        "[- ]",
        "[ab]",
        "a?",
        "(?:ab|b a|a)",
        "(?:a|)",
        "a{1,2}",
        "-{0,2}",
        r"\d+",
        "[^a]",
        ".",
        "(?=b)",
        "(?!a)",
        r"\b",
        "(ba|ab)",
        "(?:b[ab]a)?",
        "(?:ab)+",
        "(?:aa|bb|ab|ba)(?:ab|ba)",
        r"(?:aba\d|b ab.|a-b+)",  # branches that cannot be spelt out: one text of each
        r"\.",
        ",",
        "[ ,]*",  # an open repeat of marks: what a mark after it stands after
        "-+",
        "[-.]?",
        r"(?:, ?)+",
        r"[\p{L}-]",  # a category of `regex` inside a set: any letter, not a dot
        r"[.\p{Lu}]?",
    ]
)
PATTERNS = st.lists(PATTERN_PIECES, min_size=1, max_size=7).map("".join)


@given(PATTERNS, st.text(alphabet=list("abAB -1\n,.\t"), max_size=40))
@example("(?:ab|b a|a)ba [- ]ab", "b a ba -ab a ba ab")
@example("a?bab-{0,2}ab", "bab--ab ABAB")
@example(r"(?:aba\d|b ab.|a-b+)", "b abb a-bb")
@example(r"\.[ ,]*,", ". , .,, .,")
@example(r"a-+[-.]?\.", "a--. a-.. a-.")
@example(r"ab[\p{L}-]ba", "abxba ab-ba")
def test_every_match_holds_one_text_of_each_requirement(pattern, text):
    from newslint.regexes import required_texts

    requirements = required_texts(pattern)
    for match in regex.finditer(pattern, text, regex.IGNORECASE, overlapped=True):
        matched = match.group().lower()
        for texts in requirements:
            assert any(needed in matched for needed in texts), (pattern, matched, texts)


@pytest.mark.parametrize(
    ("pattern", "requirements"),
    [
        (r"an? (\d+(?:[.,]\d+)?)( ?%| per ?cent| percent) of", [[" per cent of", " percent of", "% of"]]),
        ("hot[- ]search (list|lists|ranking|board)", [["hot search ", "hot-search "]]),
        (r"since (two|\d+) (years|months)", [["since "], [" months", " years"]]),
        ("according to (my|her) (?:opinion|view|point of view|viewpoint)", [["according to her", "according to my "]]),
        (
            "according to (my|our|his|her|their) (?:opinion|view|point of view|viewpoint)",
            [["according to "], ["opinion", "view"]],  # ten beginnings cut to the one they share
        ),
        (r"[.,]\s*[.,]", []),
        (r",[ \t]*,", [["\t,", " ,", ",,"]]),  # what the second mark stands after
        (r"x[ \t]*,", []),  # a letter and a mark are common
        (r"\p{L}+ (?:media)", [[" media"]]),
        ("a{e<=1}bcd", []),
        ("(unbalanced", []),
    ],
)
def test_required_texts(pattern, requirements):
    from newslint.regexes import required_texts

    assert required_texts(pattern) == requirements


# --- the ways a match may start (leading_triggers): a rule runs only where one of them stands ---

_LEADING_PIECES = st.sampled_from(
    ["ab", "ba", "a", "b", "[ab]", "[Aa]b", "(?:ab|ba)", "(?:a|b a)", "b?", "a-b", "(?-i:ab)"]
)


@given(
    st.lists(_LEADING_PIECES, min_size=1, max_size=4).map("".join),
    st.lists(PATTERN_PIECES, max_size=3).map("".join),
    st.text(alphabet=list("abAB -1\n,.\t_é\u0301"), max_size=40),
)
@example("[ab]a-b", " b", "xa-b b ba-b ab-b b")
@example("(?:a|b a)", "", "b a ba a_ b a")
def test_every_match_starts_where_one_of_its_leading_triggers_stands(head, tail, text):
    """As the trigger index finds them: at a word start (no letter, digit or _ before), and for a
    whole word, none after either."""
    from newslint.regexes import leading_triggers, with_context

    triggers = leading_triggers(head + tail)
    if not triggers:
        return
    folded = text.lower()

    def word(at: int) -> bool:
        return 0 <= at < len(folded) and (folded[at].isalnum() or folded[at] == "_")

    def stands(trigger: tuple[str, int], at: int) -> bool:
        found, standing = trigger
        if not folded.startswith(found, at) or word(at - 1):
            return False
        return standing != AS_WORD or not word(at + len(found))

    for match in scan(with_context(head + tail, True), text):
        assert any(stands(trigger, match.start()) for trigger in triggers), (head + tail, match.group(), triggers)


@pytest.mark.parametrize(
    ("pattern", "triggers"),
    [
        ("self[- ]media", [("self media", AS_WORD), ("self-media", AS_WORD)]),
        ("participat(e|es|ed|ing) to", [(f"participat{end} to", AS_WORD) for end in ("e", "ed", "es", "ing")]),
        ("hot[- ]search (list|lists|ranking|rankings|board)", [("hot search", AS_WORD), ("hot-search", AS_WORD)]),
        (r"has (\d{1,3}) years", [("has", AS_WORD)]),
        ("(?:eat|ate)s?", [("ate", AS_WORD), ("ates", AS_WORD), ("eat", AS_WORD), ("eats", AS_WORD)]),
        (  # fifteen ways: the five it may start with, which may go on
            "(?:eat|ate|eats|ates|eaten)(?:s|ing)?",
            [(text, AT_WORD_START) for text in ("ate", "ates", "eat", "eaten", "eats")],
        ),
        (
            "according to (my|our|his|her|their) (?:personal )?view",
            [(f"according to {whose}", AS_WORD) for whose in ("her", "his", "my", "our", "their")],
        ),
        (r"ab\d", None),  # two letters that may go on: too short
        (r"\d+ years", None),
    ],
)
def test_leading_triggers(pattern, triggers):
    from newslint.regexes import leading_triggers

    assert leading_triggers(pattern) == triggers


# --- gates: a body led by a mark is searched for only where the mark stands before a character
# that may follow it (mark_gate) ---

_ANY_BUT_A_DIGIT = r"(?:^|\D)"  # a context: a body on its own with one leading mark is no ContextPattern
# (body, after, ignorecase): the built-in bodies of punct.missing-space and punct.lone-dash, and
# others with look-aheads, letters that case folds, an end of text, several marks.
GATED = [
    (r"\.(?=\p{Lu}\p{Ll}|[“\"‘]\p{Lu})", r"[\p{Ll}\p{N}]{2}|\p{Lu}\p{Ll}", False),
    (r",(?=\p{L}{2})", r"\p{L}\p{Ll}", False),
    (r"(?:—|–|-{1,2})(?=[ \t]*(?:[\r\n]|\Z))", r"(?:^|[\n\r])[ \t]*", False),
    (r";(?=k)", _ANY_BUT_A_DIGIT, True),  # "K" and the Kelvin sign follow it too
    (r"\?(?=\s*(?:\Z|x))", _ANY_BUT_A_DIGIT, False),
    (r"(?:!|,)(?=[^\W\d])", None, False),
    (r"\.(?=[ \t]*\p{Lu})|\.\.", _ANY_BUT_A_DIGIT, False),
    (r"\?(?=[a-c]{3}|x\Z)", _ANY_BUT_A_DIGIT, True),  # read two characters on, and more
]
GATED_TEXT = joined(
    st.sampled_from(list('.,;!?—–- \t\r\n\xa0\u2028\u3000“"‘’kK\u212aaZéÉßЖ1_x') + ["ab", "Cd", "Éé", "--", " \n"]),
    max_size=16,
)


@fuzz(1000)
@given(GATED_TEXT, st.sampled_from(GATED), st.lists(st.integers(0, 40), max_size=6))
@example("ab.Cd.“É", GATED[0], [])
@example("Ab,cdÉ,Ж", GATED[1], [])
@example("a--\n—", GATED[2], [])
@example("—\n-\n", GATED[2], [])  # the first place of all is not the first mark's
@example("a;K1;\u212a", GATED[3], [])
@example("x?\n", GATED[4], [0, 2])
@example("?", GATED[4], [])
@example("a,Éb! Z!", GATED[5], [])
@example("a. Cd..", GATED[6], [])
@example("a?abc ?Ab ?x b?X", GATED[7], [])
def test_a_gated_body_finds_what_a_scan_with_its_context_as_look_behinds_finds(text, gated, cuts):
    """The gate only skips places where no match starts: the matches are those of the pattern,
    context as look-behinds, searched everywhere (with windows that cut matches too)."""
    from newslint.regexes import ContextPattern, with_context

    body, after, ignorecase = gated
    pattern = with_context(body, ignorecase, after, whole_words=False)
    assert isinstance(pattern, ContextPattern) and pattern.gate is not None
    for spans, expected in _scans_with_look_behinds(pattern, ignorecase, text, cuts):
        assert [(m.span(), m.group()) for m in scan_within(pattern, text, spans)] == expected


@pytest.mark.parametrize(
    "body",
    [
        r"\.",  # any character may follow
        r"(?<=a)\.(?=b)",  # looks behind the mark
        r"\b\.(?=b)",
        r"\.(?!b)",  # a negative look-ahead
        r"\.(?=b)\K",
        r"x\.(?=b)",  # starts with a letter
        r"[.a](?=b)",
    ],
)
def test_a_body_gets_no_gate_when_a_test_of_its_mark_cannot_tell(body):
    from newslint.regexes import LazyPattern, mark_gate

    assert mark_gate(LazyPattern(body)) is None


def test_a_gate_refuses_only_what_cannot_follow_the_mark():
    from newslint.regexes import LazyPattern, mark_gate

    gate = mark_gate(LazyPattern(r"(?:,|-{1,2})(?=\p{Lu}|-|\Z)"))
    assert gate is not None
    text = "a,b,C-,-"
    assert gate.starts(text, 0, len(text)) == [3, 6, 7]
    assert gate.starts(text, 4, 7) == [6]  # "," ends the window "C-,", as it may end a text
    assert "Ж" not in gate.refused[","] and "a" in gate.refused[","] and "-" not in gate.refused["-"]
    assert gate.at_end == {",", "-"}


def test_a_gate_reads_two_characters_after_a_mark_few_may_follow():
    """ ". " is refused at once; ".S." (U.S.) only at its second character; ".Sm" opens."""
    from newslint.regexes import LazyPattern, mark_gate

    gate = mark_gate(LazyPattern(r"\.(?=\p{Lu}\p{Ll})"))
    assert gate is not None
    text = "U.S. officials met Mr.Smith. .A"
    assert gate.starts(text, 0, len(text)) == [text.index(".Smith")]
    assert gate.starts(".É", 0, 2) == [0] and gate.starts(".S", 0, 2) == []  # more may follow É; after S, none


def _each_in_set(char: str) -> str:
    """A character inside [...] of a `re` pattern, as the gates wrote it one at a time before."""
    import re

    return f"\\x{ord(char):02x}" if ord(char) < 128 else re.escape(char)


@fuzz(500)
@given(st.sets(st.characters() | st.sampled_from(list("]^-\\\x00\x7f\x80 \t.“\ud800")), max_size=40))
@example(set("]^-\\"))
def test_a_gates_set_of_characters_is_written_as_each_escaped_alone(chars):
    """_in_set translates all the characters at once: the same text as each one escaped alone, in
    order, and a `re` class of it holds those characters and no other."""
    import re

    from newslint.regexes import _in_set

    written = _in_set(frozenset(chars))
    assert written == "".join(map(_each_in_set, sorted(chars)))
    if chars:
        allowed = re.compile(f"[{written}]")
        assert all(allowed.fullmatch(char) for char in chars)
        assert not any(allowed.fullmatch(chr(code)) for code in range(0x180) if chr(code) not in chars)


def _following_as_first_written(refused: dict[str, str], at_end: frozenset[str], read: str) -> str:
    """MarkGate._following as first written: each set spelt out character by character (the
    reference for the sets now written once each)."""
    further: dict[str, list[str]] = {}
    for next_read in refused:
        if len(next_read) == len(read) + 1 and next_read.startswith(read):
            further.setdefault(_following_as_first_written(refused, at_end, next_read), []).append(next_read[-1])
    unread = set(refused[read]).union(*further.values())
    branches = [f"[^{''.join(map(_each_in_set, sorted(unread)))}]"]
    branches += [
        f"[{''.join(map(_each_in_set, sorted(chars)))}](?:{after})" for after, chars in sorted(further.items())
    ]
    return "|".join(branches + (["\\Z"] if read in at_end else []))


_REFUSABLE = st.text(st.sampled_from(list(".,!-ab Z\n\\]^é“—")), min_size=1, max_size=8)


@fuzz(300)
@given(
    st.dictionaries(
        st.sampled_from([".", "!", "-"]), st.dictionaries(st.sampled_from(list("ab .-“\\]")), _REFUSABLE), min_size=1
    ),
    st.dictionaries(st.sampled_from([".", "!", "-"]), _REFUSABLE),
    st.sets(st.sampled_from([".", "!", ".a", "- ", "-a"])),
)
def test_a_gate_writes_what_may_follow_a_mark_as_it_was_first_written(seconds, marks, at_end):
    """The gate's patterns are those of sets spelt out at each read (the same sets, in the same
    order: the re_programs memo knows them by their text), for gates of one and of two reads."""
    from newslint.regexes import MarkGate

    refused = {**marks, **{mark + char: chars for mark, after in seconds.items() for char, chars in after.items()}}
    refused.update((mark, refused.get(mark, "a")) for mark in seconds)
    gate = MarkGate(refused, at_end)
    expected = [
        (mark, re.escape(mark) + f"(?={_following_as_first_written(refused, frozenset(at_end), mark)})")
        for mark in sorted(read for read in refused if len(read) == 1)
    ]
    assert [(mark, pattern.source) for mark, pattern in gate.patterns] == expected


@fuzz(300)
@given(
    st.text(alphabet="\"“”'ab 19", max_size=30),
    st.lists(st.sampled_from(['"', "“", "”", "'", "19", "9", "x"]), max_size=4),
    st.integers(0, 30),
    st.integers(0, 30),
)
def test_the_places_of_literals_are_every_place_each_starts_in_order(text, literals, start, end):
    """places.positions: each place where one of the literals starts inside text[start:end]
    (overlapping ones too), in order, whether one literal stands there or several."""
    expected = sorted(
        at
        for literal in literals
        for at in range(start, end)
        if text.startswith(literal, at) and at + len(literal) <= min(end, len(text))
    )
    assert positions(text, literals, start, end) == expected
