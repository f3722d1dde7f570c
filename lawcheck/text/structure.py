"""From normalised text to structure: page chrome, title, sections with roles, closing, sentences.

Everything here works on the normalised text (see ``normalize``); spans are
half-open ``(start, end)`` offsets into it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from lawcheck import rx
from lawcheck.text import organs
from lawcheck.text.grammar import (
    DATE_RE,
    DOC_NUMBER,
    LINE_ENDS,
    RUN_TOGETHER,
    TOP_RANKS,
    TRAIL,
    WHERE_ON_SITE,
    heading_marker,
)
from lawcheck.text.normalize import HAN, NormText

# Roles of top-level sections.  Evidence counts as "done" only in the year's work.
PREAMBLE = "preamble"
MEASURES = "measures"
SHORTCOMINGS = "shortcomings"
PLAN = "plan"
OTHER = "other"
CLOSING = "closing"
ROLES = (PREAMBLE, MEASURES, SHORTCOMINGS, PLAN, OTHER, CLOSING)

_HEADING_MAX = 40  # a longer first sentence is content, even when it starts with a marker

_SHORT_CUE = rx.compile(
    r"存在的?(?:主要)?(?:问题|不足|短板|困难|差距)|(?:问题|困难)(?:和|与|及|、)?(?:不足|困难|短板|差距|挑战)"
    r"|不足(?:和|与|及|之处)|短板|差距|薄弱环节|主要问题|存在问题"
    # a part holding the problems and the plan ("二、问题与打算"): the problems as much as the plan
    r"|(?:问题|困难)(?:与|和|及)(?:下一?步|今后|明年|下一?年度?)?(?:工作)?(?:打算|计划|安排|展望|设想|思路)"
    # "二、需要改进的方面", "二、有待加强的地方", "二、亟待解决的问题": what is still lacking, said as what is to mend
    r"|(?:需要|有待|亟待|亟需|尚需|仍需)(?:进一步)?(?:改进|加强|提高|提升|完善|解决|改善)的?(?:方面|地方|问题|环节|事项)"
    # "三、问题产生的原因", "原因分析": the statutory item's 原因 written as a part of its own
    r"|(?:问题|不足)(?:产生|存在)?的?(?:主要)?(?:原因|成因)|原因分析|成因分析"
)
_PLAN_CUE = rx.compile(
    r"下一步|下步|下一年|下年度|下一?阶段|明年|来年|今后|工作(?:思路|打算|安排|计划|设想|展望|谋划)"
    r"|主要安排|重点(?:工作)?(?:计划|安排|任务)|努力方向|(?:思路|打算)和(?:举措|措施)"
    # a part holding both ("二、问题与打算", "三、不足和下步计划"): the plan as much as the problems
    r"|(?:问题|不足|困难|差距|短板)(?:与|和|及)(?:打算|计划|安排|展望|设想|思路)"
)
# A top-level part after the shortcomings whose heading names a year or the work ahead ("三、2022年工作重点",
# "三、整改措施") is the plan: the reports' order is the year's work, its shortcomings, then the plan.
_PLAN_AFTER_SHORT = rx.compile(r"(?:19|20)\d\d\s*年|重点|任务|措施|举措|对策|建议|方向|展望|目标")
_OTHER_CUE = rx.compile(r"其他需要报告|其他事项|其他情况")
# A part named by its last words: "二、工作中的不足", "二、主要困难", "二、问题与原因", "二、查摆的问题", "二、反思与
# 不足" — not a measure that answers problems ("三、着力解决群众身边的问题", "补齐短板").
_SHORT_END = rx.compile(r"(?:的|与|和|及|主要)(?:主要)?(?:不足|问题|困难|短板|差距)(?:之处)?$"
                        r"|(?:问题|不足)(?:和|与|及)(?:其)?(?:原因|成因)|查(?:摆|找)出?的?(?:主要)?(?:问题|不足)"
                        r"|面临的(?:主要)?(?:困难|问题|挑战)")
_ANSWERS = rx.compile(r"解决|化解|整治|整改|破解|聚焦|针对|补齐|弥补|克服|回应|办理|排查|导向|纠正|查处|治理"
                      r"|防范|防止|预防|处置|处理|应对|调处")
# A part that looks back, though its heading names a plan or a year: "三、2020年度工作计划落实情况", "四、2020年
# 工作亮点" are the year's work, not the plan.  The words of a look-back with what they are about ("2023年工作计划
# 完成情况") are taken out: what is left may still name the plan ("…完成情况和2024年工作打算").  Only words that
# name the part (at its end, before a joining word or a bracket): "下一步工作计划（巩固提升工作成效）" and
# "2024年工作思路暨法治亮点培育计划" look ahead.
# So is a part on problems set right ("三、上年度存在问题整改情况", "二、督察反馈问题整改落实情况"): what the year
# did about them, not the shortcomings the report must state; "二、存在的问题及整改措施" still names them.  Problems
# joined into one ("上年度存在问题和不足整改情况") are what is looked back on as a whole.
_LOOKBACK = rx.compile(r"(?:[^和及与暨、,，()（）]"
                       r"|(?<=问题|不足|短板|差距|困难)[和及与、](?=问题|不足|短板|差距|困难))*?"
                       r"(?:(?:落实|完成|执行|实施|整改)情况|整改(?:成效|进展)|亮点|回顾|取得的成效"
                       r"|主要成效|工作成效|经验做法)(?=$|[和及与暨、,，;；:：。\s()（）])")
# What every _LOOKBACK match ends with: a heading without one is left as it is, unread (its lazy prefix
# tries each place of a heading anew).
_LOOKBACK_WORD = rx.compile(r"情况|亮点|回顾|成效|进展|经验做法")
# Words of what is ahead, in a heading that names the duty after the plan: "五、进一步压实第一责任人职责".
_AHEAD = rx.compile(r"进一步|继续|持续|将|压实|下一步|今后")
_DUTY_CUE = rx.compile(r"第一责任人|主要负责人|主要负责同志")
# A part that names the year's work as its account ("四、2020年度法治政府建设工作情况", "三、工作开展情况",
# "二、20xx年工作总结", "主要举措和成效"): the year's work wherever the report puts it, after its plan too.
_WORK_DONE = rx.compile(r"(?:工作|建设|开展|推进|落实|基本|总体)(?:情况|总结)[。:：]?$"
                        r"|(?:主要)?(?:举措|做法|措施)(?:和|与|及)(?:成效|成绩)")

# Paragraph openings that switch role in reports without numbered headings.
_PARA_SHORT = rx.compile(
    r"^.{0,20}?(?:(?:但|同时|然而).{0,12}?(?:存在|仍有|还有)|存在的?(?:问题|不足)|问题和不足|不足之处)"
)
_PARA_PLAN = rx.compile(r"^.{0,16}?(?:下一步|今后|明年|下一年度?|20\d\d年[,,]?(?:我|全)?.{0,8}?将)")
# A paragraph inside the year's work that turns to the shortcomings, in a report with numbered headings but
# no shortcomings part: "在肯定成绩的同时，我们也清醒地看到，…还存在一些不足：一是…", "2024年，我区…取得了一些新
# 成效，但也仍然存在一些问题与不足：", "当然，…也存在一些问题：".  Stricter than _PARA_SHORT: its first sentence
# says that problems remain (存在/仍有/还有 … 问题/不足/差距/短板/薄弱环节), and turns to them — from the results
# ("取得成效的同时", "成效…但"), with a "but" opening the paragraph, or introducing a list (":") — and is not
# a response to problems ("针对存在的问题…", "…仍存在一些问题，对此开展专项整治，督促整改"), nor an aside in a
# paragraph of measures ("全年办理案件12件，但也存在办案力量不足等问题。": no turn, no list).
_INLINE_PROBLEMS = rx.compile(r"(?:存在|仍有|还有|也有|尚有)[^。;:]{0,16}?(?:问题|不足|差距|短板|薄弱环节|困难)")
_INLINE_TURN = rx.compile(
    r"(?:肯定|看到|取得)(?:了)?(?:一定的?|一些)?(?:成绩|成效)的?同时|清醒(?:地)?(?:看到|认识到)"
    r"|(?:成绩|成效|进展)[^。:]{0,16}?(?:但|但是|然而|不过)"
)
_INLINE_OPENING = rx.compile(r"(?:但|但是|然而|不过|同时|当然|与此同时)[,、]?")
_INLINE_SHORT_NOT = rx.compile(r"针对(?!性)|梳理|查找|整改|解决|排查|整治|督促")
_FIRST_SENTENCE = rx.compile(r"[^。!?;:]*[。!?;:]?")
# …or a lead sentence that admits them, the sentence after it listing them as a colon would: "…虽然取得了一定的成绩，
# 但同时我们也清醒地认识到工作中的不足和问题。如“放管服”改革仍需继续深入，…" (the problems seen, not only
# "存在…", when it turns: from the results, or with a "but"), "…还存在一些不足。主要表现在：…", "…。一是…".  Not
# 如期/如实/如何/如果/如今, nor a lead of the plan ("下一步，…", "今后…"; see _PARA_PLAN).
_INLINE_SEEN = rx.compile(r"(?:认识到|看到|意识到|正视)[^。;:]{0,20}?(?:问题|不足|差距|短板|薄弱环节)")
_INLINE_LIST = rx.compile(r"\s*(?:如(?!期|实|何|果|今|下)|比如|例如|譬如|一是|主要是|主要有|主要表现在|主要表现为"
                          r"|具体表现在|具体表现为|表现在|表现为)")

_CHROME = rx.compile(
    WHERE_ON_SITE + r"|首页\s*>|>>|>\s*正文|字体|字号|打印|关闭窗口|语音播报|分享|浏览次数|阅读[:次]"
    r"|^来源|来源[:]|发布[时日]|发布[:]|^发布|^日期|日期[:]|索引号|发布机构|生成日期|公开日期|公开方式|公开范围"
    r"|公开时限|公开形式|公开程序|效力状况|主题\(|体裁|关键词|分类词|文件下载|内容概况|今天是|信息来源"
    r"|文章来源|更新时间|点击[数率:]|作者[:]|责任编辑|扫一扫|【|】|\|"
)
# A PDF copy's page number on a line of its own ("- 8 -", "第8页", "8", "8/10"): in the trailing chrome and the
# signature walk.
_DASHED = r"[-—–－]\s*\d{1,4}\s*[-—–－]"
_NTH_PAGE = r"第\s*\d{1,4}\s*页"
_BARE_PAGE = r"\d{1,4}\s*(?:[/／]\s*\d{1,4})?"
_TRAILING_CHROME = rx.compile(
    # a repost's credits under the text, bracketed or not: "（来源：县司法局）", "（供稿：…）", "编辑：张明  审核：李强"
    r"^[(（【]?\s*(?:来源|信息来源|文章来源|稿源|供稿|编辑|审核|审校|校对|初审|复审|终审|签发|撰稿|作者|摄影|摄像)\s*[:：]|"
    r"^[(（【〔][^()（）【】\n]{0,16}(?:记者|通讯员)[^()（）【】\n]{0,16}[)）】〕]\s*$|^文\s*[/／]|"
    # (bracketed too: "（责任编辑：张三）"; a page's counter: "浏览次数：123")
    r"^[(（]?\s*(?:相关文章|相关链接|相关阅读|相关新闻|相关推荐|相关文档|猜你喜欢|热门推荐|上一篇|下一篇|打印本页|关闭窗口|【|扫一扫|分享到"
    r"|(?:浏览|阅读|点击|访问)(?:次数|量|数)\s*[:：]"
    r"|责任编辑|附件下载|网站地图|本文(?:来源|来自|转自|由)|(?:免责)?声明[:：]|版权(?:归|所有|声明)|原文链接|文章来源|来源[:：]"
    # a site's pager ("共2页 首页 上一页 1 2 下一页 尾页", "第1页 共3页")
    r"|共\s*\d{1,3}\s*页\s*(?:首页|上一页|下一页|尾页|\d|$)|第\s*\d{1,3}\s*页\s*[,，/／]?\s*共\s*\d{1,3}\s*页|首页\s*上一页"
    r"|上一页[\s\d]*(?:下一页|尾页)"
    # a PDF copy's page number under the text ("- 8 -", "—8—", "第8页", "8/8", "8") and a bare address
    rf"|\s*{_DASHED}\s*$|\s*{_NTH_PAGE}\s*$|\s*{_BARE_PAGE}\s*$"
    r"|\s*(?:https?://|www\.)[!-~]+\s*$"
    # a site's footer ("灵寿县人民政府 版权所有", "Copyright © 2022 …", "县人民政府办公室主办")
    r"|主办单位|承办单位|主办\s*[:：]|承办\s*[:：]|相关附件|网站标识码|网站识别码|[\u4e00-\u9fff]?ICP备|[\u4e00-\u9fff]公网安备|联系我们|技术支持[:：]"
    r"|[^。\n]{0,40}?版权所有|\s*(?:(?i:copyright)|©|\(c\)\s*\d)|[^。\n]{2,40}?(?:主办|承办)\s*(?:单位)?\s*$)"
)
# A page's way to its neighbours, above or under the text: "上一篇：关于2018年度…的报告", "下一篇：…", "相关链接：…" —
# another page's title, never this one's.
_NAV_LINE = rx.compile(r"^[(（【\[]?\s*(?:上一篇|下一篇|上一条|下一条|上篇|下篇|前一篇|后一篇"
                       r"|相关(?:链接|文章|阅读|新闻))"
                       r"\s*[】\])）]?\s*(?:[:：]|$)")
# An entry of a site's list ("我区召开法治政府建设工作会议 2024-11-02", "[2023-02-10] 灵寿县2023年政府工作报告"):
# a headline and the day written as a site writes it (digits), never a report's title, byline or signature line.
_LISTED_ENTRY = rx.compile(
    r"^(?P<head>[^。:：|\n]{4,60}?)\s*[\[【(（]?(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}[\]】)）]?$"
    r"|^[\[【(（]?(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}[\]】)）]?\s*(?P<after>[^。:：|\n]{4,60})$")


def is_navigation(line: str) -> bool:
    """Whether a line is a site's navigation rather than the report's: a link to the page before or after, or an
    entry of a list with its date.  A signature ("灵寿县人民政府 2022-01-14"), a byline ("县司法局 2022-04-20") and the
    page's labelled facts ("发布时间 2022-01-20") are not: their words are an organ's name or page chrome."""
    line = line.strip()
    if _NAV_LINE.match(line):
        return True
    m = _LISTED_ENTRY.match(line)
    if m is None:
        return False
    head = (m.group("head") or m.group("after")).strip()
    return bool(HAN.search(head)) and not _ORGAN_LINE.match(head) and not _CHROME.search(head) \
        and not _PAGE_META.match(head) and not sign_line(head)[0] \
        and not (_TITLE_WITH_DATE.search(head) and not _BULLET.match(line))


# A report's own title printed with the page's date on its line ("…关于2024年度法治政府建设情况的报告 2025-01-20"):
# the title, not a list entry (found in review: the title, organ and reporter were lost).
_TITLE_WITH_DATE = rx.compile(r"法治(?:政府)?建设[^。]{0,30}?(?:报告|总结)")
_BULLET = rx.compile(r"[·•●▪◆■\-*]")  # a list's entry: "· 关于2017年度…的报告 2018-03-01" is another page's


# A link to another page: a document's title, a bullet before it or its date after it ("· 关于2019年度…的报告",
# "…工作要点 2022-02-15"); not a line of this page's title ("灵寿县人民政府" above its "关于…的报告").
_LINK_ITEM = rx.compile(r"^[·•●▪◆■\-*]"
                        r"|(?:报告|总结|汇报|情况|要点|方案|计划|通知|意见|办法|规定|解读|公告|公示|纪要|讲话)\s*[\[【(（]?(?:(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?)?[\]】)）]?$")
# The page's own metadata under its title ("发布时间：…", "来源：…", "【字体：大 中 小】").
_PAGE_META = rx.compile(r"^[【\[(（]?\s*(?:发布|发表|公开|更新|成文|印发)(?:时间|日期)"
                        r"|^[【\[(（]?\s*(?:来源|日期|时间|信息来源|字号|字体)\s*[:：]")
# A page's list of links under the text, headed by one of these on a line of its own.
_RELATED_LABEL = rx.compile(r"^[【\[〖(（<《]?\s*(?:相关(?:文章|链接|阅读|新闻|推荐|文档|信息|稿件)|往期(?:回顾|推荐)"
                            r"|热点(?:推荐|新闻|文章)|热门(?:推荐|文章)|猜你喜欢|延伸阅读|推荐阅读|更多(?:阅读|新闻)"
                            r"|您可能(?:感兴趣|还想看|也喜欢)的?(?:文章|内容|新闻)?)(?:推荐)?\s*[】\]〗)）>》]?\s*[:：]?"
                            r"\s*(?:>>|》》|>|更多\s*(?:>>|》》|>)?)?$")
_RELATED_MAX = 15  # links under the label
# "附件：…" after the signature and date: an attachment (GB/T 9704), not the body and not the closing block.
_ATTACHMENT = rx.compile(r"^附\s*件\s*(?:\d{1,2})?\s*(?:[:：]|$|\d|[\u4e00-\u9fff])")
# (not a label of a page's table of facts, its value on the next line: "责任部门:", "主管部门:")
_ADDRESSEE = rx.compile(r"^(?!(?:责任|发布|发文|主管|所属|承办|主办|制发|成文|公开|来源|信息来源)\s*"
                        r"(?:部门|机构|单位|机关)\s*:$)"
                        r"[^。,]{2,60}?(?:委|政府|常委会|委员|人大|主任|局|办|厅|部|党组)[^。]{0,12}:$")
_ORGAN_SUFFIX = (r"(?:人民政府|政府|办事处|委员会|管委会|管理委员会|行政公署|局|厅|(?<!干)部|总署|海关|办公室|党委"
                 r"|党组|委|司法所|依法治.办)")
_ORGAN_LINE = rx.compile(rf"^[^。,:;]{{2,40}}?{_ORGAN_SUFFIX}$")
_CLOSING_PHRASE = rx.compile(
    r"^(?:特此|专此)(?:报告|汇报|函告|报送)|^以上报告|^\(?此件.{0,8}\)?$|^请予?审[议定阅]|^抄\s*送[^。]{0,80}。?$"
    # The 版记 and the notes of a sent document, under the signature: how it is made public, who to call.
    r"|^\(?(?:公开方式|公开属性|公开类型|信息公开选项|信息公开属性)[:：]\s*\S{2,8}\)?$"
    r"|^\(?联系人[:：][^。]{0,40}\)?$"
)
_TITLE_CUE = rx.compile(r"(?:法治|依法行政|法制).{0,30}?(?:报告|总结|情况)|(?:报告|总结)$")



@dataclass(frozen=True, slots=True)
class Section:
    index: int
    parent: int | None
    level: int  # 0 = top level
    rank: int  # heading style, see grammar.HEADINGS
    heading: str
    heading_span: tuple[int, int]
    span: tuple[int, int]
    roles: frozenset[str]


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    section: int | None  # innermost section index; None in the preamble and closing
    roles: frozenset[str]
    heading: bool = False  # the short title of a real heading (not an 一是… item)


@dataclass(slots=True)
class Structure:
    norm: NormText
    header: list[tuple[int, int]]  # chrome and title lines above the body
    title_span: tuple[int, int] | None
    body: tuple[int, int]  # between header and closing
    closing: tuple[int, int]  # may be empty
    sections: list[Section]
    sentences: list[Sentence]
    # a cover letter's span (its text to its "附件" line or its date) when the text checked is the report it sends
    # and the letter is the report's own body's (another body's letter, forwarding it, lends it nothing)
    cover: tuple[int, int] | None = None
    # why the text attached under a publishing notice's signature is not read as the report ("title", "organ",
    # "short": _published_refusal) when this is that notice: the kind reads it as the notice
    refused: str | None = None
    # the publishing notice's signature and date when the text checked is the report it publishes: its date is the
    # day the report was published, when the page gives none (dates.published_date)
    notice: tuple[int, int] | None = None
    _starts: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.norm.text

    @property
    def title(self) -> str | None:
        return self.text[slice(*self.title_span)] if self.title_span else None

    @property
    def sentence_starts(self) -> list[int]:
        """Where each sentence starts, in order."""
        return self._starts

    def sentence_at(self, pos: int) -> int | None:
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and self.sentences[i].start <= pos < self.sentences[i].end:
            return i
        return None

    def ancestors(self, section: int | None) -> list[Section]:
        out: list[Section] = []
        while section is not None:
            sec = self.sections[section]
            out.append(sec)
            section = sec.parent
        return out


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


_TITLE_STOP = rx.compile(r"[。!?;:]")


def _heading_title_end(line: str) -> int:
    """Headings often run straight into their first paragraph: stop at the first full stop."""
    m = _TITLE_STOP.search(line, 0, 80)  # (found by the engine, not character by character)
    if m:
        return m.end() if m.group() in "。!?" else m.start()
    return len(line) if len(line) <= 80 else line.find(",") if "," in line[:80] else 80


def _is_paragraph(line: str) -> bool:
    # A sentence of prose: a full stop, commas, or an opening that ends "…报告如下:".  A short one counts
    # when it opens as a report does ("2024年,我县深入推进法治政府建设。"): no page chrome reads so.
    prose = "。" in line or line.count(",") >= 2 or line.endswith(":")
    if not prose or _CHROME.search(line[:30]):
        return False
    # (and "2021年，我县…，现将有关情况报告如下：", the opening that leads into the parts; and the formula as a short
    # sentence of its own: "根据规定，现将县人民政府2022年…情况报告如下。" — not a publication note above the text,
    # "根据《政府信息公开条例》有关规定，现予公开。")
    return (len(line) >= 40 or bool(_YEAR_OPENING.match(line) and line.endswith(("。", ":", "：")))
            or (line.endswith(("如下。", "如下:", "如下：")) and ("," in line or "，" in line)))


# A table of contents' entry: the heading it lists, a leader or a tab (gone in normalising), its page number
# ("一、工作开展情况……1", "一、⇥工作开展情况⇥1"): no heading of the report, which follows in place.
_CONTENTS_ENTRY = rx.compile(r"(?:[.．…·•]{3,}\s*|(?<=[\u4e00-\u9fff）)]))\d{1,3}$")
def _contents_block(text: str, lines: list[tuple[int, int]], first: int, last: int) -> set[int]:
    """The lines of a table of contents without page numbers: the short headings right under a "目录" line near
    the top, each standing again further down (where the part itself begins)."""
    top = min(last, first + 40)
    if top <= first or "目" not in text[lines[first][0]:lines[top - 1][1]]:
        return set()  # no "目录" line to look for (most reports have none)
    for i in range(first, top):
        if not _CONTENTS_HEADING.fullmatch(text[slice(*lines[i])].strip()):
            continue
        entries: list[int] = []
        j = i + 1
        while j < last:
            line = text[slice(*lines[j])].strip()
            if not (line and len(line) <= 40 and "。" not in line and heading_marker(line)):
                break
            entries.append(j)
            j += 1
        rest = {text[slice(*lines[k])].strip() for k in range(j, last)}
        if len(entries) >= 2 and all(text[slice(*lines[k])].strip() in rest for k in entries):
            return set(entries)
        return set()
    return set()


def is_contents_line(line: str) -> bool:
    """A table of contents' entry ("一、工作开展情况……1") or its heading ("目录")."""
    line = line.strip()
    return bool(_CONTENTS_HEADING.fullmatch(line) or (
        len(line) <= 60 and "。" not in line and _CONTENTS_ENTRY.search(line)))


