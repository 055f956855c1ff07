"""Where, in the source-language file, the words a bilingual finding is about stand: a module of
its own, imported by translation QA (and by whoever names newslint.findings.SourceLocation), so
that a plain lint run need not make this record at start-up."""

from __future__ import annotations

from typing import Any

from newslint.findings import _Located
from newslint.records import record


@record(frozen=True, slots=True)
class SourceLocation(_Located):
    """Where, in the source-language file, the words a bilingual finding is about stand. `text`
    is the source segment, for showing under the finding; it is not part of the JSON."""

    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return self._place()
