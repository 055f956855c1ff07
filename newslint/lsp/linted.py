"""One version of a document as the server linted it: what code actions and hover work from."""

from __future__ import annotations

from lsprotocol import types

from newslint.findings import Finding
from newslint.lsp.checking import Reading
from newslint.lsp.configs import Problem
from newslint.lsp.positions import LineIndex
from newslint.records import field, record
from newslint.rules.base import Rule


@record
class Linted:
    """One version of a document as linted: enough to publish, hover and act on it."""

    uri: str
    version: int | None
    text: str
    format: str
    path: str
    index: LineIndex
    findings: list[Finding] = field(default_factory=list)
    diagnostics: list[types.Diagnostic] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rules: dict[str, Rule] = field(default_factory=dict)
    reading: Reading | None = None
    _diagnostic_by_finding: dict[Finding, types.Diagnostic] | None = field(default=None, repr=False)

    def diagnostic_of(self, finding: Finding) -> types.Diagnostic:
        """The diagnostic published for a finding: looked up, not searched for (a code action on
        the whole of a long document asks for each of its findings)."""
        if self._diagnostic_by_finding is None:
            self._diagnostic_by_finding = {}
            for known, published in zip(self.findings, self.diagnostics):
                self._diagnostic_by_finding.setdefault(known, published)
        return self._diagnostic_by_finding[finding]

    def fixed_text(self) -> str:
        """The text with every safe fix applied, as `newslint --fix` would write it."""
        assert self.reading is not None, "a document that was not read has no fixes"
        return self.reading.fix_all(self.text).text
