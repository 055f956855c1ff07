"""--select / --ignore: choosing rules by id or dotted prefix, the most specific selector winning."""

from __future__ import annotations

from collections.abc import Sequence

from newslint.errors import NewslintError
from newslint.rules.base import Rule


def selector_matches(rule_id: str, selector: str) -> bool:
    """`punct` matches `punct.doubled` and `punct`; it does not match `punctuation.x`."""
    return rule_id == selector or rule_id.startswith(selector + ".")


def _check_known(rules: Sequence[Rule], selectors: Sequence[str], option: str, also_known: Sequence[str]) -> None:
    for selector in selectors:
        known = any(selector_matches(rule.id, selector) for rule in rules) or any(
            selector_matches(selector, prefix) for prefix in also_known
        )
        if not known:
            raise NewslintError(f"{option}: no rule is called or starts with {selector!r} (see --list-rules)")


def _specificity(rule_id: str, selectors: Sequence[str]) -> int:
    """Length of the longest selector that matches the rule, -1 when none does."""
    return max((len(s) for s in selectors if selector_matches(rule_id, s)), default=-1)


def is_selected(rule_id: str, select: Sequence[str] | None, ignore: Sequence[str], default: bool = True) -> bool:
    """Whether a rule runs: without `select`, if it is a default rule; a rule both selected and
    ignored follows the more specific selector (`--select punct --ignore punct.doubled`)."""
    selected = _specificity(rule_id, select) if select is not None else (0 if default else -1)
    return selected >= 0 and selected > _specificity(rule_id, ignore)


def family_selected(prefix: str, select: Sequence[str] | None, ignore: Sequence[str]) -> bool:
    """Whether any finding `prefix.X` may be selected (languagetool: worth asking at all)."""
    if any(selector_matches(selector, prefix) and selector != prefix for selector in select or ()):
        return True  # --select languagetool.MORFOLOGIK_RULE_EN_US
    return is_selected(prefix, select, ignore)


def choose_rules(
    rules: Sequence[Rule], select: Sequence[str] | None, ignore: Sequence[str] = (), also_known: Sequence[str] = ()
) -> list[Rule]:
    """The rules to run. `also_known`: prefixes of findings from elsewhere (languagetool) that
    selectors may name too."""
    if select is not None and not select:
        raise NewslintError("--select: no rule given (leave it out for the defaults)")
    _check_known(rules, select or (), "--select", also_known)
    _check_known(rules, ignore, "--ignore", also_known)
    return [rule for rule in rules if is_selected(rule.id, select, ignore, rule.info.default)]
