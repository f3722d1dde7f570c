"""A report published under a notice (2026-12-03): "…办公室关于公布（印发）…年度报告的通知", its short body, its
signature and date, then "附件：…报告" and the full report.  The attachment is read as the report only when it is
the year's 法治政府建设 report itself, of the notice's own body, and long enough to be one; a city's notice on its
counties' reports, a notice issuing a plan or an inspection's report, a county's on a township's, an office's on a
department's stay notices (the attacker's cases against the reverted b3b3496).  Each case failed on 2d76612.

The notices are written for these tests around the fixtures' real reports (灵寿, 宜兴, 长生镇, 荷塘)."""

from __future__ import annotations

from pathlib import Path

import pytest

import lawcheck
from lawcheck.gate import gate_reasons

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
LINGSHOU = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
YIXING = (FIXTURES / "002_yixing_2020.txt").read_text(encoding="utf-8")
CHANGSHENG = (FIXTURES / "003_changsheng_2020.txt").read_text(encoding="utf-8")
HETANG = (FIXTURES / "004_hetang_2024.txt").read_text(encoding="utf-8")

# The report parts as a page under the notice shows them: the title (on two lines, or one), the text, the signature.
LS_PART = "灵寿县人民政府\n关于2021年度法治政府建设情况的报告\n" + LINGSHOU[LINGSHOU.index("灵政函"):]
LS_BODY = LINGSHOU[LINGSHOU.index("中共灵寿县委、县人大常委会:"):]  # no title over it


def _signed_by(organ: str) -> str:
    """Lingshou's text signed by another body."""
    assert "特此报告。\n灵寿县人民政府\n" in LS_BODY
    return LS_BODY.replace("特此报告。\n灵寿县人民政府\n", f"特此报告。\n{organ}\n")

YX_PART = YIXING[YIXING.rindex("2020年度宜兴市法治政府建设工作报告\n"):]
CS_PART = CHANGSHENG[CHANGSHENG.index("彭水苗族土家族自治县长生镇人民政府\n\n2020年度"):]
HT_TITLE = "荷塘区2024年法治政府建设年度报告"  # Hetang's text is untitled: its title stands on the 附件 line alone

LS_ATTACHED = "附件：灵寿县人民政府关于2021年度法治政府建设情况的报告\n"

