"""unsupported-claim: negation, hedging, citations, kinds of claims, the seeds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medlint.config import from_mapping

from .conftest import SEEDS, codes, lint


def uc(text, fmt="markdown"):
    return [f for f in lint(text, select=["UC"], fmt=fmt) if f.code != "UC006"]


@pytest.mark.parametrize("text", [
    "Turmeric cures arthritis.",
    "Apple cider vinegar reduces blood sugar.",
    "This tea can cure anxiety in days.",
    "Garlic is proven to lower blood pressure.",
    # testimonials and detox verbs
    "Going keto also boosted my fertility.",
    "Keto solved my digestive issues.",
    "Cutting carbs curbed my cravings.",
    "Water flushes toxins from the kidneys.",
])
def test_efficacy_claims_are_reported(text):
    assert "UC001" in codes(uc(f"# T\n\n{text}\n"))


@pytest.mark.parametrize("text", [
    "There is no cure for arthritis.",  # negated
    "Turmeric does not cure arthritis.",
    "Rest may help with knee pain.",  # hedged
    "Ibuprofen can help reduce pain and swelling.",
    "Take paracetamol to relieve the pain.",  # purpose clause in advice
    "Antibiotics are used to treat bacterial infections.",  # describes what it is for
    "Your doctor will treat the infection.",  # a plan, not a claim
    "Is there a cure for twitching?",  # a question
    "Lower back pain is common.",  # adjective
    "Most cuts heal on their own.",
    "I reduced my salt intake.",  # the writer acts, no remedy is claimed
    "My pain was reduced by rest.",
    "Birth control pills are used to control periods.",
])
def test_ordinary_statements_are_not_efficacy_claims(text):
    assert "UC001" not in codes(uc(f"# T\n\n{text}\n"))


@pytest.mark.parametrize("text", [
    "Turmeric cures arthritis [1].",
    "Turmeric cures arthritis (Smith et al., 2020).",
    "According to the Arthritis Foundation, turmeric reduces inflammation.",
    "Turmeric cures arthritis ([study](https://pubmed.ncbi.nlm.nih.gov/1/)).",
    "Turmeric cures arthritis.[^1]\n\n[^1]: A trial.",
])
def test_cited_claims_are_not_reported(text):
    assert not uc(f"# T\n\n{text}\n")


def test_a_references_section_supports_claims_in_the_article():
    text = "# T\n\nTurmeric reduces joint pain.\n\n## References\n\n- A trial, 2020.\n"
    assert "UC001" not in codes(uc(text))


def test_a_cure_claim_needs_its_source_in_its_paragraph():
    refs = "\n\n## References\n\n- A trial, 2020.\n"
    found = uc("# T\n\nTurmeric cures arthritis." + refs)
    assert codes(found).count("UC001") == 1
    assert "in the sentence or its paragraph" in next(f for f in found if f.code == "UC001").message
    cited = "# T\n\nTurmeric cures arthritis ([a trial](https://pubmed.ncbi.nlm.nih.gov/1/))." + refs
    assert "UC001" not in codes(uc(cited))
    # the old behaviour, by configuration
    cfg = from_mapping({"rules": {"uncited-efficacy-claim": {"strong_scope": "article"}}})
    assert "UC001" not in codes(lint("# T\n\nTurmeric cures arthritis." + refs, select=["UC001"],
                                     config=cfg))


def test_absolute_claims_and_their_negations():
    assert "UC002" in codes(uc("# T\n\nThis cream is 100% safe and has no side effects.\n"))
    assert "UC002" not in codes(uc("# T\n\nNo contraception is 100% effective.\n"))
    assert "UC002" not in codes(uc("# T\n\nThere is no miracle cure for acne.\n"))
    assert "UC002" not in codes(uc("# T\n\nIt is not completely safe for everyone.\n"))


def test_vague_authority():
    assert "UC003" in codes(uc("# T\n\nStudies show that magnesium stops cramps.\n"))
    assert "UC003" in codes(uc("# T\n\nMost doctors will recommend rest.\n"))
    assert "UC003" not in codes(uc("# T\n\nNo studies have shown that it works.\n"))
    assert "UC003" not in codes(uc(
        "# T\n\nStudies show it works ([Cochrane review](https://www.cochrane.org/x)).\n"))


def test_statistics_but_not_doses_or_dates():
    assert "UC004" in codes(uc("# T\n\nAbout 1 in 8 women will get breast cancer.\n"))
    assert "UC004" in codes(uc("# T\n\nSmokers are 3 times more likely to have a stroke.\n"))
    assert "UC004" in codes(uc("# T\n\nIt affects 30% of adults.\n"))
    for text in ("Take 200 mg every 4 hours.", "Use a hand gel with 60% alcohol.",
                 "Choose 1% milk for children over 2.", "It was updated in 2019 in 2 places.",
                 "Limit added sugar to 10% of daily calories for adults.",
                 # broken markup shown as text: an attribute, not a statistic
                 'CHILDREN<0" width="88%" style="border-collapse: collapse"> of adults'):
        assert "UC004" not in codes(uc(f"# T\n\n{text}\n")), text


def test_alarming_links():
    assert "UC005" in codes(uc("# T\n\nTwitching is an early sign of ALS.\n"))
    assert "UC005" in codes(uc("# T\n\nDehydration can lead to death.\n"))
    assert "UC005" not in codes(uc("# T\n\nTwitching may be a sign of ALS in rare cases.\n"))
    assert "UC005" not in codes(uc("# T\n\nTwitching is not a sign of cancer.\n"))
    # an adverb inside the link (phrase_gaps) keeps it a link; a hedge there softens it
    assert "UC005" in codes(uc("# T\n\nIron deficiency anaemia is often the first sign of "
                               "colon cancer.\n"))
    assert "UC005" not in codes(uc("# T\n\nTwitching is sometimes a sign of ALS.\n"))
    assert "UC005" in codes(uc("# T\n\nTinnitus is an early warning sign of a brain tumour.\n"))
    # a disease said to be the hidden cause of others is a claim, not a mechanism
    assert "UC005" in codes(uc("# T\n\nChronic Lyme disease is the hidden cause behind most "
                               "cases of multiple sclerosis.\n"))
    assert "UC005" not in codes(uc("# T\n\nSepsis leads to organ failure.\n"))
    assert "UC005" in codes(uc("# T\n\nHand, foot and mouth disease often causes brain damage "
                               "in young children.\n"))
    assert "UC005" not in codes(uc("# T\n\nIf left untreated, sepsis can lead to death.\n"))


def test_no_sources_is_one_document_level_finding():
    text = ("# T\n\nStress can cause twitching. Nerve damage can cause twitching.\n\n"
            "Magnesium reduces cramps. Garlic cures colds.\n")
    found = [f for f in lint(text, select=["UC006"])]
    assert len(found) == 1
    assert not lint(text + "\nSee [NHS](https://www.nhs.uk/).\n", select=["UC006"])


def test_shop_links_are_no_sources():
    """AI-generated posts link a T-shirt shop from their prose: that is no source."""
    text = ("# T\n\nStress can cause twitching. Nerve damage can cause twitching.\n\n"
            "Magnesium reduces cramps. [Garlic cures colds](https://store.fi.io.vn/i-like-my-dog).\n")
    (f,) = lint(text, select=["UC006"])
    assert f.code == "UC006"
    aff = text.replace("https://store.fi.io.vn/i-like-my-dog", "https://www.amazon.com/dp/B01?tag=x-20")
    assert codes(lint(aff, select=["UC006"])) == ["UC006"]
    # a real source next to the shop link still counts
    assert not lint(text + "\nSee [NHS](https://www.nhs.uk/).\n", select=["UC006"])
    # a government 'collections' page is not a shop
    gov = text.replace("https://store.fi.io.vn/i-like-my-dog",
                       "https://www.gov.uk/government/collections/immunisation")
    assert not lint(gov, select=["UC006"])


def test_seed_expectations():
    md = lint((SEEDS / "left-knee-twitching.md").read_text(encoding="utf-8"), select=["UC"])
    assert "UC006" in codes(md)
    assert any(f.line <= 46 <= f.end_line + 1 for f in md if f.code == "UC005")
    assert not any(f.line in (85, 94) for f in md)  # hedged / negated FAQ answers
    txt = lint((SEEDS / "what-causes-knee-twitching.txt").read_text(encoding="utf-8"),
               select=["UC"], fmt="text")
    assert {"UC006", "UC005", "UC003"} <= set(codes(txt))
    assert any(f.code == "UC005" and f.line == 54 for f in txt)
    assert any(f.code == "UC003" and f.line == 63 for f in txt)
    assert not any(f.line == 56 for f in txt)  # "there is no cure for ALS"


def test_comparison_with_every_medicine_is_an_absolute_claim():
    text = "# Colds\n\nMilk feeds help fight the virus faster than any medication can.\n"
    assert "UC002" in codes(uc(text))


def test_testimonial_and_detox_claims_count_for_no_sources():
    text = ("# My keto journey\n\nGoing keto solved my digestive issues. Keto boosted my "
            "fertility. Water helps flush toxins from the kidneys.\n")
    assert "UC006" in codes(lint(text, select=["UC006"]))


def test_a_list_lead_in_with_a_source_covers_its_items():
    lead = "[WHO](https://www.who.int/herpes) indicates that herpes is highly prevalent:"
    items = ("\n\n- **HSV-1**: Around 67% of the global population under 50 has HSV-1.\n"
             "- **HSV-2**: Approximately 11% of people aged 15-49 are infected.\n")
    assert "UC004" not in codes(uc("# Herpes\n\n" + lead + items))
    # no source in the lead-in, or a paragraph that does not introduce the list
    assert "UC004" in codes(uc("# Herpes\n\nHerpes is highly prevalent:" + items))
    assert "UC004" in codes(uc("# Herpes\n\n" + lead.rstrip(":") + "." + items))


def test_cure_claims_about_common_conditions_and_injuries():
    text = ("# Back pain\n\nChiropractic adjustment cures sciatica permanently.\n\n"
            "Arnica gel heals sprained ankles twice as fast as ice.\n")
    assert [f.line for f in lint(text, select=["UC001"])] == [3, 5]


def test_specialty_authority_doubled_risk_and_side_effect_comparisons():
    text = ("# Sleep\n\nInsomnia doubles your risk of heart attack and stroke.\n\n"
            "Dermatologists agree that natural remedies are just as good as prescription creams.\n"
            "\nTurmeric works as well as ibuprofen without any of the side effects.\n")
    got = [(f.line, f.code) for f in lint(text, select=["UC002", "UC003", "UC004"])]
    assert got == [(3, "UC004"), (5, "UC003"), (7, "UC002")]


@pytest.mark.parametrize("text", [
    # remedy verbs beyond cure/treat/prevent
    "Drinking lemon water every day dissolves kidney stones naturally.",
    "Eating local honey every day desensitises you to pollen and works as a natural vaccine "
    "against hay fever.",
    # specific claims (a timeframe or amount): "can" does not soften them
    "D-mannose, a sugar sold as a powder, clears a bladder infection in 24 hours.",
    "Zinc lozenges stop a cold sore outbreak in its tracks.",
    "Celery seed extract can flush uric acid out of your joints within days.",
    # asserted as established fact
    "Ginger tea has been shown to dissolve uric acid crystals.",
    "Probiotics are known to shorten a bout of food poisoning by two days.",
])
def test_efficacy_claims_without_the_stock_verbs(text):
    assert "UC001" in codes(uc(f"# T\n\n{text}\n"))


@pytest.mark.parametrize("text", [
    "Lemon water does not dissolve kidney stones.",
    "There is no evidence that honey desensitises you to pollen.",
    "Lemon water may help dissolve small kidney stones in some people.",
    "Lemon water dissolves kidney stones ([NHS](https://www.nhs.uk/conditions/kidney-stones/)).",
    "The tablets dissolve in water within minutes.",
    "Stop taking ibuprofen if your stomach hurts within a few days.",
    "Most cold sores clear up on their own within 10 days.",
    "Your GP can clear the blockage in a few minutes.",
    "Fever is a natural response to infection.",
    "Smoking is known to be a risk factor for asthma.",
    "This stops your airways getting a shock of cold air, which can trigger asthma symptoms.",
])
def test_remedy_verbs_and_specific_claims_traps(text):
    assert "UC001" not in codes(uc(f"# T\n\n{text}\n"))


def test_a_specific_claim_needs_its_source_in_its_paragraph():
    refs = "\n\n## Sources\n\n- A trial, 2020.\n"
    for text in ("Apple cider vinegar has been shown to dissolve uric acid crystals.",
                 "D-mannose clears a bladder infection in 24 hours."):
        found = uc(f"# T\n\n{text}{refs}")
        assert "UC001" in codes(found), text
        assert "specific efficacy claim" in next(f for f in found if f.code == "UC001").message
    # an ordinary efficacy claim is supported by the sources section
    assert "UC001" not in codes(uc(f"# T\n\nLemon water dissolves kidney stones.{refs}"))


def test_absolute_claims_proven_remedy_and_every_child():
    for text in ("Butterbur is a proven remedy for hay fever.",
                 "Prune juice works for every child."):
        assert "UC002" in codes(uc(f"# T\n\n{text}\n")), text
    for text in ("Butterbur is not a proven remedy for hay fever.",
                 "No remedy works for every child."):
        assert "UC002" not in codes(uc(f"# T\n\n{text}\n")), text


@pytest.mark.parametrize("text,found", [
    ("Half of all women will have at least one UTI during their lifetime.", True),
    ("One in three adults will develop shingles.", True),
    ("Nine out of ten people with hay fever react to grass pollen.", True),
    ("A third of adults have high blood pressure.", True),
    ("Two-thirds of people with asthma also have hay fever.", True),
    ("Give half of the dose to children under 12.", False),
    ("Add a third of a cup of water for adults.", False),
    ("Take two tablets three times a day for five days.", False),
    ("Two of the children in the class had measles.", False),
    ("Half of all women get a UTI ([NHS](https://www.nhs.uk/conditions/utis/)).", False),
])
def test_statistics_in_words(text, found):
    assert ("UC004" in codes(uc(f"# T\n\n{text}\n"))) is found


@pytest.mark.parametrize("text,found", [
    ("Apple cider vinegar has been shown to lower blood sugar.", True),
    ("Fan therapy has been shown to relieve breathlessness.", True),
    ("There's also evidence that suggests people in cities are more allergic to pollen.", True),
    ("You can lower your risk with these habits, which many urologists recommend:", True),
    ("Gastroenterologists agree that fibre matters.", True),
    ("Experts suggest waiting until your baby is 1.", True),
    ("There is little evidence that suggests honey helps hay fever.", False),
    ("There is no evidence that honey helps hay fever.", False),
    ("The urologist recommends drinking more water.", False),
    ("These urologists recommend surgery.", False),
    ("Many urologists recommend it ([BAUS](https://www.baus.org.uk/)).", False),
])
def test_vague_authority_passive_evidence_and_any_specialty(text, found):
    assert ("UC003" in codes(uc(f"# T\n\n{text}\n"))) is found


def test_alzheimers_and_other_clitic_phrases_match():
    """"Alzheimer's" is tokenised as "alzheimer" "'s": a list entry written as one word
    must still match it."""
    assert "UC001" in codes(uc("# T\n\nCoconut oil cures Alzheimer's.\n"))
    assert "UC005" in codes(uc("# T\n\nForgetting names is an early sign of Alzheimer's.\n"))


def test_no_sources_counts_list_item_fragments():
    """A fact-sheet of bold labels and fragments makes claims like sentences do."""
    text = ("# Constipation\n\n## Causes\n\n- **Red meat**: Can slow digestion\n"
            "- **Alcohol**: Can cause dehydration\n- **Stress**: Can affect bowel function\n\n"
            "## Remedies\n\n- **Prunes**: Natural laxative effect\n"
            "- **Use honey**: Can help with cough\n- **Fibre**: prevents constipation\n")
    assert codes(lint(text, select=["UC006"])) == ["UC006"]
    assert codes(lint(text.replace("- **", "- ").replace("**:", " -"), select=["UC006"])) == [
        "UC006"]
    assert not lint(text + "\nSee [NHS](https://www.nhs.uk/conditions/constipation/).\n",
                    select=["UC006"])
    # lists of foods and instructions are no claims
    plain = ("# Fibre\n\n- **Fruits**: Apples, pears, berries\n- **Drink water**: 8 glasses a day\n"
             "- **Exercise**: Walking or swimming\n- **Sleep**: Go to bed on time\n")
    assert not lint(plain, select=["UC006"])


def test_citation_needed_tags_and_not_links_named_cite():
    text = ("# Rhinitis\n\nSpicy food can greatly aggravate the condition.[citation needed] "
            "Rest helps.[Better source needed]\n\nSee [cite](https://example.org/cite) and "
            "the [citation](https://doi.org/10.1/x).\n")
    found = [f for f in lint(text, select=["UC007"])]
    assert [(f.line, f.message.split("'")[1]) for f in found] == [
        (3, "[citation needed]"), (3, "[Better source needed]")]
    assert '"Spicy food can greatly aggravate the condition."' in found[0].message

# texts made of pieces of the pattern, in any case, and letters that match others without case
_STAT_TEXT = st.lists(st.sampled_from(
    list("0123456789 twiceTWICEdoublehalfthirdquarterfifth inoutof twothreeninetenıİſK\n.%")
    + ["twice", "Half", " in ", " out of ", "two", "Nine", "ten", "THIRD", "ſix", "twıce"]),
    max_size=20).map("".join)


@settings(max_examples=500, deadline=None)
@given(_STAT_TEXT)
def test_may_hold_statistic_is_the_quick_pattern(text):
    """The ASCII path of the first statistic test answers as the case-blind pattern does."""
    from medlint.rules.unsupported_claim import uc004_uncited_statistic as uc4

    assert uc4.may_hold_statistic(text) == bool(uc4._QUICK.search(text))


@pytest.mark.parametrize("text", [
    "About 1 in 7 adults.", "Twice as likely.", "DOUBLED the risk", "one in ten people",
    "One Out Of Nine", "nine in tenths", "twıce as likely", "a thırd of adults", "none",
    "ſix in ſeven", "in ten days", " in  ten"])
def test_may_hold_statistic_examples(text):
    from medlint.rules.unsupported_claim import uc004_uncited_statistic as uc4

    assert uc4.may_hold_statistic(text) == bool(uc4._QUICK.search(text))


def _claim_lines_testing_every_sentence(an, shared):
    """UC006's claim lines as found before its candidates came from the word index and
    UC004's statistics: every sentence tested against each prefilter and pattern."""
    from medlint.nlp import word_set
    from medlint.rules.unsupported_claim import uc004_uncited_statistic as uc4

    (efficacy, eff_pre, targets, tgt_pre, cause, cause_pre, authority, auth_pre, outcome,
     not_after, fraction, effect, remedy, remedy_pre, appeals, uc3) = shared
    lines = []
    for i, s in enumerate(an.sentences):
        t, w = s.text, word_set(s.text)
        stat = uc4._QUICK.search(t) and (uc4._STAT.search(t) or fraction.search(t))
        if not (eff_pre.hit(w) or cause_pre.hit(w) or auth_pre.hit(w) or stat
                or remedy_pre.hit(w) or appeals[2].hit(w)):
            continue
        if stat and uc4._statistics(t, outcome, not_after, fraction):
            lines.append(s.line)
            continue
        if not (tgt_pre.hit(w) or auth_pre.hit(w) or remedy_pre.hit(w) or appeals[2].hit(w)):
            continue
        inf = an.info(i)
        tg = targets.find(inf.tokens)
        claim = any(not inf.negated(a, b) for a, b, _ in remedy.find(inf.tokens)) or any(
            not inf.negated(a, b) for a, b in uc3.profession_appeals(inf, *appeals[:2]))
        for idx in (efficacy, cause, effect):
            for a, b, _p in idx.find(inf.tokens):
                if not inf.negated(a, b) and any(b <= ta <= b + 8 for ta, _tb, _ in tg):
                    claim = True
        if not claim and any(not inf.negated(a, b) for a, b, _ in authority.find(inf.tokens)):
            claim = True
        if claim:
            lines.append(s.line)
    return lines


