"""LanguageTool as a backend, through language-tool-python's remote client, against a real HTTP
server on 127.0.0.1 (tests/fake_languagetool.py); and against a real LanguageTool when one is
reachable (NEWSLINT_LT_SERVER, or a local LanguageTool install), skipped otherwise."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import run_cli as run
from tests.fake_languagetool import FakeLanguageTool

pytest.importorskip("language_tool_python")

STORY = "“Officials” 😀 said teh talks in Kiev ended. .\nThey could of met in an European capital.\n"


@pytest.fixture
def server():
    with FakeLanguageTool() as fake:
        yield fake


@pytest.fixture
def project(tmp_path, monkeypatch, server) -> Path:
    """A folder with a story and a config that enables LanguageTool on the fake server."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    write_config(tmp_path, server.url)
    return tmp_path


def write_config(folder: Path, url: str, extra: str = "") -> None:
    (folder / "newslint.yaml").write_text(f"languagetool:\n  server: {url}\n  timeout: 1\n{extra}", encoding="utf-8")


def findings(out: str) -> list[tuple[str, int, int]]:
    return [(line.split()[1], int(line.split(":")[1]), int(line.split(":")[2])) for line in out.splitlines()[:-1]]


def test_findings_positions_and_messages(capsys, project, server):
    code, out, err = run(capsys, "story.txt")
    assert code == 1 and err == ""
    first, second = STORY.split("\n")[:2]
    assert findings(out) == [
        ("languagetool.MORFOLOGIK_RULE_EN_US", 1, first.index("teh") + 1),  # code points, after “” and 😀
        ("names.kyiv", 1, first.index("Kiev") + 1),  # LanguageTool's own "Kiev" match on this span is dropped
        ("punct.doubled", 1, first.index(". .") + 1),
        ("languagetool.COULD_OF", 2, second.index("could of") + 1),
        ("languagetool.EN_A_VS_AN", 2, second.index("an European") + 1),
    ]
    assert first.index("teh") + 1 == 20
    assert "Possible spelling mistake found. [TYPOS]" in out
    assert len(server.checks) == 1 and server.checks[0]["language"] == "en-US"


def test_replacements_are_unsafe_fixes_unless_the_category_is_safe(capsys, project, server, tmp_path):
    run(capsys, "--fix", "story.txt")
    text = (tmp_path / "story.txt").read_text(encoding="utf-8")
    assert "teh" in text and "Kyiv" in text and "ended." in text  # only newslint's safe fixes
    run(capsys, "--fix", "--unsafe-fixes", "story.txt")
    text = (tmp_path / "story.txt").read_text(encoding="utf-8")
    assert "said the talks" in text and "could have met" in text and "a European capital" in text
    write_config(tmp_path, server.url, "  safe_categories: [TYPOS]\n")
    (tmp_path / "story.txt").write_text("They said teh talks ended.\n", encoding="utf-8")
    run(capsys, "--fix", "story.txt")
    assert (tmp_path / "story.txt").read_text(encoding="utf-8") == "They said the talks ended.\n"


def test_several_replacements_are_listed_not_fixed(capsys, project):
    Path("story.txt").write_text("We recieve the reports.\n", encoding="utf-8")
    _, out, _ = run(capsys, "--format", "json", "story.txt")
    assert '"fix": null' in out and "Suggestions: 'receive', 'relieve'" in out


def test_select_ignore_and_disabled_rules(capsys, project, server, tmp_path):
    only = [rule for rule, _, _ in findings(run(capsys, "--select", "languagetool", "story.txt")[1])]
    assert only == [
        "languagetool.MORFOLOGIK_RULE_EN_US",
        "languagetool.KIEV_KYIV",  # names.kyiv is not selected
        "languagetool.COULD_OF",
        "languagetool.EN_A_VS_AN",
    ]
    rules = [rule for rule, _, _ in findings(run(capsys, "--ignore", "languagetool.COULD_OF", "story.txt")[1])]
    assert "languagetool.COULD_OF" not in rules and "languagetool.EN_A_VS_AN" in rules
    assert not any(
        r.startswith("languagetool") for r, _, _ in findings(run(capsys, "--select", "punct", "story.txt")[1])
    )
    write_config(tmp_path, server.url, "  disabled_rules: [COULD_OF]\n  picky: true\n")
    rules = [rule for rule, _, _ in findings(run(capsys, "story.txt")[1])]
    assert "languagetool.COULD_OF" not in rules
    assert server.checks[-1]["disabledRules"] == "COULD_OF" and server.checks[-1]["level"] == "picky"


