"""Bilingual files: TSV, JSON Lines, XLIFF 1.2 and 2.0. Positions are those of the translation in
the file, findings name their unit and source, and hostile XML is refused without fetching
anything."""

from __future__ import annotations

import http.server
import threading

import pytest

from newslint import Config, lint_paths
from newslint.bitext.readers import read_bilingual
from newslint.errors import InputError

BITEXT = Config(select=("bitext",))
EVERYTHING = Config()


def _lint(tmp_path, name: str, text: str, config: Config = BITEXT):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = lint_paths([str(path)], config)
    return report, text


def _flagged(text: str, finding) -> str:
    return text[finding.start : finding.end]


# --- TSV -------------------------------------------------------------------------------------


def test_tsv_positions_units_and_sources(tmp_path):
    text = "标题\tHeadline\n\n江西下达2.8亿元。\tJiangxi issued 28 million yuan.\n"
    report, text = _lint(tmp_path, "story.tsv", text)
    [finding] = report.findings
    assert finding.rule == "bitext.number-different"
    assert _flagged(text, finding) == "28 million"
    column = text.splitlines()[2].index("28 million") + 1
    assert (finding.line, finding.column, finding.end_column) == (3, column, column + len("28 million"))
    assert finding.unit == "3"  # the line number
    assert (finding.source.line, finding.source.column, finding.source.end_column) == (3, 5, 9)
    assert finding.source.path == finding.path


def test_tsv_empty_target_is_reported_where_it_would_stand(tmp_path):
    report, text = _lint(tmp_path, "story.tsv", "第一段。\tThe first paragraph.\n第二段有字。\t\n")
    [finding] = report.findings
    assert (finding.rule, finding.line, finding.column, finding.unit) == ("bitext.empty-target", 2, 8, "2")


def test_tsv_targets_are_linted_by_newslint_s_own_rules(tmp_path):
    report, text = _lint(tmp_path, "story.tsv", "会谈结束了。\tThe talks ended. .\n", EVERYTHING)
    [finding] = report.findings
    assert finding.rule == "punct.doubled" and _flagged(text, finding) == ". ."
    assert finding.unit == "1" and finding.source.text == "会谈结束了。"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("源文本 without a tab\n", "line 1: expected source<TAB>target, found no tab"),
        ("a\tb\n源\t译\t注\n", "line 2: expected source<TAB>target, found 3 fields"),
    ],
)
def test_tsv_lines_that_are_not_pairs_are_an_error_naming_the_line(tmp_path, text, problem):
    report, _ = _lint(tmp_path, "bad.tsv", text)
    [error] = report.errors
    assert str(error) == f"{tmp_path / 'bad.tsv'}: {problem}"


# --- JSON Lines --------------------------------------------------------------------------------


def test_jsonl_positions_count_escapes_as_the_characters_they_stand_for(tmp_path):
    line = '{"id": 7, "source": "江西下达2.8亿元。", "target": "Caf\\u00e9 \\"news\\": 28 million yuan."}\n'
    report, text = _lint(tmp_path, "pairs.jsonl", '{"source": "标题", "target": "Headline"}\n' + line)
    [finding] = report.findings
    assert _flagged(text, finding) == "28 million"
    assert finding.line == 2 and finding.unit == "2"
    assert text.splitlines()[1][finding.column - 1 :].startswith("28 million")
    assert (finding.source.line, finding.source.column) == (2, line.index("2.8亿") + 1)


def test_jsonl_null_target_is_an_empty_translation(tmp_path):
    report, _ = _lint(tmp_path, "pairs.jsonl", '{"source": "第二段有字。", "target": null}\n')
    assert [f.rule for f in report.findings] == ["bitext.empty-target"]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("not json\n", "line 1: not a JSON object: expected '{' at column 1"),
        ('{"source": "a"}\n', 'line 1: no "target" string'),
        ('{"source": "a", "target": 3}\n', 'line 1: not a JSON object: "target" is not a string'),
        ('{"source": "a", "target": "b"} x\n', "line 1: not a JSON object: text after the object"),
        ('{"source": "a", "target": "b\n', "line 1: not a JSON object: the line ends inside a value"),
        ('{"source": "a", "target": "b\x01"}\n', "line 1: not a JSON object: Invalid control character (column 29)"),
    ],
)
def test_jsonl_lines_that_are_not_pairs_are_an_error_naming_the_line(tmp_path, line, problem):
    report, _ = _lint(tmp_path, "bad.jsonl", line)
    [error] = report.errors
    assert str(error) == f"{tmp_path / 'bad.jsonl'}: {problem}"


