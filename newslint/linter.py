"""Running rules over documents: the one place where findings are gathered and then filtered --
suppression comments, accepted terms, level overrides -- deduplicated and sorted."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from newslint import segmentation
from newslint.backends.settings import RULE_PREFIX as LANGUAGETOOL
from newslint.backends.settings import LanguageToolUnavailable
from newslint.config import Config
from newslint.document import Document
from newslint.errors import NewslintError, RuleFailure
from newslint.findings import SEVERITIES, Finding, Fix
from newslint.formats.reader import document, format_of
from newslint.records import field, record, replace
from newslint.regexes import compile_literals, lazy, time_budget, time_limit
from newslint.rules.base import Rule
from newslint.rules.deferred import DeferredRule
from newslint.rules.registry import BILINGUAL_KIND_NAMES
from newslint.selection import is_selected
from newslint.spans import Span
from newslint.triggers import TriggerIndex

if TYPE_CHECKING:
    from newslint.suppression import Directive, Suppressions


@record
class CheckResult:
    """Findings on one document, and the rules (or LanguageTool) that could not finish on it."""

    findings: list[Finding] = field(default_factory=list)
    failures: list[NewslintError] = field(default_factory=list)


class Linter:
    """Rules plus the run's policy: levels per rule, accepted terms, unused-suppression reports."""

    def __init__(
        self,
        rules: Sequence[Rule],
        config: Config | None = None,
        known_ids: Sequence[str] = (),
        languagetool: Any = None,  # a backends.languagetool.LanguageToolBackend
    ) -> None:
        self.rules = list(rules)
        self._config = config or Config()
        self._languagetool = languagetool
        accept = self._config.accept
        self._accept = compile_literals(accept) if accept else None
        self._known_ids = list(known_ids) or [rule.id for rule in self.rules]  # for unused suppressions
        triggered = [rule.triggers() for rule in self.rules]
        self._triggers = TriggerIndex(triggers for triggers in triggered if triggers is not None)
        # Sets of rules as bits (bit i: self.rules[i]), which a document's triggers OR together:
        # fewer steps than a set of indices updated and sorted, for every document.
        self._always = _bits(index for index, triggers in enumerate(triggered) if triggers is None)
        # Translation QA needs a source: on a text without one, its rules are not even asked.
        self._bilingual = _bits(index for index, rule in enumerate(self.rules) if rule.kind in BILINGUAL_KIND_NAMES)
        self._rules_by_trigger: dict[str, int] = {}
        for index, triggers in enumerate(triggered):
            for text in triggers.all if triggers is not None else ():
                self._rules_by_trigger[text] = self._rules_by_trigger.get(text, 0) | 1 << index
        # What runs: a built-in rule built when a document first needs it (rules/deferred.py),
        # then the built rule itself, called without its stand-in in between.
        self._runnable: list[Rule] = list(self.rules)

    def check(self, doc: Document, suppress: bool = True) -> CheckResult:
        """Findings on one document; with suppress=False, its suppression comments are left to
        the caller (a chunk's comments may silence findings in other chunks)."""
        result = CheckResult()
        rules = self._rules_for(doc)
        with time_budget(time_limit(doc.text)) as budget:  # each rule's regexes, renewed for each
            for rule in rules:
                try:
                    result.findings.extend(rule.check(doc, budget))
                except RuleFailure as failure:
                    result.failures.append(failure)
        findings = result.findings
        if self._languagetool is not None:
            try:
                findings += self._languagetool_findings(doc, findings)
            except LanguageToolUnavailable as unavailable:
                result.failures.append(unavailable)
        if suppress and doc.comments:
            from newslint.suppression import Suppressions  # not imported by a run whose texts have none

            findings = self._suppressed(findings, Suppressions.of(doc), doc.path)
        if self._accept is not None:
            findings = self._without_accepted(doc, findings)
        if self._config.levels:
            findings = [_with_level(f, self._config.level_of(f.rule, f.severity)) for f in findings]
        if len(findings) > 1:  # most stories have none, and one needs neither
            findings = _deduplicated(findings)
            findings.sort(key=lambda f: (f.start, f.end, f.rule))
        result.findings = findings
        return result

    def _rules_for(self, doc: Document) -> list[Rule]:
        """The rules that may fire on the document: those one of whose triggers it holds (from
        the trigger scan), and those that may fire anywhere; in their order, built."""
        doc.use_triggers(self._triggers)
        chosen = self._chosen(doc.triggers_present, doc.bilingual)
        runnable, rules = self._runnable, []
        while chosen:  # its bits, lowest first: the rules in their order
            lowest = chosen & -chosen
            chosen ^= lowest
            index = lowest.bit_length() - 1
            rule = runnable[index]
            if type(rule) is DeferredRule:  # built now, as checking it would build it
                rule = runnable[index] = rule.rule
            rules.append(rule)
        return rules

    def _chosen(self, present: frozenset[str] | None, bilingual: bool) -> int:
        """The rules (as bits) for a document holding the `present` triggers (None: any)."""
        if present is None:
            chosen = (1 << len(self.rules)) - 1
        else:
            chosen, by_trigger = self._always, self._rules_by_trigger
            for text in present:
                chosen |= by_trigger.get(text, 0)
        return chosen if bilingual else chosen & ~self._bilingual

    def check_text(self, text: str, path: str = "-", format: str | None = None) -> CheckResult:
        """Findings on a file's text. A very long plain text is checked in chunks of whole
        paragraphs, so that memory follows the chunk, not the file; rules that count over a
        whole document (consistency) then count per chunk."""
        kind = format or format_of(path)
        if kind != "text" or len(text) <= CHUNK_CHARACTERS:
            return self.check(document(text, path, kind))
        return self.check_chunks((text[start:end] for start, end in _chunks(text)), path)

    def check_chunks(self, chunks: Iterable[str], path: str) -> CheckResult:
        """Findings on a plain text given as consecutive chunks that each start a line (see
        _chunks), in the coordinates of the whole text. The chunks may be read as they come;
        suppression comments apply to the whole text, whichever chunk they stand in."""
        from newslint.suppression import Suppressions, directives  # as in check: needed with comments only

        result = CheckResult()
        found: list[Directive] = []
        waiting: list[Directive] = []  # disable-next-line at a chunk's end: its line is in the next
        offset, line, column = 0, 1, 0  # where the chunk starts; column: how far into its line
        tail = ""  # the end of the chunk before: whether a sentence starts where it was cut
        for chunk in chunks:
            continued = bool(tail) and not segmentation.starts_sentence(tail + chunk[:80], len(tail))
            doc = Document(chunk, path, continued=continued)
            tail = chunk[-200:]
            checked = self.check(doc, suppress=False)
            result.findings.extend(shifted_finding(finding, offset, line - 1, column) for finding in checked.findings)
            result.failures.extend(checked.failures)
            first_line = next(((s, e) for s, e in doc.lines() if chunk[s:e].strip()), None)
            for directive in waiting if first_line else ():
                directive.target = Span(first_line[0] + offset, first_line[1] + offset)
            waiting = [] if first_line else waiting
            for directive in directives(doc) if doc.comments else ():
                directive = directive.shifted(offset, line - 1)
                found.append(directive)
                if directive.action == "disable-next-line" and directive.target is None:
                    waiting.append(directive)
            offset += len(chunk)
            breaks = chunk.count("\n") + chunk.count("\r") - chunk.count("\r\n")
            last_break = max(chunk.rfind("\n"), chunk.rfind("\r"))
            column = column + len(chunk) if breaks == 0 else len(chunk) - last_break - 1
            line += breaks
        if found:
            result.findings = self._suppressed(result.findings, Suppressions(found, offset), path)
            result.findings.sort(key=lambda f: (f.start, f.end, f.rule))
        return result

    def _suppressed(self, findings: list[Finding], suppressions: Suppressions, path: str) -> list[Finding]:
        from newslint.suppression import UNUSED_RULE

        kept = suppressions.filter(findings)
        if self._config.report_unused_suppressions and is_selected(
            UNUSED_RULE, self._config.select, self._config.ignore
        ):
            families = (LANGUAGETOOL,) if self._config.languagetool.enabled else ()
            kept += suppressions.unused(path, self._known_ids, families)
        return kept

    def _languagetool_findings(self, doc: Document, own: list[Finding]) -> list[Finding]:
        """LanguageTool's matches as findings `languagetool.<RULE>`, selected like rules, without
        those on the very span of one of newslint's own findings."""
        settings = self._config.languagetool
        taken = {(finding.start, finding.end) for finding in own}
        findings = []
        for match in self._languagetool.check(doc):  # type: ignore[union-attr]
            rule = f"{LANGUAGETOOL}.{match.rule}"
            if not is_selected(rule, self._config.select, self._config.ignore):
                continue
            if doc.overlaps_non_prose(match.start, match.end):
                continue  # "kiev-night.jpg" is a file's name, not a misspelling
            start, end = doc.source_span(match.start, match.end)
            if (start, end) in taken:
                continue
            message = f"{match.message} [{match.category}]"
            fix = None
            # A match of no length offers an insertion, which the next round would offer again.
            if len(match.replacements) == 1 and match.end > match.start and doc.can_edit(match.start, match.end):
                applicability = "safe" if match.category in settings.safe_categories else "unsafe"
                fix = Fix(match.replacements[0], start, end, applicability)  # type: ignore[arg-type]
            elif match.replacements:
                message += " Suggestions: " + ", ".join(f"'{r}'" for r in match.replacements[:5])
            findings.append(doc.finding(start, end, rule, "warning", " ".join(message.split()), fix))
        return findings

    def _without_accepted(self, doc: Document, findings: list[Finding]) -> list[Finding]:
        """Terms the publication accepts (its names and jargon) are never flagged."""
        accepted = [m.span() for m in self._accept.finditer(doc.source)]  # type: ignore[union-attr]
        return [f for f in findings if not any(start <= f.start and f.end <= end for start, end in accepted)]


