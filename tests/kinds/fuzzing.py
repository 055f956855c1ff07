"""What the property tests of the kinds share: their settings, and texts joined from pieces."""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st


def fuzz(examples: int = 500) -> settings:
    """Settings of a property test: `examples` texts, no deadline (a rule's first call compiles
    its patterns), and function-scoped fixtures allowed (a rule made once serves every example)."""
    return settings(max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def joined(pieces: st.SearchStrategy[str], max_size: int, min_size: int = 0) -> st.SearchStrategy[str]:
    """Texts of up to `max_size` pieces drawn from `pieces`, joined."""
    return st.lists(pieces, min_size=min_size, max_size=max_size).map("".join)
