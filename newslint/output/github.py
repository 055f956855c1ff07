"""GitHub Actions workflow commands: annotations on the pull request's files.

`::warning file=F,line=L,col=C,endLine=..,endColumn=..,title=RULE::MESSAGE`, escaped as GitHub's
runner expects: in the message `%`, `\r` and `\n`; in properties also `:` and `,`.
"""

from __future__ import annotations

from newslint.output import RunSummary, printable

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(run: RunSummary) -> str:
    lines = []
    for finding in run.findings:
        properties = ",".join(
            f"{name}={escape_property(str(value))}"
            for name, value in (
                ("file", printable(finding.path)),
                ("line", finding.line),
                ("col", finding.column),
                ("endLine", finding.end_line),
                ("endColumn", finding.end_column),
                ("title", finding.rule),
            )
        )
        lines.append(f"::{LEVELS[finding.severity]} {properties}::{printable(escape_data(finding.message))}\n")
    return "".join(lines)
