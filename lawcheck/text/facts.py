"""Facts a reviewer needs that are read from the document: number, addressees, who reports, what it is.

General rules on the wording of titles, organ names and openings — never lists of places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lawcheck import rx
from lawcheck.text.grammar import DOC_NUMBER
from lawcheck.text.structure import Structure, is_contents_line

_DOC_NO = DOC_NUMBER
_ADDRESSEE = rx.compile(r"^(?:主送(?:机关)?[:：]?)?(?P<to>[^。;；]{2,80}?)[:：]$")
_RECIPIENT_WORD = rx.compile(r"委|政府|人大|常委会|局|厅|办|部|委员会|党组|领导|中央|国务院|政协|法院|检察院")
# Each name on the line ends as a body's or a person's does ("中共灵寿县委", "县人大常委会", "市政府", "主任、副主任，
# 各位委员", "各乡镇人民政府，县直各部门"): an opening sentence that ends in "：" ("2023年，县统计局在县委、县政府
# 的领导下，…现将有关情况报告如下：") has parts that end otherwise.
_RECIPIENT_END = rx.compile(
    r"(?:委|政府|人大|会|局|厅|办|部|部门|党组|党委|党工委|领导|同志|主任|委员|代表|中央|国务院|机关|公署|院|中心|所|组"
    r"|办事处|单位|司|署|室|队|处|科|股|站|庭|政协|乡镇|街道|镇街)$"
)
_SENTENCE_LIKE = rx.compile(r"如下|现将|(?:19|20)\d\d\s*年|领导下|指导下")
_RECIPIENT_SPLIT = rx.compile(r"[、,，;；\s]+")
# Two names a space parted, the space gone in normalising ("中共灵寿县委 县人大常委会" → "中共灵寿县委县人大常委会"):
# a party committee or government followed by another body's place or 中共 ("县委县政府", "市委市政府").
# …and 党中央 or 中共中央 run into 国务院 ("党中央 国务院").
_RUN_TOGETHER_NAMES = rx.compile(r"(?:(?<=委)|(?<=政府))(?=中共|[省市县区州旗乡镇](?:人大|委|政府|人民政府))"
                                 r"|(?<=中央)(?=国务院)")

# Administrative units, most specific last in an organ's name.
_UNIT = rx.compile(
    r"(自治区|省|自治州|地区|盟|直辖市|市|州|自治县|自治旗|县|区|旗|民族乡|乡|镇|苏木|街道)"
    r"(?:人民政府|政府|党委|党工委|委员会|办事处|行政公署|委)?$"
)
_LEVEL_OF_UNIT = {
    "自治区": "province", "省": "province", "直辖市": "province",
    "自治州": "city", "地区": "city", "盟": "city", "市": "city", "州": "city",
    "自治县": "county", "自治旗": "county", "县": "county", "区": "county", "旗": "county",
    "民族乡": "township", "乡": "township", "镇": "township", "苏木": "township", "街道": "township",
}
# The four municipalities directly under the central government are provinces: a government's name, alone or
# after its party committee's in a joint report.
_MUNICIPALITY = rx.compile(r"(?:^|委|委员会)(?:北京|天津|上海|重庆)市(?:人民政府|政府)?$")
# A 管理委员会 is a government only as a zone's ("…开发区管理委员会", "…新城管委会"): named for what it manages, it
# is a department ("城市管理委员会", "国有资产监督管理委员会").
_DEPARTMENT_COMMITTEE = rx.compile(r"(?<![区园港城岛湾地场])(?:管理委员会|管委会)$")
# …but a zone's joint report names its party working committee first ("…开发区党工委管委会", "…党工委、管委会").
_ZONE_PARTY = rx.compile(r"中共|党工委|党委")
_DEPARTMENT = rx.compile(
    r"(?:局|分局|厅|(?<![省市县区乡镇])委员会|(?<![省市县区乡镇旗州])委|办公室|中心|司法所|署|院|(?<!干)部|海关)$"
)
_PARTY = rx.compile(r"中共|党委|党工委|[省市县区乡镇旗]委(?!员)|委员会")
_GOVERNMENT = rx.compile(r"人民政府|政府|办事处|管委会|管理委员会|行政公署")
_GOVERNMENT_END = rx.compile(r"(?:人民政府|政府|办事处|管委会|管理委员会|行政公署)$")
# In the opening, who is speaking: "我县…", "淄博市政府在…", "周溪乡在…", "生态环境部坚持…".
_SELF = rx.compile(r"[我本](省|自治区|市|州|县|区|旗|乡|镇|街道|局|委|厅|部|办|单位|部门)")
_SELF_LEVEL = {"省": "province", "自治区": "province", "市": "city", "州": "city", "县": "county", "区": "county",
               "旗": "county", "乡": "township", "镇": "township", "街道": "township"}
_SUBJECT = rx.compile(
    r"(?:^|[,，。:：])\s*(?:\d{4}年(?:以来|度)?[,，]?|一年来[,，]?|今年以来[,，]?|现将)?\s*"
    r"(?P<organ>[\u4e00-\u9fffxX×]{0,16}?(?:自治区|省|自治州|市|州|自治县|县|区|旗|乡|镇|街道|局|厅|部|委员会)"
    r"(?:人民政府|政府|办事处)?)(?=[在坚认深全紧以按围切积始扎持一贯2-9]|\d)"
)
_LEADERSHIP = rx.compile(r"在[^,，。]{0,40}?(?:领导|指导|监督支持)下")

@dataclass(frozen=True)
class Reporter:
    level: str | None  # province | city | county | township | department
    kind: str | None  # government | department | joint


def doc_number(st: Structure) -> str | None:
    """This document's number (文号), e.g. 灵政函〔2022〕6号: a header line or a line of its own at the top.

    A number inside a sentence cites another document ("《工作要点》(长生府发〔2020〕63号)").
    """
    text = st.text
    first_lines = []
    pos = st.body[0]
    for _ in range(3):
        end = text.find("\n", pos, st.body[1])
        end = st.body[1] if end == -1 else end
        first_lines.append((pos, end))
        pos = end + 1
    for s, e in [*st.header, *first_lines]:
        line = text[s:e].strip()
        m = _DOC_NO.search(line)
        if not m or "《" in line[: m.start()] or "(" in line[: m.start()]:
            continue
        labelled = re.search(r"文号|发文字号", line[: m.start()])
        if labelled or len(line) - len(m.group(0)) <= 12:  # a line of its own, or a labelled header field
            return f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号"
    return None


def _first_lines(text: str, pos: int, stop: int, n: int = 3) -> list[tuple[int, int]]:
    """The first ``n`` non-empty lines in [pos, stop), a contents page's lines skipped."""
    out: list[tuple[int, int]] = []
    while len(out) < n and pos < stop:
        end = text.find("\n", pos, stop)
        end = stop if end == -1 else end
        if end > pos and not is_contents_line(text[pos:end]):  # a contents page between title and addressee
            out.append((pos, end))
        pos = end + 1
    return out


