"""Numbers checked against the source: every normalisation, in Chinese, German, French, Russian
and Spanish into English, with a pair that must fire and a clean control that must stay silent."""

from __future__ import annotations

import time

import pytest

from newslint import Config, lint_translation
from newslint.bitext.numbers import compare, mentions
from newslint.bitext.numbers.compare import PAIRING_LIMIT
from newslint.bitext.numbers.european import readings

BITEXT = Config(select=("bitext",))

# (what is normalised, language, source, a translation with a wrong number, the rule that must
# fire, the flagged words or None for the whole line, a faithful translation)
PAIRS = [
    # Chinese numerals and scale characters
    ("zh 万", "zh", "全省受灾面积1316.9万亩。", "The affected area is 131.69 million mu.",
     "bitext.number-different", "131.69 million", "The affected area is 13.169 million mu."),
    ("zh 亿", "zh", "江西下达救灾资金2.8亿元。", "Jiangxi allocated 28 million yuan in relief funds.",
     "bitext.number-different", "28 million", "Jiangxi allocated RMB280 million in relief funds."),
    ("zh 余", "zh", "共有300余人参加了活动。", "More than 30 people took part.",
     "bitext.number-different", "30", "More than 300 people took part."),
    ("zh 成", "zh", "七成受访者表示支持。", "17 percent of respondents said they supported it.",
     "bitext.number-added", "17 percent", "Seventy percent of respondents said they supported it."),
    ("zh 成 in digits", "zh", "约3成受访者表示支持。", "About 13% of respondents support it.",
     "bitext.number-different", "13%", "About 30% of respondents support it."),
    ("zh 百分之", "zh", "失业率为百分之五点二。", "The unemployment rate is 2.5 percent.",
     "bitext.number-different", "2.5 percent", "The unemployment rate is 5.2%."),
    ("zh range 五六百", "zh", "他刚从家中走出五六百米。", "He had walked 56 metres from his home.",
     "bitext.number-different", "56", "He had walked five or six hundred metres from his home."),
    ("zh range 5-6万", "zh", "每亩损失5-6万元。", "The loss is 5 to 6 yuan per mu.",
     "bitext.number-missing", None, "The loss is 50,000 to 60,000 yuan per mu."),
    ("zh date 2月3日", "zh", "2月3日，美国公布了就业数据。", "On March 3, the US published jobs data.",
     "bitext.number-different", "March", "On February 3, the US published jobs data."),
    ("zh clock 19时54分", "zh", "黄某于19时54分进入青海省境内。", "Huang entered Qinghai at 19:45.",
     "bitext.number-different", "45", "Huang entered Qinghai at 7:54 p.m."),
    ("zh clock 四点半", "zh", "他们布展到凌晨四点半。", "They worked until 5:30 a.m.",
     "bitext.number-added", "5", "They worked until 4:30 a.m."),
    ("zh numerals 二十三", "zh", "第二十三届电影节开幕。", "The 32nd film festival opened.",
     "bitext.number-different", "32nd", "The 23rd film festival opened."),
    ("zh year 二〇二〇年", "zh", "二〇二〇年经济增长放缓。", "Growth slowed in 2002.",
     "bitext.number-different", "2002", "Growth slowed in 2020."),
    ("zh Roman level Ⅱ级", "zh", "应急响应下调至Ⅱ级。", "The emergency response was lowered to level 1.",
     "bitext.number-different", "1", "The emergency response was lowered to Level II."),
    ("zh 倍", "zh", "新基民同比增长1倍多。", "New fund holders grew by more than 3 times.",
     "bitext.number-different", "3", "New fund holders more than doubled."),
    # spelled-out English numbers
    ("en twelve", "zh", "12名矿工获救。", "Twenty miners were rescued.",
     "bitext.number-missing", None, "Twelve miners were rescued."),
    ("en twenty-three", "zh", "共有23人受伤。", "Thirty-two people were injured.",
     "bitext.number-missing", None, "Twenty-three people were injured."),
    # ordinal and year forms
    ("en ordinal 23rd", "zh", "第23届上海国际电影节于2020年举行。", "The 32nd Shanghai festival was held in 2020.",
     "bitext.number-different", "32nd", "The twenty-third Shanghai festival was held in 2020."),
    ("en decade 1990s", "zh", "有1.74亿“90后”在攒钱。", "174 million people born in the 1980s are saving.",
     "bitext.number-different", "1980s", "174 million people born in the 1990s are saving."),
    # German: decimal commas, thousands dots, scale words, ordinal dots, months
    ("de decimal comma", "de", "Der Umsatz stieg auf 3,5 Millionen Euro.", "Sales rose to 35 million euros.",
     "bitext.number-different", "35 million", "Sales rose to 3.5 million euros."),
    ("de thousands dot", "de", "Die Stadt hat 1.200 neue Wohnungen gebaut.", "The city has built 12,000 new flats.",
     "bitext.number-different", "12,000", "The city has built 1,200 new flats."),
    ("de Milliarden", "de", "Der Bund gibt 2,3 Mrd. Euro für die Bahn aus.", "The state spends 2.3 million euros on rail.",
     "bitext.number-different", "2.3 million", "The state spends 2.3 billion euros on rail."),
    ("de ordinal 3.", "de", "Am 3. Oktober feiert Deutschland die Einheit.", "On October 30, Germany celebrates unity.",
     "bitext.number-different", "30", "On October 3, Germany celebrates unity."),
    ("de month", "de", "Die Wahl findet am 5. Mai statt.", "The election takes place on June 5.",
     "bitext.number-different", "June", "The election takes place on May 5."),
    ("de clock 19.30 Uhr", "de", "Die Sitzung beginnt um 19.30 Uhr.", "The meeting starts at 7.45 p.m.",
     "bitext.number-different", "45", "The meeting starts at 7.30 p.m."),
    ("de crore", "de", "Die Regierung gibt 12 Millionen Rupien aus.", "The government spends 12 crore rupees.",
     "bitext.number-different", "12 crore", "The government spends 1.2 crore rupees."),
    # French: thousands spaces, decimal commas, milliards, 1er
    ("fr decimal comma %", "fr", "Le chômage a atteint 7,5 % en mars.", "Unemployment reached 75% in March.",
     "bitext.number-different", "75%", "Unemployment reached 7.5% in March."),
    ("fr thousands space", "fr", "La ville compte 12 500 habitants.", "The town has 1,250 inhabitants.",
     "bitext.number-different", "1,250", "The town has 12,500 inhabitants."),
    ("fr milliards", "fr", "L'État a investi 2,3 milliards d'euros dans les écoles.",
     "The state invested 2.3 million euros in schools.",
     "bitext.number-different", "2.3 million", "The state invested 2.3 billion euros in schools."),
    ("fr 1er mai", "fr", "Le 1er mai, les syndicats ont défilé.", "On May 11, the unions marched.",
     "bitext.number-different", "11", "On May 1, the unions marched."),
    # Russian: decimal commas, тысяч, млн, млрд, миллионов, dates
    ("ru млрд", "ru", "Бюджет составит 1,5 млрд рублей.", "The budget will be 15 billion roubles.",
     "bitext.number-different", "15 billion", "The budget will be 1.5 billion roubles."),
    ("ru тысяч", "ru", "В городе живут 250 тысяч человек.", "25,000 people live in the city.",
     "bitext.number-different", "25,000", "250,000 people live in the city."),
    ("ru миллионов", "ru", "Проект стоил 40 миллионов долларов.", "The project cost $14 million.",
     "bitext.number-different", "14 million", "The project cost $40 million."),
    ("ru date", "ru", "Совещание пройдёт 5 марта в Москве.", "The meeting will take place on March 15 in Moscow.",
     "bitext.number-different", "15", "The meeting will take place on March 5 in Moscow."),
    # Spanish: thousands dots, millones, mil millones, por ciento
    ("es 1.200 millones", "es", "La inversión alcanzó 1.200 millones de euros.", "Investment reached 1.2 million euros.",
     "bitext.number-different", "1.2 million", "Investment reached 1.2 billion euros."),
    ("es mil millones", "es", "El Gobierno destinará 3 mil millones de euros.", "The government will spend 3 million euros.",
     "bitext.number-different", "3 million", "The government will spend 3 billion euros."),
    ("es por ciento", "es", "El paro bajó al 12,3 por ciento en junio.", "Unemployment fell to 13.2 percent in June.",
     "bitext.number-different", "13.2 percent", "Unemployment fell to 12.3 percent in June."),
    # dates written in digits
    ("de date 3.10.2020", "de", "Am 3.10.2020 feiert Deutschland.", "On November 3, 2020, Germany celebrates.",
     "bitext.number-different", "November", "On October 3, 2020, Germany celebrates."),
    ("zh ISO date", "zh", "数据于2023-02-03发布。", "The data were released on February 13, 2023.",
     "bitext.number-different", "13", "The data were released on February 3, 2023."),
    ("zh dotted date 7·20", "zh", "“7·20”特大暴雨造成损失。", "The June 20 rainstorm caused losses.",
     "bitext.number-different", "June", "The July 20 rainstorm caused losses."),
    # codes and names are skipped; a number beside one is still compared
    ("codes A320", "zh", "空客A320客机载有150名乘客。", "The Airbus A320 carried 320 passengers.",
     "bitext.number-different", "320", "The Airbus A320 carried 150 passengers."),
    ("codes COVID-19 and Z164", "zh", "黄某乘坐Z164列车，新冠肺炎(COVID-19)病例增加3例。",
     "Huang took train Z164; COVID-19 cases rose by 4.",
     "bitext.number-different", "4", "Huang took train Z164; COVID-19 cases rose by three."),
]  # fmt: skip


