"""contradictory-advice: polarity, conditions, sequences, urgency, seriousness, numbers, FAQ."""

from __future__ import annotations

from .conftest import FIXTURES, SEEDS, codes, doc_of, lint


def ca(text):
    return lint(text, select=["CA"])


def test_opposite_advice_reported_at_the_later_statement():
    found = ca("# Back pain\n\nApply a heating pad to your back.\n\nRest a lot.\n\n"
               "Never use heat.\n")
    assert codes(found) == ["CA001"]
    assert found[0].line == 7 and "line 3" in found[0].message


def test_synonym_groups():
    found = ca("# Sleep\n\nAvoid caffeine.\n\nDrink coffee in the evening.\n")
    assert codes(found) == ["CA001"]


def test_sequenced_advice_is_not_a_contradiction():
    assert not ca("# Sprain\n\nApply ice for the first 48 hours, then use heat.\n\n"
                  "Do not use heat in the first 48 hours.\n")
    assert not ca("# Sprain\n\nUse an ice pack first.\n\nAfter 2 days, do not use ice.\n")


def test_conditional_advice_is_not_a_contradiction():
    assert not ca("# Coffee\n\nDrink coffee in the morning.\n\n"
                  "If you are pregnant, avoid caffeine.\n")
    assert not ca("# Coffee\n\nDrink coffee in the morning.\n\n## If you are pregnant\n\n"
                  "Avoid caffeine.\n")


def test_narrowed_advice_is_not_a_contradiction():
    assert not ca("# Cold\n\nApply an ice pack.\n\nDo not apply ice directly to the skin.\n")


def test_urgency_conflict_needs_unconditional_urgency():
    text = ("# Twitching\n\nDo not delay in seeing your doctor.\n\n"
            "If it keeps happening, watch it and mention it at your next visit.\n")
    assert codes(ca(text)) == ["CA002"]
    assert not ca("# Flu\n\nFlu usually gets better on its own.\n\n"
                  "Call 999 if you have chest pain.\n")


def test_seriousness_conflict_and_distinguishing_conditions():
    assert codes(ca("# Eye twitching\n\nAn eye twitch is usually nothing to worry about. "
                    "However, it may be cause for concern.\n")) == ["CA003"]
    assert not ca("# Eye twitching\n\nAn eye twitch is usually nothing to worry about. It can "
                  "be serious if it is caused by nerve damage.\n")
    assert not ca("# Eye twitching\n\nAn eye twitch is usually not serious. In rare cases "
                  "it can be serious.\n")


def test_numeric_conflict():
    text = ("# Sprain\n\nApply an ice pack for 20 minutes.\n\nRest.\n\n"
            "Never use an ice pack for more than 10 minutes.\n")
    assert codes(ca(text)) == ["CA004"]
    assert not ca("# Sprain\n\nApply an ice pack for 10 to 20 minutes.\n\n"
                  "Apply an ice pack for 15 minutes.\n")


def test_faq_answer_contradicting_the_body():
    text = ("# Back pain\n\nApply a heating pad to your back.\n\n## FAQ\n\n"
            "### Can I use heat?\n\nNever use heat.\n")
    found = ca(text)
    assert codes(found) == ["CA005"]
    assert "line 3" in found[0].message


def test_seed_expectations():
    md = ca((SEEDS / "left-knee-twitching.md").read_text(encoding="utf-8"))
    assert any(f.code == "CA003" and f.line == 34 for f in md)
    assert not any(f.line == 85 for f in md)  # "serious if caused by nerve damage": conditions
    txt = lint((SEEDS / "what-causes-knee-twitching.txt").read_text(encoding="utf-8"),
               select=["CA"], fmt="text")
    assert any(f.code == "CA002" and f.line == 80 and "line 77" in f.message for f in txt)


def test_action_frames_beyond_the_synonym_groups():
    found = ca("# Back pain\n\nStaying in bed for two or three days is the best way to heal.\n\n"
               "Do not stay in bed. Gentle walking keeps you moving.\n")
    assert codes(found) == ["CA001"] and found[0].line == 5
    assert "the same action ('stay')" in found[0].message
    found = ca("# Fever\n\nDo not wake a sleeping child to give fever medicine; if they are "
               "resting comfortably, let them sleep.\n\nSet an alarm and wake your toddler "
               "every 4 hours to give the next dose.\n")
    assert codes(found) == ["CA001"] and found[0].line == 5


def test_action_frames_traps():
    for text in (
            # different objects: the child is who gets the medicine, not what is given
            "Never give your child aspirin.\n\nGive your child water often.\n",
            # a label followed by a list of things, and "use" as a noun
            "**Irritants**: Smoke, dust, or chemicals.\n\nDon't smoke.\n",
            "- **Use of tampons:** changes the cells.\n\nDo not use tampons before the test.\n",
            # steps in sequence, a narrowed negative, a condition in the same clause
            "Take your first pill.\n\nStop taking pills for 7 days.\n",
            "Walk on the ankle every day.\n\nDo not walk on the ankle too soon.\n",
            "Take ibuprofen for the pain.\n\nDo not take ibuprofen if you have asthma.\n",
            # different things done to the same object
            "Put ice on the swelling.\n\nDo not put ice on the skin.\n",
            "Do not worry about it.\n\nWorry less, rest more.\n",
            # "then" sequences advice; it is not a filler before an imperative
            "Rest for two days, then use heat.\n\nNever use heat.\n"):
        assert not ca("# Care\n\n" + text), text


def test_conditions_count_only_in_their_own_clause_or_opening_the_sentence():
    found = ca("# Heartburn\n\nAvoid coffee and other caffeinated drinks.\n\nA cup of coffee after "
               "a meal helps digestion, so drink coffee as usual.\n")
    assert codes(found) == ["CA001"] and found[0].line == 5
    # a condition opening the sentence, or in the statement's own clause, still counts
    assert not ca("# Heartburn\n\nAvoid coffee.\n\nIf you are not pregnant, drink coffee as "
                  "usual.\n")
    assert not ca("# Heartburn\n\nAvoid coffee.\n\nDrink coffee if you feel drowsy.\n")


def test_the_text_tests_before_tokenising_miss_no_statement():
    """The detectors tokenise only the sentences their text tests match: every statement and
    every action frame of the seeds, the seed-shaped articles and the rules' examples must be
    in a sentence its test matches (the test may match more)."""
    from medlint.nlp import analyse
    from medlint.rules.contradictory_advice import _advice, _frames
    from medlint.rules.contradictory_advice._pretest import lowered
    from medlint.rules.registry import all_rules, load_pack

    options = load_pack("advice.yaml")["rules"]["opposite-advice"]
    verbs = frozenset(options["action_verbs"])
    pos_after = _advice.phrase_index(tuple(options["positive_after"]))
    groups = _advice.compiled_groups(options["groups"])
    polarity = _advice._Polarity(options)
    texts = [p.read_text() for p in sorted(FIXTURES.glob("seed*/*")) if p.suffix != ".yaml"]
    texts += [t for r in all_rules() for t in (r.bad, r.good)]
    seen = {"-": 0, "+": 0, "frame -": 0, "frame +": 0}
    for text in texts:
        an = analyse(doc_of(text))
        for i in range(len(an.sentences)):
            t = lowered(an, i)
            for st in _advice._group_statements(an, i, groups, polarity):
                seen[st.kind] += 1
                test = polarity.may_negate if st.kind == "-" else polarity.may_advise
                assert test.search(t), (st, t)
            for pol, verb, *_ in _frames.frames(an, i, verbs, pos_after):
                seen["frame " + pol] += 1
                # a thing praised ("Oats can help") is read where the thing and a praise
                # phrase stand, once something like it is advised against
                assert (_frames._NEG_CUE.search(t) if pol == "-" else
                        _frames._may_advise(t, _frames._action_forms({verb})) or
                        verb == "§consume" and pos_after.find(an.info(i).tokens[:20])), (
                    pol, verb, t)
    assert min(seen.values()) > 5, seen


