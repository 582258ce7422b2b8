"""Configuration: ``.medlint.yaml`` / ``.medlint.yml`` or ``[tool.medlint]`` in pyproject.toml.

Found from the linted path upward (the closest file wins), or given with ``--config``.
Every key is validated: an unknown key or a bad value is a ConfigError (exit code 2).

    select: [front-matter, EM]        # codes, names, code prefixes or categories
    extend-select: [LG001]            # add rules that are off by default
    ignore: [FM004]
    severity: {EM006: error}
    fail-on: warning                  # error | warning | info
    exclude: ["drafts/**"]            # globs, on top of the defaults
    per-file-ignores: {"faq/*.md": [duplicate-faq]}
    max-file-size: 10000000           # bytes
    rules:
      front-matter-missing-field: {required: [title, date, author]}
"""

from __future__ import annotations

import fnmatch
import functools
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .model import CATEGORIES, Severity

CONFIG_FILES = (".medlint.yaml", ".medlint.yml", "pyproject.toml")
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".nox",
    ".mypy_cache", ".pytest_cache", ".ruff_cache", ".medlint_cache", "_site", ".cache",
)
KNOWN = {
    "select", "extend-select", "ignore", "severity", "fail-on", "exclude", "per-file-ignores",
    "rules", "max-file-size", "extend-exclude",
}


class ConfigError(Exception):
    pass


@dataclass
class Config:
    path: str | None = None  # file it came from
    root: str = "."  # folder globs are relative to
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_on: Severity | None = None
    exclude: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    rules: dict[str, dict] = field(default_factory=dict)
    max_file_size: int = 10 * 1024 * 1024

    # ------------------------------------------------------------------ selection

    def enabled_rules(self, cli_select=None, cli_ignore=None, cli_extend=None):
        """The rule classes this configuration runs, validated against the registry."""
        from .rules.registry import all_rules

        sel = cli_select if cli_select else self.select
        if sel:
            chosen = _resolve(sel, "select")
        else:
            chosen = [r for r in all_rules() if r.enabled_by_default]
        for r in _resolve(list(self.extend_select) + list(cli_extend or []), "extend-select"):
            if r not in chosen:
                chosen.append(r)
        ignored = set(_resolve(list(self.ignore) + list(cli_ignore or []), "ignore"))
        # in registry order (by code), without importing the rules nobody selected
        return sorted((r for r in chosen if r not in ignored), key=lambda r: r.code)

    def ignored_for(self, relpath: str) -> set[str]:
        """Rule codes ignored for one file by per-file-ignores."""
        out: set[str] = set()
        for pattern, keys in self.per_file_ignores.items():
            if match_glob(relpath, pattern):
                out.update(r.code for r in _resolve(keys, "per-file-ignores"))
        return out

    def severity_for(self, rule) -> Severity:
        for key in (rule.code, rule.name, rule.category):
            for k, v in self.severity.items():
                if k.lower() == key.lower():
                    return v
        return rule.severity

    def options_for(self, rule) -> dict:
        from .rules.registry import default_options

        opts = default_options(rule)
        for key in (rule.category, rule.name, rule.code):
            for k, v in self.rules.items():
                if k.lower() == key.lower():
                    opts.update(v)
        return opts

    def is_excluded(self, path: str) -> bool:
        rel = _rel(path, self.root)
        parts = rel.split("/")
        if any(p in DEFAULT_EXCLUDE for p in parts):
            return True
        for pat in self.exclude:
            rx = _glob_rx(pat)
            if any(rx.match(p) for p in parts) or match_glob(rel, pat):
                return True
        return False


@functools.lru_cache(maxsize=256)
def _glob_rx(pattern: str) -> re.Pattern:
    return re.compile(fnmatch.translate(pattern))


def _rel(path: str, root: str) -> str:
    try:
        return os.path.relpath(os.path.abspath(path), os.path.abspath(root)).replace(os.sep, "/")
    except ValueError:
        return path


def match_glob(relpath: str, pattern: str) -> bool:
    pattern = pattern.strip().lstrip("./") if pattern.startswith("./") else pattern.strip()
    rel = relpath.lstrip("./") if relpath.startswith("./") else relpath
    if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(os.path.basename(rel), pattern):
        return True
    if pattern.endswith("/**") and (rel + "/").startswith(pattern[:-2]):
        return True
    if pattern.startswith("**/") and fnmatch.fnmatch(rel, pattern[3:]):
        return True
    return False


def _resolve(keys, where: str):
    from .rules.registry import lookup

    out = []
    for k in keys or []:
        found = lookup(str(k))
        if not found and str(k).strip().lower() in CATEGORIES:
            continue  # a category with no rules (yet) selects nothing
        if not found:
            raise ConfigError(f"{where}: no rule, code prefix or category named {k!r} "
                              "(see `medlint rules`)")
        out.extend(r for r in found if r not in out)
    return out


