"""Safety rules, with the false-positive traps found on the corpus."""

from __future__ import annotations

import pytest

from medlint.config import from_mapping

from .conftest import SEEDS, codes, lint

FILLER = ("Knee twitching is a small movement of the muscles around the knee that most "
          "people notice now and then, often after a long walk or a busy day. ") * 10


def test_seed_text_missing_warning_list_is_reported_at_line_77():
    text = (SEEDS / "what-causes-knee-twitching.txt").read_text(encoding="utf-8")
    found = [f for f in lint(text, select=["safety"], fmt="text") if f.code == "SF005"]
    assert [f.line for f in found] == [77]


def test_warning_list_present_or_separated_by_a_sub_lead_in():
    ok = ("# Chest pain\n\nSee a doctor if you notice any of these:\n\n**Possible causes:**\n\n"
          "- pain that spreads\n- sweating\n")
    assert codes(lint(ok, select=["SF005"])) == []
    missing = "# Chest pain\n\nSee a doctor if you notice any of these:\n\n## Causes\n\nText.\n"
    assert codes(lint(missing, select=["SF005"])) == ["SF005"]
    # a colon lead-in that is not about getting help is left to other rules
    other = "# Food\n\nGood foods include:\n\nMore text follows here.\n"
    assert codes(lint(other, select=["SF005"])) == []


def test_when_to_seek_care_needs_a_symptom_topic():
    bad = f"---\ntitle: Why is my knee twitching?\n---\n\n{FILLER}\n"
    assert codes(lint(bad, select=["SF001"])) == ["SF001"]
    assert codes(lint(bad + "\nSpeak to a GP if it lasts more than 2 weeks.\n",
                      select=["SF001"])) == []
    assert codes(lint(bad + "\nIt is essential to seek medical advice if it spreads.\n",
                      select=["SF001"])) == []
    # not a symptom topic: news, cosmetic and rating pages
    for title in ("Treatment for flu-like symptoms more than doubled, ADPH says",
                  "Home Remedies for Dark Circles Under Eyes",
                  "Navigating the VA Migraine Rating System"):
        text = f"---\ntitle: {title}\n---\n\n{FILLER}\n"
        assert codes(lint(text, select=["SF001"])) == [], title


def test_red_flag_negated_or_guarded_is_not_reported():
    base = ("# Knee pain\n\nYou may feel it on stairs. Your knee may click. You can rest it. "
            "Your GP can help you.\n\n")
    assert codes(lint(base + "You may also get sudden chest pain.\n", select=["SF002"])) == \
        ["SF002"]
    assert codes(lint(base + "Knee pain does not cause sudden chest pain.\n",
                      select=["SF002"])) == []
    assert codes(lint(base + "There is no sudden chest pain with it.\n", select=["SF002"])) == []
    guarded = base + "## Call 999 if you have\n\n- sudden chest pain\n- slurred speech\n"
    assert codes(lint(guarded, select=["SF002"])) == []
    leadin = base + "Call 999 or go to A&E if you have:\n\n- a\n- b\n- c\n- d\n- slurred speech\n"
    assert codes(lint(leadin, select=["SF002"])) == []


def test_red_flag_traps_from_the_corpus():
    base = "# Children\n\nYou and your child can do this. Your baby may cough.\n\n"
    for text in ("Raw jelly cubes can be a choking hazard for your baby.",
                 "When asthma is unresponsive to your usual medications, see your GP.",
                 "In intensive care you may be unable to breathe on your own.",
                 "You may feel dizzy or faint after standing up.",
                 "Your asthma can cause chest tightness and shortness of breath."):
        assert codes(lint(base + text + "\n", select=["SF002"])) == [], text


def test_red_flag_context_traps_from_the_corpus():
    base = ("# Children\n\nYou and your child can do this. Your baby may cough. Your GP can "
            "help you.\n\n")
    for text in (
            # a breath-holding spell (Mayo tantrum page), a seizure described (NHS febrile
            # seizures), symptoms of long-term conditions (multiple sclerosis, flu)
            "If your child holds his or her breath during tantrums to the point of fainting, "
            "share your concerns with your child's doctor.",
            "- what happened, such as body stiffening, twitching of the face, staring, and "
            "loss of consciousness",
            "- **Speech problems**: Slurred speech or difficulty speaking",
            "- **Older adults:** Fever may be absent; confusion or sudden weakness could "
            "indicate flu complications."):
        assert codes(lint(base + text + "\n", select=["SF002"])) == [], text
    # the same symptoms as emergencies are still reported
    for text in ("You may suddenly get slurred speech.",
                 "You may notice sudden weakness in one arm.",
                 "You may get sudden weakness or paralysis (stroke warning).",
                 "Your child may faint and be unresponsive."):
        assert codes(lint(base + text + "\n", select=["SF002"])) == ["SF002"], text


def test_red_flag_mentioned_in_an_emergency_card_is_guarded_everywhere():
    text = ("# Blue or grey skin or lips (cyanosis)\n\n**Cyanosis is where your skin or lips "
            "turn blue or grey. You may notice it.**\n\n## How to tell\n\nYou may see it on "
            "your lips.\n\nYour hands may be cold.\n\nYour feet too.\n\n## Immediate action "
            "required: Call 999 or go to A&E if:\n\n* your or your child's lips, tongue, face "
            "or skin suddenly turn blue or grey\n")
    assert codes(lint(text, select=["SF002"])) == []


def test_red_flag_skips_encyclopaedia_text():
    text = ("# Montelukast\n\nSevere side effects may include anaphylaxis. It was approved in "
            "1998. It is a leukotriene receptor antagonist.\n")
    assert codes(lint(text, select=["SF002"])) == []


