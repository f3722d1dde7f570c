"""`lawcheck explain RULE_ID`: one rule's full text — what it requires, why, what counts, how to fix."""

from __future__ import annotations

from lawcheck.i18n import join, t
from lawcheck.kinds import kind_of
from lawcheck.kinds.base import RuleBase
from lawcheck.kinds.describe import LABELS

# A severity as a Chinese reader says it (the catalogue's column, ``lawcheck rules``); the id in English.
SEVERITY_ZH = {"error": "必备", "warning": "建议", "info": "提示"}
_WORDS = {
    "zh": {"concept": "内容要素", "section": "部分", "field": "文书要素", "deadline": "期限",
           "forbidden": "不应出现的内容", "count": "计数", "recipients": "主送机关", "title": "标题",
           "figures": "数据", "history": "与上年报告对照",
           **SEVERITY_ZH, "error": SEVERITY_ZH["error"] + "（不满足则门槛不通过）", "stable": "正式",
           "experimental": "试行（不计分）", "deprecated": "停用"},
}


def _word(lang: str, value: str) -> str:
    """A kind, severity or lifecycle as the reader says it (the id itself in English)."""
    return _WORDS.get(lang, {}).get(value, value)


def _years(rule: RuleBase, lang: str) -> str:
    y = rule.years
    if y.start is None and y.end is None:
        return LABELS[lang]["all"]
    return f"{y.start or ''}–{y.end or ''}"


def explain_rule(rule: RuleBase, lang: str = "zh") -> str:
    """One rule's full text: what it requires (as its kind describes it), why, what counts, how to fix."""
    L = LABELS[lang]
    r = rule
    out = [f"{r.title.get(lang)}", "=" * 40]
    out.append(f"{L['id']}: {r.id}")
    out.append(f"{L['kind']}: {_word(lang, r.kind)}   {L['severity']}: {_word(lang, r.severity)}   "
               f"{L['weight']}: {r.weight:g}   {L['years']}: {_years(r, lang)}   "
               f"{L['lifecycle']}: {_word(lang, r.lifecycle)}")
    out += ["", f"{L['requires']}:"]
    out += kind_of(r).describe(r, lang)
    out += ["", f"{L['basis']}:"]
    for b in r.basis:
        out.append(f"  • {b.cite(lang)}")
        # What the reader does not see: how sure each part is, and whom and when the provision governs (not the
        # id of the project's research notes in ``source``: an official cites laws and articles, never those).
        marks = [f"{L['status']}: {t(lang, 'verify.' + b.status)}", f"{L['wording']}: {L[b.wording]}"]
        if b.article:
            how = t(lang, "verify." + (b.article_status or b.status))
            around = ("（", "）") if lang == "zh" else (" (", ")")
            marks.append(f"{L['article']}: {b.article}{around[0]}{how}{around[1]}")
        if b.years.start is not None or b.years.end is not None:
            marks.append(f"{L['years']}: {b.years.start or ''}–{b.years.end or ''}")
        if b.levels:
            marks.append(f"{L['levels']}: {join(lang, [t(lang, 'level.' + x) for x in b.levels])}")
        if b.reporters:
            marks.append(f"{L['reporters']}: {join(lang, [t(lang, 'reporter.' + x) for x in b.reporters])}")
        out.append(f"    [{'；'.join(marks) if lang == 'zh' else '; '.join(marks)}]")
        note = b.note_in(lang)
        if note:
            out.append(f"    {note}")
    if r.no_basis:
        out.append(f"  {L['no_basis']}: {r.no_basis.get(lang)}")
    out += ["", f"{L['examples']}:"]
    for status, examples in r.examples.by_status().items():
        for ex in examples:
            label = t(lang, f"status.{status}")
            extra = f" (report_year={ex.report_year})" if ex.report_year else ""
            extra += f" (published={ex.published})" if ex.published else ""
            out.append(f"  [{label}]{extra}")
            if ex.previous:  # a history rule's example: last year's report, then this year's
                out.append(f"    {L['previous']}:")
                out += [f"      {line}" for line in ex.previous.strip().splitlines()]
                out.append(f"    {L['this_year']}:")
                out += [f"      {line}" for line in ex.text.strip().splitlines()]
                continue
            out += [f"    {line}" for line in ex.text.strip().splitlines()]
    out += ["", f"{L['message']}: {r.message.get(lang)}", f"{L['fix']}: {r.fix.get(lang)}"]
    return "\n".join(out) + "\n"
