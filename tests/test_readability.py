"""Readability: NHS-method prose, offline and deterministic scores, and the wording rules."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from medlint.rules.readability import _scores
from medlint.rules.readability._prose import prose_sections

from .conftest import codes, doc_of, lint

EASY = ("Knee pain is common. It often gets better on its own. Rest your knee. Put ice on it. "
        "Take a painkiller if you need one. Wear flat shoes. Walk a little each day. See a GP "
        "if it does not get better. Ask a pharmacist about creams. Most people feel better "
        "in a few weeks. ")
HARD = ("Osteoarthritis is a degenerative musculoskeletal condition characterised by "
        "progressive articular cartilage deterioration. Pharmacological intervention "
        "frequently necessitates nonsteroidal anti-inflammatory medication. Physiotherapeutic "
        "rehabilitation considerably ameliorates functional capability. Intra-articular "
        "corticosteroid administration provides temporary symptomatic alleviation. "
        "Comprehensive biomechanical evaluation identifies contributory malalignment. ") * 2



def test_scores_are_offline_and_deterministic(no_network, monkeypatch):
    # even with a download function that would be called, nothing is downloaded
    import nltk

    monkeypatch.setattr(nltk, "download", lambda *a, **k: pytest.fail("nltk.download called"))
    a = _scores.score(HARD.split(". "))
    b = _scores.score(HARD.split(". "))
    assert a == b and a.smog > 12
    easy = _scores.score(EASY.split(". "))
    assert easy.smog < 9 and easy.fkgl < a.fkgl
    assert no_network == []


def test_textstat_is_the_pinned_version_and_the_patch_point_exists():
    import importlib.metadata

    assert importlib.metadata.version("textstat") == _scores.EXPECTED_TEXTSTAT
    _scores.offline_textstat()
    from textstat.backend.counts import _count_syllables

    assert getattr(_count_syllables.get_cmudict, "medlint_offline", False)


def test_scores_in_a_fresh_process_with_no_network():
    """A new interpreter (no cached corpus, nothing imported) with sockets disabled."""
    code = textwrap.dedent(f"""
        import socket
        def refuse(*a, **k):
            raise SystemExit("network access attempted")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse
        import nltk
        nltk.download = lambda *a, **k: (_ for _ in ()).throw(SystemExit("download"))
        from medlint.rules.readability._scores import score
        s = score({EASY.split('. ')!r})
        print(s.smog, s.fkgl)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr + out.stdout
    smog, fkgl = map(float, out.stdout.split())
    assert smog == _scores.score(EASY.split(". ")).smog


