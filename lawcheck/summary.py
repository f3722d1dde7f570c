"""A batch at a glance: the reports ranked worst first, the unreadable first of all, the texts that are
not annual reports listed apart, and what is most often missing."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from lawcheck.i18n import t
from lawcheck.model import IndicatorInfo, Record, SlimCard, Timeliness


@dataclass
class SummaryRow:
    path: str
    card: SlimCard | None  # what the summary reads of the report's scorecard
    error: str | None
    gate_ok: bool
    timeliness: Timeliness | None  # None for an error or a non-report
    top_missing: list[str]
    copy_of: str | None = None  # the file whose text this one repeats (counted once, under that file)

    @property
    def late(self) -> bool:
        return self.timeliness == "late"


@dataclass
class Spread:
    """One key indicator across the units of a batch: each unit's headline figure (its first result of the
    year for that indicator), the median, the lowest and highest, and the outliers."""

    indicator: str
    name: str
    unit: str
    values: list[tuple[str, float]]  # (who: organ or file, value), lowest first
    median: float
    outliers: list[tuple[str, float]]  # beyond 1.5 × the interquartile range (5 units or more)

    @property
    def low(self) -> tuple[str, float]:
        return self.values[0]

    @property
    def high(self) -> tuple[str, float]:
        return self.values[-1]


def _quartiles(xs: list[float]) -> tuple[float, float]:
    import statistics

    q = statistics.quantiles(xs, n=4, method="inclusive")
    return q[0], q[2]


def spreads(rows: list[SummaryRow], indicators: tuple[IndicatorInfo, ...] | list[IndicatorInfo],
            repeated: list[tuple[str, int, list[str]]] | tuple = ()) -> list[Spread]:
    """Each key indicator across the rows; ``repeated`` (``repeated_units``): the units with several reports."""
    import statistics
    from collections import Counter

    out = []
    # How many reports each organ has (counted once: a count per row was quadratic in the folder's size).
    organs = Counter(r.card.document.organ for r in rows if r.card is not None)
    # A unit counted once: of several reports of one organ and year (a .txt and its .docx, a copy, a draft and
    # the final), the first by file name stands for it.
    later = {path for _o, _y, paths in repeated for path in paths[1:]}
    for ind in indicators:
        values = []
        for r in rows:
            if r.card is None or r.path in later:
                continue
            v = r.card.headline(ind.id)
            if v is not None:
                organ = r.card.document.organ
                # Named by organ; by organ and file when the batch has several reports of one organ (the file in
                # brackets of the reader's language).
                file = f"（{r.path}）" if r.card.lang == "zh" else f" ({r.path})"
                who = organ if organ and organs[organ] == 1 else f"{organ}{file}" if organ else r.path
                values.append((who, v))
        if len(values) < 2:
            continue
        values.sort(key=lambda x: (x[1], x[0]))
        xs = [v for _, v in values]
        outliers: list[tuple[str, float]] = []
        if len(xs) >= 5:
            q1, q3 = _quartiles(xs)
            # Tukey's fences, never narrower than a tenth of the median: five units at 100% and one at 99.5%
            # have no spread to speak of, and 99.5% is no outlier.
            reach = max(1.5 * (q3 - q1), 0.1 * abs(statistics.median(xs)))
            lo, hi = q1 - reach, q3 + reach
            outliers = [(who, v) for who, v in values if v < lo or v > hi]
        out.append(Spread(ind.id, ind.name, ind.unit, values, statistics.median(xs), outliers))
    return out


def _unit_key(r: SummaryRow) -> tuple[str, int] | None:
    d = r.card.document if r.card is not None else None
    return (d.organ, d.report_year) if d is not None and d.organ and d.report_year is not None else None


def repeated_units(rows: list[SummaryRow]) -> list[tuple[str, int, list[str]]]:
    """(organ, year, files) for each organ and year with more than one report in the batch, by organ."""
    groups: dict[tuple[str, int], list[str]] = {}
    for r in rows:
        key = _unit_key(r)
        if key is not None:
            groups.setdefault(key, []).append(r.path)
    return [(o, y, sorted(paths)) for (o, y), paths in sorted(groups.items()) if len(paths) > 1]


@dataclass
class Summary:
    rows: list[SummaryRow]  # unreadable first, then the annual reports, worst first
    total: int
    errors: int
    gate_ok: int
    late: int
    common_missing: list[tuple[str, str, int]]  # rule id, name, how many reports (the top five)
    missing_counts: list[tuple[str, str, int]] = field(default_factory=list)  # all of them, most first
    others: list[SummaryRow] = field(default_factory=list)  # not annual reports: listed apart, never ranked
    undated: int = 0  # annual reports whose timeliness cannot be judged
    spreads: list[Spread] = field(default_factory=list)  # each key indicator across the reports
    waived: int = 0  # results a waiver left out of the score and the gate, over every report
    waived_reports: int = 0  # reports with at least one
    repeated: list[tuple[str, int, list[str]]] = field(default_factory=list)  # organ, year, files: several reports
    unchecked: int = 0  # inputs left unchecked by an interrupted run
    years: list[tuple[int, int]] = field(default_factory=list)  # (report year, annual reports of it), by year
    copies: list[tuple[str, str]] = field(default_factory=list)  # (copy, the file it repeats): annual reports

    @property
    def reports(self) -> int:
        """Annual reports, each text once (a copy sent beside its report is not a second report)."""
        return self.total - self.errors - len(self.others) - len(self.copies)

    @property
    def short(self) -> int:
        """Annual reports that fall short of the gate."""
        return self.reports - self.gate_ok

    def totals(self, lang: str) -> str:
        line = t(lang, "ui.totals", total=self.total, reports=self.reports, ok=self.gate_ok, short=self.short,
                 others=len(self.others), errors=self.errors, late=self.late, undated=self.undated)
        if self.waived:
            line = line.rstrip("。.") + t(lang, "ui.waivers_total", n=self.waived, reports=self.waived_reports) + \
                ("。" if lang == "zh" else ".")
        if self.copies:
            sep = "、" if lang == "zh" else ", "
            shown = sep.join(t(lang, "ui.copy_pair", copy=c, of=o) for c, o in self.copies[:_SHOWN_GROUPS])
            line += t(lang, "ui.copies", n=len(self.copies), copies=shown,
                      more=t(lang, "ui.repeated_more", n=len(self.copies) - _SHOWN_GROUPS)
                      if len(self.copies) > _SHOWN_GROUPS else "")
        if self.repeated:
            # A unit's report sent twice (a .txt and its .docx, a copy) is counted as two reports above: said, so
            # that the reviewer does not read two units where there is one.
            sep = "、" if lang == "zh" else ", "
            groups = [t(lang, "ui.repeated_group", organ=o, year=y, files=sep.join(files))
                      for o, y, files in self.repeated[:_SHOWN_GROUPS]]
            more = len(self.repeated) - _SHOWN_GROUPS
            extra = sum(len(files) - 1 for _o, _y, files in self.repeated)
            line += t(lang, "ui.repeated_units", groups=("；" if lang == "zh" else "; ").join(groups),
                      more=t(lang, "ui.repeated_more", n=more) if more > 0 else "", reports=self.reports,
                      units=self.reports - extra)
        if len(self.years) > 1:
            # Reports of several years ranked together (an old report sent again, last year's folder mixed in):
            # said, so that the ranking and the spreads are not read as one year's.
            sep = "、" if lang == "zh" else ", "
            line += t(lang, "ui.several_years", years=sep.join(t(lang, "ui.year_count", year=y, n=n)
                                                               for y, n in self.years))
        if self.unchecked:
            line += t(lang, "ui.interrupted_total", n=self.unchecked)
        return line


def summarize(records: list[Record], top: int = 3,
              indicators: tuple[IndicatorInfo, ...] | list[IndicatorInfo] = (), unchecked: int = 0) -> Summary:
    """The summary of a batch's records (each carrying its scorecard and gate outcome); ``indicators``:
    the key indicators whose spread across the reports it gives."""
    rows: list[SummaryRow] = []
    others: list[SummaryRow] = []
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    copy_of = _copies(records)
    for rec in records:
        if rec.error is not None or rec.card is None:
            rows.append(SummaryRow(rec.path, None, rec.error, False, None, []))
            continue
        card = rec.card.slim()  # a whole scorecard, or the slim one a streamed batch kept
        if card.document.kind != "annual_report":
            others.append(SummaryRow(rec.path, card, None, False, None, []))
            continue
        if rec.path not in copy_of:  # (a copy's missing items are its report's: counted once)
            for rule, name in card.missing:
                counts[rule] += 1
                names[rule] = name
        rows.append(SummaryRow(rec.path, card, None, not rec.gate, card.timeliness,
                               [name for _, name in card.missing[:top]], copy_of.get(rec.path)))

    def rank(r: SummaryRow) -> tuple:
        # Unreadable first, then lowest score first; ties by path for a stable order.
        score = r.card.score if r.card and r.card.score is not None else -1.0
        return (r.card is not None, score, r.path)

    rows.sort(key=rank)
    # The totals count each text once: a copy is listed (ranked beside its report) but counted under its report.
    once = [r for r in rows if r.card is not None and r.copy_of is None]
    # (annual reports only: a news item about the unit's report is no second report of it)
    repeated = repeated_units(once)
    ranked = [(rid, names[rid], n) for rid, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return Summary(
        rows=rows,
        total=len(records),
        errors=sum(1 for r in rows if r.card is None),
        gate_ok=sum(1 for r in once if r.gate_ok),
        late=sum(1 for r in once if r.late),
        common_missing=ranked[:5],
        missing_counts=ranked,
        others=others,
        undated=sum(1 for r in once if r.timeliness == "unknown"),
        spreads=spreads(once, indicators, repeated),
        waived=sum(len(r.card.waived()) for r in once if r.card is not None),
        waived_reports=sum(1 for r in once if r.card is not None and r.card.waived()),
        repeated=repeated,
        unchecked=unchecked,
        years=sorted(Counter(r.card.document.report_year for r in once if r.card is not None
                             and r.card.document.report_year is not None).items()),
        copies=sorted((r.path, r.copy_of) for r in rows if r.copy_of is not None),
    )


def _copies(records: list[Record]) -> dict[str, str]:
    """Each annual report whose text another one repeats (a "… - 副本.txt", a "…(2).txt" beside the file), with
    that file: of the files of one text, the one with the shortest name, then the first by name, stands for it."""
    by_text: dict[str, list[str]] = {}
    for rec in records:
        if rec.digest is not None and rec.card is not None and rec.card.document.kind == "annual_report":
            by_text.setdefault(rec.digest, []).append(rec.path)
    out = {}
    for paths in by_text.values():
        if len(paths) > 1:
            first = min(paths, key=lambda p: (len(p), p))
            out.update((p, first) for p in paths if p != first)
    return out


_SHOWN_GROUPS = 5
