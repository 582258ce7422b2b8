from ...model import Severity
from ..base import Rule
from ._prose import prose_sections


def _preset(o) -> tuple[str, dict]:
    name = str(o.get("preset") or "nih").lower()
    presets = o.get("presets") or {}
    p = presets.get(name)
    if not isinstance(p, dict):
        raise ValueError(f"reading-grade: unknown preset {name!r} (known: "
                         f"{', '.join(sorted(presets))})")
    return name, p


class ReadingGrade(Rule):
    code = "RD001"
    name = "reading-grade"
    category = "readability"
    severity = Severity.WARNING
    summary = "The reading grade (SMOG, with Flesch-Kincaid) is above the chosen target."
    what = """
    The SMOG grade (primary) of the article's prose is above the preset's `max_smog`
    (presets: `nih` grade 8, the default; `ama` grade 6; `nhs` SMOG 9); the Flesch-Kincaid
    grade is shown alongside. Prose is prepared the NHS way: paragraphs, list items and
    headings, each heading and item counted as a sentence; code, tables, reference and
    navigation sections, link-only list items and URLs are left out. Texts with fewer than
    `min_sentences` sentences are not scored. The message names the hardest sections; when
    the article as a whole is on target, sections with enough sentences that are above it
    are reported at their headings. A finding for the whole article is reported at line 1.
    Scores come from textstat with Pyphen syllables, offline
    and the same on every machine.
    """
    why = """
    Health information is read by people of every literacy level, often when unwell or
    worried. Text above the target grade is misunderstood or abandoned; SMOG is the formula
    that performs most consistently on health text.
    """
    standard = ("Readability targets: NIH (below 8th grade), AMA (6th grade or below), NHS "
                "readability guidance (SMOG; full stops after headings and bullets); McLaughlin "
                "1969 (SMOG); Wang et al. 2013 and Fitzsimmons et al. 2010 (SMOG preferred); "
                "PEMAT item 3; CDC Clear Communication Index item 7.")
    cite = "SMOG (McLaughlin 1969); NIH/AMA/NHS targets"
    pack = "readability.yaml"
    options = {"preset": "nih", "presets": {}, "min_sentences": 10,
               "min_section_sentences": 10, "skip_headings": []}
    bad = """# High blood pressure

Hypertension is a physiological condition characterised by persistently elevated arterial
pressure. Uncontrolled hypertension considerably increases cardiovascular morbidity.
Pharmacological management frequently necessitates combination antihypertensive therapy.
Regular monitoring facilitates appropriate therapeutic modification. Additional
interventions include dietary sodium restriction and increased physical activity.
Individuals experiencing symptomatic hypotension following medication initiation require
evaluation. Ambulatory monitoring provides comprehensive diurnal information. Secondary
hypertension necessitates investigation of underlying endocrinological abnormalities.
Medication adherence considerably influences cardiovascular outcomes. Lifestyle
modification remains fundamental irrespective of pharmacological intervention.
"""
    good = """# High blood pressure

High blood pressure is common. It often has no symptoms. You may not know you have it.
Get your blood pressure checked. A nurse or pharmacist can do it. It only takes a few
minutes. Eat less salt. Be more active. Cut down on alcohol. Your GP may give you tablets.
Take them every day. Tell your GP if they make you feel dizzy.
"""

    def check(self, doc, ctx):
        # lazy: textstat and pyphen load only when this rule runs
        from ._scores import scores_of, sentence_counts

        o = ctx.options
        name, p = _preset(o)
        max_smog = float(p.get("max_smog", 8))
        secs = prose_sections(doc, tuple(o.get("skip_headings") or ()))
        allsent = [s for sec in secs for s in sec.sentences]
        if len(allsent) < int(o.get("min_sentences") or 10):
            return
        # each sentence is prepared and counted once; the sections are consecutive runs of
        # allsent, so their scores add up slices of the same counts
        counts = sentence_counts([s.text for s in allsent])
        whole = scores_of(counts)
        if whole is None:
            return
        min_sec = int(o.get("min_section_sentences") or 10)
        sec_scores = []
        start = 0
        for sec in secs:
            end = start + len(sec.sentences)
            if sec.heading is not None and len(sec.sentences) >= min_sec:
                sc = scores_of(counts[start:end])
                if sc is not None:
                    sec_scores.append((sec, sc))
            start = end
        if whole.smog > max_smog:
            hard = sorted((x for x in sec_scores if x[1].smog > max_smog),
                          key=lambda x: -x[1].smog)[:3]
            where = ""
            if hard:
                where = "; hardest sections: " + ", ".join(
                    f"'{s.heading.text[:40]}' (line {s.heading.line}, SMOG {sc.smog})"
                    for s, sc in hard)
            # a finding about the whole article stands at its top, not at a paragraph that
            # may read well
            ctx.report(1, 1, f"reading grade SMOG {whole.smog} "
                       f"(Flesch-Kincaid {whole.fkgl}) over {whole.sentences} sentences is "
                       f"above the {name} target of {max_smog:g}{where}: use shorter "
                       "sentences and everyday words")
            return
        for sec, sc in sec_scores:
            if sc.smog > max_smog:
                h = sec.heading
                ctx.report(h.line, h.col, f"section '{h.text[:50]}' reads at SMOG {sc.smog} "
                           f"(Flesch-Kincaid {sc.fkgl}) over {sc.sentences} sentences, above "
                           f"the {name} target of {max_smog:g} (the article as a whole is "
                           f"{whole.smog})")
