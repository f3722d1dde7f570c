"""rich: the scorecard and batch summary laid out for a terminal (the default there)."""

from __future__ import annotations

import io

from lawcheck.model import Record
from lawcheck.render import Context, Format
from lawcheck.render.common import cards_and_summary, shown

FORMAT = Format("rich", "终端排版（在终端中的默认格式）", "laid out for a terminal (the default there)",
                output="stream", terminal=True, summary=True)


def render(records: list[Record], ctx: Context) -> str:
    if ctx.quiet:
        from lawcheck.render.formats.text import score_lines

        return score_lines(records, ctx)
    # rich is imported only when a scorecard is laid out for a terminal.
    from rich.console import Console

    from lawcheck.render.rich_view import ScorecardView, SummaryView

    records = shown(records)  # control characters from a report or a name shown, never sent to a terminal
    cards, summary = cards_and_summary(records, ctx.verbose, ctx.indicators)
    buf = io.StringIO()
    # NO_COLOR (no-color.org) or not a terminal: no escape codes at all, bold included.
    console = Console(file=buf, width=ctx.width, force_terminal=ctx.styled, no_color=not ctx.styled,
                      highlight=False)
    for card, rec, path in cards:
        console.print(ScorecardView(card, path, rec.gate, verbose=ctx.verbose, styled=ctx.styled))
    if summary is not None:
        console.print(SummaryView(summary, ctx.lang))
    return buf.getvalue()


def _console(ctx: Context, buf: io.StringIO):  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(file=buf, width=ctx.width, force_terminal=ctx.styled, no_color=not ctx.styled, highlight=False)


# Written as each report is checked (as the text format is): a scorecard printed on its own console is the
# same text as on a shared one; the batch summary at the end, from the slim scorecards the batch kept.
def header(ctx: Context) -> str:
    return ""


def record(rec: Record, ctx: Context) -> str:
    if ctx.quiet:
        from lawcheck.render.formats.text import record as text_record

        return text_record(rec, ctx)
    from lawcheck.render.common import is_report
    from lawcheck.render.rich_view import ScorecardView

    rec = shown([rec])[0]
    several = ctx.inputs != 1
    if rec.card is None or (several and not ctx.verbose):
        return ""
    buf = io.StringIO()
    path = rec.path if several or not is_report(rec.card) else None
    _console(ctx, buf).print(ScorecardView(rec.card, path, rec.gate, verbose=ctx.verbose, styled=ctx.styled))
    return buf.getvalue()


def footer(ctx: Context, kept: list[Record] | tuple[Record, ...] = ()) -> str:
    if ctx.quiet or ctx.inputs == 1 or len(kept) < 2:
        return ""
    from lawcheck.render.rich_view import SummaryView
    from lawcheck.summary import summarize

    buf = io.StringIO()
    _console(ctx, buf).print(SummaryView(summarize(shown(list(kept)), indicators=ctx.indicators), ctx.lang))
    return buf.getvalue()
