"""Look-alikes and the gate, both directions (issue 18's tenth session): real reports and the documents published
beside them, built from the fixtures' paragraphs, that the kind verdict misread."""

from __future__ import annotations

import pytest

import lawcheck
from tests.conftest import FIXTURES

HETANG = (FIXTURES / "004_hetang_2024.txt").read_text(encoding="utf-8")
H = HETANG.split("\n")
_PROBES = FIXTURES.parent / "tests" / "data" / "probes"
L02B = (_PROBES / "L02b_shufa_notitle.txt").read_text(encoding="utf-8")


def _kind(text: str) -> tuple[str, str | None]:
    card = lawcheck.evaluate(text)
    return card.document.kind, card.document.other_kind


# --- An untitled unit's report that names its leaders in its items is no third-person 述法 --------------------------
# (RULEBOOK §2.1: the report tells how the 党政主要负责人 carried out their 第一责任人 duty — naming them is what it
# is asked to do; a 述法 written about one leader has that leader as its subject from its first paragraph.)

_ONE = ("（一）压实第一责任人职责。区长李明华同志认真履行推进法治建设第一责任人职责，李明华同志全年主持区政府常务"
        "会议学法6次，李明华同志带头出庭应诉2次。\n")
_TWO = ("（一）压实第一责任人职责。区委书记张建国同志、区长李明华同志认真履行推进法治建设第一责任人职责，张建国同志"
        "全年主持区委常委会会议专题研究法治建设4次，李明华同志主持区政府常务会议学法6次，李明华同志带头出庭应诉2次。\n")


@pytest.mark.parametrize("opening,item", [
    (H[0], _ONE),
    (H[0], _TWO),
    ("2024年，在区委书记张建国同志、区长李明华同志的带领下，" + H[0][5:], _TWO),
    ("区委、区人大常委会：\n" + H[0], _ONE),
], ids=["one-leader-in-items", "two-leaders", "both-in-opening", "salutation-first"])
def test_untitled_report_naming_its_leaders_is_a_report(opening: str, item: str) -> None:
    text = opening + "\n一、年度工作情况\n" + item + "\n".join(H[3:])
    assert _kind(text) == ("annual_report", None)


@pytest.mark.parametrize("text", [
    L02B,
    "王建国，男，汉族，1970年生，现任县人民政府县长。\n" + L02B,
    "县委全面依法治县委员会办公室：\n" + L02B,
    L02B.replace("王建国同志认真贯彻", "县长王建国同志认真贯彻", 1),
], ids=["subject-in-opening", "biography-first", "salutation-first", "post-before-name"])
def test_third_person_shufa_untitled_is_still_shufa(text: str) -> None:
    assert _kind(text) == ("other", "shufa_report")


# --- A cover publishing or sending the report, without the report, is the cover ----------------------------------
# (a researcher crawling a year's pages meets the 通知 or 公告 that publishes the report, the report itself a
# download; there is no report in the text to score — not a "too short" report)

_PUBLISHED = "《荷塘区2024年度法治政府建设情况报告》"
_COVERS = {
    "notice": ("株洲市荷塘区人民政府办公室\n关于公布荷塘区2024年度法治政府建设情况报告的通知\n"
               "各街道办事处，区政府各局委办、各直属机构：\n根据《法治政府建设与责任落实督察工作规定》，现将"
               f"{_PUBLISHED}予以公布，请各单位认真学习，抓好贯彻落实。\n附件：荷塘区2024年度法治政府建设情况报告"
               "（见附件下载）\n荷塘区人民政府办公室\n2025年2月1日"),
    "announcement": ("关于公开发布2024年度法治政府建设情况报告的公告\n根据有关规定，现将"
                     f"{_PUBLISHED}向社会公开发布，欢迎社会各界监督。\n附件：荷塘区2024年度法治政府建设情况报告.pdf\n"
                     "荷塘区人民政府办公室\n2025年3月20日"),
    "letter": ("荷塘区人民政府\n关于报送荷塘区2024年度法治政府建设情况报告的函\n荷政函〔2025〕5号\n株洲市人民政府：\n"
               f"根据《法治政府建设与责任落实督察工作规定》，现将{_PUBLISHED}随文报送，请审阅。\n"
               "附件：荷塘区2024年度法治政府建设情况报告\n株洲市荷塘区人民政府\n2025年1月10日"),
    "issued": (f"关于印发{_PUBLISHED}的通知\n各街道，区直各单位：\n{_PUBLISHED}已经区委、区政府同意，现印发给你们，"
               "请结合实际认真抓好落实。\n附件：荷塘区2024年度法治政府建设情况报告\n荷塘区人民政府办公室\n2025年2月1日"),
}


@pytest.mark.parametrize("name", sorted(_COVERS))
def test_cover_without_the_report_is_a_notice(name: str) -> None:
    card = lawcheck.evaluate(_COVERS[name])
    assert (card.document.kind, card.document.other_kind) == ("other", "notice")
    assert card.score is None
    assert "未载报告全文" in card.document.kind_reason
    en = lawcheck.evaluate(_COVERS[name], lang="en").document.kind_reason
    assert "holds the cover alone" in en


