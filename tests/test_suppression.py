"""Inline suppression: disable/enable, disable-next-line and disable-file, in Markdown, HTML and
plain text, by rule id or prefix; and --report-unused-suppressions."""

from __future__ import annotations

import pytest

from newslint import Config, lint_text

PLAIN = """The talks ended. . Both sides left.
newslint: disable=punct
Officials said. . Nothing more.
The the delegation left.
newslint: enable
Then Kiev replied. .
newslint: disable-next-line=names
Talks in Kiev ended. .

The last line. .
"""


def _found(text: str, path: str, config: Config | None = None) -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in lint_text(text, path=path, config=config)]


def test_plain_text_directives():
    assert _found(PLAIN, "a.txt") == [
        ("punct.doubled", 1),
        ("typo.repeated-word", 4),  # only punct was disabled
        ("names.kyiv", 6),
        ("punct.doubled", 6),
        ("punct.doubled", 8),  # the next line is silenced for names only
        ("punct.doubled", 10),
    ]


def test_markdown_comment_directives():
    text = (
        "# Talks in Kiev\n\n"
        "<!-- newslint: disable=names.kyiv -->\n\n"
        "Officials in Kiev said. .\n\n"
        "<!-- newslint: enable -->\n\n"
        "Talks in Kiev. <!-- newslint: disable-next-line -->\n"
        "More in Kiev. .\n"
    )
    assert _found(text, "a.md") == [("names.kyiv", 1), ("punct.doubled", 5), ("names.kyiv", 9)]


def test_html_comment_directives():
    text = "<p>Kiev</p>\n<!-- newslint: disable-file=names -->\n<p>Kiev. .</p>\n"
    assert _found(text, "a.html") == [("punct.doubled", 3)]


def test_disable_file_without_rules_silences_everything():
    assert _found("newslint: disable-file\nThe the talks in Kiev ended. .\n", "a.txt") == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("newslint: disable=typo\nFine copy.\n", "Suppression 'newslint: disable=typo' silenced nothing"),
        ("newslint: disable=nosuch\nFine copy.\n", "Suppression 'newslint: disable=nosuch' names no rule: nosuch"),
        ("<!-- newslint: disable-next-line -->\nFine copy.\n", "silenced nothing"),
    ],
)
def test_unused_suppressions_are_reported_when_asked(text, message):
    path = "a.md" if text.startswith("<!--") else "a.txt"
    assert lint_text(text, path=path) == []
    [finding] = lint_text(text, path=path, config=Config(report_unused_suppressions=True))
    assert finding.rule == "newslint.unused-suppression" and message in finding.message and finding.line == 1


def test_a_used_suppression_is_not_reported():
    text = "newslint: disable=punct\nEnded. .\n"
    assert lint_text(text, path="a.txt", config=Config(report_unused_suppressions=True)) == []


def test_suppressed_findings_are_not_fixed(tmp_path):
    from newslint.api import fix_paths

    path = tmp_path / "a.txt"
    path.write_text("newslint: disable-next-line\nEnded. .\nEnded. .\n", encoding="utf-8")
    fix_paths([str(path)])
    assert path.read_text(encoding="utf-8") == "newslint: disable-next-line\nEnded. .\nEnded.\n"
