"""Markdown: a scorecard (or a batch summary and the reports' missing items) to paste into a review note."""

from __future__ import annotations

import re
import sys

from lawcheck import rx
from lawcheck.i18n import t
from lawcheck.model import Evidence, History, Record, Scorecard
from lawcheck.render import Context, Format, whole
from lawcheck.render.common import (
    MARK,
    arithmetic,
    basis_line,
    below_full,
    colon,
    comma,
    gap,
    is_own_heading,
    lp,
    marked_quote,
    not_report_line,
    result_label,
    rp,
    semi,
    shown,
    shown_score,
    status_label,
    timeliness_label,
    waiver_note,
)
from lawcheck.render.history_view import PLAN, PROBLEMS, counts_line, last_name, outcome_label, pct
from lawcheck.summary import summarize

FORMAT = Format("markdown", "Markdown（贴入审查意见）", "Markdown, to paste into a review note", output="stream",
                summary=True, summary_first=True)


_MD_SPECIAL = rx.compile(r"([\\`*_\[\]<>|#!~])")


def _esc(s: object) -> str:
    """Text from a report or a name as literal Markdown: no link, image, emphasis, HTML or table cell
    break can come from it."""
    return _MD_SPECIAL.sub(r"\\\1", str(s)).replace("\n", " ")


