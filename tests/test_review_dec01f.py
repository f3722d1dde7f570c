"""The gate against gaming and against honest styles (an attack review, 2026-12-01): work said not done after
the act, intentions written as results, terms defined and documents received, a street's own leader, a leader
named in the heading over subjectless sentences, a table of contents without page numbers.  fixtures/004 (a
2024 district report whose duty part is partial: it falls short of the gate on that one item) and fixtures/001,
changed by a sentence or two."""

from __future__ import annotations

import pytest

import lawcheck
from tests.conftest import FIXTURES

HETANG = (FIXTURES / "004_hetang_2024.txt").read_text(encoding="utf-8")
LINGSHOU = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
A = "安排部署全面依法治区重点工作。"
assert A in HETANG


def duty(added: str, text: str = HETANG) -> str:
    return lawcheck.evaluate(text.replace(A, A + added)).result("content.first_responsible_duty").status


def test_the_base_falls_short_on_the_duty():
    assert duty("") == "partial"
    assert duty("区长全年主持召开区政府常务会议专题研究法治政府建设工作3次。") == "pass"


@pytest.mark.parametrize("undone", [
    "\n事项 | 完成情况\n区长主持召开区政府常务会议专题研究法治政府建设 | 未完成\n",
    "区长全年主持召开专题会议研究法治政府建设工作0次。",
    "区长原定主持召开专题会议研究法治政府建设工作，因故取消。",
    "区长主持召开专题会议研究法治政府建设工作被推迟至2025年。",
    "区长鲜有听取法治政府建设工作汇报。",
])
def test_work_said_not_done_after_the_act_is_not_done(undone):
    assert duty(undone) == "partial"


@pytest.mark.parametrize("intended", [
    "区长正在筹备主持召开专题会议研究法治政府建设工作。",
    "区长述法报告正在起草。",
    "区长预计于2025年1月主持召开专题会议研究法治政府建设工作。",
    "待条件成熟后，区长主持召开专题会议研究法治政府建设工作。",
    "区长主持召开专题会议研究法治政府建设工作已列入年度计划。",
])
def test_an_intention_is_not_a_result(intended):
    assert duty(intended) == "partial"


@pytest.mark.parametrize("done", [
    "区长全年主持召开专题会议研究法治政府建设工作3次，督促未完成整改任务的部门限期整改。",
    "区长主持召开专题会议研究法治政府建设工作2次，全年无未完成事项。",
    "区长主持召开专题会议研究法治政府建设工作2次，研究解决推进缓慢的问题。",
])
def test_work_done_beside_others_shortfalls_is_done(done):
    assert duty(done) == "pass"


def _systems(added: str) -> str:
    return lawcheck.evaluate(HETANG.replace(A, A + added)).result("enforcement.three_systems").status


@pytest.mark.parametrize("named", [
    "（注：本报告所称“三项制度”，是指行政执法公示、执法全过程记录、重大执法决定法制审核制度。）",
    "本年度共收到上级文件12件，包括《关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》等。",
])
def test_a_term_defined_or_a_document_received_is_not_the_systems_applied(named):
    assert _systems(named) == _systems("")


def test_the_systems_applied_still_count():
    done = "全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，公示执法信息1200条。"
    assert _systems(done) == "pass"


TOWN = """青山区东城{org}关于2023年度法治政府建设情况的报告
中共青山区委、青山区人民政府:
现将我{self}2023年度法治政府建设情况报告如下:
一、2023年推进法治政府建设的主要举措和成效
(一)加强组织领导。{lead}党{com}书记主持召开党{com}会议专题研究法治建设工作3次,年终在区委依法治区委员会会议上述法。
(二)推进依法行政。全年审查合同12件,办理行政执法案件35件,公示执法信息35条,组织执法人员培训2次。
二、存在的不足和原因
一是法治宣传形式较为单一,主要原因是专业人员不足。
三、2024年工作安排
一是持续深化依法行政,加强执法人员培训。
青山区东城{org}
2024年1月20日
"""


@pytest.mark.parametrize("org, self_, lead, com", [("街道办事处", "街道", "街道", "工委"), ("镇人民政府", "镇", "镇", "委")])
def test_a_streets_own_leader_is_its_own(org, self_, lead, com):
    text = TOWN.format(org=org, self=self_, lead=lead, com=com)
    card = lawcheck.evaluate(text)
    assert card.document.level == "township"
    assert card.result("content.first_responsible_duty").status == "pass"


def test_the_heads_of_streets_below_are_not_the_reporters():
    assert duty("全区12个街道党工委书记主持召开党工委会议专题研究法治建设工作。") == "partial"


@pytest.mark.parametrize("heading", ["（五）区长履职情况", "（五）党政主要负责人履职情况"])
def test_a_leader_named_in_the_heading_acts_in_the_sentences_under_it(heading):
    part = HETANG.index("二、")
    body = "全年主持召开区政府常务会议专题研究法治政府建设工作4次，年底在区委全面依法治区委员会会议上述法。"
    text = HETANG[:part] + heading + "\n" + body + "\n" + HETANG[part:]
    assert lawcheck.evaluate(text).result("content.first_responsible_duty").status == "pass"


def test_a_body_named_under_such_a_heading_acts_for_itself():
    part = HETANG.index("二、")
    body = "区司法局认真贯彻落实上级决策部署，研究部署法治建设重点工作。"
    text = HETANG[:part] + "（五）党政主要负责人履职情况\n" + body + "\n" + HETANG[part:]
    assert lawcheck.evaluate(text).result("content.first_responsible_duty").status == "partial"


def test_a_table_of_contents_without_page_numbers_is_not_the_reports_parts():
    line = "中共灵寿县委、县人大常委会:\n"
    toc = line + "目录\n一、工作开展情况\n二、法治政府建设中存在的问题\n三、下一步工作计划\n"
    plain, listed = lawcheck.evaluate(LINGSHOU), lawcheck.evaluate(LINGSHOU.replace(line, toc))
    assert listed.score == plain.score
    assert [r.status for r in listed.results] == [r.status for r in plain.results]
