"""--format html: one self-contained page a copy editor reads, the stories with their problems
marked in place (page.py), placed through the readers' maps (story.py, marking.py)."""

from newslint.output.html_report.page import render

__all__ = ["render"]
