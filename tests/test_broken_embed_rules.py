"""broken-embed rules, including the seed expectations for this category."""

from __future__ import annotations

import yaml

from .conftest import SEEDS, codes, lint


def test_seed_expectations_for_broken_embed():
    exp = yaml.safe_load((SEEDS / "expected.yaml").read_text())
    for name, kinds in exp.items():
        fmt = "text" if name.endswith(".txt") else "markdown"
        got = [f for f in lint((SEEDS / name).read_bytes(), fmt=fmt, path=name)
               if f.category == "broken-embed"]
        for e in kinds.get("must") or []:
            if e["category"] == "broken-embed":
                assert [f for f in got if f.line - 1 <= e["line"] <= f.end_line + 1], e["why"]
    # and nothing else in the Hugo seed: one thumbnail, one img, one iframe
    got = [f for f in lint((SEEDS / "left-knee-twitching.md").read_bytes())
           if f.category == "broken-embed"]
    assert sorted((f.line, f.code) for f in got) == [(7, "EM007"), (29, "EM007"),
                                                     (108, "EM002")]


def test_iframe_title_and_src_variants():
    assert codes(lint('<iframe title=" " src="https://x.org/a"></iframe>\n')) == ["EM002"]
    assert lint('<iframe aria-hidden="true" src="https://x.org/a"></iframe>\n') == []
    got = lint('<iframe title="Map"></iframe>\n<iframe title="Map" data-src="https://x"></iframe>\n')
    assert [(f.code, f.line) for f in got] == [("EM001", 1)]


def test_video_page_urls_in_iframes():
    for src in ("https://www.youtube.com/watch?v=D_xG_VlvalE", "https://youtu.be/D_xG_VlvalE",
                "//youtube.com/shorts/D_xG_VlvalE", "https://vimeo.com/146022717"):
        got = lint(f'<iframe title="v" src="{src}"></iframe>\n')
        assert codes(got) == ["EM003"], src
    ok = ('<iframe title="v" src="https://www.youtube-nocookie.com/embed/D_xG_VlvalE?start=3">'
          '</iframe>\n<iframe title="v" src="https://www.youtube.com/embed/videoseries?list=PL1">'
          '</iframe>\n<iframe title="v" src="https://player.vimeo.com/video/146022717"></iframe>\n')
    assert lint(ok) == []


def test_malformed_ids_in_iframes_and_shortcodes():
    text = ('<iframe title="v" src="https://www.youtube.com/embed/D_xG_Vlval"></iframe>\n\n'
            '{{< youtube id="D_xG_VlvalE" >}}\n\n{{< youtube "https://youtu.be/x" >}}\n\n'
            '{{< vimeo abc >}}\n\n{{< vimeo 146022717 >}}\n')
    got = lint(text, select=["EM004"])
    assert [f.line for f in got] == [1, 5, 7]


def test_shortcode_inside_code_is_ignored():
    assert lint("```\n{{< youtube bad >}}\n```\n", select=["EM004"]) == []


def test_insecure_embeds():
    got = lint('<video src="http://x.org/v.mp4"></video>\n<img src="http://x.org/a.png" alt="a">\n')
    assert codes(got) == ["EM005"]


def test_image_alt_variants():
    text = ('![](a.png)\n\n![IMG_2031.jpg](IMG_2031.jpg)\n\n<img src="b.png">\n\n'
            '<img src="c.png" alt="">\n\n<img src="s.gif" width="1" height="1">\n\n'
            'Text <img src="d.png"> inline.\n')
    got = lint(text, select=["EM006"])
    assert [f.line for f in got] == [1, 3, 5, 11]


def test_hotlinked_images_front_matter_lists_and_body():
    text = ("---\ntitle: x\nimages:\n  - https://th.bing.com/th/id/OIP.abc\n"
            "cover:\n  image: https://encrypted-tbn0.gstatic.com/images?q=tbn:abc\n---\n\n"
            "![knee](https://tse2.mm.bing.net/th?id=OIP.x)\n\n"
            "![knee](https://www.bing.com/images/search?q=knee)\n")
    got = lint(text, select=["EM007"])
    assert [(f.line, f.column) for f in got] == [(4, 5), (6, 10), (9, 1)]


