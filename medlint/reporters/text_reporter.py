"""``path:line:col: severity CODE rule-name message`` - one per line, the form editors parse."""

from __future__ import annotations

from . import summary


def render(results, rules, version: str, quiet: bool = False, **_) -> str:
    out = []
    for r in results:
        for f in r.findings:
            out.append(f"{f.path}:{f.line}:{f.column}: {f.severity} {f.code} {f.rule} {f.message}")
    if not quiet:
        s = summary(results)
        if s["findings"]:
            sev = s["by_severity"]
            out.append(f"Found {s['findings']} finding{'s' if s['findings'] != 1 else ''} in "
                       f"{s['files_with_findings']} of {s['files']} file"
                       f"{'s' if s['files'] != 1 else ''} ({sev['error']} error, "
                       f"{sev['warning']} warning, {sev['info']} info).")
    return "\n".join(out) + ("\n" if out else "")
