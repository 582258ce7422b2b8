"""Metadata rules: authorship, currency (always relative to an explicit date), disclosure."""

from __future__ import annotations

import datetime as dt

from medlint.config import from_mapping

from .conftest import SEEDS, TODAY, codes, lint


def fm(body: str = "Text.", **fields) -> str:
    lines = ["---", "title: Knee pain"] + [f"{k}: {v}" for k, v in fields.items()]
    return "\n".join(lines + ["---", "", body, ""])


def test_seed_hugo_post_is_stale_relative_to_the_given_date():
    text = (SEEDS / "left-knee-twitching.md").read_text(encoding="utf-8")
    found = lint(text, select=["metadata"], today=TODAY)
    stale = [f for f in found if f.code == "MD004"]
    assert stale and stale[0].line == 4 and "2022-07-23" in stale[0].message
    # the same post is not stale when linted on a date within 36 months
    assert "MD004" not in codes(lint(text, select=["MD004"], today=dt.date(2024, 1, 1)))


def test_missing_author_and_byline():
    assert codes(lint(fm(date="2026-01-01"), select=["MD001"])) == ["MD001"]
    assert codes(lint(fm(date="2026-01-01", author="Jane Smith"), select=["MD001"])) == []
    assert codes(lint(fm("Written by Jane Smith, RN.\n\nText.", date="2026-01-01"),
                      select=["MD001"])) == []
    # a page without front matter is not checked by default
    assert codes(lint("# Knee pain\n\nText.\n", select=["MD001"])) == []


def test_missing_reviewer_is_off_by_default_and_credentials_count():
    from medlint.rules.registry import lookup

    assert not lookup("MD002")[0].enabled_by_default
    assert codes(lint(fm(author="Osgood"), select=["MD002"])) == ["MD002"]
    assert codes(lint(fm(author="Jane Smith, MD"), select=["MD002"])) == []
    assert codes(lint(fm(author="Osgood", medically_reviewed_by="Dr A Khan"),
                      select=["MD002"])) == []
    cfg = from_mapping({"rules": {"missing-medical-reviewer": {"only_types": ["condition"]}}})
    assert codes(lint(fm(author="Osgood", type="news"), select=["MD002"], config=cfg)) == []
    assert codes(lint(fm(author="Osgood", type="condition"), select=["MD002"],
                      config=cfg)) == ["MD002"]


def test_missing_date_ignores_boolean_published_and_reads_file_name_and_body():
    assert codes(lint(fm(published="true"), select=["MD003"])) == ["MD003"]
    assert codes(lint(fm(), select=["MD003"], path="_posts/2024-03-14-knee.md")) == []
    assert codes(lint(fm("Page last reviewed: 12 March 2025"), select=["MD003"])) == []


def test_a_byline_date_after_the_sentence_before_it_is_read_near_the_top_only():
    byline = ("Vertigo\n\nMedically reviewed by Dr J. Patel, MBBS. Updated on 3 May 2021\n\n"
              "Vertigo is the feeling that everything is spinning.\n")
    stale = lint(byline, select=["MD003", "MD004"], path="vertigo.txt", today=TODAY)
    assert codes(stale) == ["MD004"] and (stale[0].line, stale[0].column) == (3, 42)
    # the same words deep in the page, after other text (a citation), date nothing
    cited = "Vertigo\n\n" + "".join(f"Paragraph {n}.\n\n" for n in range(8)) + (
        "Smith J. Vertigo. Updated on 3 May 2021\n")
    assert codes(lint(cited, select=["MD004"], path="vertigo.txt", today=TODAY)) == []


def test_stale_uses_the_latest_of_published_updated_reviewed():
    assert codes(lint(fm(date="2019-01-01"), select=["MD004"])) == ["MD004"]
    assert codes(lint(fm(date="2019-01-01", last_reviewed="2025-06-01"), select=["MD004"])) == []
    # exactly 36 months is not older than 36 months
    assert codes(lint(fm(date="2023-11-21"), select=["MD004"])) == []
    assert codes(lint(fm(date="2023-11-20"), select=["MD004"])) == ["MD004"]
    cfg = from_mapping({"rules": {"stale-content": {"max_age_months": 12}}})
    assert codes(lint(fm(date="2025-06-01"), select=["MD004"], config=cfg)) == ["MD004"]


def test_body_date_must_start_a_block_not_be_a_citation():
    body = "Flu facts. Reviewed October 2013. Overview of Influenza, CDC."
    assert codes(lint(fm(body, date="2026-01-01"), select=["MD004"])) == []
    assert codes(lint("# Flu\n\nPage last reviewed: 21 May 2019\n", select=["MD004"])) == \
        ["MD004"]