def test_seriousness_statements_far_from_any_other_are_not_needed():
    """seriousness_pairs reads only the sentences within max_distance of another candidate:
    the pairs are those of the statements of every candidate sentence."""
    from medlint.nlp import analyse
    from medlint.rules.contradictory_advice import _advice
    from medlint.rules.registry import load_pack

    options = load_pack("advice.yaml")["rules"]["seriousness-conflict"]
    dist = int(options["max_distance"])
    text = ("# Eye twitching\n\nAn eye twitch is usually nothing to worry about. One. Two. Three. "
            "Four. It can be serious.\n\nIt is harmless. However, it may be cause for concern. "
            "Five. Six. Seven. Eight. It is not dangerous.\n")
    texts = [text] + [p.read_text() for p in sorted(FIXTURES.glob("seed*/*"))
                      if p.suffix != ".yaml"]
    for t in texts:
        an = analyse(doc_of(t))
        every = _advice._phrase_statements(an, options, "alarming", "reassuring", "alarm",
                                           "reassure", "seriousness")
        near = _advice._phrase_statements(an, options, "alarming", "reassuring", "alarm",
                                          "reassure", "seriousness", near=dist)
        assert {s.index for s in near} <= {s.index for s in every}
        # every statement left out is farther than max_distance from every other one
        for s in every:
            if s not in near:
                assert all(abs(s.index - o.index) > dist for o in every if o is not s)
    an = analyse(doc_of(text))
    near = _advice._phrase_statements(an, options, "alarming", "reassuring", "alarm",
                                      "reassure", "seriousness", near=dist)
    assert [s.index for s in near] == [5, 6, 7]  # not 0 and 12: no statement near them
    assert [(p.earlier.index, p.later.index) for p in _advice.seriousness_pairs(an, options)] == [
        (5, 6), (6, 7)]


def test_a_qualifier_narrows_a_negative_only_against_advice_that_lacks_its_words():
    # "on a joint" is where the body puts the ice; "during a gout flare" is the topic
    text = ("# Gout flare\n\nWrap an ice pack in a towel and hold it on the painful joint.\n\n"
            "Never put ice on a joint during a gout flare.\n")
    assert [f.line for f in ca(text)] == [5]
    # "directly on the skin" narrows: the body does not put ice directly on the skin
    text = ("# Gout flare\n\nWrap an ice pack in a towel and hold it on the painful joint.\n\n"
            "Do not put ice directly on the skin.\n")
    assert ca(text) == []
    # the topic of the article is no qualifier ("on plantar fasciitis")
    text = ("# Plantar fasciitis\n\nNever use heat on plantar fasciitis.\n\nBefore bed, apply a "
            "heating pad to your heel for 15 minutes.\n")
    assert [f.line for f in ca(text)] == [5]


def test_a_label_before_a_condition_keeps_the_advice_conditional():
    text = ("# UTI\n\nParacetamol or ibuprofen can ease the pain. Note: if you are pregnant, do "
            "not take ibuprofen; paracetamol is safe in pregnancy.\n")
    assert ca(text) == []


def test_avoiding_a_thing_against_having_it():
    text = ("# Kidney stones\n\nAvoid calcium-rich foods like milk and cheese.\n\n"
            "Eat calcium-rich foods like milk and cheese every day.\n")
    (f,) = ca(text)
    assert f.line == 5 and "having the same thing ('calcium')" in f.message
    # a taste is not a case; the same things in another order
    text = ("# Dehydration\n\nOffer tea or coffee too if they enjoy it.\n\n"
            "Avoid tea and coffee altogether.\n")
    assert [f.line for f in ca(text)] == [5]
    # how much is not whether; a thing that names more; generic words alone
    for text in ("# Iron\n\nChildren who don't eat enough iron get tired. Offer iron-rich "
                 "foods.\n",
                 "# Heat\n\nDrink fluids. Avoid excessive sweating and fluid loss.\n",
                 "# Eyes\n\nAvoid eye strain. Eat eye-healthy foods.\n",
                 "# Diet\n\nAvoid fatty foods. Eat foods like oats and beans.\n"):
        assert ca(text) == [], text


def test_a_yes_or_no_answer_is_its_own_sentence():
    from medlint.sentences import split_text

    text = "No. Never put ice on it. See No. 5 and fig. 2."
    assert [text[a:b] for a, b in split_text(text)] == [
        "No.", "Never put ice on it.", "See No. 5 and fig. 2."]


def test_an_faq_yes_or_no_says_the_action_it_answers():
    body = ("# Gout flare\n\nWrap an ice pack in a towel and hold it on the painful joint.\n\n"
            "Avoid beer completely during a flare.\n\n## Frequently asked questions\n\n")
    found = ca(body + "### Should I put ice on a gout flare?\n\nNo. Cold makes it worse.\n\n"
                      "### Can I drink beer if I have gout?\n\nYes, in moderation.\n")
    assert [(f.code, f.line) for f in found] == [("CA005", 11), ("CA005", 15)]
    assert 'FAQ answer \'No, to "Should I put ice on a gout flare?"\'' in found[0].message
    # an answer that agrees, a question that asks no action, an answer that is no yes/no
    ok = ca(body + "### Should I put ice on a gout flare?\n\nYes, wrapped in a towel.\n\n"
                   "### Should I worry about gout?\n\nNo. It settles.\n\n"
                   "### Can I drink beer?\n\nNot during a flare.\n")
    assert ok == []


def test_a_property_of_the_topic_said_and_denied():
    text = ("# Shingles\n\nShingles is not contagious, so stay at work.\n\n## FAQ\n\n"
            "### Is shingles contagious?\n\nYes, shingles is contagious. Stay off work.\n")
    (f,) = ca(text)
    assert f.code == "CA005" and f.line == 9 and "line 3" in f.message
    # hedged, narrowed, or about something else: not the same fact
    for other in ("Shingles is usually contagious.", "Shingles is contagious until the "
                  "blisters crust.", "The vaccine is not contagious.",
                  "Shingles can be contagious to babies."):
        assert ca(f"# Shingles\n\nShingles is not contagious.\n\n{other}\n") == [], other


def test_straight_away_is_urgent_only_with_getting_care():
    found = ca("# UTI\n\nAlways see a doctor straight away.\n\nMost UTIs clear up on their own, "
               "so there is usually no need to see a doctor.\n")
    assert [f.code for f in found] == ["CA002"]
    assert ca("# Pill\n\nYou can start the pill straight away.\n\nMost side effects clear up on "
              "their own.\n") == []