def test_suppression_comments_apply(capsys, project):
    Path("story.md").write_text(
        "<!-- newslint: disable-next-line=languagetool -->\nThey said teh talks ended.\n"
        "\nWe recieve **teh** reports.\n",
        encoding="utf-8",
    )
    assert findings(run(capsys, "story.md")[1]) == [
        ("languagetool.MORFOLOGIK_RULE_EN_US", 4, 4),
        ("languagetool.MORFOLOGIK_RULE_EN_US", 4, 14),
    ]


def test_paragraphs_are_cached_in_the_run_and_across_runs(capsys, project, server):
    Path("copy.txt").write_text(STORY, encoding="utf-8")
    run(capsys, "story.txt", "copy.txt")
    assert len(server.checks) == 1  # the same two paragraphs are sent once
    run(capsys, "story.txt")
    assert len(server.checks) == 1  # and not again in the next run: .newslint_cache/
    assert (project / ".newslint_cache" / ".gitignore").is_file()  # findings in unpublished copy: never committed
    run(capsys, "--no-cache", "story.txt")
    assert len(server.checks) == 2
    Path("story.txt").write_text(STORY + "\nA new teh paragraph.\n", encoding="utf-8")
    run(capsys, "story.txt")
    assert server.checks[-1]["text"] == "A new teh paragraph."  # only what changed is sent


def test_a_paragraph_longer_than_a_request_is_sent_in_pieces(capsys, project, server):
    from newslint.backends.languagetool import BATCH_CHARACTERS

    Path("long.txt").write_text("The talks went on for hours. " * 1000 + "Then teh end.\n", encoding="utf-8")
    code, out, _ = run(capsys, "--no-cache", "--select", "languagetool", "long.txt")
    assert findings(out) == [("languagetool.MORFOLOGIK_RULE_EN_US", 1, 29 * 1000 + 6)]
    assert len(server.checks) == 3 and all(len(check["text"]) <= BATCH_CHARACTERS for check in server.checks)


@pytest.mark.parametrize("mode", ["down", "slow", "429", "500", "badjson"])
def test_an_unavailable_languagetool_is_one_line_and_the_run_is_incomplete(capsys, project, server, mode):
    if mode == "down":
        write_config(project, "http://127.0.0.1:9")  # nothing listens on the discard port
    server.mode = mode
    Path("copy.txt").write_text("Another teh story. .\n", encoding="utf-8")
    code, out, err = run(capsys, "--no-cache", "story.txt", "copy.txt")
    assert code == 2
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("LanguageTool unavailable: "), err
    assert "punct.doubled" in out and "names.kyiv" in out  # newslint's own rules still report


def test_deselected_languagetool_is_never_asked_and_cannot_fail_the_run(capsys, project, server):
    write_config(project, "http://127.0.0.1:9")  # nothing listens: any attempt would fail the run
    for options in (["--select", "punct"], ["--ignore", "languagetool"]):
        code, out, err = run(capsys, "--no-cache", *options, "story.txt")
        assert (code, err) == (1, "") and "languagetool." not in out
    write_config(project, server.url)
    run(capsys, "--no-cache", "--select", "punct", "story.txt")
    assert server.checks == []  # no copy was sent
    run(capsys, "--no-cache", "--select", "languagetool.COULD_OF", "story.txt")
    assert len(server.checks) == 1


def test_suppressions_of_languagetool_ids_are_known(capsys, project):
    Path("story.txt").write_text("newslint: disable-next-line=languagetool.COULD_OF\nI could of met them.\n")
    code, out, _ = run(capsys, "--report-unused-suppressions", "story.txt")
    assert (code, out) == (0, "No problems found in 1 file.\n")


def test_after_a_failure_every_document_is_reported_unchecked_until_a_retry(project, server, monkeypatch):
    from newslint import Config, lint_text
    from newslint.backends import languagetool
    from newslint.backends.settings import LanguageToolSettings, LanguageToolUnavailable

    config = Config(languagetool=LanguageToolSettings(enabled=True, server=server.url, timeout=1, cache=False))
    server.mode = "500"
    for _ in range(2):  # the second document is not silently unchecked
        with pytest.raises(LanguageToolUnavailable, match=r"^LanguageTool unavailable: (?!LanguageTool)"):
            lint_text("They could of met.", config=config)
    assert len(server.checks) == 1  # and the failing server is not asked again at once
    server.mode = "ok"
    monkeypatch.setattr(languagetool, "RETRY_SECONDS", 0.0)
    assert [f.rule for f in lint_text("They could of met.", config=config)] == ["languagetool.COULD_OF"]