def test_no_sources_candidates_miss_no_claim():
    """Completeness: UC006 reads only the sentences the word index and UC004's statistics
    name, and finds the claim lines that testing every sentence finds."""
    import types

    from medlint.nlp import analyse
    from medlint.rules.unsupported_claim import uc006_no_sources as uc6

    from .conftest import doc_of

    texts = [(p.read_text(encoding="utf-8"), "text" if p.suffix == ".txt" else "markdown")
             for p in sorted(SEEDS.iterdir()) if p.suffix in (".md", ".txt")]
    texts.append(("# Knee\n\nStress can cause twitching. 1 in 7 adults get it; 30% of women "
                  "do. Twice as many men smoke. A third of adults snore.\n\n- **Prunes**: "
                  "Natural laxative\n- Many urologists recommend it. Studies show it works. "
                  "No studies show that.\n", "markdown"))
    shared = uc6._claim_indexes()
    for text, fmt in texts:
        an = analyse(doc_of(text, fmt))
        ctx = types.SimpleNamespace(shared={"UC006-claim-indexes": shared})
        want = _claim_lines_testing_every_sentence(an, shared)
        assert want and uc6._claim_lines(an.doc, ctx, an) == want


def test_appeal_verbs_without_a_profession_are_skipped_only_where_prefilters_are_sure():
    """UC003 does not tokenise a sentence with an appeal verb but no phrase and no word with
    a profession ending, unless its tokens may differ from its words: a quoted phrase
    ("'Studies show'") is missed by the phrase prefilter and must still be read."""
    assert "UC003" in codes(uc("# T\n\n'Studies show' it helps, so we recommend it.\n"))
    assert "UC003" in codes(uc("# T\n\nMany urologists recommend it.\n"))
    assert "UC003" not in codes(uc("# T\n\nWe recommend it for most adults.\n"))


