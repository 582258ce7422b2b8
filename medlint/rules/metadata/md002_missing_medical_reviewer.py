import re

from ...model import Severity
from ..base import Rule
from ._dates import fm_fields_present
from .md001_missing_author import has_byline, named


def _texts(keys) -> list[str]:
    out = []
    for k in keys:
        v = k.value
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, list):
            out.extend(str(x) for x in v if isinstance(x, (str, int)))
        elif isinstance(v, dict):
            out.extend(str(x) for x in v.values() if isinstance(x, str))
    return out


class MissingMedicalReviewer(Rule):
    code = "MD002"
    name = "missing-medical-reviewer"
    category = "metadata"
    severity = Severity.WARNING
    enabled_by_default = False
    summary = "Neither a medical reviewer nor an author with health credentials is named."
    what = """
    Off by default: turn it on (`extend-select: [MD002]`) where the site's policy says
    health articles need clinical sign-off. Reports an article with front matter that has
    no reviewer field (reviewed_by, medically_reviewed_by, ...), no "Medically reviewed by"
    byline and no author with credentials (MD, RN, PharmD, ... after the name, or a
    credentials field). `only_types` limits it to articles whose type or category field has
    one of the given values.
    """
    why = """
    Health content written by someone without clinical training should be checked by
    someone with it. Readers and search engines look for a named, qualified reviewer.
    """
    standard = ("JAMA benchmark 'authorship' (credentials); HONcode principle 1 "
                "(authoritative: qualifications of the authors); NHS standards for creating "
                "health content (clinical sign-off).")
    cite = "JAMA benchmarks: authorship; HONcode 1"
    pack = "metadata.yaml"
    options = {"reviewer_fields": [], "credential_fields": [], "author_fields": [],
               "credentials": [], "byline_patterns": [], "byline_blocks": 20, "only_types": [],
               "type_fields": []}
    bad = """---
title: Knee twitching
author: Osgood
---

Knee twitching is usually harmless.
"""
    good = """---
title: Knee twitching
author: Osgood
reviewed_by: Dr Jane Smith, MD
---

Knee twitching is usually harmless.
"""

    def check(self, doc, ctx):
        o = ctx.options
        fm = doc.front_matter
        if fm is None or fm.unreadable:
            return
        types = {str(t).lower() for t in o.get("only_types") or []}
        if types:
            vals = {t.lower() for t in _texts(fm_fields_present(doc, o.get("type_fields") or []))}
            if not vals & types:
                return
        if named(fm_fields_present(doc, o.get("reviewer_fields") or [])):
            return
        if named(fm_fields_present(doc, o.get("credential_fields") or [])):
            return
        creds = [c for c in o.get("credentials") or []]
        if creds:
            rx = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(c) for c in creds)
                            + r")(?![\w])")
            for t in _texts(fm_fields_present(doc, o.get("author_fields") or [])):
                if rx.search(t):
                    return
        if has_byline(doc, o.get("byline_patterns"), int(o.get("byline_blocks") or 20)):
            return
        authors = _texts(fm_fields_present(doc, o.get("author_fields") or []))
        who = f"the author ({authors[0][:40]!r}) lists no credentials" if authors else \
            "no author is named"
        ctx.report(fm.start_line, 1, f"no medical reviewer and {who}: name a clinically "
                   "qualified reviewer (reviewed_by) or the author's credentials")
