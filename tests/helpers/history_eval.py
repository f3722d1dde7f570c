"""Measure the history review against the hand-labelled pairs in tests/data/history (issue 16).

    python -m tests.helpers.history_eval            # every pair: placement and copied-passage figures
    python -m tests.helpers.history_eval -v         # and each disagreement
    python -m tests.helpers.history_eval --agreement  # a second reader's outcomes against the labels

Each ``NAME.labels.yaml`` was written with ``NAME.this.txt`` (a report written from a real report, the
``last`` fixture, as that body's report of the next year) before the matcher existed.  An item counts as
placed right when lawcheck found an item containing the labelled quote and gave it the labelled outcome; a
labelled copied passage is found when lawcheck's passages cover at least half of it, and a passage lawcheck
reports is right when at least half of it lies in labelled copied passages.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

import lawcheck
from lawcheck.model import PreviousReport, Scorecard

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "history"
# Pairs written after the matcher was built and tuned on DATA, measured as they came (issue 16 note).
HELDOUT = ROOT / "tests" / "data" / "history_heldout"
# Pairs written after the last change to the matcher, every fixture once (set E), measured as they came.
FRESH = ROOT / "tests" / "data" / "history_fresh"
# A second reader's outcomes for the items of DATA and HELDOUT, decided from the two texts alone (without
# the labels, lawcheck's code or its output): how far two careful readers agree.
SECOND = ROOT / "tests" / "data" / "history_second"
# Pairs written after the matcher was tuned on all of the above, measured once and never tuned on (set F).
BLIND = ROOT / "tests" / "data" / "history_blind"
GROUPS = (("tuned on", DATA), ("held out", HELDOUT), ("fresh", FRESH), ("blind", BLIND))


@dataclass
class Tally:
    items: int = 0
    placed: int = 0
    labelled: int = 0  # copied passages labelled (≥ 50 characters)
    found: int = 0
    reported: int = 0
    right: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, o: Tally) -> None:
        for k in ("items", "placed", "labelled", "found", "reported", "right"):
            setattr(self, k, getattr(self, k) + getattr(o, k))
        self.notes += o.notes


def pairs(held_out: bool | None = None) -> list[Path]:
    """The labelled pairs: all (None), the ones never tuned on (True: held out and fresh) or the others (False)."""
    dirs = [d for _, d in GROUPS] if held_out is None else [HELDOUT, FRESH, BLIND] if held_out else [DATA]
    return [f for d in dirs for f in sorted(d.glob("*.labels.yaml"))]


def group(name: str) -> list[Path]:
    """The pairs of one group of GROUPS ("tuned on", "held out", "fresh", "blind")."""
    return sorted(dict(GROUPS)[name].glob("*.labels.yaml"))


def load(label_file: Path) -> tuple[dict, str, str]:
    labels = yaml.safe_load(label_file.read_text(encoding="utf-8"))
    last = (ROOT / labels["last"]).read_text(encoding="utf-8")
    this = (label_file.parent / labels["this"]).read_text(encoding="utf-8")
    return labels, last, this


def review(last: str, this: str) -> Scorecard:
    return lawcheck.evaluate(this, previous=PreviousReport(name="上年", text=last))


def measure(label_file: Path) -> Tally:
    labels, last, this = load(label_file)
    card = review(last, this)
    h = card.history
    assert h is not None
    out = Tally()
    name = label_file.name.split(".")[0]
    for key, got in (("plan_items", h.plan), ("shortcomings", h.shortcomings)):
        for lab in labels.get(key) or []:
            out.items += 1
            at = last.find(lab["last_quote"]) + len(lab["last_quote"]) // 2
            mine = [r for r in got if r.item.start <= at < r.item.end]
            outcome = mine[0].outcome if mine else "(no item)"
            if outcome == lab["outcome"]:
                out.placed += 1
            else:
                where = mine[0].where.text[:40] if mine and mine[0].where else ""
                out.notes.append(f"{name} {key}: {lab['last_quote']!r} labelled {lab['outcome']}, got {outcome} {where}")
    spans = [(c.this.start, c.this.end) for c in h.copied]
    labelled = []
    for lab in labels.get("copied") or []:
        s = this.find(lab["this_quote"])
        labelled.append((s, s + len(lab["this_quote"])))
    for s, e in labelled:
        if e - s < 50:
            continue
        out.labelled += 1
        if sum(_overlap(s, e, a, b) for a, b in spans) * 2 >= e - s:
            out.found += 1
        else:
            out.notes.append(f"{name} copied: missed {this[s:e][:50]!r}")
    for a, b in spans:
        out.reported += 1
        if sum(_overlap(a, b, s, e) for s, e in labelled) * 2 >= b - a:
            out.right += 1
        else:
            out.notes.append(f"{name} copied: not labelled {this[a:b][:60]!r}")
    return out


def _overlap(s: int, e: int, a: int, b: int) -> int:
    return max(0, min(e, b) - max(s, a))


def summary(t: Tally) -> str:
    return (f"placed right {t.placed}/{t.items} = {t.placed / max(t.items, 1):.3f}; "
            f"copied recall {t.found}/{t.labelled} = {t.found / max(t.labelled, 1):.3f}, "
            f"precision {t.right}/{t.reported} = {t.right / max(t.reported, 1):.3f}")


@dataclass
class Agreement:
    items: int = 0
    readers: int = 0  # the second reader gave the label's outcome
    tool_label: int = 0  # lawcheck gave the label's outcome
    tool_second: int = 0  # lawcheck gave the second reader's outcome
    differ: list[str] = field(default_factory=list)


def agreement() -> Agreement:
    """The second reader's outcomes (SECOND) against the labels, and lawcheck's against both."""
    out = Agreement()
    for f in [*group("tuned on"), *group("held out")]:
        name = f.name.split(".")[0]
        second_file = SECOND / f"{name}.mine.yaml"
        if not second_file.is_file():
            continue
        labels, last, this = load(f)
        second = yaml.safe_load(second_file.read_text(encoding="utf-8"))
        h = review(last, this).history
        assert h is not None
        for key, got in (("plan_items", h.plan), ("shortcomings", h.shortcomings)):
            for lab, sec in zip(labels.get(key) or [], second.get(key) or [], strict=True):
                assert lab["last_quote"] == sec["last_quote"], (name, lab["last_quote"])
                at = last.find(lab["last_quote"]) + len(lab["last_quote"]) // 2
                mine = [r.outcome for r in got if r.item.start <= at < r.item.end]
                tool = mine[0] if mine else "(no item)"
                out.items += 1
                out.readers += lab["outcome"] == sec["outcome"]
                out.tool_label += tool == lab["outcome"]
                out.tool_second += tool == sec["outcome"]
                if lab["outcome"] != sec["outcome"]:
                    out.differ.append(f"{name} {key}: {lab['last_quote']!r} labelled {lab['outcome']}, second "
                                      f"reader {sec['outcome']}, lawcheck {tool}")
    return out


def main(argv: list[str]) -> int:
    if "--agreement" in argv:
        a = agreement()
        n = max(a.items, 1)
        print(f"two readers agree on {a.readers}/{a.items} = {a.readers / n:.3f}; lawcheck and the labels "
              f"{a.tool_label}/{a.items} = {a.tool_label / n:.3f}; lawcheck and the second reader "
              f"{a.tool_second}/{a.items} = {a.tool_second / n:.3f}")
        print("\n".join(a.differ))
        return 0
    total = Tally()
    for label, _ in GROUPS:
        part = Tally()
        for f in group(label):
            t = measure(f)
            part.add(t)
            print(f"{f.name.split('.')[0]:12} items {t.placed}/{t.items}  copied found {t.found}/{t.labelled}  "
                  f"right {t.right}/{t.reported}")
        print(f"{label}: {summary(part)}")
        total.add(part)
    print(f"all: {summary(total)}")
    if "-v" in argv:
        print("\n".join(total.notes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
