"""The examiner's altered copies of real reports (review of 10 December): each copy is made from a fixture with
plain string handling, the way an examiner edits a report, and the rule that covers what was changed — and no
other — moves."""

from __future__ import annotations

import re

import pytest

import lawcheck
from tests.conftest import FIXTURES


def _text(name: str) -> str:
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")


def _statuses(text: str) -> dict[str, str]:
    return {r.rule: r.status for r in lawcheck.evaluate(text).results}


def _changed(before: str, after: str) -> dict[str, tuple[str, str]]:
    a, b = _statuses(before), _statuses(after)
    return {k: (a[k], b[k]) for k in a if a[k] != b[k]}


# --- The plan's heading lost: its items, numbered anew under the problems, are still the plan. ---

_PLAN_HEAD = re.compile(r"(?m)^\s*[一二三四五六七八九十]+、[^\n]{0,40}(?:下一|下步|思路|打算|安排|计划)[^\n]{0,40}\n")


def _drop_plan_heading(text: str) -> str:
    out, n = _PLAN_HEAD.subn("", text, count=1)
    assert n == 1
    return out


@pytest.mark.parametrize("name", ["000-2", "002_yixing_2020", "004_hetang_2024", "000-1", "001_lingshou_2021",
                                  "003_changsheng_2020", "000-4", "000-5"])
def test_a_plan_whose_heading_is_deleted_is_still_the_plan(name):
    # "三、2021年法治政府建设工作思路" deleted (or lost on the way): the problems' paragraph, then "（一）深化…持续优化…" —
    # items that say what the body goes on doing and nothing lacking.
    text = _text(name)
    assert _changed(text, _drop_plan_heading(text)) == {}


def test_the_problems_numbered_under_their_paragraph_are_no_plan():
    # The problems told in a paragraph and then item by item: the items say what is lacking — no plan.
    text = _text("004_hetang_2024")
    head = text.index("三、下一年度工作打算")
    problems = ("(一)执法队伍方面\n行政执法人员专业素质有待进一步提升,执法水平不高。\n"
                "(二)普法方面\n普法形式较为单一,持续开展的品牌活动偏少,针对性不强。\n"
                "(三)复议应诉方面\n行政机关负责人出庭应诉能力仍需进一步提高。\n")
    altered = text[:head] + problems
    status = _statuses(altered)
    assert status["content.next_year_plan"] == "fail"
    assert status["content.shortcomings"] == "pass"


def test_items_going_on_with_the_year_s_work_under_a_problems_part_are_the_plan():
    # Written fresh in the way 000-2's plan is: no 将, no year, only 继续/持续/不断.
    text = _text("004_hetang_2024")
    head = text.index("三、下一年度工作打算")
    plan = ("(一)加快推进依法行政\n继续贯彻落实领导干部学法制度,坚持常务会议会前学法常态化。\n"
            "(二)持续改善行政执法工作\n不断推进行政执法规范化建设,继续做好行政处罚案卷评查工作。\n")
    assert _statuses(text[:head] + plan)["content.next_year_plan"] == "pass"


def test_items_that_go_on_with_the_work_after_the_problems_are_the_plan_without_a_year():
    # 003 with "四、下步工作打算" and its one "2021年,计划将…" gone: "一是继续加强…", "二是持续开展…" under the problems
    text = (_text("003_changsheng_2020").replace("四、下步工作打算\n", "")
            .replace("2021年,计划将辖区龙汇社区申报", "辖区龙汇社区申报"))
    card = lawcheck.evaluate(text)
    assert [s.heading for s in card.sections if "plan" in s.roles] == ["一是继续加强领导干部学法用法能力建设。"]
    assert card.result("content.next_year_plan").status == "pass"


# --- Every part's heading deleted: the items numbered anew after the problems (or after the plan's lead) are the plan.

_PART_HEAD = re.compile(r"(?m)^\s*[一二三四五六七八九十]+、[^\n]{0,40}\n")


@pytest.mark.parametrize("name", ["000-1", "000-2", "000-5", "001_lingshou_2021", "002_yixing_2020",
                                  "003_changsheng_2020", "004_hetang_2024", "000-4"])
def test_a_report_without_its_part_headings_keeps_its_plan(name):
    # "一、…工作情况", "二、存在的问题", "三、…工作思路" deleted: "（一）…（六）", the problems' paragraph (or the plan's
    # lead "20xx年，区政府将在…"), "（一）…（五）" — the second run is the plan, and what it plans is not done
    text = _text(name)
    altered = _PART_HEAD.sub("", text)
    assert _changed(text, altered) == {}


