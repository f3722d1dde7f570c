"""Reviews of 2026-12-02: each rule cites a provision only for the reports it governs.

A legal review read every basis against the official texts: 督察工作规定 art. 24 (in force 2019-04-15) was
cited against a 2017 report's placeholders, the 2015—2020 纲要's reporting clause (县级以上地方各级政府 and
政府部门) against a township, that 纲要 as current in 2023 reports (era.outdated_references marks it
superseded from 2021), the 重大行政决策程序暂行条例's articles as binding on departments and townships (art. 2:
县级以上地方人民政府; art. 42: the others 参照), and Shaanxi's 省、市、县政府 deadline against a township.
"""

from __future__ import annotations

import pytest

import lawcheck
from tests.conftest import FIXTURES

LINGSHOU = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")  # a county government, 2021
CHANGSHENG = (FIXTURES / "003_changsheng_2020.txt").read_text(encoding="utf-8")  # a township government, 2020


def _year(text: str, old: int, new: int) -> str:
    """The report moved to another year: its year and the next (when it was signed) shifted alike."""
    return text.replace(str(old + 1), "\0").replace(str(old), str(new)).replace("\0", str(new + 1))


def _with_placeholder(text: str) -> str:
    head, _, rest = text.partition("\n\n")
    return f"{head}\n\n全年办理行政复议案件xx件。\n{rest}" if rest else text + "\n全年办理行政复议案件xx件。\n"


def _cited(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.text for b in result.basis]


def test_the_readers_of_this_file_exist():
    county = lawcheck.evaluate(LINGSHOU)
    township = lawcheck.evaluate(CHANGSHENG)
    assert (county.document.level, county.document.report_year) == ("county", 2021)
    assert (township.document.level, township.document.report_year) == ("township", 2020)


def test_placeholders_before_2019_cite_the_2015_outline_not_article_24():
    card = lawcheck.evaluate(_with_placeholder(_year(LINGSHOU, 2021, 2017)))
    assert card.document.report_year == 2017
    r = card.result("form.placeholders")
    assert r.status == "fail"
    cited = " ".join(_cited(r))
    assert "纲要（2015—2020年）" in cited and "向社会公开" in cited
    assert "第二十四条" not in cited and "督察工作规定" not in cited


def test_placeholders_from_2019_cite_article_24():
    r = lawcheck.evaluate(_with_placeholder(LINGSHOU)).result("form.placeholders")
    assert r.status == "fail"
    cited = " ".join(_cited(r))
    assert "第二十四条" in cited and "2015—2020" not in cited


def test_a_2017_township_is_not_held_to_the_outlines_reporting_clause():
    card = lawcheck.evaluate(_with_placeholder(_year(CHANGSHENG, 2020, 2017)))
    assert (card.document.level, card.document.report_year) == ("township", 2017)
    # No provision of 2017 governs a township's annual report: neither its placeholders nor its measures.
    assert card.result("form.placeholders").status == "not_applicable"
    assert card.result("content.measures_and_results").status == "not_applicable"
    # A 2017 county is.
    county = lawcheck.evaluate(_year(LINGSHOU, 2021, 2017))
    assert county.result("content.measures_and_results").status == "pass"
    assert any("2015—2020" in c for c in _cited(county.result("content.measures_and_results")))


@pytest.mark.parametrize("rule", ["enforcement.three_systems", "form.recipients"])
def test_the_2015_outline_is_cited_up_to_2020_only(rule):
    later = lawcheck.evaluate(_year(LINGSHOU, 2021, 2023)).result(rule)
    assert later.basis and not any("2015—2020" in c for c in _cited(later)), _cited(later)
    earlier = lawcheck.evaluate(_year(LINGSHOU, 2021, 2018)).result(rule)
    assert any("2015—2020" in c for c in _cited(earlier)), _cited(earlier)


def test_the_decision_regulation_binds_counties_and_is_followed_by_reference_below():
    county = lawcheck.evaluate(LINGSHOU).result("decision.major_procedure")
    assert any("第二十五条" in c for c in _cited(county)) and not any("第四十二条" in c for c in _cited(county))
    for level in ("township", "department"):
        r = lawcheck.evaluate(LINGSHOU, level=level).result("decision.major_procedure")
        cited = _cited(r)
        assert any("第四十二条" in c and "参照" in c for c in cited), (level, cited)
        assert not any("第二十五条" in c or "第十四条" in c for c in cited), (level, cited)
    # Before the 条例 (2019-09-01) the 四中全会决定 governs every level alike.
    r = lawcheck.evaluate(_year(LINGSHOU, 2021, 2017), level="township").result("decision.major_procedure")
    assert [b.document for b in r.basis] == ["中共中央关于全面推进依法治国若干重大问题的决定"]


