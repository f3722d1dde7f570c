"""What every renderer shares: status marks, role names, timeliness labels, the one line a non-report gets."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from lawcheck import rx
from lawcheck.i18n import join, t, unit_label
from lawcheck.model import BasisRef, Evidence, Figure, Record, RuleResult, Scorecard, SlimCard

MARK = {"pass": "✓", "partial": "◐", "fail": "✗", "unknown": "?", "not_applicable": "–", "waived": "⊘"}


def status_label(lang: str, status: str) -> str:
    """A symbol and a word: never colour alone."""
    return f"{MARK[status]} {t(lang, 'status.' + status)}"


def shown_status(r: RuleResult) -> str:
    """What a result shows as: its status, or ``waived`` for a shortfall a waiver accepted."""
    return "waived" if r.waived is not None else r.status


def below_full(r: RuleResult) -> bool:
    """A pass that earned less than its weight (a concept rule's part given part credit): its message says why."""
    return r.status == "pass" and r.scored and r.waived is None and r.points < r.weight - 1e-9


def shown_score(card: Scorecard | SlimCard, empty: str | None = None) -> str:
    """The score as shown, or why there is none: a text cut off, one too short to be a year's report (its rules are
    checked all the same), else ``empty`` (a table's "—") or "nothing to score"."""
    if card.score is not None:
        return f"{card.score:.1f}"
    d = card.document
    if d.cut_off:
        return t(card.lang, "ui.cut_off_short")
    if d.too_short is not None:
        return t(card.lang, "ui.too_short_short", n=d.too_short)
    return empty if empty is not None else t(card.lang, "ui.no_score")


def result_label(lang: str, r: RuleResult) -> str:
    """A result's symbol and word: ⊘ 已豁免 for a waived shortfall, else its status."""
    return status_label(lang, shown_status(r))


def waiver_note(lang: str, r: RuleResult) -> str:
    """Why a waived result is not counted: 公开版本不含主送机关（豁免至 2026-06-30，原为缺失）."""
    w = r.waived
    if w is None:
        return ""
    sep = "，" if lang == "zh" else ", "
    was = t(lang, "ui.waived_was", status=t(lang, "status." + r.status))
    return f"{w.reason}{lp(lang)}{t(lang, 'ui.waived_until', until=w.until.isoformat())}{sep}{was}{rp(lang)}"


def role_names(lang: str, roles: list[str]) -> str:
    """Role ids as the reader says them: 存在的不足、下一年度安排."""
    return join(lang, [t(lang, f"role.{r}") for r in roles])


def late_detail(lang: str, late_by: tuple[str, str] | None) -> str:
    """"（一季度报送：2021年4月28日）": the deadline a late report missed and its date, or nothing when unknown."""
    return f"{lp(lang)}{late_by[0]}{colon(lang)}{late_by[1]}{rp(lang)}" if late_by and late_by[1] else ""


def timeliness_label(lang: str, value: str | None, late_by: tuple[str, str] | None = None) -> str:
    """✗ 逾期（一季度报送：2021年4月28日） / ✓ 按时 / — (not judged, or not a report): a late report says which
    deadline it missed and the date that missed it, when known."""
    if value == "late":
        return f"✗ {t(lang, 'ui.late')}{late_detail(lang, late_by)}"
    if value == "on_time":
        return f"✓ {t(lang, 'ui.on_time')}"
    return "—"


def not_report_line(card: Scorecard | SlimCard, path: str | None = None) -> str:
    """What a text that is not an annual report gets instead of a scorecard: one line, with the reason."""
    lang = card.lang
    d = card.document
    name = path or d.title or d.organ or t(lang, "ui.no_title")
    sep = "：" if lang == "zh" else ": "
    if d.other_kind == "no_text":  # nothing to judge: not "not a report"
        # the reader's reason (没有文字层（可能是扫描件）); not the kind's own label said again
        said = d.kind_reason and d.kind_reason != t(lang, "other_kind.no_text")
        if said:  # 没有文字层（可能是扫描件），无法判断
            return f"{name}{sep}{d.kind_reason}{t(lang, 'ui.cannot_judge')}"
        return f"{name}{sep}{t(lang, 'ui.no_text')}"
    why = f"（{d.kind_reason}）" if lang == "zh" and d.kind_reason else f" ({d.kind_reason})" if d.kind_reason else ""
    return f"{name}{sep}{t(lang, 'ui.not_report')}{why}"


# ("gap": between two facts on one line, the score and the grade: an ideographic space, two spaces in English)
_ZH = {"colon": "：", "comma": "，", "semi": "；", "lp": "（", "rp": "）", "gap": "\u3000"}
_EN = {"colon": ": ", "comma": ", ", "semi": "; ", "lp": " (", "rp": ")", "gap": "  "}


def gap(lang: str) -> str:
    return (_ZH if lang == "zh" else _EN)["gap"]


def colon(lang: str) -> str:
    """Punctuation in the reader's language: Chinese full-width forms, English half-width ones."""
    return (_ZH if lang == "zh" else _EN)["colon"]


def comma(lang: str) -> str:
    return (_ZH if lang == "zh" else _EN)["comma"]


def semi(lang: str) -> str:
    return (_ZH if lang == "zh" else _EN)["semi"]


def lp(lang: str) -> str:
    return (_ZH if lang == "zh" else _EN)["lp"]


def rp(lang: str) -> str:
    return (_ZH if lang == "zh" else _EN)["rp"]


def basis_line(lang: str, refs: list[BasisRef]) -> str:
    """The bases as an official reads them, one after another."""
    return semi(lang).join(b.text for b in refs)


# Characters a terminal acts on instead of showing (ESC starts a sequence that can retitle the window
# or clear the screen, CR overwrites the line, C1 codes, the bidirectional overrides that reorder what
# is read): from a report or a file name they are shown as escapes (\x1b, \u202e), never sent raw.
_CONTROL = rx.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
                      "\ufffe\uffff\ud800-\udfff]")
