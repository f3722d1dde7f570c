"""A report whose lines end in a carriage return alone (an attacker's review: 94.8 became 47.8), a form
feed, a vertical tab or a Unicode separator reads as the same report, with evidence in the original."""

from __future__ import annotations

import pytest

import lawcheck
from tests.conftest import FIXTURES

REPORT = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("sep", ["\r", "\r\n", "\u2028", "\u2029", "\x0b", "\x0c"])
def test_every_line_ending_reads_as_the_same_report(sep):
    text = REPORT.replace("\n", sep)
    card, plain = lawcheck.evaluate(text), lawcheck.evaluate(REPORT)
    assert card.statuses() == plain.statuses() and card.score == plain.score
    assert [len(s.heading) for s in card.sections] == [len(s.heading) for s in plain.sections]
    for r in card.results:
        for ev in r.evidence:
            assert text[ev.start:ev.end] == ev.text  # offsets into the original, whatever its line ends