def test_a_client_that_would_put_the_copy_in_the_url_is_refused(capsys, project, server, monkeypatch):
    from newslint.backends import languagetool

    monkeypatch.setattr(languagetool, "_version", lambda name: (3, 3))
    code, _, err = run(capsys, "--no-cache", "story.txt")
    assert code == 2 and err.startswith("LanguageTool unavailable: language-tool-python 3.3 is too old")
    assert server.checks == []


def test_optional_languagetool_does_not_make_the_run_incomplete(capsys, project, server):
    server.mode = "500"
    write_config(project, server.url, "  optional: true\n")
    code, out, err = run(capsys, "--no-cache", "story.txt")
    assert code == 1 and err.startswith("LanguageTool unavailable: ")


def test_private_by_default(capsys, tmp_path, monkeypatch):
    """Nothing is sent anywhere unless LanguageTool is enabled, and never to the public API."""
    monkeypatch.chdir(tmp_path)
    Path("story.txt").write_text(STORY, encoding="utf-8")
    called = []
    monkeypatch.setattr("language_tool_python.LanguageTool.__init__", lambda *a, **k: called.append(k) or None)
    run(capsys, "story.txt")
    assert called == []  # not enabled: no LanguageTool at all
    monkeypatch.setattr(shutil, "which", lambda name: None)
    code, _, err = run(capsys, "--languagetool", "story.txt")
    assert called == [] and code == 2
    assert err.startswith("LanguageTool unavailable: Java is not installed")


def test_one_server_for_the_run(capsys, project, server, monkeypatch):
    import language_tool_python

    created = []
    original = language_tool_python.LanguageTool.__init__

    def counting(self, *args, **kwargs):
        created.append(kwargs.get("remote_server"))
        original(self, *args, **kwargs)

    monkeypatch.setattr(language_tool_python.LanguageTool, "__init__", counting)
    for index in range(3):
        Path(f"s{index}.txt").write_text(f"Story {index} has teh slip.\n", encoding="utf-8")
    run(capsys, "--no-cache", "s0.txt", "s1.txt", "s2.txt")
    assert created == [server.url]


