"""The values a lint run produces; plain, immutable and picklable."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

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
class SourceLocation:
    """Where, in the source-language file, the words a bilingual finding is about stand
    (1-based lines and columns in code points, end exclusive; offsets 0-based). `text` is the
    source segment, for showing under the finding; it is not part of the JSON."""

    path: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return _place(self)


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place. Offsets are 0-based code points; line/column are 1-based.
    A finding on a translation may name its `source` and its `unit` (an XLIFF unit id or the
    line number of a line-aligned pair)."""

    path: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: Severity
    message: str
    fix: Fix | None = None
    source: SourceLocation | None = None
    unit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The public JSON shape (see DESIGN.md); `source` and `unit` only where they apply."""
        shape = {
            **_place(self),
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


def _place(located: Finding | SourceLocation) -> dict[str, Any]:
    """Where something stands, as the JSON output gives it."""
    return {
        "path": located.path,
        "line": located.line,
        "column": located.column,
        "end_line": located.end_line,
        "end_column": located.end_column,
    }
