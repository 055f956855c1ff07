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


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_plain_text_directives_with_windows_and_old_mac_line_ends(newline):
    expected = _found(PLAIN, "a.txt")
    assert _found(PLAIN.replace("\n", newline), "a.txt") == expected


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
        ("newslint: disable=nosuch,typo\nThe the cat.\n", "names no rule: nosuch"),  # typo was used
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


def test_enable_of_one_rule_ends_only_that_rule():
    text = (
        "newslint: disable=typo,calque\nThe the dozens of thousands.\nnewslint: enable=typo\n"
        "The the dozens of thousands.\nnewslint: enable\nThe the dozens of thousands.\n"
    )
    assert _found(text, "a.txt") == [
        ("typo.repeated-word", 4),
        ("typo.repeated-word", 6),
        ("calque.dozens-of-thousands", 6),
    ]


def test_enable_of_one_rule_inside_a_silence_of_all():
    text = "newslint: disable\nThe the end. .\nnewslint: enable=punct\nThe the end. .\n"
    assert _found(text, "a.txt") == [("punct.doubled", 4)]


def test_directives_apply_across_the_chunks_of_a_long_text(monkeypatch):
    from newslint import linter

    monkeypatch.setattr(linter, "CHUNK_CHARACTERS", 400)
    filler = "The talks went on for hours and nothing came of them at all.\n\n" * 12
    text = "newslint: disable-file=calque\n\n" + filler + "Dozens of thousands left. .\n\n" + filler
    assert _found(text, "a.txt") == [("punct.doubled", 27)]
    text = filler + "newslint: disable-next-line\n\n" + "Dozens of thousands left. .\n"
    assert len(linter._chunks(text)) > 1 and _found(text, "a.txt") == []
    unused = lint_text(
        filler + "newslint: disable=typo\n" + filler, path="a.txt", config=Config(report_unused_suppressions=True)
    )
    assert [f.rule for f in unused] == ["newslint.unused-suppression"] and unused[0].line == 25


def test_unused_suppression_reports_follow_select_and_ignore():
    config = Config(report_unused_suppressions=True, ignore=("newslint.unused-suppression",))
    assert lint_text("newslint: disable=typo\nFine copy.\n", path="a.txt", config=config) == []
