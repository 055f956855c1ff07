"""--format html without a browser: the page's structure and safety, read with the standard
library's HTML parser, and the pieces that place findings in a story (tests in Chromium are in
test_html_report_browser.py)."""

from __future__ import annotations

import base64
import hashlib
import html
import re
import time
from datetime import datetime, timezone
from html.parser import HTMLParser

import pytest

from newslint.backends.settings import LanguageToolSettings
from newslint.config import Config
from newslint.findings import Finding, Fix
from newslint.formats.reader import document
from newslint.output import RunSummary
from newslint.output.html_report import render
from newslint.output.html_report.assets import css_string
from newslint.output.html_report.marking import Mark, marked_paragraph
from newslint.output.html_report.run_info import run_facts
from newslint.output.html_report.story import story_of
from newslint.spans import Span
from tests.conftest import run_cli
from tests.report_fixtures import HOSTILE_NAME, findings_json, flagged_words, lint, write_stories


class _Page(HTMLParser):
    """Every element with its attributes, the text of style and script elements, and the text
    inside each mark (by finding number)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.inline: dict[str, list[str]] = {"style": [], "script": []}
        self.marked: dict[str, str] = {}
        self._open: list[tuple[str, dict]] = []
        self._raw: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if tag in ("style", "script"):
            self._raw = tag
            self.inline[tag].append("")
        if tag not in ("br", "meta", "input"):
            self._open.append((tag, attributes))

    def handle_endtag(self, tag):
        self._raw = None
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self._raw:
            self.inline[self._raw][-1] += data
        for tag, attributes in self._open:
            if tag == "mark":
                key = attributes["data-finding"]
                self.marked[key] = self.marked.get(key, "") + data


def parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


@pytest.fixture
def stories(tmp_path, monkeypatch) -> list[str]:
    monkeypatch.chdir(tmp_path)
    return write_stories(tmp_path)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_every_finding_is_marked_around_its_words(capsys, stories):
    findings = findings_json(capsys, stories)
    code, page = lint(capsys, "--format", "html", *stories)
    assert code == 1
    parsed = parse(page)
    assert {f["rule"] for f in findings} == {
        "house.kiev",
        "house.calque",
        "house.people",
        "house.thousands",
        "hostile.markup",
    }
    for number, finding in enumerate(findings, 1):
        assert parsed.marked[str(number)] == flagged_words(finding), finding
    rows = [attributes for tag, attributes in parsed.elements if tag == "li" and "finding" in attributes["class"]]
    assert [row["data-rule"] for row in rows] == [finding["rule"] for finding in findings]


def test_the_page_loads_nothing_and_runs_only_its_own_style_and_script(capsys, stories):
    page = lint(capsys, "--format", "html", *stories)[1]
    parsed = parse(page)
    policy = next(a["content"] for tag, a in parsed.elements if a.get("http-equiv") == "Content-Security-Policy")
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'none'" and "unsafe-inline" not in policy
    [style], [script] = parsed.inline["style"], parsed.inline["script"]
    assert directives["style-src"] == _sha256(style) and directives["script-src"] == _sha256(script)
    for tag, attributes in parsed.elements:
        assert tag not in ("img", "iframe", "object", "embed", "link", "base", "form")
        assert not [name for name in attributes if name.startswith("on") or name in ("src", "style")]
        href = attributes.get("href")
        assert href is None or href.startswith("#"), href
    assert not re.search(r"(?<![\w-])url\(|@import", style)


def test_hostile_copy_and_file_names_are_text(capsys, stories):
    page = lint(capsys, "--format", "html", *stories)[1]
    assert "<script>document" not in page and "<img src=x" not in page and "<b onmouseover" not in page
    shown = html.unescape(re.sub(r"<[^>]*>", "", page.split('id="stories"')[1]))  # the text a reader sees
    assert '<script>document.title="pwned"</script>' in shown and "<img src=x onerror=" in shown
    assert HOSTILE_NAME in shown
    assert '<a href="javascript' not in page
    assert page.count("<script>") == 1  # the page's own


def test_summary_counts_match_the_findings(capsys, stories):
    findings = findings_json(capsys, stories)
    parsed = parse(lint(capsys, "--format", "html", *stories)[1])
    level_rows = {a["data-level"] for tag, a in parsed.elements if tag == "tr" and "data-level" in a}
    assert level_rows == {"error", "warning", "info"}
    counts = [a["data-count"] for tag, a in parsed.elements if tag == "td" and "data-count" in a]
    by_level = [sum(f["severity"] == level for f in findings) for level in ("error", "warning", "info")]
    rules = sorted({f["rule"] for f in findings}, key=lambda r: (-sum(f["rule"] == r for f in findings), r))
    assert counts == [str(n) for n in by_level] + [str(sum(f["rule"] == r for f in findings)) for r in rules]
    sections = [a["id"] for tag, a in parsed.elements if tag == "section" and a.get("class") == "file"]
    assert len(sections) == len(stories)  # the clean file too


def test_a_clean_run_says_so_and_has_no_filters(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_stories(tmp_path)
    code, page = lint(capsys, "--format", "html", "clean.txt")
    assert code == 0
    assert "No problems found in 1 file." in page and 'id="filters"' not in page


def test_files_that_could_not_be_read_are_named_on_the_page(capsys, stories):
    code, out, err = run_cli(
        capsys, "--isolated", "--no-builtin-rules", "--rules", "rules.yaml", "--format", "html", "missing.txt"
    )
    assert code == 2 and "missing.txt: no such file or directory" in err
    assert "Not checked (1)" in out and "missing.txt: no such file or directory" in out


def test_output_file_and_a_folder_that_does_not_exist(capsys, stories, tmp_path):
    code, out, err = run_cli(
        capsys, "--isolated", "--no-builtin-rules", "--rules", "rules.yaml", "--format", "html",
        "--output-file", "report.html", "story.txt",
    )  # fmt: skip
    assert code == 1 and out == "" and (tmp_path / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE")
    code, _, err = run_cli(capsys, "--format", "html", "--output-file", "no/such/folder/r.html", "story.txt")
    assert code == 2 and err.startswith("newslint: error: --output-file: cannot write no/such/folder/r.html")
    assert len(err.strip().splitlines()) == 1


def test_after_fix_the_report_shows_the_fixed_story(capsys, stories, tmp_path):
    code, page = lint(capsys, "--fix", "--format", "html", "story.txt")
    assert "Kyiv" in (tmp_path / "story.txt").read_text(encoding="utf-8")
    assert "2 fixed" in page and "Kiev" not in page.split('id="stories"')[1]


@pytest.fixture
def utc(monkeypatch):
    """The machine's local time is UTC for the test (the report shows the run's local time)."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_run_facts_name_the_version_time_and_settings(utc):
    config = Config(
        select=("house",),
        ignore=("house.people",),
        fail_level="warning",
        path="newslint.yaml",
        levels=(("house", "info"),),
        languagetool=LanguageToolSettings(True, server="https://u:secret@lt.example:8010/"),
    )
    facts = dict(run_facts(config, datetime(2026, 11, 30, 9, 5, tzinfo=timezone.utc).timestamp()))
    assert facts["Run"] == "2026-11-30 09:05:00+00:00"
    assert (
        facts["Configuration"] == "newslint.yaml" and facts["Select"] == "house" and facts["Ignore"] == "house.people"
    )
    assert facts["Levels"] == "house: info" and facts["Fail level"] == "warning"
    assert facts["LanguageTool"] == "https://lt.example:8010/ (en-US)"  # never the password
    assert (
        "Ignore" not in dict(run_facts(Config(), None))
        and dict(run_facts(Config(), None))["Select"] == "every default rule"
    )


