"""How newslint talks to a LanguageTool server: only to the address configured, within the time
configured, and believing only a complete answer.

language-tool-python builds the requests (its parameters, its Match objects, its local server);
its transport is replaced here, because as it stands it would: ask /v2/languages at start-up with
no timeout of ours; follow HTTP_PROXY/HTTPS_PROXY from the environment, sending unpublished copy
to a proxy the user never named; and take an HTTP 500 with a JSON body for an answer. Here a
session ignores the environment (a proxy is used only when the configuration names one),
redirects are not followed (a POST redirected keeps its body), every request must be answered
within `timeout` seconds in all (not only per read: the answer is read as it arrives and the clock
checked between pieces, so that a server that trickles bytes is cut off too), and anything but a
200 with JSON is an error.
"""

from __future__ import annotations

import json
import time
from typing import Any

from newslint.backends.settings import LanguageToolSettings

MAX_ANSWER_BYTES = 64 * 1024 * 1024


class ServerError(Exception):
    """LanguageTool's server did not answer as LanguageTool does; the message says how."""


def client_class(settings: LanguageToolSettings) -> type:
    """language-tool-python's LanguageTool with newslint's transport, for these settings."""
    import language_tool_python
    import requests

    session = requests.Session()
    session.trust_env = False  # no proxy, .netrc or CA bundle from the environment
    proxies = {"http": settings.proxy, "https": settings.proxy} if settings.proxy else {}

    class Client(language_tool_python.LanguageTool):
        _TIMEOUT = settings.timeout

        def _query_server(self, url: str, params: Any = None, num_tries: int = 2, method: str = "get") -> Any:
            return query(session, url, params, method, settings.timeout, proxies)

    return Client


def _as_it_arrives(response: Any) -> Any:
    """The body in the pieces the network gives (urllib3 2's read1), so that the clock can be
    checked between them; in blocks of 64 KB with an older urllib3."""
    read1 = getattr(response.raw, "read1", None)
    if read1 is None:
        return response.iter_content(64 * 1024)
    return iter(lambda: read1(64 * 1024, decode_content=True), b"")


def query(session: Any, url: str, params: Any, method: str, timeout: float, proxies: dict[str, str]) -> Any:
    """The JSON of a 200 answer to one request, within `timeout` seconds from start to end."""
    deadline = time.monotonic() + timeout
    post = method.lower() == "post"
    response = session.request(
        "POST" if post else "GET",
        url,
        data=params if post else None,
        params=None if post else params,
        timeout=(timeout, timeout),
        proxies=proxies,
        allow_redirects=False,
        stream=True,
    )
    with response:
        if response.status_code != 200:
            raise ServerError(f"the server answered HTTP {response.status_code}")
        body = bytearray()
        for piece in _as_it_arrives(response):
            body += piece
            if time.monotonic() > deadline:
                raise TimeoutError(f"no complete answer within {timeout:g} s (timed out)")
            if len(body) > MAX_ANSWER_BYTES:
                raise ServerError("the server's answer is too long")
    try:
        return json.loads(body)
    except ValueError:
        raise ServerError("the server's answer is not LanguageTool's JSON") from None