# --- XLIFF -------------------------------------------------------------------------------------

XLIFF_12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="zh-CN" target-language="en" datatype="plaintext" original="story.txt">
    <body>
      <group id="g1">
        <trans-unit id="headline">
          <source>江西下达<x id="1"/>2.8亿元</source>
          <target>Jiangxi issues <x id="1"/>28 million yuan</target>
        </trans-unit>
      </group>
      <trans-unit id="p1">
        <source>会谈结束了&amp;。</source>
        <target>The <g id="2">talks</g> ended<ph id="3">&lt;br/&gt;</ph> &amp; left. .</target>
        <alt-trans><target>Unrelated 99 text</target></alt-trans>
      </trans-unit>
      <trans-unit id="p2"><source>第二段有字。</source></trans-unit>
      <trans-unit id="p3" translate="no"><source>代码 123</source><target>code 456</target></trans-unit>
    </body>
  </file>
</xliff>
"""


def test_xliff_12_units_positions_and_inline_codes(tmp_path):
    report, text = _lint(tmp_path, "story.xlf", XLIFF_12, EVERYTHING)
    by_rule = {f.rule: f for f in report.findings}
    assert set(by_rule) == {"bitext.number-different", "punct.doubled", "bitext.empty-target"}
    number = by_rule["bitext.number-different"]
    assert _flagged(text, number) == "28 million" and number.unit == "headline"
    assert (number.line, number.column) == (8, text.splitlines()[7].index("28 million") + 1)
    assert text[number.source.start : number.source.end] == "2.8亿"
    doubled = by_rule["punct.doubled"]
    assert _flagged(text, doubled) == ". ." and doubled.unit == "p1"
    assert doubled.source.text == "会谈结束了&。"  # the entity stands for its character
    empty = by_rule["bitext.empty-target"]
    assert empty.unit == "p2" and empty.line == 16


def test_xliff_12_reads_the_file_s_source_language(tmp_path):
    path = tmp_path / "story.xlf"
    path.write_text(XLIFF_12, encoding="utf-8")
    doc = read_bilingual(XLIFF_12, str(path))
    assert doc.language == "zh"
    assert [doc.target_text(unit) for unit in doc.units] == [
        "Jiangxi issues \ufffc28 million yuan",
        "The talks ended\ufffc & left. .",
        "",
    ]


XLIFF_20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="de" trgLang="en">
  <file id="f1">
    <unit id="u1">
      <segment id="s1">
        <source>Der Umsatz stieg auf <pc id="1">3,5 Millionen</pc> Euro.</source>
        <target>Sales rose to <pc id="1">35 million</pc> euros.</target>
      </segment>
      <ignorable><source> </source><target> </target></ignorable>
      <segment id="s2">
        <source>Am 3. Oktober<ph id="2"/> feiert Deutschland.</source>
        <target>On October 3<ph id="2"/>, Germany celebrates</target>
      </segment>
    </unit>
  </file>
</xliff>
"""


