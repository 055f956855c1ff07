"""Rules the engine runs fast: triggers, context after the match instead of leading look-behinds,
named word lists; the built-in packs must keep to them, a user's rule file is warned."""

from __future__ import annotations

import textwrap

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from newslint import filenames, segmentation
from newslint.config import rule_set
from newslint.document import Document
from newslint.errors import RuleFileError, RuleFileWarning
from newslint.regexes import Anchors, lazy, matches_in_tokens, scan, with_context
from newslint.rules import load_rule_file
from newslint.rules.loader import speed_problems
from newslint.rules.patterns import leads_with_lookbehind
from newslint.triggers import TriggerIndex, Triggers
from tests.conftest import run_cli, run_rules

LOOKBEHIND_RULE = """\
- id: house.assisted
  kind: substitution
  message: "write '{suggestion}'"
  swap:
    '(?<!\\bwas\\s)assisted to': attended
"""
NO_TRIGGER_RULE = """\
- id: house.digits
  kind: existence
  message: "digits"
  pattern: '[0-9]x'
"""


def _write(tmp_path, text: str):
    path = tmp_path / "rules.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_no_built_in_pattern_leads_with_a_look_behind_or_lacks_a_trigger():
    rules = list(rule_set((), True))
    patterns = [pattern for rule in rules for pattern in getattr(rule, "patterns", [])]
    assert len(patterns) > 150  # every substitution key and existence pattern is checked
    assert [(rule.id, speed_problems(rule)) for rule in rules if speed_problems(rule)] == []


@pytest.mark.parametrize(
    ("text", "problem"), [(LOOKBEHIND_RULE, "leads with a look-behind"), (NO_TRIGGER_RULE, "no trigger")]
)
def test_a_built_in_rule_that_would_be_slow_does_not_load(tmp_path, text, problem):
    with pytest.raises(RuleFileError) as caught:
        load_rule_file(_write(tmp_path, text), builtin=True)
    assert problem in str(caught.value) and ":4: house." in str(caught.value)


@pytest.mark.parametrize("text", [LOOKBEHIND_RULE, NO_TRIGGER_RULE])
def test_a_users_rule_that_would_be_slow_loads_with_a_warning(tmp_path, text):
    with pytest.warns(RuleFileWarning, match=r"rules\.yaml:4: house\."):
        [rule] = load_rule_file(_write(tmp_path, text))
    assert rule.id.startswith("house.")


def test_the_command_line_shows_the_warning_on_one_line(tmp_path, capsys):
    rules = _write(tmp_path, LOOKBEHIND_RULE)
    story = tmp_path / "story.txt"
    story.write_text("Fans assisted to the match. Guests were helped.\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "--no-cache", "--isolated", "--rules", str(rules), str(story))
    assert code == 1 and "house.assisted" in out
    [warning] = [line for line in err.splitlines() if "warning" in line]
    assert warning.startswith("newslint: warning: ") and "`after` or `not_after`" in warning


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [("(?<=a)b", True), ("(?:(?<!x)y)", True), ("(?i:(?<=a)b)", True), ("a(?<=a)", False), (r"\(?<=", False)],
)
def test_a_leading_look_behind_is_found_inside_opening_groups(pattern, expected):
    assert leads_with_lookbehind(pattern) is expected


@given(st.text(alphabet="ab .\n", max_size=40))
def test_context_after_the_match_finds_what_a_leading_look_behind_finds(text):
    for body, after, not_after in [("b+", None, ["a ", "^"]), ("b[ .]*b", "a|\\.", []), (" ?b", "a", ["ab"])]:
        lookbehinds = (f"(?<={after})" if after else "") + "".join(f"(?<!{before})" for before in not_after)
        expected = [m.span() for m in regex.finditer(lookbehinds + body, text)]
        found = [m.span() for m in scan(with_context(body, False, after, not_after, whole_words=False), text)]
        assert found == expected


def test_a_named_list_is_written_once_and_used_in_several_patterns(make_rules):
    [rule] = make_rules(
        """\
        - id: house.assist
          kind: substitution
          message: "write '{suggestion}'"
          lists:
            event: [ceremony, summits?]
          swap:
            'assisted to (the \\L<event>)': 'attended \\1'
            'assist to (the \\L<event>)':
              to: 'attend \\1'
              not_after: '\\bwill not\\s'
        """
    )
    text = "Fans assisted to the summits. He will not assist to the ceremony. They assist to the ceremony."
    assert [(f.start, f.fix.replacement) for f in run_rules([rule], text)] == [
        (5, "attended the summits"),
        (71, "attend the ceremony"),
    ]


