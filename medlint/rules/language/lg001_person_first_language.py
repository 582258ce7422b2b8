from ...model import Severity
from ..base import Rule
from ._terms import check_terms


class PersonFirstLanguage(Rule):
    code = "LG001"
    name = "person-first-language"
    category = "language"
    severity = Severity.INFO
    summary = "People labelled by their condition ('diabetics', 'epileptics', 'the mentally ill')."
    what = """
    Style guides disagree on some words: person-first language ("people with diabetes") is
    the NHS and AMA style, while many autistic, Deaf and disabled people prefer
    identity-first language (the NHS itself prefers "disabled person"). Those words are
    never listed, and the rule only reports nouns that the NHS and AMA guides both name
    (severity info; `ignore: [LG001]` turns it off). Reports nouns that label people by a
    condition ("diabetics", "epileptics", "asthmatics", "the mentally ill", "a diabetic
    should ..."), once per term in each place (front matter, title, headings, body; see LG002), with
    the guide each entry comes from. Clinical uses of the adjective ("diabetic neuropathy", "diabetic foot", "diabetic retinopathy") are never
    matched; entries marked disputed ("diabetic patients") only with `include_disputed`.
    """
    why = """
    Calling people by their condition reduces them to it. Person-first wording is what
    many health services adopt for their own content.
    """
    standard = ("NHS digital service manual, inclusive content ('people with diabetes', not "
                "'diabetic person'); AMA Manual of Style (person-first language).")
    cite = "NHS inclusive content"
    pack = "language.yaml"
    options = {"terms": [], "include_disputed": False}
    bad = """# Foot care

Diabetics should check their feet every day.
"""
    good = """# Foot care

People with diabetes should check their feet every day to prevent diabetic foot ulcers.
"""

    def check(self, doc, ctx):
        o = ctx.options
        check_terms(doc, ctx, o.get("terms"), bool(o.get("include_disputed")),
                    "labels people by their condition")