def test_the_appearance_duty_is_quoted_with_its_exception():
    pack = lawcheck.load_pack()
    provisions = [b.provision for b in pack.rule("figures.key_indicators").basis if b.article == "第三条"]
    assert provisions == ["被诉行政机关负责人应当出庭应诉。不能出庭的，应当委托行政机关相应的工作人员出庭"]


SHAANXI_TOWNSHIP = """楠木铺乡人民政府关于2023年法治政府建设工作的报告

2023年，我乡坚持以习近平法治思想为指导，全力推进法治政府建设各项任务有效落实。

特此报告。

楠木铺乡人民政府
2024年3月26日
"""


def test_shaanxi_holds_a_township_government_to_the_joint_line_not_the_county_line():
    pack = lawcheck.load_pack("shaanxi")
    card = lawcheck.evaluate(SHAANXI_TOWNSHIP, rules=pack, kind="annual_report")
    assert card.document.level == "township"
    assert card.result("shaanxi.deadline.march_first").status == "not_applicable"
    county = lawcheck.evaluate(SHAANXI_TOWNSHIP.replace("楠木铺乡", "雁塔区").replace("我乡", "我区"), rules=pack,
                               kind="annual_report")
    assert county.document.level == "county"
    assert county.result("shaanxi.deadline.march_first").status == "fail"


# ---- altered copies (a review that edited real reports the way a drafter or a test-maker would)

def _without_duty(text: str) -> str:
    """Lingshou's report with its leaders' duty paragraph cut (what is left: collective study, partial)."""
    i = text.index("二是党政主要负责人认真履行")
    return text[:i] + text[text.index("三是", i):]


SHORTCOMINGS = LINGSHOU.splitlines()[17]  # the part under 二、法治政府建设中存在的问题


@pytest.mark.parametrize("boilerplate", [
    "一年来,我县法治政府建设取得了一定成绩,但我们也清醒地认识到,工作中还存在一些不足。",
    "对照上级要求,我县法治政府建设工作还存在一些不尽如人意的地方。",
    "我县虽然取得了一定的成绩,但同时我们也清醒地认识到工作中的不足和问题。经认真自查,各项工作均按要求完成,"
    "未发现明显问题。今年,针对存在的问题,我们要认真研究总结,切实加以解决。",
])
def test_a_shortcomings_part_of_set_phrases_names_no_shortcoming(boilerplate):
    assert SHORTCOMINGS.startswith("虽然我县法治政府建设取得了一定成绩")
    card = lawcheck.evaluate(LINGSHOU.replace(SHORTCOMINGS, boilerplate))
    assert card.result("content.shortcomings").status == "fail"
    # …while one named shortcoming after the same preamble is one.
    named = boilerplate.split("。")[0] + "。主要是基层执法人员法律素质不高,行政机关负责人出庭率偏低。"
    assert lawcheck.evaluate(LINGSHOU.replace(SHORTCOMINGS, named)).result("content.shortcomings").status == "pass"


@pytest.mark.parametrize("sentence", [
    # others' duty checked, the check's word far before the duty
    "对全县15个乡(镇)开展专项督查,重点督查党政主要负责人履行推进法治建设第一责任人职责情况。",
    # the duty beside an act still to come
    "县长履行推进法治建设第一责任人职责,计划于2022年一季度主持召开县政府常务会议专题研究法治政府建设。",
])
def test_the_duty_is_not_stated_by_others_duty_checked_or_by_a_plan(sentence):
    base = _without_duty(LINGSHOU)
    assert lawcheck.evaluate(base).result("content.first_responsible_duty").status == "partial"
    i = base.index("三是", base.index("(一)党政领导干部"))
    card = lawcheck.evaluate(base[:i] + "二是" + sentence + base[i:])
    assert card.result("content.first_responsible_duty").status == "partial"
    # The duty stated as the leaders' own still counts with the same collective acts.
    own = "二是县政府主要负责人认真履行推进法治建设第一责任人职责。"
    assert lawcheck.evaluate(base[:i] + own + base[i:]).result("content.first_responsible_duty").status == "pass"


THREE_SYSTEMS = "三是全面贯彻落实行政执法“三项制度”,实现县乡“三项制度”全覆盖。"
SUPERVISION = "三是加强行政执法监督,对全县行政执法三项制度工作落实情况进行了网络监督检查,对发现的问题督促其立即整改,并限期公示。"


