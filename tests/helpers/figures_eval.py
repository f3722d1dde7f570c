"""Precision and recall of the figures lawcheck reads, against the hand-labelled fixtures (issue 15)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

import lawcheck

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    ignored: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def _place(text: str, item: dict) -> tuple[int, int]:
    """Where a labelled number sits in the text: its quote inside its context."""
    at = text.index(item["context"])
    quote = item.get("quote")
    if quote is None:
        return at, at + len(item["context"])
    q = item["context"].index(quote)
    return at + q, at + q + len(quote)


def evaluate_labels(pack=None) -> Tally:  # type: ignore[no-untyped-def]
    tally = Tally()
    for labels in sorted(FIXTURES.glob("*.figures.yaml")):
        data = yaml.safe_load(labels.read_text(encoding="utf-8"))
        text = (FIXTURES / labels.name.replace(".figures.yaml", ".txt")).read_text(encoding="utf-8")
        card = lawcheck.evaluate(text, rules=pack) if pack is not None else lawcheck.evaluate(text)
        gold = [(it["indicator"], float(it["value"]), _place(text, it)) for it in data.get("figures") or []]
        doubtful = [_place(text, it) for it in data.get("doubtful") or []]
        found = []
        for f in card.figures:
            if f.target:
                continue
            s, e = f.evidence.marks[0] if f.evidence.marks else (f.evidence.start, f.evidence.end)
            found.append((f.indicator, f.value, (s, e)))
        matched: set[int] = set()
        for ind, value, (s, e) in found:
            hit = next((i for i, (gi, gv, (gs, ge)) in enumerate(gold)
                        if i not in matched and gi == ind and gv == value and s < ge and gs < e), None)
            if hit is not None:
                matched.add(hit)
                tally.tp += 1
            elif any(s < de and ds < e for ds, de in doubtful):
                tally.ignored += 1
            else:
                tally.fp += 1
                tally.wrong.append(f"{labels.stem}: {ind}={value:g} «{text[max(0, s - 20):e]}»")
        for i, (ind, value, (s, e)) in enumerate(gold):
            if i not in matched:
                tally.fn += 1
                tally.misses.append(f"{labels.stem}: {ind}={value:g} «{text[max(0, s - 20):e]}»")
    return tally


if __name__ == "__main__":
    t = evaluate_labels()
    print(f"precision {t.precision:.3f} ({t.tp}/{t.tp + t.fp}), recall {t.recall:.3f} ({t.tp}/{t.tp + t.fn}), "
          f"doubtful {t.ignored}")
    print("missed:", *t.misses, sep="\n  ")
    print("wrong:", *t.wrong, sep="\n  ")