_CONTENTS_HEADING = rx.compile(r"目\s*录")
_YEAR_OPENING = rx.compile(r"(?:(?:19|20)\d\d|[二][〇零O0○][一二三四五六七八九〇零O0○]{2})\s*年(?:度|以来)?\s*[,，]")


_SIGN_ORGAN = rx.compile(rf"^[^。,:;\d]{{2,40}}{_ORGAN_SUFFIX}")
_ISSUED = rx.compile(r"(?:印发|发布|印)$")


def _is_date(s: str) -> bool:
    return bool(DATE_RE.fullmatch(s) or RUN_TOGETHER.fullmatch(s) or _UNFINISHED_DATE.fullmatch(s))


# A date line a draft left unfinished ("2024年3月  日", "2024年  月  日", "二〇二四年三月"): still the signature's
# date line, so the organ above it is the signature's, and the date is read as not filled in.
_UNFINISHED_DATE = rx.compile(
    r"(?:(?:19|20)\d\d|[二一][〇零一二三四五六七八九O0]{3})年[\s_□]*(?:\d{1,2}|[〇一二三四五六七八九十]{1,2})?[\s_□]*月"
    r"(?:[\s_□]*日)?"
    # …or the month and day without the year ("1月14日", "一月十四日"): the date line, its year left out
    r"|(?:\d{1,2}|[一二三四五六七八九十]{1,2}|元)月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日"
)


def sign_line(line: str) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """Split a signature-block line into (organ span, date span), either may be None.

    Handles "灵寿县人民政府", "2022年1月14日", "灵寿县人民政府 2022年1月14日" and
    "…办公室 2022年1月14日印发"; anything else gives (None, None).
    """
    stripped = line.rstrip()
    tail = _ISSUED.search(stripped)
    core = stripped[: tail.start()] if tail else stripped
    lead = len(core) - len(core.lstrip())
    if _is_date(core.strip().replace(" ", "")):
        return None, (lead, len(core))
    m = _SIGN_ORGAN.match(core.lstrip())
    if not m:
        return None, None
    organ = (lead, lead + m.end())
    rest = core[lead + m.end():]
    if not rest.strip():
        return (organ, None) if len(core.strip()) <= 40 else (None, None)
    if _is_date(rest.strip().replace(" ", "")):
        return organ, (lead + m.end() + len(rest) - len(rest.lstrip()), len(core))
    return None, None


def _before_related_list(text: str, lines: list[tuple[int, int]], first: int, last: int) -> int:
    """The last line above a page's list of links ("相关文章" and the titles under it, another year's report
    among them), or ``last`` when the page ends on none: the list is the site's, not the report's."""
    i, items = last, 0
    while i > first and items <= _RELATED_MAX:
        line = text[slice(*lines[i])].strip()
        if _RELATED_LABEL.match(line):
            return i - 1  # its links, or none (the crawl dropped them: "往期回顾：" alone under the signature)
        if line:
            if "。" in line or len(line) > 60:
                return last
            items += 1
        i -= 1
    return last


