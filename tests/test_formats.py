"""Markdown and HTML: the prose is linted, the markup is not; positions and fixes are exact."""

from __future__ import annotations

import io
import os
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from newslint import api, cli, lint_text
from newslint.formats import reader
from newslint.formats.reader import document, format_of
from tests.conftest import REPO, SEED

FIXTURES = Path(__file__).parent / "fixtures"

MARKDOWN_EXPECTED = [  # (rule, line, column, text): front matter title, heading, emphasis, link, list, table, alt
    ("names.kyiv", 2, 17, "kiev"),
    ("names.kyiv", 6, 14, "Kiev"),
    ("calque.dozens-of-thousands", 8, 21, "dozens of thousands"),
    ("punct.doubled", 8, 67, ". ."),
    ("names.kyiv", 10, 22, "Kiev"),
    ("typo.repeated-word", 12, 3, "The the"),
    ("punct.space-before", 13, 17, " ,"),
    ("names.kharkiv", 17, 3, "Kharkov"),
    ("names.odesa", 19, 15, "Odessa"),
]
HTML_EXPECTED = [
    ("names.kyiv", 3, 23, "Kiev"),
    ("names.kyiv", 8, 17, "Kiev"),
    ("calque.dozens-of-thousands", 9, 27, "dozens of thousands"),
    ("punct.doubled", 9, 77, ". ."),
    ("names.kyiv", 10, 85, "Kiev"),
    ("typo.repeated-word", 12, 5, "The the"),
    ("punct.space-before", 13, 19, " ,"),
    ("names.kharkiv", 15, 16, "Kharkov"),
    ("names.odesa", 16, 40, "Odessa"),
    ("names.kyiv", 17, 51, "Kiev"),
]


def _found(path: Path) -> list[tuple[str, int, int, str]]:
    text = path.read_text(encoding="utf-8")
    return [(f.rule, f.line, f.column, text[f.start : f.end]) for f in lint_text(text, path=str(path))]


def _line_column(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


@pytest.mark.parametrize(("name", "expected"), [("story.md", MARKDOWN_EXPECTED), ("story.html", HTML_EXPECTED)])
def test_artefacts_in_prose_are_found_at_the_exact_place(name, expected):
    path = FIXTURES / name
    found = _found(path)
    assert found == expected
    text = path.read_text(encoding="utf-8")
    for finding in lint_text(text, path=str(path)):  # line/column agree with the offsets
        assert (finding.line, finding.column) == _line_column(text, finding.start)
        assert (finding.end_line, finding.end_column) == _line_column(text, finding.end)


@pytest.mark.parametrize(("name", "expected"), [("story.md", MARKDOWN_EXPECTED), ("story.html", HTML_EXPECTED)])
def test_crlf_files_report_the_same_lines_and_columns(name, expected):
    text = (FIXTURES / name).read_text(encoding="utf-8").replace("\n", "\r\n")
    found = [(f.rule, f.line, f.column, text[f.start : f.end]) for f in lint_text(text, path=name)]
    assert found == expected


@pytest.mark.parametrize("name", ["story.md", "story.html"])
def test_code_urls_attributes_and_scripts_are_not_linted(name):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    lines = text.split("\n")
    code_lines = {
        i + 1
        for i, line in enumerate(lines)
        if any(
            marker in line
            for marker in ("```", "The the war", "indented code", "<script", "<style", "<pre>", "<code>", "slug:")
        )
    }
    findings = lint_text(text, path=name)
    assert not [f for f in findings if f.line in code_lines]
    assert not [f for f in findings if "example.com" in text[f.start - 30 : f.end + 30] and f.rule == "punct.doubled"]


def _markdown_structure(text: str) -> list[tuple]:
    tokens = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).parse(text)
    return [(t.type, t.tag, t.markup, t.map, tuple(sorted((t.attrs or {}).items()))) for t in tokens]


