"""Same findings: every rule, default and opt-in, finds on real copy exactly what is stored in
tests/data/golden/ (see tests/golden_findings.py, which rewrites it; a rewrite says why in its
commit message). The seed and the judged excerpts always run; the development corpora run when
../shared/corpus/ is there."""

from __future__ import annotations

import pytest

from tests import golden_findings as golden


@pytest.fixture(scope="module")
def config():
    return golden.every_rule()


def _difference(expected: list[list], found: list[list]) -> str:
    lost = [row for row in expected if row not in found]
    new = [row for row in found if row not in expected]
    return f"lost {lost[:5]} ({len(lost)} in all); new {new[:5]} ({len(new)} in all)"


@pytest.mark.parametrize("name", golden.SETS)
def test_every_rule_finds_what_it_found_before(name, config):
    if not golden.available(name):
        pytest.skip(f"{golden.CORPORA[name]} is not here (a fresh clone without ../shared)")
    stored = golden.read(name)
    documents = list(golden.documents(name))
    assert {key for key, _, _ in documents} == set(stored), f"{name}: the documents are not those stored"
    assert sum(len(entry["findings"]) for entry in stored.values()) > 0
    differences = []
    for key, path, text in documents:
        entry = stored[key]
        assert entry["sha"] == golden.digest(text), f"{name}/{key}: the text changed since the golden file was written"
        found = golden.findings_of(path, text, config)
        if found != entry["findings"]:
            differences.append(f"{key}: {_difference(entry['findings'], found)}")
    assert not differences, f"{len(differences)} documents differ:\n" + "\n".join(differences[:10])


def test_the_golden_findings_cover_every_kind_of_finding():
    """The stored findings hold fixes and findings without one, from many rules: a golden file
    that lost most of its content would compare nothing."""
    rows = [row for name in ("seed", "excerpts") for entry in golden.read(name).values() for row in entry["findings"]]
    assert len({row[0] for row in rows}) >= 15
    assert any(row[3] is not None for row in rows) and any(row[3] is None for row in rows)