_CONTROL_LINE = rx.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
                           "\ufffe\uffff\ud800-\udfff]")


def _escape(m: re.Match) -> str:
    c = ord(m.group())
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def visible(text: str, one_line: bool = False) -> str:
    """``text`` with every control character shown as an escape; ``one_line`` escapes line breaks and
    tabs too (a file name, which must stay on its line)."""
    rx = _CONTROL_LINE if one_line else _CONTROL
    return rx.sub(_escape, text) if rx.search(text) else text


def _clean(obj: Any) -> Any:
    if isinstance(obj, str):
        return visible(obj)
    if isinstance(obj, BaseModel):
        updates = {}
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            cleaned = _clean(value)
            if cleaned is not value:
                updates[name] = cleaned
        return obj.model_copy(update=updates) if updates else obj
    if isinstance(obj, list | tuple):
        items = [_clean(x) for x in obj]
        return type(obj)(items) if any(a is not b for a, b in zip(items, obj, strict=True)) else obj
    if isinstance(obj, dict):
        items2 = {k: _clean(v) for k, v in obj.items()}
        return items2 if any(items2[k] is not obj[k] for k in obj) else obj
    return obj


def clean(obj: Any) -> Any:
    """A model (or any value) with the control characters of every string in it escaped (``visible``)."""
    return _clean(obj)


def shown(records: list[Record]) -> list[Record]:
    """Records as a terminal or a text file may show them: every string from a report or a file name
    with its control characters escaped (names kept on one line); the same objects when there are none."""
    out = []
    for rec in records:
        cleaned = _clean(rec.model_copy(update={"text": None}) if rec.text else rec)
        if rec.text:
            cleaned = cleaned.model_copy(update={"text": rec.text})
        name = visible(rec.path, one_line=True)
        error = visible(rec.error, one_line=True) if rec.error else rec.error
        if name != cleaned.path or error != cleaned.error:
            cleaned = cleaned.model_copy(update={"path": name, "error": error})
        out.append(cleaned)
    return out


