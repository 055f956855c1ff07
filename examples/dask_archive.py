"""Lint an archive of stories on Dask: a local scheduler here, a cluster in production.

newslint.lint_text(text, path=..., config=...) is a pure function returning picklable Findings,
so an archive of millions of stories can be linted on any engine that maps a function over
records. Each Dask worker loads the rules once (they are cached per process) and lints its
partitions; the findings come back as plain records.

    python examples/dask_archive.py ../shared/corpus/mqm-zhen-dev.jsonl            # local processes
    python examples/dask_archive.py archive.jsonl --scheduler tcp://scheduler:8786  # a cluster

The input is JSON Lines with a `text` field (and an `id`, used as the path in findings).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable

import dask.bag as db

from newslint import Config, lint_text


def lint_record(record: dict, config: Config | None = None) -> list[dict]:
    """Findings of one story, as JSON-ready records (the public JSON contract)."""
    path = str(record.get("id", "-"))
    return [finding.to_dict() for finding in lint_text(record["text"], path=path, config=config)]


def lint_archive(
    records: Iterable[dict], partitions: int = 8, config: Config | None = None, scheduler: str = "processes"
) -> list[dict]:
    """Every finding of every story, linted in parallel by Dask."""
    bag = db.from_sequence(list(records), npartitions=partitions)
    return bag.map(lint_record, config=config).flatten().compute(scheduler=scheduler)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("archive", help="JSON Lines with a `text` field per story")
    parser.add_argument(
        "--scheduler", default="processes", help="processes, threads, synchronous, or a distributed scheduler's address"
    )
    parser.add_argument("--partitions", type=int, default=8)
    args = parser.parse_args()
    with open(args.archive, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    scheduler = args.scheduler
    if scheduler.startswith("tcp://"):
        from dask.distributed import Client  # a cluster: pip install 'dask[distributed]'

        Client(scheduler)
        scheduler = None  # the client registers itself as the default scheduler
    findings = lint_archive(records, args.partitions, scheduler=scheduler)
    print(f"{len(findings)} findings in {len(records)} stories")
    for rule, count in Counter(f["rule"] for f in findings).most_common(10):
        print(f"{count:>7}  {rule}")


if __name__ == "__main__":
    main()
