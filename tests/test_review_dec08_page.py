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


NO_HEADER = LINGSHOU.replace("发布时间:2022-01-20", "")


def test_a_signature_date_without_its_year_is_a_date_left_unfinished():
    """The organ signs, the date under it gives month and day only ("1月14日", "一月十四日", "元月14日"): the
    signature is there and its date lacks the year (公文处理工作条例 art. 9: 成文日期 in full) — partial, as
    "2022年1月" is, never "缺少落款机关、落款日期"."""
    for day in ("1月14日", "一月十四日", "元月14日", "1 月 14 日"):
        card = lawcheck.evaluate(NO_HEADER.replace("\xa02022年1月14日", "\xa0" + day))
        r = card.result("form.signature")
        assert r.status == "partial", day
        assert "未写年份" in r.message and "落款机关" not in r.message, (day, r.message)
        assert card.document.signed_date is None, day  # no year: no day to hold to a deadline
        en = lawcheck.evaluate(NO_HEADER.replace("\xa02022年1月14日", "\xa0" + day), lang="en")
        assert "has no year" in en.result("form.signature").message, day
    # a month alone is no date line; a whole date still passes
    assert lawcheck.evaluate(NO_HEADER.replace("\xa02022年1月14日", "\xa012月")).result(
        "form.signature").status == "fail"
    for day in ("2022年1月14日", "二〇二二年一月十四日"):
        assert lawcheck.evaluate(NO_HEADER.replace("\xa02022年1月14日", "\xa0" + day)).result(
            "form.signature").status == "pass", day


def test_a_page_date_in_chinese_numerals_is_read():
    """A page's labelled date written in Chinese numerals is its publication date, as ``published=`` reads it;
    a 成文日期 or a site clock in the same form is not."""
    for label, day, status in (("发布日期：", "二〇二二年四月二日", "fail"), ("发布时间：", "二〇二二年三月三十一日", "pass"),
                               ("日期：", "二零二二年四月十二日", "fail")):
        card = lawcheck.evaluate(LINGSHOU.replace("发布时间:2022-01-20", label + day))
        assert card.document.published_date == lawcheck.evaluate(LINGSHOU, published=day).document.published_date, day
        assert card.result("deadline.publication").status == status, day
    for line in ("成文日期：二〇二二年四月二日", "今天是二〇二二年四月二日 星期六"):
        assert lawcheck.evaluate(LINGSHOU.replace("发布时间:2022-01-20", line)).document.published_date is None, line


_TITLE = "关于2021年度法治政府建设情况的报告"
BODY = LINGSHOU.split(_TITLE, 1)[1]  # the report under its title, the page header gone


def test_the_article_a_trail_of_columns_ends_on_is_the_pages_title():
    """A page without a title line of its own names its article at the end of the trail of columns above
    it ("当前位置：首页 > 政务公开 > …的报告"), or in its metadata table ("标题：…", a row "索引号：… | 标题：… |
    文号：…"): that is the title, without its label — read as the same title on its own line is, so a look-alike
    (a party committee's, a bureau's year summary, a notice about reports) is known by it."""
    for title in ("中共灵寿县委关于2021年度法治建设工作情况的报告", "灵寿县司法局2021年工作总结",
                  "灵寿县2021年行政复议工作报告", "关于2021年度法治政府建设年度报告报送和公开情况的通报",
                  "灵寿县人民政府关于2021年度法治政府建设情况的报告"):
        alone = lawcheck.evaluate(title + BODY).document
        for head in ("当前位置：首页 > 政务公开 > " + title, "您的位置：首页 » 政务公开 » " + title,
                     "当前位置：首页>>法治政府>>" + title, "标题：" + title, "标  题：" + title, "文件名称：" + title,
                     "信息名称：" + title + "\n发布日期：2022-01-20",
                     "索引号：13012/2022-001 | 标题：" + title + " | 文号：灵政函〔2022〕6号"):
            card = lawcheck.evaluate(head + BODY)
            doc = card.document
            assert doc.title == title, head
            assert (doc.kind, doc.other_kind) == (alone.kind, alone.other_kind), head
    # the evidence of the title's year points into the original text, in the trail
    text = "当前位置：首页 ＞ 政务公开 ＞ 灵寿县人民政府" + _TITLE + BODY
    ev = lawcheck.evaluate(text).result("form.reporting_year").evidence[0]
    assert text[ev.start:ev.end] == "灵寿县人民政府" + _TITLE


def test_a_trail_ending_on_a_column_gives_no_title():
    """A trail that ends on the site's column ("法治政府建设", "法治政府建设年度报告", "文章阅读", "政务公开工作文件")
    names no document: the page stays untitled, and a title line under it is still the title."""
    for column in ("法治政府建设", "法治政府建设年度报告", "文章阅读", "政务公开工作文件", "政府信息公开年度报告"):
        card = lawcheck.evaluate("当前位置：首页 > 政务公开 > " + column + BODY)
        assert card.document.title is None, column
        assert card.document.kind == "annual_report", column
    card = lawcheck.evaluate("当前位置：首页 > 政务公开 > 灵寿县司法局2021年工作总结\n灵寿县人民政府" + _TITLE + BODY)
    assert card.document.title == "灵寿县人民政府" + _TITLE and card.document.kind == "annual_report"