PUBLISHED = {
    "公布, 附件：title repeated": (
        "灵寿县人民政府办公室关于公布灵寿县2021年度法治政府建设情况报告的通知\n各乡镇人民政府，县政府各部门：\n"
        "现将《灵寿县人民政府关于2021年度法治政府建设情况的报告》予以公布。\n\n灵寿县人民政府办公室\n2022年1月20日\n\n"
        + LS_ATTACHED + "\n" + LS_PART, LS_PART),
    "司法局 发布, 附件1：": (
        "宜兴市司法局关于发布2020年度宜兴市法治政府建设工作报告的通知\n各镇人民政府、街道办事处，市各委办局：\n"
        "根据《法治政府建设与责任落实督察工作规定》，经市政府同意，现将《2020年度宜兴市法治政府建设工作报告》向社会公开发布。\n\n"
        "宜兴市司法局\n2021年3月30日\n\n附件1：2020年度宜兴市法治政府建设工作报告\n\n" + YX_PART, YX_PART),
    "印发, 附件：1. title once": (
        "株洲市荷塘区人民政府办公室关于印发《荷塘区2024年法治政府建设年度报告》的通知\n各街道办事处，区直各单位：\n"
        "经区人民政府同意，现将《荷塘区2024年法治政府建设年度报告》印发给你们，请结合实际认真抓好落实。\n\n"
        "株洲市荷塘区人民政府办公室\n2025年3月20日\n\n附件：1.荷塘区2024年法治政府建设年度报告\n" + HETANG,
        HT_TITLE + "\n" + HETANG),
    "a township's own, 附件 alone": (
        "彭水苗族土家族自治县长生镇人民政府关于公布2020年度法治政府建设工作报告的通知\n各村（居）民委员会，镇属各单位：\n"
        "现将我镇2020年度法治政府建设工作报告予以公布，接受社会监督。\n\n彭水苗族土家族自治县长生镇人民政府\n2021年7月15日\n\n"
        "附件\n\n" + CS_PART, CS_PART),
    "公告, 公布如下": (
        "灵寿县人民政府关于公开发布2021年度法治政府建设情况报告的公告\n"
        "根据《法治政府建设与责任落实督察工作规定》，现将灵寿县人民政府2021年度法治政府建设情况报告公布如下，接受社会监督。\n"
        "特此公告。\n\n灵寿县人民政府\n2022年1月20日\n\n附件\n" + LS_PART, LS_PART),
    "依法治县办, signed below": (
        "中共灵寿县委全面依法治县委员会办公室关于公布灵寿县2021年度法治政府建设情况报告的通知\n"
        "各乡镇党委、政府，县直各部门：\n按照有关规定，经县政府同意，现将灵寿县人民政府2021年度法治政府建设情况报告予以公布。\n\n"
        "中共灵寿县委全面依法治县委员会办公室\n2022年1月25日\n\n" + LS_ATTACHED + LS_PART, LS_PART),
    "no issuer in the title, 县政府办公室 signing": (
        "关于公布2021年度法治政府建设情况报告的通知\n各乡镇人民政府，县政府各部门：\n"
        "现将《灵寿县人民政府关于2021年度法治政府建设情况的报告》予以公布，请各单位对照抓好落实。\n\n县政府办公室\n"
        "2022年1月20日\n\n" + LS_ATTACHED + LS_PART, LS_PART),
}


@pytest.mark.parametrize("text, alone", PUBLISHED.values(), ids=PUBLISHED)
def test_a_report_published_under_its_own_bodys_notice_is_the_report(text, alone):
    card, part = lawcheck.evaluate(text), lawcheck.evaluate(alone)
    assert part.document.kind == "annual_report" and part.score is not None and part.score >= 60
    assert card.document.kind == "annual_report"
    assert _but_publication(card) == _but_publication(part)
    # (the notice's date is the day the report was published: the publication deadline is judged by it)
    published = card.document.published_date
    assert published is not None and published.isoformat() in _dated(text.split("附件")[0])
    on_time = (published.month, published.day) <= (4, 1)
    assert card.result("deadline.publication").status == ("pass" if on_time else "fail")
    assert card.score >= part.score - (0 if on_time else 2)
    assert gate_reasons(card, 60, "never") == []


def _but_publication(card) -> dict[str, str]:
    """Every rule's status but the publication deadline's, which a publishing notice's date may decide."""
    return {r.rule: r.status for r in card.results if r.rule != "deadline.publication"}


def _dated(words: str) -> str:
    """The dates written "2022年1月20日" in ``words``, as ISO dates."""
    import re
    return " ".join(f"{y}-{int(m):02d}-{int(d):02d}" for y, m, d in re.findall(r"(\d{4})年(\d{1,2})月(\d{1,2})日", words))


@pytest.mark.parametrize("text, alone", PUBLISHED.values(), ids=PUBLISHED)
def test_the_evidence_of_a_published_report_quotes_the_original_text_in_the_report(text, alone):
    card = lawcheck.evaluate(text)
    below = text.index(alone[:20])  # the report part starts here; the notice's words are no evidence
    quotes = [e for r in card.results for e in [*r.evidence, *([r.near_miss] if r.near_miss else [])]]
    assert quotes
    notice_date = card.result("deadline.publication").evidence
    for e in quotes:
        assert text[e.start:e.end] == e.text
        # (the notice's date, the day the report was published, is the publication deadline's evidence)
        assert e.start >= below or e.section == "标题" or e in notice_date, (e.section, e.text[:30])


