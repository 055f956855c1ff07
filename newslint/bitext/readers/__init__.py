"""Readers of translations with their source: a pair of line-aligned files (pairs), and the
bilingual files TSV, JSON Lines and XLIFF 1.2/2.0 (by extension)."""

from __future__ import annotations

import os
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newslint.bitext.document import BilingualDocument

# Imported when a file needs them: a run without bilingual files never loads them.
_BY_EXTENSION = {".tsv": "tsv", ".jsonl": "jsonl", ".xlf": "xliff", ".xliff": "xliff"}


def is_bilingual(path: str) -> bool:
    """Whether a file holds both source and translation (by its extension)."""
    return os.path.splitext(path)[1].lower() in _BY_EXTENSION


def read_bilingual(file_text: str, path: str, language: str | None = None) -> BilingualDocument:
    """The translation in a bilingual file, aligned with its source. Raises InputError."""
    reader = import_module(f"newslint.bitext.readers.{_BY_EXTENSION[os.path.splitext(path)[1].lower()]}")
    return reader.read(file_text, path, language)
