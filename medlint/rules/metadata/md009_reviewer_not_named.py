import re

from ...model import Severity
from ...rxguard import compile_all
from ..base import Rule
from ..registry import shared_option
from ._dates import fm_fields_present


class ReviewerNotNamed(Rule):
    code = "MD009"
    name = "reviewer-not-named"
    category = "metadata"
    severity = Severity.WARNING
    summary = "A reviewer field that names no reviewer: 'Pending clinical review', 'TBD'."
    what = """
    A front-matter reviewer field (the `reviewer_fields` of missing-medical-reviewer, MD002:
    reviewer, reviewed_by, medically_reviewed_by, ...) whose value is a placeholder
    ("Pending clinical review", "TBD", "Awaiting review", "N/A") or says what the content is
    based on instead of who reviewed it ("Clinical content (based on WHO, NHS, CDC
    guidelines)"): `not_a_reviewer` patterns. On by default, unlike MD002: the page claims
    a review it has not had. An empty field is front-matter-empty-field's (FM003).
    """
    why = """
    Readers and search engines read a reviewer field as a promise that a clinician checked
    the page. A placeholder there means the article went out unreviewed; a list of sources
    is not a reviewer.
    """
    standard = ("JAMA benchmark 'authorship' (authors and contributors, with affiliations and "
                "credentials); HONcode principle 1 (authoritative); NHS standards for creating "
                "health content (clinical sign-off).")
    cite = "JAMA benchmarks: authorship; HONcode 1"
    pack = "metadata.yaml"
    options = {"not_a_reviewer": [], "reviewer_fields": []}
    bad = """---
title: Eczema basics
reviewer: Pending clinical review
---
Eczema makes the skin itchy and dry.
"""
    good = """---
title: Eczema basics
reviewer: Dr Jane Smith, MD (dermatology)
---
Eczema makes the skin itchy and dry.
"""

    def check(self, doc, ctx):
        o = ctx.options
        self._byline(doc, ctx, compile_all(o.get("not_a_reviewer")))
        fm = doc.front_matter
        if fm is None:
            return
        fields = o.get("reviewer_fields") or shared_option("MD002", "reviewer_fields")
        if fm.unreadable:
            # front matter that does not load: its top-level "key: value" lines
            want = {str(f).lower() for f in fields}
            found = [(key, v.strip().strip("'\""), line, col)
                     for line, indent, key, v, col in fm.raw_pairs or ()
                     if indent == 0 and key.lower() in want]
        else:
            found = [(k.name, k.value, k.value_line, k.value_col)
                     for k in fm_fields_present(doc, fields) if isinstance(k.value, str)]
        if not found:
            return
        rxs = compile_all(o.get("not_a_reviewer"))
        for name, value, line, col in found:
            v = " ".join(value.split())
            if v and any(r.search(v) for r in rxs):
                ctx.report(line, col, f"'{name}: {v[:60]}' names no reviewer: name the "
                           "clinician who reviewed the article (and their credentials), or "
                           "leave the field out until one has", end_line=line,
                           end_col=col + len(value))

    @staticmethod
    def _byline(doc, ctx, rxs) -> None:
        """A byline near the top ("Medically reviewed by [Reviewer Name]") whose reviewer is
        a placeholder."""
        if not rxs or "eviewed by" not in doc.text[:4000]:
            return
        for b in doc.blocks[:_BYLINE_BLOCKS]:
            for m in _REVIEWED_BY.finditer(b.text):
                v = " ".join(m.group(1).split())
                if v and any(r.search(v) for r in rxs):
                    a, e = b.pos_of(m.start()), b.pos_of(m.end())
                    ctx.report(a.line, a.col, f"'{m.group(0).strip()}' names no reviewer: name "
                               "the clinician who reviewed the article (and their credentials), "
                               "or leave the byline out until one has", end_line=e.line,
                               end_col=e.col)
                    return


_BYLINE_BLOCKS = 8  # a byline stands near the top of the article
# "Medically reviewed by ...", to the end of its line or sentence
_REVIEWED_BY = re.compile(r"\b(?:(?:medically|clinically|expert|fact)[- ]?)?(?:reviewed|checked)"
                          r"\s+by:?\s+([^\n|·•]{1,60})", re.I)
