"""The drafter, the reviewer and the attacker at the edges (review of 10 December): what broke, fixed."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

from lawcheck.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LAWCHECK_CACHE_DIR", "")
    shutil.copy(FIXTURES / "001_lingshou_2021.txt", tmp_path / "灵寿县2021年法治政府建设年度报告.txt")
    shutil.copy(FIXTURES / "002_yixing_2020.txt", tmp_path / "宜兴市2020年法治政府建设年度报告.txt")
    return tmp_path


def _lines(err: str) -> list[str]:
    """Standard error's lines less the one naming a settings file (none here) and where a result went."""
    return [x for x in err.splitlines() if x and "按设置文件" not in x and "settings from" not in x]


# "-o 审查意见.docm" wrote the text scorecard (or, with --format docx, a .docx's parts) under the name of Word's
# macro-enabled document, which Word and WPS refuse to open; so did a Word template's name and an archive's.
@pytest.mark.parametrize(("argv", "lang", "words"), [
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "-o", "审查意见.docm"], "zh", "不能写出 .docm 文件"),
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "--format", "docx", "-o", "审查意见.DOCM"], "zh", ".docx"),
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "-o", "模板.dotx"], "en", "write .docx"),
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "宜兴市2020年法治政府建设年度报告.txt", "--format", "csv",
      "-o", "汇总.xlsb"], "zh", ".csv"),
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "-o", "材料.rar"], "zh", "不能写出 .rar 文件"),
    (["compare", "灵寿县2021年法治政府建设年度报告.txt", "宜兴市2020年法治政府建设年度报告.txt", "-o", "对照.7z"],
     "en", "cannot write .7z files"),
])
def test_a_word_or_archive_name_lawcheck_cannot_write_is_refused(here, capsys, argv, lang, words):
    before = sorted(p.name for p in here.iterdir())
    assert main([*argv, "--lang", lang]) == 2
    err = _lines(capsys.readouterr().err)
    assert len(err) == 1 and words in err[0], err
    assert sorted(p.name for p in here.iterdir()) == before


def test_the_names_lawcheck_writes_are_still_written(here, capsys):
    for name in ("审查意见.docx", "结果.txt", "汇总.csv"):
        assert main(["check", "灵寿县2021年法治政府建设年度报告.txt", "-o", name]) in (0, 1)
        assert (here / name).stat().st_size > 0


# "-o 审查/" (a folder not made yet) for a one-file format said "路径中有一项不是文件夹", and "-o 报告.txt/汇总.csv"
# (a file where a folder must be) said "已存在": neither says what is wrong nor where.
@pytest.mark.parametrize(("argv", "lang", "words"), [
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "--format", "csv", "-o", "审查/"], "zh",
     "“审查/”是文件夹；请给出文件名"),
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "-o", "新建/结果/"], "en", "is a folder; give a file name"),
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "--format", "csv", "-o", "宜兴市2020年法治政府建设年度报告.txt/汇总.csv"],
     "zh", "“宜兴市2020年法治政府建设年度报告.txt”是文件，不是文件夹"),
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "-o", "宜兴市2020年法治政府建设年度报告.txt/a/b/结果.txt"], "en",
     "\"宜兴市2020年法治政府建设年度报告.txt\" is a file, not a folder"),
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "宜兴市2020年法治政府建设年度报告.txt", "--format", "html", "-o",
      "宜兴市2020年法治政府建设年度报告.txt/页面/"], "zh", "“宜兴市2020年法治政府建设年度报告.txt”是文件，不是文件夹"),
    (["compare", "灵寿县2021年法治政府建设年度报告.txt", "宜兴市2020年法治政府建设年度报告.txt", "--force", "-o",
      "灵寿县2021年法治政府建设年度报告.txt/对照.txt"], "zh", "“灵寿县2021年法治政府建设年度报告.txt”是文件，不是文件夹"),
])
def test_an_output_path_through_a_file_or_naming_a_folder_says_so(here, capsys, argv, lang, words):
    before = {p.name: p.read_bytes() for p in here.iterdir()}
    assert main([*argv, "--lang", lang]) == 2
    err = _lines(capsys.readouterr().err)
    assert len(err) == 1 and words in err[0], err
    assert {p.name: p.read_bytes() for p in here.iterdir()} == before


def test_a_folder_named_for_pages_is_still_made(here, capsys):
    assert main(["check", "灵寿县2021年法治政府建设年度报告.txt", "--format", "html", "-o", "页面/"]) in (0, 1)
    assert (here / "页面" / "index.html").is_file()
    assert main(["check", "灵寿县2021年法治政府建设年度报告.txt", "-o", "新建/结果.txt"]) in (0, 1)
    assert (here / "新建" / "结果.txt").is_file()


_VBA_REL = b"http://schemas.microsoft.com/office/2006/relationships/vbaProject"


