"""Word files as drafters' offices make them, and pages as crawls leave them, found by the drafter's and the
researcher's reviews of 2026-12-02 (second session): each was read differently from what Word or a browser
shows, and the verdict moved with it.  Every case is the real fixture in that shape, held against its .txt."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from pathlib import Path

import pytest

import lawcheck
from lawcheck.errors import InputError
from lawcheck.files import check_file
from lawcheck.readers import read_document
from tests.helpers.cli import run_lawcheck

docx = pytest.importorskip("docx")
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
NAME = "001_lingshou_2021"
TEXT = (ROOT / "fixtures" / f"{NAME}.txt").read_text(encoding="utf-8")
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
TOP = re.compile(r"^([一二三四五六七八九十]+)、")
SUB = re.compile(r"^[(（]([一二三四五六七八九十]+)[)）]")


def _statuses(card: lawcheck.Scorecard) -> dict[str, str]:
    return {r.rule: r.status for r in card.results}


def _save(document, tmp_path: Path, name: str) -> Path:
    buf = io.BytesIO()
    document.save(buf)
    path = tmp_path / name
    path.write_bytes(buf.getvalue())
    return path


def _add_numbering(document, xml: str) -> None:
    numbering = document.part.numbering_part.element
    for child in list(parse_xml(f"<w:numbering {W}>{xml}</w:numbering>")):
        first_num = numbering.find(qn("w:num"))
        if child.tag == qn("w:abstractNum") and first_num is not None:
            first_num.addprevious(child)
        else:
            numbering.append(child)


LEVELS = ('<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
          '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/>'
          '</w:lvl>')


NUMBERED = ["001_lingshou_2021", "002_yixing_2020", "004_hetang_2024"]


def _numbered(tmp_path: Path, text: str, numpr: callable, setup: callable) -> Path:
    """The report with its part headings numbered by Word (their typed numbers removed): ``setup`` adds the
    definitions, ``numpr(level)`` gives a heading's w:numPr and w:pStyle XML."""
    document = docx.Document()
    setup(document)
    for line in text.split("\n"):
        line = line.strip()
        level = 0 if TOP.match(line) else 1 if SUB.match(line) else None
        line = TOP.sub("", SUB.sub("", line)) if level is not None else line
        p = document.add_paragraph(line)
        if level is not None:
            ppr = p._p.get_or_add_pPr()
            for xml in numpr(level):
                ppr.append(parse_xml(xml))
    return _save(document, tmp_path, "numbered.docx")


@pytest.mark.parametrize("name", NUMBERED)
def test_headings_numbered_through_a_list_style_keep_their_numbers(tmp_path: Path, name: str) -> None:
    """A list defined by a list style: the list's definition only names the style (w:numStyleLink); the levels
    are in the one that defines it (w:styleLink).  The numbers were lost, and with them the parts."""
    def setup(document) -> None:
        _add_numbering(document, f'<w:abstractNum w:abstractNumId="91"><w:styleLink w:val="ReportList"/>{LEVELS}'
                                 '</w:abstractNum>'
                                 '<w:abstractNum w:abstractNumId="92"><w:numStyleLink w:val="ReportList"/>'
                                 '</w:abstractNum>'
                                 '<w:num w:numId="93"><w:abstractNumId w:val="92"/></w:num>')

    text = (ROOT / "fixtures" / f"{name}.txt").read_text(encoding="utf-8")
    path = _numbered(tmp_path, text,
                     lambda lvl: [f'<w:numPr {W}><w:ilvl w:val="{lvl}"/><w:numId w:val="93"/></w:numPr>'], setup)
    assert _statuses(check_file(path)) == _statuses(lawcheck.evaluate(text))
    read = read_document(path.name, path.read_bytes()).text
    assert "\n二、" in read and "\n（一）" in read  # the numbers, as Word shows them


@pytest.mark.parametrize("name", NUMBERED)
def test_a_styled_heading_moved_down_a_level_keeps_its_list(tmp_path: Path, name: str) -> None:
    """Headings numbered by their style; a sub-heading's own numPr gives only its level (what Word writes when a
    styled heading is moved down with Tab): the list is the style's."""
    def setup(document) -> None:
        _add_numbering(document, f'<w:abstractNum w:abstractNumId="94">{LEVELS}</w:abstractNum>'
                                 '<w:num w:numId="95"><w:abstractNumId w:val="94"/></w:num>')
        document.part.styles.element.append(parse_xml(
            f'<w:style {W} w:type="paragraph" w:styleId="PartHeading"><w:name w:val="Part Heading"/>'
            '<w:pPr><w:numPr><w:numId w:val="95"/></w:numPr></w:pPr></w:style>'))

    def numpr(level: int) -> list[str]:
        style = f'<w:pStyle {W} w:val="PartHeading"/>'
        return [style] if level == 0 else [style, f'<w:numPr {W}><w:ilvl w:val="1"/></w:numPr>']

    text = (ROOT / "fixtures" / f"{name}.txt").read_text(encoding="utf-8")
    path = _numbered(tmp_path, text, numpr, setup)
    card = check_file(path)
    assert _statuses(card) == _statuses(lawcheck.evaluate(text))
    read = read_document(path.name, path.read_bytes()).text
    assert "（一）" in read  # the sub-headings' numbers, as Word shows them