@pytest.mark.parametrize("stalled", [
    "三是行政执法“三项制度”进展缓慢。",
    "三是行政执法“三项制度”目前仅在县市场监管局1个部门试点,尚未在全县推开。",
    "三是行政执法“三项制度”仍处于试点阶段。",
    "三是行政执法“三项制度”推行进展缓慢,全县仍有12个执法部门未建立执法公示平台。",
])
def test_three_systems_only_piloted_or_stalled_are_not_carried_out(stalled):
    assert THREE_SYSTEMS in LINGSHOU and SUPERVISION in LINGSHOU
    text = LINGSHOU.replace(THREE_SYSTEMS, stalled).replace(SUPERVISION, "三是加强行政执法监督。")
    assert lawcheck.evaluate(text).result("enforcement.three_systems").status == "partial"
    done = LINGSHOU.replace(SUPERVISION, "三是加强行政执法监督。")
    assert lawcheck.evaluate(done).result("enforcement.three_systems").status == "pass"


def test_a_pilot_run_and_then_rolled_out_is_work_done():
    text = LINGSHOU.replace(THREE_SYSTEMS, "三是行政执法“三项制度”先在3个乡镇开展试点,年内在全县全面推开。")
    text = text.replace(SUPERVISION, "三是加强行政执法监督。")
    assert lawcheck.evaluate(text).result("enforcement.three_systems").status == "pass"


# A report signed in January with the year just ended ("2021年1月14日" under "关于2021年度…的报告" over "2021年以来…"):
# the January habit, no page date to tell — the report is checked and its signature told.
def test_a_january_signature_with_the_years_number_slipped_is_checked():
    assert "发布时间:2022-01-20\xa0\xa0\xa0\xa0" in LINGSHOU
    text = LINGSHOU.replace("2022年1月14日", "2021年1月14日").replace("发布时间:2022-01-20\xa0\xa0\xa0\xa0", "")  # no page date
    card = lawcheck.evaluate(text)
    assert card.document.kind == "annual_report" and card.score is not None
    sig = card.result("form.signature")
    assert sig.status == "partial" and "2022" in sig.message


def test_a_title_with_its_publication_year_and_no_body_year_stays_dated_early():
    text = LINGSHOU.replace("关于2021年度法治政府建设情况的报告", "2022年灵寿县法治政府建设年度报告")
    text = text.replace("2022年1月14日", "2022年1月14日").replace("2021年以来,", "一年来,", 1)
    assert lawcheck.evaluate(text).document.other_kind == "dated_early"


def test_the_eighth_law_popularisation_plan_cannot_be_carried_out_in_2020():
    text = _year(LINGSHOU, 2021, 2020)
    assert "全面制定并落实“八五”普法规划" in text
    r = lawcheck.evaluate(text).result("era.anachronisms")
    assert r.status == "fail" and "八五" in r.message
    # Drawn up in 2020 and planned for 2021, it can.
    drawn = text.replace("全面制定并落实“八五”普法规划", "做好“八五”普法规划编制工作")
    assert lawcheck.evaluate(drawn).result("era.anachronisms").status == "pass"


# ---- look-alikes a researcher's crawl brings (a review that wrote new ones)

LINGSHOU_TITLE = "灵寿县人民政府\n关于2021年度法治政府建设情况的报告"


def _retitled(title: str, text: str = LINGSHOU) -> str:
    assert LINGSHOU_TITLE in text
    return text.replace(LINGSHOU_TITLE, title, 1)


@pytest.mark.parametrize(("title", "other_kind"), [
    # another body's own report, its name after a leading 关于 or year
    ("2021年度灵寿大学法治工作报告", "other_body"),
    ("关于灵寿能源投资集团有限公司2021年度法治建设工作情况的报告", "other_body"),
    ("关于灵寿县人民法院2021年度法治建设工作情况的报告", "other_body"),
    ("2021年度中共灵寿县委法治建设工作情况报告", "other_body"),
    # a report delivered at a work meeting
    ("在全县法治政府建设工作会议上的报告", "speech"),
    # the results of assessing the units below; the problems a supervision found, dealt with
    ("关于全县2021年度法治政府建设考核情况的报告", "survey_report"),
    ("灵寿县人民政府关于2021年度法治政府建设督察发现问题处置情况的报告", "rectification"),
])
def test_a_title_naming_another_document(title, other_kind):
    card = lawcheck.evaluate(_retitled(title))
    assert (card.document.kind, card.document.other_kind) == ("other", other_kind), card.document.kind_reason


