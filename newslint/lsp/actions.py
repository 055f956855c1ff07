"""Code actions: a quick fix per fixable finding, fix-all-safe for the document, and a comment
that silences a finding. Edits that cost a re-lint or a re-read of the document (fix all, the
silencing comment) are left for codeAction/resolve when the client can resolve them, because
editors ask for code actions at every move of the cursor."""

from __future__ import annotations

from lsprotocol import types

from newslint.findings import Finding, Fix
from newslint.fixes import each_keeping_markup
from newslint.formats.structure import skeleton_for
from newslint.lsp.edits import differences, replacement
from newslint.lsp.linted import Linted
from newslint.lsp.suppressing import suppression_for
from newslint.records import record
from newslint.suppression import UNUSED_RULE

FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.newslint"
QUICKFIX = types.CodeActionKind.QuickFix.value
KINDS = [QUICKFIX, FIX_ALL]
_SHOWN = 40  # characters of the words a title quotes


@record
class ActionContext:
    """A linted document, and how the client takes edits."""

    linted: Linted
    versioned_edits: bool  # the client takes documentChanges (edits that name the version)

    def workspace_edit(self, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
        doc = self.linted
        if self.versioned_edits:
            document = types.OptionalVersionedTextDocumentIdentifier(uri=doc.uri, version=doc.version)
            return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=document, edits=edits)])
        return types.WorkspaceEdit(changes={doc.uri: edits})

    def later(self, **what: object) -> dict:
        """The data a resolve request brings back: which document version, and what to do."""
        return {"uri": self.linted.uri, "version": self.linted.version, **what}


def in_range(context: ActionContext, requested: types.Range) -> list[Finding]:
    """Findings that touch the requested range (a cursor at a word's end touches it)."""
    index = context.linted.index
    start, end = index.offset(requested.start), index.offset(requested.end)
    return [f for f in context.linted.findings if f.start <= end and start <= f.end]


def fixes_keeping_markup(context: ActionContext, findings: list[Finding]) -> set[Fix]:
    """The findings' fixes that leave the document's markup as it is: a quick fix that would make
    a link an image, or a word a tag, is not offered, as `newslint --fix` would not apply it."""
    fixes = [finding.fix for finding in findings if finding.fix is not None]
    markup = skeleton_for(context.linted.format)
    if markup is None or not fixes:
        return set(fixes)
    return set(each_keeping_markup(context.linted.text, fixes, markup))


def quick_fix(context: ActionContext, finding: Finding) -> types.CodeAction | None:
    fix, doc = finding.fix, context.linted
    if fix is None:
        return None
    words = _quoted(doc.text[fix.start : fix.end])
    title = f"Replace {words} with {_quoted(fix.replacement)}" if fix.replacement else f"Delete {words}"
    if fix.applicability == "unsafe":
        title += " (unsafe fix: check the sentence)"
    return types.CodeAction(
        title=f"{title} ({finding.rule})",
        kind=QUICKFIX,
        diagnostics=[doc.diagnostic_of(finding)],
        is_preferred=fix.applicability == "safe",
        edit=context.workspace_edit([replacement(doc.index, fix.start, fix.end, fix.replacement)]),
    )


def _quoted(words: str) -> str:
    shown = words if len(words) <= _SHOWN else words[: _SHOWN - 1] + "…"
    return "'" + shown.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "'"


def silencing(context: ActionContext, finding: Finding, resolve_later: bool) -> types.CodeAction | None:
    """The quick fix that writes a suppression comment for the finding's rule."""
    if finding.rule == UNUSED_RULE:
        return None  # silencing the report of an unused silence helps nobody
    action = types.CodeAction(
        title=f"Silence {finding.rule} here with a suppression comment",
        kind=QUICKFIX,
        diagnostics=[context.linted.diagnostic_of(finding)],
        data=context.later(silence=[finding.rule, finding.start, finding.end]),
    )
    return action if resolve_later else resolve_silencing(context, action)


def resolve_silencing(context: ActionContext, action: types.CodeAction) -> types.CodeAction | None:
    doc = context.linted
    rule, start, end = action.data["silence"]
    finding = next((f for f in doc.findings if (f.rule, f.start, f.end) == (rule, start, end)), None)
    suppression = suppression_for(doc.text, doc.format, doc.path, finding) if finding else None
    if suppression is None:
        return None
    action.title = f"{suppression.title} (suppression comment)"
    action.edit = context.workspace_edit(
        [replacement(doc.index, offset, offset, text) for offset, text in suppression.insertions]
    )
    return action


def fix_all(context: ActionContext, resolve_later: bool) -> types.CodeAction | None:
    """Every safe fix of the document, applied round after round as `newslint --fix` does;
    offered only when there is one."""
    if not any(f.fix is not None and f.fix.applicability == "safe" for f in context.linted.findings):
        return None
    action = types.CodeAction(
        title="Fix all safe newslint problems in this document", kind=FIX_ALL, data=context.later(fix_all=True)
    )
    return action if resolve_later else resolve_fix_all(context, action)


def resolve_fix_all(context: ActionContext, action: types.CodeAction) -> types.CodeAction:
    action.edit = context.workspace_edit(differences(context.linted.index, context.linted.fixed_text()))
    return action


def wanted(only: list[str] | None, kind: str) -> bool:
    """Whether the client asked for this kind (`only: [source.fixAll]` takes ours too)."""
    return only is None or any(kind == asked or kind.startswith(asked + ".") for asked in only)
