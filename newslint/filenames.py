"""File names and paths in copy: `kiev-night.jpg`, `/img/kiev.png`, `stories/2024/talks.pdf`.

They name files, not places: the "kiev" in `kiev-night.jpg` is part of a name that must stay as
it is, or an image or a link breaks. Like URLs they are never prose, in any format: no rule
reports inside one and no fix touches it. A name is recognised by an extension that names a
file (`.jpg`, `.pdf`, `.html` ...), a path by a leading `/`, `./`, `../` or `~/`, or by folders
before such a name; "and/or" and "Kyiv/Kiev" stay words.
"""

from __future__ import annotations

import re

from newslint import lazy_regex as regex
from newslint.regexes import Anchors, LazyPattern, lazy, matches_in_tokens
from newslint.spans import Span

EXTENSIONS = (
    "jpe?g png gif webp avif heic svg tiff? bmp ico psd eps indd "
    "pdf docx? xlsx? pptx? od[tsp] rtf csv tsv txt md markdown mdx html? xml json ya?ml toml "
    "js mjs ts tsx jsx css scss py rb php "
    "zip gz tgz tar 7z rar mp3 m4a wav ogg flac mp4 m4v mov avi mkv webm srt vtt ics vcf"
)
_EXTENSION_NAMES = "|".join(EXTENSIONS.split())
_EXTENSION = rf"\.(?:{_EXTENSION_NAMES})"
_PART = r"[\w~%+@-][\w.~%+@-]*"  # a folder or file name: no spaces, no slashes
_START = r"(?<![\w/.~%+@-])"  # not inside a longer token
_END = r"(?![\w/])"

# Where a file name or path may be: cheap to find, then checked token by token.
_ANCHOR = lazy(rf"{_EXTENSION}{_END}|{_START}(?:~|\.\.?)?/(?=[\w.~%+@-])", regex.IGNORECASE)
_TOKEN_START = lazy(r"(?r)[^\s\"'“”‘’()\[\]<>]*\Z")
_TOKEN_REST = lazy(r"[^\s\"'“”‘’()\[\]<>]*")
PATHLIKE = lazy(
    rf"""{_START}(?:
        (?:~|\.\.?)?/{_PART}(?:/{_PART})*/?          # /img/kiev.png, ./notes, ../x, ~/copy
        |{_PART}(?:/{_PART})*{_EXTENSION}             # kiev-night.jpg, stories/2024/talks.pdf
    ){_END}""",
    regex.VERBOSE | regex.IGNORECASE,
)


# Cheaper to find than _ANCHOR, of which it finds every match (and more): every match of PATHLIKE
# holds one, and a token it finds besides holds no match of PATHLIKE (tests/test_rule_speed.py).
# Every extension starts with a letter or a digit: the look-ahead passes over ". " at once.
_QUICK_ANCHOR = Anchors(
    lazy(rf"\.(?=[^\W_])(?:{_EXTENSION_NAMES})", re.IGNORECASE, engine="re"),
    "/",
)


def file_names(text: str, anchors: LazyPattern | Anchors = _QUICK_ANCHOR) -> list[Span]:
    """Spans of the file names and paths in text, in order."""
    return [Span(*match.span()) for match in matches_in_tokens(PATHLIKE, anchors, text, _TOKEN_START, _TOKEN_REST)]
