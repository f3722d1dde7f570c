"""`lawcheck explain RULE_ID`: one rule's full text — what it requires, why, what counts, how to fix."""

from __future__ import annotations

from lawcheck.i18n import join, t
from lawcheck.spec import (
    ConceptRule,
    CountRule,
    DeadlineRule,
    FieldRule,
    ForbiddenRule,
    Part,
    SectionRule,
    TitleRule,
)

_L = {
    "zh": {"id": "规则编号", "kind": "检查方式", "severity": "严重程度", "weight": "分值", "years": "适用年度",
           "lifecycle": "状态", "requires": "要求", "counts": "计入的表述", "weak": "仅部分计分的表述",
           "not": "不计入（同名异义）", "context": "须同时出现", "veto": "出现以下词语则不计入",
           "scope": "仅在以下部分计为已做", "sentence": "同一句", "clause": "同一分句", "chars": "前后{n}字以内",
           "basis": "依据", "examples": "示例", "message": "缺失时的说明", "fix": "修改建议", "section": "须有的部分",
           "fields": "须写明", "due": "期限", "boundary": "当日提示", "forbidden": "不应出现", "pattern": "计数表达式",
           "pass_min": "通过所需句数", "partial_min": "部分所需句数", "all": "全部年度", "heading": "（含所在小标题）",
           "collective": "统称（覆盖全部部分）", "mention": "未单列时，以下表述视为提及",
           "status": "核实情况", "article": "条号", "levels": "适用层级", "reporters": "适用主体",
           "no_basis": "依据不覆盖时"},
    "en": {"id": "Rule id", "kind": "Kind", "severity": "Severity", "weight": "Weight", "years": "Report years",
           "lifecycle": "Lifecycle", "requires": "Requires", "counts": "Counts", "weak": "Partial credit only",
           "not": "Does not count (false friends)", "context": "Must occur with", "veto": "Not counted near",
           "scope": "Counts as done only in", "basis": "Basis", "examples": "Examples",
           "message": "Message when missing", "sentence": "same sentence", "clause": "same clause",
           "chars": "within {n} characters",
           "fix": "How to fix", "section": "Required section", "fields": "Must state", "due": "Due",
           "boundary": "Boundary day (warning)", "forbidden": "Must not contain", "pattern": "Pattern",
           "pass_min": "Sentences to pass", "partial_min": "Sentences for partial", "all": "all years",
           "heading": " (or its heading)", "collective": "Collective name (covers every part)",
           "mention": "Without a section, these count as a mention", "status": "verified", "article": "article",
           "levels": "levels", "reporters": "reporters", "no_basis": "When no basis covers the report"},
}


def _years(rule: object, lang: str) -> str:
    y = rule.years  # type: ignore[attr-defined]
    if y.start is None and y.end is None:
        return _L[lang]["all"]
    return f"{y.start or ''}–{y.end or ''}"


def _part(p: Part, lang: str, indent: str = "  ") -> list[str]:
    L = _L[lang]
    out = [f"{indent}• {p.label.get(lang)} ({p.id})"]
    if p.phrases or p.patterns:
        out.append(f"{indent}  {L['counts']}: {'、'.join([*p.phrases, *p.patterns])}")
    if p.weak:
        out.append(f"{indent}  {L['weak']}: {'、'.join(p.weak)}")
    if p.not_:
        out.append(f"{indent}  {L['not']}: {'、'.join(p.not_)}")
    for c in p.context:
        where = L[c.window] if isinstance(c.window, str) else L["chars"].format(n=c.window)
        extra = L["heading"] if c.headings else ""
        out.append(f"{indent}  {L['context']} ({where}{extra}): {'、'.join(c.any)}")
    if p.veto:
        out.append(f"{indent}  {L['veto']}: {'、'.join(p.veto.any)}")
    return out


