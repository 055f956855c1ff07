"""YAML that remembers where each mapping, key and list item stood, for error messages.

Every YAML newslint reads (rule files, configuration, Markdown front matter) goes through one
loader: safe tags only, YAML 1.2 booleans, and a limit on nesting, so that a hostile file gets
a one-line error instead of exhausting the interpreter's stack. Events come from libyaml when
PyYAML has it (ten times faster); the nodes are composed in Python, where the nesting can be
counted. A parsed document can be kept as plain data (to_plain, from_plain: see packs_memo.py).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from newslint import digests
from newslint.errors import RuleFileError

MAX_DEPTH = 64  # mappings and lists inside each other; rule files and configs need a handful


class LocatedDict(dict):
    """A mapping from a YAML file with the 1-based line of itself and of each key."""

    line: int = 0
    key_lines: dict[str, int]


class LocatedList(list):
    """A sequence from a YAML file with the 1-based line of itself and of each item."""

    line: int = 0
    item_lines: list[int]


@lru_cache(maxsize=1)
def _loader() -> Any:
    """The YAML loader, built on first use (plain-text runs without a config never import yaml)."""
    import yaml
    from yaml.composer import Composer, ComposerError

    class DepthLimitedComposer(Composer):
        """Composes nodes as PyYAML does, refusing nesting deeper than MAX_DEPTH."""

        _depth = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self._depth >= MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise ComposerError(None, None, f"nested deeper than {MAX_DEPTH} levels", mark)
            self._depth += 1
            try:
                return super().compose_node(parent, index)
            finally:
                self._depth -= 1

    try:
        from yaml.cyaml import CParser as EventSource  # libyaml: scanning and parsing in C
    except ImportError:  # PyYAML built without libyaml

        class EventSource(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):  # type: ignore[no-redef]
            def __init__(self, stream: str) -> None:
                yaml.reader.Reader.__init__(self, stream)
                yaml.scanner.Scanner.__init__(self)
                yaml.parser.Parser.__init__(self)

    class Loader(EventSource, DepthLimitedComposer, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
        """Safe tags, YAML 1.2 booleans (`no`, `on` and `off` stay words), bounded nesting."""

        # libyaml's parser would compose the nodes itself, without a limit: use the composer above.
        check_node = DepthLimitedComposer.check_node
        get_node = DepthLimitedComposer.get_node
        get_single_node = DepthLimitedComposer.get_single_node

        def __init__(self, stream: str) -> None:
            EventSource.__init__(self, stream)
            DepthLimitedComposer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

    Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    Loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )

    def construct_mapping(loader: Any, node: Any) -> LocatedDict:
        loader.flatten_mapping(node)
        mapping = LocatedDict()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain value", key_node.start_mark
                )
            if key in mapping:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            mapping[key] = loader.construct_object(value_node, deep=True)
            mapping.key_lines[str(key)] = key_node.start_mark.line + 1
        return mapping

    def construct_sequence(loader: Any, node: Any) -> LocatedList:
        sequence = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
        sequence.line = node.start_mark.line + 1
        sequence.item_lines = [child.start_mark.line + 1 for child in node.value]
        return sequence

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, construct_sequence)
    return Loader


def parse_yaml(text: str) -> Any:
    """Parse YAML text with the loader above; raises yaml.YAMLError (never RecursionError)."""
    import yaml

    return yaml.load(text, Loader=_loader())  # noqa: S506 - a SafeLoader-equivalent class


def load_yaml(text: str, path: str) -> Any:
    """Parse YAML text; a syntax error becomes a RuleFileError naming the file and line."""
    import yaml

    try:
        return parse_yaml(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        problem = error.problem or str(error)
        raise RuleFileError(path, line, None, f"invalid YAML: {problem}") from None
    except yaml.YAMLError as error:
        raise RuleFileError(path, None, None, f"invalid YAML: {' '.join(str(error).split())}") from None


def text_key(text: str) -> str:
    """What the packs memo knows a rule file's text by."""
    return digests.hexdigest(text.encode("utf-8", "surrogatepass"))


def remembered_yaml(text: str, path: str) -> Any:
    """load_yaml, or what it gave for this very text while the built-in packs loaded before
    (see packs_memo.py): the packs are then not parsed again."""
    from newslint.packs_memo import MEMO

    remembered = MEMO.recall("documents", text_key(text), lambda: to_json(load_yaml(text, path)))
    try:
        return from_plain(json.loads(remembered))
    except (ValueError, RecursionError):  # a remembered document of another shape: parse the text
        return load_yaml(text, path)


def to_json(document: Any) -> str:
    """A parsed document as the packs memo keeps it: JSON text, which reads back faster than the
    same data nested in the memo's own JSON, and is decoded only for the rules that are built."""
    return json.dumps(to_plain(document), ensure_ascii=False)


# Plain data for a parsed document: a mapping is {"m": [[key, value, line], ...], "l": line}, a
# list {"s": [items], "l": line, "i": [item lines]}; scalars are themselves. A value JSON has no
# form for (a date, bytes) is kept as {"unknown": null}, which from_plain refuses: the file is
# then parsed again.
_SCALARS = (str, int, float, bool, type(None))


def to_plain(value: Any) -> Any:
    if isinstance(value, LocatedDict):
        return {"m": [[key, to_plain(item), value.key_lines[str(key)]] for key, item in value.items()], "l": value.line}
    if isinstance(value, LocatedList):
        return {"s": [to_plain(item) for item in value], "l": value.line, "i": value.item_lines}
    if isinstance(value, _SCALARS):
        return value
    from datetime import date  # here: no built-in rule has a date (see structure._written)

    if type(value) is date:  # `since: 2022-04-01` in a rule (a datetime is not kept)
        return {"date": value.isoformat()}
    return {"unknown": None}


def from_plain(value: Any, depth: int = 0) -> Any:
    """The document to_plain described; ValueError for anything it cannot have written."""
    if isinstance(value, _SCALARS):
        return value
    if depth > MAX_DEPTH or not isinstance(value, dict):
        raise ValueError("not a document")
    if set(value) == {"date"} and isinstance(value["date"], str):
        from datetime import date

        return date.fromisoformat(value["date"])  # ValueError for anything else
    if set(value) == {"m", "l"} and isinstance(value["m"], list) and type(value["l"]) is int:
        mapping = LocatedDict()
        mapping.line, mapping.key_lines = value["l"], {}
        for entry in value["m"]:
            if not (isinstance(entry, list) and len(entry) == 3 and type(entry[2]) is int):
                raise ValueError("not a mapping entry")
            key, item, line = entry
            if not isinstance(key, (str, int, float, bool)) or key in mapping:
                raise ValueError("not a mapping key")
            mapping[key] = from_plain(item, depth + 1)
            mapping.key_lines[str(key)] = line
        return mapping
    if set(value) == {"s", "l", "i"} and isinstance(value["s"], list) and type(value["l"]) is int:
        lines = value["i"]
        if not (isinstance(lines, list) and len(lines) == len(value["s"]) and all(type(n) is int for n in lines)):
            raise ValueError("not a list's lines")
        sequence = LocatedList(from_plain(item, depth + 1) for item in value["s"])
        sequence.line, sequence.item_lines = value["l"], lines
        return sequence
    raise ValueError("not a document")
