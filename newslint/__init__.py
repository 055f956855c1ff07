"""newslint: a linter for news copy and the slips machine translation leaves in it.

The public API is imported on first use (PEP 562), so that `import newslint.console` -- the
command's entry point -- can tune the process before the linter itself is imported.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from newslint.api import Report, lint_paths, lint_text, lint_translation
    from newslint.config import Config
    from newslint.findings import Finding, Fix
    from newslint.rules import load_rules

_EXPORTS = {
    "Config": "newslint.config",
    "Finding": "newslint.findings",
    "Fix": "newslint.findings",
    "Report": "newslint.api",
    "lint_paths": "newslint.api",
    "lint_text": "newslint.api",
    "lint_translation": "newslint.api",
    "load_rules": "newslint.rules",
}

__all__ = [
    "Config",
    "Finding",
    "Fix",
    "Report",
    "__version__",
    "lint_paths",
    "lint_text",
    "lint_translation",
    "load_rules",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'newslint' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
