"""Diagnostics over a real stdio session: on open, on change (debounced) and on save; ranges in
the negotiated encoding; severity, code, documentation link and source; Markdown and HTML
positions in the file; documents newslint does not read are left alone."""

from __future__ import annotations

import asyncio
import textwrap

import pytest
from lsprotocol import types

from newslint import lint_text
from tests.lsp.session import codes, diagnostics, edit, open_document, replace_all, serving

pytestmark = pytest.mark.asyncio

STORY = "Talks in Kiev ended. .\n"  # names.kyiv on 'Kiev', punct.doubled on '. .'


def units(text: str, encoding: str) -> int:
    """Code units of text, counted by Python's codecs (independently of the server's code)."""
    if encoding == "utf-16":
        return len(text.encode("utf-16-le")) // 2
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    return len(text)


def expected_ranges(text: str, path: str, encoding: str = "utf-16") -> list[tuple[str, int, int, int, int]]:
    """(rule, line, character, end line, end character) of what the API finds, in code units."""
    ranges = []
    for finding in lint_text(text, path=path):
        line_start = text.rfind("\n", 0, finding.start) + 1
        end_line_start = text.rfind("\n", 0, finding.end) + 1
        ranges.append(
            (
                finding.rule,
                finding.line - 1,
                units(text[line_start : finding.start], encoding),
                finding.end_line - 1,
                units(text[end_line_start : finding.end], encoding),
            )
        )
    return ranges


def ranges(found: list[types.Diagnostic]) -> list[tuple[str, int, int, int, int]]:
    return [
        (str(d.code), d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character)
        for d in found
    ]


async def test_open_gives_findings_with_code_source_severity_and_link(tmp_path):
    uri = (tmp_path / "story.txt").as_uri()
    async with serving(root=tmp_path) as client:
        open_document(client, uri, STORY)
        found = await diagnostics(client, uri, version=1)
    assert ranges(found) == [("names.kyiv", 0, 9, 0, 13), ("punct.doubled", 0, 19, 0, 22)]
    assert ranges(found) == expected_ranges(STORY, "story.txt")
    kyiv, doubled = found
    assert kyiv.source == doubled.source == "newslint"
    assert kyiv.severity == doubled.severity == types.DiagnosticSeverity.Warning
    assert kyiv.message == "Spell it 'Kyiv' (house style), not 'Kiev'"
    assert kyiv.code_description is not None and kyiv.code_description.href.startswith("https://")  # the rule's link
    assert doubled.code_description is None  # punct.doubled has no link


@pytest.mark.parametrize(
    "editor, encoding",
    [("visual-studio-code", "utf-16"), ("neovim@v0.11.0", "utf-8"), ("emacs", "utf-32")],
)
async def test_positions_after_an_emoji_in_the_negotiated_encoding(tmp_path, editor, encoding):
    text = "😀 “Talks” in Kiev ended. .\n"
    uri = (tmp_path / "story.txt").as_uri()
    async with serving(editor, root=tmp_path) as client:
        assert client.capabilities is not None
        open_document(client, uri, text)
        found = await diagnostics(client, uri, version=1)
    assert ranges(found) == expected_ranges(text, "story.txt", encoding)
    kyiv = found[0]
    assert kyiv.range.start.character == units("😀 “Talks” in ", encoding)  # 14 (utf-16), 20 (utf-8), 13


async def test_the_server_says_which_encoding_it_took(tmp_path):
    async with serving("neovim@v0.11.0", root=tmp_path) as client:
        result = client.initialize_result.capabilities
    assert result.position_encoding == types.PositionEncodingKind.Utf8
    async with serving("visual-studio-code", root=tmp_path) as client:
        result = client.initialize_result.capabilities
    assert result.position_encoding == types.PositionEncodingKind.Utf16