def explain_rule(rule: object, lang: str = "zh") -> str:
    L = _L[lang]
    r = rule
    out = [f"{r.title.get(lang)}", "=" * 40]  # type: ignore[attr-defined]
    out.append(f"{L['id']}: {r.id}")  # type: ignore[attr-defined]
    out.append(f"{L['kind']}: {r.kind}   {L['severity']}: {r.severity}   {L['weight']}: {r.weight:g}   "  # type: ignore[attr-defined]
               f"{L['years']}: {_years(r, lang)}   {L['lifecycle']}: {r.lifecycle}")  # type: ignore[attr-defined]
    out += ["", f"{L['requires']}:"]
    if isinstance(r, (ConceptRule, SectionRule)):
        if isinstance(r, ConceptRule):
            out.append(f"  {L['scope']}: {'、'.join(t(lang, 'role.' + s) for s in r.scope)}")
            label, whole = L["collective"], r.collective
        else:
            out.append(f"  {L['section']}: {t(lang, 'role.' + r.role)}")
            label, whole = L["mention"], r.mention
        for p in r.parts:
            out += _part(p, lang)
        if whole:  # a name covering every part (三项制度), or a bare mention of the section
            out.append(f"  {label}:")
            out += _part(whole, lang, "    ")
    elif isinstance(r, FieldRule):
        out.append(f"  {L['fields']}: {'、'.join(t(lang, 'field.' + f) for f in r.fields)}")
    elif isinstance(r, DeadlineRule):
        what = t(lang, f"what.{r.date}")
        if r.due is not None:
            out.append(f"  {what} ≤ +{r.due.year_offset}/{r.due.month:02d}/{r.due.day:02d} ({L['due']})")
        if r.before is not None:
            out.append(f"  {what} < +{r.before.year_offset}/{r.before.month:02d}/{r.before.day:02d} ({L['due']})")
        if r.boundary:
            out.append(f"  {L['boundary']}: +{r.boundary.year_offset}/{r.boundary.month:02d}/{r.boundary.day:02d}")
    elif isinstance(r, ForbiddenRule):
        out.append(f"  {L['forbidden']}:")
        for item in r.items:
            years = "" if item.years.start is None and item.years.end is None else \
                f" [{item.years.start or ''}–{item.years.end or ''}]"
            out.append(f"  • {item.label.get(lang)}{years}: {'、'.join([*item.phrases, *item.patterns])}")
            if item.not_:
                out.append(f"    {L['not']}: {'、'.join(item.not_)}")
    elif isinstance(r, TitleRule):
        out.append(f"  {L['pattern']}: {r.pattern}")
    elif isinstance(r, CountRule):
        out.append(f"  {L['pattern']}: {r.pattern}")
        out.append(f"  {L['pass_min']}: {r.pass_min}   {L['partial_min']}: {r.partial_min}")
    out += ["", f"{L['basis']}:"]
    for b in r.basis:  # type: ignore[attr-defined]
        out.append(f"  • {b.cite()}")
        # What the reader does not see: how sure each part is, and whom and when the provision governs.
        marks = [f"{b.source}", f"{L['status']}: {t(lang, 'verify.' + b.status)}"]
        if b.article:
            marks.append(f"{L['article']}: {b.article}（{t(lang, 'verify.' + (b.article_status or b.status))}）")
        if b.years.start is not None or b.years.end is not None:
            marks.append(f"{L['years']}: {b.years.start or ''}–{b.years.end or ''}")
        if b.levels:
            marks.append(f"{L['levels']}: {join(lang, [t(lang, 'level.' + x) for x in b.levels])}")
        if b.reporters:
            marks.append(f"{L['reporters']}: {join(lang, [t(lang, 'reporter.' + x) for x in b.reporters])}")
        out.append(f"    [{'；'.join(marks) if lang == 'zh' else '; '.join(marks)}]")
        if b.note:
            out.append(f"    {b.note}")
    if r.no_basis:  # type: ignore[attr-defined]
        out.append(f"  {L['no_basis']}: {r.no_basis.get(lang)}")  # type: ignore[attr-defined]
    out += ["", f"{L['examples']}:"]
    for status, examples in r.examples.by_status().items():  # type: ignore[attr-defined]
        for ex in examples:
            label = t(lang, f"status.{status}")
            extra = f" (report_year={ex.report_year})" if ex.report_year else ""
            extra += f" (published={ex.published})" if ex.published else ""
            out.append(f"  [{label}]{extra}")
            out += [f"    {line}" for line in ex.text.strip().splitlines()]
    out += ["", f"{L['message']}: {r.message.get(lang)}", f"{L['fix']}: {r.fix.get(lang)}"]  # type: ignore[attr-defined]
    return "\n".join(out) + "\n"
