"""Look-alikes of the annual report told apart (the look-alike review of 2026-12-08, and a provincial examiner's note on
November collections)."""

from __future__ import annotations

import pytest

import lawcheck
from tests.conftest import FIXTURES

LINGSHOU = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")

# ---------------------------------------------------------------------------------------------------------------------
# A year's report is dated from 1 November of that year on: some localities collect the year's reports in November
# (for an assessment held before the year ends).  Earlier, it is a part of the year or the year written wrong.


@pytest.mark.parametrize("signed", ["2021年11月1日", "2021年11月20日", "2021年11月30日", "二〇二一年十一月二十日",
                                    "2021年12月10日"])
def test_a_report_signed_from_november_of_its_year_is_the_years_report(signed: str) -> None:
    text = LINGSHOU.replace("发布时间:2022-01-20", "").replace("2022年1月14日", signed)
    card = lawcheck.evaluate(text)
    assert card.document.kind == "annual_report", card.document.kind_reason
    assert card.score is not None
    # the signature is not taken for a slip of the year's number either
    assert "signed_date_after_year" not in (card.result("form.signature").missing or [])


@pytest.mark.parametrize("signed", ["2021年10月31日", "2021年9月20日", "2021年7月14日"])
def test_a_report_signed_before_november_of_its_year_is_dated_early(signed: str) -> None:
    text = LINGSHOU.replace("发布时间:2022-01-20", "").replace("2022年1月14日", signed)
    d = lawcheck.evaluate(text).document
    assert (d.kind, d.other_kind) == ("other", "dated_early")
    assert "早于2021年11月1日" in (d.kind_reason or "")
    en = lawcheck.evaluate(text, lang="en").document
    assert "before 1 November 2021" in (en.kind_reason or "")


def test_a_page_dated_in_november_is_the_reports_publication() -> None:
    text = LINGSHOU.replace("发布时间:2022-01-20", "发布时间:2021-11-25").replace("2022年1月14日", "2021年11月20日")
    card = lawcheck.evaluate(text)
    assert card.document.kind == "annual_report"
    assert str(card.document.published_date) == "2021-11-25"
    assert card.result("deadline.publication").status == "pass"


# ---------------------------------------------------------------------------------------------------------------------
# A Party body's own report on 法治建设 as a whole: Party committees lead the building of the rule of law and report
# on it; governments and their departments report on 法治政府建设 (督察工作规定).  The committee for law-based governance
# and its office are Party bodies too; a report of theirs on 法治政府建设, or signed as the government's, stays one.

DATA = FIXTURES.parent / "tests" / "data" / "review_dec08"
COMMITTEE = (DATA / "committee_body.txt").read_text(encoding="utf-8")
COUNTY_COMMITTEE = (DATA / "county_committee_body.txt").read_text(encoding="utf-8")
DATE = "2023年2月10日\n"


def _kind_of(text: str) -> tuple[str, str | None]:
    d = lawcheck.evaluate(text).document
    return d.kind, d.other_kind


@pytest.mark.parametrize("title", ["中共青山县委全面依法治县委员会2022年工作报告",
                                   "青山县委全面依法治县委员会2022年度工作报告",
                                   "中共青山县委全面依法治县委员会关于2022年度工作情况的报告",
                                   "2022年度青山县法治建设工作报告", "关于2022年度全县法治建设工作情况的报告",
                                   "法治青山建设2022年度报告", "中共青山县委依法治县办2022年工作总结", ""])
@pytest.mark.parametrize("signer", ["中共青山县委全面依法治县委员会", "中共青山县委全面依法治县委员会办公室",
                                    "青山县委依法治县办", "中共青山县委"])
def test_a_party_bodys_report_on_the_rule_of_law_as_a_whole_is_another_bodys(title: str, signer: str) -> None:
    text = (title + "\n" if title else "") + COMMITTEE + signer + "\n" + DATE
    assert _kind_of(text) == ("other", "other_body"), (title, signer)


@pytest.mark.parametrize("signer", ["中共青山县委", "中共枫林市委", "中共青山县委员会"])
def test_an_untitled_party_committees_report_is_another_bodys(signer: str) -> None:
    card = lawcheck.evaluate(COUNTY_COMMITTEE + signer + "\n" + DATE)
    assert (card.document.kind, card.document.other_kind) == ("other", "other_body")
    assert signer in (card.document.kind_reason or "") and "法治建设整体情况" in (card.document.kind_reason or "")
    assert card.score is None


def test_the_committee_named_in_the_title_and_nobody_signing_is_another_bodys() -> None:
    assert _kind_of("中共青山县委全面依法治县委员会2022年工作报告\n" + COMMITTEE) == ("other", "other_body")


