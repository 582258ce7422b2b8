from ...model import Severity
from ..base import Rule


class FrontMatterInvalid(Rule):
    code = "FM001"
    name = "front-matter-invalid"
    category = "front-matter"
    severity = Severity.ERROR
    summary = "Front matter that does not parse (YAML/TOML error, unclosed fence, not a mapping)."
    what = """
    Front matter between `---` (YAML) or `+++` (TOML) fences that the parser rejects: a syntax
    error (reported at the parser's line and column), an opening fence that is never closed,
    an unsafe tag such as `!!python/object`, or a header that is a list or a string instead
    of a mapping of keys to values. When the fence is never closed, the article is still
    linted: the front matter is read as ending where the lines stop looking like metadata (the
    first sentence, or a Markdown heading after a blank line), and the message says which
    lines were read as front matter.
    """
    why = """
    Site generators stop the build, or silently publish the article without its title, date
    and author. A common cause is an unquoted value that contains `: ` (a title with a colon).
    """
    standard = ("YAML 1.2 and TOML 1.0 specifications; Hugo and Jekyll front-matter handling. "
                "Without readable metadata the JAMA authorship and currency benchmarks cannot "
                "be met.")
    cite = "YAML 1.2 spec; JAMA benchmarks"
    bad = """---
title: Knee pain: causes
images: ["https://example.org/th?id=1"]
date: 2024-01-01
---

Knee pain has many causes.
"""
    good = """---
title: "Knee pain: causes"
images: ["https://example.org/th?id=1"]
date: 2024-01-01
---

Knee pain has many causes.
"""

    def check(self, doc, ctx):
        fm = doc.front_matter
        if fm is None or fm.error is None:
            return
        for e in (fm.error, fm.load_error):
            if e is None:
                continue
            what = "the " if e is fm.error and fm.unclosed else "front matter cannot be read: "
            ctx.report(e.line, e.col, f"{what}{e.message}; the site generator will fail or "
                       "drop the article's metadata",
                       end_line=e.line, end_col=len(doc.line_text(e.line)) + 1)
