"""Real reports altered the way a hidden grader alters them (an attack review, 2026-12-01, second session): a
part's heading kept and its body emptied, a blank line less after a heading, the note of attachments above the
signature, counts written in Chinese numerals, an unnumbered plan heading, sentences broken over lines at no
one width, a site's trail of columns above a report that lost its title, the first part numbered "1." or
"第一部分".  Each altered copy must keep the verdict of the original, or lose what was taken out."""

from __future__ import annotations

import random

import pytest

import lawcheck
from tests.conftest import FIXTURES

LINGSHOU = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
YIXING = (FIXTURES / "002_yixing_2020.txt").read_text(encoding="utf-8")
HETANG = (FIXTURES / "004_hetang_2024.txt").read_text(encoding="utf-8")


def status(text: str, rule: str) -> str:
    return lawcheck.evaluate(text).result(rule).status


# --- a part's heading with nothing under it states none of the part, however long the heading

_SHORT_AT = LINGSHOU.index("二、法治政府建设中存在的问题")
_PLAN_AT = LINGSHOU.index("三、下一步工作计划")


def _shortcomings(part: str) -> str:
    return LINGSHOU[:_SHORT_AT] + part + LINGSHOU[_PLAN_AT:]


@pytest.mark.parametrize("part", [
    "二、2021年度推进法治政府建设存在的不足和原因\n",
    "二、2021年度推进法治政府建设存在的不足和原因\n无。\n",
    "二、存在的不足\n本年度无。\n",
])
def test_a_heading_over_nothing_is_no_shortcomings_part(part):
    card = lawcheck.evaluate(_shortcomings(part))
    result = card.result("content.shortcomings")
    assert result.status == "fail", part
    assert "内容过少" in result.message
    assert card.score is not None and card.score < lawcheck.evaluate(LINGSHOU).score


def test_a_long_heading_over_real_shortcomings_still_passes():
    body = LINGSHOU[LINGSHOU.index("\n", _SHORT_AT) + 1:_PLAN_AT]
    assert status(_shortcomings("二、2021年度推进法治政府建设存在的不足和原因\n" + body), "content.shortcomings") == "pass"


def test_an_empty_plan_part_under_a_long_heading_fails():
    plan = LINGSHOU.index("三、下一步工作计划")
    end = LINGSHOU.index("特此报告")
    altered = LINGSHOU[:plan] + "三、2022年推进法治政府建设的主要安排和工作计划\n无。\n" + LINGSHOU[end:]
    assert status(altered, "content.next_year_plan") == "fail"


# --- the first-responsible duty: a heading's words never run into the next line's leaders

_DUTY_REPORT = """青山区人民政府关于2023年度法治政府建设情况的报告
中共青山区委、区人大常委会：
2023年，我区坚持以习近平法治思想为指导，扎实推进法治政府建设。现将有关情况报告如下：
一、主要举措和成效
（一）加强组织领导{SEP}区政府主要负责同志认真履行推进法治建设第一责任人职责，全年主持召开区政府常务会议专题研究法治政府建设工作4次，年底在区委全面依法治区委员会会议上述法。
（二）加强行政复议和应诉工作。全年办理行政复议案件58件，纠错8件，行政机关负责人出庭应诉率达100%。开展行政执法案卷评查2次，评查案卷156卷，整改问题23个。
二、存在的不足和原因
一是部分执法人员业务能力不强，主要原因是培训不够系统。
三、2024年工作安排
全面推进行政复议规范化建设，开展执法人员轮训。
青山区人民政府
2024年2月20日
"""


@pytest.mark.parametrize("sep", ["\n", "\n\n", "。", "：", ":"])
def test_the_duty_does_not_depend_on_how_the_heading_ends(sep):
    result = lawcheck.evaluate(_DUTY_REPORT.replace("{SEP}", sep)).result("content.first_responsible_duty")
    assert (result.status, result.fraction) == ("pass", 1.0), sep


def test_others_leaders_on_one_line_are_still_set_aside():
    # the control: the district organising the heads of its units, one line, is not its own leader acting
    altered = _DUTY_REPORT.replace(
        "（一）加强组织领导{SEP}区政府主要负责同志认真履行推进法治建设第一责任人职责，全年主持召开区政府常务会议专题研究法治政府建设工作4次，"
        "年底在区委全面依法治区委员会会议上述法。",
        "（一）加强组织领导\n组织全区各部门主要负责人开展年终述法，督促各街道主要负责同志履行推进法治建设第一责任人职责。")
    assert status(altered, "content.first_responsible_duty") != "pass"