# Lines a sent report carries under its signature date that are neither body nor signature: a note on its figures
# ("注：本报告数据统计截至2021年12月31日。"), how to reach the drafter ("（联系电话：0510-87981234）"), a footnote
# of a PDF copy ("①…", "[1]…"), the report's title repeated as a PDF's running header or footer.
_TRAILER = rx.compile(
    r"^[(（]?\s*(?:注|附|备注|附注|说明|注释|数据来源|资料来源|联系电话|联系方式|电话|手机|传真|电子邮箱|邮箱|通讯地址|地址"
    r"|邮编|邮政编码|网址|网站)\s*[:：]"
    # a note's numbered lines ("1.本报告数据统计截至…"), a QR code's line
    r"|^\d{1,2}\s*[.．、)）]\s*\S|^[(（]?\s*(?:扫描|扫码|扫一扫)"
    # (a note's mark as normalised text has it: "1三项制度即…", "i数据来源：…")
    r"|^(?:[①-⑳]|\[\d{1,2}\]|\d{1,2}(?![\d年月日号个项件次人%])(?=\s|[\u4e00-\u9fff])|[ivx]{1,4}(?=\s|[\u4e00-\u9fff])|[*＊])\s*\S"
    # a note in brackets, whole on its line: how the copy is made public or sent, what was left out ("(此件主动公开,
    # 报送市司法局)", "(此件发至各乡镇人民政府、县政府各部门)", "(本文有删减)", "(此页无正文)") — under the date it
    # follows, never taken for the signature's absence
    r"|^[(（【\[][^()（）【】\[\]\n]{2,80}[)）】\]]$"
    # …or without its brackets, on what the copy is ("此件主动公开,报送市司法局、市依法治市办", "本文有删减")
    r"|^(?:此件|本件|此文|本文|本报告)[^。\n]{1,40}。?$"
)
_TRAILER_ANYWHERE = rx.compile(r"二维码|https?://|www\.[!-~]")  # ("灵寿县人民政府网站 www.lingshou.gov.cn")
_TRAILER_LINES = 4  # non-empty lines under the date that may be such a trailer
_PAGE_NUMBER = rx.compile(rf"^\s*(?:{_DASHED}|{_NTH_PAGE}(?:\s*[,，/／]?\s*共\s*\d{{1,4}}\s*页)?|{_BARE_PAGE})\s*$")


def _is_trailer(line: str) -> bool:
    line = line.strip()
    if len(line) > 200:
        return False
    return (bool(_TRAILER.match(line) or _PAGE_NUMBER.match(line) or _TRAILER_ANYWHERE.search(line))
            or (len(line) <= 80 and "。" not in line and bool(_TITLE_CUE.search(line))))


def _above_trailer(text: str, lines: list[tuple[int, int]], first: int, last: int) -> int:
    """The last line of the signature block when only a trailer (``_TRAILER``, a page number, the title
    repeated) follows it, else ``last``: a contact line or a note under the date must not hide the signature."""
    seen = 0
    for k in range(last, first, -1):
        s, e = lines[k]
        if e == s:
            continue
        line = text[s:e]
        if seen and _is_closing_line(line):
            return k
        if seen == _TRAILER_LINES or not _is_trailer(line):
            return last
        seen += 1
    return last


def _is_closing_line(line: str) -> bool:
    return bool(_CLOSING_PHRASE.search(line.strip())) or sign_line(line) != (None, None)


def roles_from_heading(heading: str) -> set[str]:
    roles: set[str] = set()
    # What is left once the words of a look-back are out (``_LOOKBACK``): neither the year's plan carried out nor
    # its problems set right name the shortcomings or the plan.
    ahead = _LOOKBACK.sub("", heading) if _LOOKBACK_WORD.search(heading) else heading
    bare = ahead.rstrip(" 。:：\t")
    if _SHORT_CUE.search(ahead) or (_SHORT_END.search(bare) and not _ANSWERS.search(bare)):
        roles.add(SHORTCOMINGS)
    if _PLAN_CUE.search(ahead):
        roles.add(PLAN)
    if not roles and _OTHER_CUE.search(heading):
        roles.add(OTHER)
    return roles


_ATTACHED_REACH = 4000  # characters from the end where the attachments under a text without a closing may begin


def attachments_at(text: str, end: int) -> int | None:
    """Where a text without its closing ends on its attachments ("……。/ 附件：2020年行政执法数据统计表 / 序号 单位
    处罚件数 / 1 市场监管局 120"): the start of the last line opening on "附件" near the end, the text above it ending
    on a sentence's mark and no line under it ending on a full stop (a table's rows or a list of names, not prose).
    None otherwise."""
    at = text.rfind("附", max(0, end - _ATTACHED_REACH), end)
    while at != -1:
        start = text.rfind("\n", 0, at) + 1
        stop = text.find("\n", at, end)
        if not text[start:at].strip() and _ATTACHMENT.match(text[at:stop if stop != -1 else end].strip()):
            above = text[:start].rstrip()
            below = text[start:end]
            if above.endswith(LINE_ENDS) and not any(line.rstrip().endswith("。") for line in below.split("\n")):
                return start
            return None
        at = text.rfind("附", max(0, end - _ATTACHED_REACH), at)
    return None


def _attachment_note(text: str, lines: list[tuple[int, int]], body_first: int, i: int) -> bool:
    """Whether the "附件：…" line ``i`` is the note of attachments above the signature (GB/T 9704: "特此报告。/
    附件：…统计表 / 某县人民政府 / 2021年4月15日"), not the attachments after it: no signature line just above it,
    and just below its items the signing organ with its date (not any date: an attachment's own table has dates,
    and a 通知 it attaches is signed by another)."""
    if any(sign_line(text[slice(*lines[k])]) != (None, None) for k in range(max(body_first, i - 4), i)):
        return False
    below = [k for k in range(i + 1, min(len(lines), i + 12)) if lines[k][1] > lines[k][0]]
    for n, k in enumerate(below[:5]):  # the note's items ("2.重大行政决策事项目录"), then the organ
        organ, date = sign_line(text[slice(*lines[k])])
        if organ is not None:  # its date on its own line or the next
            after = text[slice(*lines[below[n + 1]])] if n + 1 < len(below) else ""
            return date is not None or sign_line(after)[1] is not None
        if date is not None:
            return False  # a date before any organ: a table's, or a list's
    return False


def _links_above(text: str, lines: list[tuple[int, int]], content: list[int]) -> set[int]:
    """A page's list of links above the text ("热点文章" or "相关文章：" on a line of its own, then titles of other
    pages, "· 关于2019年度…的报告"): the label and the links, which are no title of this page.  The last of them
    stays when the page's own metadata follows it ("发布时间：…"): that is this page's title."""
    for n, i in enumerate(content[:8]):
        line = text[slice(*lines[i])].strip()
        m = _RELATED_LABEL.match(line)
        if m is None or m.end() < len(line):
            continue
        links = []
        for k in content[n + 1:n + 1 + _RELATED_MAX]:
            item = text[slice(*lines[k])].strip()
            if "。" in item or len(item) > 60 or heading_marker(item) or not _LINK_ITEM.search(item):
                break
            links.append(k)
        if links:
            after = next((k for k in content if k > links[-1]), None)
            if after is not None and _PAGE_META.match(text[slice(*lines[after])].strip()):
                links.pop()  # the page's own title, its date under it
            return {i, *links}
        return set()
    return set()


def _lines_holding(text: str, lines: list[tuple[int, int]], first: int, char: str) -> Iterator[int]:
    """The lines from ``first`` on that hold ``char``, in order: a pattern that needs it is tried on them alone,
    found by str.find instead of a slice of every line."""
    if first >= len(lines):
        return
    at = text.find(char, lines[first][0])
    while at != -1:
        i = bisect_right(lines, at, key=_line_start) - 1
        yield i
        at = text.find(char, lines[i][1])


def _line_start(line: tuple[int, int]) -> int:
    return line[0]


# Whose a cover letter is, against the report it sends (the letter's structure, the report's): "other" — another
# body's, sending it on (a county's 司法局 sending a township's report upward); "office" — the report's government's
# own office (its 办公室, 司法局, 依法治X办) sending it; None — the report's own body's.  Handed in by the caller that
# reads organs.
Forwarded = Callable[["Structure", "Structure"], "str | None"]


def build(norm: NormText, forwarded: Forwarded | None = None) -> Structure:
    text = norm.text
    lines = _lines(text)
    content = [i for i, (s, e) in enumerate(lines) if e > s]
    st, cut = _build(norm, lines, content)
    if cut is not None:
        return _sent_report(norm, lines, content, st, cut, forwarded) or st
    signed = _letter_signed(text, lines, content, st)
    if signed is not None:
        letter, _ = _build(norm, lines, [i for i in content if i <= signed], signed)
        return _sent_report(norm, lines, content, letter, signed, forwarded) or st
    cut = _attachment_in_header(text, lines, content, st)
    if cut is not None:
        # A publishing notice whose short body was not told from its title lines ("…的通知 / 现将《…》予以公布。 /
        # signature / date / 附件"): read as the notice it is, with the report under it judged as any attached one.
        notice, _ = _build(norm, lines, [i for i in content if i < cut])
        if _publishing(text, notice) is not None:
            return _sent_report(norm, lines, content, notice, cut, forwarded) or (notice if notice.refused else st)
    return st


def _attachment_in_header(text: str, lines: list[tuple[int, int]], content: list[int], st: Structure) -> int | None:
    """The line of a "附件" under a signature and date that structure left above the body: a notice's lines all
    taken for the report's title block.  None when the header holds none (the common case: a few lines)."""
    if len(st.header) < 4:
        return None
    spans = set(st.header)
    heads = [i for i in content if lines[i] in spans]
    for k, i in enumerate(heads):
        line = text[slice(*lines[i])].strip()
        if line.startswith("附") and _ATTACHMENT.match(line) and any(
                _is_closing_line(text[slice(*lines[j])]) for j in heads[max(0, k - 3):k]):
            return i
    return None


def _letter_signed(text: str, lines: list[tuple[int, int]], content: list[int], st: Structure) -> int | None:
    """The line of a cover letter's date when the report it sends follows right under its signature with no "附件"
    line there (the attachment noted above the signature, "附件：…报告 / 白河县司法局 / 2024年2月20日", or not at all):
    the next line a report's title.  Looked for only under a title, or in first lines, that say they send something."""
    lo = st.body[0]
    if not ((st.title and _SENDS_TITLE.search(st.title)) or _SENDS.search(text, lo, min(st.body[1], lo + _LETTER_MAX))):
        return None
    first = next((n for n, i in enumerate(content) if lines[i][0] >= lo), None)
    if first is None:
        return None
    for n in range(first, len(content) - 1):
        s, e = lines[content[n]]
        if s - lo > 2 * _LETTER_MAX:
            return None  # past a letter's length: what follows is no letter's attachment
        if sign_line(text[s:e])[1] is None:
            continue
        # (the title on one line, or the body's name on a line above it: "灵寿县人民政府 / 关于2021年度…的报告")
        for k in (1, 2)[:len(content) - n - 1]:
            ns, ne = lines[content[n + 1]][0], lines[content[n + k]][1]
            title = "".join(text[ns:ne].split())
            if len(title) <= 80 and "。" not in title and not heading_marker(title) and _SENT_TITLE.search(title) \
                    and _YEAR_IN_TITLE.search(title):
                return content[n]
    return None


