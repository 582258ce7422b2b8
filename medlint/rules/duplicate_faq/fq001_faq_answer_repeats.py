from ...model import Severity
from ..base import Rule
from ..structure._norm import doubled
from ._similar import TfIdf, content_words, passage, shingles


def body_passages(doc):
    """Prose units outside the FAQ, in order: paragraphs, whole lists and whole tables."""
    faq_ids = doc.faq_answer_ids | {id(x) for e in doc.faq if e.question_block is not None
                                    for x in e.question_block.walk()}
    out = []
    skip_under = set()
    for b in doc.flat:
        if id(b) in faq_ids or id(b) in skip_under:
            continue
        if b.kind in ("list", "table"):
            inner = list(b.walk())  # the list or table first, then what it holds
            skip_under.update(map(id, inner))
            if not faq_ids.isdisjoint(map(id, inner)):
                continue
            text = "\n".join(x.text for x in inner[1:] if x.text.strip())
        elif b.kind == "paragraph" and b.text.strip():
            text = b.text
        else:
            continue
        out.append((b, text))
    return out


class FaqAnswerRepeats(Rule):
    code = "FQ001"
    name = "faq-answer-repeats"
    category = "duplicate-faq"
    severity = Severity.WARNING
    summary = "An FAQ answer repeats a passage of the article or another FAQ answer."
    what = """
    Finds the article's FAQ (a heading such as "FAQ", "Frequently Asked Questions", "Common
    questions" or "People also ask" with its questions as sub-headings, bold or numbered
    questions, `Q:`/`A:` lines, `<details><summary>`, a `faq:` list in the front matter, or
    FAQPage JSON-LD whose questions the page does not show) and reports, once per answer and
    at the answer:

    - an answer most of whose word sequences already stand in one passage above the FAQ
      (word-3-shingle containment of the answer in up to three consecutive paragraphs, lists or
      tables, at least `body_containment`, 0.6 by default; for an FAQ in the front matter or
      in JSON-LD, a passage anywhere in the body), or in two passages apart from each other
      (an answer pasted together from two sentences of the body);
    - otherwise an answer that says a passage above the FAQ again in other words: most of
      the passage's content words (stemmed; `reworded_passage`, 0.65) are in the answer, a
      good part of the answer's are in the passage (`reworded_answer`, 0.45), and at least
      `reworded_min_shared` (8) are shared — a list's items count as passages of their own,
      since generated FAQs restate one bullet of a "Highlights" list; or both shares are at
      least 0.4, their harmonic mean at least `reworded_balanced` (0.47) and at least
      `reworded_balanced_min_shared` (7) words are shared (an answer that restates a
      paragraph in its own words and adds a little);
    - otherwise an answer that says what an earlier answer says: the TF-IDF cosine of their
      content words is at least `answer_similarity` (0.6; words every answer shares, such as
      the topic, weigh little) and at least `answer_coverage` (0.7) of the later answer's
      TF-IDF weight lies in words of the earlier one, so an answer that adds its own point to
      the same list of causes is not reported.

    The message names the lines repeated and how much of the answer is repeated. An answer
    written twice in a row ("... urinary issues.BV can lead to ... urinary issues.") is
    compared by its first copy and reported as printed twice.
    """
    why = """
    Generated articles pad their FAQ with answers copied from the body or from each other.
    Readers who jump to the FAQ get no new information, the page reads as filler (Google's
    helpful-content guidance), and plain-language guidance advises against FAQs that repeat
    the content instead of answering real questions.
    """
    standard = ("Plain language guidelines (\"Avoid FAQs\"); PEMAT item 2 (no distracting "
                "content); Google FAQPage guidelines; containment after Broder 1997.")
    cite = "PEMAT 2; plainlanguage.gov"
    pack = "duplicate-faq.yaml"
    options = {"body_containment": 0.6, "answer_similarity": 0.6, "answer_coverage": 0.7,
               "min_words": 8, "max_window": 3, "reworded_passage": 0.65,
               "reworded_answer": 0.45, "reworded_min_shared": 8, "reworded_balanced": 0.47,
               "reworded_balanced_min_shared": 7}
    bad = """# Knee twitching

## Stress

Stress can also cause twitching in the knee. Stress can cause the muscles to tense up,
resulting in twitching and pain.

## FAQ

### Can stress cause knee twitching?

Yes, stress can cause twitching in the knee. Stress can cause the muscles to tense up,
resulting in twitching and pain.
"""
    good = """# Knee twitching

## Stress

Stress can also cause twitching in the knee. Stress can cause the muscles to tense up,
resulting in twitching and pain.

## FAQ

### How long does stress-related twitching last?

It usually settles within a few days once the stress eases. See a doctor if it lasts
longer than two weeks or comes with weakness.
"""

    def check(self, doc, ctx):
        entries = [e for e in doc.faq if e.has_answer]
        if not entries:
            return
        opts = ctx.options
        min_words = int(opts.get("min_words", 8))
        t_body = float(opts.get("body_containment", 0.6))
        t_ans = float(opts.get("answer_similarity", 0.6))
        t_cov = float(opts.get("answer_coverage", 0.7))
        window = max(1, int(opts.get("max_window", 3)))
        # reworded repeats: (share of the passage's words in the answer, share of the
        # answer's words in the passage, fewest shared words; 0 turns the check off)
        reword = (float(opts.get("reworded_passage", 0.65)),
                  float(opts.get("reworded_answer", 0.45)),
                  int(opts.get("reworded_min_shared", 8)),
                  float(opts.get("reworded_balanced", 0.47)),
                  int(opts.get("reworded_balanced_min_shared", 7)))
        passages = body_passages(doc)
        views = [passage(t) for _, t in passages]
        # an answer written twice in a row is compared by its first copy, and said to be
        twice = [doubled(e.answer) for e in entries]
        a_tok = [passage(t or e.answer).tokens for t, e in zip(twice, entries, strict=True)]
        a_cw = [content_words("", t) for t in a_tok]
        tfidf = None  # built when two answers are first compared
        above: dict[int, list[int]] = {}  # body limit -> the passages that end before it
        for i, e in enumerate(entries):
            if len(a_tok[i]) < min_words:
                continue

            def report(msg, e=e, i=i):
                if twice[i]:
                    msg = msg.replace("; ", ", and it is printed twice in a row; ", 1)
                ctx.report(e.answer_line, e.answer_col, msg, end_line=e.answer_end_line)

            sh = shingles(a_tok[i])
            limit = e.body_limit
            if limit not in above:
                above[limit] = [k for k, (b, _) in enumerate(passages) if b.end_line < limit]
            usable = above[limit]
            repeated = [sh & views[k].shingles for k in usable]  # what each passage repeats
            cands = []
            step = max(2, len(sh) // 8)  # a passage block must add 1/8 of the answer
            for n, k in enumerate(usable):
                if len(repeated[n]) < step:
                    continue  # no window starts here: its first passage adds too little
                acc: set = set()
                for w in range(window):
                    if n + w >= len(usable):
                        break
                    new = repeated[n + w] - acc
                    if len(new) < step:
                        break
                    acc |= new
                    last = usable[n + w]
                    span = passages[last][0].end_line - passages[k][0].line
                    cands.append((len(acc) / len(sh), k, last, span))
            top = max((c[0] for c in cands), default=0.0)
            if top < t_body and cands:
                # an answer stitched from two passages apart ("line 62 ... line 54"): the
                # best passage and the one that adds most to it
                best1 = max(cands, key=lambda c: c[0])
                got = sh & views[usable[best1[1]]].shingles if best1[1] == best1[2] else None
                if got is not None:
                    extra = max(((len(s - got), k) for k, s in zip(usable, repeated, strict=True)
                                 if k != best1[1]), default=(0, -1))
                    if extra[0] >= step and (len(got) + extra[0]) / len(sh) >= t_body:
                        a, b = sorted((passages[best1[1]][0], passages[extra[1]][0]),
                                      key=lambda x: x.line)
                        report(
                            f"{round((len(got) + extra[0]) / len(sh) * 100)}% of this "
                            f"FAQ answer repeats {_lines(a.line, a.end_line)} and "
                            f"{_lines(b.line, b.end_line)} of the article, pasted "
                            "together; answer the question or drop it")
                        continue
            if top >= t_body:
                # the tightest passage that explains nearly as much as the best one
                best = min((c for c in cands if c[0] >= max(t_body, top - 0.1)),
                           key=lambda c: (c[3], -c[0]))
                first, last = passages[best[1]][0], passages[best[2]][0]
                report(
                    f"{round(best[0] * 100)}% of this FAQ answer repeats "
                    f"{_lines(first.line, last.end_line)} of the article; answer the question "
                    "or drop it")
                continue
            reworded = _reworded(a_cw[i], _reword_units(passages, views, usable),
                                 reword) if reword[2] or reword[3] else None

            def say_reworded(reworded=reworded):
                b, share, _strict = reworded
                report(
                    f"this FAQ answer says again, reworded, what {_lines(b.line, b.end_line)}"
                    f" of the article says ({round(share * 100)}% of that passage's words "
                    "are in it); answer the question or drop it")

            if reworded is not None and reworded[2]:  # the strict test: before other answers
                say_reworded()
                continue
            cand = None
            for j in range(i):
                if len(a_cw[j]) < 3 or len(a_cw[i]) < 3:
                    continue
                if tfidf is None:  # the body's passages weigh words down, like the answers
                    tfidf = TfIdf(a_cw, [v.tokens for v in views])
                c = tfidf.cosine(i, j)
                if c >= t_ans and tfidf.coverage(i, j) >= t_cov and (cand is None or c > cand[0]):
                    cand = (c, j)
            if cand is not None:
                c, j = cand
                mine = set(a_cw[i])
                shared = len(mine & set(a_cw[j])) / max(1, len(mine))
                o = entries[j]
                report(
                    f"this FAQ answer repeats the answer at line {o.answer_line} "
                    f"(\"{_short(o.question)}\"): {round(shared * 100)}% of its words are "
                    f"there (similarity {c:.2f}); merge the questions or answer this one "
                    "differently")
                continue
            if reworded is not None:  # a balanced rewording: after a repeated answer
                say_reworded()
                continue
            if twice[i]:
                ctx.report(e.answer_line, e.answer_col, "this FAQ answer is printed twice in a "
                           "row; keep one copy", end_line=e.answer_end_line)


def _reword_units(passages, views, usable) -> list:
    """(block, Passage) of the passages above the FAQ, and of each item of their lists: a
    reworded answer often restates one bullet of a "Highlights" list."""
    out = []
    for k in usable:
        b = passages[k][0]
        out.append((b, views[k]))
        if b.kind == "list":
            out.extend((x, passage(x.text)) for x in b.walk() if x.kind == "item" and x.text)
    return out


def _reworded(answer: list[str], passages: list, limits: tuple):
    """(passage block, share of its content words in the answer, whether it passes the
    strict test) of the passage above the FAQ that the answer says again in other words, or
    None. Both ways: most of the passage's
    content words (stemmed) are in the answer, and a good part of the answer's are in the
    passage, with at least ``min_shared`` shared. Word sequences would miss a reworded copy
    ("Baby neck rash is a common condition that manifests as red, irritated skin ..." / "A
    baby neck rash is a common condition characterized by red, irritated skin ...")."""
    t_passage, t_answer, min_shared, balanced, min_balanced = limits
    mine = set(answer)
    low = min(min_shared or 10 ** 6, min_balanced if balanced else 10 ** 6)  # fewest shared
    if len(mine) < low:
        return None
    best = None
    for block, view in passages:
        theirs = view.content_words
        shared = len(mine & theirs)
        if shared < low:
            continue
        p, a = shared / len(theirs), shared / len(mine)
        strict = bool(min_shared) and p >= t_passage and a >= t_answer and shared >= min_shared
        if not strict and not (balanced and shared >= min_balanced and min(p, a) >= 0.4
                               and 2 * p * a / (p + a) >= balanced):
            continue
        if best is None or (strict, p) > (best[2], best[1]):
            best = (block, p, strict)
    return best


def _short(q: str, n: int = 60) -> str:
    return q if len(q) <= n else q[: n - 1] + "…"


def _lines(a: int, b: int) -> str:
    return f"line {a}" if a == b else f"lines {a}–{b}"
