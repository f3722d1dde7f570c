"""Kind ``concept``: required content — each part described as the year's work (in ``scope``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from lawcheck import saferegex
from lawcheck.i18n import join, t
from lawcheck.kinds.base import Outcome, Pattern, Role, RuleBase, Span, role_names, roles_in_order, status_of
from lawcheck.kinds.describe import label, part_lines
from lawcheck.kinds.matching import (
    Matcher,
    Part,
    PartOutcome,
    anchor_words,
    eval_part,
    near_miss,
    one_per_sentence,
    part_details,
    pick_evidence,
)
from lawcheck.text.dates import YEAR_MENTION

if TYPE_CHECKING:
    from lawcheck.analysis import Analysis


class ConceptRule(RuleBase):
    """Required content: each part must be described as the year's work (in ``scope``)."""

    kind: Literal["concept"]
    scope: list[Role] = Field(default_factory=lambda: ["preamble", "measures"], min_length=1)
    parts: list[Part] = Field(min_length=1)
    collective: Part | None = Field(None, description="a name that covers every part at once (三项制度)")
    pass_at: float = Field(1.0, gt=0, le=1, description="fraction of credit that counts as pass")
    negation: bool = Field(True, description="a clause saying it is not done (尚未/不到位) does not count")
    headings_state: bool = Field(False, description="a heading in scope states the thing: the shortcomings "
                                                    "part's sub-headings are its problems (\"（一）执法力量薄弱，"
                                                    "主要原因是…\"), not topics")
    none_made: Part | None = Field(None, description="the report saying there was nothing to do it for "
                                                     "(\"本年度未作出重大行政决策\"): a rule it does not pass "
                                                     "is then not applicable, the statement quoted")
    none_made_unless: list[Pattern] = Field(default_factory=list,
                                            description="what, anywhere in the report, contradicts ``none_made`` "
                                                        "(\"作出重大行政决策3项\"): the rule is then judged as usual")

    @model_validator(mode="after")
    def _unique_parts(self) -> ConceptRule:
        ids = [p.id for p in self.parts]
        if len(ids) != len(set(ids)):
            raise ValueError(f"duplicate part ids: {ids}")
        return self


def _parts(rule: ConceptRule) -> list[Part]:
    return [*rule.parts, *([rule.collective] if rule.collective else [])]


BY_PRESENCE = True  # a shortfall is what the text does not say (see ``Kind.by_presence``)


def matchers(rule: ConceptRule) -> list[Matcher]:
    return [*_parts(rule), *([rule.none_made] if rule.none_made else [])]



def hint_phrases(rule: ConceptRule) -> list[str]:
    """The words whose sentence is offered as a near miss when nothing counted."""
    return anchor_words(_parts(rule))


def _credit_headings(a: Analysis, all_results: list[PartOutcome], results: list[PartOutcome]) -> None:
    """A part named in a heading is done when the text under that heading shows another part done.

    "三、党政主要负责人履行推进法治建设第一责任人职责情况" over paragraphs of meetings chaired is the
    duty described; the same heading over nothing relevant is only a heading.  Another part's: the part's own
    hit done in part under its own heading ("（三）坚持常务会议会前学法" over "以县政府常务会议为依托，全年共学习
    法律法规4部": a meeting's study, no principal leader named) is still done in part, the heading naming it again.
    """
    st = a.st
    # Done in part counts too: "县政府常务会议专题研究…" under a 第一责任人 heading is the duty described.
    done_by = [(o, [sp for sp in (*o.done, *o.weak_done)]) for o in all_results]
    for r in results:
        if r.credit >= 1:
            continue
        done_spans = [sp for o, spans in done_by if o is not r for sp in spans]
        for span, key, _where in r.mentioned:
            if key != "heading_only":
                continue
            si = st.sentence_at(span[0])
            sec_idx = st.sentences[si].section if si is not None else None
            if sec_idx is None:
                continue
            lo, hi = st.sections[sec_idx].span
            if any(lo <= s < hi and not (span[0] <= s < span[1]) for s, _ in done_spans):
                r.done.append(span)
                r.credit = 1.0
                break


