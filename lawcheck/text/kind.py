"""Is this text a 法治政府建设年度报告 at all, or one of the documents published beside it?

Government sites publish, next to the annual reports, documents that speak of 法治政府建设 too:
政府工作报告 delivered to a people's congress, 述法报告 of one leader, news of a meeting or an
assessment, 政府信息公开工作年度报告, plans and work points (also wrapped in a 印发 notice),
政策解读, special reports to a 人大常委会 on one topic, summaries of 普法 or 平安建设, fill-in
templates.  A reviewer tells them apart by what each kind of document says of itself: its title,
its opening (who speaks, to whom, about what), its headings.  The same is done here, with
general rules on that wording, never with lists of places or documents.

The verdict is conservative in one direction: an excerpt with no sign either way (a page whose
title was cut off) is still read as a report; only positive signs of another kind make a text
"other".  Strong signs of another kind (a title that names it; "各位代表"; a reporting formula
that names a single other topic) outweigh report-like wording, because look-alikes borrow it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lawcheck.text.structure import Structure, heading_marker

# What an annual report is about: law-based government as a whole.
CORE_TOPIC = re.compile(r"法治政府|依法行政|法治(?:建设|工作)|依法治[省市县区州旗镇乡]|法治[省市县区]建设")
# Other fields a text may report on instead (a special report, a summary of another field).
_TOPICS: list[tuple[str, re.Pattern[str]]] = [
    ("topic.reconsideration", re.compile(r"行政复议|行政应诉|行政诉讼")),
    ("topic.enforcement", re.compile(r"行政执法|执法规范化|综合执法")),
    ("topic.pufa", re.compile(r"普法|法治宣传|法治宣扬|75普法|七五|八五")),
    ("topic.public_security", re.compile(r"平安建设|平安[\u4e00-\u9fffXx×]{0,3}建设|政法工作|综治|扫黑除恶|维稳")),
    ("topic.disclosure", re.compile(r"政务公开|信息公开")),
    ("topic.petition", re.compile(r"信访")),
    ("topic.normative_docs", re.compile(r"规范性文件|备案审查")),
]
_REPORT_NOUN = re.compile(r"报告|总结|汇报")

# --- titles
_T_INTERPRETATION = re.compile(r"解读")
_T_GOV_WORK = re.compile(r"政府工作报告|人民代表大会.{0,16}会议上")
_T_SHUFA = re.compile(r"述法|述职")
_T_DUTY = re.compile(r"(?:主要负责人|主要负责同志|主要领导|第一责任人).{0,16}职责")
_T_DISCLOSURE = re.compile(r"(?:政府)?信息公开.{0,8}(?:年度报告|年报)|政务公开.{0,8}(?:年度报告|年报)")
_T_WRAPPER = re.compile(r"(?:印发|转发|下发)[《<]?(?P<inner>.+?)[》>]?的通知")
_T_NOTICE = re.compile(r"的(?:通知|通报|意见|批复|函)$|(?:办法|规定|细则|指引|决定|意见)(?:\(试行\))?$")
_T_PLAN = re.compile(
    r"工作要点|实施方案|工作方案|工作安排|工作计划|任务清单|任务分工|规划(?:\(\d{4}-\d{4}年?\))?|行动计划|行动方案"
)
_T_NEWS = re.compile(
    r"召开|举行|举办|调研|考核|督导|督查|座谈|现场会|评议会|推进会|培训班|评估组|考核组|督察组|到[\u4e00-\u9fff]{1,6}开展"
    r"|来我[省市县区镇乡]|名单|公布|发布|出炉|蝉联|荣获|获评|入选"
)
_T_ASSESSMENT = re.compile(r"评估报告|蓝皮书|发展报告|指数报告")

# --- openings and bodies
_GOV_WORK = re.compile(r"各位代表|向大会报告(?:政府)?工作|请予审议[,，]?并请.{0,12}政协委员|请予审查[,，]?并请")
_DISCLOSURE = re.compile(
    r"政府信息公开条例|政府信息公开工作年度报告|政务公开(?:年度)?工作(?:情况)?(?:年度)?报告|主动公开政府信息情况"
    r"|收到和处理政府信息公开申请"
)
_NEWS_OPENER = re.compile(
    r"^(?:本报讯|[^,，。\n]{0,10}讯[(（]|新华社[^,，。\n]{0,12}电|[^,，。\n]{0,12}记者|据悉|近日|日前|近期|昨天|昨日|今天上午"
    r"|今日|\d{1,2}月\d{1,2}日(?:上午|下午|晚)?[,，])"
)
_NEWS_CUE = re.compile(
    r"本报讯|记者(?:从|了解|获悉|采访)|据了解|据介绍|据悉|通讯员|(?:^|\n)\s*会上[,，]|(?:强调|指出|要求)[:：]"
    r"|(?:主持(?:会议|召开会议)|出席会议并讲话)|(?:现场会|评议会|推进会|座谈会)在[^。]{0,20}召开|责任编辑|编辑[:：]"
)
_ANNOUNCEMENT_CUE = re.compile(
    r"各地区各部门|各地区高度重视|经[^。,，]{0,12}批准|自愿申报|予以公示|拟命名|名单(?:如下|公布)|现予公布"
)
_PLAN_CUE = re.compile(r"[〔\[(（]?(?:牵头|责任|配合)单位[:：]|完成时限[:：]|时间节点[:：]")
_PLAN_OPENING = re.compile(r"(?:总体|工作)思路是|总体要求[:：]|工作目标[:：]|主要任务[:：]")
# A text that says it was made to govern others: "制定本工作指引", "特制定本方案".
_NORMATIVE_OPENING = re.compile(r"(?:特|现)?制定本(?:工作)?(?:方案|要点|计划|指引|办法|规定|细则|意见|规划)")
_INTERPRETATION_OPENING = re.compile(r"现(?:就|将)?[^。,，]{0,24}解读如下|(?:政策|文件)解读[:：]")
_NOTICE_OPENING = re.compile(r"现印发给你们|现将[^。]{0,40}印发给你们|请认真贯彻(?:执行|落实)|请结合实际")
# "现将…情况报告如下" / "现就…汇报如下": the matter a report says it reports on.
_FORMULA = re.compile(r"现(?:将|就)(?P<what>[^。;；!！?？]{0,60}?)(?:报告|汇报|总结)(?:如下|以下|于后)")
_SUPERVISION_TOPIC = re.compile(r"专项(?:监督|审议|视察|调研)|监督工作计划")
# "根据《法治政府建设与责任落实督察工作规定》" / "按照《关于报送2021年度法治政府建设情况报告的通知》" opening a text.
_BASIS_OPENING = re.compile(r"^(?:根据|按照|依据)[^。]{0,12}《[^》]{0,40}(?:督察工作规定|法治政府建设[^》]{0,12}报告)")
# A part heading that only an annual report (or its template) has.
_REPORT_HEADING = re.compile(
    r"(?:举措|工作|做法)(?:和|及|与|、)?成效|主要成效|存在的?(?:主要)?(?:问题|不足|困难)|不足和原因|问题和不足"
    r"|下一(?:年度|步)|(?:工作)?(?:安排|打算|计划|思路)|第一责任人"
)
# A leader's own 述法: "我" as the speaker, "本人", a first part on one person's performance of duty.
# "我县", "我们", "我局" speak for a body; "我" alone, for one person.
_FIRST_PERSON = re.compile(
    r"(?<![自敌])(?:本人|我)(?![们国省市县区旗州镇乡局委厅部办院所司村校单街中处站队会社园馆团网方署盟公辖党])"
)
_DUTY_HEADING = re.compile(r"^(?:个人)?(?:履职|述职|述法)(?:尽责)?(?:情况)?$")
# A fill-in template: instructions to the drafter, or blanks where names and numbers go.
_TEMPLATE_CUE = re.compile(r"[(（【]\s*(?:此处|请)?填写|填写说明|[(（](?:此处|请)[^)）]{0,20}[)）]|模板|范文")
# Blanks where a year or a name goes (a drafter's unfilled figure is a placeholder, not a template).
_BLANK = re.compile(r"_{2,}")
_BLANK_YEAR = re.compile(r"(?:19|20)_{1,2}\s*年")
# A page of sample texts: "…报告 篇1", "【篇二】".
_SAMPLES = re.compile(r"篇\s*[\d一二三四五六七八九十]{1,2}\s*(?:[:：】]|$)", re.M)


@dataclass(frozen=True)
class Verdict:
    """What the text is: ``kind`` annual_report or other; for other, which kind and the signs."""

    kind: str
    other_kind: str | None = None
    reason: str | None = None  # an i18n key
    args: dict[str, str] = field(default_factory=dict)


REPORT = Verdict("annual_report")


def _other(other_kind: str, reason: str, **args: str) -> Verdict:
    return Verdict("other", other_kind, reason, args)


def _topic(text: str) -> str | None:
    """The other field a phrase names (its i18n key), when it names no core topic."""
    if CORE_TOPIC.search(text):
        return None
    for key, rx in _TOPICS:
        if rx.search(text):
            return key
    return None


def _title_verdict(title: str) -> Verdict | None:
    """What a title says the document is; None when it says nothing decisive."""
    if not title:
        return None
    m = _T_INTERPRETATION.search(title)
    if m:
        return _other("interpretation", "kind.reason.title", word=m.group(0))
    m = _T_GOV_WORK.search(title)
    if m:
        return _other("government_work_report", "kind.reason.title", word=m.group(0))
    m = _T_DISCLOSURE.search(title)
    if m:
        return _other("disclosure_report", "kind.reason.title", word=m.group(0))
    m = _T_WRAPPER.search(title)
    if m:
        inner = m.group("inner").strip("《》<>")
        # A report issued by a notice is still the report; a plan issued by one is a plan.
        inner_verdict = _title_verdict(inner)
        if inner_verdict is not None:
            return inner_verdict
        if CORE_TOPIC.search(inner) and _REPORT_NOUN.search(inner):
            return REPORT
        return _other("notice", "kind.reason.title", word="印发…的通知")
    m = _T_SHUFA.search(title)
    if m:
        return _other("shufa_report", "kind.reason.title", word=m.group(0))
    if _T_DUTY.search(title) and "法治政府" not in title:
        return _other("shufa_report", "kind.reason.title", word=_T_DUTY.search(title).group(0))  # type: ignore[union-attr]
    ends_as_report = bool(re.search(r"(?:报告|总结|汇报|情况)$", title))
    m = _T_PLAN.search(title)
    if m and not ends_as_report:
        return _other("plan", "kind.reason.title", word=m.group(0))
    m = _T_NOTICE.search(title)
    if m and not ends_as_report:
        return _other("notice", "kind.reason.title", word=m.group(0))
    m = _T_ASSESSMENT.search(title)
    if m:
        return _other("news", "kind.reason.headline", word=m.group(0))
    if not ends_as_report:
        m = _T_NEWS.search(title)
        if m:
            return _other("news", "kind.reason.headline", word=m.group(0))
    topic = _topic(title)
    if topic is not None:
        kind = "special_report" if _REPORT_NOUN.search(title) and topic in (
            "topic.reconsideration", "topic.enforcement", "topic.normative_docs", "topic.petition") else "topic_summary"
        return _other(kind, "kind.reason.title_topic", topic=topic)
    if CORE_TOPIC.search(title) and _REPORT_NOUN.search(title):
        return REPORT
    return None


_DOC_NOUN = re.compile(
    r"(?:报告|总结|汇报|通知|方案|要点|安排|计划|规划|解读|意见|办法|规定|指引|名单|通报|纪要)(?:\(.{0,16}\))?$"
)
_CHROME_LINE = re.compile(
    r"当前位置|所在位置|您的位置|首页|>|>>|\||【|】|网站|欢迎|来源|发布|日期|时间|字号|字体|打印|分享"
)
_LABELLED_TITLE = re.compile(r"^标\s*题\s*[:：]?\s*(?P<title>.*)$")


def title_candidates(st: Structure, title: str | None) -> list[str]:
    """Every line that may be the document's title: the one structure found (or the page's own), then the
    header lines and first body lines shaped like a document title ("关于…的通知", "…工作要点",
    "解读《…》"), then a value labelled 标题 in a page's metadata table.  Site navigation is not a title."""
    text = st.text
    out = [re.sub(r"\s+", "", title)] if title else []
    first_body = []
    pos = st.body[0]
    for _ in range(3):
        end = text.find("\n", pos, st.body[1])
        end = st.body[1] if end == -1 else end
        first_body.append((pos, end))
        pos = end + 1
    lines = [text[s:e].strip() for s, e in [*st.header, *first_body]]
    for i, line in enumerate(lines):
        m = _LABELLED_TITLE.match(line)
        if m:
            value = m.group("title") or (lines[i + 1] if i + 1 < len(lines) else "")
            out.append(re.sub(r"\s+", "", value))
            continue
        # A bracketed label before a title ("【政策解读】关于…") is the site's column, not chrome around nothing.
        squeezed = re.sub(r"^[【\[][^】\]]{1,8}[】\]]", "", re.sub(r"\s+", "", line))
        if heading_marker(squeezed):  # a part heading ("二、2022年工作安排"), not a title
            continue
        if not 4 <= len(squeezed) <= 80 or _CHROME_LINE.search(squeezed) or re.search(r"[。;；!！?？]", squeezed):
            continue
        if squeezed.startswith("关于") or _DOC_NOUN.search(squeezed) or squeezed.startswith("解读"):
            out.append(squeezed)
    return list(dict.fromkeys(t for t in out if t))


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def classify(st: Structure, title: str | None) -> Verdict:
    """The kind of document ``st`` holds; ``title`` is its title (found in the text, or the page's own)."""
    text = st.text
    titles = title_candidates(st, title)
    title = titles[0] if titles else ""
    by_title = None
    for cand in titles:
        verdict = _title_verdict(cand)
        if verdict is not None and verdict.kind == "other":
            return verdict
        by_title = by_title or verdict
    lo, hi = st.body
    body = text[lo:hi]
    # Short opening lines ("各位代表：", "现在，我代表县人民政府向大会报告工作") may sit above what structure
    # calls the body: read them too, but not the page's navigation or the title.
    titled = set(titles)
    lead = [ln for ln in (text[s:e].strip() for s, e in st.header)
            if ln and not _CHROME_LINE.search(ln) and re.sub(r"\s+", "", ln) not in titled]
    opening = "\n".join([*lead, body[:900]])
    # The first line of the body, and of what stands above it: a news item opens on its dateline in either.
    first_lines = [*_lines(body[:300])[:1], *lead[:1]]
    top_headings = [s.heading for s in st.sections if s.parent is None]

    # Strong signs that outweigh report-like wording.
    m = _GOV_WORK.search(opening)
    if m:
        return _other("government_work_report", "kind.reason.opening", word=m.group(0))
    formula = _FORMULA.search(opening)
    core_formula = bool(formula and CORE_TOPIC.search(formula.group("what")))
    first_sentence = re.split(r"[。\n]", body.strip(), maxsplit=1)[0]
    lead_sentence = re.split(r"[。\n]", opening.strip(), maxsplit=1)[0]
    m = _DISCLOSURE.search(first_sentence) or _DISCLOSURE.search(lead_sentence)  # it opens on the 条例 or its name
    if m and not core_formula:
        return _other("disclosure_report", "kind.reason.opening", word=m.group(0))
    m = _SAMPLES.search(title + "\n" + "\n".join(ln for ln in (text[s:e] for s, e in st.header)) + "\n" + opening[:300])
    if m or (_BLANK_YEAR.search(title + opening[:300]) and len(_BLANK.findall(title + opening)) >= 3):
        word = m.group(0).strip() if m else _BLANK.search(title + opening).group(0)  # type: ignore[union-attr]
        return _other("template", "kind.reason.template", word=word)
    m = _NORMATIVE_OPENING.search(opening)
    if m and not core_formula:
        return _other("notice", "kind.reason.opening", word=m.group(0))
    if formula:
        topic = _topic(formula.group("what"))
        if topic is not None:
            return _other("special_report", "kind.reason.formula_topic", topic=topic,
                          word=formula.group(0)[:40])
    firsts = sum(1 for _ in _FIRST_PERSON.finditer(body[:3000]))
    duty_heading = next((h for h in top_headings if _DUTY_HEADING.match(re.sub(r"^[\S]{1,4}[、.]", "", h))), None)
    if firsts >= 3 or (duty_heading and not any(_REPORT_HEADING.search(h) and "成效" in h for h in top_headings)):
        word = duty_heading or "我"
        return _other("shufa_report", "kind.reason.first_person", word=word)
    m = _INTERPRETATION_OPENING.search(opening)
    if m and not core_formula:
        return _other("interpretation", "kind.reason.opening", word=m.group(0))
    m = _NOTICE_OPENING.search(opening)
    if m and not core_formula:
        return _other("notice", "kind.reason.opening", word=m.group(0))

    # Positive signs of a report: its title, its reporting formula, its basis, its parts.
    report_signs = (
        by_title is REPORT
        or core_formula
        or bool(_BASIS_OPENING.search(opening))
        or sum(1 for h in top_headings if _REPORT_HEADING.search(h)) >= 2
    )
    if report_signs:
        return REPORT

    # Weaker signs of another kind decide only where nothing says "report".
    m = next((m for m in map(_NEWS_OPENER.match, first_lines) if m), None)
    cues = {c.group(0).strip() for c in _NEWS_CUE.finditer(opening)}
    if m or len(cues) >= 2:
        words = [m.group(0).rstrip(",，")] if m else []
        words += sorted(c for c in cues if c not in words)
        return _other("news", "kind.reason.news", word="、".join(words[:3]))
    plans = _PLAN_CUE.findall(body[:4000])
    if len(plans) >= 2 or (_PLAN_OPENING.search(opening) and plans):
        return _other("plan", "kind.reason.plan", word=plans[0].strip("〔[(（:："))
    m = _PLAN_OPENING.search(opening[:300])
    if m and not formula:
        return _other("plan", "kind.reason.opening", word=m.group(0))
    announce = {c.group(0) for c in _ANNOUNCEMENT_CUE.finditer(opening)}
    if len(announce) >= 2:
        return _other("announcement", "kind.reason.announcement", word="、".join(sorted(announce)[:3]))
    template = _TEMPLATE_CUE.findall(title + "\n" + opening)
    if len(template) >= 2:
        return _other("template", "kind.reason.template", word="、".join(dict.fromkeys(template[:3])))
    # About another field altogether: no word of law-based government, another field throughout.
    # The field must frame the text (its first sentence or a part heading) and run through it.
    if not CORE_TOPIC.search(title + body[:4000]):
        parts = [s.heading for s in st.sections if s.parent is None and s.rank <= 1]  # 一、… / 第一部分
        frame = first_sentence + "\n" + "\n".join(parts)
        for key, rx in _TOPICS:
            if len(rx.findall(body[:4000])) >= 5 and rx.search(frame):
                return _other("topic_summary", "kind.reason.body_topic", topic=key)
    return REPORT
