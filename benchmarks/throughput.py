"""Throughput, start-up and memory of newslint, beside codespell and proselint, in the same run.

    python benchmarks/throughput.py [--copies 2000] [--runs 3] [--big-mb 100] [--json]

It installs newslint from this checkout, and codespell and proselint from PyPI, into temporary
virtual environments (so that each starts the way an installed tool does), builds two corpora
in a temporary folder, and times whole processes, several runs, median:

- distinct stories, where no cache can help: the documents of ../shared/corpus/mqm-zhen-dev.jsonl
  (machine and human translations) and the native stories of native-news-wikinews.jsonl, one
  file each. newslint `--no-cache` with one job and with all cores; codespell (one regex and a
  dictionary look-up per word, one process) and proselint on the same files;
- the first newslint run after the install, on the distinct stories, reported on its own: it
  builds the packs memo (rules and compiled patterns, once per install), which every later run
  reads, so it is not one of the runs whose median is taken;
- copies of the seed article as separate files: newslint `--no-cache` on all cores, with the
  result cache cold (identical files are linted once) and warm, and proselint;
- newslint's start-up on a one-line file, with its .pyc files (as pip installs it) and without
  (PYTHONDONTWRITEBYTECODE, the package's __pycache__ removed); `python -c pass` beside it;
- newslint on one big file (its memory against the file's size), and --fix on a copy of it.

Peak memory is given twice, both sampled every 20 ms from /proc: the sum of the resident memory
of the process and its workers (it varies by a few MB from run to run), and the largest
high-water mark of any one of them (memory per worker). Not a test: these machines are shared
and noisy, which is why the tools are measured side by side, and why the ratios mean more than
the seconds.
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
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_273ab2e08d5b05c0.txt"
SHARED_CORPUS = REPO.parent / "shared" / "corpus"
DISTINCT = (SHARED_CORPUS / "mqm-zhen-dev.jsonl", SHARED_CORPUS / "native-news-wikinews.jsonl")


def venv_with(folder: Path, *requirements: str) -> Path:
    """A virtual environment with the requirements installed; returns its bin folder."""
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    bin_folder = folder / "bin"
    subprocess.run([str(bin_folder / "pip"), "install", "--quiet", *requirements], check=True)
    return bin_folder


def _tree_memory(pid: int) -> tuple[int, int]:
    """(resident memory of a process and its descendants together, the largest high-water mark
    of one of them), in bytes (Linux /proc). A process's high-water mark (VmHWM) counts from its
    exec: unlike the maximum resident set that wait4 gives for a child of this process, it does
    not start at the size of this Python process, which the child was forked from. Only the
    tree's own /proc files are read (its children from /proc/PID/task/*/children): this runs
    every 20 ms beside the processes it measures, and reading every process of the machine took
    a core's 6% (1.2 ms a sample), taken from newslint's workers on a 2-core machine."""
    total, largest, stack = 0, 0, [pid]
    while stack:
        current = stack.pop()
        total += _resident(current)
        largest = max(largest, _high_water(current))
        stack.extend(_children(current))
    return total, largest


def _resident(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return int(handle.read().rsplit(")", 1)[1].split()[21]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return 0


def _children(pid: int) -> list[int]:
    """The processes pid started, from any of its threads."""
    children: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                children.extend(int(child) for child in handle.read().split())
    except (OSError, ValueError):
        pass
    return children


def _high_water(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def measured(
    command: list[str], cwd: Path, env: dict | None = None, ok: tuple[int, ...] = (0, 1)
) -> tuple[float, int, int, int]:
    """(seconds, peak memory of the process tree, peak memory of one process, exit code) of one
    run; an exit code not in `ok` stops all. Both are sampled every 20 ms: the tree's sum varies
    by a few MB from run to run; one process's is its high-water mark, which only grows, so the
    last sample misses only what it gained in its last 20 ms (the memory per worker)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    peaks, largest = [0], [0]

    def sample() -> None:  # in a thread, so that the clock stops when the process does, not at a tick
        while process.poll() is None:
            total, one = _tree_memory(process.pid)
            peaks.append(max(peaks[-1], total))
            largest.append(max(largest[-1], one))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stderr = process.stderr.read()  # type: ignore[union-attr]  # to its end: the process cannot block on it
    process.wait()
    seconds = time.perf_counter() - started
    sampler.join()
    if process.returncode not in ok:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {stderr.decode()[:500]}")
    return seconds, peaks[-1], largest[-1], process.returncode


