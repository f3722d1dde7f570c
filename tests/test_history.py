"""Year over year (issue 16): items, copied passages, the review, the rules, compare for a pair and a folder."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest
import yaml

import lawcheck
from lawcheck.analysis import analyse
from lawcheck.cli import main
from lawcheck.model import PreviousReport
from lawcheck.packs import load_pack
from lawcheck.templates import clusters, fingerprints, place_names
from lawcheck.text.copies import copies, skeleton
from lawcheck.text.items import items
from lawcheck.text.normalize import normalize
from lawcheck.text.structure import PLAN, SHORTCOMINGS, build
from tests.helpers.history_eval import DATA, SECOND, agreement, group, load, measure, pairs

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "fixtures"


def _fixture(name: str) -> str:
    return (FIX / f"{name}.txt").read_text(encoding="utf-8")


def _review(last: str, this: str, **kw):  # type: ignore[no-untyped-def]
    card = lawcheck.evaluate(this, previous=PreviousReport(name="上年", text=last), **kw)
    assert card.history is not None
    return card


def _items_of(text: str, role: str) -> list[str]:
    st = build(normalize(text))
    return [st.text[i.start:i.end] for i in items(st, role)]


# ---------------------------------------------------------------- items


def test_items_from_subsections():
    text = ("一、主要举措和成效\n全年办理行政复议案件42件。\n二、2024年工作打算\n(一)深化行政复议体制改革。统一受理标准。\n"
            "(二)推进综合行政执法。组织执法人员轮训。\n")
    got = _items_of(text, PLAN)
    assert len(got) == 2 and got[0].startswith("(一)深化") and got[1].startswith("(二)推进")


_CLOSING_PARAGRAPHS = [
    "我们将在今后的工作中坚持更务实的作风、拿出更有力的举措,争创全国法治政府建设示范市,推动高质量发展走在前列。",
    "2025年,我们将以更加务实的作风推进法治政府建设,为全县高质量发展提供坚实法治保障。",
    "下一步，全区将持续深化法治政府建设，为建设现代化新城贡献法治力量。",
]


@pytest.mark.parametrize("closing", _CLOSING_PARAGRAPHS)
@pytest.mark.parametrize("numbering", ["sections", "paragraphs"])
def test_the_paragraph_closing_a_numbered_plan_is_not_part_of_its_last_task(closing, numbering):
    """Issue 16: the resolve after the last task (real reports end their plan with one: 002_yixing_2020)
    is no task: left in the last item, its general words carried that task over to any report closing the
    same way."""
    tasks = (["(一)深化行政复议体制改革\n整合行政复议职责，统一受理标准。", "(二)推进综合行政执法\n组织执法人员轮训。"]
             if numbering == "sections" else
             ["1.深化行政复议体制改革，整合行政复议职责，统一受理标准。", "2.推进综合行政执法，组织执法人员轮训。"])
    text = "一、主要举措和成效\n全年办理行政复议案件42件。\n二、2024年工作打算\n" + "\n".join(tasks) + "\n" + closing + "\n"
    got = _items_of(text, PLAN)
    assert len(got) == 2 and "轮训" in got[1]
    assert not any(closing[:8] in g for g in got)


def test_a_resolve_inside_a_task_s_own_paragraph_stays_with_it():
    text = ("一、主要举措和成效\n全年办理行政复议案件42件。\n二、2024年工作打算\n(一)深化行政复议体制改革\n整合行政复议职责。\n"
            "(二)推进综合行政执法\n我们将组织执法人员轮训，实现全覆盖。\n")
    got = _items_of(text, PLAN)
    assert len(got) == 2 and "我们将组织执法人员轮训" in got[1]


def test_a_task_is_not_carried_over_by_the_closing_resolve_both_years_write():
    """Last year's plan ends with its resolve; this year's report never mentions the task (复议体制改革)
    and closes its own plan in the same general words: the task is silent, not carried over."""
    resolve = "我们将以更加务实的作风、更加有力的举措推进法治政府建设，争创全国法治政府建设示范市，为“强富美高”新宜兴建设提供有力法治保障。"
    last = ("宜兴市人民政府关于2020年度法治政府建设工作情况的报告\n一、主要举措和成效\n全年办理行政复议案件42件。\n"
            "二、存在的不足\n执法人员数量不够。\n三、2021年工作安排\n(一)推进综合行政执法体制改革\n推动执法力量下沉镇街。\n"
            "(二)开展行政复议体制改革\n深入贯彻落实上级行政复议体制改革方案，整合行政复议职责，畅通行政复议渠道。\n"
            + resolve.replace("更加务实", "更务实") + "\n宜兴市人民政府\n2021年3月29日\n")
    this = ("宜兴市人民政府关于2021年度法治政府建设工作情况的报告\n一、主要举措和成效\n向镇街充实一线执法人员216名，执法力量下沉镇街。\n"
            "二、存在的不足\n执法人员数量仍显不足。\n三、2022年工作安排\n(一)优化法治化营商环境\n开展涉企执法专项监督。\n"
            + resolve + "\n宜兴市人民政府\n2022年3月25日\n")
    h = _review(last, this).history
    reform = next(r for r in h.plan if "复议体制改革" in r.item.text)
    assert reform.outcome == "silent", (reform.outcome, reform.where)
    assert not any("争创" in r.item.text for r in h.plan)  # the resolve is no task of last year's plan


def test_items_from_run_on_markers_and_lead_in():
    text = ("一、主要举措和成效\n全年办理行政复议案件42件。\n二、下一步工作打算\n下一步，我们将重点做好以下工作：\n"
            "一是深化行政复议体制改革，统一受理标准；二是推进综合行政执法，组织执法人员轮训；三是加强法治宣传。\n")
    got = _items_of(text, PLAN)
    assert [g[:2] for g in got] == ["一是", "二是", "三是"]
    assert not any("以下工作" in g for g in got)


def test_a_one_line_list_of_problems_is_split_clause_by_clause():
    text = ("一、主要举措和成效\n全年办理行政复议案件42件。\n二、存在的不足\n"
            "工作中仍然存在一些问题与不足：领导干部法治思维有待提升，执法队伍规范化建设有待加强，普法工作创新性不足等。\n")
    got = _items_of(text, SHORTCOMINGS)
    assert got == ["领导干部法治思维有待提升", "执法队伍规范化建设有待加强", "普法工作创新性不足"]


def test_an_enumerated_problem_told_at_length_is_one_item():
    got = _items_of(_fixture("001_lingshou_2021"), SHORTCOMINGS)
    assert len(got) == 2 and got[0].startswith("一是") and got[1].startswith("二是")


# ---------------------------------------------------------------- copied passages


PARA = ("严格政府常务会文件的合法性审核工作，县依法治县办全程参与县政府常务会文件的合法性审查工作，"
        "2021年对政府常务会议题会前合法性审查125件，提出意见建议38条，均被采纳。")


def _copies(this: str, last: str, **kw):  # type: ignore[no-untyped-def]
    return copies(skeleton(this), skeleton(last), **kw)


def test_numbers_changed_still_copied_and_exact_numbers_setting_sees_them():
    changed = PARA.replace("2021", "2022").replace("125", "138").replace("38", "41")
    assert len(_copies(changed, PARA)) == 1
    # numbers: exact — the changed numbers break the passage into runs too short to count
    exact = copies(skeleton(changed, numbers=True), skeleton(PARA, numbers=True), min_chars=50)
    assert sum(c.this_end - c.this_start for c in exact) < len(changed) - 10


def test_a_moved_clause_is_one_passage():
    a, b = PARA.split("，", 1)
    moved = b.rstrip("。") + "，" + a + "。"
    got = _copies(moved, PARA)
    assert len(got) == 1 and got[0].this_end - got[0].this_start >= len(moved) - 3


def test_a_changed_name_inside_a_passage_does_not_split_it():
    text = ("县司法局组织应急管理局、自然资源规划局、民族宗教局等部门分批对乡镇执法人员进行了法律业务知识培训，"
            "对下放事项结合工作实际进行详细讲解，并就执法过程中遇到的问题做出解答。")
    changed = text.replace("应急管理局、自然资源规划局、民族宗教局", "市场监督管理局、农业农村局、卫生健康局")
    assert len(_copies(changed, text)) == 1


def test_stock_phrases_strung_together_are_not_a_copy():
    last = "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。深入学习贯彻习近平法治思想。"
    this = "坚持以习近平新时代中国特色社会主义思想为指导，我县推进综合行政执法改革，深入学习贯彻习近平法治思想。"
    assert _copies(this, last) == []


def test_two_unrelated_reports_share_no_passage():
    card = _review(_fixture("001_lingshou_2021"), _fixture("002_yixing_2020"))
    assert card.history.copied == [] and card.history.copied_share == 0
    assert not card.history.paired and card.history.pairing  # another organ: said so


def test_last_years_report_with_only_the_year_bumped_is_copied_throughout():
    last = _fixture("001_lingshou_2021")
    # (the dates moved on too: a text on 2022 dated in January 2022 is not that year's report)
    this = last.replace("2021", "2022").replace("2022年1月14日", "2023年1月12日").replace("2022-01-20", "2023-01-20")
    card = _review(last, this)
    h = card.history
    assert h.copied_share > 0.95 and set(h.worst_parts) == {"shortcomings", "plan"}
    assert card.result("history.copied_text").status == "fail"
    assert {r.outcome for r in h.plan} == {"carried_over"} and {r.outcome for r in h.shortcomings} == {"repeated"}
    assert any(not p.verbatim for p in h.copied)  # the years differ: not verbatim


# ---------------------------------------------------------------- the review on labelled pairs


def test_labelled_pairs_copies_found_and_few_invented():
    """The issue's targets on every labelled pair, held-out ones included (measured 50/50 and 48/49: the
    one passage not labelled, in district1b, joins a sentence of figures to one copied with its numbers
    changed)."""
    total_found = total_labelled = total_right = total_reported = 0
    for f in pairs():
        t = measure(f)
        total_found += t.found
        total_labelled += t.labelled
        total_right += t.right
        total_reported += t.reported
    assert total_labelled >= 50 and total_found / total_labelled >= 0.9
    assert total_right / total_reported >= 0.95


@pytest.mark.parametrize("label_file", pairs(held_out=False), ids=lambda p: p.name.split(".")[0])
def test_labelled_pair_copies_all_found_and_none_invented(label_file):
    t = measure(label_file)
    assert t.found == t.labelled, t.notes
    assert t.right == t.reported, t.notes


def test_labelled_pairs_items_placed():
    """Measured 233/257: tuned on 54/60, held out 56/66, fresh 57/60 (the closing resolve of a plan no task,
    the threshold 0.35), and the blind pairs written after that, never tuned on, 66/71 (README, issue 16
    note).  The target is 90%."""
    placed = items_ = 0
    for f in pairs():
        t = measure(f)
        placed += t.placed
        items_ += t.items
    assert items_ >= 257 and placed / items_ >= 0.9


def test_the_second_reading_covers_every_labelled_item_of_the_first_two_sets():
    """tests/data/history_second: a second reader's outcome for each item of ../history and
    ../history_heldout, by the same quote, found where it says (the agreement figure rests on this)."""
    seen = 0
    for f in [*group("tuned on"), *group("held out")]:
        labels, _last, this = load(f)
        second = yaml.safe_load((SECOND / f"{f.name.split('.')[0]}.mine.yaml").read_text(encoding="utf-8"))
        for key, allowed in (("plan_items", {"done", "carried_over", "admitted", "silent"}),
                             ("shortcomings", {"addressed", "repeated", "silent"})):
            mine, theirs = labels.get(key) or [], second.get(key) or []
            assert [x["last_quote"] for x in mine] == [x["last_quote"] for x in theirs], f.name
            for x in theirs:
                assert x["outcome"] in allowed
                assert x["outcome"] == "silent" or x.get("this_quote"), (f.name, x["last_quote"])
                if x.get("this_quote"):
                    assert x["this_quote"] in this, (f.name, x["this_quote"])
            seen += len(theirs)
    assert seen == 126
    a = agreement()
    assert a.items == 126 and a.readers >= a.tool_label  # two readers agree at least as often as lawcheck


def test_each_outcome_occurs_on_the_labelled_pairs():
    seen = set()
    for f in pairs():
        _labels, last, this = load(f)
        h = _review(last, this).history
        seen |= {r.outcome for r in [*h.plan, *h.shortcomings]}
    assert seen == {"done", "carried_over", "admitted", "silent", "addressed", "repeated"}


def test_offsets_point_into_both_original_texts():
    _labels, last, this = load(DATA / "changsheng.labels.yaml")
    # Windows line ends and full-width punctuation: the normalised views differ from the originals.
    last = last.replace("\n", "\r\n").replace(",", "，").replace("(", "（").replace(")", "）")
    this = this.replace(",", "，")
    h = _review(last, this).history
    for r in [*h.plan, *h.shortcomings]:
        assert last[r.item.start:r.item.end] == r.item.text
        if r.where:
            assert this[r.where.start:r.where.end] == r.where.text
    assert h.copied
    for p in h.copied:
        assert this[p.this.start:p.this.end] == p.this.text
        assert last[p.last.start:p.last.end] == p.last.text


def test_silent_and_carried_over_items_come_first():
    _labels, last, this = load(DATA / "yixing.labels.yaml")
    order = [r.outcome for r in _review(last, this).history.plan]
    rank = {"silent": 0, "carried_over": 1, "admitted": 2, "done": 3}
    assert order == sorted(order, key=rank.get)


def test_history_is_deterministic():
    _labels, last, this = load(DATA / "hetang.labels.yaml")
    assert _review(last, this).model_dump_json() == _review(last, this).model_dump_json()


# ---------------------------------------------------------------- the rules and the policy


def test_without_last_year_the_history_rules_do_not_apply():
    card = lawcheck.evaluate(_fixture("001_lingshou_2021"))
    assert card.history is None
    assert {r.status for r in card.results if r.kind == "history"} == {"not_applicable"}


def test_history_is_reported_beside_the_score_by_default():
    _labels, last, this = load(DATA / "changsheng.labels.yaml")
    card = _review(last, this)
    plain = lawcheck.evaluate(this)
    assert card.score == plain.score
    assert card.result("history.copied_text").status == "fail" and not card.result("history.copied_text").scored
    assert "history.copied_text" not in {m.rule for m in card.missing}
    assert not card.history.in_score


def _pack_copy(tmp_path: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    dst = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", dst, ignore=shutil.ignore_patterns("_packs"))
    edit(dst)
    return dst


def test_the_policy_can_count_history_in_the_score(tmp_path):
    def on(d: Path) -> None:
        p = d / "policy.yaml"
        p.write_text(p.read_text(encoding="utf-8").replace("history_in_score: false", "history_in_score: true"),
                     encoding="utf-8")

    pack = load_pack(_pack_copy(tmp_path, on))
    _labels, last, this = load(DATA / "changsheng.labels.yaml")
    card = _review(last, this, rules=pack)
    assert card.result("history.copied_text").scored and card.history.in_score
    assert card.score < lawcheck.evaluate(this, rules=pack).score
    assert "history.copied_text" in {m.rule for m in card.missing}


def test_what_counts_as_copied_is_read_from_the_rule(tmp_path):
    def longer(d: Path) -> None:
        p = d / "history" / "copied_text.yaml"
        p.write_text(p.read_text(encoding="utf-8").replace("min_chars: 50", "min_chars: 150"), encoding="utf-8")

    _labels, last, this = load(DATA / "changsheng.labels.yaml")
    default = _review(last, this).history.copied
    fewer = _review(last, this, rules=load_pack(_pack_copy(tmp_path, longer))).history.copied
    assert len(fewer) < len(default) and all(p.length >= 150 for p in fewer)


# ---------------------------------------------------------------- templates


def _prints(texts: dict[str, str]):  # type: ignore[no-untyped-def]
    pack = load_pack(None)
    out = []
    for key, text in texts.items():
        a = analyse(text, pack)
        out.append(fingerprints(a.st, key, a.organ, a.year))
    return out


def test_place_names():
    assert place_names("彭水苗族土家族自治县长生镇人民政府")[:1] == ["彭水苗族土家族自治县长生镇"]
    assert "长生镇" in place_names("彭水苗族土家族自治县长生镇人民政府")
    assert place_names("灵寿县人民政府") == ["灵寿县", "灵寿"]
    assert place_names(None) == []


def test_a_template_shared_by_two_townships_is_found_with_their_names_changed():
    town = (DATA / "changsheng.this.txt").read_text(encoding="utf-8")
    other = town.replace("长生镇", "保家镇").replace("龙汇社区", "鹿鸣社区")
    found = clusters(_prints({"a": town, "b": other, "c": _fixture("002_yixing_2020")}))
    assert len(found) == 1 and found[0].units == [0, 1]
    assert min(found[0].covered.values()) > 1000


def test_unrelated_reports_share_no_template():
    assert clusters(_prints({k: _fixture(k) for k in ("001_lingshou_2021", "002_yixing_2020", "000-1", "000-4")})) == []


# ---------------------------------------------------------------- the command line


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_compare_two_files(capsys):
    code, out, err = _run(capsys, "compare", str(FIX / "003_changsheng_2020.txt"), str(DATA / "changsheng.this.txt"))
    assert code == 0 and err == ""
    assert "历年对照" in out and "未提及" in out and "“存在的不足”部分大段照搬" in out


def test_compare_refuses_another_body_without_force(capsys):
    last, this = str(FIX / "001_lingshou_2021.txt"), str(DATA / "changsheng.this.txt")
    code, out, err = _run(capsys, "compare", last, this)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert "001_lingshou_2021.txt" in err and "--force" in err
    code, out, _ = _run(capsys, "compare", last, this, "--force")
    assert code == 0 and "两份报告不是同一机关" in out


def test_compare_json_html_and_check_previous(capsys, tmp_path):
    last, this = str(FIX / "003_changsheng_2020.txt"), str(DATA / "changsheng.this.txt")
    code, out, _ = _run(capsys, "compare", last, this, "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["history"]["copied"] and data["history"]["plan_counts"]["silent"] >= 1
    code, out, _ = _run(capsys, "check", this, "--previous", last, "--format", "json")
    assert json.loads(out)["history"] == data["history"]
    page = tmp_path / "p.html"
    code, _, _ = _run(capsys, "compare", last, this, "--format", "html", "-o", str(page))
    html = page.read_text(encoding="utf-8")
    n = len(data["history"]["copied"])
    for k in range(1, n + 1):  # every copy marked in both texts, each linking to the other
        assert f'id="cp-this-{k}"' in html and f'href="#cp-last-{k}"' in html
    assert html.count('<mark class="cp"') >= n + 1


def _folder(tmp_path: Path) -> Path:
    root = tmp_path / "reports"
    (root / "2020").mkdir(parents=True)
    (root / "2021").mkdir()
    shutil.copy(FIX / "003_changsheng_2020.txt", root / "2020" / "长生镇.txt")
    shutil.copy(DATA / "changsheng.this.txt", root / "2021" / "长生镇.txt")
    shutil.copy(FIX / "002_yixing_2020.txt", root / "2020" / "宜兴.txt")
    shutil.copy(DATA / "yixing.this.txt", root / "2021" / "宜兴.txt")
    town = (DATA / "changsheng.this.txt").read_text(encoding="utf-8")
    (root / "2021" / "保家镇.txt").write_text(town.replace("长生镇", "保家镇"), encoding="utf-8")
    (root / "2021" / "broken.txt").write_bytes(b"\x00\x01 not a report")
    return root


def test_compare_a_folder(capsys, tmp_path):
    root = _folder(tmp_path)
    code, out, _err = _run(capsys, "compare", str(root), "-j", "1", "--format", "json")
    assert code == 2  # the broken file is a row with its error; the rest is reviewed
    review = json.loads(out)
    rows = {Path(u["this"]).relative_to(root).as_posix(): u for u in review["units"]}
    assert rows["2021/broken.txt"]["error"]
    assert rows["2021/长生镇.txt"]["last"].endswith("2020/长生镇.txt")
    assert rows["2021/长生镇.txt"]["paired_by"] == "organ_year"
    assert rows["2021/长生镇.txt"]["worst_parts"] == ["shortcomings"]
    assert rows["2021/宜兴.txt"]["last"].endswith("2020/宜兴.txt")
    assert "2020/宜兴.txt" not in rows  # last year's report is in its pair's row
    assert rows["2021/保家镇.txt"]["last"] is None and rows["2021/保家镇.txt"]["templates"] == [1]
    [cluster] = review["clusters"]
    assert sorted(Path(u).name for u in cluster["units"]) == ["保家镇.txt", "长生镇.txt"]
    # the same bytes with workers
    _code2, out2, _ = _run(capsys, "compare", str(root), "-j", "2", "--format", "json")
    assert out2 == out


def test_compare_a_folder_csv_text_and_html(capsys, tmp_path):
    root = _folder(tmp_path)
    _code, out, _ = _run(capsys, "compare", str(root), "--format", "csv")
    assert out.startswith("\ufeff本年度报告,单位,") and "未提及的安排" in out.splitlines()[0]
    import csv as _csv
    import io as _io

    rows = list(_csv.reader(_io.StringIO(out)))
    assert {len(r) for r in rows} == {len(rows[0])}  # every row, an error row too, has every column
    _code, out, _ = _run(capsys, "compare", str(root), "--format", "csv", "--lang", "en")
    rows = list(_csv.reader(_io.StringIO(out)))
    assert rows[0][:2] == ["\ufeffthis", "organ"] and {len(r) for r in rows} == {len(rows[0])}
    _code, out, _ = _run(capsys, "compare", str(root))
    assert "共用模板段落的单位（1组）" in out and "未提及：" in out
    _code, _, _err = _run(capsys, "compare", str(root), "--format", "html", "-o", str(tmp_path / "out"))
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert 'id="tpl-1"' in index and ".html" in index
    assert len(list((tmp_path / "out").glob("*.html"))) == 3  # the index and the two pairs' pages


def test_pairs_csv_overrides_and_bad_rows_are_named(capsys, tmp_path):
    root = _folder(tmp_path)
    pairs_csv = root / "pairs.csv"
    # 保家镇 given 长生镇's 2020 report by hand
    pairs_csv.write_text("上一年度,本年度\n2020/长生镇.txt,2021/保家镇.txt\n", encoding="utf-8")
    code, out, _ = _run(capsys, "compare", str(root), "--pairs", str(pairs_csv), "--format", "json")
    rows = {Path(u["this"]).name + Path(u["this"]).parent.name: u for u in json.loads(out)["units"]}
    assert rows["保家镇.txt2021"]["paired_by"] == "pairs_csv"
    pairs_csv.write_text("2020/长生镇.txt,2021/nope.txt\n", encoding="utf-8")
    code, out, err = _run(capsys, "compare", str(root), "--pairs", str(pairs_csv))
    assert code == 2 and "第1行" in err and "nope.txt" in err and len(err.strip().splitlines()) == 1


def test_compare_never_writes_to_its_inputs(capsys, tmp_path):
    last, this = tmp_path / "last.txt", tmp_path / "this.txt"
    shutil.copy(FIX / "003_changsheng_2020.txt", last)
    shutil.copy(DATA / "changsheng.this.txt", this)
    before = this.read_bytes()
    code, _, err = _run(capsys, "compare", str(last), str(this), "-o", str(this))
    assert code == 2 and this.read_bytes() == before and err


def test_rule_examples_need_last_year(tmp_path):
    pack = load_pack(None)
    for rule in (r for r in pack.rules if r.kind == "history"):
        for status, examples in rule.examples.by_status().items():
            for ex in examples:
                assert (ex.previous is not None) == (status != "not_applicable"), rule.id


def test_labels_quote_their_files_exactly():
    for f in pairs():
        labels, last, this = load(f)
        for key in ("plan_items", "shortcomings"):
            for lab in labels.get(key) or []:
                assert last.count(lab["last_quote"]) == 1, lab
                if lab.get("this_quote"):
                    assert lab["this_quote"] in this, lab
        for lab in labels.get("copied") or []:
            assert lab["this_quote"] in this and lab["last_quote"] in last
        assert yaml.safe_load(f.read_text(encoding="utf-8"))["last"].startswith("fixtures/")


def test_compare_guards_every_input_against_the_output(capsys, tmp_path):
    last, this = tmp_path / "last.txt", tmp_path / "this.txt"
    shutil.copy(FIX / "003_changsheng_2020.txt", last)
    shutil.copy(DATA / "changsheng.this.txt", this)
    before = last.read_bytes()
    for argv in (["compare", str(last), str(this), "-o", str(last)],
                 ["check", str(this), "--previous", str(last), "-o", str(last)]):
        code, _, err = _run(capsys, *argv)
        assert code == 2 and last.read_bytes() == before and "last.txt" in err, argv
    # A folder's HTML into a folder where last year's report is named index.html: refused, nothing lost.
    root = _folder(tmp_path)
    index = root / "2020" / "index.html"
    index.write_text((FIX / "001_lingshou_2021.txt").read_text(encoding="utf-8"), encoding="utf-8")
    kept = index.read_bytes()
    code, _, err = _run(capsys, "compare", str(root), "--format", "html", "-o", str(root / "2020"))
    assert code == 2 and index.read_bytes() == kept and err.strip()


def test_compare_arguments_that_make_no_sense_are_one_line_errors(capsys, tmp_path):
    one = str(FIX / "003_changsheng_2020.txt")
    root = _folder(tmp_path)
    for argv, says in ((["compare", one], "两个文件"),
                       (["compare", one, one, one], "两个文件"),
                       (["compare", str(root), "--year", "2021"], "--year"),
                       (["compare", str(root), "--format", "markdown"], "markdown"),
                       (["compare", str(root), "--format", "html"], "-o"),
                       (["compare", str(tmp_path / "nope"), one], "nope"),
                       (["compare", one, one], "同一个文件")):
        code, out, err = _run(capsys, *argv)
        assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and says in err, (argv, err)
    (tmp_path / "adir").mkdir()
    code, _, err = _run(capsys, "compare", one, str(DATA / "changsheng.this.txt"), "--format", "html",
                        "-o", str(tmp_path / "adir"))
    assert code == 2 and "adir" in err


def test_check_previous_refuses_another_body_unless_forced(capsys):
    this, other = str(DATA / "changsheng.this.txt"), str(FIX / "001_lingshou_2021.txt")
    code, out, err = _run(capsys, "check", this, "--previous", other, "--format", "json")
    assert code == 2 and out == "" and "--force" in err
    code, out, _ = _run(capsys, "check", this, "--previous", other, "--format", "json", "--force")
    assert json.loads(out)["history"]["pairing"]


def test_pairs_csv_in_gbk_and_rows_that_make_no_sense(capsys, tmp_path):
    root = _folder(tmp_path)
    pairs_csv = root / "pairs.csv"
    pairs_csv.write_bytes("上一年度,本年度\n2020/长生镇.txt,2021/保家镇.txt\n".encode("gbk"))  # Excel on Chinese Windows
    code, out, err = _run(capsys, "compare", str(root), "--pairs", str(pairs_csv), "--format", "json")
    rows = {u["this"]: u for u in json.loads(out)["units"]}
    assert any(u["paired_by"] == "pairs_csv" and u["this"].endswith("保家镇.txt") for u in rows.values()), err
    for body, says in (("2021/长生镇.txt,2021/长生镇.txt\n", "同一个文件"),
                       ("2020/长生镇.txt,2021/保家镇.txt\n2020/宜兴.txt,2021/保家镇.txt\n", "第2行"),
                       ("a,b,c\n", "两列")):
        pairs_csv.write_text(body, encoding="utf-8")
        code, out, err = _run(capsys, "compare", str(root), "--pairs", str(pairs_csv))
        assert code == 2 and says in err and len(err.strip().splitlines()) == 1, (body, err)


def test_a_pairs_csv_row_of_another_body_is_an_error_row_unless_forced(capsys, tmp_path):
    root = _folder(tmp_path)
    pairs_csv = root / "pairs.csv"
    pairs_csv.write_text("2020/宜兴.txt,2021/保家镇.txt\n", encoding="utf-8")
    code, out, _ = _run(capsys, "compare", str(root), "--pairs", str(pairs_csv), "--format", "json")
    row = next(u for u in json.loads(out)["units"] if u["this"].endswith("保家镇.txt"))
    assert code == 2 and "--force" in row["error"]
    code, out, _ = _run(capsys, "compare", str(root), "--pairs", str(pairs_csv), "--format", "json", "--force")
    row = next(u for u in json.loads(out)["units"] if u["this"].endswith("保家镇.txt"))
    assert row["error"] is None and row["pairing"] and row["paired_by"] == "pairs_csv"


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
def test_file_names_that_are_not_utf8_are_shown_not_fatal(capsys, tmp_path):
    root = tmp_path / "b"
    root.mkdir()
    last = os.path.join(os.fsencode(root), b"last\xff.txt")
    this = os.path.join(os.fsencode(root), b"this\xfe.txt")
    with open(last, "wb") as f:
        f.write((FIX / "003_changsheng_2020.txt").read_bytes())
    with open(this, "wb") as f:
        f.write((DATA / "changsheng.this.txt").read_bytes())
    for fmt in ("json", "csv", "text"):
        code, out, err = _run(capsys, "compare", str(root), "--format", fmt)
        assert code == 0 and "内部错误" not in err and "\udcfe" not in out, (fmt, err)
        assert "this\ufffd.txt" in out or "this\\xfe" in out, fmt
    code, _, err = _run(capsys, "compare", str(root), "--format", "html", "-o", str(tmp_path / "out"))
    assert code == 0 and (tmp_path / "out" / "index.html").exists(), err


def test_two_reports_of_one_unit_and_year_are_told_apart(capsys, tmp_path):
    root = _folder(tmp_path)
    shutil.copy(root / "2021" / "长生镇.txt", root / "2021" / "长生镇 (1).txt")
    _code, out, _ = _run(capsys, "compare", str(root), "--format", "json")
    rows = {Path(u["this"]).name: u for u in json.loads(out)["units"] if "2021" in u["this"]}
    # The first by name ("长生镇 (1).txt" sorts before "长生镇.txt") is paired; both rows say there are two.
    assert rows["长生镇 (1).txt"]["last"] and not rows["长生镇.txt"]["last"]
    assert any("长生镇 (1).txt" in n for n in rows["长生镇.txt"]["pairing"])
    assert any("长生镇.txt" in n for n in rows["长生镇 (1).txt"]["pairing"])
    _code, out, _ = _run(capsys, "compare", str(root))
    assert "长生镇 (1).txt" in out


def _operations(last: str, this: str) -> int:
    """Built-in calls made by the item placing (lawcheck.history._place): a count, not a time."""
    from lawcheck import history

    pack = load_pack(None)
    a, b = analyse(this, pack), analyse(last, pack)
    n = 0

    def count(frame, event, arg):  # type: ignore[no-untyped-def]
        nonlocal n
        if event == "c_call" and frame.f_code is history._place.__code__:
            n += 1

    pair = history.Pair(a, b, pack.words)
    sys.setprofile(count)
    try:
        pair.plan(history.Match())
        pair.problems(history.Match())
    finally:
        sys.setprofile(None)
    return n


def test_the_history_review_is_linear_on_a_long_repetitive_pair():
    """A report repeated 10 and 40 times (issue 18's shapes): the work per character stays flat (it was
    items × sentences: 16× the work for 4× the text)."""
    last, this = _fixture("001_lingshou_2021"), (DATA / "lingshou.this.txt").read_text(encoding="utf-8")
    small, large = _operations(last * 10, this * 10), _operations(last * 40, this * 40)
    assert small > 0 and large / small <= 4 * 1.5, (small, large)


def test_a_whole_report_copied_is_in_its_measures():
    last = _fixture("001_lingshou_2021")
    this = last.replace("2021", "2022").replace("2022年1月14日", "2023年1月12日").replace("2022-01-20", "2023-01-20")
    h = _review(last, this).history
    longest = max(h.copied, key=lambda p: p.length)
    assert longest.part == "measures"


def test_an_opening_made_of_the_same_political_formulae_is_not_a_copy():
    """Two districts open with 坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻党的十九大和十九届二中、三中、
    四中全会精神: the genre's wording (copied_text's stock phrases), not a copy of each other."""
    this = (DATA / "district5.this.txt").read_text(encoding="utf-8")
    assert "以习近平新时代中国特色社会主义思想为指导" in this
    assert _review(_fixture("000-3"), this).history.copied == []


def test_last_year_given_as_something_else_is_refused_or_unknown(capsys, tmp_path):
    body = _fixture("001_lingshou_2021").split("\n", 3)[3]
    work_report = tmp_path / "2021政府工作报告.txt"
    work_report.write_text("灵寿县人民政府2021年政府工作报告\n" + body, encoding="utf-8")
    this = str(DATA / "lingshou.this.txt")
    for argv in (["compare", str(work_report), this], ["check", this, "--previous", str(work_report)]):
        code, out, err = _run(capsys, *argv)
        assert code == 2 and out == "" and "不是法治政府建设年度报告" in err, argv
    # From Python: never an easy pass — the history rules cannot be judged, and there is no review.
    for previous in ("", "hello", work_report.read_text(encoding="utf-8")):
        card = lawcheck.evaluate((DATA / "lingshou.this.txt").read_text(encoding="utf-8"), previous=previous)
        assert card.history is None
        assert {r.status for r in card.results if r.kind == "history"} == {"unknown"}


def test_this_year_given_as_something_else_is_refused(capsys, tmp_path):
    """compare LAST THIS where THIS is a 政府工作报告: nothing was compared, so it is refused (exit 2, one line naming
    the file), as a last year's report that is no annual report is."""
    body = _fixture("001_lingshou_2021").split("\n", 3)[3]
    work_report = tmp_path / "2022政府工作报告.txt"
    work_report.write_text("灵寿县人民政府2022年政府工作报告\n" + body, encoding="utf-8")
    code, out, err = _run(capsys, "compare", str(FIX / "001_lingshou_2021.txt"), str(work_report))
    assert code == 2 and out == "", (code, out)
    assert "本年度报告不是法治政府建设年度报告" in err and "政府工作报告" in err and str(work_report) in err


