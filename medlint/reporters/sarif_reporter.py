"""SARIF 2.1.0: one run, the rules that ran described in ``tool.driver.rules``."""

from __future__ import annotations

import json
import os
from urllib.parse import quote

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    if path in ("-", "<stdin>"):
        return "stdin"
    rel = os.path.relpath(path) if os.path.isabs(path) else path
    return quote(rel.replace(os.sep, "/"))


def rule_descriptor(r) -> dict:
    from ..docs import rule_markdown

    return {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": f"{r.what} {r.why}".strip()},
        "help": {"text": f"{r.what}\n\nWhy: {r.why}\n\nSource: {r.standard}",
                 "markdown": rule_markdown(r)},
        "defaultConfiguration": {"level": _LEVEL[str(r.severity)]},
        "properties": {"category": r.category, "tags": [r.category]},
    }


def render(results, rules, version: str, **_) -> str:
    rules = sorted(rules, key=lambda r: r.code)
    index = {r.code: i for i, r in enumerate(rules)}
    sarif_results = []
    for res in results:
        for f in res.findings:
            item = {
                "ruleId": f.code,
                "level": _LEVEL[str(f.severity)],
                "message": {"text": f.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(f.path)},
                        "region": {"startLine": f.line, "startColumn": f.column,
                                   "endLine": f.end_line, "endColumn": f.end_column},
                    }
                }],
                "properties": {"category": f.category, "rule": f.rule},
            }
            if f.code in index:
                item["ruleIndex"] = index[f.code]
            sarif_results.append(item)
    notifications = [
        {"level": "error" if r.internal else "warning", "message": {"text": r.error},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(r.path)}}}]}
        for r in results if r.error
    ]
    run = {
        "tool": {"driver": {
            "name": "medlint",
            "version": version,
            "rules": [rule_descriptor(r) for r in rules],
        }},
        "results": sarif_results,
        "columnKind": "unicodeCodePoints",
        "invocations": [{"executionSuccessful": not any(r.internal for r in results),
                         "toolExecutionNotifications": notifications}],
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2,
                      ensure_ascii=False) + "\n"
