"""Word in, Word out with comments (issue 17): the report back as .docx with the review as 批注.

Built from the real fixture reports, the way offices write them: Word's automatic numbering on the
headings (the 一、 is in no run), several runs per paragraph in mixed bold and italics, a table.  Each
output is reopened with python-docx: the text is unchanged paragraph for paragraph, and each comment is
anchored on exactly the text it is about (read back from commentRangeStart/End in the XML).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from lawcheck.cli import main
from lawcheck.readers.docx import layout, paragraph_text
from tests.conftest import FIXTURES, ROOT
from tests.helpers.make_docs import make_docx, make_pdf
from tests.test_loaders import report

docx = pytest.importorskip("docx")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT_TAGS = (f"{W}t", f"{W}tab", f"{W}br", f"{W}cr")
ARTEFACTS = Path(os.environ.get("LAWCHECK_ARTEFACTS", ROOT / ".pytest_cache" / "lawcheck-artefacts"))


def rich_docx(text: str) -> bytes:
    """``make_docx`` (headings numbered by Word), then every paragraph cut into runs of plain, bold and
    italic text, a tab inside one, and a table of two rows (a cell of two paragraphs, spaces to collapse)
    after the first numbered heading."""
    document = docx.Document(io.BytesIO(make_docx(text)))
    styles = [{}, {"bold": True}, {"italic": True}, {"bold": True, "italic": True}]
    for k, p in enumerate(document.paragraphs):
        whole = p.text
        if len(whole) < 6:
            continue
        for r in list(p.runs):
            r._r.getparent().remove(r._r)
        cuts = [0, 3 + k % 5, 11 + k % 7, len(whole)]
        for i in range(3):
            piece = whole[cuts[i]:cuts[i + 1]]
            if piece:
                run = p.add_run(piece)
                for name, value in styles[(i + k) % 4].items():
                    setattr(run, name, value)
    heading = next((p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None),
                   document.paragraphs[2])
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "项目"
    table.cell(0, 1).text = "全年办理行政复议案件11件"
    table.cell(1, 0).text = "说明"
    cell = table.cell(1, 1)
    cell.paragraphs[0].add_run("依法  纠错").bold = True
    cell.add_paragraph("2件")
    heading._p.addnext(table._tbl)
    tab = document.paragraphs[-1].add_run()
    tab.add_tab()
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def paragraphs(data: bytes) -> list[str]:
    body = docx.Document(io.BytesIO(data)).element.body
    return [paragraph_text(p) for p in body.iter(f"{W}p")]


def anchored(data: bytes) -> dict[str, str]:
    """Each comment's text → the text its range covers (in runs, document order)."""
    document = docx.Document(io.BytesIO(data))
    opened: set[str] = set()
    got: dict[str, list[str]] = {}
    for el in document.element.body.iter():
        if el.tag == f"{W}commentRangeStart":
            opened.add(el.get(f"{W}id"))
            got.setdefault(el.get(f"{W}id"), [])
        elif el.tag == f"{W}commentRangeEnd":
            opened.discard(el.get(f"{W}id"))
        elif el.tag in TEXT_TAGS and el.getparent().tag == f"{W}r":
            s = el.text or "" if el.tag == f"{W}t" else "\t" if el.tag == f"{W}tab" else "\n"
            for cid in opened:
                got[cid].append(s)
    texts = {str(c.comment_id): c for c in document.comments}
    for c in document.comments:
        assert c.author == "lawcheck"
    return {f"{cid}:{texts[cid].text}": "".join(parts) for cid, parts in got.items()}


def in_runs(data: bytes, start: int, end: int) -> str:
    """The characters of the text lawcheck read in [start, end) that sit in runs (not a numbering label)."""
    text, pieces = layout(docx.Document(io.BytesIO(data)), with_map=True)
    keep = [False] * len(text)
    for s, e, _n, _o in pieces:
        for k in range(s, e):
            keep[k] = True
    return "".join(ch for k, ch in enumerate(text[start:end], start) if keep[k])


