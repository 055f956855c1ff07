"""Configuration in the editor: the nearest configuration file above each document (read again
when it changes on disk), the editor's own settings (initialization options, pushed and pulled
configuration), and broken files shown to the user while the server keeps linting."""

from __future__ import annotations

import asyncio
import textwrap
from pathlib import Path

import pytest
from lsprotocol import types

from tests.lsp.session import TIMEOUT, codes, diagnostics, open_document, replace_all, serving

pytestmark = pytest.mark.asyncio

STORY = "Talks in Kiev ended. .\n"  # names.kyiv, punct.doubled


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def changed_on_disk(client, *paths: Path) -> None:
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=path.as_uri(), type=types.FileChangeType.Changed) for path in paths]
        )
    )


async def until(condition, client) -> None:
    """Wait for notifications until `condition()` holds."""

    async def wait() -> None:
        while not condition():
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)

    await asyncio.wait_for(wait(), TIMEOUT)


async def test_the_configuration_in_the_documents_folder_applies_to_it_alone(tmp_path):
    write(tmp_path / "desk" / "newslint.yaml", "select: [punct]\nexclude: ['drafts/**']\n")
    write(tmp_path / "wire" / "pyproject.toml", '[tool.newslint]\nignore = ["punct"]\n')
    desk = (tmp_path / "desk" / "sub" / "story.txt").as_uri()  # the nearest config above it
    draft = (tmp_path / "desk" / "drafts" / "story.txt").as_uri()  # excluded by it
    wire = (tmp_path / "wire" / "story.txt").as_uri()
    elsewhere = (tmp_path / "story.txt").as_uri()
    async with serving(root=tmp_path) as client:
        for uri in (desk, draft, wire, elsewhere):
            open_document(client, uri, STORY)
        assert codes(await diagnostics(client, desk, 1)) == ["punct.doubled"]
        assert codes(await diagnostics(client, draft, 1)) == []
        assert codes(await diagnostics(client, wire, 1)) == ["names.kyiv"]
        assert codes(await diagnostics(client, elsewhere, 1)) == ["names.kyiv", "punct.doubled"]


async def test_a_configuration_changed_on_disk_is_read_again(tmp_path):
    config = write(tmp_path / "newslint.yaml", "select: [punct]\n")
    uri = (tmp_path / "story.txt").as_uri()
    async with serving(root=tmp_path, initialization_options={"debounce": 20}) as client:
        open_document(client, uri, STORY)
        assert codes(await diagnostics(client, uri, 1)) == ["punct.doubled"]
        assert [r.method for r in client.registrations] == ["workspace/didChangeWatchedFiles"]
        write(config, "select: [names]\n")
        changed_on_disk(client, config)  # the editor's file watcher
        await until(lambda: codes(client.published[uri].diagnostics) == ["names.kyiv"], client)
        write(config, "select: [names, punct]\n")  # no watcher this time: the next change reads it
        replace_all(client, uri, STORY + "More.\n", 2)
        assert codes(await diagnostics(client, uri, 2)) == ["names.kyiv", "punct.doubled"]


async def test_a_rule_file_changed_on_disk_is_read_again(tmp_path):
    write(tmp_path / "newslint.yaml", "rules: [house.yaml]\nselect: [house]\n")
    rule = """\
        - id: house.talks
          kind: existence
          level: {level}
          message: "'{{match}}' again"
          tokens: [{word}]
        """
    house = write(tmp_path / "house.yaml", rule.format(level="error", word="Talks"))
    uri = (tmp_path / "story.txt").as_uri()
    async with serving(root=tmp_path) as client:
        open_document(client, uri, STORY)
        (first,) = await diagnostics(client, uri, 1)
        write(house, rule.format(level="info", word="ended"))
        changed_on_disk(client, house)
        await until(lambda: [d.severity for d in client.published[uri].diagnostics] == [3], client)
        (second,) = client.published[uri].diagnostics
    assert (first.code, first.severity, first.range.start.character) == ("house.talks", 1, 0)
    assert (second.code, second.message, second.range.start.character) == ("house.talks", "'ended' again", 14)


