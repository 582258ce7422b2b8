from ...model import Severity
from ..base import Rule
from ._util import line_end


class FrontMatterDuplicateKey(Rule):
    code = "FM002"
    name = "front-matter-duplicate-key"
    category = "front-matter"
    severity = Severity.ERROR
    summary = "A front-matter key is given twice in the same mapping."
    what = """
    The same key twice in one mapping of the front matter, at any nesting level. The finding
    is at the later key, names the line of the earlier one and says whether the two values
    conflict.
    """
    why = """
    YAML loaders such as PyYAML keep the last value silently, so the article is published with
    a value the author may not have meant; Hugo 0.152 and later refuse to build
    (`mapping key "draft" already defined`).
    """
    standard = ("YAML 1.2 §3.2.1.1: mapping keys are unique. Hugo >= 0.152 rejects duplicate "
                "front-matter keys.")
    cite = "YAML 1.2 §3.2.1.1; Hugo >= 0.152"
    fix_available = True
    bad = """---
title: Knee twitching
draft: true
draft: false
---

Body text.
"""
    good = """---
title: Knee twitching
draft: false
---

Body text.
"""

    def check(self, doc, ctx):
        fm = doc.front_matter
        if fm is None:
            return
        for d in fm.duplicates:
            a, b = d.first, d.second
            if d.values_equal:
                detail = f"with the same value ({b.raw_value or b.value!r}); remove one"
            else:
                detail = (f"with a conflicting value: {a.raw_value or a.value!r} then "
                          f"{b.raw_value or b.value!r}; YAML loaders silently keep the last")
            ctx.report(b.line, b.col, f"duplicate front-matter key '{b.dotted}': first set on "
                       f"line {a.line}, again here {detail}, and Hugo >= 0.152 refuses to build",
                       end_col=line_end(doc, b.line))
