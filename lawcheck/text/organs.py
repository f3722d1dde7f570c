"""What kind of body a name denotes, at which administrative level, and how it stands to the reporter.

A 主送 line names bodies in full ("中共灵寿县委"), by level only ("县人大常委会", "市政府") or by the
salutation of a session ("主任、副主任，各位委员"); an organ signs in full ("灵寿县人民政府").
General rules on how Chinese organ names are built (the administrative unit, then the body's
suffix), never lists of places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lawcheck import rx

# Administrative ranks: lower is higher.
CENTRAL, PROVINCE, CITY, COUNTY, TOWNSHIP = 0, 1, 2, 3, 4
RANK_OF_LEVEL = {"province": PROVINCE, "city": CITY, "county": COUNTY, "township": TOWNSHIP}
_UNIT_RANK = {
    "自治区": PROVINCE, "省": PROVINCE, "直辖市": PROVINCE,
    "自治州": CITY, "地区": CITY, "盟": CITY, "市": CITY, "州": CITY,
    "自治县": COUNTY, "自治旗": COUNTY, "县": COUNTY, "区": COUNTY, "旗": COUNTY,
    "民族乡": TOWNSHIP, "乡": TOWNSHIP, "镇": TOWNSHIP, "苏木": TOWNSHIP, "街道": TOWNSHIP,
}
_UNITS = "|".join(sorted(_UNIT_RANK, key=len, reverse=True))
_MUNICIPALITY = rx.compile(r"^(?:北京|天津|上海|重庆)市?$")

# Bodies, by the suffix of their name (most specific first).
_CENTRAL = rx.compile(r"^(?:中共)?(?:党中央|中共中央|国务院|中央全面依法治国委员会(?:办公室)?|中央依法治国办)$")
_SESSION = rx.compile(r"^(?:尊敬的)?(?:(?:各位)?(?:主任|副主任|秘书长|委员|常委会组成人员)[、,，]?)+$")
_COORDINATION = rx.compile(
    r"依法治[省市县区州旗盟镇乡]|法治建设(?:议事协调|委员会)|法治[省市县区]建设(?:委员会|领导小组)"
)
_CONGRESS = rx.compile(r"人大常委会|人民代表大会常务委员会|人大工委|人大$")
# A party committee: 中共…, …党委 / 党工委, or a unit word right before 委 ("县委", "区委常委会").  A
# 卫生健康委员会 or a 卫健委 is a government department, whatever its last character.
# (a league's and a prefecture's own: 盟委, 地委 — "中共锡林郭勒盟委", "中共阿里地委")
_PARTY = rx.compile(r"^(?:中共|中国共产党)|(?:党委|党工委)(?:常委会)?$"
                    r"|[省市县区州旗盟地镇乡]委(?:员会)?(?:常委会|常委)?$")
_GOVERNMENT = rx.compile(r"(?:人民政府|政府|办事处|管委会|管理委员会|行政公署)$")
_DEPARTMENT_PARTY = rx.compile(r"(?:局|厅|办公室)(?:党组|党委)?$")  # a department's own party group
_DEPARTMENT = rx.compile(r"(?:局|厅|办公室|委员会|委|中心|署|院|(?<!干)部|司|所|办)$")


# A national body: a State Council department, or the national people's congress and its standing committee
# ("全国人大常委会", "十四届全国人民代表大会常务委员会") — never the same level as a local reporter, whose own
# 人大常委会 is named by its place or its level alone.
_NATIONAL = rx.compile(
    r"^(?:国家|中华人民共和国|国务院)|(?<!干)部$|总局$|总署$|全国(?:人大|人民代表大会|政协|人民政治协商会议)")


@dataclass(frozen=True)
class Body:
    """A body named in a document: its kind, its administrative rank (None when the name gives none)
    and its place name ("灵寿县"; empty when only the level is given, as in "县人大常委会")."""

    name: str
    kind: str | None  # party_committee | congress | government | department | coordination_body | central
    rank: int | None
    place: str


# Unit words that are part of an ordinary word, not an administrative unit: 市场, 城市, 社区, 乡村, 县域 …
_NOT_UNIT = rx.compile(
    r"(?<=依法治)[省市县区州旗镇乡]|(?<=[城都])市|市(?=[场民容级])|(?<=[社园景辖])区|[区县市](?=域)|县(?=级)"
    r"|乡(?=[村镇])|(?<=城)乡|(?<=乡)镇"
)


def _unit(name: str) -> tuple[int | None, str]:
    """The administrative rank and place of the innermost unit a name is built on:
    "中共灵寿县委" → (3, "灵寿县"); "重庆市长寿区司法局" → (3, "重庆市长寿区"); "县人大常委会" → (3, "")."""
    core = re.sub(r"^(?:中共|中国共产党)", "", name)
    # A prefecture's party committee is its 地委 ("中共阿里地委"): the unit is its 地区.
    core = re.sub(r"(?<![基阵营园场])地委(?=(?:员会)?(?:常委会|常委)?$)", "地区委", core)
    skip = {m.start() for m in _NOT_UNIT.finditer(core)}
    last = None
    for m in re.finditer(rf"({_UNITS})", core):
        if m.start() not in skip:
            last = m
    if last is None:
        return None, ""
    place = core[: last.end()]
    if _MUNICIPALITY.match(place):
        return PROVINCE, place
    return _UNIT_RANK[last.group(1)], "" if place == last.group(1) else place


def body(name: str) -> Body:
    """What ``name`` denotes."""
    n = re.sub(r"\s+", "", name).strip("：:,，、。")
    if _CENTRAL.match(n):
        return Body(n, "central", CENTRAL, "")
    if _SESSION.match(n):
        return Body(n, "congress", None, "")  # a session of the same-level standing committee
    rank, place = _unit(n)
    if rank is None and _NATIONAL.search(n):
        rank = CENTRAL  # a State Council department ("司法部", "市场监管总局"): a provincial department's one above
    if _COORDINATION.search(n):
        kind = "coordination_body"
    elif _CONGRESS.search(n):
        kind = "congress"
    elif _GOVERNMENT.search(n):
        kind = "government"
    elif _PARTY.search(n) and not _DEPARTMENT_PARTY.search(n):
        kind = "party_committee"
    elif _DEPARTMENT.search(n):
        kind = "department"
    else:
        kind = None
    return Body(n, kind, rank, place)


def unit_rank(unit: str, reporter_place: str = "") -> int | None:
    """The rank of a unit word: 县 → county, 自治区 → province; 市 → province in a municipality's own report
    (``reporter_place`` "天津市": its 市长, its 市委)."""
    if unit == "市" and in_municipality(reporter_place):
        return PROVINCE
    return _UNIT_RANK.get(unit)


def in_municipality(place: str) -> bool:
    """Whether a reporter's place is one of the four municipalities itself (not a district of one)."""
    return bool(place) and bool(_MUNICIPALITY.match(place))


