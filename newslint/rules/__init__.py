"""Loading YAML rule files into rules of the registered kinds."""

from newslint.rules.base import Hit, Rule, RuleInfo, builtin_rules_dir
from newslint.rules.loader import RuleSet, load_rule_file, load_rules

__all__ = ["Hit", "Rule", "RuleInfo", "RuleSet", "builtin_rules_dir", "load_rule_file", "load_rules"]