def test_an_faq_yes_to_needing_what_the_body_says_is_not_needed():
    text = ("# Ear infections\n\nMost ear infections clear up on their own, and antibiotics are "
            "usually not needed.\n\n## FAQ\n\n### Does my child need antibiotics for an ear "
            "infection?\n\nYes. Always ask your GP for them.\n")
    assert [(f.code, f.line) for f in ca(text)] == [("CA005", 9)]


def test_keep_doing_against_stop_doing_and_durations_that_narrow():
    text = ("Carpal tunnel syndrome\n\nStop typing, gaming or using power tools for at least two "
            "weeks.\n\nKeep typing and working as normal.\n")
    found = lint(text, select=["CA"], fmt="text")
    assert [(f.code, f.line) for f in found] == [("CA001", 5)]
    assert "the same action ('type')" in found[0].message
    # a regimen: "stop for 7 days" meets only advice that says 7 days
    text = ("# Pill\n\n- Take your 1st pill from the packet marked with the day of the week.\n"
            "- Stop taking pills for 7 days.\n")
    assert ca(text) == []


def test_a_thing_as_the_subject_of_praise_against_avoiding_it():
    # held-out set 5: "a strong cup of coffee after dinner is a great way" after "cut down on
    # caffeine, especially in the evening"; "Holding ice cubes directly against the skin is
    # the quickest way" after "Do not put ice ... straight onto"; "Soluble fibre, such as
    # oats and linseeds, can help" before "Avoid oats and linseeds if you have IBS"
    found = ca("# Restless legs\n\nCut down on caffeine, alcohol and smoking, especially in "
               "the evening.\n\nA strong cup of coffee after dinner is a great way to settle "
               "jittery legs.\n")
    assert codes(found) == ["CA001"] and found[0].line == 5
    found = ca("# Sunburn\n\nDo not put ice or ice packs straight onto sunburnt skin.\n\n"
               "Holding ice cubes directly against the sunburnt skin is the quickest way to "
               "cool it.\n")
    assert codes(found) == ["CA001"] and found[0].line == 5
    found = ca("# IBS\n\nSoluble fibre, such as oats and linseeds, can help with wind.\n\n"
               "Avoid oats and linseeds if you have IBS.\n")
    assert codes(found) == ["CA001"] and found[0].line == 5


def test_praise_that_a_negative_does_not_cover_is_no_contradiction():
    # the stressed case is not the praised one
    assert not ca("# Restless legs\n\nCut down on caffeine, especially in the evening.\n\n"
                  "A cup of coffee in the morning is a great way to wake up.\n")
    # a condition that is not the topic still tells the cases apart
    assert not ca("# IBS\n\nOats and linseeds can help with wind.\n\n"
                  "Avoid oats and linseeds if you have coeliac disease.\n")
    # different things, and a person's act is not praise of a thing
    assert not ca("# IBS\n\nSoluble fibre, such as oats, can help.\n\nAvoid linseeds.\n")
    assert not ca("# IBS\n\nIf you eat oats, they can help.\n\nAvoid oats.\n")
    # a wrapped ice pack is not ice held straight on the skin
    assert not ca("# Sunburn\n\nDo not put ice straight onto sunburnt skin.\n\n"
                  "Holding an ice pack wrapped in a towel is the quickest way to cool it.\n")


def test_the_same_case_sent_to_urgent_care_and_told_to_wait():
    # held-out set 5: "Go to A&E if ... your poo is black or dark red" / "If the blood is dark
    # red or your poo is black and sticky, this is normal"; a bare "Call 999 immediately."
    # takes its case from the sentence before it
    found = ca("# Piles\n\nGo to A&E if you're bleeding non-stop or your poo is black or dark "
               "red.\n\nUse a cream.\n\nIf the blood is dark red or your poo is black and "
               "sticky, this is normal with piles.\n")
    assert codes(found) == ["CA002"] and found[0].line == 7 and "line 3" in found[0].message
    found = ca("# Vertigo\n\nVertigo with slurred speech or a drooping face can be a sign of "
               "a stroke. Call 999 immediately.\n\nRest.\n\nIf your vertigo comes with "
               "slurred speech or numbness, lie down and wait for it to pass.\n")
    assert codes(found) == ["CA002"] and found[0].line == 7
    # different cases, or routine advice with no case of its own: no conflict
    assert not ca("# Piles\n\nGo to A&E if your poo is black or dark red.\n\nIf you see "
                  "bright red blood on the paper after a hard poo, this is normal.\n")
    assert not ca("# Vaccines\n\nCall 999 immediately if you have difficulty breathing.\n\n"
                  "If your arm is sore for a day or two, this is normal.\n")
    assert not ca("# Vertigo\n\nCall 999 immediately.\n\nThis is normal.\n")


def test_phrases_with_contractions_and_ampersands_match_their_tokens():
    from medlint.nlp import phrase_tuple

    assert phrase_tuple("don't wait") == ("do", "n't", "wait")
    assert phrase_tuple("can't") == ("ca", "n't")
    assert phrase_tuple("go to A&E") == ("go", "to", "a&e")
    assert phrase_tuple("100% of the time") == ("100", "%", "of", "the", "time")
    assert codes(ca("# Cough\n\nDon't wait: go to A&E.\n\nA cough usually goes away on its "
                    "own.\n")) == ["CA002"]


def test_cutting_down_because_it_makes_things_worse_against_an_faq_yes():
    # held-out set 5: "Drink plenty of water and cut down on alcohol, which can make vertigo
    # worse." / FAQ "Can I drink alcohol if I have vertigo?" - "Yes. A small glass of red
    # wine ... settles vertigo down."
    text = ("# Vertigo\n\nDrink plenty of water and cut down on alcohol, which can make vertigo "
            "worse.\n\n## FAQ\n\n### Can I drink alcohol if I have vertigo?\n\nYes. A small "
            "glass of red wine helps you relax.\n")
    assert codes(ca(text)) == ["CA005"]
    # cutting down is not abstaining: a plain yes does not contradict it
    assert not ca(text.replace(", which can make vertigo worse", ""))


def test_a_scraped_title_with_the_site_name_after_a_bar():
    doc = doc_of("Vertigo: Causes and Home Treatment | WellnessHub\nHome > Ear > Vertigo\n\n"
                 "Vertigo is the feeling that everything is spinning.\n", path="v.txt")
    assert doc.title == "Vertigo: Causes and Home Treatment"
    assert doc_of("Home | About | Contact\nVertigo and dizziness explained\n\nText here.\n",
                  path="v.txt").title == "Vertigo and dizziness explained"


def test_an_absolute_no_need_for_a_doctor_against_see_a_gp_if():
    # held-out set 5: FAQ "Do I need to see a doctor for tennis elbow?" - "No. There's no
    # need to see a doctor for tennis elbow, as it always goes away by itself." after "See
    # a GP if the pain has not eased after 2 weeks"
    text = ("# Tennis elbow\n\nSee a GP if the pain has not eased after 2 weeks.\n\n## FAQ\n\n"
            "### Do I need to see a doctor for tennis elbow?\n\nNo. There's no need to see a "
            "doctor for tennis elbow, as it always goes away by itself.\n")
    assert codes(ca(text)) == ["CA005"]
    body = ("# Cold\n\nThere is no need to see a doctor, as a cold always goes away by "
            "itself.\n\nSee a GP if you still have a cough after 3 weeks.\n")
    found = ca(body)
    assert codes(found) == ["CA002"] and found[0].line == 5 and "line 3" in found[0].message
    # hedged or conditional: how careful pages word it
    assert not ca(body.replace("There is no need", "There is usually no need"))
    assert not ca("# Cold\n\nYou do not need to see a GP for a cold.\n\nSee a GP if you "
                  "still have a cough after 3 weeks.\n")