def _bits(indexes: Iterable[int]) -> int:
    """A set of small numbers as the bits of one int."""
    bits = 0
    for index in indexes:
        bits |= 1 << index
    return bits


CHUNK_CHARACTERS = 250_000


def _chunks(text: str) -> list[tuple[int, int]]:
    """Spans of about CHUNK_CHARACTERS, each ending after a blank line (or a line break, or,
    for one enormous line, anywhere), so that each starts at the start of a line."""
    spans, start = [], 0
    while len(text) - start > CHUNK_CHARACTERS:
        cut = chunk_end(text, start)
        spans.append((start, cut))
        start = cut
    spans.append((start, len(text)))
    return spans


def chunk_end(text: str, start: int = 0) -> int:
    """Where a chunk of text[start:] of about CHUNK_CHARACTERS ends (see _chunks): after a blank
    line if there is one, else after a sentence (as segmentation judges it: not after "U.S."
    before "government"); only in text without either, after a line break or a space."""
    limit = start + CHUNK_CHARACTERS
    low = start + CHUNK_CHARACTERS // 2
    blank = _BLANK_LINE_CUT.search(text, low, limit)
    if blank:
        return _whole_line_break(text, blank.end())
    for match in _SENTENCE_CUT.finditer(text, low, limit):
        if segmentation.starts_sentence(text, match.end()):
            return _whole_line_break(text, match.end())
    for cut in _ROUGH_CUTS:
        match = cut.search(text, low, limit)
        if match:
            return _whole_line_break(text, match.end())
    return _whole_line_break(text, limit)


