import regex
from hypothesis import example, given
from hypothesis import strategies as st

from newslint import segmentation
from tests.kinds.fuzzing import fuzz, joined

# The candidate-end pattern as it was on `regex`: a look-behind, then the four ways of the
# punctuation in one alternation, the closers, and regex's \s.
_CANDIDATE_END_ON_REGEX = regex.compile(
    r"(?<![.!?…])(?P<punct>\.{3}|\.(?: \.){2}|…|[.!?]+)(?P<closers>[\"”’'»)\]]*)(?=\s)"
)

# Marks in runs and spaced, closers, every kind of white space (and \x1c-\x1f, which is not
# regex's \s), letters, line breaks.
_END_PIECES = st.sampled_from(
    [".", ".", "..", "...", "....", ". .", ". . .", " .", "…", "?", "!", "?!", "!…", ".…", "…."]
    + ['"', "”", "’", "'", "»", ")", "]", "(", "“"]
    + [" ", " ", "  ", "\t", "\n", "\r\n", "\x1c", "\x1f", "\x85", "\xa0", "\u2028", "\u3000", "\u200b"]
    + ["a", "He", "Mr", "é", "1"]
)


@fuzz()
@given(joined(_END_PIECES, 16), st.data())
@example(". . . .  x", None)
def test_the_candidate_ends_on_re_are_those_of_the_regex_pattern(text, data):
    """Every span and group the same, searched from anywhere to anywhere (a search looks behind
    its start and not past its end, on both engines)."""
    start = data.draw(st.integers(0, len(text))) if data else 0
    end = data.draw(st.integers(start, len(text))) if data else len(text)
    found = [(m.span(), m.groups()) for m in segmentation._CANDIDATE_END.finditer(text, start, end)]
    assert found == [(m.span(), m.groups()) for m in _CANDIDATE_END_ON_REGEX.finditer(text, start, end)]
