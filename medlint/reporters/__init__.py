"""Reporters format findings; they never decide them.

Each reporter is ``render(results, rules, *, tool_version) -> str`` where ``results`` is a
list of engine.FileResult and ``rules`` the rule classes that ran.
"""

from __future__ import annotations

import importlib

FORMATS = ("text", "json", "sarif", "github")


def render(fmt: str, results, rules, version: str, **kw) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    mod = importlib.import_module(f"{__name__}.{fmt}_reporter")
    return mod.render(results, rules, version=version, **kw)


def summary(results) -> dict:
    by_sev = {"error": 0, "warning": 0, "info": 0}
    by_rule: dict[str, int] = {}
    by_cat: dict[str, int] = {}
    for r in results:
        for f in r.findings:
            by_sev[str(f.severity)] += 1
            key = f"{f.code} {f.rule}"
            by_rule[key] = by_rule.get(key, 0) + 1
            by_cat[f.category] = by_cat.get(f.category, 0) + 1
    return {
        "files": len(results),
        "files_with_findings": sum(1 for r in results if r.findings),
        "findings": sum(by_sev.values()),
        "by_severity": by_sev,
        "by_rule": dict(sorted(by_rule.items())),
        "by_category": dict(sorted(by_cat.items())),
        "errors": sum(1 for r in results if r.error),
    }
