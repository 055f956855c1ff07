"""The documents open in the editor, kept as the client sees them.

The server keeps its own copy rather than pygls' workspace, whose line splitting follows
`str.splitlines` (U+2028, form feeds ...) where LSP knows only \\n, \\r\\n and \\r: an incremental
edit after such a character would land in the wrong place.
"""

from __future__ import annotations

import os
from urllib.parse import unquote, urlparse

from lsprotocol import types

from newslint.lsp.positions import LineIndex
from newslint.records import field, record


def path_of(uri: str) -> str | None:
    """The file system path of a file: URI; None for other schemes (untitled:, ...)."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if os.name == "nt" and path.startswith("/") and path[2:3] == ":":  # pragma: no cover - Windows
        path = path[1:]
    return os.path.normpath(path)


@record
class OpenDocument:
    """One open document: its text as the client has it, and its version."""

    uri: str
    text: str
    version: int | None
    language_id: str = ""
    _index: LineIndex | None = field(default=None, repr=False)

    @property
    def path(self) -> str | None:
        return path_of(self.uri)

    def index(self, encoding: str) -> LineIndex:
        """The line index of the current text (built once per text)."""
        if self._index is None or self._index.encoding != encoding or self._index.text is not self.text:
            self._index = LineIndex(self.text, encoding)
        return self._index

    def apply(self, change: types.TextDocumentContentChangeEvent, encoding: str) -> None:
        """Apply one change: a whole new text, or a range replaced."""
        if isinstance(change, types.TextDocumentContentChangePartial):
            index = self.index(encoding)
            start, end = index.offset(change.range.start), index.offset(change.range.end)
            self.text = self.text[:start] + change.text + self.text[max(start, end) :]
        else:
            self.text = change.text


class DocumentStore:
    """The open documents by URI."""

    def __init__(self) -> None:
        self._documents: dict[str, OpenDocument] = {}

    def open(self, item: types.TextDocumentItem) -> OpenDocument:
        document = OpenDocument(item.uri, item.text, item.version, item.language_id)
        self._documents[item.uri] = document
        return document

    def change(self, params: types.DidChangeTextDocumentParams, encoding: str) -> OpenDocument | None:
        document = self._documents.get(params.text_document.uri)
        if document is None:
            return None
        for change in params.content_changes:
            document.apply(change, encoding)
        document.version = params.text_document.version
        return document

    def close(self, uri: str) -> None:
        self._documents.pop(uri, None)

    def get(self, uri: str) -> OpenDocument | None:
        return self._documents.get(uri)

    def all(self) -> list[OpenDocument]:
        return list(self._documents.values())

    def text_of_path(self, path: str) -> str | None:
        """The editor's text of a file, if it is open (a source file being edited, say)."""
        for document in self._documents.values():
            if document.path == path:
                return document.text
        return None
