"""How fast the HTML report is made and opened: 100 stories, each the seed article (about 9 KB)
repeated --repeat times, reported with the built-in rules and loaded in headless Chromium.

The bar (issue 16): a 100-file report opens in a browser in under 2 s. "Opens" is measured
from the request for the file to the second animation frame after its load event (laid out and
painted), in a browser already running; each load is a fresh navigation.

    python benchmarks/html_report.py [--repeat 1] [--loads 3]
    python benchmarks/html_report.py --screenshot docs/html-report.png   # the README's picture
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_273ab2e08d5b05c0.txt"
sys.path.insert(0, str(REPO))

from tests.browser import Browser  # noqa: E402


def newslint(*args: str, cwd: Path) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "newslint", "--isolated", *args], cwd=cwd, capture_output=True, text=True
    )
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr)
    return time.perf_counter() - started, done.stdout


def measure(repeat: int, loads: int) -> None:
    seed = SEED.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        here = Path(folder)
        names = []
        for number in range(100):
            names.append(f"story-{number:03}.txt")
            (here / names[-1]).write_text(f"Story {number}.\n\n" + "\n\n".join([seed] * repeat), encoding="utf-8")
        findings = len(json.loads(newslint("--format", "json", *names, cwd=here)[1]))  # fills the cache
        made, _ = newslint("--format", "html", "--output-file", "report.html", *names, cwd=here)  # results cached
        report = here / "report.html"
        browser = Browser.start()
        try:
            opened = [browser.open(report) for _ in range(loads)]
        finally:
            browser.close()
        text = sum((here / name).stat().st_size for name in names)
        print(f"100 stories, {text / 1e6:.1f} MB of text, {findings} findings")
        print(f"report: {report.stat().st_size / 1e6:.1f} MB, written in {made:.2f} s (lint results cached)")
        print(f"opened in Chromium: first {opened[0]:.2f} s, median {statistics.median(opened):.2f} s of {loads}")


def screenshot(path: Path) -> None:
    """The seed article's report at a laptop's width, scrolled to its story, one finding focused."""
    with tempfile.TemporaryDirectory() as folder:
        here = Path(folder)
        (here / "seeds").mkdir()
        (here / "seeds" / SEED.name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
        newslint("--format", "html", "--output-file", "report.html", "seeds/", cwd=here)
        browser = Browser.start(width=1000, height=760)
        try:
            browser.open(here / "report.html")
            browser.evaluate("document.querySelector('section.file h2').scrollIntoView()")
            browser.evaluate("document.querySelector('mark.f[data-rule=\"names.kyiv\"]').focus({preventScroll: true})")
            browser.screenshot(path)
        finally:
            browser.close()
    print(f"{path}: {path.stat().st_size / 1e3:.0f} KB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=1, help="copies of the seed article in each story")
    parser.add_argument("--loads", type=int, default=3, help="times the report is opened")
    parser.add_argument("--screenshot", type=Path, help="save a picture of the seed article's report instead")
    args = parser.parse_args()
    if args.screenshot:
        screenshot(args.screenshot)
    else:
        measure(args.repeat, args.loads)


if __name__ == "__main__":
    main()
