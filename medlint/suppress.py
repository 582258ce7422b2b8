"""Inline suppressions: ``<!-- medlint-disable RULE... -->`` and friends.

    <!-- medlint-disable [RULE...] -->            from here on (all rules when none named)
    <!-- medlint-enable [RULE...] -->             back on
    <!-- medlint-disable-next-line [RULE...] -->  the next non-blank line only
    <!-- medlint-disable-line [RULE...] -->       this line only
    <!-- medlint-disable-file [RULE...] -->       the whole file

RULE is a code (FM002), a name (front-matter-duplicate-key) or a category (front-matter).
"""

from __future__ import annotations

import re

from .model import Finding, Suppression

_COMMENT = re.compile(
    r"<!--\s*medlint-(?P<kind>disable-next-line|disable-line|disable-file|disable|enable)"
    r"(?P<rules>(?:\s+[\w./-]+)*)\s*-->",
    re.I,
)


def scan(lines: list[str], skip: set[int] | None = None) -> list[Suppression]:
    out = []
    for i, line in enumerate(lines):
        if "medlint-" not in line or (skip and (i + 1) in skip):
            continue
        for m in _COMMENT.finditer(line):
            rules = tuple(r.strip().lower() for r in m.group("rules").replace(",", " ").split())
            out.append(Suppression(kind=m.group("kind").lower(), rules=rules, line=i + 1))
    return out


def _matches(rules: tuple, f: Finding) -> bool:
    if not rules:
        return True
    keys = {f.code.lower(), f.rule.lower(), f.category.lower()}
    return any(r in keys for r in rules)


def resolve(sups: list[Suppression], lines: list[str]) -> list[Suppression]:
    """Turn ``disable-next-line`` into ``disable-line`` at the next non-blank line, so
    suppressions can be applied later without the document (site rules, workers)."""
    out = []
    for s in sups:
        if s.kind == "disable-next-line":
            target = s.line + 1
            while target <= len(lines) and not lines[target - 1].strip():
                target += 1
            s = Suppression(kind="disable-line", rules=s.rules, line=target)
        out.append(s)
    return out


def apply(findings: list[Finding], sups: list[Suppression]) -> list[Finding]:
    """Drop suppressed findings (``sups`` resolved by ``resolve``)."""
    if not sups:
        return findings
    file_wide = [s for s in sups if s.kind == "disable-file"]
    line_rules: dict[int, list[tuple]] = {}
    ranges = sorted((s for s in sups if s.kind in ("disable", "enable")), key=lambda s: s.line)
    for s in sups:
        if s.kind == "disable-line":
            line_rules.setdefault(s.line, []).append(s.rules)
    kept = []
    for f in findings:
        if any(_matches(s.rules, f) for s in file_wide):
            continue
        if any(_matches(r, f) for r in line_rules.get(f.line, ())):
            continue
        disabled = False
        for s in ranges:
            if s.line > f.line:
                break
            if _matches(s.rules, f):
                disabled = s.kind == "disable"
            elif s.kind == "enable" and not s.rules:
                disabled = False
        if not disabled:
            kept.append(f)
    return kept
