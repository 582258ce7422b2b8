#!/usr/bin/env python3
"""Where the CPU goes: parse each file once in-process, then time every phase and every rule.

    python benchmarks/profile_rules.py [--corpus ../shared/corpus/dev] [--select CODES] [--top 30]
                                       [--cprofile OUT.prof]
    python benchmarks/profile_rules.py --compare BASE ADDED [--repeat 3]

Times are CPU seconds (``time.process_time``), so they stay comparable when other work shares
the machine, taken with the garbage-collector settings ``medlint check`` uses. Phases: build_document (read + front matter + body parse), sentences (the cached
sentence view), each enabled rule (the first language rule also pays for the shared sentence
analysis, which is cached per sentence text; a site rule such as ST200 is timed on its per-file
``collect``, the part that grows with the corpus), then suppressions + fingerprints. This is a
developer's tool for finding hot spots; bench.py is the end-to-end measurement.

``--compare BASE ADDED`` answers "what do the ADDED rules cost on top of a run of BASE?" (issue
3: structure, missing-list-items and duplicate-faq on top of the issue-2 run, front-matter +
broken-embed): CPU of parse + BASE rules, CPU of the ADDED rules (document views they build
first, such as the FAQ, included) and the overhead as a percentage of the BASE run. The sentence
view is left out of both, since none of these rules reads it. Each figure is the minimum over
``--repeat`` runs, each in a fresh process (so no memo of an earlier run helps).
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


def load(corpus: str) -> tuple[list[tuple[str, bytes]], int]:
    files = sorted(str(p) for p in Path(corpus).rglob("*")
                   if p.is_file() and p.name != "SOURCES.md")
    datas = [(p, Path(p).read_bytes()) for p in files]
    return datas, sum(len(d.split()) for _, d in datas)


def parse(datas) -> tuple[list, float]:
    from medlint.reading import Unreadable, build_document

    t = time.process_time()
    docs = []
    for p, d in datas:
        try:
            docs.append(build_document(p, d))
        except (Unreadable, RecursionError):
            pass
    return docs, time.process_time() - t


def linter(select: str | None):
    from medlint.config import Config
    from medlint.engine import Linter

    cfg = Config(root=os.getcwd())
    rules = cfg.enabled_rules(select.split(",") if select else None)
    return Linter(cfg, rules, today=dt.date(2026, 11, 21))


def run_rules(lin, docs, prof=None) -> tuple[collections.Counter, list]:
    """CPU per rule code over ``docs`` (a site rule: its per-file collect) and the findings."""
    per_rule: collections.Counter = collections.Counter()
    found: list = []
    if prof:
        prof.enable()
    for d in docs:
        for r in lin.rules:
            ctx = lin._ctx(r, d.path)
            t = time.process_time()
            if r.site:
                r.collect(d, ctx)
            else:
                r.check(d, ctx)
            per_rule[r.code] += time.process_time() - t
            found.append((d, ctx.findings))
    if prof:
        prof.disable()
    return per_rule, found


def measure(corpus: str, select: str) -> dict:
    """One fresh process's CPU for parse + the selected rules (what --json prints)."""
    import json
    import subprocess

    out = subprocess.run([sys.executable, __file__, "--corpus", corpus, "--select", select,
                          "--json"], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def compare(a, words: int) -> None:
    base, added = (linter(s) for s in a.compare)
    base_codes = {r.code for r in base.rules}
    extra = [r.code for r in added.rules if r.code not in base_codes]
    runs: dict = {"base": [], "added": []}
    for _ in range(a.repeat):  # a fresh process each time: no memo survives from a run before
        runs["base"].append(measure(a.corpus, a.compare[0]))
        runs["added"].append(measure(a.corpus, a.compare[1]))
    parse_s = min(r["parse"] for rs in runs.values() for r in rs)
    base_rules = min(sum(r["rules"].values()) for r in runs["base"])
    issue2 = parse_s + base_rules
    added_s = collections.Counter({c: min(r["rules"][c] for r in runs["added"]) for c in extra})
    over = min(sum(r["rules"][c] for c in extra) for r in runs["added"])
    print(f"{words:,} words; CPU seconds, minimum of {a.repeat} runs in fresh processes")
    print(f"  base run ({a.compare[0]}): parse {parse_s:.3f} + {len(base_codes)} rules "
          f"{base_rules:.3f} = {issue2:.3f} s")
    print(f"  added rules ({len(extra)}): {over:.3f} s = {100 * over / issue2:.1f} % of the base run")
    site = [r.code for r in added.rules if r.site and r.code in extra]
    if site:  # site rules' per-file signatures, shown apart: ST200 imports numpy on first use
        rest = min(sum(r["rules"][c] for c in extra if c not in site) for r in runs["added"])
        print(f"    without the site rules' collect ({', '.join(site)}): {rest:.3f} s = "
              f"{100 * rest / issue2:.1f} %")
    for code, sec in added_s.most_common(a.top):
        print(f"    {code:6} {sec:7.3f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "dev"))
    ap.add_argument("--select", default=None, help="comma-separated codes/names/categories")
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--cprofile", default=None, help="write a cProfile of the rule phase here")
    ap.add_argument("--compare", nargs=2, metavar=("BASE", "ADDED"), default=None,
                    help="CPU of the rules in ADDED but not in BASE, as a share of a BASE run")
    ap.add_argument("--repeat", type=int, default=3, help="runs per selection with --compare")
    ap.add_argument("--json", action="store_true",
                    help="print only parse and per-rule CPU as JSON (no sentence view)")
    a = ap.parse_args()

    from medlint.runner import batch_gc

    with batch_gc():  # the garbage-collector settings medlint check lints with
        _profile(a)


def _profile(a) -> None:
    from medlint import suppress
    from medlint.baseline import fingerprint

    datas, words = load(a.corpus)
    if a.compare:
        compare(a, words)
        return
    lin = linter(a.select)
    if a.json:
        import json

        docs, parse_s = parse(datas)
        per_rule, _ = run_rules(lin, docs)
        print(json.dumps({"parse": parse_s, "rules": per_rule}))
        return
    t = time.process_time()
    lin.warm_up()
    warm = time.process_time() - t

    docs, parse_s = parse(datas)
    t = time.process_time()
    for d in docs:
        d.sentences  # noqa: B018 - the cached view
    sents = time.process_time() - t

    prof = cProfile.Profile() if a.cprofile else None
    per_rule, found = run_rules(lin, docs, prof)
    if prof:
        prof.dump_stats(a.cprofile)
    t = time.process_time()
    for d, fs in found:
        res = suppress.resolve(d.suppressions, d.lines)
        for f in suppress.apply(fs, res):
            fingerprint(f.code, f.message, d.lines, f.line)
    post = time.process_time() - t

    total_rules = sum(per_rule.values())
    total = parse_s + sents + total_rules + post
    print(f"{len(docs)} files, {words:,} words; {len(lin.rules)} rules; warm-up {warm:.2f} s")
    print(f"  build_document {parse_s:7.3f} s")
    print(f"  sentences      {sents:7.3f} s")
    print(f"  rules          {total_rules:7.3f} s")
    print(f"  suppress+fp    {post:7.3f} s")
    print(f"  total CPU      {total:7.3f} s  = {words / total / 1000:.0f}k words per CPU second")
    print("rules by CPU:")
    for code, sec in per_rule.most_common(a.top):
        print(f"  {code:6} {sec:7.3f} s")


if __name__ == "__main__":
    main()
