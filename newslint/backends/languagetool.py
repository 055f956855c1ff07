"""LanguageTool as an optional backend: grammar and spelling findings beside newslint's own.

One LanguageTool for the whole run, started on first use and closed at exit: a server the
newsroom runs (`server: URL`), or a local LanguageTool that `language-tool-python` starts (it
needs Java 17+ and its LanguageTool download). Copy is confidential before publication, so text
goes only to the server the user configured; the public LanguageTool API is never a default.

Paragraphs are sent in batches within LanguageTool's size limits, and results are cached by
paragraph text, language and settings, in memory and (unless --no-cache) in .newslint_cache/,
so that an unchanged paragraph is never sent twice. LanguageTool counts UTF-16 code units;
the offsets are converted to code points here.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import re
import shutil
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from newslint import cachefiles
from newslint.backends.lt_client import ServerError, client_class
from newslint.backends.settings import LanguageToolSettings, LanguageToolUnavailable
from newslint.cache import mark_as_cache
from newslint.document import Document
from newslint.records import asdict
from newslint.spans import Span

BATCH_CHARACTERS = 10_000  # under the 20 KB a LanguageTool server accepts by default
MINIMUM_CLIENT = (3, 4)  # language-tool-python: older releases send the copy in the URL (GET)
RETRY_SECONDS = 60.0  # after a failure, how long documents are reported unchecked before a retry


class Match(NamedTuple):
    """One LanguageTool match, in code points of the text it was found in."""

    start: int
    end: int
    rule: str
    category: str
    message: str
    replacements: tuple[str, ...]


class LanguageToolBackend:
    """A connection to one LanguageTool for the whole run."""

    def __init__(self, settings: LanguageToolSettings, cache_folder: Path | None = None) -> None:
        self.settings = settings
        self._cache_folder = cache_folder if settings.cache else None
        self._memory: dict[str, list[Match]] = {}
        self._tool: Any = None
        self._failure: LanguageToolUnavailable | None = None
        self._failed_at = 0.0
        self.requests = 0  # /v2/check requests sent (the tests count them)

    # --- the connection -----------------------------------------------------------------------

    def _connect(self) -> Any:
        if self._tool is not None:
            return self._tool
        try:
            import language_tool_python  # noqa: F401 - installed at all?
        except ImportError:
            raise self._unavailable(
                "language-tool-python is not installed (pip install 'newslint[languagetool]')"
            ) from None
        installed = _version("language_tool_python")
        if installed is not None and installed < MINIMUM_CLIENT:
            raise self._unavailable(
                f"language-tool-python {'.'.join(map(str, installed))} is too old: 3.4 or newer sends the copy"
                " in the request body, not in the URL (pip install -U 'newslint[languagetool]')"
            )
        settings = self.settings
        if settings.server is None and shutil.which("java") is None:
            raise self._unavailable(
                "Java is not installed (a local LanguageTool needs Java 17+); or set languagetool.server"
            )
        try:
            client = client_class(settings)  # its transport: see lt_client.py
            if settings.server is not None:
                tool = client(settings.language, remote_server=settings.server)
            else:
                tool = client(settings.language)
        except Exception as error:  # noqa: BLE001 - whatever stops LanguageTool, the run goes on
            local = "cannot start a local LanguageTool: " if settings.server is None else ""
            raise self._unavailable(local + _describe(error)) from None
        tool.disabled_rules = set(settings.disabled_rules)
        tool.enabled_rules = set(settings.enabled_rules)
        tool.disabled_categories = set(settings.disabled_categories)
        tool.picky = settings.picky
        if settings.mother_tongue:
            tool.mother_tongue = settings.mother_tongue
        self._tool = tool
        return tool

    def close(self) -> None:
        if self._tool is not None:
            self._tool.close()
            self._tool = None

    def _unavailable(self, reason: str) -> LanguageToolUnavailable:
        where = f" ({self.settings.server})" if self.settings.server and self.settings.server not in reason else ""
        self._failure = LanguageToolUnavailable(reason + where, self.settings.optional)
        self._failed_at = time.monotonic()
        return self._failure

    # --- checking -----------------------------------------------------------------------------

    def check(self, doc: Document) -> list[Match]:
        """Matches in doc.text coordinates. Raises LanguageToolUnavailable when LanguageTool
        failed: for every document, so that none passes for fully checked, but without trying
        again (and waiting for another timeout) until RETRY_SECONDS have passed."""
        if self._failure is not None:
            if time.monotonic() - self._failed_at < RETRY_SECONDS:
                # A new exception each time: re-raising one object would grow its traceback.
                raise LanguageToolUnavailable(*self._failure._init_args)
            self._failure = None
        paragraphs = [span for span in _units(doc) if doc.text[span.start : span.end].strip()]
        texts = [doc.text[span.start : span.end] for span in paragraphs]
        results = {text: cached for text in texts if (cached := self._cached(text)) is not None}
        missing = list(dict.fromkeys(text for text in texts if text not in results))
        for batch in _batches(missing):
            results.update(self._send(batch))
        matches = []
        for span, text in zip(paragraphs, texts):
            matches.extend(
                match._replace(start=match.start + span.start, end=match.end + span.start) for match in results[text]
            )
        return matches

    def _send(self, texts: Sequence[str]) -> dict[str, list[Match]]:
        """Check a batch of paragraphs in one request; split the matches back per paragraph."""
        tool = self._connect()
        joined = "\n\n".join(texts)
        try:
            self.requests += 1
            raw = tool.check(joined)
            matches = [_match(joined, item) for item in raw]
        except Exception as error:  # noqa: BLE001 - timeouts, HTTP errors, bad JSON: report, go on
            raise self._unavailable(_describe(error)) from None
        results: dict[str, list[Match]] = {}
        offset = 0
        for text in texts:
            inside = [
                m._replace(start=m.start - offset, end=m.end - offset)
                for m in matches
                if offset <= m.start and m.end <= offset + len(text)
            ]
            results[text] = inside
            self._store(text, inside)
            offset += len(text) + 2
        return results

    # --- the cache ------------------------------------------------------------------------------

    def _key(self, text: str) -> str:
        settings = asdict(self.settings) | {"cache": None, "optional": None, "timeout": None, "proxy": None}
        return hashlib.sha256(json.dumps([text, settings], sort_keys=True).encode()).hexdigest()

    def _cached(self, text: str) -> list[Match] | None:
        key = self._key(text)
        if key in self._memory:
            return self._memory[key]
        folder = self._folder(create=False)
        payload = cachefiles.read_entry(folder, f"{key}.json") if folder is not None else None
        if payload is None:
            return None
        try:
            matches = [_stored_match(item, len(text)) for item in json.loads(payload)]
        except (ValueError, TypeError, RecursionError):
            return None
        self._memory[key] = matches
        return matches

    def _store(self, text: str, matches: list[Match]) -> None:
        key = self._key(text)
        self._memory[key] = matches
        folder = self._folder(create=True)
        if folder is not None:
            cachefiles.write_entry(folder, f"{key}.json", json.dumps([list(match) for match in matches]).encode())

    def _folder(self, create: bool) -> str | None:
        """The cache folder, when it is a real folder of this user's (see cachefiles.py)."""
        if self._cache_folder is None:
            return None
        root = self._cache_folder.parent
        if create and not mark_as_cache(root):
            return None
        return cachefiles.own_folder(root.parent, root.name, self._cache_folder.name, create=create)