def test_xliff_20_segments_and_source_language(tmp_path):
    report, text = _lint(tmp_path, "story.xliff", XLIFF_20)
    rules = sorted((f.rule, f.unit, _flagged(text, f)) for f in report.findings)
    assert rules == [
        ("bitext.end-punctuation", "u1", "s"),
        ("bitext.number-different", "u1", "35 million"),
    ]
    doc = read_bilingual(text, "story.xliff")
    assert doc.language == "de"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("<xliff version='1.2'><file><body><trans-unit id='1'><source>a</source>", "not well-formed XML: no element found (line 1, column 71)"),
        ("<html><body/></html>", "not an XLIFF file (the root element is not <xliff>)"),
        ("<xliff version='3.0'/>", "XLIFF version '3.0' is not supported (1.2 and 2.0 are)"),
        ("<xliff version='1.2'><file><body>&nbsp;</body></file></xliff>", "not well-formed XML: undefined entity (line 1, column 34)"),
    ],
)  # fmt: skip
def test_xliff_that_cannot_be_read_is_one_clear_error(tmp_path, text, problem):
    report, _ = _lint(tmp_path, "bad.xlf", text)
    [error] = report.errors
    assert str(error) == f"{tmp_path / 'bad.xlf'}: {problem}"


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE xliff [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<xliff version="1.2"><file><body><trans-unit id="1"><source>&lol9;</source><target>&lol9;</target></trans-unit></body></file></xliff>
"""


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802 - the standard library's name
        self.requests.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b'<!ENTITY secret "fetched">')

    def log_message(self, *args):
        pass


@pytest.fixture
def listener():
    """A local HTTP server that records every request: a hostile file must cause none."""
    _Recorder.requests = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Recorder.requests
    server.shutdown()
    server.server_close()


def test_entity_expansion_is_refused(tmp_path):
    report, _ = _lint(tmp_path, "bomb.xlf", BILLION_LAUGHS)
    [error] = report.errors
    assert "declares an entity ('lol'): entity declarations are refused" in str(error)
    assert report.findings == []


def test_external_entities_are_refused_and_nothing_is_fetched(tmp_path, listener):
    url, requests = listener
    secret = tmp_path / "secret.txt"
    secret.write_text("the secret 12345\n", encoding="utf-8")
    for name, doctype in [
        ("file.xlf", f'<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file://{secret}">]>'),
        ("http.xlf", f'<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "{url}/entity">]>'),
        ("parameter.xlf", f'<!DOCTYPE xliff [<!ENTITY % dtd SYSTEM "{url}/dtd"> %dtd;]>'),
    ]:
        text = f'<?xml version="1.0"?>\n{doctype}\n<xliff version="1.2"><file><body><trans-unit id="1"><source>&xxe;</source><target>&xxe;</target></trans-unit></body></file></xliff>\n'
        report, _ = _lint(tmp_path, name, text)
        [error] = report.errors
        assert "entity declarations are refused" in str(error), name
        assert report.findings == []
    assert requests == []


def test_an_external_dtd_is_not_fetched(tmp_path, listener):
    url, requests = listener
    text = f'<?xml version="1.0"?>\n<!DOCTYPE xliff SYSTEM "{url}/xliff.dtd">\n<xliff version="1.2"><file><body><trans-unit id="1"><source>有字。</source><target>Words.</target></trans-unit></body></file></xliff>\n'
    report, _ = _lint(tmp_path, "dtd.xlf", text)
    assert report.errors == [] and report.findings == []
    with_entity = text.replace("Words.", "Words &nbsp;.")
    report, _ = _lint(tmp_path, "dtd-entity.xlf", with_entity)
    [error] = report.errors
    assert "uses the entity &nbsp; from a DTD that newslint does not read" in str(error)
    assert requests == []


def test_readers_raise_input_errors_only():
    with pytest.raises(InputError):
        read_bilingual("<xliff", "x.xlf")


def test_xliff_positions_hold_with_crlf_line_ends_and_cdata(tmp_path):
    text = (
        '<?xml version="1.0"?>\r\n<xliff version="1.2"><file source-language="zh"><body>\r\n'
        '<trans-unit id="a"><source>江西下达2.8亿元。</source>\r\n'
        "<target><![CDATA[Jiangxi <b>issued</b>]]>\r\n 28 million yuan.</target></trans-unit>\r\n"
        "</body></file></xliff>\r\n"
    )
    path = tmp_path / "crlf.xlf"
    path.write_bytes(text.encode("utf-8"))
    report = lint_paths([str(path)], BITEXT)
    [finding] = report.findings
    assert text[finding.start : finding.end] == "28 million"
    assert (finding.line, finding.column) == (5, 2)
