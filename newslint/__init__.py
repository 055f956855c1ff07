"""newslint: a linter for news copy and the slips machine translation leaves in it."""

__version__ = "0.1.0"

from newslint.api import Report, lint_paths, lint_text, lint_translation  # noqa: E402
from newslint.config import Config  # noqa: E402
from newslint.findings import Finding, Fix  # noqa: E402
from newslint.rules import load_rules  # noqa: E402

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
