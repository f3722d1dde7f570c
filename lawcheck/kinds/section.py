"""Kind ``section``: a top-level part with a role must exist (its heading or, failing that, its wording)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from lawcheck.i18n import t
from lawcheck.kinds.base import ROLES, Outcome, Role, RuleBase, status_of
from lawcheck.kinds.describe import label, part_lines
from lawcheck.kinds.matching import (
    Matcher,
    Part,
    anchor_words,
    eval_part,
    near_miss,
    part_details,
    pick_evidence,
    roles_at,
)

if TYPE_CHECKING:
    from lawcheck.analysis import Analysis


class SectionRule(RuleBase):
    """A top-level section with a role must exist (its heading or, failing that, its wording)."""

    kind: Literal["section"]
    role: Role
    min_chars: int = Field(20, ge=0)
    parts: list[Part] = Field(default_factory=list, description="concepts that must occur inside the section")
    mention: Part | None = Field(None, description="found outside any such section: partial")
    mention_scope: list[Role] = Field(
        default_factory=lambda: list(ROLES),
        description="where a mention counts (a plan's 针对存在的问题 is not a statement of problems)",
    )


def _parts(rule: SectionRule) -> list[Part]:
    return [*rule.parts, *([rule.mention] if rule.mention else [])]


def matchers(rule: SectionRule) -> list[Matcher]:
    return list(_parts(rule))


def hint_phrases(rule: SectionRule) -> list[str]:
    return anchor_words(_parts(rule))


def check(rule: SectionRule, a: Analysis) -> Outcome:
    lang, st = a.lang, a.st
    sents = [s for s in st.sentences if rule.role in s.roles]
    chars = sum(s.end - s.start for s in sents)
    role_name = t(lang, f"role.{rule.role}")
    searched = ([role_name, *[p.label.get(lang) for p in rule.parts]], [rule.role])
    if not sents or chars < rule.min_chars:
        out = Outcome("fail", 0.0, [rule.role])
        if rule.mention:
            m = eval_part(a, rule.mention, set(), negation=False)
            allowed = set(rule.mention_scope)
            spans = [sp for sp in [x[0] for x in m.mentioned] + m.done if roles_at(a, sp[0]) & allowed]
            if spans:
                out = Outcome("partial", a.pack.policy.mention_credit, [rule.role], pick_evidence(a, spans, 1))
                out.details = [t(lang, "mention_only", role=role_name)]
        if sents:
            # The part is there but too thin to count: say that, not "not found" or "only mentioned",
            # and quote its heading.
            out.details = [t(lang, "thin_section", role=role_name, chars=chars, min=rule.min_chars)]
            out.own_message = True
            out.evidence = sorted(set(out.evidence) | {(sents[0].start, sents[0].end)})
        out.searched = searched
        if out.status == "fail":
            out.near_miss = near_miss(a, rule.id, [], set())
        return out
    heading = next((s for s in sents if s.section is not None and
                    st.sections[s.section].heading_span[0] == s.start), sents[0])
    evidence = [(heading.start, heading.end)]
    results = [eval_part(a, p, {rule.role}, negation=True) for p in rule.parts]
    credits = [1.0] + [r.credit for r in results]
    fraction = sum(credits) / len(credits)
    for r in results:
        evidence.extend(pick_evidence(a, r.done, 1))
    missing = [p.id for p, r in zip(rule.parts, results, strict=True) if r.credit < 1]
    out = Outcome(status_of(fraction), round(fraction, 4), missing, sorted(set(evidence)))
    if out.status != "pass":
        out.details = part_details(a, list(rule.parts), results)
        if len(rule.parts) == 1 and results[0].credit == 0:
            out.details.insert(0, t(lang, "missing_parts", parts=rule.parts[0].label.get(lang)))
        out.searched = searched
        out.near_miss = near_miss(a, rule.id, results, set())
    return out


def describe(rule: SectionRule, lang: str) -> list[str]:
    out = [f"  {label(lang, 'section')}: {t(lang, 'role.' + rule.role)}"]
    for p in rule.parts:
        out += part_lines(p, lang)
    if rule.mention:  # a bare mention of the section
        out.append(f"  {label(lang, 'mention')}:")
        out += part_lines(rule.mention, lang, "    ")
    return out