def test_a_stock_opening_inside_both_reports_is_not_copied():
    opening = "坚持以习近平新时代中国特色社会主义思想为指导,深入贯彻党的十九大和十九届二中、三中全会精神,"
    last = f"一、主要举措和成效\n{opening}全年办理行政复议案件42件。\n"
    this = f"一、主要举措和成效\n{opening}推进综合执法改革。\n"
    assert _review(last, this).history.copied == []


def test_numbers_exact_counts_a_changed_number_as_a_difference(tmp_path):
    def exact(d: Path) -> None:
        p = d / "history" / "copied_text.yaml"
        p.write_text(p.read_text(encoding="utf-8").replace("numbers: ignore", "numbers: exact"), encoding="utf-8")

    last = "一、主要举措和成效\n" + PARA + "\n"
    this = "一、主要举措和成效\n" + PARA.replace("125", "138").replace("38条", "41条") + "\n"
    ignored = _review(last, this).history.copied
    assert ignored and any("138" in p.this.text for p in ignored)  # ignore: numbers changed, still copied
    pack = load_pack(_pack_copy(tmp_path, exact))
    # exact: the identical text before the first changed number may be a copy; it stops there.
    assert all("138" not in p.this.text for p in _review(last, this, rules=pack).history.copied)


def test_history_rule_settings_that_contradict_themselves_are_refused(tmp_path):
    from lawcheck.errors import RuleFileError

    for old, new in (("worst_parts: [shortcomings, plan]", "worst_parts: [shortcoming, plan]"),
                     ("pass_below: 0.1", "pass_below: 0.5")):
        def edit(d: Path, old: str = old, new: str = new) -> None:
            p = d / "history" / "copied_text.yaml"
            p.write_text(p.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")

        root = tmp_path / new.split(":")[0]
        root.mkdir()
        with pytest.raises(RuleFileError):
            load_pack(_pack_copy(root, edit))


def test_words_from_reports_never_reach_the_terminal_as_control_codes(capsys, tmp_path):
    hostile = "三是\x1b[2J\x1b]0;PWN\x07\u202e"
    last = tmp_path / "last.txt"
    last.write_text(_fixture("003_changsheng_2020").replace("三是", hostile), encoding="utf-8")
    this = tmp_path / "this.txt"
    this.write_text((DATA / "changsheng.this.txt").read_text(encoding="utf-8").replace(
        "四、下步工作打算", "四、下步工作打算\x1b[2J"), encoding="utf-8")
    for argv in (["compare", str(last), str(this)], ["compare", str(last), str(this), "--format", "markdown"],
                 ["compare", str(tmp_path)]):
        _code, out, _ = _run(capsys, *argv)
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out, argv


def test_compare_writes_the_format_its_output_file_names(capsys, tmp_path):
    last, this = str(FIX / "003_changsheng_2020.txt"), str(DATA / "changsheng.this.txt")
    _run(capsys, "compare", last, this, "-o", str(tmp_path / "r.html"))
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    _run(capsys, "compare", last, this, "-o", str(tmp_path / "r.json"))
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["history"]


def test_one_file_reached_twice_is_one_report(capsys, tmp_path):
    root = tmp_path / "E"
    root.mkdir()
    shutil.copy(FIX / "003_changsheng_2020.txt", root / "last.txt")
    shutil.copy(DATA / "changsheng.this.txt", root / "this.txt")
    os.symlink("this.txt", root / "alias.txt")
    os.link(root / "this.txt", root / "hard.txt")
    _code, out, _ = _run(capsys, "compare", str(root), str(root), "--format", "json")
    units = json.loads(out)["units"]
    assert len(units) == 1 and units[0]["last"] and not units[0]["pairing"]
    code, _, err = _run(capsys, "check", str(root / "this.txt"), "--previous", str(root / "alias.txt"), "--force")
    assert code == 2 and "同一个文件" in err


def test_a_passage_of_last_year_copied_twice_links_from_both(tmp_path):
    from lawcheck.render.formats.html import render_report_page

    last = _fixture("003_changsheng_2020")
    this = (DATA / "changsheng.this.txt").read_text(encoding="utf-8")
    twice = next(p for p in _review(last, this).history.copied if p.length > 100).this.text
    this2 = this.replace("(七)", twice + "\n(七)", 1)
    card = _review(last, this2)
    page = render_report_page(card, this2, "this", previous_text=last)
    for k in range(1, len(card.history.copied) + 1):
        assert f'id="cp-last-{k}"' in page and f'id="cp-this-{k}"' in page, k


def test_the_copied_rule_quotes_the_passages_exactly():
    """Its evidence (a SARIF region, the HTML jump) is each copied passage, not a window around its start."""
    card = _review(_fixture("003_changsheng_2020"), (DATA / "changsheng.this.txt").read_text(encoding="utf-8"))
    evidence = {(e.start, e.end) for e in card.result("history.copied_text").evidence}
    assert evidence and evidence <= {(p.this.start, p.this.end) for p in card.history.copied}
