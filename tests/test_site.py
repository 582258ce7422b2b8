"""Cross-article duplicate detection (signatures, exact and near-copy grouping)."""

from __future__ import annotations

from medlint.site import groups, signatures

from .conftest import doc_of

PARA = ("Knee twitching is usually harmless and happens when small groups of muscle fibres "
        "contract on their own, often after exercise, caffeine, stress or a poor night of sleep, "
        "and it normally settles without any treatment within a few days.")


def test_exact_and_near_copies_group_across_files():
    near = PARA.replace("a few days", "several days")
    docs = [doc_of(f"# A\n\n{PARA}\n", path="a.md"), doc_of(f"# B\n\n{near}\n", path="b.md"),
            doc_of(f"# C\n\n{PARA}\n", path="c.md"),
            doc_of("# D\n\n" + "Completely different text about ankle sprains and ice. " * 5,
                   path="d.md")]
    sigs = [s for d in docs for s in signatures(d)]
    gs = groups(sigs)
    assert len(gs) == 1 and sorted(s.path for s in gs[0]) == ["a.md", "b.md", "c.md"]


def test_short_paragraphs_and_same_file_repeats_are_ignored():
    docs = [doc_of("# A\n\nShort line.\n", path="a.md"), doc_of("# B\n\nShort line.\n", path="b.md"),
            doc_of(f"# C\n\n{PARA}\n\n{PARA}\n", path="c.md")]
    assert groups([s for d in docs for s in signatures(d)]) == []
