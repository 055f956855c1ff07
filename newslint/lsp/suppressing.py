"""The comment that silences one finding, written in the document's own syntax.

Plain text takes a directive line above the finding's line (`newslint: disable-next-line=RULE`),
Markdown and HTML an HTML comment: at the end of the line above when that line ends in prose
(so that a wrapped paragraph, a list or a table stays one), else on a line of its own above.
Every placement is tried on a copy first and kept only if the document still reads as the
same prose and the comment silences the finding: a comment that would split a paragraph (a
directive line inside a hard-wrapped paragraph) gives way to the next placement, and in plain
text, finally, to a `disable`/`enable` pair around the paragraph. Where nothing is safe, no
action is offered.
"""

from __future__ import annotations

from collections.abc import Iterator

from newslint.document import Document
from newslint.findings import Finding
from newslint.formats.reader import document
from newslint.lsp.positions import LineIndex
from newslint.records import record
from newslint.regexes import lazy
from newslint.suppression import Suppressions

_CONTAINER_PREFIX = lazy(r"[ \t]*(?:>[ \t]?)*", engine="re")  # indentation and block-quote markers
_INDENT = lazy(r"[ \t]*", engine="re")


@record(frozen=True)
class Suppression:
    """Text to insert (offset, text), in text order, and what the action is called."""

    insertions: tuple[tuple[int, str], ...]
    title: str


def suppression_for(text: str, fmt: str, path: str, finding: Finding) -> Suppression | None:
    """The first placement that keeps the document's prose and silences the finding."""
    before = document(text, path, fmt)
    for candidate in _placements(text, fmt, before, finding):
        if _works(text, fmt, path, before, finding, candidate):
            return candidate
    return None


def _placements(text: str, fmt: str, doc: Document, finding: Finding) -> Iterator[Suppression]:
    index = LineIndex(text)
    line = index.line_of(finding.start)
    line_start, _ = index.line_span(line)
    eol = _line_ending(text)
    rule = finding.rule
    on_line = f"Silence {rule} on this line"
    if fmt == "text":
        indent = _INDENT.match(text, line_start).group()  # type: ignore[union-attr]
        yield Suppression(((line_start, f"{indent}newslint: disable-next-line={rule}{eol}"),), on_line)
        yield from _around_paragraph(text, index, doc, finding, eol)
        return
    comment = f"<!-- newslint: disable-next-line={rule} -->"
    if line > 0:
        previous_start, previous_end = index.line_span(line - 1)
        content = text[previous_start:previous_end].rstrip()
        if content:
            end_of_prose = previous_start + len(content)
            yield Suppression(((end_of_prose, f" {comment}"),), on_line)
    prefix = (_CONTAINER_PREFIX if fmt == "markdown" else _INDENT).match(text, line_start).group()  # type: ignore[union-attr]
    yield Suppression(((line_start, f"{prefix}{comment}{eol}"),), on_line)


def _around_paragraph(text: str, index: LineIndex, doc: Document, finding: Finding, eol: str) -> Iterator[Suppression]:
    """disable=RULE above the finding's paragraph and enable=RULE below it (plain text)."""
    paragraph = next((span for span in doc.paragraphs if span.start <= finding.start < span.end), None)
    if paragraph is None:
        return
    first_line_start, _ = index.line_span(index.line_of(paragraph.start))
    _, last_line_end = index.line_span(index.line_of(max(paragraph.end - 1, paragraph.start)))
    rule = finding.rule
    yield Suppression(
        (
            (first_line_start, f"newslint: disable={rule}{eol}"),
            (last_line_end, f"{eol}newslint: enable={rule}"),
        ),
        f"Silence {rule} in this paragraph",
    )


def _line_ending(text: str) -> str:
    """The document's own line ending (\\r\\n stays \\r\\n)."""
    position = text.find("\n")
    if position > 0 and text[position - 1] == "\r":
        return "\r\n"
    if position < 0 and "\r" in text:
        return "\r"
    return "\n"


def apply_insertions(text: str, insertions: tuple[tuple[int, str], ...]) -> str:
    pieces, position = [], 0
    for offset, inserted in insertions:
        pieces += [text[position:offset], inserted]
        position = offset
    pieces.append(text[position:])
    return "".join(pieces)


def _works(text: str, fmt: str, path: str, before: Document, finding: Finding, candidate: Suppression) -> bool:
    after = document(apply_insertions(text, candidate.insertions), path, fmt)
    if _prose(before) != _prose(after):
        return False
    shift = sum(len(inserted) for offset, inserted in candidate.insertions if offset <= finding.start)
    moved = Finding(
        finding.path,
        finding.start + shift,
        finding.end + shift,
        *after.position(finding.start + shift),
        *after.position(finding.end + shift),
        finding.rule,
        finding.severity,
        finding.message,
    )
    return not Suppressions.of(after).filter([moved])


def _prose(doc: Document) -> list[str]:
    """The paragraphs a reader sees, spacing aside; directive lines and comments are none."""
    return [" ".join(doc.text[span.start : span.end].split()) for span in doc.paragraphs]