async def test_a_broken_configuration_is_shown_and_the_server_keeps_linting(tmp_path):
    config = write(tmp_path / "newslint.yaml", "select: [punct]\nignore: [nosuch]\n")
    uri = (tmp_path / "story.txt").as_uri()
    async with serving(root=tmp_path) as client:
        open_document(client, uri, STORY)
        found = await diagnostics(client, uri, 1)
        on_config = await diagnostics(client, config.as_uri())
        assert codes(found) == ["names.kyiv", "punct.doubled"]  # the defaults meanwhile
        (shown,) = client.messages
        assert shown.type == types.MessageType.Error
        assert f"{config}:2: ignore: no rule is called or starts with 'nosuch'" in shown.message
        (problem,) = on_config
        assert problem.range.start.line == 1 and problem.severity == types.DiagnosticSeverity.Error
        assert problem.code == "newslint.config" and "nosuch" in problem.message
        write(config, "select: [punct]\n")  # mended
        changed_on_disk(client, config)
        await until(lambda: not client.published[config.as_uri()].diagnostics, client)
        await until(lambda: codes(client.published[uri].diagnostics) == ["punct.doubled"], client)
        assert len(client.messages) == 1  # shown once, not at every keystroke


async def test_invalid_yaml_and_a_broken_rule_file_are_shown_on_their_line(tmp_path):
    config = write(tmp_path / "newslint.yaml", "select: [punct\nignore: x\n")
    uri = (tmp_path / "story.txt").as_uri()
    async with serving(root=tmp_path) as client:
        open_document(client, uri, STORY)
        await diagnostics(client, uri, 1)
        (yaml_problem,) = await diagnostics(client, config.as_uri())
        write(config, "rules: [house.yaml]\n")
        house = write(tmp_path / "house.yaml", "- id: house.x\n  kind: existence\n  message: m\n  tokenz: [a]\n")
        changed_on_disk(client, config, house)
        await until(lambda: house.as_uri() in client.published, client)
        (rule_problem,) = client.published[house.as_uri()].diagnostics
        await until(lambda: not client.published[config.as_uri()].diagnostics, client)
        assert codes(client.published[uri].diagnostics) == ["names.kyiv", "punct.doubled"]
    assert "newslint.yaml" in yaml_problem.message and yaml_problem.code == "newslint.config"
    assert rule_problem.range.start.line == 3 and "house.x" in rule_problem.message and "tokenz" in rule_problem.message
    assert [m.type for m in client.messages] == [types.MessageType.Error, types.MessageType.Error]


async def test_initialization_options_select_and_ignore(tmp_path):
    write(tmp_path / "newslint.yaml", "ignore: [names]\n")
    uri = (tmp_path / "story.txt").as_uri()
    options = {"select": ["names", "punct"], "ignore": "punct"}  # the editor's settings win over the file's
    async with serving(root=tmp_path, initialization_options=options) as client:
        open_document(client, uri, STORY)
        assert codes(await diagnostics(client, uri, 1)) == ["names.kyiv"]


async def test_settings_pushed_by_the_editor(tmp_path):
    uri = (tmp_path / "story.txt").as_uri()
    async with serving("neovim", root=tmp_path) as client:
        open_document(client, uri, STORY)
        assert codes(await diagnostics(client, uri, 1)) == ["names.kyiv", "punct.doubled"]
        client.workspace_did_change_configuration(
            types.DidChangeConfigurationParams(settings={"newslint": {"ignore": ["names"]}})
        )
        await until(lambda: codes(client.published[uri].diagnostics) == ["punct.doubled"], client)


async def test_settings_pulled_from_the_editor(tmp_path):
    uri = (tmp_path / "story.txt").as_uri()
    async with serving(root=tmp_path, configuration={"newslint": {"select": ["names"]}}) as client:
        open_document(client, uri, STORY)
        await until(
            lambda: uri in client.published and codes(client.published[uri].diagnostics) == ["names.kyiv"], client
        )
        client.set_configuration({"newslint": {"select": ["punct"]}})
        client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
        await until(lambda: codes(client.published[uri].diagnostics) == ["punct.doubled"], client)


async def test_invalid_settings_are_shown_and_ignored(tmp_path):
    uri = (tmp_path / "story.txt").as_uri()
    async with serving(root=tmp_path, initialization_options={"select": ["nosuch"], "debounce": "soon"}) as client:
        open_document(client, uri, STORY)
        found = await diagnostics(client, uri, 1)
        messages = [m.message for m in client.messages]
    assert codes(found) == ["names.kyiv", "punct.doubled"]
    assert messages == [
        "newslint: settings: debounce: expected milliseconds from 0 to 10000, got 'soon' (the settings are ignored until mended)"
    ]


async def test_a_selector_the_rules_do_not_know_is_shown(tmp_path):
    uri = (tmp_path / "story.txt").as_uri()
    async with serving(root=tmp_path, initialization_options={"ignore": ["nosuch"]}) as client:
        open_document(client, uri, STORY)
        found = await diagnostics(client, uri, 1)
        messages = [m.message for m in client.messages]
    assert codes(found) == ["names.kyiv", "punct.doubled"]
    assert len(messages) == 1 and messages[0].startswith("newslint: settings: ") and "'nosuch'" in messages[0]
