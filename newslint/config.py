"""Run settings: which rules, from where. (Config files come with the toolchain issue.)"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newslint.rules.base import Rule
from newslint.rules.loader import RuleSet, load_rules
from newslint.selection import choose_rules


@dataclass(frozen=True)
class Config:
    """What a run checks. Frozen and hashable, so that loaded rules can be cached per config."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()  # extra rule files or folders
    builtin_rules: bool = True


@lru_cache(maxsize=8)
def rule_set(extra: tuple[str, ...] = (), builtin: bool = True) -> RuleSet:
    return load_rules(extra, builtin=builtin)


def active_rules(config: Config) -> list[Rule]:
    """The rules a config selects, loaded once per process."""
    return _active_rules(config)


@lru_cache(maxsize=8)
def _active_rules(config: Config) -> list[Rule]:
    return choose_rules(list(rule_set(config.rules, config.builtin_rules)), config.select, config.ignore)