def test_discontinue_treatment_and_its_safe_forms():
    t = "# Blood pressure\n\n{}\n"
    assert codes(lint(t.format("Eat garlic and stop taking your blood pressure tablets."),
                      select=["SF003"])) == ["SF003"]
    assert codes(lint(t.format("Use herbs instead of antibiotics."), select=["SF003"])) == \
        ["SF003"]
    for safe in ("Do not stop taking your medicine without talking to your doctor.",
                 "You may be advised to stop taking your medicine before surgery.",
                 "Your doctor may tell you to stop taking your statins.",
                 "Most people do not need antibiotics, as viral coughs do not respond to them.",
                 "If you get a rash, stop taking the medicine and call your doctor."):
        assert codes(lint(t.format(safe), select=["SF003"])) == [], safe


def test_child_dose_needs_guidance_in_its_section():
    bad = "# Fever\n\n## Paracetamol\n\nGive children aged 2 to 4 years 5ml of paracetamol syrup.\n"
    assert codes(lint(bad, select=["SF004"])) == ["SF004"]
    good = bad + "\nAlways check the label, or ask a pharmacist.\n"
    assert codes(lint(good, select=["SF004"])) == []
    # amounts of milk or formula, numbers of vaccine doses, adult doses: not children's doses
    for text in ("Babies fed infant formula will drink about 400ml daily.",
                 "Most children get 4 doses of polio vaccine.",
                 "Adults can take 500mg of paracetamol.",
                 "A nurse will collect 4 drops of blood from your baby's heel."):
        assert codes(lint("# Babies\n\n" + text + "\n", select=["SF004"])) == [], text


def test_red_flags_section_needs_an_instruction():
    bad = ("# Wound care\n\nClean the wound with water.\n\n## Red flags\n\n- Deep or dirty wound\n"
           "- Persistent bleeding\n\n## Prevention\n\nKeep tetanus vaccinations up to date.\n")
    found = lint(bad, select=["SF002"])
    assert [(f.code, f.line) for f in found] == [("SF002", 5)]
    # an instruction in the heading, the lead-in or the list, or a sentence elsewhere
    # that says what to do about the warning signs
    for ok in (bad.replace("## Red flags", "## Red flags: see a GP if you have"),
               bad.replace("## Red flags\n", "## Red flags\n\nSeek care if:\n"),
               bad.replace("Persistent bleeding", "Bleeding that will not stop: call 999"),
               bad + "\nSee your doctor if you notice any of these warning signs.\n",
               # a heading without a list is left to the other checks
               "# Stroke\n\n## Red flags\n\nEvery minute counts.\n"):
        assert codes(lint(ok, select=["SF002"])) == [], ok


def test_when_to_seek_care_named_conditions_and_short_articles():
    # a named condition in the title is a condition topic, and short summaries count
    uti = ("---\ntitle: UTI vs Vaginitis — Key Differences\n---\n\n## UTI key features\n\n"
           "- Burning or pain when peeing\n- Frequent urge to urinate\n- Cloudy urine\n\n"
           "## Self-care\n\n- Stay hydrated and drink plenty of water through the day\n"
           "- Practice good hygiene and avoid scented washes or bubble baths\n"
           "- Wear loose cotton underwear and change out of damp clothes quickly\n\n"
           "Both conditions are common, cause discomfort and often clear up with simple "
           "care at home within a few days.\n")
    assert codes(lint(uti, select=["SF001"])) == ["SF001"]
    anxiety = f"---\ntitle: Overcoming Anxiety Without Medication\n---\n\n{FILLER}\n"
    assert codes(lint(anxiety, select=["SF001"])) == ["SF001"]
    # help in mental-health or first-person wording
    for helps in ("If it affects your daily life, consult a mental health professional.",
                  "Consider reaching out to a therapist.",
                  "After many sleepless nights, I consulted my doctor.",
                  "It became clear that professional help was needed."):
        assert codes(lint(anxiety + "\n" + helps + "\n", select=["SF001"])) == [], helps
    # encyclopaedia and news pages
    for title in ("Dengue fever - Simple English Wikipedia, the free encyclopedia",
                  "Anxiety cases in teenagers: health news"):
        text = f"---\ntitle: {title}\n---\n\n{FILLER}\n"
        assert codes(lint(text, select=["SF001"])) == [], title


def test_red_flags_for_cauda_equina_febrile_seizures_blood_pressure_and_self_harm():
    base = "# Back pain\n\nYou and your child can do this. Your GP can help you and yours.\n\n"
    for text in ("You may notice numbness in the groin and loss of bladder control.",
                 "Some children have a febrile seizure when their temperature rises quickly.",
                 "A reading above 180/120 is high for you.",
                 "You may have thoughts of harming yourself.",
                 "Your face may show drooping on one side.",
                 "Severe anaemia can cause chest pain, a pounding heartbeat and shortness of "
                 "breath, even when you are resting.",
                 "You may feel short of breath at rest.",
                 "Your eczema may suddenly become painful, with clusters of small blisters "
                 "that burst and leave open sores.",
                 "You may notice sudden hearing loss in one ear.",
                 "If your lips or tongue start to swell, book a routine appointment.",
                 "Your baby may have a sunken soft spot on the top of their head.",
                 "With diabetes, you may be sick and be breathing fast."):
        assert codes(lint(base + text + "\n", select=["SF002"])) == ["SF002"], text
    for text in ("If your eyes become very painful or sensitive to light, these symptoms usually "
                 "settle on their own within a few days.",
                 "If you see these signs of heatstroke, such as loss of consciousness, keep cooling "
                 "the person and see how they feel in a few hours."):
        assert codes(lint(base + text + "\n", select=["SF002"])) == ["SF002"], text
    # the same words where they are not red flags
    incontinence = ("# Urinary incontinence\n\nYou may notice loss of bladder control when "
                    "you cough. Your pelvic floor exercises help you.\n")
    assert codes(lint(incontinence, select=["SF002"])) == []
    guarded = base + ("Most febrile seizures stop within 5 minutes. Call 999 if your child's "
                      "seizure lasts longer than 5 minutes.\n")
    assert codes(lint(guarded, select=["SF002"])) == []
    # breathless on exertion is no red flag; at rest with urgent advice is answered
    for text in ("You may get short of breath when you climb stairs.",
                 "If you are short of breath at rest, call 111 or ask for an urgent GP "
                 "appointment."):
        assert codes(lint(base + text + "\n", select=["SF002"])) == [], text


