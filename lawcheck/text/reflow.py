"""Find the line breaks that a page's width made, not the author: text copied out of a PDF, or
hard-wrapped by a mail program, breaks every line at the same width, in mid-sentence and even
inside a phrase (第一责\\n任人).  The matching view drops those breaks (``normalize``), so phrases,
sentences and paragraphs come back whole while evidence still points into the original text.

A text counts as wrapped only when most of its longer lines have the same length, measured in
characters or in display width (CJK characters two columns, ASCII one), as a width-bound layout
makes them, or when most of them stop in mid-sentence at widths in a narrow band (a ragged right edge:
scanned pages, a layout that breaks by pixel width); a report written a paragraph per line never looks
like that.  In a wrapped text a
break is soft when its line is full, does not end a sentence, and the next line does not start a
heading or the closing block.
"""

from __future__ import annotations

from collections.abc import Callable

from lawcheck import rx
from lawcheck.text.grammar import CLOSING_LINE, LINE_ENDS, cn_small, heading_marker

# Full-width ASCII folded to ASCII, so that "（一）" and "１．" read as heading markers before the
# text is normalised.
_FOLD = str.maketrans({cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)})
# A page's own labels (日期:, 来源:, 索引号:) start lines of their own, even after a full line.
_LABEL = rx.compile(r"^[\u4e00-\u9fff]{2,5}[:：]")
# A title ends on what the document is; it stands in the first lines, above the text.
_TITLE_END = rx.compile(r"(?:报告|总结|汇报|情况)$")
_TITLE_LINES = 6
_MIN_LINES = 6  # full lines needed before a text counts as wrapped
_LONG = 12  # lines shorter than this (in characters) are titles, headings, signatures


def _chars(line: str) -> int:
    return len(line)


def _columns(line: str) -> int:
    # ASCII takes one column, everything else in a report (CJK, full-width forms) two.
    return 2 * len(line) - len(line.encode("ascii", "ignore"))


# What the width a page broke its lines at does not show in: blanks (a PDF reader adds them where it lifted a
# glyph out: "村(社区)“ ”两委 换届") and curly quotes, which a layout sets in a Latin font, narrow, or full-width,
# and a PDF reader may move along the line.  Counted, they spread lines of one width over several, and no full
# width was found (a LibreOffice PDF: none of 55 lines re-joined).  Not for a ragged edge: there the blanks of a
# page's labels ("来源:宜兴市司法局    日期:") are as wide as they look.
# (counted with str.count, a C loop each: str.translate with a deletion table costs a dictionary lookup a character,
# +20% of a whole check's instructions on a report written a paragraph a line)
def _narrow(line: str) -> int:
    """The blanks and tabs in a line (one column each)."""
    return line.count(" ") + line.count("\t")


def _wide(line: str) -> int:
    """The no-break spaces and curly quotes in a line (two columns each, as _columns counts a non-ASCII one)."""
    return line.count("\xa0") + line.count("“") + line.count("”") + line.count("‘") + line.count("’")


def _loose_chars(line: str) -> int:
    return len(line) - _narrow(line) - _wide(line)


def _loose_columns(line: str) -> int:
    return _columns(line) - _narrow(line) - 2 * _wide(line)


def _full_width(lines: list[str], measure: Callable[[str], int], slack: int) -> int | None:
    """The width at which the lines were broken, or None when they were not broken at one width."""
    sizes = sorted(measure(ln) for ln in lines if len(ln) >= _LONG)
    if len(sizes) < _MIN_LINES:
        return None
    top = sizes[int(len(sizes) * 0.9)]
    near = len(sizes) - next(i for i, w in enumerate(sizes) if w >= top - slack)
    return top if near >= _MIN_LINES and 2 * near >= len(sizes) else None


def _ragged_lines(lines: list[str], heading: Callable[[str], object]) -> list[str] | None:
    """The long lines of text (headings and labels left out) when most stop in mid-sentence, as a ragged right
    edge leaves them (scanned and recognised pages, a layout that breaks by pixel width); else None.  A report
    written a paragraph per line ends nearly every line on a mark and never looks like that."""
    long = [ln for ln in lines if len(ln) >= _LONG]
    # Cheap first: with the headings still counted as lines that stop in mid-sentence, too few stop so (a report
    # written a paragraph per line ends its lines on marks).  Only then are the headings told apart.
    if 10 * sum(not ln.endswith(LINE_ENDS) for ln in long) < 6 * len(long):
        return None
    return [ln for ln in long if not heading(ln[:16]) and not _LABEL.match(ln)]


