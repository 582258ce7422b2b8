"""Links: offline checks, and the opt-in online check against a local server only."""

from __future__ import annotations

import http.server
import socket
import threading

import pytest

from medlint.config import Config
from medlint.engine import Linter
from medlint.online import LinkChecker
from medlint.rules.registry import all_rules

from .conftest import SEEDS, TODAY, codes, doc_of, lint


def _md(body: str) -> str:
    return f"# Links\n\n{body}\n"


# --------------------------------------------------------------------------- offline


def test_placeholder_links_and_text():
    assert codes(lint(_md("[NHS](#) and [x](https://example.com/a) [insert link]"),
                      select=["LK001"])) == ["LK001", "LK001", "LK001"]
    assert codes(lint(_md('<a href="javascript:void(0)">open</a>'), select=["LK001"])) == \
        ["LK001"]
    # "#" is right for back-to-top links and script menus; anchors without href are not links
    assert codes(lint(_md("[Back to top](#) [Sections](#) <a name=\"x\">x</a>"),
                      select=["LK001"])) == []
    # in a crawled HTML page, "#" menus are left alone
    page = '<html><body><p>Text <a href="#">Menu item</a></p></body></html>'
    assert codes(lint(page, select=["LK001"], fmt="html")) == []


def test_empty_links_but_not_image_links_or_labelled_ones():
    assert codes(lint(_md("See [](https://www.nhs.uk/)."), select=["LK002"])) == ["LK002"]
    for ok in ("[![NHS logo](logo.png)](https://www.nhs.uk/)",
               '<a href="https://nhs.uk"><img src="l.png" alt="NHS"></a>',
               '<a href="https://nhs.uk" aria-label="NHS home"></a>',
               'Inline <a href="https://nhs.uk">NHS <em>home</em></a> link'):
        assert codes(lint(_md(ok), select=["LK002"])) == [], ok


def test_empty_link_skips_markup_broken_by_crawling():
    for broken in ('<a href="/en/bro          \n <li class="realcat"><a href="/en/m/">M</a></li>',
                   '<a href="studies.bsp;<img \n height=15 alt="" src="d.gif">',
                   '<a href=nece for &gt;6 mos. No change.</a>',
                   '<a href="http://http://www.emedtv.com/ad">',
                   '<a href="/advice/trap-placement"ng></a>',
                   '<a href="faq.php" classe="x"><a href="contactus.php">Contact</a>'):
        page = f"<html><body><p>Text {broken}</p></body></html>"
        found = [f for f in lint(page, select=["LK002"], fmt="html")]
        assert codes(found) == [], broken
    # an editor's empty link in a crawled page is still reported
    page = ('<html><body><p><a href="https://www.cbsnews.com/news/ebola/" target="_blank">'
            '</a>What are the symptoms?</p></body></html>')
    assert codes(lint(page, select=["LK002"], fmt="html")) == ["LK002"]


def test_cookie_settings_hash_link_is_not_a_placeholder():
    assert codes(lint(_md("* [Manage Cookies](#)"), select=["LK001"])) == []


def test_generic_link_text():
    assert codes(lint(_md("[Click here](https://nhs.uk/a)."), select=["LK003"])) == ["LK003"]
    assert codes(lint(_md("[Read more…](https://nhs.uk/a)."), select=["LK003"])) == ["LK003"]
    assert codes(lint(_md("[Click here to read NHS advice on knee pain](https://nhs.uk/a)."),
                      select=["LK003"])) == []


def test_insecure_link_only_for_known_https_hosts():
    assert codes(lint(_md("[x](http://www.nhs.uk/a) [y](http://www.nhs.uk/b)"),
                      select=["LK004"])) == ["LK004"]  # once per host
    assert codes(lint(_md("[x](http://small-clinic.example.org/a)"), select=["LK004"])) == []
    assert codes(lint(_md("[x](https://www.nhs.uk/a)"), select=["LK004"])) == []


