from collections import Counter

from ...model import Severity
from ..base import Rule
from ._norm import doubled, is_navigation, short


class RepeatedParagraph(Rule):
    code = "ST004"
    name = "repeated-paragraph"
    category = "structure"
    severity = Severity.WARNING
    summary = "A paragraph or list item repeated word for word elsewhere in the article."
    what = """
    A paragraph of at least `min_words` words (8), or a list item or table cell of at least
    `min_item_words` (15), whose text, ignoring case, spacing, markup and the final punctuation, already
    appeared earlier in the article. Short items repeated in two lists (a symptom that is
    also a red flag) are left alone, as are paragraphs made of links; in whole HTML pages
    the minimum is `min_page_words` (20), since templates repeat credits and footers. Reported
    at the repeat, naming the first. FAQ answers are left to the duplicate-FAQ rules.
    Also a paragraph of at least `min_words` words that starts in the middle of a sentence
    (in lower case) and is a piece of the paragraph or item right before it, word for word:
    a crawl or copy glitch. And a paragraph, item or cell that is one text written twice in
    a row ("... on Marketplace coverage.If your children are eligible ...").
    """
    why = """
    Generated articles often contain a second copy of themselves or of a section, and pasted
    boilerplate repeats; the article gets longer without saying more, and an edit made to
    one copy leaves the other stale.
    """
    standard = "PEMAT item 2 (no distracting information); Google helpful-content guidance on duplicated content."
    cite = "PEMAT 2"
    options = {"min_words": 8, "min_item_words": 15, "min_page_words": 20}
    bad = """# Knee twitching

Most twitches are harmless and stop on their own within a few days.

## Causes

Stress, tiredness and caffeine.

## Outlook

Most twitches are harmless and stop on their own within a few days.
"""
    good = """# Knee twitching

Most twitches are harmless and stop on their own within a few days.

## Causes

Stress, tiredness and caffeine.

## Outlook

See a doctor if the twitching lasts more than two weeks.
"""

    def check(self, doc, ctx):
        min_words = min_frag = int(ctx.options.get("min_words", 8))
        min_item = int(ctx.options.get("min_item_words", 15))
        if doc.format == "html":  # page templates repeat short labels, credits, footers
            min_words = min_item = max(min_words, int(ctx.options.get("min_page_words", 20)))
        # Blocks long enough to count, with how many of a few letters they hold: two blocks
        # with the same words (ignoring case, spacing and the final punctuation) hold the same
        # letters (no other character lower-cases to e, t or a), so only blocks that share
        # these counts can repeat each other, and counting letters is much cheaper than
        # splitting every paragraph into words.
        cands = []
        prev = None  # the last prose block before b
        fragments = []  # (paragraph, the block before it) for paragraphs starting in lower case
        twice = []  # blocks that may be one text written twice in a row
        for b in doc.flat:
            kind = b.kind
            if kind == "paragraph":
                need = min_words
                if b.text[:1].islower() and prev is not None:
                    fragments.append((b, prev))
                prev = b
            elif kind == "item" or kind == "cell":
                need = min_item
                prev = b
            else:
                if kind == "heading":
                    prev = None
                continue
            text = b.text
            if len(text) < 2 * need - 1 or ((gaps := text.count(" ") + 1) < need
                                             and gaps + text.count("\n") < need):
                continue  # too short to hold `need` words (line breaks counted if needed)
            letters = (text.count("e") + text.count("E"), text.count("t") + text.count("T"),
                       text.count("a") + text.count("A"))
            # a block written twice in a row holds each letter an even number of times, and
            # its opening stands again half-way through (at the middle, or one or two
            # characters on, for a space between the copies)
            if not (letters[0] & 1 or letters[1] & 1 or letters[2] & 1):
                h = len(text) >> 1
                head = text[:16]
                if text.startswith(head, h) or text.startswith(head, h + 1) or \
                        text.startswith(head, h + 2):
                    twice.append(b)
            cands.append((b, need, letters))
        shared = Counter(letters for _, _, letters in cands)
        seen: dict[str, list] = {}
        for b, need, letters in cands:
            if shared[letters] < 2:
                continue
            words = b.text.split()
            if len(words) >= need:  # verbatim: case and spacing ignored
                seen.setdefault(" ".join(words).lower().strip(" .!?;:"), []).append(b)
        # a broken-off piece of the block before it, pasted again as a paragraph of its own
        # (a crawl or copy glitch: "can be given at any time regardless of when ..." under
        # the paragraph that ends with it); it starts in the middle of a sentence
        for b, before in fragments:
            words = b.text.split()
            if len(words) >= min_frag and " ".join(words).lower() in \
                    " ".join(before.text.split()).lower():
                ctx.report(b.line, b.col, f"\"{short(b.text, 50)}\" repeats a piece of line "
                           f"{before.line} word for word, starting mid-sentence: a copy or "
                           "crawl leftover; remove it", end_line=b.end_line,
                           end_col=b.col + len(b.text.split("\n")[0]) if b.line == b.end_line
                           else 0)
        twice = [(b, first) for b in twice if (first := doubled(b.text))]
        repeated = [copies for copies in seen.values() if len(copies) > 1]
        pieces = _repeated_pieces(doc, max(min_words, 12))
        if not (twice or repeated or pieces):
            return
        faq = doc.faq_answer_ids  # built only when something repeats
        for b, first in pieces:
            if id(b) not in faq and not is_navigation(doc, b):
                ctx.report(b.line, b.col, f"\"{short(b.text, 50)}\" repeats sentences of line "
                           f"{first.line} word for word; remove the copy", end_line=b.end_line,
                           end_col=b.col + len(b.text.split("\n")[0]) if b.line == b.end_line
                           else 0)
        for b, first in twice:
            if id(b) not in faq:
                ctx.report(b.line, b.col, f"\"{short(first, 50)}\" is written twice in a row "
                           "in this block; keep one copy", end_line=b.end_line)
        for copies in repeated:
            # navigation (menus, card titles) is checked only for repeated text: it is costly
            copies = [b for b in copies if id(b) not in faq and not is_navigation(doc, b)]
            for b in copies[1:]:
                first = copies[0]
                ctx.report(b.line, b.col, f"\"{short(b.text, 50)}\" repeats line {first.line} "
                           "word for word; remove the copy", end_line=b.end_line,
                           end_col=b.col + len(b.text.split("\n")[0]) if b.line == b.end_line
                           else 0)


