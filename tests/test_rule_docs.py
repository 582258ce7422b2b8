"""Every rule documents itself, and its bad/good examples are its first tests.

The meta-test fails when a rule lacks a stable code, a kebab-case name, a category from the
vocabulary, a severity, docs (what, why, standard) or examples; the generated tests run each
rule alone on its bad example (must report it) and its good example (must not).
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from medlint.config import Config
from medlint.docs import rule_markdown
from medlint.engine import Linter
from medlint.model import CATEGORIES, Severity
from medlint.rules.registry import all_rules, default_options, lookup, module_code

from .conftest import EXT, TODAY

RULES = all_rules()


def _run(rule, text: str, encoding: str = "utf-8"):
    linter = Linter(Config(), [rule], today=TODAY)
    if rule.site:
        # a site rule compares files: the example next to a copy of the bad example
        ext = EXT[rule.example_format]
        sigs = []
        for i, t in enumerate((text, rule.bad)):
            sigs += linter.lint_bytes_with_signatures(f"example-{i}.{ext}", t.encode(encoding))[1]
        return [f for f in linter.site_findings(rule, sigs) if f.path == f"example-0.{ext}"]
    res = linter.lint_bytes(f"example.{EXT[rule.example_format]}", text.encode(encoding))
    assert not res.internal, res.error
    return [f for f in res.findings if f.code == rule.code]


def test_registry_is_not_empty():
    assert len(RULES) >= 13


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_fully_declared(rule):
    assert rule.validate() == []
    assert isinstance(rule.severity, Severity)
    assert rule.category in CATEGORIES
    assert rule.bad.strip() and rule.good.strip()
    assert rule.bad != rule.good or rule.bad_encoding != "utf-8"
    # docs render, and every option has a default
    text = rule_markdown(rule)
    for section in ("## What it detects", "## Why", "## Source", "## Bad", "## Good"):
        assert section in text
    assert isinstance(default_options(rule), dict)


def test_codes_and_names_are_unique():
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)


def test_code_prefix_is_one_per_category():
    prefix_cat = {}
    for r in RULES:
        p = re.match(r"[A-Z]+", r.code).group(0)
        prefix_cat.setdefault(p, set()).add(r.category)
    assert all(len(c) == 1 for c in prefix_cat.values()), prefix_cat


def test_module_names_give_code_and_category():
    """``lookup`` finds the modules of a code or category by their names alone."""
    for r in RULES:
        family = r.__module__.rsplit(".", 2)[-2]
        assert module_code(r.__module__) == r.code, r.__module__
        assert family.replace("_", "-") == r.category, r.__module__
        # a name that looked like a code or a category would be missed by that shortcut
        assert not re.fullmatch(r"[a-z]{2,4}\d{3}", r.name) and r.name not in CATEGORIES


def test_lookup_equals_a_scan_of_every_rule():
    keys = ([r.code for r in RULES] + [r.name.upper() for r in RULES] + list(CATEGORIES)
            + sorted({re.match(r"[A-Z]+", r.code).group(0) for r in RULES})
            + ["fm", " St ", "all", "*", "FM999", "nothing", "front_matter"])
    for key in keys:
        k = key.strip().lower()
        expected = (list(RULES) if k in ("all", "*") else
                    [r for r in RULES if k in (r.code.lower(), r.name.lower(), r.category)]
                    or [r for r in RULES if r.code.lower().startswith(k) and k.isalpha()])
        assert lookup(key) == expected, key


def test_selecting_families_imports_only_their_rules():
    code = ("import sys; from medlint.config import Config; "
            "rules = Config().enabled_rules(['front-matter', 'EM002']); "
            "print(sorted({r.category for r in rules}), sorted({m.split('.')[2] for m in "
            "sys.modules if m.startswith('medlint.rules.') and m.count('.') > 2}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert out.stdout.split("] [") == ["['broken-embed', 'front-matter'",
                                       "'broken_embed', 'front_matter']\n"], out.stderr


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_bad_example_is_reported(rule):
    found = _run(rule, rule.bad, rule.bad_encoding)
    assert found, f"{rule.code} does not report its own bad example"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_good_example_is_clean(rule):
    found = _run(rule, rule.good)
    assert not found, f"{rule.code} reports its own good example: {found}"
