"""Normalisation, structure and dates on small, named cases."""

from __future__ import annotations

import datetime as dt

import pytest

from lawcheck.text import dates
from lawcheck.text.normalize import normalize
from lawcheck.text.structure import MEASURES, PLAN, PREAMBLE, SHORTCOMINGS, build


def structure(text: str):
    return build(normalize(text))


def test_normalize_folds_width_space_and_quotes():
    n = normalize("\ufeff（一）谁执法  谁普法\r\n行政执法“三项制度”\u3000２０２１年")
    assert n.text == "(一)谁执法谁普法\n行政执法三项制度2021年"
    # Every normalised character maps back to an original character.
    for i in range(len(n.text)):
        s, e = n.orig_span(i, i + 1)
        assert 0 <= s < e <= len(n.original)


def test_normalize_keeps_spaces_between_latin_and_digits():
    assert normalize("2021-03-29   10:24:29").text == "2021-03-29 10:24:29"


def test_normalize_expanding_characters_map_back():
    n = normalize("㈠测试")
    assert n.text.startswith("(一)")
    assert n.orig_span(0, 3) == (0, 1)


@pytest.mark.parametrize(
    ("heading", "roles"),
    [
        ("二、存在的问题和不足", {SHORTCOMINGS}),
        ("二、法治政府建设中存在的问题", {SHORTCOMINGS}),
        ("三、下一步工作计划", {PLAN}),
        ("四、下步工作打算", {PLAN}),
        ("三、2022年工作安排", {PLAN}),
        ("三、存在问题及下一步打算", {SHORTCOMINGS, PLAN}),
        ("一、2021年推进法治政府建设的主要举措和成效", {MEASURES}),
        ("一、强化领导、健全制度,依法行政工作有力", {MEASURES}),
    ],
)
def test_top_level_roles(heading, roles):
    st = structure(f"2021年,全县法治政府建设取得新成效,现将有关情况报告如下。\n{heading}\n这一部分的正文内容。\n")
    top = [s for s in st.sections if s.parent is None]
    assert top and set(top[0].roles) == roles


def test_section_tree_and_chrome():
    text = (
        "您当前位置:政务公开 >> 政府文件 >> 文章阅读\n灵寿县人民政府\n关于2021年度法治政府建设情况的报告\n"
        "发布时间:2022-01-20    来源:灵寿信息公开\n【字体: 】    打印\n"
        "2021年以来,灵寿县法治政府建设坚持以习近平新时代中国特色社会主义思想为指导,取得了新成效。\n"
        "一、工作开展情况\n(一)推进严格规范公正文明执法。一是深化执法规范化建设。\n1.加强培训。培训300人次。\n"
        "二、存在的问题\n执法人员能力有待提高。\n三、下一步工作计划\n加强培训。\n特此报告。\n灵寿县人民政府\n 2022年1月14日\n"
    )
    st = structure(text)
    assert st.title == "灵寿县人民政府\n关于2021年度法治政府建设情况的报告"
    assert "当前位置" not in st.text[st.body[0]:st.body[1]]
    top = [s for s in st.sections if s.parent is None]
    assert [s.heading for s in top] == ["一、工作开展情况", "二、存在的问题", "三、下一步工作计划"]
    child = [s for s in st.sections if s.parent == top[0].index]
    assert child[0].heading == "(一)推进严格规范公正文明执法。"
    assert st.text[slice(*st.closing)].startswith("特此报告")
    roles = {s.roles for s in st.sentences}
    assert frozenset({PREAMBLE}) in roles and frozenset({"closing"}) in roles


def test_report_without_numbered_headings_still_gets_roles():
    text = (
        "2022年,我局在县委县政府的领导下,扎实推进法治政府建设,现将有关情况报告如下。\n"
        "全年办理行政许可1200件,开展执法检查86次,行政复议纠错3件,培训执法人员210人次。\n"
        "但也存在一些问题:执法人员专业能力不足,法治宣传形式单一。\n"
        "下一步,我局将加强执法队伍建设,创新普法形式。\n"
    )
    st = structure(text)
    by_role = {r: [s for s in st.sentences if r in s.roles] for r in (PREAMBLE, MEASURES, SHORTCOMINGS, PLAN)}
    assert all(by_role.values()), {k: len(v) for k, v in by_role.items()}
    assert "但也存在" in st.text[by_role[SHORTCOMINGS][0].start:by_role[SHORTCOMINGS][0].end]


def test_trailing_related_articles_are_chrome():
    st = structure("一、主要工作\n全年办理案件12件。\n二、下一步打算\n继续加强。\n \n相关文章\n")
    assert "相关文章" not in st.text[st.body[0]:st.body[1]]


@pytest.mark.parametrize(
    ("closing", "expected"),
    [
        ("2022年1月14日", dt.date(2022, 1, 14)),
        ("二〇二二年一月十四日", dt.date(2022, 1, 14)),
        ("二○二二年三月三十一日", dt.date(2022, 3, 31)),
        ("2022年 1月 14日", dt.date(2022, 1, 14)),
        ("2022年\u00a01月\u00a014日", dt.date(2022, 1, 14)),
        ("２０２２年１月１４日", dt.date(2022, 1, 14)),
        ("2021714", dt.date(2021, 7, 14)),
        ("2022.3.29", dt.date(2022, 3, 29)),
        ("20xx年12月28日", None),
    ],
)
def test_signed_date_formats(closing, expected):
    st = structure(f"2021年,全县法治政府建设取得新成效,现将有关情况报告如下。\n特此报告。\n灵寿县人民政府\n{closing}\n")
    found = dates.signed_date(st)
    assert found is not None and found.value == expected


def test_ambiguous_run_together_date_is_unknown():
    assert dates.parse_run_together("2021111") is None  # 1月11日 or 11月1日
    assert dates.parse_run_together("20211231") == dt.date(2021, 12, 31)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("关于2021年度法治政府建设情况的报告\n县委:\n2021年以来,我县法治政府建设取得新成效,各项工作扎实推进,现报告如下。\n", 2021),
        ("2024年,荷塘区坚持以习近平新时代中国特色社会主义思想为指导,扎实推进依法行政,法治政府建设水平稳步提升。\n", 2024),
        ("根据规定,现将县人民政府2022年法治政府建设工作情况报告如下。\n一、主要成效\n全年办理案件12件。\n", 2022),
        ("20xx年,xx区人民政府贯彻落实纲要,扎实推进法治政府建设各项工作,现将有关情况报告如下。\n", None),
    ],
)
def test_report_year(text, year):
    found = dates.report_year(structure(text))
    assert found is not None and found.value == year