def recipients(st: Structure) -> tuple[list[str], tuple[int, int]] | None:
    """The addressees of the 主送 line ("中共灵寿县委、县人大常委会:") and where it is; None for a published copy.
    A report sent under a cover letter (``st.cover``) goes to the letter's addressees."""
    text = st.text
    spans = _first_lines(text, *st.cover) if st.cover is not None else []
    spans += list(st.header[-3:]) + _first_lines(text, *st.body)
    for s, e in spans:
        line = text[s:e].strip()
        m = _ADDRESSEE.match(line)
        if m and _RECIPIENT_WORD.search(m.group("to")):
            # Names are parted by 、，； or by spaces ("中共灵寿县委 县人大常委会：").
            names = [n for p in _RECIPIENT_SPLIT.split(m.group("to")) for n in _RUN_TOGETHER_NAMES.split(p) if n]
            # An opening sentence, not a list of names: its formula or its year, a part longer than any name, or
            # most parts ending as no body does.  One unknown name on a real addressee line ("…、县政协：") is left to
            # the rule, which says it is not a prescribed addressee.
            bodies = sum(1 for n in names if _RECIPIENT_END.search(n))
            if names and not _SENTENCE_LIKE.search(m.group("to")) and all(len(n) <= 30 for n in names) \
                    and bodies * 2 > len(names):
                return names, (s, e)
    return None