def test_a_references_section_leaves_only_cure_claims_to_read():
    """With a references section, UC001 reads only sentences that can hold a cure or
    specific claim: those still need their source in their paragraph."""
    refs = "\n\n## References\n\n1. A trial.\n"
    assert codes(uc("# T\n\nTurmeric cures arthritis." + refs)) == ["UC001"]
    assert codes(uc("# T\n\nIt clears the infection in 24 hours." + refs)) == ["UC001"]
    assert not uc("# T\n\nGinger reduces nausea." + refs)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(
    ["1", "20", "3.5", "%", " percent", " Per Cent", " in ", " OUT OF ", " every ", "Ten", "two",
     " times", " More", " likely", " RISK", "Doubled", " the", " people", " die", " each year",
     "-fold", " ", "\n", ",", "a few", " In The US", "as", "half"]), max_size=15).map("".join))
def test_lower_case_statistic_pattern_matches_as_the_case_blind_one(text):
    """UC004 searches ASCII text lower-cased with the pattern compiled without ignoring case
    (its letters are all lower-case): the same sentences hold a statistic."""
    from medlint.rules.unsupported_claim import uc004_uncited_statistic as uc4

    letters = uc4._STAT_PATTERN.replace("(?P<", "(")  # named groups aside, all lower-case
    assert letters == letters.lower()
    assert uc4._holds_stat(text) == bool(uc4._STAT.search(text))


