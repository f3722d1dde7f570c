"""Where a reviewer's comments go on the report, and what they say: a scorecard and its text in, notes out.

Pure: offsets into the ORIGINAL text (the scorecard's), no document format.  The Word output
(``formats/docx.py``) anchors each note on the document's own runs.

- the title: the score, the grade, the gate and what is missing, in a few lines;
- each passage a partly met rule rests on, and each passage a failed rule quotes (a placeholder, a late
  date on the date line): what is lacking, the fix and the legal basis;
- a failed rule with nothing to quote: on the heading of the part it belongs to (the roles it searched),
  or on the title when that part is missing.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from lawcheck.i18n import join, t
from lawcheck.model import RuleResult, Scorecard
from lawcheck.render.common import (
    MARK,
    basis_line,
    below_full,
    colon,
    gap,
    lp,
    not_report_line,
    result_label,
    rp,
    shown_score,
    waiver_note,
)

AUTHOR = "lawcheck"
INITIALS = "LC"
_TITLE_DOCS = 3  # legal documents named on the title's comment
_TITLE_LINES = 15  # the title is among the first lines (after a portal's header, a document number)
# Where a rule's part is, most specific first: a rule searching 开头 and 主要举措 belongs to the measures.
_ROLE_ORDER = ("shortcomings", "plan", "measures", "other", "preamble", "closing")


@dataclass(frozen=True)
class Note:
    """A comment: anchored on ``text[start:end]`` of the original text; ``rule`` is None for the title's."""

    start: int
    end: int
    text: str
    rule: str | None = None


def _squash(s: str) -> str:
    return "".join(unicodedata.normalize("NFKC", s).split())


def title_span(card: Scorecard, text: str) -> tuple[int, int]:
    """The title line(s) in ``text``: the lines near the top that make up the document's title (a title set
    on two lines, 灵寿县人民政府 / 关于2021年度…的报告, is one span), else the first line with text."""
    title = _squash(card.document.title or "")
    first: tuple[int, int] | None = None
    span: tuple[int, int] | None = None
    pos = 0
    for n, line in enumerate(text.split("\n")):
        if n >= _TITLE_LINES:
            break
        s = pos + len(line) - len(line.lstrip())
        e = pos + len(line.rstrip())
        pos += len(line) + 1
        if e <= s:
            continue
        first = first or (s, e)
        own = _squash(line)
        if title and len(own) >= 2 and own in title:
            span = (span[0] if span else s, e)
        elif span:
            break
    return span or first or (0, 0)


def _line_of(text: str, start: int) -> tuple[int, int]:
    """The line that begins at ``start`` (a part's heading), without its trailing spaces."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return start, start + len(text[start:end].rstrip())


def _rule_note(r: RuleResult, lang: str) -> str:
    """A rule's comment: what is lacking, the fix and the basis; for a shortfall a waiver accepted, ⊘ 已豁免
    with the reason and the end date in place of the fix (the drafter is not asked to change what was
    accepted; what is lacking is still said, as in every other format)."""
    c = colon(lang)
    lines = [f"{result_label(lang, r)}{c}{r.title}{lp(lang)}{r.rule}{rp(lang)}", r.message]
    if r.waived is not None:
        lines.append(f"{t(lang, 'ui.waiver')}{c}{waiver_note(lang, r)}")
    elif r.fix:
        lines.append(f"{t(lang, 'ui.fix')}{c}{r.fix}")
    if r.basis:
        lines.append(f"{t(lang, 'ui.basis')}{c}{basis_line(lang, r.basis)}")
    return "\n".join(lines)


def title_note(card: Scorecard, gate: list[str]) -> str:
    """The few lines on the title: score and grade, the gate, what is missing, and the documents it rests on."""
    lang = card.lang
    c = colon(lang)
    if card.document.kind != "annual_report":
        return not_report_line(card)
    score = shown_score(card)
    grade = card.grade_label or t(lang, "ui.none")
    lines = [f"{t(lang, 'ui.score')}{c}{score}{gap(lang)}{t(lang, 'ui.grade')}{c}{grade}"]
    lines.append(f"{t(lang, 'ui.gate')}{c}" + (f"✓ {t(lang, 'ui.gate_ok')}" if not gate else
                                              f"✗ {t(lang, 'ui.gate_fail')}{c}{' '.join(gate)}"))
    missing = join(lang, [f"{m.name}{lp(lang)}{t(lang, 'status.' + m.status)}{rp(lang)}" for m in card.missing])
    lines.append(f"{t(lang, 'ui.missing')}{c}{missing or t(lang, 'ui.none')}")
    docs: list[str] = []
    for m in card.missing:
        for b in m.basis:
            # As the basis cites it: a document in 《》, a meeting by its name alone.
            name = f"《{b.document}》" if lang == "zh" and b.text.startswith("《") else b.document
            if name not in docs:
                docs.append(name)
    if docs:  # the documents only, the first few: each rule's comment quotes its provisions
        more = ("等" if lang == "zh" else ", etc.") if len(docs) > _TITLE_DOCS else ""
        lines.append(f"{t(lang, 'ui.basis')}{c}{('' if lang == 'zh' else '; ').join(docs[:_TITLE_DOCS])}{more}")
    waived = card.waived()
    if waived:  # accepted shortfalls: out of the score and the missing items, said so on the title too
        lines.append(f"{MARK['waived']} {t(lang, 'ui.waived')}{c}" + join(lang, [
            f"{r.name}{lp(lang)}{t(lang, 'ui.waived_until', until=r.waived.until.isoformat())}{rp(lang)}"
            for r in waived if r.waived is not None]))
    return "\n".join(lines)


def _part_heading(card: Scorecard, r: RuleResult, text: str) -> tuple[int, int] | None:
    """The heading of the part a rule belongs to (the roles it searched), or None when the report has none."""
    roles = sorted(r.searched.roles if r.searched else [], key=lambda x: _ROLE_ORDER.index(x)
                   if x in _ROLE_ORDER else len(_ROLE_ORDER))
    for role in roles:
        for s in card.sections:
            if role in s.roles and s.heading:
                return _line_of(text, s.start)
    return None


def notes(card: Scorecard, text: str, gate: list[str]) -> list[Note]:
    """Every comment on a report, in the order a reader meets the rules (the scorecard's order)."""
    title = title_span(card, text)
    out = [Note(title[0], title[1], title_note(card, gate))]
    if card.document.kind != "annual_report":
        return out
    for r in card.results:
        if r.status not in ("partial", "fail") and not below_full(r):  # (a pass below its weight: how to earn the rest)
            continue
        body = _rule_note(r, card.lang)
        quoted = [e for e in r.evidence if e.end > e.start]
        if r.status == "pass":  # below its weight: how to earn the rest, once, on the first passage it rests on
            quoted = quoted[:1]
        if quoted:  # a partial rule's passages; a failed rule's finding (a placeholder, a late date)
            # The whole comment once, on the first; the others point to it (the same lines three times over
            # were noise in Word's margin).
            again = f"{result_label(card.lang, r)}{colon(card.lang)}{r.title}{lp(card.lang)}{r.rule}" \
                    f"{rp(card.lang)}\n{t(card.lang, 'ui.see_first_comment')}"
            out += [Note(e.start, e.end, body if i == 0 else again, r.rule) for i, e in enumerate(quoted)]
            continue
        where = _part_heading(card, r, text) or title
        out.append(Note(where[0], where[1], body, r.rule))
    return out


__all__ = ["AUTHOR", "INITIALS", "Note", "notes", "title_note", "title_span"]
