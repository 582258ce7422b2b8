"""Generated rule docs are current; the wheel ships the rule packs; start-up stays lazy."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from medlint.docs import rule_markdown, rules_index
from medlint.rules.registry import all_rules

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_rule_doc_page_is_current(rule):
    page = ROOT / "docs" / "rules" / f"{rule.code}.md"
    assert page.is_file(), f"run: python -m medlint.docs docs  ({page} missing)"
    assert page.read_text(encoding="utf-8") == rule_markdown(rule), \
        "docs are stale: run python -m medlint.docs docs"


def test_rules_index_is_current():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_index(all_rules())


def test_structural_run_does_not_import_spacy_or_textstat(tmp_path):
    art = tmp_path / "a.md"
    art.write_text("---\ntitle: x\ntitle: y\n---\n\n# Knee\n\nText.\n")
    code = (
        "import sys\n"
        "from medlint.cli import main\n"
        "try:\n"
        f"    main(['check', '--select', 'FM,EM', '--today', '2026-11-21', {str(art)!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "bad = [m for m in ('spacy', 'textstat', 'nltk', 'pyphen') if m in sys.modules]\n"
        "print('IMPORTED', bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT).stdout
    assert "IMPORTED []" in out, out


def test_wheel_contains_rule_packs(tmp_path):
    pytest.importorskip("hatchling")
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                           "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    wheel = next(tmp_path.glob("medlint-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    packs = sorted(p.name for p in (ROOT / "rules").glob("*.yaml"))
    for name in packs:
        assert f"medlint/packs/{name}" in names
    assert "medlint/rules/front_matter/fm002_duplicate_key.py" in names