def test_claims_in_a_relative_clause_about_what_a_remedy_contains():
    found = lint("# Gout\n\nCherries contain anthocyanins that dissolve uric acid crystals and cure "
                 "gout flares within 24 hours.\n", select=["UC001"])
    assert codes(found) == ["UC001"]
    # a relative clause that names a class of treatment is no claim
    assert lint("# Blood pressure\n\nYour doctor may prescribe medicines that reduce blood "
                "pressure.\n", select=["UC001"]) == []


def test_a_leading_cause_stated_as_fact_and_counts_of_people():
    found = lint("Dehydration in older people\n\nChronic dehydration is a leading cause of "
                 "kidney failure and dementia in older people.\n", select=["UC005"], fmt="text")
    assert codes(found) == ["UC005"]
    found = lint("# Rhinitis\n\nAn estimated 17 million United States citizens have vasomotor "
                 "rhinitis.\n", select=["UC004"])
    assert codes(found) == ["UC004"] and "17 million United States citizens" in found[0].message


def test_a_cure_verb_whose_object_is_it_after_the_condition():
    # set 1: "Putting a dab of toothpaste on a pimple overnight cures it by the morning"
    found = lint("# Acne\n\nPutting a dab of toothpaste on a pimple overnight cures it by the "
                 "morning.\n", select=["UC001"])
    assert codes(found) == ["UC001"]
    for text in ("If you have a pimple, there is nothing that cures it overnight.",
                 "Antibiotics may cure it.", "Rest cures it."):
        assert not lint(f"# Acne\n\n{text}\n", select=["UC001"]), text


