"""Found by a drafter's review of the Word reader (2026-12-07): Word files built from a real report (fixture 001,
灵寿县 2021) as drafters make them — soft line breaks, boxed parts with Word's numbering, a template's unfilled
content controls, Word's one-file XML saved under a .doc name.  Each test fails on the commit before (052f7e6)."""

from __future__ import annotations

import base64
import zipfile
from pathlib import Path

import pytest

import lawcheck
from lawcheck.errors import InputError
from lawcheck.readers import read_document
from tests.conftest import FIXTURES

docx = pytest.importorskip("docx")

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f'xmlns:w="{_W_NS}"'
_PORTAL = ("您当前位置", "发布时间", "【字体")


def _lines() -> list[str]:
    """Fixture 001 as its drafter wrote it: the portal's lines above the title left out."""
    text = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith(_PORTAL)]


def _at(lines: list[str], start: str) -> int:
    return next(k for k, ln in enumerate(lines) if ln.startswith(start))


def _save(path: Path, build) -> Path:  # type: ignore[no-untyped-def]
    d = docx.Document()
    build(d)
    d.save(str(path))
    return path


def _text(path: Path) -> str:
    return read_document(str(path), path.read_bytes()).text


_PARTS = ("content.shortcomings", "content.shortcoming_causes", "content.next_year_plan", "form.signature")


def _statuses(card) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {r: card.result(r).status for r in _PARTS}


# ---------------------------------------------------------------- 1. a soft line break before a part heading


def _one_paragraph(path: Path, lines: list[str]) -> Path:
    """The report pasted into one Word paragraph, each of its lines after a manual line break (Shift+Enter)."""
    from docx.enum.text import WD_BREAK

    def build(d) -> None:  # type: ignore[no-untyped-def]
        p = d.add_paragraph()
        for k, line in enumerate(lines):
            run = p.add_run(line)
            if k < len(lines) - 1:
                run.add_break(WD_BREAK.LINE)

    return _save(path, build)


@pytest.mark.parametrize("ending", [
    lambda s: s.rstrip("。"),  # the last sentence without its 。
    lambda s: s.rstrip("。") + "（详见附表）",  # a note in brackets after it
    lambda s: s[:-1] + "，确保取得实效。”",  # a quotation closing the paragraph
    lambda s: s.rstrip("。") + "等工作",
])
def test_a_part_heading_after_a_soft_break_is_its_own_line(tmp_path: Path, ending) -> None:  # type: ignore[no-untyped-def]
    lines = _lines()
    for start in ("二、", "三、", "特此报告"):  # the paragraph before each part heading and before the closing
        k = _at(lines, start) - 1
        lines[k] = ending(lines[k])
    text = _text(_one_paragraph(tmp_path / "br.docx", lines))
    got = text.split("\n")
    for heading in ("二、法治政府建设中存在的问题", "三、下一步工作计划", "特此报告。", "2022年1月14日"):
        assert heading in got, heading
    card = lawcheck.check_file(str(tmp_path / "br.docx"))
    assert _statuses(card) == _statuses(lawcheck.evaluate("\n".join(lines)))
    assert card.result("content.shortcomings").status == "pass"


@pytest.mark.parametrize("marks", [("（一）", "（二）", "（三）"), ("1.", "2.", "3."), ("一是", "二是", "三是")])
def test_a_numbered_item_after_a_soft_break_is_its_own_line(tmp_path: Path, marks: tuple[str, ...]) -> None:
    # the plan's items, each without its final 。, numbered as drafters number them
    lines = _lines()
    first = _at(lines, "(一)在普法宣传")
    for k, mark in enumerate(marks):
        body = lines[first + k].split(")", 1)[1]
        lines[first + k] = mark + body.rstrip("。")
    got = _text(_one_paragraph(tmp_path / "items.docx", lines)).split("\n")
    for k, mark in enumerate(marks):
        assert lines[first + k] in got, mark


def test_a_sentence_ending_in_a_closing_quote_ends_its_line(tmp_path: Path) -> None:
    lines = _lines()
    k = _at(lines, "虽然我县")
    lines[k:k + 1] = ["我县始终坚持“有法必依、执法必严。”", "全年未发生行政败诉案件。" + lines[k]]
    got = _text(_one_paragraph(tmp_path / "quote.docx", lines)).split("\n")
    assert "我县始终坚持“有法必依、执法必严。”" in got


