import re
from itertools import islice

from ...model import Severity
from ...rxguard import compile_all
from ..base import Rule
from ..registry import shared_option
from ._dates import fm_fields_present
from .md001_missing_author import page_authors

# a byline label on a line of its own, the name in the next block ("Author" / "[Docus AI
# Doctor](...)"), or with the name after it ("By Jane Smith", "Author: Jane Smith")
_LABEL = re.compile(r"^\W*(?:authors?|written by|by|article by)\W*$", re.I)
_BYLINE = re.compile(r"^\W*(?:written by|article by|authors?:|by)\s+(?P<name>\S.{1,60}?)\W*$",
                     re.I)


class AiAuthor(Rule):
    code = "MD010"
    name = "ai-author"
    category = "metadata"
    severity = Severity.WARNING
    summary = "The author credited is an AI tool ('Docus AI Doctor', 'ChatGPT'), not a person."
    what = """
    An author credit that names an AI tool (`ai_author_patterns`: "AI Doctor", "AI
    assistant", "ChatGPT", "GPT-4", "AI-generated" ...): in a front-matter author field
    (missing-author's `author_fields`), an author `<meta>` tag or JSON-LD `author` (as
    missing-author reads them), or a
    byline near the top of the page ("Author" on a line of its own with the name below it,
    "By ...", "Written by ..."). A named human reviewer does not make the AI the author.
    """
    why = """
    Authorship tells readers who is accountable for health information and what their
    qualifications are; a tool cannot be. Pages credited to an AI are machine-written, and
    readers should be told who checked them and who answers for them.
    """
    standard = ("JAMA benchmark 'authorship' (authors and contributors, their affiliations "
                "and credentials); HONcode principle 1 (authoritative); Google guidance on "
                "AI-generated content ('Who created the content').")
    cite = "JAMA benchmarks: authorship; HONcode 1"
    pack = "metadata.yaml"
    options = {"ai_author_patterns": [], "author_fields": [], "byline_blocks": 15}
    bad = """# Gout in the knee

Author

Docus AI Doctor

Gout is a form of arthritis.
"""
    good = """# Gout in the knee

Author

Dr Anna Nersisyan

Gout is a form of arthritis.
"""

    def check(self, doc, ctx):
        o = ctx.options
        rxs = compile_all(o.get("ai_author_patterns"))
        if not rxs:
            return
        hits = []  # (name, line, col)
        fm = doc.front_matter
        if fm is not None and not fm.unreadable:
            fields = o.get("author_fields") or shared_option("MD001", "author_fields")
            for k in fm_fields_present(doc, fields):
                if isinstance(k.value, str):
                    hits.append((k.value, k.value_line, k.value_col))
        hits += page_authors(doc, shared_option("MD001", "author_meta"))
        prose = list(islice((b for b in doc.flat if b.kind in ("paragraph", "heading", "item")
                             and b.text.strip()), int(o.get("byline_blocks") or 15)))
        for k, b in enumerate(prose):
            first = b.text.strip().split("\n", 1)[0]
            if _LABEL.match(first) and k + 1 < len(prose):
                nxt = prose[k + 1]
                hits.append((nxt.text.strip().split("\n", 1)[0], nxt.line, nxt.col))
            elif (m := _BYLINE.match(first)) is not None:
                p = b.pos_of(m.start("name"))
                hits.append((m.group("name"), p.line, p.col))
        for name, line, col in hits:
            name = " ".join(name.split())
            if name and any(r.search(name) for r in rxs):
                ctx.report(line, col, f"the author credited is an AI tool ('{name[:50]}'): "
                           "name the person who wrote the article or answers for it, with "
                           "their credentials", end_line=line, end_col=col + len(name))
                return  # once per article
