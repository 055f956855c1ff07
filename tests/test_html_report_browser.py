"""--format html in a real browser: headless Chromium loads the report from disk and the tests read
the DOM after rendering (what is marked, what runs, what a keyboard or a finger reaches).

The tests skip, saying why, only when no Chromium is installed; .ci/run installs Debian's
`chromium` and sets NEWSLINT_REQUIRE_BROWSER=1, so that in CI a missing browser fails instead.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.browser import Browser, BrowserUnavailable
from tests.conftest import SEED, run_cli
from tests.report_fixtures import HOSTILE_NAME, findings_json, flagged_words, lint, write_stories

LOAD_LIMIT = 2.0  # seconds for a 100-file report to open: the bar


@pytest.fixture(scope="module")
def browser():
    try:
        chromium = Browser.start()
    except BrowserUnavailable as reason:
        if os.environ.get("NEWSLINT_REQUIRE_BROWSER"):
            pytest.fail(f"NEWSLINT_REQUIRE_BROWSER is set, but {reason}")
        pytest.skip(f"browser tests need headless Chromium: {reason}")
    yield chromium
    chromium.close()


@pytest.fixture
def report(capsys, tmp_path, monkeypatch) -> tuple[Path, list[dict], list[str]]:
    """The report of the test stories on disk, with the findings the linter gave (as JSON)."""
    monkeypatch.chdir(tmp_path)
    stories = write_stories(tmp_path)
    findings = findings_json(capsys, stories)
    code, _ = lint(capsys, "--format", "html", "--output-file", "report.html", *stories)
    assert code == 1
    return tmp_path / "report.html", findings, stories


MARKED = """
(() => {
  const byFinding = {};
  for (const mark of document.querySelectorAll("mark.f")) {
    (byFinding[mark.dataset.finding] ??= []).push(mark);
  }
  return Object.fromEntries(Object.entries(byFinding).map(([key, marks]) => {
    const box = marks[0].getBoundingClientRect();
    return [key, {
      text: marks.map(mark => mark.textContent).join(""),
      rule: marks[0].dataset.rule,
      level: marks[0].dataset.level,
      id: marks[0].id,
      area: box.width * box.height,
      fill: getComputedStyle(marks[0]).backgroundColor,
    }];
  }));
})()
"""


def test_every_finding_is_highlighted_around_its_words(browser, report):
    page, findings, _ = report
    browser.open(page)
    marked = browser.evaluate(MARKED)
    assert len(marked) == len(findings)
    for number, finding in enumerate(findings, 1):
        mark = marked[str(number)]
        assert mark["text"] == flagged_words(finding), finding
        assert (mark["rule"], mark["level"], mark["id"]) == (finding["rule"], finding["severity"], f"m-{number}")
        assert mark["area"] > 0 and mark["fill"] not in ("", "rgba(0, 0, 0, 0)")
    fills = {mark["level"]: mark["fill"] for mark in marked.values()}
    assert len(set(fills.values())) == 3  # a colour per level


def test_hostile_copy_is_shown_as_text_and_nothing_of_it_runs(browser, report):
    page, _, _ = report
    browser.open(page)
    state = browser.evaluate(
        """({
        title: document.title,
        scripts: document.scripts.length,
        foreign: document.querySelectorAll("main img, main script, main a[href^='javascript'], main b, main iframe").length,
        handlers: Array.from(document.querySelectorAll("*")).filter(e => e.getAttributeNames().some(n => n.startsWith("on"))).length,
        stories: Array.from(document.querySelectorAll(".story")).map(s => s.textContent).join("\\n"),
        headings: Array.from(document.querySelectorAll("section.file h2")).map(h => h.textContent),
        loaded: performance.getEntriesByType("resource").length,
        filters: !document.getElementById("filters").hidden,
    })"""
    )
    assert state["title"].startswith("newslint report: Found") and "pwned" not in state["title"]
    assert state["scripts"] == 1 and state["foreign"] == 0 and state["handlers"] == 0
    assert '<script>document.title="pwned"</script>' in state["stories"]
    assert "onerror=document.title=" in state["stories"] and 'href="javascript:alert(1)"' in state["stories"]
    assert HOSTILE_NAME in state["headings"]
    assert state["loaded"] == 0  # the page fetched nothing
    assert state["filters"]  # the page's own script ran: the policy lets it, and only it, run
    problems = [
        event
        for event in browser.drain_events()
        if event.get("method") in ("Runtime.exceptionThrown", "Runtime.consoleAPICalled", "Log.entryAdded")
    ]
    assert problems == []  # no blocked script, no violation, no error


def test_the_summary_counts_what_the_linter_found(browser, report):
    page, findings, stories = report
    browser.open(page)
    summary = browser.evaluate(
        """({
        verdict: document.getElementById("verdict").textContent,
        levels: Object.fromEntries(Array.from(document.querySelectorAll(".by-level tbody tr"))
            .map(row => [row.dataset.level, Number(row.querySelector("td").textContent)])),
        rules: Object.fromEntries(Array.from(document.querySelectorAll(".by-rule tbody tr"))
            .map(row => [row.dataset.rule, Number(row.querySelector("td.n").textContent)])),
        files: Array.from(document.querySelectorAll(".by-file tbody tr")).map(row => [
            row.querySelector("a").textContent,
            Array.from(row.querySelectorAll("td.n")).map(cell => Number(cell.textContent)),
            document.querySelector(row.querySelector("a").getAttribute("href")).querySelector("h2").textContent,
        ]),
        problems: document.querySelectorAll("li.finding").length,
    })"""
    )
    assert summary["verdict"].startswith(f"Found {len(findings)} problems in {len(stories) - 1} files")
    assert summary["levels"] == {level: sum(f["severity"] == level for f in findings) for level in summary["levels"]}
    assert set(summary["levels"]) == {"error", "warning", "info"}
    assert summary["rules"] == {
        rule: sum(f["rule"] == rule for f in findings) for rule in {f["rule"] for f in findings}
    }
    assert [name for name, _, _ in summary["files"]] == stories
    for name, counts, heading in summary["files"]:
        expected = [
            sum(f["path"] == name and f["severity"] == level for f in findings)
            for level in ("error", "warning", "info")
        ]
        assert counts == expected and heading == name  # and the link leads to that file
    assert summary["problems"] == len(findings)


# The tooltip on screen: report.js's popup, or (without script) the focused words' own ::after.
TIP = """(() => {
    const tip = document.getElementById("tip");
    if (tip) return tip.hidden ? "none" : tip.textContent;
    return getComputedStyle(document.activeElement, "::after").content;
})()"""


def test_a_keyboard_reaches_every_finding_and_its_explanation(browser, report):
    page, findings, _ = report
    browser.open(page)
    for _ in range(300):
        browser.press("Tab", "Tab", 9)
        if browser.evaluate("document.activeElement.matches('mark.f')"):
            break
    focused = browser.evaluate("document.activeElement.id")
    finding = findings[int(focused.removeprefix("m-")) - 1]
    tip = browser.evaluate(TIP)
    assert finding["rule"] in tip and flagged_words(finding) in tip
    if finding["rule"] == "house.kiev":
        assert "Kyiv" in tip and "House spelling since 2019" in tip  # the fix and the rule's explanation
    browser.press("Escape", "Escape", 27)
    assert browser.evaluate(TIP) == "none"
    browser.press("Enter", "Enter", 13)
    assert browser.evaluate("document.activeElement.closest('li.finding').id") == focused.replace("m-", "f-")
    assert browser.evaluate("document.activeElement.getAttribute('href')") == f"#{focused}"
    # Every finding is a tab stop (one, however many pieces it was split into)
    stops = browser.evaluate("Array.from(document.querySelectorAll('mark.f[tabindex=\"0\"]')).map(m => m.id)")
    assert sorted(stops, key=lambda stop: int(stop[2:])) == [f"m-{n}" for n in range(1, len(findings) + 1)]


def test_hovering_the_words_shows_the_tooltip_and_leaving_hides_it(browser, report):
    page, findings, _ = report
    browser.open(page)
    number = next(n for n, f in enumerate(findings, 1) if f["rule"] == "house.kiev")
    browser.hover(*browser.show(f"m-{number}"))
    tip = browser.evaluate(TIP)
    assert "house.kiev" in tip and "“Kiev” → “Kyiv”" in tip and "House spelling since 2019" in tip
    browser.hover(2, 2)
    assert browser.evaluate(TIP) == "none"


def test_a_tap_shows_the_explanation(browser, report):
    page, findings, _ = report
    browser.open(page)
    number = next(n for n, f in enumerate(findings, 1) if f["rule"] == "house.kiev")
    assert browser.tap(*browser.show(f"m-{number}"))
    assert browser.evaluate("document.activeElement.id") == f"m-{number}"
    assert "House spelling since 2019" in browser.evaluate(TIP)
    browser.send("Emulation.setTouchEmulationEnabled", {"enabled": False})


def test_on_a_phone_nothing_runs_off_the_screen(browser, report):
    page, findings, _ = report
    browser.resize(390, 844, mobile=True)
    try:
        browser.open(page)
        assert browser.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        # the "Kiev" that starts furthest right: its tooltip, wide with the rule's explanation,
        # must still fit in the window
        number = browser.evaluate(
            "Array.from(document.querySelectorAll('mark.f[id][data-rule=\"house.kiev\"]'))"
            ".sort((a, b) => b.getClientRects()[0].left - a.getClientRects()[0].left)[0].dataset.finding"
        )
        assert browser.tap(*browser.show(f"m-{number}"))
        tip = browser.evaluate(
            """(() => {
            const box = document.getElementById("tip").getBoundingClientRect();
            return {id: document.activeElement.id, shown: !document.getElementById("tip").hidden,
                    left: box.left, right: box.right, top: box.top, bottom: box.bottom,
                    width: window.innerWidth, height: window.innerHeight};
        })()"""
        )
        assert tip["id"] == f"m-{number}" and tip["shown"]
        assert 0 <= tip["left"] and tip["right"] <= tip["width"], tip
        assert tip["right"] - tip["left"] >= tip["width"] - 17, tip  # moved left, not squeezed
        assert 0 <= tip["top"] and tip["bottom"] <= tip["height"], tip
        assert [e for e in browser.drain_events() if e.get("method") == "Log.entryAdded"] == []
    finally:
        browser.send("Emulation.setTouchEmulationEnabled", {"enabled": False})
        browser.resize(1200, 900)


def test_filters_by_level_and_family(browser, report):
    page, findings, _ = report
    browser.open(page)
    x, y = browser.evaluate(
        "(() => { const r = document.querySelector('#filters input[value=info]').getBoundingClientRect(); "
        "return [r.x + r.width / 2, r.y + r.height / 2]; })()"
    )
    browser.click(x, y)  # a real click on the "info" box
    shown = browser.evaluate(
        """({
        rows: Array.from(document.querySelectorAll("li.finding")).filter(li => !li.hidden).map(li => li.dataset.level),
        lit: Array.from(document.querySelectorAll("mark.f:not(.off)")).map(m => m.dataset.level),
        status: document.getElementById("filter-status").textContent,
    })"""
    )
    not_info = [f for f in findings if f["severity"] != "info"]
    assert "info" not in shown["rows"] and len(shown["rows"]) == len(not_info)
    assert shown["lit"] and "info" not in shown["lit"]
    assert shown["status"].startswith(f"{len(not_info)} of {len(findings)} problems shown")
    browser.evaluate("document.querySelector('#filters input[value=hostile]').click()")
    rows = browser.evaluate(
        "Array.from(document.querySelectorAll('li.finding:not([hidden])')).map(li => li.dataset.rule)"
    )
    assert rows and not [rule for rule in rows if rule.startswith("hostile")]
    browser.evaluate("document.getElementById('show-all').click()")
    assert browser.evaluate("document.querySelectorAll('li.finding[hidden], mark.f.off').length") == 0


def test_without_script_everything_is_shown_and_tooltips_still_work(browser, report):
    page, findings, _ = report
    browser.open(page, scripts=False)
    try:
        state = browser.evaluate(
            """({
            filters: getComputedStyle(document.getElementById("filters")).display,
            marks: new Set(Array.from(document.querySelectorAll("mark.f")).map(m => m.dataset.finding)).size,
            rows: Array.from(document.querySelectorAll("li.finding")).filter(li => li.offsetHeight > 0).length,
        })"""
        )
        assert state == {"filters": "none", "marks": len(findings), "rows": len(findings)}
        browser.evaluate("document.getElementById('m-1').focus()")
        assert findings[0]["rule"] in browser.evaluate(TIP)
    finally:
        browser.send("Emulation.setScriptExecutionDisabled", {"value": False})


def test_a_100_file_report_opens_in_under_two_seconds(browser, capsys, tmp_path, monkeypatch):
    """Long real stories (the seed article, about 9 KB), 100 of them, with the built-in rules."""
    monkeypatch.chdir(tmp_path)
    seed = SEED.read_text(encoding="utf-8")
    names = []
    for number in range(100):
        name = f"story-{number:03}.txt"
        Path(name).write_text(f"Story {number}.\n\n{seed}", encoding="utf-8")
        names.append(name)
    code, out, _ = run_cli(capsys, "--isolated", "--format", "json", *names)
    findings = json.loads(out)
    code, _, _ = run_cli(capsys, "--isolated", "--format", "html", "--output-file", "report.html", *names)
    assert code == 1 and findings
    seconds = browser.open(Path("report.html"))  # from the request to the second frame painted after load
    size = Path("report.html").stat().st_size
    print(f"100-file report: {size / 1e6:.1f} MB, {len(findings)} findings, opened in {seconds:.2f} s")
    assert browser.evaluate(
        "new Set(Array.from(document.querySelectorAll('mark.f')).map(m => m.dataset.finding)).size"
    ) == len(findings)
    assert seconds < LOAD_LIMIT