@pytest.mark.parametrize("wrapped", [
    ("2021年共收行政复议", "案件11件，已结案9件。"),
    ("统计截至", "2021年12月31日，全县共办理行政复议案件11件。"),  # a date opens the next line, mid-sentence
    ("全县共有执法人员", "二百余人参加培训考试，合格率100%。"),
    ("行政复议案件", "11件，已结案9件。"),  # a figure opens it ("11件" is no item "1.")
])
def test_a_sentence_wrapped_by_a_soft_break_is_still_joined(tmp_path: Path, wrapped: tuple[str, str]) -> None:
    lines = _lines()
    k = _at(lines, "虽然我县")
    rest = lines[k]
    lines[k:k + 1] = ["我县加强行政复议工作，" + wrapped[0], wrapped[1] + rest]
    text = _text(_one_paragraph(tmp_path / "wrap.docx", lines))
    assert "我县加强行政复议工作，" + "".join(wrapped) + rest in text.split("\n")


# ---------------------------------------------------------------- 2. Word's numbering in table cells and text boxes


def _numbering(d) -> None:  # type: ignore[no-untyped-def]
    """A list 90: level 0 "一、", level 1 "（一）", as a drafter's template defines the parts."""
    from docx.oxml import parse_xml

    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {_W} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
        '</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {_W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))


def _number(p, level: int) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import parse_xml

    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {_W}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))


def _add(container, line: str) -> None:  # type: ignore[no-untyped-def]
    """A line of the report; a typed part or item number becomes Word's automatic one."""
    for level, marks in ((0, ("一、", "二、", "三、")), (1, tuple(f"({c})" for c in "一二三四五六七"))):
        mark = next((m for m in marks if line.startswith(m)), None)
        if mark is not None:
            _number(container.add_paragraph(line[len(mark):]), level)
            return
    container.add_paragraph(line)


def _boxed(path: Path, boxed_from: str, boxed_to: str | None) -> Path:
    """The report with automatic numbering, the lines from ``boxed_from`` up to ``boxed_to`` set in a one-cell table
    (a part framed on the page)."""
    lines = _lines()
    a = _at(lines, boxed_from)
    b = _at(lines, boxed_to) if boxed_to else _at(lines, "特此报告")

    def build(d) -> None:  # type: ignore[no-untyped-def]
        _numbering(d)
        for line in lines[:a]:
            _add(d, line)
        cell = d.add_table(rows=1, cols=1).cell(0, 0)
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
        for line in lines[a:b]:
            _add(cell, line)
        for line in lines[b:]:
            _add(d, line)

    return _save(path, build)


def test_a_part_boxed_in_a_cell_keeps_its_number_and_counts(tmp_path: Path) -> None:
    text = _text(_boxed(tmp_path / "cell.docx", "二、", "三、"))
    got = text.split("\n")
    assert any(ln.startswith("二、法治政府建设中存在的问题") for ln in got)
    assert "三、下一步工作计划" in got  # the part after the box: Word shows 三、, not 二、
    assert "（一）在普法宣传上精准发力。" in "\n".join(got)


def test_a_plan_boxed_in_a_cell_scores_as_its_typed_numbers_do(tmp_path: Path) -> None:
    auto = lawcheck.check_file(str(_boxed(tmp_path / "plan.docx", "三、", None)))
    assert auto.result("content.next_year_plan").status == "pass"
    lines = _lines()

    def typed(d) -> None:  # type: ignore[no-untyped-def]
        a, b = _at(lines, "三、"), _at(lines, "特此报告")
        for line in lines[:a]:
            d.add_paragraph(line)
        cell = d.add_table(rows=1, cols=1).cell(0, 0)
        cell.text = "\n".join(ln.replace("(", "（").replace(")", "）") for ln in lines[a:b])
        for line in lines[b:]:
            d.add_paragraph(line)

    same = lawcheck.check_file(str(_save(tmp_path / "typed.docx", typed)))
    assert auto.score == same.score
    assert _statuses(auto) == _statuses(same)


