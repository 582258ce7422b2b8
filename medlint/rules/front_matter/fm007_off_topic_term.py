import re

from ...model import Severity
from ..base import Rule


class FrontMatterOffTopicTerm(Rule):
    code = "FM007"
    name = "front-matter-off-topic-term"
    category = "front-matter"
    severity = Severity.WARNING
    summary = "A category or tag from another subject on a health article ('Gardening')."
    what = """
    A front-matter taxonomy value (`categories`, `category`, `tags`; `fields`) that names a
    subject far from health (`off_topic`: Gardening, Writing, Travel, Finance, Technology,
    Gaming, Fashion, Real estate, Automotive, Crypto, ...) on an article that never uses the
    word itself: a template default, or a post filed under the wrong section by a
    generator. A tattoo-aftercare post filed under "Tattoos" or a gardening-injury post
    under "Gardening" names its subject, and is not reported.
    """
    why = """
    Hugo and Jekyll build section pages, feeds and related-article lists from these values:
    a nutrition article under "Gardening" is missing where readers look for it and sits next
    to unrelated posts, a sign of a generated or unedited site.
    """
    standard = ("Hugo taxonomies and Jekyll categories (site sections and feeds); HONcode "
                "principle 8 (honesty: content clearly presented for what it is).")
    cite = "Hugo taxonomies"
    pack = "front-matter.yaml"
    options = {"fields": [], "off_topic": []}
    bad = """---
title: "Young Children's Nutrition: Breastfeeding and Formula"
categories: "Gardening"
---

Breast milk or formula gives babies all the nutrition they need until about 6 months.
"""
    good = """---
title: "Young Children's Nutrition: Breastfeeding and Formula"
categories: "Child health"
---

Breast milk or formula gives babies all the nutrition they need until about 6 months.
"""

    def check(self, doc, ctx):
        fm = doc.front_matter
        if fm is None or fm.unreadable:
            return
        fields = {str(f).lower() for f in ctx.options.get("fields") or ()}
        off = {" ".join(str(t).lower().split()) for t in ctx.options.get("off_topic") or ()}
        if not fields or not off:
            return
        text = None  # the article's words, read only when a value is off topic
        for k in fm.keys:
            if len(k.path) != 1 or str(k.path[0]).lower() not in fields:
                continue
            # a value, or each item of a list with its position ("tags: [baby, writing]")
            if isinstance(k.value, list):
                values = [(v, *pos) for v, pos in zip(k.value, k.items, strict=False)
                          if isinstance(v, str)]
            elif isinstance(k.value, str):
                values = [(k.value, k.value_line, k.value_col)]
            else:
                continue
            for raw, line, col in values:
                value = " ".join(raw.split())
                if value.lower() not in off:
                    continue
                if text is None:  # the title and the prose, lower-cased once per document
                    text = (doc.title or "").lower() + "\n" + doc.prose.lower
                # the article names the subject itself ("gardening injuries"): on topic
                stem = value.lower().rstrip("s")
                stem = stem[:-3] if len(stem) > 7 else stem  # "gardening" -> "garden"
                if re.search(rf"\b{re.escape(stem)}", text):
                    continue
                if doc.line_text(line)[col - 1:col] in ("'", '"'):
                    col += 1  # the word, not its opening quote
                ctx.report(line, col, f"'{k.name}' files this health article under "
                           f"'{value}', a subject it never mentions: use a health section, or "
                           "remove the value", end_col=col + len(raw))