def test_putting_a_thing_on_the_body_is_one_action_and_the_topic_no_object():
    # held-out set 5: FAQ "Should I put toothpaste on a cold sore?" - "No." against remedy 6
    # "Dab a little plain white toothpaste on the blister before bed." ("before bed" is a
    # time of day, not a step)
    text = ("# Cold sores\n\nDab a little plain white toothpaste on the blister before bed.\n\n"
            "## FAQ\n\n### Should I put toothpaste on a cold sore?\n\nNo. It can irritate the "
            "skin.\n")
    assert codes(ca(text)) == ["CA005"]
    assert not ca(text.replace("toothpaste on the blister", "cream on the blister"))
    # a step in a sequence is still not a contradiction
    assert not ca("# Cold sores\n\nAfter the blister bursts, dab a little cream on it.\n\n"
                  "Do not put cream on a cold sore.\n")


def test_a_treatment_stopped_when_better_against_kept_up_after():
    # held-out set 5: "Keep using the treatment for 1 to 2 weeks after the rash has cleared"
    # / "Once the itching stops, you can stop putting the cream on"
    found = ca("# Athlete's foot\n\nKeep using the treatment for 1 to 2 weeks after the rash "
               "has cleared.\n\nOnce the itching stops, you can stop putting the cream on.\n")
    assert codes(found) == ["CA001"] and found[0].line == 5 and "line 3" in found[0].message
    assert codes(ca("# Tonsillitis\n\nAlways finish the course of antibiotics.\n\nStop taking "
                    "the antibiotics as soon as you feel better.\n")) == ["CA001"]
    # the same advice twice, or only one side
    assert not ca("# Tonsillitis\n\nFinish the course of antibiotics.\n\nDo not stop taking "
                  "them when you feel better.\n")
    assert not ca("# Athlete's foot\n\nStop using the cream once the rash has cleared.\n")


def test_a_duration_with_no_limit_against_a_maximum():
    # held-out set 5: "Use a steroid cream for no longer than 7 days at a time" / "You can
    # safely use hydrocortisone cream on piles for as long as you need to"
    found = ca("# Piles\n\nUse a steroid cream for no longer than 7 days at a time.\n\nYou can "
               "safely use hydrocortisone cream on piles for as long as you need to.\n")
    assert codes(found) == ["CA004"] and found[0].line == 5
    # "as long as you need" is no condition; the maximum said twice is no conflict
    assert not ca("# Piles\n\nUse a steroid cream for no longer than 7 days.\n\nDo not use "
                  "hydrocortisone cream for longer than 7 days.\n")


def test_the_usual_course_said_twice_with_ranges_far_apart():
    # held-out set 5: "Most cold sores clear up on their own within 7 to 10 days" / FAQ
    # "Left alone, a cold sore normally hangs around for three to four weeks"
    text = ("# Cold sores\n\nMost cold sores clear up on their own within 7 to 10 days.\n\n"
            "## FAQ\n\n### How long does a cold sore last?\n\nLeft alone, a cold sore "
            "normally hangs around for three to four weeks.\n")
    assert codes(ca(text)) == ["CA005"]
    found = ca("# Cold sores\n\nMost cold sores clear up within 7 to 10 days.\n\nA cold sore "
               "lasts 3 to 4 weeks.\n\nIt can last for 6 months to 2 years.\n")
    assert [f.line for f in found] == [7] and codes(found) == ["CA004"]
    # close ranges, a warning, a treatment, another thing's course: no conflict
    assert not ca("# Cold sores\n\nMost cold sores clear up within 7 to 10 days.\n\nA cold "
                  "sore usually heals in 2 weeks.\n")
    assert not ca("# Cold sores\n\nMost cold sores clear up within 7 to 10 days.\n\nSee a GP "
                  "if a cold sore has not healed within 3 weeks.\n")
    assert not ca("# Cold sores\n\nWith aciclovir cream, cold sores heal in 2 days.\n\nMost "
                  "cold sores clear up within 7 to 10 days.\n")
    assert not ca("# Hay fever\n\nHay fever lasts for months, unlike a cold, which usually "
                  "goes away after 1 to 2 weeks.\n\nHay fever can last for 3 months.\n")
    # "with rest" is the usual course, not a treatment (set 5, tennis elbow)
    found = ca("# Tennis elbow\n\nMost people recover within 6 months to 2 years.\n\nWith "
               "rest, most cases of tennis elbow settle within two or three weeks.\n")
    assert codes(found) == ["CA004"] and found[0].line == 5


def test_praise_after_a_when_clause_and_a_minimum_duration_of_avoiding():
    # set 1: "Avoid coffee ... for at least two weeks" / FAQ "Drinking a strong cup of coffee
    # when the twitch starts can help the eyelid muscle relax"
    text = ("# Eye twitching\n\nAvoid coffee, black tea, and energy drinks for at least two "
            "weeks.\n\n## FAQ\n\n### Can coffee make eye twitching better?\n\nYes. Drinking a "
            "strong cup of coffee when the twitch starts can help the eyelid muscle relax.\n")
    assert codes(ca(text)) == ["CA005"]
    # a case of its own still tells them apart
    assert not ca(text.replace("when the twitch starts", "when you are driving"))


def test_no_set_limit_against_a_maximum_in_years():
    # set 4: "You should not take HRT for more than 5 years, and after that it must be
    # stopped." / FAQ "There is no set limit on how long you can take HRT."
    found = ca("# Hot flushes\n\nYou should not take HRT for more than 5 years, and after that "
               "it must be stopped.\n\nThere is no set limit on how long you can take HRT.\n")
    assert codes(found) == ["CA004"] and found[0].line == 5


def test_how_often_against_a_maximum():
    # set 1: "Wash your face at least four or five times a day" / "Wash your face no more
    # than twice a day"; set 4: "Use a coal tar shampoo every day" / "Coal tar shampoo
    # should only be used two or three times a week"
    found = ca("# Acne\n\nWash your face at least four or five times a day with soap.\n\n"
               "Wash your face no more than twice a day with a mild cleanser.\n")
    assert codes(found) == ["CA004"] and found[0].line == 5
    found = ca("# Scalp psoriasis\n\nUse a coal tar shampoo every day until the plaques have "
               "cleared.\n\nCoal tar shampoo should only be used two or three times a week.\n")
    assert codes(found) == ["CA004"] and found[0].line == 5
    # within the maximum, another thing, or a case of its own
    assert not ca("# Acne\n\nWash your face twice a day.\n\nWash your face no more than twice "
                  "a day.\n")
    assert not ca("# Acne\n\nTake doxycycline four times a day.\n\nWash your face no more "
                  "than twice a day.\n")
    assert not ca("# Acne\n\nIf you have oily skin, wash your face four times a day.\n\nWash "
                  "your face no more than twice a day.\n")


