"""The drafter's Word and PDF files (an attack review, 2026-12-01): a table of contents after the title, equal
values side by side in a table of figures, a short report whose unit's name opens page 1 and closes the last
page.  Real reports, built into files the way Word users and PDF exports build them."""

from __future__ import annotations

import io

import pytest

import lawcheck
from lawcheck.readers import read_document
from lawcheck.readers.layout import strip_running_lines
from tests.conftest import FIXTURES

LINGSHOU = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
CHANGSHENG = (FIXTURES / "003_changsheng_2020.txt").read_text(encoding="utf-8")
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _report_lines() -> list[str]:
    return [ln for ln in LINGSHOU.split("\n") if ln.strip() and not ln.startswith(("您当前位置", "发布时间", "【字体"))]


def _word(lines: list[str], contents: list[str] | None = None, style: str = "TOC1") -> bytes:
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    d.add_paragraph(lines[0])
    d.add_paragraph(lines[1])
    if contents is not None:
        d.add_paragraph("目  录")
        for n, entry in enumerate(contents):
            num, head = entry.split("、", 1)
            d.element.body.append(parse_xml(
                f'<w:p {W}><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:hyperlink w:anchor="_Toc{n}">'
                f"<w:r><w:t>{num}、</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>{head}</w:t></w:r><w:r><w:tab/></w:r>"
                f"<w:r><w:t>{n * 3 + 1}</w:t></w:r></w:hyperlink></w:p>"))
    for line in lines[2:]:
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


CONTENTS = ["一、工作开展情况", "二、法治政府建设中存在的问题", "三、下一步工作计划"]


def test_a_word_table_of_contents_is_not_the_reports_parts():
    lines = _report_lines()
    plain = lawcheck.evaluate(read_document("a.docx", _word(lines)).text)
    with_toc = lawcheck.evaluate(read_document("b.docx", _word(lines, CONTENTS)).text)
    assert with_toc.score == plain.score
    assert [s.heading for s in with_toc.sections] == [s.heading for s in plain.sections]


def test_a_contents_style_named_in_chinese_word_is_known_by_its_name():
    import docx

    d = docx.Document(io.BytesIO(_word(_report_lines(), CONTENTS, style="10")))
    styles = d.part.styles.element
    from docx.oxml import parse_xml

    styles.append(parse_xml(f'<w:style {W} w:type="paragraph" w:styleId="10"><w:name w:val="toc 1"/></w:style>'))
    buf = io.BytesIO()
    d.save(buf)
    text = read_document("c.docx", buf.getvalue()).text
    assert "工作开展情况\t1" not in text and "工作开展情况1" not in text


def test_a_typed_contents_page_is_not_the_reports_parts():
    lines = _report_lines()
    typed = [lines[0], lines[1], "目录", "一、工作开展情况……………………1", "二、法治政府建设中存在的问题……3",
             "三、下一步工作计划……………………4", *lines[2:]]
    assert lawcheck.evaluate("\n".join(typed)).score == lawcheck.evaluate("\n".join(lines)).score