def reporter(organ: str | None, st: Structure) -> Reporter:
    """Level and kind from the organ's name; failing that, from the opening's 我县/全市/我局."""
    named_level = None  # the level of an organ named by its place only ("雁塔区"): its kind from the opening
    if organ:
        name = re.sub(r"\s+", "", organ)
        # The suffix decides: "…县人民政府办公室" is a department, "…管理委员会" a government (a zone's; a
        # "城市管理委员会" or a "国有资产监督管理委员会" is a department).
        if (_DEPARTMENT.search(name) and not _GOVERNMENT_END.search(name)) or (
                _DEPARTMENT_COMMITTEE.search(name) and not _ZONE_PARTY.search(name)):
            return Reporter("department", "department")
        # (a zone's 管理委员会 is no party committee: "…开发区管理委员会" alone is a government)
        kind = "joint" if _PARTY.search(name.replace("管理委员会", "")) and _GOVERNMENT.search(name) else \
            "government" if _GOVERNMENT.search(name) else None
        if _MUNICIPALITY.search(name):  # "天津市人民政府", "中共上海市委 上海市人民政府"
            return Reporter("province", kind)
        # "宁夏回族自治区党委和政府", "XX县委和政府": the place's unit stands before the committee, not at the end
        name = re.sub(r"(党委|委员会|委)(?:和|及|与)(?:人民)?政府$", r"\1", name)
        last = re.split(r"(?<=党委)|(?<=委员会)|\s", name)[-1] or name
        m = _UNIT.search(last) or _UNIT.search(name)
        if m and kind:
            return Reporter(_LEVEL_OF_UNIT[m.group(1)], kind)
        if m:
            named_level = _LEVEL_OF_UNIT[m.group(1)]
        elif kind:
            return Reporter(None, kind)
    # The opening: its subject ("淄博市政府在…") and its self-reference ("我区", "我局").
    head = _LEADERSHIP.sub("", st.text[st.body[0]:min(st.body[1], st.body[0] + 600)])
    subject = Reporter(None, None)
    m = _SUBJECT.search(head)
    if m and m.group("organ") != organ and (_UNIT.search(m.group("organ")) or _DEPARTMENT.search(m.group("organ"))):
        subject = reporter(m.group("organ"), st)
    m = _SELF.search(head)
    self_level = (_SELF_LEVEL.get(m.group(1), "department") if m else None)
    level = self_level if self_level == "department" else (subject.level or self_level)
    kind = "department" if level == "department" else subject.kind
    if named_level is not None:
        return Reporter(named_level, kind if kind != "department" else None)
    return Reporter(level, kind)


_SESSION_LINE = rx.compile(r"在[^。]{0,30}人(?:民代表)?大(?:会)?常(?:务)?委(?:员)?会[^。]{0,20}会议上")
_SALUTATION = rx.compile(r"^(?:尊敬的)?(?:(?:各位)?(?:主任|副主任|秘书长|委员|常委会组成人员)[、,，]?)+$")


def delivered_at_session(st: Structure) -> bool:
    """A report delivered to a 人大常委会 session: its salutation is "主任、副主任，各位委员", or its subtitle
    says "（2023年5月30日在市六届人大常委会第二次会议上）".  Such a report carries no signature block."""
    line = recipients(st)
    if line is not None and all(_SALUTATION.match(n) for n in line[0]):
        return True
    head = st.text[: min(st.body[1], st.body[0] + 200)]
    return bool(_SESSION_LINE.search(head))


_COPY = rx.compile(r"^抄\s*送(?:机关|单位)?\s*[:：]\s*(?P<to>.+?)[。.]?$")


def copies(st: Structure) -> tuple[list[str], tuple[int, int]] | None:
    """The 抄送 line at the end of an official document (版记), or None."""
    text = st.text
    start = st.closing[0] if st.closing[1] > st.closing[0] else max(st.body[0], st.body[1] - 400)
    pos = start
    end_all = max(st.closing[1], st.body[1])
    while pos < end_all:
        nl = text.find("\n", pos, end_all)
        le = end_all if nl == -1 else nl
        m = _COPY.match(text[pos:le].strip())
        if m:
            return [p.strip() for p in re.split(r"[、,，;；]", m.group("to")) if p.strip()], (pos, le)
        pos = le + 1
    return None
