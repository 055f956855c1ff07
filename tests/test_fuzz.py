"""Fuzzing: random prose with Markdown, MDX, HTML and template constructs and hostile Unicode,
through the API and through --fix (fix_paths, which writes the file as the CLI does).

For every document: no exception; every finding inside the text, its line and column those of
its offset; --fix idempotent (a second run changes nothing); the markup outside the fixed spans
byte-identical (newslint's own reading); and the structure an independent reader sees unchanged
(markdown-it's links, images, code and HTML; the tags of an HTML page; template constructs).

CI runs a bounded number of examples (a few seconds). The longer run:

    NEWSLINT_FUZZ_EXAMPLES=5000 pytest tests/test_fuzz.py

(measured on this 2-core machine: 5,000 examples in 40 s).
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint import lint_text
from newslint.api import fix_paths
from newslint.formats import html, markdown
from newslint.formats.markdown import _PARSER
from newslint.formats.structure import markup_runs

EXAMPLES = int(os.environ.get("NEWSLINT_FUZZ_EXAMPLES", "40"))

# Words and slips the built-in rules react to, and Unicode that tends to break offset arithmetic.
PROSE = [
    "Kiev", "kyiv", "the the", ". .", ",,", " ,", "said.The", "dozens of thousands", "China said she",
    "U.S.", "US", "！", "，", "。", "“quote”", "‘single’", "—", "...", "Mr. Smith", "e.g.",
    "kiev-night.jpg", "/img/kiev.png", "www.kiev.ua", "news@kiev.ua", "#kiev", "@kiev",
    "😀", "👍🏽", "é", "e\u0301", "İstanbul", "ß", "\u202ekiev", "\u200d", "\u00a0", "\ufeff", "\ufffc",
    "\u2028", "\t", "a", "word", "Ukraine", "talks", "ended", " ",
]  # fmt: skip
MARKDOWN = [
    "[Kiev](https://example.com/kiev)", "![kiev](kiev.png)", "![](x.jpg)", "*Kiev*", "**the the**", "_a_",
    "`kiev`", "<b>Kiev</b>", "<U.S.>", "<！", "<!-- newslint: disable -->", "<!-- newslint: enable -->",
    "&amp;", "&#", "&#8220;", "&nbsp;", "\\*", "[kiev]", "[x][kiev]", "~~Kiev~~", "<https://kiev.ua>",
    '{{< figure src="/img/kiev.jpg" caption="kiev at night" >}}', '{% include x.html slug="kiev-a" %}',
    "{{ page.kiev }}", "|", "  ",
]  # fmt: skip
BLOCKS_MD = ["# ", "## ", "- ", "1. ", "> ", "    ", "```\n", "---\n", "| a | b |\n|---|---|\n| ", ""]
HTML = [
    "<p>", "</p>", '<a href="kiev.html" title="Kiev , now">', "</a>", '<img src="kiev.jpg" alt="kiev">',
    "<script>kiev = 1</script>", "<code>Kiev</code>", "<br>", "&#", "&amp;", "&lt;", "<！", "<!-- x -->",
    "<td>", "<li>", "{{ site.kiev }}",
]  # fmt: skip
MDX = ['<Chart data={[1, 2]} label="kiev" />', "{props.kiev}", "{/* kiev */}", 'import x from "./kiev"\n']
NEWLINES = ["\n", "\n\n", "\r\n", "\r", "\r\n\r\n"]


def _document(pieces: list[str]) -> str:
    return "".join(pieces)


def _format_pieces(kind: str) -> st.SearchStrategy[str]:
    extra = {"txt": [], "md": MARKDOWN + BLOCKS_MD, "mdx": MARKDOWN + MDX, "html": HTML}[kind]
    return st.sampled_from(PROSE + extra + NEWLINES)


@st.composite
def documents(draw) -> tuple[str, str]:
    kind = draw(st.sampled_from(["txt", "md", "mdx", "html"]))
    pieces = draw(st.lists(st.one_of(_format_pieces(kind), st.text(max_size=3)), max_size=40))
    return kind, _document(pieces)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _LINE_BREAK.finditer(text)]


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def _markup(text: str, kind: str) -> tuple:
    """newslint's own reading: the source outside verbatim prose."""
    if kind == "html":
        return markup_runs(html.prose_view(text), text)
    if kind in ("md", "mdx"):
        return markup_runs(markdown.prose_view(text, mdx=kind == "mdx"), text)
    return ()


_TAG = re.compile(r"<[A-Za-z/!?][^<>]*>?")
_ALT = re.compile(r"""(?i)\balt\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+)""")  # an image's alt text is prose
_TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_PROSE_ATTRIBUTE = re.compile(
    r"""\b(caption|alt|title|description|summary|attr|attribution)\s*=\s*(["']).*?\2"""
)  # prose


def _structure(text: str, kind: str) -> tuple:
    """What an independent reader sees: template constructs (less their prose attributes), and for Markdown markdown-it's links,
    images, code and HTML (with their targets), for HTML every tag with its attributes."""
    templates = tuple(_PROSE_ATTRIBUTE.sub(r"\1=…", template) for template in _TEMPLATE.findall(text))
    if kind in ("md", "mdx"):
        shape = []
        for token in _PARSER.parse(text):
            for item in [token, *(token.children or [])]:
                if item.type in (
                    "link_open",
                    "image",
                    "code_inline",
                    "html_inline",
                    "html_block",
                    "fence",
                    "code_block",
                ):
                    attributes = {k: v for k, v in (item.attrs or {}).items() if k != "alt"}
                    content = item.content if item.type not in ("image",) else None
                    shape.append((item.type, tuple(sorted(attributes.items())), content))
        return templates, tuple(shape)
    if kind == "html":
        return templates, tuple(_ALT.sub("alt=…", tag) for tag in _TAG.findall(text))
    return templates, ()


def _check_findings(text: str, path: str) -> None:
    starts = _line_starts(text)
    for finding in lint_text(text, path=path):
        assert 0 <= finding.start <= finding.end <= len(text), finding
        assert (finding.line, finding.column) == _position(starts, finding.start), finding
        assert (finding.end_line, finding.end_column) == _position(starts, finding.end), finding
        if finding.fix:
            assert 0 <= finding.fix.start <= finding.fix.end <= len(text), finding


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(documents())
def test_fuzzed_documents_lint_and_fix_safely(tmp_path_factory, document):
    kind, text = document
    path = tmp_path_factory.mktemp("fuzz") / f"story.{kind}"
    _check_findings(text, str(path))
    path.write_bytes(text.encode("utf-8"))
    fix_paths([str(path)], unsafe=True)
    fixed = path.read_bytes().decode("utf-8")
    _check_findings(fixed, str(path))
    assert _markup(fixed, kind) == _markup(text, kind)
    assert _structure(fixed, kind) == _structure(text, kind)
    again = fix_paths([str(path)], unsafe=True)
    assert again.changed == [] and path.read_bytes().decode("utf-8") == fixed  # idempotent