def test_an_unknown_named_list_is_a_load_error(tmp_path):
    text = LOOKBEHIND_RULE.replace("'(?<!\\bwas\\s)assisted to'", "'assisted to \\L<events>'")
    with pytest.raises(RuleFileError, match=r"no list called 'events'"):
        load_rule_file(_write(tmp_path, text))


def test_a_rule_runs_only_where_one_of_its_triggers_is(make_rules):
    [rule] = make_rules(
        """\
        - id: house.per-cent
          kind: substitution
          message: "write '{suggestion}'"
          triggers: ["%", per cent]
          swap:
            '(\\d+) ?(?:%|per cent) of': '\\1 percent of'
        """
    )
    assert rule.triggers() == Triggers(words=frozenset({"per cent"}), strings=frozenset({"%"}))
    assert len(run_rules([rule], "A 5% of them and 6 per cent of others.")) == 2
    assert run_rules([rule], "A 5 percent of them.") == []


def test_trigger_words_stand_on_word_boundaries_and_strings_anywhere():
    index = TriggerIndex([Triggers(words=frozenset({"her", "per cent"}), strings=frozenset({" ,", "ate"}))])
    folded = "others saw her , per centre and per cent; the state ate."
    assert index.positions(folded) == {"her": [11], " ,": [14], "per cent": [32], "ate": [48, 52]}
    doc = Document("Others , her.")
    doc.use_triggers(index)
    assert doc.holds_any(Triggers(words=frozenset({"her"}))) and not doc.holds_any(Triggers(strings=frozenset({"ate"})))


@given(st.text(alphabet="ab1_.-& #;\n\u00a0\x1cpngcom", max_size=60))
@example("see kiev-night.png, a .png file, caf&#233; &amp; One.Tel and One.Tel\x1cx.com.It")
@example("a-.png b.c.png.x ..com &#x1F;.io")
@example("U.S. 3.5 10.25 Één.Tél ab.c a.bc ab.cd.e x\u0301y.zz \u2028One.Tel\r\nOne.Tel")
def test_names_and_files_searched_token_by_token_find_what_a_whole_scan_finds(text):
    for pattern, anchor in [
        (segmentation._FILE_OR_ENTITY, segmentation._FILE_OR_ENTITY_ANCHOR),
        (segmentation._DOTTED_NAME, segmentation._DOTTED_NAME_ANCHOR),
    ]:
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in matches_in_tokens(pattern, anchor, text)] == expected


@given(st.text(alphabet="ab:/.@#_-w cmo\n\u00e9\u0301", max_size=60))
@example("see https://x.com/a, www.kyiv.ua. mail me@a.co.uk #kyiv @un x.comb a.com\u0301 w.museum")
def test_urls_searched_token_by_token_find_what_a_whole_scan_finds(text):
    expected = [m.span() for m in segmentation.URLISH.finditer(text)]
    assert [tuple(span) for span in segmentation.urls(text)] == expected


_LITERAL_ANCHORS = ["://", "www.", "@", "#", "&", "/", "aa"]


@given(st.text(alphabet="aw:/.@#&b \r\n\x1c\u2028\u00e9\u0301", max_size=60))
@example("")
@example("aaaaa wwww.www. ::///https://x @@##&&")
def test_literal_anchors_start_where_their_patterns_match(text):
    as_literals = Anchors(*_LITERAL_ANCHORS)
    as_patterns = Anchors(*(lazy(regex.escape(literal), engine="re") for literal in _LITERAL_ANCHORS))
    assert as_literals.starts(text) == as_patterns.starts(text)


@given(st.text(alphabet="ab/._~- \n\u017fKvgpdfjs", max_size=50))
@example("see /img/kiev.png, ~/copy, and/or ./x and ../y a.JPG b.ſvg c.Kml stories/2024/talks.pdf")
def test_file_names_found_from_quick_anchors_are_those_found_from_exact_ones(text):
    assert filenames.file_names(text) == filenames.file_names(text, filenames._ANCHOR)