def test_the_notices_addressees_and_signature_are_not_the_reports():
    text = PUBLISHED["印发, 附件：1. title once"][0]
    card = lawcheck.evaluate(text)
    assert "株洲市荷塘区人民政府办公室" not in (card.document.organ or "")
    assert "各街道办事处" not in str(card.result("form.recipients").evidence)


def _notice(title: str, to: str, words: str, signed: str, attached: str, report: str) -> str:
    return f"{title}\n{to}\n{words}\n\n{signed}\n\n{attached}\n{report}"


NOT_OWN = {
    "a city's notice on its counties' reports": _notice(
        "石家庄市人民政府办公室关于公布2021年度各县（市、区）法治政府建设情况报告的通知", "各县（市、区）人民政府，市政府各部门：",
        "现将2021年度各县（市、区）法治政府建设情况报告予以公布，请各地对照查找差距。", "石家庄市人民政府办公室\n2022年4月20日",
        "附件：1.灵寿县人民政府关于2021年度法治政府建设情况的报告", LS_PART),
    "a city's notice on one county's report": _notice(
        "石家庄市人民政府办公室关于公布灵寿县2021年度法治政府建设情况报告的通知", "各县（市、区）人民政府，市政府各部门：",
        "现将《灵寿县人民政府关于2021年度法治政府建设情况的报告》予以公布，供各地学习借鉴。", "石家庄市人民政府办公室\n2022年4月20日",
        LS_ATTACHED, LS_PART),
    "the city signing a notice that names no issuer": _notice(
        "关于公布灵寿县2021年度法治政府建设情况报告的通知", "各县（市、区）人民政府，市政府各部门：",
        "现将灵寿县2021年度法治政府建设情况报告予以公布，详见附件。", "石家庄市人民政府办公室\n2022年4月20日",
        LS_ATTACHED, LS_PART),
    "a summary issued with next year's 要点": _notice(
        "灵寿县人民政府办公室关于印发灵寿县2021年法治政府建设工作总结及2022年工作要点的通知", "各乡镇人民政府，县政府各部门：",
        "现将《灵寿县2021年法治政府建设工作总结及2022年工作要点》印发给你们，请认真贯彻执行。", "灵寿县人民政府办公室\n2022年2月20日",
        "附件", "灵寿县2021年法治政府建设工作总结及2022年工作要点\n" + LS_BODY),
    "an inspection's report issued": _notice(
        "灵寿县人民政府办公室关于印发《灵寿县2021年度法治政府建设督察报告》的通知", "各乡镇人民政府，县政府各部门：",
        "现将《灵寿县2021年度法治政府建设督察报告》印发给你们，请认真抓好问题整改。", "灵寿县人民政府办公室\n2022年2月20日",
        "附件：灵寿县2021年度法治政府建设督察报告", LS_BODY),
    "a county publishing a township's report": _notice(
        "彭水苗族土家族自治县人民政府办公室关于公布长生镇2020年度法治政府建设工作报告的通知",
        "各乡镇人民政府、街道办事处，县政府各部门：", "现将《长生镇2020年度法治政府建设工作报告》予以公布。",
        "彭水苗族土家族自治县人民政府办公室\n2021年7月20日", "附件\n", CS_PART),
    "a county publishing a township's report it names only in its words": _notice(
        "彭水苗族土家族自治县人民政府办公室关于公布2020年度法治政府建设工作报告的通知",
        "各乡镇人民政府、街道办事处，县政府各部门：", "现将长生镇2020年度法治政府建设工作报告予以公布。",
        "彭水苗族土家族自治县人民政府办公室\n2021年7月20日", "附件\n", CS_PART),
    "the government's office publishing a department's report": _notice(
        "灵寿县人民政府办公室关于公布灵寿县市场监督管理局2021年度法治政府建设情况报告的通知", "各乡镇人民政府，县政府各部门：",
        "现将《灵寿县市场监督管理局2021年度法治政府建设情况报告》予以公布。", "灵寿县人民政府办公室\n2022年2月20日",
        "附件：灵寿县市场监督管理局2021年度法治政府建设情况报告",
        _signed_by("灵寿县市场监督管理局")),
    "a neighbour's report under the title of its own": _notice(
        "灵寿县人民政府办公室关于公布2021年度法治政府建设情况报告的通知", "各乡镇人民政府，县政府各部门：",
        "现将2021年度法治政府建设情况报告予以公布。", "灵寿县人民政府办公室\n2022年1月20日", "附件",
        "关于2021年度法治政府建设情况的报告\n" + _signed_by("正定县人民政府")),
    "too short to be a report": _notice(
        "灵寿县人民政府办公室关于公布灵寿县2021年度法治政府建设情况报告的通知", "各乡镇人民政府，县政府各部门：",
        "现将《灵寿县人民政府关于2021年度法治政府建设情况的报告》予以公布。", "灵寿县人民政府办公室\n2022年1月20日",
        LS_ATTACHED, LS_PART[:900] + "\n灵寿县人民政府\n2022年1月14日"),
}