@pytest.mark.parametrize(("title", "signer"), [
    # signed as the government's, alone or with its Party committee (a joint 党委和政府 report, as Shaanxi's)
    ("2022年度青山县法治建设工作报告", "青山县人民政府"),
    ("", "中共青山县委\n青山县人民政府"),
    ("中共青山县委 青山县人民政府关于2022年度法治建设工作情况的报告", "中共青山县委 青山县人民政府"),
    # the committee's report on 法治政府建设, by its title
    ("中共青山县委全面依法治县委员会关于2022年度法治政府建设情况的报告", "中共青山县委全面依法治县委员会"),
])
def test_a_governments_or_a_joint_report_on_the_same_text_stays_a_report(title: str, signer: str) -> None:
    text = (title + "\n" if title else "") + COMMITTEE + signer + "\n" + DATE
    assert _kind_of(text) == ("annual_report", None), (title, signer)


@pytest.mark.parametrize("signer", ["中共灵寿县委全面依法治县委员会办公室", "灵寿县委依法治县办",
                                    "中共灵寿县委\n灵寿县人民政府"])
@pytest.mark.parametrize("title", ["", "灵寿县2021年度法治建设工作报告",
                                   "中共灵寿县委全面依法治县委员会办公室关于2021年度法治建设工作情况的报告"])
def test_the_governments_report_posted_by_the_committees_office_stays_a_report(signer: str, title: str) -> None:
    """A county's report on 法治政府建设 that the committee's office drafted, posted and signed: the government's."""
    head, _sep, tail = LINGSHOU.rpartition("灵寿县人民政府\n")  # the signature
    text = head + signer + "\n" + tail
    if title:
        text = text.replace("灵寿县人民政府\n关于2021年度法治政府建设情况的报告", title)
    assert _kind_of(text) == ("annual_report", None)


# ---------------------------------------------------------------------------------------------------------------------
# A unit's general summary of its year, untitled or titled only by the page's trail: its parts are its lines of
# business, law-based government one of them — not its report on 法治政府建设 (督察工作规定 art. 25).

DEPT_SUMMARY = (DATA / "dept_summary.txt").read_text(encoding="utf-8")
JUSTICE_SUMMARY = (DATA / "justice_bureau_summary.txt").read_text(encoding="utf-8")


def _body_of(text: str) -> str:
    return text.split("\n", 1)[1]  # without its trail or title line


@pytest.mark.parametrize("text", [DEPT_SUMMARY, _body_of(DEPT_SUMMARY), JUSTICE_SUMMARY,
                                  "当前位置：首页 > 政务公开 > 青山县司法局2022年工作总结\n" + JUSTICE_SUMMARY])
def test_a_units_general_summary_of_its_year_is_no_report(text: str) -> None:
    card = lawcheck.evaluate(text)
    assert (card.document.kind, card.document.other_kind) == ("other", "topic_summary"), card.document.kind_reason
    # Told by its parts, or — where a page's trail gives its title — by the title naming another work's summary.
    reason = card.document.kind_reason or ""
    assert "法治政府建设只是其中一项" in reason or "其他工作的年度总结" in reason, reason


@pytest.mark.parametrize("title", ["青山县市场监督管理局2022年工作总结和2023年工作计划",
                                   "青山县司法局2022年度工作总结及2023年工作思路", "桃源镇2022年工作总结暨2023年工作打算"])
def test_a_years_summary_with_next_years_plan_is_the_summary_not_a_plan(title: str) -> None:
    d = lawcheck.evaluate(title + "\n" + _body_of(DEPT_SUMMARY)).document
    assert (d.kind, d.other_kind) == ("other", "topic_summary"), d.kind_reason


# A department's report whose parts on 营商环境, 放管服 and 职能 are told as law-based government stays a report.
DEPT_REPORT = """2022年，县市场监管局在县委、县政府的坚强领导下，深入学习贯彻习近平法治思想，扎实推进法治政府建设。现将有关情况报告如下：
一、2022年推进法治政府建设的主要举措和成效
（一）深化“放管服”改革，优化法治化营商环境。全面推行企业开办“一网通办”，新增市场主体6820户，办理时限压缩至1个工作日。
（二）依法全面履行市场监管职能。动态调整权责清单，公布行政许可事项86项，开展“双随机、一公开”抽查126次。
（三）严格规范公正文明执法。全面落实行政执法三项制度，制定行政处罚裁量基准，全年办理行政处罚案件312件。
（四）守牢食品安全底线，依法查处违法案件。开展食品安全抽检3260批次，依法查处不合格食品案件46件。
（五）强化行政权力制约和监督。自觉接受人大监督、政协民主监督，办理建议提案12件，政务公开信息326条。
（六）加强党对法治政府建设的领导。局党组书记、局长认真履行推进法治建设第一责任人职责，主持党组会议专题研究法治工作4次。
二、存在的不足和原因
一是基层执法力量不足；二是执法人员专业化水平有待提高。原因主要是培训投入不够。
三、2023年推进法治政府建设的主要安排
（一）持续优化法治化营商环境；（二）深入推进严格规范公正文明执法；（三）加强执法队伍建设。
青山县市场监督管理局
2023年1月10日
"""