def median_run(command: list[str], cwd: Path, runs: int, before=None, **options) -> dict:
    results = []
    for _ in range(runs):
        if before:
            before()
        results.append(measured(command, cwd, **options))
    return {
        "seconds": statistics.median(r[0] for r in results),
        "peak_bytes": max(r[1] for r in results),
        # the median: a first run that writes the packs memo needs a few MB more, once
        "process_peak_bytes": statistics.median(r[2] for r in results),
    }


def build_seed_copies(folder: Path, copies: int) -> tuple[int, int]:
    """The seed article `copies` times; returns (files, bytes)."""
    folder.mkdir(parents=True)
    seed = SEED.read_bytes()
    for index in range(copies):
        (folder / f"seed_{index:05d}.txt").write_bytes(seed)
    return copies, copies * len(seed)


def build_distinct(folder: Path) -> tuple[int, int]:
    """Each document of the corpora in DISTINCT that are here, as a file; returns (files, bytes)."""
    folder.mkdir(parents=True)
    files = size = 0
    for corpus in DISTINCT:
        if not corpus.is_file():
            continue
        for index, line in enumerate(corpus.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                data = (json.loads(line)["text"] + "\n").encode("utf-8")
                (folder / f"{corpus.stem}_{index:04d}.txt").write_bytes(data)
                files, size = files + 1, size + len(data)
    return files, size


def without_bytecode(bin_folder: Path) -> None:
    """Remove newslint's compiled .pyc files from a virtual environment (a cold start)."""
    for cache in bin_folder.parent.glob("lib/python*/site-packages/newslint/**/__pycache__"):
        shutil.rmtree(cache, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=2000, help="copies of the seed article")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="all cores: newslint's default")
    parser.add_argument("--big-mb", type=int, default=100, help="size of the single big file (0: skip)")
    parser.add_argument("--skip-proselint", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="newslint-bench-"))
    try:
        print(f"installing newslint, codespell and proselint into {work} ...", file=sys.stderr)
        newslint_bin = venv_with(work / "venv-newslint", str(REPO))
        codespell_bin = venv_with(work / "venv-codespell", "codespell")
        proselint_bin = None if args.skip_proselint else venv_with(work / "venv-proselint", "proselint")
        files, size = build_distinct(work / "distinct")
        copies, copies_size = build_seed_copies(work / "copies", args.copies)
        report: dict = {"jobs": args.jobs, "cpus": os.cpu_count(), "runs": args.runs}
        report["distinct"] = {"files": files, "megabytes": size / 1e6}
        report["copies"] = {"files": copies, "megabytes": copies_size / 1e6}
        newslint = [str(newslint_bin / "newslint"), "--exit-zero"]
        jobs = ["--jobs", str(args.jobs)]

        def clear_cache() -> None:
            shutil.rmtree(work / ".newslint_cache", ignore_errors=True)

        distinct = report["distinct"]
        if files:
            # The first run after an install builds the packs memo (the rules' metadata and
            # compiled patterns, newslint/packs_memo.py), once: it is reported on its own, not
            # left to be one of the runs whose median is taken (where it made the median the
            # slower of the two others). The start-up measurement below is warmed the same way.
            report["newslint, first run after install (builds the packs memo)"] = median_run(
                [*newslint, "--no-cache", "--jobs", "1", "distinct"], work, 1
            )
            distinct["newslint --no-cache --jobs 1"] = median_run(
                [*newslint, "--no-cache", "--jobs", "1", "distinct"], work, args.runs
            )
            distinct["newslint --no-cache, all cores"] = median_run(
                [*newslint, "--no-cache", *jobs, "distinct"], work, args.runs
            )
            # codespell exits 65 when it finds a misspelling
            codespell = [str(codespell_bin / "codespell"), "distinct"]
            distinct["codespell"] = median_run(codespell, work, args.runs, ok=(0, 65))
            if proselint_bin is not None:
                distinct["proselint"] = median_run([str(proselint_bin / "proselint"), "check", "distinct"], work, 1)

        seeds = report["copies"]
        seeds["newslint --no-cache, all cores"] = median_run(
            [*newslint, "--no-cache", *jobs, "copies"], work, args.runs
        )
        seeds["newslint, cold cache (default)"] = median_run(
            [*newslint, *jobs, "copies"], work, args.runs, before=clear_cache
        )
        seeds["newslint, warm cache"] = median_run([*newslint, *jobs, "copies"], work, args.runs)
        if proselint_bin is not None:
            seeds["proselint"] = median_run([str(proselint_bin / "proselint"), "check", "copies"], work, 1)

        small = work / "small.txt"
        small.write_text("The talks ended. . Officials in Kiev said so.\n", encoding="utf-8")
        median_run([*newslint, "--no-cache", "small.txt"], work, 1)  # first run writes the rule cache
        startup_runs = max(args.runs, 7)
        report["start-up, one-line file"] = median_run([*newslint, "--no-cache", "small.txt"], work, startup_runs)
        report["python -c pass"] = median_run([str(newslint_bin / "python"), "-c", "pass"], work, startup_runs)
        without_bytecode(newslint_bin)
        report["start-up, one-line file, no .pyc"] = median_run(
            [*newslint, "--no-cache", "small.txt"],
            work,
            startup_runs,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        )

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
    print(f"{report['cpus']} CPUs, all cores = {report['jobs']} jobs; median of {report['runs']} runs (proselint: 1)")
    for corpus, title in (("distinct", "distinct stories"), ("copies", "copies of the seed article")):
        runs = report[corpus]
        size, files = runs["megabytes"], runs["files"]
        print(f"{title}: {files} files, {size:.2f} MB")
        for name, run in runs.items():
            if isinstance(run, dict):
                print(
                    f"  {name:<34} {run['seconds']:7.2f} s  {size / run['seconds']:7.2f} MB/s  "
                    f"{files / run['seconds']:7.0f} files/s  peak {run['peak_bytes'] / 1e6:5.0f} MB, "
                    f"one process {run['process_peak_bytes'] / 1e6:5.1f} MB"
                )
    distinct = report["distinct"]
    if "codespell" in distinct:
        for name in ("newslint --no-cache --jobs 1", "newslint --no-cache, all cores"):
            ratio = distinct["codespell"]["seconds"] / distinct[name]["seconds"]
            print(f"distinct stories, {name}: {ratio:.2f}x codespell's throughput")
    if "proselint" in report["copies"]:
        ratio = report["copies"]["proselint"]["seconds"] / report["copies"]["newslint --no-cache, all cores"]["seconds"]
        print(f"seed copies, newslint --no-cache on all cores: {ratio:.1f}x proselint's throughput")
    first = report.get("newslint, first run after install (builds the packs memo)")
    if first is not None:
        print(f"distinct stories, the first run after the install (it builds the packs memo): {first['seconds']:.2f} s")
    python = report["python -c pass"]["seconds"]
    warm = report["start-up, one-line file"]["seconds"]
    cold = report["start-up, one-line file, no .pyc"]["seconds"]
    print(
        f"start-up on a one-line file: {warm * 1000:.0f} ms; without .pyc {cold * 1000:.0f} ms (python -c pass: {python * 1000:.0f} ms)"
    )
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