def _stored_match(item: object, length: int) -> Match:
    """A match from the cache, or ValueError when it is not one LanguageTool could have given
    for a text of this length."""
    if not isinstance(item, list) or len(item) != 6:
        raise ValueError("not a match")
    start, end, rule, category, message, replacements = item
    if not (type(start) is int and type(end) is int and 0 <= start <= end <= length):
        raise ValueError("outside the text")
    texts = [rule, category, message]
    if not (all(isinstance(value, str) for value in texts) and isinstance(replacements, list)):
        raise ValueError("not a match")
    if not all(isinstance(replacement, str) for replacement in replacements):
        raise ValueError("not a replacement")
    return Match(start, end, rule, category, message, tuple(replacements))


def _version(distribution: str) -> tuple[int, ...] | None:
    """(major, minor) of an installed distribution; None when it cannot be told (a vendored
    copy without metadata), which is not held against it."""
    try:
        release = importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None
    numbers = re.findall(r"\d+", release)[:2]
    return tuple(int(number) for number in numbers) or None


def _match(text: str, item: Any) -> Match:
    """A language-tool-python Match as code points: its offset is converted already, its length
    (UTF-16 code units) is converted here. What the server said is checked like any input: a
    match outside the text, or of another shape, is an answer that is not LanguageTool's."""
    start, length = item.offset, item.error_length
    if type(start) is not int or type(length) is not int or not (0 <= start <= len(text)) or length < 0:
        raise ValueError(f"a match outside the text (offset {start!r}, length {length!r})")
    texts = (item.rule_id, item.category, item.message, *item.replacements)
    if not all(isinstance(value, str) for value in texts):
        raise ValueError("a match that is not text")
    end, units = start, 0
    while units < length and end < len(text):
        units += 2 if ord(text[end]) > 0xFFFF else 1
        end += 1
    rule, category, message, *replacements = (_well_formed(value) for value in texts)
    return Match(start, end, rule, category, message, tuple(replacements))


