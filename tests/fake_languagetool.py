"""A real HTTP server on 127.0.0.1 that speaks LanguageTool's /v2 protocol with recorded answers.

It answers /v2/languages and /v2/check in LanguageTool's documented JSON format (offsets and
lengths in UTF-16 code units, as LanguageTool counts them), for a few known slips, so that the
whole path through language-tool-python's remote client runs for real. It can also misbehave:
answer slowly (to /v2/languages too), with 429 or 500 (an HTML page, or JSON), with JSON that is
not JSON, or with a match of no length. Asked as a proxy (an absolute URL in the request line),
it answers all the same, and counts it in `proxied`.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
]

# (text to find, rule id, category id, category name, message, replacements, issue type)
KNOWN_SLIPS = [
    (
        "teh",
        "MORFOLOGIK_RULE_EN_US",
        "TYPOS",
        "Possible Typo",
        "Possible spelling mistake found.",
        ["the"],
        "misspelling",
    ),
    (
        "recieve",
        "MORFOLOGIK_RULE_EN_US",
        "TYPOS",
        "Possible Typo",
        "Possible spelling mistake found.",
        ["receive", "relieve"],
        "misspelling",
    ),
    ("could of", "COULD_OF", "GRAMMAR", "Grammar", "Did you mean “could have”?", ["could have"], "grammar"),
    (
        "an European",
        "EN_A_VS_AN",
        "MISC",
        "Miscellaneous",
        "Use “a” instead of ‘an’ if the following word doesn’t start with a vowel sound.",
        ["a European"],
        "misspelling",
    ),
    ("Kiev", "KIEV_KYIV", "STYLE", "Style", "The city is called Kyiv.", ["Kyiv"], "style"),
]


def _utf16(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def check_response(text: str, disabled_rules: set[str], disabled_categories: set[str]) -> dict:
    matches = []
    for needle, rule, category, category_name, message, replacements, issue in KNOWN_SLIPS:
        if rule in disabled_rules or category in disabled_categories:
            continue
        start = text.find(needle)
        while start >= 0:
            offset, length = _utf16(text, start), _utf16(text, start + len(needle)) - _utf16(text, start)
            context_start = max(0, start - 20)
            matches.append(
                {
                    "message": message,
                    "shortMessage": "",
                    "replacements": [{"value": value} for value in replacements],
                    "offset": offset,
                    "length": length,
                    "context": {
                        "text": text[context_start : start + 40],
                        "offset": start - context_start,
                        "length": length,
                    },
                    "sentence": text,
                    "type": {"typeName": "Other"},
                    "rule": {
                        "id": rule,
                        "description": message,
                        "issueType": issue,
                        "category": {"id": category, "name": category_name},
                    },
                    "ignoreForIncompleteSentence": False,
                    "contextForSureMatch": 0,
                }
            )
            start = text.find(needle, start + 1)
    matches.sort(key=lambda match: match["offset"])
    return {
        "software": {
            "name": "LanguageTool",
            "version": "6.4",
            "buildDate": "2024-03-28",
            "apiVersion": 1,
            "premium": False,
            "status": "",
        },
        "warnings": {"incompleteResults": False},
        "language": {
            "name": "English (US)",
            "code": "en-US",
            "detectedLanguage": {"name": "English (US)", "code": "en-US", "confidence": 0.99},
        },
        "matches": matches,
    }


class FakeLanguageTool(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.mode = "ok"  # ok | slow | slowlanguages | trickle | redirect | 429 | 500 | 500json | badjson | zerolength
        self.redirect_to = ""  # where "redirect" sends the client (307 keeps the POST's body)
        self.delay = 3.0
        self.checks: list[dict[str, str]] = []  # the form of every /v2/check request
        self.proxied: list[str] = []  # requests received as a proxy (absolute URLs)
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up (a timeout) closed the connection: nothing to report

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self) -> FakeLanguageTool:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: FakeLanguageTool

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet in tests
        pass

    def _send(self, status: int, body: str, content_type: str = "application/json") -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _trickle(self, data: bytes) -> None:
        """A 200 whose body comes a few bytes at a time, for longer than any timeout of the tests."""
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        started = time.monotonic()
        for index in range(0, len(data), 16):
            if time.monotonic() - started > self.server.delay:
                return  # the client has long given up
            self.wfile.write(data[index : index + 16])
            self.wfile.flush()
            time.sleep(0.2)

    def _path(self) -> str:
        if self.path.startswith("http"):
            self.server.proxied.append(self.path)
            return urlsplit(self.path).path
        return self.path.split("?")[0]

    def do_GET(self) -> None:  # noqa: N802
        if self._path() == "/v2/languages":
            if self.server.mode == "slowlanguages":
                time.sleep(self.server.delay)
            self._send(200, json.dumps(LANGUAGES))
        else:
            self._send(404, "Not found", "text/plain")

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length", 0))
        form = {key: values[0] for key, values in parse_qs(self.rfile.read(length).decode("utf-8")).items()}
        if self._path() != "/v2/check":
            self._send(404, "Not found", "text/plain")
            return
        self.server.checks.append(form)
        mode = self.server.mode
        if mode == "slow":
            time.sleep(self.server.delay)
        if mode == "trickle":
            self._trickle(json.dumps(check_response(form.get("text", ""), set(), set())).encode("utf-8"))
        elif mode == "redirect":
            self.send_response(307)
            self.send_header("Location", self.server.redirect_to + "/v2/check")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif mode == "429":
            self._send(429, "Error: Too many requests. Please wait a while.", "text/plain")
        elif mode == "500":
            self._send(500, "<html><body>Internal Server Error</body></html>", "text/html")
        elif mode == "500json":
            self._send(500, json.dumps(check_response("", set(), set())))
        elif mode == "badjson":
            self._send(200, '{"software": {"name": "LanguageTool"}, "matches": [')
        else:
            disabled = set(filter(None, form.get("disabledRules", "").split(",")))
            categories = set(filter(None, form.get("disabledCategories", "").split(",")))
            answer = check_response(form.get("text", ""), disabled, categories)
            if mode == "zerolength":
                for match in answer["matches"]:
                    match["length"] = 0
            self._send(200, json.dumps(answer))
