"""Fixes to the publishing-notice and cover-letter paths (review of 2026-12-03, F2–F6): a report published under its
own body's notice, or sent upward by its own government's office, is read as that report — the issuer of a notice
whose title begins with 关于, a township's 党政办公室, a Party committee's office publishing the joint report, the
notice's date as the publication date, the government's office or 司法局 lending its letter's date.  Each case failed
on 4d2a7f3.  The notices are written for these tests around the fixtures' real reports (灵寿, 长生镇, 荷塘)."""

from __future__ import annotations

from pathlib import Path

import pytest

import lawcheck
from lawcheck.gate import gate_reasons

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
LINGSHOU = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
CHANGSHENG = (FIXTURES / "003_changsheng_2020.txt").read_text(encoding="utf-8")
HETANG = (FIXTURES / "004_hetang_2024.txt").read_text(encoding="utf-8")

LS_PART = "灵寿县人民政府\n关于2021年度法治政府建设情况的报告\n" + LINGSHOU[LINGSHOU.index("灵政函"):]
CS_PART = CHANGSHENG[CHANGSHENG.index("彭水苗族土家族自治县长生镇人民政府\n\n2020年度"):]
LS_TITLE = "灵寿县人民政府关于2021年度法治政府建设情况的报告"


def _notice(title: str, words: str, signed: str, attached: str, report: str, to: str = "") -> str:
    return f"{title}\n{to}\n{words}\n\n{signed}\n\n{attached}\n{report}" if to else \
        f"{title}\n\n{words}\n\n{signed}\n\n{attached}\n{report}"


def _as_alone(card, alone) -> None:
    """The report under its notice reads as it does alone: its kind, organ, level and every status — the
    publication deadline aside, which the notice's date may decide (it is when the report was published)."""
    assert alone.document.kind == "annual_report" and alone.score is not None and alone.score >= 60
    assert card.document.kind == "annual_report", card.document.kind_reason
    assert (card.document.organ, card.document.level) == (alone.document.organ, alone.document.level)
    mine, its = card.statuses(), alone.statuses()
    mine.pop("deadline.publication"), its.pop("deadline.publication")
    assert mine == its
    assert card.score is not None
    if card.result("deadline.publication").status != "fail":  # (published late, it loses what a late report does)
        assert card.score >= alone.score - 0.01
        assert gate_reasons(card, 60, "never") == []


# ---- F2: a notice whose title begins with 关于 names no issuer: "关于公布灵寿县人民政府关于…的报告的通知" (no 书名号)
# was read as issued by "关于公布灵寿县人民政府", and its own report refused as another body's

NESTED = {
    "依法治县办 signing": ("关于公布灵寿县人民政府关于2021年度法治政府建设情况的报告的通知",
                        "县委依法治县办\n2022年1月20日"),
    "政府办公室 signing": ("关于公布灵寿县人民政府关于2021年度法治政府建设情况的报告的通知",
                        "灵寿县人民政府办公室\n2022年1月20日"),
    "印发, 县政府办公室 signing": ("关于印发灵寿县人民政府关于2021年度法治政府建设情况的报告的通知",
                                "县政府办公室\n2022年1月21日"),
    "公开发布, 司法局 signing": ("关于公开发布灵寿县人民政府关于2021年度法治政府建设情况的报告的公告",
                           "灵寿县司法局\n2022年1月22日"),
}


@pytest.mark.parametrize("title, signed", NESTED.values(), ids=NESTED)
def test_a_notice_titled_from_guanyu_takes_its_issuer_from_its_signature(title, signed):
    text = _notice(title, f"现将{LS_TITLE}予以公布。", signed, f"附件：{LS_TITLE}\n", LS_PART)
    _as_alone(lawcheck.evaluate(text), lawcheck.evaluate(LS_PART))


@pytest.mark.parametrize("signed", ["石家庄市人民政府办公室\n2022年4月20日", "正定县人民政府办公室\n2022年1月20日"])
def test_another_bodys_notice_titled_from_guanyu_stays_a_notice(signed):
    text = _notice(NESTED["政府办公室 signing"][0], f"现将{LS_TITLE}予以公布。", signed, f"附件：{LS_TITLE}\n", LS_PART)
    card = lawcheck.evaluate(text)
    assert (card.document.kind, card.document.other_kind) == ("other", "notice")
    assert gate_reasons(card, 60, "error")