# --- the note of attachments above the signature (GB/T 9704) is not the attachments after it

# The page's own dates taken out (the deadline is then judged by the signature's), signed late.
_UNDATED_PAGE = YIXING.replace("日期:2021-03-29 10:24:29", "").replace(" 生成日期 2021-03-29 公开日期 2021-03-29", "")


def _late_yixing(note: str) -> str:
    head = _UNDATED_PAGE[:_UNDATED_PAGE.rindex("宜兴市人民政府")]
    return head + "特此报告。\n\n" + note + "宜兴市人民政府\n\n2021年4月15日\n"


@pytest.mark.parametrize("note", [
    "附件：2020年度法治政府建设工作统计表\n\n",
    "附件：1.2020年度法治政府建设工作统计表\n      2.重大行政决策事项目录\n\n",
])
def test_an_attachment_note_above_the_signature_keeps_it_and_its_late_date(note):
    plain, noted = lawcheck.evaluate(_late_yixing("")), lawcheck.evaluate(_late_yixing(note))
    assert plain.result("deadline.first_quarter").status == "fail"
    for rule in ("form.signature", "deadline.first_quarter"):
        assert noted.result(rule).status == plain.result(rule).status, rule
    assert noted.document.signed_date == plain.document.signed_date
    assert noted.timeliness == "late"


def test_attachments_after_the_signature_are_still_left_out():
    altered = _late_yixing("") + "附件：\n2020年度法治政府建设工作统计表\n指标 | 数值\n行政复议案件 | 58件\n"
    card = lawcheck.evaluate(altered)
    assert card.result("form.signature").status == "pass"
    assert str(card.document.signed_date) == "2021-04-15"


# --- counts in Chinese numerals are results as digits are

_MEASURES = """某县人民政府关于2023年度法治政府建设情况的报告
一、2023年推进法治政府建设的主要举措和成效
（一）加强行政复议工作。全年办理行政复议案件{a}，纠正违法不当行政行为{b}，组织执法人员培训{c}。
（二）严格规范公正文明执法。组织开展行政执法案卷评查，评查案卷{d}，发现并督促整改问题，执法规范化水平稳步向好，群众反映良好。
（三）深入开展法治宣传教育。开展送法下乡、送法进企业等普法活动，覆盖全县各乡镇和重点企业，营造良好法治氛围。
（四）推进政务服务标准化。梳理公布政务服务事项清单，推行一窗受理、集成服务，企业和群众办事更加便捷，营商环境持续优化。
二、存在的不足和原因
一是部分执法人员业务能力不强，主要原因是培训不够系统。
三、2024年工作安排
全面推进行政复议规范化建设，开展执法人员轮训。
某县人民政府
2024年3月1日
"""


@pytest.mark.parametrize("counts", [
    ("五十八件", "十二件", "一千二百人次", "一百五十六卷"),
    ("三十件", "百分之百", "二十余场", "六十份"),
])
def test_counts_in_chinese_numerals_are_results(counts):
    arabic = _MEASURES.format(a="58件", b="12件", c="1200人次", d="156卷")
    chinese = _MEASURES.format(a=counts[0], b=counts[1], c=counts[2], d=counts[3])
    assert status(arabic, "content.measures_and_results") == "pass"
    assert status(chinese, "content.measures_and_results") == "pass"


def test_set_phrases_in_chinese_numerals_are_no_results():
    words = _MEASURES.format(a="若干", b="一些", c="多批", d="部分").replace("主要举措和成效", "主要工作")
    words = words.replace("营造良好法治氛围", "落实三项制度和两个维护")
    assert status(words, "content.measures_and_results") != "pass"


# --- a plan part headed without a number

@pytest.mark.parametrize("heading", ["2025年重点工作", "2025年工作重点", "2025年主要任务", "2025年法治政府建设重点工作",
                                     "2025年度工作目标"])
def test_an_unnumbered_plan_heading_after_the_shortcomings_opens_the_plan(heading):
    assert status(HETANG.replace("三、下一年度工作打算", heading), "content.next_year_plan") == "pass"


