"""XLIFF 1.2 (`<trans-unit>`) and 2.0 (`<unit>`, `<segment>`): the `<source>` and `<target>`
of each unit, with their exact places in the file.

Read with the standard library's expat, which reports where every piece of text stands, so that
positions are exact: an entity (`&amp;`) or a character reference stands for its character, and
inline codes (`<x/>`, `<ph>...</ph>`, `<sc/>`) for a placeholder; the text inside `<g>`, `<pc>`
and `<mrk>` is prose. The file is never trusted: a DTD that declares entities, an external
entity or an entity from a DTD newslint does not read is refused before anything is expanded,
and nothing is ever fetched.
"""

from __future__ import annotations

from xml.parsers import expat

from newslint.bitext.document import BilingualDocument
from newslint.bitext.readers.sides import Sides
from newslint.errors import InputError
from newslint.formats.prose import PLACEHOLDER
from newslint.records import field, record

_UNIT_ELEMENTS = {"1": "trans-unit", "2": "unit"}
_PROSE_ELEMENTS = frozenset({"g", "mrk", "pc"})  # their content is text of the segment
_MARKERS = frozenset({"sm", "em"})  # empty: mark a span, stand for nothing


class _Refused(Exception):
    """Something in the file that newslint will not process (an entity declaration ...)."""


@record
class _Event:
    kind: str  # "start", "end", "text"
    byte: int
    name: str = ""
    attributes: dict[str, str] = field(default_factory=dict)
    text: str = ""


@record
class _Segment:
    unit_id: str
    target_at: int
    source: list[tuple[str, int, int]] = field(default_factory=list)
    target: list[tuple[str, int, int]] = field(default_factory=list)
    has_target: bool = False


def read(file_text: str, path: str, language: str | None = None) -> BilingualDocument:
    data = file_text.encode("utf-8")
    events = _events(data, path)
    offsets = _CharOffsets(data)
    version, file_language, segments = _segments(events, data, offsets, path)
    sides = Sides(file_text)
    for segment in segments:
        sides.begin(segment.unit_id, segment.target_at)
        for side, pieces in (("source", segment.source), ("target", segment.target)):
            for text, start, end in pieces:
                sides.add(side, text, start, end)
        sides.end()
    return sides.document(path, language or file_language, writable)


def writable(replacement: str) -> bool:
    """Text that can stand in XML as it is, without markup or references."""
    return "<" not in replacement and "&" not in replacement


