"""Whether a report comes from outside the region a regional guide binds (RULEBOOK §4: a province's guide binds its
own province only), and which city stands above it.

Read first from the names a report gives of itself and of the bodies it writes to — the organ, the
signature, the 主送 and 抄送 lines.  When those name no place, the body's text is read, but only for the
bodies and rules a report names as its own: its province's or its city's 党委, 政府, 人大, 司法厅 (司法局),
依法治X办 ("严格落实《河北省司法厅关于…》", "在无锡市委、市政府的坚强领导下"), a document of that place
(《石家庄市政府行政复议答复暂行办法》), a first in that place ("发出株洲市首份…").  Other provinces and cities
are named too, as models visited or documents studied ("赴浙江省司法厅考察学习", "借鉴《杭州市…》"): a name
after such a verb in its clause is not counted, and the body decides only when one place clearly leads and
the region itself (its name or one of its places) is never named.  The one list of places here is the
country's provincial-level units; the places inside a region come from its rule.
"""

from __future__ import annotations

import re
from collections import Counter

from lawcheck import rx

# The 34 provincial-level units, with the suffix their names take ("河北省", "广西壮族自治区", "北京市"): a name's
# outermost place.  A prefecture named like a province ("吉林市", "海南藏族自治州") has another suffix and is not one.
# (The names once, for this pattern and the body's own places below.)
_MUNICIPALITIES = "北京|天津|上海|重庆"
_PROVINCE_NAMES = ("河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南"
                   "|陕西|甘肃|青海|台湾")
_AUTONOMOUS = "内蒙古|广西|西藏|宁夏|新疆"
_AUTONOMOUS_SUFFIX = "(?:壮族|回族|维吾尔)?自治区"
_PROVINCE = rx.compile(
    rf"^(?:中共|中国共产党)?(?:(?P<muni>{_MUNICIPALITIES})市|(?P<prov>{_PROVINCE_NAMES})省"
    rf"|(?P<auto>{_AUTONOMOUS}){_AUTONOMOUS_SUFFIX}|(?P<sar>香港|澳门)特别行政区)"
)
# A city (prefecture- or county-level) standing first in a name: "中共石家庄市委" → 石家庄市.  (Not a county or a
# district, which a region's rule cannot list in full.)
# The part before the suffix is a name: Chinese, no other unit word ("XX县城市管理局" is a county's bureau, not a city
# "XX县城市"), no template's 某某.
_OUTER_CITY = rx.compile(r"^(?:中共|中国共产党)?((?:(?![省市县区旗镇乡州盟某])[\u4e00-\u9fff]){2,10}?"
                         r"(?:市|自治州|州|盟|地区))(?=[\u4e00-\u9fff])")


def _province(name: str) -> str | None:
    m = _PROVINCE.match(name)
    return next((g for g in m.groups() if g), None) if m else None


def placed(names: list[str], province: str, places: list[str]) -> bool:
    """Whether the names place the reporter at all, inside ``province`` or outside it (see ``elsewhere``)."""
    inside, outside = _read(names, province, places)
    return inside or outside is not None


def elsewhere(names: list[str], province: str, places: list[str]) -> str | None:
    """A place named that puts the reporter outside ``province`` (its short name, "陕西"), or None: when none is
    named, or when the names also point inside it (its own name, or one of ``places``, its cities) — a report the
    region cannot be told of is left to the guide the user chose."""
    inside, outside = _read(names, province, places)
    return None if inside else outside


def _read(names: list[str], province: str, places: list[str]) -> tuple[bool, str | None]:
    """Whether the names point inside the region, and the first place they name outside it."""
    inside = False
    outside: str | None = None
    for raw in names:
        name = re.sub(r"\s+", "", raw)
        prov = _province(name)
        if prov is not None:
            if prov == province:
                inside = True
            else:
                outside = outside or _PROVINCE.match(name).group(0).removeprefix("中共")  # type: ignore[union-attr]
            continue
        if any(p in name for p in places):
            inside = True
            continue
        m = _OUTER_CITY.match(name)
        if m and places:  # a city the region's list does not hold
            outside = outside or m.group(1)
    return inside, outside


# ---------------------------------------------------------------- the places a report's body names as its own

_PROVINCES = (f"(?:{_PROVINCE_NAMES})省|(?:{_AUTONOMOUS}){_AUTONOMOUS_SUFFIX}|(?:{_MUNICIPALITIES})市")
# What a place's own bodies, rules and rankings are written as, right after its name: its party committee (not a
# 委托), government, congress, courts, rule-of-law office, a department (a province's 厅 or 局, a city's 司法局), a
# first in it (首个, 首批 …).
_OWN_AFTER = (r"(?:委(?!托)|人民政府|政府|人大|高级人民法院|中级人民法院|人民检察院|依法治|司法厅|司法局"
              r"|首[个家份批例部张单])")
