"""The HTML quality report: self-contained, correct numbers, renders in a headless browser."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from medlint.engine import FileResult
from medlint.model import Finding, Severity
from medlint.report import render_html, score


def _f(path, line, code, sev, cat="front-matter"):
    return Finding(path=path, line=line, column=1, code=code, rule=f"rule-{code.lower()}",
                   category=cat, severity=sev, message=f"message <{code}> & more")


RESULTS = [
    FileResult("a.md", [_f("a.md", 3, "FM002", Severity.ERROR),
                        _f("a.md", 9, "EM002", Severity.WARNING, "broken-embed")]),
    FileResult("b.md", []),
    FileResult("c.md", [_f("c.md", 1, "FM003", Severity.INFO)]),
    FileResult("bin.md", error="skipped: binary file"),
]
FILES = ["a.md", "b.md", "c.md", "bin.md"]


def test_report_is_self_contained_and_escaped():
    page = render_html(RESULTS, FILES, title="Site")
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"<script|<link|@import|url\(|https?://(?!www\.w3\.org/2000/svg)", page)
    assert "message &lt;FM002&gt; &amp; more" in page and "<FM002>" not in page
    assert "href='a.md#L3'" in page
    assert "skipped: binary file" in page


def test_scores_and_worst_first():
    assert score([]) == 100
    assert score([{"severity": "error"}, {"severity": "warning"}]) == 87
    page = render_html(RESULTS, FILES)
    worst = page.index("Worst articles")
    assert page.index(">a.md<", worst) < page.index(">c.md<", worst) < page.index(">b.md<", worst)


def test_trends_against_previous_result():
    prev = {"findings": [{"category": "front-matter"}] * 4}
    page = render_html(RESULTS, FILES, previous=prev)
    assert "Findings: 4 → 3" in page and "class='down'>-2<" in page and "class='up'>+1<" in page


BROWSER = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which(
    "google-chrome")


@pytest.mark.skipif(BROWSER is None, reason="no headless Chromium on this machine (Debian "
                    "package 'chromium'; .ci/run installs it): the browser check cannot run")
def test_report_renders_in_headless_browser(tmp_path):
    page = tmp_path / "report.html"
    page.write_text(render_html(RESULTS, FILES), encoding="utf-8")
    shot = tmp_path / "shot.png"
    proc = subprocess.run(
        [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr",
         "--v=0", "--window-size=1280,1600", f"--screenshot={shot}", page.as_uri()],
        capture_output=True, text=True, timeout=120)
    assert shot.is_file() and shot.stat().st_size > 5000, proc.stderr[-2000:]
    console = [ln for ln in proc.stderr.splitlines() if "CONSOLE" in ln]
    assert not console, console
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
