"""What Markdown and HTML cost: the same prose linted as plain text, as Markdown and as HTML.

The target (issue 4): Markdown costs at most twice the time of the same prose as plain text.
Both runs happen in this process, one after the other, several times; the medians are compared,
so that a busy machine slows both alike.

    python benchmarks/markdown_overhead.py [--copies 50] [--runs 5]
"""

from __future__ import annotations

import argparse
import html
import statistics
import time
from pathlib import Path

from newslint import lint_text
from newslint.config import Config, active_rules

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_273ab2e08d5b05c0.txt"


def as_markdown(paragraphs: list[str]) -> str:
    """The seed as a Markdown story: a heading, emphasis, a link, a list item, a quote."""
    out = ["# " + paragraphs[0], ""]
    for index, paragraph in enumerate(paragraphs[1:]):
        if index % 7 == 1:
            paragraph = paragraph.replace("Kremlin", "[Kremlin](https://en.wikipedia.org/wiki/Moscow_Kremlin)", 1)
        if index % 7 == 3:
            paragraph = "> " + paragraph
        if index % 7 == 5:
            paragraph = "- " + paragraph.replace("Putin", "**Putin**", 1)
        out += [paragraph, ""]
    return "\n".join(out)


def as_html(paragraphs: list[str]) -> str:
    body = "".join(f"<p>{html.escape(p, quote=False)}</p>\n" for p in paragraphs[1:])
    return f"<html><head><title>{html.escape(paragraphs[0])}</title></head><body>\n{body}</body></html>\n"


def median_seconds(text: str, path: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        lint_text(text, path=path)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=50, help="copies of the seed article in one document")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    paragraphs = [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()] * args.copies
    plain = "\n\n".join(paragraphs) + "\n"
    markdown, page = as_markdown(paragraphs), as_html(paragraphs)
    active_rules(Config())  # rule loading is not what is measured
    results = {
        name: median_seconds(text, path, args.runs)
        for name, text, path in [
            ("plain text", plain, "story.txt"),
            ("Markdown", markdown, "story.md"),
            ("HTML", page, "story.html"),
        ]
    }
    base = results["plain text"]
    print(f"{len(plain.encode()) / 1e6:.2f} MB of prose, median of {args.runs} runs")
    for name, seconds in results.items():
        print(f"{name:<11} {seconds:7.3f} s   {seconds / base:4.2f}x plain text")
    verdict = "holds" if results["Markdown"] <= 2 * base else "MISSED"
    print(f"target (Markdown at most 2x plain text): {verdict}")


if __name__ == "__main__":
    main()
