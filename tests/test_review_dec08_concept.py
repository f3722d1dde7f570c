"""Found by the ablation review of 2026-12-08 (the concept rules): real reports with a rule's own sentences taken
out and one written the way a drafter, or an altered copy, writes it put back — the verdict the law gives it."""

from __future__ import annotations

import re

import lawcheck
from tests.conftest import FIXTURES

LINGSHOU = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
YIXING = (FIXTURES / "002_yixing_2020.txt").read_text(encoding="utf-8")

# A rule's own words: every sentence holding one is taken out of the report before a variant is put in.
_WORDS = {
    "enforcement.three_systems": r"三项制度|执法公示|公示制度|全过程记录|全程记录|音像记录|执法记录仪|法制审核|可回溯|过程记录",
    "decision.major_procedure": r"重大行政决策|重大决策|公众参与|专家论证|风险评估|合法性审查|合法性审核|集体讨论",
    "content.first_responsible_duty": r"第一责任人|四个亲自|亲自|述法|(?:主要负责|主要领导|一把手|党政正职|行政首长|书记|县长|"
                                      r"区长|市长|镇长|乡长|局长|主任)[^。；\n]{0,60}法|法[^。；\n]{0,60}(?:主要负责|主要领导|"
                                      r"一把手|党政正职|行政首长|书记|县长|区长|市长|镇长|乡长|局长|主任|第一责任人)",
    "era.rule_of_law_thought": r"法治思想",
}
_TOP = re.compile(r"\s*[一二三四五六七八九十]+、")


def _without(text: str, rule: str) -> str:
    """``text`` without the sentences that hold the rule's words (top-level headings kept)."""
    kept = []
    for m in re.finditer(r"[^。！？；!?;\n]*(?:[。！？；!?;\n]|$)", text):
        seg = m.group(0)
        if not (re.search(_WORDS[rule], seg) and not _TOP.match(seg)):
            kept.append(seg)
    return "".join(kept)


def _with(rule: str, sentence: str, base: str = LINGSHOU) -> lawcheck.RuleResult:
    """The rule's result on ``base`` without its sentences and with ``sentence`` under the first top heading."""
    text = _without(base, rule)
    at = next(m.end() for m in re.finditer(r"(?m)^\s*[一二三四五六七八九十]+、.*$", text))
    card = lawcheck.evaluate(text[:at] + "\n" + sentence + text[at:])
    return next(r for r in card.results if r.rule == rule)


# ---------------------------------------------------------------- 1. what a superior requires is not done

def test_a_requirement_quoted_or_recited_is_not_the_units_own_work():
    """What a superior document or body requires — its words quoted after 要求/规定/强调/指出/提出/明确 (a colon or
    none), or recited with the document as the subject ("《行政处罚法》规定，…", "国务院办公厅《…指导意见》要求各地…")
    — is not the year's work of the reporting body (纲要 2021—2025 and 督察工作规定 art. 25 ask for what it did); at
    most it mentions the matter, as a plan does."""
    cases = {
        "enforcement.three_systems": [
            "国务院办公厅《关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》要求各地全面推行三项制度。",
            "新修订的《行政处罚法》规定，行政处罚信息应当公示，执法应当全过程记录，重大执法决定应当进行法制审核。",
            "《行政处罚法》明确规定：行政处罚信息应当公示，执法应当全过程记录，重大执法决定应当进行法制审核。",
            "市政府《关于全面推行行政执法三项制度的实施方案》中明确要求，各县区全面推行行政执法公示、执法全过程记录、"
            "重大执法决定法制审核制度。",
            "上级要求：“全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。”",
            "市委依法治市办明确提出“全面推行行政执法公示、执法全过程记录、重大执法决定法制审核三项制度”。",
            "县长在常务会议上强调：“各执法部门要全面落实行政执法公示、执法全过程记录和重大执法决定法制审核制度。”",
            # quotations inside the quotation, as often typed; straight marks as typed on a keyboard
            "根据上级《关于进一步加强法治政府建设的实施方案》要求：“全面贯彻落实行政执法“三项制度”，严格落实行政执法公示、"
            "执法全过程记录、重大执法决定法制审核制度，实现县乡“三项制度”全覆盖。”",
            '上级要求:"全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。"',
        ],
        "era.rule_of_law_thought": [
            "根据上级《关于进一步加强法治政府建设的实施方案》要求：“深入学习贯彻习近平法治思想。”",
            "根据上级《关于进一步加强法治政府建设的实施方案》要求“深入学习贯彻习近平法治思想”。",
            "市委依法治市委员会强调：“要深入学习贯彻习近平法治思想，推进法治政府建设。”",
            "《法治政府建设实施纲要（2021－2025年）》指出，坚持以习近平法治思想为指导。",
        ],
        "decision.major_procedure": [
            "根据上级《关于进一步加强法治政府建设的实施方案》要求：“严格履行公众参与、专家论证、风险评估、合法性审查、"
            "集体讨论决定等法定程序。”",
            "《重大行政决策程序暂行条例》规定，作出重大行政决策应当履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序。",
        ],
        "content.first_responsible_duty": [
            "《党政主要负责人履行推进法治建设第一责任人职责规定》要求，党政主要负责人应当主持召开会议专题研究法治建设，"
            "年终述职时述法。",
            "县委要求：“县长要亲自主持召开政府常务会议研究法治政府建设，年终述职时述法。”",
        ],
    }
    for rule, sentences in cases.items():
        base = YIXING if rule == "era.rule_of_law_thought" else LINGSHOU
        for s in sentences:
            assert _with(rule, s, base).status in ("partial", "fail"), (rule, s)


