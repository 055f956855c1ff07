"""Hover explains a finding as `newslint --explain` does; bilingual findings (a TSV file, a
translation paired with its source by the settings) and LanguageTool's findings appear like any
other, the source words they point at given as related information."""

from __future__ import annotations

import asyncio

import pytest
from lsprotocol import types

from newslint import Config, lint_text
from newslint.backends.settings import LanguageToolSettings
from newslint.config import rule_set
from newslint.explain import explain
from tests.fake_languagetool import FakeLanguageTool
from tests.lsp.session import TIMEOUT, codes, diagnostics, open_document, position, serving

pytestmark = pytest.mark.asyncio

STORY = "Talks in Kiev ended. .\n"


async def hover_at(client, uri: str, line: int, character: int):
    params = types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=position(line, character))
    return await asyncio.wait_for(client.text_document_hover_async(params), TIMEOUT)


@pytest.mark.parametrize("editor, kind", [("visual-studio-code", "markdown"), ("neovim@v0.6.1", "markdown")])
async def test_hover_shows_the_message_and_the_rules_explanation(tmp_path, editor, kind):
    uri = (tmp_path / "story.txt").as_uri()
    async with serving(editor, root=tmp_path) as client:
        open_document(client, uri, STORY)
        await diagnostics(client, uri, 1)
        on_kiev = await hover_at(client, uri, 0, 11)
        on_nothing = await hover_at(client, uri, 0, 2)
    assert on_nothing is None
    assert on_kiev.contents.kind == kind
    value = on_kiev.contents.value
    assert value.startswith("**names\\.kyiv \\(warning\\): Spell it 'Kyiv' \\(house style\\), not 'Kiev'**")
    assert explain(rule_set().get("names.kyiv")).rstrip() in value  # what --explain prints
    assert (on_kiev.range.start.character, on_kiev.range.end.character) == (9, 13)


async def test_hover_in_plain_text_for_a_client_without_markdown(tmp_path):
    capabilities = types.ClientCapabilities(
        text_document=types.TextDocumentClientCapabilities(
            hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.PlainText])
        )
    )
    uri = (tmp_path / "story.txt").as_uri()
    async with serving(root=tmp_path, capabilities=capabilities) as client:
        open_document(client, uri, STORY)
        await diagnostics(client, uri, 1)
        hovered = await hover_at(client, uri, 0, 20)
    assert hovered.contents.kind == types.MarkupKind.PlainText
    assert hovered.contents.value.startswith("punct.doubled (warning): Doubled punctuation '. .': write '.'\n\n")
    assert explain(rule_set().get("punct.doubled")).rstrip() in hovered.contents.value


async def test_a_bilingual_file_points_at_its_source_words(tmp_path):
    text = "2.8亿元\t28 million yuan.\n"
    uri = (tmp_path / "pairs.tsv").as_uri()
    async with serving(root=tmp_path) as client:
        open_document(client, uri, text, language="tsv")
        (found,) = await diagnostics(client, uri, 1)
    assert found.code == "bitext.number-different" and "2.8亿" in found.message
    assert (found.range.start.character, found.range.end.character) == (6, 16)  # '28 million'
    (related,) = found.related_information
    assert related.location.uri == uri
    assert (related.location.range.start.character, related.location.range.end.character) == (0, 4)  # '2.8亿'
    assert related.message == "source: 2.8亿元"


async def test_a_translation_read_against_its_source_folder(tmp_path):
    (tmp_path / "zh").mkdir()
    (tmp_path / "en").mkdir()
    source = tmp_path / "zh" / "story.txt"
    source.write_text("标题\n它花了😀2.8亿元。\n", encoding="utf-8")
    target = "Headline\nIt cost 28 million yuan.\n"
    uri = (tmp_path / "en" / "story.txt").as_uri()
    options = {"source": "zh", "target": "en"}
    async with serving(root=tmp_path, initialization_options=options) as client:
        open_document(client, uri, target)
        found = await diagnostics(client, uri, 1)
    assert codes(found) == ["bitext.number-different"]
    (related,) = found[0].related_information
    assert related.location.uri == source.as_uri()
    # UTF-16 in the source file too: the emoji before '2.8亿' counts two
    assert (related.location.range.start.line, related.location.range.start.character) == (1, 5)


async def test_languagetool_findings_appear_like_any_other(tmp_path):
    text = "They could of met in Kiev.\n"
    uri = (tmp_path / "story.txt").as_uri()
    with FakeLanguageTool() as fake:
        config = Config(languagetool=LanguageToolSettings(enabled=True, server=fake.url, timeout=5, cache=False))
        expected = [f.rule for f in lint_text(text, path="story.txt", config=config)]
        options = {"languagetool": {"server": fake.url, "timeout": 5, "cache": False}}
        async with serving(root=tmp_path, initialization_options=options) as client:
            open_document(client, uri, text)
            found = await diagnostics(client, uri, 1)
    assert codes(found) == expected
    assert "languagetool.COULD_OF" in codes(found) and "names.kyiv" in codes(found)
