"""One run over many files: discovery, configuration per file, cache, parallel workers,
safe fixes, and the site-wide rules that need every file. The CLI and ``medlint report``
both call ``run``; nothing here formats output.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as _dt
import functools
import gc
import hashlib
import json
import os
import sys
from array import array
from dataclasses import dataclass, field

from . import __version__
from .config import Config, find_config, load_file
from .discovery import expand
from .engine import FileResult, Linter
from .model import Edit, Finding, Fix, Severity
from .reading import Unreadable, read_path

CACHE_VERSION = "3"  # bump when cached data (findings, signatures) changes shape
PARALLEL_MIN_FILES = 64  # below this a pool costs more than it saves (2-core measurements)
PARALLEL_MIN_BYTES = 1_000_000
CHUNK = 16


@dataclass
class RunOptions:
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    config_path: str | None = None
    isolated: bool = False
    today: _dt.date | None = None
    stdin_filename: str | None = None
    force_exclude: bool = False
    fix: bool = False
    diff: bool = False
    jobs: int = 0  # 0: automatic
    cache: bool = True
    cache_dir: str | None = None
    online: bool = False
    allow_hosts: list[str] = field(default_factory=list)
    progress: bool = False


@dataclass
class RunResult:
    results: list[FileResult] = field(default_factory=list)
    rules: dict = field(default_factory=dict)  # code -> rule class that ran
    messages: list[str] = field(default_factory=list)  # one-line messages for stderr
    status: int = 0  # 2 on usage / internal errors
    fixed_files: int = 0
    fixed_findings: int = 0
    diffs: list[str] = field(default_factory=list)
    cache_hits: int = 0
    base_config: Config | None = None


class Runner:
    def __init__(self, opts: RunOptions):
        self.opts = opts
        self.configs: dict[str | None, Config] = {}
        self.linters: dict[str | None, Linter] = {}
        self._config_memo: dict[str, str | None] = {}
        self._cache_files: dict[int, str] = {}

    # ---- configuration ---------------------------------------------------------------

    def config_for(self, path: str) -> Config:
        o = self.opts
        if o.isolated:
            key = None
        elif o.config_path:
            key = o.config_path
        else:
            start = o.stdin_filename if path == "-" and o.stdin_filename else (
                "." if path == "-" else path)
            key = find_config(start if os.path.exists(start) else os.path.dirname(start) or ".",
                              self._config_memo)
        if key not in self.configs:
            self.configs[key] = load_file(key) if key else Config(root=os.getcwd())
        return self.configs[key]

    def linter_for(self, cfg: Config) -> Linter:
        key = cfg.path
        if key not in self.linters:
            o = self.opts
            rules = cfg.enabled_rules(o.select, o.ignore, o.extend_select)
            kwargs = {}
            if o.online or o.allow_hosts:
                kwargs = {"online": o.online, "allow_hosts": o.allow_hosts}
            self.linters[key] = Linter(cfg, rules, today=o.today, **kwargs)
        return self.linters[key]

    # ---- cache -----------------------------------------------------------------------

    def cache_file(self, lin: Linter) -> str | None:
        o = self.opts
        if not o.cache or o.fix or o.diff or o.online:
            return None
        if id(lin) in self._cache_files:
            return self._cache_files[id(lin)]
        cfg = lin.config
        ident = json.dumps({
            "v": __version__, "cache": CACHE_VERSION, "build": _build_stamp(),
            "rules": sorted(r.code for r in lin.rule_classes),
            "opts": {r.code: lin._opts[r.code] for r in lin.rule_classes},
            "sev": {r.code: str(lin._sev[r.code]) for r in lin.rule_classes},
            "pfi": cfg.per_file_ignores, "max": cfg.max_file_size,
            "today": str(lin.today), "root": os.path.abspath(cfg.root),
        }, sort_keys=True, default=str)
        key = hashlib.sha1(ident.encode()).hexdigest()[:20]
        folder = o.cache_dir or os.path.join(os.path.abspath(cfg.root), ".medlint_cache")
        path = os.path.join(folder, f"v{CACHE_VERSION}", f"{key}.json")
        self._cache_files[id(lin)] = path
        return path

    # ---- the run ---------------------------------------------------------------------

    def run(self, paths: list[str]) -> RunResult:
        o = self.opts
        out = RunResult()
        out.base_config = self.config_for(paths[0] if paths else ".")
        self.linter_for(out.base_config)  # validates selection early (ConfigError)
        work: list[tuple[str, Linter]] = []
        for path, missing in expand(paths, lambda p: self.config_for(p).is_excluded(p),
                                    o.force_exclude):
            if missing:
                out.messages.append(f"{path}: {missing}")
                out.status = 2
                continue
            cfg = self.config_for(path)
            if path == "-" and o.stdin_filename and o.force_exclude and \
                    cfg.is_excluded(o.stdin_filename):
                continue
            work.append((path, self.linter_for(cfg)))
        for lin in self.linters.values():
            for r in lin.rule_classes:
                out.rules[r.code] = r

        site_run = len(work) > 1 and any(getattr(r, "site", False) for r in out.rules.values())
        caches: dict[str, dict] = {}
        results: dict[int, FileResult] = {}
        sigs: dict[int, list] = {}
        todo: list[int] = []
        payloads: dict[int, bytes] = {}
        keys: dict[int, str] = {}  # cache keys (content + path) of the files that use a cache
        for i, (path, lin) in enumerate(work):
            if path == "-":
                data = sys.stdin.buffer.read()
                name = o.stdin_filename or "-"
            else:
                name = path
                try:
                    data = read_path(path, lin.config.max_file_size)
                except Unreadable as exc:
                    results[i] = FileResult(path=path, error=str(exc))
                    continue
            if o.fix or o.diff:
                data = self._fix(path, name, data, lin, out)
            cf = self.cache_file(lin)
            if cf is not None and path != "-":
                if cf not in caches:
                    caches[cf] = _load_cache(cf)
                cache = caches[cf]
                key = keys[i] = _file_key(name, data)
                hit = cache.get(key)
                if hit is not None and not (site_run and hit.get("s") is None):
                    results[i], sigs[i] = _from_cache(name, hit)
                    out.cache_hits += 1
                    continue
            payloads[i] = data
            todo.append(i)

        self._lint(todo, work, payloads, results, sigs, o)

        dirty: set[str] = set()
        for i in todo:
            path, lin = work[i]
            cf = self.cache_file(lin)
            if cf in caches and i in results and not results[i].internal:
                caches[cf][keys[i]] = _to_cache(results[i], sigs.get(i, []) if site_run else None)
                dirty.add(cf)

        out.results = [results[i] for i in range(len(work)) if i in results]
        if site_run:
            self._site_step(work, out, sigs, caches, keys, fresh=bool(todo), dirty=dirty)
        for cf in dirty:
            _save_cache(cf, caches[cf])
        for r in out.results:
            if r.error:
                out.messages.append(f"{r.path}: {r.error}")
                if r.internal:
                    out.status = 2
        return out

    def _fix(self, path, name, data, lin, out: RunResult) -> bytes:
        from .fixes import fix_bytes, unified_diff, write_atomic

        new, applied = fix_bytes(name, data, lin)
        if new is None:
            return data
        if self.opts.diff:
            out.diffs.append(unified_diff(name, data, new))
            return data
        write_atomic(path, new)
        out.fixed_files += 1
        out.fixed_findings += len(applied)
        return new

    def _lint(self, todo, work, payloads, results, sigs, o: RunOptions) -> None:
        with batch_gc():
            self._lint_files(todo, work, payloads, results, sigs, o)

    def _lint_files(self, todo, work, payloads, results, sigs, o: RunOptions) -> None:
        total_bytes = sum(len(payloads[i]) for i in todo)
        jobs = o.jobs or (os.cpu_count() or 1)
        parallel = (jobs > 1 and len(todo) >= PARALLEL_MIN_FILES
                    and total_bytes >= PARALLEL_MIN_BYTES and _fork_ok())
        progress = _Progress(len(todo)) if o.progress and len(todo) > 20 else None
        if not parallel:
            for i in todo:
                path, lin = work[i]
                name = (o.stdin_filename or "-") if path == "-" else path
                results[i], sigs[i] = lin.lint_bytes_with_signatures(name, payloads[i],
                                                                     site=len(work) > 1)
                if progress:
                    progress.step()
        else:
            import multiprocessing as mp

            for lin in self.linters.values():
                lin.warm_up()  # build spaCy once in the parent; workers share it (fork)
            # What the warm-up built lives as long as the run: keep the collector (and the
            # copy-on-write it causes in workers) off it.
            gc.freeze()
            global _WORK, _PAYLOADS
            _WORK, _PAYLOADS = work, payloads
            # largest files first (results are kept by index, so the output order does not
            # change): the chunks left at the end are small ones, and no worker idles while
            # the other finishes a late chunk of big pages
            big_first = sorted(todo, key=lambda i: -len(payloads[i]))
            chunks = [big_first[k:k + CHUNK] for k in range(0, len(todo), CHUNK)]
            ctx = mp.get_context("fork")
            with ctx.Pool(min(jobs, len(chunks))) as pool:
                for chunk_out in pool.imap_unordered(_lint_chunk, chunks):
                    for i, res, sg in chunk_out:
                        results[i], sigs[i] = res, sg
                        if progress:
                            progress.step()
            _WORK, _PAYLOADS = [], {}
        if progress:
            progress.done()

    def _site_step(self, work, out: RunResult, sigs: dict[int, list], caches: dict[str, dict],
                   keys: dict[int, str], fresh: bool, dirty: set[str]) -> None:
        """Site findings depend on every file of the run: with one cache for the whole run they
        are kept under the run's file keys and reused while none of the files changes."""
        cf = next(iter(caches)) if len(caches) == 1 and len(keys) == len(work) else None
        run_key = hashlib.sha1("\n".join(sorted(keys.values())).encode()).hexdigest() if cf else ""
        stored = caches[cf].get(_SITE_ENTRY) if cf else None
        if not fresh and isinstance(stored, dict) and stored.get("key") == run_key:
            found = [_finding_from_row(path, row) for path, row in stored.get("f", [])]
        else:
            found = self._site_rules(work, out, sigs)
            if cf:
                caches[cf][_SITE_ENTRY] = {"key": run_key,
                                           "f": [[f.path, _finding_row(f)] for f in found]}
                dirty.add(cf)
        by_path = {r.path: r for r in out.results}
        for f in found:
            by_path[f.path].findings.append(f)
        for path in {f.path for f in found}:
            by_path[path].findings.sort(key=Finding.sort_key)

    def _site_rules(self, work, out: RunResult, sigs: dict[int, list]) -> list[Finding]:
        """The site rules over every file's signatures: the findings that the files'
        suppressions and per-file ignores keep."""
        kept: list[Finding] = []
        site_rules = {code: r for code, r in out.rules.items() if getattr(r, "site", False)}
        if not site_rules or len(out.results) < 2:
            return kept
        by_path = {r.path: r for r in out.results}
        all_sigs = [s for i in sorted(sigs) for s in sigs[i]]
        for code, rule_cls in sorted(site_rules.items()):
            lin = next((lin for _, lin in work if any(r.code == code for r in lin.rule_classes)),
                       None)
            if lin is None:
                continue
            for f in lin.site_findings(rule_cls, all_sigs):
                res = by_path.get(f.path)
                if res is not None and lin.keep_site_finding(f, res):
                    kept.append(f)
        return kept