def test_malformed_urls_offline():
    for bad in ("https//www.nhs.uk/a", "http://http://www.nhs.uk/", "https://nhs uk/",
                "https://www.nhs.uk:99999/"):
        assert codes(lint(_md(f'<a href="{bad}">x</a>'), select=["LK005"])) == ["LK005"], bad
    for ok in ("https://en.wikipedia.org/wiki/Hemorrhagic%20Fevers", "https://nhs.uk/a?b=c",
               "mailto:a@b.org", "/relative/page", "https://localhost:8080/"):
        assert codes(lint(_md(f"[x]({ok})"), select=["LK005"])) == [], ok


# --------------------------------------------------------------------------- no network



def test_a_default_run_of_every_rule_opens_no_connection(no_network):
    """Every rule (on by default or not) on the seeds and every rule's examples, offline."""
    rules = list(all_rules())
    linter = Linter(Config(), rules, today=TODAY)  # online defaults to False
    assert linter.online is False
    for p in sorted(SEEDS.iterdir()):
        if p.suffix in (".md", ".txt"):
            res = linter.lint_bytes(p.name, p.read_bytes())
            assert not res.internal, res.error
    for r in rules:
        ext = {"markdown": "md", "html": "html", "text": "txt"}[r.example_format]
        for text in (r.bad, r.good):
            res = linter.lint_bytes(f"x.{ext}", text.encode(r.bad_encoding))
            assert not res.internal, res.error
    linked = _md("[a](https://www.nhs.uk/) <iframe src=\"https://www.youtube.com/embed/"
                 "D_xG_VlvalE\" title=\"v\"></iframe>")
    assert not linter.lint_bytes("x.md", linked.encode()).internal
    assert no_network == []


def test_cli_default_run_is_offline(no_network, tmp_path):
    from click.testing import CliRunner

    from medlint.cli import main

    f = tmp_path / "a.md"
    f.write_text(_md("[NHS](https://www.nhs.uk/conditions/)"), encoding="utf-8")
    out = CliRunner().invoke(main, ["check", "--isolated", "--today", "2026-11-21", str(f)])
    assert out.exit_code in (0, 1), out.output
    assert no_network == []


# --------------------------------------------------------------------------- online


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's naming
        routes = {"/ok": (200, b"fine"), "/gone": (404, b"no"), "/forbidden": (403, b"bot"),
                  "/big": (200, b"x" * 5_000_000)}
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/gone")
            self.end_headers()
            return
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        if self.path.startswith("/oembed"):
            status = 404 if "deadvideo01" in self.path else 200
            self.send_response(status)
            self.end_headers()
            self.wfile.write(b"{}")
            return
        status, body = routes.get(self.path, (404, b"no"))
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    hits = []
    orig = _Handler.do_GET

    def counting(self):
        hits.append(self.path)
        orig(self)

    _Handler.do_GET = counting
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", hits
    finally:
        _Handler.do_GET = orig
        httpd.shutdown()
        httpd.server_close()


def _online_linter(base, allow=("127.0.0.1",)):
    from medlint.config import from_mapping

    cfg = from_mapping({"rules": {"dead-link": {"youtube_oembed": f"{base}/oembed",
                                                "timeout": 5}}})
    rules = [r for r in all_rules() if r.code == "LK005"]
    return Linter(cfg, rules, today=TODAY, online=True, allow_hosts=allow)


def test_online_reports_dead_links_and_follows_redirects(server):
    base, hits = server
    body = _md(f"[a]({base}/ok) [b]({base}/gone) [c]({base}/moved) [d]({base}/forbidden) "
               f"[e]({base}/big) [f]({base}/loop)")
    res = _online_linter(base).lint_bytes("x.md", body.encode())
    msgs = [f.message for f in res.findings]
    assert len(msgs) == 3, msgs
    assert any("/gone" in m and "HTTP 404" in m for m in msgs)
    assert any("/moved" in m and "HTTP 404" in m for m in msgs)  # redirect to a dead page
    assert any("/loop" in m and "redirects" in m for m in msgs)
    # 403 is in ignore_status; /big answered 200 and only max_bytes were read


