"""How well newslint's rules do on real machine-translated news with professional annotations.

Runs the default rules on ../shared/corpus/mqm-zhen-dev.jsonl and prints, per rule and overall:
- precision on MT documents: the share of findings that overlap an error span a rater marked;
- noise on the professional reference translations: findings per 1,000 words;
- coverage of the Fluency/Punctuation and Fluency/Spelling spans (2023 documents carry categories).

    python benchmarks/corpus_quality.py [--corpus PATH] [--select RULES] [--show RULE] [--json]

The annotations are not perfect and the references are not error-free: read the numbers as
estimates (see the corpus README).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from newslint import Config, Finding, lint_text
from newslint.config import rule_set

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "mqm-zhen-dev.jsonl"
COVERED_CATEGORIES = ("Fluency/Punctuation", "Fluency/Spelling")


@dataclass
class RuleScore:
    mt_findings: int = 0
    mt_hits: int = 0
    human_findings: int = 0

    @property
    def precision(self) -> float | None:
        return self.mt_hits / self.mt_findings if self.mt_findings else None


@dataclass
class Scores:
    rules: dict[str, RuleScore] = field(default_factory=lambda: defaultdict(RuleScore))
    human_words: int = 0
    mt_words: int = 0
    mt_documents: int = 0
    human_documents: int = 0
    category_spans: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    category_covered: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def overall(self) -> dict[str, float | int | None]:
        mt = sum(s.mt_findings for s in self.rules.values())
        hits = sum(s.mt_hits for s in self.rules.values())
        human = sum(s.human_findings for s in self.rules.values())
        return {
            "mt_findings": mt,
            "mt_hits": hits,
            "precision": hits / mt if mt else None,
            "human_findings": human,
            "human_words": self.human_words,
            "noise_per_1000_words": 1000 * human / self.human_words if self.human_words else None,
            **{
                f"coverage {category}": (self.category_covered[category] / self.category_spans[category])
                if self.category_spans[category]
                else None
                for category in COVERED_CATEGORIES
            },
        }


def _error_spans(record: dict) -> list[tuple[int, int, str]]:
    spans = {
        (error["start"], error["end"], error["category"])
        for error in record["errors"]
        if error.get("side") == "target" and error.get("start") is not None and error["end"] > error["start"]
    }
    return sorted(spans)


def _overlaps(finding: Finding, start: int, end: int) -> bool:
    return finding.start < end and start < finding.end


def score(records: list[dict], config: Config, show: str | None = None, limit: int = 40) -> Scores:
    scores = Scores()
    shown = 0
    for record in records:
        text = record["text"]
        findings = lint_text(text, path=record["id"], config=config)
        words = len(text.split())
        if record["is_human"]:
            scores.human_words += words
            scores.human_documents += 1
            for finding in findings:
                scores.rules[finding.rule].human_findings += 1
        else:
            scores.mt_words += words
            scores.mt_documents += 1
            spans = _error_spans(record)
            for finding in findings:
                rule = scores.rules[finding.rule]
                rule.mt_findings += 1
                hit = any(_overlaps(finding, start, end) for start, end, _ in spans)
                rule.mt_hits += hit
                if show and finding.rule.startswith(show) and shown < limit:
                    shown += 1
                    context = text[max(0, finding.start - 50) : finding.end + 50].replace("\n", " | ")
                    print(f"{'HIT ' if hit else 'MISS'} {finding.rule}: {context!r}")
            for start, end, category in spans:
                if category in COVERED_CATEGORIES:
                    scores.category_spans[category] += 1
                    if any(_overlaps(f, start, end) for f in findings):
                        scores.category_covered[category] += 1
        if show and record["is_human"]:
            for finding in findings:
                if finding.rule.startswith(show) and shown < limit:
                    shown += 1
                    context = text[max(0, finding.start - 50) : finding.end + 50].replace("\n", " | ")
                    print(f"HUMAN {finding.rule}: {context!r}")
    return scores


def _fmt(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


LOW_PRECISION = 0.40


def print_table(scores: Scores) -> None:
    levels = {rule.id: rule.info.level for rule in rule_set()}
    print(f"{'rule':<34} {'level':<8} {'MT':>5} {'hits':>5} {'prec':>6} {'human':>6} {'/1k w':>6}")
    for rule_id in sorted(scores.rules):
        s = scores.rules[rule_id]
        per_k = 1000 * s.human_findings / scores.human_words if scores.human_words else 0
        print(
            f"{rule_id:<34} {levels.get(rule_id, '?'):<8} {s.mt_findings:>5} {s.mt_hits:>5} "
            f"{_fmt(s.precision):>6} {s.human_findings:>6} {per_k:>6.2f}"
        )
    loud_scores = [s for r, s in scores.rules.items() if levels.get(r) != "info"]
    loud_mt, loud_hits = sum(s.mt_findings for s in loud_scores), sum(s.mt_hits for s in loud_scores)
    loud_human = sum(s.human_findings for s in loud_scores)
    low = [r for r, s in sorted(scores.rules.items()) if s.precision is not None and s.precision < LOW_PRECISION]
    loud = [r for r in low if levels.get(r) != "info"]
    print(
        f"\nRules under {LOW_PRECISION:.2f} precision: {len(low)}, of which above level info: {len(loud)}"
        + (f" ({', '.join(loud)})" if loud else "")
    )
    overall = scores.overall()
    print()
    print(
        f"MT documents: {scores.mt_documents} ({scores.mt_words} words); "
        f"human references: {scores.human_documents} ({scores.human_words} words)"
    )
    print(
        f"Overall precision on MT: {_fmt(overall['precision'])} "
        f"({overall['mt_hits']}/{overall['mt_findings']} findings on a marked error)"
    )
    print(
        f"Noise on human references: {_fmt(overall['noise_per_1000_words'])} findings per 1,000 words "
        f"({overall['human_findings']} findings)"
    )
    print(
        f"Warnings and errors only (no info): precision {_fmt(loud_hits / loud_mt if loud_mt else None)} "
        f"({loud_hits}/{loud_mt}), {loud_human} findings on human references"
    )
    for category in COVERED_CATEGORIES:
        print(
            f"Coverage of {category} spans: {_fmt(overall[f'coverage {category}'])} "
            f"({scores.category_covered[category]}/{scores.category_spans[category]})"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("NEWSLINT_CORPUS", DEFAULT_CORPUS)))
    parser.add_argument("--select", help="comma-separated rule ids or prefixes (default: the default rules)")
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
    select = tuple(args.select.split(",")) if args.select else None
    scores = score(records, Config(select=select), show=args.show, limit=args.limit)
    if args.json:
        rules = {rule: vars(s) | {"precision": s.precision} for rule, s in sorted(scores.rules.items())}
        print(json.dumps({"overall": scores.overall(), "rules": rules}, indent=2))
    else:
        print_table(scores)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
