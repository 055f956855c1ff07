"""A translation in a run: which files are read with their source, and the linter that reads
them so. Everything else -- reading the target, fixing, writing, reporting -- is the run's own
(runner.py): a bilingual file is linted and fixed like any other, by a linter whose
`check_text` aligns the text with its source first."""

from __future__ import annotations

import os
from collections.abc import Callable

from newslint.bitext.document import BilingualDocument
from newslint.bitext.readers import is_bilingual, pairs, read_bilingual
from newslint.formats.reader import document
from newslint.linter import CheckResult, Linter
from newslint.records import record
from newslint.sources import STDIN, Source, read_source


@record(frozen=True)
class BitextSettings:
    """Where the sources are (--source: a file, or a folder mirroring the target folder) and
    their language (--source-language; told from the source's script when None)."""

    source: str | None = None
    target: str | None = None  # the file or folder the sources pair with
    language: str | None = None

    def source_of(self, target_path: str) -> str | None:
        """The source file of a target file: --source itself (a file, or a pipe named on purpose),
        or its counterpart in the --source folder; None without --source or without a
        counterpart."""
        if self.source is None:
            return None
        if not os.path.isdir(self.source):
            return self.source
        if self.target and os.path.isdir(self.target) and target_path != STDIN:
            counterpart = os.path.join(self.source, os.path.relpath(target_path, self.target))
        else:
            counterpart = os.path.join(self.source, os.path.basename(target_path))
        return counterpart if os.path.isfile(counterpart) else None


class BilingualLinter:
    """Checks a text as a translation aligned with its source; findings name their unit and,
    where they can, the source words they are about."""

    def __init__(self, linter: Linter, read: Callable[[str], BilingualDocument]) -> None:
        self._linter = linter
        self._read = read

    def check_text(self, text: str, path: str = "-", format: str | None = None) -> CheckResult:
        doc = self._read(text)
        result = self._linter.check(doc)
        result.findings = doc.annotated(result.findings)
        return result


@record
class Pairing:
    """How a target file is read: with its linter, and the source file's path and text (None
    for a bilingual file, which holds its source; and for a target with no source file)."""

    linter: BilingualLinter | None
    source_path: str | None = None
    source_text: str | None = None


def pairing(target: Source, item: str, settings: BitextSettings | None, linter: Linter) -> Pairing:
    """The reading of one target file. Raises InputError (newslint.errors) for a source that
    cannot be read and for a bilingual file that is not what its extension says."""
    settings = settings or BitextSettings()
    language = settings.language
    if is_bilingual(target.path):
        first = read_bilingual(target.text, target.path, language)  # a bad file is an error now, once

        def read_again(text: str) -> BilingualDocument:
            return first if text == target.text else read_bilingual(text, target.path, language)

        return Pairing(BilingualLinter(linter, read_again))
    source_path = settings.source_of(item)
    if source_path is None:
        return Pairing(None)  # linted as usual; the run counts it as without a source
    source_file = read_source(source_path)
    source_doc = document(source_file.text, source_file.path)

    def read(text: str) -> BilingualDocument:
        return pairs.read(text, target.path, source_doc, language)

    return Pairing(BilingualLinter(linter, read), source_file.path, source_file.text)
