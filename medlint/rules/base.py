"""What a rule is: identity, docs, options, and a check over one Document."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..model import CATEGORIES, Document, Finding, Severity


@dataclass
class Context:
    """What a rule may read besides the Document: its options, the date, the config."""

    rule: Rule
    options: dict
    today: _dt.date
    path: str
    severity: Severity
    findings: list = field(default_factory=list)

    def report(self, line: int, col: int, message: str, *, end_line: int = 0, end_col: int = 0,
               cite: bool = True) -> Finding:
        r = self.rule
        if cite and r.cite and r.cite not in message:
            message = f"{message} ({r.cite})"
        f = Finding(path=self.path, line=line, column=col, end_line=end_line, end_column=end_col,
                    code=r.code, rule=r.name, category=r.category, severity=self.severity,
                    message=message)
        self.findings.append(f)
        return f


class Rule:
    """Subclass once per rule, in a module of its own under ``medlint/rules/<family>/``.

    Class attributes are the rule's identity and documentation; ``check`` reports through
    ``ctx.report``. Options default to ``options`` merged with the rule's entry in its data
    pack (``rules/<pack>.yaml``), then the user's configuration.
    """

    code: ClassVar[str]  # stable: FM002
    name: ClassVar[str]  # kebab-case: front-matter-duplicate-key
    category: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str]  # one line
    what: ClassVar[str]
    why: ClassVar[str]
    standard: ClassVar[str]  # where the rule comes from, in a sentence
    cite: ClassVar[str] = ""  # short citation appended to messages
    bad: ClassVar[str]  # an article the rule reports
    good: ClassVar[str]  # the same article fixed
    example_format: ClassVar[str] = "markdown"
    bad_encoding: ClassVar[str] = "utf-8"  # how the bad example is written to disk in tests
    options: ClassVar[dict[str, Any]] = {}
    pack: ClassVar[str] = ""  # data file in rules/ holding this rule's lists
    needs_nlp: ClassVar[bool] = False
    enabled_by_default: ClassVar[bool] = True
    fix_available: ClassVar[bool] = False

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding] | None:  # pragma: no cover
        raise NotImplementedError

    @classmethod
    def validate(cls) -> list[str]:
        """Problems with the rule's declaration (used by the registry's meta-test)."""
        import re

        errs = []
        for attr in ("code", "name", "category", "summary", "what", "why", "standard", "bad",
                     "good"):
            if not getattr(cls, attr, "").strip():
                errs.append(f"{cls.__name__}: missing {attr}")
        if not re.fullmatch(r"[A-Z]{2,4}\d{3}", getattr(cls, "code", "")):
            errs.append(f"{cls.__name__}: code {getattr(cls, 'code', '')!r} is not like FM001")
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", getattr(cls, "name", "")):
            errs.append(f"{cls.__name__}: name is not kebab-case")
        if getattr(cls, "category", None) not in CATEGORIES:
            errs.append(f"{cls.__name__}: unknown category {getattr(cls, 'category', None)!r}")
        return errs
