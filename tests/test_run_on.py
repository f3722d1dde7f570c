"""A report run together on one line (its line breaks lost: a crawler joining a page's paragraphs, a database
field, a paste into a one-line box, an old page laid out in a table cell) is read as the report it is: the same
statuses, kind and document facts as the report written in lines, evidence still quoting the text as given.

Before this, such a report lost about half its score (001: 94.5 → 47.8): its title, headings, shortcomings, plan
and signature stood in mid-line, where nothing read them."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

import lawcheck
from lawcheck.text.reflow import run_on_breaks

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = sorted(p for p in (ROOT / "fixtures").glob("*.txt") if p.with_suffix(".expected.yaml").exists())
SHARED = ROOT.parent / "shared" / "corpus"

# How the breaks get lost: the lines joined with nothing between them, with one space, or with the
# paragraphs' indentation kept ("。　　二、").
JOINS = {
    "nothing": lambda t: re.sub(r"\s*\n\s*", "", t),
    "space": lambda t: re.sub(r"\s*\n\s*", " ", t),
    "indent": lambda t: t.replace("\r", "").replace("\n", ""),
}
FACTS = ("kind", "title", "organ", "report_year", "signed_date", "level")


def _card(text: str) -> lawcheck.Scorecard:
    return lawcheck.evaluate(text)


def _statuses(card: lawcheck.Scorecard) -> dict[str, str]:
    return {r.rule: r.status for r in card.results}


@pytest.mark.parametrize("join", sorted(JOINS))
@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_a_report_run_together_reads_as_the_report_in_lines(path: Path, join: str) -> None:
    text = path.read_text(encoding="utf-8")
    run_on = JOINS[join](text)
    assert "\n" not in run_on.strip()
    written, joined = _card(text), _card(run_on)
    assert _statuses(joined) == _statuses(written)
    for fact in FACTS:
        assert getattr(joined.document, fact) == getattr(written.document, fact), fact
    # The evidence quotes the text as it was given, breaks and all lost.
    for result in joined.results:
        for ev in result.evidence:
            assert run_on[ev.start:ev.end] == ev.text


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/corpus is not beside the repository")
def test_the_corpus_reports_run_together_keep_their_verdicts() -> None:
    """Every report of the shared corpus (pages and look-alikes labelled as reports), run together: its kind is
    kept and at most one verdict in a hundred changes (the measure when this was written: 1 of 1,258)."""
    rows = []
    for folder in ("pages", "lookalikes"):
        for line in (SHARED / folder / "labels.jsonl").read_text(encoding="utf-8").splitlines():
            label = json.loads(line)
            if label.get("kind") == "annual_report":
                rows.append(SHARED / folder / label["file"])
    assert len(rows) >= 10
    changed = total = 0
    for path in rows:
        text = path.read_text(encoding="utf-8")
        written, joined = _card(text), _card(JOINS["nothing"](text))
        assert joined.document.kind == "annual_report", path.name
        a, b = _statuses(written), _statuses(joined)
        total += len(a)
        changed += sum(a[k] != b[k] for k in a)
    assert changed * 100 <= total, f"{changed} of {total} verdicts changed"


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/corpus is not beside the repository")
@pytest.mark.parametrize("join", sorted(JOINS))
def test_the_corpus_look_alikes_run_together_stay_look_alikes(join: str) -> None:
    """Every look-alike of the shared corpus (news of a 述法 meeting or an inspection, a 普法 post, …), run
    together, is still no report: a crawler's field must not turn news into a report that passes."""
    rows = [json.loads(line) for line in (SHARED / "lookalikes" / "labels.jsonl").read_text(encoding="utf-8")
            .splitlines()]
    others = [SHARED / "lookalikes" / r["file"] for r in rows if r.get("kind") == "other"]
    assert len(others) >= 10
    read_as_reports = [p.name for p in others
                       if _card(JOINS[join](p.read_text(encoding="utf-8"))).document.kind == "annual_report"]
    assert read_as_reports == []


# A news page as a crawler's database field keeps it: chrome, headline, the page's labels, the article.
NEWS_PAGE = ("您当前的位置：首页 > 新闻中心 > {column}{headline}\n时间：2021-03-02\n来源：{place}融媒体中心\n"
             "字号：大 中 小\n3月1日，{place}召开2020年度党政主要负责人履行推进法治建设第一责任人职责述法评议会。"
             "会议由{place}委副书记主持，各乡镇、各部门主要负责人参加。\n会上，5个部门的主要负责人现场述法，"
             "与会人员对述法情况进行了现场测评，其余单位主要负责人以书面形式提交述法报告。\n"
             "会议强调，各单位要压实第一责任人职责，把述法评议中指出的问题列入清单、逐项整改，"
             "以述促学、以评促改，推动法治政府建设各项任务落地见效。\n")