def test_work_done_as_required_and_the_units_own_quotations_still_count():
    """Done as required ("按照《…》要求，全面推行…"), a document followed or made and work told after it, a
    requirement recited and what was done told in the next clause, the unit's own slogans in quotation marks,
    and a leader's words reported with the acts told outside them: the year's work."""
    cases = {
        "enforcement.three_systems": [
            "按照《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》要求，"
            "全面推行三项制度。",
            "按照上级要求，全面推行行政执法公示、执法全过程记录、重大执法决定法制审核制度，全年公示执法信息1200条。",
            "《行政处罚法》规定，行政处罚信息应当公示，我县全年公示行政执法信息1200条，配备执法记录仪80台，"
            "法制审核重大执法决定56件。",
            "严格落实行政执法“三项制度”，全年公示执法信息1200条。",
            "坚持“谁执法谁公示”，全年公示行政执法信息1200条，执法全过程记录，重大执法决定法制审核56件。",
            "印发《XX县全面推行行政执法三项制度实施方案》，明确“三项制度”责任分工，全年公示执法信息1200条。",
            "县长在常务会议上强调：“要全面推行三项制度。”会后，县政府印发实施方案，全年公示行政执法信息1200条，"
            "配备执法记录仪80台，法制审核重大执法决定56件。",
        ],
        "era.rule_of_law_thought": [
            "坚持以习近平法治思想为指导，县政府常务会议专题学习习近平法治思想4次。",
            "县长强调：“要学深悟透。”会后，县政府常务会议专题学习习近平法治思想。",
            "深入学习贯彻习近平法治思想，按照上级要求，组织专题学习4次。",
        ],
        "decision.major_procedure": [
            "全年作出重大行政决策5项，均严格履行了《重大行政决策程序暂行条例》规定的公众参与、专家论证、风险评估、"
            "合法性审查、集体讨论决定程序。",
        ],
    }
    for rule, sentences in cases.items():
        base = YIXING if rule == "era.rule_of_law_thought" else LINGSHOU
        for s in sentences:
            assert _with(rule, s, base).status == "pass", (rule, s)
    # One of the three done after the document followed is that one done (not the other two).
    r = _with("enforcement.three_systems", "严格执行《XX县重大执法决定法制审核办法》，全年审核重大执法决定56件。")
    assert r.status == "partial" and "legal_review" not in r.missing


# ---------------------------------------------------------------- 2. a heading credits a part by another part's work

def test_a_heading_naming_a_part_is_not_upgraded_by_that_parts_own_weak_hit():
    """What a 常务会议 did with no principal leader named is the leaders' act in part only (RULEBOOK §2.1: concrete
    acts of the 党政主要负责人; rules/content/first_responsible_duty.yaml): a sub-heading naming the same study
    again over it ("（三）坚持常务会议会前学法") adds no act.  Under a 第一责任人 heading the meeting's act is the duty
    described (the designed case), so that heading still credits the duty."""
    rule = "content.first_responsible_duty"
    for s in ("（三）坚持常务会议会前学法\n以县政府常务会议为依托，全年共学习法律法规4部。",
              "1.积极推进常务会议会前学法。以县政府常务会议为依托，全年共学习法律法规4部。",
              "以县政府常务会议为依托，坚持会前学法，全年共学习法律法规4部。"):
        r = _with(rule, s)
        assert r.status == "partial" and abs(r.fraction - 0.375) < 1e-6, (s, r.status, r.fraction)
    r = _with(rule, "（三）履行推进法治建设第一责任人职责情况\n县政府常务会议专题研究法治政府建设工作3次。")
    assert r.status == "pass" and abs(r.fraction - 0.625) < 1e-6, (r.status, r.fraction)
    # The leader's own act under either heading is the act.
    r = _with(rule, "（三）坚持常务会议会前学法\n县长主持召开县政府常务会议会前学法12次。")
    assert r.status == "pass"