def _build(norm: NormText, lines: list[tuple[int, int]], content: list[int],
           last_line: int | None = None) -> tuple[Structure, int | None]:
    """The structure of the text on the ``content`` lines, and the line of the "附件" after its signature that
    ends it (None when nothing is attached).  ``last_line``: the text ends there (a cover letter's date), what
    follows not read for its attachments."""
    text = norm.text
    cut = None
    links = _links_above(text, lines, content)
    if links:
        content = [i for i in content if i not in links]

    # --- header: page chrome and the title, above the first real line of the report.
    body_first = None
    for i in content:
        s, e = lines[i]
        line = text[s:e]
        if heading_marker(line) or _is_paragraph(line) or _ADDRESSEE.match(line):
            body_first = i
            break
    if body_first is None:  # a snippet: everything that is not chrome is body, after a title line
        body_first = next((i for i in content if not _CHROME.search(text[slice(*lines[i])])), 0)
        line = text[slice(*lines[body_first])] if lines else ""
        later = [i for i in content if i > body_first]
        if later and _TITLE_CUE.search(line) and "。" not in line and len(line) <= 80:
            body_first = later[0]
    # (a link to the page before or after, a list's dated entry: another page's title, no title of this one's)
    header = [lines[i] for i in content if i < body_first and not is_navigation(text[slice(*lines[i])])]
    title_span = _find_title(text, header)

    # --- trailing chrome and closing block, walking up from the end.  Attachments after the signature and
    # date are left out first: the closing block is the signature above them.
    last = len(lines) - 1 if last_line is None else last_line
    for i in _lines_holding(text, lines, body_first + 1, "附") if last_line is None else ():
        if _ATTACHMENT.match(text[slice(*lines[i])].strip()) and any(
                _is_closing_line(text[slice(*lines[k])]) for k in range(max(body_first, i - 4), i)
                if lines[k][1] > lines[k][0]) and not _attachment_note(text, lines, body_first, i):
            last = i - 1
            cut = i
            break
    last = _before_related_list(text, lines, body_first, last)
    while last >= body_first and (
        lines[last][1] == lines[last][0] or _TRAILING_CHROME.match(text[slice(*lines[last])])
        or is_navigation(text[slice(*lines[last])])  # "上一篇：…", a list's "…工作报告 2023-02-10" under it
    ):
        last -= 1
    last = _above_trailer(text, lines, body_first, last)
    closing_first = last + 1
    i = last
    while i > body_first:
        s, e = lines[i]
        if e == s or _is_closing_line(text[s:e]):
            if e > s:
                closing_first = i
            i -= 1
            continue
        if i < last and _is_trailer(text[s:e]):
            # a PDF's page break (its number, its running header), or a footnote at the foot of its page,
            # inside the signature block
            i -= 1
            continue
        break
    body_start = lines[body_first][0] if lines else 0
    body_end = lines[closing_first][0] - 1 if closing_first <= last else (lines[last][1] if lines else 0)
    body_end = max(body_start, body_end)
    closing = (lines[closing_first][0], lines[last][1]) if closing_first <= last else (body_end, body_end)

    # --- headings inside the body.
    heads: list[tuple[int, int, int, int]] = []  # (rank, line start, title end, line end)
    listed = _contents_block(text, lines, body_first, closing_first)
    for i in range(body_first, closing_first):
        s, e = lines[i]
        line = text[s:e]
        hm = heading_marker(line)
        if hm and i not in listed and not is_contents_line(line):
            heads.append((hm[0], s, s + _heading_title_end(line), e))
    heads = _parts_by_their_own_style(text, heads)
    top_rank = min((h[0] for h in heads if h[0] in TOP_RANKS), default=None)
    if top_rank is not None:
        unmarked = _unmarked_headings(text, lines, body_first, closing_first, heads, top_rank)
        if unmarked:
            heads = sorted(heads + unmarked, key=lambda h: h[1])
            top_rank = min(top_rank, unmarked[0][0])
    plan_at = None
    if top_rank is not None:
        found = _closing_plan(text, lines, body_first, closing_first, heads, top_rank, title_span)
        if found is not None:
            heads = sorted([h for h in heads if h[1] != found[1]] + [found], key=lambda h: h[1])
            plan_at = found[1]
    sections = _build_sections(text, heads, top_rank, body_end, plan_at) if top_rank is not None else []

    sentences = _sentences(text, body_start, body_end, sections, lines, body_first, closing_first)
    if closing[1] > closing[0]:
        sentences.extend(_split(text, closing[0], closing[1], None, frozenset({CLOSING})))
    st = Structure(norm, header, title_span, (body_start, body_end), closing, sections, sentences)
    st._starts = [s.start for s in sentences]
    return st, cut


# Many bodies' reports named in a title ("各县（市、区）", "全市各乡镇", "各部门", "有关单位"): not one report.
MANY_BODIES = rx.compile(r"各(?:县|区|市|乡|镇|街道|部门|单位|地|级)|有关(?:部门|单位)|[县区市]直(?:各)?(?:部门|单位)")
# (a plan, an inspection or an assessment issued with the summary is not the year's report: "…工作总结和2022年工作
# 要点", "…法治政府建设督察报告")
NOT_THE_REPORT = rx.compile(r"要点|督察|督查|评估|考核|方案|计划|规划")

# A cover letter sending a report (GB/T 9704's 函 or 报告 "关于报送…报告的函", its body "现将…随文报送，请审阅"):
# its title or its words say it sends what is attached.
_SENDS_TITLE = rx.compile(r"(?:报送|呈报|上报|呈送|报上|送上|提交|转报)")
_SENDS = rx.compile(r"现(?:将|把|就)[^。]{0,120}?(?:报送|呈报|上报|呈送|报上|送上|提交|转报|随文|附后)"
                    r"|随文(?:报送|呈报|附上|呈送)|(?:详见|见)附件")
_LETTER_MAX = 800  # characters of a cover letter's text (spaces not counted): a few sentences
_SENT_MIN = 1000  # characters of an untitled attachment that is a report: a year's report is longer
_SENT_TEXT = 200  # characters under a report's title, at least: not a list of the attachments' names
_SENT_TITLE = rx.compile(r"(?:报告|总结|汇报|情况)(?:\(.{0,16}\))?$")
_ATTACHMENT_LABEL = rx.compile(r"附\s*件\s*\d{0,2}\s*[:：]?\s*(?:\d{1,2}\s*[.．、]\s*)?")
# A notice publishing a report with the report attached under its signature ("…办公室关于公布…报告的通知",
# "现将《…报告》予以公布", "…印发给你们", "关于公开发布…报告的公告"): its title or its words say it publishes it.
_PUBLISHES_TITLE = rx.compile(r"(?:公布|发布|公开|印发)[《<]?(?P<what>.+?)[》>]?的(?:通知|公告|通告)$")
_PUBLISHES = rx.compile(r"现(?:将|把)(?P<what>[^。]{0,120}?)(?:予以(?:公布|公开|印发|发布)|公开发布|向社会公[布开]"
                        r"|公布如下|印发给)")
# The year's report on 法治政府建设 (依法行政 in the older years) by its title: not a plan's or an inspection's
# (NOT_THE_REPORT), not many bodies' (MANY_BODIES).
_ANNUAL_TITLE = rx.compile(r"(?:法治政府建设|依法行政)[^。]{0,30}(?:报告|总结|情况)(?:\(.{0,16}\))?$")
# What names the body before a report's title words: "灵寿县人民政府关于…", "灵寿县2021年度…", "2020年度宜兴市法治
# 政府建设…" (the year first).
_ORGAN_BEFORE = rx.compile(r"^(?:(?:19|20)\d\d\s*年度?)?(?P<organ>.*?)(?:关于|(?:19|20)\d\d\s*年"
                           r"|[二][〇零O0][一二三四五六七八九〇零O0]{2}年|法治政府建设|依法行政)")
_PUBLISHING_WORDS = rx.compile(r"^(?:关于)?(?:公开)?(?:公布|发布|印发)?[《<“\"]?")
_OWN_WORDS = rx.compile(r"^(?:我|本)[省市县区州旗盟乡镇局厅委办]")  # "现将我镇2020年度…": the notice's own body
_NOTICE_ISSUER = rx.compile(r"^(?P<organ>[^《]{2,40}?)(?:文件)?关于")
_DATED = rx.compile(r"(?:19|20)\d\d\s*(?:年|[-/.])\s*\d{1,2}")  # a line holding a date
_NOTICE_NUMBER = rx.compile(r"[〔\[［(（]\s*(?:19|20)\d\d\s*[〕\]］)）]\s*\d{1,5}\s*号")


def _sent_report(norm: NormText, lines: list[tuple[int, int]], content: list[int], letter: Structure,
                 cut: int, forwarded: Forwarded | None = None) -> Structure | None:
    """The report a cover letter sends, when ``letter`` is that letter and what follows its "附件" line (``cut``)
    is the report: a report's title, or a long text in parts.  The report is the document checked — its title,
    body and signature; the letter's signature and date when it has none; the letter's span is kept (``cover``)
    for its 主送 line.  A letter whose attachments are a list of names, or a report with its own attachments (a
    table, a list of decisions: the report is long), is left as it is."""
    text = norm.text
    if len("".join(text[slice(*letter.body)].split())) > _LETTER_MAX:
        return None
    publishes = _publishing(text, letter)
    if publishes is None and not (letter.title and _SENDS_TITLE.search(letter.title)) \
            and not _SENDS.search(text, *letter.body):
        return None
    rest = [i for i in content if i > cut]
    if not rest:
        return None
    att, _ = _build(norm, lines, rest)
    size = len("".join(text[slice(*att.body)].split()))
    # (a list of names under "附件" has no sentence: "附件：1.…的报告 / 2.…统计表")
    ts = att.title_span
    titled = ts is not None and size >= _SENT_TEXT and "。" in text[slice(*att.body)] and bool(
        _SENT_TITLE.search("".join(text[slice(*ts)].split())) and _YEAR_IN_TITLE.search(text, *ts))
    long = size >= _SENT_MIN and sum(1 for sec in att.sections if sec.level == 0) >= 2
    if not (titled or long):
        return None
    title_span = att.title_span
    if title_span is None:  # the title on the 附件 line itself ("附件：灵寿县人民政府关于…的报告") over the report
        s, e = lines[cut]
        m = _ATTACHMENT_LABEL.match(text, s, e)
        if m is not None and m.end() < e and _TITLE_CUE.search(text, m.end(), e) and len(text[m.end():e]) <= 80 \
                and not heading_marker(text[m.end():e]):
            title_span = (m.end(), e)
    if publishes is not None:
        return _published(text, letter, att, title_span, publishes)
    # The page's own lines above the letter (its date, its trail of columns) stay the page's; the letter's title
    # is not the report's.
    lt = letter.title_span
    header = [h for h in letter.header if lt is None or h[1] <= lt[0] or h[0] >= lt[1]] + att.header
    closing, sentences = att.closing, list(att.sentences)
    cover: tuple[int, int] | None = (letter.body[0], lines[cut][1])
    whose = forwarded(letter, replace(att, title_span=title_span)) if forwarded is not None else None
    if whose == "other":
        # Another body's letter sending this report on: its signature, date and addressee are the letter's own,
        # not the report's (which is judged as its author wrote it, signed or not).
        cover = None
    elif closing[1] <= closing[0] and letter.closing[1] > letter.closing[0]:
        # the report itself unsigned: the letter's signature and date are the ones it was sent under
        closing = letter.closing
        sentences = sorted(sentences + [x for x in letter.sentences if CLOSING in x.roles], key=lambda x: x.start)
    if whose == "office":
        # The government's own office sending its report: it signs for it (the report unsigned), but its addressee
        # is the office's counterpart's, not the report's (dates.organ keeps the report's own body as its organ).
        cover = (closing[0], lines[cut][1]) if closing == letter.closing else None
    st = Structure(norm, header, title_span, att.body, closing, att.sections, sentences, cover=cover)
    st._starts = [x.start for x in sentences]
    return st


def _publishing(text: str, letter: Structure) -> list[str] | None:
    """When ``letter`` is a notice publishing what it attaches: the names it gives of what it publishes (its
    title's "公布《…》", its words' "现将…予以公布"); None when it is no publishing notice."""
    title = "".join(letter.title.split()) if letter.title else ""
    named = [m.group("what") for m in [_PUBLISHES_TITLE.search(title), _PUBLISHES.search(text, *letter.body)] if m]
    return named or None


def _published(text: str, notice: Structure, att: Structure, title_span: tuple[int, int] | None,
               named: list[str]) -> Structure | None:
    """The report attached under a publishing notice's signature, read as the document checked — only when it is
    the annual report itself (its own title a 法治政府建设 report's, not a plan's, an inspection's or many bodies'),
    of the notice's own body (a government's published by it or by its office, its 司法局, its 依法治X办: not a
    city's notice on a county's report, a county's on a township's, a government office's on a department's) and
    long enough to be a report.  The report is checked as it stands alone: the notice's 主送 line, 文号 and
    signature are not the report's; the page's lines above the notice (its date) stay the page's."""
    notice.refused = _published_refusal(text, notice, att, title_span, named)
    if notice.refused is not None:
        return None
    lt = notice.title_span
    # (the page's publication line under the notice's title — "发布时间:2022-01-20 来源:…" — is the page's too)
    header = [h for h in notice.header if (lt is None or h[1] <= lt[0] or (h[0] >= lt[1] and _DATED.search(text, *h)))
              and not _NOTICE_NUMBER.search(text, *h)] + _page_lines(text, notice)
    signed = notice.closing if notice.closing[1] > notice.closing[0] else None
    st = Structure(att.norm, header + att.header, title_span, att.body, att.closing, att.sections, att.sentences,
                   notice=signed)
    st._starts = att._starts
    return st


def _page_lines(text: str, notice: Structure) -> list[tuple[int, int]]:
    """The page's dated lines read as the notice's first body lines, above its first sentence: a publication line
    under the notice's title with no addressee line to start its body ("发布时间:2022-06-20 来源:…", "2022-06-20
    10:21 来源：…")."""
    out: list[tuple[int, int]] = []
    s, end = notice.body[0], min(notice.body[1], notice.closing[0]) if notice.closing[1] > notice.closing[0] \
        else notice.body[1]
    while s < end:
        e = text.find("\n", s, end)
        e = end if e < 0 else e
        if "。" in text[s:e]:
            break  # the notice's first sentence
        if _DATED.search(text, s, e) and not _NOTICE_NUMBER.search(text, s, e):
            out.append((s, e))
        s = e + 1
    return out


