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
    return _layout(data) + "\n"


def _layout(data: dict) -> str:
    """Indented at the top, one finding or error per line below: as easy to read and grep as
    ``indent=2``, and written by json's C encoder (``indent`` forces the pure-Python one, a
    third of a cached corpus run's time)."""
    parts = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            items = ",\n    ".join(json.dumps(v, ensure_ascii=False) for v in value)
            parts.append(f"  {json.dumps(key)}: [\n    {items}\n  ]")
        else:
            parts.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(parts) + "\n}"