def _ragged_width(body: list[str], measure: Callable[[str], int]) -> int | None:
    """The width of a full line at a ragged edge: the widths of the lines that stop in mid-sentence lie in a narrow
    band (the middle 80% within half the median), and a full line is as wide as the narrowest twentieth of them."""
    open_ = sorted(measure(ln) for ln in body if not ln.endswith(LINE_ENDS))
    if len(open_) < 2 * _MIN_LINES or 10 * len(open_) < 6 * len(body):
        return None
    low, mid, high = open_[len(open_) // 10], open_[len(open_) // 2], open_[len(open_) * 9 // 10]
    return open_[len(open_) // 20] if 2 * (high - low) <= mid else None


def starts_heading(line: str) -> bool:
    """Whether a line (as written, full-width forms and all) starts with a heading marker."""
    return heading_marker(line.translate(_FOLD)) is not None


def soft_breaks(text: str, heading: Callable[[str], object] = starts_heading) -> list[int]:
    """Offsets of the line breaks in ``text`` that a page width made; ``heading(line)`` says
    whether a line starts a heading."""
    if text.count("\n") < _MIN_LINES:
        return []
    raw = text.split("\n")
    lines = [ln.strip() for ln in raw]
    # A page width shows as one column count (PDF); a wrapping program as one character count.
    # Either found, a line is full when it reaches it by either measure; a ragged edge (most lines stopping
    # in mid-sentence at widths in a band) lowers the bar to the band's foot.
    ragged = _ragged_lines(lines, heading)  # found once, measured both ways
    fulls = []
    for measure, loose, slack in ((_columns, _loose_columns, 4), (_chars, _loose_chars, 2)):
        width = _full_width(lines, loose, slack)
        edge = _ragged_width(ragged, measure) if ragged else None
        if width is not None and (edge is None or width <= edge):
            fulls.append((loose, width - slack))
        elif edge is not None:
            fulls.append((measure, edge - slack))
    if not fulls:
        return []
    first = next((i for i, ln in enumerate(lines) if ln), 0)
    out: list[int] = []
    pos = -1
    for i in range(len(raw) - 1):
        pos += len(raw[i]) + 1  # the "\n" after line i
        line, nxt = lines[i], lines[i + 1]
        if not line or not nxt or line.endswith(LINE_ENDS) or not any(m(line) >= least for m, least in fulls):
            continue
        if line[-1].isascii() and line[-1].isalpha() and nxt[0].isascii() and nxt[0].isalpha():
            continue  # joining would glue two words together (a figure broken across lines is one figure)
        if heading(nxt) or CLOSING_LINE.search(nxt) or _LABEL.match(nxt):
            continue
        if i - first < _TITLE_LINES and _TITLE_END.search(line):
            continue  # the title, as wide as a line of text: the report starts below it
        out.append(pos)
    return out


def join_soft_breaks(text: str) -> str:
    """``text`` with the line breaks a page width made removed: the paragraphs the author wrote.

    The readers of laid-out formats (PDF, OFD) hand their lines here, so that the text a drafter
    sees quoted is whole paragraphs; the matching view finds the same breaks in plain text pasted
    out of a PDF (``normalize``): one algorithm for both.
    """
    breaks = soft_breaks(text)
    if not breaks:
        return text
    pieces, pos = [], 0
    for b in breaks:
        pieces.append(text[pos:b])
        pos = b + 1
    pieces.append(text[pos:])
    return "".join(pieces)


# --- The opposite loss: a report run together on one line (its line breaks lost on the way: a crawler that
# joined a page's paragraphs, a database field, a paste into a one-line box).  Its title, headings and
# signature then stand in mid-line, where nothing reads them as such.  Such a line is far longer than any
# paragraph an author writes; in it, breaks go back before the part markers that follow one another in order
# (一、 … 二、 …; (一) … (二) …), after the title and its addressee, and before the closing block.
_RUN_ON = 1000  # characters: a line this long holds several paragraphs (the longest in the corpus: 1,024)
_ALONE = 200  # characters: a whole text this long on one line has lost its breaks too
_PART_GAP = 50  # a part holds more than this; a closer "一、…二、" is a list inside a sentence
_CHROME_LINE = 80  # characters: a page's line above its text (a breadcrumb, a site's name)
_CHROME_LINES = 6
_HEAD_LINE = 120  # characters: the head of a text run together (its title, addressee) before its first part
_HEAD_MAX = 40  # a heading's own title, between a part's marker and the first sub-part's
_AFTER = frozenset("。！？!?；;：:”’)）】》")  # what ends the text before a marker that starts a line
# (not a list of numerals: "一、二、三产业", "二、三季度")
_TOP = rx.compile(r"(?<![第\d])([一二三四五六七八九十]{1,3})、(?![一二三四五六七八九十两])(?=[\u4e00-\u9fff“《(\d])")
# What a part's text ends on before the next part's marker: a sentence's end, or the colon of "报告如下：" (a colon
# or semicolon elsewhere brings in a list inside the part: "重点抓好两项工作：一、…；二、…").
_TOP_AFTER = frozenset("。！？!?”’)）】》")
_AS_FOLLOWS = rx.compile(r"如下\s*[:：]$")
_SUB = rx.compile(r"\(([一二三四五六七八九十]{1,3})\)(?=[\u4e00-\u9fff“《\d])")
_MARKER = rx.compile(r"\(?[一二三四五六七八九十]{1,3}[)、]")
# Where a part's heading run into its text ends: after the word a heading ends on, at the first item ("三、存在的
# 不足一是……"), or at a sentence opening on a year ("二、2022年工作思路2022年,我们将……": the heading's year is
# not followed by a comma).
_HEAD_END = rx.compile(r"(?:情况|成效|举措|措施|问题|不足|差距|短板|打算|计划|思路|安排|建议|目标|任务)"
                       r"(?=[\u4e00-\u9fff])(?![的和及与、等总报汇综])")
_FIRST_ITEM = rx.compile(r"一是|第一[,，]|(?:19|20)[\dxX]{2}\s*年度?(?:以来)?[,，]")
# A title, ending on what the document is (a look-alike's too: a notice, a reading of a report, so that its title
# stands on a line where the kind of a text is read), not inside a 《》 it cites; it starts the line or follows the
# page's chrome (a breadcrumb's ">", a label's ":", a table's "|"), and holds a single space where its lines were
# joined with one.
_RUN_TITLE = rx.compile(r"(?<![^>»|:：】\s])"
                        r"(?:[^。！？!?;；,，《》>»|:：】\s]|(?<=\S)[ \u3000](?=\S)|《[^《》]{1,60}》){4,80}?"
                        r"(?:报告|总结|汇报|情况|通知|解读)(?:的?报告)?(?![的和及与、》])")
_TITLE_WORDS = rx.compile(r"法治|依法行政|法制|执法")
# A site's column named after the breadcrumb, before a title that opens on its year or on 关于.
_COLUMN = rx.compile(r"[\u4e00-\u9fff]{2,10}?(?:文件|公开|公告|专栏|动态|资讯|报告)[ \u3000]?(?=(?:19|20)\d\d|关于)")
_DOC_NUMBER = rx.compile(r"[\u4e00-\u9fff]{1,8}[〔\[(](?:19|20)\d\d[〕\])]\s*\d{1,4}\s*号")
# A page's label run into the title after its chrome.
_CHROME_WORD = rx.compile(r"文章阅读|正文|详情|阅读|信息公开")
_OCCASION = rx.compile(r"\([^()]{4,40}?(?:会议|会)上?\)")
_PAGE_LABEL = rx.compile(r"(?:发布|发表|更新|成文|印发)?(?:日期|时间)[:：]|(?:信息)?来源[:：]|索引号|浏览次数"
                         r"|字号[:：]|字体[:：]|(?:责任)?编辑[:：]|作者[:：]|点击(?:数|量|率)?[:：]")
# A post's time with no label, between blanks ("职场   2025-01-07 15:44   江西": a public account's article).
_POSTED = rx.compile(r"(?<=\s)(?:19|20)\d\d-\d{1,2}-\d{1,2}\s+\d{1,2}:\d\d(?::\d\d)?(?=\s)")
# A news column named last in the breadcrumb, run into the headline ("首页>新闻中心>政务要闻原州区召开…").
_NEWS_COLUMN = rx.compile(r"[\u4e00-\u9fff]{0,4}?(?:要闻|新闻|动态|资讯|快讯|头条)")
_DATELINE = rx.compile(r"(?<!\d)\d{1,2}月\d{1,2}日[,，]")
_HEAD_MIN = 8  # characters of a headline above the labels
_LABEL_DATE = rx.compile(r"\s*(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d\d(?::\d\d)?)?")
_ADDRESSED = rx.compile(r"(?:委|政府|常委会|人大|局|办|厅|部|党组|院|所|主任|委员|代表)[:：]"
                        r"(?=\s*(?:[\u4e00-\u9fff]|(?:19|20)[\dxX]{2}\s*年))")
_CN_DATE = (r"[二][〇零O0○][一二三四五六七八九〇零O0○]{2}\s*年[一二三四五六七八九十]{1,3}\s*月"
            r"[一二三四五六七八九十]{1,3}\s*日")
_RUN_CLOSING = rx.compile(
    r"(?:(?P<special>(?:特此|专此)(?:报告|汇报)[。.]?)\s*)?"
    r"(?P<sign>[^。，,；;:：！？()（）\s][^。，,；;:：！？()（）]{1,39}?"
    r"(?:人民政府|政府|办事处|委员会|办公室|局|厅|院|所|部|办|党委|党组))?\s*"
    rf"(?P<date>(?:19|20)[\dxX×]{{2}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|{_CN_DATE}|(?:19|20)\d\d-\d{{1,2}}-\d{{1,2}}"
    r"|(?P<digits>(?:19|20)\d\d[01]?\d[0-3]?\d))"  # "……人民政府2021714": the date's marks lost too
    r"\s*(?P<note>[(（]此件[^()（）]{0,12}[)）])?\s*$"  # "(此件公开发布)"
)


def _part_breaks(text: str, start: int, end: int, alone: bool) -> list[int]:
    """Offsets of the part markers in ``text[start:end]`` that follow one another in order, each where a line
    would start: after a sentence's end (or, for a sub-part, right after its part's heading)."""
    # (a numeral doubled by a scan's recognition, "十十", has no value: no part)
    found = sorted([(m.start(), 1, cn_small(m.group(1))) for m in _TOP.finditer(text, start, end)]
                   + [(m.start(), 2, cn_small(m.group(1))) for m in _SUB.finditer(text, start, end)])
    tops: list[int] = []
    subs: list[int] = []
    next_top = next_sub = 1
    last = last_top = -_PART_GAP
    for pos, rank, value in found:
        k = pos - 1
        while k >= start and text[k] in " \u3000\t":  # the blanks a joined paragraph kept count for none
            k -= 1
        ended = k < start or text[k] in _AFTER
        if rank == 1:
            ended = k < start or text[k] in _TOP_AFTER or bool(_AS_FOLLOWS.search(text, max(start, k - 4), k + 1))
            if value == 1 and not ended and pos - start <= _HEAD_LINE:
                ended = "。" not in text[start:pos]  # right after the title (and addressee) the text opens on
        if rank == 1:
            if value == next_top and ended and pos - last >= _PART_GAP:
                tops.append(pos)
                next_top, next_sub, last = value + 1, 1, pos
                last_top = pos
            continue
        # A sub-part goes on in order or starts again at (一) (its part's marker may have been missed); the first
        # stands right after its part's heading, which ends on no mark ("一、总体情况(一)加强领导").
        under_heading = last == last_top and pos - last_top <= _HEAD_MAX and not any(
            text[k] in _AFTER for k in range(last_top, pos))
        if value in (next_sub, 1) and (under_heading or (ended and pos - last >= _PART_GAP)):
            subs.append(pos)
            next_sub, last = value + 1, pos
    if len(tops) < 2 and len(subs) < 2 and not (alone and tops):
        return []  # one marker in a long paragraph is no sign of parts run together; in a whole text on a line it is
    # A heading run into its text ends where the text begins: on the first item, on a sentence opening on a year,
    # or after the word a heading ends on ("…职责情况长寿区司法局认真……"), before any mark.
    ends = []
    for at in tops + subs:
        title = _MARKER.match(text, at).end()  # where the heading's own words start
        window = (title + 2, min(end, at + _HEAD_MAX))
        cuts = [m.start() for m in (_FIRST_ITEM.search(text, *window),) if m]
        cuts += [m.end() for m in (_HEAD_END.search(text, *window),) if m]
        if cuts and not any(text[k] in _AFTER for k in range(title, min(cuts))):
            ends.append(min(cuts))
    return tops + subs + ends


def _header_breaks(text: str, lead: int, end: int, body: int) -> list[int]:
    """The breaks in a run-on line's head, above its first part marker (``body``): around the title (and the page's
    chrome above it, and the title repeated by the page), before and after the document number, after the
    addressee."""
    stop = text.find("。", lead, body)
    head = body if stop < 0 else stop  # the title and the addressee stand above the first sentence
    title = next((t for t in _RUN_TITLE.finditer(text, lead, head) if _TITLE_WORDS.search(t.group())), None)
    if title is None:
        # No report's title: a headline may still stand above the page's labels ("…考核法治政府建设工作编辑:宣传部
        # 发布日期:2017-12-25") or a post's time ("…提升依法治理水平职场 2025-01-07 15:44"), under the breadcrumb.
        first = _PAGE_LABEL.search(text, lead, head) or _POSTED.search(text, lead, head)
        if first is not None and lead + _HEAD_MIN <= first.start() <= lead + _HEAD_LINE:
            crumb = text.rfind(">", lead, first.start()) + 1
            while 0 < crumb < first.start() and text[crumb] in " \u3000\t\xa0":
                crumb += 1
            column = _NEWS_COLUMN.match(text, crumb, first.start()) if crumb else None
            out = [column.end() if column else crumb] if crumb else []
            out += _label_breaks(text, first.start(), head)
            # The article opens on its dateline after the labels ("…点击:[]12月25日,市政府考核组来我区…").
            opening = _DATELINE.search(text, max(out), head)
            return [*out, opening.start()] if opening else out
        addressee = _ADDRESSED.search(text, lead, head)  # no title: the text may open on its addressee
        return [addressee.end()] if addressee else []
    # Page chrome run into the title ("您当前位置:首页>>政府文件>>文章阅读…的报告") stays above it, and so does
    # the column's name after the breadcrumb ("…>政务公开工作文件2020年度…").
    start = title.start()
    while text[start] in " \u3000\t\xa0":
        start += 1
    chrome = _CHROME_WORD.match(text, start, title.end())
    start = chrome.end() if chrome else start
    column = _COLUMN.match(text, start, title.end())
    start = column.end() if column else start
    out = [start, title.end()]
    # A page repeats its title (the page's heading, a summary line, the document's own): each stands on a line.
    name = text[start:title.end()]
    at = text.find(name, title.end(), body)
    while at >= 0:
        out.extend((at, at + len(name)))
        at = text.find(name, at + len(name), body)
    after = out[-1]
    occasion = _OCCASION.match(text, after, body)  # "(2023年5月30日在市六届人大常委会第二次会议上)"
    if occasion:
        out.append(occasion.end())
        after = occasion.end()
    out += _label_breaks(text, after, head)
    number = _DOC_NUMBER.search(text, after, min(body, after + 150))
    if number:
        out.extend((number.start(), number.end()))
        after = number.end()
    addressee = _ADDRESSED.search(text, after, head)  # it ends on its colon, above the first sentence
    if addressee:
        out.append(addressee.end())
    return out


def _label_breaks(text: str, start: int, end: int) -> list[int]:
    """The page's labels (发布时间:, 来源:, 索引号) in ``text[start:end]`` each start a line; a date's value, or a
    post's time, ends one."""
    out = []
    for label in _PAGE_LABEL.finditer(text, start, end):
        out.append(label.start())
        value = _LABEL_DATE.match(text, label.end(), end)
        if value:
            out.append(value.end())
    out += [b for m in _POSTED.finditer(text, start, end) for b in m.span()]
    return out


def run_on_breaks(text: str) -> list[int]:
    """Offsets in ``text`` before which a line break was lost: in a line longer than any paragraph, before each
    part marker in order, after the title and its addressee (when the line opens the text) and before the
    closing block (特此报告, the signing organ, the date).  Empty for a text written in lines."""
    out: list[int] = []
    pos = 0
    first = True
    above = 0  # short lines above the first long one
    # A whole text on one line is run together whatever its length (a page's excerpt, a pasted summary).
    alone = len(text) >= _ALONE and "\n" not in text.strip()
    raw = text.split("\n")
    longest = max(map(len, raw))
    if not alone and _ALONE <= longest < _RUN_ON:
        # …and so is a body on one line under a few short lines of its own (a page's title, the addressee):
        # "六盘水市人民政府关于2024年度…报告\n市人大常委会: 2024年,我市…一、…二、…" (a short report's 600 characters)
        lines = [ln.strip() for ln in raw if ln.strip()]
        alone = sum(len(ln) > _CHROME_LINE for ln in lines) == 1 and len(lines) <= _CHROME_LINES + 1
    if not alone and longest < _RUN_ON:
        return []  # the common case, a text written in lines: looked at in C
    # A text whose parts stand on lines of their own: a long paragraph in it is a paragraph, its "：一、…；二、…" a
    # list inside it, not parts run together.
    own_parts = not alone and any(len(ln) < _RUN_ON and starts_heading(ln.strip()[:8]) for ln in raw)
    for line in raw:
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if len(stripped) < (_ALONE if alone else _RUN_ON):
            # Above the text run together only a page's short lines (a breadcrumb, the site's name): its head is
            # still the text's.
            above += bool(stripped)
            first = first and len(stripped) <= _CHROME_LINE and above <= _CHROME_LINES
            continue
        lead = start + len(line) - len(line.lstrip())
        breaks = [] if own_parts else _part_breaks(text, lead, end, alone)
        if first:
            breaks.extend(_header_breaks(text, lead, end, min(breaks, default=end)))
        first = False
        # The closing block at the line's end, after a sentence's end: 特此报告, the organ, the date.
        closing = _RUN_CLOSING.search(text, max(lead, end - 160), end)
        if closing and (closing.group("sign") or (closing.group("special") and not closing.group("digits"))):
            k = closing.start() - 1
            while k >= lead and text[k] in " \u3000\t":
                k -= 1
            if k < lead or text[k] in "。！!？?":
                breaks.extend(closing.start(g) for g in ("special", "sign", "date", "note") if closing.group(g))
        out.extend(b for b in breaks if lead < b < end)
    return sorted(set(out))


_COMMA_MARKS = frozenset("，,、")
_BLANKS = " \t\u3000"


def comma_breaks(text: str, heading: Callable[[str], object] = starts_heading) -> list[int]:
    """Offsets of the line breaks right after a comma or an enumeration mark ("…公平竞争审查，\\n审查文件…"):
    no paragraph, title or heading ends in one, so such a break only wrapped a sentence (a copy out of a PDF, a
    chat, a drafter's hard returns), whatever the lines' widths; not before a heading ("…、\\n（二）…") or a blank
    line.  (A walk over the line breaks: a pattern tried at every comma of a report cost 0.5 M instructions.)"""
    out = []
    start, nl = 0, text.find("\n")  # the line ending at nl begins at start
    while nl >= 0:
        nxt = text.find("\n", nl + 1)
        end = nxt if nxt >= 0 else len(text)
        k = nl - 1
        while k >= 0 and text[k] in _BLANKS:
            k -= 1
        if k >= 0 and text[k] in _COMMA_MARKS:
            line = text[nl + 1:end].strip()
            # (nor around the closing block: "特此报告，" over the organ's name is a slip, not a wrapped sentence)
            if line and not heading(line) and not CLOSING_LINE.search(line) and \
                    not CLOSING_LINE.search(text[start:nl].strip()):
                out.append(nl)
        start, nl = nl + 1, nxt
    return out
