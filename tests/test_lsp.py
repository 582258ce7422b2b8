"""The language server, driven end to end by a real LSP client (pygls) over stdio."""

from __future__ import annotations

import asyncio
import contextlib
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from lsprotocol import types as T  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402

from .conftest import SEEDS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


async def _wait(cond, timeout=20.0):
    loop = asyncio.get_event_loop()
    end = loop.time() + timeout
    while not cond():
        if loop.time() > end:
            raise TimeoutError("no diagnostics")
        await asyncio.sleep(0.02)


@contextlib.asynccontextmanager
async def session(tmp_path: Path, **options):
    """A real client talking to ``medlint lsp`` over stdio; yields it and the diagnostics
    it received."""
    received: list[T.PublishDiagnosticsParams] = []
    client = LanguageClient("medlint-test", "1")

    @client.feature(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(ls, params):
        received.append(params)

    await client.start_io(sys.executable, "-m", "medlint", "lsp", cwd=str(ROOT))
    try:
        await client.initialize_async(T.InitializeParams(
            capabilities=T.ClientCapabilities(), root_uri=tmp_path.as_uri(),
            initialization_options={"today": "2026-11-21", "debounce_ms": 20, **options}))
        client.initialized(T.InitializedParams())
        yield client, received
    finally:
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()


def _change(client, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(T.DidChangeTextDocumentParams(
        text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[T.TextDocumentContentChangeWholeDocument(text=text)]))


async def scenario(tmp_path: Path):
    post = tmp_path / "post.md"
    text = (SEEDS / "left-knee-twitching.md").read_text()
    post.write_text(text)
    uri = post.as_uri()
    # a budget no rule exceeds: every edit is linted in full at once (see test_typing)
    async with session(tmp_path, change_budget_ms=60_000) as (client, received):
        # open: diagnostics for the seed, with codes, severities and docs links
        client.text_document_did_open(T.DidOpenTextDocumentParams(
            text_document=T.TextDocumentItem(uri=uri, language_id="markdown", version=1,
                                             text=text)))
        await _wait(lambda: received)
        first = received[-1].diagnostics
        by_code = {(d.code, d.range.start.line + 1) for d in first}
        assert ("FM002", 16) in by_code and ("EM002", 108) in by_code
        dup = next(d for d in first if d.code == "FM002")
        assert dup.severity == T.DiagnosticSeverity.Error and dup.source == "medlint"
        assert dup.code_description is not None and dup.code_description.href.endswith("FM002.md")

        # edit: make the duplicate equal, diagnostics update (debounced)
        n = len(received)
        new_text = text.replace("disableHLJS: false", "disableHLJS: true")
        _change(client, uri, 2, new_text)
        await _wait(lambda: len(received) > n)
        dup = next(d for d in received[-1].diagnostics if d.code == "FM002")
        assert "same value" in dup.message

        # code actions: the safe fix and the suppression
        actions = await client.text_document_code_action_async(T.CodeActionParams(
            text_document=T.TextDocumentIdentifier(uri=uri), range=dup.range,
            context=T.CodeActionContext(diagnostics=[dup])))
        titles = [a.title for a in actions]
        assert any("remove the earlier 'disableHLJS'" in t for t in titles)
        assert "Disable FM002 for this file" in titles
        fix = next(a for a in actions if "remove the earlier" in a.title)
        (edit,) = fix.edit.changes[uri]
        assert (edit.range.start.line, edit.range.end.line, edit.new_text) == (13, 14, "")

        iframe = next(d for d in received[-1].diagnostics if d.code == "EM002")
        actions = await client.text_document_code_action_async(T.CodeActionParams(
            text_document=T.TextDocumentIdentifier(uri=uri), range=iframe.range,
            context=T.CodeActionContext(diagnostics=[iframe])))
        disable = next(a for a in actions if a.title == "Disable EM002 for this line")
        (edit,) = disable.edit.changes[uri]
        assert edit.new_text == " <!-- medlint-disable-line EM002 -->"

        # apply the suppression as the editor would: the diagnostic goes away
        lines = new_text.split("\n")
        lines[107] += edit.new_text
        n = len(received)
        _change(client, uri, 3, "\n".join(lines))
        await _wait(lambda: len(received) > n)
        assert "EM002" not in {d.code for d in received[-1].diagnostics}

        # the same configuration as the CLI, reloaded when it changes
        (tmp_path / ".medlint.yaml").write_text("ignore: [front-matter]\n")
        n = len(received)
        client.text_document_did_save(T.DidSaveTextDocumentParams(
            text_document=T.TextDocumentIdentifier(uri=uri)))
        await _wait(lambda: len(received) > n)
        assert not any(d.code.startswith("FM") for d in received[-1].diagnostics)


def test_language_server_end_to_end(tmp_path):
    asyncio.run(asyncio.wait_for(scenario(tmp_path), 60))


async def typing(tmp_path: Path):
    post = tmp_path / "post.md"
    text = (SEEDS / "left-knee-twitching.md").read_text()
    uri = post.as_uri()
    # no budget: a quick lint re-runs no rule and keeps the findings of the last full lint
    async with session(tmp_path, change_budget_ms=0, idle_ms=100) as (client, received):
        client.text_document_did_open(T.DidOpenTextDocumentParams(
            text_document=T.TextDocumentItem(uri=uri, language_id="markdown", version=1,
                                             text=text)))
        await _wait(lambda: received)
        opened = {(d.code, d.range.start.line) for d in received[-1].diagnostics}
        assert ("FM002", 15) in opened and ("EM002", 107) in opened

        # an edit on line 16: at once the findings elsewhere, moved; the rest when typing pauses
        n = len(received)
        _change(client, uri, 2, text.replace("disableHLJS: false", "disableHLJS: true"))
        await _wait(lambda: len(received) >= n + 2)
        quick, full = received[n:n + 2]
        assert quick.version == full.version == 2
        assert {(d.code, d.range.start.line) for d in quick.diagnostics} == opened - {
            ("FM002", 15)}
        dup = next(d for d in full.diagnostics if d.code == "FM002")
        assert "same value" in dup.message

        # a save lints in full at once
        n = len(received)
        client.text_document_did_save(T.DidSaveTextDocumentParams(
            text_document=T.TextDocumentIdentifier(uri=uri)))
        await _wait(lambda: len(received) > n)
        await asyncio.sleep(0.3)  # no quick lint or second full lint follows
        assert len(received) == n + 1
        assert "same value" in next(
            d for d in received[-1].diagnostics if d.code == "FM002").message


def test_typing_publishes_quick_then_full_diagnostics(tmp_path):
    asyncio.run(asyncio.wait_for(typing(tmp_path), 60))


# ---- the edit path, in process: quick lints while typing, the full lint once it settles ----

KNEE = (SEEDS / "left-knee-twitching.md").read_text()


def _server(budget_ms: float):
    import datetime as dt

    from medlint.lsp import MedlintServer

    ls = MedlintServer()
    ls.today = dt.date(2026, 11, 21)
    ls.budget = budget_ms / 1000
    return ls


def _key(d: T.Diagnostic) -> tuple:
    data = d.data["edits"] if d.data else None
    return (d.range.start.line, d.range.start.character, d.range.end.line,
            d.range.end.character, d.code, d.message, d.severity, str(data))


def test_line_map_keeps_unchanged_lines_and_drops_changed_ones():
    from medlint.lsp import LineMap
    from medlint.model import Edit, Finding, Fix, Severity

    old = ["a", "b", "c", "d", "e"]
    moved = LineMap(old, ["a", "new", "new", "c", "d", "e"])  # "b" replaced by two lines
    assert [moved.line(n) for n in range(1, 6)] == [1, None, 4, 5, 6]
    assert [LineMap(old, ["a", "e"]).line(n) for n in range(1, 6)] == [1, None, None, None, 2]
    assert [LineMap(old, old).line(n) for n in range(1, 6)] == [1, 2, 3, 4, 5]

    def finding(line, end_line, edit_line):
        fix = Fix("remove it", (Edit(edit_line, 1, edit_line + 1, 1, ""),))
        return Finding("p.md", line, 1, "FM002", "x", "front-matter", Severity.ERROR, "m",
                       end_line=end_line, fix=fix)

    f = moved.finding(finding(4, 5, 3))
    assert (f.line, f.end_line, f.fix.edits[0].line, f.fix.edits[0].end_line) == (5, 6, 4, 5)
    assert moved.finding(finding(1, 3, 4)) is None  # spans the changed line
    assert moved.finding(finding(5, 5, 2)) is None  # its fix touches the changed line


def test_quick_lint_keeps_other_rules_findings_moved_until_the_full_lint(tmp_path):
    uri = (tmp_path / "post.md").as_uri()
    text = KNEE.replace("disableHLJS: false", "disableHLJS: true")  # FM002 with a fix
    ls = _server(budget_ms=0)  # no time for any rule: every finding is carried over
    full = ls.diagnostics(uri, text)
    assert not ls._open[uri].carried
    # two front-matter lines added at the top: the findings below them move down
    lines = text.split("\n")
    lines[1:1] = ["toc: true", "weight: 1"]
    quick = ls.diagnostics(uri, "\n".join(lines), quick=True)
    assert ls._open[uri].carried == set(ls._open[uri].cpu)
    moved = [(k[0] + 2, k[1], k[2] + 2, *k[3:-1]) if k[0] >= 1 else k[:-1]
             for k in map(_key, full)]
    assert [_key(d)[:-1] for d in quick] == moved
    # and the fix with them: it still removes the earlier key
    dup = next(d for d in quick if d.code == "FM002")
    assert dup.data["edits"][0][:3] == [16, 1, 17]
    # the iframe line edited: its finding is gone until the full lint, the others stay
    lines[109] += " Edited."
    quick = ls.diagnostics(uri, "\n".join(lines), quick=True)
    assert [_key(d)[:-1] for d in quick] == [k for k in moved if k[4] != "EM002"]


def test_quick_lint_within_budget_is_the_full_lint(tmp_path):
    uri = (tmp_path / "post.md").as_uri()
    ls = _server(budget_ms=60_000)
    ls.diagnostics(uri, KNEE)
    edited = KNEE.replace("disableHLJS: false", "disableHLJS: true")
    quick = ls.diagnostics(uri, edited, quick=True)
    assert not ls._open[uri].carried
    assert [_key(d) for d in quick] == [_key(d) for d in _server(0).diagnostics(uri, edited)]


def test_a_failing_rule_is_reported_and_settling_ends(tmp_path, monkeypatch):
    from medlint.lsp import uri_to_path

    uri = (tmp_path / "post.md").as_uri()
    ls = _server(budget_ms=0)
    rule = next(r for r in ls.linter_for(uri_to_path(uri)).rules if r.code == "FM003")
    monkeypatch.setattr(rule, "check", lambda doc, ctx: 1 / 0)
    full = ls.diagnostics(uri, KNEE)
    assert "internal error in rule FM003" in full[-1].message
    edited = KNEE.replace('author: "Osgood"', 'author: "Osgood Jr"')
    settled = ls.diagnostics(uri, edited, quick=True)
    for _ in ls._open[uri].cpu:  # one rule per step at most
        settled = ls.diagnostics(uri, edited, quick=True)
    assert not ls.unsettled(uri)
    assert [_key(d) for d in settled] == [_key(d) for d in full]


@pytest.mark.parametrize("settle", ["in steps", "at once"])
@pytest.mark.parametrize("budget_ms", [0, 40])
@pytest.mark.parametrize("seed", ["left-knee-twitching.md", "what-causes-knee-twitching.txt"])
def test_settled_diagnostics_are_those_of_medlint_check(tmp_path, monkeypatch, seed, budget_ms,
                                                        settle):
    """However the quick lints went, once the document settles (quick lints of the unchanged
    text, as the server runs them when typing pauses, or a full lint) the diagnostics are
    `medlint check`'s, and no rule ran twice on the same text."""
    import json

    from click.testing import CliRunner

    from medlint.cli import main

    path = tmp_path / seed
    uri = path.as_uri()
    text = (SEEDS / seed).read_text()
    ls = _server(budget_ms)
    ls.diagnostics(uri, text)
    lines = text.split("\n")
    for k, i in enumerate(range(3, len(lines), 9)):  # type into, add and remove lines
        if k % 3 == 2:
            del lines[i]
        else:
            lines[i] += " Studies show it cures everything." if k % 3 else "\n\nNew line."
        ls.diagnostics(uri, "\n".join(lines), quick=True)
    text = "\n".join(lines)
    left_out = ls._open[uri].carried
    linter, ran = ls._open[uri].linter, []
    run_rules = linter.run_rules

    def spy(doc, codes, cpu):
        ran.extend(codes)
        return run_rules(doc, codes, cpu)

    monkeypatch.setattr(linter, "run_rules", spy)
    settled = ls.diagnostics(uri, text, quick=settle == "in steps")
    while ls.unsettled(uri):
        settled = ls.diagnostics(uri, text, quick=True)
    assert sorted(ran) == sorted(left_out)
    path.write_text(text)
    out = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", "--today",
                                    "2026-11-21", str(path)]).output
    expected = [(f["line"] - 1, f["end_line"] - 1, f["code"], f"{f['message']} [{f['rule']}]")
                for f in json.loads(out)["findings"]]
    got = [(d.range.start.line, d.range.end.line, d.code, d.message) for d in settled]
    assert got == expected and len(got) > 5
