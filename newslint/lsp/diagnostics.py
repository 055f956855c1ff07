"""Findings and problems as LSP diagnostics."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from lsprotocol import types

from newslint.findings import Finding, SourceLocation
from newslint.lsp.configs import Problem
from newslint.lsp.positions import LineIndex

SOURCE = "newslint"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
CONFIG_PROBLEM = "newslint.config"  # the code of a diagnostic on a broken configuration or rule file
INPUT_PROBLEM = "newslint.input"  # the code of a diagnostic on a bilingual file that cannot be read


def uri_of(path: str) -> str:
    return Path(path).absolute().as_uri()


def diagnostic(
    finding: Finding,
    index: LineIndex,
    links: Mapping[str, str],
    sources: Mapping[str, tuple[str, LineIndex]],
) -> types.Diagnostic:
    """A finding as a diagnostic; `links`: rule id -> its documentation; `sources`: path ->
    (URI, line index) of the files whose words bilingual findings point at."""
    link = links.get(finding.rule)
    return types.Diagnostic(
        range=index.range(finding.start, finding.end),
        message=finding.message,
        severity=SEVERITY[finding.severity],
        code=finding.rule,
        code_description=types.CodeDescription(href=link) if link else None,
        source=SOURCE,
        related_information=_source_words(finding.source, sources),
    )


def _source_words(
    source: SourceLocation | None, sources: Mapping[str, tuple[str, LineIndex]]
) -> list[types.DiagnosticRelatedInformation] | None:
    if source is None or source.path not in sources:
        return None
    uri, index = sources[source.path]
    segment = " ".join(source.text.split())
    shown = segment if len(segment) <= 200 else segment[:199] + "…"
    return [
        types.DiagnosticRelatedInformation(
            location=types.Location(uri=uri, range=index.range(source.start, source.end)),
            message=f"source: {shown}" if shown else "source",
        )
    ]


def _whole_line(line: int | None) -> types.Range:
    """A 1-based line as a range (the first line when none is known)."""
    number = max((line or 1) - 1, 0)
    return types.Range(start=types.Position(line=number, character=0), end=types.Position(line=number + 1, character=0))


def problem_diagnostic(problem: Problem) -> types.Diagnostic:
    """A broken configuration or rule file, shown on the file at the line that is wrong."""
    return types.Diagnostic(
        range=_whole_line(problem.line),
        message=problem.message,
        severity=types.DiagnosticSeverity.Error,
        code=CONFIG_PROBLEM,
        source=SOURCE,
    )


def input_diagnostic(message: str) -> types.Diagnostic:
    """A bilingual file that cannot be read as one (a broken JSON line, XLIFF that is not XML)."""
    return types.Diagnostic(
        range=_whole_line(None),
        message=f"Cannot read this file as a translation with its source: {message}",
        severity=types.DiagnosticSeverity.Error,
        code=INPUT_PROBLEM,
        source=SOURCE,
    )
