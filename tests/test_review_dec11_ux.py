"""The command line's and the outputs' small edges (review of 11 December): what a user met, fixed."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from lawcheck.cli import main
from lawcheck.errors import InputError
from lawcheck.readers import read_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# A short report in its own words (a township's, 2023): enough paragraphs for a page break between parts.
QIAOTOU = """桥头镇人民政府2023年度法治政府建设情况报告

2023年，桥头镇在县委、县政府的正确领导下，深入学习贯彻习近平法治思想，认真落实《法治政府建设实施纲要（2021—2025年）》，现将有关情况报告如下。
一、主要举措和成效
（一）加强组织领导。镇党委、镇政府主要负责人切实履行推进法治建设第一责任人职责，全年召开党委会、政府常务会专题研究法治政府建设工作4次，将法治建设纳入年度综合考核。
（二）推进依法决策。严格落实重大行政决策程序规定，全镇3项重大行政决策均经过公众参与、专家论证、风险评估、合法性审查和集体讨论决定，聘请法律顾问1名，审查合同12份。
（三）规范行政执法。全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，组织执法人员参加培训2次，全年办理行政处罚案件15件，无一被复议纠错。
（四）化解矛盾纠纷。健全人民调解、行政调解、司法调解联动工作体系，全年排查化解矛盾纠纷86件，调解成功率97%。
二、存在的不足和原因
一是部分干部法治意识不强，运用法治思维和法治方式解决问题的能力有待提高；二是执法力量薄弱，执法人员专业素质参差不齐。原因主要是学法用法常态化机制不够健全，培训针对性不强。
三、党政主要负责人履行推进法治建设第一责任人职责情况
镇党委书记、镇长带头学法，主持召开专题会议研究法治建设重要问题，带头接访群众，督促班子成员履行“一岗双责”。
四、2024年工作打算
一是持续深化学习宣传习近平法治思想；二是加强执法队伍建设，开展执法案卷评查；三是深化“八五”普法，推进乡村法治示范创建。