def test_red_flag_sent_to_routine_care_is_reported_despite_urgent_advice_nearby():
    base = ("# Eye twitching\n\nYou may notice it. Your eye may water. See a doctor right "
            "away if your vision goes or you feel ill.\n\n")
    got = lint(base + "If it comes with sudden slurred speech, make an appointment with your eye "
                      "doctor.\n", select=["SF002"])
    assert codes(got) == ["SF002"] and "routine or self-care" in got[0].message
    got = lint(base + "You may have drooping on one side of your face. Mention it to your GP "
                      "at your next check-up.\n", select=["SF002"])
    assert codes(got) == ["SF002"] and "next check-up" in got[0].message
    # routine advice for the ordinary case and urgent advice for the red flag: fine
    assert codes(lint(base + "Book an appointment if it lasts two weeks. Call 999 right away "
                             "if you get slurred speech.\n", select=["SF002"])) == []


def test_discontinue_named_prescription_drugs():
    t = "# Heartburn\n\n{}\n"
    for text in ("Once it is gone you can simply stop taking your PPI.",
                 "Stop taking your prescribed sleeping pills and switch to valerian.",
                 "Quit your thyroid medication when you feel better."):
        assert codes(lint(t.format(text), select=["SF003"])) == ["SF003"], text


# SF006: each advised act is reported; the same act as a warning, a myth, the safe version
# or a question is not. The "ok" sentences are the corpus's own wordings (NHS, Mayo Clinic,
# medify) and the usual ways a careful page words the warning.
HARMFUL = [
    ("# Fever in children\n\nGive your child aspirin to bring the fever down.\n",
     "aspirin can cause Reye's syndrome"),
    ("# Cough\n\nFor a 6-month-old baby with a cough, honey is a great natural remedy.\n",
     "infant botulism"),
    ("# Colds in babies\n\nGive your baby a children's cough syrup at night.\n",
     "not for young children"),
    ("# Fever\n\nTo cool them off, sponge your toddler with rubbing alcohol.\n",
     "rubbing alcohol"),
    ("# Fever\n\nA cold bath is the quickest way to break a fever.\n", "shiver"),
    ("# Minor burns\n\nFor a small burn, put butter on it straight away.\n",
     "cool running water"),
    ("# Nosebleeds\n\nIf your child has a nosebleed, tilt their head back.\n", "lean forward"),
    ("# Seizures\n\nIf your child has a fit, put a spoon in their mouth so they do not "
     "bite their tongue.\n", "seizure"),
    ("# Poisoning\n\nIf they swallowed bleach, make them vomit right away.\n",
     "poison control"),
    ("# Snake bites\n\nIf bitten by a snake, suck out the venom.\n", "keep still"),
    ("# Baby sleep\n\nPlace your baby on their tummy to sleep so they do not choke.\n", "SIDS"),
    ("# Frostbite\n\nRub the frostbitten fingers briskly to warm them.\n", "rewarm"),
    ("# Concussion in sport\n\nKeep them awake for at least 12 hours after the injury.\n",
     "sleep and rest help"),
    ("# Head injury\n\nIf they nod off, wake them every hour to check on them.\n",
     "sleep and rest help"),
    ("# Mouth ulcers\n\nCrush an aspirin tablet and hold the paste against the ulcer.\n",
     "chemical burn"),
    ("# Food poisoning\n\nFor children, give loperamide (Imodium): half a tablet for under "
     "5s.\n", "not for children under 12"),
    ("# Earwax\n\nEar candling is a safe, natural way to draw earwax out.\n",
     "ear candles have burned"),
    ("# Panic attacks\n\nIf you are hyperventilating, breathe in and out of a paper bag.\n",
     "paper bag"),
    ("# Eczema in babies\n\nThe first thing to do is switch your baby to a dairy-free "
     "formula.\n", "medical advice"),
    ("# Ingrown toenail\n\nNumb your toe with ice and cut out the ingrown piece of nail "
     "yourself.\n", "podiatrist"),
    ("# Hives\n\nIf one tablet does not work, take up to four times the dose on the packet.\n",
     "overdose"),
    ("# Teething\n\nAmber necklaces are a completely safe way to ease teething pain.\n",
     "strangle"),
    ("# Teething\n\nRub a little whisky on your baby's gums to numb the pain.\n", "poison"),
    ("# Teething\n\nBenzocaine gels are perfectly safe for babies of any age.\n",
     "methaemoglobinaemia"),
    ("# Fungal nail infection\n\nSoak your feet in household bleach every evening.\n",
     "chemical burns"),
    ("# Warts\n\nSome people cut the wart off with a clean razor blade.\n", "scars"),
    ("# Lyme disease\n\nCover the tick with a thick layer of petroleum jelly.\n", "tweezers"),
    ("# Travel sickness\n\nFor toddlers, crush half a promethazine tablet into their milk.\n",
     "under 2"),
    ("# Hangover cures\n\nA hangover is never dangerous, so there's no need to see a doctor, "
     "however bad you feel.\n", "alcohol poisoning"),
    ("# Nappy rash\n\nDust talcum powder or cornflour over the area before the next nappy.\n",
     "lungs"),
    ("# Chilblains\n\nRub your toes hard with snow or put your feet straight into hot water.\n",
     "warm the skin slowly"),
    ("# Styes\n\nSterilise a sewing needle with a lighter and gently pop it.\n", "cellulitis"),
    ("# Leg cramps\n\nIf you have been prescribed quinine and your cramps are not better, double "
     "the dose.\n", "overdose"),
]
HARMLESS = [
    "# Bronchitis\n\n* try adding honey to a warm drink to help soothe your throat (do not give "
    "honey to babies under 1)\n",
    "# Bronchitis\n\n- **Use honey**: Can help with cough (not for children under 1 year)\n",
    "# Cough in babies\n\nNever give honey to babies under 12 months.\n",
    "# Cough in children\n\nHoney can soothe a cough in children over 1 year.\n",
    "# Pain relief\n\nUse caution when giving aspirin to children or teenagers.\n",
    "# Fever\n\nDo not sponge your child with cold water; a lukewarm cloth is fine.\n",
    "# Burns\n\nPutting butter on a burn is a myth: it traps the heat.\n",
    "# Myths about burns\n\nPut butter on a burn.\n",
    "# What not to do\n\n- tilt the head back during a nosebleed\n",
    "# Nosebleeds\n\nShould you tilt your head back during a nosebleed?\n",
    "# Tummy time\n\nPlace your baby on their tummy to play while they are awake and "
    "supervised.\n",
    "# Heart health\n\nYour doctor may tell you to take a baby aspirin every day.\n",
    "# Burns\n\nCool the burn under cool running water for 20 minutes.\n",
    "# Head injury\n\nGo to A&E if it is hard to keep them awake.\n",
    "# Head injury\n\nYou do not need to keep them awake: sleep helps recovery.\n",
    "# Head injury\n\nIn hospital, nurses may wake them every hour to check on them.\n",
    "# Mouth ulcers\n\nNever hold an aspirin against an ulcer: it burns the gum.\n",
    "# Diarrhoea\n\nAdults can take loperamide (Imodium) for a day or two.\n",
    "# Diarrhoea in children\n\nYour doctor may prescribe loperamide for children over 12.\n",
    "# Panic attacks\n\nBreathing into a paper bag is no longer recommended.\n",
    "# Cows' milk allergy\n\nYour GP may advise you to switch your baby to a hypoallergenic "
    "formula.\n",
    "# Hives\n\nA specialist may advise you to take up to four times the dose on the packet.\n",
    "# Norovirus\n\nClean the toilet and floors with household bleach.\n",
    "# Teething\n\nDo not use amber teething necklaces: they can strangle a baby.\n",
    "# Warts\n\nYour GP may freeze the wart off with liquid nitrogen.\n",
    "# Lyme disease\n\nPull the tick out with fine-tipped tweezers.\n",
    # a refusal over a list of acts ("do not cut, suck, or apply a tourniquet")
    "# Snake bites\n\nClean the wound gently, but do not cut, suck, or apply a tourniquet.\n",
]


