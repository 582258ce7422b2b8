import re

from ...model import Severity
from ...site import groups, signatures
from ..base import Rule


class CrossArticleDuplicate(Rule):
    code = "ST200"
    name = "cross-article-duplicate"
    category = "structure"
    severity = Severity.WARNING
    site = True
    summary = "The same paragraph (or a near copy) appears in several articles of the site."
    what = """
    A paragraph or list item of at least `min_words` words that appears, word for word or
    nearly (estimated Jaccard similarity of word 5-shingles >= `threshold`), in other articles
    linted in the same run. Reported at each copy, naming the other files and lines. Active
    only when more than one file is linted. Left out as site chrome: boilerplate phrases
    (disclaimers, copyright and cookie notices), blocks that are mostly link text (menus), and
    paragraphs found in more than `max_share` of the files of one site (a site is a top-level
    folder of the run with at least `min_site_files` files; a template repeats on most of its
    pages). Crawled pages saved under their URL ("http%3A%2F%2Fwww.cdc.gov%2F...",
    "https___www_nhs_uk_...") belong to their web site within that folder (its registrable
    domain; the whole host for `shared_hosts` such as blogspot.com): there a paragraph on
    at least `min_host_files` pages and more than `max_share` of them is a template, since a
    crawl holds only a sample of each site. Address, footer, navigation and aside elements
    of crawled pages are left out too.
    """
    why = """
    Generated health sites paste the same paragraphs into many articles: readers get
    boilerplate instead of an answer, search engines treat the pages as duplicates, and a
    correction made in one copy never reaches the others.
    """
    standard = ("Google Search guidance on scaled content abuse and duplicate content; PEMAT "
                "item 8 (the material is organised, no repetition that hides the purpose).")
    cite = "Google helpful-content guidance; PEMAT 8"
    pack = "structure-site.yaml"
    options = {"min_words": 25, "threshold": 0.8, "max_share": 0.3, "max_names": 3,
               "boilerplate": [], "min_site_files": 10, "min_host_files": 3,
               "shared_hosts": []}
    bad = """# Knee twitching

Knee twitching is usually harmless and happens when small groups of muscle fibres contract
on their own, often after exercise, caffeine, stress or a poor night of sleep, and it
normally settles without any treatment within a few days.
"""
    good = """# Ankle sprains

An ankle sprain happens when the ligaments that support the ankle stretch or tear, usually
after the foot rolls inward on uneven ground; swelling and bruising appear within hours and
most sprains heal with rest, ice and gentle movement over two to six weeks.
"""

    def check(self, doc, ctx):  # per-file work happens in collect; the report in site_check
        return None

    def collect(self, doc, ctx):
        skip = tuple(str(w).lower() for w in ctx.options.get("boilerplate") or [])
        return signatures(doc, int(ctx.options.get("min_words", 25)), skip)

    def site_check(self, sigs, ctx):
        o = ctx.options
        files = sorted({s.path for s in sigs})
        site_of = _sites(files, o.get("shared_hosts") or [])
        site_size: dict[str, int] = {}
        for f in files:
            site_size[site_of[f]] = site_size.get(site_of[f], 0) + 1
        max_share = float(o.get("max_share", 0.3))
        min_site = int(o.get("min_site_files", 10))
        min_host = int(o.get("min_host_files", 3))
        shown = int(o.get("max_names", 3))
        for group in groups(sigs, float(o.get("threshold", 0.8))):
            paths = sorted({s.path for s in group})
            per_site: dict[str, int] = {}
            for p in paths:
                per_site[site_of[p]] = per_site.get(site_of[p], 0) + 1
            if any(n > max_share * site_size[k] and (
                    site_size[k] >= min_site if "|" not in k
                    else site_size[k] >= min_host and n >= min_host)
                   for k, n in per_site.items()):
                continue  # on much of a site: a template, navigation or disclaimer
            for s in group:
                others = [g for g in group if g.path != s.path]
                if not others:
                    continue
                names = ", ".join(f"{g.path}:{g.line}" for g in others[:shown])
                more = f" and {len(others) - shown} more" if len(others) > shown else ""
                ctx.path = s.path
                ctx.report(s.line, s.col, f"this paragraph ({s.words} words) is also in "
                           f"{len({g.path for g in others})} other article"
                           f"{'s' if len({g.path for g in others}) > 1 else ''}: {names}{more}",
                           end_line=s.end_line)


_URL_NAME = re.compile(r"^(?:https?%3A%2F%2F|https?___)", re.I)
_SLD = {"co", "com", "org", "gov", "ac", "net", "edu", "nhs"}


def _host_site(name: str, shared_hosts) -> str:
    """The web site of a crawled page saved under its URL ("http%3A%2F%2Fplague.emedtv.com
    %2F..." or "https___www_nhs_uk_conditions_..."): its registrable domain, or the whole
    host for shared hosting (blogspot.com)."""
    from urllib.parse import unquote, urlsplit

    if "%3A" in name[:8].upper():
        host = (urlsplit(unquote(name)).hostname or "").lower()
        labels = host.split(".")
    else:
        parts = re.sub(r"^https?___", "", name, flags=re.I).split("_")
        labels = []
        for w in parts:
            labels.append(w.lower())
            if len(labels) > 1 and w.lower() in {"com", "org", "gov", "net", "edu", "int",
                                                 "uk", "au", "ca", "io", "info"}:
                break
    if labels and labels[0] in ("www", "www2", "wwwnc"):
        labels = labels[1:]
    keep = 3 if len(labels) > 2 and labels[-2] in _SLD and len(labels[-1]) == 2 else 2
    domain = ".".join(labels[-keep:])
    if any(domain == str(h).lower() for h in shared_hosts):
        domain = ".".join(labels[-keep - 1:])
    return domain


def _sites(paths: list[str], shared_hosts=()) -> dict[str, str]:
    """Each file's site: its first folder below the folder all linted files share; for
    crawled pages saved under their URL, that folder and the page's web site ("folder|host"),
    since one crawl folder holds pages of many sites."""
    import os

    if len(paths) < 2:
        return {p: "" for p in paths}
    abs_paths = {p: os.path.abspath(p) for p in paths}
    try:
        root = os.path.commonpath(list(abs_paths.values()))
    except ValueError:
        return {p: "" for p in paths}
    out = {}
    for p, a in abs_paths.items():
        rel = os.path.relpath(a, root).split(os.sep)
        out[p] = rel[0] if len(rel) > 1 else ""
        name = os.path.basename(a)
        if _URL_NAME.match(name):
            out[p] += "|" + _host_site(name, shared_hosts)
    return out
