import re
from itertools import islice

from ...model import Severity
from ..base import Rule
from ._norm import norm, short

_TEXT = ("heading", "paragraph")
# a byline or date line between two copies of a title ("By X | Updated on 12 March 2021 |
# 6 min read"): not a paragraph of text
_BYLINE = re.compile(r"^\W*(?:by|written by|posted|published|updated|last updated|reviewed|"
                     r"medically reviewed)\b|\s\|\s|\bmin(?:ute)?s? read\b", re.I)


class TitleRepeated(Rule):
    code = "ST001"
    name = "title-repeated"
    category = "structure"
    severity = Severity.WARNING
    summary = "The title is repeated at the top of the article, or written as a plain paragraph."
    what = """
    At the top of the body (its first three text blocks):

    - a first paragraph that repeats the front-matter title (or the HTML `<title>`): the title
      written as a plain paragraph instead of a heading, on top of the title the theme
      already shows (also when the copy leaves out a bracketed tag or the site's name at the
      title's end: "How to Bring Down a Fever Fast" under the title "How to Bring Down a
      Fever Fast (Mom-Approved Tips)");
    - a heading or paragraph that repeats the block right before it (a scraped page's title
      line twice).

    Case and punctuation are ignored. A first-level heading equal to the front-matter title
    is not reported (many themes expect it).
    """
    why = """
    A title shown twice, or a title that is only a bold-less paragraph, is a conversion or
    scraping leftover: screen readers and search engines see no heading for the page, and
    readers see the same line twice before the article starts.
    """
    standard = "WCAG 2.2 SC 1.3.1 and 2.4.6 (headings); markdownlint MD025/MD041 (one top-level heading, first line a heading)."
    cite = "WCAG 1.3.1"
    bad = """---
title: Why is my left knee twitching
---

Why is My Left Knee Twitching?

Most muscle twitches are harmless.
"""
    good = """---
title: Why is my left knee twitching
---

Most muscle twitches are harmless.
"""

    def check(self, doc, ctx):
        # a scraped text's title is its first line (no copy of it to compare with)
        title = norm(doc.title) if doc.title and doc.format != "text" else ""
        # the title without a bracketed tag or the site's name after it ("How to bring down
        # a fever fast (Mom-Approved Tips)", "Gout | Health Site"): a copy often leaves it out
        bare = norm(_TAIL.sub("", doc.title)) if title else ""
        titles = {title, bare} if len(bare.split()) >= 3 else {title}
        # the first blocks with text; images, embeds and rules between them do not count
        top = list(islice((b for b in doc.blocks if b.kind not in ("image", "embed", "hr")
                           and b.text.strip() or b.kind in ("list", "table", "code")), 3))
        # the text blocks above, by normalised text: a title repeated one or two lines down
        # (with a short breadcrumb or date line between the copies, as scraped pages have it)
        above: dict[str, int] = {}  # normalised text -> its line
        first = True
        for b in top:
            if b.kind not in _TEXT or not (whole := norm(b.text)):
                above = {}
                continue
            if title and whole in titles and b.kind == "paragraph" and first and \
                    whole not in above:
                ctx.report(b.line, b.col, f"the title \"{short(b.text)}\" is repeated as a plain "
                           "paragraph; remove it (the theme shows the title) or make it the "
                           "page's heading", end_col=b.col + len(b.text.split("\n")[0]))
            # line by line: scraped text keeps the title, a byline and the title again in one
            # block ("Title / By X | Updated ... / Title")
            units = [(whole, 0)] if "\n" not in b.text else _lines(b.text)
            for t, at in units:
                if not t:
                    continue
                if t in above:
                    p = b.pos_of(at)
                    line = b.text[at:].split("\n", 1)[0]
                    ctx.report(p.line, p.col, f"\"{short(line)}\" repeats line {above[t]}; "
                               "remove the repeated title", end_col=p.col + len(line))
                raw = b.text[at:].split("\n", 1)[0]
                if len(t.split()) > 10 and not _BYLINE.search(raw) and not _BANNER.search(raw) \
                        and not _CRUMBS.search(raw):
                    above = {}  # copies apart by a paragraph of text are not a repeated title
                above.setdefault(t, b.pos_of(at).line)
                # a scraped page's title line with the site's name after it ("Athlete's Foot:
                # Symptoms and Causes - FootCare Daily"): its copy without the name repeats it
                m = _SITE_SUFFIX.match(raw)
                if m and len(m.group(1).split()) >= 3:
                    above.setdefault(norm(m.group(1)), b.pos_of(at).line)
            first = False


_TAIL = re.compile(r"\s*(?:\([^()]{1,40}\)|\[[^\[\]]{1,40}\]|\s[-–—|]\s[^-–—|]{2,40})\s*$")
_SITE_SUFFIX = re.compile(r"^(.*\S)\s+[-–—|]\s+([^-–—|]{2,40})$")
# a cookie banner between the title and its copy (scraped pages): not text that parts them
_BANNER = re.compile(r"\bcookies\b", re.I)
# a breadcrumb trail ("Home > Health > First aid > ..."): it does not part the copies either
_CRUMBS = re.compile(r"(?:\s[>»›/|]\s[^>»›|]{1,60}){2,}")


def _lines(text: str) -> list[tuple[str, int]]:
    """(normalised text, offset) of each line of a block."""
    out, at = [], 0
    for line in text.split("\n"):
        out.append((norm(line), at))
        at += len(line) + 1
    return out
