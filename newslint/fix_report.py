"""What linting with --fix reports (newslint.api.fix_paths): the findings that remain and those
fixed, and the files whose text changed. A module of its own, imported by the runs that fix
(--fix, --diff) only: a plain lint run need not make these records at start-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newslint.api import Report
from newslint.findings import Finding
from newslint.records import field, record
from newslint.sources import Source

if TYPE_CHECKING:
    from newslint.fixes import FixResult


@record
class FixedFile:
    """A file whose text the fixes changed: written back, or (write=False, for a diff) kept here
    with its text before and after; a file written back keeps no text here."""

    source: Source
    result: FixResult


@record
class FixReport(Report):
    """Linting with --fix: `findings` are those that remain, `fixed` those whose fix was applied."""

    fixed: list[Finding] = field(default_factory=list)
    changed: list[FixedFile] = field(default_factory=list)
    stdin_output: bytes | None = None  # standard input after fixing (fixed or not), as bytes

    @property
    def filtered_stdin(self) -> bytes:
        """What `newslint --fix -` writes out: the fixed input, or the input as read when it
        could not be decoded. A filter never loses the text it was given."""
        return self.stdin_output if self.stdin_output is not None else (self.unread_stdin or b"")