def test_a_problem_line_naming_a_year_is_not_the_plan():
    altered = HETANG.replace("三、下一年度工作打算", "2024年目标任务完成不够理想")
    assert status(altered, "content.next_year_plan") == "fail"


# --- sentences broken over lines at no one width are still sentences

def _broken(text: str, lo: int, hi: int, seed: int) -> str:
    rnd = random.Random(seed)
    out = []
    for line in text.split("\n"):
        if len(line) < 40:
            out.append(line)
            continue
        parts, i = [], 0
        while i < len(line):
            k = rnd.randint(lo, hi)
            parts.append(line[i:i + k])
            i += k
        out.append("\n".join(parts))
    return "\n".join(out)


@pytest.mark.parametrize("text", [LINGSHOU, HETANG, YIXING], ids=["lingshou", "hetang", "yixing"])
@pytest.mark.parametrize(("lo", "hi"), [(20, 40), (40, 60)])
def test_a_report_broken_over_lines_at_no_one_width_is_still_a_report(text, lo, hi):
    card = lawcheck.evaluate(_broken(text, lo, hi, seed=7))
    assert card.document.kind == "annual_report", card.document.kind_reason
    assert card.score is not None


def test_words_one_a_line_are_still_no_report():
    words = ["党政主要负责人履行推进法治建设第一责任人职责", "全面推行行政执法公示制度", "执法全过程记录制度",
             "重大执法决定法制审核制度", "重大行政决策公众参与专家论证", "风险评估合法性审查集体讨论决定",
             "存在的不足和原因分析", "下一年度工作安排部署", "主持召开常务会议专题研究", "听取法治政府建设工作汇报",
             "行政复议应诉工作", "法治宣传教育普法责任制"] * 4
    text = "某县人民政府关于2023年度法治政府建设情况的报告\n" + "\n".join(words) + "。\n某县人民政府\n2024年3月1日\n"
    card = lawcheck.evaluate(text)
    assert (card.document.kind, card.document.other_kind) == ("other", "word_list")


# --- a site's trail of columns is no title

_UNTITLED = LINGSHOU.replace("灵寿县人民政府\n关于2021年度法治政府建设情况的报告\n", "")
_TRAIL = "您当前位置:政务公开 >> 政府文件 >> 文章阅读"


@pytest.mark.parametrize("trail", ["您所在的位置:政务公开 > 工作报告", "您现在的位置：首页 > 工作报告", "政务公开»工作报告",
                                   "位置：政务公开 > 工作报告"])
def test_a_trail_ending_on_a_column_named_report_is_no_title(trail):
    assert _TRAIL in _UNTITLED
    card = lawcheck.evaluate(_UNTITLED.replace(_TRAIL, trail))
    assert card.document.kind == "annual_report", card.document.kind_reason
    assert card.document.title is None or not any(c in card.document.title for c in ">»›")


def test_a_trail_ending_on_the_reports_title_still_titles_it():
    card = lawcheck.evaluate(_UNTITLED.replace(_TRAIL, "首页 > 政务公开 > 灵寿县人民政府关于2021年度法治政府建设情况的报告"))
    assert card.document.kind == "annual_report"
    assert card.document.report_year == 2021


# --- the year in the first part's heading, whatever its number

_YEAR_IN_HEADING = """某县人民政府法治政府建设情况报告
县委、县人大常委会：
我县坚持以习近平法治思想为指导，扎实推进法治政府建设，现将有关情况报告如下。
{marker}2023年法治政府建设主要举措和成效
县政府主要负责同志认真履行推进法治建设第一责任人职责，全年主持召开县政府常务会议专题研究法治政府建设工作4次。
存在的不足和原因
部分执法人员业务能力不强，主要原因是培训不够系统。
2024年工作安排
全面推进行政复议规范化建设，开展执法人员轮训。
某县人民政府
2024年3月1日
"""


@pytest.mark.parametrize("marker", ["一、", "一．", "1.", "第一部分 ", "（一）"])
def test_the_year_of_the_first_part_heading_whatever_its_number(marker):
    card = lawcheck.evaluate(_YEAR_IN_HEADING.format(marker=marker))
    # read from the heading, not inferred from the plan's year
    assert (card.document.report_year, card.document.report_year_source) == (2023, "text"), marker
    assert card.result("form.reporting_year").status == "pass"
