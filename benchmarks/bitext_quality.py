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
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from newslint import Config, Finding, lint_translation

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "mqm-zhen-dev.jsonl"


@dataclass
class RuleScore:
    mt_findings: int = 0
    mt_hits: int = 0
    human_findings: int = 0
    categorised_findings: int = 0  # on 2023 MT documents
    accuracy_hits: int = 0

    @property
    def precision(self) -> float | None:
        return self.mt_hits / self.mt_findings if self.mt_findings else None

    @property
    def accuracy_precision(self) -> float | None:
        return self.accuracy_hits / self.categorised_findings if self.categorised_findings else None


@dataclass
class Scores:
    rules: dict[str, RuleScore] = field(default_factory=lambda: defaultdict(RuleScore))
    mt_words: int = 0
    human_words: int = 0
    mt_documents: int = 0
    human_documents: int = 0

    def overall(self) -> dict[str, float | int | None]:
        mt = sum(score.mt_findings for score in self.rules.values())
        hits = sum(score.mt_hits for score in self.rules.values())
        human = sum(score.human_findings for score in self.rules.values())
        categorised = sum(score.categorised_findings for score in self.rules.values())
        accurate = sum(score.accuracy_hits for score in self.rules.values())
        return {
            "mt_findings": mt,
            "mt_hits": hits,
            "precision": hits / mt if mt else None,
            "categorised_findings": categorised,
            "accuracy_hits": accurate,
            "accuracy_precision": accurate / categorised if categorised else None,
            "mt_words": self.mt_words,
            "human_findings": human,
            "human_words": self.human_words,
            "noise_per_1000_words": 1000 * human / self.human_words if self.human_words else None,
        }


def _target_spans(record: dict) -> list[tuple[int, int]]:
    return sorted(
        {
            (error["start"], error["end"])
            for error in record["errors"]
            if error.get("side") == "target" and error.get("start") is not None and error["end"] > error["start"]
        }
    )


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


def score(records: list[dict], config: Config, show: str | None = None, limit: int = 40) -> Scores:
    scores = Scores()
    shown = 0
    for record in records:
        text = record["text"]
        findings = lint_translation(text, record["source"], path=record["id"], config=config, language="zh")
        words = len(text.split())
        human = record["is_human"]
        spans = [] if human else _target_spans(record)
        if human:
            scores.human_words += words
            scores.human_documents += 1
        else:
            scores.mt_words += words
            scores.mt_documents += 1
        for finding in findings:
            rule = scores.rules[finding.rule]
            if human:
                rule.human_findings += 1
                label = "HUMAN"
            else:
                hit = _hit(finding, spans)
                rule.mt_findings += 1
                rule.mt_hits += hit
                label = "HIT " if hit else "MISS"
                accuracy = _accuracy_segments(record)
                if accuracy is not None:
                    rule.categorised_findings += 1
                    rule.accuracy_hits += _hit(finding, accuracy)
            if show and finding.rule.startswith(show) and shown < limit:
                shown += 1
                print(_shown(label, finding, text))
    return scores


def _shown(label: str, finding: Finding, text: str) -> str:
    line = text.split("\n")[finding.line - 1]
    source = finding.source.text if finding.source else ""
    flagged = text[finding.start : finding.end] if finding.end > finding.start else "(empty)"
    flagged = flagged if len(flagged) < 60 else flagged[:57] + "..."
    return f"{label} {finding.rule}: {finding.message}\n    flagged: {flagged!r}\n    source: {source[:160]}\n    target: {line[:200]}"


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def print_table(scores: Scores) -> None:
    print(f"{'rule':<28} {'MT':>5} {'hits':>5} {'prec':>6} {'2023':>5} {'acc.':>5} {'human':>6} {'/1k w':>6}")
    for rule_id in sorted(scores.rules):
        s = scores.rules[rule_id]
        per_k = 1000 * s.human_findings / scores.human_words if scores.human_words else 0.0
        print(
            f"{rule_id:<28} {s.mt_findings:>5} {s.mt_hits:>5} {_fmt(s.precision):>6} "
            f"{s.categorised_findings:>5} {_fmt(s.accuracy_precision):>5} {s.human_findings:>6} {per_k:>6.2f}"
        )
    overall = scores.overall()
    print()
    print(
        f"MT documents: {scores.mt_documents} ({scores.mt_words} words); "
        f"human references: {scores.human_documents} ({scores.human_words} words)"
    )
    print(
        f"bitext.* precision on MT: {_fmt(overall['precision'])} "
        f"({overall['mt_hits']}/{overall['mt_findings']} findings on a marked error)"
    )
    print(
        f"accuracy precision on 2023 MT: {_fmt(overall['accuracy_precision'])} "
        f"({overall['accuracy_hits']}/{overall['categorised_findings']} findings in a segment with an Accuracy/* error)"
    )
    print(
        f"bitext.* noise on human references: {_fmt(overall['noise_per_1000_words'])} findings per 1,000 words "
        f"({overall['human_findings']} findings)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("NEWSLINT_CORPUS", DEFAULT_CORPUS)))
    parser.add_argument("--select", default="bitext", help="comma-separated rule ids or prefixes (default: bitext)")
    parser.add_argument(
        "--show", metavar="RULE", help="print findings of rules starting with RULE, marked HIT/MISS/HUMAN"
    )
    parser.add_argument("--limit", type=int, default=40, help="how many findings --show prints")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"corpus not found: {args.corpus} (use --corpus or NEWSLINT_CORPUS)", file=sys.stderr)
        return 2
    records = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    scores = score(records, Config(select=tuple(args.select.split(","))), show=args.show, limit=args.limit)
    if args.json:
        rules = {
            rule: vars(s) | {"precision": s.precision, "accuracy_precision": s.accuracy_precision}
            for rule, s in sorted(scores.rules.items())
        }
        print(json.dumps({"overall": scores.overall(), "rules": rules}, indent=2))
    else:
        print_table(scores)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