@pytest.mark.parametrize("title", [
    # a branch bureau after 局 is no chief and his name
    "西安市公安局长安分局2021年度法治政府建设情况报告",
    "上海市公安局长宁分局关于2021年度法治政府建设工作情况的报告",
    "福州市生态环境局长乐分局2021年法治政府建设年度报告",
    # the government's own report delivered to its people's congress standing committee
    "灵寿县人民政府关于2021年度法治政府建设情况的报告",
    # joint reports and the committee for law-based governance stay the year's report
    "中共灵寿县委 灵寿县人民政府关于2021年度法治政府建设情况的报告",
    "关于2021年度法治政府建设考核自评情况和2022年工作安排的报告",
])
def test_titles_of_real_reports_stay_the_report(title):
    card = lawcheck.evaluate(_retitled(title))
    if "自评" in title:  # a self-assessment stays one (the existing reading)
        assert card.document.other_kind == "self_assessment"
    else:
        assert card.document.kind == "annual_report", card.document.kind_reason


def test_two_departments_reports_on_one_page_are_two_reports():
    first = _year(_retitled("青溪县司法局关于2021年度法治政府建设情况的报告"), 2021, 2020)
    second_title = CHANGSHENG.splitlines()[0]
    second = CHANGSHENG.replace(second_title, "青溪县市场监督管理局关于2020年度法治政府建设情况的报告", 1)
    card = lawcheck.evaluate(first + "\n\n" + second)
    assert card.document.other_kind == "several_reports"
    # …and one report with its title repeated over its body is one.
    same = _retitled("青溪县司法局关于2021年度法治政府建设情况的报告")
    assert lawcheck.evaluate("青溪县司法局2021年度法治政府建设情况报告\n" + same).document.kind == "annual_report"


# ---- a reviewer's folder

def test_a_page_dated_before_a_late_signature_is_told():
    # The page's date is the site's record of the publication and stands (tests/test_mutations.py), but a plain
    # pass hid that the signature would be late: the reviewer is told, the signature quoted.
    text = LINGSHOU.replace("2022年1月14日", "2022年4月6日").replace("发布时间:2022-01-20", "发布时间:2022-03-30")
    card = lawcheck.evaluate(text)
    r = card.result("deadline.publication")
    assert r.status == "pass" and "2022-03-30" in r.message and "2022-04-06" in r.message and "核对" in r.message
    assert any("2022年4月6日" in e.text for e in r.evidence)
    # A signature a few days before the deadline under an earlier page date is still on time (one date mistyped,
    # neither late).
    early = LINGSHOU.replace("2022年1月14日", "2022年3月28日").replace("发布时间:2022-01-20", "发布时间:2022-03-20")
    assert lawcheck.evaluate(early).result("deadline.publication").status == "pass"


@pytest.mark.parametrize(("title", "organ"), [
    ("2021年度宜兴市法治政府建设工作报告", "宜兴市"),
    ("2021年宜兴市人民政府法治政府建设年度报告", "宜兴市人民政府"),
    ("关于宜兴市2021年度法治政府建设情况的报告", "宜兴市"),
    ("2020年静海区法治政府建设情况报告", "静海区"),
    ("关于2021年度法治政府建设情况的报告", None),
    ("关于全市2021年度法治政府建设情况的报告", None),
])
def test_the_organ_after_a_leading_year_or_guanyu(title, organ):
    # Pages whose signature block was cut off: the organ comes from the title, which may open on its year.
    body = "\n2021年，我市坚持以习近平法治思想为指导，扎实推进法治政府建设。\n一、主要举措和成效\n全年取消行政许可事项12项。\n"
    assert lawcheck.evaluate(title + body).document.organ == organ


@pytest.mark.parametrize(("sentence", "status"), [
    # the duty in the 规定's own words, committed to: named (with the collective acts left, it passes)
    ("二是严格落实《党政主要负责人履行推进法治建设第一责任人职责规定》,坚持做到“四个亲自”,推进法治政府建设。", "pass"),
    # the heads of the units below told to carry it: others' duty
    ("二是督促各乡镇党政主要负责人做到“四个亲自”,推进法治建设。", "partial"),
])
def test_the_duty_in_the_words_of_its_regulation(sentence, status):
    base = _without_duty(LINGSHOU)
    i = base.index("三是", base.index("(一)党政领导干部"))
    card = lawcheck.evaluate(base[:i] + sentence + base[i:])
    assert card.result("content.first_responsible_duty").status == status


