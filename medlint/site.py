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
    """MinHash of the word k-shingles of one paragraph (see ``sketches``)."""
    return sketches([words], k)[0]


_CHUNK = 1 << 16  # shingles hashed at once: keeps the (N_HASH x shingles) matrix near 16 MB


def sketches(paragraphs: list[list[str]], k: int = 5) -> list[tuple]:
    """MinHash of the word k-shingles of each paragraph (each a non-empty word list),
    vectorised with numpy over all paragraphs of a document at once: each word's CRC-32, a
    polynomial hash of every window of k words (a paragraph shorter than k words: its words'
    CRCs), then N_HASH multiply-add hashes (mod 2**64) and their minimum per paragraph. Stable
    across processes and runs (so signatures can be cached). Numpy's per-call overhead
    dominates small arrays, so one document is a handful of calls, not a handful per paragraph;
    duplicate shingles need no removal, since they do not change a minimum."""
    np, a, b = _np_seeds()
    words = [w for p in paragraphs for w in p]
    crc = np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint64, count=len(words))
    n = len(crc)
    with np.errstate(over="ignore"):
        windows = np.zeros(max(0, n - k + 1), dtype=np.uint64)  # every window, across paragraphs too
        for j in range(k if n >= k else 0):
            windows = windows * np.uint64(0x100000001B3) + crc[j:n - k + 1 + j]
        out: list[tuple] = []
        pieces: list = []
        size = start = 0
        for i, p in enumerate(paragraphs):  # only the windows inside one paragraph count
            m = len(p)
            pieces.append(windows[start:start + m - k + 1] if m >= k else crc[start:start + m])
            size += len(pieces[-1])
            start += m
            if size >= _CHUNK or i == len(paragraphs) - 1:
                offsets = np.cumsum([0] + [len(x) for x in pieces[:-1]])
                hashed = np.concatenate(pieces)[None, :] * a + b
                mins = np.minimum.reduceat(hashed, offsets, axis=1)
                out.extend(map(tuple, mins.T.tolist()))  # Python ints
                pieces, size = [], 0
    return out


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
    kept = []
    blocks = [b for b in doc.flat if b.kind in ("paragraph", "item") and b.text]
    link_chars: dict[int, int] = {}
    for e in doc.links:
        link_chars[e.line] = link_chars.get(e.line, 0) + len(e.text)
    for b in blocks:
        low = b.text.lower()
        if len(low) < 2 * min_words - 1:
            continue  # too short to hold min_words: a word takes two characters, bar the last
        words = _WORD.findall(low)
        if not words or len(words) < min_words:
            continue
        if skip and any(p in low for p in skip):
            continue
        linked = sum(link_chars.get(ln, 0) for ln in range(b.line, b.end_line + 1))
        if linked / max(1, len(b.text)) > 0.3 or _chrome_tag(doc, b):
            continue
        kept.append((b, words))
    if not kept:
        return []
    return [Signature(path=doc.path, line=b.line, col=b.col, end_line=b.end_line,
                      words=len(words),
                      exact=hashlib.sha1(" ".join(words).encode()).hexdigest()[:20],
                      sketch=sk, preview=b.text[:60])
            for (b, words), sk in zip(kept, sketches([w for _, w in kept]), strict=True)]


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
