"""Rule files are validated when loaded: every problem is one line, `file:line: id: what`."""

from __future__ import annotations

import json
import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslint.errors import RuleFileError
from newslint.rules import load_rule_file, load_rules, loader
from tests.kinds.fuzzing import fuzz

GOOD = """\
- id: t.ok
  kind: existence
  message: "no {match}"
  tokens: [utilize]
"""


def _load(tmp_path, text):
    path = tmp_path / "rules.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_rule_file(path)


def _error(tmp_path, text) -> str:
    with pytest.raises(RuleFileError) as caught:
        _load(tmp_path, text)
    message = str(caught.value)
    assert "\n" not in message
    return message.replace(str(tmp_path / "rules.yaml"), "rules.yaml")


def test_a_good_file_loads(tmp_path):
    [rule] = _load(tmp_path, GOOD)
    assert rule.id == "t.ok" and rule.info.level == "warning" and rule.info.line == 1


def test_a_single_mapping_is_one_rule(tmp_path):
    assert [r.id for r in _load(tmp_path, GOOD.replace("- id", "id").replace("\n  ", "\n"))] == ["t.ok"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (GOOD + "  colour: red\n", "rules.yaml:5: t.ok: unknown key 'colour' for kind existence"),
        (GOOD.replace("existence", "existance"), "rules.yaml:2: t.ok: kind: unknown kind 'existance'"),
        (
            GOOD.replace("tokens: [utilize]", "pattern: '(unclosed'"),
            "rules.yaml:4: t.ok: pattern: invalid regex '(unclosed'",
        ),
        (GOOD.replace('  message: "no {match}"\n', ""), "rules.yaml:1: t.ok: message: missing required key"),
        (
            GOOD.replace("- id: t.ok\n", "- kind: existence\n", 1).replace("  kind: existence\n", "", 1),
            "rules.yaml:1: id: missing required key",
        ),
        (
            GOOD.replace("tokens: [utilize]", "tokens: utilize"),
            "rules.yaml:4: t.ok: tokens: expected a list of strings, got a string",
        ),
        (GOOD + "  level: fatal\n", "rules.yaml:5: t.ok: level: expected one of error, warning, info, got 'fatal'"),
        (GOOD + "  ignorecase: 1\n", "rules.yaml:5: t.ok: ignorecase: expected true or false, got a number"),
        (GOOD.replace("{match}", "{matched}"), "rules.yaml:3: t.ok: message: unknown placeholder {matched}"),
        (GOOD + "  fix: safe\n", "rules.yaml:5: t.ok: fix: kind existence offers no replacement to apply"),
        (GOOD.replace("t.ok", "T.OK"), "rules.yaml:1: T.OK: id: 'T.OK' is not a rule id"),
        (GOOD + "  exceptions: ['[a-']\n", "rules.yaml:5: t.ok: exceptions: invalid regex '[a-'"),
        (GOOD + "  examples: {fail: [x], passes: [y]}\n", "rules.yaml:5: t.ok: examples: unknown key 'passes'"),
        (GOOD + GOOD, "rules.yaml:5: t.ok: duplicate rule id"),
        ("- id: [unclosed\n", "rules.yaml:2: invalid YAML"),
        ("just a string\n", "rules.yaml:1: expected a list of rules"),
        ("- 42\n", "rules.yaml:1: a rule must be a mapping of keys"),
        (GOOD + "  tokens: [again]\n", "rules.yaml:5: invalid YAML: duplicate key 'tokens'"),
    ],
)
def test_problems_are_reported_with_file_line_and_rule(tmp_path, text, expected):
    if "duplicate rule id" in expected:
        path = tmp_path / "rules.yaml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(RuleFileError) as caught:
            load_rules([path], builtin=False)
        message = str(caught.value).replace(str(path), "rules.yaml")
    else:
        message = _error(tmp_path, text)
    assert message.startswith(expected), message


