"""How soon newslint-lsp's diagnostics follow a change in the editor.

The target (issue 15): a 10 KB story's diagnostics arrive within 300 ms of a change, the server's
debounce (200 ms by default) included. This starts newslint-lsp from this checkout over stdio,
as an editor does, opens a 10 KB story (the seed article and a paragraph more) and then types:
each change replaces one word, waits for the diagnostics of that version and measures the time
from sending the change to receiving them. It runs with the default debounce, and with none, to
show what the linting itself costs. Needs the lsp extra (pip install -e '.[lsp]').

    python benchmarks/lsp_latency.py [--changes 40] [--format text|markdown] [--kilobytes 10]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_273ab2e08d5b05c0.txt"
EXTRA = (
    "Officials in Kiev said the talks would go on next week, and that dozens of thousands of people "
    "had already left the region. .\n"
)


def story(markdown: bool, kilobytes: int = 10) -> str:
    """The seed article, repeated for a big document, then EXTRA up to the size asked for."""
    seed = SEED.read_text(encoding="utf-8") + "\n"
    text = seed * max(1, kilobytes * 1000 // len(seed.encode("utf-8")))
    while len(text.encode("utf-8")) < kilobytes * 1000:
        text += EXTRA
    if markdown:
        paragraphs = [p for p in text.split("\n") if p.strip()]
        text = "# " + paragraphs[0] + "\n\n" + "\n\n".join(paragraphs[1:]) + "\n"
    return text


async def measure(
    changes: int, debounce_ms: int | None, markdown: bool, kilobytes: int
) -> tuple[list[float], float, int]:
    """Milliseconds from each change to its diagnostics; the first lint after open; findings."""
    client = LanguageClient("lsp-latency", "1")
    arrived: dict[int, float] = {}
    counts: dict[int, int] = {}
    event = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams) -> None:
        if params.version is not None:
            arrived[params.version] = time.perf_counter()
            counts[params.version] = len(params.diagnostics)
            event.set()

    async def wait_for(version: int) -> float:
        while version not in arrived:
            event.clear()
            await asyncio.wait_for(event.wait(), 30)
        return arrived[version]

    await client.start_io(sys.executable, "-m", "newslint.lsp")
    options = {"debounce": debounce_ms} if debounce_ms is not None else None
    await client.initialize_async(
        types.InitializeParams(capabilities=types.ClientCapabilities(), initialization_options=options)
    )
    client.initialized(types.InitializedParams())
    text = story(markdown, kilobytes)
    uri = Path("/tmp/newslint-lsp-latency/story" + (".md" if markdown else ".txt")).as_uri()
    language = "markdown" if markdown else "plaintext"
    started = time.perf_counter()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
        )
    )
    opened = (await wait_for(1) - started) * 1000
    line = text.count("\n", 0, text.index("Kiev said the talks"))
    column = text.rfind("\n", 0, text.index("Kiev said the talks")) + 1
    start = text.index("Kiev said the talks") - column
    latencies = []
    for version in range(2, changes + 2):
        word = "Kyiv" if version % 2 else "Kiev"
        change = types.TextDocumentContentChangePartial(
            range=types.Range(
                start=types.Position(line=line, character=start), end=types.Position(line=line, character=start + 4)
            ),
            text=word,
        )
        await asyncio.sleep(0.05)  # a little apart, as keystrokes are
        sent = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=[change]
            )
        )
        latencies.append((await wait_for(version) - sent) * 1000)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return latencies, opened, counts[1]


def report(name: str, latencies: list[float], opened: float, findings: int, size: int) -> None:
    ordered = sorted(latencies)
    p90 = ordered[int(len(ordered) * 0.9) - 1]
    print(
        f"{name}: {size / 1000:.1f} KB, {findings} findings; first lint after open {opened:.0f} ms; "
        f"change -> diagnostics over {len(latencies)} changes: median {statistics.median(latencies):.0f} ms, "
        f"p90 {p90:.0f} ms, max {ordered[-1]:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=40)
    parser.add_argument("--format", choices=["text", "markdown"], default="text")
    parser.add_argument("--kilobytes", type=int, default=10, help="the story's size (default: 10)")
    args = parser.parse_args()
    markdown = args.format == "markdown"
    size = len(story(markdown, args.kilobytes).encode("utf-8"))
    for name, debounce in (("default debounce (200 ms)", None), ("no debounce (linting alone)", 0)):
        latencies, opened, findings = asyncio.run(measure(args.changes, debounce, markdown, args.kilobytes))
        report(f"{args.format}, {name}", latencies, opened, findings, size)


if __name__ == "__main__":
    main()