def test_harmful_advice_is_reported_with_its_reason():
    for text, reason in HARMFUL:
        found = [f for f in lint(text, select=["SF006"])]
        assert [f.code for f in found] == ["SF006"], text
        assert reason in found[0].message, (text, found[0].message)


def test_harmful_advice_warned_against_or_safe_is_not_reported():
    for text in HARMLESS:
        assert codes(lint(text, select=["SF006"])) == [], text


def test_harmful_advice_context_from_title_or_lead_in_and_user_entries():
    # who it is about can be in the article title or the list's lead-in
    assert codes(lint("# Coughs in babies\n\nStir a little honey into warm water.\n",
                      select=["SF006"])) == ["SF006"]
    assert codes(lint("# Home care\n\nFor babies:\n\n- add honey to warm water\n",
                      select=["SF006"])) == ["SF006"]
    assert codes(lint("# Sore throat\n\nAdd honey to warm water.\n", select=["SF006"])) == []
    # a site adds its own entry
    cfg = from_mapping({"rules": {"harmful-advice": {"advice": [
        {"id": "bleach", "act": r"\bdrink\w*\s+bleach\b", "why": "bleach is a poison"}]}}})
    found = lint("# Cleanse\n\nDrink bleach diluted in water.\n", select=["SF006"], config=cfg)
    assert codes(found) == ["SF006"] and "bleach is a poison" in found[0].message


def test_red_flags_answered_with_self_care_are_reported_once_per_instruction():
    base = ("# Hay fever\n\nYou may sneeze a lot. Your eyes may itch. You can take an "
            "antihistamine. Your pharmacist can help you choose.\n\n")
    found = lint(base + "If it comes with tightness in the chest or difficulty breathing, sit "
                 "upright and rest until it passes.\n", select=["SF002"])
    assert codes(found) == ["SF002"]
    assert "'tightness in the chest', 'difficulty breathing' are answered with routine or " \
           "self-care ('sit upright and rest until it passes')" in found[0].message
    # an urgent instruction in the window, or a soft flag with no self-care, is not reported
    assert codes(lint(base + "If you have difficulty breathing, sit upright and rest until it "
                      "passes; if it does not ease, call 999.\n", select=["SF002"])) == []
    assert codes(lint(base + "Some people also get difficulty breathing.\n",
                      select=["SF002"])) == []
    # chest pain when coughing is the ordinary chest-infection symptom
    assert codes(lint(base + "Chest pain when you cough usually eases; rest until it passes.\n",
                      select=["SF002"])) == []
    # a hard flag still needs an urgent instruction, and waiting is a downgrade of it too
    found = lint(base + "If you notice fainting or blood in your poo, lie down and wait for it "
                 "to pass.\n\nCall 999 if a baby is floppy.\n", select=["SF002"])
    assert codes(found) == ["SF002"] and "wait for it to pass" in found[0].message


def test_discontinue_named_drugs_without_your_and_finishing_a_course_early():
    for text in ("You can stop taking antibiotics when the burning stops.",
                 "Stop allopurinol while a flare is going on.",
                 "Once you feel better you can put the rest of the tablets away.",
                 "There is no need to keep taking antibiotics once the pain has gone."):
        assert codes(lint(f"# UTI\n\n{text}\n", select=["SF003"])) == ["SF003"], text
    for text in ("Some treatments can stop anticoagulants working.",
                 "Do not stop taking antibiotics early, even if you feel better.",
                 "Never stop ramipril without talking to your doctor."):
        assert codes(lint(f"# UTI\n\n{text}\n", select=["SF003"])) == [], text