@pytest.mark.parametrize("text", NOT_OWN.values(), ids=NOT_OWN)
def test_a_notice_publishing_what_is_not_its_own_report_stays_a_notice(text):
    card = lawcheck.evaluate(text)
    assert len("".join(text.split())) > 1000  # a report's text attached, all the same
    # (a notice issuing an inspection's report may be named by what it issues: the inspection's report, also no
    # annual report — 督察报告 in its title decides as other titled look-alikes' do)
    inspection = "督察报告" in text.split("\n", 1)[0]
    assert card.document.kind == "other"
    assert card.document.other_kind in (("notice", "survey_report") if inspection else ("notice",))
    assert ("督察" if card.document.other_kind == "survey_report" else "通知") in card.document.kind_reason
    assert gate_reasons(card, 60, "error") and gate_reasons(card, None, "never")


def test_a_notice_issuing_another_kind_of_report_stays_no_report():
    text = _notice(
        "灵寿县市场监督管理局关于印发《灵寿县市场监督管理局2021年行政执法工作报告》的通知", "各股室、所、执法大队：",
        "现将《灵寿县市场监督管理局2021年行政执法工作报告》予以印发。", "灵寿县市场监督管理局\n2021年12月10日",
        "附件：灵寿县市场监督管理局2021年行政执法工作报告", LS_BODY)
    card = lawcheck.evaluate(text)
    assert card.document.kind == "other" and gate_reasons(card, 60, "error")


@pytest.mark.parametrize("name, said", [
    ("a county publishing a township's report", "本级政府"),
    ("a summary issued with next year's 要点", "工作要点"),
    ("too short to be a report", "过短"),
])
def test_why_a_published_attachment_is_no_report_is_said(name, said):
    assert said in lawcheck.evaluate(NOT_OWN[name]).document.kind_reason
    en = lawcheck.evaluate(NOT_OWN[name], lang="en").document.kind_reason
    assert "notice publishing" in en and not any("\u4e00" <= ch <= "\u9fff" for ch in en.split("\"")[0])


def test_a_cover_letter_sending_the_report_is_read_as_before():
    # The 报送 letter keeps its reading: its 主送 line and, the report unsigned, its signature are the report's.
    text = ("灵寿县人民政府关于报送2021年度法治政府建设情况报告的函\n中共灵寿县委、县人大常委会：\n"
            "现将《灵寿县人民政府关于2021年度法治政府建设情况的报告》随文报送，请审阅。\n\n灵寿县人民政府\n2022年1月14日\n\n"
            + LS_ATTACHED + "\n" + LS_PART.split("特此报告。")[0] + "特此报告。\n")
    card = lawcheck.evaluate(text)
    assert card.document.kind == "annual_report" and card.score is not None and card.score >= 60