# ---------------------------------------------------------------------- loading


def _as_list(value, key: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, list) and all(isinstance(v, (str, int)) for v in value):
        return [str(v) for v in value]
    raise ConfigError(f"{key}: expected a list of rule codes, names or categories, got {value!r}")


def from_mapping(data: dict, path: str | None = None, root: str = ".") -> Config:
    if not isinstance(data, dict):
        raise ConfigError(f"{path or 'config'}: expected a mapping of settings")
    cfg = Config(path=path, root=root)
    where = path or "config"
    for raw_key, value in data.items():
        key = str(raw_key).replace("_", "-").lower()
        if key not in KNOWN:
            raise ConfigError(f"{where}: unknown setting {raw_key!r} (known: "
                              f"{', '.join(sorted(KNOWN))})")
        if key == "select":
            cfg.select = _as_list(value, key)
        elif key == "extend-select":
            cfg.extend_select = _as_list(value, key)
        elif key == "ignore":
            cfg.ignore = _as_list(value, key)
        elif key in ("exclude", "extend-exclude"):
            cfg.exclude += _as_list(value, key)
        elif key == "fail-on":
            try:
                cfg.fail_on = Severity.parse(value)
            except ValueError as exc:
                raise ConfigError(f"{where}: fail-on: {exc}") from None
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: severity: expected a mapping of rule to level")
            for k, v in value.items():
                try:
                    cfg.severity[str(k)] = Severity.parse(v)
                except ValueError as exc:
                    raise ConfigError(f"{where}: severity.{k}: {exc}") from None
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: per-file-ignores: expected a mapping of glob to rules")
            cfg.per_file_ignores = {str(k): _as_list(v, f"per-file-ignores.{k}")
                                    for k, v in value.items()}
        elif key == "max-file-size":
            if not isinstance(value, int) or value <= 0:
                raise ConfigError(f"{where}: max-file-size: expected a positive number of bytes")
            cfg.max_file_size = value
        elif key == "rules":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: rules: expected a mapping of rule to options")
            for k, v in value.items():
                if not isinstance(v, dict):
                    raise ConfigError(f"{where}: rules.{k}: expected a mapping of options")
                cfg.rules[str(k)] = v
    _validate(cfg, where)
    return cfg


def _validate(cfg: Config, where: str) -> None:
    from .rules.registry import default_options, lookup

    for k in cfg.severity:
        if not lookup(k):
            raise ConfigError(f"{where}: severity: no rule or category named {k!r}")
    for k, opts in cfg.rules.items():
        rules = lookup(k)
        if not rules:
            raise ConfigError(f"{where}: rules: no rule or category named {k!r}")
        known = set()
        for r in rules:
            known |= set(default_options(r))
        for o in opts:
            if o not in known:
                raise ConfigError(f"{where}: rules.{k}: unknown option {o!r} (known: "
                                  f"{', '.join(sorted(known)) or 'none'})")
    cfg.enabled_rules()  # validates select / ignore names
    for keys in cfg.per_file_ignores.values():
        _resolve(keys, "per-file-ignores")


def load_file(path: str) -> Config:
    p = Path(path)
    root = str(p.resolve().parent)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    if p.name == "pyproject.toml" or p.suffix == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: {exc}") from None
        section = data.get("tool", {}).get("medlint")
        if section is None and p.name == "pyproject.toml":
            section = {}
        return from_mapping(section or {}, str(path), root)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML: {' '.join(str(exc).split())}") from None
    return from_mapping(data or {}, str(path), root)


def find_config(start: str, memo: dict | None = None) -> str | None:
    """The closest config file at or above ``start`` (pyproject only with [tool.medlint]).

    ``memo`` caches answers per folder for the length of one run (a run over 10,000 files
    asks once per folder, not once per file)."""
    p = os.path.abspath(start)
    if not os.path.isdir(p):
        p = os.path.dirname(p)
    seen = []
    found = None
    while True:
        if memo is not None and p in memo:
            found = memo[p]
            break
        seen.append(p)
        found = _config_here(p)
        parent = os.path.dirname(p)
        if found is not None or parent == p:
            break
        p = parent
    if memo is not None:
        for folder in seen:
            memo[folder] = found
    return found


def _config_here(folder_s: str) -> str | None:
    folder = Path(folder_s)
    for name in CONFIG_FILES:
        cand = folder / name
        if cand.is_file():
            if name == "pyproject.toml":
                try:
                    if "medlint" not in tomllib.loads(cand.read_text("utf-8")).get("tool", {}):
                        continue
                except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError):
                    continue
            return str(cand)
    return None
