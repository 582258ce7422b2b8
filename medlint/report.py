"""``medlint report``: one self-contained HTML file with the state of a whole site.

Charts of findings by category and rule (inline SVG), the worst articles with a score, each
article's findings with line links, and trends against a previous JSON result. No external
scripts, styles or fonts: the file opens anywhere, offline.
"""

from __future__ import annotations

import datetime as _dt
import html
import json
from collections import Counter

from .model import CATEGORIES

WEIGHTS = {"error": 10, "warning": 3, "info": 1}
COLORS = {"error": "#c62828", "warning": "#ef6c00", "info": "#1565c0"}


def score(findings: list[dict]) -> int:
    """100 for a clean article, minus 10 per error, 3 per warning, 1 per info (floor 0)."""
    return max(0, 100 - sum(WEIGHTS.get(f["severity"], 1) for f in findings))


def _esc(s) -> str:
    return html.escape(str(s), quote=True)


def _bars(counts: list[tuple[str, int]], width: int = 520, color: str = "#37474f",
          label_w: int = 230) -> str:
    if not counts:
        return "<p class='muted'>No findings.</p>"
    top = max(c for _, c in counts) or 1
    row_h = 22
    h = row_h * len(counts) + 4
    parts = [f"<svg role='img' width='{width}' height='{h}' viewBox='0 0 {width} {h}' "
             f"xmlns='http://www.w3.org/2000/svg'>"]
    for i, (name, c) in enumerate(counts):
        y = i * row_h + 2
        w = max(1, int((width - label_w - 60) * c / top))
        parts.append(f"<text x='{label_w - 6}' y='{y + 15}' text-anchor='end' "
                     f"font-size='12'>{_esc(name)}</text>"
                     f"<rect x='{label_w}' y='{y + 3}' width='{w}' height='{row_h - 8}' "
                     f"fill='{color}'><title>{_esc(name)}: {c}</title></rect>"
                     f"<text x='{label_w + w + 6}' y='{y + 15}' font-size='12'>{c}</text>")
    parts.append("</svg>")
    return "".join(parts)


def _as_dicts(results) -> tuple[list[dict], list[dict], dict[str, int]]:
    """(findings, errors, words per path) from FileResults or a medlint JSON object."""
    if isinstance(results, dict):
        return results.get("findings", []), results.get("errors", []), {}
    findings, errors = [], []
    for r in results:
        findings.extend(f.to_dict() for f in r.findings)
        if r.error:
            errors.append({"path": r.path, "message": r.error})
    return findings, errors, {}


def render_html(results, files: list[str], previous: dict | None = None,
                title: str = "medlint report", generated: _dt.date | None = None) -> str:
    findings, errors, _ = _as_dicts(results)
    by_file: dict[str, list[dict]] = {p: [] for p in files}
    for f in findings:
        by_file.setdefault(f["path"], []).append(f)
    sev = Counter(f["severity"] for f in findings)
    cats = Counter(f["category"] for f in findings)
    rules = Counter(f"{f['code']} {f['rule']}" for f in findings)
    scored = sorted(((score(fs), p, fs) for p, fs in by_file.items()), key=lambda t: (t[0], t[1]))
    mean = round(sum(s for s, _, _ in scored) / len(scored), 1) if scored else 100

    out = [f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_esc(title)}</title>