def test_red_flags_answered_by_a_conditional_self_care_step_or_by_waiting_for_the_morning():
    base = ("# Hay fever\n\nYou may sneeze a lot. Your eyes may itch. You can take an "
            "antihistamine. Your pharmacist can help you choose.\n\n")
    found = lint(base + "If you notice wheezing, tightness in your chest or difficulty breathing "
                 "during pollen season, use a steroid nasal spray and keep your windows closed.\n",
                 select=["SF002"])
    assert codes(found) == ["SF002"]
    assert "('use a steroid nasal spray and keep your windows closed')" in found[0].message
    # the symptom is not in the condition, or the answer is to get help: not reported
    for text in ("Chest pain can be serious. If you have heartburn, take an antacid.",
                 "If you notice difficulty breathing, call 999 and use your inhaler."):
        assert codes(lint(base + text + "\n", select=["SF002"])) == [], text
    # a child who is floppy or a stiff neck with an infection, left until the morning
    ear = ("# Ear infection\n\nAn ear infection can spread. Watch for a stiff neck or a child "
           "who is floppy. Keep giving pain relief and see how they are in the morning.\n")
    found = lint(ear, select=["SF002"])
    assert codes(found) == ["SF002"] and "see how they are in the morning" in found[0].message
    # a stiff neck from sleeping badly is not a red flag
    assert codes(lint("# Neck pain\n\nIf you wake with a stiff neck, use a warm compress.\n",
                      select=["SF002"])) == []


def test_red_flags_of_a_blocked_kidney_or_a_clot_sent_to_routine_care():
    kidney = ("# Kidney stones\n\nIf you have a high temperature and shivering along with "
              "kidney pain, drink plenty of water and wait for the stone to pass.\n")
    assert codes(lint(kidney, select=["SF002"])) == ["SF002"]
    dvt = ("<p>A swollen, red and painful calf can be a sign of deep vein thrombosis (DVT). "
           "Book a consultation with one of our specialists to have it checked.</p>")
    assert codes(lint(dvt, select=["SF002"], fmt="html")) == ["SF002"]
    # fever elsewhere, and a clot named as a complication, are not reported
    assert codes(lint("# Flu\n\nIf you have a fever, rest until it passes.\n",
                      select=["SF002"])) == []
    assert codes(lint("# Veins\n\nVaricose veins rarely lead to DVT.\n", select=["SF002"])) == []


def test_red_flags_answered_with_self_care_are_reported_in_text_for_carers():
    # few "you"s (the carer is told what to do for "them"): still advice
    text = ("Dehydration in older people\n\nSevere dehydration can cause confusion, fainting "
            "and a fast heartbeat. If you notice these signs, give them a glass of water and let "
            "them rest until they feel better.\n")
    found = lint(text, select=["SF002"], fmt="text")
    assert codes(found) == ["SF002"] and "rest until they feel better" in found[0].message


def test_discontinue_a_medicine_named_then_stopped_as_it_or_water_tablets():
    for text in ("If you take allopurinol every day, stop taking it as soon as a flare starts.",
                 "In hot weather, stop their water tablets (diuretics).",
                 "Stop your gout medicine during a flare."):
        assert codes(lint(f"# Gout\n\n{text}\n", select=["SF003"])) == ["SF003"], text
    for text in ("If you take allopurinol and get a rash, stop taking it and call your doctor.",
                 "If you are taking ibuprofen for a flare, you can stop taking it when the pain "
                 "goes."):
        assert codes(lint(f"# Gout\n\n{text}\n", select=["SF003"])) == [], text


def test_harmful_advice_after_head_injury_and_essential_oils_for_babies():
    for title, text in (
            ("Concussion in youth sport", "Give them aspirin or ibuprofen for the headache."),
            ("Home remedies for babies with a cold",
             "Mix 2-3 drops of eucalyptus or peppermint oil with almond oil and rub it on the "
             "chest.")):
        found = lint(f"# {title}\n\n{text}\n", select=["SF006"])
        assert codes(found) == ["SF006"], text
    for title, text in (
            ("Concussion in youth sport", "Take paracetamol, not ibuprofen, for the headache."),
            ("Head injury", "Do not give aspirin or ibuprofen: they can make bleeding worse."),
            ("Home remedies for babies with a cold",
             "Never rub eucalyptus or peppermint oil on a baby's chest."),
            ("Colds in children", "Children over 6 years can use a menthol rub on the chest.")):
        assert codes(lint(f"# {title}\n\n{text}\n", select=["SF006"])) == [], text


def test_harmful_advice_popping_blisters_ice_on_skin_and_steam_for_croup():
    for title, text, why in (
            ("Sunburn", "If blisters appear, pop them with a clean needle so the fluid can "
             "drain out.", "burst or pop blisters"),
            ("Blisters", "Burst the blister so it heals faster.", "burst or pop blisters"),
            ("Sunburn", "Holding ice cubes directly against the sunburnt skin draws the heat "
             "out.", "cold burn"),
            ("Croup in children", "Sit in the steam with your child for 15 minutes.", "scalded")):
        found = lint(f"# {title}\n\n{text}\n", select=["SF006"])
        assert codes(found) == ["SF006"] and why in found[0].message, text
    for title, text in (
            ("Sunburn", "Do not pop blisters: they protect the skin underneath."),
            ("Blisters", "A large or painful blister may be drained by a doctor or nurse."),
            ("Sprains", "Hold an ice pack wrapped in a towel on the ankle for 20 minutes."),
            ("Sunburn", "Never put ice directly on the skin."),
            ("Colds", "Breathing in steam from a shower may ease a blocked nose."),
            ("Croup in children", "Do not put your child in a steamy room or get them to "
             "breathe in steam.")):
        assert codes(lint(f"# {title}\n\n{text}\n", select=["SF006"])) == [], text


def test_harmful_advice_childrens_ibuprofen_every_four_hours():
    # held-out set 5: "For a high fever, give children's ibuprofen as well: 10 ml every 4
    # hours, and alternate it with the paracetamol through the night."
    found = lint("# Croup in children\n\nFor a high fever, give children's ibuprofen as well: "
                 "10 ml every 4 hours.\n", select=["SF006"])
    assert codes(found) == ["SF006"] and "6 to 8 hours" in found[0].message
    for title, text in (
            ("Back pain", "Adults can take ibuprofen every 4 hours, up to 3 times a day."),
            ("Fever in children", "Give children's ibuprofen every 6 to 8 hours."),
            ("Fever in children", "Never give ibuprofen every 4 hours.")):
        assert codes(lint(f"# {title}\n\n{text}\n", select=["SF006"])) == [], text