def test_a_second_run_of_the_year_s_work_is_no_plan():
    # The year's work in two runs, nothing between them telling problems or what is ahead: both the year's work.
    text = _PART_HEAD.sub("", _text("004_hetang_2024"))
    problems = text.index("2024年,我区法治政府建设工作取得了一些新成效,但也仍然存在")
    text = text[:problems] + ("(一)行政复议\n全年办理行政复议案件58件,纠错8件。\n"
                              "(二)行政应诉\n全年行政机关负责人出庭应诉32件,出庭率100%。\n")
    card = lawcheck.evaluate(text)
    assert not [s for s in card.sections if "plan" in s.roles]
    assert card.result("content.next_year_plan").status == "fail"


def test_items_after_the_year_s_own_items_are_no_plan():
    # 003 without its part headings, its problems' items rewritten as work done: "一是…", "二是…" then "一是继续…" —
    # two runs of the year's work, no problems between them: no plan is made of the second.
    text = _PART_HEAD.sub("", _text("003_changsheng_2020"))
    first = text.index("一是部分领导干部")
    second = text.index("一是继续加强")
    text = text[:first] + ("一是领导干部学法制度化。全年集中学法12次。\n\n"
                           "二是执法力量进一步充实。新增执法人员3名。\n\n") + text[second:]
    card = lawcheck.evaluate(text)
    assert not [s for s in card.sections if "plan" in s.roles]


# --- Attachments under a text without its closing: the text is whole, not cut in the middle of a sentence.

_TABLE = ("\n\n附件\n\n20xx年行政执法数据统计表\n\n序号\t单位\t处罚件数\t许可件数\n1\t市场监管局\t120\t300\n"
          "2\t生态环境局\t45\t12\n")


@pytest.mark.parametrize("attached", [
    _TABLE,
    "\n附件:1.20xx年度行政执法数据统计表\n2.重大行政决策事项目录\n",
    "\n附件：20xx年度法治政府建设考核情况表.xls",
    "\n\n附件2\n行政复议案件统计表\n收案 32 审结 30\n",
])
def test_attachments_under_a_text_without_its_closing_change_nothing(attached):
    # 000-3: the year's work alone, no closing; a table or the names of the attachments under its last sentence
    text = _text("000-3")
    altered = text.rstrip() + attached
    assert _changed(text, altered) == {}
    assert not lawcheck.evaluate(altered).document.cut_off


def test_a_text_cut_in_a_sentence_stays_cut_with_attachments_under_it():
    text = _text("000-3")
    cut = text[:text.rindex("形成党委统一领导") + 4]  # stopped mid-sentence
    assert lawcheck.evaluate(cut).document.cut_off
    assert lawcheck.evaluate(cut + _TABLE).document.cut_off


# --- The parts reordered: the year's work after the plan is still the year's work.

_TOP = re.compile(r"(?m)^\s*[一二三四五六七八九十]+、[^\n]*$")
_CN = "一二三四五六七八九十"


def _first_part_last(text: str) -> str:
    """The first part ("一、…工作情况") moved after the last one, the parts renumbered."""
    heads = list(_TOP.finditer(text))
    closing = re.compile(r"(?m)^\s*(?:特此报告|\S{2,30}人民政府\s*$|20\d\d年\d{1,2}月|\d{7,8}\s*$)")
    c = closing.search(text, heads[-1].end())
    end = c.start() if c else len(text)
    parts = [text[h.start():(heads[i + 1].start() if i + 1 < len(heads) else end)].rstrip("\n") + "\n"
             for i, h in enumerate(heads)]
    parts = parts[1:] + parts[:1]
    parts = [re.sub(r"^(\s*)[一二三四五六七八九十]+、", lambda m, i=i: m.group(1) + _CN[i] + "、", p, count=1)
             for i, p in enumerate(parts)]
    return text[:heads[0].start()] + "".join(parts) + text[end:]


@pytest.mark.parametrize("name", ["000-1", "000-2", "000-4", "000-5", "001_lingshou_2021", "002_yixing_2020",
                                  "004_hetang_2024"])
def test_the_year_s_work_moved_after_the_plan_is_still_the_year_s_work(name):
    # "四、2020年度法治政府建设工作情况" / "三、工作开展情况" / "二、20xx年工作总结" after the problems and the plan
    text = _text(name)
    assert _changed(text, _first_part_last(text)) == {}


@pytest.mark.parametrize("heading", ["四、其他需要报告的情况", "四、进一步做好法治宣传"])
def test_a_part_after_the_plan_that_is_not_the_year_s_work_is_not_read_as_it(heading):
    text = _text("001_lingshou_2021")
    closing = text.index("特此报告")
    text = text[:closing] + f"{heading}\n全年办理行政复议案件58件,纠错8件。\n" + text[closing:]
    card = lawcheck.evaluate(text)
    part = next(s for s in card.sections if s.heading == heading)
    assert "measures" not in part.roles