def _with_macros(source: Path, *, declared: bool) -> bytes:
    """A Word file of ``source``'s lines carrying a VBA project, as Word saves a .docm (``declared``: its main
    part macro-enabled) or as a .docx someone packed macros into."""
    import docx

    d = docx.Document()
    for line in source.read_text(encoding="utf-8").splitlines():
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
        for info in z.infolist():
            body = z.read(info.filename)
            if info.filename == "[Content_Types].xml":
                if declared:
                    body = body.replace(
                        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                        b"application/vnd.ms-word.document.macroEnabled.main+xml")
                body = body.replace(b"</Types>", b'<Default Extension="bin" '
                                    b'ContentType="application/vnd.ms-office.vbaProject"/></Types>')
            elif info.filename == "word/_rels/document.xml.rels":
                body = body.replace(b"</Relationships>", b'<Relationship Id="rIdVba" Type="' + _VBA_REL
                                    + b'" Target="vbaProject.bin"/></Relationships>')
            w.writestr(info, body)
        w.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    return out.getvalue()


# A .docm checked --format docx gave a "-审查意见.docx" that still held its VBA project (word/vbaProject.bin and the
# link to it): a .docx carrying macros, which Word will not take as a .docx — though the reader says the macros are
# "never run or kept".  The copy is the document's text and the comments, nothing else.
@pytest.mark.parametrize(("name", "declared"), [("报告.docm", True), ("报告.docx", False)])
def test_the_commented_copy_of_a_word_file_with_macros_holds_no_macros(here, capsys, name, declared):
    (here / name).write_bytes(_with_macros(FIXTURES / "003_changsheng_2020.txt", declared=declared))
    assert main(["check", name, "--format", "docx", "-o", "审查意见.docx"]) == 1
    with zipfile.ZipFile(here / "审查意见.docx") as z:
        names = z.namelist()
        assert not [n for n in names if "vba" in n.lower()]
        assert _VBA_REL not in z.read("word/_rels/document.xml.rels")
        assert b"macroEnabled" not in z.read("[Content_Types].xml")
        assert b"vbaProject" not in z.read("[Content_Types].xml")
        assert "word/comments.xml" in names
    import docx

    copy = docx.Document(str(here / "审查意见.docx"))
    source = (FIXTURES / "003_changsheng_2020.txt").read_text(encoding="utf-8").splitlines()
    assert [p.text for p in copy.paragraphs] == source  # the text unchanged, the comments beside it
    # and the scorecard is the one of the same report without macros
    assert main(["check", name, "--quiet"]) == main(["check", str(FIXTURES / "003_changsheng_2020.txt"), "--quiet"])
    out = capsys.readouterr().out.splitlines()
    assert out[-2].split("：", 1)[1] == out[-1].split("：", 1)[1]


# "lawcheck check 2024/ 2025/" with 2025/ still empty (or a folder named like a report, "报告.docx/", holding
# nothing) checked the rest and said nothing of it: alone it is "没有找到要检查的文件", among others it vanished.
def test_an_empty_folder_among_the_inputs_is_named(here, capsys):
    (here / "2025").mkdir()
    (here / "报告.docx").mkdir()
    (here / "有子文件夹" / "空").mkdir(parents=True)
    code = main(["check", "灵寿县2021年法治政府建设年度报告.txt", "2025", "报告.docx", "有子文件夹", "--quiet"])
    out, err = capsys.readouterr()
    assert code == 0 and out.count("\n") == 1  # the report checked, its exit code as before
    err = _lines(err)
    assert [x.split("：", 1)[0] for x in err] == ["lawcheck: 2025", "lawcheck: 报告.docx", "lawcheck: 有子文件夹"]
    assert all("文件夹中没有要检查的文件" in x for x in err)
    main(["check", "灵寿县2021年法治政府建设年度报告.txt", "2025", "--quiet", "--lang", "en"])
    assert "2025: no file to check in this folder" in capsys.readouterr().err