class _Structure(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.events: list[tuple] = []

    def handle_starttag(self, tag, attrs):  # an image's alt text is prose: it may change
        self.events.append(("start", tag, tuple((k, v) for k, v in attrs if k != "alt")))

    def handle_endtag(self, tag):
        self.events.append(("end", tag))

    def handle_comment(self, data):
        self.events.append(("comment", data))


def _html_structure(text: str) -> list[tuple]:
    parser = _Structure()
    parser.feed(text)
    parser.close()
    return parser.events


@pytest.mark.parametrize(("name", "structure"), [("story.md", _markdown_structure), ("story.html", _html_structure)])
def test_fix_changes_only_prose_and_keeps_the_markup(tmp_path, name, structure):
    path = tmp_path / name
    shutil.copy(FIXTURES / name, path)
    before = path.read_text(encoding="utf-8")
    report = api.fix_paths([str(path)])
    after = path.read_text(encoding="utf-8")
    assert report.fixed and after != before
    assert structure(after) == structure(before)
    for old, new in [("Kiev", "Kyiv"), ("dozens of thousands", "tens of thousands"), ("Kharkov", "Kharkiv")]:
        assert new in after and after.count(old) < before.count(old)
    assert "The the delegation" not in after
    # what is not prose is untouched: the code block, the URLs, the script, the link title
    for untouched in ["https://example.com/kiev", "The the war has killed dozens of thousands", "Kiev. ."]:
        assert before.count(untouched) == after.count(untouched)
    assert not [f for f in lint_text(after, path=name) if f.fix and f.fix.applicability == "safe"]


@pytest.mark.parametrize(
    ("name", "text", "matched"),
    [
        ("a.md", "It was the **the** best.\n", "the the"),
        ("a.html", "<p>It was the <b>the</b> best.</p>", "the the"),
        ("a.md", "Talks in Kiev&nbsp;and dozens of thousands&#33;\n", None),
    ],
)
def test_a_fix_that_would_cut_through_markup_is_not_offered(name, text, matched):
    findings = lint_text(text, path=name)
    crossing = [f for f in findings if f.rule == "typo.repeated-word"]
    if matched:
        assert crossing and crossing[0].fix is None
    else:
        assert all(f.fix is not None for f in findings)  # plain words next to entities stay fixable


def test_seed_article_as_markdown_gives_the_plain_text_findings_plus_none_from_code():
    plain = SEED.read_text(encoding="utf-8")
    bad_sentence = "Since then, China has claimed neutrality. . The war killed dozens of thousands."
    body = plain.replace("met in the Kremlin", "met in the [Kremlin](https://en.wikipedia.org/wiki/Moscow_Kremlin)", 1)
    markdown = "# Xi and Putin meet in Moscow\n\n" + body + "\n\n```\n" + bad_sentence + "\n```\n"
    plain_found = [(f.rule, plain[f.start : f.end]) for f in lint_text(plain, path="seed.txt")]
    md_findings = lint_text(markdown, path="seed.md")
    assert [(f.rule, markdown[f.start : f.end]) for f in md_findings] == plain_found
    code_line = markdown.split("\n").index(bad_sentence) + 1
    assert all(f.line < code_line for f in md_findings)
    for finding in md_findings:
        assert (finding.line, finding.column) == _line_column(markdown, finding.start)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", ".", "/", ".txt", ".TXT", "txt", ".md", ".mdx", ".htm", ".html", "x.", "\\"]), max_size=6
    )
)
@example([".txt"])
@example(["a", "/", ".txt"])
@example(["a", ".md", ".txt"])
def test_the_format_of_a_path_is_told_by_its_extension_as_splitext_tells_it(pieces):
    path = "".join(pieces)
    assert format_of(path) == reader._BY_EXTENSION.get(os.path.splitext(path)[1].lower(), "text")


def test_formats_by_extension_and_stdin_filename(capsys, monkeypatch):
    assert [format_of(p) for p in ["a.txt", "a.md", "a.MARKDOWN", "a.html", "a.htm", "a"]] == [
        "text",
        "markdown",
        "markdown",
        "html",
        "html",
        "text",
    ]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Run `Kiev. .` in *Kiev*.\n")))
    code = cli.main(["--stdin-filename", "story.md", "-"])
    out = capsys.readouterr().out
    assert code == 1
    assert out.splitlines()[0] == "story.md:1:19: names.kyiv [warning] Spell it 'Kyiv' (house style), not 'Kiev'"
    assert len(out.splitlines()) == 2


def test_comments_are_visible_to_the_prose_model():
    md = document("Text <!-- newslint: disable=punct --> here.\n\n<!-- newslint: enable -->\n", "a.md")
    assert [c.text for c in md.comments] == ["newslint: disable=punct", "newslint: enable"]
    html = document("<p>Text <!-- newslint: disable-next-line --> here.</p>", "a.html")
    assert [c.text for c in html.comments] == ["newslint: disable-next-line"]
    assert "newslint" not in md.text and "newslint" not in html.text


def test_blocks_bound_sentences_and_table_cells_are_no_sentences():
    text = "# A heading.\n\n- first item.\n- second item\n\n| a | b |\n|---|---|\n| lowercase cell | x |\n"
    doc = document(text, "a.md")
    assert [doc.text[s.start : s.end] for s in doc.sentences] == [
        "A heading.",
        "first item.",
        "second item",
        "a",
        "b",
        "lowercase cell",
        "x",
    ]
    rules = [f.rule for f in lint_text(text, path="a.md")]
    assert rules == ["case.sentence-start", "case.sentence-start"]  # the list items, not the cells


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("a.html", "<p>Run <code>make test</code>. The value is <code>x</code>, then <kbd>y</kbd>; done.</p>"),
        ("a.md", "Run `make test`. The value is `x`, then `y`; done.\n"),
    ],
)
def test_inline_code_stands_in_its_sentence(name, text):
    doc = document(text, name)
    assert "make test" not in doc.text
    assert lint_text(text, path=name) == []  # no space before '.', ',' or ';' where code was


def test_front_matter_values_on_several_lines_and_block_scalars_are_prose():
    text = (
        "---\ntitle: >-\n  Talks in Kiev\n  go on\ndescription: 'Officials\n  in Kiev said'\n"
        "author: Kiev Desk\nsummary: |\n  Kiev\n---\n\nBody.\n"
    )
    found = [(f.rule, f.line, f.column) for f in lint_text(text, path="a.md")]
    assert found == [("names.kyiv", 3, 12), ("names.kyiv", 6, 6)]  # not the author, not other keys


def test_a_front_matter_title_that_is_not_text_is_not_prose():
    text = "---\ntitle:\n  en: talks in Kiev\n  uk: Переговори\ndescription: [a, b]\n---\n\nBody.\n"
    assert lint_text(text, path="a.md") == []


def test_empty_and_markup_only_files():
    for name, text in [("a.md", ""), ("a.md", "```\ncode\n```\n"), ("a.html", ""), ("a.html", "<script>x</script>")]:
        assert lint_text(text, path=name) == []


def test_the_repository_readme_is_clean_enough_to_parse():
    assert lint_text((REPO / "README.md").read_text(encoding="utf-8"), path="README.md") is not None