def _plain(tmp_path: Path, name: str, mark: callable | None = None) -> Path:
    """The report a paragraph a line; ``mark(paragraph, line)`` changes some."""
    document = docx.Document()
    for line in TEXT.split("\n"):
        p = document.add_paragraph(line)
        if mark:
            mark(p, line)
    return _save(document, tmp_path, name)


def test_hidden_text_is_not_read(tmp_path: Path) -> None:
    """Text formatted hidden (w:vanish) is neither shown nor printed by Word: a plan part hidden is no plan."""
    plan = TEXT[TEXT.index("三、下一步工作计划"):TEXT.index("特此报告")]
    hidden_lines = set(plan.split("\n"))

    def mark(p, line: str) -> None:
        if line in hidden_lines and line:
            for run in p.runs:
                run.font.hidden = True

    card = check_file(_plain(tmp_path, "hidden.docx", mark))
    assert _statuses(card) == _statuses(lawcheck.evaluate(TEXT.replace(plan, "")))
    assert _statuses(card)["content.next_year_plan"] != "pass"


def test_a_signature_set_in_a_text_box_is_read_as_lines_of_its_own(tmp_path: Path) -> None:
    """落款 unit and date in a text box over the seal, anchored in "特此报告。": each of the box's paragraphs is a
    line, after the one it sits in (they were glued into "特此报告。灵寿县人民政府2022年1月14日")."""
    tail = TEXT[TEXT.index("特此报告"):]
    unit, date = "灵寿县人民政府", "2022年1月14日"
    assert unit in tail and date in tail
    body = TEXT[:TEXT.index("特此报告")]
    document = docx.Document()
    for line in body.rstrip("\n").split("\n"):
        document.add_paragraph(line)
    anchor = document.add_paragraph("特此报告。")
    box = (f'<w:r {W} xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
           'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
           'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><w:drawing><wp:anchor><a:graphic>'
           '<a:graphicData><wps:wsp><wps:txbx><w:txbxContent>'
           f'<w:p><w:r><w:t>{unit}</w:t></w:r></w:p><w:p><w:r><w:t>{date}</w:t></w:r></w:p>'
           '</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')
    anchor._p.append(parse_xml(box))
    card = check_file(_save(document, tmp_path, "box.docx"))
    written = lawcheck.evaluate(body + f"特此报告。\n{unit}\n{date}\n")
    assert card.document.signed_date == written.document.signed_date is not None
    assert _statuses(card)["form.signature"] == _statuses(written)["form.signature"] == "pass"


def test_a_wps_hand_made_contents_is_not_read_as_headings(tmp_path: Path) -> None:
    document = docx.Document()
    document.part.styles.element.append(parse_xml(
        f'<w:style {W} w:type="paragraph" w:styleId="WPSOffice1"><w:name w:val="WPSOffice手动目录 1"/></w:style>'))
    lines = TEXT.split("\n")
    title_end = next(i for i, ln in enumerate(lines) if "报告" in ln and "法治" in ln) + 1
    for line in lines[:title_end]:
        document.add_paragraph(line)
    for k, heading in enumerate(ln for ln in lines if TOP.match(ln)):
        entry = document.add_paragraph(f"{heading}\t{k + 1}")
        entry.style = document.styles.get_by_id("WPSOffice1", 1) if hasattr(document.styles, "get_by_id") else None
        entry._p.get_or_add_pPr().append(parse_xml(f'<w:pStyle {W} w:val="WPSOffice1"/>'))
    for line in lines[title_end:]:
        document.add_paragraph(line)
    assert _statuses(check_file(_save(document, tmp_path, "toc.docx"))) == _statuses(lawcheck.evaluate(TEXT))


def test_a_legacy_word_file_named_docx_is_named_so(tmp_path: Path) -> None:
    path = tmp_path / "报告.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048)
    with pytest.raises(InputError) as err:
        check_file(path)
    assert "实际是旧版 Word" in str(err.value) and "是旧版文件格式" not in str(err.value)


