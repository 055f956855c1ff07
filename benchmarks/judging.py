"""The judged suite: findings on real text, each read and judged right or wrong.

Precision on good copy cannot be counted automatically: somebody has to read each finding. This
tool keeps those readings as test data, so that every false alarm judged once stays a test that
must stay silent, and every true finding one that must keep firing (tests/test_judged.py runs them
on every CI run, without the corpora):

- tests/data/judged/judgements.jsonl: one judgement a line -- the finding's key, rule and span in
  its story, the verdict (right or wrong) and why;
- tests/data/judged/excerpts.jsonl.gz: generated from the judgements and the corpora -- for each story,
  the paragraphs around its judged findings (two before, one after; the whole story for rules that
  compare spellings across it), with the judged spans at their offsets in the excerpt.

    python benchmarks/judging.py pending [--corpus wikinews|mqm] [--rule PREFIX] [--mt]
        findings of the default rules that nobody has judged yet, each with its key and context
        (on mqm: the human references; --mt: the machine translations)
    python benchmarks/judging.py record VERDICTS
        adds judgements, one a line: KEY<TAB>right|wrong<TAB>why (# starts a comment line) of
        findings the rules give now, then writes the excerpts anew
    python benchmarks/judging.py excerpts
        writes the excerpts anew from the judgements

Keys name a finding by corpus, story, offset and rule: `wikinews/<id>@<start>:<rule>`.
Corpora: ../shared/corpus/native-news-wikinews.jsonl (CC BY 2.5, see tests/data/judged/README.md)
and ../shared/corpus/mqm-zhen-dev.jsonl (human references and MT, Apache 2.0).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newslint import Config, Finding, lint_text
from newslint.config import rule_set
from newslint.document import Document

REPO = Path(__file__).resolve().parents[1]
SHARED_CORPUS = Path(os.environ.get("NEWSLINT_CORPUS", REPO.parent / "shared" / "corpus"))
CORPORA = {
    "wikinews": SHARED_CORPUS / "native-news-wikinews.jsonl",
    "mqm": SHARED_CORPUS / "mqm-zhen-dev.jsonl",
}
JUDGED = REPO / "tests" / "data" / "judged"
JUDGEMENTS = JUDGED / "judgements.jsonl"
EXCERPTS = JUDGED / "excerpts.jsonl.gz"  # generated; compressed, as whole stories add up
VERDICTS = ("right", "wrong")
# Kinds that judge a story as a whole: consistency compares spellings across it, emphasis counts a
# habit in it. Their excerpts are whole stories, and a true finding of consistency is kept when the
# rule still reports the inconsistency anywhere (which form is the minority may change).
WHOLE_STORY_KINDS = frozenset({"consistency", "emphasis"})
ANYWHERE_KINDS = frozenset({"consistency"})
PARAGRAPHS_BEFORE, PARAGRAPHS_AFTER = 2, 1


@dataclass(frozen=True)
class Story:
    corpus: str
    id: str
    text: str
    url: str
    is_human: bool  # written (or translated) by a professional, not by a machine

    @property
    def name(self) -> str:
        return f"{self.corpus}/{self.id}"

    def key(self, finding: Finding) -> str:
        return f"{self.name}@{finding.start}:{finding.rule}"


def stories(corpus: str) -> Iterator[Story]:
    for line in CORPORA[corpus].read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            human = bool(record.get("is_human", corpus == "wikinews"))
            yield Story(corpus, record["id"], record["text"], record.get("url", ""), human)


def findings_of(story: Story) -> list[Finding]:
    return lint_text(story.text, path=f"{story.id}.txt", config=Config())


def judgements() -> list[dict]:
    if not JUDGEMENTS.is_file():
        return []
    return [json.loads(line) for line in JUDGEMENTS.read_text(encoding="utf-8").splitlines() if line.strip()]


def context(text: str, start: int, end: int, width: int = 160) -> str:
    around = text[max(0, start - width) : start] + "[[" + text[start:end] + "]]" + text[end : end + width // 2]
    return around.replace("\n", " | ")


def pending(corpus: str, rule: str | None, machine: bool) -> int:
    known = {judgement["key"] for judgement in judgements()}
    count = 0
    for story in stories(corpus):
        if story.is_human == machine:
            continue
        for finding in findings_of(story):
            key = story.key(finding)
            if key in known or (rule and not finding.rule.startswith(rule)):
                continue
            count += 1
            print(f"{key}\n    {context(story.text, finding.start, finding.end)}\n    {finding.message}")
    print(f"{count} findings not judged yet", file=sys.stderr)
    return 0


def _parse_key(key: str) -> tuple[str, str, int, str]:
    story, _, rest = key.partition("@")
    corpus, _, story_id = story.partition("/")
    start, _, rule = rest.partition(":")
    return corpus, story_id, int(start), rule


def record(verdicts_path: Path) -> int:
    known = {judgement["key"] for judgement in judgements()}
    found: dict[str, tuple[Story, list[Finding]]] = {}
    by_id = {corpus: {story.id: story for story in stories(corpus)} for corpus in CORPORA}
    added = []
    for number, line in enumerate(verdicts_path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        key, verdict, why = (line.split("\t") + ["", ""])[:3]
        if verdict not in VERDICTS or not why.strip():
            raise SystemExit(f"{verdicts_path}:{number}: expected KEY<TAB>right|wrong<TAB>why")
        if key in known:
            continue
        corpus, story_id, start, rule = _parse_key(key)
        story = by_id.get(corpus, {}).get(story_id)
        if story is None:
            raise SystemExit(f"{verdicts_path}:{number}: no story {story_id!r} in {corpus}")
        if story.name not in found:
            found[story.name] = (story, findings_of(story))
        finding = next((f for f in found[story.name][1] if f.rule == rule and f.start == start), None)
        if finding is None:
            raise SystemExit(f"{verdicts_path}:{number}: no such finding now (judge what the rules give)")
        match = story.text[finding.start : finding.end]
        added.append(
            {"key": key, "rule": rule, "start": start, "end": finding.end, "match": match, "verdict": verdict}
            | {"why": why.strip()}
        )
        known.add(key)
    JUDGED.mkdir(parents=True, exist_ok=True)
    with JUDGEMENTS.open("a", encoding="utf-8") as out:
        for judgement in added:
            out.write(json.dumps(judgement, ensure_ascii=False) + "\n")
    print(f"{len(added)} judgements added to {JUDGEMENTS.relative_to(REPO)}")
    return write_excerpts()


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    while True:
        end = text.find("\n\n", start)
        if end < 0:
            spans.append((start, len(text)))
            return spans
        spans.append((start, end))
        start = end + 2


def _window(story: Story, judgement: dict, kinds: dict[str, str]) -> tuple[int, int]:
    """Where the excerpt of one judged finding starts and ends in its story."""
    if kinds.get(judgement["rule"]) in WHOLE_STORY_KINDS:
        return 0, len(story.text)
    paragraphs = _paragraphs(story.text)
    own = max(index for index, (start, _) in enumerate(paragraphs) if start <= judgement["start"])
    last = max(own, max(index for index, (start, _) in enumerate(paragraphs) if start < judgement["end"]))
    first = max(own - PARAGRAPHS_BEFORE, 0)
    turns = [index for index in _turn_starts(story, paragraphs) if index <= own]
    if turns:
        first = min(first, turns[-1])  # a transcript: from the label of the speaker's turn
    return paragraphs[first][0], paragraphs[min(last + PARAGRAPHS_AFTER, len(paragraphs) - 1)][1]


def _turn_starts(story: Story, paragraphs: list[tuple[int, int]]) -> list[int]:
    """Indexes of the paragraphs that open a speaker's turn in a transcript."""
    document = Document(story.text)
    labels = {label.start for label in document.speaker_labels}
    return [index for index, (start, _) in enumerate(paragraphs) if start in labels]