async def test_an_incremental_change_after_an_emoji_and_a_line_separator(tmp_path):
    """Edits land where the client means them: UTF-16 columns after an emoji, and U+2028 is no
    line break in LSP (pygls' own document store would split the line there)."""
    text = "😀 A\u2028Talks in Kiev ended. .\nNext line.\n"
    uri = (tmp_path / "story.txt").as_uri()
    async with serving(root=tmp_path, initialization_options={"debounce": 50}) as client:
        open_document(client, uri, text)
        first = await diagnostics(client, uri, version=1)
        kiev = text.index("Kiev")
        start = units(text[:kiev], "utf-16")
        edit(client, uri, 2, (0, start), (0, start + 4), "Kyiv")
        second = await diagnostics(client, uri, version=2)
    assert ranges(first) == [("names.kyiv", 0, start, 0, start + 4), ("punct.doubled", 0, start + 10, 0, start + 13)]
    assert ranges(second) == [("punct.doubled", 0, start + 10, 0, start + 13)]


async def test_changes_are_debounced_and_only_the_last_version_is_published(tmp_path):
    uri = (tmp_path / "story.txt").as_uri()
    async with serving(root=tmp_path, initialization_options={"debounce": 1000}) as client:
        open_document(client, uri, STORY)
        await diagnostics(client, uri, version=1)
        for version in range(2, 7):
            replace_all(client, uri, STORY.replace("Kiev", "Kyiv" if version % 2 else "Kiev"), version)
        final = await diagnostics(client, uri, version=6)
        published = [p.version for p in client.publications if p.uri == uri]
    assert published == [1, 6]
    assert codes(final) == ["names.kyiv", "punct.doubled"]


async def test_save_lints_and_close_clears(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    uri = path.as_uri()
    async with serving(root=tmp_path, initialization_options={"debounce": 10_000}) as client:
        open_document(client, uri, STORY)
        await diagnostics(client, uri, version=1)
        replace_all(client, uri, "Talks ended.\n", 2)  # not linted for 10 s ...
        client.text_document_did_save(
            types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )
        saved = await asyncio.wait_for(diagnostics(client, uri, version=2), 5)  # ... but at once on save
        client.text_document_did_close(
            types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        closed = client.published[uri]
    assert saved == []
    assert list(closed.diagnostics) == [] and closed.version is None


MARKDOWN = textwrap.dedent(
    """\
    ---
    title: Talks
    ---
    # Peace talks

    The `Kiev` code is skipped; the **talks** in [Kiev](https://example.com/Kiev) ended. .
    """
)
HTML = '<p class="Kiev">Talks in <b>Kiev</b> ended &amp; more. .</p>\n<script>var s = "Kiev";</script>\n'


@pytest.mark.parametrize("path, language, text", [("story.md", "markdown", MARKDOWN), ("story.html", "html", HTML)])
async def test_markdown_and_html_positions_are_those_of_the_file(tmp_path, path, language, text):
    uri = (tmp_path / path).as_uri()
    async with serving(root=tmp_path) as client:
        open_document(client, uri, text, language=language)
        found = await diagnostics(client, uri, version=1)
    assert ranges(found) == expected_ranges(text, path)
    lines = text.splitlines()
    flagged = [lines[d.range.start.line][d.range.start.character : d.range.end.character] for d in found]
    assert flagged == ["Kiev", ". ."]


async def test_documents_newslint_does_not_read_are_left_alone(tmp_path):
    code_uri = (tmp_path / "tool.py").as_uri()
    story_uri = (tmp_path / "story.txt").as_uri()
    async with serving(root=tmp_path) as client:
        open_document(client, code_uri, 'CITY = "Kiev"  # . .\n', language="python")
        open_document(client, story_uri, STORY)
        await diagnostics(client, story_uri, version=1)
        await asyncio.sleep(0.3)
        assert code_uri not in client.published
        untitled = "untitled:Untitled-1"
        open_document(client, untitled, STORY, language="plaintext")
        found = await diagnostics(client, untitled, version=1)
    assert codes(found) == ["names.kyiv", "punct.doubled"]
