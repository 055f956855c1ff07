"""Inline suppression: comments that silence rules for a stretch of a document.

    newslint: disable=punct.doubled,calque   ... newslint: enable[=RULE]
    newslint: disable-next-line[=RULE]
    newslint: disable-file[=RULE]

In Markdown and HTML they are comments (`<!-- newslint: disable=punct -->`); in plain text a line
of its own. Rule ids match by dotted prefix, as in --select. A directive that names no rule
applies to all of them; `enable=X` ends the silence for X only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

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
    place: tuple[int, int, int, int]  # line, column, end line, end column of the span
    target: Span | None = None  # disable-next-line: the line it silences
    used: bool = False

    def shifted(self, offset: int, lines: int) -> Directive:
        """The directive in the coordinates of a whole text of which its document is a chunk."""
        line, column, end_line, end_column = self.place
        target = Span(self.target.start + offset, self.target.end + offset) if self.target else None
        span = Span(self.span.start + offset, self.span.end + offset)
        return replace(self, span=span, place=(line + lines, column, end_line + lines, end_column), target=target)


@dataclass
class _Region:
    start: int
    end: int
    directive: Directive
    selector: str | None  # None: every rule
    exempt: tuple[str, ...] = ()  # rules enabled again inside the region

    def covers(self, rule: str) -> bool:
        return (self.selector is None or selector_matches(rule, self.selector)) and not any(
            selector_matches(rule, exempt) for exempt in self.exempt
        )


def directives(doc: Document) -> list[Directive]:
    """The directives in a document's comments (Markdown, HTML) or directive lines (plain text)."""
    found = []
    for comment in doc.comments:
        match = DIRECTIVE.fullmatch(comment.text)
        if not match:
            continue
        rules = tuple(r.strip() for r in (match.group("rules") or "").split(",") if r.strip())
        place = (*doc.position(comment.span.start), *doc.position(comment.span.end))
        target = _next_line(doc, comment.span.end) if match.group("action") == "disable-next-line" else None
        found.append(Directive(match.group("action"), rules, comment.span, comment.text, place, target))  # type: ignore[arg-type]
    return found


@dataclass
class Suppressions:
    """The regions a document's directives silence, and which directives were used."""

    directives: list[Directive]
    end_of_text: int
    regions: list[_Region] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._build()

    @classmethod
    def of(cls, doc: Document) -> Suppressions:
        return cls(directives(doc), len(doc.source))

    def _build(self) -> None:
        open_regions: list[_Region] = []
        for directive in sorted(self.directives, key=lambda d: d.span.start):
            selectors: Sequence[str | None] = directive.rules or (None,)
            if directive.action == "disable-file":
                self.regions += [_Region(0, self.end_of_text, directive, s) for s in selectors]
            elif directive.action == "disable-next-line" and directive.target is not None:
                self.regions += [_Region(*directive.target, directive, s) for s in selectors]
            elif directive.action == "disable":
                open_regions += [_Region(directive.span.end, self.end_of_text, directive, s) for s in selectors]
            elif directive.action == "enable":
                open_regions = self._enable(open_regions, directive)
        self.regions += open_regions

    def _enable(self, open_regions: list[_Region], enable: Directive) -> list[_Region]:
        """Close what `enable` ends; a broader silence goes on, with the enabled rules exempt."""
        still_open = []
        for region in open_regions:
            ended = not enable.rules or any(
                region.selector is not None and selector_matches(region.selector, rule) for rule in enable.rules
            )
            narrowed = [
                rule
                for rule in enable.rules
                if region.selector is None or (selector_matches(rule, region.selector) and rule != region.selector)
            ]
            if ended or narrowed:
                self.regions.append(replace(region, end=enable.span.start))
            if not ended:
                still_open.append(
                    replace(region, start=enable.span.end, exempt=region.exempt + tuple(narrowed))
                    if narrowed
                    else region
                )
        return still_open

    def filter(self, findings: Iterable[Finding]) -> list[Finding]:
        """Findings not silenced; a directive that silences one is marked used."""
        kept = []
        for finding in findings:
            if any(d.span.start <= finding.start < d.span.end for d in self.directives):
                continue  # the directive itself is not prose
            silencing = [r for r in self.regions if r.start <= finding.start < r.end and r.covers(finding.rule)]
            for region in silencing:
                region.directive.used = True
            if not silencing:
                kept.append(finding)
        return kept

    def unused(self, path: str, known_rules: Sequence[str], families: Sequence[str] = ()) -> list[Finding]:
        """Findings for directives that silenced nothing (--report-unused-suppressions).
        `families`: prefixes whose ids are not known in advance (languagetool.X)."""
        findings = []
        for directive in self.directives:
            # A name that matches no rule is reported even when its neighbours in the list did
            # silence something: "disable=typo,nosuch" hides a typo in the directive.
            unknown = [
                r
                for r in directive.rules
                if not any(selector_matches(k, r) for k in known_rules)
                and not any(selector_matches(r, family) for family in families)
            ]
            if unknown:
                why = f"names no rule: {', '.join(unknown)}"
            elif directive.used or directive.action == "enable":
                continue
            else:
                why = "silenced nothing"
            message = f"Suppression '{directive.text}' {why}"
            findings.append(
                Finding(path, *directive.span, *directive.place, UNUSED_RULE, "warning", message)  # type: ignore[arg-type]
            )
        return findings


def _next_line(doc: Document, offset: int) -> Span | None:
    """The first line after `offset`'s line that is not blank."""
    line, _ = doc.position(offset)
    for start, end in doc.lines(after=line):
        if doc.source[start:end].strip():
            return Span(start, end)
    return None