def test_discontinue_a_prescribed_medicine_stopped_as_it_or_them():
    for text in ("If you've been prescribed iron tablets, they can make you constipated, so "
                 "stop taking them until your piles have settled down.",
                 "If the antidepressant has not made any difference after a week, stop taking "
                 "it straight away.",
                 "If you have been taking pramipexole or ropinirole and your symptoms are "
                 "getting worse, just stop taking them."):
        assert codes(lint(f"# Advice\n\n{text}\n", select=["SF003"])) == ["SF003"], text
    for text in ("If you've been prescribed iron tablets and they make you constipated, do not "
                 "stop taking them without talking to your GP.",
                 "If the antidepressant gives you a rash, stop taking it and call your doctor."):
        assert codes(lint(f"# Advice\n\n{text}\n", select=["SF003"])) == [], text


def test_red_flag_answered_with_routine_care_despite_urgent_advice_elsewhere():
    text = ("# Vertigo\n\n## When to call 999\n\nCall 999 immediately if you have slurred speech "
            "or numbness on one side of your body.\n\n## Living with vertigo\n\nYou can rest. "
            "You should drink water. Your balance will come back. Get up slowly.\n\n"
            "Most attacks pass within minutes and you can carry on with your day.\n\n"
            "Keep a diary of your attacks and what you were doing.\n\n"
            "If your vertigo comes with slurred speech or numbness on one side of your body, "
            "lie down and wait for it to pass.\n")
    found = lint(text, select=["SF002"])
    assert codes(found) == ["SF002"] and found[0].line == 15, found
    # first aid next to "call 999 if" is not routine care
    ok = ("# Febrile seizures\n\nCall 999 if your child has a febrile seizure for the first "
          "time. You should stay calm.\n\n## What to do\n\nIf your child is having a febrile "
          "seizure, place them in the recovery position. Stay with them.\n\nCall 999 if the "
          "seizure lasts more than 5 minutes.\n")
    assert codes(lint(ok, select=["SF002"])) == []


@pytest.mark.parametrize("text", [
    "Most children who are struggling to breathe can safely wait to be seen by their GP the "
    "next morning.",
    "If your elbow is hot, red and swollen and you feel feverish, rest it with ice for a few "
    "days.",
    "If you have diabetes and your foot is red and swollen, give it a few weeks before seeing "
    "anyone.",
    "If the blood is dark red or your poo is black and sticky like tar, this is normal with "
    "piles.",
    "If your vision goes blurry, book a routine check with your optician.",
])
def test_red_flags_answered_with_waiting_or_called_normal(text):
    body = "You can rest. You should drink water. Your body heals. Your GP can help you."
    assert codes(lint(f"# Advice\n\n{body}\n\n{text}\n", select=["SF002"])) == ["SF002"], text


def test_chest_pain_that_feels_like_a_heart_attack_is_a_red_flag():
    # real page (medify digestive system): a GERD symptom list with no emergency advice
    text = ("# Acid reflux\n\nIf you have reflux, you may feel a burning in your chest after "
            "you eat. You can ease it if you eat smaller meals and you stop eating 3 hours "
            "before you go to bed.\n\nSee a GP if:\n\n- symptoms happen more than twice a week"
            "\n- chest pain that feels like a heart attack\n- difficulty swallowing\n")
    assert codes(lint(text, select=["SF002"])) == ["SF002"]
    assert not lint(text + "\nCall 999 if you have chest pain that feels like a heart attack.\n",
                    select=["SF002"])


def test_breathing_difficulty_in_a_baby_is_a_red_flag():
    # real page (nltoday, babies with a cold): "see a doctor if baby seems getting worse
    # with high fever, labored breathing or is very irritable"
    text = ("# Babies with a cold\n\nYou can help your baby at home. You should keep your baby's "
            "nose clear and you can offer extra feeds. If you are worried, you can ask your "
            "health visitor.\n\nSee a doctor if your baby gets worse with high fever, labored "
            "breathing or is very irritable.\n")
    assert codes(lint(text, select=["SF002"])) == ["SF002"]
    assert not lint(text.replace("See a doctor if", "Call 999 if"), select=["SF002"])
    # an adult's breathlessness stays a soft flag
    assert not lint(text.replace("your baby gets", "you get").replace("Babies", "Adults"),
                    select=["SF002"])


def test_legs_weak_or_out_of_control_with_sciatica_are_red_flags():
    # real page (docus.ai sciatica): "Weakness in Leg Muscles", "Difficulty Controlling Leg
    # Movements" listed as sciatica symptoms with no emergency advice
    text = ("# Sciatica\n\nYou can ease sciatica if you keep moving and you use heat. If you sit "
            "a lot, you should stand up often; you may also find stretches help you.\n\n"
            "Symptoms of sciatica:\n\n- sharp pain down the leg\n- weakness in leg muscles\n"
            "- difficulty controlling leg movements\n")
    found = lint(text, select=["SF002"])
    assert codes(found) == ["SF002", "SF002"]
    assert not lint(text + "\nCall 999 or go to A&E if your legs are weak or hard to control.\n",
                    select=["SF002"])
    # without sciatica or back pain: not this flag (a stroke, MS or a muscle page says more)
    assert not lint(text.replace("sciatica", "the condition").replace("Sciatica", "Muscles"),
                    select=["SF002"])


def test_gasping_for_air_and_suffocating_are_red_flags():
    text = ("# Whooping cough\n\nYou can help your child rest, and you should give them plenty "
            "of fluids. If you are worried, you can call your GP.\n\nIf coughing fits end in "
            "gasping for air, give a homeopathic remedy.\n")
    found = lint(text, select=["SF002"])
    assert codes(found) == ["SF002"] and "gasping for air" in found[0].message


