import re

from ...model import Severity
from ..base import Rule

_SIZE = re.compile(r"^\s*(\d+)(?:px)?\s*$")


def _tiny(attrs) -> bool:
    """Spacer and tracking images (width or height of a few pixels) are not content."""
    for k in ("width", "height"):
        m = _SIZE.match(str(attrs.get(k, "")))
        if m and int(m.group(1)) <= 10:
            return True
    return False


# a file name, with its extension or as a slug of words joined by underscores
# ("pertussis_bacteria_infection", "IMG_2031")
_FILE_ALT = re.compile(r"^[\w.-]+\.(?:jpe?g|png|gif|webp|svg|bmp|avif)$|^[a-z0-9]+(?:_[a-z0-9]+)+$",
                       re.I)


MENU_LINKS = 5  # links on one source line that make it a navigation menu


def _menu_lines(doc) -> frozenset:
    """Source lines holding MENU_LINKS or more links: a site's navigation menu scraped into
    a Markdown article ("[Diseases & Conditions](/d) [Symptoms](/s) ![](icon.png) ...")."""
    count: dict[int, int] = {}
    for e in doc.links:
        count[e.line] = count.get(e.line, 0) + 1
    return frozenset(line for line, n in count.items() if n >= MENU_LINKS)


class ImageMissingAlt(Rule):
    code = "EM006"
    name = "image-missing-alt"
    category = "broken-embed"
    severity = Severity.WARNING
    summary = "An image without alt text (or with a file name as its alt text)."
    what = """
    An HTML `<img>` with no `alt` attribute, a Markdown image with empty alt text
    (`![](x.png)`), a Hugo figure shortcode with no `alt=` (`{{< figure src="x.jpg" >}}`),
    or alt text that is just a file name (`IMG_2031.jpg`). An HTML `alt=""`
    is accepted: it marks a decorative image on purpose; so are `role="presentation"`,
    `aria-hidden="true"` and spacer or tracking images of 10 pixels or less. Icons on a
    source line with five or more links (a site's navigation menu scraped into the article)
    are left to the residue rules: the menu, not its icons, is what needs removing.
    """
    why = """
    Screen-reader users hear the file name or nothing; in health articles images often carry
    information (a rash, an exercise) that they then miss.
    """
    standard = "WCAG 2.1 success criterion 1.1.1 (non-text content); PEMAT item 17; markdownlint MD045."
    cite = "WCAG 2.1 SC 1.1.1"
    bad = """# Knee exercises

![](knee-stretch.jpg)
"""
    good = """# Knee exercises

![A person stretching the front of the thigh while standing](knee-stretch.jpg)
"""

    def check(self, doc, ctx):
        nav = _menu_lines(doc) if doc.images else frozenset()
        for el in doc.images:
            if el.line in nav:
                continue  # an icon in a scraped navigation menu: the menu is the defect
            alt = el.attrs.get("alt")
            if el.source in ("html", "markdown-html"):
                if alt is None or "alt" not in el.attrs:
                    if (el.attrs.get("role") in ("presentation", "none")
                            or el.attrs.get("aria-hidden") == "true" or _tiny(el.attrs)):
                        continue
                    ctx.report(el.line, el.col, "image has no alt attribute: screen readers "
                               "read its file name or nothing; describe it, or use alt=\"\" if "
                               "it is decorative", end_col=el.end_col)
                    continue
            elif not (alt or "").strip():
                what = ("figure shortcode has no alt= argument" if el.source == "shortcode"
                        and "alt" not in el.attrs else "image has empty alt text")
                ctx.report(el.line, el.col, f"{what}: describe what it shows",
                           end_col=el.end_col)
                continue
            if alt and _FILE_ALT.match(alt.strip()):
                ctx.report(el.line, el.col, f"image alt text is a file name ({alt.strip()!r}): "
                           "describe what the image shows", end_col=el.end_col)