EACH_PAIR = pytest.mark.parametrize(
    ("name", "language", "source", "wrong", "rule", "flagged", "right"), PAIRS, ids=[p[0] for p in PAIRS]
)


def _bitext_findings(source: str, target: str, language: str):
    return lint_translation(target, source, config=BITEXT, language=language)


@EACH_PAIR
def test_a_wrong_number_fires_where_it_stands(name, language, source, wrong, rule, flagged, right):
    findings = _bitext_findings(source, wrong, language)
    assert [f.rule for f in findings] == [rule], [f.message for f in findings]
    [finding] = findings
    if flagged is None:  # a missing value points at the translation's line
        assert (finding.start, finding.end) == (0, len(wrong))
    else:  # a wrong or added number points at itself
        assert wrong[finding.start : finding.end] == flagged
    assert finding.unit == "1" and finding.source is not None


@EACH_PAIR
def test_the_faithful_translation_is_silent(name, language, source, wrong, rule, flagged, right):
    assert [f.message for f in _bitext_findings(source, right, language)] == []


@pytest.mark.parametrize(
    ("language", "source", "target"),
    [
        ("zh", "上证指数收报3,200.5点。", "The Shanghai index closed at 3,200.5 points."),
        ("zh", "2019-20赛季开始了。", "The 2019-20 season has begun."),
        ("zh", "近10年来，经济增长放缓。", "Over the past decade, growth has slowed."),
        ("zh", "江西省财政厅26日称，资金已下达。", "The finance department said on Sunday that the funds were issued."),
        ("zh", "数据显示，有1.34亿用户是“90后”。", "Data show that 134 million users were born in the 1990s."),
        ("de", "Die 90er Jahre waren anders.", "The 1990s were different."),
        ("fr", "Dans les années 90, tout a changé.", "In the 1990s, everything changed."),
        ("de", "Er kam am 3.10. an.", "He arrived on October 3."),
        ("de", "Im Mai stiegen die Preise.", "Prices rose in the spring."),  # a month alone may go
        ("de", "Zwölf Menschen wurden verletzt.", "12 people were injured."),
        ("fr", "Trois ministres ont démissionné.", "3 ministers resigned."),
        ("ru", "В аварии погибли пять человек.", "5 people died in the crash."),
        ("es", "Dos de los heridos siguen graves.", "2 of the injured remain in serious condition."),
    ],
)
def test_forms_that_keep_their_value_stay_silent(language, source, target):
    assert [f.message for f in _bitext_findings(source, target, language)] == []


