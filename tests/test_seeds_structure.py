"""The seeds' expectations for the structure, missing-list-items and duplicate-faq categories.

Mirrors ../shared/tools/check-expected: a finding matches an entry when its category is the
entry's and its line range comes within 1 line of the entry's line; pair findings name the
other place (``ref``) in their message.
"""

from __future__ import annotations

import re

import pytest
import yaml

from .conftest import SEEDS, TODAY, lint

CATEGORIES = ("structure", "missing-list-items", "duplicate-faq")
EXPECTED = yaml.safe_load((SEEDS / "expected.yaml").read_text(encoding="utf-8"))
# 'should' entries this implementation does not meet yet (documented in the rule docs)
NOT_YET: set[tuple[str, str, int]] = set()


def _findings(name: str):
    path = SEEDS / name
    fmt = "text" if name.endswith(".txt") else "markdown"
    return lint(path.read_bytes(), select=list(CATEGORIES), fmt=fmt, today=TODAY, path=str(path))


def _entries(kind: str):
    for name, spec in EXPECTED.items():
        for e in spec.get(kind) or []:
            if e["category"] in CATEGORIES:
                yield pytest.param(name, e, id=f"{name}:{e['category']}:{e['line']}")


def _matches(findings, e):
    out = []
    for f in findings:
        if f.category != e["category"]:
            continue
        if e["line"] == "any" or f.line - 1 <= e["line"] <= f.end_line + 1:
            out.append(f)
    return out


@pytest.mark.parametrize("name,entry", list(_entries("must")))
def test_must(name, entry):
    found = _matches(_findings(name), entry)
    assert found, entry["why"]
    if "ref" in entry:
        assert any(re.search(rf"\b{entry['ref']}\b", f.message) for f in found), \
            [f.message for f in found]


@pytest.mark.parametrize("name,entry", list(_entries("must_not")))
def test_must_not(name, entry):
    assert not _matches(_findings(name), entry), entry["why"]


@pytest.mark.parametrize("name,entry", list(_entries("should")))
def test_should(name, entry):
    if (name, entry["category"], entry["line"]) in NOT_YET:
        pytest.xfail("not implemented: " + entry["why"])
    assert _matches(_findings(name), entry), entry["why"]
