"""Plain text: scorecards and the batch summary as lines to read in a terminal or paste into a message."""

from __future__ import annotations

import sys

from lawcheck.i18n import category, t
from lawcheck.model import Record, Scorecard
from lawcheck.render import Context, Format, whole
from lawcheck.render.common import (
    MARK,
    arithmetic,
    basis_line,
    below_full,
    by_category,
    clip,
    colon,
    comma,
    figure_note,
    figure_value,
    is_own_heading,
    is_report,
    lp,
    marked_quote,
    not_report_line,
    result_label,
    rp,
    semi,
    shown,
    shown_score,
    spread_line,
    status_label,
    timeliness_label,
    waiver_note,
)
from lawcheck.render.history_view import history_lines
from lawcheck.summary import Summary, summarize

FORMAT = Format("text", "纯文本（输出到管道或文件时的默认格式）", "plain text (the default when piped)",
                output="stream", summary=True)


def card_text(card: Scorecard, path: str | None = None, gate: list[str] | None = None, verbose: bool = False) -> str:
    lang = card.lang
    if card.document.kind != "annual_report" and not verbose:
        return not_report_line(card, path) + "\n"
    d = card.document
    none = t(lang, "ui.none")
    lines = [f"{t(lang, 'ui.card')}{' — ' + path if path else ''}"]
    lines.append(f"{t(lang, 'ui.title')}{colon(lang)}{d.title or none}")
    c = colon(lang)
    facts = ((t(lang, "ui.organ"), d.organ), (t(lang, "ui.year"), d.report_year), (t(lang, "ui.signed"), d.signed_date),
             (t(lang, "ui.published"), d.published_date))
    lines.append(" | ".join(f"{k}{c}{v or none}" for k, v in facts))
    if d.script == "traditional":
        lines.append(t(lang, "ui.traditional"))
    score = f"{card.score:.1f} / 100" if card.score is not None else none
    lines.append(f"{t(lang, 'ui.score')}{c}{score}  {t(lang, 'ui.grade')}{c}{card.grade_label or none}")
    lines.append(arithmetic(card))
    if gate is not None:
        state = t(lang, "ui.gate_ok") if not gate else t(lang, "ui.gate_fail") + semi(lang) + " ".join(gate)
        lines.append(f"{t(lang, 'ui.gate')}{colon(lang)}{state}")
    lines.append("")
    lines.append(f"{t(lang, 'ui.results')}{colon(lang).strip()}")
    for cat, results in by_category(card):
        lines.append(f"  [{category(lang, cat)}]")
        for r in results:
            pts = f"{r.points:g}/{r.weight:g}{t(lang, 'ui.points')}" if r.scored else ""
            lines.append(f"  {result_label(lang, r):<8} {r.rule:<34} {pts:>10}  {r.title}")
            if r.waived is not None:
                lines.append(f"      {t(lang, 'ui.waiver')}{colon(lang)}{waiver_note(lang, r)}")
            shown = r.evidence if verbose else r.evidence[:1] if r.status in ("pass", "partial") else []
            width = 200 if verbose else 60
            for e in shown:
                where = "" if is_own_heading(e) else f"[{clip(e.section, 30)}] "
                lines.append(f"      {t(lang, 'ui.evidence')}{colon(lang)}{where}{marked_quote(e, width)}")
            if below_full(r):  # a pass that earned less than its weight says why, and how to earn the rest
                lines.append(f"      {t(lang, 'ui.why')}{colon(lang)}{r.message}")
                if r.fix:
                    lines.append(f"      {t(lang, 'ui.fix')}{colon(lang)}{r.fix}")
            if verbose and r.near_miss:
                lines.append(f"      {t(lang, 'ui.near')}{colon(lang)}{clip(r.near_miss.text, 200)}{lp(lang)}"
                             f"{r.near_miss.reason}{rp(lang)}")
    lines.append("")
    lines.append(f"{t(lang, 'ui.missing')}{colon(lang).strip()}" + ("" if card.missing else f" {none}"))
    by_id = {r.rule: r for r in card.results}
    for i, m in enumerate(card.missing, 1):
        r = by_id[m.rule]
        status = t(lang, "status." + m.status)
        lines.append(f"  {i}. {m.title}{lp(lang)}{m.rule}{comma(lang)}{status}{comma(lang)}{m.weight:g}"
                     f"{t(lang, 'ui.points')}{rp(lang)}")
        lines.append(f"     {t(lang, 'ui.why')}{colon(lang)}{r.message}")
        if r.status == "fail":  # what is there and must not be (a placeholder, a late date): where it is
            for e in r.evidence[:3]:
                lines.append(f"     {t(lang, 'ui.found_at')}{colon(lang)}[{clip(e.section, 30)}] {marked_quote(e, 60)}")
        if r.near_miss:
            lines.append(f"     {t(lang, 'ui.near')}{colon(lang)}{clip(r.near_miss.text, 60)}{lp(lang)}"
                         f"{r.near_miss.reason}{rp(lang)}")
        lines.append(f"     {t(lang, 'ui.fix')}{colon(lang)}{m.fix}")
        lines.append(f"     {t(lang, 'ui.basis')}{colon(lang)}{basis_line(lang, m.basis)}")
    waived = card.waived()
    if waived:
        lines.append("")
        lines.append(f"{t(lang, 'ui.waived')}{lp(lang)}{len(waived)}{rp(lang)}{colon(lang).strip()}")
        for r in waived:
            lines.append(f"  {MARK['waived']} {r.title}{lp(lang)}{r.rule}{rp(lang)}{colon(lang)}{waiver_note(lang, r)}")
            if r.waived and r.waived.where:
                lines.append(f"     {t(lang, 'ui.waiver_where')}{colon(lang)}{r.waived.where}")
    if card.figures:
        lines.append("")
        lines.append(f"{t(lang, 'ui.figures')}{lp(lang)}{len(card.figures)}{rp(lang)}{colon(lang).strip()}")
        for f in card.figures:
            note = figure_note(f, lang)
            where = "" if is_own_heading(f.evidence) else f"[{clip(f.evidence.section, 30)}] "
            lines.append(f"  {f.name}{colon(lang)}{figure_value(f, lang)}"
                         + (f"{lp(lang)}{note}{rp(lang)}" if note else ""))
            if verbose:
                lines.append(f"      {t(lang, 'ui.evidence')}{colon(lang)}{where}{marked_quote(f.evidence, 80)}")
    if card.history is not None:
        lines.append("")
        lines.extend(history_lines(card.history, lang, verbose))
    if card.not_scored:
        lines.append("")
        lines.append(f"{t(lang, 'ui.not_scored')}{colon(lang).strip()}")
        names = {r.rule: r.name for r in card.results}  # each by the name an official reads, its id beside it
        for n in card.not_scored:
            rule = f"{names[n.rule]}{lp(lang)}{n.rule}{rp(lang)}" if names.get(n.rule) else n.rule
            lines.append(f"  {status_label(lang, n.status)} {rule}{colon(lang)}{n.reason}")
    return "\n".join(lines) + "\n"


