"""Rule documentation, generated from each rule's declaration (``medlint explain``, docs/)."""

from __future__ import annotations

import textwrap


def _fence(example: str, fmt: str) -> str:
    lang = {"markdown": "markdown", "html": "html", "text": "text"}.get(fmt, "text")
    body = example.strip("\n")
    ticks = "````" if "```" in body else "```"
    return f"{ticks}{lang}\n{body}\n{ticks}"


def rule_markdown(rule) -> str:
    from .rules.registry import default_options

    opts = default_options(rule)
    lines = [
        f"# {rule.code} {rule.name}",
        "",
        f"**Category:** {rule.category} · **Default severity:** {rule.severity} · "
        f"**Enabled by default:** {'yes' if rule.enabled_by_default else 'no'}",
        "",
        rule.summary,
        "",
        "## What it detects",
        "",
        textwrap.dedent(rule.what).strip(),
        "",
        "## Why",
        "",
        textwrap.dedent(rule.why).strip(),
        "",
        "## Source",
        "",
        textwrap.dedent(rule.standard).strip(),
        "",
        "## Bad",
        "",
        _fence(rule.bad, rule.example_format),
        "",
        "## Good",
        "",
        _fence(rule.good, rule.example_format),
    ]
    if opts:
        lines += ["", "## Options", ""]
        for k, v in opts.items():
            shown = v if not isinstance(v, list) or len(v) <= 12 else v[:12] + ["…"]
            lines.append(f"- `{k}`: `{shown!r}`")
        lines += ["", "Set them in `.medlint.yaml` under `rules: {" + rule.name + ": {...}}`."]
    lines += ["", f"Suppress with `<!-- medlint-disable-next-line {rule.code} -->`."]
    return "\n".join(lines) + "\n"


def rules_index(rules) -> str:
    out = ["# Rules", "", "| Code | Name | Category | Severity | Summary |", "|---|---|---|---|---|"]
    for r in rules:
        out.append(f"| [{r.code}](rules/{r.code}.md) | {r.name} | {r.category} | {r.severity} "
                   f"| {r.summary} |")
    return "\n".join(out) + "\n"


def write_docs(outdir: str) -> list[str]:
    """Write docs/rules.md and docs/rules/<CODE>.md for every rule; returns the paths."""
    import os

    from .rules.registry import all_rules

    rules = all_rules()
    os.makedirs(os.path.join(outdir, "rules"), exist_ok=True)
    written = []
    index = os.path.join(outdir, "rules.md")
    with open(index, "w", encoding="utf-8") as fh:
        fh.write(rules_index(rules))
    written.append(index)
    for r in rules:
        path = os.path.join(outdir, "rules", f"{r.code}.md")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(rule_markdown(r))
        written.append(path)
    return written


if __name__ == "__main__":  # python -m medlint.docs docs
    import sys

    for p in write_docs(sys.argv[1] if len(sys.argv) > 1 else "docs"):
        print(p)
