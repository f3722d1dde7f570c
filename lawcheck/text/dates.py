"""Dates and document facts read from the structure: report year, signed and published dates, organ."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace

from lawcheck import rx
from lawcheck.text import organs
from lawcheck.text.grammar import CN_VALUE as _DIGIT
from lawcheck.text.grammar import DATE_RE, RUN_TOGETHER, heading_marker
from lawcheck.text.grammar import cn_small as _cn_small
from lawcheck.text.structure import Structure, sign_line

PLACEHOLDER = rx.compile(r"[xX×_]+|某某|□{2,}")  # blanks a template leaves: 20xx, ××区, 某某县, □□


def parse_year(s: str) -> int | None:
    """"2021" or "二〇二一" → 2021; placeholders ("20xx") → None."""
    if PLACEHOLDER.search(s):
        return None
    if s.isdigit():
        return int(s)
    if all(c in _DIGIT for c in s):
        return int("".join(str(_DIGIT[c]) for c in s))
    return None


def date_from_match(m: re.Match[str]) -> dt.date | None:
    y = parse_year(m.group("y"))
    mo = _cn_small(m.group("m"))
    d = _cn_small(m.group("d"))
    if y is None or mo is None or d is None:
        return None
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


# A time after the day, and a page's time zone: "2022-03-01 10:15:00", "2022-04-02T01:00:00+08:00".
_TIME_AFTER = rx.compile(r"[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?P<zone>Z|[+-]\d{2}:?\d{2})?$")
_BEIJING = dt.timezone(dt.timedelta(hours=8))


def caller_day(value: object) -> object:
    """A day a caller gives (``evaluate(published=…)``, ``--published``) as the date it names: a moment is the day
    it was in Beijing, a string as ``written_day`` reads it; anything else, or a string naming no day, as it is
    (the caller's facts then say what is wrong with it)."""
    if isinstance(value, dt.datetime):
        return (value.astimezone(_BEIJING) if value.tzinfo is not None else value).date()
    if isinstance(value, str):
        return written_day(value) or value
    return value


def written_day(s: str) -> dt.date | None:
    """The day a caller's string names, as pages and offices write it: "2022-03-01", "2022年3月1日", "2022/3/1",
    "20220301", "２０２２年３月１日", "二〇二二年三月一日", with a time after it or not; a moment with its zone
    ("2022-04-02T01:00:00+08:00") is the day it was in Beijing (the publication deadline is Beijing's 4月1日).
    None when it names no day; ValueError ("no such day: …") when it has a day's form the calendar has not."""
    import unicodedata  # only when a caller gives a day: not on every start

    given = unicodedata.normalize("NFKC", s).strip()
    t = _TIME_AFTER.search(given)
    if t is not None and t.group("zone"):
        try:
            return dt.datetime.fromisoformat(given.replace("Z", "+00:00")).astimezone(_BEIJING).date()
        except ValueError:
            return None
    day = given[:t.start()] if t is not None else given
    m = DATE_RE.fullmatch(day)
    if m is None and RUN_TOGETHER.fullmatch(day) and len(day) == 8:
        m = DATE_RE.fullmatch(f"{day[:4]}-{day[4:6]}-{day[6:]}")
    if m is None or PLACEHOLDER.search(day):
        return None
    found = date_from_match(m)
    if found is None:
        raise ValueError(f"no such day: {s.strip()}")
    return found


def parse_run_together(s: str) -> dt.date | None:
    """"2021714" → 2021-07-14 when exactly one reading is a valid date; otherwise None."""
    m = RUN_TOGETHER.fullmatch(s)
    if not m:
        return None
    y, md = int(m.group("y")), m.group("md")
    found = set()
    for cut in range(1, len(md)):
        mo, d = md[:cut], md[cut:]
        if len(mo) > 2 or len(d) > 2 or (mo.startswith("0") and len(mo) == 1):
            continue
        with contextlib.suppress(ValueError):
            found.add(dt.date(y, int(mo), int(d)))
    return found.pop() if len(found) == 1 else None


@dataclass(frozen=True, slots=True)
class Found:
    """A fact and where it was read (span in the normalised text)."""

    value: object
    span: tuple[int, int]


# (in figures, a placeholder, or in Chinese numerals: "二〇一九年", as a title, an opening or a formula may write it)
_Y = r"(20\d\d|20\d?[xX×]{1,2}|20_{1,2}|[二][〇零O0○][一二三四五六七八九〇零O0○]{2})"
_HEADING_YEAR = rx.compile(r"\s*" + _Y + r"\s*年")  # after a part heading's number
_TITLE_YEAR = rx.compile(_Y + r"\s*年")
# Matched at a line's start with .match(text, pos): no "^", which would only ever match at the text's start.
_OPENING_YEAR = rx.compile(r"(?:关于)?" + _Y + r"\s*年(?:度)?(?!\d{1,2}月)")
_REPORTING = rx.compile(r"(?:现将|现就|现对|特将|兹将).{0,30}?" + _Y + r"\s*年.{0,40}?(?:报告|汇报|总结)如下")
# The year of the work after an opening clause: "根据区委部署，2023年，清波街道…" ("，2023年以来，")
_CLAUSE_YEAR = rx.compile(r"(?<=[，,])\s*" + _Y + r"\s*年(?:以来)?(?=[，,])")


_SPAN_END = rx.compile(r"[-—–~至到]\s*$")


def _in_name(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` stands inside 《…》 opened after ``start``."""
    return text.rfind("《", start, pos) > text.rfind("》", start, pos)


def report_year(st: Structure) -> Found | None:
    """The year the report covers: title, then "现将…年…报告如下", then the opening words.

    A placeholder year ("20xx") is returned as ``Found(None, span)``: it is the
    year's position, but no year can be read from it.
    """
    text = st.text
    if st.title_span:
        # Not the end of a span of years ("纲要2021—2025年情况的报告" leaves it to the body), and a year inside a
        # document's name only when none stands outside one ("贯彻落实《法治政府建设实施纲要（2021—2025年）》
        # 2021年度情况的报告" is on 2021; "关于《…2023年度…报告》的政策解读" on 2023).
        ts, te = st.title_span
        years = [m for m in _TITLE_YEAR.finditer(text, ts, te)
                 if not _SPAN_END.search(text, max(ts, m.start() - 2), m.start())]
        m = next((m for m in years if not _in_name(text, ts, m.start())), years[0] if years else None)
        if m:
            year = parse_year(m.group(1))
            # A title left as a template ("关于20××年度…") over an opening that states the year: the body's year
            # (the placeholder is said by form.placeholders).
            body = body_year(st) if year is None else None
            return body if body is not None and body.value is not None else Found(year, m.span(1))
    return body_year(st)


def body_year(st: Structure) -> Found | None:
    """The year the body says it reports on: "现将…年…报告如下", the opening words ("2021年，", "2021年以来"),
    or the first part's heading ("一、2021年工作情况")."""
    text = st.text
    body_s, body_e = st.body
    head = text[body_s:min(body_e, body_s + 400)]
    m = _REPORTING.search(head)
    if m:
        return Found(parse_year(m.group(1)), (body_s + m.start(1), body_s + m.end(1)))
    lines = _lines_in(text, body_s, min(body_e, body_s + 400))[:4]
    for line_start, _, _ in lines:
        m = _OPENING_YEAR.match(text, line_start)
        if m:
            return Found(parse_year(m.group(1)), m.span(1))
    for line_start, line_end, _ in lines[:2]:
        end = text.find("。", line_start, line_end)  # in the opening sentence, outside a document's name
        m = _CLAUSE_YEAR.search(text, line_start, end if end != -1 else line_end)
        if m and not _in_name(text, line_start, m.start(1)):
            return Found(parse_year(m.group(1)), m.span(1))
    for sec in st.sections:
        if sec.parent is None:
            # whatever its number ("一、", "一．", "1.", "第一部分 ", "（一）")
            marker = heading_marker(sec.heading)
            m = _HEADING_YEAR.match(sec.heading, marker[1] if marker else 0)
            if m and not sec.roles - {"measures"}:
                s = sec.heading_span[0]
                return Found(parse_year(m.group(1)), (s + m.start(1), s + m.end(1)))
            break
    return None


def season_opens(year: int) -> dt.date:
    """The first day a report on ``year`` may be dated: 1 November of that year.  A year's report is written once the
    year is (nearly) over — some localities collect the year's reports in November, for an assessment held before the
    year ends — so a report signed or published from then on is the year's, and one dated earlier is a part of the
    year or has the year written wrong."""
    return dt.date(year, 11, 1)


def year_the_dates_allow(st: Structure, title_year: Found, dates: list[dt.date]) -> Found | None:
    """The body's year, when the title names another and only the body's fits the document's dates: a title
    carrying the year the report was written in ("长生镇2021年法治政府建设工作报告" over "2020年，长生镇…", signed
    2021年7月), or a slip ("2023年…报告" over "2024年，荷塘区…", published 2025年3月).  A year's report is signed and
    published from the November of that year (``season_opens``) to the end of the next; None when the dates fit the
    title's year too, or there are none (the title's year stands, and a mismatch is said by form.reporting_year)."""
    body = body_year(st)
    if body is None or not isinstance(body.value, int) or not isinstance(title_year.value, int) \
            or body.value == title_year.value or not dates:
        return None

    def fits(year: int) -> bool:
        return all(season_opens(year) <= d <= dt.date(year + 1, 12, 31) for d in dates)

    return body if fits(body.value) and not fits(title_year.value) else None


# A year named in Arabic figures ("2023年"): the year a plan, a heading or a statement is about.
YEAR_MENTION = rx.compile(r"((?:19|20)\d\d)\s*年")
_AS_OF = rx.compile(r"截(?:至|止)(?:到)?\s*((?:19|20)\d\d)\s*年\s*\d{1,2}\s*月(?:底|末|\d{1,2}日)?"
                    r"|((?:19|20)\d\d)\s*年\s*1\s*月\s*(?:至|到|-|—)\s*1?\d\s*月")


def inferred_report_year(st: Structure) -> Found | None:
    """The report year read from the content when the title and opening give none: a plan part for
    "2020年…" reports on 2019; "截至2019年11月底" dates the data in 2019.  Placeholders ("20xx") never count.

    ``Found.span`` covers the words the year was read from."""
    text = st.text
    plan = [s for s in st.sections if s.parent is None and "plan" in s.roles]
    for sec in plan:
        m = YEAR_MENTION.search(sec.heading)
        if m:
            s = sec.heading_span[0]
            return Found(int(m.group(1)) - 1, (s, sec.heading_span[1]))
    # Reports without numbered parts: the plan paragraph opens with its year ("2020年,我镇将……").
    for sent in st.sentences:
        if "plan" in sent.roles:
            m = YEAR_MENTION.match(text, sent.start)
            if m:
                return Found(int(m.group(1)) - 1, (sent.start, min(sent.end, sent.start + 30)))
            break
    dated = [m for m in _AS_OF.finditer(text, *st.body)]
    if dated:
        years = [int(m.group(1) or m.group(2)) for m in dated]
        year = max(set(years), key=lambda y: (years.count(y), y))
        m = next(m for m in dated if int(m.group(1) or m.group(2)) == year)
        return Found(year, m.span())
    # (a signature that allows no year, or another, is a date to go by: the body's year is not taken over it)
    return _year_by_signature(st) if signed_date(st) is not None else _year_by_body(st)


# A year the body writes as the year of its work ("2021年,全县……", "2021年共办理……").
_YEAR_WRITTEN = rx.compile(r"(?<![\d.-])((?:19|20)\d\d)年(?!\d|度?(?:工作)?(?:计划|安排|打算|思路|重点|要点))")


def _year_by_signature(st: Structure) -> Found | None:
    """A report signed in the first half of a year reports on the year before, one signed in its last quarter
    on its own year; taken only when that is also the year the body writes most ("一年来" openings, titles
    without their year: found in review), never from the signature alone."""
    signed = signed_date(st)
    if signed is None:
        return None
    day = signed.value
    if not isinstance(day, dt.date) or 6 < day.month < 10:
        return None
    year = day.year - 1 if day.month <= 6 else day.year
    written = Counter(int(m.group(1)) for m in _YEAR_WRITTEN.finditer(st.text, *st.body)).most_common(2)
    # The year the body writes most, and alone: a tie decides nothing.
    if not written or written[0][0] != year or (len(written) > 1 and written[1][1] == written[0][1]):
        return None
    return Found(year, signed.span)


def _year_by_body(st: Structure) -> Found | None:
    """With no date to go by (no title, no signature, "一年来" for an opening), the year the work outside the plan
    is written under, when it is written so at least three times and at least twice as often as any other year
    ("2024年，共受理行政复议案件136件", "2024年区政府门户网站主动公开信息2930条")."""
    text = st.text
    plan = [(s.start, s.end) for s in st.sentences if "plan" in s.roles]
    starts = [s for s, _ in plan]
    found: dict[int, tuple[int, int]] = {}
    counts: Counter[int] = Counter()
    for m in _YEAR_WRITTEN.finditer(text, *st.body):
        i = bisect_right(starts, m.start()) - 1
        if i >= 0 and m.start() < plan[i][1]:
            continue
        year = int(m.group(1))
        counts[year] += 1
        found.setdefault(year, m.span())
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return Found(ranked[0][0], found[ranked[0][0]])


def _lines_in(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Non-empty lines in ``[start, end)`` as (start, end, stripped text)."""
    out = []
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        le = end if nl == -1 else nl
        line = text[pos:le].strip()
        if line:
            off = text.index(line, pos)
            out.append((off, off + len(line), line))
        if nl == -1:
            break
        pos = nl + 1
    return out


_SESSION_DATE = rx.compile(
    r"(?P<date>(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*在[^。\n]{0,30}人(?:民代表)?大(?:会)?常(?:务)?委"
)


def signed_date(st: Structure) -> Found | None:
    """The last date of the signature block; a placeholder date gives ``Found(None, span)``.

    A report delivered to a 人大常委会 session has no signature block: the session's date in its subtitle
    ("（2023年6月28日在县十八届人大常委会第十次会议上）") is when it was reported."""
    best: Found | None = None
    if st.closing[1] <= st.closing[0]:
        m = _SESSION_DATE.search(st.text, 0, min(st.body[1], st.body[0] + 300))
        if m:
            dm = DATE_RE.fullmatch(m.group("date").replace(" ", ""))
            return Found(date_from_match(dm) if dm else None, m.span("date"))
    for ls, _le, line in _lines_in(st.text, *st.closing):
        if best is not None and _PRINTED.search(line):
            break  # the 版记's printing date ("…办公室 2024年4月2日印发") is not the signature's
        _organ, date = sign_line(line)
        if date is None:
            continue
        raw = line[date[0]:date[1]].replace(" ", "")
        m = DATE_RE.fullmatch(raw)
        value = date_from_match(m) if m else parse_run_together(raw)
        best = Found(value, (ls + date[0], ls + date[1]))
    return best


_PRINTED = rx.compile(r"印发[)）]?\s*$|^\s*抄\s*送")
# Labels of a page header's date, best first.  A site clock ("今天是…") is never one, and neither is the
# document's 成文日期 / 发文日期 (_SIGNED): the day it was signed, which says nothing of when it was made public.
_SIGNED_BY = r"[成发]文"
_SIGNED = rx.compile(_SIGNED_BY + r"(?:日期|时间)")
_PUB_LABELS = ["发布时间", "发布日期", "公开日期", "日期", "发布", "时间",
               "更新时间", "生成日期", "生效日期"]
# A bare 日期, 时间 or 发布 is the page's own label; one that ends a word (打印日期, 截止日期, 印发日期, 办结时间) is
# the date of something else.
_BARE_LABELS = ("日期", "发布", "时间")
# A date in Chinese numerals ("二〇二二年四月二日"), as a page's label may give it too.
_CN_DATE = (r"|[二一][〇零一二三四五六七八九O0○]{3}\s*年\s*[一二三四五六七八九十]{1,2}\s*月"
            r"\s*[一二三四五六七八九十]{1,3}\s*日")
_PUB = rx.compile(
    r"(?<!今天是)(?<!" + _SIGNED_BY + r")(?P<label>"
    + "|".join(sorted((x for x in _PUB_LABELS if x not in _BARE_LABELS), key=len, reverse=True))
    + r"|(?<![\u4e00-\u9fff])(?:" + "|".join(_BARE_LABELS) + r"))[\s:|]*"
    r"(?P<date>(?:19|20)\d\d\s*(?:年|[-/.])\s*\d{1,2}\s*(?:月|[-/.])\s*\d{1,2}\s*日?" + _CN_DATE + ")"
)


# A header line that is only an organ and a date ("清水县人民政府 2024年01月08日"), or a page's timestamp: the date
# with its time, in brackets ("2023-01-29 16:07", "[2021-07-15]", "新华社·2025-10-28 11:55").
# The site's source beside it, before or after ("来源：县司法局 2022年04月20日", "2022-04-20 10:24 来源：县司法局"); the
# time right after 日 once the text is normalised ("2022年04月20日10:24").
_BARE_DATE_LINE = rx.compile(
    r"^(?:(?:来源|信息来源|文章来源)[:：][^\d\n]{0,20}?)?[^\d:]{0,40}?"
    r"[\[【(（]?(?P<date>(?:19|20)\d\d\s*(?:年|[-/.])\s*\d{1,2}\s*(?:月|[-/.])\s*\d{1,2}\s*日?)"
    r"[\]】)）]?(?:(?:(?<=日)\s*|\s+)\d{1,2}:\d{2}(?::\d{2})?)?"
    r"(?:\s*(?:来源|信息来源|文章来源|作者|浏览(?:次数)?|点击(?:数|量)?)[:：][^\n]{0,30})?$"
)

# A date alone on a line ("2019-05-06", "[2019-05-06]", "（2023年1月10日）"): of unknown meaning above a text — the
# page's stamp ("[2022-01-20]" over the 2021 report), or a sidebar entry's, a meeting's, a speech's day.
_DATE_ONLY_LINE = rx.compile(r"^\s*[\[【(（]?\s*(?:19|20)\d\d\s*(?:年|[-/.])\s*\d{1,2}\s*(?:月|[-/.])"
                             r"\s*\d{1,2}\s*日?\s*[\]】)）]?\s*$")

# A copy on a document-sharing or template site: its dates are when someone posted it there, not when the
# government published the report.
_REPOST = rx.compile(r"作者[:：]?\s*(?:佚名|网友|匿名|未知)|网友投稿|范文|文库|作文(?:吧|网|大全)|个人图书馆"
                     r"|原创力|道客巴巴|豆丁"
                     r"|公文网|文秘网")


# A site's clock in the page header: "今天是…", "当前日期：2021年4月12日 星期一", "欢迎访问…网站 2022年4月12日": the
# day the page was saved, never the day the report was published.
_CLOCK_BEFORE = rx.compile(
    r"(?:今天是|今天|今日是?|当前|现在是?|欢迎(?:您)?(?:访问|光临|来到)[^\d\n]{0,30})\s*[:：]?\s*$"
)
# A date with a publication label is a clock only when the clock word stands right before the label.
_PUB_LABEL = rx.compile(r"发布时间|发布日期|公开日期|更新时间")
_CLOCK_AFTER = rx.compile(r"^\s*(?:星期[一二三四五六日天]|礼拜[一二三四五六日天]|周[一二三四五六日]|农历)")


def site_clock(text: str, start: int, date_end: int) -> bool:
    """Whether the date at ``start``…``date_end`` (its label included) is a site clock."""
    if _PUB_LABEL.match(text, start):
        return bool(_CLOCK_BEFORE.search(text, max(0, start - 4), start))
    return bool(_CLOCK_BEFORE.search(text, max(0, start - 40), start) or _CLOCK_AFTER.match(text, date_end))


def published_date(st: Structure, alone_from: dt.date | None = None) -> Found | None:
    """The page header's publication date (labelled; a site clock "今天是…" never counts).  None for a copy on
    a document-sharing site: the date there is the upload's.  A date alone on its line (no label, time or source
    says what it is) counts only from ``alone_from`` on (the end of the report's year)."""
    text = st.text
    if any(_REPOST.search(text[s:e]) for s, e in st.header):
        return None
    best: tuple[int, Found] | None = None
    for s, e in st.header:
        m = _BARE_DATE_LINE.match(text[s:e])
        if (m and "今天是" not in text[s:e] and not _SIGNED.search(text, s, m.start("date") + s)
                and not site_clock(text, s + m.start("date"), s + m.end("date"))):
            dm = DATE_RE.fullmatch(m.group("date").replace(" ", ""))
            d = date_from_match(dm) if dm else None
            if d is not None and alone_from and d < alone_from and _DATE_ONLY_LINE.match(text[s:e]):
                continue
            if d is not None and (best is None or best[0] > len(_PUB_LABELS)):
                best = (len(_PUB_LABELS), Found(d, (s + m.start("date"), s + m.end("date"))))
        for m in _PUB.finditer(text, s, e):
            if site_clock(text, m.start(), m.end()):
                continue
            dm = DATE_RE.fullmatch(m.group("date").replace(" ", ""))
            d = date_from_match(dm) if dm else None
            if d is None:
                continue
            rank = _PUB_LABELS.index(m.group("label"))
            if best is None or rank < best[0]:
                best = (rank, Found(d, m.span("date")))
    if best is None and st.notice is not None:
        # A report read under its own body's publishing notice: the notice's date is the day it was published.
        signed = signed_date(replace(st, closing=st.notice))
        if signed is not None and isinstance(signed.value, dt.date) and not (alone_from and signed.value < alone_from):
            return signed
    return best[1] if best else None


_TITLE_ORGAN = rx.compile(
    r"^[《“\s]*(?:中共)?(?P<organ>(?!关于)[^,。:;\d《》“”]{2,40}?(?:人民政府|政府|办事处|委员会|管委会|行政公署|局|厅|(?<!干)部|海关|办公室|党委|党组))"
    r"(?:关于|\d|20|$)"
    # …or the place itself before the year ("塔庄镇2022年法治政府建设工作总结", "东湖街道2024年度…"): its government.
    r"|^[《“\s]*(?P<place>(?![全我本各该])[^,。:;\d《》“”关于]{1,10}?(?:街道|镇|乡|县|区|市|旗))(?=(?:19|20)\d\d)"
    # …or either after a leading year or 关于 ("2021年度宜兴市法治政府建设工作报告", "2021年宜兴市人民政府法治政府建设
    # 年度报告", "关于宜兴市2021年度…"), the report's subject or its year right after it
    r"|^[《“\s]*(?:关于|(?:19|20)\d\d\s*年度?)(?:中共)?(?P<organ2>(?![全我本各该])[^,。:;\d《》“”]{0,20}?"
    r"[省市县区州旗盟镇乡街][^,。:;\d《》“”]{0,20}?"
    r"(?:人民政府|政府|办事处|管委会|行政公署|局|厅|办公室))(?=法治|依法|关于|(?:19|20)\d\d|$)"
    r"|^[《“\s]*(?:关于|(?:19|20)\d\d\s*年度?)(?P<place2>(?![全我本各该])[^,。:;\d《》“”]{1,10}?(?:街道|镇|乡|县|区|市|旗))"
    r"(?=(?:19|20)\d\d|法治|依法)"
)


def signature_organ_line(st: Structure) -> Found | None:
    """The organ of the signature block, placeholders included (for form checks).  A joint report signs one
    organ a line ("中共灵寿县委员会" over "灵寿县人民政府"): the two lines are its organ."""
    lines = [(ls, line) for ls, _le, line in _lines_in(st.text, *st.closing) if line.strip()]
    for i, (ls, line) in enumerate(lines):
        organ, date = sign_line(line)
        if organ is None:
            continue
        name = line[organ[0]:organ[1]]
        if date is None and i + 1 < len(lines) and _PARTY_LINE.search(name):
            ls2, line2 = lines[i + 1]
            organ2, _ = sign_line(line2)
            if organ2 is not None and _GOVERNMENT_NAME.search(line2[organ2[0]:organ2[1]]):
                return Found(name.strip() + line2[organ2[0]:organ2[1]].strip(), (ls + organ[0], ls2 + organ2[1]))
        return Found(name, (ls + organ[0], ls + organ[1]))
    return None


_PARTY_LINE = rx.compile(r"^\s*(?:中共|中国共产党)[^政]*(?:委员会|委)\s*$")
_GOVERNMENT_NAME = rx.compile(r"(?:人民政府|政府|办事处)\s*$")


def organ(st: Structure) -> Found | None:
    """The issuing organ: the signature line, else the head of the title, else the subject of the opening
    sentence ("2024年以来，广州市天河区市场监督管理局坚持…": an excerpt without its title and signature)."""
    sig = signature_organ_line(st)
    if sig and not PLACEHOLDER.search(str(sig.value)):
        if st.cover is not None and st.cover[0] <= st.closing[0] < st.cover[1]:
            # (the signature lent by a cover letter: its government's office signing for the report is not the
            # report's organ — the report's own body, named in its title or its opening, is)
            own = _organ_unsigned(st)
            if own is not None and _whose(str(sig.value), str(own.value)) == "office":
                return own
        return sig
    return _organ_unsigned(st)


def _organ_unsigned(st: Structure) -> Found | None:
    """The organ a text names outside its signature: the head of its title, else the subject of its opening."""
    if st.title_span:
        title = "".join(st.text[slice(*st.title_span)].split())
        m = _TITLE_ORGAN.match(title)
        name = m and (m.group("organ") or m.group("place") or m.group("organ2") or m.group("place2"))
        if name and not PLACEHOLDER.search(name):
            return Found(name, st.title_span)
    body_s, body_e = st.body
    for line_start, _, _ in _lines_in(st.text, body_s, min(body_e, body_s + 400))[:2]:
        m = _OPENING_ORGAN.match(st.text, line_start)
        if m is None and not _OPENING_YEAR.match(st.text, line_start):
            continue
        # (the year's opening clause about the place above — "2024年，全市法治政府建设稳步推进，荷塘区坚持…" — is not
        # the reporter: the subject the sentence ends on is)
        after = m.end() if m else line_start
        stop = st.text.find("。", after)
        later = _LATER_ORGAN.finditer(st.text, after, stop if stop != -1 else min(len(st.text), after + 200))
        m = next((x for x in reversed(list(later)) if not PLACEHOLDER.search(x.group("organ"))), m)
        if m and not PLACEHOLDER.search(m.group("organ")):
            return Found(m.group("organ"), m.span("organ"))
    return None


def forwarded(letter: Structure, report: Structure) -> str | None:
    """Whose a cover letter is, against the report it sends (its signature, its title's head, the subject of its
    opening): "other" — another body's, a county's 司法局 or 依法治县办 sending a township's report upward ("关于报送
    青石镇2023年法治政府建设情况报告的函"); "office" — the report's government's own office, 司法局 or 依法治X办 at the
    same place (organs.publishes_own, as for a publishing notice); None — the report's own body's ("现将我县…报告随文
    报送"), or not told: the letter's signature and addressee are the report's."""
    sender = signature_organ_line(letter)
    own = organ(report)
    if sender is None or own is None:
        return None
    return _whose(str(sender.value), str(own.value))


def _whose(sender: str, own: str) -> str | None:
    """"other", "office" or None (the same body): who ``sender`` is to the body ``own`` (see ``forwarded``)."""
    if organs.same_unit(_as_unit(sender), _as_unit(own)):
        return None
    return "office" if organs.publishes_own(sender, own) else "other"


_PLACE_ONLY = rx.compile(r"(?:街道|[省市县区州旗盟镇乡])$")


def _as_unit(name: str) -> str:
    """A body's name as ``organs.unit_name`` writes it, a place named alone taken for its government ("青石镇" of
    "2023年，青石镇坚持…" is 青石镇政府)."""
    unit = organs.unit_name(name)
    return unit + "政府" if _PLACE_ONLY.search(unit) else unit


# The organ a text opens on as its subject: after the year (and "在…领导下"), a named place's government or office,
# then what it did ("2021年，灵寿县人民政府坚持…", "2024年以来，在区委、区政府的正确领导下，广州市天河区市场监督管理局
# 坚持…"); not 我县, 全县, 各部门.
# A place named alone is its subject too ("2023年，岳池县坚持…", "2025年，黄金镇坚持…", "四季青街道在区委区政府的
# 坚强领导下");
# so is one after an opening clause that leads to the year ("根据区委部署，2023年，清波街道以…为指导").
_ORGAN_NAME = (r"(?P<organ>(?![我全本各该])(?:[\u4e00-\u9fff]{1,12}?[省市县区州旗盟镇乡][\u4e00-\u9fff]{0,16}?"
               r"(?:人民政府|政府|街道办事处|办事处|管委会|管理委员会|行政公署|局|厅|委员会|办公室)"
               r"|(?!依法)[\u4e00-\u9fff]{2,10}?(?:街道|[省市县区旗盟镇乡])"
               # a central department named alone ("2023年，生态环境部坚持…", "国家税务总局", "海关总署",
               # "国家知识产权局")
               r"|(?!党员|干部)[\u4e00-\u9fff]{2,10}?(?:(?<![干全内外各本])部|总局|总署)|国家[\u4e00-\u9fff]{2,10}?局))")
_ORGAN_ACTS = (r"(?=坚持|认真|深入|全面|紧紧|始终|牢固|聚焦|围绕|高度|切实|持续|积极|不断|扎实|严格|以习近平|按照|根据"
               r"|立足"
               r"|以(?!来)|在[^,，。]{0,20}[下中])")
_OPENING_ORGAN = rx.compile(
    r"\s*(?:[^。\n]{2,120}?[,，]\s*(?=(?:19|20)\d\d\s*年))?"
    # the year, or the year said without its number ("一年来，周溪乡在…", "过去一年，", "今年以来，")
    r"(?:(?:(?:19|20)\d\d\s*年(?:度|以来)?|一年来|过去(?:的)?一年(?:里|中|来)?|今年以来)\s*[,，]\s*)?"
    r"(?:在[^,，。;；]{2,30}?(?:领导|指导|支持|监督)下\s*[,，]\s*)?" + _ORGAN_NAME + _ORGAN_ACTS
)
# Another subject later in the opening sentence: the place the sentence ends on is the reporter ("2020年，彭水县深入
# 推进法治政府建设，长生镇紧紧围绕…": the county above, then the town that reports).
# (a place's name only, standing as a clause's subject: not "，坚决贯彻市委市政府…", "，在全县深入开展…", "，县委县政府
# 高度重视…")
_LATER_ORGAN = rx.compile(r"[,，]\s*(?:在[^,，。;；]{2,30}?(?:领导|指导|支持|监督)下\s*[,，]\s*)?"
                          r"(?P<organ>(?![我全本各该在认严坚落贯深积切持扎始紧牢聚围高不以按根立依])(?:(?!委)[\u4e00-\u9fff]){2,8}?"
                          r"(?:街道|[省市县区旗盟镇乡]))" + _ORGAN_ACTS)