_OWN_PROVINCE = rx.compile(rf"({_PROVINCES})(?:{_OWN_AFTER}|(?:(?![省市县区])[\u4e00-\u9fff]){{1,8}}?[厅局])?")
# A city's own bodies: the 市 before them ("石家庄市委", "无锡市人民政府"), its name read back from there.  A 市场
# or 城市管理局 is no city's body (the word after 市 is none of these).
_OWN_CITY = rx.compile(rf"市(?:{_OWN_AFTER})")
# A document of a city, its name after the opening mark: 《宁波市行政规范性文件管理办法》 (not a 市场).
_CITY_DOCUMENT = rx.compile(r"[《“](?:中共)?((?:(?![省市县区乡镇])[\u4e00-\u9fff]){2,4}?)市(?![场場民容级])")
# A place named as a model visited, studied or worked with, in the clause before it: not the report's own.
_VISITED = rx.compile(r"赴|前往|到访|考察|学习|借鉴|对标|参观|走访|交流|对接|调研|观摩|取经|与|同")
_CLAUSE_BACK = 10
_CLAUSE_END = rx.compile(r"[，。；、：！？,;:!?\n]")
# A city's name is read back from its 市, and only where something stands before it that no name runs on from:
# a line's start, an opening mark, 中共, a province's name ("河北省石家庄市"), or 在 ("在无锡市委、市政府的坚强领导
# 下").  Most 市委 and 市政府 in a report are named by the level alone, after a verb ("按照市政府要求", "围绕市委部署"),
# and a verb is no name.  A first in a city ("发出株洲市首份…", "成为石家庄市首个…") is never written of a 市 without
# its name but 全市, 本市, 我市: there any word that never begins a name may stand before it.
_OPENING = frozenset("\n\r\t 　\xa0《“「『\"'(（")
_FUNCTION_WORDS = "的在与及对向由了是为将把被从经据照实彻行报入于至到赴获出按成选评"
_BEFORE_FIRST = frozenset(_FUNCTION_WORDS)
# No name holds those words, a unit's word, or the words before a 市 named by its level (全市, 本市, 今年市…).
_NOT_NAME = rx.compile(rf"[省市县区乡镇村街全本各该我此其法治级上下年月日度{_FUNCTION_WORDS}]|和$")
_PROVINCE_BEFORE = rx.compile(rf"(?:{_PROVINCES})$")


class OwnPlaces:
    """The provinces and cities a report's body names as its own (their full names, "河北省", "株洲市"), each with
    where it is named (spans of the text read).  (A plain class: a dataclass is built by compiling code when the
    module is imported, which every check would pay for.)"""

    __slots__ = ("cities", "provinces")

    def __init__(self) -> None:
        self.provinces: dict[str, list[tuple[int, int]]] = {}
        self.cities: dict[str, list[tuple[int, int]]] = {}


def _visited(text: str, start: int) -> bool:
    back = text[max(0, start - _CLAUSE_BACK):start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(back)), default=0)
    return bool(_VISITED.search(back, cut))


def _city_name(text: str, end: int, first: bool) -> str | None:
    """The name of the city whose 市 stands at ``end``, read back: 2 to 4 characters, the shortest one such a
    boundary stands before (``first``: a first in the city, after any word that never begins a name)."""
    for k in (2, 3, 4):
        start = end - k
        if start < 0:
            return None
        name = text[start:end]
        if not all("\u4e00" <= c <= "\u9fff" for c in name) or _NOT_NAME.search(name):
            return None
        before = text[start - 1] if start > 0 else "\n"
        if before in _OPENING or before == "在" or text.endswith("中共", 0, start) or \
                _PROVINCE_BEFORE.search(text, max(0, start - 8), start) or (first and before in _BEFORE_FIRST):
            return name
    return None


def _skipped(pos: int, skip: tuple[tuple[int, int], ...]) -> bool:
    return any(s <= pos < e for s, e in skip)