def test_codes_are_not_compared():
    """Z164 rendered Z146 is a wrong code, but codes and names are left to the reader: neither
    side's code counts as a number."""
    source = "黄某乘坐Z164列车前往格尔木。"
    assert _bitext_findings(source, "Huang took train Z146 to Golmud.", "zh") == []
    assert [m.values for m in mentions("A320 and COVID-19", "en")] == []


def test_the_message_gives_the_value_of_the_source():
    [finding] = _bitext_findings("江西下达救灾资金2.8亿元。", "Jiangxi allocated 28 million yuan.", "zh")
    assert finding.message == "The translation has '28 million' where the source has '2.8亿' (280 million)"
    assert (finding.source.line, finding.source.column, finding.source.end_column) == (1, 9, 13)


def test_several_missing_values_make_one_finding_on_the_line():
    source = "7月5日乘坐列车，7月9日失联。"
    [finding] = _bitext_findings(source, "She took the train and went missing in July.", "zh")
    assert finding.rule == "bitext.number-missing"
    assert finding.message == "The translation lacks the source's '5', '9'"


def test_a_year_added_to_a_date_is_no_number_of_its_own():
    assert _bitext_findings("7月18日，电影节公布了名单。", "On July 18, 2020, the festival announced it.", "zh") == []
    # ... unless the source gives years and the translation has another
    [finding] = _bitext_findings("2023年2月3日，美国公布数据。", "On February 3, 2021, the US released data.", "zh")
    assert finding.rule == "bitext.number-different"