# ---- F3: a township or a 街道 has no 政府办公室: its report goes out under its 党政办公室's (党政综合办公室's,
# 党政办's) notice, or its 镇委依法治镇办's; a zone's 管委会 publishes through its 党政办公室 or 综合办公室

CS_ORGAN = "彭水苗族土家族自治县长生镇人民政府"
CS_TITLE = f"{CS_ORGAN}2020年度法治政府建设工作报告"
# the same report as a 街道's, and as a development zone's
# (each opening on its own place, as a 街道's and a zone's own reports do: the opening's place is the report's too)
JD_PART = CS_PART.replace(CS_ORGAN, "彭水苗族土家族自治县长生街道办事处").replace("2020年,长生镇", "2020年,长生街道", 1)
ZONE_PART = LS_PART.replace("灵寿县人民政府\n关于", "灵寿经济开发区管理委员会\n关于", 1).replace(
    "特此报告。\n灵寿县人民政府\n", "特此报告。\n灵寿经济开发区管理委员会\n").replace(
    "2021年以来,灵寿县", "2021年以来,灵寿经济开发区", 1)

TOWNSHIP_OFFICES = {
    "党政办公室, 书名号": (f"彭水苗族土家族自治县长生镇党政办公室关于公布《{CS_TITLE}》的通知", f"现将《{CS_TITLE}》予以公布。",
                     "彭水苗族土家族自治县长生镇党政办公室\n2021年7月15日", f"附件：{CS_TITLE}\n", CS_PART),
    "党政综合办公室, 我镇": ("长生镇党政综合办公室关于公布2020年度法治政府建设工作报告的通知",
                      "现将我镇2020年度法治政府建设工作报告予以公布，接受社会监督。", "长生镇党政综合办公室\n2021年7月16日",
                      "附件\n", CS_PART),
    "党政办, title from 关于": ("关于印发长生镇2020年度法治政府建设工作报告的通知", "现将长生镇2020年度法治政府建设工作报告印发给你们。",
                            "长生镇党政办公室\n2021年7月16日", "附件：长生镇2020年度法治政府建设工作报告\n", CS_PART),
    "镇委依法治镇办": ("中共彭水苗族土家族自治县长生镇委员会全面依法治镇委员会办公室关于公布长生镇2020年度法治政府建设工作报告的通知",
                "现将长生镇人民政府2020年度法治政府建设工作报告予以公布。", "镇委依法治镇办\n2021年7月16日", "附件\n",
                CS_PART),
    "a 街道's 党政办公室": ("彭水苗族土家族自治县长生街道党政办公室关于公布长生街道2020年度法治政府建设工作报告的通知",
                       "现将长生街道2020年度法治政府建设工作报告予以公布。", "彭水苗族土家族自治县长生街道党政办公室\n2021年7月15日",
                       "附件\n", JD_PART),
    "a zone's 管委会综合办公室": ("灵寿经济开发区管委会综合办公室关于公布2021年度法治政府建设情况报告的通知",
                           "现将《灵寿经济开发区管理委员会关于2021年度法治政府建设情况的报告》予以公布。",
                           "灵寿经济开发区管委会综合办公室\n2022年1月20日", "附件\n", ZONE_PART),
    "a zone's 党政办公室": ("灵寿经济开发区党政办公室关于公布2021年度法治政府建设情况报告的通知",
                       "现将《灵寿经济开发区管理委员会关于2021年度法治政府建设情况的报告》予以公布。",
                       "灵寿经济开发区党政办公室\n2022年1月20日", "附件\n", ZONE_PART),
}


@pytest.mark.parametrize("title, words, signed, attached, report", TOWNSHIP_OFFICES.values(), ids=TOWNSHIP_OFFICES)
def test_a_township_or_zone_report_published_by_its_own_office_is_the_report(title, words, signed, attached, report):
    _as_alone(lawcheck.evaluate(_notice(title, words, signed, attached, report)), lawcheck.evaluate(report))


NOT_THE_TOWNSHIPS = {
    "the county's 党政办公室": ("彭水苗族土家族自治县党政办公室关于公布长生镇2020年度法治政府建设工作报告的通知",
                          "彭水苗族土家族自治县党政办公室\n2021年7月20日"),
    "another township's 党政办公室": ("彭水苗族土家族自治县石桥镇党政办公室关于公布长生镇2020年度法治政府建设工作报告的通知",
                                "彭水苗族土家族自治县石桥镇党政办公室\n2021年7月20日"),
    "another township's 依法治镇办": ("关于公布长生镇2020年度法治政府建设工作报告的通知",
                                 "中共石桥镇委全面依法治镇委员会办公室\n2021年7月20日"),
}