def test_scores_load_textstat_without_nltk_and_leave_nltk_importable():
    """nltk (most of textstat's import time) is not loaded for the scores; a later
    ``import nltk`` still gets the real package, and textstat's own cmudict code only sees
    a placeholder without ``download``."""
    code = textwrap.dedent(f"""
        import sys
        from medlint.rules.readability._scores import score
        s = score({EASY.split('. ')!r})
        print(s.smog, 'nltk' in sys.modules)
        from textstat.backend.utils import _get_cmudict
        print(hasattr(_get_cmudict.nltk, 'download'))
        import nltk
        print(hasattr(nltk, 'download'))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr + out.stdout
    first, placeholder_downloads, real_nltk = out.stdout.split("\n")[:3]
    assert first == f"{_scores.score(EASY.split('. ')).smog} False"
    assert placeholder_downloads == "False" and real_nltk == "True"


def test_counts_equal_textstat_per_sentence():
    """The word split done once over all sentences gives what textstat's ``list_words``
    and ``count_syllables`` give sentence by sentence."""
    _scores.offline_textstat()
    from textstat.backend.counts._count_syllables import count_syllables
    from textstat.backend.selections._list_words import list_words

    sentences = ["Don't stop taking it'", "'Quoted' words, e.g. these, aren't cut.",
                 "Anti-inflammatory drugs (NSAIDs) help", "https://example.org", "2.5 mg",
                 "Ce n’est pas l’été — Été!", "'s", "...",
                 "Rest. Then walk! Then rest?"]
    expected = []
    for s in sentences:
        prepared = _scores._prepare_one(s)
        words = list_words(prepared) if prepared else []
        per = [count_syllables(w.lower(), "en_US") for w in words]
        expected.append((len(words), sum(per), sum(n >= 3 for n in per)) if words else None)
    assert _scores.sentence_counts(sentences) == expected


def test_no_textstat_import_at_module_level():
    code = ("import sys; import medlint.rules.registry as r; r.all_rules(); "
            "print('textstat' in sys.modules, 'nltk' in sys.modules, 'pyphen' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert out.stdout.split() == ["False", "False", "False"], out.stderr


def test_prose_counts_headings_and_items_and_skips_references_and_nav():
    doc = doc_of("# Title\n\nOne sentence here. Two here.\n\n- item one\n- item two\n\n"
                 "- [Home](/)\n- [Contact](/c)\n\n## References\n\n1. Smith J et al. 2020.\n")
    sents = [s.text for sec in prose_sections(doc, ("^references",)) for s in sec.sentences]
    assert sents == ["Title", "One sentence here.", "Two here.", "item one", "item two"]


def test_reading_grade_presets_and_short_texts():
    assert codes(lint("# Knee\n\n" + HARD, select=["RD001"])) == ["RD001"]
    assert codes(lint("# Knee\n\n" + EASY, select=["RD001"])) == []
    assert codes(lint("# Knee\n\nOsteoarthritis necessitates physiotherapy.\n",
                      select=["RD001"])) == []  # fewer than 10 sentences: not scored
    from medlint.config import from_mapping

    cfg = from_mapping({"rules": {"reading-grade": {"preset": "ama"}}})
    found = lint("# Knee\n\n" + EASY + HARD[:200] + ".\n", select=["RD001"], config=cfg)
    assert all("ama target of 6" in f.message for f in found)


def test_reading_grade_reports_a_hard_section_when_the_article_passes():
    text = "# Knee\n\n" + (EASY * 12) + "\n\n## Technical\n\n" + HARD + "\n\n## More\n\n" + EASY
    found = lint(text, select=["RD001"])
    assert found and all(f.message.startswith("section 'Technical'") for f in found)


def test_long_sentence_and_paragraph():
    long_s = "This sentence " + "goes on and on " * 10 + "until it stops."
    assert codes(lint(f"# T\n\n{long_s}\n", select=["RD002"])) == ["RD002"]
    runon = " ".join(["word"] * 80)  # a scraped menu without punctuation
    assert codes(lint(f"# T\n\n{runon}\n", select=["RD002"])) == []
    # just over and just at the limit (the shortest text with that many words)
    from medlint.config import from_mapping

    cfg = from_mapping({"rules": {"long-sentence": {"max_words": 3},
                                  "long-paragraph": {"max_words": 3}}})
    assert codes(lint("# T\n\na b c d\n", select=["RD002", "RD003"], config=cfg)) == [
        "RD002", "RD003"]
    assert codes(lint("# T\n\na b c\n", select=["RD002", "RD003"], config=cfg)) == []
    para = "Short one. " * 6
    assert codes(lint(f"# T\n\n{para}\n", select=["RD003"])) == ["RD003"]
    assert codes(lint("# T\n\nShort one. Short two.\n", select=["RD003"])) == []


def test_acronyms():
    assert codes(lint("# T\n\nPeople with COPD cough.\n", select=["RD004"])) == ["RD004"]
    for ok in ("People with chronic obstructive pulmonary disease (COPD) cough. COPD is common.",
               "A traumatic brain injury ( TBI ) is serious. TBI needs care.",
               "Your GP at the NHS can arrange an MRI scan.",
               "Write to CDC, 1600 Clifton Rd, Atlanta, GA 30333.",
               "The guideline CG97 covers it.",
               "See [the NICE page on ED](https://nice.org.uk)."):
        assert codes(lint(f"# T\n\n{ok}\n", select=["RD004"])) == [], ok
    later = lint("# T\n\nRSV is common.\n\nRespiratory syncytial virus (RSV) spreads.\n",
                 select=["RD004"])
    assert codes(later) == ["RD004"] and "only later, on line 5" in later[0].message


def test_acronym_false_positive_patterns_from_the_corpus():
    for ok in (
            # brand suffixes and author initials
            "* Ibuprofen (Advil, Motrin IB, others)",
            "Some batches of Nutramigen LGG stage 1 formula were recalled.",
            "Chen TH, Meyer KF. An evaluation of Pasteurella pestis vaccines.",
            # state codes, units, numbers and codes, domains
            "Taber's Dictionary. F.A. Davis Company, Philadelphia, PA [18th Edition].",
            "Children 12 to 24 months old need 600 IU of vitamin D each day.",
            "Call 800-232-4636 or TTY: (888) 232-6348 for help.",
            "It complies with British Standard BS EN 1273:2005.",
            "Read the news on AL.com today.",
            # capitals for emphasis, runs of capitals, quoted keywords, mojibake
            "If there is an emergency AND your baby is younger than 2 months, call 911.",
            "NO SIGNS OF DEHYDRATION can be treated at home.",
            'Text "QUIT" to 5616115 for help.',
            "AII\u0300\u00e2\u20ac\u0161 1998-2024 Mayo Foundation.",
            # a title or label written in bold on its own line
            "**WIC Infant Nutrition and Feeding Guide**",
            # spelled out before or after, not in brackets right next to it
            "Antigen-presenting cells, or APCs, take up the allergen.",
            "Eat bananas, rice, applesauce, and toast (BRAT diet).",
            "- **NSAIDs**: Nonsteroidal anti-inflammatory drugs reduce pain.",
            "- **PCR Test (Polymerase Chain Reaction)**: it finds the virus.",
            "An electrocardiogram (ECG/EKG) is quick. An ECG is painless.",
            "I adopted a low-carb, high-fat diet called LCHF.",
            # an organisation named next to a link to its own site
            "According to an NCBI [publication](https://www.ncbi.nlm.nih.gov/pmc/1), it works."):
        assert codes(lint(f"# T\n\n{ok}\n", select=["RD004"])) == [], ok
    # related-article cards: link text over several lines
    card = ("[**Learning about TMJ Headache** \\\n\\\nExplore the causes of TMJ headaches, "
            "a common condition.](https://docus.ai/kb/tmj)\n")
    assert codes(lint(f"# T\n\n{card}", select=["RD004"])) == []
    # still reported: words before that are not its long form, a number of things, a
    # name at the start of a sentence
    for bad in ("Drug-induced coughing due to ACE inhibitors may cause it.",
                "Common illnesses include asthma, COPD and arthritis.",
                "Of 20 MNC drug companies surveyed, two had projects.",
                "Copper IUD: most effective.",
                "CT scans are sometimes referred to as CAT scans.",
                "If anyone is eligible for CHIP, we will tell the agency."):
        assert codes(lint(f"# T\n\n{bad}\n", select=["RD004"])) == ["RD004"], bad


def test_plain_words_and_their_exceptions():
    assert codes(lint("# T\n\nYour physician may help.\n", select=["RD005"])) == ["RD005"]
    # case-insensitive, in ASCII text and not (re.I also matches the dotless "ı" to "i")
    for bad in ("Your PHYSICIAN may help.", "Your physician \u2014 or nurse \u2014 may help.",
                "Please ut\u0131lize it."):
        assert codes(lint(f"# T\n\n{bad}\n", select=["RD005"])) == ["RD005"], bad
    for ok in ("You may have pain in your tummy (abdomen).",
               "High blood pressure (hypertension) is common.",
               "Cognitive behavioural therapy can help.",
               "Give abdominal thrusts to children over 1 year.",
               "Smoking cessation services are free."):
        assert codes(lint(f"# T\n\n{ok}\n", select=["RD005"])) == [], ok


def test_plain_words_cover_the_inflections_of_utilise():
    found = lint("# Vertigo\n\nVestibular suppressants should be utilised judiciously, and "
                 "consequently only for a few days.\n", select=["RD005"])
    assert [f.message.split("'")[1] for f in found] == ["utilised", "consequently"]
    found = lint("# Substance use\n\nSubstance use by someone with a major medical comorbidity "
                 "raises the risk of exacerbations.\n", select=["RD005"])
    assert [f.message.split("'")[1] for f in found] == ["comorbidity", "exacerbations"]