def own_places(text: str, skip: tuple[tuple[int, int], ...] = ()) -> OwnPlaces:
    """The provinces and cities ``text`` names as its own (see the module's note), outside the spans of ``skip``
    (the 主送 and 抄送 lines: the bodies written to, not the report's own)."""
    out = OwnPlaces()
    for m in _OWN_PROVINCE.finditer(text):
        if _skipped(m.start(), skip):
            continue
        if m.end() == m.end(1) and text[m.start() - 1:m.start()] not in ("《", "“"):
            continue  # the name alone, not its body nor its document
        if _visited(text, m.start()):
            continue
        out.provinces.setdefault(m.group(1), []).append(m.span())
    for m in _OWN_CITY.finditer(text):
        if _skipped(m.start(), skip):
            continue
        name = _city_name(text, m.start(), text.startswith("首", m.start() + 1))
        if name is None or _MUNICIPALITY_NAME.match(name) or _visited(text, m.start() - len(name)):
            continue
        out.cities.setdefault(name + "市", []).append((m.start() - len(name), m.end()))
    seen = {s for spans in out.cities.values() for s, _e in spans}
    for m in _CITY_DOCUMENT.finditer(text):
        name = m.group(1)
        if m.start(1) in seen or _skipped(m.start(), skip) or _MUNICIPALITY_NAME.match(name) or \
                _visited(text, m.start()):
            continue  # (《石家庄市政府…》 is one naming, found as a body and as a document)
        out.cities.setdefault(name + "市", []).append((m.start(1), m.end()))
    return out


_MUNICIPALITY_NAME = rx.compile(rf"(?:{_MUNICIPALITIES})$")


def _leader(places: dict[str, list[tuple[int, int]]]) -> tuple[str, tuple[int, int]] | None:
    """The place named clearly most often — at least twice as often as any other — with where it is first named."""
    if not places:
        return None
    (top, n), *rest = Counter({k: len(v) for k, v in places.items()}).most_common()
    if rest and n < 2 * rest[0][1]:
        return None
    return top, min(places[top])


def body_elsewhere(own: OwnPlaces, text: str, province: str, places: list[str]) -> tuple[str, tuple[int, int]] | None:
    """A place outside ``province`` that ``text`` names as its own, clearly leading the others, with where it is
    named; None when the body names the region at all (its name, a city of ``places``, a city's name without
    its 市), or no place leads."""
    if province in text or any(p in text for p in _stems(tuple(places))):
        return None
    lead = _leader(own.provinces)
    if lead is not None or own.provinces:
        return lead if lead is not None and _province(lead[0]) != province else None
    return _leader(own.cities)


_QUOTE_END = rx.compile(r"[《》“”\"，。；、：,;:\n]")
_QUOTE_MOST = 16


def quote(text: str, span: tuple[int, int]) -> str:
    """Where a place is named as a body's own, as a reader is shown it: from the place to the end of the name or
    the phrase, at most a few words ("河北省司法厅关于加强乡(镇)人民…", "无锡市委", "株洲市首份")."""
    start = span[0] - 2 if text.startswith("中共", span[0] - 2) and span[0] >= 2 else span[0]
    m = _QUOTE_END.search(text, span[1], start + _QUOTE_MOST)
    end = m.start() if m else min(len(text), start + _QUOTE_MOST)
    return text[start:end] + ("…" if m is None and end < len(text) else "")


def _stems(places: tuple[str, ...]) -> tuple[str, ...]:
    return tuple({p[:-1] if p.endswith("市") and len(p) >= 3 else p for p in places})


def same_city(a: str, b: str) -> bool:
    """Whether two city names are one, written whole or with only the end of the name read ("石家庄市", "家庄市"),
    or with the province before it ("河北省保定市")."""
    x, y = (re.sub(r"^.*?(?:省|自治区)", "", n).removesuffix("市") for n in (a, b))
    return len(x) >= 2 and len(y) >= 2 and (x.endswith(y) or y.endswith(x))


def superior_city(own: OwnPlaces, reporter_place: str) -> tuple[str, tuple[int, int]] | None:
    """The city a county-level reporter's body names as the one above it — its own bodies, documents, firsts,
    clearly leading any other city — leaving out the reporter's own place (a county-level city names its own
    宜兴市政府)."""
    cities = {k: v for k, v in own.cities.items() if not (reporter_place and _own_city(k, reporter_place))}
    return _leader(cities)


def province_of(place: str) -> str | None:
    """The provincial-level unit a place's name begins with, by its short name ("湖北省" → 湖北, "内蒙古自治区" →
    内蒙古, "重庆市" → 重庆), or None."""
    return _province(place)


def same_province(a: str, b: str) -> bool:
    """Whether two places name one province ("湖北省", "湖北省恩施州": the province they begin with)."""
    pa, pb = _province(a), _province(b)
    return pa is not None and pa == pb


def superior_province(own: OwnPlaces, reporter_place: str) -> tuple[str, tuple[int, int]] | None:
    """The province a city-level reporter's body names as the one above it — its own bodies, documents, clearly
    leading any other province."""
    return _leader(own.provinces)


def _own_city(city: str, reporter_place: str) -> bool:
    inner = re.split(r"(?<=[省市县区旗州盟])(?=[\u4e00-\u9fff])", reporter_place)
    return any(p.endswith("市") and same_city(city, p) for p in inner)
