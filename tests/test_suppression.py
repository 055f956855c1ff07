"""Inline suppression: disable/enable, disable-next-line and disable-file, in Markdown, HTML and
plain text, by rule id or prefix; and --report-unused-suppressions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# --- many directives, many findings -------------------------------------------------------------


def _directive(action: str, rules: tuple[str, ...], start: int, target=None):
    from newslint.spans import Span
    from newslint.suppression import Directive

    return Directive(action, rules, Span(start, start + 10), "newslint: x", (1, 1, 1, 11), target)


def _finding(rule: str, start: int):
    from newslint.findings import Finding

    return Finding("a.txt", start, start + 1, 1, 1, 1, 2, rule, "warning", "m")


@pytest.mark.parametrize("names", [["punct.doubled"] * 10_000, [f"house.rule-{n}" for n in range(64_000)]])
def test_filtering_is_indexed_not_regions_times_findings(names):
    """A directive naming a rule 10,000 times over 10,000 findings took 21 s; 64,000 names ran
    past 300 s. The bound here is a hundred times what the indexed filter needs."""
    import time

    from newslint.suppression import Suppressions

    findings = [_finding("punct.doubled" if n % 2 else "typo.repeated-word", 100 + n) for n in range(10_000)]
    started = time.monotonic()
    suppressions = Suppressions([_directive("disable", tuple(names), 0)], 20_000)
    kept = suppressions.filter(findings)
    unused = suppressions.unused("a.txt", ["punct.doubled", "typo.repeated-word"])
    assert time.monotonic() - started < 10
    silenced = "punct.doubled" in names
    assert len(kept) == (5_000 if silenced else 10_000)
    assert len(unused) == (0 if silenced else 1)


def _oracle(directives, end_of_text, findings):
    """The region model the index must agree with: every directive a region of the text per
    rule it names; `enable` ends or narrows the open ones. (Quadratic, and obviously right.)"""
    from newslint.selection import selector_matches

    regions, open_regions = [], []
    for d in sorted(directives, key=lambda d: d.span.start):
        selectors = d.rules or (None,)
        if d.action == "disable-file":
            regions += [(0, end_of_text, d, s, ()) for s in selectors]
        elif d.action == "disable-next-line" and d.target is not None:
            regions += [(d.target.start, d.target.end, d, s, ()) for s in selectors]
        elif d.action == "disable":
            open_regions += [(d.span.end, end_of_text, d, s, ()) for s in selectors]
        elif d.action == "enable":
            still_open = []
            for start, end, owner, selector, exempt in open_regions:
                ended = not d.rules or any(selector is not None and selector_matches(selector, r) for r in d.rules)
                narrowed = [r for r in d.rules if selector is None or (selector_matches(r, selector) and r != selector)]
                if ended or narrowed:
                    regions.append((start, d.span.start, owner, selector, exempt))
                if not ended:
                    still_open.append(
                        (d.span.end, end, owner, selector, exempt + tuple(narrowed))
                        if narrowed
                        else (start, end, owner, selector, exempt)
                    )
            open_regions = still_open
    regions += open_regions
    kept, used = [], set()
    for f in findings:
        if any(d.span.start <= f.start < d.span.end for d in directives):
            continue
        covering = [
            r
            for r in regions
            if r[0] <= f.start < r[1]
            and (r[3] is None or selector_matches(f.rule, r[3]))
            and not any(selector_matches(f.rule, e) for e in r[4])
        ]
        used.update(id(r[2]) for r in covering)
        if not covering:
            kept.append(f)
    return kept, used


RULES = ["a.x", "a.y", "b.x"]
SELECTORS = ["a", "a.x", "a.y", "b", "b.x", "c"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["disable", "enable", "disable-file", "disable-next-line"]),
            st.lists(st.sampled_from(SELECTORS), max_size=3),
            st.integers(0, 20),
        ),
        max_size=8,
    ),
    st.lists(st.tuples(st.sampled_from(RULES), st.integers(0, 260)), max_size=12),
)
def test_the_index_silences_and_marks_as_the_region_model_does(spec, raw_findings):
    from newslint.spans import Span
    from newslint.suppression import Suppressions

    directives = []
    for slot, (action, names, target) in enumerate(sorted(spec, key=lambda item: item[2])):
        start = slot * 30  # comments never overlap
        directives.append(_directive(action, tuple(names), start, Span(target * 12, target * 12 + 8)))
    findings = [_finding(rule, start) for rule, start in raw_findings]
    expected_kept, expected_used = _oracle(directives, 300, findings)
    assert Suppressions(directives, 300).filter(findings) == expected_kept
    assert {id(d) for d in directives if d.used} == expected_used