def test_next_review_future_date_and_order():
    assert codes(lint(fm(next_review="2026-01-01"), select=["MD005"])) == ["MD005"]
    assert codes(lint(fm(next_review="2027-01-01"), select=["MD005"])) == []
    assert codes(lint(fm(date="2027-01-05"), select=["MD006"])) == ["MD006"]
    assert codes(lint(fm(date="2026-11-22"), select=["MD006"])) == []  # one day of grace
    assert codes(lint(fm(next_review="2029-01-01"), select=["MD006"])) == []
    # two front-matter fields in the wrong order: FM006 (front-matter), not MD007 as well
    found = lint(fm(date="2025-06-01", lastmod="2024-01-01"), select=["MD007", "FM006"])
    assert codes(found) == ["FM006"] and "line 3" in found[0].message


def test_undisclosed_commercial_links():
    body = "Try magnesium: [Buy now](https://www.amazon.com/dp/B01?tag=x-20)."
    assert codes(lint(fm(body), select=["MD008"])) == ["MD008"]
    disclosed = body + "\n\nThis post contains affiliate links."
    assert codes(lint(fm(disclosed), select=["MD008"])) == []
    assert codes(lint(fm(body, disclosure="We earn a commission."), select=["MD008"])) == []
    shop = "Try [magnesium tablets](https://shop.example.com/products/magnesium-tablets)."
    assert codes(lint(fm(shop), select=["MD008"])) == ["MD008"]
    # a shop link under unrelated text is spam: unrelated-shop-link (LK006), not MD008
    spam = "Read about [oxidative stress](https://yt.io.vn/collection/adkisson)."
    assert codes(lint(fm(spam), select=["MD008", "LK006"])) == ["LK006"]
    # a government "collections" page is not a shop; a plain amazon link is not affiliate
    plain = ("See [guidance](https://www.gov.uk/government/collections/radiation) and "
             "[the book](https://www.amazon.com/dp/B01).")
    assert codes(lint(fm(plain), select=["MD008"])) == []


# ---- dates in more forms: weekday, numeric, <meta> ---------------------------------------

def _html(head: str = "", body: str = "<p>Text.</p>") -> str:
    return f"<!DOCTYPE html>\n<html><head>\n{head}\n</head><body>\n{body}\n</body></html>\n"


def test_a_weekday_before_the_date_and_this_page_last_reviewed():
    f = lint(_html(body="<div>This page last reviewed: \nFriday, July 25, 2014</div>"),
             select=["MD004"], fmt="html")
    assert codes(f) == ["MD004"] and (f[0].line, f[0].column) == (5, 6)
    assert "last reviewed 2014-07-25" in f[0].message


def test_numeric_dates_keep_both_readings_when_day_and_month_are_ambiguous():
    from medlint.rules.metadata._dates import read_date, to_date

    assert read_date("06/11/1982") == (dt.date(1982, 6, 11), dt.date(1982, 11, 6))
    assert read_date("25/07/2014") == (dt.date(2014, 7, 25), None)
    assert read_date("07-25-2014") == (dt.date(2014, 7, 25), None)
    assert read_date("05.05.2020") == (dt.date(2020, 5, 5), None)
    assert to_date("06/11/1982") is None and to_date("3/17/2010") == dt.date(2010, 3, 17)
    f = lint(_html(body="<h3>Publication date: 06/11/1982</h3>"), select=["MD004"], fmt="html")
    assert codes(f) == ["MD004"]
    assert "last published 1982-06-11 or 1982-11-06 (Publication date: 06/11/1982)" in f[0].message


def test_an_ambiguous_date_is_reported_only_when_both_readings_agree():
    # 2023-11-06 is stale on 2026-11-21 (36 months before is 2023-11-21), 2023-06-11 too;
    # 11/22/2023 is not ambiguous; 06/12/2023 or 12/06/2023: 2023-12-06 is not stale
    today = dt.date(2026, 11, 21)
    assert codes(lint(fm(date='"11/06/2023"'), select=["MD004"], today=today)) == ["MD004"]
    assert codes(lint(fm(date='"06/12/2023"'), select=["MD004"], today=today)) == []
    # future: only when the earlier reading is in the future too
    assert codes(lint(fm(date='"01/12/2026"'), select=["MD006"], today=today)) == []
    assert codes(lint(fm(date='"12/12/2026"'), select=["MD006"], today=today)) == ["MD006"]