def relation(addressee: Body, reporter_rank: int | None, reporter_place: str) -> str | None:
    """same | upper | lower | other (a neighbour at the same rank): where the addressee stands to the reporter;
    None when it cannot be told.

    A session salutation is the same level.  A name given by level only ("县委") is compared by rank;
    a full name by place too: a different city at the same nominal rank is the higher body (a
    county-level city reports to the prefecture-level city, both 市); another county, district or banner at
    the same rank is a neighbour (other), and one place written in full or short (长阳土家族自治县, 长阳县)
    is one."""
    if reporter_rank is None:
        return None
    if addressee.kind == "congress" and addressee.rank is None:
        return "same"
    if addressee.rank is None:
        return None
    if addressee.place and reporter_place and addressee.rank != reporter_rank and \
            _own_place(addressee.place, reporter_place):
        # The reporter's own place under another rank's name: a county-level city checked as a county
        # (--level county) addresses its own 宜兴市委 and 宜兴市人大常委会, not the city above.
        return "same"
    if addressee.rank == CITY and not addressee.place and in_municipality(reporter_place) and \
            reporter_rank == PROVINCE:
        # "市委", "市政府", "市人大常委会" in a municipality's own report (or one of its departments'): its own
        # bodies, of a province's rank.
        addressee = Body(addressee.name, addressee.kind, PROVINCE, "")
    if addressee.rank < reporter_rank:
        # One level up; a municipality (province rank) is one level above its districts, there being no city.
        direct = addressee.rank == reporter_rank - 1 or (
            addressee.rank == PROVINCE and bool(_MUNICIPALITY.match(addressee.place or ""))) or (
            # A township's 市 is the level above whichever it is: a county-level city (辛集市's towns) or a
            # city without counties (东莞, 中山).
            reporter_rank == TOWNSHIP and addressee.rank == CITY and (addressee.place or "").endswith("市"))
        if direct and addressee.place and not _within(addressee.place, reporter_place):
            return "other"  # "正定县人民政府" above "辛集市旧城镇": the reporter's name says whose it is
        return "upper" if direct or (addressee.rank == CENTRAL and reporter_rank == PROVINCE) else "above"
    if addressee.rank > reporter_rank:
        return "lower"
    if addressee.place and reporter_place and not (
            addressee.place.endswith(reporter_place) or reporter_place.endswith(addressee.place)
            or _same_place(addressee.place, reporter_place)):
        # Only a city (市, 州, 盟, 地区) holds others of its nominal rank; another county, district or banner is
        # a neighbour ("正定县人民政府" above 灵寿县's report: a copied addressee, not the level above).
        # A prefecture (自治州, 盟, 地区) is no county-level unit that such a city could stand above: another one of
        # its rank, a city or a prefecture, is a neighbour ("中共宜昌市委" on 恩施州's report).
        prefecture = reporter_rank == CITY and _INNERMOST.split(reporter_place)[-1].endswith(("州", "盟", "地区"))
        return "upper" if addressee.place.endswith(("市", "州", "盟", "地区")) and not prefecture else "other"
    return "same"


