"""Real reports altered the way a careless or hopeful drafter would (an attacker's review, 2026-12-01): the
element taken out and then said not to be done, put in a document's name, or left to a superior's words.
None of these may raise a rule to pass; the controls (the real wording, the 规定's own requirement met)
keep passing."""

from __future__ import annotations

import pytest

import lawcheck
from tests.conftest import FIXTURES

LINGSHOU = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")


def _result(text: str, rule: str):  # type: ignore[no-untyped-def]
    return next(r for r in lawcheck.evaluate(text).results if r.rule == rule)


# --- the first-responsible duty: the leaders' own acts, told as done

DUTY = "content.first_responsible_duty"
_CUT = LINGSHOU.index("二是党政主要负责人认真履行")
WITHOUT_DUTY = LINGSHOU[:_CUT] + LINGSHOU[LINGSHOU.index("三是着力加强党对法治政府建设的领导"):]


def _with_duty_sentence(sentence: str) -> str:
    return WITHOUT_DUTY.replace("三是着力加强", sentence + "三是着力加强", 1)


@pytest.mark.parametrize("sentence", [
    # the duty named beside its act not done
    "二是县长作为第一责任人,全年未专题听取法治政府建设汇报。",
    "二是县长作为第一责任人,从未主持召开专题会议研究法治政府建设。",
    # the duty only in the name of the regulation passed on
    "二是县司法局转发了《党政主要负责人履行推进法治建设第一责任人职责规定》。",
    # the leaders only in the regulation's name, the work done by no one named
    "二是严格贯彻落实《党政主要负责人履行推进法治建设第一责任人职责规定》,将法治政府建设纳入年度重点工作部署,"
    "与经济发展同谋划、同部署、同推进。",
])
def test_what_does_not_show_the_leaders_acting_does_not_pass(sentence):
    base = _result(WITHOUT_DUTY, DUTY)
    altered = _result(_with_duty_sentence(sentence), DUTY)
    assert altered.status != "pass", (sentence, altered.fraction)
    assert altered.fraction <= base.fraction + 0.25 + 1e-9  # at most the duty named, never an act




# --- the three enforcement systems: put into practice, not received nor said to be missing

THREE = "enforcement.three_systems"
WITHOUT_THREE = LINGSHOU.replace("三是全面贯彻落实行政执法“三项制度”,实现县乡“三项制度”全覆盖。", "").replace(
    "三是加强行政执法监督,对全县行政执法三项制度工作落实情况进行了网络监督检查,对发现的问题督促其立即整改,并限期公示。",
    "三是加强行政执法监督。")


def _with_three_sentence(sentence: str) -> str:
    return WITHOUT_THREE.replace("四是强化行政执法人员管理", sentence + "四是强化行政执法人员管理", 1)


@pytest.mark.parametrize(("rule", "without"), [(DUTY, WITHOUT_DUTY), (THREE, WITHOUT_THREE)])
def test_the_report_as_written_passes_and_without_its_passage_does_not(rule, without):
    assert without != LINGSHOU
    assert _result(LINGSHOU, rule).status == "pass"
    assert _result(without, rule).status != "pass"


@pytest.mark.parametrize("sentence", [
    "三是未按规定推行行政执法公示、执法全过程记录和重大执法决定法制审核制度。",
    "三是未按照要求推行行政执法公示、执法全过程记录和重大执法决定法制审核制度。",
    "三是行政执法三项制度落实效果不佳。",
    "三是行政执法三项制度还停留在纸面上,执行走样。",
    "三是收到市政府办公室印发的《全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度实施方案》。",
    "三是转发《关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的实施方案》。",
])
def test_the_three_systems_said_missing_or_only_received_do_not_pass(sentence):
    altered = _result(_with_three_sentence(sentence), THREE)
    assert altered.status != "pass", (sentence, altered.fraction)


def test_a_received_document_is_told_as_the_near_miss():
    sentence = "三是收到市政府办公室印发的《全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度实施方案》。"
    text = _with_three_sentence(sentence)
    near = _result(text, THREE).near_miss
    assert near is not None and "收到或转发" in near.reason and "实施方案" in near.text


