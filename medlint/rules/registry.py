"""The registry of rules and their data packs.

Rules are the ``Rule`` subclasses defined in the modules of the families listed in
``FAMILIES`` (one module, one rule). Nothing is imported from the user's repository. Rule
modules must not import spaCy or textstat at module level: rules that need them do it in
``check`` so a run of structural rules starts fast.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache, lru_cache
from pathlib import Path

import yaml

from .base import Rule

FAMILIES = (
    "front_matter",
    "broken_embed",
    "metadata",
    "structure",
    "missing_list_items",
    "duplicate_faq",
    "unsupported_claim",
    "contradictory_advice",
    "safety",
    "readability",
    "language",
    "links",
)


def packs_dir() -> Path:
    """The shipped rule packs: medlint/packs in a wheel, ./rules in a checkout."""
    here = Path(__file__).resolve().parent.parent
    for cand in (here / "packs", here.parent / "rules"):
        if cand.is_dir():
            return cand
    raise FileNotFoundError("medlint's rule packs (rules/*.yaml) are not installed")


@cache
def load_pack(name: str) -> dict:
    path = packs_dir() / name
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    found: list[type[Rule]] = []
    base = __name__.rsplit(".", 1)[0]
    for fam in FAMILIES:
        try:
            pkg = importlib.import_module(f"{base}.{fam}")
        except ModuleNotFoundError:
            continue
        for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
            if info.name.startswith("_"):
                continue
            mod = importlib.import_module(f"{pkg.__name__}.{info.name}")
            for obj in vars(mod).values():
                if (isinstance(obj, type) and issubclass(obj, Rule) and obj is not Rule
                        and obj.__module__ == mod.__name__ and getattr(obj, "code", None)):
                    found.append(obj)
    found.sort(key=lambda r: r.code)
    return tuple(found)


def default_options(rule: type[Rule]) -> dict:
    opts = dict(rule.options)
    if rule.pack:
        entry = (load_pack(rule.pack).get("rules") or {}).get(rule.name) or {}
        opts.update(entry)
    return opts


def lookup(key: str) -> list[type[Rule]]:
    """Rules matching a code, a name, a code prefix (FM) or a category."""
    k = key.strip().lower()
    if k in ("all", "*"):
        return list(all_rules())
    out = [r for r in all_rules() if k in (r.code.lower(), r.name.lower(), r.category)]
    if not out:
        out = [r for r in all_rules() if r.code.lower().startswith(k) and k.isalpha()]
    return out