def test_meta_tag_dates_count_and_the_page_statement_is_preferred():
    f = lint(_html('<META NAME="pubdate" CONTENT="06-11-1982">'), select=["MD004"], fmt="html")
    assert codes(f) == ["MD004"] and (f[0].line, f[0].column) == (3, 1)
    assert "(<meta pubdate>)" in f[0].message
    f = lint(_html('<meta property="article:modified_time" content="2014-10-25T07:30:01Z">',
                   "<p>Updated: 2014-10-25</p>"), select=["MD004"], fmt="html")
    assert codes(f) == ["MD004"] and f[0].line == 5
    assert codes(lint(_html('<meta name="pubdate" content="2026-10-01">'), select=["MD004"],
                      fmt="html")) == []
    # a Markdown file's inline <meta> is not page metadata
    assert codes(lint('Text.\n\n<meta name="pubdate" content="2010-01-01">\n',
                      select=["MD004"])) == []


def test_date_label_with_no_date_is_reported_without_front_matter():
    text = "# Formula\n\nMix it with water.\n\n Last Reviewed:\n"
    (f,) = [f for f in lint(text, select=["MD003"])]
    assert (f.line, f.column) == (5, 2) and f.message.startswith("'Last Reviewed:' has no date")
    # a date on the next line, another date, or the label inside a sentence: no finding
    for text in ("# Formula\n\nLast reviewed:\n12 March 2024\n",
                 "# Formula\n\nPage last updated: 3 May 2024\n\nLast Reviewed:\n"):
        assert [f.code for f in lint(text, select=["MD003"])] == [], text
    # a label inside a sentence is no empty date label (the article still has no date)
    any_size = from_mapping({"rules": {"missing-date": {"min_words_without_front_matter": 0}}})
    for text in ("# Formula\n\nText.\n\nHow it was reviewed: by two nurses.\n",
                 "# Formula\n\nThe article was last reviewed:\n\n- by a GP\n"):
        (f,) = lint(text, select=["MD003"], config=any_size)
        assert f.message.startswith("no publication, update or review date"), text
        assert lint(text, select=["MD003"]) == []  # too short to be an article


def test_pages_without_front_matter_are_checked_for_a_date():
    # scraped pages and encyclopedia exports: no date anywhere is a currency defect (labels
    # of the real-page set); a one-line byline, a dateline or an HTML time in <meta> dates it
    article = "# Anaphylaxis\n\n" + "Anaphylaxis is a severe allergic reaction. " * 30 + "\n"
    (f,) = lint(article, select=["MD003"])
    assert (f.line, f.code) == (1, "MD003")
    for text in ("Vitamin D\n\nBy Clare Hoskins, RD | Published January 12, 2026 | Last "
                 "reviewed March 3, 2026\n\nVitamin D helps your body absorb calcium.\n",
                 "# Measles\n\n## Thursday, May 29, 2008\n\nMeasles is an infection.\n"):
        assert lint(text, select=["MD003"], fmt="text" if text.startswith("V") else
                    "markdown") == [], text
    html = ('<html><head><title>Cholera</title><meta property="article:published_time" '
            'content="2008-12-02 12:00:00 AM"></head><body><p>Cholera is an infection.</p>'
            '</body></html>')
    assert lint(html, select=["MD003"], fmt="html") == []
    cfg = from_mapping({"rules": {"missing-date": {"only_with_front_matter": True}}})
    assert lint(article, select=["MD003"], config=cfg) == []


def test_an_html_page_names_its_author_in_a_meta_tag():
    page = ('<html><head><title>Hot flushes</title><meta name="author" content="Claire '
            'Hughes"></head><body><main><p>Hot flushes are common.</p></main></body></html>')
    cfg = from_mapping({"rules": {"missing-author": {"only_with_front_matter": False}}})
    assert lint(page, select=["MD001"], fmt="html", config=cfg) == []
    assert codes(lint(page.replace(' name="author" content="Claire Hughes"', ''),
                      select=["MD001"], fmt="html", config=cfg)) == ["MD001"]


def test_json_ld_dates_and_author_of_an_html_page():
    page = ('<html><head><title>IBS</title><script type="application/ld+json">{"@context": '
            '"https://schema.org", "@type": "MedicalWebPage", "datePublished": "2025-02-10", '
            '"dateModified": "2024-08-01", "author": {"@type": "Person", "name": "A. Rao"}}'
            '</script></head><body><main><p>IBS is common.</p></main></body></html>')
    found = lint(page, select=["MD007"], fmt="html")
    assert codes(found) == ["MD007"] and "JSON-LD dateModified" in found[0].message
    cfg = from_mapping({"rules": {"missing-author": {"only_with_front_matter": False}}})
    assert lint(page, select=["MD001"], fmt="html", config=cfg) == []


