"""CI: the installed newslint-lsp answers an editor on a fresh machine. Standard library only:
it speaks JSON-RPC over the server's stdio itself, opens a story, expects its findings, then
shuts the server down and expects exit code 0.

    python .ci/lsp_smoke.py PATH/TO/newslint-lsp
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading

STORY = "Talks in Kiev ended. .\n"
EXPECTED = ["names.kyiv", "punct.doubled"]


def send(server: subprocess.Popen, message: dict) -> None:
    body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
    server.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
    server.stdin.flush()


def receive(server: subprocess.Popen) -> dict:
    length = None
    while True:
        line = server.stdout.readline()
        if not line:
            raise SystemExit("newslint-lsp closed its output")
        if line in (b"\r\n", b"\n"):
            break
        name, _, value = line.decode("ascii").partition(":")
        if name.lower() == "content-length":
            length = int(value)
    return json.loads(server.stdout.read(length))


def main(command: str) -> int:
    server = subprocess.Popen([command], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    timer = threading.Timer(60, server.kill)  # a hung server fails the run instead of stalling it
    timer.start()
    try:
        send(
            server,
            {"id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None, "capabilities": {}}},
        )
        while "id" not in (answer := receive(server)):
            pass
        assert answer["result"]["serverInfo"]["name"] == "newslint-lsp", answer
        send(server, {"method": "initialized", "params": {}})
        item = {"uri": "file:///tmp/story.txt", "languageId": "plaintext", "version": 1, "text": STORY}
        send(server, {"method": "textDocument/didOpen", "params": {"textDocument": item}})
        while (message := receive(server)).get("method") != "textDocument/publishDiagnostics":
            pass
        codes = [diagnostic["code"] for diagnostic in message["params"]["diagnostics"]]
        assert codes == EXPECTED, codes
        send(server, {"id": 2, "method": "shutdown"})
        while receive(server).get("id") != 2:
            pass
        send(server, {"method": "exit"})
        code = server.wait(30)
    finally:
        timer.cancel()
    assert code == 0, f"newslint-lsp exited with {code}"
    print(f"newslint-lsp: {codes} on a story, exit code {code}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
