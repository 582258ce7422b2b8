"""``medlint lsp``: a language server (pygls) that lints as you type.

- Diagnostics on open, save, and change (debounced, default 150 ms), with the rule code, a
  link to the rule's docs page and LSP severities (error, warning, information).
- While typing, a quick lint first: the rules that fit in the change budget (default 40 ms of
  CPU, parse included), by what each cost on this document when it last ran; the others'
  findings are kept, moved with the text. When edits pause (default 1 s) and on save, the
  rules left out run, a budget at a time with the editor's messages let in between, and the
  result is exactly ``medlint check``'s. Opening a document lints it in full.
- The same configuration as the CLI (closest .medlint.yaml / pyproject.toml), reloaded when the
  file changes; the linter and spaCy stay loaded between edits.
- Code actions: "Disable CODE for this line" (a suppression comment) and the rule's safe fix.

initializationOptions (all optional):
``{"today": "YYYY-MM-DD", "debounce_ms": 150, "change_budget_ms": 40, "idle_ms": 1000}``.
"""

from __future__ import annotations

import asyncio
import datetime as _dt
import functools
import gc
import os
import time
from collections.abc import Collection
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types as T
from pygls.lsp.server import LanguageServer

from . import __version__
from .config import Config, ConfigError, find_config, load_file
from .engine import FileResult, Linter
from .model import Document, Finding, Fix, Severity

_SEVERITY = {
    Severity.ERROR: T.DiagnosticSeverity.Error,
    Severity.WARNING: T.DiagnosticSeverity.Warning,
    Severity.INFO: T.DiagnosticSeverity.Information,
}


def uri_to_path(uri: str) -> str:
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        return unquote(parsed.path)
    return os.path.basename(parsed.path) or "untitled.md"


@functools.cache  # one entry per rule code
def docs_uri(code: str) -> str | None:
    here = Path(__file__).resolve().parent
    for cand in (here / "rule_docs" / f"{code}.md", here.parent / "docs" / "rules" / f"{code}.md"):
        if cand.is_file():
            return cand.as_uri()
    return None


def _utf16(line: str, col: int) -> int:
    """LSP counts UTF-16 code units; medlint counts code points."""
    prefix = line[: max(0, col - 1)]
    return len(prefix.encode("utf-16-le")) // 2


class LineMap:
    """Where the lines of the previous text are in the edited one: the lines before the first
    changed line stay, the lines after the last one move by the number of lines added or
    removed, and the changed lines have no place."""

    def __init__(self, old: list[str], new: list[str]) -> None:
        n = min(len(old), len(new))
        head = 0
        while head < n and old[head] == new[head]:
            head += 1
        tail = 0
        while tail < n - head and old[-1 - tail] == new[-1 - tail]:
            tail += 1
        self.head, self.tail_from, self.delta = head, len(old) - tail, len(new) - len(old)

    def line(self, line: int) -> int | None:
        if line <= self.head:
            return line
        if line > self.tail_from:
            return line + self.delta
        return None

    def finding(self, f: Finding) -> Finding | None:
        """``f`` moved with its text, or None when a line it or its fix touches changed."""
        edits = f.fix.edits if f.fix is not None else ()
        spans = [(f.line, f.end_line), *((e.line, e.end_line) for e in edits)]
        if any(first <= self.tail_from and last > self.head for first, last in spans):
            return None
        if self.delta == 0:
            return f
        fix = f.fix and Fix(f.fix.description, tuple(
            replace(e, line=self.line(e.line), end_line=self.line(e.end_line)) for e in edits))
        return replace(f, line=self.line(f.line), end_line=self.line(f.end_line), fix=fix)


