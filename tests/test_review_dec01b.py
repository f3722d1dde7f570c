"""Verdicts on the rules attacked least until now (a fourth attack review, 2026-12-01): the addressee line, a joint
report's addressees and signature, a site's footer under the signature, a date line left unfinished, blank
slots for figures.  Each case is a real report (fixtures/001, 灵寿县 2021) changed the way a drafter or a web
page changes it, held against the same report unchanged."""

from __future__ import annotations

import pytest

import lawcheck
from tests.conftest import FIXTURES

LINGSHOU = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
ADDRESSEE = "中共灵寿县委、县人大常委会:\n"
SIGNATURE = "灵寿县人民政府\n\xa02022年1月14日\n"
assert ADDRESSEE in LINGSHOU and SIGNATURE in LINGSHOU


def status(text: str, rule: str) -> str:
    return lawcheck.evaluate(text).result(rule).status


def test_the_real_addressee_line_passes():
    assert status(LINGSHOU, "form.recipients") == "pass"


@pytest.mark.parametrize("opening", [
    "2021年，县政府在县委、县人大常委会的监督支持下，扎实推进法治政府建设，现将有关情况报告如下：\n",
    "根据《法治政府建设与责任落实督察工作规定》要求，现将我县2021年度法治政府建设情况报告如下：\n",
])
def test_an_opening_sentence_ending_in_a_colon_is_no_addressee_line(opening):
    """A published copy has no 主送 line; its opening sentence (no "。", ending "：", "县政府" in it) is not one."""
    text = LINGSHOU.replace(ADDRESSEE, opening)
    card = lawcheck.evaluate(text)
    assert card.document.recipients is None
    assert card.result("form.recipients").status == "not_applicable"


@pytest.mark.parametrize("line", ["中共灵寿县委 县人大常委会:\n", "中共灵寿县委　县人大常委会：\n"])
def test_addressees_parted_by_a_space_are_two(line):
    assert status(LINGSHOU.replace(ADDRESSEE, line), "form.recipients") == "pass"


@pytest.mark.parametrize("line", ["正定县人民政府:\n", "石家庄市人大常委会:\n"])
def test_a_wrong_addressee_still_fails(line):
    assert status(LINGSHOU.replace(ADDRESSEE, line), "form.recipients") == "fail"


JOINT_TITLE = ("灵寿县人民政府\n关于2021年度法治政府建设情况的报告", "中共灵寿县委 灵寿县人民政府\n关于2021年度法治政府建设情况的报告")


@pytest.mark.parametrize("signature", [
    "中共灵寿县委员会　　灵寿县人民政府\n 2022年1月14日\n",   # one line
    "中共灵寿县委员会\n灵寿县人民政府\n 2022年1月14日\n",     # one organ a line, as joint documents sign
])
@pytest.mark.parametrize("addressees", ["中共石家庄市委、石家庄市人民政府:\n", "市委、市政府:\n", "石家庄市人民政府:\n"])
def test_a_joint_report_to_the_bodies_one_level_up_passes(signature, addressees):
    """S8: 省级以下地方各级党委和政府向上一级党委和政府报告; written in full or short."""
    text = LINGSHOU.replace(*JOINT_TITLE).replace(ADDRESSEE, addressees).replace(SIGNATURE, signature)
    card = lawcheck.evaluate(text)
    assert card.document.reporter == "joint"
    assert card.result("form.recipients").status == "pass"
    assert card.result("form.signature").status == "pass"


def test_a_joint_report_to_a_neighbour_still_fails():
    text = (LINGSHOU.replace(*JOINT_TITLE).replace(ADDRESSEE, "中共正定县委、正定县人民政府:\n")
            .replace(SIGNATURE, "中共灵寿县委员会\n灵寿县人民政府\n 2022年1月14日\n"))
    assert status(text, "form.recipients") == "fail"