_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def _box_run(inner: str, fallback: str) -> str:
    """A run holding a floating text box: the drawing (mc:Choice) and its VML copy (mc:Fallback), as Word writes it."""
    return (f'<w:r {_W} xmlns:mc="{_MC}" xmlns:wp="{_WP}"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            f'<wp:anchor><w:txbxContent>{inner}</w:txbxContent></wp:anchor></w:drawing></mc:Choice><mc:Fallback>'
            f'<w:pict><w:txbxContent>{fallback}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def test_a_numbered_heading_in_a_text_box_is_numbered_once(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    lines = _lines()
    heading = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr></w:pPr>' \
              '<w:r><w:t>法治政府建设中存在的问题</w:t></w:r></w:p>'

    def build(d) -> None:  # type: ignore[no-untyped-def]
        _numbering(d)
        a = _at(lines, "二、")
        for line in lines[:a]:
            _add(d, line)
        # the part's heading framed in a text box, once in the body and once inside a table's cell
        d.add_paragraph()._p.append(parse_xml(_box_run(heading, heading)))
        for line in lines[a + 1:_at(lines, "三、")]:
            _add(d, line)
        d.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0]._p.append(
            parse_xml(_box_run(heading.replace("存在的问题", "存在的不足"), heading)))
        for line in lines[_at(lines, "三、"):]:
            _add(d, line)

    got = _text(_save(tmp_path / "box.docx", build)).split("\n")
    assert "二、法治政府建设中存在的问题" in got
    assert "三、法治政府建设中存在的不足" in got
    assert "四、下一步工作计划" in got  # each box counted once: its VML copy is no second item


# ---------------------------------------------------------------- 3. a template's unfilled content control


def _control(content: str, showing: bool = True) -> str:
    mark = "<w:showingPlcHdr/>" if showing else ""
    return (f'<w:sdt {_W}><w:sdtPr><w:id w:val="1"/><w:placeholder><w:docPart w:val="DefaultPlaceholder"/>'
            f'</w:placeholder>{mark}</w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>')


def _part_as_control(path: Path, paragraph: str, showing: bool = True) -> Path:
    """The report with its shortcomings part's text replaced by a content control holding ``paragraph``."""
    from docx.oxml import parse_xml

    lines = _lines()
    k = _at(lines, "虽然我县")

    def build(d) -> None:  # type: ignore[no-untyped-def]
        for line in lines[:k]:
            d.add_paragraph(line)
        d.element.body.sectPr.addprevious(parse_xml(_control(  # (the section's settings stay last)
            f'<w:p><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>{paragraph}</w:t></w:r></w:p>', showing)))
        for line in lines[k + 1:]:
            d.add_paragraph(line)

    return _save(path, build)


@pytest.mark.parametrize("prompt", ["单击或点击此处输入文字。", "单击此处输入文字。", "Click or tap here to enter text.",
                                    "请在此处填写本年度存在的问题和原因"])
def test_an_unfilled_content_control_is_no_text(tmp_path: Path, prompt: str) -> None:
    path = _part_as_control(tmp_path / "ph.docx", prompt)
    assert prompt not in _text(path)
    card = lawcheck.check_file(str(path))
    assert card.result("content.shortcomings").status == "fail"


def test_an_unfilled_control_inside_a_sentence_is_no_text(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    def build(d) -> None:  # type: ignore[no-untyped-def]
        p = d.add_paragraph("2021年共收到行政复议申请")
        p._p.append(parse_xml(_control("<w:r><w:t>单击或点击此处输入文字。</w:t></w:r>")))
        p.add_run("件。")

    assert _text(_save(tmp_path / "run.docx", build)) == "2021年共收到行政复议申请件。"


@pytest.mark.parametrize("showing", [False, True])
def test_a_filled_content_control_is_read(tmp_path: Path, showing: bool) -> None:
    # typed in (the mark gone), or filled by a program that left the mark set over a whole paragraph of text
    paragraph = _lines()[_at(_lines(), "虽然我县")]
    path = _part_as_control(tmp_path / "filled.docx", paragraph, showing=showing)
    assert paragraph in _text(path).split("\n")
    assert lawcheck.check_file(str(path)).result("content.shortcomings").status == "pass"


@pytest.mark.parametrize("prompt", ["单击或点击此处输入文字。", "单击此处输入文字。", "点击此处输入文字", "点击这里输入文本",
                                    "单击或点击以输入日期。", "Click or tap here to enter text.",
                                    "Click here to enter a date."])
def test_a_pasted_template_prompt_is_a_placeholder(prompt: str) -> None:
    lines = _lines()
    lines[_at(lines, "虽然我县")] = prompt
    card = lawcheck.evaluate("\n".join(lines))
    result = card.result("form.placeholders")
    assert result.status == "fail"
    assert any(prompt.rstrip("。.") in e.text for e in result.evidence)


def test_an_app_the_report_tells_of_is_no_prompt() -> None:
    lines = _lines()
    k = _at(lines, "虽然我县")
    lines[k] = "群众通过手机点击输入文字即可查询办理进度。" + lines[k]
    assert lawcheck.evaluate("\n".join(lines)).result("form.placeholders").status == "pass"


# ---------------------------------------------------------------- 4. Word's one-file XML under a Word name


def _wordml() -> bytes:
    """The report as Word 2003 XML ("Word 2003 XML 文档"), as Word and LibreOffice write it."""
    body = "".join(f"<w:p><w:r><w:t>{ln}</w:t></w:r></w:p>" for ln in _lines())
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application progid="Word.Document"?>'
            '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" '
            'xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint" xml:space="preserve">'
            f'<o:DocumentProperties xmlns:o="urn:schemas-microsoft-com:office:office"><o:Title>报告</o:Title>'
            f'</o:DocumentProperties><w:body>{body}</w:body></w:wordDocument>').encode()


