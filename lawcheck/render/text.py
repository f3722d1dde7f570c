"""Plain-text scorecard: what a drafter reads in a terminal or pastes into a message."""

from __future__ import annotations

from lawcheck.i18n import t
from lawcheck.model import Scorecard

_HEAD = {
    "zh": {"card": "法治政府建设年度报告检查结果", "title": "标题", "organ": "机关", "year": "报告年度",
           "signed": "落款日期", "published": "发布日期", "score": "得分", "grade": "等级", "results": "逐项结果",
           "missing": "缺失项", "why": "说明", "fix": "修改建议", "basis": "依据", "evidence": "证据",
           "near": "最接近的表述", "not_scored": "未计分", "none": "无", "points": "分"},
    "en": {"card": "Annual report on law-based government: check result", "title": "Title", "organ": "Organ",
           "year": "Report year", "signed": "Signed", "published": "Published", "score": "Score", "grade": "Grade",
           "results": "Results", "missing": "Missing items", "why": "Why", "fix": "Fix", "basis": "Basis",
           "evidence": "Evidence", "near": "Nearest wording", "not_scored": "Not scored", "none": "none",
           "points": "pts"},
}
_MARK = {"pass": "✓", "partial": "◐", "fail": "✗", "unknown": "?", "not_applicable": "–"}


def _clip(s: str, n: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def render(card: Scorecard, path: str | None = None) -> str:
    lang = card.lang
    h = _HEAD[lang]
    d = card.document
    dash = h["none"]
    lines = [f"{h['card']}{' — ' + path if path else ''}"]
    lines.append(f"{h['title']}: {d.title or dash}")
    lines.append(
        f"{h['organ']}: {d.organ or dash} | {h['year']}: {d.report_year or dash} | "
        f"{h['signed']}: {d.signed_date or dash} | {h['published']}: {d.published_date or dash}"
    )
    score = f"{card.score:.1f} / 100" if card.score is not None else dash
    lines.append(f"{h['score']}: {score}  {h['grade']}: {card.grade_label or dash}")
    lines.append("")
    lines.append(f"{h['results']}:")
    for r in card.results:
        status = t(lang, f"status.{r.status}")
        pts = f"{r.points:g}/{r.weight:g}{h['points']}" if r.scored else ""
        lines.append(f"  {_MARK[r.status]} {status:<4} {r.rule:<34} {pts:>10}  {r.title}")
        if r.evidence and r.status in ("pass", "partial"):
            e = r.evidence[0]
            lines.append(f"      {h['evidence']}: [{_clip(e.section, 30)}] {_clip(e.text)}")
    lines.append("")
    lines.append(f"{h['missing']}:" + ("" if card.missing else f" {dash}"))
    by_id = {r.rule: r for r in card.results}
    for i, m in enumerate(card.missing, 1):
        r = by_id[m.rule]
        lines.append(f"  {i}. {m.title}（{m.rule}，{t(lang, 'status.' + m.status)}，{m.weight:g}{h['points']}）")
        lines.append(f"     {h['why']}: {r.message}")
        if r.near_miss:
            lines.append(f"     {h['near']}: {_clip(r.near_miss.text)}（{r.near_miss.reason}）")
        lines.append(f"     {h['fix']}: {m.fix}")
        lines.append(f"     {h['basis']}: {m.basis}")
    if card.not_scored:
        lines.append("")
        lines.append(f"{h['not_scored']}:")
        for n in card.not_scored:
            lines.append(f"  {_MARK[n.status]} {n.rule}: {n.reason}")
    return "\n".join(lines) + "\n"
