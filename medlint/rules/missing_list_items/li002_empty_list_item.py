from ...model import DROPPED, Severity
from ..base import Rule


def _has_media(doc, item) -> bool:
    for e in doc.elements:
        if e.line > item.end_line:
            break
        if item.line <= e.line <= item.end_line:
            if e.line == item.line and e.col < item.col:
                continue
            return True
    return False


class EmptyListItem(Rule):
    code = "LI002"
    name = "empty-list-item"
    category = "missing-list-items"
    severity = Severity.WARNING
    summary = "A list item with nothing in it."
    what = """
    A list item with no text and nothing under it: `- ` alone on a line, `<li></li>`, a `•`
    bullet followed only by spaces. Items holding an image, an embed or a link are not
    empty. Also a lead-in ending with ":" followed by a list with no items at all (`<ul>
    </ul>`).
    """
    why = """
    An empty bullet is a list item that was lost (a generator that ran out, a scraper that
    dropped a link or a term) or a stray marker; readers see a bullet with nothing next to
    it, and screen readers announce an empty item.
    """
    standard = "NHS content guide \"Bullet points\"; WCAG 2.2 SC 1.3.1 (lists convey their structure)."
    cite = "NHS content guide: bullet points"
    bad = """# Vitamin deficiency

Important nutrients include:

- Calcium
-
- Vitamin D
"""
    good = """# Vitamin deficiency

Important nutrients include:

- Calcium
- Magnesium
- Vitamin D
"""

    def check(self, doc, ctx):
        for it in doc.items:
            if it.text.strip() or it.attrs.get(DROPPED):
                continue  # an item whose content was dropped as page chrome is not empty
            if any(c.text.strip() or c.kind in ("image", "embed", "list", "table", "code")
                   for c in it.walk() if c is not it):
                continue
            if _has_media(doc, it):
                continue
            ctx.report(it.line, it.col, "empty list item: fill it in or remove the marker",
                       end_col=it.col + max(1, len(doc.line_text(it.line).strip())))
        # a lead-in followed by a list with nothing in it (an HTML <ul></ul> whose items
        # were lost); malformed markup elsewhere can leave empty lists that promise nothing
        prev = None
        for b in doc.flat:
            if b.kind == "list" and b.parent is None and prev is not None and \
                    prev.kind == "paragraph" and prev.text.rstrip().endswith(":") and \
                    not b.children and not b.text.strip() and not b.attrs.get(DROPPED):
                ctx.report(b.line, b.col, f"the list after \"{prev.text.strip()[-50:]}\" is "
                           "empty: restore its items or remove the lead-in")
            if b.kind not in ("item",) and (b.kind != "paragraph" or b.text.strip()):
                prev = b