def _whole_line_break(text: str, cut: int) -> int:
    """The cut, moved past a "\n" that follows a "\r" (a search that ends at the limit takes the
    "\r" of a "\r\n" for a line break of its own, and a cut between them adds a line)."""
    return cut + 1 if 0 < cut < len(text) and text[cut - 1] == "\r" and text[cut] == "\n" else cut


_LINE_END = r"(?:\r\n|\r(?!\n)|\n)"
# Where chunks are cut, each searched backwards from the chunk's limit.
_BLANK_LINE_CUT = lazy(rf"(?r)\n[ \t]*{_LINE_END}|\r[ \t]*\r(?!\n)")
_SENTENCE_CUT = lazy(rf"(?r)[.!?…][\"”’')\]]*(?:[ \t]*{_LINE_END}|[ \t]+)")
_ROUGH_CUTS = [lazy(rf"(?r){_LINE_END}"), lazy(r"(?r)[ \t]")]


def shifted_finding(finding: Finding, offset: int, lines: int, column: int = 0) -> Finding:
    """A chunk's finding, in the coordinates of the whole text; `column`: how far into its line
    the chunk starts (0 unless one enormous line was cut)."""
    fix = finding.fix and replace(finding.fix, start=finding.fix.start + offset, end=finding.fix.end + offset)
    return replace(
        finding,
        start=finding.start + offset,
        end=finding.end + offset,
        line=finding.line + lines,
        end_line=finding.end_line + lines,
        column=finding.column + (column if finding.line == 1 else 0),
        end_column=finding.end_column + (column if finding.end_line == 1 else 0),
        fix=fix,
    )


def _with_level(finding: Finding, level: str) -> Finding:
    return finding if level == finding.severity else replace(finding, severity=level)  # type: ignore[arg-type]


def check_document(doc: Document, rules: Sequence[Rule]) -> CheckResult:
    """Findings of `rules` on one document, with no run policy beyond suppression comments."""
    return Linter(rules).check(doc)


def _deduplicated(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per span and replacement: when two rules propose the same edit of the same
    words ("kyiv" as a proper noun and as a sentence start), the more severe one is kept, then the
    one whose rule id sorts first."""
    best: dict[tuple[int, int, str], Finding] = {}
    kept: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (SEVERITIES.index(f.severity), f.rule)):
        if finding.fix is None:
            kept.append(finding)
            continue
        key = (finding.start, finding.end, finding.fix.replacement)
        if key not in best:
            best[key] = finding
    return kept + list(best.values())
