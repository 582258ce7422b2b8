"""The registry of rules and their data packs.

Rules are the ``Rule`` subclasses defined in the modules of the families listed in
``FAMILIES`` (one module, one rule). Nothing is imported from the user's repository. Rule
modules must not import spaCy or textstat at module level: rules that need them do it in
``check`` so a run of structural rules starts fast.

A family's package is named after the category of its rules (``front_matter``:
``front-matter``) and each module after its rule's code (``fm002_duplicate_key``: FM002), so
``lookup`` imports only the modules a code or category can name: a one-file run of a few
families does not pay for importing (and compiling the patterns of) all the others. A test
keeps module names and rules in step.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import cache, lru_cache
from pathlib import Path

import yaml

from .base import Rule

_BASE = __name__.rsplit(".", 1)[0]
_CODE = re.compile(r"[a-z]{2,4}\d{3}")
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


@cache
def _modules(family: str) -> tuple[str, ...]:
    """The rule modules of one family (full names), without importing them."""
    try:
        pkg = importlib.import_module(f"{_BASE}.{family}")
    except ModuleNotFoundError:
        return ()
    return tuple(f"{pkg.__name__}.{info.name}"
                 for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name)
                 if not info.name.startswith("_"))


@cache
def _rules_in(module: str) -> tuple[type[Rule], ...]:
    mod = importlib.import_module(module)
    return tuple(obj for obj in vars(mod).values()
                 if isinstance(obj, type) and issubclass(obj, Rule) and obj is not Rule
                 and obj.__module__ == mod.__name__ and getattr(obj, "code", None))


def _load(modules) -> list[type[Rule]]:
    return sorted((r for m in modules for r in _rules_in(m)), key=lambda r: r.code)


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    return tuple(_load(m for fam in FAMILIES for m in _modules(fam)))


def module_code(module: str) -> str:
    """The rule code a module's name starts with: ``...fm002_duplicate_key`` -> FM002."""
    return module.rsplit(".", 1)[-1].split("_", 1)[0].upper()


def _candidates(key: str) -> list[str] | None:
    """The modules that can hold the rules a lower-cased code or category names, from their
    names alone; None for other keys (names, code prefixes), which need every rule."""
    if _CODE.fullmatch(key):
        found = [m for fam in FAMILIES for m in _modules(fam) if module_code(m).lower() == key]
        return found or None
    family = key.replace("-", "_")
    if family in FAMILIES and _modules(family):
        return list(_modules(family))
    return None


def default_options(rule: type[Rule]) -> dict:
    opts = dict(rule.options)
    if rule.pack:
        entry = (load_pack(rule.pack).get("rules") or {}).get(rule.name) or {}
        opts.update(entry)
    return opts


@lru_cache(maxsize=64)
def shared_option(code: str, option: str) -> tuple:
    """Another rule's default list option, for a rule that shares its data ("the reviewer
    fields of MD002"), as a tuple; read once per process."""
    rules = lookup(code)
    return tuple(default_options(rules[0]).get(option) or ()) if rules else ()


def lookup(key: str) -> list[type[Rule]]:
    """Rules matching a code, a name, a code prefix (FM) or a category."""
    k = key.strip().lower()
    if k in ("all", "*"):
        return list(all_rules())
    modules = _candidates(k)
    rules = all_rules() if modules is None else _load(modules)
    out = [r for r in rules if k in (r.code.lower(), r.name.lower(), r.category)]
    if not out:
        out = [r for r in rules if r.code.lower().startswith(k) and k.isalpha()]
    return out