def test_a_value_said_twice_in_the_source_may_be_said_once():
    assert (
        _bitext_findings("7月17日和7月22日，江西先后下达资金。", "On July 17 and 22, Jiangxi released funds.", "zh")
        == []
    )


def test_small_numerals_in_words_only_answer_for_their_counterparts():
    """一 is "a", 两国 "both countries": their absence is no finding, but they can pair."""
    assert _bitext_findings("两国签署了一项协议。", "The countries signed an agreement.", "zh") == []
    assert _bitext_findings("两国签署了一项协议。", "The two countries signed one agreement.", "zh") == []


@pytest.mark.parametrize(
    ("written", "decimal_comma", "expected"),
    [
        ("3,5", True, ["3.5"]),
        ("1.200", True, ["1200"]),
        ("1 200", True, ["1200"]),
        ("1.234.567,5", True, ["1234567.5"]),
        ("1,200", True, ["1.2", "1200"]),  # German 1,2 written with a trailing 00, or English 1,200
        ("1,200", False, ["1200"]),
        ("1.5", False, ["1.5"]),
        ("1.200", None, ["1.2", "1200"]),  # an unknown language: both readings
    ],
)
def test_separators_are_read_as_the_language_writes_them(written, decimal_comma, expected):
    assert [float(reading) for reading in readings(written, decimal_comma)] == [float(value) for value in expected]


def test_compare_pairs_a_number_written_wrong_with_the_value_it_replaced():
    source = mentions("累计收到确诊病例3009例，治愈78908例。", "zh")
    target = mentions("A total of 9300 cases, 78908 cured.", "en")
    [discrepancy] = compare(source, target)
    assert (discrepancy.kind, discrepancy.source.values, discrepancy.target.values) == (
        "different",
        frozenset({3009.0}),
        frozenset({9300.0}),
    )


@pytest.mark.parametrize("language", ["zh", "de", "en"])
def test_digits_too_many_for_a_float_are_no_number(language):
    """Four hundred nines read as infinity, which the comparison could not pair (a traceback)."""
    nines = "9" * 400
    assert mentions(f"{nines} and 6", language)[-1].values == frozenset({6.0})
    assert _bitext_findings(f"Die Summe war {nines}.", f"The sum was {nines}.", language) == []


def test_a_segment_of_thousands_of_numbers_is_compared_in_time():
    """Agreement is looked up among sorted values, not tried pair by pair, and the readers look
    back a few characters, not to the segment's start (minutes before)."""
    numbers = [str(7 * index + 13) for index in range(4000)]
    started = time.monotonic()
    source, target = mentions("，".join(numbers) + "。", "zh"), mentions(", ".join(numbers) + ".", "en")
    assert len(mentions(" und ".join(numbers), "de")) == len(source) == len(target) == 4000
    assert compare(source, target) == []
    assert time.monotonic() - started < 5


def test_a_segment_with_thousands_of_numbers_left_over_is_not_weighed_pair_by_pair():
    """Past PAIRING_LIMIT the left-over numbers are each missing or added, not paired."""
    source = mentions("，".join(str(10 * index + 1) for index in range(200)) + "。", "zh")
    target = mentions(", ".join(str(10 * index + 7) for index in range(200)) + ".", "en")
    assert len(source) * len(target) > PAIRING_LIMIT
    kinds = {discrepancy.kind for discrepancy in compare(source, target)}
    assert kinds == {"missing", "added"}
    few_source, few_target = source[:5], target[:5]  # within the limit: 1 and 7, 11 and 17 ... pair
    assert {discrepancy.kind for discrepancy in compare(few_source, few_target)} == {"different"}
