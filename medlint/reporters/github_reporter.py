"""GitHub Actions workflow commands: ``::warning file=...,line=...::message``."""

from __future__ import annotations

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _esc_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _esc_prop(s: str) -> str:
    return _esc_data(s).replace(":", "%3A").replace(",", "%2C")


def render(results, rules, version: str, **_) -> str:
    out = []
    for r in results:
        for f in r.findings:
            props = (f"file={_esc_prop(f.path)},line={f.line},col={f.column},"
                     f"endLine={f.end_line},endColumn={f.end_column},"
                     f"title={_esc_prop(f'{f.code} {f.rule}')}")
            out.append(f"::{_LEVEL[str(f.severity)]} {props}::{_esc_data(f.message)}")
        if r.error:
            out.append(f"::error file={_esc_prop(r.path)}::{_esc_data(r.error)}")
    return "\n".join(out) + ("\n" if out else "")
