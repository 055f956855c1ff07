"""Fingerprints that follow a finding, not its line: CI systems (code scanning, GitLab's Code
Quality widget) compare them between runs to tell new problems from old ones, so a finding keeps
its fingerprint when text is added above it."""

from __future__ import annotations

import hashlib

from newslint.findings import Finding


def fingerprint(finding: Finding, text: str | None, occurrence: int = 0) -> str:
    """Rule, file and the flagged words (the message when the text is not at hand); `occurrence`
    tells apart the same words flagged twice by one rule in one file (1, 2, ...)."""
    flagged = text[finding.start : finding.end] if text is not None else finding.message
    key = f"{finding.rule}\0{finding.path}\0{flagged}" + (f"\0{occurrence}" if occurrence else "")
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]