def test_the_duty_stated_and_then_acted_on_is_the_leaders_own():
    # "乡党委书记切实履行…第一责任人职责，督促干部尊法学法守法用法" (a township's page): 督促 is the leader acting.
    base = _without_duty(LINGSHOU)
    i = base.index("三是", base.index("(一)党政领导干部"))
    sentence = "二是县长切实履行推进法治建设第一责任人职责,督促干部尊法学法守法用法。"
    assert lawcheck.evaluate(base[:i] + sentence + base[i:]).result("content.first_responsible_duty").status == "pass"


SUMMARY_2012 = """某县国土资源局2012年依法行政工作总结

2012年，我局坚持依法行政，严格规范执法行为，全年办理土地行政处罚案件36件，组织执法人员培训120人次。

一、主要做法
（一）加强学习培训。组织干部职工学习《土地管理法》等法律法规，开展专题讲座4次。
（二）规范执法程序。严格执行行政执法责任制，执法案卷评查合格率100%。
（三）推进政务公开。在局门户网站公开土地征收、建设用地审批、矿业权出让等信息共计312条，对群众关心的征地补偿标准、
安置方式和办理流程逐项说明，全年受理依申请公开12件，均在法定期限内答复，未发生因信息公开引发的行政复议和诉讼。
（四）化解矛盾纠纷。坚持把矛盾纠纷化解在基层，全年受理土地权属争议18件，调处结案15件；接待群众来访126人次，
办理群众来信43件，做到件件有登记、事事有回音，对历史遗留的征地补偿问题逐户核实，依法依规分类处置。
（五）强化内部监督。对建设用地报批、土地供应、矿业权审批等重点环节实行集体研究，全年召开局务会议研究重大事项
23次；聘请法律顾问一名，对局签订的合同和出台的文件进行合法性审查，审查合同27份、文件5件，提出修改意见16条。
（六）开展普法宣传。结合“4·22”地球日、“6·25”全国土地日，在县城广场和各乡镇集市设立咨询台，发放宣传资料
8000余份，现场解答群众咨询300余人次；组织全局干部参加年度法律知识考试，参考率和合格率均达到100%。
（七）加强队伍建设。组织执法人员参加省、市业务培训6期，新取得执法证件9人；开展执法案卷交叉评查，
评查案卷60卷，发现问题11个，均已整改到位；对执法过错依规追究责任，全年未发生执法过错责任事件。
（八）严格耕地保护。落实耕地保护目标责任，全年开展土地卫片执法检查两轮，核查图斑412个，立案查处违法用地
案件36件，拆除违法建筑面积1.2万平方米，没收违法建筑面积0.8万平方米，罚没款按时足额上缴国库，案件结案率达到95%。
（九）优化服务方式。推行不动产登记“一窗受理、并行办理”，一般登记办理时限由30个工作日压缩至10个工作日，
全年办理各类不动产登记业务8600余件，群众满意率达到98%；对企业用地需求提前介入、全程跟踪，保障重点项目用地。
（十）落实执法公示。在办公场所和门户网站公示执法主体、执法依据、执法程序和监督途径，行政处罚决定书按规定公开。

二、存在的问题
执法力量不足，部分执法人员业务能力有待提高。

三、下一步打算
继续加强执法队伍建设，提高依法行政水平。

某县国土资源局
2013年1月10日
"""


def test_a_report_none_of_whose_content_rules_apply_gets_no_score_and_no_gate():
    from lawcheck.gate import gate_reasons

    card = lawcheck.evaluate(SUMMARY_2012)
    assert card.document.kind == "annual_report" and card.document.report_year == 2012
    assert all(r.status == "not_applicable" for r in card.results if r.category == "content")
    assert any(r.scored for r in card.results)  # its form was judged…
    assert card.score is None  # …and gives no score
    reasons = gate_reasons(card, 60, "error")
    assert len(reasons) == 1 and "均不适用于该报告" in reasons[0]
    # The same text on 2021 is judged and scored.
    assert lawcheck.evaluate(SUMMARY_2012.replace("2012", "2021").replace("2013", "2022")).score is not None


def test_a_pack_without_content_rules_still_scores():
    pack = lawcheck.load_pack().only(["form.placeholders", "form.signature"])
    assert lawcheck.evaluate(SUMMARY_2012, rules=pack).score is not None


def test_a_callers_year_against_the_texts_is_told():
    r = lawcheck.evaluate(CHANGSHENG, report_year=2021).result("form.reporting_year")
    assert r.status == "partial" and "2021" in r.message and "2020" in r.message
    assert lawcheck.evaluate(CHANGSHENG, report_year=2020).result("form.reporting_year").status == "pass"


