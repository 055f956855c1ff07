"""Start-up imports only what the run needs (issue 13): a guard on what is imported, not a timing.

Linting a one-line plain-text file must not import the translation QA, LanguageTool, the fixer,
the result cache, the output formats other than text, regex's pattern parser, nor build the rules
its text cannot trigger. Each of these once cost start-up milliseconds; a new top-level import of one of them
fails here. How long start-up takes is measured by benchmarks/throughput.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from newslint import lint_text
from newslint.bitext.kinds import BILINGUAL_KINDS
from newslint.rules.registry import BILINGUAL_KIND_NAMES, KIND_NAMES, kind_class

# Runs newslint's command line in this process, then reports what was imported and which rules
# were built (a rule not built is a DeferredRule still holding no rule).
_PROBE = """
import json, sys
preloaded = sorted(sys.modules)  # an editable install's finder imports pathlib as Python starts
from newslint.cli import main
from newslint.config import Config, active_rules
sys.stdout = open(sys.argv[2], "w", encoding="utf-8")
code = main(["--isolated", "--no-cache", sys.argv[1]])
sys.stdout.close()
built = [rule.id for rule in active_rules(Config()) if getattr(rule, "_rule", True) is not None]
report = {"code": code, "modules": sorted(sys.modules), "preloaded": preloaded, "built": built}
print(json.dumps(report), file=sys.stderr)
"""

NOT_NEEDED = [
    "newslint.bitext.run",
    "newslint.bitext.document",
    "newslint.bitext.kinds",
    "newslint.bitext.numbers",
    "newslint.backends.languagetool",
    "newslint.backends.lt_client",
    "newslint.fixes",
    "newslint.fix_report",  # fix_paths' report: --fix and --diff only
    "newslint.source_location",  # bilingual findings only
    "string",  # rule messages are checked with _string.formatter_parser (rules/loader.py)
    "newslint.chunked_fix",
    "newslint.atomic",
    "newslint.cache",
    "newslint.suppression",  # only for a text with suppression comments
    "newslint.output.diff",
    "newslint.output.sarif",
    "newslint.output.junit",
    "newslint.output.gitlab",
    "newslint.output.github",
    "newslint.output.json",
    "newslint.output.html_report",
    "newslint.formats.markdown",
    "newslint.formats.html",
    "newslint.explain",
    "newslint.lsp",
    "yaml",  # the packs are read from the packs memo
    "regex._main",  # regex's Python side (and so the package): its C engine rebuilds the memo's programs
    "regex._regex_core",  # the parser, ~7 ms (newslint/lazy_regex.py)
    "markdown_it",
    "multiprocessing",
    "secrets",  # only to make the user's signing key, on the first run
    "hashlib",  # OpenSSL's bindings: 4 MB a process; newslint's digests are BLAKE2 (digests.py)
    "_hashlib",
    "hmac",
]

# Not needed either, unless Python's start-up imported them already (see `preloaded`): the run's
# own paths are handled with os.path (config discovery, the packs' files, the word lists).
NOT_NEEDED_BY_NEWSLINT = [
    "pathlib",  # with urllib.parse and ipaddress, ~3 ms on Python 3.11
    "urllib",
    "ipaddress",
    "fnmatch",
    "dataclasses",  # ~7 ms with inspect, and ~8 ms making the classes: newslint's are records (records.py)
    "inspect",
]


def _probe(tmp_path: Path, text: str = "The talks ended. . Officials in Kiev said so.\n") -> dict:
    story = tmp_path / "small.txt"
    story.write_text(text, encoding="utf-8")
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "user-cache"), XDG_STATE_HOME=str(tmp_path / "state"))
    env.pop("NEWSLINT_NO_RULE_CACHE", None)
    command = [sys.executable, "-c", _PROBE, str(story), str(tmp_path / "out.txt")]
    for _ in range(2):  # the first run learns the packs memo; the second is a user's every run
        done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    report["output"] = (tmp_path / "out.txt").read_text(encoding="utf-8")
    return report


def test_a_one_line_file_imports_only_what_it_needs(tmp_path):
    report = _probe(tmp_path)
    assert report["code"] == 1 and "names.kyiv" in report["output"] and "punct.doubled" in report["output"]
    imported = [
        module
        for module in report["modules"]
        for unneeded in NOT_NEEDED
        if module == unneeded or module.startswith(unneeded + ".")
    ]
    assert not imported, f"imported by a plain one-line run: {imported}"
    by_newslint = set(report["modules"]) - set(report["preloaded"])
    assert not by_newslint & set(NOT_NEEDED_BY_NEWSLINT), by_newslint & set(NOT_NEEDED_BY_NEWSLINT)


def test_a_replacement_with_group_references_needs_no_regex_parser(tmp_path):
    """calque.participate-to's fix is 'participat\\1 in': put together from its match's group, not
    by Match.expand, which imports regex's Python side (its template parser) at the first such
    finding of a run."""
    report = _probe(tmp_path, "Officials participated to the talks.\n")
    assert "participated in" in report["output"]
    assert "regex._main" not in report["modules"] and "regex._regex_core" not in report["modules"]


def test_a_one_line_file_builds_only_the_rules_it_triggers(tmp_path):
    built = _probe(tmp_path)["built"]
    assert "names.kyiv" in built and "punct.doubled" in built
    assert len(built) < 20, f"{len(built)} rules built for one line: {built}"
    assert not [rule for rule in built if rule.startswith("bitext.")]


def test_the_registry_knows_every_kind_by_its_name():
    assert {kind.kind for kind in BILINGUAL_KINDS} == BILINGUAL_KIND_NAMES
    for name in KIND_NAMES:
        assert kind_class(name).kind == name
    assert kind_class("no-such-kind") is None


# The command's entry point, in a fresh interpreter: what importing it loads, and what the
# collector is left to walk while the linter runs and at exit.
_ENTRY_PROBE = """
import gc, json, sys
import newslint.console
loaded_first = sorted(m for m in sys.modules if m.startswith("newslint"))
sys.argv = ["newslint", "--isolated", "--no-cache", sys.argv[1]]
seen = {}
import newslint.cli
run = newslint.cli.main
def spy(*args):
    seen["frozen"] = gc.get_freeze_count()
    return run(*args)