# A report sent under its cover letter (报送函), the normal way a government files it: the letter, signed, then
# "附件" and the report.
_REPORT_BODY = LINGSHOU[LINGSHOU.index("2021年以来"):LINGSHOU.index("特此报告。")]
_SIG = "灵寿县人民政府\n2022年1月14日\n"
_REPORT = "灵寿县人民政府" + _TITLE + "\n" + _REPORT_BODY + "特此报告。\n" + _SIG
_LETTER = "石家庄市人民政府：\n现将我县2021年度法治政府建设情况报告随文报送，请审阅。\n" + _SIG
_COVER_TITLE = "关于报送2021年度法治政府建设情况报告的函\n"


def test_the_report_a_cover_letter_sends_is_the_document_checked():
    """The letter before "附件" sends the report after it: the report is checked — its title, body and
    signature — and it goes to the letter's addressees (the 主送 line); its score is the report's, not the
    letter's.  Titled or not, with its 文号 or not, the 附件 line numbered or bearing the report's title."""
    alone = lawcheck.evaluate(_REPORT)
    for text in (_COVER_TITLE + _LETTER + "附件\n" + _REPORT,
                 _COVER_TITLE + _LETTER + "附件1\n" + _REPORT,
                 "灵寿县人民政府\n" + _COVER_TITLE + "灵政函〔2022〕6号\n" + _LETTER + "附件\n" + _REPORT,
                 _LETTER + "附件\n" + _REPORT,
                 _COVER_TITLE + _LETTER + "附件：灵寿县人民政府" + _TITLE + "\n" + _REPORT_BODY + "特此报告。\n" + _SIG,
                 "关于报送2021年度法治政府建设情况的报告\n中共石家庄市委、石家庄市人民政府：\n根据《法治政府建设与责任落实督察"
                 "工作规定》，现将《灵寿县人民政府" + _TITLE + "》呈报，请审阅。\n附件：灵寿县人民政府" + _TITLE + "\n"
                 + _SIG + "附件\n" + _REPORT):
        card = lawcheck.evaluate(text)
        doc = card.document
        assert doc.kind == "annual_report" and doc.title == "灵寿县人民政府" + _TITLE, text[:30]
        assert str(doc.signed_date) == "2022-01-14" and doc.organ == "灵寿县人民政府", text[:30]
        assert doc.recipients and doc.recipients[-1] == "石家庄市人民政府", text[:30]
        assert card.result("form.recipients").status == "pass", text[:30]
        for rule, status in alone.statuses().items():
            if rule != "form.recipients":
                assert card.result(rule).status == status, (text[:30], rule)
        # evidence points into the text as given
        for r in card.results:
            for ev in r.evidence:
                assert text[ev.start:ev.end] == ev.text, (r.rule, ev)
    numbered = lawcheck.evaluate("灵寿县人民政府\n" + _COVER_TITLE + "灵政函〔2022〕6号\n" + _LETTER + "附件\n" + _REPORT)
    assert numbered.document.doc_number == "灵政函〔2022〕6号"  # the number it was sent under


def test_an_unsigned_report_under_a_cover_letter_takes_the_letters_signature_and_says_so():
    text = _COVER_TITLE + _LETTER + "附件\n" + "灵寿县人民政府" + _TITLE + "\n" + _REPORT_BODY
    card = lawcheck.evaluate(text)
    r = card.result("form.signature")
    assert str(card.document.signed_date) == "2022-01-14" and r.status == "pass"
    assert "报送函" in r.message
    assert "cover letter" in lawcheck.evaluate(text, lang="en").result("form.signature").message


def test_a_cover_letter_with_a_list_of_names_or_a_report_with_its_annexes_is_left_as_it_is():
    """Only a report after "附件" is taken for the document: a list of the attachments' names leaves the letter
    the text checked; a report's own annexes (a table, another report) stay its annexes."""
    for annex in ("附件：1.灵寿县人民政府" + _TITLE + "\n2.灵寿县2021年度行政执法数据统计表\n",
                  "附件：\n1.灵寿县人民政府" + _TITLE + "\n2.灵寿县2021年度行政执法数据统计表\n",
                  "附件\n灵寿县人民政府" + _TITLE + "\n"):
        card = lawcheck.evaluate(_COVER_TITLE + _LETTER + annex)
        assert card.document.title == _COVER_TITLE.strip() and card.score is None, annex
    alone = lawcheck.evaluate(_REPORT)
    for annex in ("附件\n灵寿县2021年度行政执法数据统计表\n项目 数量\n行政处罚 120件\n行政许可 3400件\n",
                  "附件\n灵寿县2021年度行政复议工作情况报告\n" + _REPORT_BODY[:1500]):
        card = lawcheck.evaluate(_REPORT + annex)
        assert card.document.title == "灵寿县人民政府" + _TITLE and card.score == alone.score, annex