@pytest.mark.parametrize("join", sorted(JOINS))
@pytest.mark.parametrize(("column", "headline", "place"), [
    ("政务要闻", "城关区召开2020年度述法评议会", "城关区"),
    ("", "永宁县举行党政主要负责人述法会", "永宁县"),
    ("工作动态", "市政府考核组来我区考核法治政府建设工作", "我区"),
])
def test_a_news_page_run_together_is_still_news(join: str, column: str, headline: str, place: str) -> None:
    text = NEWS_PAGE.format(column=column, headline=headline, place=place)
    assert _card(text).document.other_kind == "news"
    joined = _card(JOINS[join](text))
    assert (joined.document.kind, joined.document.other_kind) == ("other", "news"), joined.document.kind_reason


def test_a_meeting_told_sentence_by_sentence_opens_on_hui_shang_at_a_sentence_too() -> None:
    """"会上，" opens a news item's second paragraph; run into the first, it still follows a sentence's end."""
    lead = ("为推动党政主要负责人履行推进法治建设第一责任人职责，3月21日，2022年度某区述法现场会在区委会议室召开。"
            "区委副书记主持会议，35家单位参加。")
    rest = "会上，区财政局、区司法局等单位主要负责人现场述法。区委副书记强调：述法是推动履职的重要抓手。"
    for text in (lead + "\n" + rest, lead + rest):
        assert _card(text).document.other_kind == "news", text


def test_a_text_written_in_lines_gets_no_break() -> None:
    for path in FIXTURES:
        assert run_on_breaks(path.read_text(encoding="utf-8")) == [], path.name


def test_a_long_paragraph_keeps_its_inline_list_and_lone_marker() -> None:
    """A long paragraph an author wrote (the corpus's longest is 1,024 characters) is no report run together: a
    short list inside a sentence ("主要有:一、…;二、…") and a single marker stay where they are."""
    body = "全面推进依法行政,严格规范公正文明执法,持续深化行政执法体制改革。" * 40
    listed = "第一段。\n我县主要做法有:一、健全制度;二、强化监督;三、严格考核。" + body
    assert run_on_breaks(listed) == []
    lone = "第一段。\n" + body[:700] + "一、加强组织领导。" + body[:700]
    assert run_on_breaks(lone) == []


def test_the_breaks_fall_before_parts_in_order_only() -> None:
    """Markers out of order (a figure list "二、三类", a repeated "一、") are not parts; the ones in order are."""
    para = "认真落实行政执法公示制度、执法全过程记录制度和重大执法决定法制审核制度,执法规范化水平不断提升。" * 3
    text = ("某县2024年度法治政府建设情况的报告" + "一、主要举措" + para + "三、存在的问题" + para
            + "一、二类事项" + para + "二、下一步打算" + para)
    breaks = run_on_breaks(text)
    tops = [b for b in breaks if text[b + 1:b + 2] == "、"]
    assert [text[b] for b in tops] == ["一", "二"]


# --- Pages laid out in a table cell (old CMS templates): the text extractor printed the cell on one line.

def _page(name: str, layout: str) -> str:
    lines = [ln.strip() for ln in (ROOT / "fixtures" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
             if ln.strip()]
    paras = "".join(f"<p>{html.escape(ln)}</p>" for ln in lines)
    brs = "<br>".join(html.escape(ln) for ln in lines)
    crumb, foot = "当前位置：首页 &gt; 法治政府", "网站标识码：1301260001 冀ICP备123号"
    body = {
        "div": f'<div class="crumb">{crumb}</div><div class="article">{paras}</div><div class="foot">{foot}</div>',
        "td": f'<table><tr><td>{crumb}</td></tr><tr><td class="content">{paras}</td></tr><tr><td>{foot}</td></tr>'
              "</table>",
        "td_br": f'<table><tr><td>{crumb}</td></tr><tr><td class="content">{brs}</td></tr><tr><td>{foot}</td></tr>'
                 "</table>",
    }[layout]
    return (f'<html><head><meta charset="utf-8"><title>{html.escape(lines[0])}</title></head>'
            f"<body>{body}</body></html>")


@pytest.mark.parametrize("layout", ["td", "td_br"])
@pytest.mark.parametrize("name", ["001_lingshou_2021", "002_yixing_2020", "003_changsheng_2020"])
def test_a_page_laid_out_in_a_table_cell_reads_as_the_same_page_in_divs(tmp_path: Path, name: str,
                                                                         layout: str) -> None:
    pytest.importorskip("trafilatura")
    from lawcheck.files import check_file

    cards = {}
    for shell in ("div", layout):
        page = tmp_path / f"{name}.{shell}.html"
        page.write_text(_page(name, shell), encoding="utf-8")
        cards[shell] = check_file(page)
    div, cell = cards["div"], cards[layout]
    assert _statuses(cell) == _statuses(div)
    for fact in (*FACTS, "published_date"):
        assert getattr(cell.document, fact) == getattr(div.document, fact), fact


def test_a_row_of_data_cells_stays_one_line() -> None:
    from lawcheck.readers.html import xml_lines

    xml = ("<doc><main><p>2023年主要数据</p><table><row><cell>行政复议</cell><cell>58件</cell></row>"
           "<row><cell><p>一、工作情况</p><p>全面推进依法行政。</p></cell></row></table></main></doc>")
    assert xml_lines(xml) == ["2023年主要数据", "| 行政复议 | 58件 |", "一、工作情况", "全面推进依法行政。"]
