"""Driving newslint-lsp as an editor does: a real LSP client (pytest-lsp, on pygls) that starts
the server as a subprocess over stdio, with the capabilities real editors send."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

TIMEOUT = 30.0  # seconds for anything the server should do; a shared 2-core machine is slow


@asynccontextmanager
async def serving(
    editor: str = "visual-studio-code",
    initialization_options: Any = None,
    root: Path | None = None,
    configuration: dict | None = None,
    command: Sequence[str] = (sys.executable, "-m", "newslint.lsp"),
    capabilities: types.ClientCapabilities | None = None,
) -> AsyncIterator[LanguageClient]:
    """A started and initialized session; on leaving, shutdown and exit, and the server must
    end with exit code 0."""
    client = _client()
    if configuration is not None:
        client.set_configuration(configuration)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    await client.start_io(command[0], *command[1:], env=env, cwd=str(root) if root else None)
    try:
        folders = [types.WorkspaceFolder(uri=root.as_uri(), name=root.name)] if root else None
        client.initialize_result = await asyncio.wait_for(  # type: ignore[attr-defined]
            client.initialize_session(
                types.InitializeParams(
                    capabilities=capabilities or client_capabilities(editor),
                    initialization_options=initialization_options,
                    workspace_folders=folders,
                    root_uri=root.as_uri() if root else None,
                )
            ),
            TIMEOUT,
        )
        yield client
        if client.capabilities is not None:  # unless the test ended the session itself
            await asyncio.wait_for(client.shutdown_session(), TIMEOUT)
            assert client._server is not None
            assert client._server.returncode == 0, f"the server exited with {client._server.returncode}"
    finally:
        if client._server is not None and client._server.returncode is None:
            client._server.kill()  # a test failed before exit: do not wait for a server that will not end
        await client.stop()


def open_document(client: LanguageClient, uri: str, text: str, language: str = "plaintext", version: int = 1) -> None:
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)
        )
    )


def replace_all(client: LanguageClient, uri: str, text: str, version: int) -> None:
    """A change that sends the whole new text."""
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def edit(client: LanguageClient, uri: str, version: int, start: tuple[int, int], end: tuple[int, int], text: str):
    """An incremental change, positions in the session's encoding."""
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=position(*start), end=position(*end)), text=text
                )
            ],
        )
    )


def position(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


async def diagnostics(client: LanguageClient, uri: str, version: int | None = None) -> list[types.Diagnostic]:
    """The diagnostics published for a document (for its `version`, if given), waiting for them."""

    async def arrived() -> list[types.Diagnostic]:
        while True:
            published = client.published.get(uri)  # type: ignore[attr-defined]
            if published is not None and (version is None or published.version == version):
                return list(published.diagnostics)
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)

    return await asyncio.wait_for(arrived(), TIMEOUT)


def _publish_diagnostics(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
    client.diagnostics[params.uri] = params.diagnostics
    client.published[params.uri] = params  # type: ignore[attr-defined]
    client.publications.append(params)  # type: ignore[attr-defined]


def _register_capability(client: LanguageClient, params: types.RegistrationParams) -> None:
    client.registrations.extend(params.registrations)  # type: ignore[attr-defined]


def _client() -> LanguageClient:
    """pytest-lsp's test client, keeping whole publishDiagnostics notifications (with versions)."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = {}  # type: ignore[attr-defined]
    client.publications = []  # type: ignore[attr-defined]
    client.registrations = []  # type: ignore[attr-defined]
    features = {
        **DEFAULT_CLIENT_FEATURES,
        types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: _publish_diagnostics,
        types.CLIENT_REGISTER_CAPABILITY: _register_capability,
    }
    register_lsp_features(client, features)
    return client


def codes(found: list[types.Diagnostic]) -> list[str]:
    return [str(d.code) for d in found]


def apply_edits(text: str, edits: Sequence[types.TextEdit], encoding: str = "utf-16") -> str:
    """Apply text edits as an editor does (all positions refer to the text before any edit)."""
    from newslint.lsp.positions import LineIndex

    index = LineIndex(text, encoding)
    spans = sorted(((index.offset(e.range.start), index.offset(e.range.end), e.new_text) for e in edits), reverse=True)
    for start, end, new_text in spans:
        text = text[:start] + new_text + text[end:]
    return text


def edits_of(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    """The edits a code action makes to one document (changes or documentChanges)."""
    edit_ = action.edit
    assert edit_ is not None, f"{action.title!r} has no edit"
    if edit_.document_changes:
        return [e for change in edit_.document_changes if change.text_document.uri == uri for e in change.edits]
    return list((edit_.changes or {}).get(uri, []))
