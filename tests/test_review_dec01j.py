"""This session's own changes, attacked (a review of the whole diff, 2026-12-01, second session): a site's trail is
never a title in either direction; a line broken inside a sentence keeps its false friend; an attachment's dates are
no signature; a run-in heading's part is its words after the colon; a zone's joint report is joint; another body's
主任 is not the reporter's; key words one a line are no report however their lines are joined; a publication date
with its time zone, as a page stamps it, or in Chinese numerals."""

from __future__ import annotations

import datetime as dt

import pytest

import lawcheck
from tests.conftest import FIXTURES, ROOT
from tests.test_review_dec01g import _DUTY_REPORT, _UNDATED_PAGE, HETANG, _broken

LINGSHOU = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
NOT_REPORTS = ROOT / "tests" / "data" / "not_reports"


# --- a trail of columns is never a title

# (述法会议新闻 became a "report" under such a trail when its last column was offered as a title)
@pytest.mark.parametrize("name", ["述法会议新闻.txt", "政策解读.txt"])
def test_a_trail_ending_on_the_reports_column_does_not_make_a_look_alike_a_report(name):
    look_alike = (NOT_REPORTS / name).read_text(encoding="utf-8")
    assert lawcheck.evaluate(look_alike).document.kind == "other"
    filed = "当前位置：首页 > 政务公开 > 法治政府建设年度报告\n" + look_alike
    assert lawcheck.evaluate(filed).document.kind == "other"


@pytest.mark.parametrize("trail", ["首页 > 政务公开 > 政府信息公开年度报告", "首页 > 政府工作报告及解读"])
def test_a_trail_ending_on_another_column_does_not_unmake_a_report(trail):
    untitled = LINGSHOU.replace("灵寿县人民政府\n关于2021年度法治政府建设情况的报告\n", "")
    card = lawcheck.evaluate(untitled.replace("您当前位置:政务公开 >> 政府文件 >> 文章阅读", trail))
    assert card.document.kind == "annual_report", card.document.kind_reason


# --- a false friend broken over a line still sets its hit aside

def test_a_report_broken_over_lines_keeps_its_false_friends():
    whole = lawcheck.evaluate(HETANG).result("content.first_responsible_duty")
    broken = lawcheck.evaluate(_broken(HETANG, 20, 40, 1)).result("content.first_responsible_duty")
    assert whole.status != "pass"
    assert broken.status == whole.status and broken.fraction <= whole.fraction + 1e-9


def test_others_leaders_across_a_line_break_are_still_others():
    text = _DUTY_REPORT.replace(
        "（一）加强组织领导{SEP}区政府主要负责同志认真履行推进法治建设第一责任人职责，全年主持召开区政府常务会议专题研究法治政府建设工作4次，"
        "年底在区委全面依法治区委员会会议上述法。", "（一）加强组织领导\n组织全区各部门\n主要负责人开展年终述法。")
    assert lawcheck.evaluate(text).result("content.first_responsible_duty").status == "fail"


# --- an attachment's dates are no signature

def test_the_dates_of_an_attached_table_are_no_signature():
    head = _UNDATED_PAGE[:_UNDATED_PAGE.rindex("宜兴市人民政府")]
    card = lawcheck.evaluate(head + "特此报告。\n\n附件：2021年度重大行政决策事项目录\n序号\n决策事项\n完成时限\n1\n"
                                    "宜兴市城市更新实施办法\n2021年6月30日\n")
    assert card.document.signed_date is None
    assert card.timeliness != "late"


# --- a run-in heading's part is what follows its colon

_SHORT_AT = LINGSHOU.index("二、法治政府建设中存在的问题")
_PLAN_AT = LINGSHOU.index("三、下一步工作计划")
_END = LINGSHOU.index("特此报告")


@pytest.mark.parametrize("part", ["二、存在的不足：执法人员年龄结构老化，普法形式单一，主要原因是培训不够系统。\n",
                                  "二、存在的不足：一是执法人员老化。二是普法形式单一。\n"])
def test_a_run_in_shortcomings_part_counts_its_words(part):
    card = lawcheck.evaluate(LINGSHOU[:_SHORT_AT] + part + LINGSHOU[_PLAN_AT:])
    assert card.result("content.shortcomings").status == "pass"


def test_a_run_in_denial_is_told_as_a_denial():
    card = lawcheck.evaluate(LINGSHOU[:_SHORT_AT] + "二、存在的不足：经自查，未发现明显问题。\n" + LINGSHOU[_PLAN_AT:])
    result = card.result("content.shortcomings")
    assert result.status == "fail" and "只说没有发现问题" in result.message


def test_a_run_in_plan_counts_its_tasks():
    card = lawcheck.evaluate(LINGSHOU[:_PLAN_AT] + "三、2022年工作安排：开展执法人员轮训，修订权责清单。\n" + LINGSHOU[_END:])
    assert card.result("content.next_year_plan").status == "pass"


# --- a zone's joint report, another body's 主任

def test_a_zones_joint_report_is_joint():
    text = (_DUTY_REPORT.replace("{SEP}", "\n").replace("青山区人民政府", "青山经济开发区党工委管委会")
            .replace("中共青山区委、区人大常委会：", "中共青山市委、青山市人民政府："))
    card = lawcheck.evaluate(text)
    assert card.document.reporter == "joint"
    assert card.result("form.recipients").status == "pass"


