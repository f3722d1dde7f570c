"""Kind ``recipients``: a report with a 主送 (or 抄送) line addresses the bodies the rules name for its reporter."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from lawcheck.i18n import join, t
from lawcheck.kinds.base import (
    PART_ID_RE,
    Level,
    Outcome,
    Reporter,
    RuleBase,
    Span,
    Strict,
    Text,
    Years,
    status_of,
    years_text,
)
from lawcheck.kinds.matching import Matcher
from lawcheck.text import organs, region

if TYPE_CHECKING:
    from lawcheck.analysis import Analysis

BodyKind = Literal["party_committee", "congress", "government", "department", "coordination_body", "central"]


class Addressee(Strict):
    """A body a report may (or must) be addressed to: its kind and where it stands to the reporter."""

    id: str = Field(pattern=PART_ID_RE)
    label: Text
    body: BodyKind = Field(description="party_committee (党委), congress (人大常委会), government, department, "
                                       "coordination_body (依法治X办), central (党中央、国务院)")
    relation: Literal["same", "upper", "any"] = Field(
        "any", description="same: the reporter's own level; upper: a higher level (place names tell them apart)")


class RecipientGroup(Strict):
    """The addressees named for one kind of reporter (and, optionally, only at some levels, or for departments of
    some tiers), with what to do when the line is wrong, said for that reporter."""

    reporters: list[Reporter] = Field(min_length=1)
    levels: list[Level] | None = None
    tiers: list[Literal["local", "central"]] | None = Field(
        None, description="departments only: local (县级以上地方政府部门), central (国务院部门); default: any")
    years: Years = Field(default_factory=Years,
                         description="report years the provision naming these addressees governs (default: all); "
                                     "a report of another year has no prescribed addressees")
    bodies: list[Addressee] = Field(min_length=1)
    fix: Text | None = Field(None, description="what to do, for this reporter (default: the rule's fix)")


class RecipientsRule(RuleBase):
    """A report with a 主送 (or 抄送) line addresses the bodies the rules name for its reporter.

    ``require: any``: each addressee must be one of ``bodies`` (a report goes to each body as a separate
    copy, so one prescribed body is enough); ``all``: every one of ``bodies`` must be on the line."""

    kind: Literal["recipients"]
    line: Literal["main", "copy"] = Field("main", description="main: the 主送 line; copy: the 抄送 line")
    require: Literal["any", "all"] = "any"
    groups: list[RecipientGroup] = Field(min_length=1)


def matchers(rule: RecipientsRule) -> list[Matcher]:
    return []


def check(rule: RecipientsRule, a: Analysis) -> Outcome:
    lang = a.lang
    line = a.recipients if rule.line == "main" else a.copies
    if line is None:
        key = "no_recipients" if rule.line == "main" else "no_copies"
        return Outcome("not_applicable", 0.0, details=[t(lang, key)])
    if a.reporter is None:
        # A report named by its place only ("雁塔区2023年法治政府建设年度报告", "我乡…"): a government's or a joint
        # report.  When both would be judged alike (a township's go to the level above either way), that is the
        # verdict; else which one it is must be said.
        if a.level is not None and a.level != "department":
            both = [_judged(rule, a, who, line) for who in ("government", "joint")]
            if both[0].status == both[1].status and (both[0].status != "not_applicable" or
                                                     both[0].details == both[1].details):
                # (not applicable either way for the same reason — a township's line before any provision named
                # it — is a verdict too)
                if both[0].fix != both[1].fix:
                    both[0].fix = None  # which reporter's line to follow is not known: the rule's fix names both
                return both[0]
        return Outcome("unknown", 0.0, details=[t(lang, "no_reporter")])
    return _judged(rule, a, a.reporter, line)


def _judged(rule: RecipientsRule, a: Analysis, reporter: str, line: tuple[list[str], Span]) -> Outcome:
    """The line judged for a reporter of that kind."""
    lang = a.lang
    group = next((g for g in rule.groups if reporter in g.reporters and
                  (g.levels is None or a.level in g.levels) and (g.tiers is None or a.tier in g.tiers)), None)
    if group is None:
        return Outcome("not_applicable", 0.0, details=[t(lang, "no_recipient_rule")])
    if a.year is not None and not group.years.contains(a.year):
        # The line named for this reporter dates from a later provision (a township's, a joint report's: the 2019
        # 督察工作规定; the 2015 纲要 named only governments at county level and above and their departments): an
        # earlier report is not held to it, nor to another reporter's line.
        return Outcome("not_applicable", 0.0, details=[t(lang, "recipient_rule_years", year=a.year,
                                                         who=_who(lang, a.level, a.reporter),
                                                         years=years_text(lang, group.years))])
    if reporter == "department" and a.tier == "below_county":
        # The lines named for departments (本级党委和政府、上一级政府有关部门) are those of 县级以上政府部门; a 司法所
        # reports as its county bureau directs, which no rule here prescribes.
        return Outcome("not_applicable", 0.0, details=[t(lang, "tier.below_county")])
    names, span = line
    rank, place = organs.seat(a.organ, a.level)
    if rank is None and any(b.relation != "any" for b in group.bodies):
        return Outcome("unknown", 0.0, evidence=[span], details=[t(lang, "no_level")])

    above: list[tuple[str, Span] | None] = []  # the city above the reporter its body shows, read once when asked
    elsewhere: dict[str, str] = {}  # addressees one level up in another city than that: name → the city above

    def fits(name: str, want: Addressee) -> bool:
        got = organs.body(name)
        if got.kind != want.body:
            return False
        if want.relation == "any":
            return True
        if organs.relation(got, rank, place) != want.relation:
            return False
        if want.relation == "upper" and _other_city(a, got, rank, place, above, line[1]):
            elsewhere[name] = above[0][0]  # type: ignore[index]
            return False
        return True

    allowed = join(lang, [b.label.get(lang) for b in group.bodies])
    if rule.require == "all":
        missing = [b for b in group.bodies if not any(fits(n, b) for n in names)]
        fraction = 1 - len(missing) / len(group.bodies)
        out = Outcome(status_of(fraction), round(fraction, 4), [b.id for b in missing], [span])
        if missing:
            out.details = [t(lang, "missing_parts", parts=join(lang, [b.label.get(lang) for b in missing]))]
    else:
        outside = [n for n in names if not any(fits(n, b) for b in group.bodies)]
        fraction = (len(names) - len(outside)) / len(names) if names else 0.0
        out = Outcome(status_of(fraction), round(fraction, 4), ["prescribed_addressee"] if outside else [], [span])
        if outside:
            out.details = [t(lang, "not_prescribed", names=join(lang, outside), allowed=allowed)]
        for name in outside:
            if name in elsewhere and above[0] is not None:
                out.details.append(t(lang, "upper_elsewhere", name=name, city=elsewhere[name],
                                     quote=region.quote(a.st.text, above[0][1])))
                out.evidence.append(above[0][1])
    if out.status != "pass":
        out.searched = ([b.label.get(lang) for b in group.bodies], ["preamble" if rule.line == "main" else "closing"])
        out.fix = group.fix.get(lang) if group.fix else None
    return out


def _other_city(a: Analysis, got: organs.Body, rank: int | None, place: str,
                above: list[tuple[str, Span] | None], addressed: Span) -> bool:
    """Whether ``got``, one level up from the reporter, is another place's body than the one the report's body shows
    above it (its own 上一级, RULEBOOK §3): another city's for a county ("中共保定市委" on a report that implements
    《石家庄市政府…》 and names no 保定市 of its own), another province's for a city or a prefecture (自治州, 盟, 地区:
    "湖南省人民政府" on a report that follows 《湖北省…》 and names no 湖南省 of its own).  Only a place written with
    its name and its unit (市; 省, 自治区, 直辖市) is compared; when the body shows none, or none clearly, the level is
    all that is known.  A report whose own names give the places above it ("西安市荷塘区人民政府") is judged by them
    (``organs.relation``), never by its body."""
    if rank == organs.COUNTY and got.rank == organs.CITY and got.place.endswith("市"):
        own, superior, same = a.own_places.cities, region.superior_city, region.same_city
    elif rank == organs.CITY and got.rank == organs.PROVINCE and region.province_of(got.place):
        # A city names its own province seldom ("在省委、省政府的坚强领导下") and others' often (京津冀, 川渝 and
        # 长三角 joint work: "配合北京市…"): a province its body names at all may be its own.
        short = region.province_of(got.place) or ""
        if a.text.count(short) > a.text.count(short, *addressed):
            return False
        own, superior, same = a.own_places.provinces, region.superior_province, region.same_province
    else:
        return False
    sig = a.sig_organ.value if a.sig_organ is not None and isinstance(a.sig_organ.value, str) else None
    if any(organs.places_above(n) for n in (a.organ, sig)):
        return False
    if not above:
        above.append(superior(a.own_places, place))
    leader = above[0]
    if leader is None or same(got.place, leader[0]):
        return False
    return not any(same(got.place, c) for c in own)


def _who(lang: str, level: str | None, reporter: str | None) -> str:
    """"乡镇（街道）人民政府", "县级党委和政府联合", "乡镇（街道）" (a reporter not known: the level alone) — the
    reporter as the reader names it."""
    rep = t(lang, f"reporter.{reporter}") if reporter else ""
    if level is None or level == "department":
        return rep or t(lang, "level.department")
    lvl = t(lang, f"level.{level}")
    if lang == "zh":
        return lvl + rep
    return f"{rep} at {lvl} level" if rep else f"a {lvl}-level reporter"


def describe(rule: RecipientsRule, lang: str) -> list[str]:
    # Not in explain before: the addressees each kind of reporter may write to.
    out = []
    for g in rule.groups:
        who = join(lang, [t(lang, f"reporter.{r}") for r in g.reporters])
        if g.levels:
            who += "（" + join(lang, [t(lang, f"level.{x}") for x in g.levels]) + "）"
        if g.tiers:
            who += "（" + join(lang, [t(lang, f"tier.name.{x}") for x in g.tiers]) + "）"
        if g.years.bounded:
            who += "（" + years_text(lang, g.years) + ("年度" if lang == "zh" else "") + "）"
        out.append(f"  • {who}: {join(lang, [b.label.get(lang) for b in g.bodies])}")
    return out