def run_cli(tmp_path: Path, name: str, data: bytes, *extra: str) -> tuple[int, Path, dict]:
    src = tmp_path / name
    src.write_bytes(data)
    out = tmp_path / (src.stem + "-审查意见.docx")
    code = main(["check", str(src), "--format", "docx", "-o", str(out), *extra])
    card_json = tmp_path / (src.stem + ".json")
    main(["check", str(src), "--format", "json", "-o", str(card_json), *extra])
    return code, out, json.loads(card_json.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def hetang(tmp_path_factory) -> tuple[bytes, bytes, dict]:
    """004 (荷塘区 2024): 三项制度 only planned (partial), 原因 not analysed (fail), as a rich .docx."""
    tmp = tmp_path_factory.mktemp("hetang")
    data = rich_docx((FIXTURES / "004_hetang_2024.txt").read_text(encoding="utf-8"))
    _code, out, card = run_cli(tmp, "荷塘.docx", data)
    return data, out.read_bytes(), card


def test_the_map_gives_back_the_text_it_was_read_from():
    data = rich_docx(report("001_lingshou_2021"))
    text, pieces = layout(docx.Document(io.BytesIO(data)), with_map=True)
    assert text == layout(docx.Document(io.BytesIO(data)))[0]
    nodes = list(docx.Document(io.BytesIO(data)).element.body.iter(*TEXT_TAGS))
    for s, e, n, o in pieces:
        el = nodes[n]
        own = el.text or "" if el.tag == f"{W}t" else "\t" if el.tag == f"{W}tab" else "\n"
        collapsed = text[s:e]
        assert own[o:o + e - s] == collapsed or collapsed == " "  # a run of spaces in a cell is one


@pytest.mark.parametrize("name", ["001_lingshou_2021", "002_yixing_2020", "003_changsheng_2020"])
def test_text_unchanged_paragraph_for_paragraph(tmp_path, name):
    data = rich_docx(report(name))
    code, out, _card = run_cli(tmp_path, f"{name}.docx", data)
    assert code in (0, 1)
    result = out.read_bytes()
    assert paragraphs(result) == paragraphs(data)
    assert layout(docx.Document(io.BytesIO(result)))[0] == layout(docx.Document(io.BytesIO(data)))[0]
    # Formatting kept: as many bold characters as before.
    def bold(b: bytes) -> int:
        return sum(len(r.text) for p in docx.Document(io.BytesIO(b)).paragraphs for r in p.runs if r.bold)
    assert bold(result) == bold(data)
    assert len(docx.Document(io.BytesIO(result)).comments) >= 2


def test_each_comment_covers_exactly_its_evidence(hetang):
    data, result, card = hetang
    got = anchored(result)
    quoted = [(r["rule"], e) for r in card["results"] if r["status"] in ("partial", "fail") for e in r["evidence"]]
    assert quoted
    for rule, ev in quoted:
        want = in_runs(data, ev["start"], ev["end"])
        assert any(f"（{rule}）" in k and v == want for k, v in got.items()), (rule, ev["text"])
        # Within one paragraph and off the numbering label, that is the quote itself.
        if "\n" not in ev["text"] and want == ev["text"]:
            assert any(v == ev["text"] for k, v in got.items() if f"（{rule}）" in k)


def test_partial_rule_comment_on_its_passage(hetang):
    _data, result, card = hetang
    r = next(r for r in card["results"] if r["rule"] == "enforcement.three_systems")
    assert r["status"] == "partial"
    got = anchored(result)
    note = next(k for k, v in got.items() if "enforcement.three_systems" in k and v == r["evidence"][0]["text"])
    assert "执法全过程记录" in note and "修改建议" in note and "依据" in note and "国办发〔2018〕118号" in note


def test_title_comment(hetang):
    _data, result, card = hetang
    got = anchored(result)
    title = next(k for k in got if "得分" in k)
    assert card["document"]["title"] is None  # 荷塘 has no title line: the note goes on the first line
    assert got[title] == (FIXTURES / "004_hetang_2024.txt").read_text(encoding="utf-8").split("\n")[0].strip()
    assert f"{card['score']:.1f}" in title and card["grade_label"] in title and "门槛" in title
    assert "缺失项" in title and "依据" in title


def test_failed_rule_on_its_part_heading(hetang):
    _data, result, card = hetang
    assert card["results"][[r["rule"] for r in card["results"]].index("content.shortcoming_causes")]["status"] == "fail"
    got = anchored(result)
    [(note, where)] = [(k, v) for k, v in got.items() if "content.shortcoming_causes" in k]
    assert where == "存在的问题和困难"  # the heading's own text: 二、 is Word's numbering, in no run
    assert "未分析存在不足的原因" in note


def test_failed_rule_on_the_title_when_its_part_is_missing(tmp_path):
    text = report("001_lingshou_2021")
    start = text.index("二、法治政府建设中存在的问题")
    cut = text[:start] + text[text.index("三、下一步工作计划"):]
    _code, out, card = run_cli(tmp_path, "灵寿-无不足.docx", rich_docx(cut))
    assert card["results"][[r["rule"] for r in card["results"]].index("content.shortcomings")]["status"] == "fail"
    got = anchored(out.read_bytes())
    [(_note, where)] = [(k, v) for k, v in got.items() if "content.shortcomings）" in k and "得分" not in k.split("\n")[0]]
    assert where in "灵寿县人民政府关于2021年度法治政府建设情况的报告" and where


def test_late_report_comment_on_the_date_line(tmp_path):
    # A 2020 report (the first-quarter clause of the 2015 纲要 governs it), dated in May.
    text = report("001_lingshou_2021").replace("2022年1月14日", "2021年5月14日").replace("2021年度", "2020年度")
    _code, out, card = run_cli(tmp_path, "灵寿-逾期.docx", rich_docx(text))
    late = [r for r in card["results"] if r["kind"] == "deadline" and r["status"] == "fail"]
    assert late and card["timeliness"] == "late"
    got = anchored(out.read_bytes())
    title = next(k for k in got if "得分" in k)
    assert got[title] == "灵寿县人民政府关于2020年度法治政府建设情况的报告"  # the title set on two lines
    assert "deadline.first_quarter" in {r["rule"] for r in late}
    for r in late:
        assert any(r["rule"] in k for k in got), r["rule"]
    assert any("deadline.first_quarter" in k and "2021年5月14日" in v for k, v in got.items())


@pytest.mark.parametrize("kind", ["txt", "pdf"])
def test_other_inputs_make_a_new_docx(tmp_path, kind):
    text = report("003_changsheng_2020")
    data = text.encode("utf-8") if kind == "txt" else make_pdf(text)
    code, out, card = run_cli(tmp_path, f"长生镇.{kind}", data)
    assert code in (0, 1)
    result = out.read_bytes()
    document = docx.Document(io.BytesIO(result))
    assert document.paragraphs[0].style.name == "Title"
    got = anchored(result)
    assert any("得分" in k for k in got)
    for r in card["results"]:
        for ev in r["evidence"] if r["status"] in ("partial", "fail") else []:
            assert any(r["rule"] in k and v == ev["text"] for k, v in got.items()), (r["rule"], ev["text"])


def test_same_input_same_bytes(tmp_path):
    data = rich_docx(report("003_changsheng_2020"))
    _c, first, _card = run_cli(tmp_path, "a.docx", data)
    one = first.read_bytes()
    (tmp_path / "b").mkdir()
    _c, second, _card = run_cli(tmp_path / "b", "a.docx", data)
    assert one == second.read_bytes()
    text = (FIXTURES / "003_changsheng_2020.txt").read_bytes()
    _c, t1, _ = run_cli(tmp_path, "t.txt", text)
    b1 = t1.read_bytes()
    _c, t2, _ = run_cli(tmp_path / "b", "t.txt", text)
    assert b1 == t2.read_bytes()
    assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in zipfile.ZipFile(io.BytesIO(one)).infolist())


