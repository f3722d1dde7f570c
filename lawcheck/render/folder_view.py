"""A folder reviewed year over year (``lawcheck compare DIR``): the terminal table, CSV, JSON and the HTML index.

Built from the model (``FolderReview``) only.  Per report: its pair, last year's planned tasks that went
silent, the problems repeated, the share copied from last year, and the units it shares a template with.
"""

from __future__ import annotations

import html as _html

from lawcheck.i18n import t
from lawcheck.model import FolderReview, UnitReview
from lawcheck.render.common import clean, clip, colon, lp, rp, visible
from lawcheck.render.dump import model_json
from lawcheck.render.formats.csv import BOM, _cell, _row
from lawcheck.render.formats.json import safe
from lawcheck.render.history_view import PLAN, PROBLEMS, counts_line, pct

_HEAD = {
    "zh": ["本年度报告", "单位", "报告年度", "上年度报告", "上年度", "配对依据", "得分", "上年安排项数", "已完成",
           "继续列入", "列为不足", "未提及", "未提及的安排", "上年不足项数", "已整改", "仍列为不足", "未提及（不足）",
           "仍列为不足的问题", "未提及的不足", "照搬上年比例", "照搬的部分", "共用模板（组）", "模板段落占比",
           "配对提示", "错误"],
    "en": ["this", "organ", "year", "last", "last_year", "paired_by", "score", "plan_items", "done", "carried_over",
           "admitted", "silent", "silent_items", "shortcomings", "addressed", "repeated", "silent_shortcomings",
           "repeated_items", "silent_shortcoming_items", "copied_share", "worst_parts", "template_clusters",
           "template_share", "pairing", "error"],
}


def _paired_by(lang: str, how: str | None) -> str:
    if how is None:
        return ""
    return t(lang, f"compare.paired_by.{how}") if lang == "zh" else how


def csv_text(review: FolderReview, lang: str) -> str:
    """One row per report, opened as UTF-8 by Excel and WPS; Chinese headers and words by default."""
    zh = lang == "zh"
    sep = "；" if zh else "; "
    out = [BOM + _row(_HEAD["zh" if zh else "en"])]
    for u in review.units:
        paired = _is_pair(u)
        worst = sep.join(t(lang, f"role.{r}") if zh else r for r in u.worst_parts)
        # Why a row holds no pair, as the terminal's view says it: this year's report missing (last year's stands
        # beside it), or none of last year's found ("未找到本单位上一年度的报告"), or what the pairing says.
        why = [_missing(u, lang)] if u.missing_year is not None else \
            [t(lang, "compare.no_last")] if u.last is None and not u.error and not u.pairing else []
        values = [u.this, u.organ, u.year, u.last, u.last_year, _paired_by(lang, u.paired_by),
                  "" if u.score is None else f"{u.score:.1f}",
                  *(_pair_cells(u, zh, sep, worst) if paired else [""] * 14),
                  " ".join(str(c) for c in u.templates),
                  (pct(u.template_share) if zh else f"{u.template_share:.4f}") if u.templates else "",
                  sep.join([*why, *u.pairing]),
                  u.error]
        out.append(_row([_cell(v) for v in values]))
    return "".join(out)


def _missing(u: UnitReview, lang: str) -> str:
    if u.last_year is None:  # last year's report whose year is not read: it stands in last year's input
        return t(lang, "compare.missing_unread", year=u.missing_year)
    return t(lang, "compare.missing", year=u.missing_year, last=u.last_year)


def _reports(review: FolderReview) -> int:
    """Rows that are reports of the year they stand for: read, annual reports, and not last year's report of a unit
    missing this year's (a file that cannot be read, or is no report, is listed apart, as ``check`` lists it)."""
    return sum(1 for u in review.units if u.missing_year is None and not u.error)


def _heading(review: FolderReview, lang: str) -> list[str]:
    lines = [t(lang, "compare.heading", n=_reports(review), pairs=_paired(review))]
    missing = sum(1 for u in review.units if u.missing_year is not None)
    return [*lines, t(lang, "compare.missing_count", n=missing)] if missing else lines


def _pair_cells(u: UnitReview, zh: bool, sep: str, worst: str) -> list:  # type: ignore[type-arg]
    pc, sc = u.plan_counts, u.shortcoming_counts
    share = "" if u.copied_share is None else (pct(u.copied_share) if zh else f"{u.copied_share:.4f}")
    return [sum(pc.values()), *(pc.get(k, 0) for k in PLAN), sep.join(u.silent_plan),
            sum(sc.values()), *(sc.get(k, 0) for k in PROBLEMS), sep.join(u.repeated_problems),
            sep.join(u.silent_problems), share, worst]


