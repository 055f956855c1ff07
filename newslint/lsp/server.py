"""The language server's state and its one loop of work: lint a document (soon after a change,
at once on open and save) in a worker thread, then publish what was found, unless the document
changed meanwhile. Problems with configuration are shown, never raised."""

from __future__ import annotations

import asyncio
import logging
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from newslint import __version__
from newslint.errors import NewslintError
from newslint.lsp.checking import Checked, Reading, format_for
from newslint.lsp.configs import ConfigResolver, Problem
from newslint.lsp.diagnostics import diagnostic, input_diagnostic, problem_diagnostic, uri_of
from newslint.lsp.documents import DocumentStore, OpenDocument
from newslint.lsp.linted import Linted
from newslint.lsp.positions import UTF16, LineIndex
from newslint.lsp.protocol import NewslintProtocol
from newslint.lsp.settings import ClientSettings

logger = logging.getLogger(__name__)
Result = TypeVar("Result")


class NewslintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "newslint-lsp",
            __version__,
            protocol_cls=NewslintProtocol,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
        )
        self.documents = DocumentStore()
        self.settings = ClientSettings()
        self.resolver = ConfigResolver()
        self.encoding = UTF16
        self.root: str | None = None
        self.shutdown_requested = False
        self.linted: dict[str, Linted] = {}
        # One worker: linting is CPU work that would stall the protocol on the event loop, and
        # newslint's caches of rules and linters are built by one thread at a time.
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint-lint")
        self._timers: dict[str, asyncio.Task] = {}
        self._running: dict[str, tuple[str, asyncio.Future]] = {}  # the lint under way, by uri: (text, result)
        self._problems: dict[str, list[Problem]] = {}  # per document uri
        self._shown: set[str] = set()  # problem messages already shown to the user
        self._problem_files: dict[str, list[Problem]] = {}  # what configuration files show, by path
        self._failures_shown: set[str] = set()  # unexpected errors already shown (all are logged)

    # --- running work --------------------------------------------------------------------------

    async def in_worker(self, work: Callable[..., Result], *args: Any) -> Result:
        return await asyncio.get_running_loop().run_in_executor(self.worker, partial(work, *args))

    def lint_soon(self, uri: str, delay: float, again: bool = False) -> None:
        """Lint after `delay` seconds, unless another change comes first (debounce); `again`:
        even if this text was linted (its configuration may have changed on disk)."""
        if again:
            self.linted.pop(uri, None)
            self._running.pop(uri, None)
        timer = self._timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        self._timers[uri] = asyncio.ensure_future(self._lint_later(uri, delay))

    def lint_all_soon(self) -> None:
        """Configuration changed: every open document again."""
        for document in self.documents.all():
            self.lint_soon(document.uri, 0, again=True)

    async def _lint_later(self, uri: str, delay: float) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            await self.current(uri)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # one document's failure must not stop the server
            self.report_failure(f"linting {uri}", error)
        finally:
            if self._timers.get(uri) is asyncio.current_task():
                del self._timers[uri]

    async def current(self, uri: str) -> Linted | None:
        """The document's findings for its current text: linted now if not yet."""
        document = self.documents.get(uri)
        if document is None or format_for(document) is None:
            return None
        linted = self.linted.get(uri)
        if linted is not None and linted.version == document.version and linted.text is document.text:
            return linted
        running = self._running.get(uri)
        if running is None or running[0] is not document.text:  # one lint per text, however many ask
            snapshot = OpenDocument(document.uri, document.text, document.version, document.language_id)
            running = (document.text, asyncio.ensure_future(self.in_worker(self._lint, snapshot)))
            self._running[uri] = running
        try:
            linted = await asyncio.shield(running[1])
        finally:
            if self._running.get(uri) is running and running[1].done():
                del self._running[uri]
        still_current = self.documents.get(uri) is document and document.text is linted.text
        if still_current and self.linted.get(uri) is not linted:
            self.linted[uri] = linted
            self.publish(linted)
        return linted

    def _lint(self, document: OpenDocument) -> Linted:
        """In the worker: configuration, reading, rules, diagnostics."""
        path = document.path or document.uri
        index = LineIndex(document.text, self.encoding)
        linted = Linted(document.uri, document.version, document.text, format_for(document) or "text", path, index)
        resolution = self.resolver.for_document(document.path, self.root, self.settings)
        linted.problems = list(resolution.problems)
        if document.path is not None and resolution.config.excluded(document.path):
            return linted
        try:
            reading = Reading(document, resolution, self.settings.bitext, self.documents.text_of_path)
        except NewslintError as error:  # a source file that cannot be read: say so, lint nothing
            linted.problems.append(Problem(str(error)))
            return linted
        checked = reading.check(document.text)
        linted.reading = reading
        linted.rules = {rule.id: rule for rule in resolution.linter.rules}
        linted.findings, linted.problems = checked.findings, checked.problems
        linted.diagnostics = self._diagnostics(linted, checked)
        return linted

    def _diagnostics(self, linted: Linted, checked: Checked) -> list[types.Diagnostic]:
        if checked.input_error is not None:
            return [input_diagnostic(checked.input_error)]
        links = {rule_id: rule.info.link for rule_id, rule in linted.rules.items() if rule.info.link}
        sources = {path: (uri_of(path), LineIndex(text, self.encoding)) for path, text in checked.source_texts.items()}
        sources[linted.path] = (linted.uri, linted.index)  # a bilingual file holds its source
        return [diagnostic(finding, linted.index, links, sources) for finding in linted.findings]

    # --- publishing ----------------------------------------------------------------------------

    def publish(self, linted: Linted) -> None:
        self._problems[linted.uri] = linted.problems
        self._show_problems()
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=linted.uri, version=linted.version, diagnostics=linted.diagnostics)
        )

    def forget(self, uri: str) -> None:
        """A closed document: no timer, no findings, no diagnostics left in the editor."""
        timer = self._timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        self.linted.pop(uri, None)
        self._problems.pop(uri, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        self._show_problems()

    def _show_problems(self) -> None:
        """Each new problem once as a message (and in the log), and on the file that is wrong
        as a diagnostic, until it is mended."""
        current = {problem for problems in self._problems.values() for problem in problems}
        for problem in sorted(current, key=lambda p: p.message):
            if problem.message not in self._shown:
                self.show(problem.message, types.MessageType.Error)
        self._shown = {problem.message for problem in current}
        by_file: dict[str, list[Problem]] = {}
        for problem in current:
            if problem.path is not None:
                by_file.setdefault(problem.path, []).append(problem)
        shown = {path: sorted(problems, key=lambda p: p.message) for path, problems in by_file.items()}
        for path in set(self._problem_files) | set(shown):
            if self._problem_files.get(path) != shown.get(path):
                diagnostics = [problem_diagnostic(problem) for problem in shown.get(path, [])]
                params = types.PublishDiagnosticsParams(uri=uri_of(path), diagnostics=diagnostics)
                self.text_document_publish_diagnostics(params)
        self._problem_files = shown

    def show(self, message: str, level: types.MessageType) -> None:
        self.window_log_message(types.LogMessageParams(type=level, message=f"newslint: {message}"))
        self.window_show_message(types.ShowMessageParams(type=level, message=f"newslint: {message}"))

    def report_failure(self, doing: str, error: BaseException) -> None:
        """An unexpected exception: its traceback to the log, one line to the user."""
        details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        logger.error("newslint-lsp: error while %s\n%s", doing, details)
        self.window_log_message(types.LogMessageParams(type=types.MessageType.Error, message=details))
        message = f"newslint: error while {doing}: {error}"
        if message not in self._failures_shown:  # once: a failing document fails at every keystroke
            self._failures_shown.add(message)
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=message))

    def stop_work(self) -> None:
        """shutdown: no more linting; `exit` then ends the process (with 0, since asked first)."""
        self.shutdown_requested = True
        for timer in self._timers.values():
            timer.cancel()
        self._timers.clear()
        self.worker.shutdown(wait=False, cancel_futures=True)