def test_output_is_never_the_input(tmp_path, capsys):
    src = tmp_path / "报告.docx"
    src.write_bytes(rich_docx(report("003_changsheng_2020")))
    before = src.read_bytes()
    assert main(["check", str(src), "--format", "docx", "-o", str(src)]) == 2
    assert "不改写输入文件" in capsys.readouterr().err
    assert src.read_bytes() == before


def test_suffix_chooses_docx_and_a_folder_gets_one_per_input(tmp_path, capsys):
    for name in ("001_lingshou_2021", "003_changsheng_2020"):
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / f"{name}.docx").write_bytes(rich_docx(report(name)))
    (tmp_path / "in" / "坏.docx").write_bytes(b"PK\x03\x04 broken")
    code = main(["check", str(tmp_path / "in"), "--format", "docx", "-o", str(tmp_path / "out"), "-j", "2"])
    assert code == 2  # the broken input is an error line; the others are written
    err = capsys.readouterr().err
    assert "坏.docx" in err
    made = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert made == ["0001-001_lingshou_2021-审查意见.docx", "0002-003_changsheng_2020-审查意见.docx"]
    assert main(["check", str(tmp_path / "in"), "--format", "docx"]) == 2
    assert "-o" in capsys.readouterr().err
    one = tmp_path / "one.docx"
    main(["check", str(tmp_path / "in" / "001_lingshou_2021.docx"), "-o", str(one)])
    assert docx.Document(str(one)).comments


