"""The markup of a document, to tell whether a fix would change it.

A fix edits prose, but what it writes can make markup: a full-width "！" fixed to "!" before
[Kyiv](x.png) turns a link into an image; "U.S." fixed to "US" inside "<U.S.>" makes an HTML tag
that hides the words; "<！" in an HTML page becomes a bogus comment. So --fix reads the fixed text
again and compares its markup with the original's, and does not apply a fix that changes it.

The markup is what newslint's own reader does not take as prose (the stretches of source between
verbatim prose, in order: tags, link syntax, template syntax ...), and for Markdown also the
token structure markdown-it gives (links and their targets, images, emphasis, code, HTML,
breaks), so that a change either reader would see is caught.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from newslint.formats.prose import ProseView

Skeleton = Callable[[str], Hashable]


def skeleton_for(format: str) -> Skeleton | None:
    """The function giving a text's markup in this format; None for plain text (no markup)."""
    if format in ("markdown", "mdx"):
        return lambda text: _markdown(text, mdx=format == "mdx")
    if format == "html":
        return _html
    return None


def _markdown(text: str, mdx: bool) -> Hashable:
    from newslint.formats import markdown

    return markup_runs(markdown.prose_view(text, mdx=mdx), text), _markdown_it_tokens(text)


def _html(text: str) -> Hashable:
    from newslint.formats import html

    return markup_runs(html.prose_view(text), text)


def markup_runs(view: ProseView, source: str) -> tuple[str, ...]:
    """The source outside verbatim prose, as the runs between prose stretches, in order."""
    prose = sorted(
        (s.source_start, s.source_start + s.source_length) for s in view.segments if s.verbatim and s.source_length
    )
    runs, position = [], 0
    for start, end in prose:
        if start > position:
            runs.append(source[position:start])
        position = max(position, end)
    if position < len(source):
        runs.append(source[position:])
    return tuple(runs)


# Token contents that are markup, never prose (a fix must leave them as they are).
_VERBATIM_CONTENT = frozenset({"code_inline", "code_block", "fence", "html_inline", "html_block"})


def _markdown_it_tokens(text: str) -> tuple:
    """markdown-it's reading, without the words: the kind of every token, its attributes (link
    targets, image sources) and the content of code and HTML; runs of text count as one."""
    from newslint.formats.markdown import _PARSER

    shape: list = []

    def add(tokens) -> None:
        for token in tokens:
            if token.type == "text":
                if not shape or shape[-1] != "text":
                    shape.append("text")
                continue
            attributes = tuple(sorted((k, v) for k, v in (token.attrs or {}).items() if k != "alt"))
            content = token.content if token.type in _VERBATIM_CONTENT else None
            shape.append((token.type, token.tag, token.markup, token.info, attributes, content))
            if token.children:
                add(token.children)

    add(_PARSER.parse(text))
    return tuple(shape)
