"""The Dask example: newslint's public API on a distributed engine (its local scheduler here)."""

from __future__ import annotations

import importlib.util
import json
import pickle

import pytest

from newslint import lint_text
from tests.conftest import REPO, SEED

pytest.importorskip("dask.bag")


def _example():
    spec = importlib.util.spec_from_file_location("dask_archive", REPO / "examples" / "dask_archive.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_findings_pickle_for_a_distributed_engine():
    findings = lint_text(SEED.read_text(encoding="utf-8"), path="seed.txt")
    assert pickle.loads(pickle.dumps(findings)) == findings


@pytest.mark.parametrize("scheduler", ["processes", "threads"])
def test_the_example_lints_100_documents_like_a_loop(scheduler):
    seed = SEED.read_text(encoding="utf-8")
    records = [
        {"id": f"story-{index:03d}", "text": seed if index % 2 else seed.replace("Kiev", "Kyiv")}
        for index in range(100)
    ]
    found = _example().lint_archive(records, partitions=4, scheduler=scheduler)
    expected = [finding.to_dict() for record in records for finding in lint_text(record["text"], path=record["id"])]
    assert sorted(map(json.dumps, found)) == sorted(map(json.dumps, expected))
    assert len({f["path"] for f in found}) == 100 and len(found) == 50 * 13 + 50 * 12
