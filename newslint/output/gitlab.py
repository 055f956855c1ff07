"""GitLab Code Quality: the JSON report that GitLab's merge-request widget reads
(`artifacts: reports: codequality:`), a subset of the Code Climate issue format.

Each finding is `{description, check_name, fingerprint, severity, location: {path, lines:
{begin}}}`. GitLab knows the severities info, minor, major, critical and blocker; newslint's three
levels map to the lower three, as other linters map theirs (a slip in copy is never a blocker).
GitLab merges issues that share a fingerprint, so fingerprints are unique within a report: the
same words flagged twice by one rule in one file are told apart by their order.
"""

from __future__ import annotations

import json
from collections import Counter

from newslint.output import RunSummary, printable
from newslint.output.fingerprints import fingerprint
from newslint.output.paths import relative_to_root, repository_root

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render(run: RunSummary) -> str:
    root = repository_root()
    occurrences: Counter[tuple[str, str, str]] = Counter()
    issues = []
    for finding in run.findings:
        text = run.texts.get(finding.path)
        flagged = text[finding.start : finding.end] if text is not None else finding.message
        occurrences[finding.rule, finding.path, flagged] += 1
        issues.append(
            {
                "description": finding.message,
                "check_name": finding.rule,
                "fingerprint": fingerprint(finding, text, occurrences[finding.rule, finding.path, flagged]),
                "severity": SEVERITIES[finding.severity],
                "location": {"path": printable(relative_to_root(finding.path, root)), "lines": {"begin": finding.line}},
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
