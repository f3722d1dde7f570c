"""Reading a crawled page and telling what it is (a review, 2026-12-07): a site's navigation above a title-less
report is no title; a page date before the signature does not make a signed report an early one, and a date alone
on a line above the text is no publication; one page of a report a site splits (its pager or page number above or
under it, also in a saved web page) is not judged as a whole; a site's footer under a report leaves its signature
be; a leader's 述法 whose title was lost is one; a saved page's date is the page's; the organ is read from "2023年，
生态环境部坚持…" and "一年来，周溪乡在…"; the 通知 issuing a 工作要点 behind a page's table of facts is a plan.  Built
from the real fixtures and changed copies of them."""

from __future__ import annotations

import html
import re

import pytest

import lawcheck
from lawcheck.files import check_file
from tests.conftest import FIXTURES

LINGSHOU = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
HETANG = (FIXTURES / "004_hetang_2024.txt").read_text(encoding="utf-8")


def _statuses(card):  # type: ignore[no-untyped-def]
    return {r.rule: r.status for r in card.results}


# ---------------------------------------------------------------- 1. navigation above a title-less report


@pytest.mark.parametrize("above", [
    "上一篇：关于2018年度法治政府建设情况的报告",
    "上一篇:2019年法治政府建设工作总结",
    "下一篇：关于2018年度依法行政工作情况的报告",
    "【上一篇】关于2020年度法治政府建设情况的报告",
    "最新动态\n我区召开法治政府建设工作会议 2024-11-02",
    "县领导调研安全生产工作 2023-11-02",
    "[2023-11-02] 区政府召开常务会议研究法治政府建设工作",
    "· 关于2017年度法治政府建设情况的报告 2018-03-01",
])
def test_a_site_s_navigation_above_the_text_is_no_title(above: str) -> None:
    plain = lawcheck.evaluate(HETANG)
    card = lawcheck.evaluate(above + "\n" + HETANG)
    doc = card.document
    assert doc.kind == "annual_report" and doc.report_year == 2024
    assert doc.title is None and doc.published_date is None
    assert card.score == plain.score and _statuses(card) == _statuses(plain)


def test_the_report_s_own_title_under_a_prev_link_is_still_its_title() -> None:
    card = lawcheck.evaluate("上一篇：关于2020年度法治政府建设情况的报告\n" + LINGSHOU)
    assert card.document.title == "灵寿县人民政府关于2021年度法治政府建设情况的报告"
    assert card.document.report_year == 2021 and card.score == lawcheck.evaluate(LINGSHOU).score


# ---------------------------------------------------------------- 2. a page date earlier than the signature


@pytest.mark.parametrize("day", ["2021-06-01", "2021-11-30", "2021-09-15", "2021-04-02"])
def test_a_page_date_before_the_signature_leaves_a_signed_report_a_report(day: str) -> None:
    text = LINGSHOU.replace("发布时间:2022-01-20", f"发布时间:{day}")
    assert text != LINGSHOU
    card = lawcheck.evaluate(text)
    assert card.document.kind == "annual_report" and card.score is not None
    assert card.document.signed_date.isoformat() == "2022-01-14"


@pytest.mark.parametrize("line", ["2019-05-06", "[2019-05-06]", "（2023年5月6日）", "【2024-06-01】"])
def test_a_date_alone_above_the_text_before_its_year_ended_is_no_publication(line: str) -> None:
    plain = lawcheck.evaluate(HETANG)
    card = lawcheck.evaluate(line + "\n" + HETANG)
    assert card.document.kind == "annual_report" and card.document.published_date is None
    assert _statuses(card) == _statuses(plain)


def test_a_part_year_summary_signed_in_july_stays_an_early_one() -> None:
    # guard: a report signed (and published) before its year was over is still not that year's report
    text = LINGSHOU.replace("2022年1月14日", "2021年7月14日").replace("发布时间:2022-01-20", "发布时间:2021-07-20")
    card = lawcheck.evaluate(text)
    assert card.document.kind == "other" and card.document.other_kind == "dated_early"


@pytest.mark.parametrize("line", ["2025-02-20 10:24 来源：区司法局", "2025-02-20 浏览次数：12", "发布时间：2025-02-20"])
def test_a_date_with_its_time_or_source_is_still_the_page_s(line: str) -> None:
    # guard: what the date-alone rule leaves as it was
    assert lawcheck.evaluate(line + "\n" + HETANG).document.published_date.isoformat() == "2025-02-20"


# ---------------------------------------------------------------- 3. one page of a report split over several

_CUT = LINGSHOU.index("二、法治政府建设中存在的")
_HEAD_END = LINGSHOU.index("灵政函")
PAGE1 = LINGSHOU[:_CUT].rstrip("\n")
PAGE2 = LINGSHOU[:_HEAD_END] + LINGSHOU[_CUT:]


