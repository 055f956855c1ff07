"""Hover: what a finding under the cursor means, as `newslint --explain` tells it."""

from __future__ import annotations

from collections.abc import Mapping

from lsprotocol import types

from newslint.explain import explain
from newslint.findings import Finding
from newslint.regexes import lazy
from newslint.rules.base import Rule

_BACKTICKS = lazy(r"`+", engine="re")


def hover_text(findings: list[Finding], rules: Mapping[str, Rule], markdown: bool) -> str:
    """Each finding's message, then its rule's explanation (once per rule)."""
    parts, explained = [], set()
    for finding in findings:
        heading = f"{finding.rule} ({finding.severity}): {finding.message}"
        parts.append(f"**{_escaped(heading)}**" if markdown else heading)
        rule = rules.get(finding.rule)
        if rule is not None and finding.rule not in explained:
            explained.add(finding.rule)
            explanation = explain(rule).rstrip()
            fence = "`" * max(3, _longest_backtick_run(explanation) + 1)
            parts.append(f"{fence}text\n{explanation}\n{fence}" if markdown else explanation)
    return "\n\n".join(parts)


def hover(findings: list[Finding], rules: Mapping[str, Rule], markdown: bool, span: types.Range) -> types.Hover:
    kind = types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText
    return types.Hover(contents=types.MarkupContent(kind=kind, value=hover_text(findings, rules, markdown)), range=span)


def _escaped(text: str) -> str:
    """Markdown's special characters shown as themselves (messages quote words like *this*)."""
    return "".join("\\" + char if char in "\\`*_{}[]<>()#+-.!|~" else char for char in text)


def _longest_backtick_run(text: str) -> int:
    return max((len(run) for run in _BACKTICKS.findall(text)), default=0)
