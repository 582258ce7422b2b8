"""The command line: formats, exit codes, selection, config, stdin, suppressions."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from medlint.cli import main

from .conftest import SEEDS

DUP = "---\ntitle: Knee\ndraft: true\ndraft: false\n---\n\n# Knee\n\nText.\n"
EMPTY_DESC = '---\ntitle: Knee\ndescription: ""\n---\n\n# Knee\n\nText.\n'
CLEAN = "---\ntitle: Knee\n---\n\n# Knee\n\nText.\n"


def run(args, input=None):
    """The CLI on the front-matter and embed rules only (these tests are about the CLI, not
    about which rules exist); a test that selects rules itself, or names a config that does,
    is left alone."""
    args = list(args)
    if not any(a in ("--select", "--config") for a in args):
        args = ["--extend-select", "ST100", "--select", "FM,EM", *args]
    return CliRunner().invoke(main, ["check", "--today", "2026-11-21", *args], input=input)


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dup.md").write_text(DUP)
    (tmp_path / "empty.md").write_text(EMPTY_DESC)
    (tmp_path / "clean.md").write_text(CLEAN)
    return tmp_path


def test_text_format_and_exit_code(work):
    r = run(["dup.md"])
    assert r.exit_code == 1
    line = r.output.splitlines()[0]
    assert line.startswith("dup.md:4:1: error FM002 front-matter-duplicate-key duplicate")
    assert run(["clean.md"]).exit_code == 0


def test_fail_on_levels(work):
    assert run(["empty.md"]).exit_code == 1  # warning, default fail-on warning
    assert run(["empty.md", "--fail-on", "error"]).exit_code == 0
    assert run(["dup.md", "--fail-on", "error"]).exit_code == 1
    assert run(["dup.md", "--fail-on", "never"]).exit_code == 0
    assert run(["dup.md", "--exit-zero"]).exit_code == 0


def test_json_format(work):
    r = run(["--format", "json", "."])
    data = json.loads(r.output)
    assert data["schema_version"] == "1.0" and data["tool"]["name"] == "medlint"
    f = [x for x in data["findings"] if x["code"] == "FM002"][0]
    assert set(f) == {"path", "line", "column", "end_line", "end_column", "code", "rule",
                      "category", "severity", "message", "fixable"}
    assert data["summary"]["files"] == 3 and data["summary"]["by_severity"]["error"] == 1


def test_github_format(work):
    r = run(["--format", "github", "dup.md"])
    assert r.output.startswith("::error file=dup.md,line=4,col=1,")
    assert "title=FM002 front-matter-duplicate-key::" in r.output


def test_select_and_ignore_by_code_name_category_prefix(work):
    for sel in ("FM002", "front-matter-duplicate-key", "front-matter", "FM"):
        r = run(["--format", "json", "--select", sel, "dup.md", "empty.md"])
        codes = {f["code"] for f in json.loads(r.output)["findings"]}
        assert "FM002" in codes, sel
    r = run(["--format", "json", "--ignore", "front-matter-duplicate-key,FM003", "."])
    assert json.loads(r.output)["findings"] == []


def test_unknown_rule_is_a_usage_error(work):
    r = run(["--select", "NOPE", "dup.md"])
    assert r.exit_code == 2 and "NOPE" in r.output


def test_missing_path_exits_2_but_lints_the_rest(work):
    r = run(["nothere.md", "dup.md"])
    assert r.exit_code == 2 and "no such file" in r.output and "FM002" in r.output


def test_stdin_with_filename(work):
    r = run(["--stdin-filename", "post.md", "-"], input=DUP)
    assert r.exit_code == 1 and r.output.startswith("post.md:4:1:")
    r = run(["--stdin-filename", "page.txt", "-"], input="Title\n\nSee a doctor.\n")
    assert r.exit_code == 0


def test_bad_today_is_usage_error(work):
    r = CliRunner().invoke(main, ["check", "--today", "21/11/2026", "dup.md"])
    assert r.exit_code == 2


def test_config_file_and_discovery(work):
    (work / ".medlint.yaml").write_text(
        "ignore: [FM003]\nseverity: {FM002: warning}\nfail-on: error\n"
        "per-file-ignores: {'sub/*.md': [front-matter]}\n"
        "rules:\n  front-matter-missing-field: {required: [title, author]}\n")
    (work / "sub").mkdir()
    (work / "sub" / "x.md").write_text(DUP)
    r = run(["--format", "json", "."])
    data = json.loads(r.output)
    found = {(f["path"].replace("\\", "/").lstrip("./"), f["code"], f["severity"])
             for f in data["findings"]}
    assert ("dup.md", "FM002", "warning") in found
    assert not any(p.startswith("sub/") for p, _, _ in found)
    assert not any(c == "FM003" for _, c, _ in found)
    assert ("clean.md", "FM004", "warning") in found  # author now required
    assert r.exit_code == 0  # fail-on error from the config; nothing is an error now


def test_pyproject_config(work):
    (work / "pyproject.toml").write_text('[tool.medlint]\nignore = ["FM002"]\n')
    assert run(["dup.md"]).exit_code == 0


@pytest.mark.parametrize("cfg,needle", [
    ("selekt: [FM]\n", "unknown setting 'selekt'"),
    ("fail-on: loud\n", "fail-on"),
    ("rules:\n  FM004: {requird: [x]}\n", "unknown option 'requird'"),
    ("ignore: [XX999]\n", "XX999"),
    ("severity: {FM002: critical}\n", "critical"),
    ("rules: [1, 2]\n", "rules"),
    (": bad yaml : :\n", "invalid YAML"),
])
def test_bad_config_exits_2_naming_the_key(work, cfg, needle):
    (work / ".medlint.yaml").write_text(cfg)
    r = run(["dup.md"])
    assert r.exit_code == 2 and needle in r.output, r.output


def test_explicit_config_and_isolated(work):
    (work / "strict.yaml").write_text("select: [FM002]\n")
    r = run(["--config", "strict.yaml", "--format", "json", "."])
    assert {f["code"] for f in json.loads(r.output)["findings"]} == {"FM002"}
    (work / ".medlint.yaml").write_text("ignore: [FM002]\n")
    assert run(["--isolated", "dup.md"]).exit_code == 1
    assert run(["--config", "missing.yaml", "dup.md"]).exit_code == 2


def test_exclude_globs_and_force_exclude(work):
    (work / "drafts").mkdir()
    (work / "drafts" / "d.md").write_text(DUP)
    (work / ".medlint.yaml").write_text("exclude: ['drafts/**']\n")
    r = run(["--format", "json", "."])
    assert not any("drafts" in f["path"] for f in json.loads(r.output)["findings"])
    assert run(["drafts/d.md"]).exit_code == 1  # named explicitly: linted
    assert run(["--force-exclude", "drafts/d.md"]).exit_code == 0


def test_folders_find_html_pages_without_extension(work):
    (work / "site").mkdir()
    (work / "site" / "http%3A%2F%2Fexample.org%2F").write_text(
        "<!DOCTYPE html><html><body><iframe src='https://x.org'></iframe></body></html>")
    (work / "site" / "LICENSE").write_text("MIT licence text")
    (work / "site" / "script.js").write_text("var x;")
    r = run(["--format", "json", "site"])
    data = json.loads(r.output)
    assert data["summary"]["files"] == 1 and data["findings"][0]["code"] == "EM002"


@pytest.mark.parametrize("comment,expected", [
    ("<!-- medlint-disable-next-line EM002 -->\n", []),
    ("<!-- medlint-disable-next-line broken-embed -->\n", []),
    ("<!-- medlint-disable-next-line -->\n", []),
    ("<!-- medlint-disable-next-line FM002 -->\n", ["EM002"]),
    ("<!-- medlint-disable-file iframe-missing-title -->\n", []),
    ("<!-- medlint-disable EM -->\n", ["EM002"]),  # a prefix is not a rule key in comments
])
def test_inline_suppressions(work, comment, expected):
    (work / "s.md").write_text("# T\n\n" + comment + "\n<iframe src='https://x.org/a'></iframe>\n")
    r = run(["--format", "json", "s.md"])
    assert [f["code"] for f in json.loads(r.output)["findings"]] == expected


def test_disable_enable_range(work):
    text = ("# T\n\n<!-- medlint-disable EM002 -->\n\n<iframe src='https://x.org/a'></iframe>\n\n"
            "<!-- medlint-enable EM002 -->\n\n<iframe src='https://x.org/b'></iframe>\n")
    (work / "r.md").write_text(text)
    r = run(["--format", "json", "r.md"])
    assert [f["line"] for f in json.loads(r.output)["findings"]] == [9]


def test_rules_and_explain_commands():
    r = CliRunner().invoke(main, ["rules"])
    assert r.exit_code == 0 and "FM002" in r.output and "front-matter-duplicate-key" in r.output
    r = CliRunner().invoke(main, ["rules", "--format", "json"])
    assert any(x["code"] == "EM002" for x in json.loads(r.output))
    r = CliRunner().invoke(main, ["explain", "iframe-missing-title"])
    assert r.exit_code == 0 and "WCAG" in r.output and "## Bad" in r.output
    assert CliRunner().invoke(main, ["explain", "XX1"]).exit_code == 2
    assert CliRunner().invoke(main, ["--version"]).output.startswith("medlint, version")


def test_binary_file_in_folder_is_one_line_and_not_an_error(work):
    (work / "img.md").write_bytes(b"\x00\x01\x02\x03" * 100)
    r = run(["img.md", "clean.md"])
    assert r.exit_code == 0 and "img.md: skipped: binary file" in r.output


def test_seeds_end_to_end(tmp_path, monkeypatch):
    for f in SEEDS.iterdir():
        shutil.copy(f, tmp_path / f.name)
    monkeypatch.chdir(tmp_path)
    r = run(["--format", "json", "--select", "front-matter,broken-embed", "."])
    data = json.loads(r.output)
    assert {(f["line"], f["code"]) for f in data["findings"]} >= {
        (16, "FM002"), (3, "FM003"), (7, "EM007"), (29, "EM007"), (108, "EM002")}


def test_the_medlint_command_exits_like_main(work):
    """``python -m medlint`` (and the console script) is ``main`` in a process of its own:
    the same output and exit codes."""
    import subprocess
    import sys

    for args, status in ((["dup.md"], 1), (["clean.md"], 0), (["--exit-zero", "dup.md"], 0),
                         (["missing.md"], 2)):
        args = ["check", "--today", "2026-11-21", "--no-cache", "--select", "FM", *args]
        proc = subprocess.run([sys.executable, "-m", "medlint", *args], capture_output=True,
                              text=True, timeout=120)
        inline = CliRunner().invoke(main, args)
        assert (proc.returncode, proc.stdout) == (status, inline.stdout), proc.stderr