def test_a_result_for_almost_everyone_is_absolute():
    # set 4: "they completely clear psoriasis in almost everyone who takes them" (and "the
    # most powerful option" is a superlative, not a hedge)
    found = lint("# Psoriasis\n\nBiologics are the most powerful option available and they "
                 "completely clear psoriasis in almost everyone who takes them.\n",
                 select=["UC002"])
    assert codes(found) == ["UC002"]
    found = lint("# Hiccups\n\nVinegar works instantly for everyone.\n", select=["UC002"])
    assert codes(found) == ["UC002"]
    for text in ("Almost everyone gets a cold at some point.", "It may help in almost everyone.",
                 "Wait until the alcohol has completely cleared your breast milk."):
        assert not lint(f"# Health\n\n{text}\n", select=["UC002"]), text


def test_an_intensified_efficacy_claim_is_not_softened_by_can():
    # real page (docus.ai sciatica): "Yoga can be highly effective in relieving sciatica pain"
    found = lint("# Sciatica\n\nYoga can be highly effective in relieving sciatica pain.\n",
                 select=["UC001"])
    assert codes(found) == ["UC001"] and "intensified efficacy claim" in found[0].message
    for text in ("Yoga may be highly effective for some people with sciatica pain.",
                 "This vaccination is very effective at protecting you against infection."):
        assert not lint(f"# Sciatica\n\n{text}\n", select=["UC001"]), text