_DUTY = ("区政府主要负责同志认真履行推进法治建设第一责任人职责，全年主持召开区政府常务会议专题研究法治政府建设工作4次，"
         "年底在区委全面依法治区委员会会议上述法。")
_COMMITTEE = (_DUTY_REPORT.replace("{SEP}", "\n").replace("青山区人民政府", "青山区发展和改革委员会")
              .replace("中共青山区委、区人大常委会：", "区委、区政府："))


@pytest.mark.parametrize(("act", "status"), [
    ("区委依法治区办主任到我委调研法治政府建设工作，听取工作汇报。", "fail"),
    ("我委主任主持召开会议专题研究法治政府建设工作4次，带头述法。", "pass"),
    ("主任主持召开主任办公会议专题研究法治政府建设工作4次，带头述法。", "pass"),
])
def test_a_chair_is_the_reporters_own_only_when_it_heads_the_reporter(act, status):
    assert _DUTY in _COMMITTEE
    assert lawcheck.evaluate(_COMMITTEE.replace(_DUTY, act)).result("content.first_responsible_duty").status == status


# --- key words one a line

KEYWORDS = ["党政主要负责人履行推进法治建设第一责任人职责", "全面推行行政执法公示制度", "执法全过程记录制度和重大执法决定法制审核制度",
            "重大行政决策公众参与专家论证风险评估", "合法性审查集体讨论决定", "主要负责人主持召开常务会议专题研究法治政府建设",
            "听取法治政府建设工作汇报年终述法", "行政复议应诉工作负责人出庭应诉", "法治宣传教育普法责任制八五普法",
            "习近平法治思想党的二十大精神二十届三中全会精神", "行政执法质量三年行动计划行政复议法", "存在的不足和原因分析",
            "下一年度工作安排部署", "行政执法人员持证上岗培训考核", "政务公开信用建设营商环境法治保障"] * 4

KEYWORD_REPORT = """青山县人民政府关于2023年度法治政府建设情况的报告
县委、县人大常委会：
2023年，我县坚持以习近平法治思想为指导，扎实推进法治政府建设，现将有关情况报告如下：
一、2023年推进法治政府建设的主要举措和成效
党政主要负责人履行推进法治建设第一责任人职责
全面推行行政执法公示制度
执法全过程记录制度和重大执法决定法制审核制度
重大行政决策公众参与专家论证风险评估
合法性审查集体讨论决定
主要负责人主持召开常务会议专题研究法治政府建设4次。
听取法治政府建设工作汇报年终述法
行政复议应诉工作负责人出庭应诉率100%
法治宣传教育普法责任制八五普法
习近平法治思想党的二十大精神二十届三中全会精神
行政执法质量三年行动计划行政复议法
行政执法人员持证上岗培训考核1200人次。
政务公开信用建设营商环境法治保障
办理行政复议案件58件纠错8件
党政主要负责人履行推进法治建设第一责任人职责
全面推行行政执法公示制度
执法全过程记录制度和重大执法决定法制审核制度
重大行政决策公众参与专家论证风险评估。
合法性审查集体讨论决定
主要负责人主持召开常务会议专题研究法治政府建设4次
听取法治政府建设工作汇报年终述法
行政复议应诉工作负责人出庭应诉率100%
法治宣传教育普法责任制八五普法
习近平法治思想党的二十大精神二十届三中全会精神。
行政执法质量三年行动计划行政复议法
行政执法人员持证上岗培训考核1200人次
政务公开信用建设营商环境法治保障
办理行政复议案件58件纠错8件。
二、存在的不足和原因
执法人员业务能力不强培训不够系统原因
法治宣传形式较为单一投入不足。
三、2024年工作安排
推进行政复议规范化建设开展执法人员轮训
修订权责清单推进执法规范化建设工作。
青山县人民政府
2024年2月20日
"""


def test_key_words_one_a_line_with_a_stop_now_and_then_are_no_report():
    lines = "\n".join(w + ("。" if i % 8 == 7 else "") for i, w in enumerate(KEYWORDS))
    card = lawcheck.evaluate("某县人民政府关于2023年度法治政府建设情况的报告\n" + lines + "\n某县人民政府\n2024年3月1日\n")
    assert (card.document.kind, card.document.other_kind) == ("other", "word_list")


def test_key_words_one_a_line_under_real_part_headings_are_no_report():
    card = lawcheck.evaluate(KEYWORD_REPORT)
    assert (card.document.kind, card.document.other_kind) == ("other", "word_list")
    assert card.score is None


# --- a publication date as a page stamps it

@pytest.mark.parametrize(("published", "day"), [
    (dt.datetime(2022, 4, 1, 17, 0, tzinfo=dt.timezone.utc), dt.date(2022, 4, 2)),  # 01:00 in Beijing
    ("2022-04-02T01:00:00+08:00", dt.date(2022, 4, 2)),
    ("2022-03-31T18:00:00Z", dt.date(2022, 4, 1)),
    ("２０２２年３月１日", dt.date(2022, 3, 1)),
    ("二〇二二年三月一日", dt.date(2022, 3, 1)),
    ("二〇二二年十二月三十一日", dt.date(2022, 12, 31)),
])
def test_a_publication_date_with_its_zone_or_in_chinese_numerals(published, day):
    assert lawcheck.evaluate(LINGSHOU, published=published).document.published_date == day


def test_a_day_that_is_not_in_chinese_numerals_is_said_to_be_none():
    with pytest.raises(ValueError, match="没有这一天"):
        lawcheck.evaluate(LINGSHOU, published="二〇二二年二月三十日")
