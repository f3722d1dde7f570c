"""How far a plan or exhortation cue reaches: "按照《…》要求，" frames what was done; a speech (强调，…) or an
instruction to others (要求各部门…) ends where the report counts what was done; "应出庭应诉案件", "依法应当听取意见
的…" and "从未间断" are no plan and no negation.  Found by a domain review of the cues added the round before
(each of these real wordings lost its credit)."""

from __future__ import annotations

import pytest

import lawcheck

REPORT = ("青山县人民政府关于2023年度法治政府建设情况的报告\n一、2023年推进法治政府建设的主要举措和成效\n"
          "(一)加强组织领导。{duty}\n(二)严格规范公正文明执法。{enf}\n(三)推进科学民主依法决策。{dec}\n"
          "二、存在的不足和原因\n一是部分执法人员业务能力不强,主要原因是培训不够系统。\n三、2024年主要安排\n全面落实行政执法三项制度。\n"
          "青山县人民政府\n2024年3月15日\n")
DUTY = "县政府主要负责人认真履行推进法治建设第一责任人职责,主持召开县政府常务会议专题研究法治政府建设工作4次,年底述法。"
ENF = "全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度,全年公示行政执法信息1200条。"
DEC = "5项重大行政决策均严格履行公众参与、专家论证、风险评估、合法性审查、集体讨论决定程序。"


def _status(rule: str, duty: str = DUTY, enf: str = ENF, dec: str = DEC) -> str:
    return lawcheck.evaluate(REPORT.format(duty=duty, enf=enf, dec=dec)).result(rule).status


@pytest.mark.parametrize(("rule", "part", "text"), [
    ("decision.major_procedure", "dec", "按照《重大行政决策程序暂行条例》要求," + DEC),
    ("enforcement.three_systems", "enf", "按照国务院办公厅《关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》要求," + ENF),
    ("content.first_responsible_duty", "duty", "按照《党政主要负责人履行推进法治建设第一责任人职责规定》要求," + DUTY),
    ("content.first_responsible_duty", "duty", "县长在县政府第一次全体会议上强调,要把法治政府建设摆在突出位置,全年主持召开县政府常务会议专题研究法治政府建设工作4次,年底述法。"),
    ("decision.major_procedure", "dec", "县长在常务会议上强调,要严格决策程序," + DEC),
    ("decision.major_procedure", "dec", "要求各部门严格执行决策程序," + DEC),
    ("decision.major_procedure", "dec", "依法应当听取意见的均通过座谈会、听证会等方式开展公众参与," + DEC),
    ("content.first_responsible_duty", "duty", "县政府主要负责人应出庭应诉案件2件,均亲自出庭应诉,并主持召开常务会议专题研究法治政府建设工作4次。"),
    ("content.first_responsible_duty", "duty", "县长每季度听取法治政府建设工作汇报,从未间断,主持召开常务会议专题研究法治政府建设工作4次。"),
    # Found by a third review (each lost its credit): a long relative clause, a plan followed, 将 as 把, the
    # safeguard held, duty never absent.
    ("decision.major_procedure", "dec", "对依法应当组织听证会、专家论证会和社会稳定风险评估的5项重大行政决策,均严格履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序。"),
    ("content.first_responsible_duty", "duty", "县长履行推进法治建设第一责任人职责,按照年度学法计划在县政府常务会议上组织会前学法12次。"),
    ("content.first_responsible_duty", "duty", "县长履行推进法治建设第一责任人职责,将听取法治政府建设工作汇报列入县政府常务会议议题,全年听取汇报4次。"),
    ("content.first_responsible_duty", "duty", "县长主持召开县政府常务会议专题研究法治政府建设工作从未缺位。"),
    ("enforcement.three_systems", "enf", "全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度不打折扣、不走样。"),
    ("decision.major_procedure", "dec", "杜绝一言堂," + DEC),
    # Found by a fourth review (each lost its credit): the leader in court, on a survey, giving the speech,
    # approving the plan; the decisions reviewed in one list with documents and contracts.
    ("content.first_responsible_duty", "duty", "县长带头出庭应诉行政诉讼案件2件。"),
    ("content.first_responsible_duty", "duty", "县政府主要负责人全年出庭应诉2次。"),
    ("content.first_responsible_duty", "duty", "县长先后5次深入乡镇和执法部门调研法治政府建设工作,现场解决问题12个。"),
    ("content.first_responsible_duty", "duty", "县长在全县法治政府建设推进大会上作动员讲话,对全年法治政府建设工作进行安排。"),
    ("content.first_responsible_duty", "duty", "县长审定《2023年法治政府建设工作要点》,签发县政府法治政府建设年度报告。"),
    ("decision.major_procedure", "dec", "全年对县政府重大行政决策、规范性文件、合同协议开展合法性审查86件,重大行政决策均经县政府常务会议集体讨论决定。"),
    ("decision.major_procedure", "dec", "严格落实重大行政决策程序,司法所参与街道重大决策、合同审查等法律事务,进行合法性审查,决策均经集体讨论决定。"),
    # Found by a fifth review (the fourth round's fixes took their credit): the leader with a deputy beside him or
    # holding a deputy post too, a deputy heard; a plan followed.
    ("content.first_responsible_duty", "duty", "县长带领分管副县长专题听取法治政府建设工作汇报2次。"),
    ("content.first_responsible_duty", "duty", "县委副书记、县长(县委全面依法治县委员会副主任)王明主持召开县政府常务会议专题研究法治政府建设工作4次。"),
    ("content.first_responsible_duty", "duty", "县长主持召开县政府常务会议,听取分管副县长关于法治政府建设工作的汇报。"),
    ("content.first_responsible_duty", "duty", "县长按照年初工作计划于3月、9月两次主持召开县政府常务会议专题研究法治政府建设工作。"),
    ("content.first_responsible_duty", "duty", "县长按计划于12月在县委全面依法治县委员会会议上述法。"),
    # Found by a sixth review (each lost its credit): a practice kept, a task commissioned and then heard, the
    # leader acting on the committee's behalf, the safeguard held in a double negative, a plan then what was done.
    ("content.first_responsible_duty", "duty", "县长坚持每季度至少听取1次法治政府建设工作汇报。"),
    ("content.first_responsible_duty", "duty", "县长坚持以上率下、率先垂范,每季度至少听取1次法治政府建设工作汇报。"),
    ("content.first_responsible_duty", "duty", "县长严格落实每季度至少听取1次法治政府建设工作汇报制度。"),
    ("content.first_responsible_duty", "duty", "县政府主要负责人委托县司法局牵头开展法治政府建设第三方评估,并专题听取评估情况汇报。"),
    ("content.first_responsible_duty", "duty", "县长受县委委托,在县委全面依法治县委员会会议上述法。"),
    ("content.first_responsible_duty", "duty", "按照县委统一安排,计划于每季度听取一次法治政府建设工作汇报,全年县长实际主持召开常务会议专题研究法治政府建设工作4次。"),
    ("decision.major_procedure", "dec", "5项重大行政决策均履行公众参与、专家论证、风险评估程序,没有未经合法性审查的重大行政决策提交县政府常务会议集体讨论决定。"),
    ("decision.major_procedure", "dec", "5项重大行政决策均履行公众参与、专家论证、风险评估程序,全年未作出未经合法性审查和集体讨论决定的重大行政决策。"),
    # A count of the year's acts is no quota (found by a fourth attack review: lost their credit).
    ("content.first_responsible_duty", "duty", "县长全年不少于4次主持召开常务会议专题研究法治政府建设工作。"),
    ("content.first_responsible_duty", "duty", "县长以不低于每季度1次的频次主持召开常务会议专题研究法治政府建设工作。"),
])
def test_what_was_done_keeps_its_credit(rule, part, text):
    assert _status(rule, **{part: text}) == "pass", text