_INNERMOST = rx.compile(r"(?<=[省市县区旗州盟])(?=[\u4e00-\u9fff])")
_UNIT_END = rx.compile(r"(?:地区|[省市县区旗州盟镇乡])$")


def _within(upper: str, reporter_place: str) -> bool:
    """Whether ``upper`` may hold the reporter: true unless the reporter's name gives the places above it
    ("辛集市旧城镇", "彭水苗族土家族自治县长生镇") and ``upper`` is none of them."""
    parents = [p for p in _INNERMOST.split(reporter_place)[:-1] if len(p) >= 3]
    return not parents or any(_same_place(upper, p) or p.endswith(upper) or upper.endswith(p) for p in parents)


def places_above(organ: str | None) -> list[str]:
    """The places an organ's name gives above its own ("西安市荷塘区人民政府" → ["西安市"]; "荷塘区人民政府" → [])."""
    _, place = seat(organ, None) if organ else (None, "")
    return [p for p in _INNERMOST.split(place)[:-1] if len(p) >= 3]


def other_place(a: str, b: str) -> bool:
    """Whether two bodies' names (or places) name two places, neither within the other ("灵寿县" and "青石镇"; not
    "灵寿县" and "灵寿县经济开发区", nor a name and one without a place)."""
    pa, pb = body(a).place, body(b).place
    return bool(pa and pb) and pa not in pb and pb not in pa and not _own_place(pa, pb)


def _own_place(a: str, b: str) -> bool:
    """Whether two places are one by their innermost names, unit and all ("江苏省宜兴市" and "宜兴市"; not
    "南昌市" and "南昌县", a city and the county named after it)."""
    ia, ib = (_INNERMOST.split(x)[-1] for x in (a, b))
    return ia == ib or (("自治" in ia) != ("自治" in ib) and _same_place(ia, ib))


def _same_place(a: str, b: str) -> bool:
    """Whether two places are one, written in full or short: "长阳土家族自治县" and "长阳县" (a county's own
    bodies are written 中共长阳县委), "鄂温克族自治旗" and "鄂温克旗"."""
    ca, cb = (_UNIT_END.sub("", _INNERMOST.split(x)[-1]) for x in (a, b))
    if ca == cb:
        return True
    full, short = (ca, cb) if "自治" in ca else (cb, ca)
    return "自治" in full and len(short) >= 2 and full.startswith(short)


_JOINT_PARTY = rx.compile(
    r"^(?:中共|中国共产党)[^、，,]{1,20}?(?:委员会|委)(?=[^、，,]{1,20}?(?:人民政府|政府|办事处)$)"
)


def unit_name(organ: str) -> str:
    """One body's name however a year's report writes it: the government of a joint report ("中共灵寿县委员会
    灵寿县人民政府" → 灵寿县政府), 人民政府 and 政府 alike, no spaces.  The places above it stay: whether a name
    without them is the same body is ``same_unit``'s question."""
    name = _JOINT_PARTY.sub("", re.sub(r"\s+", "", organ))
    return re.sub(r"^(?:中共|中国共产党)", "", name).replace("人民政府", "政府")


