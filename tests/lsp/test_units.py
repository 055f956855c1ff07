"""The server's pure parts in-process: offsets <-> positions in each encoding, incremental edits
of the document store, whole-text differences as small edits, suppression placements."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from lsprotocol import types

from newslint import lint_text
from newslint.lsp.checking import format_for
from newslint.lsp.documents import DocumentStore, OpenDocument, path_of
from newslint.lsp.edits import differences, replacement
from newslint.lsp.positions import LineIndex
from newslint.lsp.suppressing import apply_insertions, suppression_for
from tests.lsp.session import apply_edits

ENCODINGS = {"utf-8": "utf-8", "utf-16": "utf-16-le", "utf-32": "utf-32-le"}
WIDTHS = {"utf-8": 1, "utf-16": 2, "utf-32": 4}
# Letters of each width in every encoding, and every kind of line break and look-alike.
texts = st.text(alphabet=st.sampled_from(list("ab é“”€中😀\u2028\x0c\r\n")), max_size=40)


def expected_position(text: str, offset: int, encoding: str) -> tuple[int, int]:
    """Counted independently: LSP lines end at \\n, \\r\\n or \\r; columns in code units."""
    before = text[:offset].replace("\r\n", "\n").replace("\r", "\n")
    line = before.count("\n")
    column = before.rsplit("\n", 1)[-1]
    if offset > 0 and text[offset - 1] == "\r" and text[offset : offset + 1] == "\n":
        column = ""  # between \r and \n: the line has ended
    return line, len(column.encode(ENCODINGS[encoding])) // WIDTHS[encoding]


@given(texts, st.sampled_from(sorted(ENCODINGS)))
def test_positions_count_code_units_and_lsp_line_breaks(text, encoding):
    index = LineIndex(text, encoding)
    for offset in range(len(text) + 1):
        if offset and text[offset - 1] == "\r" and text[offset : offset + 1] == "\n":
            continue  # inside a \r\n: no position of its own
        position = index.position(offset)
        assert (position.line, position.character) == expected_position(text, offset, encoding)
        assert index.offset(position) == offset


def test_a_position_inside_a_surrogate_pair_or_past_the_line_means_its_start_or_end():
    index = LineIndex("a😀b\nc", "utf-16")
    assert index.offset(types.Position(line=0, character=2)) == 1  # half of 😀
    assert index.offset(types.Position(line=0, character=99)) == 3  # past the end of the line
    assert index.offset(types.Position(line=9, character=0)) == 5  # past the last line: the end


@given(texts, st.data())
def test_incremental_changes_land_where_the_client_means(text, data):
    store = DocumentStore()
    store.open(types.TextDocumentItem(uri="file:///a.txt", language_id="plaintext", version=1, text=text))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    if (start and text[start - 1 : start + 1] == "\r\n") or (end and text[end - 1 : end + 1] == "\r\n"):
        return  # not a position
    inserted = data.draw(texts)
    index = LineIndex(text, "utf-16")
    change = types.TextDocumentContentChangePartial(range=index.range(start, end), text=inserted)
    params = types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri="file:///a.txt", version=2), content_changes=[change]
    )
    document = store.change(params, "utf-16")
    assert document.text == text[:start] + inserted + text[end:] and document.version == 2


@given(texts, texts)
@example("\r\n", "\r")  # the shared \r must not leave the edit starting inside the line break
@example("\r\n", "\rX\n")
def test_differences_turn_one_text_into_the_other(old, new):
    edits = differences(LineIndex(old, "utf-16"), new)
    assert apply_edits(old, edits) == new
    assert (edits == []) == (old == new)


@given(texts, texts, st.integers(0, 40), st.integers(0, 40))
@example("a\r\nb", "", 2, 2)  # an empty edit between \r and \n
@example("a\r\nb", "x", 1, 2)  # a fix that ends inside the line break
def test_a_replacement_anywhere_even_inside_a_line_break_is_exact(text, inserted, start, end):
    start, end = sorted((min(start, len(text)), min(end, len(text))))
    edit = replacement(LineIndex(text, "utf-16"), start, end, inserted)
    assert apply_edits(text, [edit]) == text[:start] + inserted + text[end:]


def test_path_of_a_uri():
    assert path_of("file:///tmp/a%20b/story.txt") == "/tmp/a b/story.txt"
    assert path_of("untitled:Untitled-1") is None


@pytest.mark.parametrize(
    "path, fmt, text",
    [
        ("a.md", "markdown", "| a | b |\n|---|---|\n| x | Kiev |\n"),  # no comment keeps a table whole
        ("a.md", "markdown", "---\ntitle: Talks in Kiev\n---\n"),  # nor front matter
    ],
)
def test_no_suppression_where_none_keeps_the_document(path, fmt, text):
    (finding,) = [f for f in lint_text(text, path=path) if f.rule == "names.kyiv"]
    assert suppression_for(text, fmt, path, finding) is None


def test_suppression_keeps_the_documents_line_endings():
    text = "First. .\r\nTalks in Kiev ended.\r\n"
    (finding,) = [f for f in lint_text(text, path="a.txt") if f.rule == "names.kyiv"]
    suppression = suppression_for(text, "text", "a.txt", finding)
    assert apply_insertions(text, suppression.insertions) == (
        "First. .\r\nnewslint: disable-next-line=names.kyiv\r\nTalks in Kiev ended.\r\n"
    )


@pytest.mark.parametrize(
    ("uri", "language_id", "expected"),
    [
        ("file:///news/story.mdx", "", "mdx"),  # the command line lints .mdx: so does the server
        ("file:///news/story.mdx", "mdx", "mdx"),
        ("untitled:Untitled-1", "mdx", "mdx"),
        ("file:///news/story.md", "", "markdown"),
        ("file:///news/story.htm", "", "html"),
        ("file:///code/main.py", "python", None),
    ],
)
def test_the_server_reads_the_formats_the_command_line_reads(uri, language_id, expected):
    assert format_for(OpenDocument(uri, "text", 1, language_id)) == expected


def test_fix_all_keeps_the_markup_as_newslint_fix_does():
    from newslint.api import linter_for
    from newslint.config import Config
    from newslint.lsp.checking import Reading
    from newslint.lsp.configs import Resolution

    text = "Talks in Kiev. .\n\n！[Kyiv](x.png)\n"  # the full-width mark's fix would make the link an image
    doc = OpenDocument("file:///news/story.md", text, 1, "markdown")
    reading = Reading(doc, Resolution(Config(), linter_for(Config())), None, lambda path: None)
    assert reading.fix_all(text).text == "Talks in Kyiv.\n\n！[Kyiv](x.png)\n"