def test_a_reviewer_field_that_names_no_reviewer():
    for value in ("Pending clinical review", "TBD", "Clinical content (based on WHO, NHS, CDC "
                  "guidelines)", "Awaiting medical review"):
        found = lint(f"---\ntitle: Eczema\nreviewer: {value}\n---\n\nText.\n", select=["MD009"])
        assert codes(found) == ["MD009"] and (found[0].line, found[0].column) == (3, 11), value
    for value in ("Dr Jane Smith, MD", "NHS UK clinical team", "Pendleton Review Board"):
        assert lint(f"---\ntitle: Eczema\nreviewer: {value}\n---\n\nText.\n",
                    select=["MD009"]) == [], value
    # front matter that does not load still shows its reviewer line
    broken = "---\ntitle: Scabies\nreviewer: Pending clinical review\nbad: [x: y\n---\n\nText.\n"
    assert codes(lint(broken, select=["MD009"])) == ["MD009"]
    # a byline near the top with a template's placeholder
    for value in ("[Reviewer Name]", "TBD", "{reviewer}"):
        found = lint(f"Panic attacks\n\nWritten by Leah Morgan\nMedically reviewed by {value}\n\n"
                     "Text.\n", select=["MD009"], fmt="text")
        assert codes(found) == ["MD009"] and found[0].line == 4, value
    assert lint("Panic attacks\n\nMedically reviewed by Dr Sam Lee, GP\n\nText.\n",
                select=["MD009"], fmt="text") == []


def test_an_author_credit_that_names_an_ai_tool():
    byline = "# Gout\n\nAuthor\n\n[Docus AI Doctor](https://docus.ai/ai-doctor)\n\nReviewed by\n\n" \
             "[DrAnnaNersisyan](https://docus.ai/author/x)\n\nGout is arthritis.\n"
    (f,) = lint(byline, select=["MD010"])
    assert f.line == 5 and "Docus AI Doctor" in f.message
    assert codes(lint("---\ntitle: Gout\nauthor: ChatGPT\n---\n\nText.\n", select=["MD010"])) \
        == ["MD010"]
    assert codes(lint("# Gout\n\nBy AI assistant\n\nText.\n", select=["MD010"])) == ["MD010"]
    # people, and articles about AI, are not AI authors
    for ok in ("# Gout\n\nBy Ai Tanaka, MD\n\nText.\n",
               "---\ntitle: AI in medicine\nauthor: Jane Smith\n---\n\nAI helps doctors read "
               "scans.\n"):
        assert lint(ok, select=["MD010"]) == [], ok


def test_a_discount_code_with_no_disclosure():
    text = "# Panic attacks\n\nWe love the Calmly app. Use code PANIC20 at checkout for 20% off.\n"
    found = lint(text, select=["MD008"])
    assert codes(found) == ["MD008"] and "PANIC20" in found[0].message
    assert lint(text + "\nDisclosure: we earn a commission on app sales.\n", select=["MD008"]) == []
    assert lint("# Coding\n\nUse code blocks for examples.\n", select=["MD008"]) == []


def test_an_author_credit_that_is_a_site_account():
    found = lint("Mouth ulcers\nPosted on March 3, 2024 by admin\n\nText.\n", select=["MD001"],
                 fmt="text")
    assert codes(found) == ["MD001"] and found[0].line == 2 and "'admin'" in found[0].message
    found = lint("---\ntitle: Ulcers\nauthor: admin\n---\n\nText.\n", select=["MD001"])
    assert codes(found) == ["MD001"] and found[0].line == 3
    assert lint("Mouth ulcers\nPosted on March 3, 2024 by Sam Lee\n\nText.\n",
                select=["MD001"], fmt="text") == []


def test_an_affiliate_url_written_out_in_plain_text():
    found = lint("Fungal nails\n\nOrder today at https://amzn.to/3Kx9fNc and get 20% off.\n",
                 select=["MD008"], fmt="text")
    assert codes(found) == ["MD008"] and found[0].line == 3
    assert lint("Fungal nails\n\nSee https://www.nhs.uk/conditions/fungal-nail-infection/\n",
                select=["MD008"], fmt="text") == []