YIXING = (FIXTURES / "002_yixing_2020.txt").read_text(encoding="utf-8")
assert YIXING.endswith("宜兴市人民政府\n\n2021年3月29日")
LATE = YIXING.removesuffix("2021年3月29日") + "2021年4月6日\n"  # a 2020 report signed after the first quarter


@pytest.mark.parametrize("footer", [
    "主办：宜兴市人民政府办公室  网站标识码：3202820001\n",
    "相关附件：宜兴市2020年度法治政府建设情况报告.docx\n",
    "（信息来源：市司法局  审核：李四  发布：2021年4月6日）\n",
])
def test_a_site_footer_under_the_signature_leaves_it_the_signature(footer):
    """A page's footer under the date is the site's: the signature and its (late) date are still read."""
    plain = lawcheck.evaluate(LATE)
    footed = lawcheck.evaluate(LATE + footer)
    assert plain.result("deadline.first_quarter").status == "fail"
    assert plain.result("form.signature").status == "pass"
    for rule in ("form.signature", "deadline.first_quarter"):
        assert footed.result(rule).status == plain.result(rule).status, rule
    assert footed.document.signed_date == plain.document.signed_date


@pytest.mark.parametrize("date", ["2022年1月  日", "2022年  月  日", "2022年1月", "二〇二二年一月"])
def test_an_unfinished_date_line_is_an_unfinished_signature_not_a_missing_organ(date):
    card = lawcheck.evaluate(LINGSHOU.replace(SIGNATURE, f"灵寿县人民政府\n\xa0{date}\n"))
    r = card.result("form.signature")
    assert r.status == "partial"
    assert r.missing == ["signed_date"]
    assert "未写全" in r.message
    assert card.document.organ == "灵寿县人民政府"


@pytest.mark.parametrize("date", ["2022年1月  日", "2022年  月  日"])
def test_a_blank_day_is_a_placeholder(date):
    assert status(LINGSHOU.replace(SIGNATURE, f"灵寿县人民政府\n\xa0{date}\n"), "form.placeholders") == "fail"


SENTENCE = "全年共收到行政复议申请12件"


@pytest.mark.parametrize("slot", ["（ ）件", "【 】件", "**件", "×件", "X件"])
def test_a_figure_left_blank_is_a_placeholder(slot):
    text = LINGSHOU.replace("特此报告。", f"全年共收到行政复议申请{slot}。\n特此报告。")
    assert status(LINGSHOU, "form.placeholders") == "pass"
    assert status(text, "form.placeholders") == "fail"


@pytest.mark.parametrize("words", ["全年日均受理咨询12件。", "3月日常检查12次。", "规格为3×4件套。", "出生年月日等信息予以保护。"])
def test_ordinary_words_are_no_blank(words):
    assert status(LINGSHOU.replace("特此报告。", words + "\n特此报告。"), "form.placeholders") == "pass"


@pytest.mark.parametrize("clock", [
    "当前日期:2022年4月12日 星期二", "当前时间：2022年4月12日", "今日是2022年4月12日", "2022年4月12日 星期二",
    "欢迎访问灵寿县人民政府网站 2022年4月12日",
])
def test_a_site_clock_is_not_the_publication_date(clock):
    """The page was saved on 12 April; it was published (更新时间) on 20 January."""
    page = LINGSHOU.replace("发布时间:2022-01-20", "更新时间:2022-01-20")
    card = lawcheck.evaluate(clock + "\n" + page)
    assert str(card.document.published_date) == "2022-01-20"
    assert card.result("deadline.publication").status == "pass"


def test_a_late_publication_date_is_still_read():
    page = LINGSHOU.replace("发布时间:2022-01-20", "发布日期:2022年4月12日")
    card = lawcheck.evaluate(page)
    assert str(card.document.published_date) == "2022-04-12"
    assert card.result("deadline.publication").status == "fail"


def _with(sentence: str) -> lawcheck.Scorecard:
    """The report with ``sentence`` at the end of its first part (the year's work, where figures are results)."""
    assert LINGSHOU.count("\n二、") == 1
    return lawcheck.evaluate(LINGSHOU.replace("\n二、", "\n" + sentence + "\n二、"))


