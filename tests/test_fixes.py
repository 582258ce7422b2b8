"""--fix and --diff: only safe fixes, atomic, idempotent, encoding and line endings kept."""

from __future__ import annotations

import os
import shutil

import pytest
from click.testing import CliRunner

from medlint import fixes
from medlint.cli import main
from medlint.config import Config
from medlint.engine import Linter
from medlint.reading import build_document
from medlint.rules.registry import all_rules

from .conftest import SEEDS, TODAY

LINTER = Linter(Config(), [r for r in all_rules() if not r.needs_nlp], today=TODAY)


def fix(text: str | bytes, path="a.md"):
    data = text.encode() if isinstance(text, str) else text
    out, applied = fixes.fix_bytes(path, data, LINTER)
    return (out.decode("utf-8-sig") if out is not None else None), applied


def test_duplicate_key_with_equal_values_is_removed_conflicting_is_not():
    out, applied = fix("---\ntitle: A\ndraft: false\ntags: [a]\ndraft: false\n---\n\nText.\n")
    assert out == "---\ntitle: A\ntags: [a]\ndraft: false\n---\n\nText.\n"
    assert applied and "FM002" in applied[0]
    assert fix("---\ndraft: true\ndraft: false\n---\n")[0] is None


def test_duplicate_block_value_is_removed_whole():
    text = "---\ntags:\n  - a\n  - b\ntitle: x\ntags:\n  - a\n  - b\n---\n"
    assert fix(text)[0] == "---\ntitle: x\ntags:\n  - a\n  - b\n---\n"


def test_youtube_page_urls_become_embed_urls():
    text = ('<iframe title="v" src="https://www.youtube.com/watch?v=D_xG_VlvalE&t=30s"></iframe>\n'
            "\n<iframe title='w' src='https://youtu.be/D_xG_VlvalE'></iframe>\n"
            '\n<iframe title="x" src="https://vimeo.com/146022717"></iframe>\n')
    out, _ = fix(text)
    assert out == ('<iframe title="v" src="https://www.youtube.com/embed/D_xG_VlvalE?start=30">'
                   "</iframe>\n\n<iframe title='w' src='https://www.youtube.com/embed/D_xG_VlvalE'>"
                   '</iframe>\n\n<iframe title="x" src="https://player.vimeo.com/video/146022717">'
                   "</iframe>\n")


def test_http_embeds_upgraded_only_for_known_hosts():
    text = ('Intro <iframe title="v" src="http://www.youtube.com/embed/D_xG_VlvalE"></iframe>\n\n'
            '<iframe title="w" src="http://intranet.example/x"></iframe>\n')
    out, _ = fix(text)
    assert 'src="https://www.youtube.com/embed/D_xG_VlvalE"' in out
    assert 'src="http://intranet.example/x"' in out


def test_bullets_become_markdown_list():
    out, _ = fix("Nutrients include:\n  • Calcium\n  •Magnesium\nThen eat well.\n")
    assert out == "Nutrients include:\n\n  - Calcium\n  - Magnesium\n\nThen eat well.\n"
    doc = build_document("a.md", out.encode())
    assert [i.text for i in doc.items] == ["Calcium", "Magnesium"]


def test_fix_is_idempotent_and_keeps_crlf_and_bom():
    data = ("\ufeff---\r\ntitle: A\r\ntitle: A\r\n---\r\n\r\nList:\r\n• a\r\n• b\r\n").encode()
    out, _ = fixes.fix_bytes("a.md", data, LINTER)
    assert out.startswith(b"\xef\xbb\xbf---\r\ntitle: A\r\n---\r\n") and b"\r\n- a\r\n- b\r\n" in out
    assert b"\n" not in out.replace(b"\r\n", b"")
    assert fixes.fix_bytes("a.md", out, LINTER) == (None, [])


def test_invalid_utf8_and_binary_are_never_rewritten():
    assert fixes.fix_bytes("a.md", b"---\ntitle: a\ntitle: a\n---\n\xb0C\n", LINTER) == (None, [])
    assert fixes.fix_bytes("a.md", b"\x00\x01" * 500, LINTER) == (None, [])


def test_suppressed_findings_are_not_fixed():
    text = "<!-- medlint-disable-next-line FM002 -->\n---\ntitle: a\ntitle: a\n---\n"
    assert fix(text)[0] is None


def test_atomic_write_failure_leaves_file_intact(tmp_path, monkeypatch):
    p = tmp_path / "a.md"
    p.write_text("original")

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        fixes.write_atomic(str(p), b"new content")
    assert p.read_text() == "original"
    assert [f.name for f in tmp_path.iterdir()] == ["a.md"]  # no temp file left behind


def test_cli_fix_and_diff(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(SEEDS / "left-knee-twitching.md", "post.md")
    p = tmp_path / "post.md"
    p.write_text(p.read_text().replace("disableHLJS: false", "disableHLJS: true") +
                 "\n<iframe title='t' src='https://youtu.be/D_xG_VlvalE'></iframe>\n")
    before = p.read_bytes()
    r = CliRunner().invoke(main, ["check", "--today", "2026-11-21", "--diff", "post.md"])
    assert "-disableHLJS: true # to disable highlightjs" in r.output
    assert "+<iframe title='t' src='https://www.youtube.com/embed/D_xG_VlvalE'>" in r.output
    assert p.read_bytes() == before  # --diff writes nothing
    mtime = p.stat().st_mtime_ns
    r = CliRunner().invoke(main, ["check", "--today", "2026-11-21", "--fix", "post.md"])
    assert "FM002" not in r.output and "EM003" not in r.output
    assert "Fixed 2 findings in 1 file" in r.output
    after = p.read_bytes()
    assert after != before and after.count(b"disableHLJS") == 1
    r = CliRunner().invoke(main, ["check", "--today", "2026-11-21", "--fix", "post.md"])
    assert p.read_bytes() == after and "Fixed" not in r.output
    assert p.stat().st_mtime_ns >= mtime


def test_mixed_line_endings_are_never_rewritten():
    data = b"---\r\ntitle: a\ntitle: a\r\n---\r\n"
    assert fixes.fix_bytes("a.md", data, LINTER) == (None, [])


def test_nothing_to_fix_means_no_rewrite():
    assert fixes.fix_bytes("a.md", b"# Title\r\n\r\nText.\r\n", LINTER) == (None, [])
