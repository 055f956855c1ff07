"""The bilingual kinds other than numbers: line counts, empty and untranslated lines, words left
in the source's script, length ratios, end punctuation and glossaries -- each with pairs that must
fire and controls that must stay silent."""

from __future__ import annotations

import pytest

from newslint import Config, lint_text, lint_translation
from newslint.bitext.readers import tsv
from newslint.errors import RuleFileError
from newslint.linter import check_document

BITEXT = Config(select=("bitext",))


def _rules(source: str, target: str, language: str | None = None) -> list[str]:
    return [f.rule for f in lint_translation(target, source, config=BITEXT, language=language)]


def test_bilingual_rules_are_silent_without_a_source():
    assert [f for f in lint_text("Jiangxi issued 28 million yuan in funds\n") if f.rule.startswith("bitext")] == []


# --- line-aligned pairs --------------------------------------------------------------------------


def test_a_translation_with_a_line_too_many_is_reported_at_its_first_extra_line():
    [finding] = lint_translation("First.\nSecond.\nThird.\n", "第一。\n第二。\n", config=BITEXT)
    assert (finding.rule, finding.line, finding.source) == ("bitext.line-count", 3, None)
    assert finding.message == "The source has 2 lines, the translation 3: from here on, lines no longer pair up"


def test_a_translation_with_a_line_too_few_is_reported_at_its_end_with_the_first_source_line_left():
    [finding] = lint_translation("First.\n", "第一。\n第二。\n", config=BITEXT)
    assert (finding.rule, finding.line, finding.column) == ("bitext.line-count", 2, 1)
    assert (finding.source.line, finding.source.text) == (2, "第二。")


def test_blank_lines_align_and_trailing_ones_do_not_count():
    assert _rules("第一。\n\n第二。\n", "First.\n\nSecond.\n\n\n") == []


def test_an_empty_line_whose_source_has_words():
    [finding] = lint_translation("First.\n\nThird.\n", "第一。\n第二。\n第三。\n", config=BITEXT)
    assert (finding.rule, finding.line, finding.unit) == ("bitext.empty-target", 2, "2")
    assert _rules("第一。\n——\n第三。\n", "First.\n\nThird.\n") == []  # a source line without words


# --- untranslated copy ---------------------------------------------------------------------------


def test_a_translation_that_is_its_source():
    assert _rules("越南与新加坡签署谅解备忘录。", "越南与新加坡签署谅解备忘录。") == ["bitext.untranslated"]
    assert _rules("Merkel traf Macron am Montag.", "merkel traf macron  am Montag.") == ["bitext.untranslated"]
    assert _rules("Angela Merkel", "Angela Merkel") == []  # a name
    assert _rules("Berlin, 3. Oktober", "Berlin, 3. Oktober") == []  # a dateline


def test_words_left_in_the_source_script():
    findings = lint_translation("Vietnam and Singapore sign 谅解备忘录.", "越南与新加坡签署谅解备忘录。", config=BITEXT)
    assert [(f.rule, f.message) for f in findings] == [
        ("bitext.source-script", "'谅解备忘录' is left in Chinese: untranslated?")
    ]
    assert _rules("打开@芳芳一人食抖音账号。", "Open the Douyin account @芳芳一人食.") == []
    assert _rules("Путин встретился с Си.", "Putin met Си Цзиньпин.", "ru") == ["bitext.source-script"]
    assert _rules("Putin trifft Xi.", "Putin meets Xi.", "de") == []  # Latin script: not judged


# --- length --------------------------------------------------------------------------------------

LONG_SOURCE = (
    "高温闷热天气时，要准备充足的水饮，及时饮用，不要等口渴了才喝水，因为一旦感觉口渴表示身体已经缺水了，"
    "每次喝水控制在150毫升至200毫升，喝温开水，不要喝冰水。"
)


def test_a_translation_far_shorter_than_its_source():
    [finding] = lint_translation(
        "Do not wait until you are thirsty.", LONG_SOURCE, config=Config(select=("bitext.length-ratio",))
    )
    assert finding.message == "The translation is 11% of the length its source suggests: a sentence lost?"


def test_a_translation_far_longer_than_its_source():
    padding = "The video is a great way to learn about the history of the country and its people. " * 3
    findings = lint_translation(padding, "精美的视频令人耳目一新。", config=Config(select=("bitext.length-ratio",)))
    assert findings == []  # too short a source to judge
    findings = lint_translation(padding * 3, LONG_SOURCE[:40], config=Config(select=("bitext.length-ratio",)))
    assert [f.message for f in findings] == [
        "The translation is 4.6 times the length its source suggests: a sentence added?"
    ]


def test_length_is_not_judged_for_a_language_without_a_factor():
    assert _rules("Ez egy nagyon hosszú magyar mondat, amely sok mindenről szól.", "Short.", "hu") == []


# --- end punctuation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "target", "fires"),
    [
        ("越南与新加坡签署谅解备忘录。", "Vietnam and Singapore sign a memorandum", True),
        ("他问：为什么？", "He asked why", True),
        ("Der Umsatz stieg.", "Sales rose", True),
        ("据悉，该项目包括：", "The project reportedly includes the following.", True),
        ("越南与新加坡签署谅解备忘录。", "Vietnam and Singapore sign a memorandum.", False),
        ("越南与新加坡签署谅解备忘录", "Vietnam and Singapore sign memorandum", False),  # a headline
        ("中新社记者富田摄", "Photo by China News Service reporter Fu Tian.", False),  # a caption
        ("“时间很紧。”", '"Time was tight."', False),
        ("“时间很紧。”", "“Time was tight”", True),
        ("越南与新加坡签署谅解备忘录。", "Vietnam and Singapore sign a memorandum。", False),  # another rule's
    ],
)
def test_end_punctuation(source, target, fires):
    assert _rules(source, target) == (["bitext.end-punctuation"] if fires else [])


