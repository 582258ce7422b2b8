"""Baselines match findings by content, not line numbers, and keep counts honest."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from medlint.cli import main

ART = ("---\ntitle: Knee\ndescription: ''\n---\n\n# Knee\n\nIntro text.\n\n"
       "<iframe src='https://www.youtube.com/embed/D_xG_VlvalE'></iframe>\n")


def run(*args):
    r = CliRunner().invoke(main, ["check", "--today", "2026-11-21", "--format", "json",
                                  "--select", "FM,EM", *args])
    try:
        return r.exit_code, json.loads(r.stdout)["findings"]
    except ValueError:
        return r.exit_code, r.output


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    for i in range(3):
        (tmp_path / "content" / f"a{i}.md").write_text(ART)
    return tmp_path


def test_baseline_hides_known_findings_after_edits_above(site):
    r = CliRunner().invoke(main, ["check", "--today", "2026-11-21", "--select", "FM,EM",
                                  "--write-baseline", "medlint-baseline.json", "content"])
    assert r.exit_code == 0 and "Wrote 6 findings" in r.output
    code, found = run("--baseline", "medlint-baseline.json", "content")
    assert (code, found) == (0, [])
    p = site / "content" / "a0.md"
    p.write_text(ART.replace("# Knee\n", "# Knee\n\nA new paragraph.\n\nAnother one.\n"))
    code, found = run("--baseline", "medlint-baseline.json", "content")
    assert (code, found) == (0, [])


def test_new_copy_of_a_known_defect_is_reported(site):
    CliRunner().invoke(main, ["check", "--select", "FM,EM", "--write-baseline", "b.json",
                              "content"])
    p = site / "content" / "a1.md"
    p.write_text(ART + "\nMore text.\n\n<iframe src='https://www.youtube.com/embed/aaaaaaaaaaa'>"
                 "</iframe>\n")
    code, found = run("--baseline", "b.json", "content")
    assert [(f["path"].endswith("a1.md"), f["code"], f["line"]) for f in found] == [
        (True, "EM002", 14)]
    assert code == 1


def test_fixed_findings_drop_out_when_rewritten(site):
    CliRunner().invoke(main, ["check", "--select", "FM,EM", "--write-baseline", "b.json",
                              "content"])
    (site / "content" / "a2.md").write_text(ART.replace("description: ''", "description: Knees"))
    CliRunner().invoke(main, ["check", "--select", "FM,EM", "--write-baseline", "b.json",
                              "content"])
    data = json.loads((site / "b.json").read_text())
    assert sum(e["count"] for e in data["files"]["content/a2.md"].values()) == 1


def test_bad_baseline_file_exits_2(site):
    (site / "bad.json").write_text("{not json")
    assert run("--baseline", "bad.json", "content")[0] == 2
    assert run("--baseline", "missing.json", "content")[0] == 2
