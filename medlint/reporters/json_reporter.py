"""A versioned JSON object: ``{"schema_version", "tool", "findings": [...], "errors", "summary"}``."""

from __future__ import annotations

import json

from . import summary

SCHEMA_VERSION = "1.0"


def render(results, rules, version: str, **_) -> str:
    data = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "medlint", "version": version},
        "findings": [f.to_dict() for r in results for f in r.findings],
        "errors": [{"path": r.path, "message": r.error} for r in results if r.error],
        "summary": summary(results),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
