"""The library API: a pure function of text and configuration.

    from medlint.api import lint_text
    findings = lint_text(open("post.md").read(), path="post.md", today="2026-11-21")

It reads no files and no clock (when ``today`` is given) and opens no connection, so it maps
over any data-parallel engine — Dask bags, Spark RDDs, Beam — one article per element. The
linter (rules, options, and spaCy once a rule needs it) is built once per process and reused.
Site-wide rules that compare articles (ST200) need the whole set and do not run here.
"""

from __future__ import annotations

import datetime as _dt
from functools import lru_cache

from .config import Config, from_mapping
from .engine import Linter


@lru_cache(maxsize=16)
def _linter(config_key: str, select: tuple, ignore: tuple, today: str | None) -> Linter:
    import json

    cfg = from_mapping(json.loads(config_key)) if config_key != "{}" else Config()
    day = _dt.date.fromisoformat(today) if today else None
    return Linter(cfg, cfg.enabled_rules(list(select) or None, list(ignore)), today=day)


def lint_text(text: str | bytes, path: str = "article.md", config: dict | None = None,
              select: tuple | list = (), ignore: tuple | list = (),
              today: str | _dt.date | None = None) -> list[dict]:
    """Findings (as the JSON reporter's dicts) for one article's text."""
    import json

    key = json.dumps(config or {}, sort_keys=True, default=str)
    day = today.isoformat() if isinstance(today, _dt.date) else today
    lin = _linter(key, tuple(select), tuple(ignore), day)
    data = text.encode("utf-8") if isinstance(text, str) else text
    res = lin.lint_bytes(path, data)
    out = [f.to_dict() for f in res.findings]
    if res.error:
        out.append({"path": path, "error": res.error})
    return out
