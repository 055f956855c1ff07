"""The golden findings: what every rule (default and opt-in) finds on real copy, stored compactly,
so that a change to the engine is proved to find exactly what the engine before it found.

    python -m tests.golden_findings --write    # rewrite tests/data/golden/ (say why in the commit)

Three sets of copy: the seed article and the judged excerpts (always in the repository), and the
development corpora in ../shared/corpus/ when they are there (CI on a fresh clone may lack them).
Each document is stored as the sha256 of its text and its findings, `[rule, start, end,
replacement or null]`, sorted.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from newslint import Config, lint_text
from newslint.config import rule_set

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
EXCERPTS = REPO / "tests" / "data" / "judged" / "excerpts.jsonl.gz"
SHARED_CORPUS = REPO.parent / "shared" / "corpus"
CORPORA = {
    "mqm": SHARED_CORPUS / "mqm-zhen-dev.jsonl",
    "wikinews": SHARED_CORPUS / "native-news-wikinews.jsonl",
}
GOLDEN = REPO / "tests" / "data" / "golden"
SETS = ("seed", "excerpts", *CORPORA)

Document = tuple[str, str, str]  # key, path (its format follows the extension), text


def every_rule() -> Config:
    """A configuration that selects every built-in rule, default and opt-in."""
    return Config(select=tuple(rule_set((), True).ids))


def documents(name: str) -> Iterator[Document]:
    """The documents of one set, each with a key that is unique in the set."""
    if name == "seed":
        for path in sorted(SEEDS.iterdir()):
            yield path.name, path.name, path.read_text(encoding="utf-8")
    elif name == "excerpts":
        lines = gzip.decompress(EXCERPTS.read_bytes()).decode("utf-8").splitlines()
        for index, line in enumerate(line for line in lines if line):
            record = json.loads(line)
            yield f"{index}:{record['story']}", "excerpt.txt", record["text"]
    else:
        for line in CORPORA[name].read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                yield record["id"], f"{record['id']}.txt", record["text"]


def available(name: str) -> bool:
    return name not in CORPORA or CORPORA[name].is_file()


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def findings_of(path: str, text: str, config: Config) -> list[list]:
    found = lint_text(text, path=path, config=config)
    rows = [[f.rule, f.start, f.end, f.fix.replacement if f.fix else None] for f in found]
    return sorted(rows, key=lambda row: (row[1], row[2], row[0], row[3] or ""))


def collect(name: str, config: Config | None = None) -> dict[str, dict]:
    """{key: {"sha": digest of the text, "findings": [...]}} for one set."""
    config = config or every_rule()
    return {
        key: {"sha": digest(text), "findings": findings_of(path, text, config)} for key, path, text in documents(name)
    }


def golden_file(name: str) -> Path:
    return GOLDEN / f"{name}.json.gz"


def read(name: str) -> dict[str, dict]:
    return json.loads(gzip.decompress(golden_file(name).read_bytes()))


def write(name: str, data: dict[str, dict]) -> None:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    lines = ",\n".join(f"{json.dumps(key)}: {json.dumps(value, separators=(',', ':'))}" for key, value in data.items())
    # mtime=0: the same findings give the same bytes, so that git sees no change where there is none.
    golden_file(name).write_bytes(gzip.compress(("{\n" + lines + "\n}\n").encode("utf-8"), mtime=0))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="rewrite the golden files")
    args = parser.parse_args()
    config = every_rule()
    for name in SETS:
        if not available(name):
            print(f"{name}: not here, skipped")
            continue
        data = collect(name, config)
        count = sum(len(entry["findings"]) for entry in data.values())
        print(f"{name}: {len(data)} documents, {count} findings")
        if args.write:
            write(name, data)


if __name__ == "__main__":
    main()
