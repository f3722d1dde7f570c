"""Attack reviews of 2026-12-01 (third session): real reports from places whose names read as a period or a post
after a year or a unit's word, and what a run may write over (see also tests/test_output_guard.py)."""

from __future__ import annotations

import pytest

import lawcheck
from tests.conftest import FIXTURES

LINGSHOU = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
CHANGSHENG = (FIXTURES / "003_changsheng_2020.txt").read_text(encoding="utf-8")


def _placed(place: str, title: str) -> str:
    """Lingshou's report as another county's, titled ``title`` (its organ line and body renamed too)."""
    text = LINGSHOU.replace("灵寿县人民政府\n关于2021年度法治政府建设情况的报告", title, 1)
    return text.replace("灵寿县", place).replace("灵寿", place[:-1])


# 年中 (mid-year) and a post with a name (县长王某 2022) are read only where they are not a place: the year runs
# into 中山, 中牟, 中方; 县/市/省 runs into 长生镇, 长寿区, 长沙市.
@pytest.mark.parametrize(("place", "title"), [
    ("中山市", "2021年中山市法治政府建设年度报告"),
    ("中牟县", "2021年中牟县法治政府建设情况报告"),
    ("中卫市", "中卫市关于2021年中卫市法治政府建设情况的报告"),
    ("长寿区", "重庆市长寿区2021年法治政府建设情况报告"),
    ("长沙市", "湖南省长沙市2021年度法治政府建设情况报告"),
    ("长丰县", "合肥市长丰县2021年度法治政府建设情况报告"),
    ("长安区", "西安市长安区2021年法治政府建设工作报告"),
])
def test_a_place_name_after_a_year_or_a_unit_is_no_other_kind(place, title):
    card = lawcheck.evaluate(_placed(place, title))
    assert card.document.kind == "annual_report", (card.document.other_kind, title)
    assert card.score is not None and card.score > 80


def test_a_township_shortened_after_its_county_is_still_its_report():
    text = CHANGSHENG.replace("彭水苗族土家族自治县长生镇人民政府", "彭水县长生镇", 2)
    card = lawcheck.evaluate(text)
    assert card.document.kind == "annual_report"
    assert card.score == lawcheck.evaluate(CHANGSHENG).score


@pytest.mark.parametrize(("title", "kind"), [
    ("灵寿县人民政府\n关于2021年年中法治政府建设工作总结", "interim_summary"),
    ("灵寿县人民政府\n2021年年中法治政府建设情况报告", "interim_summary"),
    ("县长王建国2021年度履行推进法治建设第一责任人职责情况报告", "shufa_report"),
    ("市长李明同志2021年度述法报告", "shufa_report"),
])
def test_the_period_and_the_person_are_still_read(title, kind):
    card = lawcheck.evaluate(LINGSHOU.replace("灵寿县人民政府\n关于2021年度法治政府建设情况的报告", title, 1))
    assert card.document.other_kind == kind


# A part heading without a number that ends on a colon ("存在的不足：") was read as a sentence, and its part
# vanished: the shortcomings and the plan failed although they were written.
@pytest.mark.parametrize("colon", ["：", ":", " ："])
def test_an_unnumbered_part_heading_may_end_on_a_colon(colon):
    text = CHANGSHENG.replace("三、存在的不足\n", f"存在的不足{colon}\n", 1).replace(
        "四、下步工作打算\n", f"2021年工作打算{colon}\n", 1)
    assert text != CHANGSHENG
    card = lawcheck.evaluate(text)
    got = {r.rule: r.status for r in card.results}
    assert got["content.shortcomings"] == got["content.next_year_plan"] == "pass"
    assert card.score == lawcheck.evaluate(CHANGSHENG).score



_TITLE = "灵寿县人民政府\n关于2021年度法治政府建设情况的报告"


def _retitled(title: str, text: str = LINGSHOU) -> str:
    return text.replace(_TITLE, title, 1)


# Summaries of a plan period, of five years' work, of a 纲要 taken whole or at mid-term, of a government's term:
# published in the same columns as the year's reports, and not one of them.
@pytest.mark.parametrize("title", [
    "灵寿县人民政府\n关于“十三五”法治政府建设工作情况的总结报告",
    "灵寿县人民政府\n关于法治政府建设五年工作情况的报告",
    "灵寿县人民政府\n《法治政府建设实施纲要（2015-2020年）》实施情况总结",
    "灵寿县人民政府\n关于《法治政府建设实施纲要（2015—2020年）》贯彻落实情况的总结报告",
    "灵寿县人民政府\n关于《法治政府建设实施纲要（2021—2025年）》实施情况的中期报告",
    "灵寿县人民政府\n关于本届政府任期内法治政府建设工作情况的报告",
])
def test_several_years_summed_up_are_no_annual_report(title):
    card = lawcheck.evaluate(_retitled(title))
    assert card.document.other_kind == "multi_year_summary", title
    assert card.score is None


