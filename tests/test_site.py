"""Cross-article duplicate detection (signatures, exact and near-copy grouping)."""

from __future__ import annotations

from medlint.site import groups, signatures

from .conftest import doc_of

PARA = ("Knee twitching is usually harmless and happens when small groups of muscle fibres "
        "contract on their own, often after exercise, caffeine, stress or a poor night of sleep, "
        "and it normally settles without any treatment within a few days.")


def test_exact_and_near_copies_group_across_files():
    near = PARA.replace("a few days", "several days")
    docs = [doc_of(f"# A\n\n{PARA}\n", path="a.md"), doc_of(f"# B\n\n{near}\n", path="b.md"),
            doc_of(f"# C\n\n{PARA}\n", path="c.md"),
            doc_of("# D\n\n" + "Completely different text about ankle sprains and ice. " * 5,
                   path="d.md")]
    sigs = [s for d in docs for s in signatures(d)]
    gs = groups(sigs)
    assert len(gs) == 1 and sorted(s.path for s in gs[0]) == ["a.md", "b.md", "c.md"]


def test_short_paragraphs_and_same_file_repeats_are_ignored():
    docs = [doc_of("# A\n\nShort line.\n", path="a.md"), doc_of("# B\n\nShort line.\n", path="b.md"),
            doc_of(f"# C\n\n{PARA}\n\n{PARA}\n", path="c.md")]
    assert groups([s for d in docs for s in signatures(d)]) == []


def _run_st200(root, monkeypatch):
    from medlint.runner import Runner, RunOptions

    from .conftest import TODAY

    monkeypatch.chdir(root)
    out = Runner(RunOptions(today=TODAY, select=["ST200"], cache=False)).run(["crawl"])
    return {(r.path.split("/")[-1], f.line) for r in out.results for f in r.findings}


def _page(body: str) -> str:
    return f"<html><body><h1>Page</h1>\n<p>{body}</p>\n</body></html>\n"


def test_template_on_most_crawled_pages_of_one_host_is_chrome(tmp_path, monkeypatch):
    # a crawl folder holds pages of many sites: a dialog on 3 of 4 emedtv pages is the
    # site's template, while the same paragraph on two different sites is a copy
    crawl = tmp_path / "crawl" / "pages"
    crawl.mkdir(parents=True)
    dialog = ("In order for us to create your customized HealthSavvy programs, we need a "
              "little more information about the health topics that you are interested in "
              "and the ones you would like to learn more about today")
    for i, sub in enumerate(("plague", "polio", "diseases")):
        (crawl / f"http%3A%2F%2F{sub}.emedtv.com%2Fp{i}.html").write_text(_page(dialog))
    (crawl / "http%3A%2F%2Fbacteria.emedtv.com%2Fother.html").write_text(
        _page("Cholera is diagnosed from a stool sample."))
    for i in range(8):
        (crawl / f"http%3A%2F%2Fsite{i}.org%2Fa.html").write_text(_page(f"Page {i} text."))
    assert _run_st200(tmp_path, monkeypatch) == set()
    (crawl / "http%3A%2F%2Fsite1.org%2Fa.html").write_text(_page(PARA))
    (crawl / "http%3A%2F%2Fsite2.org%2Fa.html").write_text(_page(PARA))
    assert _run_st200(tmp_path, monkeypatch) == {("http%3A%2F%2Fsite1.org%2Fa.html", 2),
                                                 ("http%3A%2F%2Fsite2.org%2Fa.html", 2)}


def test_address_element_of_crawled_pages_is_chrome(tmp_path, monkeypatch):
    crawl = tmp_path / "crawl" / "pages"
    crawl.mkdir(parents=True)
    address = ("<address>Centers for Disease Control and Prevention 1600 Clifton Road Atlanta, "
               "GA 30329-4027, USA, 800-CDC-INFO (800-232-4636), TTY (888) 232-6348, open 24 "
               "hours, every day of the week for questions</address>")
    for name in ("http%3A%2F%2Fwww.one.gov%2Fa.html", "http%3A%2F%2Fwww.two.gov%2Fb.html"):
        (crawl / name).write_text(f"<html><body><h1>P</h1>\n{address}\n</body></html>\n")
    assert _run_st200(tmp_path, monkeypatch) == set()