@pytest.mark.parametrize("said", [
    "全年办理行政诉讼案件66件，同比增长35%（上年55件）。",  # the form read before
    "全年办理行政诉讼案件66件，较上年55件增长35%。",
    "全年办理行政诉讼案件66件，比去年同期的55件增长35%。",
    "全年办理行政诉讼案件66件，同比增长35%（2020年55件）。",  # the year before the report's, by number
    "全年办理行政诉讼案件66件，上年55件，同比增长35%。",
])
def test_last_years_figure_written_as_reports_write_it_is_held_against_the_change(said):
    """66 against 55 is +20%, not +35%: each way of citing last year's 55 is read."""
    assert _with(said).result("figures.change_consistency").status == "fail"
    assert _with(said.replace("35%", "20%")).result("figures.change_consistency").status == "pass"


def test_a_figure_of_another_year_in_brackets_is_not_last_years():
    assert _with("全年办理行政诉讼案件66件，同比增长35%（2018年55件）。").result(
        "figures.change_consistency").status == "not_applicable"


def test_a_change_before_its_figure_belongs_to_that_figure():
    """"…出庭应诉率同比提高12.5个百分点，达100%": the rate is given (the change is its, not the cases' before it)."""
    card = _with("全年发生行政诉讼案件40件。行政机关负责人出庭应诉率同比提高12.5个百分点，达100%。")
    rate = [f for f in card.figures if f.indicator == "litigation.appearance_rate" and f.value == 100]
    assert rate and rate[0].change is not None and rate[0].change.value == 12.5
    cases = [f for f in card.figures if f.indicator == "litigation.cases" and f.value == 40]
    assert cases and cases[0].change is None


DUTY_FROM = "二是党政主要负责人认真履行法治政府建设第一责任人职责。"
DUTY_TO = "三是着力加强党对法治政府建设的领导。"


def _duty(sentence: str) -> str:
    i, j = LINGSHOU.index(DUTY_FROM), LINGSHOU.index(DUTY_TO)
    return lawcheck.evaluate(LINGSHOU[:i] + sentence + LINGSHOU[j:]).result("content.first_responsible_duty").status


@pytest.mark.parametrize("quota", [
    "二是省委依法治省办明确，党政主要负责人每年主持召开专题会议研究法治建设不少于2次、听取法治政府建设工作汇报不少于1次。",
    "二是按照省委依法治省办明确的要求，党政主要负责人每年主持召开专题会议研究法治建设不少于2次。",
    "二是市委依法治市办规定，县政府主要负责人每季度听取法治政府建设工作汇报至少1次。",
])
def test_a_quota_set_by_others_is_not_the_duty_done(quota):
    """The leaders' acts as a quota ("每年…不少于2次") say what is required, not what was done."""
    assert _duty("") == "partial"  # the report without its duty paragraph
    assert _duty(quota) == "partial"


@pytest.mark.parametrize("done", [
    "二是县委、县政府主要负责人全年主持召开专题会议研究法治建设3次、听取法治政府建设工作汇报2次。",
    "二是县长全年主持召开专题会议研究法治建设不少于2次，听取法治政府建设工作汇报2次。",
    "二是县长坚持每年主持召开专题会议研究法治建设不少于2次，2021年主持召开3次。",
])
def test_the_years_acts_counted_are_the_duty_done(done):
    assert _duty(done) == "pass"


@pytest.mark.parametrize("line, expected", [
    ("中共灵寿县委、县人大常委会、县政协:\n", "partial"),  # one name the rules do not name for a county government
    ("各乡镇、县直各部门:\n", "fail"),  # a circular's addressees, not the report's
])
def test_a_wrong_name_on_a_real_addressee_line_is_said_wrong(line, expected):
    assert status(LINGSHOU.replace(ADDRESSEE, line), "form.recipients") == expected
