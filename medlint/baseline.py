"""Baselines: adopt medlint on a site with existing findings and see only new ones.

A finding is matched by path, rule and a fingerprint of the offending line's text (whitespace
folded) and of its message with numbers removed, never by line number, so editing above a
finding does not bring it back. Counts are kept per fingerprint, so a second copy of the same
defect is still reported; the lines around a finding break ties. Rewriting the baseline drops
findings that were fixed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re

VERSION = 1
_NUM = re.compile(r"\d+")
_WS = re.compile(r"\s+")


def _h(*parts: str) -> str:
    return hashlib.sha1("\0".join(parts).encode("utf-8", "replace")).hexdigest()[:16]


def _norm(s: str) -> str:
    return _WS.sub(" ", s).strip()


def fingerprint(code: str, message: str, lines: list[str], line: int) -> tuple[str, str]:
    """(fingerprint, context) of a finding in a document's lines."""
    text = _norm(lines[line - 1]) if 0 < line <= len(lines) else ""
    fp = _h(code, text, _NUM.sub("#", message))
    start = min(line - 2, len(lines) - 1)
    before = next((_norm(lines[i]) for i in range(start, -1, -1) if lines[i].strip()), "")
    after = next((_norm(lines[i]) for i in range(line, len(lines)) if lines[i].strip()), "")
    return fp, _h(before, after)


def _key(path: str, root: str) -> str:
    if path in ("-", "<stdin>"):
        return path
    return os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")


def write(path: str, results) -> int:
    root = os.path.dirname(os.path.abspath(path))
    files: dict[str, dict] = {}
    n = 0
    for r in results:
        for f in r.findings:
            if not f.fingerprint:
                continue
            entry = files.setdefault(_key(r.path, root), {}).setdefault(
                f.fingerprint, {"rule": f.code, "count": 0, "contexts": []})
            entry["count"] += 1
            entry["contexts"].append(f.context)
            n += 1
    data = {"version": VERSION, "tool": "medlint", "files": dict(sorted(files.items()))}
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=1, sort_keys=True)
        fh.write("\n")
    os.replace(tmp, path)
    return n


class BaselineError(Exception):
    pass


def load(path: str) -> tuple[str, dict]:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file (create it with --write-baseline)") \
            from None
    except (OSError, ValueError) as exc:
        raise BaselineError(f"{path}: not a medlint baseline: {exc}") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(
            data.get("files"), dict):
        raise BaselineError(f"{path}: not a medlint baseline (version {VERSION} expected)")
    return os.path.dirname(os.path.abspath(path)), data["files"]


def filter_new(results, baseline: tuple[str, dict]) -> int:
    """Drop findings the baseline knows; returns how many were dropped."""
    root, files = baseline
    dropped = 0
    for r in results:
        known = files.get(_key(r.path, root))
        if not known or not r.findings:
            continue
        groups: dict[str, list] = {}
        for f in r.findings:
            groups.setdefault(f.fingerprint, []).append(f)
        keep_ids = {id(f) for f in r.findings}
        for fp, fs in groups.items():
            entry = known.get(fp)
            if not entry:
                continue
            allowed = int(entry.get("count", 0))
            contexts = list(entry.get("contexts", []))
            # match same-context findings first, so a new copy elsewhere is the one reported
            ordered = sorted(fs, key=lambda f: f.context not in contexts)
            for f in ordered[:allowed]:
                keep_ids.discard(id(f))
                dropped += 1
        r.findings = [f for f in r.findings if id(f) in keep_ids]
    return dropped