@pytest.mark.parametrize("title, signed", NOT_THE_TOWNSHIPS.values(), ids=NOT_THE_TOWNSHIPS)
def test_another_places_office_publishing_a_townships_report_stays_a_notice(title, signed):
    text = _notice(title, "现将《长生镇2020年度法治政府建设工作报告》予以公布。", signed, "附件\n", CS_PART)
    card = lawcheck.evaluate(text)
    assert (card.document.kind, card.document.other_kind) == ("other", "notice")


# ---- F4: a joint 县委、县政府 report published by the Party committee's own office (中共灵寿县委办公室): the committee
# is half the report's author.  Its office publishing the government's report alone is another body's notice.

LS_BODY = LINGSHOU[LINGSHOU.index("中共灵寿县委、县人大常委会:"):]
JOINT = "中共灵寿县委 灵寿县人民政府\n关于2021年度法治政府建设情况的报告\n" + LS_BODY.replace(
    "中共灵寿县委、县人大常委会:", "中共石家庄市委、石家庄市人民政府:", 1).replace(
    "特此报告。\n灵寿县人民政府\n", "特此报告。\n中共灵寿县委员会\n灵寿县人民政府\n")
JOINT_TITLE = "中共灵寿县委 灵寿县人民政府关于2021年度法治政府建设情况的报告"

PARTY_OFFICE = {
    "中共…县委办公室, 书名号": (f"中共灵寿县委办公室关于公布《{JOINT_TITLE}》的通知", f"现将《{JOINT_TITLE}》予以公布。",
                          "中共灵寿县委办公室\n2022年1月20日"),
    "县委办公室 signing, 县委、县政府": ("关于公布2021年度法治政府建设情况报告的通知",
                                 "现将县委、县政府2021年度法治政府建设情况报告予以公布。", "中共灵寿县委员会办公室\n2022年1月21日"),
    "the committee itself": ("中共灵寿县委关于公布2021年度法治政府建设情况报告的通知", f"现将《{JOINT_TITLE}》予以公布。",
                             "中共灵寿县委员会\n2022年1月21日"),
}


@pytest.mark.parametrize("title, words, signed", PARTY_OFFICE.values(), ids=PARTY_OFFICE)
def test_a_joint_report_published_by_its_party_committees_office_is_the_report(title, words, signed):
    text = _notice(title, words, signed, f"附件：{JOINT_TITLE}\n", JOINT)
    _as_alone(lawcheck.evaluate(text), lawcheck.evaluate(JOINT))


@pytest.mark.parametrize("signed, report", [
    ("中共灵寿县委办公室\n2022年1月20日", LS_PART),  # the government's report alone
    ("中共石家庄市委办公室\n2022年4月20日", JOINT),  # the city's Party office on the county's joint report
    ("中共正定县委办公室\n2022年1月20日", JOINT),  # a neighbour's
], ids=["government's alone", "the city's", "a neighbour's"])
def test_a_party_office_publishing_what_is_not_its_committees_report_stays_a_notice(signed, report):
    text = _notice("关于公布2021年度法治政府建设情况报告的通知", f"现将《{LS_TITLE}》予以公布。", signed, "附件\n", report)
    card = lawcheck.evaluate(text)
    assert (card.document.kind, card.document.other_kind) == ("other", "notice")


# ---- F5: the report read under its own publishing notice keeps the publication date: the notice's date (the day it
# was published) and the page's 发布时间 line under the notice's title, which the report alone would have read

HT_ORGAN = "株洲市荷塘区人民政府"
HT_TITLE = f"{HT_ORGAN}关于2024年度法治政府建设情况的报告"
HT_PART = f"{HT_TITLE}\n\n{HETANG.rstrip()}\n\n{HT_ORGAN}\n2025年2月20日\n"


def _published_on(card) -> str | None:
    return card.document.published_date.isoformat() if card.document.published_date else None


