#!/usr/bin/env python3
"""Dump every Document of a corpus to JSON, to prove a parser change leaves them identical.

    python benchmarks/dump_documents.py OUT.json [PATHS ...]      # default: the corpus + seeds
    python benchmarks/dump_documents.py --compare BEFORE.json AFTER.json

Each file becomes its format, body start, front matter (data, every key with positions,
duplicates, error), the block tree (every field, the parent named by kind and line), elements,
structured data, suppressions, problems, the HTML title, the sentences with positions and the
position of every character of every block (``pos_of``). It imports the medlint of the checkout
it sits in: run it in a checkout of the base commit and in the change, then compare; any
difference is printed with the file it comes from. A developer's tool, like profile_rules.py.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.setrecursionlimit(10000)


def files_under(paths: list[str]) -> list[str]:
    out: list[str] = []
    for p in map(Path, paths):
        if p.is_file():
            out.append(str(p))
        else:
            out.extend(sorted(str(f) for f in p.rglob("*") if f.is_file() and f.name != "SOURCES.md"))
    return out


def _block(b) -> dict:
    return {
        "kind": b.kind, "line": b.line, "col": b.col, "end_line": b.end_line,
        "end_col": b.end_col, "text": b.text, "level": b.level, "ordered": b.ordered,
        "number": b.number, "marker": b.marker, "source": b.source, "tag": b.tag,
        "attrs": repr(b.attrs), "line_cols": list(b.line_cols),
        "parent": None if b.parent is None else [b.parent.kind, b.parent.line, b.parent.col],
        # every character's position, run-length encoded by line: [line, first col, count]
        "pos": _positions(b),
        "children": [_block(c) for c in b.children],
    }


def _positions(b) -> list:
    runs: list = []
    for i in range(len(b.text) + 1):
        line, col = b.pos_of(i)
        if runs and runs[-1][0] == line and runs[-1][1] + runs[-1][2] == col:
            runs[-1][2] += 1
        else:
            runs.append([line, col, 1])
    return runs


def _front_matter(fm) -> dict | None:
    if fm is None:
        return None
    return {
        "format": fm.format, "start_line": fm.start_line, "end_line": fm.end_line,
        "data": repr(fm.data), "keys": [repr(k) for k in fm.keys],
        "duplicates": [repr(d) for d in fm.duplicates], "error": repr(fm.error),
    }


def dump(path: str, data: bytes) -> dict:
    from medlint.reading import Unreadable, build_document

    try:
        d = build_document(path, data)
    except (Unreadable, RecursionError) as exc:
        return {"unreadable": str(exc)}
    return {
        "format": d.format, "body_start": d.body_start, "lines": len(d.lines),
        "front_matter": _front_matter(d.front_matter),
        "blocks": [_block(b) for b in d.blocks],
        "elements": [repr(e) for e in d.elements],
        "structured_data": [list(s) for s in d.structured_data],
        "suppressions": [repr(s) for s in d.suppressions],
        "problems": [list(p) for p in d.problems],
        "title_from_html": d.title_from_html,
        "sentences": [[s.text, s.line, s.col, s.end_line, s.end_col, s.start, s.end,
                       s.block.kind, s.block.line] for s in d.sentences],
    }


def compare(before: str, after: str) -> int:
    a, b = (json.loads(Path(p).read_text()) for p in (before, after))
    bad = 0
    for path in sorted(set(a) | set(b)):
        if a.get(path) != b.get(path):
            bad += 1
            da, db = a.get(path) or {}, b.get(path) or {}
            fields = [k for k in sorted(set(da) | set(db)) if da.get(k) != db.get(k)]
            print(f"{path}: differs in {', '.join(fields) or 'presence'}")
    print(f"{len(a)} vs {len(b)} documents, {bad} differ")
    return 1 if bad else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", nargs="?", help="JSON file to write")
    ap.add_argument("paths", nargs="*",
                    default=[str(ROOT.parent / "shared" / "corpus" / "dev"),
                             str(ROOT.parent / "shared" / "seeds"),
                             str(ROOT / "tests" / "fixtures")])
    ap.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"))
    a = ap.parse_args()
    if a.compare:
        sys.exit(compare(*a.compare))
    if not a.out:
        ap.error("give OUT.json or --compare BEFORE AFTER")
    docs = {p: dump(p, Path(p).read_bytes()) for p in files_under(a.paths)}
    Path(a.out).write_text(json.dumps(docs, ensure_ascii=False, sort_keys=True))
    print(f"{len(docs)} documents written to {a.out}")


if __name__ == "__main__":
    main()
