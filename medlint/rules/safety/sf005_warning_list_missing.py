import re

from ...model import Severity
from ..base import Rule
from ._util import any_match, compile_all

_SKIP = ("image", "embed", "hr")
_LIST = ("list", "item", "table", "row", "cell")


class WarningListMissing(Rule):
    code = "SF005"
    name = "warning-list-missing"
    category = "safety"
    severity = Severity.WARNING
    summary = "A lead-in promises warning symptoms ('See a doctor if you have:') but no list follows."
    what = """
    A paragraph about getting help (it mentions a doctor, GP, 999/911, A&E, emergency,
    urgent care, ...) whose last sentence ends with a colon and introduces conditions or
    symptoms ("See a doctor if you have:", "especially if your twitching is accompanied
    by:", "Warning signs include:") and is followed by another paragraph or heading, or
    nothing, instead of a list or table: the warning symptoms were lost (typically by a
    scraper or an editor).
    """
    why = """
    The symptoms that should send a reader to a doctor are the most safety-critical part of
    a symptom article. A lead-in with its list missing tells readers there are warning
    signs but not what they are.
    """
    standard = ("NHS digital service manual, care cards ('1 clear call to action ... followed "
                "by a bulleted list') and lead-in lines; CDC Clear Communication Index item 14; "
                "EQIP 'alert signs'.")
    cite = "NHS care cards; CDC CCI item 14"
    pack = "safety.yaml"
    options = {"lead_patterns": [], "help_terms": ""}
    example_format = "text"
    bad = """Knee twitching

When to see your doctor

Do not delay in seeing your doctor, especially if your twitching is accompanied by:

In most cases, an occasional twitch is harmless.
"""
    good = """Knee twitching

When to see your doctor

Do not delay in seeing your doctor, especially if your twitching is accompanied by:

  • weakness in your leg
  • numbness or tingling

In most cases, an occasional twitch is harmless.
"""

    def check(self, doc, ctx):
        o = ctx.options
        leads = compile_all(o.get("lead_patterns"))
        helps = compile_all([o.get("help_terms")])
        flat = doc.flat
        for i, b in enumerate(flat):
            if b.kind != "paragraph" or not b.text.rstrip().endswith(":"):
                continue
            sents = doc.sentences_of(b)
            last = sents[-1].text if sents else b.text
            if not any_match(leads, last) or not any_match(helps, b.text):
                continue
            if re.search(r"\d:\s*$", b.text):
                continue  # a time such as 10:
            nxt = None
            for j in range(i + 1, len(flat)):
                if flat[j].kind in _SKIP:
                    continue
                t = flat[j].text.strip()
                if flat[j].kind == "paragraph" and (not t or t.endswith(":")
                                                     or len(t.split()) <= 20):
                    # a sub-lead-in ("**Possible causes:**") or a source line between the
                    # lead-in and its list
                    if j + 1 < len(flat) and flat[j + 1].kind in _LIST:
                        continue
                nxt = flat[j]
                break
            if nxt is not None and nxt.kind in _LIST:
                continue
            if nxt is not None and nxt.kind == "code":
                continue
            pos = b.pos_of(len(b.text.rstrip()) - 1)
            follows = (f"a {nxt.kind} on line {nxt.line}" if nxt is not None
                       else "the end of the article")
            ctx.report(pos.line, max(1, pos.col - 20), "lead-in promises the symptoms that need "
                       f"medical help, but {follows} follows instead of a list: the warning "
                       "symptoms are missing", end_line=pos.line, end_col=pos.col + 1)