def _published_refusal(text: str, notice: Structure, att: Structure, title_span: tuple[int, int] | None,
                       named: list[str]) -> str | None:
    """Why the text attached under a publishing notice is not read as the report: ``title`` (no annual report's
    title over it, or the notice on many bodies' reports), ``short``, ``organ`` (another body's report, or no body
    named); None when it is the notice's own body's report."""
    title = "".join(text[slice(*title_span)].split()) if title_span else ""
    notice_title = "".join(notice.title.split()) if notice.title else ""
    if not _ANNUAL_TITLE.search(title) or not _YEAR_IN_TITLE.search(title) or NOT_THE_REPORT.search(title) \
            or MANY_BODIES.search(title) or MANY_BODIES.search(notice_title):
        return "title"
    if len("".join(text[slice(*att.body)].split())) < _SENT_MIN:
        return "short"
    issuer = _issuer(text, notice)
    names = [n for n in (_organ_named(x) for x in [*named, title]) if n] + _organ_lines(text, att)
    if issuer is None or not names or not all(n == "own" or organs.publishes_own(issuer, n) for n in names):
        return "organ"
    # The place the report's opening writes of ("2021年以来，青石镇…") is its own too: a county's notice saying
    # "现将我县…" over a township's report is not the county's.
    first = [ln.strip() for ln in text[att.body[0]:att.body[0] + 200].split("\n") if ln.strip()]
    if first and _ADDRESSEES.fullmatch(first[0]):
        first = first[1:]  # (its addressee line)
    opening = _OPENING_PLACE.match("".join(first[0].split())) if first else None
    if opening is not None and organs.other_place(issuer, opening.group("inner") or opening.group("place")):
        return "organ"
    # An issuer naming no place ("市人民政府办公室") that addresses the report's peers ("各市（县）、区人民政府" over a
    # county-level 市's report) is the level above; one naming the report's place is that body's, whoever it addresses
    # ("石家庄市人民政府办公室" to the county-level 市 under it).
    if not organs.body(issuer).place and _to_peers(text, notice, [n for n in names if n != "own"]):
        return "organ"
    return None


# The place a report's opening names: "2021年以来，青石镇法治政府建设…", "2021年，灵寿县…" (not "全县", "我县", nor
# "县委县政府"); when it names the province or the prefecture first ("石家庄市灵寿县", "株洲市荷塘区",
# "河北省石家庄市灵寿县"), the innermost ("inner"), the places above it written in ordinary place-name characters.
_PLACE_CHAR = r"(?:(?!依法|推进|坚持|深入|全面|[在的和与对把将以了为是按据委党])[\u4e00-\u9fff])"
_OPENING_YEAR = r"(?:(?:19|20)\d\d\s*年度?(?:以来)?|一年来|今年以来)[,，、]?"
_OPENING_PLACE = rx.compile(_OPENING_YEAR
                            + r"(?:(?![全我本各])(?:" + _PLACE_CHAR
                            + r"{2,9}?(?:省|自治区|自治州|地区|[市州盟]))(?![委直属级])){1,2}"
                            r"(?P<inner>(?![全我本各])" + _PLACE_CHAR
                            + r"{2,8}?(?:自治县|自治旗|街道|[市县区旗乡镇]))"
                            r"(?![委直属级])(?:人民政府|政府)?(?=[\u4e00-\u9fff])|" + _OPENING_YEAR +
                            r"(?P<place>(?![全我本各在按根据])[\u4e00-\u9fff]{2,8}?"
                            r"(?:自治县|自治州|街道|[市县区旗乡镇]))(?![委直属级])(?:人民政府|政府)?(?=[\u4e00-\u9fff])")
_ADDRESSEES = rx.compile(r"[^。\n]{2,80}[:：]")


# The run of unit names right after a 各 of an addressee line ("各县（市、区）", "各市、州", "各乡镇、街道"): a
# unit followed by 政府各部门/直/属/级/委 after the first is the body's own ("各乡镇、县政府各部门",
# "各县（市、区）、市直各单位").
_PEER_UNIT = r"(?:设区的市|地级市|自治县|自治州|自治旗|街道(?:办事处)?|乡镇|[市县区州盟旗乡镇])"
_PEER_RUN = rx.compile(r"各(?P<run>" + _PEER_UNIT + r"(?![直属级委])(?:[、（）()]*" + _PEER_UNIT
                       + r"(?!(?:人民)?政府(?:各|有关|直属|所属|工作|部门)|[直属级委]))*)")
_PEER_UNITS = rx.compile(r"设区的市|地级市|街道|[市县区州盟旗乡镇]")


def _to_peers(text: str, notice: Structure, names: list[str]) -> bool:
    """Whether the notice's addressee line names bodies of the report's own rank, as a notice from the level above
    does: a county's or a district's peers "各县", "各区", "各市（县）、区", "各县（市、区）"; a prefecture city's
    "各市", "各市、州", "各设区的市"; a township's "各乡镇", "各街道".  A body's own notice addresses those under it
    (a city's "各县（市、区）", a county's "各乡镇") and its own departments."""
    s, e = notice.body
    line = text[s:e if (n := text.find("\n", s, e)) < 0 else n].strip()
    if "各" not in line or not _ADDRESSEES.fullmatch(line):
        return False
    runs = [_PEER_UNITS.findall(m.group("run")) for m in _PEER_RUN.finditer(line)]
    if not runs:
        return False
    for name in names:
        rank = organs.body(name).rank
        for units in runs:
            head = units[0][-1:]
            if (rank == 3 and any(u in ("县", "区", "旗") for u in units)) \
                    or (rank == 2 and head in ("市", "州", "盟")) \
                    or (rank == 4 and any(u in ("乡", "镇", "街道") for u in units)):
                return True
    return False


def _issuer(text: str, notice: Structure) -> str | None:
    """The body issuing a notice: named before its title's 关于, or signing it.  A title that begins with 关于 names
    no issuer, whatever body it names further on ("关于公布灵寿县人民政府关于…的报告的通知": the report's)."""
    m = _NOTICE_ISSUER.match("".join(notice.title.split())) if notice.title else None
    if m is not None and not m.group("organ").startswith("关于"):
        return m.group("organ")
    s, e = notice.closing
    for line in text[s:e].split("\n"):
        organ, _ = sign_line(line)
        if organ is not None:
            return line[slice(*organ)].strip()
    return None


def _organ_lines(text: str, att: Structure) -> list[str]:
    """The body a report names as its own outside its title: a line of its name over the title
    ("灵寿县人民政府 / 关于2021年度…的报告"), and its signature."""
    above = [text[s:e].strip() for s, e in att.header if att.title_span is None or e <= att.title_span[0]]
    out = [ln for ln in above if sign_line(ln) == ((0, len(ln)), None)]  # a line that is a body's name alone
    # (a joint report signs on two lines, its Party committee over its government: "中共灵寿县委员会 / 灵寿县人民政府")
    s, e = att.closing
    signed = [line[slice(*organ)].strip() for line in text[s:e].split("\n") if (organ := sign_line(line)[0])]
    return out + (["".join(signed[:2])] if signed else [])


def _organ_named(words: str) -> str | None:
    """The body a title or a notice's words name before the report's own words ("灵寿县人民政府关于…的报告" →
    灵寿县人民政府, "《宜兴市2020年度…》" → 宜兴市), "own" for "我镇"/"本县"; None when none is named."""
    flat = _PUBLISHING_WORDS.sub("", "".join(words.split()))
    m = _ORGAN_BEFORE.match(flat)
    name = m.group("organ") if m else ""
    if _OWN_WORDS.match(name):
        return "own"
    named = organs.body(name) if len(name) >= 2 else None
    return name if named is not None and (named.rank is not None or named.kind is not None) else None


def _inline_shortcomings(text: str, out: list[Sentence], sections: list[Section], lines: list[tuple[int, int]],
                         first: int, stop: int) -> list[Sentence]:
    """The shortcomings written as a paragraph at the end of the year's work, when no part is headed as
    them: from that paragraph to the end of its top-level part, the sentences are the shortcomings."""
    if any(SHORTCOMINGS in sec.roles for sec in sections):
        return out
    starts = [sec.span[0] for sec in sections]
    heading_lines = set(starts)  # the headings build() found: not looked for again
    for i in range(first, stop):
        s, e = lines[i]
        if e <= s or s in heading_lines or not _turns_to_shortcomings(text, s, e):
            continue
        k = _section_at(sections, starts, s)
        if k is None or MEASURES not in sections[k].roles:
            continue
        # To the next heading: a subsection of measures after it ("（三）…") is still the year's work.
        following = bisect_right(starts, s)
        end = sections[following].span[0] if following < len(sections) else sections[k].span[1]
        if following < len(sections) and _lead_lists_items(text, s, e, sections, following, k):
            end = sections[k].span[1]  # the lead's own list: its items are the shortcomings
        return [Sentence(x.start, x.end, x.section, (x.roles - {MEASURES}) | {SHORTCOMINGS}, x.heading)
                if s <= x.start < end else x for x in out]
    run = _lacking_items(text, sections)
    if run is not None:
        s, end = run
        return [Sentence(x.start, x.end, x.section, (x.roles - {MEASURES}) | {SHORTCOMINGS}, x.heading)
                if s <= x.start < end else x for x in out]
    return out


# An item that opens on what was done about a lack ("一是补齐基层法治力量薄弱短板。", "二是破解群众法治意识不强难题。"):
# the year's work, in headline form, not a shortcoming.  (Not _ANSWERS, which names a heading's measure: an item may
# open on 排查 or 处理 and state a lack — "一是排查化解矛盾纠纷不够及时".)
_REMEDY_OPENING = rx.compile(r"\s*(?:着力|全力|重点|切实|有效|大力|持续)?(?:补齐|补强|补足|弥补|破解|破除|解决|化解"
                             r"|攻克|突破|扭转|改变|改善|整治|整改|加强|强化|提升|提高|完善|健全|夯实|推动|推进|聚焦|针对|围绕)")


def _lacking_items(text: str, sections: list[Section]) -> tuple[int, int] | None:
    """The shortcomings as items with no heading or lead over them (their part's heading lost: "三、存在的不足" gone
    over "一是…重视程度不够…。二是行政执法力量薄弱。"): at the end of the year's work's last part, before the plan,
    items numbered from one to that part's end, two or more, each opening on what is lacking (``_ITEM_LACKS``:
    不够, 薄弱, 有待…) and none on what was done about it (针对, 整改, 解决…).  Their span, or None."""
    tops = [sec for sec in sections if sec.parent is None]
    last = next((k for k in range(len(tops) - 1, -1, -1) if not tops[k].roles <= {PLAN, OTHER, CLOSING}), None)
    if last is None or tops[last].roles != {MEASURES}:
        return None
    part = tops[last]
    inside = [sec for sec in sections[part.index + 1:] if sec.span[0] < part.span[1]]
    for j in range(len(inside) - 1, -1, -1):
        first = inside[j]
        if _marker_number(text, first.span[0]) != 1:
            continue
        later = [sec for sec in inside[j:] if sec.rank <= first.rank]
        run = [sec for sec in later if sec.rank == first.rank]
        if len(run) != len(later) or not _numbered_from_one(text, [sec.span[0] for sec in run]):
            return None
        if all(_ITEM_LACKS.search(text, *sec.heading_span) and not _INLINE_SHORT_NOT.search(text, *sec.heading_span)
               and not _REMEDY_OPENING.match(text, sec.heading_span[0] + (heading_marker(
                   text[sec.heading_span[0]:sec.heading_span[1]]) or (0, 0))[1])
               for sec in run):
            return (first.span[0], part.span[1])
        return None
    return None


# The last clause of a lead that turns from the gap it admits to the work done or the measures taken: it says
# what was done or taken ("…还存在一些差距，主要做法如下：", "为此重点抓了以下工作：", "采取了以下措施：",
# "下一步将重点做好以下几项工作：", "重点工作如下：").  Not a bare 工作 next to 以下 ("以下工作还需改进：",
# "主要体现在以下几方面工作：", "需在以下工作中加以改进："), which announces the work that is lacking, nor a
# clause that names a lack (_LEAD_LACKS).
_LEAD_TO_WORK = rx.compile(r"(?:做法|举措|措施)[^,。]{0,8}?(?:如下|以下)|工作如下"
                           r"|(?:抓了|抓好|开展了|采取了?|做了|做好)[^,。]{0,4}?(?:如下|以下)"
                           r"|(?:如下|以下)[^,。]{0,6}?(?:做法|举措|措施)")
_LEAD_LACKS = rx.compile(r"改进|加强|提升|完善|有待|还需|仍需|需要|亟待|不足|差距|问题|短板|薄弱")
_BELOW = rx.compile(r"以下|如下")
_LACK_BEFORE = rx.compile(r"还需|仍需|有待|亟待|需要|需在|需从|不足|差距|问题|短板|薄弱")
_LACK_AFTER = rx.compile(r"还需|仍需|尚需|有待|亟待|需要|不足|差距|问题|短板|薄弱|不够")
_WORK_VERB_BEFORE = rx.compile(r"(?:加强|完善|提升|改进|抓好|做好|推进|开展|落实|采取|着力|深化|强化)了?[^,。]{0,4}$")
_WORK_AFTER = rx.compile(r"工作|方面|措施|举措|做法")


