#!/usr/bin/env python3
"""Where the CPU goes: parse each file once in-process, then time every phase and every rule.

    python benchmarks/profile_rules.py [--corpus ../shared/corpus/dev] [--select CODES] [--top 30]
                                       [--cprofile OUT.prof]

Times are CPU seconds (``time.process_time``), so they stay comparable when other work shares
the machine. Phases: build_document (read + front matter + body parse), sentences (the cached
sentence view), each enabled non-site rule (the first language rule also pays for the shared
sentence analysis, which is cached per sentence text), then suppressions + fingerprints. This is
a developer's tool for finding hot spots; bench.py is the end-to-end measurement.
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import datetime as dt
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.setrecursionlimit(10000)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "dev"))
    ap.add_argument("--select", default=None, help="comma-separated codes/names/categories")
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--cprofile", default=None, help="write a cProfile of the rule phase here")
    a = ap.parse_args()

    from medlint import suppress
    from medlint.baseline import fingerprint
    from medlint.config import Config
    from medlint.engine import Linter
    from medlint.reading import Unreadable, build_document

    files = sorted(str(p) for p in Path(a.corpus).rglob("*")
                   if p.is_file() and p.name != "SOURCES.md")
    datas = [(p, Path(p).read_bytes()) for p in files]
    words = sum(len(d.split()) for _, d in datas)
    cfg = Config(root=os.getcwd())
    rules = cfg.enabled_rules(a.select.split(",") if a.select else None)
    lin = Linter(cfg, rules, today=dt.date(2026, 11, 21))
    t = time.process_time()
    lin.warm_up()
    warm = time.process_time() - t

    t = time.process_time()
    docs = []
    for p, d in datas:
        try:
            docs.append(build_document(p, d))
        except (Unreadable, RecursionError):
            pass
    parse = time.process_time() - t
    t = time.process_time()
    for d in docs:
        d.sentences  # noqa: B018 - the cached view
    sents = time.process_time() - t

    per_rule: collections.Counter = collections.Counter()
    found: list = []
    prof = cProfile.Profile() if a.cprofile else None
    if prof:
        prof.enable()
    for d in docs:
        for r in lin.rules:
            if r.site:
                continue
            ctx = lin._ctx(r, d.path)
            t = time.process_time()
            r.check(d, ctx)
            per_rule[r.code] += time.process_time() - t
            found.append((d, ctx.findings))
    if prof:
        prof.disable()
        prof.dump_stats(a.cprofile)
    t = time.process_time()
    for d, fs in found:
        res = suppress.resolve(d.suppressions, d.lines)
        for f in suppress.apply(fs, res):
            fingerprint(f.code, f.message, d.lines, f.line)
    post = time.process_time() - t

    total_rules = sum(per_rule.values())
    total = parse + sents + total_rules + post
    print(f"{len(docs)} files, {words:,} words; {len(lin.rules)} rules; warm-up {warm:.2f} s")
    print(f"  build_document {parse:7.3f} s")
    print(f"  sentences      {sents:7.3f} s")
    print(f"  rules          {total_rules:7.3f} s")
    print(f"  suppress+fp    {post:7.3f} s")
    print(f"  total CPU      {total:7.3f} s  = {words / total / 1000:.0f}k words per CPU second")
    print("rules by CPU:")
    for code, sec in per_rule.most_common(a.top):
        print(f"  {code:6} {sec:7.3f} s")


if __name__ == "__main__":
    main()