@pytest.mark.parametrize("title", [
    # The year's report under the 纲要's name, and looking back over the plan period, stays the year's report.
    "灵寿县人民政府\n关于2021年度贯彻落实《法治政府建设实施纲要（2021—2025年）》情况的报告",
    "灵寿县人民政府\n关于2021年度暨“十四五”开局之年法治政府建设情况的报告",
])
def test_the_years_report_under_a_plans_name_stays_the_report(title):
    assert lawcheck.evaluate(_retitled(title)).document.kind == "annual_report", title


_OPENING = "2021年以来,灵寿县法治政府建设"
_PLAIN = "灵寿县人民政府\n关于法治政府建设工作情况的报告"


# A part of the year the text opens on or is laid out by, under a title that names no year: a part-year summary
# (it was read from the title and the reporting formula only, so an undated excerpt passed as the year's report).
@pytest.mark.parametrize(("opening", "plan"), [
    ("2021年上半年,灵寿县法治政府建设", None),
    ("2021年1月至9月,灵寿县法治政府建设", None),
    ("截至2021年9月底,灵寿县法治政府建设", None),
    ("2021年前三个季度,灵寿县法治政府建设", None),
    (_OPENING, "三、下半年工作计划"),
    (_OPENING, "三、第四季度工作打算"),
])
def test_a_part_of_the_year_in_the_opening_or_the_parts_is_no_annual_report(opening, plan):
    text = _retitled(_PLAIN).replace(_OPENING, opening, 1)
    if plan:
        text = text.replace("三、下一步工作计划", plan, 1)
    text = text.replace("发布时间:2022-01-20", "", 1)
    card = lawcheck.evaluate(text)
    assert card.document.other_kind == "interim_summary", (opening, plan)


@pytest.mark.parametrize("opening", ["2021年1—11月,灵寿县法治政府建设", "2021年,灵寿县法治政府建设",
                                     "今年以来,灵寿县法治政府建设"])
def test_the_years_figures_cut_off_in_november_open_a_report(opening):
    text = _retitled(_PLAIN).replace(_OPENING, opening, 1)
    assert lawcheck.evaluate(text).document.kind == "annual_report", opening


def test_a_stage_report_named_in_the_title_is_a_part_year_summary():
    card = lawcheck.evaluate(_retitled("灵寿县人民政府\n关于2021年法治政府建设工作阶段性进展情况的报告"))
    assert card.document.other_kind == "interim_summary"


# A court's, a Party committee's alone, an enterprise's or a school's own 法治建设 report: not the annual report a
# government and its departments owe (督察工作规定 art. 24-25), though laid out like one.
@pytest.mark.parametrize("organ", ["灵寿县人民法院", "灵寿县人民检察院", "中共灵寿县委", "中共灵寿县委员会",
                                   "灵寿县城市建设投资集团有限公司", "河北灵寿职业技术学院", "灵寿县人大常委会"])
def test_a_report_of_another_body_is_no_annual_report(organ):
    card = lawcheck.evaluate(_retitled(f"{organ}关于2021年度法治建设工作情况的报告"))
    assert card.document.other_kind == "other_body", organ
    assert card.score is None


@pytest.mark.parametrize("title", [
    "中共灵寿县委 灵寿县人民政府关于2021年度法治政府建设情况的报告",  # joint
    "中共灵寿县委全面依法治县委员会办公室关于2021年度法治政府建设情况的报告",
    "北京市海淀区学院路街道办事处关于2021年度法治政府建设情况的报告",
    "灵寿县国有资产监督管理局关于2021年度法治政府建设情况的报告",
])
def test_governments_and_their_offices_stay_reporters(title):
    assert lawcheck.evaluate(_retitled(title)).document.kind == "annual_report", title