def test_harmful_advice_oil_in_an_infected_ear_leftover_antibiotics_early_return_to_play():
    for title, text, why in (
            ("Ear infections in children", "Put 2 or 3 drops of warm olive oil into the sore "
             "ear to soothe the pain.", "infected ear"),
            ("Conjunctivitis", "If you still have antibiotic drops left over from the last "
             "infection, you can use those up.", "left over"),
            ("Concussion in sport", "Most players can return to play the next day as long as "
             "they feel fine.", "return to sport")):
        found = lint(f"# {title}\n\n{text}\n", select=["SF006"])
        assert codes(found) == ["SF006"] and why in found[0].message, text
    for title, text in (
            ("Earwax", "Put 2 or 3 drops of olive oil into your ear to soften the wax."),
            ("Ear infections", "Do not put oil or anything else into an infected ear."),
            ("Antibiotics", "Take any antibiotics left over back to a pharmacy."),
            ("Concussion in sport", "Never return to play the same day after a concussion."),
            ("Cholera", "If a child is 2 years old and cholera is suspected, give an antibiotic.")):
        assert codes(lint(f"# {title}\n\n{text}\n", select=["SF006"])) == [], text


def test_shingles_near_the_eye_needs_an_urgent_gp_or_111():
    text = ("# Shingles\n\nYou can ease the pain with paracetamol, and you should keep the rash "
            "clean. If you are worried, you can ask a pharmacist.\n\nIf the rash is on your "
            "forehead, around your eye or on the tip of your nose, the virus can damage the "
            "eye.\n")
    found = lint(text, select=["SF002"])
    assert codes(found) == ["SF002"] and "call 111" in found[0].message
    assert not lint(text + "\nAsk for an urgent GP appointment or call 111 if the rash is near "
                    "your eye.\n", select=["SF002"])
    assert not lint(text.replace("Shingles", "Eczema").replace("the virus", "it"),
                    select=["SF002"])


def test_bleeding_after_the_menopause_played_down():
    # set 4: "Some bleeding a year or more after your last period is usually nothing to worry
    # about. Just mention it at your next routine check-up."
    text = ("# Menopause\n\nSome bleeding a year or more after your last period is usually "
            "nothing to worry about. Just mention it at your next routine check-up.\n")
    found = lint(text, select=["SF002"])
    assert codes(found) == ["SF002"] and "urgent help" in found[0].message


def test_a_severe_asthma_attack_is_a_red_flag():
    text = ("# Asthma and colds\n\nYou should rest and you can take your inhaler. You may feel "
            "tired if you have a cold.\n\nA cold could trigger a severe asthma attack.\n")
    assert codes(lint(text, select=["SF002"])) == ["SF002"]
    assert not lint(text + "\nCall 999 if you have a severe asthma attack and your inhaler is "
                    "not helping.\n", select=["SF002"])


def test_a_red_flag_in_the_faq_needs_its_own_instruction():
    body = ("# Fever in toddlers\n\nYou can give your child paracetamol if you think they are "
            "uncomfortable, and you should keep your child at home.\n\nIf your child has a "
            "febrile seizure that lasts more than 5 minutes, call 999 immediately.\n\n")
    faq = ("## FAQ\n\n### Is a febrile seizure dangerous?\n\nMost febrile seizures stop on their "
           "own within a few minutes, and afterwards your child will probably be sleepy.\n")
    found = [f for f in lint(body + faq, select=["SF002"])]
    assert [f.line for f in found] == [11]
    # the FAQ answer that says what to do is guarded
    ok = faq.replace("probably be sleepy.", "probably be sleepy. Call 999 if it lasts more "
                     "than 5 minutes.")
    assert lint(body + ok, select=["SF002"]) == []


def test_a_red_flags_own_words_are_not_its_urgent_instruction():
    text = ("# Asthma and colds\n\nHaving a cold puts you at risk of an asthma attack that could "
            "be life-threatening.\n\nKeep your inhaler with you and take your preventer as "
            "your nurse showed you.\n\nDon't ignore your symptoms: a cold could trigger a "
            "potentially life-threatening asthma attack.\n")
    found = [f for f in lint(text, select=["SF002"])]
    assert codes(found) == ["SF002"] and found[0].line == 7
    assert not lint(text + "\nCall 999 if your reliever inhaler is not helping.\n",
                    select=["SF002"])
    # a disease's name is not the symptom: "homocystinuria (pyridoxine unresponsive)"
    assert not lint("# Newborn screening\n\nBabies are screened for homocystinuria (pyridoxine "
                    "unresponsive) and other conditions you should know about.\n",
                    select=["SF002"])


def test_a_red_flags_heading_is_not_itself_an_instruction():
    page = ("# Substance use: red flags and when to seek help\n\n## Red flags\n\nLook for these "
            "signs that demand urgent professional help:\n\n- Repeated overdoses.\n- Suicidal "
            "thoughts or actions while under the influence.\n")
    found = lint(page, select=["SF002"])
    # the title says the page advises, though it hardly says "you"
    assert [(f.code, f.line) for f in found] == [("SF002", 8)]
    assert not lint(page.replace("demand urgent professional help", "mean you should call 999"),
                    select=["SF002"])
    # without such a title, encyclopaedia-like text is not held to say what to do
    assert not lint(page.replace("# Substance use: red flags and when to seek help",
                                 "# Substance use"), select=["SF002"])


def test_a_red_flag_said_to_right_itself_is_answered_with_routine_care():
    text = ("# Whooping cough\n\nA coughing spell can last several minutes and can cause fainting "
            "which will quickly remedy itself.\n")
    found = lint(text, select=["SF002"])
    assert codes(found) == ["SF002"] and "remedy itself" in found[0].message