@pytest.mark.parametrize(("rule", "part", "text"), [
    ("content.first_responsible_duty", "duty", "县政府主要负责人要带头述法,定期听取法治政府建设工作汇报。"),
    ("content.first_responsible_duty", "duty", "县长在推进会上强调,各级领导干部要切实履行法治建设职责,带头尊法学法守法用法。"),
    ("decision.major_procedure", "dec", "《重大行政决策程序暂行条例》规定,重大行政决策应当履行公众参与、专家论证、风险评估、合法性审查、集体讨论决定程序。"),
    # Found by a third review (each passed): quotas, a plan in a plan's words, acts not done, form only.
    ("content.first_responsible_duty", "duty", "县政府建立常务会议学法制度,规定县长每年至少开展专题学法4次。"),
    ("content.first_responsible_duty", "duty", "县长作为第一责任人,年内至少听取1次法治政府建设工作汇报。"),
    ("content.first_responsible_duty", "duty", "县长要带头述法,每年至少听取2次法治政府建设工作汇报。"),
    ("content.first_responsible_duty", "duty", "县长履行推进法治建设第一责任人职责,计划于2024年一季度主持召开常务会议专题研究法治政府建设工作。"),
    ("content.first_responsible_duty", "duty", "县长履行推进法治建设第一责任人职责,全年未参加述法,也未就法治政府建设作出批示。"),
    # A slogan of leading (found by a ninth review on a real page: full marks).
    ("content.first_responsible_duty", "duty", "县委、县政府主要负责同志自觉扛起法治建设第一责任人职责,从全县大局出发对法治政府建设工作进行统筹谋划、带头推动。"),
    # A quota written into a document after boilerplate 坚持/落实 (found by an eighth review: passed).
    ("content.first_responsible_duty", "duty", "县委县政府坚持高位推动,出台实施办法,规定县长每年至少听取2次法治政府建设工作汇报。"),
    ("content.first_responsible_duty", "duty", "为压实责任、落实到位,县政府印发清单,明确县长每季度至少听取1次法治政府建设工作汇报。"),
    ("enforcement.three_systems", "enf", "行政执法三项制度落实中存在打折扣、走过场现象。"),
    # Found by a fourth review (each passed): a deputy's acts, the duty checked in others.
    ("content.first_responsible_duty", "duty", "县政府主要负责人高度重视法治政府建设,分管副县长多次主持召开专题会议研究法治政府建设工作。"),
    ("content.first_responsible_duty", "duty", "县长委托常务副县长在县委全面依法治县委员会会议上代为述法。"),
    ("content.first_responsible_duty", "duty", "对全县18个乡镇法治政府建设情况开展专项调研,重点督查党政主要负责人履行推进法治建设第一责任人职责情况。"),
    ("decision.major_procedure", "dec", "全年对规范性文件开展合法性审查22件,经集体讨论决定后印发。"),
    # Found by a fifth review: 一般决策事项 are no major decisions, whatever list they stand in.
    ("decision.major_procedure", "dec", "对县政府常务会议拟审议的一般决策事项、规范性文件和合同协议开展合法性审查86件,均经县政府常务会议集体讨论决定。"),
    # Decisions named only to be set aside or for their procedure to be borrowed (found by a fifth attack review).
    ("decision.major_procedure", "dec", "对重大行政决策以外的合同开展合法性审查56件,经常务会议审议通过重大行政决策以外的协议12件。"),
    ("decision.major_procedure", "dec", "参照重大行政决策程序对规范性文件开展合法性审查,经常务会议集体讨论决定。"),
    # Found by a fourth attack review (the third review's fixes had let them pass): plans in a plan's words.
    ("content.first_responsible_duty", "duty", "县长履行推进法治建设第一责任人职责,2024年计划于一季度主持召开常务会议专题研究法治政府建设工作。"),
    ("content.first_responsible_duty", "duty", "县长履行推进法治建设第一责任人职责,2024年度计划召开常务会议专题研究法治政府建设工作。"),
    ("content.first_responsible_duty", "duty", "县长履行推进法治建设第一责任人职责,根据年度工作安排计划于2024年一季度主持召开常务会议专题研究法治政府建设工作。"),
    ("content.first_responsible_duty", "duty", "县长履行推进法治建设第一责任人职责,结合实际计划在2024年主持召开常务会议专题研究法治政府建设工作。"),
    ("content.first_responsible_duty", "duty", "县长履行推进法治建设第一责任人职责,将主持召开常务会议专题研究法治政府建设工作作为2024年首要任务。"),
    ("content.first_responsible_duty", "duty", "县长履行推进法治建设第一责任人职责,计划主持召开常务会议专题研究法治政府建设工作。"),
])
def test_what_was_only_told_or_recited_does_not_pass(rule, part, text):
    assert _status(rule, **{part: text}) != "pass", text


