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
    only when more than one file is linted. Boilerplate (disclaimers, copyright and cookie
    notices) and paragraphs shared by more than `max_share` of the files are left out.
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
               "boilerplate": []}
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
        words = ctx.options.get("boilerplate") or []
        skip = re.compile("|".join(re.escape(w) for w in words), re.I) if words else None
        return signatures(doc, int(ctx.options.get("min_words", 25)), skip)

    def site_check(self, sigs, ctx):
        o = ctx.options
        files = {s.path for s in sigs}
        n_files = max(len(files), 1)
        max_share = float(o.get("max_share", 0.3))
        shown = int(o.get("max_names", 3))
        for group in groups(sigs, float(o.get("threshold", 0.8))):
            paths = sorted({s.path for s in group})
            if n_files >= 10 and len(paths) > max_share * n_files:
                continue  # shared by much of the site: a template or disclaimer
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