@pytest.mark.parametrize("suffix", [".docx", ".rtf"])
def test_an_rtf_file_under_another_name_is_named_rtf(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"报告{suffix}"
    path.write_bytes(b"{\\rtf1\\ansi\\ansicpg936 {\\f0 \\'b7\\'a8}}")
    with pytest.raises(InputError) as err:
        check_file(path)
    assert "RTF" in str(err.value)


# --- Pages.

def _page(body: str, head: str = "") -> str:
    return f'<html><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'


def _report_html() -> str:
    """The report's own lines (the fixture keeps its page's chrome and 发布时间 line: left out here)."""
    chrome = ("当前位置", "发布时间", "字体")
    return "".join(f"<p>{ln}</p>" for ln in TEXT.split("\n") if ln.strip() and not any(c in ln for c in chrome))


def test_a_page_only_pointing_at_an_attachment_is_said_so(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    path = tmp_path / "page.html"
    path.write_text(_page('<h1>灵寿县2021年度法治政府建设情况的报告</h1><p>现将报告予以公开，详见附件。</p>'
                          '<p><a href="/files/report2021.docx">灵寿县2021年度法治政府建设情况的报告.docx</a></p>'),
                    encoding="utf-8")
    with pytest.raises(InputError) as err:
        check_file(path)
    assert "附件" in str(err.value) and "report2021" not in str(err.value)


def test_a_page_of_pictures_is_said_so(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    path = tmp_path / "page.html"
    path.write_text(_page('<h1>灵寿县2021年度法治政府建设情况的报告</h1><p><img src="p1.jpg"><img src="p2.jpg"></p>'),
                    encoding="utf-8")
    with pytest.raises(InputError, match="图片"):
        check_file(path)


def test_a_title_alone_is_not_scored_as_a_report() -> None:
    for text in ("炎陵县2023年度法治政府建设年度报告", "炎陵县2023年度法治政府建设年度报告\n发布时间：2024-03-20\n"):
        card = lawcheck.evaluate(text)
        assert card.score is None and card.document.kind == "other"
        assert {r.status for r in card.results} == {"unknown"}
    # a line of text under a heading is a text, however short (the rules' own examples are)
    assert lawcheck.evaluate("一、主要举措和成效\n全年办理行政复议案件12件,纠错率10%。").document.kind == "annual_report"


@pytest.mark.parametrize("label", ["打印日期", "截止日期", "印发日期"])
def test_a_date_of_something_else_is_not_the_publication_date(tmp_path: Path, label: str) -> None:
    pytest.importorskip("trafilatura")
    path = tmp_path / "page.html"
    path.write_text(_page(f"<table><tr><td>{label}：2025-01-06</td></tr></table>" + _report_html()),
                    encoding="utf-8")
    assert check_file(path).document.published_date is None


def test_the_date_under_the_article_title_wins_over_a_list_beside_it(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    title = "灵寿县人民政府关于2021年度法治政府建设情况的报告"
    side = "".join(f"<li><a href='/x{k}.html'>某县通知{k}</a> 发布日期：2022-01-0{k}</li>" for k in range(1, 4))
    body = (f"<div class='side'><h3>最新公开</h3><ul>{side}</ul></div>"
            f"<div class='article'><h1>{title}</h1><div class='info'>发布日期：2022-03-25 来源：灵寿县司法局</div>"
            f"{_report_html()}</div>")
    path = tmp_path / "page.html"
    path.write_text(_page(body, f"<title>{title}</title>"), encoding="utf-8")
    assert check_file(path).document.published_date == dt.date(2022, 3, 25)


def test_a_page_date_in_a_meta_tag_written_content_first_is_read(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    path = tmp_path / "page.html"
    path.write_text(_page(_report_html(), '<meta content="2022-03-20 09:00:00" name="PubDate">'), encoding="utf-8")
    assert check_file(path).document.published_date == dt.date(2022, 3, 20)


def test_a_gbk_page_cut_mid_character_is_read(tmp_path: Path) -> None:
    """A crawl cut in the middle of a character, or a stray byte: the reading that loses the fewest characters
    (it was read as UTF-8 with every character replaced, and listed as unrelated to 法治)."""
    pytest.importorskip("trafilatura")
    page = _page(_report_html(), '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    data = page.encode("gb18030")
    at = data.index("特此报告".encode("gb18030"))
    path = tmp_path / "page.html"
    path.write_bytes(data[:at] + b"\xff" + data[at:])
    card = check_file(path)
    assert card.document.kind == "annual_report"
    assert _statuses(card)["content.measures_and_results"] == "pass"


# --- Output names.

_run = run_lawcheck


def test_an_output_name_near_the_file_system_limit_is_written(tmp_path: Path) -> None:
    """A valid name of 244 bytes: its temporary file beside it may not carry the whole name (255 is the limit)."""
    (tmp_path / "in.txt").write_text(TEXT, encoding="utf-8")
    name = "长" * 80 + ".txt"
    assert 240 < len(name.encode()) <= 255
    done = _run("check", "in.txt", "--format", "json", "-o", name, cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode()
    assert (tmp_path / name).stat().st_size > 0


def test_an_output_name_that_is_not_utf8_is_written_and_shown_as_replacement_characters(tmp_path: Path) -> None:
    (tmp_path / "in.txt").write_text(TEXT, encoding="utf-8")
    name = os.fsdecode(b"bad\xff\xfe.json")
    done = _run("check", "in.txt", "--format", "json", "-o", name, cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert (tmp_path / name).exists()
    said = done.stderr.decode("utf-8")
    assert "bad\ufffd\ufffd.json" in said and "\\udc" not in said
