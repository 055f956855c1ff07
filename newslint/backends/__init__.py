"""Optional checkers beside newslint's own rules (LanguageTool)."""