<style>
body{{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1b1b1b;background:#fafafa}}
header{{background:#263238;color:#fff;padding:16px 24px}} header h1{{margin:0;font-size:20px}}
main{{padding:16px 24px;max-width:1200px}} section{{background:#fff;border:1px solid #e0e0e0;
border-radius:6px;padding:12px 16px;margin:0 0 16px}} h2{{font-size:16px;margin:4px 0 10px}}
.cards{{display:flex;gap:12px;flex-wrap:wrap}} .card{{background:#fff;border:1px solid #e0e0e0;
border-radius:6px;padding:10px 14px;min-width:120px}} .card b{{display:block;font-size:22px}}
table{{border-collapse:collapse;width:100%}} td,th{{text-align:left;padding:3px 8px;
border-bottom:1px solid #eee;vertical-align:top}} th{{background:#f5f5f5}}
.error{{color:{COLORS['error']}}} .warning{{color:{COLORS['warning']}}} .info{{color:{COLORS['info']}}}
.muted{{color:#757575}} details summary{{cursor:pointer;padding:4px 0}} code{{font-size:12px}}
.up{{color:{COLORS['error']}}} .down{{color:#2e7d32}} .grid{{display:grid;
grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:16px}}
</style></head><body>
<header><h1>{_esc(title)}</h1><div class="muted" style="color:#cfd8dc">
{len(by_file)} files · {len(findings)} findings · generated {_esc(generated or _dt.date.today())}
</div></header><main>
<div class="cards">
<div class="card">Files<b>{len(by_file)}</b></div>
<div class="card">Findings<b>{len(findings)}</b></div>
<div class="card error">Errors<b>{sev.get('error', 0)}</b></div>
<div class="card warning">Warnings<b>{sev.get('warning', 0)}</b></div>
<div class="card info">Info<b>{sev.get('info', 0)}</b></div>
<div class="card">Mean score<b>{mean}</b></div>
<div class="card">Clean files<b>{sum(1 for fs in by_file.values() if not fs)}</b></div>
</div>"""]

    if previous is not None:
        out.append(_trends(findings, len(by_file), previous))

    cat_counts = [(c, cats[c]) for c in CATEGORIES if cats.get(c)]
    out.append("<div class='grid'><section><h2>Findings by category</h2>"
               f"{_bars(cat_counts)}</section>"
               "<section><h2>Findings by rule (top 15)</h2>"
               f"{_bars(rules.most_common(15), color='#546e7a')}</section></div>")

    out.append("<section><h2>Worst articles</h2><p class='muted'>Score: 100 minus 10 per error, "
               "3 per warning, 1 per info (floor 0).</p><table><tr><th>Score</th><th>Article</th>"
               "<th>Errors</th><th>Warnings</th><th>Info</th></tr>")
    for s, p, fs in scored[:25]:
        c = Counter(f["severity"] for f in fs)
        out.append(f"<tr><td>{s}</td><td><a href='#{_anchor(p)}'>{_esc(p)}</a></td>"
                   f"<td>{c.get('error', 0)}</td><td>{c.get('warning', 0)}</td>"
                   f"<td>{c.get('info', 0)}</td></tr>")
    out.append("</table></section>")

    out.append("<section><h2>Findings by article</h2>")
    for s, p, fs in scored:
        if not fs:
            continue
        out.append(f"<details id='{_anchor(p)}'><summary><b>{_esc(p)}</b> — score {s}, "
                   f"{len(fs)} finding{'s' if len(fs) != 1 else ''}</summary><table>"
                   "<tr><th>Line</th><th>Rule</th><th>Severity</th><th>Message</th></tr>")
        for f in sorted(fs, key=lambda f: (f["line"], f["column"])):
            out.append(f"<tr><td><a href='{_esc(p)}#L{f['line']}'>{f['line']}:{f['column']}</a>"
                       f"</td><td><code>{_esc(f['code'])}</code> {_esc(f['rule'])}</td>"
                       f"<td class='{_esc(f['severity'])}'>{_esc(f['severity'])}</td>"
                       f"<td>{_esc(f['message'])}</td></tr>")
        out.append("</table></details>")
    out.append("</section>")
    if errors:
        out.append("<section><h2>Files not linted</h2><ul>")
        out.extend(f"<li>{_esc(e['path'])}: {_esc(e['message'])}</li>" for e in errors)
        out.append("</ul></section>")
    out.append("</main></body></html>\n")
    return "\n".join(out)


def _anchor(path: str) -> str:
    return "f-" + "".join(ch if ch.isalnum() else "-" for ch in path)[-120:]


def _trends(findings: list[dict], n_files: int, previous: dict) -> str:
    prev = previous.get("findings", []) if isinstance(previous, dict) else []
    now_c = Counter(f["category"] for f in findings)
    prev_c = Counter(f["category"] for f in prev)
    rows = []
    for c in CATEGORIES:
        a, b = prev_c.get(c, 0), now_c.get(c, 0)
        if a or b:
            d = b - a
            cls = "up" if d > 0 else ("down" if d < 0 else "muted")
            rows.append(f"<tr><td>{c}</td><td>{a}</td><td>{b}</td>"
                        f"<td class='{cls}'>{'+' if d > 0 else ''}{d}</td></tr>")
    total = len(findings) - len(prev)
    cls = "up" if total > 0 else ("down" if total < 0 else "muted")
    return ("<section><h2>Trend since the previous run</h2>"
            f"<p>Findings: {len(prev)} → {len(findings)} "
            f"(<span class='{cls}'>{'+' if total > 0 else ''}{total}</span>)</p>"
            "<table><tr><th>Category</th><th>Before</th><th>Now</th><th>Change</th></tr>"
            + "".join(rows) + "</table></section>")


def load_previous(path: str) -> dict:
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    if isinstance(data, list):
        data = {"findings": data}
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise ValueError("not a medlint JSON result (expected a 'findings' list)")
    return data