@pytest.mark.parametrize(("rule", "text"), [
    (DUTY, _with_duty_sentence("二是县长认真履行推进法治建设第一责任人职责,主持召开县政府常务会议专题研究法治政府建设工作4次。")),
    # what the 规定 itself asks (the duty's performance in the year-end report), in a real report's words
    (DUTY, _with_duty_sentence("二是严格按照《党政主要负责人履行推进法治建设第一责任人职责规定》,将主要领导法治建设情况纳入"
                               "年度述职。")),
    (THREE, _with_three_sentence("三是全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度,全年公示执法信息"
                                 "1200条。")),
    (THREE, _with_three_sentence("三是印发《青山县重大执法决定法制审核办法》,全面推行行政执法三项制度,实现县乡全覆盖。")),
])
def test_the_leaders_own_acts_and_the_systems_put_into_practice_still_pass(rule, text):
    assert _result(text, rule).status == "pass"


# --- the causes of the shortcomings: named, not waved at

CAUSES = "content.shortcoming_causes"
_PROBLEMS = LINGSHOU.index("二、法治政府建设中存在的问题")
_PLAN = LINGSHOU.index("三、下一步工作计划")


def _with_problems(causes: str) -> str:
    return (LINGSHOU[:_PROBLEMS] + "二、存在的不足和原因\n一是行政机关负责人出庭率偏低。二是行政执法工作还需进一步规范。"
            + causes + "\n" + LINGSHOU[_PLAN:])


@pytest.mark.parametrize("causes", ["产生这些问题的原因是多方面的。", "由于种种原因,部分工作推进不够理想。", "原因待查。",
                                    "个别单位未及时报送原因分析材料。"])
def test_a_cause_waved_at_is_no_cause(causes):
    assert _result(_with_problems(causes), CAUSES).status == "fail"


@pytest.mark.parametrize("causes", ["产生这些问题的原因是多方面的,主观上法治意识不强,客观上执法力量薄弱。",
                                    "究其原因,主要是部分领导干部对依法行政重视程度不够。"])
def test_a_cause_named_still_passes(causes):
    assert _result(_with_problems(causes), CAUSES).status == "pass"


# --- the next year's plan: arrangements, not resolutions

PLAN = "content.next_year_plan"
_END = LINGSHOU.index("特此报告。")


def _with_plan(plan: str) -> str:
    return LINGSHOU[:_PLAN] + "三、下一步工作计划\n" + plan + "\n" + LINGSHOU[_END:]


@pytest.mark.parametrize(("plan", "said"), [
    # resolutions alone
    ("我们将继续努力,推动法治政府建设再上新台阶。", "套话"),
    ("2022年,我们将一如既往,再接再厉,奋发有为,推动各项工作取得新成效。", "套话"),
    # the year's work told again
    ("2021年,我县组织开展了法治宣传活动120场,全县行政执法人员培训考试已经全部完成。", "已经做过"),
    ("全年共办理行政复议案件11件,已结案9件;组织了执法人员培训3期。", "已经做过"),
])
def test_a_plan_part_that_sets_nothing_out_is_partial(plan, said):
    result = _result(_with_plan(plan), PLAN)
    assert result.status == "partial"
    assert said in result.message


@pytest.mark.parametrize("plan", ["2022年,全面落实行政执法三项制度,年内完成执法人员轮训。",
                                  "一是在普法宣传上精准发力,二是持续推进综合执法改革。",
                                  "针对上述问题,我们制定了整改方案,2022年全面落实行政执法三项制度。",
                                  "2021年,我县组织开展了法治宣传活动120场。2022年,全面落实行政执法三项制度。"])
def test_a_plan_that_names_its_tasks_passes(plan):
    assert _result(_with_plan(plan), PLAN).status == "pass"


# --- the addressees: the report's own level or the one above, not a neighbour's

RECIPIENTS = "form.recipients"
ADDRESSEES = "中共灵寿县委、县人大常委会:"


@pytest.mark.parametrize("addressees", ["正定县人民政府:", "中共平山县委、平山县人大常委会:", "中共平山县委:"])
def test_a_neighbouring_county_s_bodies_are_not_the_report_s_addressees(addressees):
    assert ADDRESSEES in LINGSHOU
    result = _result(LINGSHOU.replace(ADDRESSEES, addressees), RECIPIENTS)
    assert result.status == "fail"
    assert addressees.rstrip(":").split("、")[0] in result.message


@pytest.mark.parametrize("addressees", [ADDRESSEES, "石家庄市人民政府:", "中共石家庄市委:"])
def test_the_report_s_own_level_and_the_one_above_are(addressees):
    assert _result(LINGSHOU.replace(ADDRESSEES, addressees), RECIPIENTS).status == "pass"


# --- the decision procedure: followed, not studied, declared or checked in others

