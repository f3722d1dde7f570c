"""The words ``lawcheck explain`` and the rule catalogue use to describe a rule, shared by every kind."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lawcheck.kinds.matching import Matcher

LABELS = {
    "zh": {"id": "规则编号", "kind": "检查方式", "severity": "严重程度", "weight": "分值", "years": "适用年度",
           "lifecycle": "状态", "requires": "要求", "counts": "计入的表述", "weak": "仅部分计分的表述",
           "weak_context": "或者（仅部分计分）", "previous_context": "或者同一段的上一句出现",
           "not": "不计入（同名异义）", "context": "须同时出现", "veto": "出现以下词语则不计入",
           "scope": "仅在以下部分计为已做", "sentence": "同一句", "clause": "同一分句", "chars": "前后{n}字以内",
           "basis": "依据", "examples": "示例", "message": "缺失时的说明", "fix": "修改建议", "section": "须有的部分",
           "fields": "须写明", "due": "期限", "boundary": "当日提示",
           "addressed_to": "主送其他机关的报告", "forbidden": "不应出现", "pattern": "计数表达式",
           "pass_min": "通过所需句数", "partial_min": "部分所需句数", "all": "全部年度", "heading": "（含所在小标题）",
           "collective": "统称（覆盖全部部分）", "mention": "未单列时，以下表述视为提及",
           "denial": "只有以下表述、未写具体不足的，视为未写",
           "status": "核实情况", "wording": "措辞", "quote": "原文", "summary": "概括（非原文）",
           "article": "条号", "levels": "适用层级", "reporters": "适用主体",
           "no_basis": "依据不覆盖时", "patterns": "另按 {n} 个正则表达式匹配（见规则文件）",
           "not_patterns": "不计入：另有 {n} 个正则表达式描述的同名异义（见规则文件）",
           "previous": "上一年度报告", "this_year": "本年度报告"},
    "en": {"id": "Rule id", "kind": "Kind", "severity": "Severity", "weight": "Weight", "years": "Report years",
           "lifecycle": "Lifecycle", "requires": "Requires", "counts": "Counts", "weak": "Partial credit only",
           "weak_context": "or, for partial credit only",
           "previous_context": "or, in the sentence before it in the paragraph",
           "not": "Does not count (false friends)", "context": "Must occur with", "veto": "Not counted near",
           "scope": "Counts as done only in", "basis": "Basis", "examples": "Examples",
           "message": "Message when missing", "sentence": "same sentence", "clause": "same clause",
           "chars": "within {n} characters",
           "fix": "How to fix", "section": "Required section", "fields": "Must state", "due": "Due",
           "addressed_to": "A report addressed to other bodies",
           "boundary": "Boundary day (warning)", "forbidden": "Must not contain", "pattern": "Pattern",
           "pass_min": "Sentences to pass", "partial_min": "Sentences for partial", "all": "all years",
           "heading": " (or its heading)", "collective": "Collective name (covers every part)",
           "mention": "Without a section, these count as a mention",
           "denial": "A part saying only this, naming nothing wanting, counts as empty",
           "status": "status", "wording": "wording", "quote": "the source's words",
           "summary": "a summary (not the source's words)", "article": "article",
           "levels": "levels", "reporters": "reporters", "no_basis": "When no basis covers the report",
           "previous": "Last year's report", "this_year": "This year's report",
           "patterns": "and {n} regular expression(s) (see the rule file)",
           "not_patterns": "Does not count: {n} more false friend(s) as regular expressions (see the rule file)"},
}


def label(lang: str, key: str) -> str:
    return LABELS.get(lang, LABELS["zh"])[key]


def part_lines(p: Matcher, lang: str, indent: str = "  ") -> list[str]:
    """A matcher as the reader of a rule sees it: what counts, what does not, what must be near."""
    L = LABELS.get(lang, LABELS["zh"])
    # Words, not codes: the label (its id is in the rule file and the JSON), the phrases, and how many
    # regular expressions there are rather than the expressions themselves.
    out = [f"{indent}• {p.label.get(lang)}"]
    if p.phrases:
        out.append(f"{indent}  {L['counts']}: {'、'.join(p.phrases)}")
    if p.patterns:
        out.append(f"{indent}  {L['patterns'].format(n=len(p.patterns))}")
    weak = getattr(p, "weak", None)
    if weak:
        out.append(f"{indent}  {L['weak']}: {'、'.join(weak)}")
    if p.not_:
        out.append(f"{indent}  {L['not']}: {'、'.join(p.not_)}")
    if p.not_patterns:
        out.append(f"{indent}  {L['not_patterns'].format(n=len(p.not_patterns))}")
    for c in p.contexts:
        where = L[c.window] if isinstance(c.window, str) else L["chars"].format(n=c.window)
        extra = L["heading"] if c.headings else ""
        out.append(f"{indent}  {L['context']} ({where}{extra}): {'、'.join(c.any)}")
        if c.weak:
            out.append(f"{indent}    {L['weak_context']}: {'、'.join(c.weak)}")
        if c.previous:
            out.append(f"{indent}    {L['previous_context']}: {'、'.join(c.previous)}")
    if p.veto:
        out.append(f"{indent}  {L['veto']}: {'、'.join(p.veto.any)}")
    return out