def check(rule: ConceptRule, a: Analysis) -> Outcome:
    lang = a.lang
    scope = set(rule.scope)
    parts = [p for p in rule.parts if a.year is None or p.years.contains(a.year)]
    if not parts:
        return Outcome("not_applicable", 0.0, details=[t(lang, "no_parts_in_force", year=a.year)])
    if not any(s.roles & scope for s in a.st.sentences):
        # Nowhere to look: a report with no shortcomings part has no causes of its shortcomings either.
        out = Outcome("fail", 0.0, [p.id for p in parts],
                      details=[t(lang, "scope_missing", roles=role_names(lang, frozenset(scope)))])
        out.searched = ([p.label.get(lang) for p in parts], roles_in_order(scope))
        return out
    results = [eval_part(a, p, scope, rule.negation, rule.headings_state) for p in parts]
    if rule.collective:
        whole = eval_part(a, rule.collective, scope, rule.negation, rule.headings_state)
        for r in results:
            if whole.credit > r.credit:
                r.credit = whole.credit
                r.done, r.weak_done = r.done or whole.done, r.weak_done or whole.weak_done
                r.mentioned = r.mentioned or whole.mentioned
        considered = [*results, whole]
    else:
        considered = results
    _credit_headings(a, considered, results)
    total = sum(p.weight for p in parts)
    fraction = sum(p.weight * r.credit for p, r in zip(parts, results, strict=True)) / total
    status = status_of(fraction, rule.pass_at)
    evidence: list[Span] = []
    for r in results:
        evidence.extend(pick_evidence(a, r.done or r.weak_done or [m[0] for m in r.mentioned]))
    out = Outcome(status, round(fraction, 4), [p.id for p, r in zip(parts, results, strict=True) if r.credit < 1],
                  one_per_sentence(a, evidence))
    if status == "pass" and fraction < 1 - 1e-9:
        # A pass below full marks says why: "通过 6.25/10" alone leaves the drafter guessing.
        out.short_of = part_details(a, parts, results)
    if status != "pass" and rule.none_made is not None:
        none = eval_part(a, rule.none_made, scope, negation=False)
        if none.done and not _said_of_another_year(a, none.done[0]) and not _contradicted(rule, a, scope):
            # "本年度未作出重大行政决策": nothing to show the procedure for, by the report's own word.
            quoted = a.text[none.done[0][0]:none.done[0][1]]
            return Outcome("not_applicable", 0.0, evidence=[none.done[0]],
                           details=[t(lang, "none_made", what=quoted)])
    if status != "pass":
        out.details = part_details(a, parts, results)
        used = {si for si in (a.st.sentence_at(s) for s, _ in evidence) if si is not None}
        out.near_miss = near_miss(a, rule.id, considered, used)
        out.searched = ([p.label.get(lang) for p in parts], roles_in_order(scope))
    return out


def _contradicted(rule: ConceptRule, a: Analysis, scope: set[str]) -> bool:
    """Whether the year's work (``scope``) says what ``none_made_unless`` says (decisions counted)."""
    if not rule.none_made_unless:
        return False
    pattern = saferegex.any_of(rule.none_made_unless)
    return any(s.roles & scope and saferegex.search(pattern, a.text, s.start, s.end, limit=not a.pack.trusted)
               for s in a.st.sentences)


def _said_of_another_year(a: Analysis, span: Span) -> bool:
    """Whether the sentence of ``span`` names a year, and not the report's ("2023年未作出…" in a report on 2024)."""
    si = a.st.sentence_at(span[0])
    if si is None or a.year is None:
        return False
    s = a.st.sentences[si]
    years = {int(m.group(1)) for m in YEAR_MENTION.finditer(a.text, s.start, s.end)}
    return bool(years) and a.year not in years


def describe(rule: ConceptRule, lang: str) -> list[str]:
    """What the rule requires, for ``lawcheck explain`` and the catalogue."""
    out = [f"  {label(lang, 'scope')}: {join(lang, [t(lang, 'role.' + s) for s in rule.scope])}"]
    for p in rule.parts:
        out += part_lines(p, lang)
    if rule.collective:  # a name covering every part (三项制度)
        out.append(f"  {label(lang, 'collective')}:")
        out += part_lines(rule.collective, lang, "    ")
    return out