def test_english(tmp_path):
    _code, out, card = run_cli(tmp_path, "h.docx", rich_docx(report("003_changsheng_2020")), "--lang", "en")
    notes = list(anchored(out.read_bytes()))
    assert any("Score" in n and "Gate" in n for n in notes)
    assert any("Fix" in n and "(enforcement.three_systems)" in n for n in notes)
    assert card["lang"] == "en"


def test_compare_refuses_a_word_output(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(report("001_lingshou_2021"), encoding="utf-8")
    b.write_text(report("001_lingshou_2021"), encoding="utf-8")
    assert main(["compare", str(a), str(b), "-o", str(tmp_path / "x.docx")]) == 2
    err = capsys.readouterr().err.strip()
    assert "不输出 Word 文档" in err and "\n" not in err
    assert not (tmp_path / "x.docx").exists()


def test_binary_never_to_a_terminal(monkeypatch, capsys, tmp_path):
    src = tmp_path / "r.txt"
    src.write_text(report("003_changsheng_2020"), encoding="utf-8")
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main(["check", str(src), "--format", "docx"]) == 2
    err = capsys.readouterr().err.strip()
    assert "-o" in err and "\n" not in err


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_it_and_shows_the_comments(tmp_path):
    """LibreOffice opens the file and exports the comments: as PDF notes (7.4, Debian bookworm) and, where
    it has the option and a window system to lay it out (the full Writer of 7.5 on), in the margin.  A page is rendered to PNG (poppler) as an artefact to look at."""
    _code, out, _card = run_cli(tmp_path, "长生镇.docx", rich_docx(report("003_changsheng_2020")))
    profile = f"-env:UserInstallation=file://{tmp_path}/lo-profile"  # a private profile: no shared lock
    options = {"ExportNotes": True, "ExportNotesInMargin": True}
    target = "pdf:writer_pdf_Export:" + json.dumps(
        {k: {"type": "boolean", "value": str(v).lower()} for k, v in options.items()})
    pdf = tmp_path / (out.stem + ".pdf")
    subprocess.run(["soffice", profile, "--headless", "--convert-to", target, "--outdir", str(tmp_path), str(out)],
                   check=True, timeout=180, capture_output=True)
    if not pdf.exists():
        # A LibreOffice that knows the margin option but cannot lay the margin out without a window (the nogui
        # build of 24.x and 25.x) exports nothing with it: the notes alone, then.
        target = "pdf:writer_pdf_Export:" + json.dumps({"ExportNotes": {"type": "boolean", "value": "true"}})
        subprocess.run(["soffice", profile, "--headless", "--convert-to", target, "--outdir", str(tmp_path),
                        str(out)], check=True, timeout=180, capture_output=True)
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    shown = "".join(page.extract_text() or "" for page in reader.pages)
    notes = [str(a.get_object().get("/Contents") or "") for page in reader.pages for a in page.get("/Annots") or []]
    assert "长生镇人民政府" in "".join(shown.split())
    assert any("得分" in n and "门槛" in n for n in notes) or "门槛" in shown
    assert any("修改建议" in n and "enforcement.three_systems" in n for n in notes) or "修改建议" in shown
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(pdf, ARTEFACTS / "docx-comments.pdf")
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler's pdftoppm is not installed: the PDF was checked, no PNG made")
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
                   check=True, timeout=120, capture_output=True)
    png = next(tmp_path.glob("page*.png"))
    assert png.stat().st_size > 10_000
    shutil.copy(png, ARTEFACTS / "docx-comments.png")


