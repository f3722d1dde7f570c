"""Found by the reviews of 2026-12-08 (a document's layout: cover letters, page headers, signatures, dates):
each case is a real report changed the way a government sends or a site publishes it, and what the
document's own parts say."""

from __future__ import annotations

import lawcheck
from tests.conftest import FIXTURES

LINGSHOU = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
# Signed on 10 April, no page date: late for publication (督察工作规定 art. 24) whatever note follows the date.
LATE = LINGSHOU.replace("发布时间:2022-01-20", "").replace("\xa02022年1月14日", "\xa02022年4月10日")


def _status(card, rule: str) -> str:
    return next(r.status for r in card.results if r.rule == rule)


def test_a_note_under_the_signature_date_leaves_the_signature_read():
    """A sent document's closing lines under its date — a note in brackets of any length (how it is made
    public, to whom it goes, what was cut), the same note without brackets, 抄送 and 印发 lines, a contact, an
    attachment list — are not the report's end: the organ and the date above them are its signature."""
    for note in ("（本文有删减）", "（此件主动公开，报送市司法局）", "（此件发至各乡镇人民政府、县政府各部门）", "【此件公开发布】",
                 "（此件发至各乡镇人民政府、县政府各部门）\n抄送：县委办公室，县人大常委会办公室。\n"
                 "灵寿县人民政府办公室 2022年4月10日印发",
                 "（此件公开发布）\n（联系人：张三，联系电话：0311-82512345）",
                 "（此件不予公开）\n附件：1.灵寿县2021年度行政执法统计表",
                 "本文有删减", "此件主动公开，报送市司法局、市依法治市办"):
        card = lawcheck.evaluate(LATE.replace("(此件公开发布)", note))
        assert str(card.document.signed_date) == "2022-04-10", note
        assert _status(card, "form.signature") == "pass", note
        assert _status(card, "deadline.publication") == "fail", note
    # 2020's report signed after the first quarter: late under the 2015 纲要, the note notwithstanding.
    late2020 = (LATE.replace("关于2021年度", "关于2020年度").replace("2021年以来,灵寿县", "2020年以来,灵寿县")
                .replace("\xa02022年4月10日", "\xa02021年4月15日"))
    for note in ("（本文有删减）", "（此件主动公开，报送市司法局）"):
        card = lawcheck.evaluate(late2020.replace("(此件公开发布)", note))
        assert _status(card, "deadline.first_quarter") == "fail", note


def test_a_line_of_text_after_the_date_is_no_note():
    """A sentence after the date is the text going on, not a note: the date is not taken as the end."""
    card = lawcheck.evaluate(LATE.replace("(此件公开发布)", "（此件公开发布）\n下一步，县政府将继续推进依法行政工作，"
                                                       "不断提高法治政府建设水平。"))
    assert card.document.signed_date is None
    # …and a bracketed line under a news story's last paragraph (its author) makes no signature of it
    news = "2022年1月14日，灵寿县召开法治政府建设工作会议，部署全年工作任务。\n（张琼予）\n"
    assert lawcheck.evaluate(news).document.signed_date is None