@pytest.mark.parametrize(("dec", "status"), [
    ("本年度我县未作出重大行政决策。", "not_applicable"),
    ("全年无重大行政决策事项。", "not_applicable"),
    # Not a year without decisions (found by a fifth review: each made the rule not applicable).
    ("对部分乡镇未制定重大行政决策事项目录的问题督促限期整改。", "fail"),
    ("我县尚未制定重大行政决策程序实施细则。", "fail"),
    ("全年审查决策事项25件,无重大行政决策失误。", "fail"),
    # Found by a fifth attack review (each made the rule not applicable and lifted the score): others' years
    # without decisions, a condition, another year, a report that counts its decisions.
    ("各街道本年度均未作出重大行政决策。", "fail"),
    ("区教育局等12个部门无重大行政决策事项。", "fail"),
    ("如无重大行政决策,由各部门自行公布目录。", "fail"),
    ("2022年未作出重大行政决策。", "fail"),
    ("公布县级重大行政决策事项1项。本年度我县未作出重大行政决策。", "fail"),
    # Found by a seventh review: the year's own "均", the conditions not met.
    ("全年均未作出重大行政决策。", "not_applicable"),
    ("本年度无符合条件的重大行政决策事项。", "not_applicable"),
    # The five steps are no count of decisions (found by an eighth review).
    ("本年度我县未作出重大行政决策。修订重大行政决策程序规定,明确重大行政决策五项法定程序。", "not_applicable"),
])
def test_a_year_without_major_decisions_is_said_in_so_many_words(dec, status):
    assert _status("decision.major_procedure", dec=dec) == status, dec


def test_decisions_counted_in_next_years_plan_do_not_contradict_a_year_without_any():
    """A seventh review: "将2项重大行政决策纳入2024年度目录" in the plan cancelled "本年度未作出重大行政决策"."""
    text = REPORT.format(duty=DUTY, enf=ENF, dec="本年度我县未作出重大行政决策。").replace(
        "全面落实行政执法三项制度。", "全面落实行政执法三项制度,将2项重大行政决策纳入2024年度目录。")
    assert lawcheck.evaluate(text).result("decision.major_procedure").status == "not_applicable"