@pytest.mark.parametrize("name", sorted(_COVERS))
def test_cover_with_the_report_after_it_is_the_report(name: str) -> None:
    card = lawcheck.evaluate(_COVERS[name] + "\n荷塘区2024年度法治政府建设情况报告\n" + HETANG)
    assert card.document.kind == "annual_report"
    assert card.score is not None


def test_cover_cut_before_its_signature_is_not_judged_a_cover() -> None:
    # a page excerpt stopped inside the cover: what follows it may be the report (judged as it was)
    cut = _COVERS["notice"].rsplit("\n", 2)[0][:-20]
    assert lawcheck.evaluate(cut).document.kind == "annual_report"


# --- An untitled bid or self-assessment with a part of its own for its score or its bid --------------------------
# (a 示范创建 申报材料 or an assessment's 自评 whose title the page lost: "三、自评情况", "自评总分及创建亮点",
# "（10分，自评10分）" as parts; a report tells of its self-assessment inside its year's work)

_PROBE_BID = (_PROBES / "2L_zipingbaogao.txt").read_text(encoding="utf-8")
_PROBE_SCORES = (_PROBES / "2L_kaohe_zibiao.txt").read_text(encoding="utf-8")
_PROBLEMS = H[7]
_WORK = H[2:6]


@pytest.mark.parametrize("text", [
    H[0] + "\n一、创建工作开展情况\n" + "\n".join(_WORK) + "\n二、自评情况\n对照《市县法治政府建设示范指标体系》，"
    "我区逐项开展自查自评，自评得分938分。\n三、申报意见\n我区符合申报条件。",
    H[0] + "\n一、创建工作开展情况\n" + "\n".join(_WORK) + "\n二、自评得分情况\n对照指标体系逐项自评，共计得分935分。\n"
    "三、存在的问题\n" + _PROBLEMS,
    _PROBE_BID.split("\n", 2)[2],  # the bid without its title and its opening
    _PROBE_SCORES.split("\n", 1)[1],  # an assessment's scores, its title lost
], ids=["bid-parts", "score-part", "probe-bid-untitled", "probe-scores-untitled"])
def test_untitled_self_assessment_by_its_parts(text: str) -> None:
    card = lawcheck.evaluate(text)
    assert (card.document.kind, card.document.other_kind) == ("other", "self_assessment")
    assert "自评" in card.document.kind_reason


def test_report_telling_its_self_assessment_in_its_work_stays_a_report() -> None:
    item = ("（五）扎实开展示范创建。对照《市县法治政府建设示范指标体系》开展自查自评，自评得分935分，积极申报第三批"
            "全国法治政府建设示范区。\n")
    text = H[0] + "\n一、年度工作情况\n" + _WORK[0] + "\n" + item + "\n".join(H[3:])
    assert lawcheck.evaluate(text).document.kind == "annual_report"


# --- No year named, "今年以来" signed mid-year: that year so far, not a year's report ------------------------------
# (督察工作规定 art. 24 and the 纲要: the report is on the year just ended, written in the next year's first quarter;
# a text on "this year so far" signed in July is a part-year summary whatever its title)

_UNDATED_TITLE = "荷塘区法治政府建设工作情况汇报\n"


def _so_far(opening: str, signed: str) -> str:
    return _UNDATED_TITLE + HETANG.replace("2024年,", opening, 1) + "\n荷塘区人民政府\n" + signed


@pytest.mark.parametrize("opening,signed", [
    ("今年以来,", "2024年7月10日"),
    ("年初以来,", "2024年9月28日"),
    ("今年上半年,", "2024年7月2日"),
    ("入年以来,", "2024年10月31日"),
], ids=["jinnian-july", "nianchu-september", "first-half-july", "last-day-of-october"])
def test_year_so_far_signed_mid_year_is_not_the_report(opening: str, signed: str) -> None:
    card = lawcheck.evaluate(_so_far(opening, signed))
    assert card.document.kind == "other"
    assert card.score is None


@pytest.mark.parametrize("opening,signed", [
    ("今年以来,", "2024年12月10日"),  # from November on, the year is (nearly) whole
    ("今年以来,", "2025年1月10日"),  # the season's reports: "今年" a slip for the year just ended
    ("一年来,", "2024年7月10日"),  # not "so far"
], ids=["december", "january", "yinianlai"])
def test_year_so_far_at_the_season_stays_the_report(opening: str, signed: str) -> None:
    assert lawcheck.evaluate(_so_far(opening, signed)).document.kind == "annual_report"


def test_year_named_in_the_title_is_judged_by_it() -> None:
    text = "荷塘区2024年度法治政府建设工作情况汇报\n" + HETANG.replace("2024年,", "今年以来,", 1) + "\n荷塘区人民政府\n2025年1月10日"
    assert lawcheck.evaluate(text).document.kind == "annual_report"