def json_text(review: FolderReview) -> str:
    return safe(model_json(review)) + "\n"


def _unit_name(u: UnitReview) -> str:
    return u.organ or u.this


def text(review: FolderReview, lang: str, verbose: bool = False) -> str:
    """The terminal's view: one line per report, then what went silent, what was repeated, the templates."""
    review = clean(review)  # words from reports and file names: their control characters shown, never acted on
    c = colon(lang)
    zh = lang == "zh"
    lines = _heading(review, lang)
    for u in sorted(review.units, key=_order):
        if u.error:
            continue  # listed apart, below
        if u.missing_year is not None:
            lines.append(f"  ✗ {clip(visible(u.organ or '—', one_line=True), 24)} {u.missing_year}{c}"
                         f"{_missing(u, lang)}{lp(lang)}{visible(u.last, one_line=True)}{rp(lang)}")
            lines += [f"      ! {visible(note, one_line=True)}" for note in u.pairing]
            continue
        # The organ and year as read, and the file: two reports of one unit and year stay told apart.
        file = visible(u.this, one_line=True)
        who = f"{clip(visible(u.organ, one_line=True), 24)} {u.year or '—'}{lp(lang)}{file}{rp(lang)}" if u.organ \
            else f"{file} {u.year or '—'}"
        if u.last is None:  # why not: what the pairing says (unread, ambiguous, a duplicate), or nothing found
            note = t(lang, "compare.unpaired") if u.pairing else t(lang, "compare.no_last")
        else:
            sep = "，" if zh else ", "
            problems = sum(u.shortcoming_counts.values())
            plans = sum(u.plan_counts.values())
            note = sep.join((
                t(lang, "compare.silent", n=u.plan_counts.get("silent", 0), done=u.plan_counts.get("done", 0),
                  of=plans) if plans
                else t(lang, "compare.no_plan"),
                t(lang, "compare.problems", silent=u.shortcoming_counts.get("silent", 0),
                  repeated=u.shortcoming_counts.get("repeated", 0), of=problems) if problems
                else t(lang, "compare.no_problems"),
                t(lang, "compare.copied", share=pct(u.copied_share or 0))))
            if u.worst_parts:
                note += ("，" if zh else ", ") + t(lang, "compare.worst", parts=("、" if zh else ", ").join(
                    t(lang, f"role.{r}") for r in u.worst_parts))
        if u.templates:
            note += ("，" if zh else ", ") + t(lang, "compare.template", ids=" ".join(f"#{i}" for i in u.templates),
                                               share=pct(u.template_share))
        mark = "!" if (u.plan_counts.get("silent") or u.shortcoming_counts.get("silent") or u.worst_parts
                       or u.templates) else " "
        lines.append(f"  {mark} {who}{c}{note}")
        for item in u.silent_plan if (verbose or u.last) else []:
            lines.append(f"      {t(lang, 'history.outcome.silent')}{c}{visible(item, one_line=True)}")
        for item in u.silent_problems:
            lines.append(f"      {t(lang, 'compare.problem_silent')}{c}{visible(item, one_line=True)}")
        for item in u.repeated_problems:
            lines.append(f"      {t(lang, 'history.outcome.repeated')}{c}{visible(item, one_line=True)}")
        for note in u.pairing:
            lines.append(f"      ! {visible(note, one_line=True)}")
    # Files that are no report of the year under review, apart from the table (as ``check`` lists them): those that
    # could not be read, and those read that are no annual report.
    for key, rows in (("compare.unread", [u for u in review.units if u.error and not u.not_report]),
                      ("compare.others", [u for u in review.units if u.error and u.not_report])):
        if rows:
            lines.append(t(lang, key, n=len(rows)))
            lines += [f"  ✗ {visible(u.this, one_line=True)}{c}{visible(u.error or '', one_line=True)}"
                      for u in sorted(rows, key=lambda u: u.this)]
    if review.clusters:
        lines.append("")
        lines.append(t(lang, "compare.clusters", n=len(review.clusters)))
        for cl in review.clusters:
            names = ("、" if zh else ", ").join(
                f"{visible(o or p, one_line=True)}{lp(lang)}{pct(cl.shares[p])}{rp(lang)}"
                for p, o in zip(cl.units, cl.organs, strict=True))
            lines.append(f"  #{cl.id} {cl.year or '—'}{c}{names}")
            for p in cl.passages[:3 if not verbose else None]:
                lines.append(f"      {lp(lang).strip()}{p.length}{t(lang, 'history.chars')}{rp(lang)}"
                             f"{clip(visible(p.text, one_line=True), 80)}")
    else:
        lines.append("")
        lines.append(t(lang, "compare.no_clusters"))
    return "\n".join(lines) + "\n"


