"""Regular expressions folded into the automaton (issue 18): tried only where a word they begin with stands,
with the same matches as a scan of the whole text."""

from __future__ import annotations

import glob
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lawcheck
from lawcheck import saferegex
from lawcheck.analysis import analyse
from lawcheck.regexfold import entry_words, matches_at
from lawcheck.text.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted(glob.glob(str(ROOT / "fixtures" / "*.txt")))


@pytest.mark.parametrize(("pattern", "words"), [
    ("法治政府", ("法治政府",)),
    ("(?:主观|客观)(?:方面)?的?因素", ("主观", "客观")),
    ("(?<!不)(?:落实|执行)[^。]{0,8}制度", ("执行", "落实")),  # a look-behind consumes nothing
    ("[对凡]依法", ("凡", "对")),  # a class: its characters
    ("(?:专家)?论证", ("专家", "论证")),  # an optional start: it, or what follows
    ("(?:原因|根源)(?:还|仍)?有待", ("原因", "根源")),
    ("(?:审核|审核制度)", ("审核",)),  # a word another begins with adds no place to try
    ("x{2,}y", ("x",)),
    ("20[0-9][xX]", ("20",)),
])
def test_entry_words(pattern: str, words: tuple[str, ...]) -> None:
    assert entry_words(pattern) == words


@pytest.mark.parametrize("pattern", [
    r"\d+件",  # a category
    r"(?:各|\d个)主要负责人",  # one branch begins with a category
    ".{0,3}制度",  # a wildcard
    "(?i)abc", "(?i:ab)c",  # case folding
    "[^。]+制度",  # a negated class
    "(?:审核)?",  # may match nothing
    "(?:^|(?<=。))《",  # an anchor alone begins a branch
    "[[:alpha:]]+",  # read otherwise by the standard parser than by regex
    r"(a)?\1b", "(?:(?P<x>a)|b)?(?(x)c|d)",  # a back-reference, a condition
    "(((",  # not a pattern at all
    "(?:对于){e<=1}", "主观{e<=1}因素",  # regex's fuzzy matching, plain characters to the standard parser
])
def test_what_is_not_folded(pattern: str) -> None:
    assert entry_words(pattern) is None


@pytest.mark.parametrize(("pattern", "text"), [
    ("(?:部门|单位)[^,，。]{0,10}?党委会", "部门单位党委会，单位党委会"),  # a place inside a match is not tried
    ("(?:审核|核)(?:制度)?", "审核制度核制度审核"),
    ("(?<!不)(?:落实|实)", "不落实落实实"),  # a look-behind sees the text before the place tried
])
def test_tried_at_places_as_a_scan(pattern: str, text: str) -> None:
    words = entry_words(pattern)
    assert words is not None
    assert _tried(pattern, words, text) == _scan(pattern, text)
    assert len(_scan(pattern, text)) >= 2


def _scan(pattern: str, text: str) -> list[tuple[int, int]]:
    return sorted(saferegex.finditer(pattern, text, 0, len(text), limit=False))


def _tried(pattern: str, words: tuple[str, ...], text: str) -> list[tuple[int, int]]:
    starts = set()
    for w in words:
        i = text.find(w)
        while i >= 0:
            starts.add(i)
            i = text.find(w, i + 1)
    return matches_at(saferegex.compile_pattern(pattern, True, True), text, sorted(starts))


def _pack_patterns() -> dict[str, tuple[str, ...]]:
    pack = lawcheck.load_pack()
    return {p: ws for p, ws in pack.entry_forms().items() if ws}


def test_most_of_the_built_in_patterns_fold() -> None:
    pack = lawcheck.load_pack()
    entries = pack.entry_forms()
    folded = [p for p, ws in entries.items() if ws]
    # On this Python the standard parser reads the pack's patterns: if it moved, this says so.
    assert len(entries) >= 25 and len(folded) >= 0.7 * len(entries), (len(folded), len(entries))
    assert set(pack.folds) == set(folded)
    for p in folded:
        assert [pack.patterns[i] for i in pack.folds[p]] == list(entries[p])


# The built-in patterns that cannot begin with a word, each scanning every report: placeholders (_ or □ first), a
# count of leaders (各 or a digit first), a comma before "无一…", a figure (a digit first).  A new pattern that begins
# with a look-behind or a class scans every report too: the two of 2026-12-03 cost 13 M instructions a report (+18%)
# until their word came first and the look-behind after it.
_SCANNED = ("(?:_{3,})", "(?:各|\\d", "(?i:[,，])", "\\d(?<!")


def test_no_built_in_pattern_scans_every_report_but_the_known_ones() -> None:
    scanned = [p for p, ws in lawcheck.load_pack().entry_forms().items() if not ws]
    unknown = [p for p in scanned if not p.startswith(_SCANNED)]
    assert not unknown, f"these patterns begin with no word (put the word first, look back from it): {unknown}"
    assert len(scanned) <= len(_SCANNED)


