import re

from ...model import Severity
from ..base import Rule
from ._util import any_match, compile_all, lead_in


class ChildDoseWithoutGuidance(Rule):
    code = "SF004"
    name = "child-dose-without-guidance"
    category = "safety"
    severity = Severity.WARNING
    summary = "A dose for children with no 'follow the label / ask a pharmacist' guidance."
    what = """
    A sentence, list item or table cell that gives a dose (a number with mg, ml, teaspoons,
    tablets, drops, ...) for a child (child, baby, infant, toddler, "aged 2 to 5", "under 12
    years", in the sentence, its list's lead-in or its section heading) of a medicine (named
    in the sentence or its lead-in; amounts of milk, formula, water or food do not count),
    in a section (or document, with `scope: document`) that never tells readers to follow
    the label or leaflet, use the dosing device, or ask a pharmacist or doctor. Reported
    once per section.
    """
    why = """
    Children's doses depend on age and weight, and on the strength of the product in hand.
    A dose copied from a web page onto a different product is a common cause of accidental
    overdose in children.
    """
    standard = ("FDA and MedlinePlus advice on giving medicines to children (follow the label, "
                "use the dosing device, ask a pharmacist); NHS medicines pages (check the "
                "leaflet); PEMAT item 6 (clear numbers).")
    cite = "FDA/MedlinePlus children's medicines"
    pack = "safety.yaml"
    options = {"dose_pattern": "", "child_pattern": "", "medicine_pattern": "",
               "not_medicine_pattern": "", "guidance_patterns": [], "scope": "section"}
    bad = """# Fever in children

## Paracetamol

Give children aged 2 to 4 years 7.5ml of paracetamol syrup every 6 hours.
"""
    good = """# Fever in children

## Paracetamol

Give children aged 2 to 4 years 7.5ml of paracetamol syrup every 6 hours. Always check the
label for the right dose for your child's age, and ask a pharmacist if you are not sure.
"""

    def check(self, doc, ctx):
        o = ctx.options
        dose = compile_all([o.get("dose_pattern")], 0)
        child = compile_all([o.get("child_pattern")])
        med = compile_all([o.get("medicine_pattern")])
        guide = compile_all(o.get("guidance_patterns"))
        food = compile_all([o.get("not_medicine_pattern")])
        if not (dose and child and med):
            return
        whole_doc = str(o.get("scope") or "section") == "document"
        doc_guided = None
        reported = set()
        by_block: dict[int, list] = {}  # sentences per block, in order (one pass, not one per block)
        for s in doc.sentences:
            by_block.setdefault(id(s.block), []).append(s)
        for sec in doc.sections:
            head = sec.heading.text if sec.heading is not None else ""
            sec_text = "\n".join([head] + [b.text for b in sec.blocks if b.text])
            for b in sec.blocks:
                if b.kind not in ("paragraph", "item", "cell") or not b.text:
                    continue
                for s in by_block.get(id(b), ()):
                    m = dose[0].search(s.text)
                    if not m:
                        continue
                    li = lead_in(doc, b)
                    ctx_text = " ".join([s.text, head, li.text if li is not None else ""])
                    if not any_match(child, ctx_text):
                        continue
                    if re.search(r"\badults?\b", s.text, re.I) and not any_match(child, s.text):
                        continue  # an adult dose under a children's heading
                    own = s.text + " " + (li.text if li is not None else "")
                    if not any_match(med, own):
                        continue
                    if food and any_match(food, s.text) and not any_match(med, s.text):
                        continue
                    if whole_doc:
                        if doc_guided is None:
                            doc_guided = any(any_match(guide, x.text) for x in doc.flat
                                             if x.text)
                        if doc_guided:
                            return
                    elif any_match(guide, sec_text):
                        break
                    if id(sec) in reported:
                        break
                    reported.add(id(sec))
                    a = b.pos_of(s.start + m.start())
                    e = b.pos_of(s.start + m.end())
                    ctx.report(a.line, a.col, f"a dose for children ('{m.group(0).strip()}') "
                               "with no 'check the label / ask a pharmacist or doctor' "
                               "guidance in this section: doses depend on age, weight and "
                               "the product's strength", end_line=e.line, end_col=e.col)
                    break
                if id(sec) in reported:
                    break