def test_online_checks_youtube_embeds_through_oembed(server):
    base, hits = server
    body = ('<iframe src="https://www.youtube.com/embed/deadvideo01" title="v"></iframe>\n\n'
            '<iframe src="https://www.youtube.com/embed/D_xG_VlvalE" title="w"></iframe>\n')
    res = _online_linter(base).lint_bytes("x.md", body.encode())
    assert [f.line for f in res.findings] == [1]
    assert "does not exist" in res.findings[0].message
    assert sum(p.startswith("/oembed") for p in hits) == 2


def test_online_cache_requests_each_url_once_per_run(server):
    base, hits = server
    lin = _online_linter(base)
    body = _md(f"[a]({base}/ok) [b]({base}/ok)").encode()
    lin.lint_bytes("one.md", body)
    lin.lint_bytes("two.md", body)
    assert hits.count("/ok") == 1


def test_online_refuses_loopback_unless_allowed(server):
    base, hits = server
    res = _online_linter(base, allow=()).lint_bytes("x.md", _md(f"[a]({base}/ok)").encode())
    assert len(res.findings) == 1 and "refused" in res.findings[0].message
    assert hits == []


@pytest.mark.parametrize("addr", ["10.0.0.5", "192.168.1.1", "169.254.169.254", "::1",
                                  "fe80::1", "0.0.0.0", "172.16.0.1", "::ffff:127.0.0.1"])
def test_private_and_link_local_addresses_are_refused(addr):
    fam = socket.AF_INET6 if ":" in addr else socket.AF_INET

    def resolver(host, port, type=0):
        return [(fam, socket.SOCK_STREAM, 6, "", (addr, port))]

    chk = LinkChecker(resolver=resolver, timeout=1)
    r = chk.check("http://internal.example.net/")
    assert r.status is None and r.problem.startswith("refused"), r
    allowed = LinkChecker(resolver=resolver, timeout=0.2, allow_hosts=["internal.example.net"])
    import ipaddress

    assert ipaddress.ip_address(allowed.vet("internal.example.net", 80)) == \
        ipaddress.ip_address(addr)


def test_only_http_and_https_are_requested():
    chk = LinkChecker(resolver=lambda *a, **k: pytest.fail("resolved"))
    for url in ("ftp://example.net/x", "file:///etc/passwd", "gopher://example.net/"):
        assert chk.check(url).problem.startswith("refused: only http and https")


def test_cli_online_flag_and_allow_host(server, tmp_path):
    from click.testing import CliRunner

    from medlint.cli import main

    base, hits = server
    f = tmp_path / "a.md"
    f.write_text(_md(f"[a]({base}/gone)"), encoding="utf-8")
    args = ["check", "--isolated", "--select", "LK005", "--today", "2026-11-21", str(f)]
    off = CliRunner().invoke(main, args)
    assert off.exit_code == 0 and hits == []  # no --online: nothing requested
    on = CliRunner().invoke(main, args + ["--online", "--allow-host", "127.0.0.1"])
    assert on.exit_code == 1 and "HTTP 404" in on.output


def test_script_links_in_the_prose_of_an_html_page_that_promise_a_page():
    page = ("<html><body><nav><a href='#'>Menu</a></nav><main><h1>Ear infections</h1>"
            "<p>Most ear infections clear up in 3 days.</p>"
            "<p><a href='#'>Download our free ear pain symptom checker</a></p>"
            "<p><a href='javascript:void(0)' class='btn'>Book now</a></p>"
            "<p>Text with <a href='#'>Show more</a> and "
            "<a href='javascript:window.print()'>Print this page</a>.</p>"
            "<p><a href='javascript:void(0)'>Small Pox</a></p>"
            "<ul><li><a href='#'>Health topics and articles</a></li></ul></main></body></html>")
    found = lint(page, select=["LK001"], fmt="html")
    assert [f.message.split("'")[1] for f in found] == [
        "Download our free ear pain symptom check", "Book now"]


