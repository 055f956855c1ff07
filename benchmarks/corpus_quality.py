"""How well each rule does on real text: machine-translated news with professional annotations,
professional translations, and native English news.

    python benchmarks/corpus_quality.py            # the per-rule table and the totals
    python benchmarks/corpus_quality.py --write    # also docs/rule-quality.md and lint_rules/measured.json
    python benchmarks/corpus_quality.py --show punct.unbalanced [--limit 40]   # read one rule's findings
    python benchmarks/corpus_quality.py --json

Three measures, each on every rule that reads English alone (the default rules, and the opt-in ones
too; the bilingual rules are measured by benchmarks/bitext_quality.py):
- precision on MT: the share of a rule's findings on the machine translations of
  ../shared/corpus/mqm-zhen-dev.jsonl that overlap an error span a professional rater marked;
- noise on professional copy: findings per 1,000 words on that corpus's human reference translations
  and on the native English news of ../shared/corpus/native-news-wikinews.jsonl;
- precision on native copy: of the findings on the native news and the references, the share judged
  right by reading them (the judged suite, tests/data/judged/; `benchmarks/judging.py pending`
  lists the findings nobody has judged yet, which count as neither).
Totals are of the default rules, as a user runs them. The annotations are not perfect and the
references are not error-free: read the numbers as estimates (see the corpus README).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from judging import CORPORA, Story, judgements, stories

from newslint import Config, Finding, lint_text, measured
from newslint.config import rule_set

REPO = Path(__file__).resolve().parents[1]
DOCS_TABLE = REPO / "docs" / "rule-quality.md"
MEASURED = REPO / "lint_rules" / "measured.json"
COVERED_CATEGORIES = ("Fluency/Punctuation", "Fluency/Spelling")
DEFAULT_CUT = 0.5  # a rule judged right less often than this on native copy is not on by default


@dataclass
class RuleScore:
    mt_findings: int = 0
    mt_hits: int = 0
    reference_findings: int = 0
    native_findings: int = 0
    judged_right: int = 0
    judged_wrong: int = 0

    @property
    def mt_precision(self) -> float | None:
        return self.mt_hits / self.mt_findings if self.mt_findings else None

    @property
    def native_precision(self) -> float | None:
        judged = self.judged_right + self.judged_wrong
        return self.judged_right / judged if judged else None

    @property
    def unjudged(self) -> int:
        return self.reference_findings + self.native_findings - self.judged_right - self.judged_wrong


@dataclass
class Scores:
    rules: dict[str, RuleScore] = field(default_factory=lambda: defaultdict(RuleScore))
    words: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # mt, reference, native
    documents: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    category_spans: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    category_covered: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    defaults: frozenset[str] = frozenset()

    def per_1000(self, findings: int, corpus: str) -> float:
        return 1000 * findings / self.words[corpus] if self.words[corpus] else 0.0

    def totals(self) -> dict[str, float | int | None]:
        default = [score for rule, score in self.rules.items() if rule in self.defaults]
        mt = sum(s.mt_findings for s in default)
        hits = sum(s.mt_hits for s in default)
        right = sum(s.judged_right for s in default)
        judged = right + sum(s.judged_wrong for s in default)
        reference = sum(s.reference_findings for s in default)
        native = sum(s.native_findings for s in default)
        return {
            "mt_findings": mt,
            "mt_hits": hits,
            "mt_precision": hits / mt if mt else None,
            "reference_findings": reference,
            "reference_per_1000_words": self.per_1000(reference, "reference"),
            "native_findings": native,
            "native_per_1000_words": self.per_1000(native, "native"),
            "native_precision": right / judged if judged else None,
            "unjudged": sum(s.unjudged for s in default),
            **{
                f"coverage {category}": self.category_covered[category] / self.category_spans[category]
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


def _mqm_records(corpus: Path) -> dict[str, dict]:
    lines = corpus.read_text(encoding="utf-8").splitlines()
    return {record["id"]: record for record in map(json.loads, filter(str.strip, lines))}


def score(show: str | None = None, limit: int = 40) -> Scores:
    """Every rule, default or opt-in, on the three kinds of copy."""
    rules = [rule for rule in rule_set() if measured.monolingual(rule)]
    everything = Config(select=tuple(rule.id for rule in rules))
    scores = Scores(defaults=frozenset(rule.id for rule in rules if rule.info.default))
    verdicts = {judgement["key"]: judgement["verdict"] for judgement in judgements()}
    mqm = _mqm_records(CORPORA["mqm"])
    shown = 0
    for corpus in ("mqm", "wikinews"):
        for story in stories(corpus):
            kind = "native" if corpus == "wikinews" else ("reference" if story.is_human else "mt")
            findings = lint_text(story.text, path=f"{story.id}.txt", config=everything)
            scores.words[kind] += len(story.text.split())
            scores.documents[kind] += 1
            spans = _error_spans(mqm[story.id]) if kind == "mt" else []
            for finding in findings:
                rule = scores.rules[finding.rule]
                if kind == "mt":
                    hit = any(_overlaps(finding, start, end) for start, end, _ in spans)
                    rule.mt_findings += 1
                    rule.mt_hits += hit
                    label = "HIT " if hit else "MISS"
                else:
                    verdict = verdicts.get(story.key(finding))
                    setattr(rule, f"{kind}_findings", getattr(rule, f"{kind}_findings") + 1)
                    rule.judged_right += verdict == "right"
                    rule.judged_wrong += verdict == "wrong"
                    label = {"right": "RIGHT", "wrong": "WRONG"}.get(verdict or "", "UNJUDGED")
                if show and finding.rule.startswith(show) and shown < limit:
                    shown += 1
                    _show(story, finding, f"{label} {kind}")
            for start, end, category in spans:
                if category in COVERED_CATEGORIES:
                    scores.category_spans[category] += 1
                    if any(_overlaps(f, start, end) for f in findings if f.rule in scores.defaults):
                        scores.category_covered[category] += 1
    return scores


def _show(story: Story, finding: Finding, label: str) -> None:
    text = story.text
    context = text[max(0, finding.start - 60) : finding.start] + "[[" + text[finding.start : finding.end] + "]]"
    context += text[finding.end : finding.end + 60]
    print(f"{label} {finding.rule}: {context!r}")


def _fmt(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def rows(scores: Scores) -> list[dict]:
    levels = {rule.id: rule.info.level for rule in rule_set() if measured.monolingual(rule)}
    result = []
    for rule_id in sorted(levels):
        s = scores.rules.get(rule_id, RuleScore())
        result.append(
            {
                "rule": rule_id,
                "level": levels[rule_id],
                "default": rule_id in scores.defaults,
                "mt_findings": s.mt_findings,
                "mt_hits": s.mt_hits,
                "mt_precision": s.mt_precision,
                "reference_findings": s.reference_findings,
                "reference_per_1000_words": scores.per_1000(s.reference_findings, "reference"),
                "native_findings": s.native_findings,
                "native_per_1000_words": scores.per_1000(s.native_findings, "native"),
                "judged_right": s.judged_right,
                "judged_wrong": s.judged_wrong,
                "native_precision": s.native_precision,
                "unjudged": s.unjudged,
            }
        )
    return result


def print_table(scores: Scores) -> None:
    print(
        f"{'rule':<34} {'level':<7} {'on':<3} {'MT':>4} {'hits':>4} {'prec':>5} | {'ref':>3} {'/1k':>5} | "
        f"{'native':>6} {'/1k':>5} {'right':>5} {'wrong':>5} {'prec':>5}"
    )
    for row in rows(scores):
        if not (row["mt_findings"] or row["reference_findings"] or row["native_findings"]):
            continue
        print(
            f"{row['rule']:<34} {row['level']:<7} {'yes' if row['default'] else 'no':<3} {row['mt_findings']:>4} "
            f"{row['mt_hits']:>4} {_fmt(row['mt_precision']):>5} | {row['reference_findings']:>3} "
            f"{row['reference_per_1000_words']:>5.2f} | {row['native_findings']:>6} {row['native_per_1000_words']:>5.2f} "
            f"{row['judged_right']:>5} {row['judged_wrong']:>5} {_fmt(row['native_precision']):>5}"
        )
    _print_totals(scores)


def _print_totals(scores: Scores) -> None:
    totals = scores.totals()
    print()
    print(
        f"Copy: {scores.documents['mt']} MT documents ({scores.words['mt']} words), {scores.documents['reference']} "
        f"human references ({scores.words['reference']} words), {scores.documents['native']} native news stories "
        f"({scores.words['native']} words)"
    )
    print("Default rules:")
    print(
        f"  precision on MT {_fmt(totals['mt_precision'])} ({totals['mt_hits']}/{totals['mt_findings']} findings "
        f"on a marked error)"
    )
    for category in COVERED_CATEGORIES:
        print(
            f"  coverage of {category} spans {_fmt(totals[f'coverage {category}'])} "
            f"({scores.category_covered[category]}/{scores.category_spans[category]})"
        )
    print(
        f"  human references: {totals['reference_findings']} findings, "
        f"{_fmt(totals['reference_per_1000_words'])} per 1,000 words"
    )
    print(
        f"  native news: {totals['native_findings']} findings, {_fmt(totals['native_per_1000_words'])} per 1,000 words;"
        f" judged precision {_fmt(totals['native_precision'])}, {totals['unjudged']} findings unjudged"
    )
    loud = [
        row["rule"]
        for row in rows(scores)
        if row["default"] and row["native_precision"] is not None and row["native_precision"] < DEFAULT_CUT
    ]
    print(f"  default rules judged right less than {DEFAULT_CUT:.0%} of the time: {', '.join(loud) or 'none'}")


def write_docs(scores: Scores) -> None:
    """The table in docs/ and the numbers `newslint --explain` shows (lint_rules/measured.json)."""
    totals = scores.totals()
    today = date.today().isoformat()
    corpora = {
        "mt": {"documents": scores.documents["mt"], "words": scores.words["mt"]},
        "reference": {"documents": scores.documents["reference"], "words": scores.words["reference"]},
        "native": {"documents": scores.documents["native"], "words": scores.words["native"]},
    }
    measured = {
        "measured": today,
        "corpora": corpora,
        "rules": {
            row["rule"]: {k: v for k, v in row.items() if k not in ("rule", "level", "default")} for row in rows(scores)
        },
    }
    MEASURED.write_text(json.dumps(measured, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    lines = [
        "# How each rule does on real copy",
        "",
        f"Measured on {today} by `python benchmarks/corpus_quality.py --write` (which writes this page). Copy:",
        "",
        f"- **MT**: {scores.documents['mt']} machine translations of Chinese news ({scores.words['mt']:,} words) from "
        "the WMT MQM corpus, with error spans marked by professional translators. *prec*: the share of a rule's "
        "findings that overlap a marked span.",
        f"- **ref**: the {scores.documents['reference']} professional reference translations of the same corpus "
        f"({scores.words['reference']:,} words).",
        f"- **native**: {scores.documents['native']} native English news stories from Wikinews "
        f"({scores.words['native']:,} words; CC BY 2.5). *right/wrong*: findings read and judged (the judged suite in "
        "`tests/data/judged/`, which CI runs); *prec*: the share judged right, on native news and references.",
        "",
        f"A rule judged right less than {DEFAULT_CUT:.0%} of the time on professional copy is not on by default "
        "(*on*: no); `--select` turns it on. The corpora are development sets: other text judges the result.",
        "",
        "| rule | level | on | MT | prec | ref /1k | native /1k | right | wrong | prec |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows(scores):
        lines.append(
            f"| `{row['rule']}` | {row['level']} | {'yes' if row['default'] else 'no'} | {row['mt_findings']} | "
            f"{_fmt(row['mt_precision'])} | {row['reference_per_1000_words']:.2f} | "
            f"{row['native_per_1000_words']:.2f} | {row['judged_right']} | {row['judged_wrong']} | "
            f"{_fmt(row['native_precision'])} |"
        )
    lines += [
        "",
        "Default rules together:",
        "",
        f"- MT: {totals['mt_findings']} findings, precision {_fmt(totals['mt_precision'])}; coverage of "
        f"Fluency/Punctuation spans {_fmt(totals['coverage Fluency/Punctuation'])} "
        f"({scores.category_covered['Fluency/Punctuation']}/{scores.category_spans['Fluency/Punctuation']}).",
        f"- Human references: {totals['reference_findings']} findings, "
        f"{_fmt(totals['reference_per_1000_words'])} per 1,000 words.",
        f"- Native news: {totals['native_findings']} findings, {_fmt(totals['native_per_1000_words'])} per 1,000 words; "
        f"judged precision {_fmt(totals['native_precision'])} ({totals['unjudged']} unjudged).",
        "",
    ]
    DOCS_TABLE.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {DOCS_TABLE.relative_to(REPO)} and {MEASURED.relative_to(REPO)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", metavar="RULE", help="print the findings of rules starting with RULE, labelled")
    parser.add_argument("--limit", type=int, default=40, help="how many findings --show prints")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--write", action="store_true", help="write docs/rule-quality.md and lint_rules/measured.json")
    args = parser.parse_args(argv)
    missing = [path for path in CORPORA.values() if not path.is_file()]
    if missing:
        print(
            f"corpus not found: {missing[0]} (the ../shared corpora; NEWSLINT_CORPUS names their folder)",
            file=sys.stderr,
        )
        return 2
    scores = score(show=args.show, limit=args.limit)
    if args.json:
        print(json.dumps({"totals": scores.totals(), "rules": rows(scores)}, indent=2))
    elif not args.show:
        print_table(scores)
    if args.write:
        write_docs(scores)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