def _leads_elsewhere(first: str) -> bool:
    """Whether a sentence that admits problems and ends on a colon leads into something else: its last clause (or the
    one before it, when the last only says what for: "…，为此重点抓好以下工作，切实提升…：") turns to the work done or
    the measures ("…还存在一些差距，主要做法如下：", "…，为此重点抓了以下工作：", "…，我们重点加强了以下工作：").  Any
    other clause after the admission announces the problems ("…还存在一些薄弱环节：", "…，主要表现在：", "…，亟待
    破解：", "…，具体来说：", "…，以下工作还需改进：")."""
    clauses = first[:-1].replace("，", ",").split(",")
    last = next((c for c in reversed(clauses[-2:]) if _BELOW.search(c)), clauses[-1])
    if _INLINE_PROBLEMS.search(last):
        return False
    below = _BELOW.search(last)
    if below is None:
        return bool(_LEAD_TO_WORK.search(last)) and not _LEAD_LACKS.search(last)
    # What is lacking is said of what follows ("以下工作还需改进", "需在以下工作中加以改进"); a verb of the work done
    # stands right before it ("重点加强了以下工作", "着力完善以下几方面工作", "采取以下措施加以改进").
    before, after = last[:below.start()], last[below.start():]
    if _LACK_BEFORE.search(before) or _LACK_AFTER.search(after):
        return False
    return bool(_LEAD_TO_WORK.search(last)) or bool(_WORK_VERB_BEFORE.search(before) and _WORK_AFTER.search(after))


def _lead_lists_items(text: str, s: int, e: int, sections: list[Section], following: int, k: int) -> bool:
    """Whether the shortcomings' lead at [s, e) — one sentence of its own ("同时，我们也清醒地认识到，法治政府建设
    还存在一些薄弱环节：", "…但也存在一些问题和不足。") — is followed by items numbered from one right under it
    ("一是…重视程度不够…", "二是行政执法力量薄弱"), each telling what is lacking: they are its list, not more of the
    year's work.  After a colon, which announces them, an item may tell it anywhere in its text; after a full stop
    its own heading must.  Not a paragraph that admits a gap and then leads into the year's measures ("…还存在一些
    差距，主要做法如下："), nor items that tell what was done ("一是组织领导干部学法4次")."""
    lead = text[s:e].rstrip()
    m = _FIRST_SENTENCE.match(text, s, e)
    if not lead.endswith((":", "。")) or m is None or m.end() < s + len(lead):
        return False
    if lead.endswith(":") and _leads_elsewhere(lead):
        return False
    first = sections[following]
    if first.parent != k or _marker_number(text, first.span[0]) != 1:
        return False
    run = [sec for sec in sections[following:] if sec.parent == k]
    return all(_ITEM_LACKS.search(text, *(sec.span if lead.endswith(":") else sec.heading_span))
               and not _REMEDY_OPENING.match(text, sec.heading_span[0] + (heading_marker(sec.heading) or (0, 0))[1])
               for sec in run)


def _turns_to_shortcomings(text: str, s: int, e: int) -> bool:
    """Whether the paragraph at [s, e) opens the shortcomings (see _INLINE_PROBLEMS)."""
    m = _FIRST_SENTENCE.match(text, s, min(e, s + 120))
    first = m.group(0) if m else ""
    remain = _INLINE_PROBLEMS.search(first)
    if not (remain or _INLINE_SEEN.search(first)) or _INLINE_SHORT_NOT.search(first):
        return False  # (most paragraphs: one search or two)
    if first.endswith(":") and _leads_elsewhere(first):
        return False  # "…还存在一些差距，主要做法如下：" over the year's measures
    turns = bool(_INLINE_TURN.search(first) or _INLINE_OPENING.match(first))
    if remain and (turns or first.endswith(":")):
        return True
    # the next sentence lists what the lead admits (_INLINE_LIST); a lead that sees problems must turn to them
    listed = m is not None and first.endswith("。") and bool(_INLINE_LIST.match(text, m.end()))
    return listed and (bool(remain) or turns) and not _PARA_PLAN.match(first)


def _section_at(sections: list[Section], starts: list[int], pos: int) -> int | None:
    """The innermost section whose span holds ``pos``: the last one starting at or before it, or the
    nearest of its ancestors that still runs past it (sections nest, in reading order)."""
    i = bisect_right(starts, pos) - 1
    k = sections[i].index if i >= 0 else None
    while k is not None and not pos < sections[k].span[1]:
        k = sections[k].parent
    return k