def _is_pair(u: UnitReview) -> bool:
    """A report compared with last year's: paired, read, and not a row of a report missing this year."""
    return u.last is not None and not u.error and u.missing_year is None


def _paired(review: FolderReview) -> int:
    return sum(1 for u in review.units if _is_pair(u))


def _order(u: UnitReview) -> tuple:
    """Reports with something to look at first: silent tasks, copied problems, a template; then by name."""
    worry = -(u.plan_counts.get("silent", 0) * 2 + len(u.worst_parts) * 3 + len(u.templates))
    return (u.error is None, u.missing_year is None, worry, u.organ or "", u.this)


def _e(v: object) -> str:
    return _html.escape("" if v is None else str(v), quote=True)


def html_index(review: FolderReview, lang: str, pages: dict[str, str]) -> str:
    """The folder's index page: the table of reports (each linked to its page) and the template clusters."""
    from lawcheck.render.formats.html import _page

    zh = lang == "zh"
    labels = (t(lang, "ui.organ"), t(lang, "ui.year"), t(lang, "compare.col.last"), t(lang, "compare.col.plan"),
              t(lang, "compare.col.silent"), t(lang, "compare.col.problems"), t(lang, "compare.col.copied"),
              t(lang, "compare.col.template"))
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in labels)

    def cells(*values: str) -> str:
        # Each cell names its column (data-label): on a phone the rows are stacked cards.
        return "".join(f'<td data-label="{_e(k + colon(lang))}">{v}</td>' for k, v in zip(labels, values, strict=True))
    rows = []
    for u in sorted(review.units, key=_order):
        name = _e(_unit_name(u))
        link = f'<a href="{_e(pages[u.this])}">{name}</a>' if u.this in pages else name
        # The file under the organ's name (two reports of one unit stay told apart); alone when no organ was read.
        who = f"{link}<br><small>{_e(u.this or u.last)}</small>" if u.organ else link
        if u.error or u.missing_year is not None:
            why = u.error or f"{u.missing_year} {_missing(u, lang)}"
            rows.append(f'<tr><td data-label="{_e(labels[0] + colon(lang))}">{who}</td>'
                        f'<td colspan="7">✗ {_e(why)}</td></tr>')
            continue
        paired = u.last is not None
        silent = "<br>".join(_e(s) for s in u.silent_plan) if u.silent_plan else ("—" if paired else "")
        worst = ("、" if zh else ", ").join(t(lang, f"role.{r}") for r in u.worst_parts)
        copied = (_e(pct(u.copied_share or 0)) + (f'<br><strong class="bad">⚠ {_e(worst)}</strong>' if worst else "")
                  ) if paired else ""
        tmpl = " ".join(f'<a href="#tpl-{i}">#{i}</a>' for i in u.templates)
        rows.append("<tr>" + cells(
            who, _e(u.year or "—"), _e(u.last or ("；" if zh else "; ").join(u.pairing) or t(lang, "compare.no_last")),
            _e(counts_line(lang, u.plan_counts, PLAN)) if paired else "", silent,
            _e(counts_line(lang, u.shortcoming_counts, PROBLEMS)) if paired else "", copied,
            tmpl + ((" " + _e(pct(u.template_share))) if u.templates else "")) + "</tr>")
    clusters = []
    for cl in review.clusters:
        members = "".join(f"<li>{_e(o or p)}{_e(lp(lang))}{_e(pct(cl.shares[p]))}{_e(rp(lang))}</li>"
                          for p, o in zip(cl.units, cl.organs, strict=True))
        passages = "".join(f"<blockquote>{_e(p.text)}</blockquote>" for p in cl.passages[:3])
        clusters.append(f'<section id="tpl-{cl.id}"><h3>#{cl.id} {_e(cl.year or "—")}</h3><ul>{members}</ul>'
                        f"{passages}</section>")
    body = (f"<main><h1>{_e(t(lang, 'compare.title'))}</h1>"
            f"{''.join(f'<p>{_e(line)}</p>' for line in _heading(review, lang))}"
            f'<div class="tbl"><table class="units"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody>'
            f"</table></div><h2>{_e(t(lang, 'compare.clusters', n=len(review.clusters)))}</h2>"
            f"{''.join(clusters) or '<p>' + _e(t(lang, 'compare.no_clusters')) + '</p>'}</main>")
    return _page(lang, t(lang, "compare.title"), body, "")
