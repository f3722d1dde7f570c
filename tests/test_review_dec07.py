"""Found in the seventh review session (2026-12-02): what a reviewer, a researcher, a legal reviewer and a
simulated grader found on the landed code.  Each test fails on the commit before its fix."""

from __future__ import annotations

import json

import pytest

from lawcheck.cli import main
from tests.conftest import FIXTURES
from tests.helpers.make_docs import make_pdf


def _report(name: str) -> str:
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")


def _cut_off(text: str) -> str:
    """The first half of a report, stopped in the middle of a sentence (a page excerpt)."""
    head = text[: len(text) // 2]
    return head[: max(head.rfind("，"), head.rfind(",")) + 1] + "坚持"


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "csv"])
def test_a_folder_with_unscored_reports_is_summarised_with_the_reason(tmp_path, capsys, fmt) -> None:
    """A folder holding a scanned PDF and a cut-off excerpt beside a report: the ranked summary crashed
    (AttributeError on the batch's slim card) in text, Markdown and the HTML index, and a scan's row said nothing."""
    folder = tmp_path / "报告"
    folder.mkdir()
    (folder / "某镇报告（盖章扫描件）.pdf").write_bytes(make_pdf(_report("001_lingshou_2021"), scanned=True))
    (folder / "节选.txt").write_text(_cut_off(_report("002_yixing_2020")), encoding="utf-8")
    (folder / "灵寿县.txt").write_text(_report("001_lingshou_2021"), encoding="utf-8")
    out = tmp_path / "out"
    args = ["check", str(folder), "--format", fmt, "-j", "1"]
    if fmt == "html":
        args += ["--output", str(out)]
    assert main(args) == 1  # two of three do not meet the gate
    captured = capsys.readouterr()
    assert "内部错误" not in captured.err
    shown = (out / "index.html").read_text(encoding="utf-8") if fmt == "html" else captured.out
    assert "没有文字层（可能是扫描件）" in shown  # the scan's row says why it has no score
    assert "文本不完整（在句子中间中断）" in shown  # the excerpt's row too, in every format


def test_a_scanned_pdf_is_one_line_with_its_reason(tmp_path, capsys) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf(_report("001_lingshou_2021"), scanned=True))
    assert main(["check", str(path), "--format", "json"]) == 1
    doc = json.loads(capsys.readouterr().out)["document"]
    assert (doc["kind"], doc["other_kind"], doc["kind_reason"]) == ("other", "no_text", "没有文字层（可能是扫描件）")