@contextlib.contextmanager
def batch_gc():
    """Collect garbage less often while files are linted; restore the settings after.

    A run allocates many small objects that live for a whole file (blocks, sentences, token
    tuples) next to long-lived ones (spaCy's vocabulary, phrase indexes). With the default
    generation-0 threshold of 700 the collector walks them thousands of times per corpus run,
    about a tenth of its CPU (``check -j1`` over the dev corpus: 17.0 -> 15.1 user s). mypy
    raises the threshold for the same reason. Reference cycles are still collected, in bigger
    steps.
    """
    old = gc.get_threshold()
    gc.set_threshold(50_000, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*old)
        gc.unfreeze()


# ---- workers (fork: module globals are inherited, nothing is pickled but results) -------

_WORK: list = []
_PAYLOADS: dict = {}


def _lint_chunk(chunk):
    out = []
    for i in chunk:
        path, lin = _WORK[i]
        res, sg = lin.lint_bytes_with_signatures(path, _PAYLOADS[i])
        out.append((i, res, sg))
    return out


def _fork_ok() -> bool:
    import multiprocessing as mp

    return "fork" in mp.get_all_start_methods()


class _Progress:
    def __init__(self, total: int):
        self.total = total
        self.n = 0
        self.live = sys.stderr.isatty()

    def step(self) -> None:
        self.n += 1
        if self.live and (self.n % 10 == 0 or self.n == self.total):
            width = 30
            done = int(width * self.n / max(1, self.total))
            sys.stderr.write(f"\r[{'#' * done}{'.' * (width - done)}] {self.n}/{self.total} files")
            sys.stderr.flush()

    def done(self) -> None:
        if self.live:
            sys.stderr.write("\r" + " " * 60 + "\r")
            sys.stderr.flush()


