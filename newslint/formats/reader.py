"""Reading a file as its format: plain text, Markdown, MDX or HTML, told apart by the extension.

Each format turns a decoded file into a Document whose text is the prose the rules judge and
whose positions map back to the file exactly.
"""

from __future__ import annotations

import os

from newslint.document import Document

FORMATS = ("text", "markdown", "mdx", "html")
_BY_EXTENSION = {".md": "markdown", ".markdown": "markdown", ".mdx": "mdx", ".html": "html", ".htm": "html"}


def format_of(path: str) -> str:
    """The format a file name implies; plain text for anything else."""
    if path.endswith(".txt"):
        return "text"  # most files, told without splitext (its extension, or none if it is ".txt")
    return _BY_EXTENSION.get(os.path.splitext(path)[1].lower(), "text")


def document(text: str, path: str = "-", format: str | None = None) -> Document:
    """A Document for the decoded contents of a file (format from the path unless given)."""
    kind = format or format_of(path)
    if kind in ("markdown", "mdx"):
        from newslint.formats import markdown  # imported on first use: plain-text runs skip markdown-it

        return Document.from_view(markdown.prose_view(text, mdx=kind == "mdx"), text, path)
    if kind == "html":
        from newslint.formats import html

        return Document.from_view(html.prose_view(text), text, path)
    return Document(text, path)
