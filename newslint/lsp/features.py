"""The LSP methods newslint-lsp answers, each a thin handler over the server's state. A request
that fails is logged and answered with nothing (no hover, no actions), never with a dead server."""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable
from typing import Any

from lsprotocol import types
from pygls.capabilities import ServerCapabilitiesBuilder

from newslint.config import CONFIG_FILES
from newslint.lsp import actions
from newslint.lsp.documents import path_of
from newslint.lsp.hover import hover
from newslint.lsp.linted import Linted
from newslint.lsp.server import NewslintServer
from newslint.lsp.settings import SECTION, SettingsError, parse
from newslint.rules.loader import RULE_FILE_SUFFIXES

logger = logging.getLogger(__name__)
WATCHED = ["**/newslint.yaml", "**/.newslint.yaml", "**/pyproject.toml", "**/*.yaml", "**/*.yml"]


def answering(default: Any) -> Callable:
    """Run a handler; on an exception, report it and answer `default`."""

    def decorate(handler: Callable) -> Callable:
        @functools.wraps(handler)
        async def guarded(ls: NewslintServer, params: Any) -> Any:
            try:
                return await handler(ls, params)
            except Exception as error:
                ls.report_failure(handler.__name__.replace("_", " "), error)
                return default

        return guarded

    return decorate


def notified(handler: Callable) -> Callable:
    """A notification handler that reports its exception instead of raising it."""

    @functools.wraps(handler)
    def guarded(ls: NewslintServer, params: Any) -> None:
        try:
            handler(ls, params)
        except Exception as error:
            ls.report_failure(handler.__name__.replace("_", " "), error)

    return guarded


def create_server() -> NewslintServer:
    server = NewslintServer()
    register(server)
    return server


