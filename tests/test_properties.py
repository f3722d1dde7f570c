"""Invariants that examples cannot show, checked with hypothesis."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lawcheck
from lawcheck.text.normalize import normalize
from tests.conftest import FIXTURES

REAL = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Text that looks like a report: real sentences, headings, odd spaces and punctuation.
_PIECES = st.sampled_from(
    [*REAL.split("。")[:60], "一、", "(二)", "（三）", "1.", "一是", "\n", "\u3000", "\u00a0", "\r\n", "“", "”",
     "20xx年", "2021年3月1日", "二〇二二年一月十四日", "三项制度", "第一责任人", "特此报告。", "\ufeff", "\u200b"]
)
report_like = st.lists(_PIECES, max_size=40).map("".join)
any_text = st.text(max_size=400)


@_SETTINGS
@given(st.one_of(any_text, report_like))
def test_any_text_evaluates(pack, text):
    card = lawcheck.evaluate(text, rules=pack)
    assert card.score is None or 0 <= card.score <= 100
    for r in card.results:
        assert 0 <= r.fraction <= 1
        for ev in [*r.evidence, *([r.near_miss] if r.near_miss else [])]:
            assert 0 <= ev.start <= ev.end <= len(text)
            assert text[ev.start:ev.end] == ev.text


@_SETTINGS
@given(st.one_of(any_text, report_like))
def test_deterministic(pack, text):
    assert lawcheck.evaluate(text, rules=pack).model_dump_json() == lawcheck.evaluate(text, rules=pack).model_dump_json()


@_SETTINGS
@given(any_text)
def test_offset_map_is_monotonic(text):
    n = normalize(text)
    offs = [n.orig(i) for i in range(len(n.text) + 1)]
    assert offs[-1] == len(text)
    assert offs == sorted(offs)
    assert all(0 <= o <= len(text) for o in offs)


_FULL = str.maketrans("()0123456789.", "（）０１２３４５６７８９．")


@_SETTINGS
@given(st.data())
def test_heading_width_and_space_variants_do_not_change_outcomes(pack, data):
    """Full-width brackets/digits, ideographic spaces and CRLF in headings change nothing."""
    lines = REAL.split("\n")
    rng = random.Random(data.draw(st.integers(0, 2**32 - 1)))
    out = []
    for line in lines:
        if line[:1] in "一二三四五六七八九(1234567" and len(line) < 200:
            if rng.random() < 0.5:
                line = line.translate(_FULL)
            if rng.random() < 0.5:
                line = rng.choice(["\u3000", "  ", "\u00a0"]) + line
        out.append(line)
    variant = data.draw(st.sampled_from(["\n", "\r\n"])).join(out)
    assert lawcheck.evaluate(variant, rules=pack).statuses() == lawcheck.evaluate(REAL, rules=pack).statuses()


@_SETTINGS
@given(st.sampled_from(sorted(p.name for p in FIXTURES.glob("*.txt"))), st.integers(0, 10_000))
def test_truncated_reports_never_fail_to_evaluate(pack, name, cut):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    card = lawcheck.evaluate(text[: cut % (len(text) + 1)], rules=pack)
    assert {r.status for r in card.results} <= {"pass", "partial", "fail", "unknown", "not_applicable"}


def test_unknown_results_stay_out_of_the_score(pack):
    """Telling the year only adds results; the rules known without it keep their points."""
    text = (FIXTURES / "000-2.txt").read_text(encoding="utf-8")
    a = lawcheck.evaluate(text, rules=pack)
    assert all(not r.scored for r in a.results if r.status == "unknown")
    b = lawcheck.evaluate(text, rules=pack, report_year=2019)
    for r in a.results:
        if r.scored and r.rule not in ("form.reporting_year",):
            assert b.result(r.rule).status == r.status


# Characters the normaliser treats specially, mixed with CJK and ASCII, so that runs of spaces,
# dropped marks and replaced forms meet each other and line edges in every order.
_NORM_ALPHABET = st.sampled_from(list(" \n\r\t\u3000\u00a0\u2002\u200b\ufeff“”‘’\"'「」，：；（）！？ＡＺ０９－—–○"
                                      "法治aZ09,.、。《》x×_"))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.lists(_NORM_ALPHABET, max_size=60).map("".join), any_text))
def test_fast_normalisation_equals_the_plain_definition(text):
    # _one_to_one and _junk are faster routes to str.translate and _JUNK.finditer: same results.
    from lawcheck.text import normalize as norm

    assert norm._one_to_one(text) == text.translate(norm._TRANSLATE)
    view = text.translate(norm._TRANSLATE)
    assert [m.span() for m in norm._junk(view)] == [m.span() for m in norm._JUNK.finditer(view)]


@_SETTINGS
@given(report_like, st.integers(8, 60), st.sampled_from(["\n", "\r\n"]))
def test_wrapped_text_keeps_offsets_into_the_original(pack, text, width, newline):
    # Hard-wrapped at any width: soft breaks leave the view, and every quote is still the original.
    lines = []
    for line in text.split("\n"):
        while len(line) > width:
            lines.append(line[:width])
            line = line[width:]
        lines.append(line)
    wrapped = newline.join(lines)
    n = normalize(wrapped)
    offs = [n.orig(i) for i in range(len(n.text) + 1)]
    assert offs == sorted(offs) and offs[-1] == len(wrapped)
    card = lawcheck.evaluate(wrapped, rules=pack)
    for r in card.results:
        for ev in [*r.evidence, *([r.near_miss] if r.near_miss else [])]:
            assert wrapped[ev.start:ev.end] == ev.text


# Every code point a caller can pass: lone surrogates (Cs) and control characters (Cc) included, mixed
# with real sentences so that rules fire around them.
_HOSTILE = st.characters(blacklist_categories=())
hostile_text = st.lists(st.one_of(st.text(alphabet=_HOSTILE, max_size=20), _PIECES), max_size=30).map("".join)


@_SETTINGS
@given(hostile_text)
def test_surrogates_and_control_characters_survive_every_output(pack, text):
    import json
    import re
    import xml.etree.ElementTree as ET

    from lawcheck.model import Record
    from lawcheck.render import Context, module

    card = lawcheck.evaluate(text, rules=pack)
    data = json.loads(card.model_dump_json())  # a lone surrogate never breaks the JSON
    assert data["schema_version"]
    whole = re.sub("[\ud800-\udfff]", "\ufffd", text)  # read one-for-one as U+FFFD
    for r in card.results:
        for ev in r.evidence:
            assert whole[ev.start:ev.end] == ev.text
    rec = Record(path="r\x1b[2J.txt", card=card, text=text)
    for name in ("text", "markdown", "rich"):
        out = module(name).render([rec], Context(lang="zh", width=100))
        assert "\x1b" not in out and "\r" not in out and not re.search("[\ud800-\udfff]", out), name
    ET.fromstring(module("junit").render([rec], Context(lang="zh")))


# Last year's and this year's reports made of real pieces of two reports, plans and problems included.
_LAST_PIECES = st.sampled_from([
    *REAL.split("。")[:60], "二、存在的不足\n", "三、下一步工作打算\n", "(一)", "一是", "二是", "；", "：", "\n",
    "全年办理行政复议案件42件", "“", "”", "\u3000", "\r\n", "习近平新时代中国特色社会主义思想", "有待加强，", "不到位。",
])
last_like = st.lists(_LAST_PIECES, max_size=50).map("".join)


@_SETTINGS
@given(last_like, last_like)
def test_any_pair_compares_and_quotes_both_texts_exactly(pack, last, this):
    card = lawcheck.evaluate(this, rules=pack, previous=last)
    h = card.history
    if h is None:
        return
    for r in [*h.plan, *h.shortcomings]:
        assert last[r.item.start:r.item.end] == r.item.text
        assert r.where is None or this[r.where.start:r.where.end] == r.where.text
        assert 0 <= r.score <= 1
    for p in h.copied:
        assert this[p.this.start:p.this.end] == p.this.text and last[p.last.start:p.last.end] == p.last.text
    assert 0 <= h.copied_share <= 1 and all(0 <= part.share <= 1 for part in h.parts)
    assert card.model_dump_json() == lawcheck.evaluate(this, rules=pack, previous=last).model_dump_json()
