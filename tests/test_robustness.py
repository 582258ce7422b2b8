"""Bad input gets a clear answer, never a traceback; positions stay inside the file."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medlint.config import Config
from medlint.engine import Linter
from medlint.reading import Unreadable, build_document
from medlint.rules.registry import all_rules

from .conftest import TODAY

LINTER = Linter(Config(), [r for r in all_rules() if not r.needs_nlp], today=TODAY)


def check_positions(path: str, data: bytes):
    res = LINTER.lint_bytes(path, data)
    assert not res.internal, res.error
    if res.error:
        return res
    n_lines = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
    for f in res.findings:
        assert 1 <= f.line <= f.end_line <= n_lines, f
        assert f.column >= 1
    return res


@pytest.mark.parametrize("data", [
    b"",
    b"\n\n\n",
    b"---\n",
    b"---\n---\n",
    b"+++\ntitle = \n+++\n",
    b"---\n: : :\n---\n",
    b"---\n- a\n- b\n---\nBody\n",
    b"---\n!!python/object:os.system x\n---\n",
    b"---\nx: !!binary AAAA\ny: !!set {a, b}\nz: !!omap [a: 1]\n---\n",
    b"---\na: &x [*x]\n---\n",
    b"---\n[a, b]: 1\n{c: d}: 2\n---\n",
    b"\xff\xfe" + "# UTF-16 title\n".encode("utf-16-le"),
    b"# Fever\n\n38\xb0C is a fever.\n",
    b"<html><body><p>unclosed <div><ul><li>x",
    b"<iframe src=",
    b"<!DOCTYPE html><html><body></h1></p></li></body>",
    b"<![CDATA[ x ]]><!-- unterminated",
    b"{{< youtube >}}\n{{< >}}\n{{% vimeo %}}",
    b"\t\t- \n* \n1.\n\xe2\x80\xa2\n",
])
def test_odd_inputs_do_not_crash(data):
    check_positions("odd.md", data)
    check_positions("odd.html", data)
    check_positions("odd.txt", data)


def test_yaml_alias_bomb():
    lines = ["---", "a: &a [x, x, x, x, x, x, x, x, x, x]"]
    prev = "a"
    for name in "bcdefghijk":
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
        prev = name
    lines += ["---", "Body"]
    res = check_positions("bomb.md", "\n".join(lines).encode())
    assert res.error is None


def test_binary_file_is_skipped_with_one_line():
    res = LINTER.lint_bytes("image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40)
    assert res.error == "skipped: binary file" and not res.internal and res.findings == []


def test_invalid_utf8_gets_a_finding_at_the_byte():
    res = check_positions("latin1.md", b"# Fever\n\nAt 38\xb0C you have a fever.\n")
    f = [f for f in res.findings if f.code == "ST100"][0]
    assert (f.line, f.column) == (3, 6) and "Windows-1252" in f.message


def test_nul_padded_page_is_linted_as_text():
    res = check_positions("page", b"\n\x00\x00\x00<!DOCTYPE html><html><body><p>Hi.</p></body></html>")
    assert res.error is None and [f.code for f in res.findings] == ["ST100"]


def test_huge_file_is_skipped_not_parsed(tmp_path):
    cfg = Config(max_file_size=1_000_000)
    lin = Linter(cfg, list(all_rules()), today=TODAY)
    res = lin.lint_bytes("big.md", b"word " * 300_000)
    assert res.error and "limit" in res.error and res.findings == []
    big = tmp_path / "big.md"
    big.write_bytes(b"# x\n\n" + b"Knee twitching is common. " * 800_000)  # 20 MB
    res = Linter(Config(), list(all_rules()), today=TODAY).lint_path(str(big))
    assert res.error and "20.8 MB" in res.error


def test_deeply_nested_and_unclosed_html():
    deep = ("<div>" * 10_000 + "<p>Deep text.</p>" + "</div>" * 10_000).encode()
    doc = build_document("deep.html", deep)
    assert [b.text for b in doc.paragraphs] == ["Deep text."]
    unclosed = ("<div><p>open <b>bold <i>x " * 2000).encode()
    check_positions("unclosed.html", unclosed)


def test_build_document_raises_only_unreadable():
    with pytest.raises(Unreadable):
        build_document("x.bin", b"\x00\x01\x02\x03" * 100)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("ab:-*•#<>/=\"' \n\t{}[]!()|?.%+1\u00a0")), max_size=300))
def test_random_markup_text(text):
    for path in ("r.md", "r.html", "r.txt"):
        check_positions(path, text.encode("utf-8"))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes(data):
    for path in ("r.md", "r.html", "r.txt", "noext"):
        check_positions(path, data)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from([
    "---", "title: x", "title: y", "tags:", "  - a", "- b", "+++", 'a = "b"', "<h3>Q?</h3>",
    "Answer text.", "<iframe src='x'>", "</div>", "<div>", "# H", "1. item", "• bullet", "",
    "{{< youtube x >}}", "<!-- medlint-disable -->", "| a | b |", "|---|---|", "```", "> q",
]), max_size=40))
def test_random_documents_from_fragments(lines):
    check_positions("frag.md", "\n".join(lines).encode())


def test_an_html_page_that_loses_all_its_text_gets_a_finding_not_silence():
    para = "<p>" + "Cholera spreads through dirty water and food in many places. " * 12 + "</p>\n"
    text = "<!DOCTYPE html>\n<html><body>\n<nav><a href='/'>Home</a>\n" + para + "</body></html>\n"
    res = Linter(Config(), all_rules(), today=TODAY).lint_bytes("page.html", text.encode())
    assert res.error is None
    assert [f.code for f in res.findings] == ["ST102"]
    assert res.findings[0].line == 3