# Spaces a page or a word processor leaves that a reader sees as one space (en/em/thin/ideographic
# spaces, no-break spaces: all of them are str.isspace()), and marks with no width that only confuse.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def quote_pieces(ev: Evidence, limit: int | None = None,
                 measure: Callable[[str], int] = len) -> list[tuple[str, bool]]:
    """A quote as (text, is_marked) pieces: whitespace of any kind one space, invisible marks gone, and,
    when longer than ``limit`` (measured by ``measure``: characters, or terminal cells), a window that
    keeps the first mark in view, an ellipsis where it was cut."""
    chars: list[list] = []  # [char, marked]
    marks = [(s - ev.start, e - ev.start) for s, e in ev.marks]
    for i, ch in enumerate(ev.text):
        if ord(ch) in _INVISIBLE:
            continue
        marked = any(s <= i < e for s, e in marks)
        if ch.isspace():
            if chars and chars[-1][0] == " ":
                chars[-1][1] = chars[-1][1] and marked
                continue
            ch = " "
        chars.append([ch, marked])
    while chars and chars[0][0] == " ":
        chars.pop(0)
    while chars and chars[-1][0] == " ":
        chars.pop()
    if limit is not None and sum(measure(c) for c, _ in chars) > limit:
        first = next((i for i, (_, m) in enumerate(chars) if m), 0)
        start = 0
        head = sum(measure(c) for c, _ in chars[:first + 1])
        if head > limit * 2 // 3:  # the mark would be cut off: start a little before it
            start, room = first, limit // 3
            while start > 0 and room - measure(chars[start - 1][0]) > 0:
                start -= 1
                room -= measure(chars[start][0])
        out, used = [], 1 if start else 0
        for c, m in chars[start:]:
            if used + measure(c) > limit - 1:
                break
            out.append([c, m])
            used += measure(c)
        chars = ([["…", False]] if start else []) + out + [["…", False]]
    pieces: list[tuple[str, bool]] = []
    for c, m in chars:
        if pieces and pieces[-1][1] == m:
            pieces[-1] = (pieces[-1][0] + c, m)
        else:
            pieces.append((c, m))
    return pieces


def is_own_heading(ev: Evidence) -> bool:
    """The quote is the heading its section is named by (or begins with it): saying where it is would
    say it twice."""
    quote = " ".join(ev.text.split())
    where = " ".join(ev.section.split(" > ")[-1].split())
    head = where.rstrip("…")
    return quote in where or bool(head and quote.startswith(head))


def marked_quote(ev: Evidence, limit: int | None = None, open_: str = "【", close: str = "】",
                 escape: Callable[[str], str] = str) -> str:
    """A quote as plain text, what matched in brackets (【20xx】年), cut to ``limit`` around it."""
    return "".join(f"{open_}{escape(p)}{close}" if m else escape(p) for p, m in quote_pieces(ev, limit))


def file_stem(path: str) -> str:
    """The name a file made for an input is built on: its own name's stem, after the zip it came in when it came in
    one ("灵寿县报送材料.zip/法治政府建设年度报告.txt" → "灵寿县报送材料-法治政府建设年度报告": the zip's name is often
    all that says which unit sent it)."""
    from pathlib import PurePath

    p = PurePath(path)
    zipped = next((q.stem for q in p.parents if q.suffix.lower() == ".zip"), None)
    return f"{zipped}-{p.stem}" if zipped else p.stem


def clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def arithmetic(card: Scorecard) -> str:
    scored = [r for r in card.results if r.scored]
    points = round(sum(r.points for r in scored), 2)
    weight = sum(r.weight for r in scored)
    score = f"{card.score:.1f}" if card.score is not None else t(card.lang, "ui.no_score")
    if card.document.cut_off:
        return t(card.lang, "ui.arith_cut_off", points=points, n=len(card.results) - len(scored))
    if card.document.too_short is not None:
        return t(card.lang, "ui.arith_too_short", n=card.document.too_short)
    if card.score is None and scored and card.document.kind == "annual_report":
        # Form judged, content not (no content rule governs a report of that year or level): no score.
        return t(card.lang, "ui.arith_no_content", points=points, weight=weight, n=len(card.results) - len(scored))
    waived = len(card.waived())
    if waived:
        return t(card.lang, "ui.arith_waived", points=points, weight=weight, score=score,
                 n=len(card.results) - len(scored) - waived, w=waived)
    return t(card.lang, "ui.arith", points=points, weight=weight, score=score, n=len(card.results) - len(scored))


def by_category(card: Scorecard) -> list[tuple[str, list[RuleResult]]]:
    """Results grouped by category, categories in the order their first rule appears."""
    groups: dict[str, list[RuleResult]] = {}
    for r in card.results:
        groups.setdefault(r.category, []).append(r)
    return list(groups.items())


def is_report(card: Scorecard) -> bool:
    return card.document.kind == "annual_report"


