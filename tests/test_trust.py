"""What newslint reads from disk is data: caches run no code, and are believed only when valid.

Whoever can write a cache folder (a shared home, a CI cache restored from another branch) must
not be able to run code as the next user, silence findings, crash an output format or steer
--fix. YAML from anywhere (rules, configuration, front matter) gets a one-line error, never a
traceback, however deep it nests.
"""

from __future__ import annotations

import json
import os
import pickle
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from newslint import cachefiles
from newslint.packs_memo import MEMO
from newslint.rules.loader import builtin_rules
from tests.conftest import run_cli

STORY = "The minister arrived in Kiev. . Talks began.\n"


class _Payload:
    """Unpickling this creates a folder: proof that loading a cache ran code."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (str(self.marker),))


def _newslint(tmp_path: Path, *args: str, isolated: bool = True, **kwargs) -> subprocess.CompletedProcess:
    """newslint in a process of its own, with this test's own user cache and state folders."""
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "user-cache"), XDG_STATE_HOME=str(tmp_path / "state"))
    env.pop("NEWSLINT_NO_RULE_CACHE", None)
    return subprocess.run(
        [sys.executable, "-m", "newslint", *(["--isolated"] if isolated else []), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        **kwargs,
    )


def test_a_planted_pickle_in_the_user_cache_runs_no_code(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    first = _newslint(tmp_path, "--no-cache", str(story))
    marker = tmp_path / "owned"
    cache = tmp_path / "user-cache" / "newslint"
    planted = [*cache.glob("*"), cache / "rules-0.pickle"] if cache.is_dir() else []
    for path in planted:
        path.write_bytes(pickle.dumps(_Payload(marker)))
    second = _newslint(tmp_path, "--no-cache", str(story))
    assert not marker.exists()
    assert "names.kyiv" in first.stdout and second.stdout == first.stdout


def test_a_tampered_rule_memo_is_not_believed(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    first = _newslint(tmp_path, "--no-cache", str(story))
    [memo] = (tmp_path / "user-cache" / "newslint").glob("packs-*.json")
    signature, _, payload = memo.read_bytes().partition(b"\n")
    tables = json.loads(payload)
    tables["literal"] = {pattern: "never in any story" for pattern in tables["literal"]}  # would silence rules
    tables["documents"] = {key: {"s": [], "l": 1, "i": []} for key in tables["documents"]}  # empty packs
    memo.write_bytes(signature + b"\n" + json.dumps(tables).encode())
    assert _newslint(tmp_path, "--no-cache", str(story)).stdout == first.stdout


def test_remembered_packs_give_the_rules_parsing_gives(monkeypatch):
    parsed = builtin_rules()  # remembers (the memo is empty in a fresh user cache folder) ...
    remembered = builtin_rules()  # ... and reads the memo back
    assert [(r.id, r.info, r.required_literals()) for r in remembered] == [
        (r.id, r.info, r.required_literals()) for r in parsed
    ]
    monkeypatch.setattr(MEMO, "_read", lambda name: {})  # what a run without the memo computes
    fresh = builtin_rules()
    assert [(r.id, r.required_literals()) for r in fresh] == [(r.id, r.required_literals()) for r in remembered]


# --- the result cache ---------------------------------------------------------------------------


def _only_entry(root: Path) -> Path:
    [entry] = (root / ".newslint_cache" / "results").rglob("*.json")
    return entry


FORGED = [
    pytest.param([], id="silences-the-file"),
    pytest.param(
        [
            {
                "line": 1,
                "column": 1,
                "end_line": 1,
                "end_column": 4,
                "start": 0,
                "end": 3,
                "rule": "names.kyiv",
                "severity": "fatal",
                "message": "x",
                "fix": None,
            }
        ],
        id="unknown-severity",
    ),
]


@pytest.mark.parametrize("records", FORGED)
@pytest.mark.parametrize("output", ["text", "github", "sarif"])
def test_a_forged_result_entry_is_not_believed(capsys, tmp_path, monkeypatch, records, output):
    """The entry carries a correct checksum (what the cache used to check), not the user's
    signature: it is a miss, and the file is linted again."""
    import hashlib

    monkeypatch.chdir(tmp_path)
    Path("story.txt").write_text(STORY, encoding="utf-8")
    first = run_cli(capsys, "--isolated", "--format", output, "story.txt")
    digest = hashlib.sha256(json.dumps(records, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    _only_entry(tmp_path).write_text(json.dumps({"findings": records, "digest": digest}), encoding="utf-8")
    assert run_cli(capsys, "--isolated", "--format", output, "story.txt") == first


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda r: r.update(severity="fatal"), id="severity"),
        pytest.param(lambda r: r.update(end=10**9), id="outside-the-text"),
        pytest.param(lambda r: r.update(line="1"), id="not-a-number"),
        pytest.param(
            lambda r: r.update(fix={"replacement": "x", "start": 0, "end": 1, "applicability": "sure"}), id="fix"
        ),
        pytest.param(lambda r: r.update(extra=1), id="unknown-key"),
    ],
)
def test_a_signed_entry_is_still_validated(capsys, tmp_path, monkeypatch, change):
    """Even an entry this user's key signed (a key that leaked, a bug) is checked as untrusted input."""
    monkeypatch.chdir(tmp_path)
    Path("story.txt").write_text(STORY, encoding="utf-8")
    first = run_cli(capsys, "--isolated", "--format", "sarif", "story.txt")
    entry = _only_entry(tmp_path)
    records = json.loads(cachefiles.read_entry(entry.parent, entry.name))
    change(records[0])
    cachefiles.write_entry(entry.parent, entry.name, json.dumps(records).encode())
    assert run_cli(capsys, "--isolated", "--format", "sarif", "story.txt") == first


def test_an_entry_copied_under_another_name_is_not_believed(capsys, tmp_path, monkeypatch):
    """A clean file's entry, copied over a dirty file's, would silence it."""
    monkeypatch.chdir(tmp_path)
    Path("clean.txt").write_text("The minister arrived in Kyiv.\n", encoding="utf-8")
    run_cli(capsys, "--isolated", "clean.txt")
    clean_entry = _only_entry(tmp_path)
    Path("story.txt").write_text(STORY, encoding="utf-8")
    first = run_cli(capsys, "--isolated", "story.txt")
    [dirty_entry] = [e for e in (tmp_path / ".newslint_cache" / "results").rglob("*.json") if e != clean_entry]
    dirty_entry.write_bytes(clean_entry.read_bytes())
    assert run_cli(capsys, "--isolated", "story.txt") == first


def test_a_symlinked_cache_folder_is_not_followed(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / ".newslint_cache").symlink_to(elsewhere)
    Path("story.txt").write_text(STORY, encoding="utf-8")
    first = run_cli(capsys, "--isolated", "story.txt")
    assert list(elsewhere.iterdir()) == []
    assert run_cli(capsys, "--isolated", "story.txt") == first


def test_links_inside_the_cache_folder_are_not_followed(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    cache = tmp_path / ".newslint_cache"
    cache.mkdir()
    (cache / ".gitignore").symlink_to(victim)
    (cache / "results").symlink_to(elsewhere)
    Path("story.txt").write_text(STORY, encoding="utf-8")
    run_cli(capsys, "--isolated", "story.txt")
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert list(elsewhere.iterdir()) == []


def test_a_full_disk_leaves_no_temporary_file_in_the_cache(tmp_path):
    """Files may grow to 200 bytes: the cache entry cannot be written, and its temporary goes."""
    story = tmp_path / "story.txt"
    story.write_text(STORY * 5, encoding="utf-8")

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (200, 200))

    _newslint(tmp_path, "--no-cache", str(story))  # the key and the rule memo, written beforehand
    done = _newslint(tmp_path, str(story), preexec_fn=small_files)
    assert "names.kyiv" in done.stdout and "Traceback" not in done.stderr
    cache = tmp_path / ".newslint_cache"
    assert cache.is_dir() and [p.name for p in cache.rglob("*") if p.is_file() and "tmp" in p.name] == []


# --- YAML nested without end --------------------------------------------------------------------

DEEP = "[" * 3000 + "]" * 3000


def test_deeply_nested_yaml_in_a_config_is_one_line(tmp_path):
    config = tmp_path / "newslint.yaml"
    config.write_text(f"select: {DEEP}\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    done = _newslint(tmp_path, "--config", str(config), "story.txt", isolated=False)
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert done.stderr.startswith(f"{config}:1: invalid YAML:")


def test_deeply_nested_toml_in_a_config_is_one_line(tmp_path):
    (tmp_path / "pyproject.toml").write_text(f"[tool.newslint]\nselect = {DEEP}\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    done = _newslint(tmp_path, "story.txt", isolated=False)
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "nested too deeply" in done.stderr


@pytest.mark.parametrize("nesting", [DEEP, "\n" + "".join("  " * depth + "- \n" for depth in range(200))])
def test_deeply_nested_yaml_in_a_rule_file_is_one_line(tmp_path, nesting):
    rules = tmp_path / "house.yaml"
    rules.write_text(f"- id: house.x\n  kind: existence\n  message: x\n  tokens: {nesting}\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    done = _newslint(tmp_path, "--rules", str(rules), "story.txt")
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert done.stderr.startswith(f"{rules}:") and "invalid YAML" in done.stderr


def test_deeply_nested_front_matter_is_no_traceback(tmp_path):
    story = tmp_path / "story.md"
    story.write_text("---\ntitle: Talks\ntags: " + "[" * 600 + "]" * 600 + "\n---\n\nKiev is here.\n", encoding="utf-8")
    done = _newslint(tmp_path, "--no-cache", str(story))
    assert done.returncode == 1 and done.stderr == ""
    assert f"{story}:6:1: names.kyiv" in done.stdout


def test_without_libyaml_the_same_loader_bounds_nesting(monkeypatch):
    """PyYAML built without libyaml: the pure-Python parser, with the same limit and lines."""
    import sys

    from newslint.errors import RuleFileError
    from newslint.rules import yaml_source

    monkeypatch.setitem(sys.modules, "yaml.cyaml", None)  # import yaml.cyaml now fails
    yaml_source._loader.cache_clear()
    try:
        assert "CParser" not in [cls.__name__ for cls in yaml_source._loader().__mro__]
        document = yaml_source.parse_yaml("a: [1, {b: no}]\nc: on\n")
        assert document == {"a": [1, {"b": "no"}], "c": "on"} and document.key_lines == {"a": 1, "c": 2}
        with pytest.raises(RuleFileError, match=r"^x.yaml:1: invalid YAML: nested deeper than 64 levels$"):
            yaml_source.load_yaml("select: " + DEEP, "x.yaml")
    finally:
        yaml_source._loader.cache_clear()
