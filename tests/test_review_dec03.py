"""Reviews of 2026-12-03 (a researcher's look-alikes, an examiner's altered copies, a reviewer's folder, an
attacker): what they found, pinned."""

from __future__ import annotations

from pathlib import Path

import pytest

import lawcheck

ROOT = Path(__file__).resolve().parents[1]
YIXING = (ROOT / "fixtures" / "002_yixing_2020.txt").read_text(encoding="utf-8")
NOTICE_BODY = ("\n\n各乡镇人民政府，县政府各部门：\n为做好2023年度法治政府建设工作，现将有关事项通知如下。\n"
               "一、加强组织领导。各单位主要负责人要切实履行推进法治建设第一责任人职责。\n"
               "二、按时报送。请于2024年1月31日前报送年度报告。\n县人民政府办公室\n2023年3月1日\n")


@pytest.mark.parametrize("number", [" 第3号", "（第3号）", " 宜政办发〔2023〕3号", "（2023年第5期）"])
@pytest.mark.parametrize("body", ["", NOTICE_BODY])
def test_a_notice_numbered_after_its_title_is_a_notice(number: str, body: str) -> None:
    """The number after a title says which document it is, not what it is: "…的通知 第3号" is a notice."""
    card = lawcheck.evaluate("关于做好法治政府建设工作的通知" + number + body)
    assert (card.document.kind, card.document.other_kind) == ("other", "notice"), card.document.kind_reason


def test_a_report_numbered_after_its_title_is_still_the_report() -> None:
    lines = YIXING.split("\n")
    i = next(k for k, ln in enumerate(lines) if "报告" in ln and "法治" in ln)
    lines[i] = lines[i].rstrip() + "（2021年第3号）"
    card = lawcheck.evaluate("\n".join(lines))
    assert card.document.kind == "annual_report"
    assert card.score == lawcheck.evaluate(YIXING).score


# ---------------------------------------------------------------- a page's title outside the extracted article
def _page_around(title_html: str, head: str = "<title>灵寿县人民政府</title>") -> bytes:
    """001 (灵寿 2021) as a CMS page: the title in ``title_html`` above the article, which starts at the report's
    number line (the fixture's own chrome left out)."""
    import html as html_mod

    text = (ROOT / "fixtures" / "001_lingshou_2021.txt").read_text(encoding="utf-8")
    body = text[text.index("灵政函"):]
    paras = "".join(f"<p>{html_mod.escape(ln)}</p>" for ln in body.split("\n") if ln.strip())
    return (f'<html><head><meta charset="utf-8">{head}</head><body><div class="nav">首页 &gt; 政务公开</div>'
            f'{title_html}<div class="info">发布时间：2022-01-20</div><div class="zw">{paras}</div>'
            '<div class="footer">版权所有 灵寿县人民政府</div></body></html>').encode()


REPORT_TITLE = "灵寿县人民政府关于2021年度法治政府建设情况的报告"
PLACES = {
    "div.title": lambda t: (f'<div class="title">{t}</div>', "<title>灵寿县人民政府</title>"),
    "h2": lambda t: (f"<h2>{t}</h2>", "<title>政务公开</title>"),
    "td.bt": lambda t: (f'<table><tr><td class="bt">{t}</td></tr></table>',
                        '<title>详情页</title><meta name="ArticleTitle" content="政府信息公开">'),
    "title tag": lambda t: ("", f"<title>{t}_政府文件_灵寿县人民政府</title>"),
}


@pytest.mark.parametrize("place", sorted(PLACES))
def test_a_reports_title_outside_the_article_is_read(place: str) -> None:
    """The title in an element the extractor leaves out, under a meta title that is a column's or the site's
    name (which used to make 政府信息公开 the title: read as a 政务公开 summary, the report lost)."""
    pytest.importorskip("trafilatura")
    from lawcheck.readers import read_document

    loaded = read_document("page.html", _page_around(*PLACES[place](REPORT_TITLE)))
    card = lawcheck.evaluate(loaded.text, title=loaded.meta.get("title"))
    assert (card.document.kind, card.document.title) == ("annual_report", REPORT_TITLE)
    assert card.document.organ == "灵寿县人民政府" and card.document.report_year == 2021


@pytest.mark.parametrize("place", sorted(PLACES))
@pytest.mark.parametrize(("title", "other_kind"), [
    ("图解：灵寿县2021年度法治政府建设情况报告", "interpretation"),
    ("灵寿县人民政府2021年政府信息公开工作年度报告", "disclosure_report"),
])
def test_a_look_alikes_title_outside_the_article_still_says_what_it_is(place: str, title: str,
                                                                      other_kind: str) -> None:
    """A 图解 page or a 政务公开 annual report carrying a report's text: its title, wherever the page puts it,
    says what it is (the report's text under it passed the gate as the report)."""
    pytest.importorskip("trafilatura")
    from lawcheck.readers import read_document

    loaded = read_document("page.html", _page_around(*PLACES[place](title)))
    card = lawcheck.evaluate(loaded.text, title=loaded.meta.get("title"))
    assert (card.document.kind, card.document.other_kind) == ("other", other_kind)


# ---------------------------------------------------------------- a short opening under the title
def _lingshou_from_parts() -> str:
    text = (ROOT / "fixtures" / "001_lingshou_2021.txt").read_text(encoding="utf-8")
    return text[text.index("一、"):]


@pytest.mark.parametrize("title", ["灵寿县司法局2021年度法治政府建设情况报告", "灵寿县人民政府关于2021年度法治政府建设情况的报告"])
@pytest.mark.parametrize("opening", [
    "2021年,我局坚持以习近平法治思想为指导,现报告如下:",
    "2021年，我县深入学习贯彻习近平法治思想，现将有关情况报告如下：",
    "现将我县2021年度法治政府建设情况报告如下：",
    "根据要求，现将2021年法治政府建设工作情况报告如下:",
])
def test_a_short_opening_leading_into_the_parts_is_not_the_title(title: str, opening: str) -> None:
    """A one-line opening that ends "…报告如下：" stood in the header and, naming a year and 法治…报告, was taken for
    the title: the report read as another field's summary and dropped from a corpus."""
    card = lawcheck.evaluate(title + "\n" + opening + "\n" + _lingshou_from_parts())
    assert (card.document.kind, card.document.title, card.document.report_year) == ("annual_report", title, 2021)