桥头镇人民政府
2024年2月20日
"""


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LAWCHECK_CACHE_DIR", "")
    shutil.copy(FIXTURES / "001_lingshou_2021.txt", tmp_path / "灵寿县2021年法治政府建设年度报告.txt")
    shutil.copy(FIXTURES / "003_changsheng_2020.txt", tmp_path / "长生镇2020年法治政府建设工作报告.txt")
    return tmp_path


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            z.writestr(name, data)
    return buf.getvalue()


def _refusal(name: str, data: bytes, lang: str = "zh") -> str:
    with pytest.raises(InputError) as e:
        read_document(name, data, lang=lang)
    return str(e.value)


# ------------------------------------------------------------------ 1. a zip of one file, dropped on the page

# A zip holding one report was "多个文件的压缩包" (an archive of several files) on the page and on standard input:
# the drafter who zipped one file was told something untrue of it.  It is now said to hold that one file, named.
@pytest.mark.parametrize(("name", "members", "words", "not_words"), [
    ("报送材料.zip", [("岳池县2023年法治政府建设情况报告.docx", b"PK")], ["只有一个文件", "岳池县2023年法治政府建设情况报告.docx"],
     ["多个文件"]),
    # a Mac's zip: the resource fork beside the report is the archiver's, not a second file
    ("材料.zip", [("清波街道2022年度报告.pdf", b"%PDF-1.4"), ("__MACOSX/._清波街道2022年度报告.pdf", b"\0\5")],
     ["只有一个文件", "清波街道2022年度报告.pdf"], ["多个文件", "__MACOSX"]),
    # in a folder of its own inside the zip: still one file
    ("-", [("2023年报告/", b""), ("2023年报告/桥头镇法治政府建设年度报告.txt", QIAOTOU.encode())],
     ["只有一个文件", "桥头镇法治政府建设年度报告.txt"], ["多个文件"]),
    ("三县报告.zip", [("甲县.txt", b"a"), ("乙县.txt", b"b"), ("丙县.docx", b"c")], ["多个文件的压缩包（共 3 个文件）"], ["只有一个"]),
])
def test_a_zip_is_described_by_what_it_holds(name, members, words, not_words):
    said = _refusal(name, _zip(members))
    assert all(w in said for w in words), said
    assert not any(w in said for w in not_words), said


def test_an_empty_zip_is_said_to_be_empty_not_a_rar():
    empty = _zip([])
    assert empty.startswith(b"PK\x05\x06")
    said = _refusal("材料.zip", empty)
    assert "空的" in said and "RAR" not in said and "多个文件" not in said, said
    assert "empty" in _refusal("材料.zip", empty, "en")


def test_a_word_name_on_a_zip_of_one_file_names_that_file():
    said = _refusal("灵寿县报告.docx", _zip([("灵寿县2021年法治政府建设年度报告.txt", b"x" * 40)]))
    assert "文件名为 .docx" in said and "灵寿县2021年法治政府建设年度报告.txt" in said and "多个文件" not in said, said
    said = _refusal("report.docx", _zip([("a.txt", b"x"), ("b.txt", b"y")]), "en")
    assert "several files (2)" in said and "one file" not in said, said


def test_a_hostile_member_name_is_one_line_and_bounded():
    said = _refusal("材料.zip", _zip([("报告\n第二行\x07" + "很长" * 200 + ".txt", b"x")]))
    assert "\n" not in said and "\x07" not in said and len(said) < 300, said
    assert "只有一个文件" in said


def test_the_page_says_it_of_a_dropped_zip():
    pytest.importorskip("starlette")
    pytest.importorskip("httpx2")
    from starlette.testclient import TestClient

    from lawcheck.batch import Options
    from lawcheck.serve.app import create_app
    from lawcheck.serve.work import Checker

    client = TestClient(create_app(Checker(Options()), host="127.0.0.1", port=48766), base_url="http://127.0.0.1:48766")
    data = _zip([("桥头镇2023年度法治政府建设情况报告.txt", QIAOTOU.encode())])
    r = client.post("/api/check", content=data, params={"name": "桥头镇.zip"},
                    headers={"Origin": "http://127.0.0.1:48766"})
    error = r.json()["error"]
    assert "只有一个文件" in error and "桥头镇2023年度法治政府建设情况报告.txt" in error and "多个" not in error, error


# ------------------------------------------------------------------ 2. an empty -o

# "-o ''" (a script's unset variable: -o "$OUT") said "无法写入“-”：不存在", or named a temporary file; "-o ' '" wrote a
# file called " ".  An empty output name is now one line saying so, exit 2, nothing written.
@pytest.mark.parametrize("argv", [
    ["check", "灵寿县2021年法治政府建设年度报告.txt", "-o", ""],
    ["check", "灵寿县2021年法治政府建设年度报告.txt", "--format", "docx", "--output="],
    ["check", "灵寿县2021年法治政府建设年度报告.txt", "长生镇2020年法治政府建设工作报告.txt", "--format", "html", "-o", "  "],
    ["compare", "长生镇2020年法治政府建设工作报告.txt", "灵寿县2021年法治政府建设年度报告.txt", "--force", "-o", ""],
    ["compare", ".", "--format", "csv", "-o", " "],
    ["rules", "schema", "-o", ""],
    ["rules", "docs", "--output", ""],
])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_empty_output_name_is_refused_in_one_line(here, capsys, argv, lang):
    before = sorted(p.name for p in here.iterdir())
    code = main([*argv, "--lang", lang] if argv[0] != "rules" else argv)
    out, err = capsys.readouterr()
    lines = [x for x in err.splitlines() if x]
    assert code == 2 and len(lines) == 1, err
    if argv[0] != "rules" and lang == "en":
        assert "output file name is empty" in lines[0], lines
    else:
        assert "输出文件名为空" in lines[0], lines
    assert "“-”" not in lines[0] and ".tmp" not in lines[0]
    assert out == ""
    assert sorted(p.name for p in here.iterdir()) == before


def test_a_real_output_name_is_still_written(here):
    assert main(["check", "灵寿县2021年法治政府建设年度报告.txt", "-o", "结果 2021.txt"]) in (0, 1)
    assert (here / "结果 2021.txt").stat().st_size > 0
    assert main(["check", "灵寿县2021年法治政府建设年度报告.txt", "-o", "-"]) in (0, 1)  # "-": standard output


# ------------------------------------------------------------------ 3. a form feed in a .txt, to Word

def _docx_parts(path: Path) -> tuple[str, str]:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode(), z.read("word/comments.xml").decode()


def _anchored(path: Path) -> dict[str, str]:
    """Each comment's id → the text its range covers (a page break counted as the "\\f" it stands for)."""
    import docx

    document = docx.Document(str(path))
    opened: set[str] = set()
    got: dict[str, list[str]] = {}
    for el in document.element.body.iter():
        if el.tag == f"{W}commentRangeStart":
            opened.add(el.get(f"{W}id"))
            got.setdefault(el.get(f"{W}id"), [])
        elif el.tag == f"{W}commentRangeEnd":
            opened.discard(el.get(f"{W}id"))
        elif el.tag in (f"{W}t", f"{W}tab", f"{W}br") and el.getparent().tag == f"{W}r":
            s = (el.text or "") if el.tag == f"{W}t" else "\t" if el.tag == f"{W}tab" else \
                "\f" if el.get(f"{W}type") == "page" else "\n"
            for cid in opened:
                got[cid].append(s)
    return {cid: "".join(parts) for cid, parts in got.items()}