def test_two_reports_the_wrong_way_round_are_told_to_swap(tmp_path, capsys):
    from lawcheck.cli import main

    last, this = tmp_path / "2020.txt", tmp_path / "2021.txt"
    last.write_text(CHANGSHENG, encoding="utf-8")
    this.write_text((FIXTURES.parent / "tests" / "data" / "history" / "changsheng.this.txt").read_text(
        encoding="utf-8"), encoding="utf-8")
    assert main(["compare", str(this), str(last)]) == 2
    err = capsys.readouterr().err
    assert "先后颠倒" in err and "请交换两者的位置" in err
    assert main(["compare", str(last), str(this), "--lang", "en"]) in (0, 1)
    assert "wrong way round" not in capsys.readouterr().err


def test_a_settings_file_that_changes_the_verdicts_is_named_on_stderr(tmp_path, capsys, monkeypatch):
    from lawcheck.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.txt").write_text(CHANGSHENG, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.lawcheck]\ndisable = ["deadline.publication"]\n',
                                             encoding="utf-8")
    main(["check", "r.txt", "--format", "json"])
    err = capsys.readouterr().err
    assert "pyproject.toml" in err and "disable = deadline.publication" in err
    # Settings that change no verdict (the output format) are not announced.
    (tmp_path / "pyproject.toml").write_text('[tool.lawcheck]\nformat = "json"\n', encoding="utf-8")
    main(["check", "r.txt"])
    assert "pyproject.toml" not in capsys.readouterr().err


def _news(lead: str, credit: str = "来源:灵寿县融媒体中心  责任编辑:李红", signed: bool = False,
          tail: str = "（灵寿县融媒体中心）") -> str:
    """Lingshou's report as a news site carries it: its headline, a newsroom's credit, a lead, no addressee."""
    _head, body = LINGSHOU.split("2021年以来,灵寿县法治政府建设", 1)
    text = ("灵寿新闻网 > 新闻中心 > 本地新闻\n灵寿县2021年度法治政府建设情况报告\n"
            f"发布时间:2022-01-21  {credit}\n{lead}2021年以来,灵寿县法治政府建设" + body)
    if not signed:
        text = text[:text.rindex("特此报告。")] + tail + "\n"
    return text


@pytest.mark.parametrize("lead", [
    "记者从县司法局获悉,日前,灵寿县人民政府向社会公开了2021年度法治政府建设情况报告。",
    "日前,灵寿县人民政府向县委、县人大常委会报送并向社会公开了2021年度法治政府建设情况报告。",
])
def test_the_report_as_the_press_tells_it_is_news(lead):
    card = lawcheck.evaluate(_news(lead))
    assert card.document.other_kind == "news"


def test_a_report_reposted_whole_and_signed_stays_the_report():
    lead = "日前,灵寿县人民政府向社会公开了2021年度法治政府建设情况报告。"
    assert lawcheck.evaluate(_news(lead, signed=True)).document.kind == "annual_report"
    # Without a newsroom's credit, a lead alone does not make the government's own page news.
    assert lawcheck.evaluate(_news(lead, credit="来源:灵寿信息公开", tail="")).document.kind == "annual_report"




@pytest.mark.parametrize("words", ["工作思路", "工作打算", "工作设想", "主要目标任务"])
def test_the_year_ahead_in_other_words_is_a_plan(words):
    card = lawcheck.evaluate(_retitled(f"灵寿县人民政府\n灵寿县2022年法治政府建设{words}"))
    assert card.document.other_kind == "plan", words


@pytest.mark.parametrize("title", ["灵寿县人民政府\n关于2021年度法治政府建设情况和2022年工作思路的报告",
                                   "灵寿县人民政府\n2021年法治政府建设工作总结及2022年工作打算"])
def test_the_years_report_with_next_years_plan_joined_stays_the_report(title):
    assert lawcheck.evaluate(_retitled(title)).document.kind == "annual_report", title


def test_a_folder_of_one_report_gives_a_list_with_its_path(tmp_path, capsys):
    import json

    from lawcheck.cli import main

    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "r.txt").write_text(CHANGSHENG, encoding="utf-8")
    main(["check", str(tmp_path / "d"), "--format", "json"])
    got = json.loads(capsys.readouterr().out)
    assert isinstance(got, list) and len(got) == 1 and got[0]["path"].endswith("r.txt")
    main(["check", str(tmp_path / "d" / "r.txt"), "--format", "json"])
    assert "path" not in json.loads(capsys.readouterr().out)  # one file given as such: the scorecard alone


