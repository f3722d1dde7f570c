"""Is this text a 法治政府建设年度报告 at all, or one of the documents published beside it?

Government sites publish, next to the annual reports, documents that speak of 法治政府建设 too:
政府工作报告 delivered to a people's congress, 述法报告 of one leader, news of a meeting or an
assessment, 政府信息公开工作年度报告, plans and work points (also wrapped in a 印发 notice),
政策解读, special reports to a 人大常委会 on one topic, rectification and half-year reports,
investigation reports of a 人大 group, summaries of 普法 or 平安建设, fill-in templates.  A reviewer
tells them apart by what each kind of document says of itself: its title, its opening (who speaks,
to whom, about what), its headings.  The same is done here, with general rules on that wording,
never with lists of places or documents.

The verdict is conservative in one direction: an excerpt with no sign either way (a page whose
title was cut off) is still read as a report; only positive signs of another kind make a text
"other".  Strong signs of another kind (a title that names it; "各位代表"; a reporting formula that
names a single other field) outweigh report-like wording, because look-alikes borrow it: they have
"存在的问题" and "下一步打算" parts too, so such headings count for a report only in a text about
law-based government.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from itertools import pairwise, permutations

from lawcheck import rx
from lawcheck.text import organs
from lawcheck.text.dates import season_opens
from lawcheck.text.grammar import DATE_RE, TRAIL, WHERE_ON_SITE, heading_marker
from lawcheck.text.normalize import normalize
from lawcheck.text.structure import (
    MANY_BODIES,
    NOT_THE_REPORT,
    PLAN,
    SHORTCOMINGS,
    Section,
    Structure,
    build,
    sign_line,
)

# What an annual report is about: law-based government as a whole ("平安法治建设" is 平安建设's).
# "法治税务建设", "法治海关建设": a sector's own law-based government; 法治社会, 法治文化 and 法治乡村 are other fields.
# (every branch begins with its word, the look-behind after it: a scan skips ahead to each 法 and 依)
CORE_TOPIC = rx.compile(
    r"法治政府|依法行政|法治(?<!平安法治)(?:建设|工作)|依法治[省市县区州旗镇乡]"
    r"|法治(?!社会|文化|乡村|宣传|思维|意识|素养|氛围|精神|教育)[\u4e00-\u9fff]{1,4}建设"
)
# Other fields a text may report on instead (a special report, a summary of another field).
_TOPICS: list[tuple[str, re.Pattern[str]]] = [
    ("topic.reconsideration", rx.compile(r"行政复议|行政应诉|行政诉讼")),
    ("topic.enforcement", rx.compile(r"行政执法|执法规范化|综合执法|严格规范公正文明执法|执法工作")),
    ("topic.pufa", rx.compile(r"普法|法治宣传|法治宣扬|75普法|七五|八五")),
    ("topic.public_security", rx.compile(r"平安建设|平安[\u4e00-\u9fffXx×]{0,3}建设|政法工作|综治|扫黑除恶|维稳")),
    ("topic.disclosure", rx.compile(r"政务公开|信息公开")),
    ("topic.petition", rx.compile(r"信访")),
    ("topic.normative_docs", rx.compile(r"规范性文件|备案审查")),
    # one law's or regulation's implementation, as reported to a people's congress ("关于《河南省供用电条例》贯彻实施
    # 情况的报告"); not the 纲要's, which is the annual report's subject
    ("topic.one_law",
     rx.compile(r"《[^《》]{2,40}(?:条例|法|规定|办法|细则)》[^,，。;；]{0,4}?(?:贯彻|实施|执行|落实|施行)")),
]
# Kinds of report that are not the annual report even when they are about law-based government.
_REPORT_KINDS: list[tuple[str, re.Pattern[str]]] = [
    # (督察反馈意见办理情况, 落实督察组反馈意见情况: answering a supervision's findings)
    # (and the problems a supervision or an audit found, dealt with: "督察发现问题处置情况", "审计指出问题办理情况")
    ("rectification", rx.compile(r"整改|反馈(?:意见|问题)(?:的)?(?:落实|办理)|落实[^,，。;；]{0,20}反馈(?:意见|问题)"
                                 r"|(?:督察|督查|巡察|巡视|审计|检查)[^,，。;；]{0,8}?问题[^,，。;；]{0,4}?(?:处置|办理|落实|销号)")),
    # Part of a year (1—12月 is the whole year).
    ("interim_summary",
     # (1—10月, 1—11月 are the year's figures cut off before December, as reports drafted then give them.)
     rx.compile(r"上半年|下半年|半年|[一二三四1-4](?:季度)|前[两二三]个?季度|阶段性(?:进展|工作总结|总结)"
                r"|(?<!\d)\d{1,2}\s*月?\s*[-—至到]\s*[1-9]\s*月(?!\d)|截至\s*(?:19|20)\d\d\s*年\s*[1-9]\s*月(?!\d)"
                r"|一\s*[-—至到]\s*[二三四五六七八九]\s*月"
                # 年中 as the middle of the year, not a place after a year ("2021年中山市", "2024年中方县"):
                # a word of a report or a break after it.
                r"|年年中|(?<![一全])年中(?=法治|依法|工作|总结|小结|报告|汇报|情况|考核|督查|评估|推进|[\s，,。、：:）)]|$)")),
    # (and the results of assessing the units below: "关于全县2023年度法治政府建设考核情况的报告")
    ("survey_report", rx.compile(r"调研报告|调查报告|视察报告|检查报告|审议意见|调研情况|调查情况|视察情况|检查情况"
                                 r"|评估情况"
                                 r"|(?:考核|考评|测评)(?:结果|情况(?!的?自评))")),
    # …and the material of a bid to be a model ("创建全省法治政府建设示范县工作情况"): a self-assessment too.
    ("self_assessment",
     rx.compile(r"自评|自查|自我评价|考核(?:自评|评分)|示范(?:县|区|市|州|地区|单位|项目)?创建|创建[^,，。;；]{0,20}示范"
                r"|(?:申报|争创)[^,，。;；]{0,20}(?:示范|先进|称号)|示范[^,，。;；]{0,12}申报"
                # Material for a visit: "关于迎接省法治政府建设督察的汇报材料", "关于接受…督察的工作汇报",
                # "在省…督察组督察灵寿县工作汇报会上的汇报", "…督察汇报材料".
                r"|(?:迎接|接受|配合)[^,，。;；]{0,24}(?:督察|督查|检查|考核|评估|验收)"
                r"|(?:督察|督查|检查|考核|评估|验收)[^,，。;；]{0,16}?(?:汇报会|汇报材料|工作汇报|情况汇报)")),
    # An inspection's own report on the units it inspected ("2023年度法治政府建设督察报告", "关于2023年法治政府建设
    # 情况的督察报告", "…督察工作情况的报告"): the inspector's account of others, not a government's report on its own
    # year (督察工作规定 art. 24-25).  After self_assessment: "接受…督察情况的汇报" is the inspected unit's material.
    # Worded around it too: "…督察有关情况的报告", "…实地督察结果的报告", "…督察工作的报告", "…专项督查的情况报告",
    # a 督导's or a 巡查's ("…督导情况的报告", "…专项巡查报告"), "…督察情况通报".
    ("survey_report", rx.compile(r"督[察查导](?:工作)?(?:有关)?(?:情况|结果|工作)?的?(?:情况)?(?:报告|通报)"
                                 r"|督[察查导](?:工作)?(?:有关)?情况|巡[察查](?:工作)?(?:有关)?(?:情况|结果)?的?(?:情况)?报告")),
    # Several years in one ("2017—2021年法治政府建设工作总结", "“十三五”时期"); not a plan's or the 纲要's own span
    # ("实施纲要（2021—2025年）", "实施纲要2021—2025年"), nor "“十四五”以来特别是2023年…" (the year's report).
    ("multi_year_summary",
     rx.compile(r"(?<![(（])(?<!纲要)(?<!规划)(?<!计划)(?<!》)(?:19|20)\d\d\s*年?\s*[-—–~至到]\s*(?:19|20)?\d\d\s*年(?!度)"
                r"|(?:19|20)\d\d\s*年度\s*[-—–~至到]\s*(?:19|20)\d\d\s*年度|(?:19|20)\d\d\s*[-—–~至到]\s*(?:19|20)\d\d\s*年度"
                r"|十[一二三四五六]五[”\"]?(?:时期|期间|以来)(?![^,，。]{0,6}(?:特别是|尤其是))|五年来|近五年"
                # A plan period named as what is reported ("关于“十三五”法治政府建设工作情况的总结报告"), five
                # years' work, a 纲要's implementation summed up or taken at mid-term, a government's term.
                r"|十[一二三四五六]五[”\"]?(?=法治|依法)|(?<![〇零一二三四五六七八九十两])五年(?!度)(?:[^,，。;；年]{0,10}?)(?:工作|以来|情况|总结)"
                r"|纲要[^,，。;；]{0,16}?(?:实施|贯彻落实|落实)情况(?:的)?(?:总结|中期)|中期(?:报告|评估|总结)"
                r"|任期(?:内|以来)")),
]
_REPORT_NOUN = rx.compile(r"报告|总结|汇报")
# The fields a special report to a people's congress is made on (the others are summed up: 普法, 平安建设,
# 政务公开).
_SPECIAL_TOPICS = ("topic.reconsideration", "topic.enforcement", "topic.normative_docs", "topic.petition",
                   "topic.one_law")

# --- titles
_T_INTERPRETATION = rx.compile(
    r"^(?:文字|图文|政策|文件)?(?P<w>解读)|(?P<w2>图解|一图(?:读懂|看懂|了解)|答记者问)|(?P<w3>解读)$"
    # a label before the report's name: "区政府常务会议议题解读：关于2023年度法治建设工作情况的汇报"
    r"|(?P<w4>解读)\s*[:：]"
)
_T_GOV_WORK = rx.compile(r"政府工作报告|人民代表大会(?!常务委员会)[^。]{0,16}会议上")
# 述法, 述职, 述责述廉, a comrade named ("关于王建国同志…的报告"), the principal leader's report.
_T_SHUFA = rx.compile(r"述法|述职|述责|述廉|(?<![人党])[\u4e00-\u9fff]{2,3}同志"
                      r"|主要负责同志(?=[^,，。]{0,20}(?:报告|汇报))")
_T_DUTY = rx.compile(r"(?:主要负责人|主要负责同志|主要领导|第一责任人|县长|区长|市长|省长|镇长|乡长|书记).{0,16}职责")
# The body's own 法治政府建设 as the title's subject ("…法治政府建设情况的报告", "…法治政府建设和…").
_T_CORE_SUBJECT = rx.compile(
    r"(?:法治政府|依法行政|法治)建设?(?:工作)?(?:情况|年度|和|及|暨|与|工作总结|工作报告|报告)"
)
# (a year's 政府信息公开工作报告 without "年度" is that report too: "…局2023年度政府信息公开工作报告")
_T_DISCLOSURE = rx.compile(r"(?:政府)?信息公开.{0,8}(?:年度报告|年报)|政务公开.{0,8}(?:年度报告|年报)"
                           r"|(?:19|20)\d\d\s*年度?\s*(?:政府)?信息公开工作(?:情况)?报告")
# Covers that carry a document: issued (印发…的通知), sent by its author (报送…的函), made public (公布…的公告).
# "关于报送…报告的通知" asks others to send theirs: it carries nothing.
_T_WRAPPER = rx.compile(
    r"(?:(?:印发|转发|下发)[《<]?(?P<issued>.+?)[》>]?的通知"
    r"|(?:报送|呈报|上报|呈送)[《<]?(?P<sent>.+?)[》>]?的(?:函|报告|请示)"
    r"|(?:公布|发布|公开)[《<]?(?P<public>.+?)[》>]?的(?:公告|通告|通知))"
)
# (a guide to writing them — "…年度报告编写指南" — is told by its form: _T_FORMS)
# A report's own title as a line of its own: 法治政府建设 or 依法行政 and a report's noun, no sentence's full stop.
_REPORT_TITLE_LINE = rx.compile(r"[^\n。]{0,40}(?:法治政府建设|依法行政)[^\n。]{0,30}(?:报告|总结|汇报)[^\n。]{0,12}$",
                                re.MULTILINE)


def _carries_report(st: Structure, title: str) -> bool:
    """Whether a cover's text holds the report it names: a report's title on a line of its own under the cover's
    (the report's heading line repeated above its text), other than the cover's title."""
    text = st.text
    lo, hi = st.body
    flat = "".join(title.split())
    return any("".join(m.group(0).split()) != flat and len(m.group(0).strip()) <= 80
               and not NOT_THE_REPORT.search(m.group(0)) for m in _REPORT_TITLE_LINE.finditer(text, lo, hi))
_T_ABOUT_REPORTS = rx.compile(r"(?:年度报告|情况报告|工作报告)的?(?:报送|公开|发布|审查|审核|点评|评估|评查|评析|评议"
                               r"|抽查|检查|质量)")
_T_REQUEST = rx.compile(r"(?:报送|上报|报告)[^。]{0,30}的通知$")
_T_NOTICE = rx.compile(r"的(?:通知|通报|意见|批复|函)$|(?:结果|情况|工作)通报$"
                       r"|(?:办法|规定|细则|指引|决定|意见)(?:\(试行\))?$"
                       # a standard to measure by ("法治政府建设示范指标体系", "…考核评价标准（试行）")
                       r"|(?:指标体系|评价体系|评估体系|考核标准|评价标准|评估标准)(?:\(试行\))?$")
# A unit's budget or final accounts published beside its report ("安远县司法局2023年部门决算").
_T_BUDGET = rx.compile(r"(?:部门|单位)?(?:决算|预算)(?:公开|说明|报告|情况|表)?$")
_T_PLAN = rx.compile(
    r"工作要点|实施方案|工作方案|工作安排|工作计划|任务清单|任务分工|重点任务|重点工作|工作任务|实施意见"
    r"|规划(?:\(\d{4}-\d{4}年?\))?|行动计划|行动方案"
)
# The year ahead in other words, ending the title ("2025年法治政府建设工作思路", "…工作打算", "…主要目标任务"); in a
# report's title they name what is told ("关于落实2021年度…目标任务的报告", "…（含下一步工作思路）").
_T_PLAN_AHEAD = rx.compile(r"(?:工作思路|工作打算|工作设想|工作谋划|目标任务|工作重点)$")
_TOLD = rx.compile(r"情况|总结|成效|完成|进展|开展")
_SUMMARY_FIRST = rx.compile(r"(?:19|20)\d\d\s*年度?(?:工作)?(?:总结|报告|汇报)(?:及|和|与|暨|、)")
# "…情况报告及2023年工作方案": the year's report first, with next year's plan added.
_T_REPORT_FIRST = rx.compile(
    r"(?:法治政府|依法行政|法治)建设?[^及和与暨]{0,12}(?:报告|总结|汇报|情况)[^及和与暨]{0,4}(?:及|和|与|暨)"
)
_T_NEWS = rx.compile(
    r"召开|举行|举办|调研|考核|督导|督查|座谈|现场会|评议会|推进会|培训班|评估组|考核组|督察组|到[\u4e00-\u9fff]{1,6}开展"
    r"|来我[省市县区镇乡]|名单|公布|发布|出炉|蝉联|荣获|获评|入选|答卷|位列|名列"
)
_T_ASSESSMENT = rx.compile(r"蓝皮书|白皮书|发展报告|指数报告")
_T_EVALUATION = rx.compile(r"(?:第三方|专家|社会|群众|满意度)?评估(?:报告|结果(?:报告)?|情况报告)$")
_JOINED = rx.compile(r"暨|及|和|与|并|、")
# A feature story on the year's work: "砥砺奋进谱新篇——2021年灵寿县法治政府建设工作综述".
_T_FEATURE = rx.compile(r"综述$|工作综述|纪实$|巡礼$")
# A headline about a report: "…审议通过…情况报告", "…年度报告来了", "…报告发布".
_T_NEWS_ABOUT = rx.compile(r"审议通过|(?<!的)通过了?|来了|亮相|出炉|发布$|公布$|正式发布|正式公布"
                           # A meeting as the subject: "县政府常务会议审议《2021年度…报告》".
                           r"|^[^《]{0,20}(?:会议|常务会|常委会|办公会)[^,，。《]{0,6}(?:审议|研究|听取|讨论)")
# A sample page of a template site: "2021年度法治政府建设情况报告范文（精选3篇）".
_T_SAMPLE = rx.compile(r"范文|范例|精选\s*[\d一二三四五六七八九十]{1,2}\s*篇|通用\s*[\d一二三四五六七八九十]{0,2}\s*篇"
                       r"|[\d一二三四五六七八九十]{1,2}篇(?:精选|汇总|合集)?[)）】]?$|优秀篇|[(（【](?:汇总|最新版|合集)[)）】]"
                       r"|模板(?:下载|范本)?[)）】]?$")
# A reporter's byline in the opening lines: "（记者 张三）", "（县融媒体中心 记者 李四）".
_PRESS = rx.compile(r"本报讯|本报记者|新华社[^,，。\n]{0,12}电")
_FULL_TEXT = rx.compile(r"(?:全文|原文|报告全文|报告原文)(?:如下|附后)[:：]")
REPORT_MIN_CHARS = 1000  # a report's body; the shortest real one is over 2,500 characters
_BREADCRUMB = rx.compile(r"[>»›]|" + WHERE_ON_SITE + r"|首页|来源[:：]")
_NAME = r"[\u4e00-\u9fff]{2,3}"
# A person's name ends there ("文/张三 图/李四"), not in a body's name ("文/灵寿县司法局").
_NAME_END = r"(?=\s|$|[，,、|｜/／]|通讯员|记者|摄影|摄像|实习生|图\s*[/／])"
_BYLINE = rx.compile(
    # "（记者 张三）", "【记者 张三 通讯员 李四】", "（县融媒体中心 记者 张三）": the bracket holds nothing but the
    # byline (not "（含人大代表、新闻记者）", "（欢迎通讯员投稿）", "（全县现有通讯员86名）").
    r"[(（【〔]\s*(?:[\u4e00-\u9fff]{2,12}(?:融媒体中心|报社|日报|晚报|电视台|广播电视台|新闻中心|新闻网)\s*)?"
    rf"(?:全媒体|首席|特约|见习)?(?:记者|通讯员)[\s:：]*{_NAME}"
    rf"(?:[\s、，,]*(?:(?:全媒体|首席|特约|见习)?(?:记者|通讯员)|实习生|摄影|摄像)[\s:：]*{_NAME}|[\s、，,]+{_NAME})*\s*[)）】〕]"
    # "记者｜张三", "文/张三 图/李四" on a line of their own; "本报记者", "本报讯".
    rf"|(?:^|\n)\s*(?:记者|通讯员)\s*[｜|:：]\s*{_NAME}{_NAME_END}"
    rf"|(?:^|\n)\s*文\s*[/／]\s*{_NAME}{_NAME_END}|本报记者|本报讯")
# "青山县公开2023年度法治政府建设情况报告": a headline that a body publishes the year's report (not "政务公开",
# "信息公开", "依法公开": a field's name).  It does not name the text a report: what the text says decides (a
# dateline, sentences about the report: news; the report itself under it, as a page may carry it: the report).
# So is a headline that names the report as its subject: in book-title marks with the news around it
# ("《…的报告》全文公开"), under a reader's verb ("解码…报告", "一图读懂…"), or with a claim after it ("…报告：县长
# 4次专题研究…").  A report's own title is its name alone.
_T_PUBLISHES = rx.compile(
    r"(?<![务息法动文以])(?:公开|发布|晒出|公布)了?(?=\s*(?:20\d\d|二〇))"
    r"|(?:报告|汇报)》\s*[\u4e00-\u9fff]{2}|[\u4e00-\u9fff]{2}\s*《[^》]{0,60}(?:报告|汇报)》"
    r"|^\s*(?:解码|解读|聚焦|速览|图解|一图(?:读懂|看懂|了解)|读懂|看懂|透视|盘点)"
    r"|(?:报告|汇报)\s*[:：｜|]\s*[\u4e00-\u9fff\d]{4}"
)
# Sentences about a report ("报告显示，…", "报告坦言，…", "《报告》提出，…"): an article on it, not the report.
_ABOUT_VERB = (r"(?:显示|指出|提出|坦言|坦承|坦陈|直言|称|表示|认为|介绍|明确|披露|总结|强调|提到|还提到"
               r"|列出|梳理)")
_ABOUT_REPORT = rx.compile(r"(?:^|(?<=[。,，;；!！\n]))\s*(?:《?报告》?|该报告|这份报告)" + _ABOUT_VERB)
# (what every match holds, beginning with a word: a scan for it skips ahead, where the pattern above, beginning
# with a look-behind, is tried at every character — most texts never say it, and are not scanned again)
_ABOUT_REPORT_WORDS = rx.compile(r"报告》?" + _ABOUT_VERB)
_PUBLISHED_REPORT = rx.compile(r"(?:公开|发布|公布|晒出|亮出)了?\s*《[^》]{0,60}(?:报告|汇报)》")
# A body other than a government or its departments at the head of the title, reporting ("灵寿县人民法院关于2021年度
# 法治建设工作情况的报告", "中共灵寿县委关于…", "…投资集团有限公司2021年度…"): the annual report is a government's
# and its departments' duty (督察工作规定 art. 24-25); a court's, a Party committee's alone, an enterprise's or a
# school's own 法治建设 report is another document.  Not a joint one ("中共灵寿县委 灵寿县人民政府关于…"), nor a
# department's Party group, nor the committee for law-based governance's office.
_T_OTHER_BODY = rx.compile(
    # the body's own name, not a government's title about it ("灵寿县人民政府关于县人民法院…")
    r"^(?:(?!关于|政府)[\u4e00-\u9fff]){0,24}?(?:人民法院|人民检察院|人大常委会|人民代表大会常务委员会"
    r"|政协[\u4e00-\u9fff]{0,10}委员会|有限(?:责任)?公司|股份公司|集团公司|公司|集团|学院|大学|学校|医院)(?=关于|(?:19|20)\d\d)"
    # a Party committee ("中共灵寿县委", "中共灵寿县委员会", "中共灵寿镇党委", "灵寿县委"), not the committee for
    # law-based governance ("中共灵寿县委全面依法治县委员会")
    # (or one of its departments: "灵寿县委政法委", "县委组织部")
    r"|^(?:中共)?(?:(?!依法治|政府)[\u4e00-\u9fff]){1,20}?[省市县区州旗盟镇乡](?:党)?委(?:员会)?"
    r"(?:政法委(?:员会)?|组织部|宣传部|统战部|办公室|党校)?(?=关于|(?:19|20)\d\d)"
    # …and the same bodies after a leading 关于 or year, their report's subject after them
    # ("关于青溪县人民法院2023年度…", "2023年度江城大学法治工作报告", "2023年度中共青溪县委法治建设工作情况报告")
    r"|^(?:关于|(?:19|20)\d\d\s*年度?)(?:(?!政府|依法治|[局厅办署]|委员会|及|和|暨|与)[\u4e00-\u9fff]){0,24}?(?:人民法院|人民检察院|人大常委会"
    r"|人民代表大会常务委员会|政协[\u4e00-\u9fff]{0,10}委员会|有限(?:责任)?公司|股份公司|集团公司|集团|学院|大学|学校|医院"
    r"|(?<=中共)(?:(?!依法治|政府)[\u4e00-\u9fff]){1,12}?[省市县区州旗盟镇乡](?:党)?委(?:员会)?)(?=关于|(?:19|20)\d\d|法治|依法(?!治))"
)
# One person's report: a post and a name ("交通运输局局长王振华2022年度…", "…县长王建国同志…").
_T_PERSON = rx.compile(
    r"(?:局长|县长|区长|市长|镇长|乡长|书记|主任|厅长|部长|旗长|州长|省长)"
    # A name holds no unit's word: "县长生镇2020", "市长寿区2021", "省长沙市2021" are places after 县, 市, 省; nor is
    # "公安局长安分局2023", "生态环境局长宁分局关于" a chief: a branch after 局.
    r"(?![\u4e00-\u9fff]{1,2}分局)(?:(?![省市县区镇乡村旗州盟])[\u4e00-\u9fff]){2,3}(?:同志)?(?:\d{4}|关于|履行|述)"
)
# Other forms a document takes: a speech, a conference statement, minutes, an explanation, an answer to a
# motion, an experience article, an outline to fill in.
_T_FORMS = rx.compile(
    # (a report delivered at a work meeting is a speech too: "在全县法治政府建设工作会议上的报告"; not one to a
    # people's congress standing committee, where the government's report is put)
    r"(?P<speech>讲话|致辞|动员讲话|^在(?![^。\n]*(?:人大常委会|常务委员会))[^。\n]{2,40}?会议?上的(?:工作)?报告)|(?P<statement>(?:交流|典型|表态)发言)|(?P<minutes>纪要)|(?P<explanation>的说明$|起草说明)"
    r"|(?P<reply>(?:提案|建议|议案)[^。]{0,20}(?:答复|办理)|答复意见)|(?P<experience>经验(?:做法|材料|交流)|典型经验)"
    # (not a proper name: "灵寿县模板产业园区管理委员会…报告")
    r"|(?P<outline>提纲|模板(?!产业|厂|有限|公司|园区)|范本)"
    # A guide to writing or filing the reports, a folder's description, a collection of them: about reports, none
    # itself ("年度报告编写指南", "报告填报须知", "法治政府建设年度报告仓库", "…年度报告汇编").
    r"|(?P<guide>(?:须知|指南|编写说明|填报说明|报送要求|仓库|目录|索引)$)|(?P<collection>(?:汇编|合集|选编)$)"
)
# A report's title, then a column, a site or another document after a separator or a conjunction.
_REPORT_BEFORE = rx.compile(r"(?:报告|总结|汇报|情况)\s*(?:[-—–_|｜]|\s[-—–]\s|及|和|暨|[(（])")
_FORM_KIND = {"speech": "speech", "statement": "speech", "minutes": "minutes", "explanation": "explanation",
              "reply": "reply", "experience": "news", "outline": "template", "guide": "notice",
              "collection": "several_reports"}

# --- openings and bodies
# "各位代表：" addresses a congress; "认真办理各位代表提出的意见建议" only speaks of its deputies.
_GOV_WORK = rx.compile(r"(?:^|(?<=[\n。！!]))\s*各位代表[:：,，!！]|向大会报告(?:政府)?工作"
                       r"|请予审议[,，]?并请.{0,12}政协委员|请予审查[,，]?并请")
_GOV_WORK_WORDS = rx.compile(r"各位代表|向大会报告|请予审[议查]")  # (in every match: see _ABOUT_REPORT_WORDS)
# A 政府工作报告's review of the year: the economy in figures, the year's targets.
# (each word written out, none optional at the start: a scan skips ahead to their first characters)
_ECONOMY = rx.compile(
    r"地区生产总值|生产总值|GDP|一般公共预算收入|固定资产投资|社会消费品零售总额|规模以上工业|规上工业"
    r"|城乡居民人均可支配收入|粮食总产量"
)
_GOV_WORK_SAYS = rx.compile(r"政府工作的?总体要求|主要预期目标|今年政府工作|经济社会发展的?主要(?:预期)?目标")
_GOV_WORK_HEADING = rx.compile(r"工作回顾|总体要求和主要目标|主要预期目标|(?:20\d\d年|今年)(?:重点)?工作(?:安排|任务)")
_DISCLOSURE = rx.compile(
    r"政府信息公开条例|政府信息公开工作年度报告|政务公开(?:年度)?工作(?:情况)?(?:年度)?报告|主动公开政府信息情况"
    r"|收到和处理政府信息公开申请"
)
_DISCLOSURE_PART = rx.compile(r"主动公开政府信息|收到和处理政府信息公开申请|政府信息公开(?:行政复议|工作存在)")
_NEWS_OPENER = rx.compile(
    r"^(?:本报讯|[^,，。\n]{0,10}讯[(（]|[\u4e00-\u9fff]{1,8}讯(?=[ \t\u3000]|\d{1,2}月)"
    r"|新华社[^,，。\n]{0,12}电|[^,，。\n]{0,12}记者|据悉|近日|日前|近期|昨天|昨日|今天上午"
    r"|今日|\d{1,2}月\d{1,2}日(?:上午|下午|晚)?[,，])"
)
# Words only news is written with: a reporter, a byline, "据介绍", "X表示".
# A reporter's lead ("记者从县司法局获悉，", "本报讯（记者 王芳）", "通讯员李明报道：") and a newsroom's credit
# ("来源：灵寿县融媒体中心", "（灵寿县融媒体中心）"; not 责任编辑, which government sites carry too).
_REPORTER_LEAD = rx.compile(r"\s*(?:本报讯|本台讯|[^,，。\n]{0,10}讯[(（]记者|记者[^,，。\n]{0,16}?(?:获悉|了解到|采访)"
                            r"|通讯员[^,，。\n]{0,8}报道"
                            # the report's publication told ("日前，灵寿县人民政府…向社会公开了2021年度…报告")
                            # not the report's own formula nor a site's note posting it ("…现将…报告如下",
                            # "…报送了2021年度…报告，现予以公开")
                            r"|(?:日前|近日|近期)[,，]?(?![^。\n]*(?:现将|如下|现予|予以公开|予以公布))"
                            r"[^。\n]{0,40}?(?:公开|发布|公布|报送)了?[^。\n]{0,30}?报告)")
_NEWS_CREDIT = rx.compile(r"(?:来源|稿源)[:：]\s*[^\n]{0,16}?"
                          r"(?:融媒体中心|日报|晚报|新闻网|电视台|广播电视台|报社|新闻中心)"
                          r"|[(（][^()（）\n]{0,16}(?:融媒体中心|日报|新闻中心|电视台|报社)[)）]")
_NEWS_STRONG = rx.compile(
    r"本报讯|(?:^|\n)\s*[\u4e00-\u9fff]{1,8}讯(?=[ \t\u3000]|\d{1,2}月)"
    r"|记者(?:从|了解|获悉|采访)?|据了解|据介绍|据悉|通讯员|责任编辑|编辑[:：]|(?:^|[\n。！？!?])\s*会上[,，]"
    r"|[(（][^()（）\n]{0,16}(?:融媒体中心|记者|通讯员|报社|日报|新闻中心|电视台)[^()（）\n]{0,12}[)）]"
    r"|[\u4e00-\u9fff]{2,4}(?:介绍|表示|说)[,，:：]"
)
# Words news shares with reports (a meeting chaired, a leader's instruction): only beside one of the above.
_NEWS_CUE = rx.compile(
    r"(?:强调|指出|要求)[:：]|(?:主持(?:会议|召开会议)|出席会议并讲话)|(?:现场会|评议会|推进会|座谈会)在[^。]{0,20}召开"
    r"|近日|日前"
)
_ANNOUNCEMENT_CUE = rx.compile(
    r"各地区各部门|各地区高度重视|经[^。,，]{0,12}批准|自愿申报|予以公示|拟命名|名单(?:如下|公布)|现予公布"
)
_PLAN_CUE = rx.compile(
    r"[〔\[(（]?(?:牵头|责任|配合)(?:单位|部门)[:：]|完成时限[:：]|时间节点[:：]"
    r"|[(（][^()（）\n]{0,20}牵头[^()（）\n]{0,20}[)）]"
)
# (what every match holds, beginning with a word: see _ABOUT_REPORT_WORDS)
_PLAN_CUE_WORDS = rx.compile(r"牵头|(?:单位|部门|完成时限|时间节点)[:：]")
_PLAN_OPENING = rx.compile(r"(?:总体|工作)思路是|总体要求[:：]|工作目标[:：]|主要任务[:：]")
# A plan's first sentence says what is to be done ("…结合我县实际，2022年重点抓好以下工作"), and its parts are
# tasks and their safeguards, not results and problems.
_PLAN_FIRST = rx.compile(r"(?:抓好|做好|推进|落实)(?:以下|如下)(?:[\d一二三四五六七八九十几]+(?:项|个方面|个|方面|点))?"
                         r"(?:工作|任务|[:：])")
_PLAN_PART = rx.compile(r"^(?:[一二三四五六七八九十]+[、.]\s*)?(?![^\n]*(?:情况|完成|成效|推进|落实))"
                        r"(?:主要任务|重点任务|保障措施|工作要求|组织保障|工作目标"
                        r"|基本原则|指导思想|总体要求|实施步骤|职责分工|任务分工)")
# A text that says it was made to govern others: "制定本工作指引", "特制定本方案", "现就…工作安排如下".
_NORMATIVE_OPENING = rx.compile(
    r"(?:特|现)?制定本(?:工作)?(?:方案|要点|计划|指引|办法|规定|细则|意见|规划)|制定如下(?:方案|措施|计划|要点)"
    r"|现(?:将|就)[^。]{0,40}(?:工作)?(?:安排|部署|要点|任务)如下|提出(?:如下|以下)(?:实施)?意见"
)
_INTERPRETATION_OPENING = rx.compile(r"现(?:就|将)?[^。,，]{0,24}解读如下|(?:政策|文件)解读[:：]")
_INTERVIEW = rx.compile(r"^\s*问[:：]", re.M)
# (and a notice's own formula: "现就报送…报告有关事项通知如下", "现将有关事项通知如下")
_NOTICE_FORMULA = rx.compile(r"现(?:将|就)[^。;；]{0,60}?(?:通知|通报)如下")
_NOTICE_OPENING = rx.compile(r"现印发给你们|现将[^。]{0,40}印发给你们|请认真贯彻(?:执行|落实)|请结合实际|"
                             + _NOTICE_FORMULA.pattern)
# Written to others, from above or beside: addressed to the units below (a line "各县（市、区）委、人民政府，市直各
# 单位："), speaking to a unit as "你县" (a supervision's findings fed back), a people's congress's deliberation of
# the report handed to the government ("听取和审议了…报告。现将审议意见交办如下").
_ADDRESSED_DOWN = rx.compile(r"^[ \t\u3000]*(?:各(?!位)[^\n：:。]{1,60}"
                             r"|[^\n：:。]{1,40}[，,、](?:[省市县区]直|全[省市县区])?"
                             r"各(?:有关)?(?:单位|部门)[^\n：:。]{0,10})[：:][ \t\u3000]*$", re.M)
# ("各位领导：", "各位主任、各位委员：" address people, a report's own audience; "你镇…" quoted from a supervision's
# findings — "针对市督察组指出的“你镇…”问题", its quotation marks gone in the matching view — is a report telling
# what it put right)
_TO_YOU = rx.compile(r"(?<![“\"‘'的])你(?:省|市|县|区|州|旗|镇|乡|局|委|办|单位|部门|街道)")
_DELIBERATED = rx.compile(r"现将[^。\n]{0,30}?审议意见[^。\n]{0,12}?(?:如下|交办|转交|交由|送交|函告)")
# A finding told as put right ("督察组反馈指出你县存在的问题均已整改到位", "…，县政府立即整改"): a report quoting its
# supervision — unless the sentence asks for it ("请认真抓好整改": the letter).
_PUT_RIGHT = rx.compile(r"^(?!.*请).*(?:整改|销号)", re.S)
# A bid as what the text opens on ("…自评得分为936分，符合申报条件。现申报…", "申报单位："); not a self-assessment told
# as part of the year's work ("对照…示范指标体系开展自评").
_SELF_ASSESSED = rx.compile(r"符合申报条件|现申报"
                            r"|^申报(?:单位|地区|项目|类别)[:：]", re.M)
# …and the score a bid gives itself against the model's indicators, the bid named beside it ("按照…示范创建活动的通知
# 要求，…自评得分962分"); not a report's own assessment ("对照《…示范指标体系》开展自评，我县自评得分96分").
_SELF_SCORE = rx.compile(r"自评(?:得分|总分|分数)(?:为|是|达)?\s*[\d一二三四五六七八九十百千.]+分")
_SELF_PART = rx.compile(r"自评|自查自评|申报(?:意见|理由|事项|情况|单位)")
_BID = rx.compile(r"示范创建|创建活动|申报|争创")
# A supervision's findings handed to the unit ("现将督察意见反馈如下"), as a 通报 or a 通知 hands others theirs.
_FED_BACK = rx.compile(r"现(?:将|就)[^。;；]{0,40}?反馈如下")
# An inspection's report on the units it inspected, its title lost, in the inspector's voice: the inspection frames
# most of its parts ("一、督察工作开展情况", "三、督察发现的主要问题", "四、督察意见"), or its opening tells of the
# inspection it carried out on others ("督察组对青溪县、白河县等8个被督察单位…开展了实地督察") and it names those it
# inspected as such ("被督察单位") in part after part.  A government's own report opens on its own year ("2024年，
# 荷塘区坚持…"), tells of the inspection it received as an object ("接受省委法治督察组实地督察", "督察组对我区…开展了
# 督察") and of the supervision it carried out on its units ("…形成督察意见书反馈被督察单位"), even in parts of their
# own ("二、法治督察工作开展情况", "四、下一年度法治督察及工作打算"); its basis ("根据《…督察工作规定》") is no
# inspection told.
_INSPECTION_PART = rx.compile(r"督[察查]")
_INSPECTED_PART = rx.compile(r"整改|反馈|迎接|接受|配合|落实")  # a part on a supervision received
_INSPECTED = rx.compile(r"被督[察查](?:单位|地区|对象|部门|地方)")
# The inspection carried out on others, several of them ("对青溪县、白河县…", "对全县8个乡镇和…12个部门",
# "对我市各县区", "赴各县区"), not on the body itself ("对我区法治政府建设", "对本县").
_NOT_OTHERS = r"(?!(?:我|本)(?:省|市|州|盟|县|区|旗|镇|乡|街道|单位|局)(?!各|所属|下属|\d|[一二两三四五六七八九十]+个))"
_BEFORE_ACT = r"(?:(?!开展|进行|实施)[^。;；]){0,60}?"
_INSPECTION_TOLD = rx.compile(
    r"(?:对|赴)" + _NOT_OTHERS + _BEFORE_ACT + r"(?:、|和|及|等|各|[\d一二两三四五六七八九十]+个)" + _BEFORE_ACT
    + r"(?:开展|进行|实施)了?[^。;；，,]{0,8}?督[察查](?!工作规定)")
# An opening on the body's own year: "2024年，荷塘区坚持…", "2021年以来，…", "今年以来，我县…" (a month, "2024年3月，…
# 组成督查组", is a date in an inspection's account).
# An opening under the body's leadership, "在市委、市政府的坚强领导下，荷塘区坚持…", is one too.
_YEAR_OPENING = rx.compile(
    r"\s*(?:(?:\d{4}|[〇零一二三四五六七八九]{4})年度?(?:以来)?|今年以来|一年来|过去一年|本年度"
    r"|在[^。，,；;:：]{1,30}?领导下)[,，]")
# The body's supervision of its own units, told after an opening that is not the inspection's ("区委依法治区办对全区6个
# 街道和23个区直部门开展了…专项督察"): its whole area, its directly-run departments, its own or subordinate units.
_OWN_UNITS = rx.compile(r"对(?:全(?:省|市|州|盟|县|区|旗|镇|乡)|(?:省|市|州|县|区|旗)直|所属|本级)")


def _inspection_told(first: str, next_ones: list[str]) -> bool:
    """Whether the opening sentences tell of an inspection carried out on others: in the first ("2024年3月，…督查组，
    对全县8个乡镇和…12个部门…进行了专项督查"), or in the next two after an opening that does not speak of one, where the
    body's supervision of its own units (``_OWN_UNITS``: "对全区6个街道和23个区直部门") is not one."""
    if _INSPECTION_TOLD.search(first):
        return True
    own = "督察" not in first and "督查" not in first
    return any(_INSPECTION_TOLD.search(x) and not (own and _OWN_UNITS.search(x)) for x in next_ones)


def _inspection(st: Structure, body: str, sentences: list[str]) -> KindVerdict | None:
    """An inspector's report on others (see ``_INSPECTION_PART``), its title lost, or None."""
    if "督察" not in body and "督查" not in body:
        return None  # (the common case: no word of an inspection, nothing more is read)
    first = sentences[0] if sentences else ""
    if _YEAR_OPENING.match(first) and not _INSPECTION_TOLD.search(first):
        return None  # the body's own year: an inspection in it is one received or one it carried out on its units
    tops = [sec for sec in st.sections if sec.parent is None]
    parts = [sec.heading for sec in tops if _INSPECTION_PART.search(sec.heading)
             and not _INSPECTED_PART.search(sec.heading)]
    if len(parts) >= 2 and 2 * len(parts) > len(tops):  # (most of its parts: a report may have one or two of its own)
        return _other("survey_report", "kind.reason.inspection", word=parts[0])
    # (the inspected named throughout, in two parts or more: a report's item on the supervision it did is one part)
    named = [m for sec in tops if (m := _INSPECTED.search(st.text, *sec.span))]
    if len(named) >= 2 and _inspection_told(first, sentences[1:3]):
        return _other("survey_report", "kind.reason.inspection", word=named[0].group(0))
    return None


# A formula's matter that is how something was dealt with ("研究处理情况", "办理情况", "落实情况").
_DEALT_WITH = rx.compile(r"研究处理|办理|落实|整改")
# "现将…情况报告如下" / "现就…汇报如下": the matter a report says it reports on.
_FORMULA = rx.compile(r"现(?:将|就)(?P<what>[^。;；!！?？]{0,60}?)(?:报告|汇报|总结)(?:如下|以下|于后)")
# "根据《法治政府建设与责任落实督察工作规定》" / "按照《关于报送2021年度法治政府建设情况报告的通知》" opening a text.
_BASIS_OPENING = rx.compile(r"^(?:根据|按照|依据)[^。]{0,12}《[^》]{0,40}(?:督察工作规定|法治政府建设[^》]{0,12}报告)")
# The parts only an annual report has: the year's measures and results, its shortcomings, its plan.
_RESULTS_HEADING = rx.compile(
    r"(?:举措|工作|做法)(?:和|及|与|、)?成效|主要成效|工作(?:开展|推进|完成)情况|履行第一责任人"
)
_PROBLEMS_HEADING = rx.compile(r"存在的?(?:主要)?(?:问题|不足|困难)|不足和原因|问题和不足|短板")
_PLAN_HEADING = rx.compile(r"下一(?:年度|步)|下步|(?:工作)?(?:安排|打算|计划|思路)|20\d\d年(?:工作|主要)")
# A leader's own 述法: "我" as the speaker, "本人", a first part on one person's performance of duty.
# "我县", "我们", "我局", "我苏木" speak for a body; "我" alone, for one person ("我为群众办实事" is a campaign).
# A person speaks: "我始终", "我带头", "我将"; a body speaks as "我县", "我局", "我关", "我支队", "我们".
# (我 first and the look-behind after it: a scan skips ahead to each 我)
_I_SPEAK = (r"我(?<![自敌]我)(?=始终|坚持|认真|带头|将|要|把|在|对|作为|深知|自觉|严格|主动|积极|切实|亲自|能|也|还|更"
            r"|时刻"
            r"|从|向|以|先后|参加|多次|主持|负责|分管|任职|到任|担任|深刻|牢记|一直|坚决|个人)")
_FIRST_PERSON = rx.compile(r"本人|" + _I_SPEAK)
_I_SPEAKING = rx.compile(_I_SPEAK)
# "王建国同志" names a person; "主要负责同志", "有关同志" do not.
_COMRADE = rx.compile(r"[\u4e00-\u9fff]{2,3}同志")
_NOT_A_NAME = rx.compile(r"(?:负责|领导|有关|各位|全体|广大|青年|老|女)同志$")
_DUTY_HEADING = rx.compile(r"^(?:个人)?(?:履职|述职|述法)(?:尽责)?(?:情况)?$")
# "本人" as its author speaks, not a party's own presence ("当事人本人", "申请人本人到场").
# (as the subject opening a clause: not "无需本人到场", "干部本人档案", "县长本人出庭应诉")
_OWN_PERSON = rx.compile(r"(?:^|(?<=[。，,；;：:\n]))[ \t\u3000]*"
                         r"(?:[一二三四五六七八九十]是|同时|此外|其次|再次|作为[^，,。]{0,20}[，,]"
                         r"|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、]|[一二三四五六七八九十]{1,3}、)?本人")
# One named person as the report's speaker (RULEBOOK §1.4: the 第一责任人 reports on their own duty): a 述法人 line
# ("述法人：李某某"), the post and the name above the text ("县人民政府县长 李某某"), or a person's name signing it
# above the date.  A body never signs so: "灵寿县人民政府", "县司法局".
_SPEAKER_LABEL = rx.compile(r"^\s*(?:述法人|述职人|述责述廉人|报告人|汇报人)\s*[:：]\s*[\u4e00-\u9fff]{2,4}\s*$", re.M)
# (not a heading: "(一)主要负责人亲自抓")
_POST_AND_NAME = rx.compile(r"^(?![（(]?[一二三四五六七八九十\d]{1,3}[、.．)）])"
                            r"[^\n。，,:：]{0,24}?(?:书记|县长|市长|区长|州长|盟长|旗长|省长|镇长|乡长|主任|局长|厅长"
                            r"|部长|署长|院长"
                            r"|负责人)\s*(?P<name>[\u4e00-\u9fff]{2,4})\s*$", re.M)
_PERSON_NAME = rx.compile(r"^[\u4e00-\u9fff]{2,4}$")
_NOT_A_PERSON = rx.compile(r"(?:府|局|委|办|院|会|部|厅|所|处|室|队|心|道|镇|乡|县|区|市|省|州|旗|盟|司|组|校|站|社|关"
                           r"|报告|总结|情况|讲话|发言|述法|述职|工作|汇报|此致|敬礼)$")


def _speaker(st: Structure) -> str | None:
    """The line naming one person as the speaker of the text (above it, or signing it), or None."""
    text, (lo, hi), (_cs, ce) = st.text, st.body, st.closing
    m = _SPEAKER_LABEL.search(text, max(lo, hi - 300), max(hi, ce))  # (under the text: the body's end or the closing)
    if m:
        return m.group(0).strip()
    m = _POST_AND_NAME.search(text, 0, min(len(text), lo + 200))
    if m and not _NOT_A_PERSON.search(m.group("name")):
        return m.group(0).strip()
    end = [ln.strip() for ln in text[max(lo, hi - 300):max(hi, ce)].split("\n") if ln.strip()][-4:]
    for line, below in pairwise(end):  # a name, the date under it
        if _PERSON_NAME.match(line) and not _NOT_A_PERSON.search(line) and DATE_RE.match(below):
            return line
    return None


# What only one person's duty report says of its author.
_PERSONAL = rx.compile(r"本人|个人|承诺书|干预司法|三个规定|述职述法|年度述法")
# A speech or a statement at a meeting.
_SPEECH = rx.compile(r"同志们[:：!！,，]|下面[,，]?我(?:讲|谈|就)|^尊敬的[^,，。\n]{0,16}(?:书记|领导|主任|同志)", re.M)
# An article about a body in the third person ("该县…").
_THIRD_PERSON = rx.compile(r"该[县区市镇乡局委省州旗]")
# A fill-in template: instructions to the drafter, or blanks where names and numbers go.
_TEMPLATE_CUE = rx.compile(r"[(（【]\s*(?:此处|请)?填写|填写说明|[(（](?:此处|请)[^)）]{0,20}[)）]|模板|范文")
_INSTRUCTION = rx.compile(r"[(（【](?:写明|填写|列明|列举|简述|注明|概述|请填|此处)[^)）】\n]{0,40}[)）】]")
# Blanks where a year or a name goes (a drafter's unfilled figure is a placeholder, not a template).
_BLANK = rx.compile(r"_{2,}")
_BLANK_YEAR = rx.compile(r"(?:19|20)_{1,2}\s*年")
# A page of sample texts: "…报告 篇1", "【篇二】".
_SAMPLES = rx.compile(r"篇\s*[\d一二三四五六七八九十]{1,2}\s*(?:[:：】]|$)", re.M)


@dataclass(frozen=True)
class KindVerdict:
    """What the text is: ``kind`` annual_report or other; for other, which kind and the signs."""

    kind: str
    other_kind: str | None = None
    reason: str | None = None  # an i18n key
    args: dict[str, str] = field(default_factory=dict)
    title: str | None = None  # the title line that decided it, when structure found no title (a researcher's list)


REPORT = KindVerdict("annual_report")


# Several cue words in one reason: each is quoted on its own when the reason is written ("主持会议”“会上").
WORDS = "\x1f"


def dated_early(year: int, dates: list[dt.date], body_agrees: bool = False) -> KindVerdict | None:
    """A text on ``year`` signed or published before 1 November of that year (``season_opens``: "关于2022年一至六月…
    的报告", signed 2022年7月14日; last year's report under this year's title): not that year's report, whatever its
    title says — the year's report can only be written once the year is (nearly) over.  From November on it is (a
    report for an autumn collection, signed 2021年11月20日, is the 2021 report).  When another date is after
    the year, one before its April is a slip of the year's number ("2021年1月14日" on the 2021 report published
    2022-01-20; a page dated 2021-01-20 over a report signed 2022-01-14): the season reports are signed in, not a
    part of the year.  So it is when the body names the title's year as its own (``body_agrees``: "关于2021年度…的
    报告" over "2021年以来，灵寿县…", signed "2021年1月14日" — the January habit of writing the year just ended).
    With neither, it is not (a title naming the year it was published in, "2022年…年度报告" signed and published in
    January 2022, is last year's report)."""
    opens = season_opens(year)
    after = body_agrees or any(d >= opens for d in dates)
    early = min((d for d in dates if d < opens and not (after and d < dt.date(year, 4, 1))),
                default=None)
    if early is None:
        return None
    return _other("dated_early", "kind.reason.dated_early", date=early.isoformat(), year=str(year))


# The year so far as what the text opens on, no year named ("今年以来，我区…", "年初以来", "今年1-6月"): the year it
# is written in.
_SO_FAR = rx.compile(r"今年(?:以来|来|上半年|前[两二三]个?季度|第?[一二三]季度"
                     r"|\s*1\s*月?\s*[-—–至到]\s*[1-9]\s*月(?!\d))|年初以来|入年以来")


def _opening_line(text: str) -> str:
    """The first line of ``text`` (a body's beginning) that is not a salutation, a date or a page's line."""
    return next((ln for ln in _lines(text) if not _NOT_OPENING.search(ln)), "")


def so_far(st: Structure, signed: dt.date | None) -> KindVerdict | None:
    """A text naming no year, that opens on "this year so far" ("今年以来，…") and is signed from April to October of
    a year: a part of that year summed up, not a year's report (signed from November on, "今年以来" is the whole
    year; signed before April, the season's reports are — and "今年" a slip for last year)."""
    if signed is None or not dt.date(signed.year, 4, 1) <= signed < season_opens(signed.year):
        return None
    lo, hi = st.body
    m = _SO_FAR.search(_opening_line(st.text[lo:min(hi, lo + 600)]), 0, 200)
    return None if m is None else dated_early(signed.year, [signed])


_SINCE_YEAR = rx.compile(r"((?:19|20)\d\d)\s*年以来")


def since_year(title: str, year: int, dates: list[dt.date]) -> KindVerdict | None:
    """A title on the work "since" its year ("关于2021年以来法治政府建设工作情况的报告") signed or published after the
    next year was over (2023年8月): the years since, summed up for a people's congress, not that year's report.
    Signed early in the next year, as reports are, it is the year's report ("2021年以来" then means 2021)."""
    m = _SINCE_YEAR.search(title)
    if m is None or int(m.group(1)) != year or not any(d > dt.date(year + 1, 12, 31) for d in dates):
        return None
    return _other("multi_year_summary", "kind.reason.title", word=m.group(0))


def _other(other_kind: str, reason: str, **args: str) -> KindVerdict:
    return KindVerdict("other", other_kind, reason, args)


def _framed_topic(text: str) -> str | None:
    """The other field ``text`` is mostly about (its i18n key), when it names no core topic."""
    if CORE_TOPIC.search(text):
        return None
    counts = [(len(pattern.findall(text)), -i, key) for i, (key, pattern) in enumerate(_TOPICS)]
    n, _i, key = max(counts)
    return key if n else None


def _topic(text: str) -> str | None:
    """The other field a phrase names (its i18n key), when it names no core topic."""
    if CORE_TOPIC.search(text):
        return None
    for key, pattern in _TOPICS:
        if pattern.search(text):
            return key
    return None


# The formula's matter when it is a unit's whole year ("全年工作", "2021年工作", "一年来的主要工作情况").
_GENERAL_WORK = rx.compile(r"(?:我[县区市镇乡局委办]|本(?:单位|部门|局))?"
                           r"(?:(?:19|20)\d\d\s*年度?|全年|一年来|今年|本年度)?的?(?:主要)?工作(?:开展)?(?:情况)?")
# A unit's other lines of work, as a general summary's parts name them.
_OTHER_FIELD = rx.compile(r"党建|党的建设|党风廉政|基层党组织|公共法律服务|法律援助|人民调解|社区矫正|安置帮教"
                          r"|综合治理|综治|业务工作|中心工作|经济|招商|项目建设|乡村振兴|脱贫|安全生产|民生|队伍建设"
                          r"|意识形态|精神文明")
_WHOLE_YEAR = rx.compile(r"(?:19|20)\d\d\s*年度|(?:19|20)\d\d\s*年(?![上下前第一二三四1-9\s—-])")


def _lead_part(text: str) -> str:
    """What a title or formula says it is about before it joins another matter: "2023年法治政府建设情况暨督察反馈
    问题整改情况" is the year's report (the rectification is joined to it); "2021年上半年法治政府建设和依法行政工作
    情况", "督察反馈问题整改和落实情况" are what their first part says."""
    m = CORE_TOPIC.search(text)
    if m is None:
        return text
    j = re.search(r"暨|及|和|并", text[m.end():])
    return text if j is None else text[:m.end() + j.start()]


# The year's report itself leads (not a leader's "推进法治建设": "2025年度镇党委书记推进法治建设及述法情况报告").
_GOVERNMENT_TOPIC = rx.compile(r"法治政府建设|依法行政")
_LEADER_WORD = rx.compile(r"书记|[县区市镇乡省州旗]长|主要负责人|主要负责同志|主要领导|局长|主任|本人|个人")
# A part of the year the body's first sentence opens on (months up to September: "1—11月" are the year's figures cut
# off in December; "截至2025年2月，…" is when a report on 2024 was drafted).
_PART_YEAR_OPENING = rx.compile(
    r"\s*(?:(?:(?:19|20)\d\d\s*年|今年)\s*(?:上半年|前[两二三]个?季度|第?[一二三]季度"
    r"|1\s*月?\s*[-—–至到]\s*[1-9]\s*月(?!\d))|截至\s*(?:19|20)\d\d\s*年\s*[3-9]\s*月(?!\d)(?:底|末)?)")
# Lines above a body's first sentence: the addressee ("中共灵寿县委、县人大常委会:"), the document's number.
_NOT_OPENING = rx.compile(r"^[^。]{1,60}[:：]\s*$|〔\d{4}〕\s*\d+\s*号\s*$|\[\d{4}\]\s*\d+\s*号\s*$")
# A top part headed by a part of the year ("上半年工作开展情况", "下半年工作计划", "第四季度工作打算").
_PART_YEAR_HEADING = rx.compile(
    r"(?:(?:19|20)\d\d\s*年)?\s*(?:上半年|下半年|前[两二三]个?季度|第?[一二三四]季度)(?:工作|主要|重点|法治|依法|以来)")
_MARKER = rx.compile(r"^\S{1,4}?[、.．]\s*")
# Part of a year, or a span of years.
_MONTHS_OR_SPAN = rx.compile(r"上半年|下半年|季度|(?:19|20)\d\d\s*年?\s*[-—–~至到]")
# The year the text reports on, named whole ("2025年度", "2023年法治…"), not the end of a span ("2016—2020年").
# (a report named before them is the year's: "…2025年法治政府建设年度报告（五年工作总结）", "…情况报告——五年工作回顾")
_JOINING = rx.compile(r"[暨和及与并、（(]|以及|——|报告|总结")
_OWN_YEAR = rx.compile(r"(?<![\d—–\-~至到])(?:(?:19|20)\d\d\s*年度(?!\s*[-—–~至到])"
                       r"|(?:19|20)\d\d\s*年(?![度上下前第一二三四1-9\s—–\-~至到]))")
_BRACKETED = rx.compile(r"[(（][^()（）]*[)）]")
# An aside in brackets: what the report includes or how far its data go ("（含督察反馈问题整改情况）", "（数据截至第四
# 季度末）"); not a bracket that names the period or the kind ("（上半年）", "（1-6月）", "（自查）").
_TRAILING_NUMBER = rx.compile(r"\s*(?:[(（]?(?:(?:19|20)\d\d\s*年)?第?\s*[\d一二三四五六七八九十]{1,4}\s*[号期][)）]?"
                              r"|(?P<doc>[〔\[(（](?:19|20)\d\d[〕\])）]\s*\d{1,4}\s*号))$")
_DOC_END = rx.compile(r"通知|通报|意见|函|报告|方案|要点|办法|规定|决定|总结|计划|安排")


def _without_number(title: str) -> str:
    """``title`` without the number after it: which issue or document it is ("…的通知 第3号", "…（2023年第5期）",
    "…的通知 宜政办发〔2023〕3号", the issuing organ's abbreviation included), not what it is."""
    m = _TRAILING_NUMBER.search(title)
    if m is None:
        return title
    head = title[:m.start()].rstrip()
    if m.group("doc"):
        cut = max((d.end() for d in _DOC_END.finditer(head)), default=0)
        if cut and len(head) - cut <= 8:
            head = head[:cut]
    return head or title


_TRAILING_NOTE = rx.compile(r"(?:[(（〔【][^()（）〔〕【】]{1,24}[)）〕】])+$")
_ASIDE = rx.compile(r"[(（](?:含|附|包括|包含|数据截至|数据截止|截至|截止|迎接|接受|配合|审议通过"
                    r"|[^()（）]{0,30}(?:会议|常务会)[^()（）]{0,8}?(?:审议|研究|讨论|审定)?通过)[^()（）]*[)）]")


def _joined_kind(text: str) -> tuple[str, str] | None:
    """The other kind a title or a reporting formula names: (other_kind, the words), or None.  The year's own
    report stays the report when another matter is joined to it ("2023年法治政府建设情况暨督察反馈问题整改情况"),
    when it also looks back over a plan period ("2025年度暨“十四五”时期…"), and whatever an aside in brackets
    adds ("（含督察反馈问题整改情况）", "（数据截至第四季度末）")."""
    lead = _lead_part(text)
    rest = text[len(lead) + 1:]
    if not _OWN_YEAR.search(lead) and _OWN_YEAR.search(rest) and CORE_TOPIC.search(rest) and (
            _REPORT_NOUN.search(rest) or rest.endswith("情况")):
        # another matter joined before the year's report: "灵寿县迎接省法治政府建设督察暨2021年度法治政府建设情况报告"
        return None if _MONTHS_OR_SPAN.search(rest) is None else _period_kind(rest)
    own = _OWN_YEAR.search(lead)
    if own:
        text = _ASIDE.sub("", text)
        found = _report_kind(_lead_part(text))
        if found is not None and found[0] == "multi_year_summary" and found[1].startswith(("五年", "近五年")):
            # five years' work after a bare year, nothing joining them ("2023年区五年法治政府建设工作情况报告": the
            # year it was written in, over the five-year summary), not "2023年度暨近五年…"
            at = text.find(found[1], own.end())
            if at != -1 and not _JOINING.search(text, own.end(), at) and "年度" not in text:
                return found
        # (the year's report looking back over a plan period is the year's report; a part of the year is not)
        return None if found is None or found[0] == "multi_year_summary" else found
    return _report_kind(_lead_part(text)) or _period_kind(text)


def _period_kind(text: str) -> tuple[str, str] | None:
    """A period other than the year anywhere in a title or formula ("法治政府建设和2021年上半年依法行政工作情况",
    "…和2017—2021年工作情况"): it qualifies what is joined as much as what leads — unless what leads names its own
    whole year ("2023年度法治政府建设情况和2024年第一季度重点工作安排": the joined period is the plan's)."""
    if _WHOLE_YEAR.search(_lead_part(text)):
        return None
    for key, pattern in _REPORT_KINDS:
        if key in ("interim_summary", "multi_year_summary"):
            m = pattern.search(text)
            if m:
                return key, m.group(0)
    return None


def _report_kind(text: str) -> tuple[str, str] | None:
    """A rectification, half-year or investigation report named in ``text``: (other_kind, the words)."""
    for key, pattern in _REPORT_KINDS:
        m = pattern.search(text)
        if m:
            return key, m.group(0)
    return None


def _title_verdict(title: str) -> KindVerdict | None:
    """What a title says the document is; None when it says nothing decisive."""
    # A number after the title says which issue or document it is ("…的通知 第3号", "…（2023年第5期）",
    # "…的通知 X政办〔2023〕3号"), not what it is.
    title = _without_number(title)
    if not title:
        return None
    m = _T_SAMPLE.search(title)
    if m:
        return _other("template", "kind.reason.template", word=m.group(0))
    m = _T_INTERPRETATION.search(title)
    if m and "附解读" not in title:
        return _other("interpretation", "kind.reason.title",
                      word=m.group("w") or m.group("w2") or m.group("w3") or m.group("w4"))
    m = _T_GOV_WORK.search(title)
    if m:
        return _other("government_work_report", "kind.reason.title", word=m.group(0))
    m = _T_DISCLOSURE.search(title)
    if m:
        return _other("disclosure_report", "kind.reason.title", word=m.group(0))
    # An event is the subject ("…评估组到五华开展实地评估工作", "…率先召开述法评议会"): a headline, whatever
    # plan or 述法 it names.
    # (a note in brackets after the title — "（此件公开发布）", "（2023年2月8日发布）", "（考核版）" — says how the
    # document goes out, not what it is)
    bare = _TRAILING_NOTE.sub("", title)
    ends_as_report = bool(re.search(r"(?:报告|总结|汇报)$", bare)
                          or (bare.endswith("情况") and not _T_NEWS.search(bare)))
    report_first = bool(_T_REPORT_FIRST.search(title))
    # (a standard's or a rule's name ends the title — "…考核评价指标及评分细则" — however it begins)
    if not ends_as_report and not report_first and not _DOC_NOUN.search(title) and not _T_NOTICE.search(title):
        m = _T_NEWS.search(title)
        if m:
            return _other("news", "kind.reason.headline", word=m.group(0))
    m = _T_WRAPPER.search(title)
    if m:
        inner = (m.group("issued") or m.group("sent") or m.group("public")).strip("《》<>")
        # A report issued or sent under a cover is still the report; a plan issued by one is a plan.
        inner_verdict = _title_verdict(inner)
        if inner_verdict is not None:
            return inner_verdict
        if CORE_TOPIC.search(inner) and _REPORT_NOUN.search(inner):
            return REPORT
        return _other("notice", "kind.reason.title", word=m.group(0)[:12] + "…")
    m = _T_REQUEST.search(title)
    if m:
        return _other("notice", "kind.reason.title", word="报送…的通知")
    # The reports themselves as the subject: how they were sent, published, reviewed or rated ("关于2022年度法治政府
    # 建设年度报告报送和公开情况的通报", "…年度报告审查情况的报告", "…年度报告点评"): a 通报 of them, or a review.
    m = _T_ABOUT_REPORTS.search(title)
    if m:
        return _other("notice" if _T_NOTICE.search(title) else "survey_report", "kind.reason.title", word=m.group(0))
    m = _T_OTHER_BODY.search(title)
    if m:
        return _other("other_body", "kind.reason.title", word=m.group(0))
    m = _T_SHUFA.search(title) or _T_PERSON.search(title)
    lead = _lead_part(title)
    if m and not (m.start() >= len(lead) and _GOVERNMENT_TOPIC.search(lead) and _OWN_YEAR.search(lead)
                  and not _LEADER_WORD.search(lead)):
        # (the year's report with the leaders' 述法 joined to it — "2021年度法治政府建设和党政主要负责人述法情况
        # 报告", "…情况暨县长述法报告" — is the year's report)
        return _other("shufa_report", "kind.reason.title", word=m.group(0))
    m = _T_FORMS.search(title)
    if m and (m.group("guide") or m.group("collection")) and _REPORT_BEFORE.search(title, 0, m.start()):
        m = None  # "…工作报告 - 政府信息公开目录", "…工作报告及2021年重大行政决策事项目录": the report, filed or joined
    if m:
        return _other(_FORM_KIND[next(k for k, v in m.groupdict().items() if v)], "kind.reason.title",
                      word=m.group(0))
    m = _T_DUTY.search(title)
    if m and not _T_CORE_SUBJECT.search(title):
        return _other("shufa_report", "kind.reason.title", word=m.group(0))
    # "…法治政府建设暨…整改情况的报告": the year's report joined with another stays the report.
    found = _joined_kind(title) if (_REPORT_NOUN.search(title) or title.endswith(("情况", "材料"))) else None
    if found:
        return _other(found[0], "kind.reason.title", word=found[1])
    # Next year's arrangements in a report's form ("关于2022年法治政府建设工作安排的报告"): a plan, unless what
    # leads tells the year's work ("…情况和2022年工作安排的报告").
    m = _T_PLAN.search(lead)
    if m and ends_as_report and not _TOLD.search(lead):
        return _other("plan", "kind.reason.title", word=m.group(0))
    # "…情况" ends a report's title ("…法治政府建设工作情况") unless an event is the subject ("X调研…工作情况").
    # (a year's summary with next year's plan joined — "…局2022年工作总结和2023年工作计划" — is the summary)
    m = _T_PLAN.search(title) or _T_PLAN_AHEAD.search(bare)
    if m and not ends_as_report and not report_first and not _SUMMARY_FIRST.search(title, 0, m.start()):
        return _other("plan", "kind.reason.title", word=m.group(0))
    m = _T_NOTICE.search(title)
    # (a notice about reports, "…年度报告报送和公开情况的通报", is a notice: what it ends on is what it is)
    if m and not ends_as_report and (not report_first or m.group(0).startswith("的")):
        return _other("notice", "kind.reason.title", word=m.group(0))
    m = _T_BUDGET.search(title)
    if m:
        return _other("unrelated", "kind.reason.title", word=m.group(0))
    # An assessment of the government by others (a third party's, an expert's) as what the title ends on: not its
    # own report ("…情况暨第三方评估结果整改情况的报告", "…（含群众满意度评估结果）" are the report).
    m = _T_EVALUATION.search(bare)
    if m and not _JOINED.search(bare, 0, m.start()):
        return _other("survey_report", "kind.reason.title", word=m.group(0))
    # (an aside saying the report was approved — "（县政府常务会议审议通过）" — is no headline about it)
    m = _T_ASSESSMENT.search(title) or (_T_NEWS_ABOUT.search(_ASIDE.sub("", title)) if _REPORT_NOUN.search(title)
                                        else None) or _T_FEATURE.search(title)
    if m:
        return _other("news", "kind.reason.headline", word=m.group(0))
    if not ends_as_report and not report_first:
        m = _T_NEWS.search(title)
        if m:
            return _other("news", "kind.reason.headline", word=m.group(0))
    topic = _topic(title)
    if topic is not None:
        kind = "special_report" if _REPORT_NOUN.search(title) and topic in _SPECIAL_TOPICS else "topic_summary"
        return _other(kind, "kind.reason.title_topic", topic=topic)
    if CORE_TOPIC.search(title) and (_REPORT_NOUN.search(title) or ends_as_report or title.endswith("年报")):
        return REPORT
    if _REPORT_NOUN.search(title) and re.search(r"(?:20\d\d|二〇..)年", title):
        # "马家镇2022年工作总结": a year's report on something other than law-based government.
        return _other("topic_summary", "kind.reason.title_general", word=title[:20])
    return None


_DOC_NOUN = rx.compile(
    r"(?:报告|总结|汇报|通知|方案|要点|安排|计划|规划|解读|意见|办法|规定|指引|名单|通报|纪要|任务|情况|答记者问"
    r"|打算|思路|设想|白皮书|蓝皮书|年报|讲话|发言|说明|答复|提纲|公告|通告|函|申报书|推荐表|简报)"
    r"(?:\(.{0,16}\))?$"
)
_CHROME_LINE = rx.compile(
    WHERE_ON_SITE + r"|首页|>|>>|【|】|网站|欢迎|来源|发布|日期|时间|字号|字体|打印|分享"
    r"|^相关|^推荐|^上一篇|^下一篇|^阅读|^附件"
)
_LABELLED_TITLE = rx.compile(r"^标\s*题\s*[:：]?\s*(?P<title>.*)$")


def title_candidates(st: Structure, title: str | None) -> list[str]:
    """Every line that may be the document's title: the one structure found (or the page's own), then the
    header lines and first body lines shaped like a document title ("关于…的通知", "…工作要点",
    "解读《…》"), then a value labelled 标题 in a page's metadata table.  Site navigation, related
    links ("相关解读：…") and a bare column label ("政策解读") are not titles."""
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
    headline: list[str] = []
    for i, line in enumerate(lines):
        m = _LABELLED_TITLE.match(line)
        if m:
            value = m.group("title") or (lines[i + 1] if i + 1 < len(lines) else "")
            out.append(re.sub(r"\s+", "", value))
            continue
        # A trail of columns ("政务公开 > 工作报告", "首页 > 政务公开 > 法治政府建设年度报告") is the site's, never the
        # document's title: its last column names where the page is filed, and a 解读 or a 通知 is filed there too.
        if TRAIL.search(line):
            continue
        # A bracketed label before a title ("【政策解读】关于…") is the site's column, not chrome around nothing.
        squeezed = re.sub(r"^[【\[][^】\]]{1,8}[】\]]", "", re.sub(r"\s+", "", line))
        if heading_marker(squeezed):  # a part heading ("二、2022年工作安排"), not a title
            continue
        if not 8 <= len(squeezed) <= 80 or _CHROME_LINE.search(squeezed) or re.search(r"[。;；!！?？:：]", squeezed):
            continue
        if squeezed.startswith(("关于", "解读", "图解", "一图")) or _DOC_NOUN.search(squeezed):
            out.append(squeezed)
        elif i < len(st.header):
            headline.append(squeezed)  # a page's headline need not end in a document's name ("…报告来了")
    # The column a breadcrumb ends on ("当前位置:首页 > 政策文件库 > 政务公开工作文件"), repeated above the text, is
    # the site's, not the document's — unless it names a report (sites end a breadcrumb on the article's title).
    columns = {re.sub(r"\s+", "", re.split(r"[>»›]", ln)[-1]) for ln in lines
               if _BREADCRUMB.search(ln) and re.search(r"[>»›]", ln)}
    # (the title structure read from the end of such a trail, the page having no other, is the page's article)
    crumb = st.title_span is not None and bool(TRAIL.search(text, _line_start(text, st.title_span[0]),
                                                            st.title_span[0] + 1))
    return list(dict.fromkeys(t for n, t in enumerate([*out, *headline])
                              if t and not (t in columns and not _REPORT_NOUN.search(t) and not (crumb and n == 0))))


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


_QUOTED = rx.compile(r"“[^”\n]{0,40}”|\"[^\"\n]{0,40}\"|「[^」\n]{0,40}」")


def _first_person(st: Structure, lo: int, hi: int) -> int:
    """How often "我" speaks for one person in [lo, hi) of the view, not counting quoted words (a campaign's
    name: "我为群众办实事").  Quotation marks exist only in the original, so each hit is looked up there."""
    norm = st.norm
    quoted = [m.span() for m in _QUOTED.finditer(norm.original, norm.orig(lo), norm.orig(hi))]
    n = 0
    for m in _FIRST_PERSON.finditer(st.text, lo, hi):
        o = norm.orig(m.start())
        if not any(a <= o < b for a, b in quoted):
            n += 1
    return n


# A leader's post as the subject a paragraph opens on ("2021年以来，县政府主要负责同志坚持…", "2022年，局长王建国…"),
# not the leadership a unit works under ("在区委、区政府主要负责同志的带领下，…").
_WORKS_UNDER = r"[^,，。]{0,6}?的(?:坚强)?(?:领导|带领)"  # "…同志的坚强领导下", after a leader's name or post
_UNDER = rx.compile(_WORKS_UNDER)
_LEADER_SUBJECT = rx.compile(r"(?:[^,，。；;\n]{0,12}[,，]\s*)?(?!在)[\u4e00-\u9fff、]{0,12}?"
                             r"(?:主要负责同志|主要负责人|主要领导|党组书记|县长|区长|市长|州长|旗长|镇长|乡长|局长|主任)"
                             rf"(?!{_WORKS_UNDER})")


def _first_subject(named: str, paragraph: str) -> bool:
    """Whether the person ``named`` ("王建国同志") is the subject of a text's first ``paragraph``: named in it (by the
    name's last two characters, whatever post stands before it) other than as whom the unit works under, or the
    paragraph opens on a leader's post."""
    at = paragraph.find(named[-4:-2])
    while at != -1:
        if not _UNDER.match(paragraph, at + 2, at + 12):
            return True
        at = paragraph.find(named[-4:-2], at + 2)
    return _LEADER_SUBJECT.match(paragraph) is not None


def _comrades(text: str) -> list[str]:
    return [m.group(0) for m in _COMRADE.finditer(text) if not _NOT_A_NAME.search(m.group(0))]


_KEY_WORDS = ("关键词", "关键字", "eyword", "EYWORD", "ey word", "EY WORD")  # (not 关键: 关键少数)
_INSTITUTIONS = ("大学", "党校", "研究院", "研究所", "科学院")  # (not 学院, 研究: 行政学院 training, 专题研究)
_AFFILIATION = rx.compile(r"[(（][^()（）\n]{0,40}?(?:大学|学院|党校|研究院|研究所|研究中心|社会科学院)"
                          # …then, after a comma, the city and its postcode closing the bracket or the entry
                          # ("，上海 200042）", "，山东 济南 250001；"; not "，受教育学生达120000人次）",
                          # "，邮编050024）")
                          r"(?:[^()（）\n]|[(（][^()（）\n]{0,20}[)）]){0,60}?[,，]\s*(?!邮编|邮政)"
                          r"[\u4e00-\u9fff]{2,4}(?:\s*[\u4e00-\u9fff]{2,4})?\s*\d{6}\s*[)）;；]")
_KEYWORDS = rx.compile(r"(?:^|\n)\s*(?:[【\[]\s*关键[词字]\s*[】\]]|关键[词字]\s*[:：])|(?i:\bkey\s*words?\s*[:：])")
_ABSTRACT = rx.compile(r"(?:^|\n)\s*(?:[【\[]\s*(?:摘\s*要|内容提要)\s*[】\]]|(?:摘\s*要|内容提要)\s*[:：])"
                       r"|(?i:\babstract\s*[:：])|(?i:\bkey\s*words?\s*[:：])")


def _affiliation(head: str) -> re.Match[str] | None:
    """An author's institution with its postcode, looked for only around the institutions' names."""
    for word in _INSTITUTIONS:
        at = head.find(word)
        while at != -1:
            m = _AFFILIATION.search(head, max(0, at - 41), at + 100)
            if m:
                return m
            at = head.find(word, at + 1)
    return None


# A Party body's own report on 法治建设 as a whole.  Party committees lead the building of the rule of law in their
# place and report on it; governments and their departments report on 法治政府建设 (督察工作规定: "地方各级党委履行
# 推进本地区法治建设领导职责。地方各级政府和县级以上政府部门履行推进本地区、本部门法治政府建设主体职责"; art. 24-25).
# The author: a Party committee, one of its departments or its committee for law-based governance (全面依法治县委员会)
# and that committee's office (依法治县办) signing alone, or named at the head of the title with no government
# signing.  What it reports on: the rule of law as a whole — 科学立法、严格执法、公正司法、全民守法, 法治社会, the
# courts' and procuratorates' work — more than the government's (a county report the committee's office drafted and
# posted, on 法治政府建设, stays the government's report, as does a joint 党委和政府 report).
_PARTY_DEPARTMENT = rx.compile(r"[省市县区州旗盟镇乡](?:党)?委(?:政法委(?:员会)?|组织部|宣传部|统战部|办公室|党校)$")
_COMMITTEE_HEAD = rx.compile(
    r"^(?:关于|(?:19|20)\d\d\s*年度?)?(?:中共)?(?:(?!政府|关于|[局厅])[\u4e00-\u9fff]){1,20}?(?:党)?委(?:员会)?"
    r"(?:全面)?依法治[省市县区州旗盟镇乡](?:委员会)?(?:办公室|办)?")
_WHOLE_LAW = rx.compile(r"公正司法|科学立法|全民守法|法治社会|司法体制|守法普法")
_LAW_BUILDING = rx.compile(r"(?<!平安)法治建设")
_GOVERNMENT_WORDS = rx.compile(r"法治政府|依法行政")


def _signers(st: Structure) -> list[str]:
    """The organs signing the text (its closing block's organ lines)."""
    out = []
    for line in st.text[st.closing[0]:st.closing[1]].split("\n"):
        o, _d = sign_line(line)
        if o is not None:
            out.append(re.sub(r"\s+", "", line[o[0]:o[1]]))
    return out


def _party(name: str) -> bool:
    return organs.body(name).kind in ("party_committee", "coordination_body") or bool(_PARTY_DEPARTMENT.search(name))


def _party_body(st: Structure, title: str, body: str) -> KindVerdict | None:
    """A Party body's own report on 法治建设 as a whole (see ``_PARTY_DEPARTMENT``), or None."""
    if _GOVERNMENT_TOPIC.search(title):
        return None  # the committee's or its office's report on 法治政府建设 ("…依法治县办公室法治政府建设工作报告")
    signers = _signers(st)
    head = _COMMITTEE_HEAD.search(title)
    if signers and all(_party(n) for n in signers):
        word = signers[0]
    elif head and not signers:
        word = head.group(0)
    else:
        return None  # a government or a department signs, alone or with its Party committee
    whole = len(_WHOLE_LAW.findall(body))
    if whole >= 2 or len(_LAW_BUILDING.findall(body)) > len(_GOVERNMENT_WORDS.findall(body)):
        return _other("other_body", "kind.reason.party_body", word=word)
    return None


# A unit's general summary of its year: its parts are its lines of business (营商环境, 食品安全, 质量, 党的建设…),
# law-based government one of them ("（四）推进依法行政"), where a report on the unit's 法治政府建设 (督察工作规定
# art. 25) is about law-based government throughout — its 职能, 营商环境 and 放管服 parts too are told as such
# ("深化“放管服”改革，优化法治化营商环境").  A part is the law's when its heading says so in any of the words below.
_LAW_PART = rx.compile(
    r"法治|依法|法制|执法|司法|普法|立法|法律|法规|守法|行政复议|行政诉讼|应诉|规范性文件|合法性|决策|权力|权责|监督|职能"
    r"|放管服|审批|政务|矛盾|纠纷|调解|信访|突发事件|应急|数字政府|党的领导|党对|组织领导|第一责任人|述法|公开|制度|清单|许可"
    r"|处罚|裁量|督察|考核|学法|法治思想")
# A part named by the report's whole subject, as one line of business among others ("二、推进法治政府建设").
_WHOLE_SUBJECT_PART = rx.compile(
    r"(?:全面|统筹|扎实|持续|深入|大力|积极|着力)?(?:推进|加强|深化|抓好|做好|强化)?(?:法治政府建设|依法行政)(?:工作)?[。.]?")
_GENERIC_RESULTS = rx.compile(r"(?:(?:19|20)\d\d\s*年度?|全年|一年来|本年度)?(?:主要)?工作(?:开展|推进|完成)?(?:情况)?"
                              r"|(?:主要)?(?:工作)?(?:成效|成绩|做法)")


_PAREN_MARKER = rx.compile(r"^[(（][一二三四五六七八九十\d]{1,3}[)）]")


def _work_parts(st: Structure) -> list[str]:
    """The headings of the parts telling the year's work: the top parts other than the problems and the plan, or,
    under a top part that only says "工作开展情况", its own parts."""
    tops = [s for s in st.sections if s.parent is None and not ({PLAN, SHORTCOMINGS} & s.roles)]
    out = []
    for sec in tops:
        bare = re.sub(r"\s+", "", _MARKER.sub("", sec.heading)).rstrip("。.：:")
        children = [c.heading for c in st.sections if c.parent == sec.index]
        if children and (_GENERIC_RESULTS.fullmatch(bare) or _RESULTS_HEADING.search(bare)):
            out += children
        else:
            out.append(sec.heading)
    return [_MARKER.sub("", _PAREN_MARKER.sub("", h)).strip().rstrip("。.：:") for h in out]


def _general_summary(st: Structure) -> KindVerdict | None:
    """A unit's general summary of its year (see ``_LAW_PART``): most of its parts on other business, or law-based
    government named as one part beside the unit's other lines of work."""
    parts = _work_parts(st)
    if len(parts) < 4:
        return None
    other = [h for h in parts if not _LAW_PART.search(h) or (_OTHER_FIELD.search(h) and not CORE_TOPIC.search(h))]
    whole = next((h for h in parts if _WHOLE_SUBJECT_PART.fullmatch(h)), None)
    if (len(other) >= 3 and 2 * len(other) > len(parts)) or (
            whole and any(_OTHER_FIELD.search(h) and not CORE_TOPIC.search(h) for h in parts)):
        return _other("topic_summary", "kind.reason.parts_general", word=WORDS.join(other[:3]))
    return None


def classify(st: Structure, title: str | None) -> KindVerdict:
    """The kind of document ``st`` holds; ``title`` is its title (found in the text, or the page's own)."""
    text = st.text
    titles = title_candidates(st, title)
    title = titles[0] if titles else ""
    # The title structure found (or the page's) speaks first: when it names a report, a column label or a
    # related link above it is not read as a second title.
    by_title = _title_verdict(title) if title else None
    if by_title is None or by_title.kind == "other":
        for cand in titles[1:] if by_title is None else ():
            verdict = _title_verdict(cand)
            if verdict is not None:
                by_title = verdict if verdict.kind != "other" else replace(verdict, title=cand)
                break
    if by_title is not None and by_title.kind == "other":
        return by_title if by_title.title or not title else replace(by_title, title=title)
    # A notice publishing a report whose attachment structure did not read as the report (another body's, a plan's,
    # too short): the notice is the document, whatever report its title names.
    if st.refused is not None:
        m = _T_WRAPPER.search(title)
        return _other("notice", f"kind.reason.attached_{st.refused}", word=(m.group(0) if m else title)[:24])
    # (a cover carrying the report — "关于印发《…报告》的通知", "关于公开发布2024年度…报告的公告" — is no headline
    # about a report, though its words are a headline's: "印发《…报告》", "发布2024年度…")
    cover = _T_WRAPPER.search(title) if by_title is REPORT else None
    # (only when it carries the report: its own title under the cover — a notice on many bodies' reports
    # ("关于公布2021年度各县（市、区）法治政府建设情况报告的通知", what they sent and what was wrong with it)
    # carries none)
    if cover is not None and (MANY_BODIES.search(title) or not _carries_report(st, title)):
        cover = None
    titled_report = by_title is REPORT and (cover is not None or not _T_PUBLISHES.search(title))
    lo, hi = st.body
    # A paper or a book's abstract about the reports: its abstract and its key words at the top ("摘要：…", "关键词：",
    # "Keywords:"), or its authors' institutions with their postcodes ("（华东政法大学 法律学院，上海 200042）"),
    # which no report carries.
    # (the patterns are tried only where their words stand: scanned on every report, they cost 1% of evaluate)
    head = text[:lo + 2000]
    m = _affiliation(text[:lo + 300])  # (under the title and the authors, not in the body's sentences)
    if m is None and any(w in head for w in _KEY_WORDS):
        m = (k := _KEYWORDS.search(head)) and _ABSTRACT.search(head) and k
    if m:
        return _other("paper", "kind.reason.opening", word=m.group(0).strip()[:40])
    # A template site's mark on any line above the text ("…报告【优秀篇】" is chrome to the title finder).
    # (a title-like line: "来源：范文网" or "首页 > 公文范文 > 工作报告" above a reposted report names the site)
    m = next((m for s, e in st.header if _REPORT_NOUN.search(text[s:e]) and not _BREADCRUMB.search(text[s:e])
              and (m := _T_SAMPLE.search(text[s:e]))), None)
    if m:
        return _other("template", "kind.reason.template", word=m.group(0))
    # A reporter wrote it (a byline above or under it), whatever headline it carries or report it quotes — unless
    # it is the report itself, titled and signed, that a paper or a site carries with its own credit line.
    # Signed: an organ and a date under a text of a report's length ("本报讯" is news whatever follows).
    signed_report = titled_report and hi - lo >= REPORT_MIN_CHARS and _signed_by_organ(st) and not _PRESS.search(
        text, 0, lo + 400)
    m = None if signed_report else (_BYLINE.search(text, 0, lo + 400)
                                    or _BYLINE.search(text, max(lo, hi - 400), min(len(text), hi + 400))
                                    or _BYLINE.search(text, max(lo, len(text) - 400)))
    if m:
        return _other("news", "kind.reason.news", word=m.group(0))

    body = text[lo:hi]
    # Short opening lines ("各位代表：", "现在，我代表县人民政府向大会报告工作") may sit above what structure
    # calls the body: read them too, but not the page's navigation or the title.
    titled = set(titles)
    lead = [ln for ln in (text[s:e].strip() for s, e in st.header)
            if ln and not _CHROME_LINE.search(ln) and re.sub(r"\s+", "", ln) not in titled]
    opening = "\n".join([*lead, body[:900]])
    # The first line of the body, and of what stands above it: a news item opens on its dateline in either.
    first_lines = [*_lines(body[:300])[:1], *lead[:1]]
    first_sentence = re.split(r"[。\n]", body.strip(), maxsplit=1)[0]
    lead_sentence = re.split(r"[。\n]", opening.strip(), maxsplit=1)[0]
    top_headings = [s.heading for s in st.sections if s.parent is None]
    report_shaped = _statutory_parts(top_headings) >= 2  # its parts named: results, problems, plan (two of them)
    core_text = bool(CORE_TOPIC.search(title + opening))
    # A cover that carries the report (公布…的通知, 报送…的函) without it: the notice or the letter alone, signed and
    # closing the text, the report only named ("附件：…报告（见附件下载）") — there is no report here to read.
    # (cut before its signature, or with the report after it, what follows may be the report: judged as such)
    if (cover is not None and not report_shaped
            and len("".join(text[lo:].split())) < REPORT_MIN_CHARS and _signed_by_organ(st)
            and len("".join(text[st.closing[1]:].split())) < 100):
        return _other("notice", "kind.reason.cover_only", word=cover.group(0)[:24])

    # A Party body's own report on the rule of law as a whole, however it is titled.
    party = _party_body(st, title, body)
    if party is not None:
        return party
    # Strong signs that outweigh report-like wording.
    m = _GOV_WORK_WORDS.search(opening) and _GOV_WORK.search(opening)
    if m:
        return _other("government_work_report", "kind.reason.opening", word=m.group(0))
    # The year's review without a word of law-based government in it ("一、2022年工作回顾"), the economy in figures.
    # (or its sentences: "政府工作的总体要求是……主要预期目标是：地区生产总值增长6.5%左右", an excerpt without headings)
    if not titled_report and len({x.group(0) for x in _ECONOMY.finditer(body[:3000])}) >= 2:
        review = next((h for h in top_headings if _GOV_WORK_HEADING.search(h) and not CORE_TOPIC.search(h)), None) or (
            (m := _GOV_WORK_SAYS.search(body)) and m.group(0))
        if review:
            return _other("government_work_report", "kind.reason.opening", word=review)
    m = _SPEECH.search(opening)
    if m and not titled_report:
        return _other("speech", "kind.reason.opening", word=m.group(0).strip(",，:：!！"))
    formula = _FORMULA.search(opening)
    core_formula = bool(formula and CORE_TOPIC.search(formula.group("what")))
    # The formula names the leaders' duty as what it reports ("现将我局党政主要负责人2022年度履行推进法治建设第一责任人
    # 职责情况报告如下"): their 述法, as such a title says — not when the year's report leads and the duty is joined to
    # it ("现将2022年度法治政府建设和党政主要负责人履行…职责情况报告如下").
    duty = formula and not titled_report and (_T_DUTY.search(formula.group("what"))
                                              or _T_SHUFA.search(formula.group("what")))
    if duty and not _T_CORE_SUBJECT.search(formula.group("what"), 0, duty.start()):
        return _other("shufa_report", "kind.reason.formula_kind", word=formula.group(0)[:40])
    m = _DISCLOSURE.search(first_sentence) or _DISCLOSURE.search(lead_sentence)  # it opens on the 条例 or its name
    if m is None:  # …or says so in a line of its own under the title ("本报告根据《…政府信息公开条例》…编制。")
        m = next((m for ln in lead[:3] if (m := _DISCLOSURE.search(re.split(r"[。\n]", ln, maxsplit=1)[0]))), None)
    if m and not core_formula and not CORE_TOPIC.search(first_sentence):
        return _other("disclosure_report", "kind.reason.opening", word=m.group(0))
    # Its statutory parts (主动公开政府信息情况, 收到和处理政府信息公开申请情况, 政府信息公开行政复议、行政诉讼
    # 情况): one where nothing titles it a report; all three under a report's title too (a 政务公开年报 retitled
    # "…法治政府建设情况的报告" is still laid out as one; a report's part on 政务公开 may borrow a heading or two).
    parts = [m for h in top_headings if (m := _DISCLOSURE_PART.search(h))]
    if parts and (not titled_report or len({m.group(0)[:4] for m in parts}) >= 3):
        return _other("disclosure_report", "kind.reason.opening", word=parts[0].group(0))
    m = _SAMPLES.search(title + "\n" + "\n".join(ln for ln in (text[s:e] for s, e in st.header)) + "\n" + opening[:300])
    if m or (_BLANK_YEAR.search(title + opening[:300]) and len(_BLANK.findall(title + opening)) >= 3):
        word = m.group(0).strip() if m else _BLANK.search(title + opening).group(0)  # type: ignore[union-attr]
        return _other("template", "kind.reason.template", word=word)
    m = _INSTRUCTION.search(title + "\n" + body[:4000])
    if m:  # "（写明存在的主要问题及原因）": a report never tells its drafter what to write
        return _other("template", "kind.reason.template", word=m.group(0))
    m = _NORMATIVE_OPENING.search(opening)
    if m and not core_formula:
        return _other("plan" if "安排" in m.group(0) or "方案" in m.group(0) else "notice", "kind.reason.opening",
                      word=m.group(0))
    if formula:
        what = formula.group("what")
        # Untitled, as in a title: "现将我县2023年上半年法治政府建设工作情况报告如下" is a half-year summary, "…督察
        # 反馈问题整改情况" a rectification report, whatever topic they name; "…法治政府建设暨…整改情况" joins the
        # year's report, and what brackets add ("（含督察反馈问题整改情况）", "（数据截至第四季度末）") is an aside.
        # Under the year's report's own title the formula's words do not undo it.
        bare = _BRACKETED.sub("", what)
        found = _joined_kind(bare) if not titled_report else None
        if found:
            return _other(found[0], "kind.reason.formula_kind", word=formula.group(0)[:40])
        topic = _topic(what)
        if topic is not None:
            return _other("special_report", "kind.reason.formula_topic", topic=topic, word=formula.group(0)[:40])
        # A bare formula ("现将履职情况报告如下", "现将全年工作情况报告如下") reports on what the sentences before
        # it frame the text by: another field ("我局认真落实“谁执法谁普法”普法责任制…", "市司法局（市人民政府行政
        # 复议办公室）认真贯彻落实行政复议体制改革部署…") makes it that field's report.
        framed = _framed_topic(opening[:formula.start()]) if not titled_report and not CORE_TOPIC.search(what) \
            else None
        if framed is not None:
            kind = "special_report" if framed in _SPECIAL_TOPICS else "topic_summary"
            return _other(kind, "kind.reason.formula_framed", topic=framed, word=formula.group(0)[:40])
        # …or a people's congress's opinions on the year's report, and how they were dealt with ("市人大常委会…审议了市
        # 政府关于2022年度法治政府建设情况的报告，并提出了审议意见…现将研究处理情况报告如下"), as such a title says.
        if (not titled_report and not CORE_TOPIC.search(what) and _DEALT_WITH.search(what)
                and "审议意见" in opening[:formula.start()]):
            return _other("survey_report", "kind.reason.formula_kind", word=formula.group(0)[:40])
        # The whole year's work of a unit ("现将全年工作总结如下"), law-based government one part among its other
        # fields ("一、党建工作 二、法治政府建设工作 三、公共法律服务"): a unit's general summary, not this report.
        fields = [h for h in top_headings if not _statutory_parts([h])]
        if (not titled_report and _GENERAL_WORK.fullmatch(re.sub(r"\s+", "", bare))
                and any(CORE_TOPIC.search(h) for h in fields)
                and any(_OTHER_FIELD.search(h) and not CORE_TOPIC.search(h) for h in fields)):
            return _other("topic_summary", "kind.reason.formula_general", word=formula.group(0)[:40])
    # Part of a year as what the text opens on or is laid out by ("2021年上半年，…", "2021年1月至9月，…", "截至2021年
    # 9月底，…"; "一、上半年工作开展情况 … 三、下半年工作计划"): a half-year or quarterly summary, however plainly it
    # is titled — unless the title names its whole year.
    if not _OWN_YEAR.search(title):
        m = _PART_YEAR_OPENING.match(_opening_line(body[:600])) or next(
            (m for h in top_headings if (m := _PART_YEAR_HEADING.match(_MARKER.sub("", h)))), None)
        if m:
            return _other("interim_summary", "kind.reason.opening", word=m.group(0).strip())
    firsts = _first_person(st, lo, min(hi, lo + 3000))
    # One person named again and again as the subject ("王建国同志…王建国同志…"), not several leaders named once.
    named = _comrades(body[:3000]) if not titled_report else []  # it decides only for an untitled text
    counts = sorted(((named.count(n), n) for n in set(named)), reverse=True)
    # …and that person is the subject of its first paragraph ("2022年，王建国同志认真贯彻…"), the only one so named:
    # a unit's report names its leaders in its items, often more than one again and again ("区委书记张建国同志、
    # 区长李明华同志认真履行…，李明华同志带头出庭应诉"), and opens on its place ("2024年，荷塘区坚持…").
    first_paragraph = _opening_line(body[:600]) if counts else ""
    one_person = counts[0][0] if counts and _first_subject(counts[0][1], first_paragraph) and (
        len(counts) == 1 or counts[1][0] * 2 <= counts[0][0]) else 0
    duty_heading = next((h for h in top_headings if _DUTY_HEADING.match(re.sub(r"^[\S]{1,4}[、.]", "", h))), None)
    personal = _PERSONAL.search(body[:3000])
    # (an untitled text that speaks as one person and names that person as its speaker: a leader's 述法 whose title
    # was lost — "2023年，本人认真履行…", signed "述法人：李某某")
    # (本人 as a clause's subject, or 我 acting: not "负责人本人出庭应诉" in a unit's report)
    speaks = firsts and (_OWN_PERSON.search(body[:3000]) or _I_SPEAKING.search(body[:3000]))
    speaker = _speaker(st) if not titled_report and speaks else None
    if speaker:
        return _other("shufa_report", "kind.reason.first_person", word=speaker)
    if (not titled_report and (firsts >= 3 or (one_person >= 3 and "第一责任人" in body[:3000])
                               or (duty_heading and personal))) or (firsts >= 5 and personal) or (
            # one person speaking as "本人" again and again, under whatever title (a 述法报告 retitled)
            firsts >= 3 and len(_OWN_PERSON.findall(body[:3000])) >= 3):
        speaker = "本人" if _OWN_PERSON.search(body[:3000]) else "我"
        word = duty_heading or (speaker if firsts >= 3 else counts[0][1])
        return _other("shufa_report", "kind.reason.first_person", word=word)
    m = _INTERPRETATION_OPENING.search(opening)
    if m and not core_formula:
        return _other("interpretation", "kind.reason.opening", word=m.group(0))
    if len(_INTERVIEW.findall(body[:3000])) >= 2:  # questions and answers about a report
        return _other("interpretation", "kind.reason.opening", word="问：……答：")
    # A page that carries the whole report after a lead ("近日，…公开了《…报告》，全文如下："): the report itself,
    # as what follows the lead is, titled and signed (a researcher's corpus holds the report, however posted).
    full = _FULL_TEXT.search(body, 0, 600)
    if full and not titled_report and len(body) - full.end() >= REPORT_MIN_CHARS and _signed_by_organ(st):
        rest = build(normalize(body[full.end():]))
        if rest.title_span is not None and classify(rest, "".join(rest.title.split())) is REPORT:
            return REPORT
    # Read only where it could decide (a text in a report's formula is one whatever it says of "报告").
    about = [] if core_formula or not _ABOUT_REPORT_WORDS.search(body, 0, 5000) else [
        m.group(0).strip() for m in _ABOUT_REPORT.finditer(body[:5000])]
    # A report never speaks of itself as "报告显示"; an article that opens on the report's publication
    # ("…在门户网站全文公开《…报告》") needs to do so once.
    if len(about) >= 2 or (about and _PUBLISHED_REPORT.search(first_sentence)):
        return _other("news", "kind.reason.news", word=WORDS.join(dict.fromkeys(about[:3])))
    # A news item under the report's own headline: a reporter's lead on the first line of the body ("记者从县司法局
    # 获悉，日前，…公开了2021年度…报告") and a newsroom's credit, with no organ's signature — the report as told by
    # the press, not the report (one posted whole is titled and signed, or says 全文如下, above).
    if titled_report and not _signed_by_organ(st):
        m = next((m for m in map(_REPORTER_LEAD.match, first_lines) if m), None)
        credit = _NEWS_CREDIT.search(text, max(0, lo - 300), lo + 300) or _NEWS_CREDIT.search(text, max(lo, hi - 200))
        if m and credit:
            return _other("news", "kind.reason.news", word=WORDS.join([m.group(0).rstrip(",，"), credit.group(0)]))
    # News: a dateline, a reporter, a byline, an article about "该县" — unless the text names itself a report.
    if not titled_report and not core_formula:
        m = next((m for m in map(_NEWS_OPENER.match, first_lines) if m), None)
        # A quoted leader ("总书记指出", "正如…所说") is not a reporter's source.
        strong = {c.group(0).strip() for c in _NEWS_STRONG.finditer(opening)
                  if not re.search(r"总书记|主席|所说|讲话|指出", c.group(0))}
        third = _THIRD_PERSON.findall(body[:3000])
        if len(third) >= 3:  # written about a body, not by it
            return _other("news", "kind.reason.news", word=third[0])
        cues = {c.group(0).strip() for c in _NEWS_CUE.finditer(opening)}
        # A report may tell a meeting's words ("会议要求：…", "参会人员纷纷表示"); without a dateline, words alone
        # do not make news of a text about law-based government laid out in a report's parts.
        shaped = core_text and report_shaped
        if m or (strong and len(strong | cues) >= 2 and not shaped):
            words = [m.group(0).rstrip(",，")] if m else []
            words += sorted(c for c in strong | cues if c not in words)
            return _other("news", "kind.reason.news", word=WORDS.join(words[:3]))
    plan_parts_named = sum(1 for h in top_headings if _PLAN_PART.match(h))
    if not titled_report and not core_formula and not report_shaped and (
            _PLAN_FIRST.search(first_sentence) or plan_parts_named >= 2):
        word = (m.group(0) if (m := _PLAN_FIRST.search(first_sentence)) else
                next(h for h in top_headings if _PLAN_PART.match(h)))
        return _other("plan", "kind.reason.opening", word=word)
    # Tasks assigned to units (〔责任单位：…〕, "（县政府办牵头）"): a plan, whatever its field.
    # A report's own plan part may name the unit leading each task: only what stands outside it counts (in a
    # text laid out as a report; a plan made only of "重点工作安排" is all plan part).
    plan_parts = [sec.span for sec in st.sections if PLAN in sec.roles] if report_shaped else []
    plans = [] if titled_report or not _PLAN_CUE_WORDS.search(text, lo, min(hi, lo + 4000)) else [
        m.group(0) for m in _PLAN_CUE.finditer(text, lo, min(hi, lo + 4000))
        if not any(a <= m.start() < b for a, b in plan_parts)]
    if not titled_report and (len(plans) >= 2 or (_PLAN_OPENING.search(opening) and plans)):
        return _other("plan", "kind.reason.plan", word=plans[0].strip("〔[(（:：)）"))
    # Framed by another field from its first sentence, and about it throughout, with law-based government
    # at most in passing ("…普法…助推全面依法治县"): a summary of that field, even with report-like parts.
    if not titled_report and not core_formula:
        core_n = len(CORE_TOPIC.findall(title + body[:4000]))
        # Enforcement, reconsideration and normative documents are parts of law-based government itself: an
        # enforcement bureau's report is mostly about enforcement.  普法, 平安建设 and 政务公开 are fields of their own.
        for key, rx in (t for t in _TOPICS if t[0] in ("topic.pufa", "topic.public_security", "topic.disclosure")):
            n = len(rx.findall(body[:4000]))
            if n >= (3 if core_n == 0 else 5) and n >= 3 * max(core_n, 1) and rx.search(first_sentence):
                return _other("topic_summary", "kind.reason.body_topic_mostly", topic=key)
    if not titled_report and not core_formula:
        # (its first lines and sentences only: a report may tell of a congress's deliberation or a supervision later)
        head = "\n".join(_lines(opening)[:2])
        sentences = [p for p in re.split(r"[。\n]", opening, maxsplit=6) if p.strip()]
        first3 = "\n".join(sentences[:3])
        # (a text that reports — "现将主要工作情况报告如下" — quotes the findings it was told: "督察反馈指出你县…")
        m = _ADDRESSED_DOWN.search(head) or (None if formula else next(
            (m for p in sentences if not _PUT_RIGHT.search(p) for m in _TO_YOU.finditer(p)), None))
        if m:
            return _other("notice", "kind.reason.opening", word=m.group(0).strip())
        m = _DELIBERATED.search(first3)
        if m:
            return _other("survey_report", "kind.reason.opening", word=m.group(0))
        m = _FED_BACK.search("\n".join(sentences[:6]))
        if m:
            return _other("notice", "kind.reason.opening", word=m.group(0))
        inspection = _inspection(st, body, sentences)
        if inspection is not None:
            return inspection
        m = _SELF_ASSESSED.search(first3) or (_BID.search(first3) and _SELF_SCORE.search(first3))
        if m:
            return _other("self_assessment", "kind.reason.opening", word=m.group(0))
        # …or a part of its own for the score it gives itself or the bid it makes ("三、自评情况", "三、自评总分及
        # 创建亮点", "四、申报意见", "一、…（10分，自评10分）"): a bid's or an assessment's material, its title
        # lost (a report tells of a self-assessment inside a part of its year's work, never as one of its parts)
        h = next((h for h in top_headings if _SELF_PART.search(h)), None)
        if h is not None:
            return _other("self_assessment", "kind.reason.self_part", word=h)
    # (a cover's own words above the report it carries — "现印发给你们，请结合实际…" — are the cover's)
    m = _NOTICE_OPENING.search(opening) if cover is None else None
    if m and not core_formula and not (report_shaped and _NOTICE_FORMULA.fullmatch(m.group(0))):
        # (a report laid out in its parts may quote a notice's formula: "…现将督察情况通报如下：…")
        return _other("notice", "kind.reason.opening", word=m.group(0))

    # A unit's general summary of its year, untitled (or titled only by a page's trail): most of its parts on other
    # business, law-based government one of them.
    if not titled_report and not core_formula:
        general = _general_summary(st)
        if general is not None:
            return general
    # Not written as a report at all, whatever its title says: words in a row instead of sentences, the same
    # paragraphs again and again, or several reports run together.
    lawless = _lawless(text, title)
    unwritten = None if lawless else _unwritten(body, title)  # noise is "unrelated" (below)
    if unwritten is not None:
        return unwritten
    # A report's parts given twice: its numbered parts start again at 一、 after the results, problems or plan
    # parts, and say them again ("一、工作开展情况 二、存在的问题 三、下一步工作计划 …落款… 一、年度工作情况 二、存在的
    # 问题和困难 三、下一年度工作打算"): another report, untitled, run into this one or pasted after its signature.
    again = _parts_again(st)
    if again is not None:
        return _other("several_reports", "kind.reason.parts_again", word=again)

    # Positive signs of a report: its title, its reporting formula, its basis, its statutory parts in a text
    # about law-based government.
    if (titled_report or core_formula or _BASIS_OPENING.search(opening)
            or (core_text and report_shaped)):
        # A report's signs over a text that is mostly something else: the same lines again and again, or words
        # in a row, are still not written as one report (left unread above only to call plain noise
        # "unrelated"; a title must not let 300k copied lines through where 100k are caught).
        if lawless and (unwritten := _unwritten(body, title)) is not None:
            return unwritten
        return REPORT

    # Weaker signs of another kind decide only where nothing says "report".
    if lead and not _REPORT_NOUN.search(lead[0]) and len(lead[0]) <= 40:
        m = _T_NEWS.search(lead[0])
        if m:  # a headline above the text: "安平县举行2022年度述法评议会"
            return _other("news", "kind.reason.headline", word=m.group(0))
    m = _PLAN_OPENING.search(opening[:300])
    if m and not formula:
        return _other("plan", "kind.reason.opening", word=m.group(0))
    announce = {c.group(0) for c in _ANNOUNCEMENT_CUE.finditer(opening)}
    if len(announce) >= 2:
        return _other("announcement", "kind.reason.announcement", word=WORDS.join(sorted(announce)[:3]))
    template = _TEMPLATE_CUE.findall(title + "\n" + opening)
    if len(template) >= 2:
        return _other("template", "kind.reason.template", word=WORDS.join(dict.fromkeys(template[:3])))
    # About another field altogether: no word of law-based government, another field throughout.
    # The field must frame the text (its first sentence or a part heading) and run through it.
    if not CORE_TOPIC.search(title + body[:4000]):
        parts = [s.heading for s in st.sections if s.parent is None and s.rank <= 1]  # 一、… / 第一部分
        frame = first_sentence + "\n" + "\n".join(parts)
        for key, rx in _TOPICS:
            if len(rx.findall(body[:4000])) >= 5 and rx.search(frame):
                return _other("topic_summary", "kind.reason.body_topic", topic=key)
    # Hundreds of characters without one "法" (garbage bytes read as Chinese, an unrelated text): not a
    # report on law-based government, whatever its shape.  A short excerpt may well lack it.
    if lawless:
        return _other("unrelated", "kind.reason.no_law")
    return REPORT


# The number of a top-level part's heading, 一 to 十 ("三、", "第二、"; 十一 and after are no restart's concern).
_PART_NUMBER = rx.compile(r"\s*第?([一二三四五六七八九十])(?![一二三四五六七八九十])\s*[、.．]")
_NUMBERS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}


def _parts_again(st: Structure) -> str | None:
    """The heading where a second report's parts begin, when the top-level parts, numbered, start over (a number
    no higher than the one before it) and two of the runs each name two of a report's parts (results, problems,
    plan) — not the same words again (a page that carries the report twice is one report).  A report numbers its
    parts once; an attachment after it (附件：…工作要点 一、总体要求 二、主要任务) names no problems part."""
    runs: list[list[Section]] = []
    before = None
    for sec in st.sections:
        if sec.parent is not None:
            continue
        m = _PART_NUMBER.match(sec.heading)
        n = _NUMBERS[m.group(1)] if m else None
        if not runs or (n is not None and before is not None and n <= before):
            runs.append([])
        runs[-1].append(sec)
        before = n if n is not None else before
    told = [run for run in runs if _distinct_parts([sec.heading for sec in run]) >= 2]
    if len(told) < 2:
        return None
    first = st.text[told[0][0].span[0]:told[0][0].span[1]]
    # Each part under a heading of its own (a heading that names the year's work and its year, "一、2021年工作开展
    # 情况", is one part, not two), and not an attachment to the report (a leader's 述法 "一、履行…职责情况 二、存在的
    # 不足 三、下一步打算", a list of problems and their remedies, under their "附件" label).
    other = next((run for run in told[1:] if st.text[run[0].span[0]:run[0].span[1]] != first
                  and not _ATTACHED.search(st.text, max(0, run[0].span[0] - 120), run[0].span[0])), None)
    return other[0].heading[:40] if other is not None else None


# An attachment's label above the run ("附件", "附件1：…"): the report's own annex, not a second report.
_ATTACHED = rx.compile(r"(?:^|\n)\s*附\s*件")


def _distinct_parts(top_headings: list[str]) -> int:
    """How many of a report's parts (results, problems, plan) its top headings name, each under a heading of its
    own (the most parts that distinct headings name)."""
    named = [{k for k, rx in enumerate((_RESULTS_HEADING, _PROBLEMS_HEADING, _PLAN_HEADING)) if rx.search(h)}
             for h in top_headings]
    named = [parts for parts in named if parts]
    best = 0
    for order in permutations(range(3)):
        used, n = set(), 0
        for part in order:
            at = next((i for i, parts in enumerate(named) if part in parts and i not in used), None)
            if at is not None:
                used.add(at)
                n += 1
        best = max(best, n)
    return best


def _signed_by_organ(st: Structure) -> bool:
    """Whether the closing block holds an organ's line and a date (a bare date or a department's name under a
    news item is no signature)."""
    organ = date = False
    for line in st.text[st.closing[0]:st.closing[1]].split("\n"):
        o, d = sign_line(line)
        organ, date = organ or o is not None, date or d is not None
    return organ and date


def _statutory_parts(top_headings: list[str]) -> int:
    """How many of a report's parts (results, problems, plan) its top headings name."""
    return sum(any(rx.search(h) for h in top_headings) for rx in (_RESULTS_HEADING, _PROBLEMS_HEADING, _PLAN_HEADING))


def _lawless(text: str, title: str) -> bool:
    return len(text) >= _NO_LAW_MIN_CHARS and (text.count("法") + title.count("法")) * 2000 < len(text)


_NO_LAW_MIN_CHARS = 600

# A sentence: up to its end mark.  Its items: what 、, commas and spaces separate.
# A run up to its end mark, if it has one: a run without one is taken whole, never tried again from each of its
# characters ("[^。]*。" on a long line with no end mark is quadratic).  Only runs that end with a mark count.
_SENTENCE = rx.compile(r"[^。!?;\n]+[。!?;]?")
_ITEM_SEPARATOR = rx.compile(r"[、,\s]+")
_SPACE = rx.compile(r"\s+")
_LINE = rx.compile(r"[^\n]+")
# A line written as a report's title: no sentence's punctuation in it, ending in 报告 or 汇报 (or such a word
# and a bracketed note: （摘要）, (全文)).  "按时报送并公开2020年度法治政府建设情况报告。" is a sentence about a
# report, not a second report standing in the body.
_TITLE_FORM = rx.compile(r"[^，,。；;！？!?：:]*(?:报告|汇报)(?:[（(〔【][^）)〕】]{0,16}[）)〕】])*")
_YEAR = rx.compile(r"(?:19|20)\d\d\s*年")
_UNWRITTEN_MIN_CHARS = 100  # a shorter excerpt says too little either way
# Shares measured on the fixtures, the seeds and the corpus's report pages and reports among look-alikes:
# written reports put 0.54 or more of their body in sentences, none repeats any of it (0.06 at most in a
# look-alike); a list of words has no sentence at all, six copies of one report repeat 0.83.
_PROSE_MIN = 0.3
_REPEATED_MAX = 0.3  # of the body in copies of sentences that stand there _AGAIN times or more
_AGAIN = 5  # copies of one sentence that no page's duplication makes: pasted again and again
_PIECE = rx.compile(r"[\n。!?;！？；]")


# A break inside a sentence: after a dozen characters of a line with no mark that ends a sentence, a lead-in
# or a quotation (the line was full), before a line that starts no part.  Found by the break first, then looked behind.
_WRAPPED = rx.compile(
    r"\n(?<=[^\n。!?;！？；:：」』”’)）】》]{12}\n)"
    r"(?![ \t\u3000]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．](?!\d)"
    r"|第[一二三四五六七八九十]+[部章节]))"
)


_JOIN = "\u3000"  # what a rejoined line break becomes (a blank, so the items of a list stay apart)
# A sentence this long has its clauses marked: without one mark in 40 Chinese characters it is key words run together
# (lines of them rejoined as a wrapped paragraph by the matching view), not a report's sentence.
_LONG_RUN = 60


def _marks(sentence: str) -> int:
    return sum(sentence.count(c) for c in ",，、:：;；")


def _wide(sentence: str) -> int:
    """Its Chinese characters (and full-width marks), counted at C speed: three UTF-8 bytes each.  A run of digits
    or Latin ("1234…", a web address) is not words run together."""
    return (len(sentence.encode("utf-8", "surrogatepass")) - len(sentence)) // 2


def _prose_share(body: str, total: int, rejoined: bool = False) -> float:
    """The share of the body's characters in sentences: a sentence ends with its mark, has a dozen
    characters or more, and is not a list of eight or more short items (under ten characters on average:
    "主要负责人、主持召开、合法性审查、…。"; a report's own enumerations run inside longer sentences).
    ``total``: the body's characters other than spaces.  ``rejoined``: lines broken inside sentences were
    joined (``_JOIN``); a sentence made of such lines, or one longer than ``_LONG_RUN``, is prose only with the
    marks prose has (one in 40 Chinese characters at least: a report's sentences have one in 15 to 25), not a list of
    key words one a line."""
    prose = 0
    for m in _SENTENCE.finditer(body):
        sentence = m.group(0)
        if sentence[-1] not in "。!?;":
            continue  # no end mark: not a sentence
        joined = rejoined and _JOIN in sentence
        if joined or len(sentence) > _LONG_RUN:
            wide = _wide(sentence)
            if (joined or wide > _LONG_RUN) and 40 * _marks(sentence) < wide:
                continue  # lines joined with hardly a comma among them, or a long run of words: key words one a line
        # Its length without spaces (a printable text without U+0020 has none: the common case, no copy).
        size = len(sentence) if sentence.isprintable() and " " not in sentence else len("".join(sentence.split()))
        if size < 12:
            continue
        # Eight items need seven separators: count them before splitting (most sentences have fewer).
        separators = sentence.count("、") + sentence.count(",") + len(sentence) - size
        if separators >= 7:
            items = sum(1 for x in _ITEM_SEPARATOR.split(sentence) if x)
            if items >= 8 and size < 10 * items:
                continue
        prose += size
    return prose / total


def _repeated_share(body: str, total: int) -> float:
    """The share of the body's characters in copies of sentences (of 20 characters or more) that stand there again
    and again (``_AGAIN`` times or more: one line pasted hundreds of times, every sentence written five times)."""
    seen: dict[str, int] = {}
    for piece in _PIECE.split(body):
        piece = piece.strip()
        if len(piece) >= 20:
            seen[piece] = seen.get(piece, 0) + 1
    return sum(len(piece) * (n - 1) for piece, n in seen.items() if n >= _AGAIN) / total


def _unwritten(body: str, title: str) -> KindVerdict | None:
    """A text that is not written as one report: words in a row, the same paragraphs over again, or a second
    report's title standing in the body (reports run together, a page collecting several)."""
    total = len("".join(body.split()))
    if total < _UNWRITTEN_MIN_CHARS:
        return None
    share = _prose_share(body, total)
    if share < _PROSE_MIN and _WRAPPED.search(body):
        # Sentences broken over lines at no one width (a web page's <br>, a layout of mixed scripts), which the
        # matching view could not rejoin: read again with each such break inside its sentence.
        share = _prose_share(_WRAPPED.sub(_JOIN, body), total, rejoined=True)
    if share < _PROSE_MIN:
        return _other("word_list", "kind.reason.word_list", share=f"{round(100 * (1 - share))}%")
    again = _repeated_share(body, total)
    # The same lines again and again.  A report that a page carries twice or three times (the article and its
    # attachment's preview), or with paragraphs or sentences pasted twice, is still one report, judged on what it
    # says (and, if that is little, too short to be scored: ``document.too_short``).
    if again >= _REPEATED_MAX:
        return _other("repeated_text", "kind.reason.repeated", share=f"{round(100 * again)}%")
    # A second report's title: a line of its own that titles a report, not a part's heading ("一、2017年法治政府
    # 建设情况"), not the report's own title again, not in the first tenth (a page may repeat its title), after
    # a first report title (the page's, or one before it in the body: a 公告 that publishes one report is one).
    # Another report's: of another year or another body than the one before it ("关于公布2022年度…报告的公告"
    # above the report it publishes titles the same one).
    first = title if title and _title_verdict(title) is REPORT else None
    for m in _LINE.finditer(body):
        line = m.group(0)
        if not (line.isprintable() and " " not in line):  # spaces out (most lines have none: no copy)
            line = "".join(line.split())
        if (len(line) > 60 or heading_marker(line) or line in title or not _YEAR.search(line)
                or not _TITLE_FORM.fullmatch(line) or _title_verdict(line) is not REPORT):
            continue
        if first is not None and m.start() > len(body) // 10 and not _same_report(first, line):
            return _other("several_reports", "kind.reason.several_reports", word=line)
        first = first or line
    return None


def _same_report(a: str, b: str) -> bool:
    """Whether two report titles name the same year and (where both name it) the same body."""
    ya, yb = _YEAR.search(a), _YEAR.search(b)
    if ya and yb and _SPACE.sub("", ya.group(0)) != _SPACE.sub("", yb.group(0)):
        return False
    pa, pb = _place(a), _place(b)
    if pa and pb and pa not in pb and pb not in pa:
        return False
    # Two units of one place ("青溪县司法局…" and "青溪县市场监督管理局…", one page): two reports.
    ua, ub = _unit(a), _unit(b)
    return not (ua and ub and ua not in ub and ub not in ua)


# The place a title names first ("宜兴市", "彭水苗族土家族自治县"), its year taken out ("2020年度宜兴市…").
_PLACE = rx.compile(r"[\u4e00-\u9fff]{1,10}?(?:自治区|自治州|自治县|自治旗|省|市|州|县|区|旗|盟|镇|乡)")
_YEAR_WORD = rx.compile(r"(?:19|20)\d\d\s*年度?")


# The body a title names at its head, before 关于, the year or its subject ("青溪县司法局关于…", "青溪县人民政府
# 2023年度…"), named as organs.unit_name names a body (县人民政府 and 县政府 are one).
_UNIT = rx.compile(r"^(?:关于)?\s*([\u4e00-\u9fff]{2,30}?(?:政府|局|委员会|办公室|厅|署|办事处|分局))"
                   r"(?=\s*(?:关于|\n|法治|依法|$))")


def _unit(title: str) -> str:
    m = _UNIT.search(_YEAR_WORD.sub("\n", title).lstrip("\n"))
    return organs.unit_name(m.group(1)) if m else ""


def _place(title: str) -> str:
    m = _PLACE.search(_YEAR_WORD.sub("\n", title))
    return m.group(0) if m else ""
