from ...model import Severity
from ..base import Rule
from ._terms import check_terms


class StigmatisingLanguage(Rule):
    code = "LG002"
    name = "stigmatising-language"
    category = "language"
    severity = Severity.INFO
    summary = "Stigmatising wording: 'suffers from', 'victim of', 'wheelchair-bound', 'addict'."
    what = """
    Wording that frames illness as suffering or victimhood, or stigmatises substance use,
    weight, age or mental health: "suffering from", "afflicted by", "victim of",
    "concussion victims",
    "wheelchair-bound", "handicapped", "addict", "junkie", "drug abuser", "the elderly",
    "morbidly obese", "committed suicide". Each entry names its style guide and lists
    exceptions ("alcoholic drinks", "alcoholic liver disease", "victim of crime",
    "Alcoholics Anonymous"). Entries on which guides disagree ("substance abuse", still the
    name of agencies) are reported only with `include_disputed: true`. Reported once per
    term in each place a reader meets it: the front matter's title and description, the
    article's title (its first-level heading, or a scraped text's first line), its section
    headings and the rest of the article. Words
    in quotation marks are a person's own (a patient quoted) and are left alone, in both
    language rules.
    """
    why = """
    Stigmatising words discourage people from seeking help and shape how clinicians and
    the public treat them; person-centred wording is part of every major health style guide.
    """
    standard = ("NHS digital service manual, inclusive content; VA.gov health content style "
                "guide (substance use, weight); NIDA/SAMHSA 'Words matter'; AMA Manual of "
                "Style.")
    cite = "NHS inclusive content; NIDA Words matter"
    pack = "language.yaml"
    options = {"terms": [], "include_disputed": False}
    bad = """# Living with arthritis

Many people suffering from arthritis become wheelchair-bound in later life.
"""
    good = """# Living with arthritis

Some people with arthritis use a wheelchair in later life. Avoid alcoholic drinks if you
take methotrexate.
"""

    def check(self, doc, ctx):
        o = ctx.options
        check_terms(doc, ctx, o.get("terms"), bool(o.get("include_disputed")),
                    "stigmatising or framing wording")
