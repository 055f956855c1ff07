"""Throughput, start-up and memory of newslint, beside proselint, in the same run.

    python benchmarks/throughput.py [--copies 2000] [--runs 3] [--big-mb 100] [--json]

It builds a corpus in a temporary folder -- copies of the seed article as separate files, and the
documents of ../shared/corpus/mqm-zhen-dev.jsonl as files -- installs newslint from this checkout
and proselint from PyPI into temporary virtual environments (so that both start the way an
installed tool does), and times whole processes, several runs, median:

- newslint on the corpus with its default rules: `--no-cache` (every file linted), with the
  result cache cold (the default on a first run: identical files are linted once), and warm;
  and proselint on the same files;
- newslint's start-up on one small file;
- newslint on one big file (its memory against the file's size), and --fix on a copy of it.

Peak memory is the sum of the resident memory of the process and its workers, sampled every
20 ms from /proc. Not a test: these machines are shared and noisy, which is why the two tools
are measured side by side.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_273ab2e08d5b05c0.txt"
CORPUS = REPO.parent / "shared" / "corpus" / "mqm-zhen-dev.jsonl"


def venv_with(folder: Path, *requirements: str) -> Path:
    """A virtual environment with the requirements installed; returns its bin folder."""
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    bin_folder = folder / "bin"
    subprocess.run([str(bin_folder / "pip"), "install", "--quiet", *requirements], check=True)
    return bin_folder


def _tree_rss(pid: int) -> int:
    """Resident memory of a process and its descendants, in bytes (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        total += rss.get(current, 0)
        stack.extend(children.get(current, []))
    return total


def measured(command: list[str], cwd: Path) -> tuple[float, int, int]:
    """(seconds, peak memory in bytes, exit code) of one run."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss(process.pid))
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {process.stderr.read().decode()[:500]}")
    return seconds, peak, process.returncode


def median_run(command: list[str], cwd: Path, runs: int, before=None) -> dict:
    results = []
    for _ in range(runs):
        if before:
            before()
        results.append(measured(command, cwd))
    return {"seconds": statistics.median(r[0] for r in results), "peak_bytes": max(r[1] for r in results)}


def build_corpus(folder: Path, copies: int) -> tuple[int, int]:
    """The seed article `copies` times, plus the MQM corpus documents; returns (files, bytes)."""
    folder.mkdir(parents=True)
    seed = SEED.read_bytes()
    for index in range(copies):
        (folder / f"seed_{index:05d}.txt").write_bytes(seed)
    files, size = copies, copies * len(seed)
    if CORPUS.is_file():
        for index, line in enumerate(CORPUS.read_text(encoding="utf-8").splitlines()):
            data = (json.loads(line)["text"] + "\n").encode("utf-8")
            (folder / f"mqm_{index:04d}.txt").write_bytes(data)
            files, size = files + 1, size + len(data)
    return files, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=2000, help="copies of the seed article")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--big-mb", type=int, default=100, help="size of the single big file (0: skip)")
    parser.add_argument("--skip-proselint", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="newslint-bench-"))
    try:
        print(f"installing newslint and proselint into {work} ...", file=sys.stderr)
        newslint_bin = venv_with(work / "venv-newslint", str(REPO))
        proselint_bin = None if args.skip_proselint else venv_with(work / "venv-proselint", "proselint")
        corpus = work / "corpus"
        files, size = build_corpus(corpus, args.copies)
        newslint = [str(newslint_bin / "newslint"), "--exit-zero"]
        report: dict = {"files": files, "megabytes": size / 1e6, "jobs": args.jobs, "cpus": os.cpu_count()}

        def clear_cache() -> None:
            shutil.rmtree(work / ".newslint_cache", ignore_errors=True)

        report["newslint --no-cache"] = median_run(
            [*newslint, "--no-cache", "--jobs", str(args.jobs), "corpus"], work, args.runs
        )
        report["newslint --no-cache --jobs 1"] = median_run([*newslint, "--no-cache", "--jobs", "1", "corpus"], work, 1)
        report["newslint, cold cache (default)"] = median_run(
            [*newslint, "--jobs", str(args.jobs), "corpus"], work, args.runs, before=clear_cache
        )
        report["newslint, warm cache"] = median_run([*newslint, "--jobs", str(args.jobs), "corpus"], work, args.runs)
        if proselint_bin is not None:
            report["proselint"] = median_run([str(proselint_bin / "proselint"), "check", "corpus"], work, args.runs)

        small = work / "small.txt"
        small.write_text("The talks ended. . Officials in Kiev said so.\n", encoding="utf-8")
        median_run([*newslint, "--no-cache", "small.txt"], work, 1)  # first run writes the rule cache
        report["start-up, one small file"] = median_run([*newslint, "--no-cache", "small.txt"], work, max(args.runs, 7))
        report["python -c pass"] = median_run([str(newslint_bin / "python"), "-c", "pass"], work, max(args.runs, 7))

        if args.big_mb:
            big = work / "big.txt"
            seed = SEED.read_bytes()
            with open(big, "wb") as handle:
                for _ in range(args.big_mb * 1_000_000 // len(seed) + 1):
                    handle.write(seed + b"\n\n")
            report["big file bytes"] = big.stat().st_size
            report["newslint, one big file"] = median_run([*newslint, "--no-cache", "big.txt"], work, 1)
            fixed = work / "fixed.txt"
            report["newslint --fix, one big file"] = median_run(
                [*newslint, "--fix", "fixed.txt"], work, 1, before=lambda: shutil.copyfile(big, fixed)
            )
        print_report(report, args.json)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def print_report(report: dict, as_json: bool) -> None:
    if as_json:
        print(json.dumps(report, indent=2))
        return
    size, files = report["megabytes"], report["files"]
    print(f"corpus: {files} files, {size:.1f} MB; {report['jobs']} jobs on {report['cpus']} CPUs; median of runs")
    for name in (
        "newslint --no-cache",
        "newslint --no-cache --jobs 1",
        "newslint, cold cache (default)",
        "newslint, warm cache",
        "proselint",
    ):
        if name in report:
            run = report[name]
            print(
                f"  {name:<32} {run['seconds']:7.2f} s  {size / run['seconds']:7.2f} MB/s  "
                f"{files / run['seconds']:8.0f} files/s  peak {run['peak_bytes'] / 1e6:6.0f} MB"
            )
    if "proselint" in report:
        ratio = report["proselint"]["seconds"] / report["newslint --no-cache"]["seconds"]
        print(f"  newslint (--no-cache) is {ratio:.1f}x proselint's throughput")
    startup = report["start-up, one small file"]["seconds"]
    python = report["python -c pass"]["seconds"]
    print(f"start-up on one small file: {startup * 1000:.0f} ms (python -c pass: {python * 1000:.0f} ms)")
    for name in ("newslint, one big file", "newslint --fix, one big file"):
        if name in report:
            big = report[name]
            print(
                f"{name.replace('newslint', '').strip(', ')} of {report['big file bytes'] / 1e6:.0f} MB: "
                f"{big['seconds']:.1f} s, peak {big['peak_bytes'] / 1e6:.0f} MB "
                f"({big['peak_bytes'] / report['big file bytes']:.1f}x its size)"
            )


if __name__ == "__main__":
    main()
