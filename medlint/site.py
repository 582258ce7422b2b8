"""Site-wide duplicate detection: the same paragraph copied across many articles.

Each document yields compact signatures for its long paragraphs (and FAQ answers): an exact
hash of the normalised text and a MinHash sketch of its word 5-shingles. Grouping is a hash
join for exact copies and locality-sensitive hashing (bands of the sketch) for near copies, so
the work grows linearly with the number of paragraphs, not with the number of pairs: fine for
100,000 articles. Signatures are small tuples, cheap to send from worker processes and to cache.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
N_HASH = 32
BANDS = 8  # 8 bands of 4 rows: pairs with Jaccard 0.8 collide with probability ~0.98
ROWS = N_HASH // BANDS


@dataclass(frozen=True)
class Signature:
    path: str
    line: int
    col: int
    end_line: int
    words: int
    exact: str
    sketch: tuple  # N_HASH ints
    preview: str


def _h64(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "big")


_SEEDS = [(_h64(f"a{i}") | 1, _h64(f"b{i}")) for i in range(N_HASH)]
_NP: tuple | None = None


def _np_seeds():
    global _NP
    if _NP is None:
        import numpy as np  # numpy comes with spaCy; imported only when ST200 runs

        _NP = (np, np.array([a for a, _ in _SEEDS], dtype=np.uint64)[:, None],
               np.array([b for _, b in _SEEDS], dtype=np.uint64)[:, None])
    return _NP


def sketch(words: list[str], k: int = 5) -> tuple:
    """MinHash of the word k-shingles, vectorised with numpy: each word's CRC-32, a
    polynomial hash of every window of k words, then N_HASH multiply-add hashes (mod 2**64);
    stable across processes and runs (so signatures can be cached)."""
    np, a, b = _np_seeds()
    w = np.fromiter((zlib.crc32(x.encode()) for x in words), dtype=np.uint64, count=len(words))
    with np.errstate(over="ignore"):
        if len(w) >= k:
            sh = np.zeros(len(w) - k + 1, dtype=np.uint64)
            for j in range(k):
                sh = sh * np.uint64(0x100000001B3) + w[j:len(w) - k + 1 + j]
        else:
            sh = w.copy()
        sh = np.unique(sh)
        mins = (sh[None, :] * a + b).min(axis=1)
    return tuple(int(x) for x in mins)


_CHROME_TAGS = ("<address", "<footer", "<nav", "<aside")


def _chrome_tag(doc, b) -> bool:
    """A block of a crawled page that opens an address, footer, navigation or aside element
    (a contact address or footer repeated on every page of a site)."""
    if b.source != "html" and doc.format != "html":
        return False
    if not 0 < b.line <= len(doc.lines):
        return False
    return doc.lines[b.line - 1].lstrip().lower().startswith(_CHROME_TAGS)


def signatures(doc, min_words: int = 25, skip: tuple = ()) -> list[Signature]:
    """Signatures of the long paragraphs and items; ``skip``: lower-case boilerplate phrases."""
    out = []
    blocks = [b for b in doc.flat if b.kind in ("paragraph", "item") and b.text]
    link_chars: dict[int, int] = {}
    for e in doc.links:
        link_chars[e.line] = link_chars.get(e.line, 0) + len(e.text)
    for b in blocks:
        words = _WORD.findall(b.text.lower())
        if len(words) < min_words:
            continue
        if skip:
            low = b.text.lower()
            if any(p in low for p in skip):
                continue
        linked = sum(link_chars.get(ln, 0) for ln in range(b.line, b.end_line + 1))
        if linked / max(1, len(b.text)) > 0.3 or _chrome_tag(doc, b):
            continue
        norm = " ".join(words)
        out.append(Signature(path=doc.path, line=b.line, col=b.col, end_line=b.end_line,
                             words=len(words), exact=hashlib.sha1(norm.encode()).hexdigest()[:20],
                             sketch=sketch(words), preview=b.text[:60]))
    return out


def _jaccard_est(a: tuple, b: tuple) -> float:
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / N_HASH


def groups(sigs: list[Signature], threshold: float = 0.8) -> list[list[Signature]]:
    """Groups of paragraphs (from at least two different files) that are copies."""
    parent = list(range(len(sigs)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i, j):
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[rj] = ri

    exact: dict[str, int] = {}
    for i, s in enumerate(sigs):
        if s.exact in exact:
            union(exact[s.exact], i)
        else:
            exact[s.exact] = i
    for band in range(BANDS):
        buckets: dict[tuple, list[int]] = {}
        lo = band * ROWS
        for i, s in enumerate(sigs):
            buckets.setdefault(s.sketch[lo:lo + ROWS], []).append(i)
        for members in buckets.values():
            if len(members) < 2:
                continue
            first = members[0]
            for j in members[1:]:
                if find(first) != find(j) and _jaccard_est(sigs[first].sketch,
                                                           sigs[j].sketch) >= threshold:
                    union(first, j)
    out: dict[int, list[Signature]] = {}
    for i, s in enumerate(sigs):
        out.setdefault(find(i), []).append(s)
    return [g for g in out.values() if len({s.path for s in g}) >= 2]
