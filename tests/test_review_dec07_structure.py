"""Found in the seventh review session (2026-12-02), the structure's part: parts headed without numbers, a
part on last year's problems set right, a long heading over nothing, a document number above the title.
Each test fails on the commit before its fix (052f7e6); the guards hold on both."""

from __future__ import annotations

import re

import pytest

import lawcheck
from lawcheck.text.normalize import normalize
from lawcheck.text.structure import MEASURES, PLAN, SHORTCOMINGS, build
from tests.conftest import FIXTURES


def _report(name: str) -> str:
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")


def _statuses(text: str) -> dict[str, str]:
    return {r.rule: r.status for r in lawcheck.evaluate(text).results}


# The markers of the parts and their subsections ("一、", "（一）"), as bold type on a web page or Word's lost
# automatic numbering leaves a report: the headings stand as lines of their own.
_MARKER = re.compile(r"^(\s*)(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])\s*", re.M)


def _unnumbered(text: str) -> str:
    return _MARKER.sub(r"\1", text)


def _roles_at(text: str, words: str) -> frozenset[str]:
    """The roles of the sentence holding ``words`` in the structure of ``text``."""
    st = build(normalize(text))
    pos = st.text.index(words)
    i = st.sentence_at(pos)
    assert i is not None
    return st.sentences[i].roles


# --- 1. A report whose headings carry no numbers keeps its shortcomings and plan parts.

_PARTS = ("content.shortcomings", "content.shortcoming_causes", "content.next_year_plan")


def test_yixing_without_numbers_keeps_its_parts() -> None:
    """Fixture 002 with its 一、 and （一） markers taken out (the reviewer's repro): "存在的主要问题" and
    "2021年法治政府建设工作思路" were not read as headings — shortcomings partial ("未单列"), causes fail, plan
    partial."""
    numbered = _statuses(_report("002_yixing_2020"))
    plain = _statuses(_unnumbered(_report("002_yixing_2020")))
    assert {r: plain[r] for r in _PARTS} == {r: numbered[r] for r in _PARTS} == dict.fromkeys(_PARTS, "pass")


@pytest.mark.parametrize(("short", "plan"), [
    ("存在的主要问题", "2021年工作打算"), ("短板和不足", "2021年重点工作"), ("差距和不足", "2021年工作思路"),
    ("存在问题与不足", "下步打算"), ("工作中存在的薄弱环节", "2021年度工作安排："), ("短板和不足", "今后工作思路"),
])
def test_unnumbered_headings_in_their_usual_wordings(short: str, plan: str) -> None:
    """The parts' usual headings (RULEBOOK §2.1), written without numbers, head their parts as numbered ones do."""
    text = _report("002_yixing_2020").replace("二、存在的主要问题", f"二、{short}")
    text = text.replace("三、2021年法治政府建设工作思路", f"三、{plan}")
    plain = _unnumbered(text)
    assert short in plain and f"二、{short}" not in plain
    got = _statuses(plain)
    assert {r: got[r] for r in _PARTS} == dict.fromkeys(_PARTS, "pass")
    assert _roles_at(plain, "深化行政审批制度改革") == {PLAN}  # the plan's first task, under its heading


@pytest.mark.parametrize("name", ["003_changsheng_2020", "000-4", "000-1"])
def test_other_reports_without_numbers_keep_their_plan(name: str) -> None:
    """"下步工作打算", "20xx年工作思路", "20xx年法治政府建设重点工作计划" without their numbers."""
    numbered = _statuses(_report(name))
    plain = _statuses(_unnumbered(_report(name)))
    assert plain["content.next_year_plan"] == numbered["content.next_year_plan"] == "pass"
    assert plain["content.shortcomings"] == numbered["content.shortcomings"]


@pytest.mark.parametrize("line", ["补齐基层执法短板", "着力解决群众身边的问题", "科学制定年度普法工作计划",
                                  "聚焦群众反映强烈的突出问题"])
def test_an_unnumbered_measure_naming_problems_or_a_plan_stays_a_measure(line: str) -> None:
    """A line of the year's work that acts on problems or makes a plan is no heading of the shortcomings or the
    plan: the measures under it stay measures (guard: never a part of its own)."""
    text = _unnumbered(_report("002_yixing_2020"))
    anchor = "扎实推进科学制规,完善依法行政制度体系"
    assert anchor in text
    text = text.replace(anchor, f"{line}\n\n  {anchor}", 1)
    assert _roles_at(text, anchor) == {MEASURES}


# --- 2. A part on last year's problems set right is not this year's shortcomings.

_RECTIFIED = "针对上年度报告指出的执法人员法律素养不高、基层法治力量薄弱等问题，本年度组织执法培训6期，问题已全部整改到位。"


@pytest.mark.parametrize("heading", ["上年度存在问题整改情况", "上一年度存在问题整改落实情况",
                                     "上年度存在的问题和不足整改情况", "2019年度存在的主要问题整改进展"])