@pytest.mark.parametrize("signed, on", [
    ("株洲市荷塘区人民政府办公室\n2025年2月25日", "2025-02-25"),
    ("株洲市荷塘区人民政府办公室\n二〇二五年三月三日", "2025-03-03"),
    ("荷塘区司法局\n2025年3月31日", "2025-03-31"),
], ids=["附件 alone, 政府办公室", "a date in Chinese numerals", "司法局, the last day"])
def test_the_notices_date_is_the_reports_publication(signed, on):
    text = _notice(f"株洲市荷塘区人民政府办公室关于公布《{HT_TITLE}》的通知", f"现将《{HT_TITLE}》予以公布。", signed,
                   "附件：\n", HT_PART)
    card, alone = lawcheck.evaluate(text), lawcheck.evaluate(HT_PART)
    _as_alone(card, alone)
    assert _published_on(card) == on
    assert card.result("deadline.publication").status == "pass"
    assert card.score > alone.score


def test_a_notice_published_late_fails_the_deadline_as_the_report_would():
    text = _notice(f"株洲市荷塘区人民政府办公室关于公布《{HT_TITLE}》的通知", f"现将《{HT_TITLE}》予以公布。",
                   "株洲市荷塘区人民政府办公室\n2025年5月12日", "附件：\n", HT_PART)
    card = lawcheck.evaluate(text)
    assert card.document.kind == "annual_report" and _published_on(card) == "2025-05-12"
    assert card.result("deadline.publication").status == "fail"


LS_PAGE = ("您当前位置:政务公开 >> 政府文件 >> 文章阅读\n灵寿县人民政府办公室关于公布《{t}》的通知\n"
           "{stamp}\n【字体: 】    打印\n灵政办函〔2022〕3号\n各乡镇人民政府,县政府各部门:\n现将《{t}》予以公布。\n"
           "灵寿县人民政府办公室\n2022年1月20日\n附件:{t}\n").replace("{t}", LS_TITLE)


@pytest.mark.parametrize("stamp, on, status", [
    ("发布时间:2022-01-20    来源:灵寿县司法局", "2022-01-20", "pass"),
    ("发布日期：2022年01月24日  浏览次数：112", "2022-01-24", "pass"),
    ("发布时间:2022-04-12    来源:灵寿县司法局", "2022-04-12", "fail"),  # the page says when: not the notice's date
], ids=["发布时间, the notice's day", "发布日期, days later", "the page later than the notice"])
def test_a_pages_publication_line_under_the_notices_title_is_the_reports(stamp, on, status):
    card = lawcheck.evaluate(LS_PAGE.replace("{stamp}", stamp) + LS_PART)
    _as_alone(card, lawcheck.evaluate(LS_PART))
    assert _published_on(card) == on
    assert card.result("deadline.publication").status == status


# ---- F6: the government's own office, 司法局 or 依法治X办 sending its unsigned report upward signs for it, as a
# publishing notice of theirs publishes it (one notion of the government's own body): the letter's signature and date
# are lent, the report's organ and level stay its own (the government's, not the office's as a department's)

def _letter(to: str, words: str, signed: str) -> str:
    return f"关于报送2024年度法治政府建设情况报告的函\n\n{to}\n{words}\n\n{signed}\n\n附件:荷塘区2024年度法治政府建设情况报告\n\n"


@pytest.mark.parametrize("to, signed", [
    ("市政府办公室:", "株洲市荷塘区人民政府办公室\n2025年2月20日"),
    ("市司法局:", "株洲市荷塘区司法局\n2025年2月20日"),
    ("市委依法治市办:", "中共株洲市荷塘区委全面依法治区委员会办公室\n2025年2月20日"),
    ("市政府办公室:", "荷塘区政府办公室\n2025年2月20日"),
], ids=["政府办公室", "司法局", "依法治区办", "区政府办公室, short"])
def test_the_governments_own_office_sending_its_unsigned_report_signs_for_it(to, signed):
    card, alone = lawcheck.evaluate(_letter(to, "现将我区2024年度法治政府建设情况报告随文报送。", signed) + HETANG), \
        lawcheck.evaluate(HETANG)
    assert (card.document.organ, card.document.level) == (alone.document.organ, alone.document.level) == ("荷塘区", "county")
    assert str(card.document.signed_date) == "2025-02-20"
    assert card.result("form.signature").status == "pass"
    mine, its = card.statuses(), alone.statuses()
    mine.pop("form.signature"), its.pop("form.signature")
    assert mine == its
    assert card.document.recipients == alone.document.recipients  # the office's addressee is not the report's