def test_help_names_both_formats(capsys):
    with pytest.raises(SystemExit):
        run_cli(capsys, "--help")
    out = capsys.readouterr().out
    assert "html" in out and "gitlab" in out and "--output-file" in out


# --- placing findings -------------------------------------------------------------------------


def _opening(mark: Mark, first: bool) -> str:
    return f"<m{mark.key}{'' if first else '+'}>"


def _marked(text: str, *marks: tuple[int, int, int]) -> str:
    marked = marked_paragraph(text, Span(0, len(text)), [Mark(key, start, end) for key, start, end in marks], _opening)
    return re.sub(r"<m(\d+)(\+?)>", r"[\1\2 ", marked).replace("</mark>", "]")


def test_findings_nest_and_a_crossing_one_is_split():
    text = "dozens of thousands of people"
    assert _marked(text, (1, 0, 19), (2, 10, 19)) == "[1 dozens of [2 thousands]] of people"
    # 3 starts inside 1 and ends after it: its first piece nests in 1, the rest follows
    assert _marked(text, (1, 0, 19), (3, 10, 29)) == "[1 dozens of [3 thousands]][3+  of people]"
    assert _marked(text, (1, 0, 6), (2, 6, 6)) == "[1 dozens][2 ] of thousands of people"


def test_story_text_is_escaped_in_and_out_of_marks():
    assert _marked("<b>&</b>", (1, 3, 4)) == "&lt;b&gt;[1 &amp;]&lt;/b&gt;"


