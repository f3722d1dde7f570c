"""An article about the year's report is not the report (an attacker's finding: a news item headed
"《…的报告》全文公开", retelling the report in the third person, scored 92.2 as the report itself).

A headline that names the report as its subject — in book-title marks with the news around it, under a
reader's verb, with a claim after it — does not make the text a report: what the text says decides.  The
controls: every real report under the same headlines (a site may carry the report itself under one)."""

from __future__ import annotations

import pytest

import lawcheck
from tests.conftest import FIXTURES, SHARED

NAME = "青山县人民政府关于2023年度法治政府建设情况的报告"
BODY = (
    "来源：青山县融媒体中心    发布时间：2024-01-22\n"
    "{opening}青山县人民政府在政府门户网站全文公开《{name}》，接受社会监督。\n"
    "2023年以来，青山县坚持以习近平法治思想为指导，党政主要负责人认真履行推进法治建设第一责任人职责，县长主持召开"
    "县政府常务会议专题研究法治政府建设工作4次，年底在县委全面依法治县委员会会议上述法。\n"
    "在依法决策方面，青山县严格落实重大行政决策程序，重大行政决策均履行公众参与、专家论证、风险评估、合法性审查、"
    "集体讨论决定程序，全年对政府常务会议题会前合法性审查98件。\n"
    "在严格执法方面，全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，实现县乡全覆盖。\n"
    "在化解矛盾方面，全年共收行政复议案件15件，已结案13件；行政机关负责人出庭应诉率达到100%。\n"
    "对于工作中存在的问题，青山县也不回避。报告坦承，行政机关负责人出庭率偏低，部分执法人员法律素养不高，原因在于"
    "培训不够系统。\n"
    "2024年，青山县将全面推行行政执法三项制度，持续推进综合执法改革，开展法治政府建设示范创建。\n"
)
HEADLINES = [f"《{NAME}》全文公开", f"解码{NAME}", "青山县2023年度法治政府建设报告：县长4次专题研究法治政府建设",
             f"一图读懂{NAME}"]


@pytest.mark.parametrize("headline", HEADLINES)
@pytest.mark.parametrize("opening", ["1月20日，", "近日，", ""])
def test_an_article_about_the_report_is_news(headline, opening):
    card = lawcheck.evaluate(headline + "\n" + BODY.format(opening=opening, name=NAME))
    # ("一图读懂…" is read as an interpretation of the report: not the report either)
    assert card.document.kind == "other" and card.document.other_kind in ("news", "interpretation")
    assert card.score is None


REPORTS = sorted(FIXTURES.glob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))


@pytest.mark.parametrize("path", REPORTS, ids=[p.stem for p in REPORTS])
def test_the_report_itself_under_such_a_headline_is_still_the_report(path):
    text = path.read_text(encoding="utf-8")
    card = lawcheck.evaluate(text)
    if card.document.kind != "annual_report":
        pytest.skip("not a report to begin with (a template)")
    title = card.document.title
    for headline in (f"《{title}》全文公开", f"解码{title}", f"{title}：全面推进依法行政"):
        assert lawcheck.evaluate(headline + "\n" + text).document.kind == "annual_report", headline
