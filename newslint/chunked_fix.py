"""Fixing a long plain text chunk by chunk.

Linting a long plain text already goes chunk by chunk (Linter.check_chunks). Fixing it as one text
re-linted every chunk in every round, though a round changes only a few of them: ten rounds of a
100 MB file were ten passes over 100 MB. Here each chunk is fixed to the end on its own -- its
rounds re-lint that chunk alone -- and the fixed chunks are joined. Rules that count over a document
(consistency) count per chunk, as they do when the same text is linted.

Suppression directives stand in any chunk but apply to the whole text. A chunk's own directives are
read from it in every round; those that govern it from outside -- a `disable` still in force where
it starts, a `disable-next-line` just before it, a `disable-file` anywhere -- are carried in as
directives at its start, so that the chunk's text (and its positions) stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from newslint.document import Document
from newslint.findings import Finding
from newslint.fixes import FixResult, fix_text
from newslint.formats import plaintext
from newslint.linter import Linter, _chunks, shifted_finding
from newslint.records import record
from newslint.regexes import lazy
from newslint.segmentation import starts_sentence
from newslint.selection import selector_matches
from newslint.spans import Span
from newslint.suppression import DIRECTIVE, Directive, Suppressions, directives

_NON_BLANK_LINE = lazy(r"[^\r\n]*\S[^\r\n]*")


@record(frozen=True)
class _Line:
    """A directive line of the whole text: where it stands, what it does, to which rules."""

    span: Span
    action: str
    rules: tuple[str, ...]
    text: str


def fix_in_chunks(
    linter: Linter,
    text: str,
    path: str,
    unsafe: bool,
    on_failures: Callable[[list], None] = lambda failures: None,
) -> FixResult:
    """The text fixed chunk by chunk; remaining and fixed findings in the coordinates of the
    fixed text. `on_failures` receives the rules that could not finish on a chunk."""
    lines = list(_directive_lines(text))
    file_wide = [line for line in lines if line.action == "disable-file"]
    result = FixResult("")
    pieces: list[str] = []
    in_force: list[_Line] = []  # the disable/enable lines before the chunk that still silence something
    offset, line_count, column, tail, passed = 0, 0, 0, "", 0
    for start, end in _chunks(text):
        while passed < len(lines) and lines[passed].span.end <= start:
            in_force = _in_force_after(lines[passed], in_force)
            passed += 1
        carried = [*in_force, *(line for line in file_wide if not start <= line.span.start < end)]
        aimed = _aimed_at_chunk(lines[passed - 1] if passed else None, text, start)
        chunk = text[start:end]
        continued = bool(tail) and not starts_sentence(tail + chunk[:80], len(tail))

        def lint(piece: str, carried=carried, aimed=aimed, continued=continued) -> list[Finding]:
            doc = Document(piece, path, continued=continued)
            checked = linter.check(doc, suppress=False)
            on_failures(checked.failures)
            found = directives(doc) if doc.comments else []
            found += _carried_in(carried, aimed, piece)
            return Suppressions(found, len(piece)).filter(checked.findings) if found else checked.findings

        fixed = fix_text(chunk, lint, unsafe)
        result.remaining.extend(shifted_finding(f, offset, line_count, column) for f in fixed.remaining)
        result.fixed.extend(shifted_finding(f, offset, line_count, column) for f in fixed.fixed)
        pieces.append(fixed.text)
        offset += len(fixed.text)
        breaks = _line_breaks(fixed.text)
        last_break = max(fixed.text.rfind("\n"), fixed.text.rfind("\r"))
        column = column + len(fixed.text) if breaks == 0 else len(fixed.text) - last_break - 1
        line_count += breaks
        tail = fixed.text[-200:]
    result.text = "".join(pieces)
    return result


def _directive_lines(text: str) -> Iterator[_Line]:
    for span, line in plaintext.directive_lines(text):
        match = DIRECTIVE.fullmatch(line)
        if match:
            rules = tuple(rule.strip() for rule in (match.group("rules") or "").split(",") if rule.strip())
            yield _Line(span, match.group("action"), rules, line)


def _in_force_after(line: _Line, in_force: list[_Line]) -> list[_Line]:
    """The block directives that still silence something once `line` is passed: an `enable` ends
    the `disable`s it covers (one that names no rule ends them all), and is kept only where it
    exempts rules from a broader silence still in force."""
    if line.action == "disable":
        return [*in_force, line]
    if line.action != "enable":
        return in_force
    if not line.rules:
        return []
    kept = [directive for directive in in_force if not _covered(directive, line.rules)]
    return [*kept, line] if any(directive.action == "disable" for directive in kept) else kept


def _aimed_at_chunk(line: _Line | None, text: str, start: int) -> list[_Line]:
    """The `disable-next-line` just before the chunk (nothing but blank lines between), whose
    line is the chunk's first."""
    if line is None or line.action != "disable-next-line" or text[line.span.end : start].strip():
        return []
    return [line]


def _covered(directive: _Line, enabled: tuple[str, ...]) -> bool:
    """Whether an `enable` of `enabled` ends every silence of `directive` (a `disable`)."""
    if directive.action != "disable" or not directive.rules:
        return False
    return all(any(selector_matches(rule, selector) for selector in enabled) for rule in directive.rules)


def _carried_in(carried: list[_Line], aimed: list[_Line], piece: str) -> list[Directive]:
    """Directives from outside the chunk, placed at its start: in force from its first character;
    a `disable-next-line` just before it silences its first line that is not blank."""
    found = [Directive(line.action, line.rules, Span(0, 0), line.text, (1, 1, 1, 1)) for line in carried]
    first = _NON_BLANK_LINE.search(piece)
    if first is not None:
        target = Span(first.start(), first.end())
        found += [Directive(line.action, line.rules, Span(0, 0), line.text, (1, 1, 1, 1), target) for line in aimed]
    return found


def _line_breaks(text: str) -> int:
    return text.count("\n") + text.count("\r") - text.count("\r\n")