def _flat_opc(tmp_path: Path, progid: bool) -> bytes:
    """The report as Word's "Word XML 文档" (Flat OPC): each part of its .docx package one pkg:part of one file."""
    path = _save(tmp_path / "src.docx", lambda d: [d.add_paragraph(ln) for ln in _lines()])
    parts = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            data = z.read(name)
            if name.endswith((".xml", ".rels")):
                data = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
                parts.append(f'<pkg:part pkg:name="/{name}" pkg:contentType="application/xml"><pkg:xmlData>'.encode()
                             + data + b"</pkg:xmlData></pkg:part>")
            else:
                parts.append(f'<pkg:part pkg:name="/{name}"><pkg:binaryData>{base64.b64encode(data).decode()}'
                             '</pkg:binaryData></pkg:part>'.encode())
    mark = b'<?mso-application progid="Word.Document"?>' if progid else b""
    return (b'<?xml version="1.0" standalone="yes"?>\n' + mark +
            b'<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' + b"".join(parts) +
            b"</pkg:package>")


@pytest.mark.parametrize("name", ["2021年报告.doc", "报告.docx", "报告.DOC", "报告.xml", "报告.wps"])
def test_word_2003_xml_is_named_as_what_it_is(name: str) -> None:
    with pytest.raises(InputError) as e:
        read_document(name, _wordml())
    assert "Word 2003 XML" in str(e.value) and "另存为 .docx" in str(e.value)
    assert "损坏" not in str(e.value)
    with pytest.raises(InputError) as e:
        read_document(name, _wordml(), lang="en")
    assert "Word 2003 XML" in str(e.value) and "save it as .docx" in str(e.value)


@pytest.mark.parametrize("name", ["报告.xml", "报告.doc", "报告.docx"])
@pytest.mark.parametrize("progid", [True, False])
def test_word_flat_xml_is_named_as_what_it_is(tmp_path: Path, name: str, progid: bool) -> None:
    with pytest.raises(InputError) as e:
        read_document(name, _flat_opc(tmp_path, progid))
    assert "Word XML" in str(e.value) and "另存为 .docx" in str(e.value)


def test_a_web_page_written_as_xhtml_under_a_doc_name_is_still_read() -> None:
    body = "".join(f"<p>{ln}</p>" for ln in _lines())
    page = ('<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>报告'
            f'</title></head><body><div class="article">{body}</div></body></html>').encode()
    pytest.importorskip("trafilatura")
    assert "二、法治政府建设中存在的问题" in read_document("报告.doc", page).text


# ---------------------------------------------------------------- guards: a real report as a plain Word file


def test_the_report_as_a_plain_word_file_scores_as_its_text(tmp_path: Path) -> None:
    lines = _lines()
    path = _save(tmp_path / "plain.docx", lambda d: [d.add_paragraph(ln) for ln in lines])
    card, text = lawcheck.check_file(str(path)), lawcheck.evaluate("\n".join(lines))
    assert card.score == text.score
    assert {r.rule: r.status for r in card.results} == {r.rule: r.status for r in text.results}
    assert card.result("form.placeholders").status == "pass"


def test_the_report_as_soft_broken_lines_scores_as_its_text(tmp_path: Path) -> None:
    lines = _lines()
    card = lawcheck.check_file(str(_one_paragraph(tmp_path / "soft.docx", lines)))
    text = lawcheck.evaluate("\n".join(lines))
    assert {r.rule: r.status for r in card.results} == {r.rule: r.status for r in text.results}
