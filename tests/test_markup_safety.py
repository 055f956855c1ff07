"""Markup is never prose, whatever the copy holds, and --fix never changes it: HTML a parser might
lose its way in, static-site templates (Hugo, Liquid, Nunjucks), MDX, file names and paths, and
fixes whose result would read as markup."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint import lint_text
from newslint.api import fix_paths


def _fixed(tmp_path: Path, name: str, text: str, unsafe: bool = False) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    fix_paths([str(path)], unsafe=unsafe)
    return path.read_text(encoding="utf-8")


def _matched(text: str, path: str) -> list[tuple[str, str]]:
    return [(f.rule, text[f.start : f.end]) for f in lint_text(text, path=path)]


# --- HTML ---------------------------------------------------------------------------------------

PAGE_WITH_BARE_REFERENCE = (
    '<p>Use the tag &# in posts</p>\n<img src="kiev.jpg">\n<a title="Kiev , now" href="/kiev">Kiev</a>\n'
)


def test_a_bare_character_reference_does_not_turn_the_rest_of_a_page_into_prose(tmp_path):
    assert _fixed(tmp_path, "page.html", PAGE_WITH_BARE_REFERENCE) == PAGE_WITH_BARE_REFERENCE.replace(
        ">Kiev</a>", ">Kyiv</a>"
    )
    assert _matched(PAGE_WITH_BARE_REFERENCE, "page.html") == [("names.kyiv", "Kiev")]


@pytest.mark.parametrize("tail", ['<a title="Kiev', "<!-- Kiev", '<img alt="x" src="kiev'])
def test_a_tag_the_page_ends_inside_is_not_prose(tail):
    page = "<p>Talks ended.</p>\n" + tail
    assert lint_text(page, path="page.html") == []


# --- templates ----------------------------------------------------------------------------------

STORY_WITH_TEMPLATES = """# Talks in Kiev

{{< figure src="/img/kiev-night.jpg" caption="kiev at night" >}}

The mayor of Kiev spoke. {% include related.html slug="kiev-talks" %} Then {{ page.kiev_title }} ended.

{{% notice note "kiev-note" %}}
The talks in Kiev went on.
{{% /notice %}}

{% raw %}
{{ kiev }} the the
{% endraw %}

{{< highlight go >}}
kiev := "the the"

{{< /highlight >}}

{# kiev the the #}
"""


def test_shortcodes_and_liquid_are_markup_and_their_paths_and_slugs_stay(tmp_path):
    fixed = _fixed(tmp_path, "story.md", STORY_WITH_TEMPLATES)
    expected = (
        STORY_WITH_TEMPLATES.replace("# Talks in Kiev", "# Talks in Kyiv")
        .replace('caption="kiev at night"', 'caption="Kyiv at night"')
        .replace("The mayor of Kiev", "The mayor of Kyiv")
        .replace("The talks in Kiev", "The talks in Kyiv")
    )
    assert fixed == expected


def test_a_caption_is_prose_with_exact_positions_and_never_across_its_quotes():
    from newslint import Config

    text = '{{< figure src="/img/x.jpg" caption="Talks ended the" title="the end" alt="Talks in kyiv" >}}\n'
    found = lint_text(text, path="story.md", config=Config(select=("case.proper-noun", "typo.repeated-word")))
    assert [(f.rule, f.line, f.column, text[f.start : f.end]) for f in found] == [
        ("case.proper-noun", 1, text.index("kyiv") + 1, "kyiv")
    ]


def test_liquid_and_shortcodes_in_html_are_markup_too(tmp_path):
    page = '<p>Kiev {{ page.kiev }} and {% include x.html slug="kiev-a" %}</p>\n<img src="/k.jpg" alt="kiev {{ site.kiev }}">\n'
    assert _fixed(tmp_path, "page.html", page) == page.replace("<p>Kiev", "<p>Kyiv").replace('alt="kiev', 'alt="Kyiv')


MDX = """import {Chart} from "./chart"
export const meta = {
  title: "kiev talks",
}

# Talks in Kiev

<Chart data={[1, 2]} label="kiev" onClick={() => go("/kiev")} /> and {props.kiev} then it ended.

{/* newslint: disable-next-line=names */}
Kiev again.

Kiev at the end.
"""


def test_mdx_jsx_expressions_and_esm_are_markup(tmp_path):
    assert _matched(MDX, "story.mdx") == [("names.kyiv", "Kiev"), ("names.kyiv", "Kiev")]
    assert _fixed(tmp_path, "story.mdx", MDX) == MDX.replace("Talks in Kiev", "Talks in Kyiv").replace(
        "Kiev at the end", "Kyiv at the end"
    )


def test_mdx_files_are_found_in_folders(tmp_path):
    from newslint import lint_paths

    (tmp_path / "story.mdx").write_text(MDX, encoding="utf-8")
    assert [f.rule for f in lint_paths([str(tmp_path)]).findings] == ["names.kyiv", "names.kyiv"]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("story.txt", "See kiev-night.jpg and /img/kiev.png, or stories/kiev/talks.pdf, in Kiev.\n"),
        ("story.md", "See [kiev-night.jpg](x.jpg) and `y` and /img/kiev.png, in Kiev.\n"),
        ("page.html", "<p>See kiev-night.jpg and /img/kiev.png, in Kiev.</p>\n"),
    ],
)
def test_file_names_and_paths_are_never_prose(tmp_path, name, text):
    assert _matched(text, name) == [("names.kyiv", "Kiev")]
    assert _fixed(tmp_path, name, text) == text.replace("in Kiev", "in Kyiv")


# --- fixes that would make markup ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "rule"),
    [
        ("story.md", "！[Kyiv](x.png) was shown.\n", "punct.fullwidth"),  # a link would become an image
        ("story.md", "US <U.S.> and U.S. again, US and US.\n", "names.us"),  # a tag would hide the words
        ("page.html", "<p><！ The victim spoke.</p>\n", "punct.fullwidth"),  # a bogus comment
    ],
)
def test_a_fix_that_would_make_markup_is_not_applied(tmp_path, name, text, rule):
    fixed = _fixed(tmp_path, name, text, unsafe=True)
    assert rule in [f.rule for f in lint_text(fixed, path=name)]  # still reported ...
    if name == "story.md" and rule == "names.us":
        assert fixed == "US <U.S.> and US again, US and US.\n"  # ... only the harmless one fixed
    else:
        assert fixed == text


def test_a_refused_fix_does_not_stop_the_others_and_is_not_offered_again(tmp_path):
    from newslint.api import fix_paths

    path = tmp_path / "story.md"
    path.write_text("Talks in Kiev. .\n\n！[Kyiv](x.png)\n", encoding="utf-8")
    report = fix_paths([str(path)])
    assert path.read_text(encoding="utf-8") == "Talks in Kyiv.\n\n！[Kyiv](x.png)\n"
    [remaining] = report.findings
    assert remaining.rule == "punct.fullwidth" and remaining.fix is None
