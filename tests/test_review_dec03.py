"""Reviews of 2026-12-03 (a researcher's look-alikes, an examiner's altered copies, a reviewer's folder, an
attacker): what they found, pinned."""

from __future__ import annotations

from pathlib import Path

import pytest

import lawcheck

ROOT = Path(__file__).resolve().parents[1]
YIXING = (ROOT / "fixtures" / "002_yixing_2020.txt").read_text(encoding="utf-8")
NOTICE_BODY = ("\n\n各乡镇人民政府，县政府各部门：\n为做好2023年度法治政府建设工作，现将有关事项通知如下。\n"
               "一、加强组织领导。各单位主要负责人要切实履行推进法治建设第一责任人职责。\n"
               "二、按时报送。请于2024年1月31日前报送年度报告。\n县人民政府办公室\n2023年3月1日\n")


@pytest.mark.parametrize("number", [" 第3号", "（第3号）", " 宜政办发〔2023〕3号", "（2023年第5期）"])
@pytest.mark.parametrize("body", ["", NOTICE_BODY])
def test_a_notice_numbered_after_its_title_is_a_notice(number: str, body: str) -> None:
    """The number after a title says which document it is, not what it is: "…的通知 第3号" is a notice."""
    card = lawcheck.evaluate("关于做好法治政府建设工作的通知" + number + body)
    assert (card.document.kind, card.document.other_kind) == ("other", "notice"), card.document.kind_reason


def test_a_report_numbered_after_its_title_is_still_the_report() -> None:
    lines = YIXING.split("\n")
    i = next(k for k, ln in enumerate(lines) if "报告" in ln and "法治" in ln)
    lines[i] = lines[i].rstrip() + "（2021年第3号）"
    card = lawcheck.evaluate("\n".join(lines))
    assert card.document.kind == "annual_report"
    assert card.score == lawcheck.evaluate(YIXING).score