@pytest.mark.parametrize("signed", ["株洲市芦淞区司法局\n2025年2月20日", "株洲市司法局\n2025年2月20日"],
                         ids=["a neighbour's", "the city's"])
def test_another_bodys_letter_lends_the_report_nothing(signed):
    card = lawcheck.evaluate(_letter("市司法局:", "现将荷塘区2024年度法治政府建设情况报告随文报送。", signed) + HETANG)
    assert (card.document.organ, card.document.level) == ("荷塘区", "county")
    assert card.document.signed_date is None and card.result("form.signature").status != "pass"


def test_a_townships_own_office_sending_its_report_signs_for_it():
    unsigned = CS_PART[:CS_PART.rindex("。") + 1] + "\n"  # the 长生镇 report without its signature and date
    letter = ("关于报送2020年度法治政府建设工作报告的函\n彭水苗族土家族自治县人民政府：\n现将我镇2020年度法治政府建设工作报告"
              "随文报送，请审阅。\n彭水苗族土家族自治县长生镇党政办公室\n2021年1月15日\n附件\n")
    card, alone = lawcheck.evaluate(letter + unsigned), lawcheck.evaluate(unsigned)
    assert (card.document.organ, card.document.level) == (alone.document.organ, "township")
    assert str(card.document.signed_date) == "2021-01-15"
    assert card.result("form.signature").status == "pass"


# ---- after the attack review: a department's report by its own office, the coordinating body's office; a notice
# addressed to the report's peers (from the level above, its signature naming no place); "我县" in a notice's words
# over a report whose opening names a township

SCJ = "灵寿县市场监督管理局"
SCJ_PART = LS_PART.replace("灵寿县人民政府\n关于", f"{SCJ}\n关于", 1).replace(
    "特此报告。\n灵寿县人民政府\n", f"特此报告。\n{SCJ}\n")


@pytest.mark.parametrize("issuer, report", [
    (f"{SCJ}办公室", SCJ_PART),
    ("灵寿县法治政府建设工作领导小组办公室", LS_PART),
], ids=["a department's own office", "the coordinating body's office"])
def test_a_report_published_by_its_own_bodys_office_is_the_report(issuer, report):
    title = report.split("\n")[0] + report.split("\n")[1]
    text = _notice(f"{issuer}关于公布2021年度法治政府建设情况报告的通知", f"现将《{title}》予以公布。",
                   f"{issuer}\n2022年1月20日", "附件\n", report, to="各股室：")
    _as_alone(lawcheck.evaluate(text), lawcheck.evaluate(report))


def test_a_notice_addressed_to_the_reports_peers_is_from_the_level_above():
    yx = (FIXTURES / "002_yixing_2020.txt").read_text(encoding="utf-8")
    text = _notice("关于公布宜兴市2020年度法治政府建设情况报告的通知", "现将宜兴市2020年度法治政府建设情况报告予以公布。",
                   "市人民政府办公室\n2021年4月20日", "附件\n", yx, to="各市（县）、区人民政府，市各委办局：")
    card = lawcheck.evaluate(text)
    assert (card.document.kind, card.document.other_kind) == ("other", "notice")
    assert gate_reasons(card, 60, "error")


def test_we_in_a_notices_words_do_not_outweigh_a_township_named_by_the_report():
    part = LS_PART.replace("灵寿县人民政府\n关于2021年度法治政府建设情况的报告", "2021年度法治政府建设情况报告", 1)
    part = part.replace("2021年以来,灵寿县", "2021年以来,青石镇", 1)
    part = part[:part.rindex("特此报告。")]  # unsigned
    text = _notice("灵寿县人民政府办公室关于公布2021年度法治政府建设情况报告的通知", "现将我县2021年度法治政府建设情况报告予以公布。",
                   "灵寿县人民政府办公室\n2022年1月20日", "附件\n", part, to="各乡镇人民政府，县政府各部门：")
    card = lawcheck.evaluate(text)
    assert (card.document.kind, card.document.other_kind) == ("other", "notice")
    # …while the county's own report under the same notice, opening on the county, is the report
    own = part.replace("2021年以来,青石镇", "2021年以来,灵寿县", 1)
    assert lawcheck.evaluate(text.replace(part, own)).document.kind == "annual_report"