def _with_controls(text: str) -> str:
    """The text as a PDF-to-text tool or an old system exports it: a form feed before each part (on the part's
    line, or a line of its own), and stray control characters inside paragraphs."""
    out = []
    for k, line in enumerate(text.split("\n")):
        if line.startswith(("二、", "四、")):
            line = "\f" + line
        elif line.startswith("三、"):
            out.append("\f")
        elif "调解" in line or "执法" in line:
            line = line.replace("，", "，\x0b", 1).replace("。", "\x01。\x08", 1)
        elif k == 4:
            line = line + "\x06\x1f"
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("source", ["qiaotou", "lingshou"])
def test_a_form_feed_is_a_page_break_in_word_and_other_controls_are_dropped(tmp_path, source):
    pytest.importorskip("docx")
    text = QIAOTOU if source == "qiaotou" else (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
    if source == "lingshou":  # a page break between its parts, and stray controls in its measures
        text = text.replace("\n二、", "\n\f二、", 1).replace("\n三、", "\n\f\n三、", 1).replace(",", ",\x0b\x02", 5)
    else:
        text = _with_controls(text)
    assert "\f" in text and "\x0b" in text
    src = tmp_path / "报告.txt"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "审查意见.docx"
    assert main(["check", str(src), "--format", "docx", "-o", str(out)]) in (0, 1)
    body, comments = _docx_parts(out)
    assert "\ufffd" not in body and "\ufffd" not in comments
    assert body.count('w:type="page"') == text.count("\f")
    # the text of the document is the report's, less the controls (python-docx shows a page break as nothing)
    import docx

    shown = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    clean = "".join(c for c in text if c in "\t\n" or c >= " ")
    assert shown.replace(" ", "") == clean.replace("\r", " ").replace(" ", "")
    # each comment on a shortfall covers the passage its evidence quotes (offsets into the text as read)
    card_path = tmp_path / "card.json"
    assert main(["check", str(src), "--format", "json", "-o", str(card_path)]) in (0, 1)
    card = json.loads(card_path.read_text(encoding="utf-8"))
    anchored = "|".join(_anchored(out).values())
    for r in card["results"]:
        for e in r.get("evidence", []) if r["status"] in ("partial", "fail") else []:
            quoted = "".join(c for c in text[e["start"]:e["end"]] if c in "\t\n\f" or c >= " ")
            assert quoted.replace("\n", "") in anchored, (r["rule"], e)


def _covered(head, tail) -> str:  # type: ignore[no-untyped-def]
    """The text of the runs from ``head`` to ``tail`` (a page break as "\\f")."""
    out, on = [], False
    for r in head.getparent().getparent().iter(f"{W}r"):
        on = on or r is head
        if on:
            for el in r:
                if el.tag == f"{W}t":
                    out.append(el.text or "")
                elif el.tag == f"{W}br":
                    out.append("\f" if el.get(f"{W}type") == "page" else "\n")
                elif el.tag == f"{W}tab":
                    out.append("\t")
        if r is tail:
            break
    return "".join(out)


def test_a_passage_across_a_page_break_and_controls_is_anchored_on_exactly_its_text():
    pytest.importorskip("docx")
    import lawcheck
    from lawcheck.render.formats.docx import _from_text
    from lawcheck.render.wordfile import Anchors

    text = _with_controls(QIAOTOU)
    card = lawcheck.evaluate(text)
    document, pieces = _from_text(card, text)
    anchors = Anchors(document.element.body, pieces)  # (one for the document: it follows the runs it splits)
    for needle in ("\f二、存在", "执法人员参加培训", "镇党委书记", "原因主要是学法用法"):
        for start in (text.index(needle) - 5, text.index(needle) + 1):
            end = start + 30
            head, tail = anchors.runs(start, end)
            want = "".join(c for c in text[start:end] if c in "\t\f" or c >= " ").replace("\n", "")
            assert _covered(head, tail) == want, (needle, start)


def test_the_scorecard_is_the_same_with_or_without_the_form_feeds(tmp_path):
    """Word is written without them; the report is checked as it was read (a form feed is a line's end)."""
    plain = tmp_path / "桥头.txt"
    plain.write_text(QIAOTOU, encoding="utf-8")
    paged = tmp_path / "桥头-分页.txt"
    paged.write_text(QIAOTOU.replace("\n二、", "\n\f二、").replace("\n四、", "\n\f\n四、"), encoding="utf-8")
    cards = []
    for p in (plain, paged):
        out = tmp_path / f"{p.stem}.json"
        main(["check", str(p), "--format", "json", "-o", str(out)])
        cards.append(json.loads(out.read_text(encoding="utf-8")))
    assert cards[0]["score"] == cards[1]["score"]
    assert [r["status"] for r in cards[0]["results"]] == [r["status"] for r in cards[1]["results"]]


# ------------------------------------------------------------------ a newcomer's hostile names

# A name beginning with "-" that is no file yet ("-o -审查意见.txt", a report's name mistyped) was "缺少参数：PATH" or
# "参数 -o 需要一个值": the file unnamed, the way out unsaid.  Said as for an existing one: name it ./-….
@pytest.mark.parametrize(("argv", "name"), [
    (["check", "-岳池县2023年报告.txt"], "-岳池县2023年报告.txt"),
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "-o", "-审查意见.txt"], "-审查意见.txt"),
    (["check", "-report.docx"], "-report.docx"),
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "-o", "-out.json"], "-out.json"),  # (not -o "ut.json")
    (["compare", "长生镇2020年法治政府建设工作报告.txt", "-灵寿.txt"], "-灵寿.txt"),
])
def test_a_dashed_name_that_is_no_file_yet_is_named_with_the_way_to_pass_it(here, capsys, argv, name):
    with pytest.raises(SystemExit) as e:
        main(argv)
    err = capsys.readouterr().err.strip()
    assert e.value.code == 2 and len(err.splitlines()) == 1, err
    assert f"“{name}”以“-”开头" in err and f"./{name}" in err and "缺少参数" not in err, err


