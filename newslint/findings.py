"""The values a lint run produces; plain, immutable and picklable."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

FindingRow = tuple[Any, ...]

Severity = Literal["error", "warning", "info"]
Applicability = Literal["safe", "unsafe"]

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace text[start:end] by `replacement` (code-point offsets into the decoded file)."""

    replacement: str
    start: int
    end: int
    applicability: Applicability


@dataclass(frozen=True, slots=True)
class _Located:
    """Where something stands in a file: offsets 0-based code points, end exclusive; lines and
    columns 1-based, in code points (a finding, and the source words a finding points at)."""

    path: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int

    def _place(self) -> dict[str, Any]:
        """Where it stands, as the JSON output gives it."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }


@dataclass(frozen=True, slots=True)
class SourceLocation(_Located):
    """Where, in the source-language file, the words a bilingual finding is about stand. `text`
    is the source segment, for showing under the finding; it is not part of the JSON."""

    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return self._place()


@dataclass(frozen=True, slots=True)
class Finding(_Located):
    """One problem at one place. A finding on a translation may name its `source` and its
    `unit` (an XLIFF unit id or the line number of a line-aligned pair)."""

    rule: str
    severity: Severity
    message: str
    fix: Fix | None = None
    source: SourceLocation | None = None
    unit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The public JSON shape (see DESIGN.md); `source` and `unit` only where they apply."""
        shape = {
            **self._place(),
            "start": self.start,
            "end": self.end,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "fix": asdict(self.fix) if self.fix else None,
        }
        if self.source is not None:
            shape["source"] = self.source.to_dict()
        if self.unit is not None:
            shape["unit"] = self.unit
        return shape


def finding_row(finding: Finding) -> FindingRow:
    """A finding as a plain tuple, fix included: a worker process sends many findings, and a
    tuple of plain values unpickles several times faster than a frozen slots dataclass."""
    fix = finding.fix
    return (
        finding.path,
        finding.start,
        finding.end,
        finding.line,
        finding.column,
        finding.end_line,
        finding.end_column,
        finding.rule,
        finding.severity,
        finding.message,
        None if fix is None else (fix.replacement, fix.start, fix.end, fix.applicability),
        finding.source,
        finding.unit,
    )


def finding_from_row(row: FindingRow) -> Finding:
    """The finding finding_row() was made from, equal to it in every field."""
    fix = row[10]
    return Finding(*row[:10], None if fix is None else Fix(*fix), *row[11:])
