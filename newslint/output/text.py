"""Lint-style lines, `path:line:col: rule [level] message`, and a summary line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from newslint.findings import Finding
from newslint.output import RunSummary, printable


def line(finding: Finding) -> str:
    path, message = printable(finding.path), printable(finding.message)
    return f"{path}:{finding.line}:{finding.column}: {finding.rule} [{finding.severity}] {message}"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def summary(findings: Sequence[Finding], files_checked: int, fixed: int | None = None, unsafe: bool = False) -> str:
    """`Found 12 problems in 1 file (5 fixable).`; after --fix, `Found 14 problems (9 fixed, 5 remaining).`"""
    if fixed is not None and fixed:
        return f"Found {plural(fixed + len(findings), 'problem')} ({fixed} fixed, {len(findings)} remaining)."
    if not findings:
        return f"No problems found in {plural(files_checked, 'file')}."
    files = len({finding.path for finding in findings})
    kinds = Counter(finding.fix.applicability for finding in findings if finding.fix)
    fixable = kinds["safe"] + (kinds["unsafe"] if unsafe else 0)
    hidden = "" if unsafe or not kinds["unsafe"] else f"; {kinds['unsafe']} more with --unsafe-fixes"
    return f"Found {plural(len(findings), 'problem')} in {plural(files, 'file')} ({fixable} fixable{hidden})."


def source_line(finding: Finding) -> str | None:
    """`    source PATH:LINE:COL: the source segment`, for a finding on a translation."""
    source = finding.source
    if source is None:
        return None
    # The source file's words are shown as a finding's message is: one line, no terminal escapes.
    return f"    source {printable(source.path)}:{source.line}:{source.column}: {printable(source.text)}"


def render_lines(run: RunSummary) -> Iterator[str]:
    """The report a line at a time: a report of a million findings is written, never built."""
    for finding in run.findings:
        yield line(finding) + "\n"
        shown = source_line(finding) if run.show_source else None
        if shown is not None:
            yield shown + "\n"
    yield summary(run.findings, len(run.files), run.fixed, run.unsafe) + "\n"


def render(run: RunSummary) -> str:
    return "".join(render_lines(run))


def statistics(run: RunSummary) -> str:
    """--statistics: how often each rule fired, most frequent first."""
    counts = Counter(finding.rule for finding in run.findings)
    fixable = {f.rule for f in run.findings if f.fix and (run.unsafe or f.fix.applicability == "safe")}
    levels = {f.rule: f.severity for f in run.findings}
    width = max((len(rule) for rule in counts), default=0)
    rows = [
        f"{count:>5}  {rule:<{width}}  [{levels[rule]}]{'  [*] fixable' if rule in fixable else ''}"
        for rule, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    return "".join(row + "\n" for row in rows) + summary(run.findings, len(run.files), run.fixed, run.unsafe) + "\n"


def fixes_applied(fixed: Sequence[Finding]) -> str:
    """--show-fixes: what was fixed, per file and rule (ruff's layout)."""
    if not fixed:
        return "No fixes applied.\n"
    lines = [f"Fixed {plural(len(fixed), 'problem')}:"]
    by_path: dict[str, Counter[str]] = {}
    for finding in fixed:
        by_path.setdefault(finding.path, Counter())[finding.rule] += 1
    for path, rules in by_path.items():
        lines.append(f"- {printable(path)}:")
        lines.extend(f"    {count} × {rule}" for rule, count in sorted(rules.items()))
    return "\n".join(lines) + "\n"