def test_last_years_problems_set_right_are_not_the_shortcomings(heading: str) -> None:
    """Fixture 000-5 (no shortcomings part) with a part saying last year's problems are fixed: shortcomings went
    fail → pass and the causes passed."""
    text = _report("000-5")
    assert _statuses(text)["content.shortcomings"] == "fail"
    for where in ("end", "before the plan", "without numbers"):
        if where == "end":
            changed = text.rstrip() + f"\n三、{heading}\n{_RECTIFIED}\n"
        else:
            changed = text.replace("二、20xx年工作思路", f"二、{heading}\n\n{_RECTIFIED}\n\n三、20xx年工作思路")
        if where == "without numbers":
            changed = _unnumbered(changed)
        got = _statuses(changed)
        assert got["content.shortcomings"] == "fail", where
        assert got["content.shortcoming_causes"] == "fail", where
        assert SHORTCOMINGS not in _roles_at(changed, "本年度组织执法培训6期")


@pytest.mark.parametrize("heading", ["存在的问题及整改措施", "存在的主要问题和不足", "工作成效与存在的不足"])
def test_a_part_naming_this_years_problems_still_counts(heading: str) -> None:
    """Guard: a heading that names the year's problems, beside a word of rectifying or of results, still heads
    the shortcomings."""
    problems = "执法人员法律素养不高，基层法治力量薄弱，主要原因是培训不够系统。"
    text = _report("000-5").replace("二、20xx年工作思路", f"二、{heading}\n\n{problems}\n\n三、20xx年工作思路")
    assert SHORTCOMINGS in _roles_at(text, "基层法治力量薄弱")
    assert _statuses(text)["content.shortcomings"] == "pass"


# --- 3. A long heading with nothing under it is only a heading.

@pytest.mark.parametrize(("rule", "heading"), [
    ("decision.major_procedure", "（二）严格落实重大行政决策公众参与、专家论证、风险评估、合法性审查、集体讨论决定程序"),
    ("decision.major_procedure", "（二）重大行政决策全面履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定法定程序"),
    ("enforcement.three_systems", "（二）全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度三项制度"),
    ("enforcement.three_systems", "（二）严格执行行政执法公示、执法全过程记录、重大执法决定法制审核制度，规范执法行为"),
])
def test_a_long_heading_over_nothing_is_no_more_than_a_short_one(rule: str, heading: str) -> None:
    """Fixture 000-2 with a heading of more than 40 characters standing right above the next one: it passed the
    rule as a sentence would; a short heading there gives at most partial, as README says."""
    base = _report("000-2")
    anchor = "(二)强化培训,深化宣传,营造浓厚的学法用法"
    assert anchor in base and len(heading) > 40
    text = base.replace(anchor, f"{heading}\n\n{anchor}", 1)
    assert _statuses(text)[rule] != "pass"


def test_a_long_heading_with_its_text_on_the_line_still_counts() -> None:
    """Guard: a subsection's line that goes on into its sentence ("…程序。全年…") states what it says."""
    line = ("（二）严格落实重大行政决策公众参与、专家论证、风险评估、合法性审查、集体讨论决定程序。全年作出重大行政决策"
            "5项，均经公众参与、专家论证、风险评估、合法性审查和集体讨论决定。")
    base = _report("000-2")
    anchor = "(二)强化培训,深化宣传,营造浓厚的学法用法"
    text = base.replace(anchor, f"{line}\n\n{anchor}", 1)
    assert _statuses(text)["decision.major_procedure"] == "pass"


# --- 4. The document number above a title is not part of it.

@pytest.mark.parametrize("number", ["灵政函〔2022〕6号", "灵政字[2022]6号", "灵政报（2022）6号"])
@pytest.mark.parametrize("organ", ["灵寿县人民政府\n", ""])
def test_the_document_number_is_never_in_the_title(number: str, organ: str) -> None:
    """A red head, its number and a title starting 关于 (the reviewer's han3): the title read
    "灵政函〔2022〕6号关于2021年度法治政府建设情况的报告"."""
    body = _report("001_lingshou_2021")
    start = body.index("中共灵寿县委")
    text = f"{organ}{number}\n关于2021年度法治政府建设情况的报告\n{body[start:]}"
    doc = lawcheck.evaluate(text).document
    assert doc.title == "关于2021年度法治政府建设情况的报告"
    assert doc.doc_number is not None and doc.doc_number.endswith("〔2022〕6号")


def test_a_title_over_two_lines_below_the_organ_is_still_read_whole() -> None:
    """Guard: the red head's organ and a title starting 关于 with nothing between them read as one title."""
    doc = lawcheck.evaluate(_report("001_lingshou_2021")).document
    assert doc.title == "灵寿县人民政府关于2021年度法治政府建设情况的报告"
