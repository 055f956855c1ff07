"""How each built-in rule did on real copy, as benchmarks/corpus_quality.py last measured it.

The numbers ship with the rules (lint_rules/measured.json), so that `--explain` and `--list-rules`
can tell a user how far to trust a rule before they switch it on or off.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from newslint.rules.base import Rule, builtin_rules_dir
from newslint.rules.registry import BILINGUAL_KIND_NAMES

MEASURED_FILE = "measured.json"


@lru_cache(maxsize=1)
def measurements() -> dict[str, Any]:
    """The whole record (empty when the file is missing or unreadable: the numbers are a courtesy)."""
    try:
        return json.loads((builtin_rules_dir() / MEASURED_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def monolingual(rule: Rule) -> bool:
    """Whether the rule reads English alone (the bilingual ones need a source, and are measured by
    benchmarks/bitext_quality.py)."""
    return rule.info.kind not in BILINGUAL_KIND_NAMES


def of_rule(rule: Rule) -> dict[str, Any] | None:
    """A built-in rule's numbers; None for a user's rule or one not measured yet."""
    if Path(rule.info.path).parent.name != builtin_rules_dir().name:
        return None  # a user's rule file (a built-in pack's folder is named lint_rules)
    return measurements().get("rules", {}).get(rule.id)


def summary(rule: Rule) -> list[str]:
    """Lines for --explain: findings per 1,000 words on professional copy, judged precision, MT precision."""
    numbers = of_rule(rule)
    if numbers is None:
        return []
    corpora = measurements().get("corpora", {})
    native, reference, mt = (corpora.get(name, {}) for name in ("native", "reference", "mt"))
    judged = numbers["judged_right"] + numbers["judged_wrong"]
    lines = [f"Measured on {measurements().get('measured', '?')} (benchmarks/corpus_quality.py):"]
    lines.append(
        f"  native English news (Wikinews, {native.get('words', 0):,} words): "
        f"{numbers['native_per_1000_words']:.2f} findings per 1,000 words"
    )
    lines.append(
        f"  professional translations (WMT MQM references, {reference.get('words', 0):,} words): "
        f"{numbers['reference_per_1000_words']:.2f} findings per 1,000 words"
    )
    if judged:
        lines.append(
            f"  of those on professional copy, {numbers['judged_right']} of {judged} judged right by reading "
            f"(precision {numbers['native_precision']:.2f})"
        )
    if numbers["mt_findings"]:
        lines.append(
            f"  machine translation (WMT MQM, {mt.get('words', 0):,} words): {numbers['mt_findings']} findings, "
            f"{numbers['mt_precision']:.2f} of them on an error a professional rater marked"
        )
    else:
        lines.append(f"  machine translation (WMT MQM, {mt.get('words', 0):,} words): no findings")
    return lines
