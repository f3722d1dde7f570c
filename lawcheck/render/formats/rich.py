"""rich: the scorecard and batch summary laid out for a terminal (the default there)."""

from __future__ import annotations

import io

from lawcheck.model import Record
from lawcheck.render import Context, Format
from lawcheck.render.common import cards_and_summary, shown

FORMAT = Format("rich", "终端排版（在终端中的默认格式）", "laid out for a terminal (the default there)",
                output="document", terminal=True)


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
