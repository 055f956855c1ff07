"""Inline suppression: comments that silence rules for a stretch of a document.

    newslint: disable=punct.doubled,calque   ... newslint: enable[=RULE]
    newslint: disable-next-line[=RULE]
    newslint: disable-file[=RULE]

In Markdown and HTML they are comments (`<!-- newslint: disable=punct -->`); in plain text a line
of its own. Rule ids match by dotted prefix, as in --select. A directive that names no rule
applies to all of them; `enable=X` ends the silence for X only.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

from newslint.document import Document
from newslint.findings import Finding
from newslint.records import record, replace
from newslint.regexes import lazy
from newslint.selection import selector_matches
from newslint.spans import Span

DIRECTIVE = lazy(
    r"newslint:\s*(?P<action>disable-next-line|disable-file|disable|enable)\b(?:\s*=\s*(?P<rules>[^\s,][^\n]*?))?\s*"
)
UNUSED_RULE = "newslint.unused-suppression"


@record
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


def _prefixes(rule: str) -> list[str]:
    """The selectors that match a rule id: "punct.doubled" -> ["punct", "punct.doubled"]."""
    parts = rule.split(".")
    return [".".join(parts[: index + 1]) for index in range(len(parts))]


class _Silence:
    """The `disable` directives in force for one rule at one place: a chain, newest first, shared
    by the places that follow, so that marking them used walks each link once."""

    __slots__ = ("directive", "older", "marked")

    def __init__(self, directive: Directive, older: _Silence | None) -> None:
        self.directive = directive
        self.older = older
        self.marked = False


def _mark_used(silence: _Silence | None) -> None:
    while silence is not None and not silence.marked:
        silence.marked = silence.directive.used = True
        silence = silence.older


class Suppressions:
    """What a document's directives silence, and which directives were used.

    Indexed so that filtering costs about (findings + directives) x log, however many rules a
    directive names or findings a document has: `disable`/`enable` become, per rule id that has
    findings, a timeline of the silences in force; `disable-next-line` an index of target lines;
    `disable-file` a lookup by selector.
    """

    def __init__(self, directives: list[Directive], end_of_text: int) -> None:
        self.directives = sorted(directives, key=lambda d: d.span.start)
        self.end_of_text = end_of_text
        self._directive_starts = [d.span.start for d in self.directives]
        self._blocks = [d for d in self.directives if d.action in ("disable", "enable")]
        self._file: dict[str | None, list[Directive]] = {}
        self._lines: dict[Span, dict[str | None, list[Directive]]] = {}
        for directive in self.directives:
            if directive.action == "disable-file":
                for selector in _selectors(directive):
                    self._file.setdefault(selector, []).append(directive)
            elif directive.action == "disable-next-line" and directive.target is not None:
                by_selector = self._lines.setdefault(directive.target, {})
                for selector in _selectors(directive):
                    by_selector.setdefault(selector, []).append(directive)
        self._targets = sorted(self._lines)
        self._timelines: dict[str, tuple[list[int], list[_Silence | None]]] = {}

    @classmethod
    def of(cls, doc: Document) -> Suppressions:
        return cls(directives(doc), len(doc.source))

    def filter(self, findings: Iterable[Finding]) -> list[Finding]:
        """Findings not silenced; every directive that silences one is marked used."""
        kept = []
        for finding in findings:
            index = bisect_right(self._directive_starts, finding.start) - 1
            if index >= 0 and finding.start < self.directives[index].span.end:
                continue  # the directive itself is not prose
            silenced = [self._by_file(finding.rule), self._by_line(finding), self._by_block(finding)]
            if not any(silenced):
                kept.append(finding)
        return kept

    def _by_file(self, rule: str) -> bool:
        return _mark_selecting(self._file, rule)

    def _by_line(self, finding: Finding) -> bool:
        index = bisect_right(self._targets, (finding.start, self.end_of_text + 1)) - 1
        if index < 0 or not (self._targets[index].start <= finding.start < self._targets[index].end):
            return False
        return _mark_selecting(self._lines[self._targets[index]], finding.rule)

    def _by_block(self, finding: Finding) -> bool:
        boundaries, silences = self._timeline(finding.rule)
        index = bisect_right(boundaries, finding.start) - 1
        silence = silences[index] if index >= 0 else None
        _mark_used(silence)
        return silence is not None

    def _timeline(self, rule: str) -> tuple[list[int], list[_Silence | None]]:
        """Where the silences in force for `rule` change, and what they are from there on: a
        `disable` that names the rule (or a prefix, or nothing) adds itself from its end; an
        `enable` that does ends them all from its start (an enable of a broader prefix or of
        everything ends a narrower silence; an enable of the rule inside a broader silence exempts
        the rule from it)."""
        if rule not in self._timelines:
            applies = set(_prefixes(rule))
            boundaries: list[int] = []
            silences: list[_Silence | None] = []
            current: _Silence | None = None
            for directive in self._blocks:
                if directive.rules and applies.isdisjoint(directive.rules):
                    continue
                if directive.action == "disable":
                    current = _Silence(directive, current)
                    boundaries.append(directive.span.end)
                elif current is not None:
                    current = None
                    boundaries.append(directive.span.start)
                else:
                    continue
                silences.append(current)
            self._timelines[rule] = (boundaries, silences)
        return self._timelines[rule]

    def unused(self, path: str, known_rules: Sequence[str], families: Sequence[str] = ()) -> list[Finding]:
        """Findings for directives that silenced nothing (--report-unused-suppressions).
        `families`: prefixes whose ids are not known in advance (languagetool.X)."""
        known = {prefix for rule in known_rules for prefix in _prefixes(rule)}
        findings = []
        for directive in self.directives:
            # A name that matches no rule is reported even when its neighbours in the list did
            # silence something: "disable=typo,nosuch" hides a typo in the directive.
            unknown = [
                name
                for name in directive.rules
                if name not in known and not any(selector_matches(name, family) for family in families)
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


def _mark_selecting(by_selector: dict[str | None, list[Directive]], rule: str) -> bool:
    """Mark used the directives that name the rule, a prefix of it, or no rule; whether any did."""
    found = False
    for selector in (None, *_prefixes(rule)):
        for directive in by_selector.get(selector, ()):
            directive.used = found = True
    return found


def _selectors(directive: Directive) -> Iterable[str | None]:
    return dict.fromkeys(directive.rules) if directive.rules else (None,)


def _next_line(doc: Document, offset: int) -> Span | None:
    """The first line after `offset`'s line that is not blank."""
    line, _ = doc.position(offset)
    for start, end in doc.lines(after=line):
        if doc.source[start:end].strip():
            return Span(start, end)
    return None
