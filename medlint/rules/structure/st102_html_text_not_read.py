from ...model import Severity
from ..base import Rule

_ARTICLE = ("Cholera is an infection of the small intestine caused by drinking water or eating "
            "food contaminated with the bacterium Vibrio cholerae. Most people who are infected "
            "have mild diarrhoea or no symptoms at all, but a few have severe watery diarrhoea "
            "and vomiting that can lead to dehydration within hours. Drink oral rehydration "
            "solution and get medical help at once if diarrhoea is severe. Boil or treat "
            "drinking water, wash your hands with soap, and cook food well when you travel to "
            "places where cholera is common. There is a vaccine for travellers to high-risk "
            "areas; ask a travel clinic at least two weeks before you go. Cholera is treated "
            "with fluids, and sometimes antibiotics for people who are very ill.")


class HtmlTextNotRead(Rule):
    code = "ST102"
    name = "html-text-not-read"
    category = "structure"
    severity = Severity.WARNING
    summary = "An HTML page whose text was (almost) all left out of the article: broken markup?"
    what = """
    An HTML page with at least 500 characters of visible text of which less than a tenth was
    read as the article. The finding names the element that holds most of the text when one
    does: page chrome (a <nav>, a menu, a header) that is never closed takes everything after
    it with it. medlint first recovers what it can: an element dropped as chrome that holds
    more than half of the page's text outside links while the kept text is under a quarter
    (an ASP.NET page inside one <form>, a `<div id="banner">` left open by a broken tag) is
    read as content; this finding is for what remains.
    """
    why = """
    Without it the page would be checked as if it were empty: no finding at all, which reads
    as a clean page. Browsers show the text, so readers see what medlint could not check;
    broken markup also breaks screen readers' landmarks.
    """
    standard = ("WHATWG HTML §13.2 (parse errors and end tags); WCAG 2.1 SC 4.1.1 (parsing) "
                "and SC 1.3.1 (structure is conveyed in markup).")
    cite = "WHATWG HTML §13.2; WCAG 2.1 SC 1.3.1"
    example_format = "html"
    bad = f"""<!DOCTYPE html>
<html><head><title>Cholera</title></head>
<body>
<nav><ul><li><a href="/">Home</a></li></ul>
<h1>Cholera</h1>
<p>{_ARTICLE}</p>
</body></html>
"""
    good = f"""<!DOCTYPE html>
<html><head><title>Cholera</title></head>
<body>
<nav><ul><li><a href="/">Home</a></li></ul></nav>
<h1>Cholera</h1>
<p>{_ARTICLE}</p>
</body></html>
"""

    def check(self, doc, ctx):
        for hint, message, line, col in doc.problems:
            if hint == "html":
                ctx.report(line, col, message)