@pytest.mark.parametrize(
    ("name", "source", "spans"),
    [
        (
            "a.md",
            "In **Kiev** &amp; *dozens* of\nthousands\n",
            [("Kiev", "Kiev"), ("&amp;", "&"), ("dozens* of\nthousands", "dozens of\nthousands")],
        ),
        (
            "a.html",
            '<p>In <b>Kiev</b> &amp; <i>dozens</i> of</p><img alt="Kiev &amp; more">',
            [("Kiev", "Kiev"), ("&amp;", "&"), ("dozens</i> of", "dozens of"), ("Kiev &amp; more", "Kiev & more")],
        ),
        ("a.txt", "In Kiev &amp; x\n", [("Kiev", "Kiev"), ("&amp;", "&amp;")]),
        (
            "a.mdx",
            'import Chart from "./chart"\n\n# The **Kiev** vote\n\nIn *dozens* of <Chart data={x} /> towns\n',
            [("Kiev", "Kiev"), ("dozens* of", "dozens of"), ("towns", "towns")],
        ),
    ],
)
def test_findings_are_placed_on_the_prose_a_reader_sees(name, source, spans):
    story = story_of(source, name)
    for in_file, seen in spans:
        start = source.index(in_file)
        place = story.place(start, start + len(in_file))
        assert story.text[place.start : place.end] == seen
    # The story shown is the prose the linter read, paragraph for paragraph.
    read = document(source, name)
    assert story.text == read.text
    assert [(p.start, p.end) for p in story.paragraphs] == [(p.start, p.end) for p in read.paragraphs]


def test_a_finding_on_markup_alone_has_no_place():
    source = "<!-- newslint: disable=x -->\n<p>Text.</p>"
    assert story_of(source, "a.html").place(0, 10) is None


def test_css_strings_cannot_close_the_style_element():
    assert css_string('a"</style><script>\n') == '"a\\22 \\3c /style\\3e \\3c script\\3e \\a "'


def test_render_without_texts_lists_the_problems():
    finding = Finding("gone.txt", 0, 4, 1, 1, 1, 5, "x.y", "info", "m <i>", Fix("z", 0, 4, "unsafe"))
    page = render(RunSummary([finding], ["gone.txt"]))
    assert "The text of this file was not kept" in page and "m &lt;i&gt;" in page and 'id="f-1"' in page


def test_a_finding_across_paragraphs_is_marked_in_each_and_focused_once():
    text = "It ended.\n\nNext day.\n"
    finding = Finding("s.txt", 3, 15, 1, 4, 3, 5, "x.y", "warning", "m", None)
    parsed = parse(render(RunSummary([finding], ["s.txt"], texts={"s.txt": text})))
    marks = [attributes for tag, attributes in parsed.elements if tag == "mark"]
    assert len(marks) == 2 and [m.get("id") for m in marks] == ["m-1", None]
    assert parsed.marked["1"] == "ended.Next"  # the words in each paragraph; not the blank line between


def test_inline_code_is_shown_for_what_it_is_and_the_mark_keeps_the_prose():
    text = "Run `rm <x>` now in Kiev `a`.\n"
    finding = Finding("s.md", text.index("`rm"), text.index("now") + 3, 1, 5, 1, 17, "x.y", "info", "m", None)
    page = render(RunSummary([finding], ["s.md"], texts={"s.md": text}))
    assert page.count('class="elided" data-shown="rm &lt;x&gt;"') == 1 and 'data-shown="a"' in page
    assert parse(page).marked["1"] == "\ufffc now"  # the prose the rule read: a placeholder for the code