def test_hotlinked_images_from_social_cdns():
    text = ("---\ntitle: x\nimage: https://i.pinimg.com/originals/6d/36/83/6d36.png\n---\n\n"
            "![a](https://scontent-lhr8-1.xx.fbcdn.net/v/t39.30808-6/1_n.jpg?oe=65A1)\n\n"
            '<img alt="b" src="https://scontent.cdninstagram.com/v/t51.2885-15/2_n.jpg">\n\n'
            "![c](https://www.pinterest.com/pin/123/)\n\n"
            "![d](https://example.org/pinimg.com/x.png)\n")
    got = lint(text, select=["EM007"])
    assert [f.line for f in got] == [3, 6, 8]
    assert "Pinterest" in got[0].message and "expire" in got[1].message


def test_icons_in_a_scraped_navigation_menu_are_left_to_the_residue_rules():
    menu = ("# Tantrums\n\n[Diseases](/d) [Symptoms](/s) ![](/icons/a.png) [Tests](/t) "
            "[Drugs](/dr) [Care](/c)\n\nTantrums are common.\n")
    assert codes(lint(menu, select=["EM006"])) == []
    # four links and an image on a line is still an article line
    line = ("# Tantrums\n\nSee [a](/a), [b](/b), [c](/c) and [d](/d). ![](/img/rash.png)\n")
    assert codes(lint(line, select=["EM006"])) == ["EM006"]


def test_hugo_figure_shortcodes_are_images():
    # seed-shaped sets 3-5: "{{< figure src=... >}}" with no alt, and one hotlinking a
    # Google image-search thumbnail
    found = lint('# Hay fever\n\n{{< figure src="/images/pollen.jpg" >}}\n',
                 select=["EM006", "EM007"])
    assert codes(found) == ["EM006"] and "figure shortcode has no alt" in found[0].message
    found = lint('# Psoriasis\n\n{{< figure src="https://encrypted-tbn0.gstatic.com/images?q=tbn:'
                 'ANd9GcR4" alt="Scalp psoriasis" >}}\n', select=["EM006", "EM007"])
    assert codes(found) == ["EM007"]
    assert not lint('# Hay fever\n\n{{< figure src="/images/pollen.jpg" alt="Pollen cloud" >}}\n',
                    select=["EM006", "EM007"])


def test_jekyll_video_includes_with_an_empty_or_bad_id():
    # set 5: "{% include youtube.html id="" %}"
    found = lint('# Croup\n\n{% include youtube.html id="" %}\n\nText.\n', select=["EM004"])
    assert codes(found) == ["EM004"]
    assert not lint('# Croup\n\n{% include youtube.html id="dQw4w9WgXcQ" %}\n', select=["EM004"])
    assert not lint("# Croup\n\n{% include footer.html %}\n", select=["EM004"])


def test_alt_text_that_is_a_file_slug():
    # real page: <img alt="pertussis_bacteria_infection">
    found = lint('<p>Text.</p><img src="/a.jpg" alt="pertussis_bacteria_infection">\n', fmt="html",
                 select=["EM006"])
    assert codes(found) == ["EM006"] and "file name" in found[0].message
    assert not lint('<p>Text.</p><img src="/a.jpg" alt="Pertussis bacteria under a microscope">\n',
                    fmt="html", select=["EM006"])


def test_images_from_another_site_wordpress_uploads_are_hotlinked():
    url = "https://healthytasteoflife.com/wp-content/uploads/2017/08/remedies.jpg"
    text = (f"---\nlayout: post\ntitle: Colds\nexcerpt_image: {url}\nimage: {url}\n---\n\n"
            f"Text.\n\n![Remedies]({url})\n\n![Remedies again]({url})\n")
    found = lint(text, select=["EM007"])
    # each front-matter key, and the body's image once
    assert [f.line for f in found] == [4, 5, 10]
    assert "another site's WordPress uploads (healthytasteoflife.com)" in found[0].message
    # a WordPress page's own uploads are its own
    html = f'<html><body><h1>Colds</h1><p>Text.</p><img src="{url}" alt="Remedies"></body></html>'
    assert lint(html, select=["EM007"], fmt="html") == []


def test_a_pages_share_image_hotlinked_from_search_thumbnails():
    page = ('<html><head><meta property="og:image" content="https://encrypted-tbn0.gstatic.com/'
            'images?q=tbn:ANd9GcT4"></head><body><main><h1>Sleep apnoea</h1><p>Text.</p></main>'
            '</body></html>')
    found = lint(page, select=["EM007"], fmt="html")
    assert [f.code for f in found] == ["EM007"] and "share image" in found[0].message