@pytest.mark.parametrize("text", [DEPT_REPORT, "当前位置：首页 > 政务公开 > 法治政府建设\n" + DEPT_REPORT])
def test_a_departments_report_with_business_told_as_law_based_government_stays_a_report(text: str) -> None:
    assert lawcheck.evaluate(text).document.kind == "annual_report"


def test_the_fixture_reports_untitled_stay_reports() -> None:
    for path in sorted(FIXTURES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        title = lawcheck.evaluate(text).document.title
        lines = [ln for ln in text.split("\n") if not (title and "".join(ln.split()) and "".join(ln.split()) in
                                                       "".join(title.split()) and len("".join(ln.split())) >= 4)]
        assert lawcheck.evaluate("\n".join(lines)).document.kind == "annual_report", path.name


# ---------------------------------------------------------------------------------------------------------------------
# Untitled texts whose opening says what else they are: the leaders' duty reported, a field framed before a bare
# formula ("现将履职情况报告如下"), a supervision's findings fed back, a bid's self-assessed score, a congress's opinions
# dealt with.


def _untitled(name: str) -> str:
    return (DATA / f"untitled_{name}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "other_kind"), [
    ("19_diyizerenren_unit", "shufa_report"), ("35_shuizhifa_lvzhi", "topic_summary"),
    ("12_ducha_fankui_yijian", "notice"), ("41_shifan_shenbao", "self_assessment"),
    ("28_fuyi_sifaju", "special_report"), ("32_renda_yanjiuchuli", "survey_report")])
def test_an_untitled_text_whose_opening_names_another_subject(name: str, other_kind: str) -> None:
    d = lawcheck.evaluate(_untitled(name)).document
    assert (d.kind, d.other_kind) == ("other", other_kind), d.kind_reason
    crumb = lawcheck.evaluate("当前位置：首页 > 政务公开 > 法治政府建设\n" + _untitled(name)).document
    assert crumb.other_kind == other_kind


DUTY = "现将我局党政主要负责人2022年度履行推进法治建设第一责任人职责情况报告如下。"


@pytest.mark.parametrize("formula", [DUTY, "现将本单位主要负责同志2022年履行推进法治建设第一责任人职责情况汇报如下。",
                                     "现将我镇党委书记2022年度履行推进法治建设第一责任人职责情况报告如下。",
                                     "现将局长2022年度述法情况报告如下。"])
def test_a_formula_on_the_leaders_duty_is_their_shufa(formula: str) -> None:
    d = lawcheck.evaluate(_untitled("19_diyizerenren_unit").replace(DUTY, formula)).document
    assert d.other_kind == "shufa_report", (formula, d.kind_reason)


def test_the_years_report_with_the_duty_joined_in_its_formula_stays_a_report() -> None:
    formula = "现将我局2022年度法治政府建设和党政主要负责人履行推进法治建设第一责任人职责情况报告如下。"
    assert lawcheck.evaluate(_untitled("19_diyizerenren_unit").replace(DUTY, formula)).document.kind == \
        "annual_report"


PUFA = "2022年，我局认真落实“谁执法谁普法”普法责任制，把普法工作贯穿于自然资源管理和行政执法全过程。"


@pytest.mark.parametrize(("opening", "kind"), [
    (PUFA, ("other", "topic_summary")),
    ("2022年，我局认真落实普法责任制，深入开展法治宣传教育，推动普法工作提质增效。", ("other", "topic_summary")),
    # a report framed by law-based government, naming 普法 and 执法 in passing, stays one
    ("2022年，我局深入推进法治政府建设，认真落实“谁执法谁普法”普法责任制。", ("annual_report", None)),
    ("2022年，我局在县委、县政府的坚强领导下，坚持依法行政，严格规范公正文明执法。", ("annual_report", None)),
])
def test_a_bare_formula_reports_on_what_the_opening_frames(opening: str, kind: tuple[str, str | None]) -> None:
    d = lawcheck.evaluate(_untitled("35_shuizhifa_lvzhi").replace(PUFA, opening)).document
    assert (d.kind, d.other_kind) == kind, d.kind_reason


@pytest.mark.parametrize("formula", ["现将督察意见反馈如下", "现将督察发现的主要问题反馈如下", "现将有关情况反馈如下"])
def test_findings_fed_back_are_a_notice(formula: str) -> None:
    d = lawcheck.evaluate(_untitled("12_ducha_fankui_yijian").replace("现将督察意见反馈如下", formula)).document
    assert d.other_kind == "notice", d.kind_reason


