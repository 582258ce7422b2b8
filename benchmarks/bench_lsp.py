#!/usr/bin/env python3
"""Language-server edit latency: time to diagnose a 1,000-line article after an edit.

    python benchmarks/bench_lsp.py [--lines 1000] [--edits 20]

Builds the server's linter once (as the running server keeps it, spaCy included), then
measures ``MedlintServer.diagnostics`` on successive edited versions of a generated
article made of seed-article sections. Target (issue 6): median <= 50 ms.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "seeds" / "left-knee-twitching.md"


def article(lines: int) -> str:
    seed = SEED.read_text().split("\n")
    fm_end = seed.index("---", 1) + 1
    head, body = seed[:fm_end], seed[fm_end:]
    out = list(head)
    i = 0
    while len(out) < lines:
        out.extend(line.replace("knee", f"knee {i}") for line in body)
        i += 1
    return "\n".join(out[:lines]) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=1000)
    ap.add_argument("--edits", type=int, default=20)
    args = ap.parse_args()
    import datetime as dt

    from medlint.lsp import MedlintServer

    ls = MedlintServer()
    ls.today = dt.date(2026, 11, 21)
    text = article(args.lines)
    uri = (ROOT / "bench-article.md").as_uri()
    t = time.perf_counter()
    first = ls.diagnostics(uri, text)
    cold = time.perf_counter() - t
    times = []
    for k in range(args.edits):
        edited = text.replace("Stress can also cause", f"Stress (edit {k}) can also cause", 1)
        t = time.perf_counter()
        ls.diagnostics(uri, edited)
        times.append(time.perf_counter() - t)
    med = statistics.median(times) * 1000
    print(f"article: {args.lines} lines, {len(text.split())} words, {len(first)} diagnostics")
    print(f"first lint (cold, loads rules and any NLP): {cold * 1000:.0f} ms")
    print(f"edit -> diagnostics, median of {args.edits}: {med:.1f} ms "
          f"(min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f}) "
          f"{'OK' if med <= 50 else 'MISS'} (target <= 50 ms)")


if __name__ == "__main__":
    main()