newslint.cli.main = spy
newslint.console._exit_now = lambda code: None  # the process goes on, to report
code = newslint.console.main()
report = {"first": loaded_first, "code": code, "seen": seen, "frozen": gc.get_freeze_count()}
print(json.dumps(report), file=sys.stderr)
"""


def test_the_command_freezes_what_lives_to_its_end(tmp_path):
    story = tmp_path / "small.txt"
    story.write_text("Officials in Kiev said so.\n", encoding="utf-8")
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "user-cache"), XDG_STATE_HOME=str(tmp_path / "state"))
    done = subprocess.run(
        [sys.executable, "-c", _ENTRY_PROBE, str(story)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert report["first"] == ["newslint", "newslint.console"]  # `import newslint` loads no linter
    assert report["code"] == 1 and "names.kyiv" in done.stdout
    assert report["seen"]["frozen"] > 10_000  # the imported modules, before the run
    assert report["frozen"] > report["seen"]["frozen"]  # and the rules the run built, before exit


# The command's entry point ending its process: an exit handler registered during the run, and
# a report far larger than any buffer, written to a pipe.
_EXIT_PROBE = """
import atexit, sys
import newslint.console
sys.argv = ["newslint", "--isolated", "--no-cache", "--format", "json", sys.argv[1]]
atexit.register(lambda: print("exit handler", file=sys.stderr))
newslint.console.main()
print("not reached", file=sys.stderr)
"""


def test_the_command_ends_its_process_with_its_output_out_and_its_exit_handlers_run(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Officials in Kiev said so. . They left.\n\n" * 2000, encoding="utf-8")
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "user-cache"), XDG_STATE_HOME=str(tmp_path / "state"))
    command = [sys.executable, "-c", _EXIT_PROBE, str(story)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert done.returncode == 1 and done.stderr == "exit handler\n"
    findings = json.loads(done.stdout)
    assert len(findings) == 2000 * len(lint_text("Officials in Kiev said so. . They left.\n\n", "a.txt"))


def test_the_package_exports_its_api_on_first_use():
    import newslint

    assert set(newslint.__all__) <= set(dir(newslint))
    assert newslint.lint_text("Officials in Kiev said so.")[0].rule == "names.kyiv"
    assert newslint.Config is __import__("newslint.config", fromlist=["Config"]).Config


def test_the_command_line_is_parsed_without_shutil():
    """argparse imports shutil (and with it bz2, lzma and zlib: ~2 ms) for the terminal's width,
    each time it makes a formatter, as it does for each argument added; newslint's formatter
    finds the width itself (cli._HelpFormatter). An editable install still imports shutil, to
    find the packs through importlib.resources: hence this test of the parser alone."""
    probe = "import json, sys; from newslint import cli; cli.build_parser().parse_args(['x']); print(json.dumps(list(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    imported = json.loads(done.stdout)
    assert "argparse" in imported and not {"shutil", "bz2", "lzma"} & set(imported)
