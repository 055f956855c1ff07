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
class Finding:
    """One problem at one place. Offsets are 0-based code points; line/column are 1-based."""

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

    def to_dict(self) -> dict[str, Any]:
        """The public JSON shape (see DESIGN.md)."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "start": self.start,
            "end": self.end,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "fix": asdict(self.fix) if self.fix else None,
        }
