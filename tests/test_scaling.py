"""Linear on every input shape (issue 18): evaluate's work per character at 100k against 10k, counted as the
lines of lawcheck's own code executed (``sys.settrace`` line events: a loop's every turn counts; the same on
every run and every machine), never in wall time.

The shapes are those an attacker or an odd document chooses: a line of false friends again and again, a
forbidden reference inside its allowed form, the same sentence on every line, one enormous line, a heading
on every line, figures, quotation marks, placeholders.  A scan from the start of the text for every hit
(hits × sentences, hits × hits, lines × headings) makes the count per character grow with the text; a
linear pass keeps it flat.  The bound is generous (1.5×: padding a real report changes the mix of its parts
a little); the quadratic scans this test was written against grew 3–7× from 10k to 100k.

The count sees Python-level work only: a quadratic scan inside one C call (``str.rfind`` back to the start
for every hit) would not show here, and is what `benchmarks/run.py` §4b's wall times (and cachegrind's
instruction counts, quoted in the README) are for.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import lawcheck
from tests.helpers.shapes import SHAPES, shaped

BOUND = 1.5


OWN = str(Path(lawcheck.__file__).parent)


def lines_per_char(text: str, pack, own: tuple[str, ...] = (OWN,)) -> float:  # type: ignore[no-untyped-def]
    """Lines of lawcheck's code (files under ``own``) run by evaluate(text), per character of the text."""
    lawcheck.evaluate(text[:5000], rules=pack, kind="annual_report")  # first-use work is not the text's
    count = 0

    def line(frame, event, arg):  # type: ignore[no-untyped-def]
        nonlocal count
        if event == "line":
            count += 1
        return line

    def call(frame, event, arg):  # type: ignore[no-untyped-def]
        return line if frame.f_code.co_filename.startswith(own) else None

    before = sys.gettrace()
    sys.settrace(call)
    try:
        # The shapes repeat their lines, which makes a text another kind of document (大段重复的文字) that
        # nothing is checked in: checked as a report, as a caller may ask, so every rule runs on them.
        lawcheck.evaluate(text, rules=pack, kind="annual_report")
    finally:
        sys.settrace(before)
    return count / len(text)


@pytest.fixture(scope="module")
def pack():
    return lawcheck.load_pack()


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_work_per_character_stays_flat_from_10k_to_100k(name, pack):
    small = lines_per_char(shaped(name, 10_000), pack)
    large = lines_per_char(shaped(name, 100_000), pack)
    assert large / small <= BOUND, f"{name}: {small:.2f} → {large:.2f} lines per character ({large / small:.2f}×)"


def test_the_measure_sees_a_quadratic_scan(pack, monkeypatch):
    """The test can fail: a covering check that walks every earlier false friend for each hit (the scan
    issue 18 names) makes the false-friend shape grow well past the bound."""
    from lawcheck.kinds import matching

    def walking(a, not_ids, s, e):  # type: ignore[no-untyped-def]
        for pid in not_ids:
            for span in a.hits.get(pid, ()):  # every hit from the start of the text
                if span[0] <= s and span[1] >= e:
                    return span
        return None

    monkeypatch.setattr(matching, "covering", walking)
    own = (OWN, __file__)  # the walk is written here: its lines count as lawcheck's would
    small = lines_per_char(shaped("false_friend_lines", 10_000), pack, own)
    large = lines_per_char(shaped("false_friend_lines", 100_000), pack, own)
    assert large / small > BOUND


def test_the_collector_is_paused_during_a_check_and_left_as_the_caller_had_it(pack, monkeypatch):
    """evaluate pauses Python's cyclic garbage collector while it checks (its full passes over a large report's
    objects made time per character grow with the report) and leaves it as it found it: on after a check,
    on after a check that raised, off if the caller had turned it off; threads and nested checks share it."""
    import gc
    import threading

    from lawcheck import engine

    text = shaped("chinese_heading_every_line", 10_000)
    seen = []
    real = engine._checked

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(engine, "_checked", watched)
    assert gc.isenabled()
    lawcheck.evaluate(text, rules=pack, previous=text)  # last year's report is checked inside this one
    assert seen and not any(seen) and gc.isenabled()

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("a check that fails")

    monkeypatch.setattr(engine, "_checked", broken)
    with pytest.raises(RuntimeError):
        lawcheck.evaluate(text, rules=pack)
    assert gc.isenabled()
    monkeypatch.setattr(engine, "_checked", real)
    gc.disable()
    try:
        lawcheck.evaluate(text, rules=pack)
        assert not gc.isenabled()
    finally:
        gc.enable()
    threads = [threading.Thread(target=lawcheck.evaluate, args=(text,), kwargs={"rules": pack}) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert gc.isenabled()