def register(server: NewslintServer) -> None:  # noqa: C901 - one registration per method
    @server.feature(types.INITIALIZE)
    @notified
    def initialize(ls: NewslintServer, params: types.InitializeParams) -> None:
        encoding = ServerCapabilitiesBuilder.choose_position_encoding(params.capabilities)
        ls.encoding = getattr(encoding, "value", encoding)
        ls.root = _root(params)
        _use_settings(ls, params.initialization_options)

    @server.feature(types.INITIALIZED)
    @answering(None)
    async def initialized(ls: NewslintServer, params: types.InitializedParams) -> None:
        if _client_supports(ls, "workspace.did_change_watched_files.dynamic_registration"):
            watchers = [types.FileSystemWatcher(glob_pattern=pattern) for pattern in WATCHED]
            registration = types.Registration(
                id="newslint-config-files",
                method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
            )
            try:
                await ls.client_register_capability_async(types.RegistrationParams(registrations=[registration]))
            except Exception as error:  # files are still read again when next linted
                logger.warning("newslint-lsp: the client did not take the file watchers: %s", error)
        if await _pull_settings(ls):
            ls.lint_all_soon()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    @notified
    def did_open(ls: NewslintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.documents.open(params.text_document)
        ls.lint_soon(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    @notified
    def did_change(ls: NewslintServer, params: types.DidChangeTextDocumentParams) -> None:
        if ls.documents.change(params, ls.encoding) is not None:
            ls.lint_soon(params.text_document.uri, ls.settings.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    @notified
    def did_save(ls: NewslintServer, params: types.DidSaveTextDocumentParams) -> None:
        path = path_of(params.text_document.uri)
        if path is not None and _is_configuration(path):
            ls.lint_all_soon()
        else:
            ls.lint_soon(params.text_document.uri, 0, again=True)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    @notified
    def did_close(ls: NewslintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.documents.close(params.text_document.uri)
        ls.forget(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    @answering(None)
    async def did_change_configuration(ls: NewslintServer, params: types.DidChangeConfigurationParams) -> None:
        if params.settings:  # pushed: Neovim's {"newslint": {...}}, Helix's section itself
            _use_settings(ls, params.settings)
        else:  # VS Code's clients send nothing and expect to be asked
            await _pull_settings(ls)
        ls.lint_all_soon()

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    @notified
    def did_change_watched_files(ls: NewslintServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(_is_configuration(path_of(change.uri) or "") for change in params.changes):
            ls.lint_all_soon()

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    @answering(None)
    async def hover_finding(ls: NewslintServer, params: types.HoverParams) -> types.Hover | None:
        linted = await ls.current(params.text_document.uri)
        if linted is None:
            return None
        offset = linted.index.offset(params.position)
        under = [f for f in linted.findings if f.start <= offset <= f.end]
        if not under:
            return None
        span = linted.index.range(min(f.start for f in under), max(f.end for f in under))
        return hover(under, linted.rules, _client_supports_markdown_hover(ls), span)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=actions.KINDS, resolve_provider=True),
    )
    @answering([])
    async def code_action(ls: NewslintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        linted = await ls.current(params.text_document.uri)
        if linted is None or linted.reading is None:
            return []
        return await ls.in_worker(_actions, ls, linted, params)

    @server.feature(types.CODE_ACTION_RESOLVE)
    @answering(None)
    async def resolve_code_action(ls: NewslintServer, action: types.CodeAction) -> types.CodeAction:
        data = action.data if isinstance(action.data, dict) else {}
        linted = await ls.current(data.get("uri", ""))
        if linted is None or linted.reading is None or linted.version != data.get("version"):
            return action  # the document changed since: nothing to apply
        return await ls.in_worker(_resolved, ls, linted, action)

    @server.feature(types.SHUTDOWN)
    @notified
    def shutdown(ls: NewslintServer, params: None) -> None:
        ls.stop_work()


def _context(ls: NewslintServer, linted: Linted) -> actions.ActionContext:
    return actions.ActionContext(linted, _client_supports(ls, "workspace.workspace_edit.document_changes"))


def _actions(ls: NewslintServer, linted: Linted, params: types.CodeActionParams) -> list[types.CodeAction]:
    """In the worker: the actions for the requested range, in the order editors list them."""
    context = _context(ls, linted)
    only = params.context.only
    lazy = _client_supports(ls, "text_document.code_action.resolve_support") and "edit" in (
        _capability(ls, "text_document.code_action.resolve_support.properties") or []
    )
    found: list[types.CodeAction | None] = []
    if actions.wanted(only, actions.QUICKFIX):
        touching = actions.in_range(context, params.range)
        keeping = actions.fixes_keeping_markup(context, touching)
        found += [actions.quick_fix(context, finding) for finding in touching if finding.fix in keeping]
        found += [actions.silencing(context, finding, lazy) for finding in touching]
    if actions.wanted(only, actions.FIX_ALL):
        found.append(actions.fix_all(context, lazy))
    return [action for action in found if action is not None]


def _resolved(ls: NewslintServer, linted: Linted, action: types.CodeAction) -> types.CodeAction:
    context = _context(ls, linted)
    if action.data.get("fix_all"):
        return actions.resolve_fix_all(context, action)
    if action.data.get("silence"):
        return actions.resolve_silencing(context, action) or action
    return action


def _use_settings(ls: NewslintServer, raw: Any) -> None:
    try:
        ls.settings = parse(raw, ls.root)
    except SettingsError as error:
        ls.show(f"settings: {error} (the settings are ignored until mended)", types.MessageType.Error)


async def _pull_settings(ls: NewslintServer) -> bool:
    """Ask the client for the `newslint` section (workspace/configuration); whether it gave one."""
    if not _client_supports(ls, "workspace.configuration"):
        return False
    params = types.ConfigurationParams(items=[types.ConfigurationItem(section=SECTION)])
    answer = await ls.workspace_configuration_async(params)
    if not answer or answer[0] is None:
        return False
    _use_settings(ls, answer[0])
    return True


def _root(params: types.InitializeParams) -> str | None:
    if params.workspace_folders:
        return path_of(params.workspace_folders[0].uri)
    if params.root_uri:
        return path_of(params.root_uri)
    return params.root_path


def _is_configuration(path: str) -> bool:
    return os.path.basename(path) in CONFIG_FILES or path.endswith(RULE_FILE_SUFFIXES)


def _capability(ls: NewslintServer, dotted: str) -> Any:
    value: Any = ls.client_capabilities
    for name in dotted.split("."):
        value = getattr(value, name, None)
        if value is None:
            return None
    return value


def _client_supports(ls: NewslintServer, dotted: str) -> bool:
    return bool(_capability(ls, dotted))


def _client_supports_markdown_hover(ls: NewslintServer) -> bool:
    formats = _capability(ls, "text_document.hover.content_format") or []
    return types.MarkupKind.Markdown in formats
