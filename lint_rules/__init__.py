"""newslint's built-in rule packs (YAML) and word lists; data only, installed as newslint.lint_rules."""