def same_unit(a: str, b: str) -> bool:
    """Whether two ``unit_name``s name one body: equal, or one written with the places above it that the other
    leaves out ("河北省灵寿县政府" and "灵寿县政府", "彭水苗族土家族自治县长生镇政府" and "长生镇政府") — the shorter
    the longer's end, cut where a place ends, and itself beginning with a place of its own (never "区政府" for
    "朝阳区政府", never 北京's 朝阳区 for 长春's: a different place above is another body)."""
    if a == b:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if not long.endswith(short):
        return False
    prefix = long[: len(long) - len(short)]
    rank, place = _unit(short)
    return bool(_UNIT_END.search(prefix)) and rank is not None and len(place) >= 3


def seat(organ: str | None, level: str | None) -> tuple[int | None, str]:
    """The reporter's administrative rank and place: a government by its level, a department by the
    unit its name is built on ("灵寿县司法局" → county, 灵寿县)."""
    name = re.sub(r"\s+", "", organ) if organ else ""
    # A joint report's organ names its party committee first ("中共灵寿县委员会灵寿县人民政府"): the place is
    # the government's, not "灵寿县委员会灵寿县".
    name = _JOINT_PARTY.sub("", name)
    rank, place = _unit(name) if name else (None, "")
    if level in RANK_OF_LEVEL:
        # The level read from the organ or given by the caller wins over the name's first unit.
        return RANK_OF_LEVEL[level], place
    if rank is None and _NATIONAL.search(name):
        return CENTRAL, ""  # a State Council department: 司法部, 国家市场监督管理总局
    if rank is not None and name.endswith("分局"):
        # 河西市生态环境局安平分局 sits one level below its bureau, in 安平 (not in 河西市 itself, whose bodies are
        # above it)
        # (the branch's place after the last 局: not "第一" of "…税务局第一分局"; not added twice)
        branch = re.search(r"局((?:(?!局)[\u4e00-\u9fff]){2,8}?)分局$", name)
        where = branch.group(1) if branch and not branch.group(1).startswith("第") else ""
        if re.search(r"(?:县|旗|区|市)$", where) and rank <= RANK_OF_LEVEL["county"]:
            # "石家庄市生态环境局灵寿县分局": the branch names its county — a county's body, not a township's
            return RANK_OF_LEVEL["county"], where
        return min(rank + 1, TOWNSHIP), place if place.endswith(where) else place + where
    return rank, place


# A 所 a department keeps below the county (司法所, 派出所, 财政所, 税务所): an office of a 县级 department in a
# township, not itself a 县级以上政府部门.  (A 研究所 or 事务所 is no government body.)
_FIELD_OFFICE = rx.compile(r"(?<!研究)(?<!事务)(?<!招待)所$")


def department_tier(organ: str | None) -> str | None:
    """Where a department stands among the reporters the rules name: ``local`` (a 县级以上地方政府部门, the only
    departments the national provisions on these reports address), ``central`` (a 国务院部门: "生态环境部",
    "国家税务总局"), ``below_county`` (a township's office or a county department's 所: "灵寿县司法局青同司法所");
    None when the name does not tell."""
    name = _JOINT_PARTY.sub("", re.sub(r"\s+", "", organ)) if organ else ""
    if not name:
        return None
    rank, _ = seat(name, None)
    if rank == CENTRAL:
        return "central"
    if rank == TOWNSHIP or _FIELD_OFFICE.search(name):
        return "below_county"
    return None if rank is None else "local"


# The levels a body's name allows when its place is not known ("XX市人民政府" of a template: a city, or a
# county-level city; "××县人民政府": a county).
_LEVELS_BY_SUFFIX = (
    (re.compile(r"(?:省|自治区)(?:人民)?政府$"), frozenset({"province"})),
    (re.compile(r"市(?:人民)?政府$"), frozenset({"city", "county", "province"})),  # 北京市: a province-level city
    (re.compile(r"(?:县|旗|区)(?:人民)?政府$"), frozenset({"county", "city"})),  # 地区: a prefecture
    (re.compile(r"(?:乡|镇|苏木)(?:人民)?政府$|街道办事处$|街道$"), frozenset({"township"})),
)


def possible_levels(organ: str | None) -> frozenset[str] | None:
    """The levels ``organ``'s name allows by its ending alone, or None when it says nothing of them."""
    if not organ:
        return None
    name = "".join(organ.split())
    for pattern, levels in _LEVELS_BY_SUFFIX:
        if pattern.search(name):
            return levels
    return None


