"""The values a lint run produces; plain, immutable and picklable."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from newslint.records import asdict, record

if TYPE_CHECKING:
    from newslint.source_location import SourceLocation

FindingRow = tuple[Any, ...]

Severity = Literal["error", "warning", "info"]
Applicability = Literal["safe", "unsafe"]

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@record(frozen=True, slots=True)  # with its own __init__
class Fix:
    """Replace text[start:end] by `replacement` (code-point offsets into the decoded file)."""

    replacement: str
    start: int
    end: int
    applicability: Applicability

    def __init__(self, replacement: str, start: int, end: int, applicability: Applicability) -> None:
        """As the generated __init__, each field stored through its slot (see _slot_setter)."""
        _fix_replacement(self, replacement)
        _fix_start(self, start)
        _fix_end(self, end)
        _fix_applicability(self, applicability)


@record(frozen=True, slots=True)
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


@record(frozen=True, slots=True)  # with its own __init__, as Fix
class Finding(_Located):
    """One problem at one place. A finding on a translation may name its `source` and its
    `unit` (an XLIFF unit id or the line number of a line-aligned pair)."""

    rule: str
    severity: Severity
    message: str
    fix: Fix | None = None
    source: SourceLocation | None = None
    unit: str | None = None

    def __init__(
        self,
        path: str,
        start: int,
        end: int,
        line: int,
        column: int,
        end_line: int,
        end_column: int,
        rule: str,
        severity: Severity,
        message: str,
        fix: Fix | None = None,
        source: SourceLocation | None = None,
        unit: str | None = None,
    ) -> None:
        """As the generated __init__, each field stored through its slot (see _slot_setter)."""
        _path(self, path)
        _start(self, start)
        _end(self, end)
        _line(self, line)
        _column(self, column)
        _end_line(self, end_line)
        _end_column(self, end_column)
        _rule(self, rule)
        _severity(self, severity)
        _message(self, message)
        _fix(self, fix)
        _source(self, source)
        _unit(self, unit)

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


def _slot_setter(cls: type, name: str) -> Callable[[Any, Any], None]:
    """What stores a field of a frozen slots record: its slot's descriptor, called directly.
    The __init__ a frozen record is given calls object.__setattr__ once per field (a lookup
    through the class each time); Finding and Fix store theirs this way, about twice as fast, for a
    run makes every finding in its worker process and again in the main process (finding_from_row)."""
    return getattr(cls, name).__set__


_fix_replacement, _fix_start, _fix_end, _fix_applicability = (
    _slot_setter(Fix, name) for name in ("replacement", "start", "end", "applicability")
)
_path, _start, _end, _line, _column, _end_line, _end_column = (
    _slot_setter(Finding, name) for name in ("path", "start", "end", "line", "column", "end_line", "end_column")
)
_rule, _severity, _message, _fix, _source, _unit = (
    _slot_setter(Finding, name) for name in ("rule", "severity", "message", "fix", "source", "unit")
)


def finding_row(finding: Finding) -> FindingRow:
    """A finding as a plain tuple, fix included: a worker process sends many findings, and a
    tuple of plain values unpickles several times faster than a frozen slots record."""
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
    if fix is None:
        return Finding(*row)
    return Finding(*row[:10], Fix(*fix), *row[11:])


def __getattr__(name: str) -> type:
    """SourceLocation, from the module that defines it: only bilingual findings have one, and a
    plain lint run need not make the class at start-up (newslint/source_location.py)."""
    if name == "SourceLocation":
        from newslint.source_location import SourceLocation

        return SourceLocation
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
