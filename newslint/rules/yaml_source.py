"""YAML that remembers where each mapping, key and list item stood, for error messages."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from newslint.errors import RuleFileError


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
    """The YAML loader, built on first use: a run that finds its rules cached never imports yaml."""
    import yaml

    class Loader(yaml.SafeLoader):
        """SafeLoader with YAML 1.2 booleans: `no`, `on` and `off` stay strings (they are words)."""

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


def load_yaml(text: str, path: str) -> Any:
    """Parse YAML text; a syntax error becomes a RuleFileError naming the file and line."""
    import yaml

    try:
        return yaml.load(text, Loader=_loader())  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        problem = error.problem or str(error)
        raise RuleFileError(path, line, None, f"invalid YAML: {problem}") from None
    except yaml.YAMLError as error:
        raise RuleFileError(path, None, None, f"invalid YAML: {error}") from None