def _repeated_pieces(doc, need: int) -> list:
    """(paragraph, earlier paragraph) where a paragraph of at least ``need`` words is, word
    for word, whole sentences of a longer paragraph at least two blocks above it (an
    introduction's second half pasted again further down; right under it, a pull quote).
    Found through the first 30 characters of every sentence: most paragraphs open like
    nothing before them."""
    blocks = [b for b in doc.flat if b.kind == "paragraph"]
    if len(blocks) < 3:
        return []
    # the first 30 characters of every sentence (split at ". "), with the first paragraph
    # that has it: a dict lookup per candidate instead of a search of the text above it
    opens: dict[str, int] = {}
    for k, b in enumerate(blocks):
        for chunk in b.text.split(". "):
            if len(chunk) >= 30:
                opens.setdefault(chunk[:30], k)
    out = []
    for k in range(2, len(blocks)):
        b = blocks[k]
        t = b.text
        i = opens.get(t[:30])
        if i is None or i > k - 2 or not t[:1].isupper() or (
                t.count(" ") + t.count("\n") + 1 < need):
            continue  # the usual case: it opens like no sentence above it
        src = blocks[i]
        piece = " ".join(t.split()).rstrip(" .!?;:")
        whole = " ".join(src.text.split())
        off = whole.find(piece)
        if 0 <= off and len(piece) < len(whole.rstrip(" .!?;:")) and (
                off == 0 or whole[off - 2:off] in (". ", "! ", "? ")):
            out.append((b, src))
    return out
