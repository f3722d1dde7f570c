"""Whether a report comes from outside the region a regional guide binds (RULEBOOK §4: a province's guide binds its
own province only).

Read from the names a report gives of itself and of the bodies it writes to — the organ, the signature, the 主送 and
抄送 lines — never from the body's text, where other provinces are named as models visited or documents studied.  The
one list of places here is the country's provincial-level units; the places inside a region come from its rule.
"""

from __future__ import annotations

import re

from lawcheck import rx

# The 34 provincial-level units, with the suffix their names take ("河北省", "广西壮族自治区", "北京市"): a name's
# outermost place.  A prefecture named like a province ("吉林市", "海南藏族自治州") has another suffix and is not one.
_PROVINCE = rx.compile(
    r"^(?:中共|中国共产党)?(?:(?P<muni>北京|天津|上海|重庆)市"
    r"|(?P<prov>河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃"
    r"|青海|台湾)省"
    r"|(?P<auto>内蒙古|广西|西藏|宁夏|新疆)(?:壮族|回族|维吾尔)?自治区"
    r"|(?P<sar>香港|澳门)特别行政区)"
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


def elsewhere(names: list[str], province: str, places: list[str]) -> str | None:
    """A place named that puts the reporter outside ``province`` (its short name, "陕西"), or None: when none is
    named, or when the names also point inside it (its own name, or one of ``places``, its cities) — a report the
    region cannot be told of is left to the guide the user chose."""
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
    return None if inside else outside
