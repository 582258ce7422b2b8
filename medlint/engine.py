"""Run the enabled rules over Documents; apply suppressions, per-file ignores, severities."""

from __future__ import annotations

import datetime as _dt
import os
import time
from collections.abc import Collection
from dataclasses import dataclass, field

from . import suppress
from .baseline import fingerprint
from .config import Config
from .model import Document, Finding
from .reading import Unreadable, build_document, read_path
from .rules.base import Context, Rule


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # one-line message: file skipped or not fully linted
    internal: bool = False  # an internal error (exit code 2)
    suppressions: list = field(default_factory=list, repr=False)  # resolved, for site rules


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

    def _ctx(self, rule, path: str) -> Context:
        return Context(rule=rule, options=self._opts[rule.code], today=self.today,
                       path=path, severity=self._sev[rule.code], online=self.online,
                       allow_hosts=self.allow_hosts, shared=self.shared)

    def _skipped(self, path: str) -> set[str]:
        if path in ("-", "<stdin>"):
            return set()
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(self.config.root))
        return self.config.ignored_for(rel.replace(os.sep, "/"))

    def lint_document(self, doc: Document) -> FileResult:
        return self.finish(doc, self.run_rules(doc))

    def run_rules(self, doc: Document, codes: Collection[str] | None = None,
                  cpu: dict[str, float] | None = None) -> FileResult:
        """The rules' own findings, before suppressions; only the rules in ``codes`` if given.
        ``cpu`` receives each rule's CPU seconds (the language server plans edits with it)."""
        res = FileResult(path=doc.path)
        skip = self._skipped(doc.path)
        for rule in self.rules:
            if rule.code in skip or rule.site or (codes is not None and rule.code not in codes):
                continue
            ctx = self._ctx(rule, doc.path)
            start = time.process_time() if cpu is not None else 0.0  # a system call: only if asked
            try:
                rule.check(doc, ctx)
            except Exception as exc:  # a rule bug must not stop the other files or rules
                res.internal = True
                res.error = (f"internal error in rule {rule.code} ({rule.name}): "
                             f"{type(exc).__name__}: {exc}")
                continue
            finally:
                if cpu is not None:
                    cpu[rule.code] = time.process_time() - start
            res.findings.extend(ctx.findings)
        return res

    def finish(self, doc: Document, res: FileResult, fingerprints: bool = True) -> FileResult:
        """Apply the document's suppressions, then sort and de-duplicate; ``fingerprints``
        (for baselines) can be left out when nothing reads them, as in the editor."""
        res.suppressions = suppress.resolve(doc.suppressions, doc.lines)
        findings = suppress.apply(res.findings, res.suppressions)
        if fingerprints:
            for f in findings:
                f.fingerprint, f.context = fingerprint(f.code, f.message, doc.lines, f.line)
        res.findings = _dedupe(sorted(findings, key=Finding.sort_key))
        return res

    # ---- site rules (need every file; see runner) ------------------------------------

    def signatures(self, doc: Document) -> list:
        out: list = []
        for rule in self.rules:
            if rule.site and rule.code not in self._skipped(doc.path):
                out.extend(rule.collect(doc, self._ctx(rule, doc.path)))
        return out

    def build(self, path: str, data: bytes) -> Document | FileResult:
        """The Document, or a FileResult saying why the file cannot be linted."""
        try:
            return build_document(path, data, max_bytes=self.config.max_file_size)
        except Unreadable as exc:
            return FileResult(path=path, error=str(exc))
        except RecursionError:
            return FileResult(path=path, error="skipped: nesting too deep to parse")

    def lint_bytes_with_signatures(self, path: str, data: bytes,
                                   site: bool = True) -> tuple[FileResult, list]:
        """Findings and, when ``site`` (more than one file in the run), site-rule signatures."""
        doc = self.build(path, data)
        if isinstance(doc, FileResult):
            return doc, []
        res = self.lint_document(doc)
        try:
            sigs = self.signatures(doc) if site and any(r.site for r in self.rules) else []
        except Exception as exc:
            res.internal, res.error = True, f"internal error in a site rule: {exc}"
            sigs = []
        return res, sigs

    def site_findings(self, rule_cls, sigs: list) -> list[Finding]:
        rule = next(r for r in self.rules if r.code == rule_cls.code)
        ctx = self._ctx(rule, "")
        rule.site_check(sigs, ctx)
        return ctx.findings

    def keep_site_finding(self, f: Finding, res: FileResult) -> bool:
        if f.code in self._skipped(f.path):
            return False
        if not suppress.apply([f], res.suppressions):
            return False
        f.fingerprint, f.context = fingerprint(f.code, f.message, [], f.line)
        return True

    def warm_up(self) -> None:
        """Load what rules load lazily (spaCy, textstat, numpy, phrase indexes) before workers
        fork.

        Each enabled rule's own ``bad`` example reaches the code paths the rule loads lazily
        (for a site rule, its per-file ``collect``), so linting those examples once loads
        exactly what this run will need.
        """
        for rule in self.rules:
            ext = {"html": ".html", "text": ".txt"}.get(rule.example_format, ".md")
            doc = self.build(f"warm-up{ext}", rule.bad.encode("utf-8"))
            if isinstance(doc, FileResult):
                continue
            # the rule alone: the other rules reach their own paths with their own examples
            self.run_rules(doc, codes=(rule.code,))
            if rule.site:
                rule.collect(doc, self._ctx(rule, doc.path))

    def lint_bytes(self, path: str, data: bytes) -> FileResult:
        return self.lint_bytes_with_signatures(path, data, site=False)[0]

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