def write_excerpts() -> int:
    """Excerpts of every judged story: overlapping windows merged, judged spans at their offsets."""
    kinds = {rule.id: rule.info.kind for rule in rule_set()}
    by_story: dict[str, list[dict]] = {}
    for judgement in judgements():
        by_story.setdefault(judgement["key"].partition("@")[0], []).append(judgement)
    lines = []
    for corpus in CORPORA:
        for story in stories(corpus):
            judged = by_story.get(story.name)
            if not judged:
                continue
            windows = sorted(
                ((_window(story, judgement, kinds), judgement) for judgement in judged), key=lambda pair: pair[0]
            )
            merged: list[tuple[int, int, list[dict]]] = []
            for (start, end), judgement in windows:
                if merged and start <= merged[-1][1] + 2:
                    first, last, members = merged[-1]
                    merged[-1] = (first, max(last, end), members + [judgement])
                else:
                    merged.append((start, end, [judgement]))
            for start, end, members in merged:
                for judgement in members:
                    if story.text[judgement["start"] : judgement["end"]] != judgement["match"]:
                        raise SystemExit(f"{judgement['key']}: the story no longer holds {judgement['match']!r}")
                findings = [
                    {key: judgement[key] for key in ("rule", "verdict", "why", "match") if key in judgement}
                    | {"start": judgement["start"] - start, "end": judgement["end"] - start}
                    | ({"anywhere": True} if kinds.get(judgement["rule"]) in ANYWHERE_KINDS else {})
                    | ({"missed": judgement["missed"]} if "missed" in judgement else {})
                    for judgement in sorted(members, key=lambda j: (j["start"], j["rule"]))
                ]
                excerpt = {"story": story.name, "url": story.url, "human": story.is_human}
                lines.append(
                    json.dumps(excerpt | {"text": story.text[start:end], "findings": findings}, ensure_ascii=False)
                )
    with gzip.GzipFile(EXCERPTS, "wb", mtime=0) as out:  # mtime 0: the same excerpts, the same bytes
        out.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"{len(lines)} excerpts written to {EXCERPTS.relative_to(REPO)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    listing = commands.add_parser("pending", help="findings not judged yet")
    listing.add_argument("--corpus", choices=sorted(CORPORA), default="wikinews")
    listing.add_argument("--rule", help="only rules whose id starts with this")
    listing.add_argument("--mt", action="store_true", help="the machine translations (mqm), not the human text")
    adding = commands.add_parser("record", help="store judgements from a file of KEY<TAB>verdict<TAB>why")
    adding.add_argument("verdicts", type=Path)
    commands.add_parser("excerpts", help="write the excerpts anew from the judgements")
    args = parser.parse_args(argv)
    missing = [path for path in CORPORA.values() if not path.is_file()]
    if missing:
        print(f"corpus not found: {missing[0]} (the ../shared corpora)", file=sys.stderr)
        return 2
    if args.command == "pending":
        return pending(args.corpus, args.rule, args.mt)
    if args.command == "record":
        return record(args.verdicts)
    return write_excerpts()


if __name__ == "__main__":
    raise SystemExit(main())