def test_an_untreated_condition_that_will_certainly_lead_to_harm():
    # set 3: "Varicose veins that are left untreated will lead to leg ulcers and deadly blood
    # clots" is stated as certain; "can lead to" is a proper warning
    found = lint("# Varicose veins\n\nVaricose veins that are left untreated will lead to leg "
                 "ulcers and deadly blood clots.\n", select=["UC005"])
    assert codes(found) == ["UC005"]
    assert not lint("# Varicose veins\n\nIf left untreated, varicose veins can lead to blood "
                    "clots.\n", select=["UC005"])


def test_a_result_that_never_wears_off_or_a_remedy_without_risk():
    for text in ("Tea tree oil is a natural insecticide and stops lice from ever coming back.",
                 "Valerian does the same job without the risk of addiction."):
        assert codes(lint(f"# Health\n\n{text}\n", select=["UC002"])) == ["UC002"], text
    assert not lint("# Health\n\nLice may come back, so check again after a week.\n",
                    select=["UC002"])


def test_an_unnamed_study_and_what_it_found():
    found = lint("# Asthma\n\nA study funded by a research institute of children with mild "
                 "asthma found that using the inhaler as needed worked as well as daily use.\n",
                 select=["UC003"])
    assert codes(found) == ["UC003"] and "'A study'" in found[0].message
    assert codes(lint("# Asthma\n\nA 2014 systematic review identified 20 trials.\n",
                      select=["UC003"])) == ["UC003"]
    # cited in the paragraph: named
    assert lint("# Asthma\n\nA study found that inhalers help ([Smith 2020](https://doi.org/"
                "10.1000/x)).\n", select=["UC003"]) == []
    # the study the article already named
    assert lint("# Asthma\n\nThe study found that inhalers help.\n", select=["UC003"]) == []


