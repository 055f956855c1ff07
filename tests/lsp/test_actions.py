"""Code actions over a real stdio session, their edits applied as an editor applies them and
checked: quick fixes (safe ones preferred, unsafe ones saying so), fix all safe problems
(source.fixAll.newslint), and the comment that silences a finding in the document's syntax.
VS Code resolves the costly edits lazily (codeAction/resolve); Emacs' eglot cannot, and gets
them at once."""

from __future__ import annotations

import asyncio

import pytest
from lsprotocol import types

from newslint import lint_text
from newslint.fixes import fix_text
from tests.lsp.session import (
    TIMEOUT,
    apply_edits,
    codes,
    diagnostics,
    edits_of,
    open_document,
    position,
    replace_all,
    serving,
)

pytestmark = pytest.mark.asyncio

STORY = "Talks in Kiev ended. .\n"


async def actions_at(client, uri: str, start: tuple[int, int], end: tuple[int, int], only=None) -> list:
    params = types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=position(*start), end=position(*end)),
        context=types.CodeActionContext(diagnostics=[], only=only),
    )
    return await asyncio.wait_for(client.text_document_code_action_async(params), TIMEOUT)


async def resolved(client, action: types.CodeAction) -> types.CodeAction:
    """The action with its edit, resolving it when the server left that for later."""
    if action.edit is None:
        action = await asyncio.wait_for(client.code_action_resolve_async(action), TIMEOUT)
    return action


def titled(found: list[types.CodeAction], start: str) -> types.CodeAction:
    matching = [action for action in found if action.title.startswith(start)]
    assert len(matching) == 1, [action.title for action in found]
    return matching[0]


@pytest.mark.parametrize("editor", ["visual-studio-code", "emacs"])
async def test_a_safe_quick_fix_is_preferred_and_its_edit_fixes_the_words(tmp_path, editor):
    uri = (tmp_path / "story.txt").as_uri()
    async with serving(editor, root=tmp_path) as client:
        open_document(client, uri, STORY)
        published = await diagnostics(client, uri, version=1)
        found = await actions_at(client, uri, (0, 10), (0, 10))  # the cursor inside 'Kiev'
    fix = titled(found, "Replace 'Kiev' with 'Kyiv'")
    assert fix.title == "Replace 'Kiev' with 'Kyiv' (names.kyiv)"
    assert fix.kind == types.CodeActionKind.QuickFix and fix.is_preferred
    assert list(fix.diagnostics or ()) == [published[0]]  # tied to the diagnostic the editor shows
    assert apply_edits(STORY, edits_of(fix, uri)) == "Talks in Kyiv ended. .\n"
    assert [action.kind for action in found].count(types.CodeActionKind.QuickFix) == 2  # the fix, the silence


async def test_an_unsafe_fix_says_so_and_is_not_preferred(tmp_path):
    text = "China said she would respond.\n"
    (expected,) = [f for f in lint_text(text) if f.fix and f.fix.applicability == "unsafe"]
    uri = (tmp_path / "story.txt").as_uri()
    async with serving(root=tmp_path) as client:
        open_document(client, uri, text)
        await diagnostics(client, uri, version=1)
        found = await actions_at(client, uri, (0, expected.start), (0, expected.end))
    fix = titled(found, "Replace")
    assert fix.title == f"Replace 'she' with 'it' (unsafe fix: check the sentence) ({expected.rule})"
    assert not fix.is_preferred
    assert apply_edits(text, edits_of(fix, uri)) == "China said it would respond.\n"


async def test_no_quick_fix_changes_the_markup(tmp_path):
    """A quick fix that would make the link an image ("！[" -> "![") is not offered, as --fix
    would not apply it; the finding stays, with its silencing comment; other fixes are offered."""
    text = "Talks in Kiev.\n\n！[Kyiv](x.png)\n"
    [mark] = [f for f in lint_text(text, path="story.md") if text[f.start : f.end] == "！"]
    assert mark.fix is not None and mark.fix.replacement == "!"
    uri = (tmp_path / "story.md").as_uri()
    async with serving(root=tmp_path) as client:
        open_document(client, uri, text, language="markdown")
        published = await diagnostics(client, uri, version=1)
        quick = [types.CodeActionKind.QuickFix]
        on_the_mark = await actions_at(client, uri, (2, 0), (2, 1), only=quick)
        whole = await actions_at(client, uri, (0, 0), (3, 0), only=quick)
    assert mark.rule in codes(published)
    assert [action.title for action in on_the_mark if not action.title.startswith("Silence")] == []
    assert any(action.title.startswith(f"Silence {mark.rule}") for action in on_the_mark)
    fixes = [action.title for action in whole if not action.title.startswith("Silence")]
    assert fixes == ["Replace 'Kiev' with 'Kyiv' (names.kyiv)"]


FIXABLE = "Talks in Kiev ended. .\nOfficials met the the press in Kiev.\n\nChina said she would respond.\n"


