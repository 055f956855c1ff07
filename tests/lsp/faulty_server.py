"""newslint-lsp with faults injected, to show that one failing request or document does not take
the server down: hover always raises, and linting a text that holds BOOM raises."""

import sys

from newslint.lsp import checking, features
from newslint.lsp.main import main


def broken_hover(*args, **kwargs):
    raise RuntimeError("injected hover failure")


_check = checking.Reading.check


def check_unless_boom(self, text):
    if "BOOM" in text:
        raise RuntimeError("injected lint failure")
    return _check(self, text)


features.hover = broken_hover
checking.Reading.check = check_unless_boom
sys.exit(main())
