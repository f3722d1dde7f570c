"""Found by the reviews of 2026-12-01 (altered copies of the real reports, the rules beyond content): each
case is a real fixture changed the way a drafter, a web page or a test-maker changes it, and the verdict
the law gives it."""

from __future__ import annotations

import lawcheck
from tests.conftest import FIXTURES

LINGSHOU = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
HETANG = (FIXTURES / "004_hetang_2024.txt").read_text(encoding="utf-8")


def _status(text: str, rule: str, **kw) -> str:
    return next(r.status for r in lawcheck.evaluate(text, **kw).results if r.rule == rule)


SHORT_LATE = ("灵寿县人民政府关于2020年度法治政府建设情况的报告\n中共灵寿县委、县人大常委会：\n"
              "2020年，县政府扎实推进法治政府建设。\n特此报告。\n灵寿县人民政府\n2021年4月20日\n")


def test_the_notes_under_a_signature_leave_the_signature_and_its_date_read():
    """A sent document carries its 版记 under the signature — the 抄送 line (ending in 。 or not), how it
    is made public, a contact: the signature is still the signature, so a late date is still late."""
    for note in ("抄送:市司法局。", "抄送：市司法局，县人大常委会办公室。", "抄送：市司法局", "（公开方式：主动公开）",
                 "（联系人：王明，联系电话：0311-8234567）", "抄送：市司法局。\n（此件公开发布）"):
        text = SHORT_LATE + note + "\n"
        card = lawcheck.evaluate(text)
        status = {r.rule: r.status for r in card.results}
        assert str(card.document.signed_date) == "2021-04-20", note
        assert status["form.signature"] == "pass" and status["deadline.first_quarter"] == "fail", note
    # A sentence of the report itself after the date is not a note: the date is not taken as the end.
    card = lawcheck.evaluate(SHORT_LATE + "下一步，县政府将继续推进依法行政工作。\n")
    assert card.document.signed_date is None


def test_a_report_signed_after_the_publication_limit_cannot_have_been_published_before_it():
    """No page date: a report is published after it is signed, so a signature after 1 April settles the
    publication limit (督察工作规定 art. 24); on 1 April it is the boundary; before it, nothing is known."""
    import re

    body = re.sub(r"发布时间.*\n", "", LINGSHOU)
    assert _status(body, "deadline.publication") == "unknown"
    assert _status(body.replace("2022年1月14日", "2022年5月10日"), "deadline.publication") == "fail"
    assert _status(body.replace("2022年1月14日", "2022年4月1日"), "deadline.publication") == "partial"


def _ragged(text: str, low: int, high: int, seed: int) -> str:
    """The body's lines broken at widths that vary between ``low`` and ``high`` characters, as a scanned
    page recognised as text, or a layout breaking by pixel width, leaves them (the title and header kept)."""
    import random

    rnd, out = random.Random(seed), []
    for i, line in enumerate(text.split("\n")):
        while i >= 8 and len(line) > (w := rnd.randint(low, high)):
            out.append(line[:w])
            line = line[w:]
        out.append(line)
    return "\n".join(out)


def test_a_ragged_right_edge_is_read_as_the_paragraphs_it_wraps():
    """Lines of 32 to 38 characters, each stopping in mid-sentence: before, 74% of the text "did not read
    as sentences" and the whole report was set aside as a word list (every rule not applicable)."""
    for name in ("001_lingshou_2021", "002_yixing_2020", "004_hetang_2024", "000-4"):
        text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
        before = {r.rule: r.status for r in lawcheck.evaluate(text).results}
        for low, high, seed in ((32, 38, 1), (28, 44, 2), (36, 40, 3)):
            card = lawcheck.evaluate(_ragged(text, low, high, seed))
            after = {r.rule: r.status for r in card.results}
            changed = {k: (v, after.get(k)) for k, v in before.items() if after.get(k) != v}
            assert card.document.kind == "annual_report" and not changed, (name, low, high, changed)