def test_config_errors(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("story.txt").write_text(STORY, encoding="utf-8")
    Path("newslint.yaml").write_text("languagetool:\n  server: http://x\n  colour: red\n", encoding="utf-8")
    code, _, err = run(capsys, "story.txt")
    assert (
        code == 2
        and err == f"{tmp_path / 'newslint.yaml'}:3: languagetool: unknown key 'colour'" + err.split("'colour'")[1]
    )


def _real_languagetool() -> str | None:
    server = os.environ.get("NEWSLINT_LT_SERVER")
    if server:
        return server
    home = Path.home() / ".cache" / "language_tool_python"
    if shutil.which("java") and home.is_dir() and any(home.glob("LanguageTool*")):
        return "local"
    return None


@pytest.mark.skipif(
    _real_languagetool() is None, reason="no LanguageTool: set NEWSLINT_LT_SERVER or install one locally"
)
def test_against_a_real_languagetool(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("story.txt").write_text("“Officials” 😀 said that teh talks had ended.\n", encoding="utf-8")
    where = _real_languagetool()
    server = "" if where == "local" else f"  server: {where}\n"
    Path("newslint.yaml").write_text(f"languagetool:\n{server}  timeout: 120\n", encoding="utf-8")
    code, out, err = run(capsys, "--no-cache", "--format", "json", "story.txt")
    assert err == ""
    import json

    found = [f for f in json.loads(out) if f["rule"].startswith("languagetool.")]
    text = Path("story.txt").read_text(encoding="utf-8")
    assert any(text[f["start"] : f["end"]] == "teh" for f in found)


def test_an_offline_machine_is_described_in_words():
    from newslint.backends.languagetool import _describe

    error = OSError(
        "HTTPSConnectionPool(host='github.com', port=443): Max retries exceeded (Caused by "
        "NameResolutionError(\"Failed to resolve 'github.com' (Temporary failure in name resolution)\"))"
    )
    assert _describe(error) == "cannot reach github.com (no network, or an unknown host name)"


# --- talking only to the server configured, within the time configured ---------------------------


def test_the_timeout_applies_to_the_start_up_request_too(capsys, project, server):
    import time

    server.mode, server.delay = "slowlanguages", 4.0
    started = time.monotonic()
    code, out, err = run(capsys, "--no-cache", "story.txt")
    assert time.monotonic() - started < server.delay  # timeout: 1 in the config
    assert code == 2 and err.startswith("LanguageTool unavailable: no answer in time")
    assert "names.kyiv" in out


def test_an_http_error_with_a_json_body_is_no_answer(capsys, project, server):
    server.mode = "500json"
    code, _, err = run(capsys, "--no-cache", "story.txt")
    assert code == 2 and err == f"LanguageTool unavailable: the server answered HTTP 500 ({server.url})\n"


def test_a_match_of_no_length_is_reported_but_never_inserted(capsys, project, server):
    server.mode = "zerolength"
    Path("story.txt").write_text("They said teh talks ended.\n", encoding="utf-8")
    write_config(project, server.url, "  safe_categories: [TYPOS]\n")
    run(capsys, "--no-cache", "--fix", "--unsafe-fixes", "story.txt")
    assert Path("story.txt").read_text(encoding="utf-8") == "They said teh talks ended.\n"
    _, out, _ = run(capsys, "--no-cache", "--format", "json", "story.txt")
    [typo] = [f for f in json.loads(out) if f["rule"] == "languagetool.MORFOLOGIK_RULE_EN_US"]
    assert typo["start"] == typo["end"] and typo["fix"] is None


def test_a_proxy_from_the_environment_never_sees_the_copy(capsys, project, server, monkeypatch):
    with FakeLanguageTool() as proxy:
        for name in ("NO_PROXY", "no_proxy"):
            monkeypatch.delenv(name, raising=False)
        for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
            monkeypatch.setenv(name, proxy.url)
        code, out, _ = run(capsys, "--no-cache", "story.txt")
        assert proxy.proxied == [] and proxy.checks == []
        assert len(server.checks) == 1 and "languagetool.COULD_OF" in out


def test_a_proxy_is_used_when_the_configuration_names_one(capsys, project, server):
    write_config(project, "http://languagetool.newsroom.invalid:8010", f"  proxy: {server.url}\n")
    code, out, err = run(capsys, "--no-cache", "story.txt")
    assert err == "" and "languagetool.COULD_OF" in out
    assert server.proxied and all(
        url.startswith("http://languagetool.newsroom.invalid:8010/v2/") for url in server.proxied
    )


@pytest.mark.parametrize("timeout", [".inf", ".nan", "-1", "0"])
def test_a_timeout_must_be_a_finite_positive_number(capsys, tmp_path, monkeypatch, timeout):
    monkeypatch.chdir(tmp_path)
    Path("story.txt").write_text(STORY, encoding="utf-8")
    Path("newslint.yaml").write_text(f"languagetool:\n  server: http://x\n  timeout: {timeout}\n", encoding="utf-8")
    code, _, err = run(capsys, "story.txt")
    assert code == 2 and err.startswith(
        f"{tmp_path / 'newslint.yaml'}:3: languagetool.timeout: expected a positive number"
    )


def test_a_forged_cache_entry_cannot_steer_fixes(capsys, project, server):
    """An entry of the LanguageTool cache that this user's newslint did not write (a plain list,
    as the cache used to hold) is a miss: its 'fix' is never applied."""
    from newslint import api

    write_config(project, server.url, "  safe_categories: [TYPOS]\n")
    Path("story.txt").write_text("Talks ended.\n", encoding="utf-8")
    run(capsys, "story.txt")
    entries = list((project / ".newslint_cache" / "languagetool").glob("*.json"))
    assert entries
    for entry in entries:
        entry.write_text(json.dumps([[0, 5, "EVIL", "TYPOS", "x", ["HACKED"]]]), encoding="utf-8")
    api._linters.cache_clear()  # a new run: LanguageTool's answers are no longer in memory
    run(capsys, "--fix", "story.txt")
    assert Path("story.txt").read_text(encoding="utf-8") == "Talks ended.\n"


def test_a_server_that_trickles_its_answer_is_cut_off_at_the_timeout(capsys, project, server):
    import time

    server.mode, server.delay = "trickle", 6.0
    started = time.monotonic()
    code, _, err = run(capsys, "--no-cache", "story.txt")
    assert time.monotonic() - started < 4  # timeout: 1; every read alone comes within it
    assert code == 2 and err.startswith("LanguageTool unavailable: no answer in time")


def test_a_redirect_is_not_followed(capsys, project, server):
    with FakeLanguageTool() as elsewhere:
        server.mode, server.redirect_to = "redirect", elsewhere.url
        code, _, err = run(capsys, "--no-cache", "story.txt")
        assert elsewhere.checks == [] and code == 2
        assert err == f"LanguageTool unavailable: the server answered HTTP 307 ({server.url})\n"