def test_a_fever_threshold_in_a_baby_needs_urgent_advice():
    text = ("# Natural remedies for babies with a cold\n\nKeep your baby cool and dress them "
            "lightly. Avoid using medication to reduce your baby's fever unless it rises above "
            "100.4 degrees Fahrenheit.\n\nYour baby will feel better with rest and feeds, and you can hold "
            "them as much as you like.\n")
    found = lint(text, select=["SF002"])
    assert codes(found) == ["SF002"] and "100.4" in found[0].message
    assert "111" in found[0].message  # urgent, not 999
    assert not lint(text + "\nIf your baby is under 3 months and has a temperature of 38C or "
                    "above, call your GP or 111 straight away.\n", select=["SF002"])
    # an adult's fever is not a baby's
    assert not lint("# Flu\n\nYou may have a fever over 38C for a few days. Rest and drink "
                    "fluids, and take paracetamol if you need to.\n", select=["SF002"])


def test_honey_for_babies_said_in_the_sentence_after_the_honey():
    text = ("# Croup\n\nA spoonful of honey at bedtime eases the cough. Even babies can have a "
            "teaspoon.\n")
    found = lint(text, select=["SF006"])
    assert codes(found) == ["SF006"] and "botulism" in found[0].message
    for fine in ("A spoonful of honey at bedtime eases the cough. Babies over 1 can have a "
                 "teaspoon.",
                 "A spoonful of honey at bedtime eases the cough. Babies can not have any.",
                 "Babies can have plenty of milk. Honey is for older children."):
        assert not lint(f"# Croup\n\n{fine}\n", select=["SF006"]), fine


@pytest.mark.parametrize("bad, fine", [
    ("Take 800 mg of ibuprofen three times a day for a month.",
     "Take 200 to 400 mg of ibuprofen up to three times a day."),
    ("Take 800 mg of ibuprofen three times a day for a month.",
     "Your doctor may prescribe 800 mg of ibuprofen three times a day."),
    ("Adults can take ibuprofen 600 mg at a time.",
     "Do not take more than 1,200 mg ibuprofen a day."),
    ("Start an iron supplement straight away, even if your iron levels are normal.",
     "If a blood test shows your iron is low, your GP may suggest an iron supplement."),
    ("Permethrin is safe for babies of any age, including newborns.",
     "Permethrin lotion kills lice; ask a pharmacist before using it on a baby."),
])
def test_new_harmful_advice_entries(bad, fine):
    assert codes(lint(f"# Care\n\n{bad}\n", select=["SF006"])) == ["SF006"], bad
    assert not lint(f"# Care\n\n{fine}\n", select=["SF006"]), fine


def test_a_remedy_said_to_make_antibiotics_unnecessary():
    found = lint("# UTI\n\nCranberry juice clears most infections in 2 to 3 days, without the "
                 "need for antibiotics.\n", select=["SF003"])
    assert codes(found) == ["SF003"]
    found = lint("# UTI\n\nCranberry juice is the best natural cure for UTIs. It clears most "
                 "infections in 2 to 3 days, without the need for antibiotics.\n",
                 select=["SF003"])
    assert codes(found) == ["SF003"]
    # the guidance for a cold is not a replaced treatment
    assert not lint("# Colds\n\nMost colds get better on their own, and there is no need for "
                    "antibiotics.\n", select=["SF003"])


def test_jaundice_sent_to_a_routine_appointment():
    base = "# Gallstones\n\nYou may get pain. Your GP can help you.\n\n"
    found = lint(base + "If you notice your skin or eyes turning yellow, mention it at your "
                        "next routine appointment.\n", select=["SF002"])
    assert codes(found) == ["SF002"]
    # a soft flag: named alone it is not reported; in a newborn it has advice of its own
    assert lint(base + "Jaundice can be a sign of a blocked bile duct.\n", select=["SF002"]) == []
    assert lint("# Newborn jaundice\n\nYour baby's skin may look yellow. Mention it at your "
                "next routine appointment with the health visitor.\n", select=["SF002"]) == []


def test_discontinue_without_checking_back_and_the_medicines_just_listed():
    for text in ("If your GP has given you a course of steroid tablets, you can stop taking them "
                 "as soon as the pain eases, without checking back with your GP.",
                 "Some medicines, including some antibiotics, can cause tinnitus. If you take any "
                 "of these, stop taking them straight away."):
        assert codes(lint(f"# Health\n\n{text}\n", select=["SF003"])) == ["SF003"], text
    assert lint("# Health\n\nDo not stop taking your medicine without talking to your doctor.\n",
                select=["SF003"]) == []


def test_first_aid_for_someone_unconscious_is_not_a_red_flag_left_unanswered():
    text = ("# Heatstroke\n\nYou may feel hot. Your skin may be dry. Get your friend into the "
            "shade. Give your friend water if you can.\n\nDo not give fluids to someone who is "
            "unconscious or too confused to swallow safely.\n")
    assert lint(text, select=["SF002"]) == []


def test_an_antibiotic_cream_stopped_and_the_course_left_unfinished():
    for text in ("Once the sores have crusted over you can stop the antibiotic cream.",
                 "There's no need to use up the tube or finish the course."):
        assert codes(lint(f"# Impetigo\n\n{text}\n", select=["SF003"])) == ["SF003"], text


def test_a_question_heading_is_not_a_list_of_warnings():
    text = ("# Hangover cures\n\n## Is a hangover dangerous?\n\nA hangover is never dangerous, so "
            "there's no need to see a doctor, however bad you feel.\n")
    assert codes(lint(text, select=["SF006"])) == ["SF006"]
    assert lint(text.replace("Is a hangover dangerous?", "Dangerous myths"), select=["SF006"]) == []


def test_red_flags_of_a_clot_an_eye_infection_spreading_and_diabetes_in_a_child():
    for title, text in (
            ("Night leg cramps", "If your calf stays swollen, warm and red, it is probably just a "
                                 "bad cramp, so keep massaging it."),
            ("Styes", "If the swelling spreads to the whole eyelid, mention it to your optician at "
                      "your next routine eye test."),
            ("Bedwetting in children", "If your child is also very thirsty, tired and losing "
                                       "weight, this is usually just a phase.")):
        doc = f"# {title}\n\nYou may notice it. Your GP can help you and your child.\n\n{text}\n"
        assert codes(lint(doc, select=["SF002"])) == ["SF002"], text