@dataclass
class OpenDocument:
    """What the server keeps of an open document between lints."""

    linter: Linter
    text: str  # what was linted
    doc: Document  # its parse, which the findings below refer to
    findings: dict[str, list[Finding]]  # each rule's findings before suppressions, by code
    cpu: dict[str, float]  # each rule's CPU seconds the last time it ran on this document
    carried: frozenset[str] = frozenset()  # rules whose findings come from an earlier text
    error: str | None = None  # a rule that failed on this text

    def quick_rules(self, pending: Collection[str], budget: float) -> set[str]:
        """The ``pending`` rules that fit in ``budget`` CPU seconds, cheapest first, by what
        they cost the last time they ran on this document."""
        chosen: set[str] = set()
        for code in sorted(pending, key=lambda code: self.cpu[code]):
            budget -= self.cpu[code]
            if budget < 0:
                break
            chosen.add(code)
        return chosen


class MedlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("medlint", __version__)
        self.today: _dt.date | None = None
        self.debounce = 0.15
        self.idle = 1.0
        self.budget = 0.04
        self._linters: dict[str | None, tuple[float, Linter]] = {}
        self._open: dict[str, OpenDocument] = {}
        self._pending: dict[str, asyncio.Handle] = {}

    # ---- configuration ----------------------------------------------------------------

    def linter_for(self, path: str) -> Linter:
        cfg_path = find_config(path if os.path.exists(path) else os.path.dirname(path) or ".")
        mtime = os.path.getmtime(cfg_path) if cfg_path else 0.0
        cached = self._linters.get(cfg_path)
        if cached and cached[0] == mtime:
            return cached[1]
        try:
            cfg = load_file(cfg_path) if cfg_path else Config(root=os.getcwd())
        except ConfigError as exc:
            self.window_show_message(T.ShowMessageParams(T.MessageType.Error,
                                                         f"medlint: config error: {exc}"))
            cfg = Config(root=os.getcwd())
        linter = Linter(cfg, cfg.enabled_rules(), today=self.today)
        self._linters[cfg_path] = (mtime, linter)
        return linter

    def warm_up(self, folder: str) -> None:
        """Load the rules and spaCy now, so the first opened article is diagnosed at edit
        speed. They stay for the server's life, so they are then moved out of the garbage
        collector's sight: its full collections would otherwise walk them all, a pause of
        ~90 ms every few edits of a 1,000-line article."""
        try:
            self.linter_for(os.path.join(folder, "warm-up.md")).warm_up()
        except Exception:  # a broken config is reported when a document is opened
            pass
        gc.freeze()

    # ---- diagnostics ------------------------------------------------------------------

    def diagnostics(self, uri: str, text: str, quick: bool = False) -> list[T.Diagnostic]:
        return self._to_lsp(self.lint(uri, text, quick), text)

    def lint(self, uri: str, text: str, quick: bool = False) -> FileResult:
        """Lint ``text`` with every rule not yet run on it. ``quick`` (while typing) runs only
        those that fit in ``self.budget`` CPU seconds, parse included, by what each cost the
        last time it ran on this document; the others' findings are kept from their last run,
        moved with the text, except those on changed lines. Quick lints of an unchanged text
        run the rules left out, a budget at a time, until the findings are ``medlint
        check``'s."""
        path = uri_to_path(uri)
        linter = self.linter_for(path)
        known = self._open.get(uri)
        if known is not None and known.linter is not linter:
            known = None
        if known is not None and known.text == text:
            # the rules left out so far; a quick lint runs some, at least the cheapest
            doc, codes = known.doc, known.carried
            if quick and codes:
                codes = (known.quick_rules(codes, self.budget)
                         or {min(codes, key=known.cpu.__getitem__)})
        else:
            start = time.process_time()
            doc = linter.build(path, text.encode("utf-8"))
            if isinstance(doc, FileResult):
                self._open.pop(uri, None)
                return doc
            doc.sentences  # noqa: B018 - nearly every rule reads them: count them with the parse
            base = time.process_time() - start
            codes = known.quick_rules(known.cpu, self.budget - base) if quick and known else None
        cpu: dict[str, float] = {}
        res = linter.run_rules(doc, codes, cpu)
        findings: dict[str, list[Finding]] = {code: [] for code in cpu}
        for f in res.findings:
            findings[f.code].append(f)
        carried: frozenset[str] = frozenset()
        if known is not None:
            kept = [code for code in known.findings if code not in cpu]
            if known.doc is doc:
                carried = known.carried.intersection(kept)
                findings.update((code, known.findings[code]) for code in kept)
                if known.error and not res.error:
                    res.internal, res.error = True, known.error
            elif kept:
                moved = LineMap(known.doc.lines, doc.lines)
                carried = frozenset(kept)
                findings.update((code, [g for g in map(moved.finding, known.findings[code]) if g])
                                for code in kept)
            cpu = {**known.cpu, **cpu}
        res.findings = [f for fs in findings.values() for f in fs]
        self._open[uri] = OpenDocument(linter, text, doc, findings, cpu, carried, res.error)
        return linter.finish(doc, res, fingerprints=False)

    def _to_lsp(self, res: FileResult, text: str) -> list[T.Diagnostic]:
        lines = text.replace("\r\n", "\n").split("\n")

        def pos(line: int, col: int) -> T.Position:
            lt = lines[line - 1] if 0 < line <= len(lines) else ""
            return T.Position(line=line - 1, character=_utf16(lt, col))

        out = []
        for f in res.findings:
            data = None
            if f.fix is not None:
                data = {"fix": f.fix.description,
                        "edits": [[e.line, e.col, e.end_line, e.end_col, e.text]
                                  for e in f.fix.edits]}
            href = docs_uri(f.code)
            out.append(T.Diagnostic(
                range=T.Range(start=pos(f.line, f.column), end=pos(f.end_line, f.end_column)),
                message=f"{f.message} [{f.rule}]",
                severity=_SEVERITY[f.severity],
                code=f.code,
                code_description=T.CodeDescription(href=href) if href else None,
                source="medlint",
                data=data,
            ))
        if res.error:
            out.append(T.Diagnostic(range=T.Range(T.Position(0, 0), T.Position(0, 1)),
                                    message=f"medlint: {res.error}",
                                    severity=T.DiagnosticSeverity.Warning, source="medlint"))
        return out

    def publish(self, uri: str, quick: bool = False) -> None:
        """Lint the editor's text and publish; after a quick lint that left rules out, settle
        when no edit comes for ``idle`` seconds."""
        self.cancel(uri)
        doc = self.workspace.get_text_document(uri)
        self.text_document_publish_diagnostics(T.PublishDiagnosticsParams(
            uri=uri, version=doc.version, diagnostics=self.diagnostics(uri, doc.source, quick)))
        if quick and self.unsettled(uri):
            self._pending[uri] = asyncio.get_event_loop().call_later(self.idle, self.settle, uri)

    def settle(self, uri: str) -> None:
        """Run the rules left out, a budget at a time, with the event loop free in between so
        that an edit interrupts (cancels) it at once; publish when all have run."""
        self.cancel(uri)
        doc = self.workspace.get_text_document(uri)
        res = self.lint(uri, doc.source, quick=True)
        if self.unsettled(uri):
            self._pending[uri] = asyncio.get_event_loop().call_soon(self.settle, uri)
        else:
            self.text_document_publish_diagnostics(T.PublishDiagnosticsParams(
                uri=uri, version=doc.version, diagnostics=self._to_lsp(res, doc.source)))

    def unsettled(self, uri: str) -> bool:
        known = self._open.get(uri)
        return known is not None and bool(known.carried)

    def schedule(self, uri: str) -> None:
        """After an edit: a quick lint once the edits pause for ``debounce`` seconds."""
        self.cancel(uri)
        loop = asyncio.get_event_loop()
        self._pending[uri] = loop.call_later(self.debounce, self.publish, uri, True)

    def cancel(self, uri: str) -> None:
        handle = self._pending.pop(uri, None)
        if handle is not None:
            handle.cancel()

    def close(self, uri: str) -> None:
        self.cancel(uri)
        self._open.pop(uri, None)


