"""The `regex` module, imported only when a run needs more than its C engine.

Importing `regex` runs its pattern parser's module (regex._regex_core): ~7 ms of a ~85 ms
start-up. A run whose patterns are all rebuilt from the packs memo's compiled programs
(regex_programs.py) needs only the C engine, which is loaded here alone. newslint's modules
import this one as `regex`: the flags they name at import time and `escape` are here, and any
other name (compile, error, finditer, sub ...) is the real module's, imported on first use. The
C engine imports the rest itself when it needs it (an error, a replacement template).
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

# regex's flags, as its module defines them (tests/test_lazy_regex.py holds them to it).
ASCII = 0x80
IGNORECASE = 0x2
MULTILINE = 0x8
DOTALL = 0x10
VERBOSE = 0x40
REVERSE = 0x400
WORD = 0x800

_METACHARS = frozenset("()[]{}?*+|^$\\.-#&~")  # what regex.escape escapes, besides white space


def escape(pattern: str) -> str:
    """regex.escape(pattern) for a str, its default options: the module-level patterns built
    with it need not import the parser."""
    return "".join(map(escape_character, pattern))


def escape_character(char: str) -> str:
    """escape() of one character, without a generator and a join (a word list's trie escapes
    each of its characters alone: see regexes.literal_alternation)."""
    return f"\\{char}" if char in _METACHARS or char.isspace() else char


def _engine_alone() -> ModuleType | None:
    """regex's C engine (regex._regex), loaded without the package around it; None when it
    cannot be found so (a regex laid out otherwise: then patterns are compiled as usual)."""
    loaded = sys.modules.get("regex._regex")
    if loaded is not None:
        return loaded
    from importlib.machinery import ExtensionFileLoader, PathFinder
    from importlib.util import find_spec, module_from_spec

    try:
        package = find_spec("regex")  # found, not imported
        spec = PathFinder.find_spec("regex._regex", package.submodule_search_locations) if package else None
        if spec is None or not isinstance(spec.loader, ExtensionFileLoader):
            return None
        engine = module_from_spec(spec)
        spec.loader.exec_module(engine)  # the import protocol's second step (a no-op for single-phase init)
    except (ImportError, ValueError, OSError):
        return None
    # Where `import regex` looks for it: the package then uses this very engine.
    return sys.modules.setdefault("regex._regex", engine)


ENGINE = _engine_alone()


def __getattr__(name: str) -> Any:
    """Any other name is the real module's, imported now; looked up there each time, so that
    what is set on the module (a test's stand-in) is seen here too. Not a dunder name: the
    import system asks for __path__, which the real package has and this module has not."""
    if name.startswith("__"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import regex

    if ENGINE is not None and not hasattr(regex, "_regex"):
        regex._regex = ENGINE  # what `import regex` sets when it loads the engine itself
    return getattr(regex, name)