def test_english_outputs_keep_to_ascii_spacing_and_brackets(tmp_path):
    from lawcheck.engine import key_indicators
    from lawcheck.model import Record
    from lawcheck.render import Context
    from lawcheck.render.formats import markdown
    from lawcheck.summary import summarize

    card = lawcheck.evaluate(LINGSHOU, lang="en")
    page = markdown.render([Record(path="a.txt", card=card)], Context(lang="en"))
    assert "\u3000" not in page and "Score: " in page
    # Two reports of one organ (two years) in a folder's spreads: the files in ASCII brackets in English.
    earlier = lawcheck.evaluate(_year(LINGSHOU, 2021, 2020), lang="en")
    rows = [Record(path="a.txt", card=card), Record(path="b.txt", card=earlier)]
    summary = summarize(rows, indicators=key_indicators(lawcheck.load_pack(), "en"))
    names = [who for s in summary.spreads for who, _v in s.values]
    assert names and all("（" not in n for n in names) and any("(a.txt)" in n for n in names)


@pytest.mark.parametrize("pack", [None, "shaanxi", "shenzhen"])
def test_every_basis_note_is_there_in_english_too(pack):
    # The notes are lawcheck's own words on a basis (how sure, how applied): a person reads them in explain and
    # JSON, so an English reader gets them in English (the law's own words stay as written).
    from lawcheck.kinds.base import Text

    rules = lawcheck.load_pack(pack).rules if pack else lawcheck.load_pack().rules
    notes = [(r.id, b.note) for r in rules for b in r.basis if b.note]
    assert notes
    assert all(isinstance(n, Text) and n.en for _id, n in notes), [i for i, n in notes if not isinstance(n, Text)]
    card = lawcheck.evaluate(LINGSHOU, lang="en", rules=lawcheck.load_pack(pack) if pack else None)
    english = {n.en for _id, n in notes}
    shown = [b.note for r in card.results for b in r.basis if b.note]
    assert shown and all(n in english for n in shown)


def test_a_folder_with_one_units_report_twice_says_so_and_counts_it_once(tmp_path, capsys):
    from lawcheck.cli import main

    (tmp_path / "灵寿县.txt").write_text(LINGSHOU, encoding="utf-8")
    (tmp_path / "灵寿县（副本）.txt").write_text(LINGSHOU, encoding="utf-8")
    (tmp_path / "长生镇.txt").write_text(CHANGSHENG, encoding="utf-8")
    main(["check", str(tmp_path), "--format", "text", "--fail-on", "never"])
    out = capsys.readouterr().out
    # (one text twice: the copy is counted once and named — review of 7 December)
    assert "另有1份与另一份报告内容相同" in out and "灵寿县（副本）.txt（同" in out and "年度报告2份" in out
    spreads = out.split("关键数据分布")[1]
    # each indicator across the two units, not three reports
    assert "（3个单位）" not in spreads


def test_the_work_since_a_year_summed_up_later_is_no_years_report():
    title = "灵寿县人民政府\n关于2021年以来法治政府建设工作情况的报告"
    later = _retitled(title).replace("2022年1月14日", "2023年8月22日").replace("发布时间:2022-01-20", "发布时间:2023-08-25")
    assert lawcheck.evaluate(later).document.other_kind == "multi_year_summary"
    # Signed early in the next year, as reports are: the year's report.
    assert lawcheck.evaluate(_retitled(title)).document.kind == "annual_report"


HETANG = (FIXTURES / "004_hetang_2024.txt").read_text(encoding="utf-8")


def _decisions_as(listing: str) -> str:
    """Hetang's report with its decisions sentence replaced by ``listing``."""
    i = HETANG.index("一是落实依法决策制度。")
    j = HETANG.index("实行重大行政决策目录化管理", i)
    return HETANG[:i] + "一是落实依法决策制度。" + listing + HETANG[j:]


@pytest.mark.parametrize("listing", [
    # the steps as numbered items under a lead-in ending on a colon
    "全年作出重大行政决策3项,均严格履行法定程序,具体如下:\n(1)公众参与:3项草案均在区政府门户网站公开征求意见,召开听证会1场;\n"
    "(2)专家论证:邀请规划、法律等领域专家12人次论证;\n(3)风险评估:3项均开展社会稳定风险评估;\n"
    "(4)合法性审查:3项均经区司法局合法性审查;\n(5)集体讨论决定:3项均经区政府常务会议讨论决定。\n",
    # …or run on with semicolons after the colon
    "全年作出重大行政决策3项:决策草案均在政府网站公开征求意见;邀请5名专家论证;开展社会稳定风险评估;经区司法局合法性审查;"
    "提交区政府常务会议集体讨论决定。",
])
def test_decision_steps_listed_after_a_lead_in_are_about_the_decisions(listing):
    assert "一是落实依法决策制度。" in HETANG
    r = lawcheck.evaluate(_decisions_as(listing)).result("decision.major_procedure")
    assert r.status == "pass" and not r.missing, r.message


