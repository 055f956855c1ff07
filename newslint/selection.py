"""--select / --ignore: choosing rules by id or dotted prefix, the most specific selector winning."""

from __future__ import annotations

from collections.abc import Sequence

from newslint.errors import NewslintError
from newslint.rules.base import Rule


def selector_matches(rule_id: str, selector: str) -> bool:
    """`punct` matches `punct.doubled` and `punct`; it does not match `punctuation.x`."""
    return rule_id == selector or rule_id.startswith(selector + ".")


def _check_known(rules: Sequence[Rule], selectors: Sequence[str], option: str) -> None:
    for selector in selectors:
        if not any(selector_matches(rule.id, selector) for rule in rules):
            raise NewslintError(f"{option}: no rule is called or starts with {selector!r} (see --list-rules)")


def _specificity(rule_id: str, selectors: Sequence[str]) -> int:
    """Length of the longest selector that matches the rule, -1 when none does."""
    return max((len(s) for s in selectors if selector_matches(rule_id, s)), default=-1)


def choose_rules(rules: Sequence[Rule], select: Sequence[str] | None, ignore: Sequence[str] = ()) -> list[Rule]:
    """The rules to run. Without `select`, the default rules; a rule both selected and ignored
    follows the more specific selector (`--select punct --ignore punct.doubled` drops one rule)."""
    _check_known(rules, select or (), "--select")
    _check_known(rules, ignore, "--ignore")
    chosen = []
    for rule in rules:
        selected = _specificity(rule.id, select) if select is not None else (0 if rule.info.default else -1)
        ignored = _specificity(rule.id, ignore)
        if selected >= 0 and selected > ignored:
            chosen.append(rule)
    return chosen