# A date in the first quarter of the report's own year is the year's number slipped (reports are signed then):
# the report is checked, and the signature is told, not set aside as a part-year summary.
def test_a_signature_with_the_reports_own_year_is_a_slip_told_by_the_signature_rule():
    card = lawcheck.evaluate(LINGSHOU.replace("2022年1月14日", "2021年1月14日"))
    assert card.document.kind == "annual_report"
    sig = card.result("form.signature")
    assert sig.status == "partial" and "2022" in sig.message


def test_a_page_date_with_the_reports_own_year_is_a_slip_too():
    card = lawcheck.evaluate(LINGSHOU.replace("发布时间:2022-01-20", "发布时间:2021-01-20"))
    assert card.document.kind == "annual_report"


def _plan(scans, lang="zh"):
    from lawcheck import compare

    return {this: (last, notes) for this, last, _how, notes in compare.pair_by_organ(scans, lang)}


# Pairing a folder (attack review): one bare-named report of last year was held against two units of that name
# without a word, a report whose organ or year could not be read said "no report of last year found", and the
# choice between two reports of last year was not told.
def test_a_bare_named_last_report_two_units_could_follow_is_paired_with_neither():
    from lawcheck.compare import Scan

    plan = _plan([Scan("a.txt", "长生镇人民政府", 2020), Scan("c.txt", "彭水苗族土家族自治县长生镇人民政府", 2021),
                  Scan("d.txt", "重庆市黔江区长生镇人民政府", 2021)])
    for this in ("c.txt", "d.txt"):
        last, notes = plan[this]
        assert last is None and any("--pairs" in n and "a.txt" in n for n in notes)


def test_one_unit_after_a_bare_named_report_is_still_paired():
    from lawcheck.compare import Scan

    plan = _plan([Scan("a.txt", "长生镇人民政府", 2020), Scan("c.txt", "彭水苗族土家族自治县长生镇人民政府", 2021)])
    assert plan["c.txt"] == ("a.txt", ())


@pytest.mark.parametrize(("organ", "year", "what"), [(None, 2021, "机关"), ("灵寿县人民政府", None, "报告年度"),
                                                     (None, None, "机关和报告年度")])
def test_a_report_that_cannot_be_paired_says_why(organ, year, what):
    from lawcheck.compare import Scan

    last, notes = _plan([Scan("x.txt", organ, year), Scan("b.txt", "灵寿县人民政府", 2020)])["x.txt"]
    assert last is None and len(notes) == 1 and f"读出{what}，" in notes[0] and "--pairs" in notes[0]


def test_the_choice_between_two_reports_of_last_year_is_told():
    from lawcheck.compare import Scan

    plan = _plan([Scan("b.txt", "灵寿县人民政府", 2021), Scan("c.txt", "灵寿县人民政府", 2021),
                  Scan("d.txt", "灵寿县人民政府", 2022)], "en")
    last, notes = plan["d.txt"]
    assert last == "b.txt" and any("several reports of the year before" in n and "c.txt" in n for n in notes)


@pytest.mark.parametrize("to", ["县政协:", "县政协、县人民法院:", "县人民检察院:"])
def test_a_report_addressed_only_to_bodies_it_is_not_owed_to_fails_recipients(to):
    card = lawcheck.evaluate(LINGSHOU.replace("中共灵寿县委、县人大常委会:", to, 1))
    assert card.result("form.recipients").status == "fail"


@pytest.mark.parametrize("heading", ["二、问题与打算", "二、困难和计划", "二、问题及下步安排"])
def test_one_part_for_the_problems_and_the_plan_holds_both(heading):
    text = LINGSHOU.replace("二、法治政府建设中存在的问题", heading, 1).replace("三、下一步工作计划\n", "", 1)
    card = lawcheck.evaluate(text)
    assert card.result("content.shortcomings").status == "pass"
    assert card.result("content.next_year_plan").status == "pass"


_SHORT = """灵寿县人民政府关于2021年度法治政府建设情况的报告
一、主要举措和成效
{done}
二、存在的不足
执法规范化水平有待提高。
三、下一步工作计划
全面推进依法行政。
灵寿县人民政府
2022年2月14日
"""


# A year after the report's names a plan, whatever its verb ("2022年全面推行…" in the 2021 report was credited as
# work done): a plan only (partial); a month of that year before the report was signed is done (述法 for the year
# is given then).
@pytest.mark.parametrize(("done", "status"), [
    ("2022年全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。", "partial"),
    ("2023年底前全面推行行政执法公示、执法全过程记录、重大执法决定法制审核三项制度。", "partial"),
    ("2021年全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。", "pass"),
    ("2022年1月,全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。", "pass"),
    ("2022年5月,全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。", "partial"),
    ("印发《2022年行政执法公示、执法全过程记录、重大执法决定法制审核工作方案》并全面推行行政执法三项制度。", "pass"),
])
def test_work_set_for_a_later_year_is_a_plan(done, status):
    card = lawcheck.evaluate(_SHORT.format(done=done))
    assert card.document.report_year == 2021
    assert card.result("enforcement.three_systems").status == status, done


