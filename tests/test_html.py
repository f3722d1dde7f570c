"""The HTML renderer without a browser: self-contained, escaped, complete, and in the user's language."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import lawcheck
from lawcheck.render import Context
from lawcheck.render.formats.html import files as render_pages
from lawcheck.render.formats.html import render_index, render_report_page
from lawcheck.summary import summarize
from tests.conftest import FIXTURES
from tests.helpers.records import record

REAL = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")


class _Marks(HTMLParser):
    """The text inside each <mark>, and every tag seen."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.marks: list[tuple[dict, str]] = []
        self._in: dict | None = None
        self._buf: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "mark":
            self._in, self._buf = dict(attrs), []
        if tag == "script":
            self.scripts += 1

    def handle_endtag(self, tag):
        if tag == "mark" and self._in is not None:
            self.marks.append((self._in, "".join(self._buf)))
            self._in = None

    def handle_data(self, data):
        if self._in is not None:
            self._buf.append(data)


def _parse(page: str) -> _Marks:
    p = _Marks()
    p.feed(page)
    return p


def test_a_report_page_is_self_contained_and_complete():
    card = lawcheck.evaluate(REAL)
    page = render_report_page(card, REAL, "r.txt", [])
    assert page.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in page
    assert not re.search(r'(?:src|href)="(?:https?:)?//', page), "nothing may load from elsewhere"
    assert "@import" not in page and "url(" not in page
    for r in card.results:
        assert f'id="rule-{r.rule}"' in page
    assert f"{card.score:.1f}" in page and card.grade_label in page
    for m in card.missing:
        assert m.fix in page
    parsed = _parse(page)
    assert parsed.scripts == 1  # the page's own small script, inline
    # The marked pieces, joined, are exactly the evidence passages of the original text.
    marked = "".join(text for _, text in parsed.marks)
    for r in card.results:
        for ev in r.evidence:
            assert ev.text.replace("\n", "") in marked.replace("\n", ""), (r.rule, ev.text[:20])
    # Every jump link points at a mark that exists and carries the rule.
    ids = {attrs.get("id"): attrs.get("data-rules", "").split() for attrs, _ in parsed.marks}
    links = re.findall(r'<a class="jump" href="#(ev-\d+)" data-rule="([^"]+)"', page)
    assert len(links) == sum(1 for r in card.results if r.evidence)
    for target, rule in links:
        assert rule in ids[target]
    # Status is an icon and a word, never colour alone.
    assert "✓ 通过" in page and ("✗ 缺失" in page or "◐ 部分" in page)


def test_report_text_is_escaped_everywhere():
    evil = REAL.replace("全面贯彻落实行政执法", "<script>alert(1)</script></div><img src=x onerror=alert(2)>全面贯彻落实行政执法")
    card = lawcheck.evaluate(evil)
    page = render_report_page(card, evil, '"><script>alert(3)</script>.txt', [])
    parsed = _parse(page)
    assert parsed.scripts == 1 and "img" not in parsed.tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;/div&gt;" in page
    assert "&quot;&gt;&lt;script&gt;alert(3)" in page
    items = [record('<b>x</b>.txt', card, text=evil)]
    index = render_index(summarize(items), {'<b>x</b>.txt': "0001-x.html"}, "zh")
    assert "<b>" not in index and "&lt;b&gt;x&lt;/b&gt;.txt" in index


def test_english_on_request_with_the_same_ids():
    zh = lawcheck.evaluate(REAL)
    en = lawcheck.evaluate(REAL, lang="en")
    page = render_report_page(en, REAL, "r.txt", [])
    assert '<html lang="en">' in page and "Full text" in page and "✓ pass" in page.lower()
    assert re.findall(r'id="rule-([^"]+)"', page) == re.findall(
        r'id="rule-([^"]+)"', render_report_page(zh, REAL, "r.txt", []))


def test_sections_searched_in_vain_are_marked_in_the_text():
    # 荷塘's shortcomings list problems without a word on their causes: looked for in that section, not found.
    real = (FIXTURES / "004_hetang_2024.txt").read_text(encoding="utf-8")
    card = lawcheck.evaluate(real)
    r = card.result("content.shortcoming_causes")
    assert r.status == "fail" and r.searched and not r.evidence
    page = render_report_page(card, real, "r.txt", [])
    flagged = re.findall(r'<span class="sec-empty">([^<]*)</span>', page)
    assert any(r.name in f for f in flagged)
    # The flag sits where that section begins in the text.
    sec = next(s for s in card.sections if "shortcomings" in s.roles)
    flag = next(f for f in page.split('<span class="sec-empty">')[1:] if r.name in f.split("</span>", 1)[0])
    before_flag = flag.split("</span>", 1)[1]
    assert re.sub(r"<[^>]+>", "", before_flag).startswith(real[sec.start:sec.start + 6])


def test_a_batch_gives_an_index_and_a_page_per_report(tmp_path):
    items = []
    for p in sorted(FIXTURES.glob("00*.txt")):
        text = p.read_text(encoding="utf-8")
        items.append(record(str(p), lawcheck.evaluate(text), text=text))
    items.append(record("broken.pdf", error="PDF文件已损坏"))
    files = render_pages(items, Context())
    assert set(files) == {"index.html"} | {f for f in files if f.endswith(".html") and f[:4].isdigit()}
    assert len(files) == 1 + len(items) - 1
    index = files["index.html"]
    for name in files:
        if name != "index.html":
            assert f'href="{name}"' in index and 'href="index.html"' in files[name]
    assert "PDF文件已损坏" in index and 'class="chart"' in index and 'data-col="4"' in index
    # Same input, same bytes.
    assert render_pages(items, Context()) == files