@pytest.mark.parametrize(("argv", "words"), [
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "-x"], "无法识别的参数：-x"),
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "--pubished=2024年3月1日"], "是否指 --published"),
    # a short option with its value written on ("-o审查意见.txt" is argparse's -o 审查意见.txt): the real error is said
    (["check", "-o审查意见.txt"], "缺少参数：PATH"),
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "-o审查意见.txt", "--bogus"], "无法识别的参数：--bogus"),
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "-j2", "-x"], "无法识别的参数：-x"),
    # a letter after the dash is an option mistyped; a dashed value of an option that takes no file lacks its value
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "-l中文"], "无法识别的参数：-l中文"),
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "-x.md"], "无法识别的参数：-x.md"),
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "--min-score", "-审查"], "--min-score 需要一个值"),
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "--lang", "-中文"], "--lang 需要一个值"),
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "-o审查.txt", "--formt", "docx"], "是否指 --format"),
])
def test_a_mistyped_option_is_still_an_option(here, capsys, argv, words):
    with pytest.raises(SystemExit):
        main(argv)
    err = capsys.readouterr().err
    assert words in err and "以“-”开头" not in err, err


@pytest.mark.parametrize("members", [[], ["__MACOSX/._报告.txt"], ["空文件夹/"]])
def test_checking_an_empty_zip_says_it_is_empty(here, capsys, members):
    # (it said "压缩包内没有可读的报告文件（共 0 个文件：—）")
    with zipfile.ZipFile(here / "材料.zip", "w") as z:
        for name in members:
            z.writestr(name, "" if name.endswith("/") else "x")
    try:
        code = main(["check", "材料.zip"])
    except SystemExit as e:
        code = e.code
    err = capsys.readouterr().err.strip()
    assert code != 0 and "是空的压缩包" in err and "共 0 个" not in err and len(err.splitlines()) == 1, err


