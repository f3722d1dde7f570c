"""The rich scorecard and batch summary.  Views implement ``__rich_console__``; model.py never imports rich.

rich measures CJK characters as two cells, so Chinese columns line up; every status is a
symbol and a word, so nothing depends on colour (which rich drops when piped or NO_COLOR).
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Lines
from rich.text import Text as _RichText

from lawcheck.i18n import category, t
from lawcheck.model import Evidence, RuleResult, Scorecard
from lawcheck.render.common import (
    MARK,
    arithmetic,
    basis_line,
    below_full,
    by_category,
    colon,
    comma,
    figure_note,
    figure_value,
    is_own_heading,
    late_detail,
    lp,
    not_report_line,
    number,
    quote_pieces,
    result_label,
    rp,
    shown_score,
    shown_status,
    timeliness_label,
    waiver_note,
)
from lawcheck.render.history_view import history_lines
from lawcheck.render.linebreak import break_offsets
from lawcheck.summary import Summary


class Text(_RichText):
    """rich's Text, wrapped as Chinese is typeset: no line starts with 、，。）」” or ends with （「“, and a
    rule id or a number is not cut in the middle (see linebreak.py)."""

    def wrap(self, console: Console, width: int, *, justify=None, overflow=None, tab_size: int = 8,  # type: ignore[no-untyped-def]
             no_wrap: bool | None = None) -> Lines:
        if no_wrap or self.no_wrap or overflow == "ignore":
            return super().wrap(console, width, justify=justify, overflow=overflow, tab_size=tab_size,
                                no_wrap=no_wrap)
        lines = Lines()
        for line in self.split(allow_blank=True):
            if "\t" in line:
                line.expand_tabs(tab_size)
            pieces = line.divide(break_offsets(line.plain, width, cell_len))
            for piece in pieces:
                piece.rstrip_end(width)
            pieces.justify(console, width, justify=justify or self.justify or "default",
                           overflow=overflow or self.overflow or "fold")
            for piece in pieces:
                piece.truncate(width, overflow=overflow or self.overflow or "fold")
            lines.extend(pieces)
        return lines


_STYLE = {"pass": "green", "partial": "yellow", "fail": "red bold", "unknown": "cyan", "not_applicable": "dim",
          "waived": "magenta"}
_TONE = {"good": "green", "fair": "yellow", "poor": "red"}  # the policy's grades say which
_BAR = 20


def _one_line(text: str, cells: int) -> str:
    """Cut to ``cells`` terminal cells (CJK counts two), with an ellipsis."""
    text = " ".join(text.split())
    if cell_len(text) <= cells:
        return text
    return set_cell_size(text, max(cells - 1, 1)).rstrip() + "…"


def _quote(e: Evidence, cells: int | None, styled: bool = True, brackets: bool = True) -> Text:
    """「quote」 in italics, what matched in it in bold, cut to ``cells`` around the first match.  Without
    styles (piped, NO_COLOR) what matched is set in 【】, as the text format does."""
    out = Text("「" if brackets else "", style="italic")
    for piece, marked in quote_pieces(e, cells, cell_len):
        if marked and not styled:
            piece = f"【{piece}】"
        out.append(piece, style="bold italic underline" if marked else "italic")
    if brackets:
        out.append("」", style="italic")
    return out


def _score_bar(score: float | None, tone: str | None) -> Text:
    if score is None:
        return Text("")
    filled = round(score / 100 * _BAR)
    return Text("█" * filled, style=_TONE.get(tone or "", "")) + Text("░" * (_BAR - filled), style="dim")


class ScorecardView:
    def __init__(self, card: Scorecard, path: str | None = None, gate: list[str] | None = None,
                 verbose: bool = False, styled: bool = True) -> None:
        self.card, self.path, self.gate, self.verbose, self.styled = card, path, gate, verbose, styled

    def _header(self) -> Panel:
        c, lang = self.card, self.card.lang
        d = c.document
        none = t(lang, "ui.none")
        body = Text(overflow="fold")
        body.append(f"{d.title or d.organ or t(lang, 'ui.no_title')}\n", style="bold")
        facts = [
            (t(lang, "ui.organ"), d.organ or none),
            (t(lang, "ui.year"), str(d.report_year or none)),
            (t(lang, "ui.signed"), str(d.signed_date or none)),
            (t(lang, "ui.published"), str(d.published_date or none)),
        ]
        body.append("  ".join(f"{k}{colon(lang)}{v}" for k, v in facts) + "\n")
        if d.script == "traditional":
            body.append(t(lang, "ui.traditional") + "\n", style="yellow")
        score = f"{c.score:.1f}" if c.score is not None else none
        body.append(f"{t(lang, 'ui.score')}{colon(lang)}", style="bold")
        body.append(f"{score} ", style="bold")
        body.append_text(_score_bar(c.score, c.grade_tone))
        body.append(f"  {t(lang, 'ui.grade')}{colon(lang)}{c.grade_label or none}\n", style="bold")
        body.append(arithmetic(c), style="dim")
        if self.gate is not None:
            body.append(f"\n{t(lang, 'ui.gate')}{colon(lang)}")
            if self.gate:
                body.append(f"✗ {t(lang, 'ui.gate_fail')}", style="red bold")
                body.append("  " + " ".join(self.gate))
            else:
                body.append(f"✓ {t(lang, 'ui.gate_ok')}", style="green bold")
        title = Text(t(lang, "ui.card") + (f" — {self.path}" if self.path else ""))  # Text: never markup
        return Panel(body, title=title, title_align="left")

    def _table(self, width: int) -> Table:
        lang = self.card.lang
        table = Table(show_header=True, header_style="bold", expand=True, show_lines=False)
        table.add_column(t(lang, "ui.status"), no_wrap=True, width=10)
        table.add_column(t(lang, "ui.rule"), ratio=1)
        table.add_column(t(lang, "ui.weight"), no_wrap=True, justify="right", width=9)
        quote_cells = max(width - 34, 20)  # the rule column: the width less the status and points columns
        for i, (cat, results) in enumerate(by_category(self.card)):
            if i:
                table.add_section()
            table.add_row("", Text(category(lang, cat), style="bold underline"), "")
            for r in results:
                table.add_row(Text(result_label(lang, r), style=_STYLE[shown_status(r)]),
                              self._rule_cell(r, quote_cells),
                              f"{r.points:g}/{r.weight:g}" if r.scored else "—")
        return table

    def _rule_cell(self, r: RuleResult, cells: int) -> Text:
        lang = self.card.lang
        cell = Text(r.title, overflow="fold")
        cell.append(f"\n{r.rule}", style="dim")
        quotes = r.evidence if self.verbose else r.evidence[:1]
        if r.waived is not None:
            # Accepted once, with a reason and an end date: said instead of the shortfall.
            cell.append(f"\n{t(lang, 'ui.waiver')}{colon(lang)}{waiver_note(lang, r)}", style="magenta")
            if r.waived.where:
                cell.append(f"\n{t(lang, 'ui.waiver_where')}{colon(lang)}{r.waived.where}", style="dim")
            return cell
        if r.status in ("unknown", "not_applicable"):
            cell.append("\n" + _one_line(r.message, 2 * cells - 2), style="dim")
            return cell
        for e in quotes:
            # The quote first, what matched in it in bold; then where it is (its nearest heading),
            # unless the quote is that heading (or the heading begins the quote).
            where = e.section.split(" > ")[-1]
            own = is_own_heading(e)
            cell.append("\n")
            if self.verbose:
                cell.append_text(_quote(e, None, self.styled))
                if not own:
                    cell.append(f"— {e.section}", style="italic")
            elif own:
                cell.append_text(_quote(e, 2 * cells - 2, self.styled, brackets=False))
            else:
                # Up to two lines of the cell: enough to recognise the passage at 80 columns.
                room = max(2 * cells - min(cell_len(where), 16) - 6, 10)
                cell.append_text(_quote(e, room, self.styled))
                cell.append(_one_line(where, 16), style="italic")
        if below_full(r):  # a pass that earned less than its weight says why, and how to earn the rest
            cell.append("\n" + (r.message if self.verbose else _one_line(r.message, 2 * cells - 2)), style="dim")
            if r.fix:
                fix = f"{t(lang, 'ui.fix')}{colon(lang)}{r.fix}"
                cell.append("\n" + (fix if self.verbose else _one_line(fix, 2 * cells - 2)), style="dim")
        if self.verbose and r.near_miss:
            cell.append(f"\n{t(lang, 'ui.near')}{colon(lang)}", style="dim")
            cell.append_text(_quote(r.near_miss, None, self.styled, brackets=False))
            cell.append(f"{lp(lang)}{r.near_miss.reason}{rp(lang)}", style="dim")
        return cell

    def _missing(self) -> Group | Text:
        c, lang = self.card, self.card.lang
        if not c.missing:
            return Text(f"{t(lang, 'ui.missing')}{colon(lang)}{t(lang, 'ui.none')}", style="bold green")
        by_id = {r.rule: r for r in c.results}
        # A grid gives each item a hanging indent; "fold" breaks long Chinese runs by
        # character instead of pushing them whole onto the next line.
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, justify="right")
        grid.add_column(ratio=1, overflow="fold")
        for i, m in enumerate(c.missing, 1):
            r = by_id[m.rule]
            head = Text(m.title, style=_STYLE[m.status], overflow="fold")
            status = t(lang, "status." + m.status)
            head.append(f"{lp(lang)}{m.rule}{comma(lang)}{status}{comma(lang)}{m.weight:g}"
                        f"{t(lang, 'ui.points')}{rp(lang)}", style="dim")
            body = Text(overflow="fold")
            body.append_text(head)
            body.append(f"\n{t(lang, 'ui.why')}{colon(lang)}{r.message}")
            if r.status == "fail":  # what is there and must not be (a placeholder, a late date): where it is
                for e in r.evidence[:3]:
                    body.append(f"\n{t(lang, 'ui.found_at')}{colon(lang)}")
                    body.append_text(_quote(e, None, self.styled))
                    body.append(e.section.split(" > ")[-1], style="dim")
            if r.near_miss:
                body.append(f"\n{t(lang, 'ui.near')}{colon(lang)}", style="dim")
                body.append_text(_quote(r.near_miss, None, self.styled, brackets=False))
                body.append(f"{lp(lang)}{r.near_miss.reason}{rp(lang)}", style="dim")
            body.append(f"\n{t(lang, 'ui.fix')}{colon(lang)}{m.fix}", style="bold")
            body.append(f"\n{t(lang, 'ui.basis')}{colon(lang)}{basis_line(lang, m.basis)}", style="dim")
            grid.add_row(Text(f"{i}. {MARK[m.status]}", style=_STYLE[m.status]), body)
        return Group(Text(t(lang, "ui.missing"), style="bold"), grid)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.card.document.kind != "annual_report" and not self.verbose:
            yield Text(not_report_line(self.card, self.path), style="bold yellow", overflow="fold")
            return
        yield self._header()
        yield self._table(options.max_width)
        yield self._missing()
        if self.card.figures:
            yield self._figures(options.max_width)
        if self.card.history is not None:
            yield self._history()

    def _history(self) -> Group:
        """The year-over-year review: the lines the text format prints, the heading and warnings marked."""
        lines = history_lines(self.card.history, self.card.lang, self.verbose)  # type: ignore[arg-type]
        out: list = [Text(lines[0], style="bold")]  # type: ignore[type-arg]
        for line in lines[1:]:
            body = line.lstrip()
            style = "bold yellow" if body.startswith("!") else ""
            # A wrapped line keeps its indent (the quote under its item, the item under its heading).
            out.append(Padding(Text(body, style=style if self.styled else "", overflow="fold"),
                               (0, 0, 0, len(line) - len(body))))
        return Group(Text(""), *out)

    def _figures(self, width: int) -> Table:
        """The figures read, as a reviewer copies them: indicator, value, what else to know, where."""
        lang = self.card.lang
        table = Table(title=f"{t(lang, 'ui.figures')}{lp(lang)}{len(self.card.figures)}{rp(lang)}",
                      title_justify="left", title_style="bold", expand=True, header_style="bold")
        table.add_column(t(lang, "ui.indicator"), ratio=2, overflow="fold")
        table.add_column(t(lang, "ui.value"), justify="right", no_wrap=True)
        table.add_column(t(lang, "ui.fig_note"), ratio=2, overflow="fold")
        table.add_column(t(lang, "ui.evidence"), ratio=4, overflow="fold")
        quote = max((width - 30) * 4 // 8, 16)
        for f in self.card.figures:
            table.add_row(Text(f.name), Text(figure_value(f, lang)), Text(figure_note(f, lang), style="dim"),
                          _quote(f.evidence, quote if not self.verbose else None, self.styled))
        return table


class SummaryView:
    def __init__(self, summary: Summary, lang: str) -> None:
        self.summary, self.lang = summary, lang

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lang, s = self.lang, self.summary
        table = Table(title=t(lang, "ui.summary"), expand=True, header_style="bold")
        table.add_column(t(lang, "ui.rank"), justify="right", no_wrap=True)
        table.add_column(t(lang, "ui.file"), ratio=2, overflow="fold")
        table.add_column(t(lang, "ui.score"), justify="right", no_wrap=True)
        table.add_column(t(lang, "ui.gate"), no_wrap=True)
        table.add_column(t(lang, "ui.top_missing"), ratio=3, overflow="fold")
        for i, row in enumerate(s.rows, 1):
            if row.card is None:
                table.add_row(str(i), Text(row.path), "—", Text(f"✗ {t(lang, 'ui.error')}", style="red bold"),
                              Text(row.error or "", style="red"))
                continue
            c = row.card
            score = f"{c.score:.1f} {c.grade_label or ''}" if c.score is not None else shown_score(c, "—")
            gate = Text(f"✓ {t(lang, 'ui.gate_ok')}", style="green") if row.gate_ok else \
                Text(f"✗ {t(lang, 'ui.gate_fail')}", style="red bold")
            if row.late:
                gate.append(f"\n! {t(lang, 'ui.late')}", style="red bold")
                if c.late_by:  # the deadline missed and its date, on a line of its own: the column stays narrow
                    gate.append(f"\n{late_detail(lang, c.late_by)}", style="red")
            elif row.timeliness == "on_time":
                gate.append(f"\n{timeliness_label(lang, row.timeliness)}", style="green")
            else:
                gate.append("\n—", style="dim")
            facts = " ".join(str(x) for x in (c.document.organ, c.document.report_year) if x)
            who = f"{row.path}\n{facts}" if facts else row.path
            # Text, not str: a file named "a[/b].txt" or "[link=…]" is a name, never rich markup.
            table.add_row(str(i), Text(who), Text(score), gate, Text("\n".join(row.top_missing)))
        yield table
        if s.others:
            yield Text(t(lang, "ui.others"), style="bold")
            for row in s.others:
                if row.card is not None:
                    yield Text(f"  - {not_report_line(row.card, row.path)}", overflow="fold")
        yield Text(s.totals(lang), style="bold")
        if s.common_missing:
            yield Text(t(lang, "ui.common_missing"), style="bold")
            for rid, title, n in s.common_missing:
                yield Text(f"  {t(lang, 'ui.times', n=n)}{colon(lang)}{title}{lp(lang)}{rid}"
                           f"{rp(lang)}", overflow="fold")
        if s.spreads:
            spread = Table(title=t(lang, "ui.spread"), title_justify="left", title_style="bold", expand=True,
                           header_style="bold")
            for head, kw in ((t(lang, "ui.indicator"), {"ratio": 2}), (t(lang, "ui.units_n"), {"justify": "right"}),
                             (t(lang, "ui.median"), {"justify": "right"}), (t(lang, "ui.lowest"), {"ratio": 2}),
                             (t(lang, "ui.highest"), {"ratio": 2}), (t(lang, "ui.outliers"), {"ratio": 2})):
                spread.add_column(head, overflow="fold", **kw)  # type: ignore[arg-type]
            for sp in s.spreads:
                spread.add_row(Text(sp.name), str(len(sp.values)), number(sp.median) + sp.unit,
                               Text(f"{number(sp.low[1])}{sp.unit} {sp.low[0]}"),
                               Text(f"{number(sp.high[1])}{sp.unit} {sp.high[0]}"),
                               Text(("；" if lang == "zh" else "; ").join(
                                   f"{who} {number(v)}{sp.unit}" for who, v in sp.outliers) or "—"))
            yield spread