def test_a_lead_in_about_something_else_lends_no_decision_context():
    listing = ("全年审查规范性文件4件,具体如下:\n(1)公众参与:文件草案均公开征求意见;\n(2)专家论证:邀请专家论证2次;\n"
               "(3)合法性审查:4件均经区司法局合法性审查;\n(4)集体讨论决定:均经区政府常务会议讨论。\n")
    r = lawcheck.evaluate(_decisions_as(listing)).result("decision.major_procedure")
    assert r.status != "pass"


@pytest.mark.parametrize("sentence", [
    # normative documents' drafting, told with the decision steps' words
    "全年制定行政规范性文件8件,均经过公开征求意见、专家论证、风险评估、合法性审核,并提交区政府常务会议集体讨论决定。",
    # decisions in other senses
    "严格落实“三重一大”集体决策制度,优化合法性审查工作,全年审查各类文件20余件,均提交区政府常务会议集体讨论决定。",
    "认真落实上级决策部署,开展合法性审查20余件,组织召开听证会2场,均经区政府常务会议集体讨论决定。",
])
def test_decision_steps_of_other_matters_are_not_the_decisions(sentence):
    listing = sentence
    r = lawcheck.evaluate(_decisions_as(listing)).result("decision.major_procedure")
    assert r.status == "fail", (r.status, r.message)


def test_decision_steps_beside_other_papers_in_one_sentence_still_count():
    # (a page's sentence: the decisions named beside the contracts, the steps told of them)
    listing = ("司法所全面参与区政府重大决策、合同审查等法律事务,严格落实重大行政决策程序,进行合法性审查和风险评估,"
               "重大行政决策均经区政府常务会议集体讨论决定。")
    r = lawcheck.evaluate(_decisions_as(listing)).result("decision.major_procedure")
    assert r.status == "pass", r.message


@pytest.mark.parametrize("lead", ["下一步,我们将重点做好以下工作:", "2022年,我县将着力抓好以下几个方面的工作:"])
def test_a_plan_announced_by_a_line_ending_on_a_colon_is_the_plan(lead):
    assert "\n三、下一步工作计划\n" in LINGSHOU
    card = lawcheck.evaluate(LINGSHOU.replace("\n三、下一步工作计划\n", f"\n{lead}\n"))
    assert card.result("content.next_year_plan").status == "pass"
    assert card.result("content.shortcomings").status == "pass"


def test_a_sentence_with_a_colon_inside_the_work_is_no_plan_heading():
    # (the plan's heading and its lead gone: "针对…存在的问题和短板，我县将认真整改…" alone tells the plan)
    text = LINGSHOU.replace("\n三、下一步工作计划\n", "\n")
    text = text.replace("针对法治政府建设中存在的问题和短板,我县将认真整改、落实到位,"
                        "着力消除制约法治政府建设的体制机制障碍,全力推进法治政府建设再上新台阶。\n", "")
    text = text.replace("二、法治政府建设中存在的问题\n", "二、法治政府建设中存在的问题\n全年重点做好以下工作:推进依法行政。\n")
    # (the plan is its items, numbered anew under the problems' paragraph and going on with the work — not the line
    # with the colon, which stays in the problems' part)
    card = lawcheck.evaluate(text)
    plan = [s for s in card.sections if "plan" in s.roles]
    assert [s.heading for s in plan] == ["(一)在普法宣传上精准发力。"]
    shortcomings = next(s for s in card.sections if "shortcomings" in s.roles)
    assert "全年重点做好以下工作" in text[shortcomings.start:plan[0].start]


# ---- a review of this round's own changes (what they broke, held here)

@pytest.mark.parametrize(("title", "kind"), [
    ("2021年度中共灵寿县委依法治县办公室法治政府建设工作报告", None),
    ("2021年度中共灵寿县委全面依法治县委员会法治政府建设工作报告", None),
    ("关于中共灵寿县委全面依法治县委员会2021年度法治政府建设情况的报告", None),
    ("2021年度灵寿县教育局及所属学校法治政府建设工作报告", None),
    ("2021年度灵寿县卫生健康局暨县人民医院法治政府建设工作报告", None),
    ("灵寿县交通运输局局长王立科2021年度法治建设工作报告", "shufa_report"),
    ("灵寿县交通运输局局长张建科2021年度法治建设工作报告", "shufa_report"),
])
def test_titles_held_after_this_rounds_review(title, kind):
    d = lawcheck.evaluate(_retitled(title)).document
    assert d.other_kind == kind, (title, d.kind_reason)