def test_equal_values_side_by_side_in_a_table_are_both_read():
    import docx

    d = docx.Document()
    d.add_paragraph("灵寿县人民政府关于2021年度法治政府建设情况的报告")
    table = d.add_table(rows=3, cols=3)
    for r, row in enumerate([("指标", "2021年", "2020年"), ("行政复议审结数（件）", "9", "9"),
                             ("出庭应诉率", "100%", "100%")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    buf = io.BytesIO()
    d.save(buf)
    text = read_document("t.docx", buf.getvalue()).text
    # (each under its year: this session's reader says which year a column is; 2026-12-02)
    assert "行政复议审结数（件） 2021年 9件 2020年 9件" in text and "出庭应诉率 2021年 100% 2020年 100%" in text


def test_a_short_pdfs_title_and_signature_are_not_running_lines():
    """Two pages: the unit's name opens page 1 (the title) and closes page 2 (the signature): neither is a
    header or footer; the page numbers and a header on every page are."""
    body = [ln for ln in CHANGSHENG.split("\n") if ln.strip()]
    organ = "彭水苗族土家族自治县长生镇人民政府"
    half = len(body) // 2
    pages = [["长生镇文件", organ, "2020年度法治政府建设工作报告", *body[3:half], "— 1 —"],
             ["长生镇文件", *body[half:-2], organ, "2021年7月14日", "— 2 —"]]
    kept = strip_running_lines(pages)
    assert kept[0][0] == organ and kept[1][-2:] == [organ, "2021年7月14日"]
    assert "长生镇文件" not in kept[0] + kept[1] and "— 1 —" not in kept[0]


def test_a_header_on_every_page_is_still_dropped():
    words = ["推进依法行政。", "规范执法行为。", "化解行政争议。", "加强法治宣传。"]
    pages = [["某某县人民政府文件", words[i], words[(i + 1) % 4] + "续", f"第{i + 1}页"] for i in range(4)]
    assert strip_running_lines(pages) == [[words[i], words[(i + 1) % 4] + "续"] for i in range(4)]


@pytest.mark.parametrize("this, last", [
    ("灵寿县人民政府", "灵寿县人民政府"),
    ("中共灵寿县委员会灵寿县人民政府", "灵寿县人民政府"),  # a joint report this year
    ("中共灵寿县委 灵寿县人民政府", "灵寿县人民政府"),
    ("河北省灵寿县人民政府", "灵寿县人民政府"),  # the province written before it
    ("长生镇人民政府", "彭水苗族土家族自治县长生镇人民政府"),  # the county left out
    ("灵寿县政府", "灵寿县人民政府"),
])
def test_one_unit_however_a_years_report_names_it(this, last):
    from lawcheck.review import same_organ

    assert same_organ(this, last)


@pytest.mark.parametrize("this, last", [
    ("正定县人民政府", "灵寿县人民政府"),
    ("灵寿县司法局", "灵寿县人民政府"),
    ("中共灵寿县委", "灵寿县人民政府"),  # the party committee alone is another body
    ("北京市朝阳区人民政府", "长春市朝阳区人民政府"),  # one district name, two cities
    ("北京市通州区人民政府", "荆州市沙市区人民政府"),
    ("济南市市中区人民政府", "枣庄市市中区人民政府"),
    ("区人民政府", "北京市朝阳区人民政府"),  # no place of its own
])
def test_other_units_are_not_one(this, last):
    from lawcheck.review import same_organ

    assert same_organ(this, last) is False


@pytest.mark.parametrize("signature", ["中共灵寿县委\n灵寿县人民政府\n", "河北省灵寿县人民政府\n"])
def test_last_years_report_of_one_unit_signed_otherwise_is_paired(tmp_path, signature, capsys):
    from lawcheck.cli import main

    this = (FIXTURES.parent / "tests" / "data" / "history" / "lingshou.this.txt").read_text(encoding="utf-8")
    assert "特此报告。\n灵寿县人民政府\n" in this
    path = tmp_path / "灵寿2022.txt"
    path.write_text(this.replace("特此报告。\n灵寿县人民政府\n", "特此报告。\n" + signature), encoding="utf-8")
    code = main(["compare", str(FIXTURES / "001_lingshou_2021.txt"), str(path), "--format", "json"])
    out, err = capsys.readouterr()
    assert "不是同一机关" not in err + out
    assert code in (0, 1)


def _numbered(edit) -> str:  # type: ignore[no-untyped-def]
    """fixtures/001 as a Word file with automatic numbering (numId 90), changed by ``edit``, read back."""
    import docx

    from tests.helpers.make_docs import make_docx

    d = docx.Document(io.BytesIO(make_docx(LINGSHOU)))
    edit(d)
    buf = io.BytesIO()
    d.save(buf)
    return read_document("n.docx", buf.getvalue()).text


def test_lists_made_from_one_definition_count_on_as_word_shows_them():
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    def second_list(d) -> None:  # type: ignore[no-untyped-def]
        numbering = d.part.numbering_part.element
        abstract = numbering.find(qn("w:num") + "[@" + qn("w:numId") + "='90']/" + qn("w:abstractNumId")).get(qn("w:val"))
        numbering.append(parse_xml(f'<w:num {W} w:numId="91"><w:abstractNumId w:val="{abstract}"/></w:num>'))
        switch = False
        for p in d.paragraphs:
            switch = switch or p.text.startswith("法治政府建设中存在的问题")
            num = p._p.find(qn("w:pPr") + "/" + qn("w:numPr") + "/" + qn("w:numId"))
            if switch and num is not None:
                num.set(qn("w:val"), "91")

    text = _numbered(second_list)
    assert "\n二、法治政府建设中存在的问题" in text and "\n三、下一步工作计划" in text


def test_a_numbered_paragraph_deleted_with_tracked_changes_takes_its_number_with_it():
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    def delete_second(d) -> None:  # type: ignore[no-untyped-def]
        subs = [p for p in d.paragraphs if p._p.find(qn("w:pPr") + "/" + qn("w:numPr")) is not None
                and p._p.find(qn("w:pPr") + "/" + qn("w:numPr") + "/" + qn("w:ilvl")).get(qn("w:val")) == "1"]
        p = subs[1]._p
        p.get_or_add_pPr().append(parse_xml(f'<w:rPr {W}><w:del w:id="1" w:author="a"/></w:rPr>'))
        for r in p.findall(qn("w:r")):
            wrapper = parse_xml(f'<w:del {W} w:id="2" w:author="a"/>')
            r.addprevious(wrapper)
            wrapper.append(r)
            for t in r.findall(qn("w:t")):
                t.tag = qn("w:delText")

    text = _numbered(delete_second)
    lines = [ln for ln in text.split("\n") if ln.startswith("（")]
    assert lines[0].startswith("（一）") and lines[1].startswith("（二）") and len(lines[1]) > 4


def test_a_paragraphs_tab_stops_are_no_text():
    from docx.oxml import parse_xml

    def tab_stops(d) -> None:  # type: ignore[no-untyped-def]
        for p in d.paragraphs[:12]:
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:tabs {W}><w:tab w:val="left" w:pos="420"/><w:tab w:val="left" w:pos="840"/></w:tabs>'))

    assert "\t" not in _numbered(tab_stops)


def test_a_folder_pairs_one_unit_named_with_the_province_before_it(tmp_path, capsys):
    from lawcheck.cli import main

    this = (FIXTURES.parent / "tests" / "data" / "history" / "lingshou.this.txt").read_text(encoding="utf-8")
    (tmp_path / "2021.txt").write_text(LINGSHOU, encoding="utf-8")
    (tmp_path / "2022.txt").write_text(this.replace("特此报告。\n灵寿县人民政府\n", "特此报告。\n河北省灵寿县人民政府\n"),
                                       encoding="utf-8")
    main(["compare", str(tmp_path), "--format", "json"])
    out = capsys.readouterr().out
    assert "未找到本单位上一年度的报告" not in out
    assert '"paired_by": "organ_year"' in out or "organ_year" in out


def test_pairing_a_folder_stays_linear():
    """Each report without last year's name written the same looks only at last year's names that end as its own
    does (10,000 reports were 5 times slower when every one was held against every name)."""
    import unittest.mock

    from lawcheck import compare
    from lawcheck.text import organs

    calls = {"n": 0}
    real = organs.same_unit

    def counting(a: str, b: str) -> bool:
        calls["n"] += 1
        return real(a, b)

    n = 1000
    names = [chr(0x4E00 + 7 * i) + chr(0x4E01 + 7 * i) + "县人民政府" for i in range(n)]
    scans = [compare.Scan(f"/r/{i}-2022.txt", organ=name, year=2022) for i, name in enumerate(names)]
    scans += [compare.Scan(f"/r/{i}-2023.txt", organ="河北省" + name, year=2023) for i, name in enumerate(names)]
    with unittest.mock.patch.object(organs, "same_unit", counting):
        plan = compare.pair_by_organ(scans, "zh")
    paired = {this: last for this, last, _how, _notes in plan}
    assert all(paired[f"/r/{i}-2023.txt"] == f"/r/{i}-2022.txt" for i in range(n))
    assert calls["n"] <= 2 * n  # not n * n