def test_commented_copies_in_the_input_folder_are_not_checked_again(tmp_path, capsys):
    """A reviewer writes the commented copies into a folder inside the one received: the next run over the
    folder checks the reports, not lawcheck's own copies (recorded by their bytes when written)."""
    inbox = tmp_path / "收文"
    inbox.mkdir()
    for name in ("001_lingshou_2021", "003_changsheng_2020"):
        (inbox / f"{name}.docx").write_bytes(rich_docx(report(name)))
    out = inbox / "审查意见"
    assert main(["check", str(inbox), "--format", "docx", "-o", str(out)]) in (0, 1)
    assert len(list(out.iterdir())) == 2
    capsys.readouterr()
    assert main(["check", str(inbox), "--format", "jsonl"]) in (0, 1)
    paths = [json.loads(line)["path"] for line in capsys.readouterr().out.splitlines()]
    assert len(paths) == 2 and not any("审查意见" in p for p in paths)
    # A copy someone edited is a document like any other: checked.
    edited = next(out.iterdir())
    doc = docx.Document(str(edited))
    doc.add_paragraph("审核人补充的一段话。")
    doc.save(str(edited))
    assert main(["check", str(inbox), "--format", "jsonl"]) in (0, 1)
    assert len(capsys.readouterr().out.splitlines()) == 3


def test_a_waived_shortfall_is_commented_as_waived_not_as_a_fix(tmp_path, monkeypatch):
    """A waiver accepted in lawcheck.toml: the passage's comment says ⊘ 已豁免 with the reason and the end
    date (what is lacking still said), never "修改建议" for what the reviewer accepted; the title lists it."""
    import datetime as dt

    monkeypatch.chdir(tmp_path)
    until = (dt.date.today() + dt.timedelta(days=365)).isoformat()  # a waiver runs two years at most
    (tmp_path / "lawcheck.toml").write_text(
        f'[[waivers]]\nrule = "enforcement.three_systems"\nreason = "三项制度另行专报"\nuntil = {until}\n',
        encoding="utf-8")
    data = rich_docx((FIXTURES / "004_hetang_2024.txt").read_text(encoding="utf-8"))
    _code, out, card = run_cli(tmp_path, "荷塘.docx", data)
    r = next(r for r in card["results"] if r["rule"] == "enforcement.three_systems")
    assert r["status"] == "partial" and r["waived"]["reason"] == "三项制度另行专报"
    got = anchored(out.read_bytes())
    [note] = [k for k, v in got.items() if "enforcement.three_systems" in k and v == r["evidence"][0]["text"]]
    assert "⊘ 已豁免" in note and "三项制度另行专报" in note and until in note and "原为部分" in note
    assert "修改建议" not in note and "依据" in note and r["message"] in note
    title = next(k for k in got if "得分" in k)
    assert f"已豁免：行政执法三项制度（豁免至 {until}）" in title
    assert "行政执法三项制度" not in title.split("缺失项：")[1].split("\n")[0]


