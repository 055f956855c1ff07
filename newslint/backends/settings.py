"""LanguageTool's settings and failure: what the configuration and the linter need to know about
the backend without importing it (it is loaded only when LanguageTool is enabled)."""

from __future__ import annotations

from newslint.errors import NewslintError
from newslint.records import record

RULE_PREFIX = "languagetool"


@record(frozen=True)
class LanguageToolSettings:
    """The `languagetool:` section of the configuration."""

    enabled: bool = False
    language: str = "en-US"
    server: str | None = None  # a LanguageTool server's URL; None: a local LanguageTool (Java)
    proxy: str | None = None  # the HTTP proxy to reach it through; none unless named (not from the environment)
    disabled_rules: tuple[str, ...] = ()
    enabled_rules: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    picky: bool = False
    mother_tongue: str | None = None
    optional: bool = False  # unavailable LanguageTool: report it, but the run is not incomplete
    timeout: float = 30.0
    safe_categories: tuple[str, ...] = ()  # categories whose single replacement is a safe fix
    cache: bool = True


class LanguageToolUnavailable(NewslintError):
    """LanguageTool could not be reached or used; newslint's own rules still report."""

    def __init__(self, reason: str, optional: bool = False) -> None:
        self._init_args = (reason, optional)
        self.optional = optional
        super().__init__(f"LanguageTool unavailable: {reason}")