def score_line(card: Scorecard | None, path: str, gate: list[str] | None, error: str | None, lang: str) -> str:
    """The one line --quiet prints per input."""
    if card is None:
        return f"{path}{colon(lang)}{t(lang, 'ui.error')}{colon(lang)}{error}"
    if card.document.kind != "annual_report":
        return not_report_line(card, path)
    line = f"{path}{colon(lang)}{t(lang, 'ui.score')} {shown_score(card)} {card.grade_label or ''}".rstrip()
    if gate is not None:
        line += f" [{t(lang, 'ui.gate')}{colon(lang)}{t(lang, 'ui.gate_ok') if not gate else t(lang, 'ui.gate_fail')}]"
    return line


def render_summary(summary: Summary, lang: str) -> str:
    lines = [t(lang, "ui.summary")]
    for i, row in enumerate(summary.rows, 1):
        if row.card is None:
            lines.append(f"  {i:>3}. {row.path}  {t(lang, 'ui.error')}{colon(lang)}{row.error}")
            continue
        c = row.card
        score = f"{c.score:.1f}" if c.score is not None else shown_score(c, "-")  # or why there is none
        flags = [t(lang, "ui.gate_ok") if row.gate_ok else t(lang, "ui.gate_fail"),
                 timeliness_label(lang, row.timeliness, c.late_by)]
        lines.append(f"  {i:>3}. {row.path}  {score:>5}  {c.grade_label or ''}  {comma(lang).join(flags)}  "
                     f"{c.document.organ or ''} {c.document.report_year or ''}".rstrip())
        if row.top_missing:
            lines.append(f"       {t(lang, 'ui.top_missing')}{colon(lang)}{semi(lang).join(row.top_missing)}")
    if summary.others:
        lines.append(f"{t(lang, 'ui.others')}{colon(lang).strip()}")
        for row in summary.others:
            if row.card is not None:
                lines.append(f"    - {not_report_line(row.card, row.path)}")
    lines.append(summary.totals(lang))
    if summary.common_missing:
        lines.append(f"{t(lang, 'ui.common_missing')}{colon(lang).strip()}")
        for rid, title, n in summary.common_missing:
            lines.append(f"  {title}{lp(lang)}{rid}{rp(lang)}{colon(lang)}{t(lang, 'ui.times', n=n)}")
    if summary.spreads:
        lines.append(f"{t(lang, 'ui.spread')}{colon(lang).strip()}")
        lines += [f"  {spread_line(sp, lang)}" for sp in summary.spreads]
    return "\n".join(lines) + "\n"


def render(records: list[Record], ctx: Context) -> str:
    return whole(sys.modules[__name__], records, ctx)


# Written as each report is checked: its scorecard (one input, or each of several with --verbose) or its
# --quiet line; the batch summary at the end, from the slim scorecards the batch kept (Scorecard.slim).
# The bytes are those of ``render`` over the same records.
def record(rec: Record, ctx: Context) -> str:
    rec = shown([rec])[0]
    if ctx.quiet:
        return score_line(rec.card, rec.path, rec.gate, rec.error, ctx.lang) + "\n"
    several = ctx.inputs != 1
    if rec.card is None or (several and not ctx.verbose):
        return ""
    path = rec.path if several or not is_report(rec.card) else None
    return card_text(rec.card, path, rec.gate, verbose=ctx.verbose)


def separator(ctx: Context) -> str:
    return "" if ctx.quiet else "\n"


def footer(ctx: Context, kept: list[Record] | tuple[Record, ...] = ()) -> str:
    if ctx.quiet or ctx.inputs == 1 or len(kept) < 2:
        return ""
    summary = summarize(shown(list(kept)), indicators=ctx.indicators, unchecked=ctx.interrupted)
    cards = ctx.verbose and any(rec.card is not None for rec in kept)
    return ("\n" if cards else "") + render_summary(summary, ctx.lang)
