"""Linting one open document: which format it is, how it is read (alone, as a bilingual file,
or against its source file) and what newslint finds in it. Runs in the server's worker thread."""

from __future__ import annotations

import os
from collections.abc import Callable

from newslint.bitext.readers import is_bilingual, pairs, read_bilingual
from newslint.bitext.run import BilingualLinter, BitextSettings
from newslint.errors import InputError
from newslint.findings import Finding
from newslint.fixes import FixResult, fix_text
from newslint.formats.reader import document, format_of
from newslint.formats.structure import skeleton_for
from newslint.linter import CheckResult, Linter
from newslint.lsp.configs import Problem, Resolution
from newslint.lsp.documents import OpenDocument
from newslint.records import field, record
from newslint.sources import LINTED_SUFFIXES, read_source

# Editors' language ids for the formats newslint reads (VS Code, Neovim, Helix, Emacs eglot).
LANGUAGE_FORMATS = {
    "plaintext": "text",
    "text": "text",
    "markdown": "markdown",
    "gfm": "markdown",
    "mdx": "mdx",
    "html": "html",
    "mhtml": "html",
}


def format_for(doc: OpenDocument) -> str | None:
    """text, markdown or html; None for a document newslint does not read (code, say), which
    an editor that sends every file to the server would otherwise see covered in findings."""
    name = doc.path or doc.uri
    if is_bilingual(name):
        return format_of(name)
    if doc.language_id in LANGUAGE_FORMATS:
        return LANGUAGE_FORMATS[doc.language_id]
    if os.path.splitext(name)[1].lower() in LINTED_SUFFIXES:  # the files the command line lints
        return format_of(name)
    return None


@record
class Checked:
    """What linting a document gave, and what is needed to show it."""

    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # configuration and rule failures
    source_texts: dict[str, str] = field(default_factory=dict)  # texts of source files, by path
    input_error: str | None = None  # a bilingual file that cannot be read as one


class Reading:
    """How one document is read and linted, ready to run on any version of its text. Raises
    InputError when its source file cannot be read."""

    def __init__(self, doc: OpenDocument, resolution: Resolution, bitext: BitextSettings | None, open_text) -> None:
        self.path = doc.path or doc.uri
        self.format = format_for(doc)
        self.resolution = resolution
        self.source_texts: dict[str, str] = {}
        self._check: Callable[[str], CheckResult] = self._reader(resolution.linter, bitext, open_text)

    def _reader(self, linter: Linter, bitext: BitextSettings | None, open_text) -> Callable[[str], CheckResult]:
        language = bitext.language if bitext else None
        if is_bilingual(self.path):
            return BilingualLinter(linter, lambda text: read_bilingual(text, self.path, language)).check_text
        source_path = _source_of(self.path, bitext)
        if source_path is None:
            return lambda text: linter.check_text(text, self.path, self.format)
        source_text = open_text(source_path)
        if source_text is None:
            source_text = read_source(source_path).text  # InputError: reported by check()
        self.source_texts[source_path] = source_text
        source_doc = document(source_text, source_path)
        return BilingualLinter(linter, lambda text: pairs.read(text, self.path, source_doc, language)).check_text

    def check(self, text: str) -> Checked:
        checked = Checked(problems=list(self.resolution.problems), source_texts=self.source_texts)
        try:
            result = self._check(text)
        except InputError as error:
            checked.input_error = error.problem
            return checked
        checked.findings = result.findings
        checked.problems += [Problem(str(failure)) for failure in result.failures]
        return checked

    def fix_all(self, text: str) -> FixResult:
        """The text with every safe fix applied, round after round as --fix does: a fix that
        would change the markup (make a link an image) is not applied."""
        markup = skeleton_for(self.format) if self.format is not None else None
        return fix_text(text, lambda new_text: self._check(new_text).findings, markup=markup)


def _source_of(path: str, bitext: BitextSettings | None) -> str | None:
    """The source file of a translation, as --source pairs them: a source file pairs with the
    one target file named beside it, a source folder with the files of the target folder."""
    if bitext is None or bitext.source is None or not os.path.isabs(path):
        return None
    if not os.path.isdir(bitext.source):
        return bitext.source if bitext.target and os.path.normpath(bitext.target) == path else None
    if bitext.target and not path.startswith(os.path.join(bitext.target, "")):
        return None
    return bitext.source_of(path)
