#!/usr/bin/env python3
"""medlint benchmark: start-up, one file and the whole corpus, structural and all rules.

    python benchmarks/bench.py [--corpus ../shared/corpus/dev] [--file ARTICLE] [--runs 5]

Every measurement runs medlint in a fresh process (what a pre-commit hook or CI job pays),
takes the median of --runs, and prints each target with its measured value. Peak memory is
the child's maximum resident set size. Words are whitespace-separated tokens of the text
medlint reads (front matter and markup included), counted once up front.

Targets (issue 2 and 7): one file, structural rules <= 0.15 s; one file, all rules <= 1.0 s;
spaCy not imported for structural rules; peak memory <= 300 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
DEFAULT_FILE = ROOT / "tests" / "fixtures" / "seeds" / "left-knee-twitching.md"
STRUCTURAL = "front-matter,broken-embed,structure,missing-list-items,duplicate-faq"


def medlint_cmd() -> list[str]:
    return [sys.executable, "-m", "medlint"]


def run_once(args: list[str]) -> tuple[float, float, str]:
    """(wall seconds, child peak RSS in MB, stdout) for one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    proc = subprocess.run(medlint_cmd() + args, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode not in (0, 1):
        raise SystemExit(f"medlint failed ({proc.returncode}): {proc.stderr[-500:]}")
    return wall, max(peak, before) / 1024, proc.stdout


def measure(args: list[str], runs: int) -> dict:
    walls, peaks, out = [], [], ""
    for _ in range(runs):
        w, p, out = run_once(args)
        walls.append(w)
        peaks.append(p)
    return {"median_s": statistics.median(walls), "min_s": min(walls), "peak_mb": max(peaks),
            "stdout": out}


def count_words(paths: list[Path]) -> tuple[int, int]:
    files = words = 0
    for p in paths:
        if p.is_dir():
            for f in p.rglob("*"):
                if f.is_file():
                    files += 1
                    words += len(f.read_bytes().split())
        else:
            files += 1
            words += len(p.read_bytes().split())
    return files, words


def imports_spacy(select: str, path: Path) -> bool:
    code = ("import sys\nfrom medlint.cli import main\ntry:\n"
            f"    main(['check', '--select', {select!r}, '--today', '2026-11-21', {str(path)!r}])\n"
            "except SystemExit:\n    pass\nprint('spacy' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    return out.stdout.strip().endswith("True")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--file", type=Path, default=DEFAULT_FILE)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", action="store_true", help="print the results as JSON too")
    args = ap.parse_args()

    base = ["check", "--format", "json", "--today", "2026-11-21", "--fail-on", "never"]
    results: dict[str, dict] = {}
    rows = []

    def row(name, res, target=None, words=None):
        wps = f"{words / res['median_s']:,.0f} words/s" if words else ""
        verdict = ""
        if target is not None:
            verdict = "OK " if res["median_s"] <= target else "MISS"
            verdict += f" (target <= {target:.2f} s)"
        rows.append(f"{name:<38} {res['median_s']:7.3f} s  (min {res['min_s']:.3f})  "
                    f"peak {res['peak_mb']:6.1f} MB  {wps:>20}  {verdict}")
        results[name] = {k: v for k, v in res.items() if k != "stdout"}

    startup = measure(["--version"], args.runs)
    row("start-up (medlint --version)", startup)

    _, file_words = count_words([args.file])
    one_struct = measure(base + ["--select", STRUCTURAL, str(args.file)], args.runs)
    row("one file, structural rules", one_struct, 0.15, file_words)
    one_all = measure(base + [str(args.file)], args.runs)
    row("one file, all default rules", one_all, 1.0, file_words)

    if args.corpus.is_dir():
        n_files, words = count_words([args.corpus])
        corpus_runs = max(1, min(args.runs, 3))
        c_struct = measure(base + ["--select", STRUCTURAL, str(args.corpus)], corpus_runs)
        row(f"corpus ({n_files} files), structural", c_struct, None, words)
        c_all = measure(base + [str(args.corpus)], corpus_runs)
        row(f"corpus ({n_files} files), all rules", c_all, None, words)
        summary = json.loads(c_all["stdout"])["summary"]
        results["corpus"] = {"files": n_files, "words": words, "findings": summary["findings"]}
    else:
        print(f"(corpus {args.corpus} not found: skipped)")

    spacy_struct = imports_spacy(STRUCTURAL, args.file)
    print(f"medlint {subprocess.run(medlint_cmd() + ['--version'], capture_output=True, text=True).stdout.strip()}"
          f" · python {sys.version.split()[0]} · {os.cpu_count()} cores · median of {args.runs} runs")
    for r in rows:
        print(r)
    print(f"{'spaCy imported by structural rules':<38} {'yes' if spacy_struct else 'no':>7}    "
          f"{'MISS' if spacy_struct else 'OK '} (target: no)")
    peak = max(v.get("peak_mb", 0) for v in results.values() if isinstance(v, dict))
    print(f"{'peak memory of any run':<38} {peak:7.1f} MB {'OK ' if peak <= 300 else 'MISS'} "
          "(target <= 300 MB)")
    if args.json:
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
