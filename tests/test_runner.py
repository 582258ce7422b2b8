"""Runs over many files: cache, parallel workers, site-wide duplicates, progress."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from medlint import runner
from medlint.cli import main
from medlint.runner import Runner, RunOptions

from .conftest import SEEDS, TODAY

PARA = ("Knee twitching is usually harmless and happens when small groups of muscle fibres "
        "contract on their own, often after exercise, caffeine, stress or a poor night of sleep, "
        "and it normally settles without any treatment within a few days.")


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    for i in range(10):
        shutil.copy(SEEDS / "left-knee-twitching.md", tmp_path / "content" / f"post-{i}.md")
    shutil.copy(SEEDS / "what-causes-knee-twitching.txt", tmp_path / "content" / "scraped.txt")
    (tmp_path / "content" / "a.md").write_text(f"# A\n\n{PARA}\n")
    (tmp_path / "content" / "b.md").write_text(f"# B\n\nIntro.\n\n{PARA}\n")
    return tmp_path


def findings(out):
    return sorted((r.path, f.line, f.column, f.code, f.message) for r in out.results
                  for f in r.findings)


def test_cached_rerun_gives_the_same_findings_and_skips_linting(site, monkeypatch):
    opts = RunOptions(today=TODAY, select=["FM", "EM", "ST", "LI", "FQ"])
    first = Runner(opts).run(["content"])
    assert first.cache_hits == 0 and (site / ".medlint_cache").is_dir()
    assert (site / ".medlint_cache" / ".gitignore").read_text().endswith("*\n")
    calls = []
    monkeypatch.setattr(runner.Linter, "lint_bytes_with_signatures",
                        lambda self, *a: calls.append(a))
    second = Runner(opts).run(["content"])
    assert calls == [] and second.cache_hits == 13
    assert findings(second) == findings(first)


def test_cache_is_invalidated_by_content_config_and_date(site):
    opts = RunOptions(today=TODAY, select=["FM"])
    Runner(opts).run(["content"])
    (site / "content" / "a.md").write_text("---\ntitle: a\ntitle: b\n---\n")
    out = Runner(opts).run(["content"])
    assert out.cache_hits == 12 and any(f.code == "FM002" for r in out.results for f in r.findings)
    assert Runner(RunOptions(today=TODAY, select=["FM", "EM"])).run(["content"]).cache_hits == 0
    assert Runner(RunOptions(select=["FM"], today=TODAY.replace(year=2027))).run(
        ["content"]).cache_hits == 0


def test_cache_is_invalidated_by_a_change_of_medlint_itself(site, monkeypatch):
    # an edited checkout or a reinstall of the same version: its code or rule packs differ
    opts = RunOptions(today=TODAY, select=["FM"])
    Runner(opts).run(["content"])
    assert Runner(opts).run(["content"]).cache_hits == 13
    monkeypatch.setattr(runner, "_build_stamp", lambda: "another build")
    assert Runner(opts).run(["content"]).cache_hits == 0


def test_build_stamp_follows_medlint_files(tmp_path, monkeypatch):
    from medlint.rules import registry

    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "a.yaml").write_text("x: 1\n")
    monkeypatch.setattr(registry, "packs_dir", lambda: packs)
    runner._build_stamp.cache_clear()
    before = runner._build_stamp()
    (packs / "a.yaml").write_text("x: 12\n")
    runner._build_stamp.cache_clear()
    assert runner._build_stamp() != before
    runner._build_stamp.cache_clear()


def test_no_cache_and_clean(site):
    Runner(RunOptions(today=TODAY, select=["FM"], cache=False)).run(["content"])
    assert not (site / ".medlint_cache").exists()
    Runner(RunOptions(today=TODAY, select=["FM"])).run(["content"])
    r = CliRunner().invoke(main, ["clean", "."])
    assert r.exit_code == 0 and not (site / ".medlint_cache").exists()


def test_parallel_run_equals_serial(site, monkeypatch):
    monkeypatch.setattr(runner, "PARALLEL_MIN_FILES", 2)
    monkeypatch.setattr(runner, "PARALLEL_MIN_BYTES", 1)
    monkeypatch.setattr(runner, "CHUNK", 2)
    sel = ["FM", "EM", "ST", "LI", "FQ", "UC", "CA"]
    serial = Runner(RunOptions(today=TODAY, select=sel, jobs=1, cache=False)).run(["content"])
    par = Runner(RunOptions(today=TODAY, select=sel, jobs=2, cache=False)).run(["content"])
    assert findings(par) == findings(serial) and findings(par)
    assert [r.path for r in par.results] == [r.path for r in serial.results]


def test_cross_article_duplicates_are_reported_at_each_copy(site):
    out = Runner(RunOptions(today=TODAY, select=["ST200"], cache=False)).run(["content"])
    got = {(r.path.split("/")[-1], f.line) for r in out.results for f in r.findings}
    assert ("a.md", 3) in got and ("b.md", 5) in got
    msg = next(f.message for r in out.results for f in r.findings if r.path.endswith("a.md"))
    assert "b.md:5" in msg
    # the seed copies share paragraphs too, but in 10 of 13 files of this site: a template
    assert all("post-" not in p for p, _ in got)


def test_site_rule_respects_suppressions_and_single_files(site):
    (site / "content" / "b.md").write_text(
        f"# B\n\n<!-- medlint-disable-next-line ST200 -->\n{PARA}\n")
    out = Runner(RunOptions(today=TODAY, select=["ST200"], cache=False)).run(["content"])
    assert {r.path.split("/")[-1] for r in out.results if r.findings} == {"a.md"}
    one = Runner(RunOptions(today=TODAY, select=["ST200"], cache=False)).run(["content/a.md"])
    assert all(not r.findings for r in one.results)


def test_report_command_writes_html_and_json(site):
    r = CliRunner().invoke(main, ["report", "content", "--html", "r.html", "--json", "r.json",
                                  "--today", "2026-11-21", "--select", "FM,EM"])
    assert r.exit_code == 0, r.output
    page = (site / "r.html").read_text()
    data = json.loads((site / "r.json").read_text())
    assert "<svg" in page and "Worst articles" in page and data["summary"]["files"] == 13
    r = CliRunner().invoke(main, ["report", "content", "--html", "r2.html", "--previous",
                                  "r.json", "--today", "2026-11-21", "--select", "FM"])
    assert r.exit_code == 0 and "Trend since the previous run" in (site / "r2.html").read_text()


def test_single_file_cache_entry_does_not_hide_site_duplicates(site):
    opts = RunOptions(today=TODAY, select=["ST200"])
    Runner(opts).run(["content/a.md"])  # one file: no signatures computed or cached
    out = Runner(opts).run(["content"])
    assert any(f.code == "ST200" for r in out.results if r.path.endswith("a.md")
               for f in r.findings)


def test_site_findings_are_reused_while_no_file_changes(site, monkeypatch):
    opts = RunOptions(today=TODAY, select=["ST200", "FM"])
    first = Runner(opts).run(["content"])
    assert any(f.code == "ST200" for r in first.results for f in r.findings)

    def no_site_rules(*_):
        raise AssertionError("site rules ran although no file changed")

    with monkeypatch.context() as m:
        m.setattr(Runner, "_site_rules", no_site_rules)
        again = Runner(opts).run(["content"])
    assert again.cache_hits == 13 and findings(again) == findings(first)
    # one changed file: every site finding is computed afresh (the copy in b.md is gone)
    (site / "content" / "b.md").write_text("# B\n\nIntro.\n")
    changed = Runner(opts).run(["content"])
    assert changed.cache_hits == 12
    assert not any(f.code == "ST200" for r in changed.results for f in r.findings)
    # and the cached site findings then follow the new state
    with monkeypatch.context() as m:
        m.setattr(Runner, "_site_rules", no_site_rules)
        assert findings(Runner(opts).run(["content"])) == findings(changed)


def test_site_findings_from_cached_signatures_equal_an_uncached_run(site):
    opts = RunOptions(today=TODAY, select=["ST200"])
    Runner(opts).run(["content"])
    (site / "content" / "scraped.txt").write_text("Changed.\n")  # not part of any copy
    cached = Runner(opts).run(["content"])  # 12 files' signatures come from the cache
    fresh = Runner(RunOptions(today=TODAY, select=["ST200"], cache=False)).run(["content"])
    assert cached.cache_hits == 12
    assert findings(cached) == findings(fresh) and any(
        f.code == "ST200" for r in fresh.results for f in r.findings)