def _code(s: object) -> str:
    """A code span that holds any name: fenced by more backticks than the longest run inside it."""
    text = str(s).replace("\n", " ").replace("|", "\\|")
    runs = [len(r) for r in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _quote(ev: Evidence, limit: int | None) -> str:
    """A quote for a table cell or a list item, what matched in bold."""
    return marked_quote(ev, limit, "**", "**", escape=_esc)


def card_md(card: Scorecard, path: str | None, gate: list[str] | None, level: int = 2, table: bool = True,
            verbose: bool = False) -> str:
    """A scorecard: its facts, the rule table (``table``) and the missing items (whole quotes when ``verbose``)."""
    lang = card.lang
    if card.document.kind != "annual_report":
        return _esc(not_report_line(card, path)) + "\n"
    d = card.document
    none = t(lang, "ui.none")
    h = "#" * level
    out = [f"{h} {t(lang, 'ui.card')}" + (f" — {_code(path)}" if path else ""), ""]
    out.append(f"- {t(lang, 'ui.title')}{colon(lang)}{_esc(d.title or none)}")
    facts = [(t(lang, "ui.organ"), _esc(d.organ or none)), (t(lang, "ui.year"), d.report_year or none),
             (t(lang, "ui.signed"), d.signed_date or none), (t(lang, "ui.published"), d.published_date or none)]
    out.append("- " + semi(lang).join(f"{k}{colon(lang)}{v}" for k, v in facts))
    if d.script == "traditional":
        out.append(f"- {t(lang, 'ui.traditional')}")
    score = f"{card.score:.1f}" if card.score is not None else none
    out.append(f"- **{t(lang, 'ui.score')}{colon(lang)}{score}{gap(lang)}{t(lang, 'ui.grade')}{colon(lang)}"
               f"{card.grade_label or none}**")
    out.append(f"- {_esc(arithmetic(card))}")
    if gate is not None:
        out.append(f"- {t(lang, 'ui.gate')}{colon(lang)}" + (f"✓ {t(lang, 'ui.gate_ok')}" if not gate else
                                                 f"✗ {t(lang, 'ui.gate_fail')}{colon(lang)}{_esc(' '.join(gate))}"))
    cols = [t(lang, k) for k in ("ui.status", "ui.rule", "ui.weight", "ui.evidence")]
    if table:
        out += ["", "| " + " | ".join(cols) + " |", "|---|---|---:|---|"]
    for r in card.results if table else []:
        pts = f"{r.points:g}/{r.weight:g}" if r.scored else "—"
        ev = r.evidence[0] if r.evidence else None
        # The quote under its heading; a quote that is the heading itself once ("一、…", not "一、…：一、…").
        note = r.message if r.status in ("unknown", "not_applicable") else \
            (_quote(ev, None if verbose else 60) if is_own_heading(ev) else
             f"{_esc(ev.section)}{colon(lang)}{_quote(ev, None if verbose else 60)}") if ev else ""
        if r.status in ("unknown", "not_applicable"):
            note = _esc(note)
        if below_full(r):  # a pass that earned less than its weight says why, and how to earn the rest
            note = f"{note}<br>{_esc(r.message)}" if note else _esc(r.message)
            if r.fix:
                note += f"<br>{_esc(t(lang, 'ui.fix'))}{colon(lang)}{_esc(r.fix)}"
        if r.waived is not None:
            note = f"{t(lang, 'ui.waiver')}{colon(lang)}{_esc(waiver_note(lang, r))}"
        out.append(f"| {result_label(lang, r)} | {_esc(r.title)}<br>`{r.rule}` | {pts} | {note} |")
    out += ["", f"{h}# {t(lang, 'ui.missing')}", ""]
    if not card.missing:
        out.append(none)
    by_id = {r.rule: r for r in card.results}
    for i, m in enumerate(card.missing, 1):
        r = by_id[m.rule]
        out.append(f"{i}. **{_esc(m.title)}**{lp(lang)}`{m.rule}`{comma(lang)}{status_label(lang, m.status)}"
                   f"{comma(lang)}{m.weight:g}"
                   f"{t(lang, 'ui.points')}{rp(lang)}  ")
        out.append(f"   {t(lang, 'ui.why')}{colon(lang)}{_esc(r.message)}  ")
        if r.status == "fail":  # what is there and must not be (a placeholder, a late date): where it is
            for e in r.evidence[:3]:
                out.append(f"   {t(lang, 'ui.found_at')}{colon(lang)}{_esc(e.section)}{colon(lang)}{_quote(e, 80)}  ")
        out.append(f"   {t(lang, 'ui.fix')}{colon(lang)}{_esc(m.fix)}  ")
        out.append(f"   {t(lang, 'ui.basis')}{colon(lang)}{_esc(basis_line(lang, m.basis))}")
    waived = card.waived()
    if waived:
        out += ["", f"{h}# {t(lang, 'ui.waived')}{lp(lang)}{len(waived)}{rp(lang)}", ""]
        for r in waived:
            where = f"{comma(lang)}{t(lang, 'ui.waiver_where')}{colon(lang)}{_code(r.waived.where)}" \
                if r.waived and r.waived.where else ""
            out.append(f"- {MARK['waived']} **{_esc(r.title)}**{lp(lang)}`{r.rule}`{rp(lang)}{colon(lang)}"
                       f"{_esc(waiver_note(lang, r))}{where}")
    if card.history is not None:
        out += ["", *_history(card.history, lang, h + "#", verbose)]
    return "\n".join(out) + "\n"


def _history(hist: History, lang: str, h: str, verbose: bool) -> list[str]:
    """The year-over-year review: counts, the items as a table (silent and carried over first), the copies."""
    c = colon(lang)
    out = [f"{h} {t(lang, 'history.heading')}{lp(lang)}{_esc(t(lang, 'history.against', name=last_name(hist, lang)))}"
           f"{rp(lang)}", ""]
    if not hist.in_score:
        out.append(f"- {t(lang, 'history.beside_score')}")
    out += [f"- ⚠ {_esc(n)}" for n in hist.pairing]
    limit = None if verbose else 80
    for key, items, counts, order in (("history.plan_heading", hist.plan, hist.plan_counts, PLAN),
                                      ("history.problems_heading", hist.shortcomings, hist.shortcoming_counts,
                                       PROBLEMS)):
        tally = counts_line(lang, counts, order) if items else t(lang, "ui.none")
        out.append(f"- **{t(lang, key, n=len(items))}**{c}{tally}")
        if items:
            cols = (t(lang, "ui.status"), t(lang, "history.last_year"), t(lang, "history.this_year"))
            out += ["", "| " + " | ".join(cols) + " |",
                    "|---|---|---|"]
            for r in items:
                where = f"{_esc(r.where.section)}{c}{_quote(r.where, limit)}" if r.where else "—"
                out.append(f"| {outcome_label(lang, r.outcome)} | {_quote(r.item, limit)} | {where} |")
            out.append("")
    if not hist.copied:
        out.append(f"- {t(lang, 'history.copied_none')}")
        return out
    out.append(f"- **{t(lang, 'history.copied_heading', n=len(hist.copied), share=pct(hist.copied_share))}**")
    if hist.worst_parts:
        worst = ("、" if lang == "zh" else ", ").join(t(lang, f"role.{r}") for r in hist.worst_parts)
        out.append(f"- ⚠ {t(lang, 'history.copied.worst', parts=worst)}")
    out += ["", f"| {t(lang, 'history.this_year')} | {t(lang, 'history.last_year')} |", "|---|---|"]
    for p in hist.copied:
        how = t(lang, "history.verbatim" if p.verbatim else "history.changed")
        out.append(f"| {t(lang, f'role.{p.part}')}{lp(lang)}{p.length}{t(lang, 'history.chars')}{rp(lang)}{c}"
                   f"{_quote(p.this, limit)} | {how}{c}{_quote(p.last, limit)} |")
    return out


def render(records: list[Record], ctx: Context) -> str:
    return whole(sys.modules[__name__], records, ctx)


# Streamed with the summary first (``Format.summary_first``): each report's part is written as it is checked
# (the command line holds the parts in a spooled temporary file), the summary of the slim scorecards before
# them at the end.  The bytes are those of ``render`` over the same records.
def record(rec: Record, ctx: Context) -> str:
    rec = shown([rec])[0]
    lang = ctx.lang
    # The gate said whenever it is asked for, or falls short anyway (a text of which nothing could be judged
    # meets no gate, --fail-on never included: exit 1 must not come without its reason).
    gated = ctx.gate.active or bool(rec.gate)
    if ctx.inputs == 1:
        if rec.card is None:
            return f"{_code(rec.path)}{colon(lang)}{t(lang, 'ui.error')}{colon(lang)}{_esc(rec.error)}\n"
        return card_md(rec.card, None, rec.gate if gated else None, verbose=ctx.verbose)
    if rec.card is None or rec.card.document.kind != "annual_report":
        return ""
    # A batch for a review note: the summary, then each report's facts and missing items (the full rule
    # tables with --verbose).
    return card_md(rec.card, rec.path, rec.gate if gated else None, level=3, table=ctx.verbose,
                   verbose=ctx.verbose) + "\n"


def lead(ctx: Context, kept: list[Record] | tuple[Record, ...] = ()) -> str:
    """The batch summary, written before the reports' parts (nothing for one input)."""
    if ctx.inputs == 1:
        return ""
    lang = ctx.lang
    summary = summarize(shown(list(kept)), unchecked=ctx.interrupted)
    out = [f"## {t(lang, 'ui.summary')}", "",
           f"| {t(lang, 'ui.rank')} | {t(lang, 'ui.file')} | {t(lang, 'ui.score')} | {t(lang, 'ui.gate')} | "
           f"{t(lang, 'ui.top_missing')} |", "|---:|---|---:|---|---|"]
    for i, row in enumerate(summary.rows, 1):
        if row.card is None:
            out.append(f"| {i} | {_code(row.path)} | — | ✗ {t(lang, 'ui.error')} | {_esc(row.error)} |")
            continue
        c = row.card
        score = f"{c.score:.1f} {c.grade_label or ''}" if c.score is not None else _esc(shown_score(c, "—"))
        flag = f"✓ {t(lang, 'ui.gate_ok')}" if row.gate_ok else f"✗ {t(lang, 'ui.gate_fail')}"
        flag += f"{comma(lang)}{timeliness_label(lang, row.timeliness, c.late_by)}"
        out.append(f"| {i} | {_code(row.path)} | {score} | {flag} | {_esc(semi(lang).join(row.top_missing))} |")
    if summary.others:
        out += ["", f"**{t(lang, 'ui.others')}**", ""]
        out += [f"- {_esc(not_report_line(row.card, row.path))}" for row in summary.others if row.card]
    out += ["", _esc(summary.totals(lang)), "", ""]  # it names files (the repeated units' reports)
    return "\n".join(out)