def test_a_zip_on_standard_input_is_told_to_give_its_path():
    # (the user already runs lawcheck check: "或用 lawcheck check 检查整个压缩包" told them nothing)
    for members in ([("甲县报告.txt", b"x")], [("甲县报告.txt", b"x"), ("乙县报告.txt", b"x")]):
        said = _refusal("-", _zip(members))
        assert "压缩包的文件路径交给" in said and "检查整个压缩包" not in said, said
        assert "path to lawcheck check" in _refusal("-", _zip(members), "en")


def test_a_run_of_form_feeds_is_one_page_break(tmp_path):
    # (200,000 form feeds after a report made 200,000 blank pages in Word: a 5 MB document)
    pytest.importorskip("docx")
    text = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
    text = text.replace("\n二、", "\n\f\f\x01\f二、", 1) + "\f" * 20_000
    src = tmp_path / "报告.txt"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "审查意见.docx"
    assert main(["check", str(src), "--format", "docx", "-o", str(out)]) in (0, 1)
    body, _comments = _docx_parts(out)
    assert body.count('w:type="page"') == 2  # one for each run
    assert out.stat().st_size < 200_000


@pytest.mark.parametrize("name", [" -", "审查意见.txt ", "　审查意见.txt"])
def test_an_output_name_with_a_space_at_an_end_is_refused(here, capsys, name):
    # (-o " -" wrote a file called " -")
    before = sorted(p.name for p in here.iterdir())
    assert main(["check", "灵寿县2021年法治政府建设年度报告.txt", "-o", name]) == 2
    err = capsys.readouterr().err.strip()
    assert "首尾有空格" in err and len(err.splitlines()) == 1, err
    assert sorted(p.name for p in here.iterdir()) == before


def test_an_existing_file_named_like_an_option_with_its_value_is_named(here, capsys):
    # ("-o.txt" exists: argparse reads -o ".txt" and says PATH is missing; the file is named with the way to pass it)
    (here / "-o.txt").write_text("x", encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["check", "-o.txt"])
    err = capsys.readouterr().err
    assert "“-o.txt”以“-”开头" in err and "./-o.txt" in err, err