# The offices that publish their government's documents: its general office (人民政府办公室, 政府办), its justice
# bureau (司法局, which drafts the report) and the office of its committee for law-based governance (依法治县办,
# 全面依法治县委员会办公室, 镇委依法治镇办).  A township or a 街道 has no 政府办公室: its documents go out through its
# 党政办公室 (党政综合办公室, 党政办), as a zone's 管委会's through its 党政办公室 or its 综合办公室.  Before the
# 2018–19 reforms the government's 法制办公室 (法制办, 法制局) drafted and published the report.
_PUBLISHING_OFFICE = rx.compile(r"(?:政府办公室|政府办公厅|政府办|司法局|司法厅"
                                # (before the 2018–19 reforms, the government's 法制办公室 or 法制局:
                                # "灵寿县人民政府法制办公室", "县政府法制办", "灵寿县法制局"; not a
                                # department's "县公安局法制办")
                                r"|(?:政府|(?<=[省市县区州旗盟]))法制(?:办(?:公室)?|局)"
                                r"|依法治(?:[省市县区州旗盟镇乡]|街道)办(?:公室)?"
                                r"|依法治(?:[省市县区州旗盟镇乡]|街道)(?:工作)?委员会办公室"
                                r"|党政(?:综合)?办(?:公室)?|(?:管委会|管理委员会)(?:综合|党政)?办(?:公室)?"
                                # (the coordinating body's office: "…县法治政府建设工作领导小组办公室")
                                r"|(?:法治政府建设|依法行政|法治建设)(?:工作)?领导小组办公室)$")
_OWN_OFFICE = rx.compile(r"办(?:公室|公厅)?$")  # a body's own general office, after its name
# A joint notice of the Party committee's office and the government's ("中共灵寿县委办公室灵寿县人民政府办公室"):
# the government's office is the one that publishes.
_JOINT_OFFICE = rx.compile(r"^(?:中共|中国共产党)[^、，,]{1,20}?委(?:员会)?办公[室厅](?=.{2,}政府办公[室厅]$)")


def publishes_own(notice: str, report: str) -> bool:
    """Whether a notice issued by ``notice`` publishes the report of its own body ``report``: the same body, or
    the report a government's ("灵寿县人民政府", or its place alone: "灵寿县") and the notice that government's or
    its publishing office's at the same rank and place ("灵寿县人民政府办公室", "县司法局").  A higher level
    publishing a lower one's report (a city a county's, a county a township's), a neighbour's, or a department's
    report published by the government's office is not its own."""
    n = body(_JOINT_OFFICE.sub("", _JOINT_PARTY.sub("", re.sub(r"\s+", "", notice))))
    # (a joint report named "县委、县政府": its government's part is the one a government's notice publishes)
    parts = [p for p in re.split(r"[、，,和及与]", re.sub(r"\s+", "", report)) if p]
    party = [p for p in parts if body(p).kind == "party_committee"] if len(parts) > 1 else []
    if any(body(p).rank not in (None, n.rank) for p in party):
        return False  # another level's Party committee
    rest = [p for p in parts if p not in party]
    if len(rest) != 1:
        return False
    if (party or _JOINT_PARTY.match(rest[0])) and (n.kind == "party_committee" or _party_office(n)):
        # A joint report (县委、县政府) published by its Party committee or that committee's office: half its own.
        r = body(_JOINT_PARTY.sub("", rest[0]))
        return r.kind in ("government", None) and r.rank is not None and r.rank == n.rank and (
            not n.place or not r.place or _own_place(n.place, r.place))
    return _own_body(n, rest[0])


def _party_office(n: Body) -> bool:
    """Whether ``n`` is a Party committee's general office ("中共灵寿县委办公室", "县委办")."""
    core = _OWN_OFFICE.sub("", n.name)
    return core != n.name and body(core).kind == "party_committee"


def _own_body(n: Body, report: str) -> bool:
    """Whether the notice's body ``n`` publishes its own report, ``report`` naming one body."""
    r = body(_JOINT_PARTY.sub("", report))
    if same_unit(unit_name(n.name), unit_name(r.name)):
        return True
    own_office = _OWN_OFFICE.sub("", n.name)  # a body's own office publishing its report: "…市场监督管理局办公室"
    if own_office != n.name and same_unit(unit_name(own_office), unit_name(r.name)):
        return True
    if r.kind not in ("government", None) or r.rank is None or n.rank != r.rank:
        return False
    if n.kind != "government" and not _PUBLISHING_OFFICE.search(n.name):
        return False
    return not n.place or not r.place or _own_place(n.place, r.place)
