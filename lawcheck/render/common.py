"""What every renderer shares: status marks, the gate outcome, lateness and the batch summary."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from lawcheck.batch import Checked
from lawcheck.i18n import t
from lawcheck.model import RuleResult, Scorecard

MARK = {"pass": "✓", "partial": "◐", "fail": "✗", "unknown": "?", "not_applicable": "–"}


def status_label(lang: str, status: str) -> str:
    """A symbol and a word: never colour alone."""
    return f"{MARK[status]} {t(lang, 'status.' + status)}"


def timeliness(card: Scorecard) -> str | None:
    """late (a deadline rule failed), on_time (every deadline that applies was judged and met),
    unknown (a date could not be read, or no deadline could be judged); None for a text that is
    not an annual report.  Unknown is never shown as on time."""
    if card.document.kind != "annual_report":
        return None
    deadlines = [r for r in card.results if r.category == "deadline"]
    if any(r.status == "fail" for r in deadlines):
        return "late"
    judged = [r for r in deadlines if r.status in ("pass", "partial")]
    if judged and not any(r.status == "unknown" for r in deadlines):
        return "on_time"
    return "unknown"


def is_late(card: Scorecard) -> bool:
    return timeliness(card) == "late"


def timeliness_label(lang: str, value: str | None) -> str:
    """✗ 逾期 / ✓ 按时 / — (not judged, or not a report)."""
    if value == "late":
        return f"✗ {t(lang, 'ui.late')}"
    if value == "on_time":
        return f"✓ {t(lang, 'ui.on_time')}"
    return "—"


def not_report_line(card: Scorecard, path: str | None = None) -> str:
    """What a text that is not an annual report gets instead of a scorecard: one line, with the reason."""
    lang = card.lang
    d = card.document
    name = path or d.title or d.organ or t(lang, "ui.no_title")
    sep = "：" if lang == "zh" else ": "
    why = f"（{d.kind_reason}）" if lang == "zh" and d.kind_reason else f" ({d.kind_reason})" if d.kind_reason else ""
    return f"{name}{sep}{t(lang, 'ui.not_report')}{why}"


def clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def arithmetic(card: Scorecard) -> str:
    scored = [r for r in card.results if r.scored]
    points = round(sum(r.points for r in scored), 2)
    weight = sum(r.weight for r in scored)
    score = f"{card.score:.1f}" if card.score is not None else t(card.lang, "ui.no_score")
    return t(card.lang, "ui.arith", points=points, weight=weight, score=score, n=len(card.results) - len(scored))


def by_category(card: Scorecard) -> list[tuple[str, list[RuleResult]]]:
    """Results grouped by category, categories in the order their first rule appears."""
    groups: dict[str, list[RuleResult]] = {}
    for r in card.results:
        groups.setdefault(r.category, []).append(r)
    return list(groups.items())


@dataclass
class Gate:
    """The gate settings and each input's outcome (reasons empty = met)."""

    min_score: float | None = None
    fail_on: str = "error"
    reasons: dict[str, list[str]] = field(default_factory=dict)

    def ok(self, path: str) -> bool:
        return not self.reasons.get(path)


@dataclass
class SummaryRow:
    path: str
    card: Scorecard | None
    error: str | None
    gate_ok: bool
    timeliness: str | None  # late | on_time | unknown; None for an error or a non-report
    top_missing: list[str]

    @property
    def late(self) -> bool:
        return self.timeliness == "late"


@dataclass
class Summary:
    rows: list[SummaryRow]  # unreadable first, then the annual reports, worst first
    total: int
    errors: int
    gate_ok: int
    late: int
    common_missing: list[tuple[str, str, int]]  # rule id, title, how many reports (the top five)
    missing_counts: list[tuple[str, str, int]] = field(default_factory=list)  # all of them, most first
    others: list[SummaryRow] = field(default_factory=list)  # not annual reports: listed apart, never ranked
    undated: int = 0  # annual reports whose timeliness cannot be judged

    @property
    def reports(self) -> int:
        return self.total - self.errors - len(self.others)

    @property
    def short(self) -> int:
        """Annual reports that fall short of the gate."""
        return self.reports - self.gate_ok

    def totals(self, lang: str) -> str:
        return t(lang, "ui.totals", total=self.total, reports=self.reports, ok=self.gate_ok, short=self.short,
                 others=len(self.others), errors=self.errors, late=self.late, undated=self.undated)


def summarize(items: list[Checked], gate: Gate, top: int = 3) -> Summary:
    rows: list[SummaryRow] = []
    others: list[SummaryRow] = []
    counts: Counter[str] = Counter()
    titles: dict[str, str] = {}
    for it in items:
        if it.card is None:
            rows.append(SummaryRow(it.path, None, it.error, False, None, []))
            continue
        if it.card.document.kind != "annual_report":
            others.append(SummaryRow(it.path, it.card, None, False, None, []))
            continue
        missing = [m.name for m in it.card.missing[:top]]
        for m in it.card.missing:
            counts[m.rule] += 1
            titles[m.rule] = m.name
        rows.append(SummaryRow(it.path, it.card, None, gate.ok(it.path), timeliness(it.card), missing))

    def rank(r: SummaryRow) -> tuple:
        # Unreadable first, then lowest score first; ties by path for a stable order.
        score = r.card.score if r.card and r.card.score is not None else -1.0
        return (r.card is not None, score, r.path)

    rows.sort(key=rank)
    ranked = [(rid, titles[rid], n) for rid, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return Summary(
        rows=rows,
        total=len(items),
        errors=sum(1 for r in rows if r.card is None),
        gate_ok=sum(1 for r in rows if r.card is not None and r.gate_ok),
        late=sum(1 for r in rows if r.late),
        common_missing=ranked[:5],
        missing_counts=ranked,
        others=others,
        undated=sum(1 for r in rows if r.timeliness == "unknown"),
    )
