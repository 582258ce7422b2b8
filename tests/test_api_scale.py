"""The library API is a pure function of text, so it maps over a data-parallel engine."""

from __future__ import annotations

import pytest

from medlint.api import lint_text

from .conftest import SEEDS

SEED = (SEEDS / "left-knee-twitching.md").read_text()


def test_lint_text_is_pure_and_configurable():
    a = lint_text(SEED, path="post.md", today="2026-11-21", select=["FM", "EM"])
    b = lint_text(SEED, path="post.md", today="2026-11-21", select=["FM", "EM"])
    assert a == b and {f["code"] for f in a} >= {"FM002", "EM002", "EM007"}
    cfg = {"rules": {"front-matter-missing-field": {"required": ["title", "reviewed_by"]}}}
    got = lint_text(SEED, path="post.md", today="2026-11-21", select=["FM004"], config=cfg)
    assert [f["code"] for f in got] == ["FM004"]


def test_dask_bag_over_articles_on_a_local_cluster():
    bag = pytest.importorskip("dask.bag")
    articles = [(f"post-{i}.md", SEED.replace("Osgood", f"Author {i}")) for i in range(8)]
    b = bag.from_sequence(articles, npartitions=2).map(
        lambda item: lint_text(item[1], path=item[0], today="2026-11-21", select=["FM", "EM"]))
    results = b.compute(scheduler="processes", num_workers=2)
    assert len(results) == 8
    assert all({f["code"] for f in r} >= {"FM002", "EM002"} for r in results)