def test_during_the_day_is_a_time_not_a_case():
    # set 1: "Avoid napping during the day" / "A nap of 60 to 90 minutes in the afternoon
    # helps ..., so take one whenever you feel tired during the day"
    found = ca("# Insomnia\n\nAvoid napping during the day, even if you feel tired.\n\nA nap "
               "of 60 to 90 minutes helps you catch up on lost sleep, so take one whenever you "
               "feel tired during the day.\n")
    assert codes(found) == ["CA001"] and found[0].line == 5
    assert not ca("# Back pain\n\nAvoid exercise during pregnancy.\n\nExercise helps back "
                  "pain.\n")


def test_no_care_needed_until_after_the_time_care_is_needed():
    # set 4: "Go to A&E if: - the bleeding lasts longer than 15 minutes" / "As long as it
    # stops within an hour, there's no need to get help"; "See your GP if your hiccups last
    # longer than 48 hours" / "... after a week or more are worth mentioning to your doctor.
    # Before that there is really no need to see anyone."
    found = ca("# Nosebleeds\n\nGo to A&E if:\n\n- the bleeding lasts longer than 15 minutes\n"
               "- you feel dizzy\n\nAs long as it stops within an hour, there's no need to "
               "get help.\n")
    assert codes(found) == ["CA002"] and "1 hour" in found[0].message
    assert "15 minutes" in found[0].message
    found = ca("# Hiccups\n\nSee your GP if your hiccups last longer than 48 hours.\n\n"
               "Hiccups that won't go away after a week are worth mentioning to your doctor. "
               "Before that there is really no need to see anyone.\n")
    assert codes(found) == ["CA002"]
    # no care needed before the time care is: consistent
    assert not ca("# Hiccups\n\nThere is no need to see a GP for the first 24 hours.\n\n"
                  "See your GP if your hiccups last longer than 48 hours.\n")


def test_variants_of_the_new_pairs_worded_another_way():
    # written after the fixes above, to see that they read more than the labelled wording
    for text, code in (
            ("# Sleep\n\nCut back on sugar, especially before bed.\n\nA spoonful of sugar at "
             "bedtime helps you sleep.\n", "CA001"),
            ("# Sprains\n\nMost sprains heal within 2 to 3 weeks.\n\nA sprained ankle usually "
             "takes 3 to 6 months to heal.\n", "CA004"),
            ("# Tonsillitis\n\nTake the antibiotics until the course is finished.\n\nStop "
             "taking the antibiotics once you feel better.\n", "CA001"),
            ("# Eczema\n\nApply the cream twice a day.\n\nNever apply the cream more than once "
             "a day.\n", "CA004"),
            ("# Eczema\n\nApply the cream three times a day.\n\nOnly apply the cream once a "
             "day.\n", "CA004"),
            ("# Colds\n\nSee a GP if your cold lasts more than 3 weeks.\n\nYou never need to "
             "see a doctor for a cold, as it always clears up by itself.\n", "CA002"),
            ("# Croup\n\nIf your child's lips turn blue, call 999.\n\nIf your child's lips turn "
             "blue, this is normal after a bath.\n", "CA002")):
        found = ca(text)
        assert codes(found) == [code] and found[0].line == 5, text
    for text in ("# Sleep\n\nCut back on sugar, especially before bed.\n\nA spoonful of sugar "
                 "in the morning is fine.\n",
                 "# Sprains\n\nMost sprains heal within 2 to 3 weeks.\n\nA bad sprain takes 4 "
                 "weeks to heal.\n",
                 "# Colds\n\nSee a GP if your cold lasts more than 3 weeks.\n\nYou do not "
                 "usually need to see a doctor for a cold.\n"):
        assert not ca(text), text


def test_more_variants_plural_praise_reassurance_and_even_if():
    for text, code in (
            ("# Sprains\n\nNever use ice on a sprain.\n\nIce packs are a great way to reduce "
             "swelling.\n", "CA001"),
            ("# Headache\n\nCall 999 if you have a sudden, severe headache.\n\nIf the headache "
             "is sudden and severe, it is nothing to worry about and will settle.\n", "CA002"),
            ("# Thrush\n\nUse the cream for 7 days, even if the symptoms go.\n\nStop using the "
             "cream when the itching goes away.\n", "CA001")):
        found = ca(text)
        assert codes(found) == [code] and found[0].line == 5, text
    assert not ca("# Headache\n\nCall 999 if you have a sudden, severe headache.\n\nIf the "
                  "headache is sudden and severe, it will not settle by itself.\n")


def test_numbers_with_thousands_separators_and_a_duration_beside_an_interval():
    found = ca("# Sprain\n\nApply ice for 20 minutes every 2 hours.\n\nNever apply ice for more "
               "than 10 minutes.\n")
    assert codes(found) == ["CA004"] and "'20 minutes'" in found[0].message
    found = ca("# Fever\n\nTake 1,000 mg of paracetamol at a time.\n\nNever take more than "
               "500 mg of paracetamol at a time.\n")
    assert codes(found) == ["CA004"] and "1,000 mg" in found[0].message
    assert not ca("# Sprain\n\nApply ice for 10 minutes every 2 hours.\n\nNever apply ice for "
                  "more than 20 minutes.\n")


def test_a_thing_said_to_slow_recovery_against_praise():
    found = ca("# Back pain\n\nRest is the best way to recover.\n\nBed rest slows recovery, so "
               "keep moving.\n")
    assert codes(found) == ["CA001"] and found[0].line == 5


def test_no_need_to_limit_against_advice_to_cut_down_or_limit():
    # a permission to leave a thing unlimited meets even a soft "cut down on" or "limit to"
    found = ca("# Blood pressure\n\nCut down on salt. Aim for less than 1,500 mg a day.\n\n"
               "There is no need to limit salt if you exercise regularly.\n")
    assert len(found) == 1 and found[0].line == 5 and found[0].code == "CA001"
    assert len(ca("# BP\n\nLimit salt to 6 g a day.\n\nThere is no need to limit salt if you "
                  "exercise.\n")) == 1
    assert len(ca("# Eczema\n\nAvoid dairy.\n\nThere is no need to avoid dairy.\n")) == 1
    # "no need to avoid it completely" permits some: it agrees with "cut down on"
    assert ca("# Eczema\n\nCut down on dairy.\n\nThere is no need to avoid dairy "
              "completely.\n") == []
    # nothing said against it: nothing to contradict
    assert ca("# Colds\n\nDrink plenty of water.\n\nThere is no need to limit coffee.\n") == []


def test_limit_and_reduce_are_soft_negatives():
    assert len(ca("# Sleep\n\nReduce caffeine, especially in the evening.\n\nA cup of coffee "
                  "after dinner helps you relax.\n")) == 1
    assert ca("# Sleep\n\nLimit caffeine.\n\nA cup of coffee in the morning is fine.\n") == []


def test_every_negative_verb_can_pass_the_sentence_prefilter():
    import yaml

    from medlint.rules.contradictory_advice._advice import _NEG_WORDS
    from medlint.rules.registry import packs_dir

    pack = yaml.safe_load((packs_dir() / "advice.yaml").read_text())
    verbs = pack["rules"]["opposite-advice"]["negative_verbs"]
    assert all(v.split()[0] in _NEG_WORDS for v in verbs)


