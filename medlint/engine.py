"""Run the enabled rules over Documents; apply suppressions, per-file ignores, severities."""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass, field

from . import suppress
from .config import Config
from .model import Document, Finding, Severity
from .reading import Unreadable, build_document, read_path
from .rules.base import Context, Rule


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # one-line message: file skipped or not fully linted
    internal: bool = False  # an internal error (exit code 2)


class Linter:
    def __init__(self, config: Config, rules: list[type[Rule]], today: _dt.date | None = None,
                 online: bool = False, allow_hosts=()):
        self.config = config
        self.online = online  # opt-in network checks (links); off unless asked for
        self.allow_hosts = tuple(allow_hosts)
        self.shared: dict = {}
        self.rule_classes = rules
        self.rules = [r() for r in rules]
        self.today = today or _dt.date.today()
        self._opts = {r.code: config.options_for(r) for r in rules}
        self._sev = {r.code: config.severity_for(r) for r in rules}

    def lint_document(self, doc: Document) -> FileResult:
        res = FileResult(path=doc.path)
        rel = os.path.relpath(os.path.abspath(doc.path), os.path.abspath(self.config.root)) \
            if doc.path not in ("-", "<stdin>") else doc.path
        skip = self.config.ignored_for(rel.replace(os.sep, "/"))
        findings: list[Finding] = []
        for rule in self.rules:
            if rule.code in skip:
                continue
            ctx = Context(rule=rule, options=self._opts[rule.code], today=self.today,
                          path=doc.path, severity=self._sev[rule.code], online=self.online,
                          allow_hosts=self.allow_hosts, shared=self.shared)
            try:
                rule.check(doc, ctx)
            except Exception as exc:  # a rule bug must not stop the other files or rules
                res.internal = True
                res.error = (f"internal error in rule {rule.code} ({rule.name}): "
                             f"{type(exc).__name__}: {exc}")
                continue
            findings.extend(ctx.findings)
        findings = suppress.apply(findings, doc.suppressions, doc.lines)
        res.findings = _dedupe(sorted(findings, key=Finding.sort_key))
        return res

    def lint_bytes(self, path: str, data: bytes) -> FileResult:
        try:
            doc = build_document(path, data, max_bytes=self.config.max_file_size)
        except Unreadable as exc:
            return FileResult(path=path, error=str(exc))
        except RecursionError:
            return FileResult(path=path, error="skipped: nesting too deep to parse")
        return self.lint_document(doc)

    def lint_path(self, path: str) -> FileResult:
        try:
            data = read_path(path, self.config.max_file_size)
        except Unreadable as exc:
            return FileResult(path=path, error=str(exc))
        return self.lint_bytes(path, data)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen = set()
    out = []
    for f in findings:
        key = (f.line, f.column, f.code, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def worst(findings: list[Finding]) -> Severity | None:
    return max((f.severity for f in findings), default=None)
