"""Look-alikes and the gate, both directions (issue 18's tenth session): real reports and the documents published
beside them, built from the fixtures' paragraphs, that the kind verdict misread."""

from __future__ import annotations

import pytest

import lawcheck
from tests.conftest import FIXTURES

HETANG = (FIXTURES / "004_hetang_2024.txt").read_text(encoding="utf-8")
H = HETANG.split("\n")
_PROBES = FIXTURES.parent / "tests" / "data" / "probes"
L02B = (_PROBES / "L02b_shufa_notitle.txt").read_text(encoding="utf-8")


def _kind(text: str) -> tuple[str, str | None]:
    card = lawcheck.evaluate(text)
    return card.document.kind, card.document.other_kind


# --- An untitled unit's report that names its leaders in its items is no third-person 述法 --------------------------
# (RULEBOOK §2.1: the report tells how the 党政主要负责人 carried out their 第一责任人 duty — naming them is what it
# is asked to do; a 述法 written about one leader has that leader as its subject from its first paragraph.)

_ONE = ("（一）压实第一责任人职责。区长李明华同志认真履行推进法治建设第一责任人职责，李明华同志全年主持区政府常务"
        "会议学法6次，李明华同志带头出庭应诉2次。\n")
_TWO = ("（一）压实第一责任人职责。区委书记张建国同志、区长李明华同志认真履行推进法治建设第一责任人职责，张建国同志"
        "全年主持区委常委会会议专题研究法治建设4次，李明华同志主持区政府常务会议学法6次，李明华同志带头出庭应诉2次。\n")


@pytest.mark.parametrize("opening,item", [
    (H[0], _ONE),
    (H[0], _TWO),
    ("2024年，在区委书记张建国同志、区长李明华同志的带领下，" + H[0][5:], _TWO),
    ("区委、区人大常委会：\n" + H[0], _ONE),
], ids=["one-leader-in-items", "two-leaders", "both-in-opening", "salutation-first"])
def test_untitled_report_naming_its_leaders_is_a_report(opening: str, item: str) -> None:
    text = opening + "\n一、年度工作情况\n" + item + "\n".join(H[3:])
    assert _kind(text) == ("annual_report", None)


@pytest.mark.parametrize("text", [
    L02B,
    "王建国，男，汉族，1970年生，现任县人民政府县长。\n" + L02B,
    "县委全面依法治县委员会办公室：\n" + L02B,
    L02B.replace("王建国同志认真贯彻", "县长王建国同志认真贯彻", 1),
], ids=["subject-in-opening", "biography-first", "salutation-first", "post-before-name"])
def test_third_person_shufa_untitled_is_still_shufa(text: str) -> None:
    assert _kind(text) == ("other", "shufa_report")