# --- A review of the first round's changes (false positives they brought on genuine reports) ---

def test_a_report_posted_whole_under_a_site_note_is_still_the_report():
    lead = "日前,灵寿县人民政府向县委、县人大常委会报送了2021年度法治政府建设情况报告,现予以公开。"
    text = _news(lead, credit="来源:灵寿县司法局  责任编辑:李红", tail="责任编辑:李红")
    assert lawcheck.evaluate(text).document.kind == "annual_report"


@pytest.mark.parametrize("title", [
    "灵寿县人民政府\n关于落实2021年度法治政府建设目标任务的报告",
    "灵寿县人民政府\n关于2021年度法治政府建设工作的报告(含下一步工作思路)",
    "灵寿县人民政府\n关于推进2021年度法治政府建设工作重点落实的报告",
    "中共灵寿县委全面依法治县委员会关于2021年度法治政府建设情况的报告",
])
def test_report_titles_naming_plans_or_bodies_stay_reports(title):
    assert lawcheck.evaluate(_retitled(title)).document.kind == "annual_report", title


def test_a_governments_title_about_a_court_is_the_governments():
    title = "灵寿县人民政府关于县人民法院2021年度法治建设工作情况的报告"
    assert lawcheck.evaluate(_retitled(title)).document.other_kind != "other_body"


@pytest.mark.parametrize("title", ["中共灵寿镇党委关于2021年度法治建设工作情况的报告",
                                   "灵寿县委关于2021年度法治建设工作情况的报告"])
def test_a_party_committee_however_written_is_another_body(title):
    assert lawcheck.evaluate(_retitled(title)).document.other_kind == "other_body", title


def test_a_title_with_the_year_it_was_published_in_is_still_dated_early():
    # "2022年…年度报告" on 2021's work, signed and published in January 2022: no date after the year it names.
    text = _retitled("灵寿县人民政府\n2022年灵寿县法治政府建设年度报告").replace("2021年以来,", "一年来,", 1)
    card = lawcheck.evaluate(text)
    assert card.document.other_kind == "dated_early"


def test_a_page_date_before_the_year_ended_is_not_the_publication():
    card = lawcheck.evaluate(LINGSHOU.replace("发布时间:2022-01-20", "发布时间:2019-05-01"))
    result = card.result("deadline.publication")
    assert result.status == "unknown" and "2019-05-01" in result.message and card.timeliness == "unknown"


@pytest.mark.parametrize("sentence", [
    "全面推行行政执法责任制、行政执法“三项制度”,实现县乡全覆盖。",
    "全面推行行政执法“三项制度”(以下简称“三项制度”),实现县乡全覆盖。",
    "深入推进行政执法“三项制度”:健全执法信息平台,配备执法记录仪320台。",
])
def test_the_enforcement_three_systems_named_with_their_qualifier_count(sentence):
    assert lawcheck.evaluate(_SHORT.format(done=sentence)).result("enforcement.three_systems").status == "pass"


@pytest.mark.parametrize("sentence", [
    "重大行政决策严格履行公众参与、专家论证、风险评估程序,严格执行“未经合法性审查,不上会”原则。",
    "重大行政决策严格履行公众参与、专家论证、风险评估程序,未经合法性审查、未经集体讨论,不提交区政府常务会议审议。",
])
def test_the_safeguard_stated_with_weijing_is_no_step_skipped(sentence):
    result = lawcheck.evaluate(_SHORT.format(done=sentence)).result("decision.major_procedure")
    assert "尚未做到" not in result.message, result.message


@pytest.mark.parametrize("sentence", [
    "截至11月底,全县公示行政执法信息10256条,预计全年超过1.2万条,执法人员全部配备执法记录仪,重大执法决定全部经过法制审核。",
    "对尚在办理中的行政处罚案件全部实行音像全过程记录,行政执法公示、重大执法决定法制审核全面落实。",
    "针对群众反映的执法不严格问题,全面推行行政执法公示、执法全过程记录、重大执法决定法制审核制度。",
])
def test_work_going_on_or_estimated_is_still_done(sentence):
    assert lawcheck.evaluate(_SHORT.format(done=sentence)).result("enforcement.three_systems").status == "pass"