def test_putting_weight_on_and_walking_on_a_body_part_are_one_act():
    found = ca("# Sprained ankle\n\nDo not put any weight on the injured ankle for at least two "
               "weeks.\n\nWalk on the ankle as soon as possible, even on the first day.\n")
    assert len(found) == 1 and found[0].line == 5 and "putting weight on the ankle" in \
        found[0].message
    assert len(ca("# Knee pain\n\nAvoid putting weight on your knee.\n\nStand on the knee as "
                  "much as you can.\n")) == 1
    # sequenced: no weight at first, then walking once it allows
    assert ca("# Sprained ankle\n\nDo not put weight on the ankle for the first 48 hours.\n\n"
              "Once you can, walk on the ankle a little more each day.\n") == []
    # another body part
    assert ca("# Sprained ankle\n\nDo not put weight on the injured ankle.\n\nWalk on your "
              "hands in the pool to keep fit.\n") == []


def test_taking_a_tablet_with_a_thing_is_having_it():
    found = ca("# Iron deficiency\n\nAvoid drinking tea or coffee for an hour before and after "
               "taking iron.\n\nWash your iron tablet down with a cup of tea to protect your "
               "stomach.\n")
    assert len(found) == 1 and found[0].line == 5
    # a refusal of the same is agreement
    assert ca("# Iron deficiency\n\nAvoid drinking tea for an hour after taking iron.\n\nDo not "
              "take your iron tablet with tea.\n") == []
    # "with" something else in the sentence: not the thing taken with it
    assert ca("# Iron deficiency\n\nAvoid tea with meals.\n\nTake your tablet with water and "
              "a biscuit, not tea.\n") == []


def test_keeping_a_child_off_school_against_no_need_to():
    body = ("# Head lice\n\nChildren with head lice do not need to be kept off school or "
            "nursery.\n\n")
    found = ca(body + "## FAQ\n\n### Should my child stay home?\n\nYes. Keep your child at home "
               "until every last nit has been combed out.\n")
    assert [f.code for f in found] == ["CA005"]
    assert len(ca("# Croup\n\nKeep your child away from nursery until they are feeling "
                  "better.\n\nThere is no need to keep them off, as croup is not catching.\n")) == 1
    # keeping them off in a case does not meet a general "no need"
    assert ca(body + "Keep your child at home if they have a high temperature.\n") == []
    # agreement: both say there is no need
    assert ca(body + "You don't need to keep them off school.\n") == []
    # away from other things is not school
    assert ca(body + "Keep them away from babies' cots.\n") == []


def test_when_to_go_back_to_sport():
    found = ca("# Concussion\n\nMost players can return to play the next day as long as they "
               "feel fine.\n\nNo player should return to full-contact matches until at least 21 "
               "days after a concussion.\n")
    assert [f.code for f in found] == ["CA004"] and "until at least 21 days" in found[0].message
    # close enough: within a week against after 48 hours
    assert ca("# Flu\n\nMost people return to work within a week.\n\nDo not go back to work "
              "until 48 hours after your fever has gone.\n") == []
    # a negated early time is not a time allowed
    assert ca("# Concussion\n\nDo not return to play the same day.\n\nReturn to play only after "
              "at least 14 days.\n") == []


def test_a_floor_well_above_the_recommended_amount():
    # fluids are a quantity group of CA004 (not an opposite-advice group)
    found = ca("# Kidney stones\n\nAim for 2 to 3 litres of fluid a day.\n\nDrink at least 5 "
               "litres of water every day if you have had a kidney stone.\n")
    assert codes(found) == ["CA004"] and found[0].line == 5 and "'5 litres'" in found[0].message
    # a floor within the target, or a floor for another period, agrees with it
    assert not ca("# Kidney stones\n\nAim for 2 to 3 litres of fluid a day.\n\nDrink at least "
                  "2.5 litres of water every day.\n")
    assert not ca("# Kidney stones\n\nAim for 2 to 3 litres of fluid a day.\n\nDrink at least "
                  "5 litres of water a week more than you do now.\n")
    # a condition that the article's topic does not cover still tells them apart
    assert not ca("# Kidney stones\n\nAim for 2 to 3 litres of fluid a day.\n\nDrink at least "
                  "5 litres of water a day if you work outside in hot weather.\n")


def test_two_deadlines_for_starting_the_same_treatment():
    found = ca("# Shingles\n\nAntiviral tablets work best if you start them within 3 days "
               "(72 hours) of the rash appearing.\n\nAntivirals only work if you start them "
               "within 24 hours of the rash.\n")
    assert codes(found) == ["CA004"] and found[0].line == 5 and "when to start" in found[0].message
    # the same deadline in other units, or deadlines of different treatments, agree
    assert not ca("# Flu\n\nStart Tamiflu within 48 hours of the first symptoms.\n\nOseltamivir "
                  "works best when taken within 2 days.\n")
    assert not ca("# Emergency contraception\n\nTake Levonelle within 72 hours.\n\nTake ellaOne "
                  "within 120 hours.\n")
    # a negated deadline is no deadline
    assert not ca("# Shingles\n\nStart antivirals within 3 days of the rash.\n\nYou do not have "
                  "to start antivirals within 24 hours.\n")


def test_no_cure_against_a_cure_claim():
    found = ca("# Hay fever\n\nLocal honey works like a natural vaccine, curing hay fever for "
               "good.\n\nThere is no cure for hay fever, but you can control the symptoms.\n")
    assert codes(found) == ["CA006"] and found[0].line == 5 and "line 3" in found[0].message
    # a removal verb with a word of permanence; "no cure" naming nothing is about the topic
    found = ca("# Cold sores\n\nAciclovir cream wipes out cold sores for good.\n\nThere is no "
               "cure.\n")
    assert codes(found) == ["CA006"]
    # in the FAQ it is faq-contradicts-body
    found = ca("# Cold sores\n\nUsed at the first tingle, the cream wipes out the virus for good.\n\n## FAQ\n\n"
               "### Can cold sores be cured?\n\nThere is no cure for the herpes simplex virus."
               "\n")
    assert codes(found) == ["CA005"] and found[0].line == 9


def test_hedged_reported_or_other_cures_are_not_cure_claims():
    for claim in ("Some people claim that honey cures hay fever for good.",
                  "Honey does not cure hay fever.",
                  "Immunotherapy can cure hay fever in some people.",
                  "Antihistamines clear the symptoms but never cure hay fever.",
                  "Surgery cures some cancers for good.",
                  "Herbal cures for hay fever are sold online.",
                  "Read about the causes and cures of hay fever."):
        text = f"# Hay fever\n\nThere is no cure for hay fever.\n\n{claim}\n"
        assert "CA006" not in codes(ca(text)), claim
    # a myth quoted to be debunked
    assert not ca("# Hay fever\n\nThere is no cure for hay fever.\n\n## Myths\n\nLocal honey "
                  "cures hay fever for good.\n")


def test_stopped_once_back_to_normal_against_kept_up_after_it():
    found = ca("# Anaemia\n\nKeep taking them for 3 months after your blood count is back to "
               "normal.\n\nYour levels should be back to normal in 2 to 4 weeks, after which "
               "you can stop the tablets.\n")
    assert codes(found) == ["CA001"] and found[0].line == 5


