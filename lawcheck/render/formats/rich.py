"""rich: the scorecard and batch summary laid out for a terminal (the default there)."""

from __future__ import annotations

import io
import sys

from lawcheck.model import Record
from lawcheck.render import Context, Format, whole
from lawcheck.render.common import shown

FORMAT = Format("rich", "终端排版（在终端中的默认格式）", "laid out for a terminal (the default there)",
                output="stream", terminal=True, summary=True)


def render(records: list[Record], ctx: Context) -> str:
    return whole(sys.modules[__name__], records, ctx)


def _console(ctx: Context, buf: io.StringIO):  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(file=buf, width=ctx.width, force_terminal=ctx.styled, no_color=not ctx.styled, highlight=False)


# Written as each report is checked (as the text format is): a scorecard printed on its own console is the
# same text as on a shared one; the batch summary at the end, from the slim scorecards the batch kept.
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
    _console(ctx, buf).print(SummaryView(summarize(shown(list(kept)), indicators=ctx.indicators,
                                                           unchecked=ctx.interrupted), ctx.lang))
    return buf.getvalue()