@pytest.mark.parametrize("score", ["自评得分962分", "自评总分为936分", "自评得分九百六十二分"])
def test_a_self_assessed_score_opening_a_text_is_a_self_assessment(score: str) -> None:
    d = lawcheck.evaluate(_untitled("41_shifan_shenbao").replace("自评得分962分", score)).document
    assert d.other_kind == "self_assessment", d.kind_reason


# ---------------------------------------------------------------------------------------------------------------------
# A title about the reports themselves — how they were sent, published, reviewed, rated — names no report.

NOTICE_BODY = (DATA / "reports_notice.txt").read_text(encoding="utf-8").split("\n", 1)[1]


@pytest.mark.parametrize(("title", "other_kind"), [
    ("关于2022年度法治政府建设年度报告公开情况的通报", "notice"),
    ("关于2022年度法治政府建设年度报告报送和公开情况的通报", "notice"),
    ("关于全市2022年度法治政府建设情况报告报送情况的通报", "notice"),
    ("关于2022年度法治政府建设年度报告审查情况的报告", "survey_report"),
    ("2022年度法治政府建设年度报告点评", "survey_report"),
    ("全市2022年度法治政府建设年度报告质量评估情况", "survey_report"),
])
def test_a_title_about_the_reports_names_no_report(title: str, other_kind: str) -> None:
    d = lawcheck.evaluate(title + "\n" + NOTICE_BODY).document
    assert (d.kind, d.other_kind) == ("other", other_kind), d.kind_reason


@pytest.mark.parametrize("title", ["灵寿县人民政府关于2021年度法治政府建设情况的报告",
                                   "灵寿县人民政府关于报送2021年度法治政府建设情况报告的函",
                                   "灵寿县2021年度法治政府建设工作报告"])
def test_a_reports_own_title_stays_a_report(title: str) -> None:
    text = LINGSHOU.replace("灵寿县人民政府\n关于2021年度法治政府建设情况的报告", title)
    assert lawcheck.evaluate(text).document.kind == "annual_report"


# ---------------------------------------------------------------------------------------------------------------------
# What a look-alike is, said right: a standard to assess by is a notice (a rule's text), not news of an assessment; an
# untitled 政府工作报告 excerpt is one, not a plan.

STANDARD_BODY = (DATA / "assessment_standard.txt").read_text(encoding="utf-8").split("\n", 1)[1]
GOV_WORK = (DATA / "gov_work_excerpt.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("title", ["2022年度法治政府建设考核评价指标及评分细则", "青山县法治政府建设考核评价标准（试行）",
                                   "枫林市2022年度法治政府建设考核指标体系"])
def test_a_standard_to_assess_by_is_a_notice_not_news(title: str) -> None:
    d = lawcheck.evaluate(title + "\n" + STANDARD_BODY).document
    assert (d.kind, d.other_kind) == ("other", "notice"), d.kind_reason


def test_an_assessment_teams_visit_is_still_news() -> None:
    d = lawcheck.evaluate("市政府依法行政考核组来我区考核法治政府建设和依法行政工作\n" + STANDARD_BODY).document
    assert d.other_kind == "news"


@pytest.mark.parametrize("text", [GOV_WORK, GOV_WORK.replace("政府工作的总体要求是……", "")])
def test_an_untitled_government_work_report_excerpt_is_one(text: str) -> None:
    d = lawcheck.evaluate(text).document
    assert (d.kind, d.other_kind) == ("other", "government_work_report"), d.kind_reason


def test_a_report_naming_the_economy_stays_a_report() -> None:
    text = LINGSHOU.replace("2021年以来,", "2021年,全县地区生产总值增长6.2%,规上工业增加值增长8.5%。2021年以来,", 1)
    assert lawcheck.evaluate(text).document.kind == "annual_report"


@pytest.mark.parametrize("sentence", [
    "3月,县人大常委会听取和审议了县政府2020年度法治政府建设情况报告,提出的审议意见已全部办结。",
    "对照《市县法治政府建设示范指标体系》开展自评,我县自评得分96分。",
    "督察组反馈的问题已全部整改到位。"])
def test_an_untitled_report_that_tells_of_others_in_its_opening_stays_a_report(sentence: str) -> None:
    untitled = LINGSHOU.replace("灵寿县人民政府\n关于2021年度法治政府建设情况的报告\n", "", 1)
    assert untitled != LINGSHOU
    text = untitled.replace("2021年以来,", sentence + "2021年以来,", 1)
    assert lawcheck.evaluate(text).document.kind == "annual_report", sentence