def test_stopped_sooner_than_it_takes_to_work():
    found = ca("# IBS\n\nYour GP may prescribe a low-dose antidepressant. It can take several "
               "weeks to work.\n\nIf the antidepressant has not made any difference after a "
               "week, stop taking it.\n")
    assert codes(found) == ["CA004"] and found[0].line == 5
    found = ca("# IBS\n\nIt can take 4 to 6 weeks to work.\n\nStop taking it if it has not "
               "helped after 2 weeks.\n")
    assert codes(found) == ["CA004"]
    # giving it longer than it takes agrees; another section speaks of something else
    assert not ca("# IBS\n\nIt can take 2 weeks to work.\n\nIf it has not helped after 6 weeks, "
                  "stop taking it.\n")
    assert not ca("# IBS\n\n## Antidepressants\n\nThey can take several weeks to work.\n\n"
                  "## Laxatives\n\nIf they have not helped after 3 days, stop taking them.\n")


def test_safe_to_wait_longer_than_the_time_after_which_to_see_a_gp():
    found = ca("# Carpal tunnel\n\nSee a GP if you have had tingling in your hand for more than "
               "2 weeks.\n\nMost people can safely wait six months before getting their hands "
               "checked.\n")
    assert codes(found) == ["CA002"] and found[0].line == 5
    assert not ca("# Carpal tunnel\n\nSee a GP if you have had tingling in your hand for more "
                  "than 2 weeks.\n\nYou can wait a few days before seeing a GP.\n")
    assert not ca("# Carpal tunnel\n\nSee a GP if you have had tingling in your hand for more "
                  "than 2 weeks.\n\nMost people can safely wait 1 week before getting their "
                  "hands checked.\n")


def test_back_to_school_before_what_keeping_off_waits_for():
    keep = ("# Chickenpox\n\nYour child is infectious until all the spots have crusted over. "
            "Keep them off nursery or school until then.\n\n")
    found = ca(keep + "They can go back to school 48 hours after the fever, even if some spots "
               "have not scabbed over yet.\n")
    assert codes(found) == ["CA001"] and found[0].line == 5 and "back to school" in found[0].message
    # back once the spots have crusted over agrees; "even if" about something else does not
    # meet the wait
    assert not ca(keep + "They can go back to school once the spots have crusted over, even "
                  "if they still feel tired.\n")
    assert not ca(keep + "They can go back to school when the spots have crusted over.\n")


def test_opposite_ways_to_hold_the_head_in_a_nosebleed():
    text = ("# Nosebleeds\n\nSit down and lean forward.\n\nTip your head back until the bleeding "
            "stops.\n\nTeach your child to lean forward.\n")
    found = ca(text)
    assert codes(found) == ["CA001"] and found[0].line == 5  # not line 7, which agrees with 3
    for rejected in ("Do not tip your head back.", "Lean forward instead of tilting your head "
                     "back.", "Never lean forward."):
        assert not ca(f"# Nosebleeds\n\nSit down and lean forward.\n\n{rejected}\n"), rejected
    assert not ca("# Nosebleeds\n\nSit down and lean forward.\n\n## Myths\n\nTip your head "
                  "back.\n")


def test_an_emergency_red_flag_told_it_can_wait():
    text = ("# Croup\n\nCall 999 if you can see the skin pulling in under their ribs.\n\n"
            "Most children with croup who are struggling to breathe can safely wait to be seen "
            "by their GP the next morning.\n")
    found = ca(text)
    assert codes(found) == ["CA002"] and found[0].line == 5
    # waiting with a mild symptom is not a red flag
    assert not ca("# Croup\n\nCall 999 if you can see the skin pulling in under their ribs.\n\n"
                  "A child with a mild barking cough can safely wait to be seen by their GP.\n")


def test_stopping_a_medicine_on_your_own_against_never_stop_without_the_doctor():
    never = ("Never stop or change the dose of a blood thinner without talking to the doctor "
             "who prescribed it.\n")
    stop = ("If you take a blood thinner such as warfarin and keep getting nosebleeds, stop "
            "taking it for a few days.\n")
    found = ca(f"# Nosebleeds\n\n{stop}\n{never}")
    assert codes(found) == ["CA001"] and found[0].line == 5
    assert "stopping a prescribed medicine" in found[0].message
    # stopping with the prescriber agrees with it
    assert not ca(f"# Nosebleeds\n\n{stop.replace('for a few days', 'only if your doctor says so')}"
                  f"\n{never}")


def test_a_measure_of_a_coloured_drink_as_the_subject_of_praise():
    avoid = "Avoid alcohol, caffeine and spicy food, which are common triggers for hot flushes.\n\n"
    for praise in ("A glass or two of red wine in the evening is a lovely way to unwind.",
                   "Red wine can help you cool down."):
        found = ca(f"# Hot flushes\n\n{avoid}{praise}\n")
        assert codes(found) == ["CA001"] and found[0].line == 5, praise


def test_windows_kept_shut_against_opened_unless_a_case_tells_them_apart():
    shut = "Keep windows and doors shut, especially in the early morning and evening.\n\n"
    found = ca(f"# Hay fever\n\n{shut}Open your bedroom window at night to let fresh air in.\n")
    assert codes(found) == ["CA001"] and "windows shut" in found[0].message
    assert not ca("# Asthma\n\nTo keep damp away, try opening windows.\n\nIf you know "
                  "thunderstorms affect you, stay indoors and keep the windows closed.\n")


def test_kept_awake_after_a_head_injury_against_let_sleep():
    found = ca("# Concussion\n\nDo not let the player fall asleep. Keep them awake for 12 hours."
               "\n\nSleep as much as you need in the first few days.\n")
    assert codes(found) == ["CA001"] and found[0].line == 5
    assert not ca("# Concussion\n\nIt's fine to let them sleep.\n\nSleep as much as you need.\n")


def test_taken_off_at_night_against_worn_day_and_night():
    off = "Wear them during the day and take them off at night.\n\n"
    found = ca(f"# Varicose veins\n\n{off}Wearing your stockings day and night gives the best "
               "results.\n")
    assert codes(found) == ["CA001"] and found[0].line == 5
    # a stage that opens the sentence tells them apart
    assert not ca(f"# Varicose veins\n\n{off}After treatment, wear your stockings day and night "
                  "for the first 3 days.\n")


def test_contact_lenses_taken_out_against_kept_in_the_same_case():
    out = ("If you wear contact lenses, take them out and do not wear them again until your "
           "symptoms have cleared.\n\n")
    found = ca(f"# Conjunctivitis\n\n{out}You can keep wearing soft contact lenses while you have "
               "conjunctivitis.\n")
    assert codes(found) == ["CA001"] and found[0].line == 5
    # a case the other sentence does not share still tells them apart
    assert not ca(f"# Conjunctivitis\n\n{out}If your eyes are not red, you can keep wearing soft "
                  "contact lenses.\n")


def test_a_stinger_scraped_out_against_pulled_with_tweezers():
    body = ("Scrape it out sideways with a fingernail. Never squeeze it with tweezers, because "
            "that can push more venom into the skin.\n\n")
    found = ca(f"# Bee stings\n\n{body}Grab it with tweezers and pull it straight out.\n")
    assert codes(found) == ["CA001"] and found[0].line == 5
    assert not ca(f"# Bee stings\n\n{body}Wash the area with soap and water.\n")