# --- glossary ------------------------------------------------------------------------------------

GLOSSARY = """
- id: house.glossary
  kind: glossary
  message: "'{source}' is rendered '{suggestion}' in the glossary"
  terms:
    一带一路: Belt and Road Initiative
    全国人民代表大会: [National People's Congress, NPC]
    人民代表大会: people's congress
    Bundestag: [Bundestag, German parliament]
"""


def _run(rules, doc):
    return check_document(doc, rules).findings


def test_glossary_finds_a_term_rendered_otherwise(make_rules):
    [rule] = make_rules(GLOSSARY)
    doc = tsv.read("习近平谈一带一路。\tXi spoke about the New Silk Road.\n", "pairs.tsv")
    [finding] = _run([rule], doc)
    assert finding.message == "'一带一路' is rendered 'Belt and Road Initiative' in the glossary"
    assert (finding.start, finding.end) == (doc.source.index("Xi"), len(doc.source) - 1)  # the translation
    assert doc.source[finding.source.start : finding.source.end] == "一带一路"
    assert finding.fix is None


def test_glossary_is_silent_when_a_rendering_is_there_whatever_its_case_and_hyphens(make_rules):
    [rule] = make_rules(GLOSSARY)
    for target in ("Xi spoke about the Belt and Road Initiative.", "Xi spoke about the belt-and-road initiative."):
        assert _run([rule], tsv.read(f"习近平谈一带一路。\t{target}\n", "pairs.tsv")) == []


def test_glossary_matches_latin_terms_as_whole_words_regardless_of_case(make_rules):
    [rule] = make_rules(GLOSSARY)
    fires = tsv.read("Der BUNDESTAG hat entschieden.\tParliament decided.\n", "pairs.tsv")
    assert [f.message for f in _run([rule], fires)] == [
        "'Bundestag' is rendered 'Bundestag' or 'German parliament' in the glossary"
    ]
    assert _run([rule], tsv.read("Die Bundestagswahl ist vorbei.\tThe election is over.\n", "pairs.tsv")) == []
    assert _run([rule], tsv.read("Der Bundestag hat entschieden.\tThe German Parliament decided.\n", "pairs.tsv")) == []


def test_glossary_looks_for_the_longest_term_first(make_rules):
    [rule] = make_rules(GLOSSARY)
    doc = tsv.read("全国人民代表大会开幕。\tThe NPC opened.\n", "pairs.tsv")
    assert _run([rule], doc) == []  # 人民代表大会 inside it is not looked for again


def test_a_term_left_untranslated_is_an_unsafe_fix_when_the_glossary_gives_one_rendering(make_rules):
    [rule] = make_rules(GLOSSARY)
    doc = tsv.read("习近平谈一带一路。\tXi spoke about 一带一路.\n", "pairs.tsv")
    [finding] = _run([rule], doc)
    assert doc.source[finding.start : finding.end] == "一带一路"
    assert (finding.fix.replacement, finding.fix.applicability) == ("Belt and Road Initiative", "unsafe")
    several = tsv.read("全国人民代表大会开幕。\t全国人民代表大会 opened.\n", "pairs.tsv")
    [finding] = _run([rule], several)
    assert finding.fix is None  # two renderings: the editor chooses


@pytest.mark.parametrize(
    ("terms", "problem"),
    [
        ("terms: {}", "terms: expected a mapping of source term -> rendering (or a list of renderings)"),
        ("terms: [a, b]", "terms: expected a mapping of source term -> rendering (or a list of renderings)"),
        ("terms: {一带一路: []}", "terms: '一带一路': expected a rendering or a list of renderings"),
        ("terms: {一带一路: [3]}", "terms: '一带一路': expected a rendering or a list of renderings"),
    ],
)
def test_glossary_terms_are_validated(make_rules, terms, problem):
    with pytest.raises(RuleFileError) as error:
        make_rules(f"- id: house.glossary\n  kind: glossary\n  message: m\n  {terms}\n")
    assert (error.value.problem, error.value.line) == (problem, 4)  # the line of `terms`


def test_glossary_examples_are_pairs(make_rules):
    [rule] = make_rules(
        GLOSSARY
        + '  examples:\n    fail: ["习近平谈一带一路。\\tXi spoke about the New Silk Road."]\n'
        + '    pass: ["习近平谈一带一路。\\tXi spoke about the Belt and Road Initiative."]\n'
    )
    assert check_document(rule.example_document(rule.info.examples.fail[0]), [rule]).findings
    assert not check_document(rule.example_document(rule.info.examples.passing[0]), [rule]).findings


def test_length_ratio_options_are_validated(make_rules):
    with pytest.raises(RuleFileError) as error:
        make_rules("- id: x.length\n  kind: length-ratio\n  message: m\n  factors: {zh: -1}\n")
    assert error.value.problem == "factors: zh: expected a positive number, got -1"
    for endless in (".inf", ".nan"):  # YAML's numbers that are no factor
        with pytest.raises(RuleFileError) as error:
            make_rules(f"- id: x.length\n  kind: length-ratio\n  message: m\n  factors: {{zh: {endless}}}\n")
        assert error.value.problem.startswith("factors: zh: expected a positive number, got ")
    with pytest.raises(RuleFileError) as error:
        make_rules("- id: x.length\n  kind: length-ratio\n  message: m\n  factors: {zh: 1}\n  low: 2\n")
    assert error.value.problem == "low: low must be under 1 and high over 1"
