"""Inline suppression: comments that silence rules for a stretch of a document.

    newslint: disable=punct.doubled,calque   ... newslint: enable
    newslint: disable-next-line[=RULE]
    newslint: disable-file[=RULE]

In Markdown and HTML they are comments (`<!-- newslint: disable=punct -->`); in plain text a line
of its own. Rule ids match by dotted prefix, as in --select. A directive that names no rule
applies to all of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from newslint.document import Document
from newslint.findings import Finding
from newslint.regexes import lazy
from newslint.selection import selector_matches
from newslint.spans import Span

DIRECTIVE = lazy(
    r"newslint:\s*(?P<action>disable-next-line|disable-file|disable|enable)\b(?:\s*=\s*(?P<rules>[^\s,][^\n]*?))?\s*"
)
UNUSED_RULE = "newslint.unused-suppression"


@dataclass
class Directive:
    action: str
    rules: tuple[str, ...]  # empty: every rule
    span: Span  # the comment or line, in the source
    text: str
    used: bool = False


@dataclass
class _Region:
    start: int
    end: int
    directive: Directive


def directives(doc: Document) -> list[Directive]:
    """The directives in a document's comments (Markdown, HTML) or directive lines (plain text)."""
    found = []
    for comment in doc.comments:
        match = DIRECTIVE.fullmatch(comment.text)
        if match:
            rules = tuple(r.strip() for r in (match.group("rules") or "").split(",") if r.strip())
            found.append(Directive(match.group("action"), rules, comment.span, comment.text))
    return found


@dataclass
class Suppressions:
    """The regions a document's directives silence, and which directives were used."""

    directives: list[Directive]
    regions: list[_Region] = field(default_factory=list)

    @classmethod
    def of(cls, doc: Document) -> Suppressions:
        found = cls(directives(doc))
        found._build(doc)
        return found

    def _build(self, doc: Document) -> None:
        end_of_text = len(doc.source)
        for index, directive in enumerate(self.directives):
            if directive.action == "disable-file":
                self.regions.append(_Region(0, end_of_text, directive))
            elif directive.action == "disable-next-line":
                line = _next_line(doc, directive.span.end)
                if line is not None:
                    self.regions.append(_Region(line.start, line.end, directive))
            elif directive.action == "disable":
                end = next(
                    (
                        later.span.start
                        for later in self.directives[index + 1 :]
                        if later.action == "enable" and _ends(later, directive)
                    ),
                    end_of_text,
                )
                self.regions.append(_Region(directive.span.end, end, directive))

    def filter(self, findings: Iterable[Finding]) -> list[Finding]:
        """Findings not silenced; a directive that silences one is marked used."""
        kept = []
        for finding in findings:
            if any(d.span.start <= finding.start < d.span.end for d in self.directives):
                continue  # the directive itself is not prose
            silencing = [
                region
                for region in self.regions
                if region.start <= finding.start < region.end and _covers(region.directive.rules, finding.rule)
            ]
            for region in silencing:
                region.directive.used = True
            if not silencing:
                kept.append(finding)
        return kept

    def unused(self, doc: Document, known_rules: Sequence[str]) -> list[Finding]:
        """Findings for directives that silenced nothing (--report-unused-suppressions)."""
        findings = []
        for directive in self.directives:
            if directive.used or directive.action == "enable":
                continue
            unknown = [r for r in directive.rules if not any(selector_matches(k, r) for k in known_rules)]
            why = f"names no rule: {', '.join(unknown)}" if unknown else "silenced nothing"
            message = f"Suppression '{directive.text}' {why}"
            findings.append(doc.finding(directive.span.start, directive.span.end, UNUSED_RULE, "warning", message))
        return findings


def _covers(selectors: tuple[str, ...], rule: str) -> bool:
    return not selectors or any(selector_matches(rule, selector) for selector in selectors)


def _ends(enable: Directive, disable: Directive) -> bool:
    """`enable` alone ends every disable; `enable=X` ends a disable of X."""
    return not enable.rules or not disable.rules or bool(set(enable.rules) & set(disable.rules))


def _next_line(doc: Document, offset: int) -> Span | None:
    """The first line after `offset`'s line that is not blank."""
    line, _ = doc.position(offset)
    for start, end in doc.lines(after=line):
        if doc.source[start:end].strip():
            return Span(start, end)
    return None