def test_a_nosebleed_pinched_without_letting_go_against_letting_go_to_look():
    body = ("Pinch the soft part of your nose for 10 to 15 minutes without letting go.\n\n")
    found = ca(f"# Nosebleeds\n\n{body}Every couple of minutes, let go and have a look to see "
               "whether the bleeding has stopped.\n")
    assert codes(found) == ["CA001"] and found[0].line == 5
    assert not ca(f"# Nosebleeds\n\n{body}Do not let go to check whether it has stopped.\n")
    assert not ca(f"# Nosebleeds\n\n{body}After 15 minutes, let go and look: if it is still "
                  "bleeding, pinch again.\n")


def test_scales_never_picked_against_lifted_off_with_fingernails():
    body = "Never pick at or scratch the scales, because this can cause bleeding.\n\n"
    # "never" holds in every case: a stage on the other side does not tell them apart
    found = ca(f"# Scalp psoriasis\n\n{body}After a warm shower, lift off the loose flakes "
               "with your fingernails.\n")
    assert codes(found) == ["CA001"] and found[0].line == 5
    assert not ca(f"# Scalp psoriasis\n\n{body}After a warm shower, comb out the loose flakes "
                  "gently.\n")
    # without "never", a stage still tells them apart
    assert not ca("# Scalp psoriasis\n\nDo not pick at the scales while they are hard.\n\n"
                  "After a warm shower, lift off the loose flakes with your fingernails.\n")


def test_a_list_after_avoid_and_a_measured_drink():
    # set 3: "Avoid sugary drinks, fizzy drinks and fruit juices while you have a UTI" /
    # "Drink at least 2 large glasses of cranberry juice a day until you feel better"
    drink = ("Drink at least 2 large glasses of cranberry juice a day until you feel "
             "better.\n\n")
    found = ca(f"# UTI in women\n\n{drink}Avoid sugary drinks, fizzy drinks and fruit juices "
               "while you have a UTI.\n")
    assert codes(found) == ["CA001"] and found[0].line == 5
    assert "'Avoid sugary drinks, fizzy drinks" in found[0].message
    # a case of its own, and list items that are not what the verb acts on
    assert not ca(f"# UTI in women\n\n{drink}If you have diabetes, avoid fruit juices.\n")
    assert not ca("# Healthy eating\n\nKeep salt intake low.\n\nCut down on foods high in "
                  "saturated fat, sugar and salt.\n\nAdd a pinch of salt to taste.\n")


def test_a_prescribed_laxative_stopped_when_poos_are_soft_against_not_stopped_suddenly():
    stop = ("If your GP has prescribed a laxative, stop giving it as soon as your child's poos "
            "are soft again.\n\n")
    found = ca(f"# Constipation in children\n\n{stop}Do not stop a laxative suddenly: reduce "
               "the dose slowly.\n")
    assert [f.line for f in found] == [5]


def test_cleaning_the_ear_with_a_cotton_bud_against_never_putting_one_in():
    never = "Never put cotton buds or any other object into your ear canal.\n\n"
    found = ca(f"# Earwax\n\n{never}After a shower, gently clean inside the ear canal with a "
               "cotton bud.\n")
    assert codes(found) == ["CA001"] and found[0].line == 5
    assert not ca(f"# Earwax\n\n{never}Gently clean the outside of your ear with a cloth.\n")


def test_normal_up_to_a_time_against_see_someone_sooner():
    body = ("See your dentist or GP if a mouth ulcer lasts longer than 3 weeks.\n\n## FAQ\n\n"
            "### How long do mouth ulcers last?\n\n")
    found = ca(f"# Mouth ulcers\n\n{body}Ulcers lasting up to 6 weeks are normal, so there is "
               "no need to see anyone unless it has been longer than that.\n")
    assert codes(found) == ["CA005"]
    assert not ca(f"# Mouth ulcers\n\n{body}Ulcers lasting up to 2 weeks are normal, so there is "
                  "no need to see anyone unless it has been longer than that.\n")


def test_permission_to_keep_going_against_stopping_completely():
    stop = "Stop running completely for at least six weeks, even if the pain goes away.\n\n"
    for text in ("You can keep running through shin splints as long as the pain stays low.",
                 "You can keep running through shin splints."):
        found = ca(f"# Shin splints\n\n{stop}{text}\n")
        assert codes(found) == ["CA001"] and found[0].line == 5, text
    # a negative that leaves cases open, against a case of its own
    assert not ca("# Shin splints\n\nStop running for a few days.\n\nOnce the pain has gone, "
                  "you can keep running on soft ground.\n")


def test_stay_off_until_against_back_the_day_after():
    stay = ("Stay off work or school until 48 hours after your last episode of vomiting.\n\n")
    found = ca(f"# Norovirus\n\n{stay}You can go back to work or school the day after the "
               "vomiting stops.\n")
    assert codes(found) == ["CA004"] and found[0].line == 5
    assert not ca(f"# Norovirus\n\n{stay}You can go back to work 48 hours after the vomiting "
                  "stops.\n")


def test_fruit_cut_out_against_whole_fruit_is_fine():
    found = ca("# Type 2 diabetes diet\n\nWhole fruit is fine because its fibre slows the "
               "sugar.\n\nCut out all fruit completely, including bananas.\n")
    assert codes(found) == ["CA001"] and found[0].line == 5
    assert not ca("# Type 2 diabetes diet\n\nWhole fruit is fine.\n\nLimit fruit juice to one "
                  "small glass a day.\n")


def test_how_often_answered_in_the_faq_against_the_body():
    body = ("1. **Soak your foot in warm, salty water** for 15 to 20 minutes, three or four times "
            "a day.\n\n## FAQ\n\n### How often should I soak my toe?\n\n")
    found = ca(f"# Ingrown toenail\n\n{body}Once a day for around five minutes is plenty; "
               "soaking for longer or more often will make things worse.\n")
    assert codes(found) == ["CA005"]
    assert not ca(f"# Ingrown toenail\n\n{body}Three or four times a day.\n")


def test_two_earliest_returns_to_sport_far_apart():
    avoid = "Avoid contact sports and heavy lifting for at least 8 weeks.\n\n"
    found = ca(f"# Glandular fever\n\n{avoid}You can go back to rugby and other contact sports "
               "once you feel better, usually after about 2 weeks.\n")
    assert codes(found) == ["CA004"] and found[0].line == 5
    assert not ca(f"# Glandular fever\n\n{avoid}You can go back to contact sports after about "
                  "10 weeks.\n")


def test_no_cure_against_it_can_be_cured_completely():
    found = ca("# Rosacea\n\nRosacea is caused by mites, and it can be cured completely by killing "
               "them with tea tree oil.\n\nThere's no cure for rosacea, but treatment helps.\n")
    assert codes(found) == ["CA006"]
    assert not ca("# Rosacea\n\nIt cannot be cured completely, but it can be controlled.\n\n"
                  "There's no cure for rosacea.\n")


def test_never_squeeze_a_stye_against_pop_it():
    found = ca("# Styes\n\nIf the stye has a yellow head, gently pop it with a needle.\n\n"
               "Never squeeze, pop or burst a stye yourself.\n")
    assert codes(found) == ["CA001"] and found[0].line == 5