def _events(data: bytes, path: str) -> list[_Event]:
    """The elements and text of the file, in order, each with its byte offset."""
    parser = expat.ParserCreate(encoding="UTF-8", namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    events: list[_Event] = []

    def refuse_entity(name, *_):
        raise _Refused(
            f"declares an entity ({name!r}): entity declarations are refused (expansion bombs, external files)"
        )

    def refuse_external(*_):
        raise _Refused("refers to an external entity: refused, nothing is fetched")

    def refuse_skipped(name, *_):
        raise _Refused(f"uses the entity &{name}; from a DTD that newslint does not read")

    parser.EntityDeclHandler = refuse_entity
    parser.UnparsedEntityDeclHandler = refuse_entity
    parser.ExternalEntityRefHandler = refuse_external
    parser.SkippedEntityHandler = refuse_skipped
    parser.StartElementHandler = lambda name, attributes: events.append(
        _Event("start", parser.CurrentByteIndex, _local(name), {_local(k): v for k, v in attributes.items()})
    )
    parser.EndElementHandler = lambda name: events.append(_Event("end", parser.CurrentByteIndex, _local(name)))
    parser.CharacterDataHandler = lambda text: events.append(_Event("text", parser.CurrentByteIndex, text=text))
    parser.StartCdataSectionHandler = lambda: events.append(_Event("cdata", parser.CurrentByteIndex))
    parser.EndCdataSectionHandler = lambda: events.append(_Event("cdata", parser.CurrentByteIndex))
    try:
        parser.Parse(data, True)
    except _Refused as refused:
        raise InputError(path, str(refused)) from None
    except expat.ExpatError as error:
        message = expat.ErrorString(error.code)
        raise InputError(
            path, f"not well-formed XML: {message} (line {error.lineno}, column {error.offset + 1})"
        ) from None
    return events


def _local(name: str) -> str:
    """An element's name without its namespace ("urn:...:xliff:2.0 unit" -> "unit")."""
    return name.rpartition(" ")[2]


class _CharOffsets:
    """Byte offsets of the UTF-8 file to code-point offsets, asked for in increasing order."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._byte = 0
        self._char = 0

    def __call__(self, byte: int) -> int:
        if byte < self._byte:
            self._byte, self._char = 0, 0
        self._char += len(self._data[self._byte : byte].decode("utf-8"))
        self._byte = byte
        return self._char


def _segments(events: list[_Event], data: bytes, offsets: _CharOffsets, path: str):
    """(XLIFF major version, source language, segments) of the file."""
    if not events or events[0].kind != "start" or events[0].name != "xliff":
        raise InputError(path, "not an XLIFF file (the root element is not <xliff>)")
    root = events[0].attributes
    version = root.get("version", "")[:1]
    if version not in _UNIT_ELEMENTS:
        raise InputError(path, f"XLIFF version {root.get('version', '?')!r} is not supported (1.2 and 2.0 are)")
    walk = _Walk(version, data, offsets, root.get("srcLang"))
    for index, event in enumerate(events):
        next_byte = events[index + 1].byte if index + 1 < len(events) else len(data)
        if event.kind == "start":
            walk.start(event, next_byte)
        elif event.kind == "end":
            walk.end(event, next_byte)
        elif event.kind == "text":
            walk.text(event, next_byte)
    return version, walk.language, walk.segments


class _Walk:
    """The segments of an XLIFF file, gathered element by element. In 1.2 a <trans-unit> is one
    segment and its <source>/<target> are its children; in 2.0 a <unit> holds <segment>s, whose
    children they are. Inside them, inline codes stand for one placeholder each."""

    def __init__(self, version: str, data: bytes, offsets: _CharOffsets, language: str | None) -> None:
        self.version = version
        self.unit_element = _UNIT_ELEMENTS[version]
        self.side_depth = 1 if version == "1" else 2  # how deep <source>/<target> stand in a unit
        self.data = data
        self.offsets = offsets
        self.language = language
        self.segments: list[_Segment] = []
        self.unit_id: str | None = None
        self.skipped = False  # translate="no"
        self.current: _Segment | None = None
        self.side: str | None = None  # "source" or "target" while inside one
        self.depth = 0  # elements open inside the unit
        self.code_depth = 0  # > 0 inside an inline code (<ph>...</ph>): its text is no prose
        self.code_start = 0

    def start(self, event: _Event, next_byte: int) -> None:
        if event.name == "file" and self.language is None:
            self.language = event.attributes.get("source-language")
        if event.name == self.unit_element and self.unit_id is None:
            self.unit_id = event.attributes.get("id", str(len(self.segments) + 1))
            self.skipped = event.attributes.get("translate") == "no"
            self.depth = 0
            if self.version == "1":
                self.current = _Segment(self.unit_id, self.offsets(next_byte))
            return
        if self.unit_id is None or self.skipped:
            return
        self.depth += 1
        if self.version == "2" and event.name == "segment" and self.depth == 1:
            self.current = _Segment(self.unit_id, self.offsets(next_byte))
        elif self.side is None and event.name in ("source", "target") and self.depth == self.side_depth:
            self.side = event.name
            if self.side == "target" and self.current is not None:
                self.current.has_target = True
                self.current.target_at = self.offsets(next_byte)
        elif self.code_depth:
            self.code_depth += 1
        elif self.side is not None and event.name not in _PROSE_ELEMENTS:
            self.code_depth = 1
            self.code_start = self.offsets(event.byte)

    def end(self, event: _Event, next_byte: int) -> None:
        if self.unit_id is None:
            return
        if event.name == self.unit_element and self.depth == 0:
            if self.version == "1" and self.current is not None and not self.skipped:
                self.segments.append(self.current)
            self.unit_id, self.current, self.skipped = None, None, False
            return
        if self.skipped:
            return
        if self.code_depth:
            self.code_depth -= 1
            if self.code_depth == 0 and event.name not in _MARKERS:
                self._add(PLACEHOLDER, self.code_start, self.offsets(_element_end(self.data, event.byte)))
        elif self.side is not None and event.name == self.side and self.depth == self.side_depth:
            if self.current is not None and self.side == "source" and not self.current.has_target:
                self.current.target_at = self.offsets(next_byte)  # where a missing target would go
            self.side = None
        elif self.version == "2" and event.name == "segment" and self.depth == 1 and self.current is not None:
            self.segments.append(self.current)
            self.current = None
        self.depth -= 1

    def text(self, event: _Event, next_byte: int) -> None:
        if self.code_depth == 0:
            self._add(event.text, self.offsets(event.byte), self.offsets(next_byte))

    def _add(self, text: str, start: int, end: int) -> None:
        if self.current is not None and self.side is not None:
            getattr(self.current, self.side).append((text, start, end))


def _element_end(data: bytes, end_event_byte: int) -> int:
    """The byte after an element whose end event is at `end_event_byte`: after its end tag
    ("</ph>"), or right there for an empty element ("<x/>": the event comes after it)."""
    if data.startswith(b"</", end_event_byte):
        return data.index(b">", end_event_byte) + 1
    return end_event_byte