def test_relief_promised_within_minutes():
    text = ("# Sciatica Relief in 8 Minutes: Effective Techniques\n\nAchieving sciatica relief "
            "in 8 minutes is possible with a few stretches.\n")
    found = lint(text, select=["UC002"])
    assert [(f.code, f.line) for f in found] == [("UC002", 1), ("UC002", 3)]
    assert found[0].column == 12 and "in the title" in found[0].message
    for fine in ("Rapid HIV tests give results in 20 minutes.",
                 "Hold the stretch for 8 minutes.",
                 "Antacids can give relief within 30 minutes.",
                 "No stretch gives relief in 8 minutes."):
        assert not lint(f"# Sciatica\n\n{fine}\n", select=["UC002"]), fine


def test_relief_in_minutes_in_a_front_matter_title_is_placed_on_the_words():
    for text, col in (('---\ntitle: "Sciatica Relief in 8 Minutes"\n---\n\nText.\n', 18),
                      ("---\ntitle: Sciatica Relief in 8 Minutes\n---\n\nText.\n", 17)):
        found = lint(text, select=["UC002"])
        assert [(f.line, f.column) for f in found] == [(2, col)]


def test_a_share_of_the_topic_is_a_statistic():
    found = lint("# Concussion in youth sport\n\nYou do not have to be knocked out. In fact, fewer "
                 "than 10% of concussions involve a loss of consciousness.\n", select=["UC004"])
    assert codes(found) == ["UC004"] and "10%" in found[0].message
    # what the topic is made of is no outcome
    assert not lint("# Turmeric\n\nCurcumin makes up approximately 3% of turmeric.\n",
                    select=["UC004"])


def test_an_effect_said_by_how_much_is_a_specific_claim():
    found = lint("# Blood pressure\n\nRegular exercise can lower your systolic blood pressure by "
                 "around 5 to 8 mmHg.\n", select=["UC001"])
    assert codes(found) == ["UC001"] and "specific" in found[0].message
    assert not lint("# Blood pressure\n\nRegular exercise can lower your blood pressure.\n",
                    select=["UC001"])


def test_a_course_promised_for_everyone_is_absolute():
    assert codes(lint("# Tennis elbow\n\nThere's no need to see a doctor, as it always goes away "
                      "by itself.\n", select=["UC002"])) == ["UC002"]
    assert not lint("# Tennis elbow\n\nIt does not always go away by itself.\n",
                    select=["UC002"])


def test_folk_remedies_said_to_dry_or_draw_out():
    for claim in ("A dab of toothpaste works well, because it draws the venom out of the skin.",
                  "Dab toothpaste on the blister. It dries the sore out overnight."):
        assert codes(lint(f"# Stings and sores\n\n{claim}\n", select=["UC001"])) == ["UC001"], claim
    assert not lint("# Stings\n\nPat the skin and let it dry.\n", select=["UC001"])


def test_a_condition_named_by_its_suffix_is_a_target():
    for text in ("Steam inhalation cures bronchiolitis in most babies within 24 hours.",
                 "Turmeric treats tendinosis."):
        assert "UC001" in codes(uc(f"# Health\n\n{text}\n")), text
    assert "UC001" not in codes(uc("# Health\n\nSteam may ease bronchiolitis.\n"))


def test_efficacy_predicate_with_an_adverb_inside():
    """'is also effective for' is 'is effective for' with an adverb between (phrase_gaps);
    a negation or a hedge in the gap is no gap."""
    for text in ("Cyproheptadine is also effective for hay fever.",
                 "Steroid sprays are especially effective against nasal symptoms."):
        assert "UC001" in codes(uc(f"# Rhinitis\n\n{text}\n")), text
    for text in ("Cyproheptadine is not effective for hay fever.",
                 "Cyproheptadine may also be effective for hay fever."):
        assert "UC001" not in codes(uc(f"# Rhinitis\n\n{text}\n")), text


def test_phrase_index_gaps_are_opt_in():
    from medlint.nlp import PhraseIndex

    norms = "it is also effective for colds".split()
    assert PhraseIndex(["is effective for"]).find(norms) == []
    assert PhraseIndex(["is effective for"], frozenset({"also"})).find(norms) == [
        (1, 5, "is effective for")]