def test_kind_specific_problems(tmp_path):
    both = GOOD.replace("tokens: [utilize]", "tokens: [a]\n  pattern: 'b'")
    assert "give either tokens or pattern" in _error(tmp_path, both)
    for template in ("c\\2", "\\g<name>", "dog\\q"):
        swap = GOOD.replace("existence", "substitution").replace("tokens: [utilize]", f"swap: {{'a(b)': '{template}'}}")
        assert f"'a(b)': bad replacement {template!r}" in _error(tmp_path, swap)
    empty = GOOD.replace("existence", "substitution").replace("tokens: [utilize]", "swap: {'': x}")
    assert "an empty key matches nothing" in _error(tmp_path, empty)
    case = GOOD.replace("existence", "balance").replace("tokens: [utilize]", "pairs: [['(', ')']]\n  ignorecase: true")
    assert "kind balance does not match by case" in _error(tmp_path, case)
    one_variant = GOOD.replace("existence", "consistency").replace("tokens: [utilize]", "variants: [Macau]")
    assert "list at least two forms" in _error(tmp_path, one_variant)
    wordlist = GOOD.replace("existence", "capitalization").replace(
        "tokens: [utilize]", "check: proper-nouns\n  wordlists: [no-such-list]"
    )
    assert "cannot read word list 'no-such-list'" in _error(tmp_path, wordlist)


def test_yes_and_no_stay_words(tmp_path):
    text = GOOD.replace("existence", "substitution").replace("tokens: [utilize]", "swap: {no: yes, 'on': 'off'}")
    [rule] = _load(tmp_path, text)
    assert rule._swaps[0][1] == ("yes",)


def test_user_word_lists_resolve_relative_to_the_rule_file(tmp_path):
    (tmp_path / "names.txt").write_text("# comment\nKharkiv\n", encoding="utf-8")
    text = GOOD.replace("existence", "capitalization").replace(
        "tokens: [utilize]", "check: proper-nouns\n  wordlists: [names.txt]"
    )
    [rule] = _load(tmp_path, text)
    assert rule._canonical == {"kharkiv": "Kharkiv"}


def test_a_missing_rule_path(tmp_path):
    with pytest.raises(RuleFileError, match="no such rule file or folder"):
        load_rules([tmp_path / "nope.yaml"], builtin=False)


def test_a_folder_of_rule_files(tmp_path):
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.yml").write_text(GOOD.replace("t.ok", "t.other"), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not rules", encoding="utf-8")
    assert load_rules([tmp_path], builtin=False).ids == ["t.ok", "t.other"]


# --- a remembered pack's rules, each cut from its JSON (loader._item_spans) -----------------------

_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet='ab,]["\\{}: é\n\u2028'),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(alphabet='ab,]"{:'), inner, max_size=3),
    max_leaves=12,
)


def _rules_decoded_whole(document: str) -> list:
    """The rules of a remembered document as it was read before: decoded whole, then its items."""
    plain = json.loads(document)
    return [plain] if "m" in plain else plain["s"]


@fuzz(300)
@given(st.lists(_JSON_VALUES, max_size=6), st.booleans())
def test_a_remembered_pack_is_cut_into_the_rules_it_holds(items, one_mapping):
    plain = {"m": items, "l": 1} if one_mapping else {"s": items, "l": 1, "i": list(range(len(items)))}
    document = json.dumps(plain, ensure_ascii=False)  # as yaml_source.to_json writes it
    spans = loader._item_spans(document)
    assert spans is not None and all(loader._is_span(list(span), len(document)) for span in spans)
    assert [json.loads(document[start:end]) for start, end in spans] == _rules_decoded_whole(document)


@pytest.mark.parametrize("document", ['{"x": 1}', '{"s": [1, 2', '{"s": [1 2]}', "[]"])
def test_a_document_not_written_as_to_json_writes_has_no_spans(document):
    assert loader._item_spans(document) is None


@pytest.mark.parametrize("span", [[0, 0], [-1, 3], [2, 11], [0, True], [1], "0 3", None, [0.0, 3]])
def test_a_span_read_from_the_memo_must_lie_within_its_document(span):
    assert not loader._is_span(span, 10) and loader._is_span([0, 10], 10)