def _parts_by_their_own_style(text: str, heads: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Headings as the report nests them when its parts are numbered in a lower style than their
    subsections ("1.主要举措和成效" over "（一）强化组织领导", "2.存在的不足" …): the style of the first heading is
    the parts' when it recurs, names one of the report's parts (the shortcomings, the plan) and a heading of
    a higher style stands between two of them.  Otherwise the official order (一、 over （一） over 1.) holds: a
    list numbered 1. 2. in the preamble above the 一、 parts stays a list."""
    ranks = [h[0] for h in heads if h[0] in TOP_RANKS]
    if not ranks:
        return heads
    first, highest = ranks[0], min(ranks)
    if first == highest or highest == 0:
        return heads
    parts = [h for h in heads if h[0] == first]
    if len(parts) < 2 or not any(roles_from_heading(text[s:te]) & {SHORTCOMINGS, PLAN} for _r, s, te, _e in parts):
        return heads
    # Numbered 1, 2, 3… through the report: a list that starts again at 1 under each part is items, not parts.
    if [_marker_number(text, s) for _r, s, _te, _e in parts] != list(range(1, len(parts) + 1)):
        return heads
    # Inside them: a heading of a higher style between two of the parts (a list above the parts has none).
    if not any(parts[0][1] < s < parts[-1][1] for r, s, _te, _e in heads if r < first):
        return heads
    # The parts' style becomes the top one; the others keep their order below it.
    return [(highest - 1 if r == first else r, s, te, e) for r, s, te, e in heads]


_CN_NUMBER = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}
_MARKER_NUMBER = rx.compile(r"第?\(?(\d{1,2}|[一二三四五六七八九十]{1,3})")


def _marker_number(text: str, s: int) -> int | None:
    """The number a heading's marker gives ("3." → 3, "（十二）" → 12), None when it gives none."""
    m = _MARKER_NUMBER.match(text, s)
    if m is None:
        return None
    n = m.group(1)
    if n.isdigit():
        return int(n)
    if len(n) == 1:
        return _CN_NUMBER[n]
    # 十一 … 九十九: tens digit (or 十 alone), then units
    tens, _, units = n.partition("十")
    return (_CN_NUMBER.get(tens, 1) if tens else 1) * 10 + (_CN_NUMBER.get(units, 0) if units else 0)


_UNMARKED_MAX = 24  # longer lines, or lines with sentence punctuation, are prose
# An unnumbered line after the shortcomings that names a year and the work set for it ("2025年重点工作", "2025年工作
# 重点", "2025年主要任务"): the plan, as "三、2025年工作重点" is (``_PLAN_AFTER_SHORT``).  A line without a number
# must end on the work named: "2024年目标任务完成不够理想" under the shortcomings is one of them.
_UNMARKED_PLAN = rx.compile(
    r"^(?:19|20)\d\d\s*年(?:度)?.{0,12}?(?:重点工作|工作重点|重点任务|主要任务|工作任务|目标任务|工作目标|打算|思路|举措|措施)\s*$")


def _unmarked_headings(
    text: str, lines: list[tuple[int, int]], first: int, stop: int, heads: list[tuple[int, int, int, int]],
    top_rank: int,
) -> list[tuple[int, int, int, int]]:
    """Part headings written without a number ("存在的问题和不足", "下一步工作打算") in a report whose
    other headings are numbered: bold type in Word or on a web page carries no number, and Word's
    automatic numbering can be lost on the way.  Such a line heads a part above the numbered
    ones, but only for a part (shortcomings, plan) that no numbered top heading already names."""
    named: set[str] = set()
    short_at = None  # where the shortcomings part starts
    for rank, s, te, _e in heads:
        if rank == top_rank:
            roles = roles_from_heading(text[s:te])
            named |= roles
            if SHORTCOMINGS in roles and short_at is None:
                short_at = s
    # The problems and the plan follow the year's work: only after the first numbered part.
    after = next(s for rank, s, _te, _e in heads if rank == top_rank)
    out = []
    for i in range(first + 1, stop):
        s, e = lines[i]
        # A colon ending the line only announces what follows ("存在的不足：", "2021年工作打算："); one
        # with words after it is a sentence.
        line = text[s:e].rstrip().rstrip(":：").rstrip()
        if s <= after:
            continue
        if PLAN not in named and _PLAN_LEAD.fullmatch(text[s:e].strip()):
            # A line that announces the plan's items, its own line ending on a colon ("下一步，我们将重点做好以下
            # 工作：" over "（一）…（二）…"): the plan's part, with its comma.
            out.append((top_rank - 1, s, e, e))
            named.add(PLAN)
            continue
        if not line or len(line) > _UNMARKED_MAX or heading_marker(line) or any(c in line for c in "。,;:!?、："):
            continue
        roles = roles_from_heading(line) & {SHORTCOMINGS, PLAN}
        if not roles and short_at is not None and s > short_at and _UNMARKED_PLAN.search(line):
            roles = {PLAN}  # after the shortcomings, "2025年重点工作", "2025年主要任务": the plan (as a numbered one)
        if roles and not roles & named:
            out.append((top_rank - 1, s, e, e))
            named |= roles
            if SHORTCOMINGS in roles and short_at is None:
                short_at = s
    # A part whose number was lost among numbered parts ("一、…", "存在的问题和不足", "三、下一步工作计划"): the
    # numbering goes on after it, so it stands beside them, not above them.  Above them only when the numbers
    # start again under it (the problems listed as "一、…二、…" under "存在的问题").
    tops = [(s, text[s:te]) for rank, s, te, _e in heads if rank == top_rank]
    if out and not any(_FIRST_NUMBER.match(next((h for hs, h in tops if hs > u[1]), "")) for u in out):
        return [(top_rank, s, te, e) for _r, s, te, e in out]
    return out


# A line announcing the next year's items ("下一步，我们将重点做好以下工作：", "2022年，我县将着力抓好以下几个方面：").
_PLAN_LEAD = rx.compile(
    r"(?:下一步|下步|今后|明年|新的一年|(?:19|20)\d\d\s*年)(?:工作中)?[,，]?\s*"
    r"(?:我们|我县|我区|我市|我镇|我乡|我局|[县区市镇乡]政府|[县区市镇乡]人民政府)?(?:将|要|还将)?\s*"
    r"(?:重点|着力|主要|继续|全力)?(?:做好|抓好|推进|开展|从|围绕|落实)(?:以下|如下)(?:几个方面|几项)?的?(?:重点)?(?:工作|方面|任务)?"
    r"\s*[:：]"
)
# A plan whose heading is lost (deleted, or never typed: "三、2025年工作打算" gone, its items left under the
# shortcomings or the year's work) is still told by its own words.  Its lead, a paragraph of its own before its
# items: the time ahead and what the body will do ("20xx年，区政府将在市委…的领导下，进一步落实…", "2025年，我县将…",
# "下一步，我们将继续…", "今后，…要…"), or what it will do about the problems just told ("针对…存在的问题和短板，我县将
# 认真整改…").  将/要/拟 before what it will do (an adverb, a verb, a frame: 将继续, 将以…为, 将在…领导下), not 将 of
# an object ("2024年，我县将法治政府建设纳入…": done); a year that is not past the title's is the year's own work.
# 将/要 as the body's will, not a word's part (主要, 重要, 需要, 必要, 只要, 纲要, 摘要, 概要, 提要, 首要, 紧要, 扼要,
# 想要, 简要, 机要, 政要).
_NOT_IN_A_WORD = r"(?<![主重需必只纲摘概提首紧扼想简机政])"
_CLOSING_LEAD = rx.compile(
    r"(?:(?P<frame>针对[^。;:!?]{0,40}?(?:问题|不足|短板|差距|薄弱环节))[^,。;:!?]{0,8}?,\s*)?"
    r"(?:(?P<when>下一步|下步|今后|明年|来年|新的一年|下一年度?|下一阶段|(?P<year>(?:19|20)[\dxX×]{2})\s*年度?)"
    r"(?:工作中|的工作中|里)?\s*,?\s*)?"
    r"[^,。;:!?]{0,16}?" + _NOT_IN_A_WORD + r"(?:将|要|拟)\s*"
    r"(?:继续|进一步|持续|全面|深入|坚持|紧紧|紧扣|紧密|围绕|以|在|从|着力|重点|认真|切实|加快|不断|大力|积极|聚焦|立足"
    r"|着眼|结合|按照|始终|努力|力争|严格|统筹|扎实|全力|高度|牢牢|更加|锚定|对标|做好|抓好|推进|推动|加强|深化|强化"
    r"|完善|健全|落实|采取|加以|抓紧|狠抓|优化|提升|提高|规范|创新|夯实|巩固|着重|致力|紧盯|突出|注重|把|以下|如下)"
)
# Or its items alone, numbered anew after the problems in their part: none of them says what is lacking (the
# problems' and causes' words), and they say what is ahead — a year past the title's or one left as 20xx, or
# plans ("拟", "力争", "计划于", "将继续").
_ITEM_LACKS = rx.compile(r"不够|不足|不到位|不强|不高|不深|不严|不细|不实|不力|不完善|不健全|不规范|不平衡|不充分"
                         r"|不适应|不相适应|不匹配|不相匹配|不均衡|不完全|不明显|有待|仍需|尚需|还需|亟需|亟待|薄弱|欠缺|滞后"
                         r"|缺乏|短缺|差距|存在|仍有|还有|尚未|没有|未能|难以|偏低|偏少|较弱|较少"
                         # a problem as what still needs doing ("法治思维需要进一步增强", "实效需持续提高"): a plan says
                         # 将/要/继续, not 需
                         r"|需要?(?:进一步|持续|不断|加强|提升|提高|增强|完善|改进|规范|健全)")
_ITEM_AHEAD = rx.compile(_NOT_IN_A_WORD + r"(?:将|要)(?:继续|进一步|持续|全面|深入|着力|加快|不断"
                         r"|大力|积极|切实|认真|重点)|拟(?:于|在|将|对|开展|出台|制定)|力争|计划(?:于|在|将|到)")
# …or, without 将 or a year, what they go on doing ("继续贯彻落实…", "持续优化…", "进一步完善…", "不断推进…") more often
# than anything is said lacking in them: a problem's words go with these ("有待进一步提升"), a plan's do not.
_ITEM_GOING_ON = rx.compile(r"继续|持续|进一步|不断")
# …and none tells what the year did ("（一）持续深化执法人员培训。全年组织培训5期", a rectification done): those words
# go with the year's work as well.
_ITEM_DONE = rx.compile(r"全年|累计|共计|截至|已经|(?:开展|组织|完成|办理|举办|受理|召开|印发|出台|制定|建立|实现)了"
                        r"|\d+(?:期|场次|人次|件|次|场|份|篇|起|家)")  # (arabic counts: "一件事一次办" is a plan's too)
# A lead of the year's work, not of the plan: 将 as 把 ("将提高…能力作为…工作来抓", "将…纳入…考核") or what was done
# ("主要做了以下工作", "开展了", "采取了以下措施").
_LEAD_DONE = rx.compile(r"将[^,，。;；:：!?]{1,40}?(?:作为|纳入|列为|列入|融入|贯穿|摆在|放在|当作|视为)"
                        r"|做了|开展了|采取了|取得了|完成了|实施了|推进了")
_LEAD_REACH = 110  # characters of a line where a lead's 将/要/拟 may stand (its frame, its time, its subject before)
_AHEAD_YEAR = rx.compile(r"((?:19|20)[\dxX×]{2})\s*年")
_TITLE_YEAR = rx.compile(r"(?:19|20)\d\d(?=\s*年)")


def _closing_plan(
    text: str, lines: list[tuple[int, int]], first: int, stop: int, heads: list[tuple[int, int, int, int]],
    top_rank: int, title_span: tuple[int, int] | None,
) -> tuple[int, int, int, int] | None:
    """The start of the plan, as a top-level heading, when no heading names it but the text gives it away in its
    last part: a lead (``_CLOSING_LEAD``) followed by its items numbered from one, or its own line ending on a
    colon; or, under the shortcomings, a run of items numbered anew to the part's end, none saying what is
    lacking and their text saying what is ahead (``_ITEM_AHEAD``, a later year).  None otherwise."""
    tops = [h for h in heads if h[0] == top_rank]
    if not tops or any(PLAN in roles_from_heading(text[s:te]) for _r, s, te, _e in tops):
        return None
    # The last part, not one of other matters after it ("四、其他需要报告的事项").
    k = len(tops) - 1
    while k > 0 and _OTHER_CUE.search(text[tops[k][1]:tops[k][2]]):
        k -= 1
    part_start, part_line_end = tops[k][1], tops[k][3]
    part_end = tops[k + 1][1] if k + 1 < len(tops) else lines[stop - 1][1] if stop > 0 else len(text)
    m = _TITLE_YEAR.search(text, *title_span) if title_span else None
    title_year = int(m.group()) if m else None

    def later(year: str) -> bool:
        return not year.isdigit() or title_year is None or int(year) > title_year

    if k == len(tops) - 1:
        restart = _restarted_plan(text, lines, first, stop, tops, part_end, later)
        if restart is not None:
            return restart
    inside = [i for i in range(first, stop) if part_line_end < lines[i][0] < part_end and lines[i][1] > lines[i][0]]
    for n, i in enumerate(inside):
        s, e = lines[i]
        head = text[s:min(e, s + _LEAD_REACH)]
        if ("将" not in head and "要" not in head and "拟" not in head) or heading_marker(head):
            continue  # (most lines: no word of what the body will do near their start)
        lead = _CLOSING_LEAD.match(text, s, e)
        if lead is None or not (lead.group("frame") or lead.group("when")):
            continue
        if lead.group("year") and not later(lead.group("year")):
            continue
        sent = _FIRST_SENTENCE.match(text, s, e)
        if _LEAD_DONE.search(text, s, sent.end() if sent is not None else e):
            continue  # the year's work: "区政府将…作为基础性工作来抓，主要做了以下工作" (将 as 把, and done)
        announces = sent is not None and sent.group().endswith(":")
        nxt = text[slice(*lines[inside[n + 1]])] if n + 1 < len(inside) else ""
        item = heading_marker(nxt)
        if not (announces or (item and _marker_number(nxt, 0) == 1)):
            continue
        # In the first part, the year's work: only when the items number anew ("（一）…（五）", the lead, "（一）…").
        if k == 0 and not (item and any(h[0] == item[0] and part_line_end < h[1] < s for h in heads)):
            continue
        return (top_rank, s, s + _heading_title_end(text[s:e]), e)
    # Items alone, under the shortcomings — or at the end of the year's work's last item, right after the problems'
    # own items (every part's heading gone: "（七）…", "一是…重视程度不够…", "二是…力量薄弱。", "一是继续加强…").
    under = roles_from_heading(text[part_start:tops[k][2]]) == {SHORTCOMINGS}
    items = [h for h in heads if part_line_end < h[1] < part_end and h[0] > top_rank]
    # (the part's first item too, when the problems are told above it in a paragraph of their own — "…主要表现在：一是…
    # 二是…。" — not led into it: items right under the heading, or after "主要表现在以下方面：", are the problems)
    told = under and items and _problems_told_above(text, part_line_end, items[0][1])
    for j in range(len(items) - 1, -1 if told else 0, -1):
        rank, s, te, e = items[j]
        if _marker_number(text, s) != 1:
            continue
        run = [h for h in items[j:] if h[0] == rank]
        if not _numbered_from_one(text, [h[1] for h in run]):
            return None
        if any(_ITEM_LACKS.search(text, h[1], h[2]) for h in run):
            return None
        if not under and not _lacking_run(text, [h for h in items[:j] if h[0] == rank]) \
                and not _problems_just_above(text, lines, first, stop, s):
            return None
        return (top_rank, s, te, e) if _items_ahead(text, s, part_end, later) else None
    return None


def _problems_just_above(text: str, lines: list[tuple[int, int]], first: int, stop: int, at: int) -> bool:
    """Whether the paragraph right above ``at`` (the first of a run of items numbered anew) turns to the problems
    (``_turns_to_shortcomings``: "2024年,我区…取得了一些新成效,但也仍然存在一些问题与不足:领导干部…有待…"): both
    headings gone, the problems told in that paragraph and the plan's items under it."""
    above = next((lines[i] for i in range(stop - 1, first - 1, -1) if lines[i][1] <= at and lines[i][1] > lines[i][0]),
                 None)
    return above is not None and _turns_to_shortcomings(text, *above)


def _lacking_run(text: str, before: list[tuple[int, int, int, int]]) -> bool:
    """Whether the items ``before`` end on a run numbered from one, two or more, each opening on what is lacking."""
    i = next((i for i in range(len(before) - 1, -1, -1) if _marker_number(text, before[i][1]) == 1), None)
    if i is None:
        return False
    run = before[i:]
    return _numbered_from_one(text, [h[1] for h in run]) and \
        all(_ITEM_LACKS.search(text, h[1], h[2]) for h in run)


def _numbered_from_one(text: str, starts: list[int]) -> bool:
    """Whether the items at ``starts`` are two or more, numbered 1, 2, 3… in order."""
    return len(starts) >= 2 and [_marker_number(text, s) for s in starts] == list(range(1, len(starts) + 1))


def _items_ahead(text: str, s: int, end: int, later: Callable[[str], bool]) -> bool:
    """Whether the items from ``s`` to ``end`` say what is ahead: a later year (not one in a document's name), two
    plans (``_ITEM_AHEAD``), or what the body goes on doing more often than what is lacking (``_ITEM_GOING_ON``)."""
    if any(later(y.group(1)) and text.rfind("《", s, y.start()) <= text.rfind("》", s, y.start())
           for y in _AHEAD_YEAR.finditer(text, s, end)):
        return True
    if sum(1 for _ in _ITEM_AHEAD.finditer(text, s, end)) >= 2:
        return True
    going = sum(1 for _ in _ITEM_GOING_ON.finditer(text, s, end))
    return going >= 2 and going > sum(1 for _ in _ITEM_LACKS.finditer(text, s, end)) and \
        _ITEM_DONE.search(text, s, end) is None


def _restarted_plan(
    text: str, lines: list[tuple[int, int]], first: int, stop: int, tops: list[tuple[int, int, int, int]],
    end: int, later: Callable[[str], bool],
) -> tuple[int, int, int, int] | None:
    """Every part's heading gone ("一、…情况", "二、存在的问题", "三、…打算" deleted over their items): the top-level
    items number anew ("（一）…（六）", "…但仍存在一些问题和不足：…。", "（一）…（五）").  The new run is the plan when
    the problems are told in a paragraph of their own just above it (``_turns_to_shortcomings``), none of its items
    opens on what is lacking, and its items say what is ahead (``_items_ahead``).  Its first item, or None."""
    j = next((j for j in range(len(tops) - 1, 0, -1) if _marker_number(text, tops[j][1]) == 1), None)
    if j is None or (_marker_number(text, tops[j - 1][1]) or 0) < 2:
        return None
    run = tops[j:]
    if not _numbered_from_one(text, [h[1] for h in run]):
        return None
    if any(_ITEM_LACKS.search(text, h[1], h[2]) for h in run):
        return None
    gap = [i for i in range(first, stop) if tops[j - 1][3] < lines[i][0] < tops[j][1] and lines[i][1] > lines[i][0]]
    if gap:  # the plan's lead just above its items ("20xx年，区政府将在…领导下，进一步落实…"): the plan from it
        s, e = lines[gap[-1]]
        lead = _CLOSING_LEAD.match(text, s, e)
        sent = _FIRST_SENTENCE.match(text, s, e)
        if lead is not None and (lead.group("frame") or lead.group("when")) \
                and not (lead.group("year") and not later(lead.group("year"))) \
                and not _LEAD_DONE.search(text, s, sent.end() if sent is not None else e):
            return (tops[j][0], s, s + _heading_title_end(text[s:e]), e)
    if not any(_turns_to_shortcomings(text, *lines[i]) for i in gap):
        return None
    return run[0] if _items_ahead(text, run[0][1], end, later) else None


def _problems_told_above(text: str, start: int, end: int) -> bool:
    """Whether the text from ``start`` to ``end`` (a part's text above its first item) tells problems and ends on
    its full stop: the problems told, the items under it are something else."""
    above = text[start:end].rstrip()
    return above.endswith("。") and _ITEM_LACKS.search(above) is not None


# The first of a numbering: 一、 / 1. / (一) / 第一部分 / (1).
_FIRST_NUMBER = rx.compile(r"^(?:第)?\(?(?:一|1)(?![\d一二三四五六七八九十])")
_YEAR_IN_TITLE = rx.compile(r"(?:19|20)[\dxX×_]{2}\s*年|[二][〇零O0][一二三四五六七八九〇零O0]{2}年")


# A line leading into what follows ("…现将有关情况报告如下：") is a sentence of the text, never its title; nor is a
# sentence ending on its full stop ("本仓库存放全县各部门的法治政府建设年度报告，供县司法局审查使用。").
_LEADS_ON = rx.compile(r"[:：。]\s*$")


def _is_doc_number_line(line: str) -> bool:
    """A line that is the document's number (文号, "灵政函〔2022〕6号"), maybe with a label or the signer beside it
    ("签发人：张三"): it stands between the red head and the title (GB/T 9704) and is never part of the title."""
    m = DOC_NUMBER.search(line)
    return m is not None and len(line.strip()) - len(m.group(0)) <= 12


# The label of a page's metadata table before the title's value ("标题：…", "名  称：…", "文件名称：…", "信息名称：…"):
# the site's, not the title's.
# (The words a title's label is written with; a line's label may also be a bare 名称, a table's cell not.)
_TITLE_WORDS = r"标\s*题|文件名称|信息名称|文章标题|文件标题|题\s*名"
_TITLE_LABEL = rx.compile(rf"(?:{_TITLE_WORDS}|名\s*称)\s*[:：]\s*")
# A trail of columns that ends on the page's article ("当前位置:首页 > 政务公开 > 中共青山县委关于…的报告"): the last
# column is this page's title when it names a document — a year, 关于, a quoted name or an organ before a document's
# name ("…的报告", "…工作要点", "…实施办法（试行）"), or a long name of a document other than a report ("法治政府建设
# 实地督察反馈意见"); a column's own name ("法治政府建设年度报告", "政务公开工作文件", "文章阅读") is not.
_CRUMB_SPLIT = rx.compile(r"\s*(?:>>?|»|›|→)\s*")
_CRUMB_DOC = rx.compile(
    r"(?:报告|总结|汇报|通知|通报|方案|要点|安排|计划|规划|意见|办法|规定|细则|指标|决定|纪要|材料|申报书|报告书|批复|函)"
    r"(?:\(.{0,16}\))?$")
_CRUMB_NAMED = rx.compile(r"^关于|^《|(?:19|20)\d\d\s*年|[二][〇零O0○][一二三四五六七八九〇零O0○]{2}年"
                          r"|^(?:中共)?[^,。:;]{1,20}?(?:省|自治区|市|县|区|州|旗|盟|镇|乡|街道).{4}")
_CRUMB_REPORT = rx.compile(r"(?:报告|总结|汇报)(?:\(.{0,16}\))?$")
_CRUMB_WHERE = rx.compile(WHERE_ON_SITE + r"|首页")
_CRUMB_NOT = rx.compile(r"[。;:!?]")


# A page's metadata table as one row ("索引号：… | 标题：… | 文号：…"): the value labelled title, up to the next cell.
_TITLE_CELL = rx.compile(rf"(?:{_TITLE_WORDS})\s*[:：]?\s*[:：|]\s*"
                         r"(?P<v>[^|\n]{8,80}?)\s*(?:\||$)")


def _labelled_title(text: str, header: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The value labelled 标题 in a row of the page's metadata table, when it names a document."""
    for s, e in header:
        m = _TITLE_CELL.search(text, s, e)
        if m is not None and _TITLE_CUE.search(m.group("v")) and not _CHROME.search(m.group("v")):
            return m.span("v")
    return None


def _crumb_title(text: str, header: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The last column of the last trail of columns above the text, when it is the page's article (see
    ``_CRUMB_DOC``)."""
    for s, e in reversed(header):
        line = text[s:e]
        if not TRAIL.search(line) or not _CRUMB_WHERE.search(line):
            continue
        *_cols, last = _CRUMB_SPLIT.split(line)
        last = last.strip()
        if not 8 <= len(last) <= 80 or _CHROME.search(last) or _CRUMB_NOT.search(last):
            continue
        if _CRUMB_DOC.search(last) and (_CRUMB_NAMED.search(last)
                                        or (len(last) >= 12 and not _CRUMB_REPORT.search(last))):
            end = e - (len(line) - len(line.rstrip()))
            return (end - len(last), end)
    return None


def _find_title(text: str, header: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The last title-like header line, preferring one that names a year; without one, the article a trail of
    columns ends on.  A label before it ("标题：") is not the title's."""
    cands = [k for k, (s, e) in enumerate(header)
             if len(text[s:e]) <= 80 and _TITLE_CUE.search(text[s:e]) and not _CHROME.search(text[s:e])
             and not TRAIL.search(text[s:e]) and not _LEADS_ON.search(text[s:e])]
    if not cands:
        return _labelled_title(text, header) or _crumb_title(text, header)
    with_year = [k for k in cands if _YEAR_IN_TITLE.search(text[slice(*header[k])])]
    idx = (with_year or cands)[-1]
    s, e = header[idx]
    label = _TITLE_LABEL.match(text, s, e)
    if label is not None and label.end() < e:
        return (label.end(), e)
    # Titles are often broken over lines: "灵寿县人民政府" / "关于2021年度…的报告", or "…情况的" / "报告".
    k = idx
    while k > 0 and (text[s:e].startswith("关于") or text[s:e] in ("报告", "报 告") or
                     _ORGAN_LINE.match(text[slice(*header[k - 1])])):
        prev = text[slice(*header[k - 1])]
        if _CHROME.search(prev) or len(prev) > 40 or _is_doc_number_line(prev):
            break
        k -= 1
        s = header[k][0]
        if not text[s:e].startswith("关于") and not _ORGAN_LINE.match(prev):
            break
    return (s, e)


def _build_sections(
    text: str, heads: list[tuple[int, int, int, int]], top_rank: int, body_end: int, plan_at: int | None = None,
) -> list[Section]:
    raw: list[dict] = []
    stack: list[int] = []
    for rank, s, te, _e in heads:
        if rank < top_rank:
            continue
        while stack and raw[stack[-1]]["rank"] >= rank:
            raw[stack.pop()]["end"] = s - 1 if s > 0 else 0
        parent = stack[-1] if stack else None
        raw.append({"rank": rank, "start": s, "title_end": te, "end": body_end, "parent": parent,
                    "level": len(stack)})
        stack.append(len(raw) - 1)
    # Roles: top level from the heading wording; children inherit, and inside a
    # section that holds both problems and plans, a child's own wording decides.
    seen_short = seen_plan = False
    plan_rank = plan_next = None  # the plan found as the first of top-level items: its rank, its next number
    out: list[Section] = []
    for i, r in enumerate(raw):
        heading = text[r["start"]:r["title_end"]]
        cues = roles_from_heading(heading)
        if r["parent"] is None:
            if r["start"] == plan_at or (not cues and _PLAN_LEAD.fullmatch(heading.strip())):
                # the plan told by its lead or its items (``_closing_plan``), or a line announcing its items
                # ("2022年，我县将着力抓好以下几个方面：", ``_unmarked_headings``): no heading names it
                roles = {PLAN}
                if r["start"] == plan_at:  # its items after it, numbered on, are the plan's (``_restarted_plan``)
                    number = _marker_number(text, r["start"]) if heading_marker(heading) else None
                    plan_rank, plan_next = r["rank"], (2 if number == 1 else 1 if number is None else None)
            elif cues:
                roles = cues
            elif r["rank"] == plan_rank and _marker_number(text, r["start"]) == plan_next:
                roles = {PLAN}
                plan_next += 1
            elif seen_plan and _AHEAD.search(heading) and not heading.rstrip(" 。:：").endswith("情况"):
                roles = {PLAN}  # after the plan, what is ahead ("五、进一步压实第一责任人职责") goes on with it
            elif _DUTY_CUE.search(heading) or (seen_plan and _WORK_DONE.search(heading.strip())
                                               and not _OTHER_CUE.search(heading)):
                roles = {MEASURES}  # the leaders' duty, or the year's work, wherever the report puts it
            elif seen_short and not seen_plan and _PLAN_AFTER_SHORT.search(_LOOKBACK.sub("", heading)):
                roles = {PLAN}
            elif seen_plan or (seen_short and _OTHER_CUE.search(heading)):
                roles = {OTHER}
            else:
                roles = {MEASURES}
            seen_short |= SHORTCOMINGS in roles
            seen_plan |= PLAN in roles
        else:
            parent_roles = out[r["parent"]].roles
            roles = set(parent_roles)
            if len(parent_roles & {SHORTCOMINGS, PLAN}) == 2 and cues & {SHORTCOMINGS, PLAN}:
                roles = cues & {SHORTCOMINGS, PLAN}
        out.append(Section(i, r["parent"], r["level"], r["rank"], heading,
                           (r["start"], r["title_end"]), (r["start"], max(r["start"], r["end"])),
                           frozenset(roles)))
    return out


# A sentence, as the engine finds it: up to its end mark (kept), or to a line's end or the span's (not kept), from
# right after the previous one ended (leading blanks and all); one of blanks alone before a line's end is none.
# The match is the sentence: no end looked up, sliced and stripped in Python for each.
_SENTENCE = rx.compile(r"[^。!?;\n]*[。!?;]|[^。!?;\n]*[^\s。!?;][^。!?;\n]*")
_FIGURE = rx.compile(r"\d+(?:\.\d+)?\s*(?:项|件|次|人|个|%|条|场|名|份|起)")


def _split(text: str, start: int, end: int, section: int | None, roles: frozenset[str]) -> list[Sentence]:
    return [Sentence(m.start(), m.end(), section, roles) for m in _SENTENCE.finditer(text, start, end)]


def _as_heading(sent: Sentence) -> Sentence:
    # (dataclasses.replace reads the fields anew on every call: a heading is one in a handful of sentences)
    return Sentence(sent.start, sent.end, sent.section, sent.roles, True)


def _heading_line(text: str, sent: Sentence, own_end: int) -> bool:
    """Whether a heading's first sentence is its whole line and no sentence (no full stop or the like ends it;
    a title is at most _HEADING_LINE_MAX long, as ``_heading_title_end`` reads one)."""
    return (sent.end - sent.start <= _HEADING_LINE_MAX and (sent.end >= own_end or text[sent.end:sent.end + 1] == "\n")
            and text[sent.end - 1] not in "。!?;")


_HEADING_LINE_MAX = 80


def _sentences(
    text: str,
    body_start: int,
    body_end: int,
    sections: list[Section],
    lines: list[tuple[int, int]],
    body_first: int,
    closing_first: int,
) -> list[Sentence]:
    out: list[Sentence] = []
    if sections:
        # Text before the first heading is the preamble; a section's own text runs
        # from its heading to the next heading of any level.
        out.extend(_split(text, body_start, sections[0].span[0], None, frozenset({PREAMBLE})))
        for sec in sections:
            own_end = sections[sec.index + 1].span[0] if sec.index + 1 < len(sections) else body_end
            part = _split(text, sec.span[0], max(sec.span[0], own_end), sec.index, sec.roles)
            # A short first sentence is the heading's title, unless it reports figures: "（二）全年作出重大行政决策
            # 4项，均履行了法定程序。" is an item written on the heading's line.  So is a longer one that is its
            # line, with no sentence end: "（二）严格落实重大行政决策公众参与、专家论证、风险评估、合法性审查、集体
            # 讨论决定程序" names what the part is about, and states it done no more than a short heading does —
            # a part's or a sub-part's heading (一、, （一）): a list item ("1.", "(1)") without its full stop is a
            # statement (found in review: "1.严格落实…决定程序" over "2.全年作出…" read as a title).
            if part and sec.rank < 5 and (part[0].end - part[0].start <= _HEADING_MAX
                                          or (sec.rank <= 2 and _heading_line(text, part[0], own_end))) and \
                    not _FIGURE.search(text, part[0].start, part[0].end):
                part[0] = _as_heading(part[0])
            out.extend(part)
        return _inline_shortcomings(text, out, sections, lines, body_first, closing_first)
    # No numbered headings: roles come from the parts' headings written without numbers, and from paragraph
    # openings.
    roles = frozenset({PREAMBLE})
    opened = False  # the preamble runs to the end of the first real paragraph
    for i in range(body_first, closing_first):
        s, e = lines[i]
        if e <= s or s < body_start or e > body_end:
            continue
        line = text[s:e]
        named: set[str] | None = None
        if opened:
            named = _bare_heading_roles(line, SHORTCOMINGS in roles)
            if named and PLAN in roles:
                named &= {PLAN}  # the plan is the last part: a problem named under it is one of its tasks
            # a heading naming neither part (a measure's, "上年度存在问题整改情况") heads a part of the one it is in;
            # a short line that turns to the problems or the plan as a paragraph would ("同时也存在一些问题",
            # "2021年我市将重点做好以下工作") still opens that part (found in review: it no longer did)
            short, plan = _PARA_SHORT.search(line), _PARA_PLAN.search(line)
            turns = named is None or (not _ANSWERS.search(line) and bool(short or plan))
            if named:
                roles = frozenset(named)
            elif turns and short and PLAN not in roles:
                roles = frozenset({SHORTCOMINGS})
            elif turns and plan:
                roles = frozenset({PLAN})
            elif PREAMBLE in roles:
                roles = frozenset({MEASURES})
        opened = opened or len(line) >= 40
        part = _split(text, s, e, None, roles)
        if named and part:
            part[0] = _as_heading(part[0])  # it names the part and states none of it
        out.extend(part)
    return out


# An unnumbered line heading the problems: they are what it is about, not what a measure acts on ("补齐短板",
# "着力解决群众身边的问题", "缩小城乡差距"): the problem word opens it or follows a word that makes it the subject
# ("存在的主要问题", "法治政府建设中存在的问题", "短板和不足", "工作中的薄弱环节", "面临的困难").
_BARE_SHORT = rx.compile(r"(?:^|存在|的|主要|面临|[和与及、])(?:问题|不足|短板|差距|困难|薄弱环节|挑战)")
# An unnumbered line heading the plan names the time ahead — a year that leads it or a word of what is ahead
# ("2021年工作思路", "20xx年重点工作计划", "下步打算", "今后工作思路") — not a task of the year's work that names a
# plan ("科学制定年度普法工作计划").
_BARE_PLAN = rx.compile(r"^(?:19|20)[\dxX×]{2}\s*年|^[二][〇零O0○][一二三四五六七八九〇零O0○]{2}\s*年"
                        r"|下一?步|今后|明年|来年|下一?年度?|新的一年|下一?阶段")


def _bare_heading_roles(line: str, after_short: bool) -> set[str] | None:
    """The parts (shortcomings, plan) a line names when it is a heading written without a number: short, a line
    of its own with no sentence punctuation (a colon may end it), naming the part in the words a numbered
    heading is read by (``roles_from_heading``).  After the shortcomings a line naming a year's work
    ("2021年重点工作") is the plan, as it is numbered (``_UNMARKED_PLAN``).  None when the line is no heading."""
    bare = line.strip().rstrip(":：").rstrip()
    if not bare or len(bare) > _UNMARKED_MAX or heading_marker(bare) or any(c in bare for c in "。,;:!?、："):
        return None
    roles = roles_from_heading(bare) & {SHORTCOMINGS, PLAN}
    if SHORTCOMINGS in roles and (not _BARE_SHORT.search(bare) or _ANSWERS.search(bare)):
        roles.discard(SHORTCOMINGS)
    if PLAN in roles and not (after_short or SHORTCOMINGS in roles or _BARE_PLAN.search(bare)):
        roles.discard(PLAN)
    if not roles and after_short and _UNMARKED_PLAN.search(bare):
        roles = {PLAN}
    return roles
