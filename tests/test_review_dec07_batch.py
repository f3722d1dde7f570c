"""Review of 7 December (batch, compare, PDF): a zip in ``compare``'s folder, what a folder's headline counts, a copy
counted twice in a batch's totals, the batch index's "above", and a PDF whose quotes pypdf moved."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT
from tests.helpers.cli import run_lawcheck

HISTORY = ROOT / "tests" / "data" / "history"
LAST = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
THIS = (HISTORY / "lingshou.this.txt").read_text(encoding="utf-8")


def _run(tmp_path: Path, *args: str) -> tuple[str, str]:
    done = run_lawcheck(*args, cwd=tmp_path, env={"LAWCHECK_CACHE_DIR": str(tmp_path / "cache")})
    return done.stdout.decode(), done.stderr.decode()


def _zip(path: Path, members: dict[str, str]) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        for name, text in members.items():
            zf.writestr(name, text.encode("utf-8"))


# ---- 1. a unit's report sent zipped into this year's folder


@pytest.mark.parametrize("member", ["灵寿县2022年度法治政府建设情况报告.txt", "材料/关于报送法治政府建设情况的报告.txt"])
def test_compare_reads_a_zip_in_this_years_folder(tmp_path: Path, member: str) -> None:
    (tmp_path / "上年").mkdir()
    (tmp_path / "本年").mkdir()
    (tmp_path / "上年" / "灵寿县2021.txt").write_text(LAST, encoding="utf-8")
    _zip(tmp_path / "本年" / "灵寿县司法局报送材料.zip", {member: THIS})
    out, err = _run(tmp_path, "compare", "上年", "本年")
    assert "压缩包" not in out + err, out + err
    assert "其中1份与本单位上一年度报告配对" in out, out
    assert f"报送材料.zip/{member}" in out, out
    assert "未找到本单位上一年度的报告" not in out, out


def test_a_zip_with_no_report_leaves_this_years_report_missing(tmp_path: Path) -> None:
    """Nothing of this year's folder could be read: last year's report is not this year's; this year's is missing."""
    (tmp_path / "2021年度").mkdir()
    (tmp_path / "2022年度").mkdir()
    (tmp_path / "2021年度" / "灵寿县2021.txt").write_text(LAST, encoding="utf-8")
    _zip(tmp_path / "2022年度" / "报送材料.zip", {"说明.xlsx": "x"})
    out, _err = _run(tmp_path, "compare", "2021年度", "2022年度")
    assert "未找到本单位2022年度的报告" in out, out
    assert "未找到本单位上一年度的报告" not in out, out
    assert "共0份报告" in out, out


# ---- 2. the headline counts this year's reports; unread files and non-reports apart


def _two_years(tmp_path: Path, unread_year: str) -> tuple[Path, Path]:
    last, this = tmp_path / "2022年度", tmp_path / "2023年度"
    last.mkdir()
    this.mkdir()
    (last / "灵寿县2021.txt").write_text(LAST, encoding="utf-8")
    # A report whose organ and year are written as placeholders (a template filled in late): not read.
    other = re.sub(r"20\d\d", "20xx", (FIXTURES / "000-2.txt").read_text(encoding="utf-8"))
    other = re.sub(r"[\u4e00-\u9fff]{1,6}(?:区|县|市)人民政府", "xx区人民政府", other)
    (last / unread_year).write_text(other, encoding="utf-8")
    (this / "灵寿县2022.txt").write_text(THIS, encoding="utf-8")
    (this / "某街道报告.txt").write_text("", encoding="utf-8")
    (this / "附件2 政府工作报告.txt").write_bytes((ROOT / "tests/data/not_reports/政府工作报告.txt").read_bytes())
    return last, this


@pytest.mark.parametrize("name", ["一区2022年报告.txt", "区政府法治政府建设情况（模板）.txt"])
def test_compare_headline_counts_this_years_reports_only(tmp_path: Path, name: str) -> None:
    _two_years(tmp_path, name)
    out, _err = _run(tmp_path, "compare", "2022年度", "2023年度")
    assert out.startswith("共1份报告，其中1份与本单位上一年度报告配对"), out
    # last year's unpaired report: this year's report of its unit is missing, it is not asked for its own year before
    row = next(ln for ln in out.splitlines() if name in ln)
    assert "未找到本单位2022年度的报告" in row and "未自动配对上一年度" not in row, row
    # unread files and non-reports are listed apart, under the table
    assert "无法读取的文件（1个）" in out and "非年度报告（1个，不参与对照）" in out, out
    assert out.index("灵寿县2022.txt") < out.index("某街道报告.txt") < out.index("政府工作报告.txt"), out


def test_compare_headline_in_english(tmp_path: Path) -> None:
    _two_years(tmp_path, "一区2022年报告.txt")
    out, _err = _run(tmp_path, "compare", "2022年度", "2023年度", "--lang", "en")
    assert out.startswith("Reports: 1; paired with their unit's report of the year before: 1."), out
    assert "Not annual reports (1; not compared):" in out and "Files that could not be read (1):" in out, out


def test_compare_of_one_folder_still_counts_its_reports(tmp_path: Path) -> None:
    """Guard: a pair in one folder is one report, paired, as before."""
    (tmp_path / "a.txt").write_text(LAST, encoding="utf-8")
    (tmp_path / "b.txt").write_text(THIS, encoding="utf-8")
    out, _err = _run(tmp_path, "compare", ".")
    assert out.startswith("共1份报告，其中1份与本单位上一年度报告配对"), out


# ---- 3. a copy of a report counted once in a batch's totals


@pytest.mark.parametrize("copy", ["报告 - 副本.txt", "报告(2).txt", "复制 报告.txt", "报告 (1).txt"])
def test_a_copy_is_counted_once(tmp_path: Path, copy: str) -> None:
    from lawcheck.batch import Options, check_source
    from lawcheck.inputs import Source
    from lawcheck.summary import summarize

    yixing = (FIXTURES / "002_yixing_2020.txt").read_text(encoding="utf-8")
    files = {"报告.txt": yixing, copy: yixing.replace("\n", "\r\n"), "灵寿县.txt": LAST}
    for name, text in files.items():
        (tmp_path / name).write_bytes(text.encode("utf-8"))
    recs = [check_source(Source(n, tmp_path / n), Options()) for n in files]
    s = summarize(recs)
    assert s.total == 3 and s.reports == 2 and s.copies == [(copy, "报告.txt")]
    assert all(n <= 2 for _rid, _name, n in s.missing_counts), s.missing_counts
    assert s.gate_ok + s.short == 2
    assert not s.repeated  # a copy is no second report of the unit
    assert "另有1份与另一份报告内容相同" in s.totals("zh") and f"{copy}（同报告.txt）" in s.totals("zh")
    assert "1 more are copies" in s.totals("en")
    assert len(s.rows) == 3  # both files still listed


def test_a_draft_and_its_final_are_still_two_reports(tmp_path: Path) -> None:
    """Guard: two different texts of one unit and year (a draft, the final) stay two reports, and are said so."""
    from lawcheck.batch import Options, check_source
    from lawcheck.inputs import Source
    from lawcheck.summary import summarize

    files = {"灵寿终稿.txt": LAST, "灵寿初稿.txt": LAST.replace("。", "。\n", 3)[:-200], "宜兴.txt":
             (FIXTURES / "002_yixing_2020.txt").read_text(encoding="utf-8")}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    s = summarize([check_source(Source(n, tmp_path / n), Options()) for n in files])
    assert s.reports == 3 and not s.copies and s.repeated
    assert "本次检查的3份年度报告实为2个单位的" in s.totals("zh")


def test_the_cli_totals_count_a_copy_once(tmp_path: Path) -> None:
    (tmp_path / "dup").mkdir()
    yixing = (FIXTURES / "002_yixing_2020.txt").read_text(encoding="utf-8")
    (tmp_path / "dup" / "宜兴定稿.txt").write_text(yixing, encoding="utf-8")
    (tmp_path / "dup" / "宜兴定稿 - 副本.txt").write_text(yixing, encoding="utf-8")
    (tmp_path / "dup" / "灵寿县.txt").write_text(LAST, encoding="utf-8")
    out, _err = _run(tmp_path, "check", "dup")
    assert "年度报告2份" in out and "是其副本，只计一次" in out, out
    counts = [int(n) for n in re.findall(r"）：(\d+)份", out.split("最常见的缺失项：\n")[1].split("关键数据分布")[0])]
    assert counts and max(counts) <= 2, out


# ---- 4. the batch index's sentence on repeated units is true wherever the table stands


def test_the_repeated_units_sentence_names_no_place(tmp_path: Path) -> None:
    yixing = (FIXTURES / "002_yixing_2020.txt").read_text(encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "宜兴终稿.txt").write_text(yixing, encoding="utf-8")
    (tmp_path / "in" / "宜兴送审稿.txt").write_text(yixing.replace("。", "。（待补充）", 1), encoding="utf-8")
    (tmp_path / "in" / "灵寿县.txt").write_text(LAST, encoding="utf-8")
    _run(tmp_path, "check", "in", "--format", "html", "-o", "out")
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "本次检查的3份年度报告实为2个单位的" in index and "上面的" not in index
    assert index.index("本次检查的") < index.index('id="ranking"')  # (the sentence stands above the table)
    for fmt in ("markdown", "text"):
        out, _err = _run(tmp_path, "check", "in", "--format", fmt)
        assert "本次检查的3份年度报告" in out and "上面的" not in out, out
    out, _err = _run(tmp_path, "check", "in", "--lang", "en")
    assert "the 3 annual reports checked are 2 units'" in out and "above" not in out, out


# ---- 5. a PDF whose curly quotes pypdf lifted out of their places


@pytest.mark.parametrize(("lifted", "put_back"), [
    ("(一) “ ”抓好普法宣传。启动 八五 普法, “ ”制定《长生镇 八五 普法工作方案》,以民法典",
     "(一)抓好普法宣传。启动“八五”普法,制定《长生镇“八五”普法工作方案》,以民法典"),
    ("“ ” “ ”三是深化 八五 普法和基层依法治理。发挥 法律明白人 和村(社区)法律顾问作用",
     "三是深化“八五”普法和基层依法治理。发挥“法律明白人”和村(社区)法律顾问作用"),
    ("“ ”让群众身边有了懂法的 明白人 。", "让群众身边有了懂法的“明白人”。"),
    ("坚持 ‘ ’放管服 改革", "坚持‘’放管服改革"),  # one blank left: where the quote opened is not told
    ("态化疫情防控和村(社区)“ ”两委 换届等重点工作,坚", "态化疫情防控和村(社区)“”两委换届等重点工作,坚"),
    ("深化“放管服”改革,提升 Word 2019 的使用", "深化“放管服”改革,提升 Word 2019 的使用"),  # nothing lifted
])
def test_lifted_quotes_go_back(lifted: str, put_back: str) -> None:
    from lawcheck.readers.pdf import quotes_back

    assert quotes_back(lifted) == put_back


def _lift(line: str) -> str:
    """A line as pypdf gives it when its quotes are set in a Latin font: the pairs ahead, blanks where they were."""
    pairs = len(re.findall(r"“[^“”]*”", line))
    return "“ ” " * pairs + re.sub(r"“([^“”]*)”", r" \1 ", line) if pairs else line


def _laid_out(text: str, cols: int) -> list[str]:
    """The text's paragraphs broken at a page's width: CJK two columns, ASCII and curly quotes (a Latin font) one."""
    out = []
    for para in (p.strip() for p in text.splitlines() if p.strip()):
        line, width = "", 0
        for ch in para:
            w = 1 if ch.isascii() or ch in "“”‘’" else 2
            if width + w > cols:
                out.append(line)
                line, width = "", 0
            line, width = line + ch, width + w
        out.append(line)
    return out


CHANGSHENG_2021 = HISTORY / "changsheng.this.txt"  # the report the reviewer's PDF was made from


@pytest.mark.parametrize("cols", [90, 94])
def test_blanks_and_quotes_do_not_hide_a_pages_width(cols: int) -> None:
    """The lines' width is found with pypdf's blanks still in them (0 of 33 breaks joined before)."""
    from lawcheck.text.reflow import soft_breaks

    lines = _laid_out(CHANGSHENG_2021.read_text(encoding="utf-8"), cols)
    assert len(soft_breaks("\n".join(_lift(ln) for ln in lines))) == len(soft_breaks("\n".join(lines))) > 25


@pytest.mark.parametrize(("path", "cols"), [(CHANGSHENG_2021, 90), (CHANGSHENG_2021, 94),
                                            (FIXTURES / "002_yixing_2020.txt", 76),
                                            (FIXTURES / "000-4.txt", 84)])
def test_a_pdf_with_lifted_quotes_scores_as_its_text(path: Path, cols: int) -> None:
    from lawcheck import evaluate
    from lawcheck.readers.layout import join_lines
    from lawcheck.readers.pdf import quotes_back

    lines = _laid_out(path.read_text(encoding="utf-8"), cols)
    clean = evaluate(join_lines([lines]))
    damaged = evaluate(join_lines([[quotes_back(_lift(ln)) for ln in lines]]))
    assert {r.rule: r.status for r in damaged.results} == {r.rule: r.status for r in clean.results}
    assert damaged.score == clean.score