@pytest.mark.parametrize("sentence", [
    "同时为“八五”普法开局奠定坚实基础。",
    "谋划“八五”普法规划实施工作。",
])
def test_preparing_for_the_eighth_plan_in_2020_is_no_anachronism(sentence):
    text = _year(LINGSHOU, 2021, 2020).replace("全面制定并落实“八五”普法规划", "做好“七五”普法总结验收")
    i = text.index("三、下一步工作计划")
    text = text[:i].replace("二、法治政府建设中存在的问题", sentence + "\n二、法治政府建设中存在的问题") + text[i:]
    assert lawcheck.evaluate(text).result("era.anachronisms").status == "pass"


@pytest.mark.parametrize("after", ["要求各乡镇、各部门严格落实。", "督促各村(社区)认真抓好落实。"])
def test_the_leaders_duty_followed_by_an_order_to_units_below_stays_the_duty(after):
    base = _without_duty(LINGSHOU)
    i = base.index("三是", base.index("(一)党政领导干部"))
    sentence = "二是县长认真履行推进法治建设第一责任人职责," + after
    assert lawcheck.evaluate(base[:i] + sentence + base[i:]).result("content.first_responsible_duty").status == "pass"


@pytest.mark.parametrize("sentence", [
    "三是行政执法“三项制度”不仅在县市场监管局试点,还在全县各执法部门全面推行。",
    "三是全面推行行政执法“三项制度”,并约谈进展缓慢的部门2个。",
    "三是行政执法“三项制度”从只在县市场监管局试点扩大到全县各执法部门。",
])
def test_three_systems_rolled_out_are_not_stalled(sentence):
    text = LINGSHOU.replace(THREE_SYSTEMS, sentence).replace(SUPERVISION, "三是加强行政执法监督。")
    assert lawcheck.evaluate(text).result("enforcement.three_systems").status == "pass"


@pytest.mark.parametrize("problem", ["经费不足。", "场地不足。", "普法宣传针对性不强。", "经验总结不够。"])
def test_a_short_concrete_shortcoming_is_not_eaten_by_vague_words(problem):
    card = lawcheck.evaluate(LINGSHOU.replace(SHORTCOMINGS, "但还存在一些不足:" + problem))
    assert card.result("content.shortcomings").status == "pass"


@pytest.mark.parametrize(("title", "organ"), [
    ("2021年度法治政府依法行政工作报告", None),
    ("2021年度服务型政府建设工作报告", None),
    ("关于灵寿县卫生健康局2021年度法治政府建设情况的报告", "灵寿县卫生健康局"),
    ("2021年度东湖街道办事处法治政府建设工作报告", "东湖街道办事处"),
])
def test_the_organ_after_a_year_is_a_body_with_a_place(title, organ):
    body = "\n2021年，我们坚持以习近平法治思想为指导，扎实推进法治政府建设。\n一、主要举措和成效\n全年取消行政许可事项12项。\n"
    assert lawcheck.evaluate(title + body).document.organ == organ


def _plan_as(plan: str) -> str:
    i = LINGSHOU.index("三、下一步工作计划\n") + len("三、下一步工作计划\n")
    j = LINGSHOU.index("特此报告")
    return LINGSHOU[:i] + plan + "\n" + LINGSHOU[j:]


@pytest.mark.parametrize("plan", [
    "2022年,我县将坚持以习近平法治思想为指导,深入贯彻落实党中央、国务院关于法治政府建设的决策部署,以更高标准、更严要求、"
    "更实举措,奋力谱写新时代法治政府建设新篇章,为建设经济强县、美丽灵寿营造良好法治环境。",
    "(一)坚持高位推动,强化责任担当。(二)坚持问题导向,补齐短板弱项。(三)坚持守正创新,打造特色亮点。",
])
def test_a_plan_of_slogans_sets_out_no_arrangement(plan):
    assert lawcheck.evaluate(_plan_as(plan)).result("content.next_year_plan").status == "partial"


def test_a_plan_naming_tasks_among_slogans_is_a_plan():
    plan = ("(一)坚持高位推动,强化责任担当。(二)全面推行行政执法三项制度,开展行政执法案卷评查。"
            "(三)加强规范性文件备案审查,组织开展法治宣传进乡村活动。")
    assert lawcheck.evaluate(_plan_as(plan)).result("content.next_year_plan").status == "pass"