@pytest.mark.parametrize("text", [
    PAGE1 + "\n第1页",
    PAGE1 + "\n第1页 共2页",
    PAGE1 + "\n1/2",
    PAGE1 + "\n下一页",
    PAGE1 + "\n1 2 3 下一页",
    PAGE1 + "\n共2页 首页 上一页 1 2 下一页 尾页",
    "第2页\n" + LINGSHOU[_CUT:],
    "页次：2/2\n" + LINGSHOU[_CUT:],
    PAGE2.replace("情况的报告\n", "情况的报告(第2页)\n", 1),
])
def test_one_page_of_a_split_report_is_not_judged(text: str) -> None:
    card = lawcheck.evaluate(text)
    assert card.document.kind == "annual_report" and card.score is None
    assert set(_statuses(card).values()) == {"unknown"}


@pytest.mark.parametrize("end", ["\n第3页 共3页", "\n3/3", "\n共1页 首页 上一页 1 下一页 尾页", "\n第3页"])
def test_a_whole_report_with_its_last_page_number_is_judged(end: str) -> None:
    plain = lawcheck.evaluate(LINGSHOU)
    card = lawcheck.evaluate(LINGSHOU + end)
    assert card.score == plain.score and _statuses(card) == _statuses(plain)


def _page(paras: list[str], *, date: str = "2022-01-20", above: str = "", under: str = "") -> str:
    title = "灵寿县人民政府关于2021年度法治政府建设情况的报告"
    ps = "".join(f"<p>{html.escape(p)}</p>" for p in paras if p.strip())
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}_法治政府建设_灵寿县人民政府</title></head>'
            '<body><div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></div>'
            f'<div class="main"><h1 class="title">{title}</h1><div class="info">发布时间：{date} 来源：县司法局</div>'
            f'{above}<div class="content" id="zoom">{ps}</div>{under}'
            '<div class="tools">【打印本页】【关闭窗口】</div></div>'
            '<div class="footer">主办：灵寿县人民政府办公室 网站标识码：1301260001</div></body></html>')


def _body(text: str) -> list[str]:
    return text[text.index("中共灵寿县委"):].split("\n")


@pytest.mark.parametrize("pager", ['<div class="page">共2页 首页 上一页 1 2 下一页 尾页</div>',
                                   '<div class="page">第1页 共2页 <a href="a_1.html">下一页</a></div>',
                                   '<a href="a_1.html">下一页</a>'])
