"""Stories and rules for the report tests: rules of our own, so that the findings do not change
when the built-in rules are tuned, and stories in all three formats, some of them hostile."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import run_cli

# Every message quotes the words the rule matched, «like this», so that a test can tell from the
# linter's own JSON output which words each finding flagged, in any format.
RULES = """\
- id: house.kiev
  kind: substitution
  level: warning
  message: "Found «{match}»: write '{suggestion}'"
  description: "House spelling since 2019. It is Ukraine's own spelling."
  source: "Our style guide"
  swap: {Kiev: Kyiv}
- id: house.calque
  kind: substitution
  level: error
  message: "Found «{match}»: English says '{suggestion}'"
  description: "A calque of Russian."
  swap: {dozens of thousands: tens of thousands}
- id: house.people
  kind: existence
  level: info
  message: "Found «{match}»"
  tokens: [thousands of people]
- id: house.thousands
  kind: existence
  level: info
  message: "Found «{match}»"
  tokens: [thousands]
- id: hostile.markup
  kind: existence
  level: warning
  message: "Found «{match}»"
  pattern: "onerror=\\\\S+|<script>"
"""

PLAIN = (
    "The war has killed dozens of thousands of people in Kiev.\n\n"
    'All over the world <script>document.title="pwned"</script> and <img src=x onerror=document.title="pwned"> '
    'and <a href="javascript:alert(1)">click</a>.\n'
)
MARKDOWN = (
    "# Talks in **Kiev**\n\n"
    "The war killed dozens of *thousands* of people &amp; more. See [the report](javascript:alert(1)).\n"
)
HTML = (
    "<p>Deep skepticism in <b>Kiev</b> &amp; dozens of thousands of people.</p>"
    '<script>document.title="pwned"</script>'
    '<p><img src=x onerror="document.title=\'pwned\'" alt="A photo of Kiev"></p>\n'
)
HOSTILE_NAME = "<b onmouseover=alert(1)>x.txt"
CLEAN = "Nothing to see here.\n"

_FLAGGED = re.compile("«(.*?)»", re.S)


def write_stories(folder: Path) -> list[str]:
    """The stories and the rule file in `folder`; returns the story names, in report order."""
    stories = {
        "story.txt": PLAIN,
        "story.md": MARKDOWN,
        "story.html": HTML,
        HOSTILE_NAME: PLAIN,
        "clean.txt": CLEAN,
    }
    for name, text in stories.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "rules.yaml").write_text(RULES, encoding="utf-8")
    return list(stories)


RULE_OPTIONS = ("--isolated", "--no-builtin-rules", "--rules", "rules.yaml", "--no-cache")


def lint(capsys, *args: str) -> tuple[int, str]:
    """newslint with the report rules; exit code and standard output."""
    code, out, _ = run_cli(capsys, *RULE_OPTIONS, *args)
    return code, out


def findings_json(capsys, names: list[str]) -> list[dict]:
    code, out = lint(capsys, "--format", "json", *names)
    assert code == 1
    return json.loads(out)


def flagged_words(finding: dict) -> str:
    """The words a finding flagged, as the rule saw them (prose for Markdown and HTML)."""
    return _FLAGGED.search(finding["message"]).group(1)