def _well_formed(text: str) -> str:
    """JSON may carry lone surrogates ("\\ud800"); no output format can hold them."""
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _units(doc: Document) -> list[Span]:
    """What is sent and cached: paragraphs; one longer than a request may be is cut after its
    sentences (a sentence longer than that, after a space), each piece under BATCH_CHARACTERS."""
    units = []
    for paragraph in doc.paragraphs:
        start = paragraph.start
        while paragraph.end - start > BATCH_CHARACTERS:
            limit = start + BATCH_CHARACTERS
            ends = [s.end for s in doc.sentences if start < s.end <= limit and s.start >= paragraph.start]
            cut = ends[-1] if ends else (doc.text.rfind(" ", start + 1, limit) + 1 or limit)
            units.append(Span(start, cut))
            start = cut
        units.append(Span(start, paragraph.end))
    return units


def _batches(texts: Iterable[str]) -> Iterable[list[str]]:
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and size + len(text) > BATCH_CHARACTERS:
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += len(text) + 2
    if batch:
        yield batch


def _describe(error: BaseException) -> str:
    """One line about what went wrong, without a traceback's worth of detail."""
    text = " ".join(str(error).split())
    if isinstance(error, ServerError):
        return text
    if "NameResolutionError" in text or "Name or service not known" in text or "getaddrinfo" in text:
        host = re.search(r"host='([^']+)'", text)
        return f"cannot reach {host.group(1) if host else 'the host'} (no network, or an unknown host name)"
    if "Connection refused" in text or "NewConnectionError" in text or "Failed to establish" in text:
        return "cannot connect (connection refused)"
    if "timed out" in text.lower():
        return "no answer in time (timeout)"
    if "<html" in text.lower():
        text = re.sub(r"<[^>]+>", " ", text)
        return "the server answered with an error page: " + " ".join(text.split())[:120]
    if text.startswith("{") or "JSON" in text or "Expecting" in text:
        return "the server's answer is not LanguageTool's JSON"
    if isinstance(error, (KeyError, TypeError, ValueError)):
        return f"unexpected answer from the server ({type(error).__name__}: {text[:80]})"
    return (text or type(error).__name__)[:200]