server = MedlintServer()


@server.feature(T.INITIALIZE)
def on_initialize(ls: MedlintServer, params: T.InitializeParams) -> None:
    opts = params.initialization_options or {}
    if isinstance(opts, dict):
        if opts.get("today"):
            try:
                ls.today = _dt.date.fromisoformat(str(opts["today"]))
            except ValueError:
                pass
        for key, attr in (("debounce_ms", "debounce"), ("idle_ms", "idle"),
                          ("change_budget_ms", "budget")):
            if key in opts:
                setattr(ls, attr, max(0.0, float(opts[key]) / 1000))


@server.feature(T.INITIALIZED)
def on_initialized(ls: MedlintServer, params: T.InitializedParams) -> None:
    ls.warm_up(ls.workspace.root_path or os.getcwd())


@server.feature(T.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: MedlintServer, params: T.DidOpenTextDocumentParams) -> None:
    ls.publish(params.text_document.uri)


@server.feature(T.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: MedlintServer, params: T.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(T.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: MedlintServer, params: T.DidSaveTextDocumentParams) -> None:
    ls.settle(params.text_document.uri)


@server.feature(T.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: MedlintServer, params: T.DidCloseTextDocumentParams) -> None:
    ls.close(params.text_document.uri)
    ls.text_document_publish_diagnostics(T.PublishDiagnosticsParams(
        uri=params.text_document.uri, diagnostics=[]))


@server.feature(T.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched(ls: MedlintServer, params: T.DidChangeWatchedFilesParams) -> None:
    ls._linters.clear()  # a config file changed: reload on the next lint
    for uri in list(ls.workspace.text_documents):
        ls.publish(uri)


@server.feature(T.TEXT_DOCUMENT_CODE_ACTION, T.CodeActionOptions(
    code_action_kinds=[T.CodeActionKind.QuickFix]))
def code_actions(ls: MedlintServer, params: T.CodeActionParams) -> list[T.CodeAction]:
    uri = params.text_document.uri
    doc = ls.workspace.get_text_document(uri)
    lines = doc.source.replace("\r\n", "\n").split("\n")
    actions: list[T.CodeAction] = []
    fm_end = _front_matter_end(lines)
    for d in params.context.diagnostics:
        if d.source != "medlint" or not d.code:
            continue
        if isinstance(d.data, dict) and d.data.get("edits"):
            edits = []
            for line, col, end_line, end_col, text in d.data["edits"]:
                lt = lines[line - 1] if 0 < line <= len(lines) else ""
                et = lines[end_line - 1] if 0 < end_line <= len(lines) else ""
                edits.append(T.TextEdit(range=T.Range(
                    T.Position(line - 1, _utf16(lt, col)),
                    T.Position(end_line - 1, _utf16(et, end_col))), new_text=text))
            actions.append(T.CodeAction(title=f"medlint: {d.data.get('fix', 'fix')} ({d.code})",
                                        kind=T.CodeActionKind.QuickFix, diagnostics=[d],
                                        edit=T.WorkspaceEdit(changes={uri: edits}),
                                        is_preferred=True))
        line = d.range.start.line  # 0-based
        if line < fm_end:
            # inside front matter a comment cannot go on the line: disable for the file
            edit = T.TextEdit(range=T.Range(T.Position(fm_end, 0), T.Position(fm_end, 0)),
                              new_text=f"<!-- medlint-disable-file {d.code} -->\n")
            title = f"Disable {d.code} for this file"
        else:
            end = len(lines[line].encode("utf-16-le")) // 2 if line < len(lines) else 0
            edit = T.TextEdit(range=T.Range(T.Position(line, end), T.Position(line, end)),
                              new_text=f" <!-- medlint-disable-line {d.code} -->")
            title = f"Disable {d.code} for this line"
        actions.append(T.CodeAction(title=title, kind=T.CodeActionKind.QuickFix,
                                    diagnostics=[d], edit=T.WorkspaceEdit(changes={uri: [edit]})))
    return actions


def _front_matter_end(lines: list[str]) -> int:
    """0-based index of the line after the closing fence, or 0 without front matter."""
    if not lines or lines[0].rstrip() not in ("---", "+++"):
        return 0
    fence = lines[0].rstrip()
    for i in range(1, len(lines)):
        if lines[i].rstrip() in (fence, "..."):
            return i + 1
    return 0


def main() -> None:
    server.start_io()