DECISION = "decision.major_procedure"
HETANG = (FIXTURES / "004_hetang_2024.txt").read_text(encoding="utf-8")
_CATALOGUE = "公布区级重大行政决策事项1项。"


def _with_decision(sentence: str) -> str:
    assert _CATALOGUE in HETANG
    return HETANG.replace(_CATALOGUE, _CATALOGUE + sentence, 1)


@pytest.mark.parametrize("sentence", [
    "区政府常务会议会前学法,专题学习《重大行政决策程序暂行条例》关于公众参与、专家论证、风险评估、合法性审查和集体讨论决定的规定。",
    "组织学习《条例》,明确公众参与、专家论证、风险评估、合法性审查、集体讨论决定是法定程序。",
    "对全区15个镇街重大行政决策履行公众参与、专家论证、风险评估、合法性审查、集体讨论决定程序情况开展督查。",
    "组织开展全区重大行政决策公众参与、专家论证、风险评估、合法性审查、集体讨论决定程序执行情况专项检查。",
])
def test_the_procedure_studied_declared_or_checked_in_others_is_not_followed(sentence):
    base = _result(HETANG, DECISION)
    altered = _result(_with_decision(sentence), DECISION)
    assert altered.status == base.status and altered.fraction == base.fraction, sentence
    assert altered.near_miss is not None


def test_the_procedure_followed_passes():
    sentence = "全年作出重大行政决策3项,均经公众参与、专家论证、风险评估、合法性审查和区政府常务会议集体讨论决定。"
    assert _result(_with_decision(sentence), DECISION).status == "pass"


def test_a_pack_inherits_the_named_only_patterns_and_may_turn_them_off(tmp_path):
    sentence = "三是收到市政府办公室印发的《全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度实施方案》。"
    text = _with_three_sentence(sentence)
    for own, passes in (("", False), ("named_only_patterns: []\n", True)):
        pack = tmp_path / ("off" if own else "on")
        pack.mkdir()
        (pack / "pack.yaml").write_text(f"id: local\ntitle: {{zh: 本地, en: local}}\nversion: '1'\nextends: core\n{own}",
                                        encoding="utf-8")
        result = next(r for r in lawcheck.evaluate(text, rules=lawcheck.load_pack(pack)).results if r.rule == THREE)
        assert (result.status == "pass") == passes, own


# --- the second attack: what those fixes must not take from real reports, and obligations

_FRD = LINGSHOU[LINGSHOU.index("二是党政主要负责人"):LINGSHOU.index("三是着力加强")]
_NO3 = LINGSHOU.replace("行政执法三项制度工作落实情况", "行政执法工作落实情况")
_THREE = "三是全面贯彻落实行政执法“三项制度”,实现县乡“三项制度”全覆盖。"
_DEC = LINGSHOU[LINGSHOU.index("坚持重大行政决策必须经"):LINGSHOU.index("二是加强行政规范性文件管理")]
_PROB = LINGSHOU[LINGSHOU.index("虽然我县法治政府建设取得"):LINGSHOU.index("三、下一步工作计划")]


@pytest.mark.parametrize(("text", "rule"), [
    # a problem being solved, others' failings, a safeguard, an aim: no negation of the body's own work
    (LINGSHOU.replace(_FRD, "二是县长主持召开县政府常务会议专题研究解决行政机关负责人出庭应诉效果不佳的问题。"), DUTY),
    (_NO3.replace(_THREE, "三是全县执法部门通过政府网站公示执法信息1.2万条,为一线执法人员配备执法记录仪186台;"
                          "对未依法取得许可擅自经营的12起重大行政处罚案件全部进行法制审核。"), THREE),
    (LINGSHOU.replace(_DEC, _DEC + "全年作出重大行政决策5项,坚决杜绝未按照公众参与、专家论证、风险评估、合法性审查、"
                                   "集体讨论决定法定程序作出决策。"), DECISION),
    (_NO3.replace(_THREE, "三是推动行政执法三项制度落地见效、不停留在纸面上。"), THREE),
    (_NO3.replace(_THREE, "三是全面推行行政执法公示、执法全过程记录、重大执法决定法制审核制度,全年行政诉讼尚无一起败诉,"
                          "公示执法信息1200条。"), THREE),
    # study is what the rules ask for, not a document's provisions named
    (LINGSHOU.replace(_FRD, "二是县长在全县领导干部法治培训班上专题讲授新修订《行政处罚法》的主要内容。"), DUTY),
    # the duty performed, with 从未 in a safeguard beside it
    (LINGSHOU.replace(_FRD, "二是县长认真履行推进法治建设第一责任人职责,法治工作从未缺位。县政府常务会议专题研究法治政府建设"
                            "工作3次,会前学法10次。"), DUTY),
    # causes given in any words after 原因是多方面的
    (LINGSHOU.replace(_PROB, "一是行政机关负责人出庭应诉率偏低。二是行政执法工作还需进一步规范。产生这些问题的原因是多方面的。"
                             "部分领导干部仍习惯于凭经验办事、靠行政命令推动工作;乡镇综合执法队伍多为转岗人员,执法经费长期"
                             "依赖上级转移支付。\n"), CAUSES),
])
def test_real_wording_keeps_its_credit(text, rule):
    assert text != LINGSHOU
    assert _result(text, rule).status == "pass"


