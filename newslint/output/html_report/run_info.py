"""What a report says about its run: the version, the time, and the settings that decided
which findings there are (so that a report read a week later can be trusted or questioned)."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit, urlunsplit

from newslint import __version__
from newslint.config import Config


def run_facts(config: Config | None, started: float | None) -> list[tuple[str, str]]:
    """(label, value) pairs, in the order a reader wants them; `started` in seconds since the epoch,
    shown in local time."""
    facts = [("newslint", __version__)]
    if started is not None:
        facts.append(("Run", datetime.fromtimestamp(started).astimezone().isoformat(sep=" ", timespec="seconds")))
    if config is None:
        return facts
    facts.append(("Configuration", config.path or "none (built-in defaults)"))
    rules = ["built-in rules"] if config.builtin_rules else []
    rules.extend(config.rules)
    facts.append(("Rule files", ", ".join(rules) or "none"))
    facts.append(("Select", ", ".join(config.select) if config.select is not None else "every default rule"))
    optional = (
        ("Ignore", ", ".join(config.ignore)),
        ("Levels", ", ".join(f"{rule}: {level}" for rule, level in config.levels)),
        ("Accepted terms", ", ".join(config.accept)),
        ("Preferred forms", ", ".join(f"{rule}: {form}" for rule, form in config.prefer)),
        ("Excluded", ", ".join(config.exclude)),
    )
    facts.extend((label, value) for label, value in optional if value)
    facts.append(("Fail level", config.fail_level))
    facts.append(("LanguageTool", _languagetool(config)))
    return facts


def _languagetool(config: Config) -> str:
    settings = config.languagetool
    if not settings.enabled:
        return "off"
    where = _without_credentials(settings.server) if settings.server else "a local LanguageTool"
    return f"{where} ({settings.language})"


def _without_credentials(url: str) -> str:
    """A server's address as a report may show it: a user name or password in it left out."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))
