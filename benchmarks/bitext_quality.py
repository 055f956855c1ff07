"""How well the bilingual rules (bitext.*) do on machine-translated news checked against its
source, with professional annotations.

Runs the bitext rules on each document of ../shared/corpus/mqm-zhen-dev.jsonl with its Chinese
`source` (aligned line by line with `text`) and prints, per rule and overall:
- precision on MT documents: the share of findings that overlap an error span a rater marked
  on the translation (a finding on a whole line overlaps any span on that line);
- accuracy precision on the 2023 MT documents (the only ones with error categories): the share
  of findings whose segment holds an Accuracy/* error, on either side -- a stricter reading for
  findings about a whole line, which a rater's omission marked on the source cannot overlap;
- noise on the professional reference translations: findings per 1,000 words.

    python benchmarks/bitext_quality.py [--corpus PATH] [--select RULES] [--show RULE] [--json]

The annotations are not perfect and the references are not error-free (the --show output marks
each finding HIT, MISS or HUMAN, for reading): read the numbers as estimates.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

from newslint import Config, Finding, lint_translation

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "mqm-zhen-dev.jsonl"


def _target_spans(record: dict) -> list[tuple[int, int]]:
    return [
        (error["start"], error["end"])
        for error in record["errors"]
        if error.get("side") == "target" and error.get("start") is not None and error["end"] > error["start"]
    ]


def _accuracy_segments(record: dict) -> list[tuple[int, int]] | None:
    """Spans of the segments that hold an Accuracy/* error (None: the record has no categories)."""
    if not record.get("categories_available"):
        return None
    marked = {error["seg_id"] for error in record["errors"] if error["category"].startswith("Accuracy")}
    return [(segment["start"], segment["end"]) for segment in record["segments"] if segment["seg_id"] in marked]


def _hit(finding: Finding, spans: list[tuple[int, int]]) -> bool:
    """Whether a finding overlaps a marked span (an empty finding: touches one)."""
    end = max(finding.end, finding.start + 1)
    return any(finding.start < span_end and span_start < end for span_start, span_end in spans)


def score(records: list[dict], config: Config, show: str | None = None, limit: int = 40):
    """Counts per rule -- "mt" findings on MT, their "hits" on a marked span, "categorised" ones
    on 2023 documents and the "accurate" among them, "human" findings on references -- and the
    corpus's counts of words and documents."""
    rules: dict[str, Counter] = defaultdict(Counter)
    corpus: Counter = Counter()
    shown = 0
    for record in records:
        text = record["text"]
        kind = "human" if record["is_human"] else "mt"
        corpus[f"{kind}_words"] += len(text.split())
        corpus[f"{kind}_documents"] += 1
        spans, accuracy = _target_spans(record), _accuracy_segments(record)
        for finding in lint_translation(text, record["source"], path=record["id"], config=config, language="zh"):
            tally = rules[finding.rule]
            tally[kind] += 1
            label = "HUMAN"
            if kind == "mt":
                hit = _hit(finding, spans)
                tally["hits"] += hit
                label = "HIT " if hit else "MISS"
                if accuracy is not None:
                    tally["categorised"] += 1
                    tally["accurate"] += _hit(finding, accuracy)
            if show and finding.rule.startswith(show) and shown < limit:
                shown += 1
                print(_shown(label, finding, text))
    return rules, corpus


def _shown(label: str, finding: Finding, text: str) -> str:
    line = text.split("\n")[finding.line - 1]
    source = finding.source.text if finding.source else ""
    flagged = text[finding.start : finding.end] if finding.end > finding.start else "(empty)"
    flagged = flagged if len(flagged) < 60 else flagged[:57] + "..."
    return f"{label} {finding.rule}: {finding.message}\n    flagged: {flagged!r}\n    source: {source[:160]}\n    target: {line[:200]}"


def _ratio(part: int, whole: int, scale: int = 1) -> float | None:
    return scale * part / whole if whole else None


def summary(tally: Counter, corpus: Counter) -> dict:
    """The counts of one rule (or of all) with precision, accuracy precision and noise."""
    return dict(tally) | {
        "precision": _ratio(tally["hits"], tally["mt"]),
        "accuracy_precision": _ratio(tally["accurate"], tally["categorised"]),
        "noise_per_1000_words": _ratio(tally["human"], corpus["human_words"], 1000),
    }


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def print_table(rules: dict[str, Counter], corpus: Counter) -> None:
    print(f"{'rule':<28} {'MT':>5} {'hits':>5} {'prec':>6} {'2023':>5} {'acc.':>5} {'human':>6} {'/1k w':>6}")
    for rule_id, tally in sorted(rules.items()):
        row = summary(tally, corpus)
        print(
            f"{rule_id:<28} {tally['mt']:>5} {tally['hits']:>5} {_fmt(row['precision']):>6} {tally['categorised']:>5} "
            f"{_fmt(row['accuracy_precision']):>5} {tally['human']:>6} {_fmt(row['noise_per_1000_words']):>6}"
        )
    total = sum(rules.values(), Counter())
    overall = summary(total, corpus)
    print(
        f"\nMT documents: {corpus['mt_documents']} ({corpus['mt_words']} words); "
        f"human references: {corpus['human_documents']} ({corpus['human_words']} words)"
    )
    print(f"bitext.* precision on MT: {_fmt(overall['precision'])} ({total['hits']}/{total['mt']} on a marked error)")
    print(
        f"accuracy precision on 2023 MT: {_fmt(overall['accuracy_precision'])} "
        f"({total['accurate']}/{total['categorised']} in a segment with an Accuracy/* error)"
    )
    print(
        f"bitext.* noise on human references: {_fmt(overall['noise_per_1000_words'])} per 1,000 words "
        f"({total['human']} findings)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("NEWSLINT_CORPUS", DEFAULT_CORPUS)))
    parser.add_argument("--select", default="bitext", help="comma-separated rule ids or prefixes (default: bitext)")
    parser.add_argument("--show", metavar="RULE", help="print the findings of rules starting with RULE")
    parser.add_argument("--limit", type=int, default=40, help="how many findings --show prints")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"corpus not found: {args.corpus} (use --corpus or NEWSLINT_CORPUS)", file=sys.stderr)
        return 2
    records = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    rules, corpus = score(records, Config(select=tuple(args.select.split(","))), show=args.show, limit=args.limit)
    if args.json:
        overall = summary(sum(rules.values(), Counter()), corpus)
        per_rule = {rule: summary(tally, corpus) for rule, tally in sorted(rules.items())}
        print(json.dumps({"corpus": corpus, "overall": overall, "rules": per_rule}, indent=2))
    else:
        print_table(rules, corpus)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
