"""The language server, driven end to end by a real LSP client (pygls) over stdio."""

from __future__ import annotations

import asyncio
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


async def scenario(tmp_path: Path):
    post = tmp_path / "post.md"
    text = (SEEDS / "left-knee-twitching.md").read_text()
    post.write_text(text)
    uri = post.as_uri()
    received: list[T.PublishDiagnosticsParams] = []
    client = LanguageClient("medlint-test", "1")

    @client.feature(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(ls, params):
        received.append(params)

    await client.start_io(sys.executable, "-m", "medlint", "lsp", cwd=str(ROOT))
    try:
        await client.initialize_async(T.InitializeParams(
            capabilities=T.ClientCapabilities(), root_uri=tmp_path.as_uri(),
            initialization_options={"today": "2026-11-21", "debounce_ms": 20}))
        client.initialized(T.InitializedParams())

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
        client.text_document_did_change(T.DidChangeTextDocumentParams(
            text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[T.TextDocumentContentChangeWholeDocument(text=new_text)]))
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
        client.text_document_did_change(T.DidChangeTextDocumentParams(
            text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=3),
            content_changes=[T.TextDocumentContentChangeWholeDocument(text="\n".join(lines))]))
        await _wait(lambda: len(received) > n)
        assert "EM002" not in {d.code for d in received[-1].diagnostics}

        # the same configuration as the CLI, reloaded when it changes
        (tmp_path / ".medlint.yaml").write_text("ignore: [front-matter]\n")
        n = len(received)
        client.text_document_did_save(T.DidSaveTextDocumentParams(
            text_document=T.TextDocumentIdentifier(uri=uri)))
        await _wait(lambda: len(received) > n)
        assert not any(d.code.startswith("FM") for d in received[-1].diagnostics)
    finally:
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()


def test_language_server_end_to_end(tmp_path):
    asyncio.run(asyncio.wait_for(scenario(tmp_path), 60))