def test_study_of_the_rule_of_law_thought_is_the_study_asked_for():
    said = "将习近平法治思想贯穿到依法执政、依法行政全过程和各方面,"
    assert said in LINGSHOU
    text = LINGSHOU.replace(said, "").replace("进行了深入学习。", "进行了深入学习。县政府常务会议专题学习习近平法治思想的核心要义和"
                                                             "主要内容。", 1)
    assert _result(text, "era.rule_of_law_thought").status == "pass"


@pytest.mark.parametrize(("organ", "short", "upper", "addressees"), [
    ("长阳土家族自治县", "长阳县", "宜昌市", "中共长阳县委:"),
    ("鄂温克族自治旗", "鄂温克旗", "呼伦贝尔市", "中共鄂温克旗委:"),
])
def test_an_autonomous_county_s_own_bodies_in_their_short_names_are_its_own(organ, short, upper, addressees):
    text = (LINGSHOU.replace(ADDRESSEES, addressees).replace("灵寿县人民政府", organ + "人民政府")
            .replace("灵寿县", organ).replace("石家庄市", upper))
    assert _result(text, RECIPIENTS).status == "pass"


@pytest.mark.parametrize(("text", "rule"), [
    (LINGSHOU.replace(_FRD, "二是市委依法治市办要求,县长须主持召开县政府常务会议专题研究法治政府建设工作。"), DUTY),
    (LINGSHOU.replace(_FRD, "二是市委依法治市办要求,县长必须主持召开县政府常务会议专题研究法治政府建设工作。"), DUTY),
    (_NO3.replace(_THREE, "三是按照国办发〔2018〕118号文件要求,全县各行政执法机关须全面推行行政执法公示、执法全过程记录、"
                          "重大执法决定法制审核制度。"), THREE),
    (_NO3.replace(_THREE, "三是至今没建立行政执法公示、执法全过程记录、重大执法决定法制审核制度。"), THREE),
    (_NO3.replace(_THREE, "三是全县执法部门尚无行政执法公示、执法全过程记录和重大执法决定法制审核制度。"), THREE),
    (_NO3.replace(_THREE, "三是部分执法部门行政执法公示、全过程记录、法制审核等制度缺少专人负责。"), THREE),
    (_NO3.replace(_THREE, "三是重大执法决定法制审核工作尚处空白,行政执法公示和全过程记录执行不严。"), THREE),
    (LINGSHOU.replace(_FRD, "二是县长很少听取法治政府建设工作汇报。"), DUTY),
])
def test_an_obligation_or_a_thing_never_set_up_is_not_done(text, rule):
    assert _result(text, rule).status != "pass"


def _township(addressees: str, organ: str = "辛集市旧城镇", upper: str = "辛集市") -> str:
    return (LINGSHOU.replace(ADDRESSEES, addressees).replace("灵寿县人民政府", organ + "人民政府")
            .replace("灵寿县", organ).replace("石家庄市", upper))


@pytest.mark.parametrize(("text", "status"), [
    # a town of a county-level city reports to that city; a town of a city without counties to the city
    (_township("中共辛集市委、辛集市人民政府:"), "pass"),
    (_township("辛集市人民政府:"), "pass"),
    (_township("东莞市人民政府:", "东莞市虎门镇", "东莞市"), "pass"),
    # the town's name says whose it is: another county is not its level above, nor is the province
    (_township("正定县人民政府:"), "fail"),
    (_township("河北省人民政府:"), "fail"),
])
def test_a_township_s_addressees(text, status):
    assert _result(text, RECIPIENTS).status == status
