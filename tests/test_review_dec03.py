"""Reviews of 2026-12-03 (a researcher's look-alikes, an examiner's altered copies, a reviewer's folder, an
attacker): what they found, pinned."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import lawcheck

ROOT = Path(__file__).resolve().parents[1]
YIXING = (ROOT / "fixtures" / "002_yixing_2020.txt").read_text(encoding="utf-8")
NOTICE_BODY = ("\n\n各乡镇人民政府，县政府各部门：\n为做好2023年度法治政府建设工作，现将有关事项通知如下。\n"
               "一、加强组织领导。各单位主要负责人要切实履行推进法治建设第一责任人职责。\n"
               "二、按时报送。请于2024年1月31日前报送年度报告。\n县人民政府办公室\n2023年3月1日\n")


@pytest.mark.parametrize("number", [" 第3号", "（第3号）", " 宜政办发〔2023〕3号", "（2023年第5期）"])
@pytest.mark.parametrize("body", ["", NOTICE_BODY])
def test_a_notice_numbered_after_its_title_is_a_notice(number: str, body: str) -> None:
    """The number after a title says which document it is, not what it is: "…的通知 第3号" is a notice."""
    card = lawcheck.evaluate("关于做好法治政府建设工作的通知" + number + body)
    assert (card.document.kind, card.document.other_kind) == ("other", "notice"), card.document.kind_reason


def test_a_report_numbered_after_its_title_is_still_the_report() -> None:
    lines = YIXING.split("\n")
    i = next(k for k, ln in enumerate(lines) if "报告" in ln and "法治" in ln)
    lines[i] = lines[i].rstrip() + "（2021年第3号）"
    card = lawcheck.evaluate("\n".join(lines))
    assert card.document.kind == "annual_report"
    assert card.score == lawcheck.evaluate(YIXING).score


# ---------------------------------------------------------------- a page's title outside the extracted article
def _page_around(title_html: str, head: str = "<title>灵寿县人民政府</title>") -> bytes:
    """001 (灵寿 2021) as a CMS page: the title in ``title_html`` above the article, which starts at the report's
    number line (the fixture's own chrome left out)."""
    import html as html_mod

    text = (ROOT / "fixtures" / "001_lingshou_2021.txt").read_text(encoding="utf-8")
    body = text[text.index("灵政函"):]
    paras = "".join(f"<p>{html_mod.escape(ln)}</p>" for ln in body.split("\n") if ln.strip())
    return (f'<html><head><meta charset="utf-8">{head}</head><body><div class="nav">首页 &gt; 政务公开</div>'
            f'{title_html}<div class="info">发布时间：2022-01-20</div><div class="zw">{paras}</div>'
            '<div class="footer">版权所有 灵寿县人民政府</div></body></html>').encode()


REPORT_TITLE = "灵寿县人民政府关于2021年度法治政府建设情况的报告"
PLACES = {
    "div.title": lambda t: (f'<div class="title">{t}</div>', "<title>灵寿县人民政府</title>"),
    "h2": lambda t: (f"<h2>{t}</h2>", "<title>政务公开</title>"),
    "td.bt": lambda t: (f'<table><tr><td class="bt">{t}</td></tr></table>',
                        '<title>详情页</title><meta name="ArticleTitle" content="政府信息公开">'),
    "title tag": lambda t: ("", f"<title>{t}_政府文件_灵寿县人民政府</title>"),
}


@pytest.mark.parametrize("place", sorted(PLACES))
def test_a_reports_title_outside_the_article_is_read(place: str) -> None:
    """The title in an element the extractor leaves out, under a meta title that is a column's or the site's
    name (which used to make 政府信息公开 the title: read as a 政务公开 summary, the report lost)."""
    pytest.importorskip("trafilatura")
    from lawcheck.readers import read_document

    loaded = read_document("page.html", _page_around(*PLACES[place](REPORT_TITLE)))
    card = lawcheck.evaluate(loaded.text, title=loaded.meta.get("title"))
    assert (card.document.kind, card.document.title) == ("annual_report", REPORT_TITLE)
    assert card.document.organ == "灵寿县人民政府" and card.document.report_year == 2021


@pytest.mark.parametrize("place", sorted(PLACES))
@pytest.mark.parametrize(("title", "other_kind"), [
    ("图解：灵寿县2021年度法治政府建设情况报告", "interpretation"),
    ("灵寿县人民政府2021年政府信息公开工作年度报告", "disclosure_report"),
])
def test_a_look_alikes_title_outside_the_article_still_says_what_it_is(place: str, title: str,
                                                                      other_kind: str) -> None:
    """A 图解 page or a 政务公开 annual report carrying a report's text: its title, wherever the page puts it,
    says what it is (the report's text under it passed the gate as the report)."""
    pytest.importorskip("trafilatura")
    from lawcheck.readers import read_document

    loaded = read_document("page.html", _page_around(*PLACES[place](title)))
    card = lawcheck.evaluate(loaded.text, title=loaded.meta.get("title"))
    assert (card.document.kind, card.document.other_kind) == ("other", other_kind)


# ---------------------------------------------------------------- a short opening under the title
def _lingshou_from_parts() -> str:
    text = (ROOT / "fixtures" / "001_lingshou_2021.txt").read_text(encoding="utf-8")
    return text[text.index("一、"):]


@pytest.mark.parametrize("title", ["灵寿县司法局2021年度法治政府建设情况报告", "灵寿县人民政府关于2021年度法治政府建设情况的报告"])
@pytest.mark.parametrize("opening", [
    "2021年,我局坚持以习近平法治思想为指导,现报告如下:",
    "2021年，我县深入学习贯彻习近平法治思想，现将有关情况报告如下：",
    "现将我县2021年度法治政府建设情况报告如下：",
    "根据要求，现将2021年法治政府建设工作情况报告如下:",
])
def test_a_short_opening_leading_into_the_parts_is_not_the_title(title: str, opening: str) -> None:
    """A one-line opening that ends "…报告如下：" stood in the header and, naming a year and 法治…报告, was taken for
    the title: the report read as another field's summary and dropped from a corpus."""
    card = lawcheck.evaluate(title + "\n" + opening + "\n" + _lingshou_from_parts())
    assert (card.document.kind, card.document.title, card.document.report_year) == ("annual_report", title, 2021)


# ---------------------------------------------------------------- an examiner's altered copies
def _result(card: lawcheck.Scorecard, rule: str) -> lawcheck.RuleResult:
    return next(r for r in card.results if r.rule == rule)


@pytest.mark.parametrize("said", ["提交区政府常务会议研究", "经市政府常务会议研究后作出", "提交常务会议研究后出台", "均上会研究"])
def test_a_decision_studied_by_the_standing_meeting_is_discussed_collectively(said: str) -> None:
    """条例第三十条: the 常务会议 or 全体会议 discusses the draft; "经常务会议研究" is how reports most often say it."""
    text = ("一、主要举措和成效\n二是严格落实重大行政决策制定程序。对列入目录的决策事项，决策前均通过座谈会、听证会听取群众意见，"
            f"组织专家学者论证，开展社会稳定风险评估；决策草案经区政府法制机构审查后，{said}。\n")
    assert "collective_discussion" not in _result(lawcheck.evaluate(text), "decision.major_procedure").missing


def _fraction(rule: str, sentence: str) -> float:
    return _result(lawcheck.evaluate("一、主要举措和成效\n" + sentence + "\n"), rule).fraction


@pytest.mark.parametrize(("rule", "done", "intended"), [
    ("content.first_responsible_duty", "市长于12月在市委全面依法治市委员会会议上述法。",
     "市长计划年底在市委全面依法治市委员会会议上述法。"),
    ("content.first_responsible_duty", "县长一季度主持召开常务会议专题研究法治政府建设。",
     "县长打算一季度主持召开常务会议专题研究法治政府建设。"),
    ("enforcement.three_systems", "三是在全县推行行政执法公示、执法全过程记录、重大执法决定法制审核制度。",
     "三是准备在全县推行行政执法公示、执法全过程记录、重大执法决定法制审核制度。"),
    ("content.measures_and_results",
     "推行证明事项告知承诺制，企业开办时间压缩至1个工作日，政务服务事项网上可办率达到98%。"
     "开展行政执法案卷评查，评查案卷156卷，整改问题23个。组织全县各部门法制分管领导100余名干部开展专题培训，"
     "考试合格率达到100%。完成行政复议体制改革，复议案件办结率达到100%。推进综合行政执法改革，"
     "实现乡镇执法队伍全覆盖，执法人员持证上岗率达到100%。",
     "拟推行证明事项告知承诺制，将企业开办时间压缩至1个工作日，政务服务事项网上可办率达到98%。"
     "准备开展行政执法案卷评查，评查案卷156卷，整改问题23个。计划组织全县各部门法制分管领导100余名干部开展专题培训，"
     "确保考试合格率达到100%。打算年底前完成行政复议体制改革，实现复议案件办结率100%。准备推进综合行政执法改革，"
     "实现乡镇执法队伍全覆盖，执法人员持证上岗率达到100%。"),
])
def test_an_intended_act_is_not_told_done(rule: str, done: str, intended: str) -> None:
    """计划/拟/准备/打算 with the act's time or place between and any act after: intended, not done (they
    counted as done where only 计划召开 and a short list of verbs were plans)."""
    assert _fraction(rule, intended) < _fraction(rule, done)


@pytest.mark.parametrize(("rule", "plain", "followed"), [
    ("content.first_responsible_duty", "县长主持召开常务会议专题学法12次。", "县长按照年度学法计划主持召开常务会议专题学法12次。"),
    ("content.first_responsible_duty", "县长主持召开常务会议专题学法12次。", "县长做好准备，主持召开常务会议专题学法12次。"),
])
def test_a_plan_followed_is_done(rule: str, plain: str, followed: str) -> None:
    assert _fraction(rule, followed) == _fraction(rule, plain) > 0


@pytest.mark.parametrize(("sentence", "act"), [
    ("截至目前，对拟以政府名义出台的80份文件进行合法性审查，出具审查意见77份。", "进行合法性审查"),
    ("对全区780余名拟从事行政执法工作的人员开展网络执法培训考核，考核通过率为93.7%。", "开展网络执法培训"),
    ("对27个单位共104名拟提拔干部组织了提职考法，未通过的4人暂缓任职。", "组织了提职考法"),
    ("全年对47个拟建项目开展符合性分析，对不符合准入要求的3个项目予以劝退。", "开展符合性分析"),
    ("年初部署的各项工作总体按计划完成，其余事项正在按计划推进。", "完成"),
    ("做到全区公务人员学法的计划、内容、时间、人员、效果“五落实”。", "五落实"),
    ("推行涉企检查计划年初报备、统筹实施，坚持无事不扰。", "统筹实施"),
    # a second review's finds: 拟 inside a word, 计划 as a noun, work prepared and done
    ("组织青少年走进模拟法庭开展以案释法活动12场。", "开展以案释法"),
    ("草拟并印发《县政府工作规则》,规范决策程序。", "印发"),
    ("在计划生育、安全生产等领域开展行政执法专项检查。", "开展行政执法"),
    ("出台《县行政执法专项监督计划》并组织实施,全年检查案卷120卷。", "组织实施"),
    ("将习近平法治思想纳入县政府党组理论学习中心组学习计划并组织开展专题学习12次。", "组织开展"),
    ("依计划开展领导干部任前法律知识考试7场。", "开展领导干部"),
    ("认真准备并组织召开行政复议听证会3次。", "组织召开"),
    ("县长精心准备并在县委依法治县委员会会议上述法。", "述法"),
    ("区长认真准备述法报告,于2025年1月在区委全面依法治区委员会会议上述法。", "会议上述法"),
    ("虚拟现实普法体验馆建成并开展体验活动30场。", "开展体验"),
    ("计划单列市司法局派员来我县开展调研指导。", "开展调研"),
    ("县政府按年初计划主持召开常务会议专题研究法治政府建设4次。", "主持召开"),
    ("县政府拟出台重大行政决策均经合法性审查后提交县政府常务会议集体讨论决定。", "集体讨论"),
    ("对拟实施重大行政决策事项全部开展社会稳定风险评估。", "开展社会稳定"),
])
def test_the_words_of_a_plan_in_work_done_are_no_plan(sentence: str, act: str) -> None:
    """What the corpus says with 拟/计划 of work done (拟提拔的干部, 按计划完成, 检查计划): the plan cues must not cover
    it (a plan pattern that took 计划/拟 + any act read all of these as intended)."""
    from lawcheck.analysis import analyse
    from lawcheck.packs import default_pack

    a = analyse(sentence, default_pack())
    at = sentence.index(act)
    starts, reach = a.fut_spans
    assert not any(s <= at < e for s, e in zip(starts, reach, strict=True))
    assert not any(s <= at for s in a.fut_starts if "。" not in sentence[s:at])


@pytest.mark.parametrize("sentence", ["坚持由区政府主要负责人主持召开区政府常务会议专题研究法治政府建设4次。",
                                      "区政府坚持主要领导亲自抓,全年主持召开常务会议专题研究法治政府建设4次。",
                                      "认真贯彻落实党政主要负责人履行法治建设第一责任人职责,全年主持召开常务会议专题研究法治政府建设4次。"])
def test_the_reporters_leader_acting_after_jianchi_or_luoshi_counts(sentence: str) -> None:
    """坚持/落实 + the leader is how reports name their own leader acting; only a 制度 or 机制 after it is a system."""
    assert _result(lawcheck.evaluate("一、主要举措和成效\n" + sentence + "\n"),
                   "content.first_responsible_duty").status == "pass"


def test_a_system_for_all_leaders_is_no_act_of_the_reporters_leader() -> None:
    """000-4 without its paragraph on the first duty: what is left names leaders only inside a system rolled out
    for all ("在…重点领域推开主要负责人出庭应诉"); it passed at 0.75 as if the district head had acted."""
    text = (ROOT / "fixtures" / "000-4.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    kept = "\n".join(ln for ln in lines if not ln.lstrip().startswith("一是切实履行法治建设第一责任人职责"))
    assert len(kept) < len(text)
    assert _result(lawcheck.evaluate(text), "content.first_responsible_duty").status == "pass"
    assert _result(lawcheck.evaluate(kept), "content.first_responsible_duty").status == "fail"
    # the leader acting in a clause of its own still counts
    own = kept.replace("推开主要负责人出庭应诉,", "推开主要负责人出庭应诉,区长出庭应诉2次,")
    assert own != kept
    assert _result(lawcheck.evaluate(own), "content.first_responsible_duty").status == "pass"


# ---------------------------------------------------------------- a plan of slogans
LINGSHOU = (ROOT / "fixtures" / "001_lingshou_2021.txt").read_text(encoding="utf-8")


def _lingshou_plan(plan: str) -> lawcheck.RuleResult:
    head = LINGSHOU.index("三、下一步工作计划\n") + len("三、下一步工作计划\n")
    tail = LINGSHOU.index("特此报告")
    return _result(lawcheck.evaluate(LINGSHOU[:head] + plan + "\n" + LINGSHOU[tail:]), "content.next_year_plan")


@pytest.mark.parametrize("plan", [
    "针对法治政府建设中存在的问题和短板,我县将认真整改、落实到位,着力消除制约法治政府建设的体制机制障碍,全力推进法治政府建设再上新台阶。",
    "2022年,我县将以更加昂扬的斗志、更加务实的作风,奋力推进法治政府建设迈上新台阶。",
    "下一步,我县将锚定目标、奋勇争先,推动法治政府建设迈上新台阶。",
    "新的一年,我们将不忘初心、牢记使命,以高水平的法治政府建设保障县域治理体系和治理能力现代化。",
])
def test_a_plan_of_slogans_sets_nothing_out(plan: str) -> None:
    """厅字〔2019〕28号 asks for the next year's 主要安排: a plan part of resolve, in words no list has (斗志, 奋勇争先),
    names no work (they passed, each new slogan word read as a task)."""
    assert _lingshou_plan(plan).status == "partial"


@pytest.mark.parametrize("plan", [
    "一是持续深化“放管服”改革。二是加强行政执法监督。三是推进行政复议体制改革。",
    "(一)坚持以习近平法治思想为指导。(二)健全依法决策机制。(三)深入推进严格规范公正文明执法。",
    "一是强化法治宣传。二是提升法治队伍建设水平。",
    "着力提升法治政府建设数字化水平,全力打造一流法治化营商环境。",
    "抓好八五普法规划总结验收,加快推进法治乡村建设。",
    "认真做好2022年度法治政府建设考评工作,推动行政争议实质性化解。",
    "完善公共法律服务体系,健全矛盾纠纷多元化解机制,强化行政规范性文件监督管理。",
    "提升领导干部法治思维和依法办事能力,提高突发事件依法处置能力,抓好中央依法治国办督察反馈问题整改。",
    # a second review's plans: the work inside a set phrase (营商环境, 政务服务, 制度体系), tasks in other words
    "优化法治化营商环境,提升政务服务水平,完善公共法律服务体系,健全依法行政制度体系。",
    "把习近平法治思想纳入理论学习中心组学习计划,举办专题读书班2期。",
    "深化府院联动,推动诉源治理,抓好一规划两方案贯彻实施。",
])
def test_a_plan_naming_work_sets_it_out(plan: str) -> None:
    assert _lingshou_plan(plan).status == "pass"


@pytest.mark.parametrize("above", ["", "法治政府建设年度报告\n"])
@pytest.mark.parametrize("opening", [
    "根据《法治政府建设与责任落实督察工作规定》,现就报送2023年度法治政府建设情况报告有关事项通知如下:",
    "为贯彻落实《法治政府建设与责任落实督察工作规定》,县委依法治县办决定开展督察。现将有关事项通知如下:",
])
def test_a_notice_without_its_title_is_a_notice(above: str, opening: str) -> None:
    """A notice asking for the reports, or announcing a 督察, crawled without its title (or under the column's name):
    its own formula says what it is (it was read as a county's very poor report)."""
    text = (above + "各乡镇人民政府,县政府各部门:\n" + opening + "\n一、报告内容\n(一)上一年度推进法治政府建设的主要举措和成效;\n"
            "(二)上一年度推进法治政府建设存在的不足和原因;\n(三)上一年度党政主要负责人履行推进法治建设第一责任人职责情况;\n"
            "(四)下一年度推进法治政府建设的主要安排。\n二、报送要求\n请于2024年1月31日前将报告报送县委依法治县办。\n"
            "县人民政府办公室\n2023年12月20日\n")
    card = lawcheck.evaluate(text)
    assert (card.document.kind, card.document.other_kind) == ("other", "notice"), card.document.kind_reason


@pytest.mark.parametrize("opening", [
    "二〇二一年,我县深入学习贯彻习近平法治思想,法治政府建设取得新成效。现将二〇二一年度法治政府建设情况报告如下:",
    "二○二一年以来,我县坚持以习近平法治思想为指导,扎实推进法治政府建设各项工作,取得了明显成效。",
    "现将我县二零二一年度法治政府建设工作情况报告如下：",
])
def test_a_year_in_chinese_numerals_in_the_opening_is_the_report_year(opening: str) -> None:
    """Untitled, the year is read from the opening or the reporting formula, in figures or in Chinese numerals
    (only figures were: the year was unknown and the report fell out of a study by year)."""
    card = lawcheck.evaluate(opening + "\n" + _lingshou_from_parts())
    assert (card.document.report_year, card.document.report_year_source) == (2021, "text")


# ---------------------------------------------------------------- an attacker's rule pack
@pytest.mark.parametrize("pattern", [r"(\w|\w)*X", r"(?:.*?,){20}X", r"(?:\w|\w)*审查", r"(?:.*?，){20}报告"])
def test_a_pattern_that_backtracks_only_where_its_literal_stands_is_refused(pattern: str) -> None:
    """The regex module looks for a literal the pattern needs before it tries anything else: probes without that
    literal came back at once, and these patterns (seconds on a real report) loaded; each literal goes in front of
    the probes now."""
    from lawcheck.saferegex import UnsafePattern, check_pattern

    with pytest.raises(UnsafePattern):
        check_pattern(pattern)


def test_a_pack_with_such_a_pattern_is_refused_when_it_loads(tmp_path: Path) -> None:
    """Loaded, its error rule came out unknown on every report (past its time limit) and never held the gate."""
    from tests.helpers.cli import run_lawcheck

    pack = ROOT / "tests" / "data" / "packs_dec03" / "literal_backtrack"
    done = run_lawcheck("check", str(ROOT / "fixtures" / "001_lingshou_2021.txt"), "--pack", str(pack), cwd=tmp_path,
                        env={"LAWCHECK_CACHE_DIR": str(tmp_path / "cache")})
    err = done.stderr.decode()
    assert done.returncode == 3, err
    assert "r.yaml" in err and "回溯" in err


# ---------------------------------------------------------------- a reviewer's folders
def _two_years(tmp_path: Path) -> tuple[Path, Path]:
    last, this = tmp_path / "2020", tmp_path / "2021"
    last.mkdir()
    this.mkdir()
    (last / "宜兴市2020年度报告.txt").write_text(YIXING, encoding="utf-8")
    (last / "长生镇2020年度报告.txt").write_text(
        (ROOT / "fixtures" / "003_changsheng_2020.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (this / "长生镇2021年度报告.txt").write_text(
        (ROOT / "tests" / "data" / "history" / "changsheng.this.txt").read_text(encoding="utf-8"), encoding="utf-8")
    return last, this


def test_a_unit_with_only_last_years_report_is_said_to_miss_this_years(tmp_path: Path) -> None:
    """compare 2020/ 2021/: 宜兴 sent nothing for 2021.  Its 2020 report was a row of its own, "no report of the year
    before found", counted among the reports — as if 宜兴 had reported."""
    from tests.helpers.cli import run_lawcheck

    last, this = _two_years(tmp_path)
    env = {"LAWCHECK_CACHE_DIR": str(tmp_path / "cache")}
    done = run_lawcheck("compare", str(last), str(this), "--format", "json", cwd=tmp_path, env=env)
    units = {u["organ"]: u for u in json.loads(done.stdout)["units"]}
    yx = units["宜兴市人民政府"]
    assert (yx["missing_year"], yx["year"], yx["this"], yx["last_year"]) == (2021, 2021, "", 2020)
    assert yx["last"].endswith("宜兴市2020年度报告.txt")
    assert units["彭水苗族土家族自治县长生镇人民政府"]["missing_year"] is None
    text = run_lawcheck("compare", str(last), str(this), cwd=tmp_path, env=env).stdout.decode()
    assert text.startswith("共1份报告，其中1份") and "未找到本单位2021年度的报告" in text
    assert "宜兴市人民政府 2021：未找到本单位2021年度的报告" in text
    rows = list(csv.reader(io.StringIO(run_lawcheck("compare", str(last), str(this), "--format", "csv", cwd=tmp_path,
                                                    env=env).stdout.decode("utf-8-sig"))))
    yixing = next(r for r in rows if r[1] == "宜兴市人民政府")
    assert [yixing[0], yixing[2], yixing[4]] == ["", "2021", "2020"]
    assert yixing[3].endswith("宜兴市2020年度报告.txt") and "未找到本单位2021年度的报告" in yixing[-2]
    assert len(yixing) == len(rows[0])


def test_last_years_plan_only_promised_again_is_not_followed() -> None:
    """长生镇 2021 with the 民主法治社区 work left out of its measures and its plan part made of last year's three
    tasks again: the plan was "followed" (3 of 3 responded to).  A task planned again is accounted for, not done."""
    from lawcheck.model import PreviousReport

    last = (ROOT / "fixtures" / "003_changsheng_2020.txt").read_text(encoding="utf-8")
    lines = (ROOT / "tests" / "data" / "history" / "changsheng.this.txt").read_text(encoding="utf-8").split("\n")
    out: list[str] = []
    skip = False
    for ln in lines:
        if "龙汇社区修订完善居民公约" in ln:
            continue
        if ln.startswith("四、下步工作打算"):
            out += [ln, "一是进一步加强领导干部学法用法能力建设,推动领导干部学法常态化、制度化。",
                    "二是继续推进民主法治社区示范创建工作,力争龙汇社区创建成为民主法治社区。",
                    "三是着力加强领导干部队伍依法行政能力建设,举办执法类专题讲座,梳理政府行政权力清单。"]
            skip = True
            continue
        skip = skip and not ("人民政府" in ln and len(ln.strip()) < 30)
        if not skip:
            out.append(ln)
    assert len(out) < len(lines)
    card = lawcheck.evaluate("\n".join(out), previous=PreviousReport(name="2020.txt", text=last))
    result = _result(card, "history.plan_followed")
    assert card.history is not None and {f.outcome for f in card.history.plan} == {"carried_over"}
    assert result.status == "partial" and "已完成0项" in result.message and "继续列入安排3项" in result.message
    assert "未提及：" not in result.message  # nothing went unmentioned: the rule's "not mentioned" would be untrue


def test_an_archive_in_a_folder_is_a_row_and_what_is_no_document_is_named(tmp_path: Path) -> None:
    """A unit's report sent zipped was only named on stderr: missing from the CSV and the totals, as if the unit
    had not reported.  Named on the command line, a picture or a spreadsheet is said to be one."""
    import zipfile

    from tests.helpers.cli import run_lawcheck

    folder = tmp_path / "收件"
    folder.mkdir()
    (folder / "灵寿.txt").write_text((ROOT / "fixtures" / "001_lingshou_2021.txt").read_text(encoding="utf-8"),
                                    encoding="utf-8")
    with zipfile.ZipFile(folder / "周溪乡报送材料.zip", "w") as z:
        z.writestr("报告.txt", "2021年法治政府建设情况报告")
    (tmp_path / "scan.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 200)
    with zipfile.ZipFile(tmp_path / "表.xlsx", "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    env = {"LAWCHECK_CACHE_DIR": str(tmp_path / "cache")}
    done = run_lawcheck("check", str(folder), "--format", "csv", cwd=tmp_path, env=env)
    rows = list(csv.reader(io.StringIO(done.stdout.decode("utf-8-sig"))))
    zipped = [r for r in rows if "周溪乡报送材料.zip" in r[0]]  # (a zip's files are rows of their own since)
    assert len(rows) == 3 and len(zipped) == 1 and zipped[0][0].endswith("周溪乡报送材料.zip/报告.txt"), rows
    (folder / "周溪乡报送材料.rar").write_bytes(b"Rar!\x1a\x07\x00" + b"\0" * 100)
    for name, word in (("scan.jpg", "图片"), ("表.xlsx", "电子表格"), (str(folder / "周溪乡报送材料.rar"), "压缩包")):
        one = run_lawcheck("check", name, cwd=tmp_path, env=env)
        err = one.stderr.decode()
        assert one.returncode == 2 and word in err and err.count("\n") == 1, err


def test_the_totals_say_how_many_units_the_reports_are(tmp_path: Path) -> None:
    """A unit's report sent twice (终稿, 终稿(2)) was counted as two reports, and totals reported upward were off."""
    from tests.helpers.cli import run_lawcheck

    lingshou = (ROOT / "fixtures" / "001_lingshou_2021.txt").read_text(encoding="utf-8")
    for name, text in (("灵寿终稿.txt", lingshou), ("灵寿终稿(2).txt", lingshou), ("宜兴.txt", YIXING)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    done = run_lawcheck("check", str(tmp_path), cwd=tmp_path, env={"LAWCHECK_CACHE_DIR": str(tmp_path / "c")})
    # (the two files have one text: the second is a copy, counted once — review of 7 December)
    assert "年度报告2份" in done.stdout.decode() and "另有1份与另一份报告内容相同" in done.stdout.decode()


@pytest.mark.parametrize(("opening", "organ"), [
    ("2024年以来,在区委、区政府的正确领导下,广州市天河区市场监督管理局坚持以习近平新时代中国特色社会主义思想为指导,"
     "不断深化法治政府建设。", "广州市天河区市场监督管理局"),
    ("2025年,泾源县公安局在县委、县政府和上级公安机关的坚强领导下,始终坚持以习近平法治思想为指导。", "泾源县公安局"),
    ("2017年,淄博市政府在省委、省政府的坚强领导下,深入推进法治政府建设。", "淄博市政府"),
    ("2021年,我县深入学习贯彻习近平法治思想,法治政府建设取得新成效。", None),
])
def test_an_untitled_unsigned_excerpt_names_its_organ_in_its_opening(opening: str, organ: str | None) -> None:
    """An excerpt without title or signature (a crawled page's body) names who reports in its first sentence; a
    third of such excerpts had no organ, and a study could not attribute them (我县 names no one)."""
    assert lawcheck.evaluate(opening + "\n" + _lingshou_from_parts().split("特此报告")[0]).document.organ == organ


def test_the_totals_say_when_the_reports_are_of_several_years(tmp_path: Path) -> None:
    """宜兴's 2020 report re-sent as 2021's ranked top of a 2021 folder, and nothing said it was another year's."""
    from tests.helpers.cli import run_lawcheck

    lingshou = (ROOT / "fixtures" / "001_lingshou_2021.txt").read_text(encoding="utf-8")
    (tmp_path / "灵寿2021.txt").write_text(lingshou, encoding="utf-8")
    (tmp_path / "宜兴2021年度报告（终稿）.txt").write_text(YIXING, encoding="utf-8")
    env = {"LAWCHECK_CACHE_DIR": str(tmp_path / "c")}
    out = run_lawcheck("check", str(tmp_path), cwd=tmp_path, env=env).stdout.decode()
    assert "属于不同年度（2020年度1份、2021年度1份）" in out
    (tmp_path / "宜兴2021年度报告（终稿）.txt").unlink()
    assert "不同年度" not in run_lawcheck("check", str(tmp_path), cwd=tmp_path, env=env).stdout.decode()


@pytest.mark.parametrize(("title", "other_kind"), [
    ("国网灵寿县供电公司2021年度法治建设工作报告", "other_body"),
    ("灵寿县委政法委2021年度法治建设工作报告", "other_body"),
    ("灵寿县2021年度法治政府建设示范创建申报材料", "self_assessment"),
    ("灵寿县人民政府2021年度法治政府建设第三方评估报告", "survey_report"),
    ("灵寿县2021年度法治政府建设年度报告汇编", "several_reports"),
    ("法治政府建设年度报告编写指南", "notice"),
    ("# 法治政府建设年度报告仓库", "notice"),
])
def test_a_look_alike_title_over_a_reports_text_says_what_it_is(title: str, other_kind: str) -> None:
    """An enterprise's or a Party department's report, a bid for the model title, a third party's assessment, a
    collection, a guide: each passed as the county's report (90.5) when its title alone told it apart."""
    body = LINGSHOU[LINGSHOU.index("灵政函"):]
    card = lawcheck.evaluate(title + "\n" + body)
    assert (card.document.kind, card.document.other_kind) == ("other", other_kind), card.document.kind_reason


@pytest.mark.parametrize("title", ["中共灵寿县委全面依法治县委员会办公室关于2021年度法治建设工作情况的报告",
                                   "灵寿县委依法治县办2021年度法治建设工作报告",
                                   "中共灵寿县委 灵寿县人民政府关于2021年度法治政府建设情况的报告"])
def test_the_committee_for_law_based_governance_and_a_joint_report_stay_reports(title: str) -> None:
    body = LINGSHOU[LINGSHOU.index("灵政函"):]
    assert lawcheck.evaluate(title + "\n" + body).document.kind == "annual_report"


def test_a_repositorys_description_is_no_report() -> None:
    """A README beside the reports ("本仓库存放…年度报告，供县司法局审查使用。") had its first sentence taken for a
    report's title and was scored as one."""
    text = ("# 法治政府建设年度报告仓库\n\n本仓库存放全县各乡镇、各部门的法治政府建设年度报告，供县司法局审查使用。\n\n## 提交要求\n\n"
            "1. 每个单位每年提交一份报告。\n2. 报告应当包括上一年度推进法治政府建设的主要举措和成效、存在的不足和原因、下一年度的工作安排。\n")
    assert lawcheck.evaluate(text).document.kind == "other"


def test_a_word_file_of_empty_paragraphs_reads_in_bounded_text() -> None:
    """A 60 KB .docx of two million empty paragraphs took 28 s and 600 MB and gave a text of two million line
    breaks: empty paragraphs in a row read as two blank lines, and "<w:p/>" is passed over at once."""
    pytest.importorskip("docx")
    import zipfile

    from lawcheck.readers import read_document
    from tests.helpers.make_docs import make_docx

    good = make_docx(LINGSHOU)
    src = zipfile.ZipFile(io.BytesIO(good))
    xml = src.read("word/document.xml").decode("utf-8")
    i = xml.index("<w:body>") + len("<w:body>")
    padded = xml[:i] + "<w:p/>" * 200_000 + "<w:p><w:r/></w:p>" * 2_000 + xml[i:]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            z.writestr(item, padded if item.filename == "word/document.xml" else src.read(item.filename))
    text = read_document("x.docx", out.getvalue()).text
    plain = read_document("y.docx", good).text
    assert len(text) <= len(plain) + 3
    assert lawcheck.evaluate(text).score == lawcheck.evaluate(plain).score


# ---------------------------------------------------------------- an integrator's arguments
@pytest.mark.parametrize(("kw", "word"), [({"page": ["a"]}, "page"), ({"published": b"2021-03-28"}, "published")])
def test_a_wrong_argument_is_a_lawcheck_error_naming_it(kw: dict, word: str) -> None:
    """page=['a'] raised a bare AttributeError, and published as bytes was taken silently."""
    with pytest.raises(lawcheck.ArgumentTypeError, match=word):
        lawcheck.evaluate(LINGSHOU, **kw)


def test_a_file_named_by_bytes_is_checked() -> None:
    import os

    path = ROOT / "fixtures" / "001_lingshou_2021.txt"
    assert lawcheck.check_file(os.fsencode(path)).score == lawcheck.check_file(path).score


def test_a_settings_files_true_is_no_score(tmp_path: Path) -> None:
    """`min-score = true` in lawcheck.toml was read as a score of 1."""
    from tests.helpers.cli import run_lawcheck

    (tmp_path / "lawcheck.toml").write_text("min-score = true\n", encoding="utf-8")
    done = run_lawcheck("check", str(ROOT / "fixtures" / "001_lingshou_2021.txt"), cwd=tmp_path,
                        env={"LAWCHECK_CACHE_DIR": str(tmp_path / "c")})
    assert done.returncode == 2 and "min-score" in done.stderr.decode()


@pytest.mark.parametrize("pager", ["共2页  首页 上一页 1 2 下一页 尾页", "上一页 1 2 下一页"])
def test_one_page_of_a_report_split_over_pages_is_not_judged_as_the_report(pager: str) -> None:
    """A site split 灵寿's report over two pages: page 1 was scored 66.1, "missing" its shortcomings and plan, page 2
    68.1, "missing" the first duty — fix hints telling the drafter to add what the report has.  Each page is now
    unknown, said why; the whole report with a site's pager under it is judged as before."""
    body = LINGSHOU[LINGSHOU.index("灵寿县人民政府\n关于"):].rstrip("\n") + "\n"
    cut = body.index("三、下一步工作计划")
    first, second = body[:cut] + pager + "\n", "发布时间:2022-01-20\n" + body[cut:] + pager + "\n"
    for page in (first, second):
        card = lawcheck.evaluate(page)
        assert card.score is None and {r.status for r in card.results} == {"unknown"}
        assert "共2页" in card.results[0].message or "其中一页" in card.results[0].message
    assert lawcheck.evaluate(body + pager + "\n").score == lawcheck.evaluate(body).score
    # unsigned, with its plan part: whole, whatever pager or PDF footer stands under it
    hetang = (ROOT / "fixtures" / "004_hetang_2024.txt").read_text(encoding="utf-8").rstrip("\n") + "\n"
    for footer in (pager, "第3页 共3页", "上一页 下一页"):
        assert lawcheck.evaluate(hetang + footer + "\n").score == lawcheck.evaluate(hetang).score is not None


@pytest.mark.parametrize("title", ["", "灵寿县司法局2021年工作总结\n"])
def test_a_units_whole_year_summary_with_a_law_part_is_not_the_report(title: str) -> None:
    """A 司法局's summary of its whole year ("现将全年工作总结如下"), 法治政府建设 one part among 党建 and 公共法律服务:
    untitled, it passed as the annual report (90.7)."""
    parts = _lingshou_from_parts()
    measures = parts[:parts.index("二、")].split("\n", 1)[1]
    text = (title + "2021年,县司法局在县委、县政府的正确领导下,围绕中心、服务大局,各项工作取得新成效。现将全年工作总结如下:\n"
            "一、党建工作\n坚持党建引领,开展党史学习教育,召开专题民主生活会。\n二、法治政府建设工作\n" + measures
            + "三、公共法律服务\n全年办理法律援助案件120件,建成村(社区)公共法律服务工作室210个。\n"
            "四、存在的问题\n基层法律服务力量薄弱。\n五、2022年工作打算\n加强公共法律服务体系建设,推进行政执法监督。\n")
    card = lawcheck.evaluate(text)
    assert (card.document.kind, card.document.other_kind) == ("other", "topic_summary"), card.document.kind_reason


def test_a_report_laid_out_by_the_outlines_fields_stays_a_report() -> None:
    """Its parts named by fields of law-based government, under its own formula, is the report."""
    text = ("2021年,我县深入推进法治政府建设。现将2021年工作情况报告如下:\n一、依法全面履行政府职能\n深化放管服改革,取消行政许可事项12项。\n"
            "二、严格规范公正文明执法\n全面推行行政执法三项制度,评查案卷156卷。\n三、存在的问题\n基层执法力量薄弱。\n"
            "四、2022年工作安排\n推进综合行政执法改革。\n")
    assert lawcheck.evaluate(text).document.kind == "annual_report"


def test_the_csvs_key_figures_are_numbers_and_their_bounds_said_beside(tmp_path: Path) -> None:
    """"310余" in a cell is text to WPS and Excel: sorted after every number, left out of SUM and AVERAGE."""
    from tests.helpers.cli import run_lawcheck

    env = {"LAWCHECK_CACHE_DIR": str(tmp_path / "c")}
    for lang, head in (("zh", "关键数据说明"), ("en", "figure_bounds")):
        done = run_lawcheck("check", str(ROOT / "fixtures"), "--format", "csv", "--lang", lang, cwd=tmp_path, env=env)
        rows = list(csv.reader(io.StringIO(done.stdout.decode("utf-8-sig"))))
        at = rows[0].index(head)
        figures = [c for r in rows[1:] for c in r[14:at] if c]
        assert figures and all(float(c) >= 0 for c in figures)
        assert any(r[at] for r in rows[1:]) and all(len(r) == len(rows[0]) for r in rows)


@pytest.mark.parametrize("title", [
    "宜兴市人民政府关于2020年度法治政府建设情况及第三方评估结果运用情况的报告",
    "青溪县人民政府关于2023年度法治政府建设情况暨第三方评估结果整改情况的报告",
    "灵寿县2021年度法治政府建设工作情况的报告（含群众满意度评估结果）",
    "2020年度宜兴市法治政府建设工作报告 - 政府信息公开目录",
    "2020年度宜兴市法治政府建设工作报告及2021年重大行政决策事项目录",
])
def test_a_report_whose_title_joins_an_assessment_or_a_column_stays_a_report(title: str) -> None:
    """A second review: the 评估 and 目录 title cues took the year's report for a look-alike when the title joins
    another matter to it or carries the site's column after it."""
    body = LINGSHOU[LINGSHOU.index("灵政函"):]
    assert lawcheck.evaluate(title + "\n" + body).document.kind == "annual_report"


@pytest.mark.parametrize("quoted", ["区委依法治区办现将2024年度督察情况通报如下:问题清单3份均已整改。",
                                    "县司法局现就述法有关事项通知如下:各单位主要负责人均按时述法。"])
def test_a_notices_formula_quoted_inside_a_report_laid_out_in_its_parts_keeps_it_a_report(quoted: str) -> None:
    parts = _lingshou_from_parts()
    at = parts.index("\n", parts.index("一、")) + 1
    text = "2021年,我县深入推进法治政府建设,现将有关情况报告如下:\n" + parts[:at] + quoted + "\n" + parts[at:]
    assert lawcheck.evaluate(text).document.kind == "annual_report"


def test_a_short_opening_with_a_chinese_numeral_year_is_the_first_paragraph() -> None:
    """"二〇二三年，青溪县人民政府…，现将有关情况报告如下：" under a title without a year: the year was not read
    (the short opening stood in the header as figures' openings no longer do)."""
    text = ("青溪县人民政府关于法治政府建设情况的报告\n二〇二一年,青溪县人民政府坚持以习近平法治思想为指导,现将有关情况报告如下:\n"
            + _lingshou_from_parts())
    card = lawcheck.evaluate(text)
    assert (card.document.report_year, card.document.report_year_source) == (2021, "text")