# ---- a joint report (中共…县委 over …县人民政府 signing, "县委、县政府" in the notice's words) is its government's too

JOINT = "灵寿县2021年度法治政府建设情况报告\n" + _signed_by("中共灵寿县委员会\n灵寿县人民政府")


@pytest.mark.parametrize("words", ["现将县委、县政府2021年度法治政府建设情况报告予以公布。",
                                   "现将《灵寿县2021年度法治政府建设情况报告》予以公布。"])
def test_a_joint_report_published_by_the_governments_office_is_the_report(words):
    text = _notice("灵寿县人民政府办公室关于公布2021年度法治政府建设情况报告的通知", "各乡镇人民政府，县政府各部门：", words,
                   "灵寿县人民政府办公室\n2022年1月20日", "附件", JOINT)
    card, alone = lawcheck.evaluate(text), lawcheck.evaluate(JOINT)
    assert card.document.kind == "annual_report" == alone.document.kind
    assert _but_publication(card) == _but_publication(alone)
    assert card.result("deadline.publication").status == "pass"  # published under the notice on 2022-01-20


def test_a_joint_report_of_another_level_published_is_no_report():
    text = _notice("石家庄市人民政府办公室关于公布2021年度法治政府建设情况报告的通知", "各县（市、区）人民政府：",
                   "现将县委、县政府2021年度法治政府建设情况报告予以公布。", "石家庄市人民政府办公室\n2022年4月20日", "附件", JOINT)
    assert lawcheck.evaluate(text).document.kind == "other"


# ---- a notice whose short body is not told from its title lines (an addressee line no body's name ends, or none):
# its lines all stood above the attached report as its title block, and the report was read whoever's it was

SHORT_TO = {
    "a county's on a township's, 各乡镇、街道": (
        "彭水苗族土家族自治县人民政府办公室关于公布长生镇2020年度法治政府建设工作报告的通知\n各乡镇、街道，县级各部门：\n"
        "现将《长生镇2020年度法治政府建设工作报告》予以公布。\n\n彭水苗族土家族自治县人民政府办公室\n2021年7月20日\n\n附件\n\n"
        + CS_PART, False),
    "a county's on a township's, no addressee": (
        "彭水苗族土家族自治县人民政府办公室关于公布长生镇2020年度法治政府建设工作报告的通知\n\n"
        "现将《长生镇2020年度法治政府建设工作报告》予以公布。\n\n彭水苗族土家族自治县人民政府办公室\n2021年7月20日\n\n附件\n\n"
        + CS_PART, False),
    "a city's on a county's, 各县（市、区）": (
        "石家庄市人民政府办公室关于公布灵寿县2021年度法治政府建设情况报告的通知\n各县（市、区）：\n"
        "现将灵寿县2021年度报告予以公布。\n\n石家庄市人民政府办公室\n2022年4月20日\n\n" + LS_ATTACHED + LS_PART, False),
    "a township's own, 各村（居）": (
        "彭水苗族土家族自治县长生镇人民政府关于公布2020年度法治政府建设工作报告的通知\n各村（居）：\n"
        "现将我镇2020年度法治政府建设工作报告予以公布。\n\n彭水苗族土家族自治县长生镇人民政府\n2021年7月15日\n\n附件\n\n"
        + CS_PART, True),
}


@pytest.mark.parametrize("text, own", SHORT_TO.values(), ids=SHORT_TO)
def test_a_notice_taken_for_a_title_block_is_still_judged_as_a_notice(text, own):
    card = lawcheck.evaluate(text)
    if own:
        alone = lawcheck.evaluate(CS_PART)
        assert card.document.kind == "annual_report"
        assert {r.rule: r.status for r in card.results} == {r.rule: r.status for r in alone.results}
    else:
        assert (card.document.kind, card.document.other_kind) == ("other", "notice")
        assert gate_reasons(card, 60, "error")