def test_lookalike_characters_in_urls_of_the_body_and_front_matter():
    text = ("---\ntitle: Heat\nsources:\n  - url: https://www.nhs.uk/conditions/heat\u2011"
            "exhaustion/\n---\n\nSee the [WHO page](https://www.who.int/news\u2011room/x) or "
            "[this](https://www.who.int/news-room/y).\n")
    found = lint(text, select=["LK005"])
    assert [(f.line, "U+2011 non-breaking hyphen" in f.message) for f in found] == [
        (4, True), (7, True)]
    assert found[0].message.startswith("'sources.0.url' URL")


def test_links_and_images_of_a_pages_chrome_go_with_its_blocks():
    page = ("<html><head><meta name='date' content='2024-01-02'></head><body>"
            "<div class='promo'><a href='/shop/'>Click here</a><img src='ad.png'></div><main>"
            "<h1>Hot flushes</h1><p>" + "Hot flushes are common in the menopause. " * 8 +
            "See the <a href='https://www.nhs.uk/'>NHS page on the menopause</a>.</p></main>"
            "</body></html>")
    doc = doc_of(page, fmt="html")
    assert doc.html_article_only
    assert [e.tag for e in doc.elements] == ["meta", "a"]
    assert lint(page, select=["LK003", "EM006"], fmt="html") == []


def test_a_shop_link_under_unrelated_text_is_spam_not_an_undisclosed_affiliate():
    text = ("# Baby colds\n\nMonitor your baby's temperature. [Keep your baby cool]"
            "(https://store.fi.io.vn/i-like-my-chihuahua) until the fever passes.\n")
    found = lint(text, select=["LK006", "MD008"])
    assert [f.code for f in found] == ["LK006"] and "spam" in found[0].message
    # text that names the product: a shop link, for MD008 to judge
    book = ("# Cholera\n\n[Mayo Clinic Family Health Book](https://store.mayoclinic.com/"
            "products/books/details.cfm?mpid=57)\n")
    assert [f.code for f in lint(book, select=["LK006", "MD008"])] == ["MD008"]
    # a government collection page is no shop
    gov = ("# Exercise\n\n[Physical activity for young children](https://www.gov.uk/government/"
           "collections/physical-activity-guidelines)\n")
    assert lint(gov, select=["LK006"]) == []


def test_a_pointer_to_more_information_without_a_link():
    found = lint("# Asthma and colds\n\nGet the flu jab. Find out more about getting the flu "
                 "vaccine if you have asthma.\n\nLearn how to improve your inhaler technique "
                 "through our short videos.\n", select=["LK007"])
    assert [(f.code, f.line) for f in found] == [("LK007", 3), ("LK007", 5)]
    for fine in ("Find out more about the [flu vaccine](https://www.nhs.uk/vaccinations/).",
                 "Find out more about:",
                 "Researchers are striving to find out more about the disease.",
                 "Can I find out more about it?"):
        assert not lint(f"# Asthma\n\n{fine}\n", select=["LK007"]), fine
    # a whole HTML page: the words may sit next to a button outside the text
    assert not lint("<html><body><main><p>" + "Asthma is common. " * 20 + "Find out more "
                    "about inhalers.</p></main></body></html>", select=["LK007"], path="a.html")


def test_click_here_with_nothing_to_click():
    found = lint("# Panic\n\nText.\n\nClick here to book a session with a therapist.\n",
                 select=["LK007"])
    assert codes(found) == ["LK007"]
    assert lint("# Panic\n\n[Click here](https://example.org/book) to book a session.\n",
                select=["LK007"]) == []


def test_click_here_after_a_sentence_and_our_hub():
    for text in ("Book a free hearing test. Click here to find your nearest branch.",
                 "For more information, visit our health hub."):
        assert codes(lint(f"Tinnitus\n\nText.\n\n{text}\n", select=["LK007"], fmt="text")) == [
            "LK007"], text


def test_see_the_links_below_with_no_links():
    assert codes(lint("Heatstroke\n\nText.\n\nFor more information, see the links below.\n",
                      select=["LK007"], fmt="text")) == ["LK007"]


def test_more_information_is_available_from_with_no_link():
    assert codes(lint("# Period pain\n\nMore information about endometriosis is available from "
                      "Endometriosis UK.\n", select=["LK007"])) == ["LK007"]
