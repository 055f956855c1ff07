"""The server stays up and answers: an exception in one request or one document is reported,
not fatal; a 1 MB document is linted and answered; shutdown and exit end the process with 0."""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

import pytest
from lsprotocol import types

from newslint import lint_text
from tests.lsp.session import TIMEOUT, codes, diagnostics, open_document, position, replace_all, serving

pytestmark = pytest.mark.asyncio

STORY = "Talks in Kiev ended. .\n"
SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_273ab2e08d5b05c0.txt"
FAULTY = (sys.executable, str(Path(__file__).with_name("faulty_server.py")))


async def hover_at(client, uri: str, line: int, character: int):
    params = types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=position(line, character))
    return await asyncio.wait_for(client.text_document_hover_async(params), TIMEOUT)


async def test_shutdown_and_exit_end_the_process_with_code_0(tmp_path):
    async with serving(root=tmp_path) as client:
        open_document(client, (tmp_path / "a.txt").as_uri(), STORY)
        await diagnostics(client, (tmp_path / "a.txt").as_uri(), 1)
    assert client._server.returncode == 0


async def test_exit_without_shutdown_ends_the_process_with_code_1(tmp_path):
    async with serving(root=tmp_path) as client:
        client.exit(None)  # no shutdown first: LSP asks for exit code 1
        await asyncio.wait_for(client._server.wait(), TIMEOUT)
        assert client._server.returncode == 1
        client.capabilities = None  # the session is over: nothing to shut down on leaving


async def test_a_failing_request_and_a_failing_document_leave_the_server_running(tmp_path):
    good, bad = (tmp_path / "good.txt").as_uri(), (tmp_path / "bad.txt").as_uri()
    async with serving(root=tmp_path, command=FAULTY, initialization_options={"debounce": 20}) as client:
        open_document(client, bad, "BOOM. Talks in Kiev ended. .\n")
        open_document(client, good, STORY)
        assert codes(await diagnostics(client, good, 1)) == ["names.kyiv", "punct.doubled"]
        assert await hover_at(client, good, 0, 10) is None  # answered, with nothing
        replace_all(client, bad, "Talks in Kiev ended. .\n", 2)  # the failure was one document's
        assert codes(await diagnostics(client, bad, 2)) == ["names.kyiv", "punct.doubled"]
        messages = [m.message for m in client.messages]
        logged = "\n".join(m.message for m in client.log_messages)
    assert any("injected lint failure" in m for m in messages)
    assert any("injected hover failure" in m for m in messages)
    assert "Traceback" in logged and "check_unless_boom" in logged  # the details go to the log


async def test_a_one_megabyte_document_is_linted_and_answered(tmp_path):
    seed = SEED.read_text(encoding="utf-8")
    text = "\n\n".join([seed] * (1_000_000 // len(seed) + 1))
    assert len(text.encode("utf-8")) > 1_000_000
    expected = lint_text(text, path="big.txt")
    uri = (tmp_path / "big.txt").as_uri()
    async with serving(root=tmp_path) as client:
        open_document(client, uri, text)
        found = await diagnostics(client, uri, 1)
        first = found[0].range.start
        started = time.perf_counter()
        hovered = await hover_at(client, uri, first.line, first.character)
        hover_seconds = time.perf_counter() - started
    assert codes(found) == [f.rule for f in expected] and len(found) > 100
    assert hovered is not None and found[0].message in hovered.contents.value
    assert hover_seconds < TIMEOUT


async def test_over_tcp(tmp_path):
    """--tcp PORT serves the same protocol on a local port."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "newslint.lsp", "--tcp", "0", "--log-level", "info", stderr=asyncio.subprocess.PIPE
    )
    try:
        port = None
        while port is None:
            line = (await asyncio.wait_for(process.stderr.readline(), TIMEOUT)).decode()
            assert line, "the server ended before listening"
            if "Serving on" in line:
                port = int(line.rsplit(",", 1)[1].strip(" )\n"))
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        body = b'{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}'
        writer.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        await writer.drain()
        header = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), TIMEOUT)
        length = int(header.split(b"Content-Length:")[1].split(b"\r\n")[0])
        answer = await reader.readexactly(length)
        writer.close()
    finally:
        process.kill()
        await process.wait()
    assert b'"positionEncoding":"utf-16"' in answer.replace(b" ", b"") and b'"name":"newslint-lsp"' in answer.replace(
        b" ", b""
    )