def test_a_folder_whose_files_are_named_otherwise_is_not_called_empty(here, capsys):
    folder = here / "材料"
    folder.mkdir()
    (folder / "扫描件.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 64)  # named as in no readable format
    shutil.copy(here / "宜兴市2020年法治政府建设年度报告.txt", folder / "宜兴.txt")
    (here / "只有图片").mkdir()
    (here / "只有图片" / "扫描件.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 64)
    main(["check", "灵寿县2021年法治政府建设年度报告.txt", "宜兴市2020年法治政府建设年度报告.txt", "材料", "只有图片",
          "--quiet"])
    err = _lines(capsys.readouterr().err)
    assert len(err) == 1 and "不是可读格式" in err[0] and "没有要检查的文件" not in err[0]
    # alone, an empty folder keeps its one line saying where lawcheck looked
    (here / "2025").mkdir()
    assert main(["check", "2025"]) == 2
    err = _lines(capsys.readouterr().err)
    assert len(err) == 1 and "没有找到要检查的文件（查找了：2025" in err[0]


# "lawcheck compare 2023/ 2024/" with both folders empty printed "共0份报告…" and exited 0 (a CI job comparing
# mistyped or unfilled folders passed), and a this-year folder still empty was only to be read from the rows.
def test_compare_of_empty_folders_says_so(here, capsys):
    (here / "2023").mkdir()
    (here / "2024").mkdir()
    assert main(["compare", "2023", "2024"]) == 2
    out, err = capsys.readouterr()
    err = _lines(err)
    assert out == "" and len(err) == 1 and "没有找到要检查的文件（查找了：2023, 2024" in err[0], err
    shutil.copy(here / "灵寿县2021年法治政府建设年度报告.txt", here / "2023" / "灵寿县.txt")
    assert main(["compare", "2023", "2024", "--lang", "en"]) == 0
    out, err = capsys.readouterr()
    assert _lines(err) == [_lines(err)[0]] and "2024: no file to check in this folder" in err
    assert "灵寿县" in out


_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _mark_deleted(paragraph) -> None:
    """Delete a paragraph's mark with tracked changes, as Word records two paragraphs joined by the reviser."""
    from docx.oxml import parse_xml

    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:rPr {_W_NS}><w:del w:id="90" w:author="张三" w:date="2024-01-10T10:00:00Z"/></w:rPr>'))


def _joined_report(path: Path, cuts: dict[str, str], *, table_after: str | None = None) -> list[str]:
    """003's lines as a .docx, each line holding a key of ``cuts`` split at its value into two paragraphs, the
    first's mark deleted with tracked changes; returns the lines."""
    import docx

    lines = (FIXTURES / "003_changsheng_2020.txt").read_text(encoding="utf-8").splitlines()
    d = docx.Document()
    for line in lines:
        key = next((k for k in cuts if k in line), None)
        if key is None:
            d.add_paragraph(line)
            continue
        a, b = line.split(cuts[key], 1)
        _mark_deleted(d.add_paragraph(a))
        if table_after == key:
            d.add_table(rows=1, cols=1).cell(0, 0).text = "表"
        d.add_paragraph(cuts[key] + b)
    d.save(str(path))
    return lines


# A drafter who joins two paragraphs with tracked changes on leaves the first one's mark deleted (w:pPr/w:rPr/w:del):
# Word shows one paragraph, lawcheck read two lines — a sentence cut in two ("…送法进企业" / "活动3次…"), its
# evidence and the Word comment on it covering only the second half.
def test_paragraphs_joined_with_tracked_changes_are_read_as_one(here, capsys):
    import lawcheck
    from lawcheck.readers import read_document

    cuts = {"全年开展送法进企业活动3次": "活动3次", "举办了镇、村、组三级干部的专题培训": "专题培训",
            "二是行政执法力量薄弱": "力量薄弱"}
    lines = _joined_report(here / "报告.docx", cuts)
    doc = read_document("报告.docx", (here / "报告.docx").read_bytes())
    assert doc.text.split("\n") == lines  # each joined paragraph one line again, as the report was written
    txt = lawcheck.evaluate((FIXTURES / "003_changsheng_2020.txt").read_text(encoding="utf-8"))
    card = lawcheck.check_file(str(here / "报告.docx"))
    assert [(r.rule, r.status) for r in card.results] == [(r.rule, r.status) for r in txt.results]
    assert card.score == txt.score
    # the Word comment on the quantified results covers the whole sentence, across the two paragraphs
    assert main(["check", "报告.docx", "--format", "docx", "-o", "意见.docx"]) == 1
    from lxml import etree
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(here / "意见.docx") as z:
        body = etree.fromstring(z.read("word/document.xml"))
    open_, got = {}, {}
    for el in body.iter():
        if el.tag == w + "commentRangeStart":
            open_[el.get(w + "id")] = []
        elif el.tag == w + "commentRangeEnd":
            got[el.get(w + "id")] = "".join(open_.pop(el.get(w + "id")))
        elif el.tag == w + "t":
            for k in open_:
                open_[k].append(el.text or "")
    assert "全年开展送法进企业活动3次,为企业协调处理问题19个。" in got.values(), got


def test_a_joined_paragraph_keeps_what_is_not_joined(here):
    import docx
    from docx.oxml import parse_xml

    from lawcheck.readers import read_document

    d = docx.Document()
    d.add_paragraph("第一段。")
    gone = d.add_paragraph()  # a paragraph deleted whole, its mark too: not read, as before
    gone._p.append(parse_xml(
        f'<w:del {_W_NS} w:id="91" w:author="a"><w:r><w:delText>删去的段落。</w:delText></w:r></w:del>'))
    _mark_deleted(gone)
    _mark_deleted(d.add_paragraph("表格前的"))  # a table after a deleted mark: the text stays a line of its own
    d.add_table(rows=1, cols=1).cell(0, 0).text = "单元格"
    struck = d.add_paragraph("删改了一个词")  # a word deleted, the mark kept: still its own paragraph
    struck._p.append(parse_xml(
        f'<w:del {_W_NS} w:id="92" w:author="a"><w:r><w:delText>旧词</w:delText></w:r></w:del>'))
    d.add_paragraph("下一段。")
    _mark_deleted(d.add_paragraph("最后一段"))  # the last paragraph's mark deleted: nothing after it to join
    buf = io.BytesIO()
    d.save(buf)
    text = read_document("a.docx", buf.getvalue()).text
    assert text.split("\n") == ["第一段。", "表格前的", "单元格", "删改了一个词", "下一段。", "最后一段"]