MYTHS = [
    "Teething causes high fevers in many toddlers.",
    "Chocolate and greasy food cause acne, so cut them out.",
    "Acne is caused by dirty skin.",
    "Antibiotics help clear up a cold faster.",
    "Vaccines cause autism.",
    "The flu jab can give you the flu.",
    "Antiperspirants increase the risk of breast cancer.",
    "Sugar makes children hyperactive.",
    # a refusal in another clause ("no need to limit") does not refute the myth
    "There is no need to limit salt if you exercise, because you sweat most of it out.",
    "Constipation causes toxins from the poo to build up in the blood.",
    "Ear candling is a safe way to draw earwax out of the ear.",
    "Scabies is caused by poor hygiene and dirty living conditions.",
    "High fever and diarrhoea are also completely normal signs of teething.",
    "Warts have roots, so you must dig them out completely.",
    "Drinking very cold water when you are overheated can shock your heart and make it stop.",
    "Bedwetting is always caused by emotional problems or stress at home.",
    "Styes are caused by eating too much sugar.",
]
NOT_MYTHS = [
    "Teething can cause a slightly raised temperature.",
    "Teething does not cause fevers.",
    "Antibiotics do not work for colds.",
    "Antibiotics can help clear up a secondary bacterial infection after a cold.",
    "The flu jab can give you flu-like symptoms for a day or two.",
    "Some parents think the MMR vaccine causes autism, but it does not.",
    "The claim that vaccines cause autism has been debunked.",
    "Myth: chocolate causes acne.",
    "There is no evidence that sugar makes children hyperactive.",
    "Does teething cause a fever?",
    "In a marathon you sweat out a lot of salt, so use a sports drink.",
]


def test_health_myths_stated_as_fact():
    for text in MYTHS:
        assert codes(lint(f"# Health\n\n{text}\n", select=["UC008"])) == ["UC008"], text
    for text in NOT_MYTHS:
        assert codes(lint(f"# Health\n\n{text}\n", select=["UC008"])) == [], text
    # a list of myths under a "Myths" heading refutes them
    assert codes(lint("# Acne\n\n## Common myths\n\n- Chocolate causes acne.\n",
                      select=["UC008"])) == []


def test_the_condition_a_title_opens_with_is_a_target():
    text = "---\ntitle: \"Shin Splints: Causes and Treatment\"\n---\n\nSleeves cure shin splints.\n"
    assert "UC001" in codes(uc(text))
    # a title that does not open with a condition names no target
    other = text.replace("Shin Splints: Causes and Treatment", "How to run faster")
    assert "UC001" not in codes(uc(other))


def test_shop_and_affiliate_links_are_no_evidence():
    claim = "Compression sleeves cure shin splints in 90% of runners"
    shop = f"# Shin splints\n\n{claim}, see [these sleeves](https://www.amazon.com/dp/B01N6Y3R7Q?tag=x-20).\n"
    assert "UC001" in codes(uc(shop))
    study = f"# Shin splints\n\n{claim}, see [the trial](https://pubmed.ncbi.nlm.nih.gov/123/).\n"
    assert "UC001" not in codes(uc(study))


def test_will_states_a_claim_as_certain_but_not_a_summary_of_advice_or_a_test():
    assert "UC001" in codes(uc("# Gallstones\n\nA gallbladder flush of olive oil and lemon juice "
                               "taken overnight will dissolve your stones.\n"))
    for text in ("These steps will reduce your risk of an asthma attack.",
                 "A CT scan is particularly effective for detecting stones."):
        assert "UC001" not in codes(uc(f"# Kidney stones\n\n{text}\n")), text


def test_an_organisation_and_year_in_brackets_cite_a_statistic():
    text = ('About 1 in 7 adults in the UK live with tinnitus (British Tinnitus Association, '
            '"Tinnitus facts and figures", 2023).')
    assert "UC004" not in codes(uc(f"# Tinnitus\n\n{text}\n"))
    assert "UC004" in codes(uc("# Tinnitus\n\nAbout 1 in 7 adults in the UK live with "
                               "tinnitus.\n"))


def test_shop_links_are_sources_still_counts_for_no_sources_when_other_claim_rules_run():
    text = ("# Cramps\n\nMagnesium cures cramps. Quinine treats cramps. Stretching prevents "
            "cramps. Buy [magnesium](https://www.amazon.com/dp/B000123?tag=x-20).\n")
    assert "UC006" in codes(lint(text, select=["UC001", "UC006"]))
    cfg = from_mapping({"rules": {"no-sources": {"shop_links_are_sources": True}}})
    # UC001 runs first and leaves shop links out of its own evidence; UC006's option holds
    assert "UC006" not in codes(lint(text, select=["UC001", "UC006"], config=cfg))
