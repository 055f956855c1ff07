"""Documentation generated from the rules themselves: --list-rules and --explain."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence

from newslint import measured
from newslint.rules.base import Rule


def _fix_label(rule: Rule) -> str:
    return "-" if rule.info.fix == "none" else f"{rule.info.fix} fix"


def _summary(rule: Rule) -> str:
    description = " ".join(rule.info.description.split())
    first = description.split(". ")[0].rstrip(".")
    return first or rule.info.message


def list_rules(rules: Sequence[Rule], as_json: bool = False) -> str:
    if as_json:
        return json.dumps([rule_record(rule) for rule in rules], ensure_ascii=False, indent=2) + "\n"
    width = max((len(rule.id) for rule in rules), default=0)
    rows = []
    for rule in rules:
        opt_in = "" if rule.info.default else " (opt-in)"
        rows.append(
            f"{rule.id:<{width}}  {rule.info.level:<7}  {rule.info.kind:<14}  {_fix_label(rule):<10}  {_summary(rule)}{opt_in}"
        )
    return "\n".join(rows) + "\n"


def rule_record(rule: Rule) -> dict:
    info = rule.info
    return {
        "id": info.id,
        "kind": info.kind,
        "level": info.level,
        "fix": info.fix,
        "default": info.default,
        "message": info.message,
        "description": info.description,
        "source": info.source,
        "link": info.link,
        "examples": {"fail": list(info.examples.fail), "pass": list(info.examples.passing)},
        "measured": measured.of_rule(rule),
    }


def explain(rule: Rule) -> str:
    info = rule.info
    wrap = lambda text: textwrap.fill(" ".join(text.split()), width=88)  # noqa: E731
    parts = [
        f"{info.id} ({info.kind}, {info.level}, {_fix_label(rule) if info.fix != 'none' else 'no fix'}"
        f"{'' if info.default else ', opt-in: enable with --select'})",
        "",
        wrap(info.description or info.message),
        "",
        f"Source: {info.source or 'not given'}",
    ]
    if info.link:
        parts.append(f"Link: {info.link}")
    parts.append(f"Defined in: {info.path}:{info.line}")
    numbers = measured.summary(rule)
    if numbers:
        parts += [""] + numbers
    if info.examples.fail:
        parts += ["", "Flags:"] + [f"  {example}" for example in info.examples.fail]
    if info.examples.passing:
        parts += ["", "Accepts:"] + [f"  {example}" for example in info.examples.passing]
    return "\n".join(parts) + "\n"