def test_a_decision_taken_is_no_day_set():
    done = "经县委常委会研究决定于2021年起全面推行年度述法制度,县长主持召开县政府常务会议专题研究法治政府建设4次。"
    assert lawcheck.evaluate(_SHORT.format(done=done)).result("content.first_responsible_duty").status == "pass"


def test_a_day_set_makes_its_clause_a_plan():
    done = "县长认真履行推进法治建设第一责任人职责,年度述法定于2022年3月在县委全面依法治县委员会会议上进行。"
    assert lawcheck.evaluate(_SHORT.format(done=done)).result("content.first_responsible_duty").status == "partial"


def test_a_cut_off_date_after_the_year_is_no_part_year():
    text = HETANG_TEXT.replace("\n", "\n截至2025年2月,荷塘区已连续三年被评为全省法治政府建设优秀单位。\n", 1)
    assert lawcheck.evaluate(text).document.kind == "annual_report"


HETANG_TEXT = (FIXTURES / "004_hetang_2024.txt").read_text(encoding="utf-8")


# --- A researcher's crawl (attack review): what crawled pages carry around and inside the report ---

@pytest.mark.parametrize("footer", ["（责任编辑：张三）", "浏览次数：123", "(阅读量:56)"])
def test_a_page_footer_under_the_signature_leaves_the_signature(footer):
    card = lawcheck.evaluate(LINGSHOU.rstrip("\n") + "\n" + footer + "\n【打印本页】【关闭窗口】\n")
    assert card.document.signed_date is not None and str(card.document.signed_date) == "2022-01-14"
    assert card.result("form.signature").status == "pass"


def test_a_list_of_links_above_an_untitled_text_gives_it_no_title():
    look = LINGSHOU.split("中共灵寿县委、县人大常委会:\n", 1)[1]  # the body alone: no title, no page date
    links = "相关文章：\n· 正定县人民政府关于2020年度法治政府建设情况的报告\n· 石家庄市2019年度法治政府建设情况报告\n"
    plain, linked = lawcheck.evaluate(look), lawcheck.evaluate(links + look)
    assert linked.document.title == plain.document.title
    assert linked.document.report_year == plain.document.report_year == 2021
    assert linked.document.organ == plain.document.organ


def test_a_list_of_links_above_the_pages_own_title_keeps_that_title():
    links = "热点文章\n正定县人民政府关于2020年度法治政府建设情况的报告\n"
    card = lawcheck.evaluate(links + LINGSHOU.split("\n", 1)[1])
    assert card.document.title == lawcheck.evaluate(LINGSHOU).document.title


@pytest.mark.parametrize("line", ["2022年04月20日 10:24", "2022-04-20 10:24 来源：县司法局",
                                  "2022年04月20日 来源：县司法局", "来源：县司法局 2022年04月20日"])
def test_a_page_date_with_its_time_or_source_is_read(line):
    card = lawcheck.evaluate(LINGSHOU.replace("发布时间:2022-01-20\xa0\xa0\xa0\xa0来源:灵寿信息公开", line, 1))
    assert str(card.document.published_date) == "2022-04-20" and card.timeliness == "late"


def test_html_entities_left_in_a_crawled_text_are_read_as_what_they_stand_for():
    crawled = LINGSHOU.replace("\n2021年以来", "\n&nbsp;&nbsp;2021年以来").replace(
        "发布时间:2022-01-20", "发布时间:&nbsp;2022-01-20").replace("“三项制度”", "&ldquo;三项制度&rdquo;")
    assert crawled != LINGSHOU
    a, b = lawcheck.evaluate(LINGSHOU), lawcheck.evaluate(crawled)
    assert (b.document.report_year, b.document.organ, b.document.published_date, b.score) == \
        (a.document.report_year, a.document.organ, a.document.published_date, a.score)
    for r in b.results:  # evidence still points into the crawled text
        for ev in r.evidence:
            assert crawled[ev.start:ev.end] == ev.text


def test_a_folder_given_as_dot_has_no_raw_path(tmp_path, capsys, monkeypatch):
    import json

    from lawcheck.cli import main

    (tmp_path / "r.txt").write_text(CHANGSHENG, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", ".", "--format", "jsonl"])
    row = json.loads(capsys.readouterr().out.splitlines()[0])
    assert "path_raw" not in row
