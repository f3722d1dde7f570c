"""The year-over-year review (``Scorecard.history``) as lines a person reads: every text renderer's part.

Last year's planned tasks (those left silent and carried over first), its admitted problems, and the
passages copied from it with both quotes.  Built from the model only.
"""

from __future__ import annotations

import re

from lawcheck.i18n import t
from lawcheck.model import CopiedPassage, History, ItemReview
from lawcheck.render.common import clip, colon, comma, lp, rp, visible

PLAN = ("done", "carried_over", "admitted", "silent")
PROBLEMS = ("addressed", "repeated", "silent")


def flat(text: str) -> str:
    """A quote on one line: its line breaks as spaces, control characters shown."""
    return visible(re.sub(r"\s*\n\s*", " ", text), one_line=True)


def around(text: str, words: list[str], before: int = 8) -> str:
    """A quote from just before the first word it shares with the item: the passage's opening boilerplate
    ("20xx年,全区推进法治政府建设工作虽然取得了一定的成绩…") is not what a reader needs to see."""
    # The heaviest shared word first (``shared`` is heaviest first), the others if it is not in the quote.
    at = next((i for i in (text.find(w) for w in words[:1]) if i >= 0), None)
    if at is None:
        at = min((i for i in (text.find(w) for w in words) if i >= 0), default=0)
    return text if at <= before * 2 else "…" + text[at - before:]


def outcome_label(lang: str, outcome: str) -> str:
    return t(lang, f"history.outcome.{outcome}")


def counts_line(lang: str, counts: dict[str, int], order: tuple[str, ...]) -> str:
    """已完成 2 · 继续列入 1 · 列为不足 0 · 未提及 1"""
    return " · ".join(f"{outcome_label(lang, k)} {counts.get(k, 0)}" for k in order)


def last_name(h: History, lang: str) -> str:
    r = h.last
    year = (f"{r.year}年度" if lang == "zh" else str(r.year)) if r.year else ""
    who = " ".join(x for x in (r.organ or r.title or "", year) if x)
    return who or r.name


def pct(share: float) -> str:
    return f"{share * 100:.0f}%"


def item_line(lang: str, r: ItemReview, width: int = 44) -> list[str]:
    head = clip(flat(r.item.text), width)
    lines = [f"    {outcome_label(lang, r.outcome):<6} {head}"]
    if r.where is not None:
        where = f"[{clip(flat(r.where.section), 24)}] " if r.where.section else ""
        lines.append(f"           → {t(lang, 'history.this_year')}{colon(lang)}{where}"
                     f"{clip(around(flat(r.where.text), r.shared), width)}")
    return lines


def copy_lines(lang: str, k: int, c: CopiedPassage, width: int = 44) -> list[str]:
    how = t(lang, "history.verbatim" if c.verbatim else "history.changed")
    part = t(lang, f"role.{c.part}")
    return [f"    {k}. {t(lang, 'history.this_year')}{lp(lang)}{part}{comma(lang)}{c.length}"
            f"{t(lang, 'history.chars')}{rp(lang)}{colon(lang)}{clip(flat(c.this.text), width)}",
            f"       {t(lang, 'history.last_year')}{lp(lang)}{how}{rp(lang)}{colon(lang)}"
            f"{clip(flat(c.last.text), width)}"]


def history_lines(h: History, lang: str, verbose: bool = False) -> list[str]:
    """The review as indented lines under a heading."""
    c = colon(lang)
    lines = [f"{t(lang, 'history.heading')}{lp(lang)}{t(lang, 'history.against', name=flat(last_name(h, lang)))}"
             f"{rp(lang)}{c.strip()}"]
    if not h.in_score:
        lines.append(f"  {t(lang, 'history.beside_score')}")
    for note in h.pairing:
        lines.append(f"  ! {flat(note)}")
    n = len(h.plan)
    lines.append(f"  {t(lang, 'history.plan_heading', n=n)}{c}"
                 f"{counts_line(lang, h.plan_counts, PLAN) if n else t(lang, 'ui.none')}")
    for r in h.plan if verbose else [r for r in h.plan if r.outcome in ("silent", "carried_over")]:
        lines.extend(item_line(lang, r))
    n = len(h.shortcomings)
    lines.append(f"  {t(lang, 'history.problems_heading', n=n)}{c}"
                 f"{counts_line(lang, h.shortcoming_counts, PROBLEMS) if n else t(lang, 'ui.none')}")
    for r in h.shortcomings if verbose else [r for r in h.shortcomings if r.outcome in ("silent", "repeated")]:
        lines.extend(item_line(lang, r))
    if h.copied:
        parts = comma(lang).join(f"{t(lang, f'role.{p.part}')} {pct(p.share)}" for p in h.parts if p.copied)
        lines.append(f"  {t(lang, 'history.copied_heading', n=len(h.copied), share=pct(h.copied_share))}"
                     f"{lp(lang)}{parts}{rp(lang)}{c.strip()}")
        if h.worst_parts:
            worst = ("、" if lang == "zh" else ", ").join(t(lang, f"role.{r}") for r in h.worst_parts)
            lines.append(f"  ! {t(lang, 'history.copied.worst', parts=worst)}")
        # Numbered by position in this year's report, whether all are shown or the five longest.
        numbered = list(enumerate(h.copied, 1))
        shown = numbered if verbose else sorted(sorted(numbered, key=lambda kp: (-kp[1].length, kp[0]))[:5])
        for k, p in shown:
            lines.extend(copy_lines(lang, k, p))
    else:
        lines.append(f"  {t(lang, 'history.copied_none')}")
    return lines
