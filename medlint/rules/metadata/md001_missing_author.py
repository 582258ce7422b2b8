import re
from itertools import islice

from ...model import Severity
from ..base import Rule
from ._dates import first_body_line, fm_fields_present


def _top_blocks(doc, n_blocks: int):
    """The first ``n_blocks`` text blocks, where a byline stands."""
    return islice((b for b in doc.flat if b.kind in ("paragraph", "item", "heading", "cell")),
                  n_blocks)


def has_byline(doc, patterns, n_blocks: int) -> bool:
    rx = [re.compile(p, re.I | re.M) for p in patterns or []]
    return any(any(r.search(b.text) for r in rx) for b in _top_blocks(doc, n_blocks))


def page_authors(doc, names) -> list[tuple[str, int, int]]:
    """(name, line, column) of the authors an HTML page names in a <meta> tag (name="author",
    property="article:author" ...: ``names``) or in its JSON-LD ("author": "..." or
    {"name": ...}, or a list of them): the byline itself may sit in the page header, outside
    the article medlint reads."""
    wanted = {str(n).lower() for n in names}
    out = []
    for e in doc.elements:
        if e.tag == "meta" and (e.attrs.get("name") or e.attrs.get("property") or
                                e.attrs.get("itemprop") or "").strip().lower() in wanted:
            if (e.attrs.get("content") or "").strip():
                out.append((e.attrs["content"], e.line, e.col))
    for line, col, node in doc.json_ld:
        a = node.get("author")
        for x in a if isinstance(a, list) else [a] if a else []:
            name = x.get("name") if isinstance(x, dict) else x
            out.append((name if isinstance(name, str) else str(x), line, col))
    return out


def named(keys) -> bool:
    for k in keys:
        v = k.value
        if isinstance(v, str) and v.strip():
            return True
        if isinstance(v, (list, dict)) and v:
            return True
    return False


class MissingAuthor(Rule):
    code = "MD001"
    name = "missing-author"
    category = "metadata"
    severity = Severity.WARNING
    summary = "The article names no author: no author field and no byline."
    what = """
    An article with front matter that has no non-empty author field (author, authors,
    byline, reviewed_by, publisher, ... configurable) and no byline ("Written by ...",
    "By Jane Smith", "Medically reviewed by ...") in its first blocks. Pages without front
    matter are skipped unless `only_with_front_matter` is false: a scraped page has usually
    lost its metadata (and a publisher's pages often name no person). An HTML page that
    names its author in a <meta> tag (`author_meta`: author, article:author, dc.creator,
    citation_author ...) or in JSON-LD has one, even when the byline sits in the page
    header outside the article. An author field or byline that credits a site account
    ("Posted on March 3, 2024 by admin", `author: admin`; `account_names`) names no one
    either: it is reported with or without front matter, since the byline is there to see.
    """
    why = """
    Readers judge health information by who wrote it. Anonymous health content cannot be
    held to account and is one of the first signs of low-quality or mass-produced pages.
    """
    standard = ("JAMA benchmark 'authorship' (authors and contributors, their affiliations and "
                "credentials); HONcode principle 1 (authoritative); Google 'Who created the "
                "content' test.")
    cite = "JAMA benchmarks: authorship"
    pack = "metadata.yaml"
    options = {"author_fields": [], "author_meta": [], "byline_patterns": [], "account_names": [],
               "byline_blocks": 15, "only_with_front_matter": True}
    bad = """---
title: Knee twitching
date: 2026-01-10
---

Knee twitching is usually harmless.
"""
    good = """---
title: Knee twitching
date: 2026-01-10
author: Dr Jane Smith, MD
---

Knee twitching is usually harmless.
"""

    def check(self, doc, ctx):
        o = ctx.options
        fm = doc.front_matter
        if fm is not None and fm.unreadable:
            return
        if self._account(doc, ctx, fm):
            return
        if fm is None and o.get("only_with_front_matter", True):
            return
        if fm is not None and named(fm_fields_present(doc, o.get("author_fields") or [])):
            return
        if page_authors(doc, o.get("author_meta") or []):
            return
        if has_byline(doc, o.get("byline_patterns"), int(o.get("byline_blocks") or 15)):
            return
        line = fm.start_line if fm is not None else first_body_line(doc)
        ctx.report(line, 1, "no author: add an author field (name and credentials) or a "
                   "byline so readers can see who wrote this health information")

    @staticmethod
    def _account(doc, ctx, fm) -> bool:
        """The author credited is a site account ("Posted on March 3, 2024 by admin",
        `author: admin`; `account_names`), not a person: reported, front matter or not."""
        names = {str(n).lower() for n in ctx.options.get("account_names") or ()}
        if not names:
            return False
        if fm is not None:
            for k in fm_fields_present(doc, ctx.options.get("author_fields") or []):
                if isinstance(k.value, str) and k.value.strip().lower() in names:
                    ctx.report(k.value_line, k.value_col, f"the author credited, "
                               f"'{k.value.strip()}', is a site account, not a person: name the "
                               "author (and their credentials)", end_col=k.value_col + len(
                                   k.value.strip()))
                    return True
        for b in _top_blocks(doc, int(ctx.options.get("byline_blocks") or 15)):
            for m in _BY.finditer(b.text):
                if m.group(1).strip().lower() in names:
                    a = b.pos_of(m.start(1))
                    ctx.report(a.line, a.col, f"the author credited, '{m.group(1).strip()}', "
                               "is a site account, not a person: name the author (and their "
                               "credentials)", end_col=a.col + len(m.group(1).strip()))
                    return True
        return False


# a byline's name: "Posted on March 3, 2024 by admin", "By Admin | 5 min read"
_BY = re.compile(r"(?im)\bby\s+([a-z][\w .-]{1,24}?)\s*(?:$|[|·•,(])")