@pytest.mark.parametrize("editor", ["visual-studio-code", "emacs"])
async def test_fix_all_applies_every_safe_fix_as_newslint_fix_does(tmp_path, editor):
    def lint(text: str):
        return lint_text(text, path="story.txt")

    expected = fix_text(FIXABLE, lint).text  # what `newslint --fix` writes
    assert expected != FIXABLE and "she" in expected  # the unsafe fix is not applied
    uri = (tmp_path / "story.txt").as_uri()
    async with serving(editor, root=tmp_path) as client:
        open_document(client, uri, FIXABLE)
        await diagnostics(client, uri, version=1)
        only = [types.CodeActionKind.SourceFixAll]  # what editors ask on save
        found = await actions_at(client, uri, (0, 0), (0, 0), only=only)
        assert [action.kind for action in found] == ["source.fixAll.newslint"]
        fix_all = await resolved(client, found[0])
        fixed = apply_edits(FIXABLE, edits_of(fix_all, uri))
        assert fixed == expected
        replace_all(client, uri, fixed, 2)
        remaining = await diagnostics(client, uri, version=2)
    assert codes(remaining) == [f.rule for f in lint(expected)] == ["gender.country-she"]


async def test_fix_all_edits_only_what_changes(tmp_path):
    text = "First line is fine.\nTalks in Kiev ended.\nLast line is fine.\n"
    uri = (tmp_path / "story.txt").as_uri()
    async with serving("emacs", root=tmp_path) as client:
        open_document(client, uri, text)
        await diagnostics(client, uri, version=1)
        (fix_all,) = await actions_at(client, uri, (0, 0), (0, 0), only=["source.fixAll.newslint"])
    (change,) = edits_of(fix_all, uri)
    assert change.new_text == "yi"  # K[ie]v -> K[yi]v: the rest of the document is not rewritten
    assert (change.range.start.line, change.range.start.character, change.range.end.character) == (1, 10, 12)


async def test_no_fix_all_without_a_safe_fix(tmp_path):
    uri = (tmp_path / "story.txt").as_uri()
    async with serving(root=tmp_path) as client:
        open_document(client, uri, "China said she would respond.\n")
        await diagnostics(client, uri, version=1)
        found = await actions_at(client, uri, (0, 0), (0, 0), only=[types.CodeActionKind.SourceFixAll])
    assert list(found) == []


SILENCED = [
    # (file, language, text, the text after silencing names.kyiv on the second line)
    (
        "story.txt",
        "plaintext",
        "Talks ended. .\nTalks in Kiev ended. .\n",
        "Talks ended. .\nnewslint: disable-next-line=names.kyiv\nTalks in Kiev ended. .\n",
    ),
    (
        "story.md",
        "markdown",
        "Talks went on. .\nin Kiev they ended.\n",  # one wrapped paragraph stays one
        "Talks went on. . <!-- newslint: disable-next-line=names.kyiv -->\nin Kiev they ended.\n",
    ),
    (
        "story.html",
        "html",
        "<p>Talks went on. .</p>\n<p>In Kiev they ended.</p>\n",
        "<p>Talks went on. .</p> <!-- newslint: disable-next-line=names.kyiv -->\n<p>In Kiev they ended.</p>\n",
    ),
]


@pytest.mark.parametrize("editor", ["visual-studio-code", "emacs"])
@pytest.mark.parametrize("name, language, text, expected", SILENCED)
async def test_silencing_writes_a_suppression_comment_in_the_documents_syntax(
    tmp_path, editor, name, language, text, expected
):
    uri = (tmp_path / name).as_uri()
    kiev = text.splitlines()[1].index("Kiev")
    async with serving(editor, root=tmp_path) as client:
        open_document(client, uri, text, language=language)
        before = await diagnostics(client, uri, version=1)
        found = await actions_at(client, uri, (1, kiev), (1, kiev + 4))
        silence = await resolved(client, titled(found, "Silence names.kyiv"))
        silenced = apply_edits(text, edits_of(silence, uri))
        replace_all(client, uri, silenced, 2)
        after = await diagnostics(client, uri, version=2)
    assert silenced == expected
    assert "names.kyiv" in codes(before) and "names.kyiv" not in codes(after)
    assert codes(after) == [rule for rule in codes(before) if rule != "names.kyiv"]  # the rest as before


async def test_silencing_a_hard_wrapped_plain_text_paragraph_keeps_it_whole(tmp_path):
    """A directive line inside a hard-wrapped paragraph would split it in two; the paragraph is
    silenced with disable/enable around it instead."""
    text = (
        "The talks went on for a long time and then\n"
        "they ended in Kiev on Monday, officials said\n"
        "when they left the building after midnight.\n"
    )
    uri = (tmp_path / "story.txt").as_uri()
    async with serving("emacs", root=tmp_path) as client:
        open_document(client, uri, text)
        await diagnostics(client, uri, version=1)
        found = await actions_at(client, uri, (1, 15), (1, 15))  # in 'Kiev'
        silence = titled(found, "Silence names.kyiv in this paragraph")
        silenced = apply_edits(text, edits_of(silence, uri))
        replace_all(client, uri, silenced, 2)
        after = await diagnostics(client, uri, version=2)
    assert silenced == "newslint: disable=names.kyiv\n" + text + "newslint: enable=names.kyiv\n"
    assert after == []


async def test_a_stale_resolve_changes_nothing(tmp_path):
    uri = (tmp_path / "story.txt").as_uri()
    async with serving(root=tmp_path, initialization_options={"debounce": 50}) as client:
        open_document(client, uri, STORY)
        await diagnostics(client, uri, version=1)
        found = await actions_at(client, uri, (0, 0), (0, 0), only=["source.fixAll"])
        replace_all(client, uri, "Talks in Kyiv ended. .\n", 2)
        await diagnostics(client, uri, version=2)
        stale = await client.code_action_resolve_async(found[0])
    assert stale.edit is None