@pytest.mark.parametrize("path", FIXTURES[::3], ids=lambda p: Path(p).name)
def test_same_matches_as_a_scan_on_real_reports_and_changed_copies(path: str) -> None:
    text = Path(path).read_text(encoding="utf-8")
    rng = random.Random(path)
    lines = text.splitlines()
    rng.shuffle(lines)
    changed = "\n".join(lines).replace("。", "；", 7).replace("的", "", 11)
    for version in (text, changed):
        norm = normalize(version).text  # what the patterns run over
        for p, ws in _pack_patterns().items():
            assert _tried(p, ws, norm) == _scan(p, norm), p[:60]


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_same_matches_as_a_scan_on_words_run_together(data: st.DataObject) -> None:
    patterns = _pack_patterns()
    p = data.draw(st.sampled_from(sorted(patterns)))
    # The pattern's own words, the pack's other words and the marks that end its gaps, run together.
    alphabet = [*patterns[p], *data.draw(st.lists(st.sampled_from(sorted({w for ws in patterns.values()
                                                                          for w in ws})), max_size=6)),
                "，", "。", "；", "\n", "不", "未", "工作", "1", "x"]
    text = "".join(data.draw(st.lists(st.sampled_from(alphabet), max_size=60)))
    assert _tried(p, patterns[p], text) == _scan(p, text)


def test_the_analysis_answers_as_a_scan_folded_or_not() -> None:
    pack = lawcheck.load_pack()
    assert pack.trusted
    for path in FIXTURES[:4]:
        a = analyse(Path(path).read_text(encoding="utf-8"), pack)
        folded = 0
        for p in pack.entry_forms():
            folded += a._folded(p) is not None
            assert a.matches_of(p) == _scan(p, a.text), p[:60]
        assert folded >= 20


def test_a_text_dense_with_a_patterns_words_is_scanned() -> None:
    pack = lawcheck.load_pack()
    p = next(p for p, ws in pack.entry_forms().items() if ws and len(ws[0]) == 1)
    a = analyse(pack.entry_forms()[p][0] * 5000, pack)
    assert a._folded(p) is None  # every character a place to try: one scan is cheaper
    assert a.matches_of(p) == _scan(p, a.text)


def test_a_third_partys_pack_folds_nothing(tmp_path: Path) -> None:
    from tests.test_loader_errors import GOOD

    extra = tmp_path / "extra"
    (extra / "demo").mkdir(parents=True)
    (extra / "demo" / "rule.yaml").write_text(GOOD, encoding="utf-8")
    pack = lawcheck.load_pack(extra=[extra])  # a user's rule folder: the whole pack keeps the time limit
    assert not pack.trusted and pack.folds == {} and not pack.entry_forms()
    assert set(pack.patterns) == {q for q in pack.phrase_forms().values() if q}  # no pattern words added


def test_a_third_partys_pattern_is_scanned(tmp_path: Path) -> None:
    pack = lawcheck.load_pack()
    untrusted = pack.only([r.id for r in pack.rules])
    assert untrusted.trusted and untrusted.folds  # only() keeps the trust and the words it was given
    untrusted.trusted = False
    a = analyse(Path(FIXTURES[0]).read_text(encoding="utf-8"), untrusted)
    p = next(iter(untrusted.folds))
    assert a._folded(p) is not None  # it could be folded ...
    calls = []
    real = saferegex.finditer
    try:
        saferegex.finditer = lambda *args, **kw: calls.append(kw) or real(*args, **kw)  # type: ignore[assignment]
        found = a.matches_of(p)
    finally:
        saferegex.finditer = real  # type: ignore[assignment]
    assert calls == [{"limit": True}]  # ... but it is scanned, under the time limit
    assert found == _scan(p, a.text)


def test_the_automaton_reports_every_place_a_word_stands() -> None:
    """The places tried come from the pack's one pass: the same as looking each word up in the text."""
    pack = lawcheck.load_pack()
    words = _pack_patterns()
    for path in FIXTURES[::2]:
        text = normalize(Path(path).read_text(encoding="utf-8")).text
        hits, dense = pack.find(text)
        assert not dense
        for p, ids in pack.folds.items():
            from_pass = sorted({s for pid in ids for s, _e in hits.get(pid, ())})
            by_find = sorted({i for w in words[p] for i in range(len(text)) if text.startswith(w, i)})
            assert from_pass == by_find, p[:60]


def test_a_long_text_is_passed_in_pieces_with_the_same_hits() -> None:
    from collections import defaultdict

    from lawcheck.packs import compile as compiled

    pack = lawcheck.load_pack()
    text = normalize(Path(FIXTURES[0]).read_text(encoding="utf-8")).text
    long = (text + "\n") * (3 * compiled._PIECE // len(text) + 2)  # pieces end inside phrases too
    assert len(long) > 3 * compiled._PIECE
    whole: defaultdict[int, list[tuple[int, int]]] = defaultdict(list)
    for pid, s, e in pack._ac.find_matches_as_indexes(long, overlapping=True):
        whole[pid].append((s, e))
    hits, dense = pack.find(long)
    assert not dense and hits == dict(whole)


@pytest.mark.parametrize("filler", ["无", "x", "×", "对将要各"])
def test_a_word_standing_everywhere_keeps_no_places(filler: str) -> None:
    """无无无…: a pattern word (no rule's phrase) on every character would hold a place per character; it is
    dropped as too dense, and its patterns are scanned — the same matches, in flat memory."""
    pack = lawcheck.load_pack()
    report = Path(FIXTURES[0]).read_text(encoding="utf-8")
    for size in (20_000, 300_000):
        text = normalize(report + "\n" + filler * (size // len(filler)) + "\n" + report).text
        hits, dense = pack.find(text)
        ids = {pack._index[w] for w in filler if w in pack._index and pack._index[w] in pack._words_only}
        if not ids:
            continue
        assert ids <= dense and not ids & set(hits)
        a = analyse(text, pack)
        for p, fold_ids in pack.folds.items():
            if ids & set(fold_ids):
                assert a._folded(p) is None
                assert a.matches_of(p) == _scan(p, a.text)