def number(v: float) -> str:
    """A figure's number as a report writes it: 15645, 15.4 — never 15.400000001, no thousands commas."""
    return f"{int(v)}" if v == int(v) else f"{v:.2f}".rstrip("0").rstrip(".")


def figure_value(f: Figure, lang: str) -> str:
    """58件, 15.4%, 500余件, 10至20件, 90%以上 — the value as the report states it (English: 500+, ≥ 90%)."""
    zh = lang == "zh"
    unit = unit_label(lang, f.unit)
    low = number(f.value)
    if f.high is not None:
        low += ("至" if zh else "–") + number(f.high)
    if f.approx in ("余", "多"):
        return f"{low}{f.approx}{unit}" if zh else f"{low}+{unit}"
    if f.approx in ("以上", "超过", "逾", "不少于", "不低于", "多于"):
        return f"{low}{unit}以上" if zh else f"≥ {low}{unit}"
    if f.approx in ("近", "约", "左右"):
        return f"约{low}{unit}" if zh else f"about {low}{unit}"
    if f.approx in ("以下", "以内", "不到", "不足"):
        return f"{low}{unit}以下" if zh else f"≤ {low}{unit}"
    return f"{low}{unit}"


def figure_cell(f: Figure | None, lang: str) -> str:
    """A key figure in a spreadsheet cell: the number, with its bound or range in Chinese (1200余, 90以上,
    10至20: what the report claims, not more; never "10-12", which a spreadsheet turns into a date); the bare
    number with --lang en (a script's column)."""
    if f is None:
        return ""
    if lang != "zh":
        return number(f.value)
    low = number(f.value) + (f"至{number(f.high)}" if f.high is not None else "")
    if f.approx in ("余", "多"):
        return low + f.approx
    if f.approx in ("以上", "超过", "逾", "不少于", "不低于", "多于"):
        return low + "以上"
    if f.approx in ("近", "约", "左右"):
        return "约" + low
    if f.approx in ("以下", "以内", "不到", "不足"):
        return low + "以下"
    return low


def figure_bound(f: Figure | None, lang: str) -> str:
    """What a bare number in a spreadsheet's cell leaves out: the bound or range the report claims ("310余",
    "90%以上" → "余", "以上"; "10至20" → "至20"), in the reader's language; "" for an exact figure."""
    if f is None or (f.approx is None and f.high is None):
        return ""
    if lang == "zh":
        return figure_cell(f, lang)
    words = {"余": "more than", "多": "more than", "以上": "at least", "超过": "more than", "逾": "more than",
             "不少于": "at least", "不低于": "at least", "多于": "more than", "近": "about", "约": "about",
             "左右": "about", "以下": "at most", "以内": "at most", "不到": "less than", "不足": "less than"}
    value = number(f.value) + (f" to {number(f.high)}" if f.high is not None else "")  # ("10-12": a date)
    return f"{words.get(f.approx or '', '')} {value}".strip()


def figure_note(f: Figure, lang: str) -> str:
    """What else the reader must know of a figure: last year's, a target, the change stated beside it."""
    notes = []
    if f.period == "previous":
        notes.append(t(lang, "ui.fig_previous"))
    if f.period == "cumulative":
        notes.append(t(lang, "ui.fig_cumulative"))
    if f.target:
        notes.append(t(lang, "ui.fig_target"))
    if f.change is not None:
        c = f.change
        word = t(lang, "figures.up" if c.direction == "up" else "figures.down").strip()
        notes.append(f"{c.basis}{word}{number(c.value)}{c.unit}" if lang == "zh"
                     else f"{word} {number(c.value)}{unit_label(lang, c.unit)} year on year")
    return (semi(lang)).join(notes)


def spread_line(sp: Any, lang: str) -> str:
    """One key indicator across a batch, in a line: median, lowest and highest with who, outliers named."""
    u = sp.unit  # already in the reader's language (engine.key_indicators)
    line = t(lang, "ui.spread_line", name=sp.name, n=len(sp.values), median=number(sp.median) + u,
             low=number(sp.low[1]) + u, low_by=sp.low[0], high=number(sp.high[1]) + u, high_by=sp.high[0])
    if sp.outliers:
        named = (semi(lang) if lang == "zh" else ", ").join(f"{who} {number(v)}{u}" for who, v in sp.outliers)
        line += f"{semi(lang)}{t(lang, 'ui.outliers')}{colon(lang)}{named}"
    return line
