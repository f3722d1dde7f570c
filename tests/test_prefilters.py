"""Words that stand before a slower pattern is run (issue 18): the pattern never matches without them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lawcheck.text import structure

_PIECES = ["落实", "完成", "执行", "实施", "情况", "亮点", "回顾", "取得的", "成效", "主要", "工作", "经验做法", "和",
           "、", "，", "（", "）", "；", "。", " ", "下一步", "计划", "一、", "2023年", "法治"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_a_look_back_heading_always_has_its_word(pieces: list[str]) -> None:
    heading = "".join(pieces)
    if structure._LOOKBACK.search(heading):
        assert structure._LOOKBACK_WORD.search(heading)
    # And the roles are those of the heading read without the filter.
    plan = bool(structure._PLAN_CUE.search(structure._LOOKBACK.sub("", heading)))
    assert (structure.PLAN in structure.roles_from_heading(heading)) == plan