def test_a_saved_page_with_its_pager_under_it_is_one_page(tmp_path, pager: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p1.html"
    path.write_text(_page(_body(PAGE1), under=pager), encoding="utf-8")
    card = check_file(path)
    assert card.score is None and set(_statuses(card).values()) == {"unknown"}


@pytest.mark.parametrize("where", ["above", "under"])
def test_a_saved_second_page_with_its_pager_is_one_page(tmp_path, where: str) -> None:  # type: ignore[no-untyped-def]
    pager = '<div class="pages">共2页 <a href="a.html">首页</a> <a href="a.html">上一页</a> 1 2 下一页 尾页</div>'
    path = tmp_path / "p2.html"
    path.write_text(_page(LINGSHOU[_CUT:].split("\n"), **{where: pager}), encoding="utf-8")
    card = check_file(path)
    assert card.score is None and set(_statuses(card).values()) == {"unknown"}


def test_a_whole_saved_page_is_still_judged(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "full.html"
    path.write_text(_page(_body(LINGSHOU), under='<div class="page">共1页 首页 上一页 1 下一页 尾页</div>'),
                    encoding="utf-8")
    card = check_file(path)
    assert card.score is not None and card.document.signed_date.isoformat() == "2022-01-14"


# ---------------------------------------------------------------- 4. a site's footer under the report


@pytest.mark.parametrize("footer", [
    "上一篇：灵寿县人民政府关于2020年度法治政府建设情况的报告\n浏览次数：1234 【打印本页】【关闭窗口】\n"
    "Copyright © 2022 灵寿县人民政府 All Rights Reserved",
    "灵寿县人民政府 版权所有",
    "版权所有：灵寿县人民政府办公室  技术支持：某某网络科技有限公司",
    "灵寿县人民政府办公室主办",
    "灵寿县2023年政府工作报告 2023-02-10",
    "我县召开法治政府建设工作会议 2022-11-02",
    "COPYRIGHT 2022 WWW.LINGSHOU.GOV.CN",
])
def test_a_site_s_footer_leaves_the_signature(footer: str) -> None:
    plain = lawcheck.evaluate(LINGSHOU)
    card = lawcheck.evaluate(LINGSHOU.rstrip("\n") + "\n" + footer + "\n")
    assert card.document.signed_date.isoformat() == "2022-01-14"
    assert _statuses(card)["form.signature"] == "pass" and card.score == plain.score


# ---------------------------------------------------------------- 5. a leader's 述法 whose title was lost

_OPENING = HETANG.split("\n", 1)[0]


def _shufa(speaker: str, sign: str, person: str = "本人") -> str:
    opening = f"2024年，{person}认真履行推进法治建设第一责任人职责，" + _OPENING.split(",", 1)[1]
    return (speaker + opening + "\n" + HETANG.split("\n", 1)[1].rstrip("\n") + "\n" + sign + "2025年1月10日\n")


@pytest.mark.parametrize("text", [
    _shufa("区人民政府区长 李某某\n", "述法人：李某某\n"),
    _shufa("区人民政府区长 李某某\n", "述法人：李某某\n", "我"),
    _shufa("区人民政府区长 李某某\n", ""),
    _shufa("", "述法人：李某某\n"),
    _shufa("", "述职人：王建国\n", "我"),
    _shufa("", "李某某\n", "我"),
    _shufa("中共荷塘区委书记 王建国\n", ""),
])
def test_a_leader_s_shufa_without_its_title_is_one(text: str) -> None:
    card = lawcheck.evaluate(text)
    assert card.document.kind == "other" and card.document.other_kind == "shufa_report"


def test_a_unit_speaking_in_the_first_person_is_no_leader() -> None:
    # guard: the real reports say 我区, 我县 (a body), and are signed by a body
    for text in (HETANG, LINGSHOU, HETANG.replace("荷塘区坚持", "我区坚持", 1) + "荷塘区人民政府\n2025年1月10日\n"):
        assert lawcheck.evaluate(text).document.kind == "annual_report"


# ---------------------------------------------------------------- 6. a saved page's date is the page's


def test_a_saved_page_s_date_is_the_page_s(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "full.html"
    path.write_text(_page(_body(LINGSHOU)), encoding="utf-8")
    doc = check_file(path).document
    assert (doc.published_date.isoformat(), doc.published_source) == ("2022-01-20", "page")
    doc = check_file(path, published="2022-02-01").document
    assert (doc.published_date.isoformat(), doc.published_source) == ("2022-02-01", "caller")
    doc = lawcheck.evaluate(LINGSHOU, page={"published": "2022-01-20"}).document
    assert doc.published_source == "page"


def test_a_saved_page_dated_before_the_signature_is_a_report(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "early.html"
    path.write_text(_page(_body(LINGSHOU), date="2021-06-01"), encoding="utf-8")
    card = check_file(path)
    assert card.document.kind == "annual_report" and card.score is not None


# ---------------------------------------------------------------- 7. the organ in the opening sentence


@pytest.mark.parametrize(("subject", "organ"), [
    ("2024年,生态环境部坚持", "生态环境部"),
    ("2024年,国家税务总局坚持", "国家税务总局"),
    ("2024年,海关总署坚持", "海关总署"),
    ("一年来,周溪乡在区委、区政府的正确领导下,坚持", "周溪乡"),
    ("一年来,荷塘区坚持", "荷塘区"),
    ("过去一年,荷塘区坚持", "荷塘区"),
])
def test_the_organ_is_the_opening_s_subject(subject: str, organ: str) -> None:
    text = HETANG.replace("2024年,荷塘区坚持", subject, 1)
    assert text != HETANG
    assert lawcheck.evaluate(text).document.organ == organ


def test_cadres_are_no_organ() -> None:
    text = HETANG.replace("2024年,荷塘区坚持", "2024年,党员干部坚持", 1)
    assert lawcheck.evaluate(text).document.organ is None


# ---------------------------------------------------------------- 8. a 工作要点 issued by a 通知 behind a table of facts

_ISSUED = """当前位置:首页 > 政府信息公开 > 法定主动公开内容 > 市政府(办)文件
索 引 号:
640501001/2022-00153
文  号:
卫政办发〔2022〕24号
发布机构:
中卫市人民政府办公室
{label}:
市司法局
生成日期:
2022年03月30日
标  题:
市人民政府办公室 关于印发2022年中卫市法治政府建设工作要点的通知

市人民政府办公室 关于印发2022年中卫市法治政府建设工作要点的通知
卫政办发〔2022〕24号
各县(区)人民政府,市政府各部门、直属机构:
《2022年中卫市法治政府建设工作要点》已经市人民政府第9次常务会议研究通过,现印发给你们,请结合实际,认真贯彻落实。
中卫市人民政府办公室
2022年3月29日
(此件公开发布)
"""


@pytest.mark.parametrize("label", ["责任部门", "主管部门", "承办部门", "所属部门"])
def test_a_notice_issuing_a_plan_is_a_plan(label: str) -> None:
    doc = lawcheck.evaluate(_ISSUED.format(label=label)).document
    assert (doc.kind, doc.other_kind) == ("other", "plan")
    assert re.search("工作要点", doc.kind_reason or "")


def test_the_addressee_still_opens_a_report() -> None:
    # guard: the real report's addressee line ("中共灵寿县委、县人大常委会:") is read as before
    assert lawcheck.evaluate(LINGSHOU).document.recipients == ["中共灵寿县委", "县人大常委会"]