def test_fixture_000_2_meetings_without_a_leader_are_the_duty_in_part():
    """Fixture 000-2: both acts are the 区政府常务会议's, the duty never named; it passed only by the heading
    "1.积极推进常务会议会前学法。" over the study — now partial, as 000-5 is."""
    text = (FIXTURES / "000-2.txt").read_text(encoding="utf-8")
    r = next(r for r in lawcheck.evaluate(text).results if r.rule == "content.first_responsible_duty")
    assert r.status == "partial" and abs(r.fraction - 0.375) < 1e-6


# ---------------------------------------------------------------- 3. a lead sentence and the list after it

_LISTED = "如部分执法人员业务能力不强，主要原因是培训不够系统；基层法治力量薄弱。"
_NUMBERED = "一是部分执法人员业务能力不强，主要原因是培训不够系统；二是基层法治力量薄弱。"


def test_the_shortcomings_part_with_its_heading_deleted_is_still_the_shortcomings():
    """宜兴 2020 without the line "二、存在的主要问题": its paragraph opens "…虽然取得了一定的成绩，但同时我们也清醒地
    认识到工作中的不足和问题。如“放管服”改革仍需继续深入，…还不到位…" — the lead admits the shortcomings and the next
    sentence lists them, as a colon would (督察工作规定 art. 25: 存在的不足和原因)."""
    text = YIXING.replace("  二、存在的主要问题\n", "")
    assert text != YIXING
    card = lawcheck.evaluate(text)
    assert card.result("content.shortcomings").status == "pass"
    assert card.result("content.shortcoming_causes").status == "pass"
    assert card.result("content.measures_and_results").status == "pass"


def test_a_lead_sentence_carries_over_to_the_sentence_that_lists_the_shortcomings():
    from tests.test_inline_shortcomings import REPORT

    for para in ("2022年，我县在法治政府建设工作中虽然取得了一定的成绩，但同时我们也清醒地认识到工作中的不足和问题。"
                 + _LISTED,
                 "在肯定成绩的同时，我们也清醒地看到工作中的差距。" + _NUMBERED,
                 "我县法治政府建设还存在一些不足。主要是部分执法人员业务能力不强，主要原因是培训不够系统；基层法治力量薄弱。",
                 "但我们也意识到工作中的问题与不足。比如部分执法人员业务能力不强，主要原因是培训不够系统。",
                 "成绩来之不易，但我们也看到了不足。具体表现为：部分执法人员业务能力不强，主要原因是培训不够系统。"):
        card = lawcheck.evaluate(REPORT.format(para=para))
        assert card.result("content.shortcomings").status == "pass", para
        assert card.result("content.shortcoming_causes").status == "pass", para
        assert card.result("content.measures_and_results").status == "pass", para
    # A plan, praise, a principle, problems found and fixed, or 如期 are no lead of shortcomings.
    for para in ("今后，县政府将清醒认识到工作中的不足。如加强执法人员培训。",
                 "同时，坚持问题导向，推动执法规范化。一是开展案卷评查；二是开展执法培训。",
                 "我们清醒地看到了群众的期盼。如群众对执法公正的要求越来越高。",
                 "在取得成效的同时，县政府注重总结经验。如形成了一批可复制可推广的做法。",
                 "全年共发现问题32个。一是执法程序不规范；二是案卷不完整，均已整改到位。",
                 "同时，针对存在的问题，开展专项整治。一是执法程序；二是案卷质量。",
                 "我县高度重视执法工作，成效明显。如期完成了执法人员培训。"):
        card = lawcheck.evaluate(REPORT.format(para=para))
        assert card.result("content.shortcomings").status == "fail", para
    # (a plan's lead is no more a shortcomings lead than before: mentioned in the plan, partial as it was)
    para = "下一步，我们将正视存在的问题和不足。一是加强执法人员培训；二是充实基层法治力量。"
    assert lawcheck.evaluate(REPORT.format(para=para)).result("content.shortcomings").status != "pass"