# ---- cache helpers -----------------------------------------------------------------------


@functools.cache
def _build_stamp() -> str:
    """Size and modification time of every file of medlint's code and rule packs, hashed: a
    cache written by other code (an edited checkout, a reinstall of the same version) is not
    read. About 150 ``stat`` calls, once per run."""
    from .rules.registry import packs_dir

    h = hashlib.sha1()
    for top in (os.path.dirname(os.path.abspath(__file__)), str(packs_dir())):
        for folder, dirs, files in os.walk(top):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith((".py", ".yaml", ".yml", ".json")):
                    st = os.stat(os.path.join(folder, name))
                    h.update(f"{name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:16]


def _file_key(name: str, data: bytes) -> str:
    h = hashlib.sha1(data)
    h.update(b"\0" + name.encode("utf-8", "replace"))
    return h.hexdigest()


def _load_cache(path: str) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _save_cache(path: str, cache: dict) -> None:
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        top = os.path.dirname(os.path.dirname(path))
        tag = os.path.join(top, "CACHEDIR.TAG")
        if not os.path.exists(tag):
            with open(tag, "w") as fh:
                fh.write("Signature: 8a477f597d28d172789f06886806bc55\n# medlint cache\n")
            with open(os.path.join(top, ".gitignore"), "w") as fh:
                fh.write("# created by medlint: the cache is never committed\n*\n")
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(cache, fh, separators=(",", ":"))
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only tree just runs uncached


_SITE_ENTRY = "site"  # the last run's site-rule findings (file entries are keyed by sha1 hex)


def _finding_row(f: Finding) -> list:
    return [f.line, f.column, f.end_line, f.end_column, f.code, f.rule, f.category,
            int(f.severity), f.message, f.fingerprint, f.context,
            [f.fix.description, [list(e.__dict__.values()) for e in f.fix.edits]]
            if f.fix else None]


def _finding_from_row(path: str, row: list) -> Finding:
    line, col, el, ec, code, rule, cat, sev, msg, fp, ctx, fix = row
    f = Finding(path=path, line=line, column=col, end_line=el, end_column=ec, code=code,
                rule=rule, category=cat, severity=Severity(sev), message=msg,
                fix=Fix(fix[0], tuple(Edit(*e) for e in fix[1])) if fix else None)
    f.fingerprint, f.context = fp, ctx
    return f


def _pack(sketch: tuple) -> str:
    """A MinHash sketch (unsigned 64-bit ints) as base64 of little-endian bytes: half the size
    of the decimal digits, and a JSON string loads much faster than a list of big ints."""
    a = array("Q", sketch)
    if sys.byteorder == "big":
        a.byteswap()
    return base64.b64encode(a.tobytes()).decode("ascii")


def _unpack(text: str) -> tuple:
    a = array("Q")
    a.frombytes(base64.b64decode(text))
    if sys.byteorder == "big":
        a.byteswap()
    return tuple(a)


def _to_cache(res: FileResult, sigs: list | None) -> dict:
    """``sigs`` None: this run did not compute site signatures (one file)."""
    return {"f": [_finding_row(f) for f in res.findings],
            "e": res.error, "s": None if sigs is None else [
                [s.path, s.line, s.col, s.end_line, s.words, s.exact, _pack(s.sketch), s.preview]
                for s in sigs],
            "x": [[s.kind, list(s.rules), s.line] for s in res.suppressions]}


def _from_cache(path: str, entry: dict) -> tuple[FileResult, list]:
    from .model import Suppression
    from .site import Signature

    res = FileResult(path=path, error=entry.get("e"),
                     suppressions=[Suppression(k, tuple(r), ln) for k, r, ln in entry.get("x", [])])
    res.findings.extend(_finding_from_row(path, row) for row in entry.get("f", []))
    sigs = []
    for s in entry.get("s") or []:
        s = list(s)
        s[0] = path
        s[6] = _unpack(s[6])
        sigs.append(Signature(*s))
    return res, sigs


def clean(root: str = ".") -> bool:
    import shutil

    folder = os.path.join(root, ".medlint_cache")
    if os.path.isdir(folder):
        shutil.rmtree(folder)
        return True
    return False
