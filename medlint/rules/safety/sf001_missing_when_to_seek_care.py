from ...model import Severity
from ..base import Rule
from ._util import any_match, compile_all, prose_blocks


def article_topic(doc, o) -> tuple[str, int] | None:
    """(title, line) when the article is about a symptom or condition, else None."""
    fm = doc.front_matter
    types = {str(t).lower() for t in o.get("topic_types") or []}
    if fm is not None and not fm.unreadable and types:
        for name in o.get("type_fields") or []:
            k = fm.top(name)
            if k is None:
                continue
            vals = k.value if isinstance(k.value, list) else [k.value]
            if any(isinstance(v, str) and v.strip().lower() in types for v in vals):
                return (doc.title or str(k.value), k.line)
    title, line = doc.title, 1
    if fm is not None and fm.top("title") is not None:
        line = fm.top("title").line
    if not title and doc.headings:
        title, line = doc.headings[0].text, doc.headings[0].line
    elif doc.headings and not (fm is not None and fm.top("title") is not None):
        line = doc.headings[0].line
    if title and any_match(compile_all(o.get("topic_title_patterns")), title) and \
            not any_match(compile_all(o.get("exclude_title_patterns")), title):
        return title, line
    return None


class MissingWhenToSeekCare(Rule):
    code = "SF001"
    name = "missing-when-to-seek-care"
    category = "safety"
    severity = Severity.WARNING
    summary = "A symptom or condition article never says when to get medical help."
    what = """
    An article about a symptom or condition (its title matches `topic_title_patterns`, such
    as "Why is my knee twitching?", "Symptoms of ...", "How to treat ...", a named
    condition such as anxiety, depression, UTI or gout, or a type field says
    condition/symptom) of at least `min_words` words with no guidance on getting medical
    help anywhere: no "When to see a doctor" heading and no sentence such as "See a GP if
    ...", "Call 999", "Seek medical attention", "Go to A&E", "talk to a therapist" or
    "I consulted my doctor". Encyclopaedia, news, policy, insurance and rating pages
    (`exclude_title_patterns`) are skipped.
    """
    why = """
    Readers use symptom pages to decide whether to get help. A page that explains causes
    and home treatment but never says when to see a professional can delay care for
    something serious.
    """
    standard = ("NHS digital service manual, care cards (when and where to get care); CDC "
                "Clear Communication Index item 14 (when and how to contact a medical "
                "provider); EQIP 'alert signs'; HONcode principle 2.")
    cite = "CDC CCI item 14; NHS care cards"
    pack = "safety.yaml"
    options = {"help_patterns": [], "help_heading_patterns": [], "topic_title_patterns": [],
               "exclude_title_patterns": [], "type_fields": [], "topic_types": [], "min_words": 50}
    _body = ("Knee twitching is a small, repeated movement of the muscles around the knee. "
             "It is common after exercise, when you are tired, or when you have had a lot of "
             "coffee. Most people notice it in the evening or when resting after a long walk. "
             "The muscles in the thigh contract on their own for a few seconds and then "
             "relax again. It usually stops by itself within a few days. ") * 3
    bad = f"""---
title: Why is my knee twitching?
---

{_body}

Rest, drink water and cut down on caffeine.
"""
    good = f"""---
title: Why is my knee twitching?
---

{_body}

Rest, drink water and cut down on caffeine.

## When to see a GP

See a GP if the twitching lasts more than 2 weeks or your leg feels weak.
"""

    def check(self, doc, ctx):
        o = ctx.options
        topic = article_topic(doc, o)
        if topic is None:
            return
        if doc.word_count < int(o.get("min_words") or 0):
            return
        helps = compile_all(o.get("help_patterns"))
        heads = compile_all(o.get("help_heading_patterns"))
        for b in prose_blocks(doc):
            if b.kind == "heading" and any_match(heads, b.text):
                return
            if any_match(helps, b.text):
                return
        title, line = topic
        ctx.report(line, 1, f"an article about a symptom or condition ({title[:60]!r}) with no "
                   "guidance on when to get medical help: add a 'When to see a doctor' "
                   "section saying who to contact and in which circumstances")