def _text_box(text: str):
    """A run holding a text box as Word writes one: a drawing (mc:Choice) and its VML copy (mc:Fallback)."""
    from docx.oxml import parse_xml

    return parse_xml(
        f'<w:r xmlns:w="{W[1:-1]}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline><wp:extent cx="1800000" cy="600000"/>'
        '<wp:docPr id="77" name="文本框 1"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>'
        f'<wps:spPr/><wps:txbx><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx>'
        '<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice><mc:Fallback><w:pict>'
        f'<v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox>'
        '</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def test_a_title_in_a_text_box_is_read_once_and_commented_inside_it(tmp_path):
    """A 红头-style title set in a text box: its text is read once (Word writes the box twice, as a drawing and
    as VML), and the title's comment starts and ends in the drawing's own text, not from one copy to the
    other (a range across two stories: LibreOffice showed no comment on the title at all)."""
    lines = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8").split("\n")[1:]
    document = docx.Document(io.BytesIO(make_docx("\n".join(lines[2:]))))
    first = document.paragraphs[0]._p
    holder = first.makeelement(first.tag)
    holder.append(_text_box(lines[0] + lines[1]))
    first.addprevious(holder)
    buf = io.BytesIO()
    document.save(buf)
    data = buf.getvalue()
    title = "灵寿县人民政府关于2021年度法治政府建设情况的报告"
    assert layout(docx.Document(io.BytesIO(data)))[0].split("\n")[0] == title
    _code, out, card = run_cli(tmp_path, "红头.docx", data)
    assert card["document"]["title"] == title
    result = docx.Document(io.BytesIO(out.read_bytes()))
    ids = {str(c.comment_id) for c in result.comments if "得分" in c.text}
    [cid] = ids
    ends = [el for el in result.element.body.iter(f"{W}commentRangeStart", f"{W}commentRangeEnd",
                                                   f"{W}commentReference") if el.get(f"{W}id") == cid]
    assert len(ends) == 3
    boxes = {next(el.iterancestors(f"{W}txbxContent"), None) for el in ends}
    assert len(boxes) == 1 and None not in boxes  # all three in one text box
    assert not any(a.tag.endswith("}Fallback") for a in ends[0].iterancestors())
    assert paragraphs(out.read_bytes()) == paragraphs(data)


def test_a_passage_from_a_text_box_into_the_body_is_anchored_in_one_story():
    from lawcheck.render.wordfile import Anchors

    document = docx.Document()
    p = document.add_paragraph()
    p._p.append(_text_box("附件一"))
    p.add_run("正文第一句。")
    text, pieces = layout(document, with_map=True)
    assert text == "附件一正文第一句。"
    head, tail = Anchors(document.element.body, pieces).runs(1, 6)
    assert next(head.iterancestors(f"{W}txbxContent"), None) is next(tail.iterancestors(f"{W}txbxContent"), None)


def test_a_folder_of_one_report_to_an_output_folder(tmp_path, capsys):
    """The documented `lawcheck check 各区县报告/ --format docx -o 审查意见/` on a folder that holds one report
    (or -o an existing folder): the commented copy goes into the folder, named as in a batch."""
    inbox = tmp_path / "各区县报告"
    inbox.mkdir()
    (inbox / "长生镇.docx").write_bytes(rich_docx(report("003_changsheng_2020")))
    assert main(["check", str(inbox), "--format", "docx", "-o", str(tmp_path / "审查意见") + "/"]) in (0, 1)
    assert [p.name for p in (tmp_path / "审查意见").iterdir()] == ["0001-长生镇-审查意见.docx"]
    (tmp_path / "已有").mkdir()
    assert main(["check", str(inbox / "长生镇.docx"), "--format", "docx", "-o", str(tmp_path / "已有")]) in (0, 1)
    made = tmp_path / "已有" / "0001-长生镇-审查意见.docx"
    assert docx.Document(str(made)).comments


def test_nothing_written_is_never_said_to_be_written(tmp_path, capsys):
    """An unreadable Word input gives no commented copy: its error line, and no "结果已写入" for a file that
    does not exist."""
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"PK\x03\x04 broken")
    out = tmp_path / "坏-审查意见.docx"
    assert main(["check", str(bad), "--format", "docx", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "坏.docx" in err and "结果已写入" not in err and not out.exists()


@pytest.mark.parametrize("name", ["002_yixing_2020", "003_changsheng_2020", "004_hetang_2024"])
def test_a_rule_says_its_comment_once(name):
    """A newcomer's review: a rule with three passages put the same full comment on each (three pairs of
    identical comments in one report's margin).  The first carries it; the others point to it."""
    import lawcheck
    from lawcheck.render.comments import notes

    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    card = lawcheck.evaluate(text)
    bodies = [n.text for n in notes(card, text, [])]
    assert len(bodies) == len(set(bodies)) or all(
        "第一处批注" in b for b in bodies if bodies.count(b) > 1), bodies
    by_rule: dict[str, list[str]] = {}
    for n in notes(card, text, []):
        if n.rule:
            by_rule.setdefault(n.rule, []).append(n.text)
    for rule, texts in by_rule.items():
        assert "依据：" in texts[0] and all("第一处批注" in x and "依据：" not in x for x in texts[1:]), rule
