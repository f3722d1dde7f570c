"""Saved web pages (.html, .htm, .mhtml): the article's main text via trafilatura, page facts kept.

The page is parsed, never rendered or run.  Navigation, footers and "相关文章" lists are left
out by the extractor; the page's own metadata (标题, 发布时间/发布日期, 来源, 索引号, 文号) is read
from its meta tags and labelled header lines and kept as document metadata.
"""

from __future__ import annotations

import email
import re
from email import policy

from lawcheck import rx
from lawcheck.readers.base import Document, ReadOptions, cause, msg, need_extra
from lawcheck.text.dates import site_clock
from lawcheck.text.grammar import is_pager
from lawcheck.text.normalize import HAN

# Imported when a file of this format is read; a batch imports it before forking (readers.preload).
LIBRARIES = ("trafilatura",)

_DATE = r"((?:19|20)\d\d)\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])\s*(\d{1,2})"
_LABELLED = {
    # A bare 日期 is the page's date, and so are a 政府信息公开 table's 生效日期 and 生成日期 (when the entry went
    # live); 打印日期, 截止日期, 印发日期, 成文日期 (other words ending in it) are not.
    "published": rx.compile(r"(?<!今天是)(?P<label>发布时间|发布日期|公开日期|生效日期|生成日期"
                            r"|(?<![\u4e00-\u9fff])日期)\s*[:：]?\s*" + _DATE),
    "source": rx.compile(r"(?:来源|信息来源|文章来源)\s*[:：]\s*([^\s|　]{2,30})"),
    "index_no": rx.compile(r"索引号\s*[:：]?\s*([0-9A-Za-z/\-]{6,40})"),
    "doc_no": rx.compile(r"(?:文号|发文字号)\s*[:：]?\s*([^\s|　]{2,20}〔\d{4}〕\d+号)"),
}
_META_DATE = rx.compile(r'<meta\s+name="(?:PubDate|pubdate|publishdate|firstpublishedtime)"\s+content="([^"]+)"'
                        r'|<meta\s+content="([^"]+)"\s+name="(?:PubDate|pubdate|publishdate|firstpublishedtime)"', re.I)
_META_TITLE = rx.compile(r'<meta\s+name="(?:ArticleTitle|title)"\s+content="([^"]+)"', re.I)


# Fewer Chinese characters than this in the article is no report (the shortest in the corpus has thousands); a
# link to a file of the formats a report is published in, or a picture, is where its text is.
_TEXT_MIN = 300
_ATTACHMENT = rx.compile(r'<a\b[^>]{0,400}?href\s*=\s*["\']?'
                         r'(?P<href>[^"\'\s>]{1,400}?\.(?:pdf|docx?|wps|ofd|zip|rar|7z))'
                         r'(?:[?#][^"\'\s>]{0,200})?["\']?[^>]{0,400}>\s*(?P<text>[^<]{0,120})', re.I)
_IMAGE = rx.compile(r"<img\b", re.I)
_REPORT_TITLE = rx.compile(r"(?:法治|依法行政|法制)[^。]{0,40}?(?:报告|总结|情况)")
_TITLE_MIN = 8  # Chinese characters: fewer in a meta title that names no report is a column's name
_SITE_PARTS = rx.compile(r"\s*(?:_|\s[-|｜—–]\s|[-|｜—–](?=[^\d]))\s*")
_ONE_CELL = rx.compile(r"^\|\s*([^|]+?)\s*\|$")
_REPORT_END = rx.compile(r"(?:报告|年报|总结)$")  # "…政府信息公开工作年度报告": a look-alike's title is one too
_TITLE_ABOVE = 8  # lines above the article a title dropped by the extractor may stand on (dates, sources between)
_REPORT_WORDS = rx.compile(r"报告|总结|法治|依法行政|\d{4}")
# How far under the article's title its date line stands (the title, a subtitle, the date, the source).
_UNDER_TITLE = 300
# A table row printed longer than this holds paragraphs, not data (a row of figures is a few dozen characters).
_CELL_LINE = 300
_BLOCKS = frozenset({"p", "head", "list", "item", "table", "quote", "code"})


def xml_lines(xml: str) -> list[str]:
    """The lines of trafilatura's XML output as its text output gives them, except that a layout cell (alone in
    its row, or holding paragraphs or line breaks) gives its lines of text (the text output runs them together
    on the cell's line, between "|"); a row of plain cells stays one "| a | b |" line."""
    import xml.etree.ElementTree as ET  # only for the pages that need it

    try:
        root = ET.fromstring(xml)
    except ET.ParseError:
        return []
    out: list[str] = []

    def inline(el: ET.Element) -> str:  # the element's text, <lb/> as a line break
        parts = [el.text or ""]
        for child in el:
            parts.append("\n" if child.tag == "lb" else inline(child))
            parts.append(child.tail or "")
        return "".join(parts)

    def lines(text: str) -> None:
        out.extend(ln.strip() for ln in text.split("\n") if ln.strip())

    def block(el: ET.Element) -> None:
        if el.tag == "table":
            for row in el.iter("row"):
                cells = row.findall("cell")
                laid_out = len(cells) == 1 or any(c.tag in _BLOCKS or c.tag == "lb" for cell in cells for c in cell)
                if laid_out:
                    for cell in cells:  # a layout cell (one to a row, or holding paragraphs): lines of text
                        block(cell)
                else:
                    out.append("| " + " | ".join(" ".join(inline(c).split()) for c in cells) + " |")
        elif any(child.tag in _BLOCKS for child in el):  # a container: its blocks, and any text between them
            lines(el.text or "")
            for child in el:
                if child.tag in _BLOCKS:
                    block(child)
                else:
                    lines(inline(child))
                lines(child.tail or "")
        else:
            lines(inline(el))

    main = root.find("main")
    for el in main if main is not None else []:
        block(el)
    return out


def _published(pattern: re.Pattern[str], visible: str, title: str = "") -> str | None:
    """The page's publication date: the best-labelled date (发布时间, 发布日期, 公开日期 before a bare 日期), the
    first of its label, and the one under the article's title before any other (a list of the latest documents
    beside or above the article carries dates of its own); never a site clock ("当前日期：2024年5月6日 星期一"),
    which is the day the page was saved."""
    found: list[tuple[int, int, str]] = []  # (rank, start, date)
    for m in pattern.finditer(visible):
        if site_clock(visible, m.start(), m.end()):
            continue
        iso = _iso(*m.groups()[1:])
        if iso:
            found.append((1 if m.group("label") in ("日期", "生效日期", "生成日期") else 0, m.start(), iso))
    if not found:
        return None
    key = title[:20]
    heads = [m.end() for m in re.finditer(re.escape(key), visible)][:20] if len(key) >= 6 else []
    under = [f for f in found if any(0 <= f[1] - h <= _UNDER_TITLE for h in heads)]
    return min(under or found)[2]


def _html_from_mhtml(data: bytes) -> bytes:
    # compat32, not policy.default: the modern policy parses every header of every part into objects,
    # ten times slower (a saved page of 60,000 empty parts took 11 s); only the content type and the
    # decoded payload are needed here.
    message = email.message_from_bytes(data, policy=policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if payload:
                return payload
    return b""


def _decode(data: bytes, encoding: str | None) -> str:
    if encoding:
        return data.decode(encoding, errors="replace")
    head = data[:4096].decode("ascii", errors="ignore")
    m = re.search(r'charset=["\']?([A-Za-z0-9_\-]+)', head)
    declared = [m.group(1)] if m else []
    for enc in [*declared, "utf-8", "gb18030"]:
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    # A page cut in the middle of a character, or with a stray byte (crawls do both): the reading that loses the
    # fewest characters, the declared charset first (GBK and GB2312 read as their superset, GB18030).
    readings = []
    for enc in [*declared, "utf-8", "gb18030"]:
        codec = "gb18030" if enc.lower().replace("-", "") in ("gbk", "gb2312", "cp936") else enc
        try:
            text = data.decode(codec, errors="replace")
        except LookupError:
            continue
        readings.append((text.count("\ufffd"), len(readings), text))
    return min(readings)[2]


def _iso(y: str, m: str, d: str) -> str | None:
    import datetime as dt

    try:
        return dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


_BLOCK = frozenset(("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table",
                   "ul", "ol", "title", "td", "th", "dd", "dt"))
_SKIP = frozenset(("script", "style", "noscript", "template"))


def plain_lines(page: str) -> list[str]:
    """Every visible line of a page, without scripts and styles (html.parser: no depth limit, no recursion)."""
    from html.parser import HTMLParser

    class Lines(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag: str, attrs) -> None:  # type: ignore[no-untyped-def]
            if tag in _SKIP:
                self.skip += 1
            elif tag in _BLOCK:
                self.parts.append("\n")

        def handle_endtag(self, tag: str) -> None:
            if tag in _SKIP:
                self.skip = max(0, self.skip - 1)
            elif tag in _BLOCK:
                self.parts.append("\n")

        def handle_data(self, data: str) -> None:
            if not self.skip:
                self.parts.append(data)

    parser = Lines()
    # "<![OCTYPE …" and other marked sections html.parser does not know end it with an AssertionError
    # (found by the fuzzer): in a web page they are text, so they are read as text.
    parser.feed(page.replace("<![", "&lt;!["))
    parser.close()
    return [ln.strip() for ln in "".join(parser.parts).splitlines() if ln.strip()]


def _title_above(page: str, lines: list[str]) -> str | None:
    """A report's title standing on its own line of the page right above the article's first lines."""
    if not lines:
        return None
    shown = plain_lines(page)
    first = "".join(lines[0].split())[:20]
    stop = next((i for i, ln in enumerate(shown) if first and first in "".join(ln.split())), None)
    for ln in reversed(shown[max(0, (stop or 0) - _TITLE_ABOVE):stop or 0]):
        # The page's <title> names the column and the site after the article's ("…报告_政策解读_某县人民政府").
        found = [part for part in _SITE_PARTS.split(ln) if _title_line(part)]
        if found and not re.search(r"[>»›]", ln):
            return max(found, key=len)
    return None


def _title_line(line: str) -> bool:
    """A line shaped like a report's title (or a look-alike's naming one): no sentence, not long."""
    return len(line) <= 80 and "。" not in line and bool(_REPORT_TITLE.search(line) or _REPORT_END.search(line))


def restore_dropped(main: list[str], base: list[str], short: int = 40) -> list[str]:
    """Put back short lines the extractor dropped between lines it kept.

    The extractor leaves out text it has seen before on the page, so a signature line that
    repeats the organ in the page header ("灵寿县人民政府") goes missing; the recall-oriented
    baseline keeps it.  Only short lines lying between two kept lines come back, so a footer
    after the article never does.
    """
    from difflib import SequenceMatcher

    key = ["".join(x.split()) for x in main], ["".join(x.split()) for x in base]
    out: list[str] = []
    prev_a = prev_b = 0
    for block in SequenceMatcher(a=key[0], b=key[1], autojunk=False).get_matching_blocks():
        out.extend(main[prev_a:block.a])
        if prev_a > 0 and block.size > 0:  # a gap between two stretches the extractor kept
            out.extend(line for line in base[prev_b:block.b] if len(line) <= short)
        out.extend(main[block.a:block.a + block.size])
        prev_a, prev_b = block.a + block.size, block.b + block.size
    return out


def read(name: str, data: bytes, opts: ReadOptions) -> Document:
    """A web page (or a page saved as .mhtml): its main text and what it says of itself."""
    lang, mhtml, encoding = opts.lang, opts.fmt == "mhtml", opts.encoding
    try:
        import trafilatura
    except ImportError:
        raise need_extra(name, "HTML", "html", lang) from None
    from lawcheck.errors import InputError

    try:
        raw = _html_from_mhtml(data) if mhtml else data
    except RecursionError:  # parts nested thousands deep: the email parser recurses
        raise InputError(name, msg(lang, "corrupt", fmt="MHTML", err=cause("nested too deeply", lang))) from None
    if not raw.strip():
        raise InputError(name, msg(lang, "corrupt", fmt="HTML", err=cause("no HTML part", lang)))
    head = raw[:8192]
    if b"\x00" in head or sum(1 for c in head if c < 9 or 13 < c < 32) > len(head) // 100:
        # Bytes no web page holds (random data named .html): an error, never a "text" of mojibake.
        raise InputError(name, msg(lang, "corrupt", fmt="HTML", err=cause("binary", lang)))
    page = _decode(raw, encoding)
    main = trafilatura.extract(page, include_comments=False, include_tables=True, favor_recall=True,
                               deduplicate=False, output_format="txt") or ""
    if any(ln.startswith("|") and len(ln) > _CELL_LINE for ln in main.splitlines()):
        # An article laid out in a table cell (old CMS templates, TRS_Editor inside a <td>): the text output
        # prints a cell on one line, every paragraph and heading run together; its XML keeps them apart.
        xml = trafilatura.extract(page, include_comments=False, include_tables=True, favor_recall=True,
                                  deduplicate=False, output_format="xml")
        main = "\n".join(xml_lines(xml)) if xml else main
    visible = trafilatura.html2txt(page) or ""
    meta: dict[str, str] = {}
    m = _META_TITLE.search(page)
    title = m.group(1).strip() if m else ""
    if not title:
        # Bounded: an unclosed <h1> must not make every later <h1> scan to the end of the page.
        h1 = re.search(r"<h1[^>]{0,200}>([^<]{0,300}(?:<(?!/?h1)[^>]{0,200}>[^<]{0,300}){0,10}?)</h1>", page, re.I)
        title = re.sub(r"<[^>]+>|\s+", "", h1.group(1)) if h1 else ""
    if title and len(HAN.findall(title)) < _TITLE_MIN and not _REPORT_TITLE.search(title):
        title = ""  # a column's name in the title's place ("政府信息公开", "详情页"): no document's title
    # A cell alone in its row is a line of text ("| 关于…的报告 |": a title laid out in a table).
    lines = [_ONE_CELL.sub(r"\1", ln.strip()) for ln in main.splitlines() if ln.strip()]
    if not _REPORT_TITLE.search(title) and not any(map(_title_line, lines[:3])):
        # The report's title above the article in an element the extractor leaves out (<div class="title">, a
        # <td>), under a meta title that is the site's or none.
        title = _title_above(page, lines) or title
    if title:
        meta["title"] = title
    for key, pattern in _LABELLED.items():
        if key == "published":
            value = _published(pattern, visible, title)
        else:
            found = pattern.search(visible)
            value = found.group(1) if found else None
        if value:
            meta[key] = value
    if "published" not in meta:
        md = _META_DATE.search(page)
        dm = re.search(_DATE, md.group(1) or md.group(2)) if md else None
        iso = _iso(*dm.groups()) if dm else None
        if iso:
            meta["published"] = iso
    _, base, _ = trafilatura.baseline(page)
    lines = restore_dropped(lines, [ln.strip() for ln in (base or "").splitlines() if ln.strip()])
    if not HAN.search("".join(lines)) and HAN.search(page):
        # lxml stops building the tree 256 elements deep, and the article below is dropped: read the
        # page's text with the standard library's parser, which has no depth limit, instead.
        lines = plain_lines(page)
    if len(HAN.findall("".join(lines))) < _TEXT_MIN and _REPORT_TITLE.search(title or "".join(lines[:3])):
        # A page titled as the report that only points at it: its text in an attached file ("现将…报告予以公开，
        # 详见附件") or in pictures of its pages.  Said so, rather than scored as a report nobody could read.  (A
        # short news item with a site logo or a footer's .pdf link is another page: read as what it is.)
        found = [(m.group("text") or m.group("href").rsplit("/", 1)[-1]).strip() for m in _ATTACHMENT.finditer(page)]
        found = [f for f in found if _REPORT_WORDS.search(f)]
        if found:
            raise InputError(name, msg(lang, "attachment_only", files="、".join(dict.fromkeys(found[:3]))))
        if len(_IMAGE.findall(page)) >= 2:
            raise InputError(name, msg(lang, "images_only"))
    lines = _with_pager(page, lines)
    if title and (not lines or title not in lines[0]):
        lines.insert(0, title)
    return Document("\n".join(lines), "html", meta)


# How many of the page's lines next to the article a pager of its pages may stand on (its tools and links between).
_PAGER_NEAR = 6
_PAGER_WORDS = rx.compile(r"上一页|下一页|尾页|页\s*次|第\s*\d{1,3}\s*页|共\s*\d{1,3}\s*页")


def _with_pager(page: str, lines: list[str]) -> list[str]:
    """The article's lines with the pager of its pages, when the page shows one right above or under it
    ("共2页 首页 上一页 1 2 下一页 尾页", "第1页 共2页", a "下一页" link): the extractor drops it as the site's
    chrome, and without it one page of a report split over several would be judged as a whole report
    (engine._one_page_of)."""
    if not lines or not _PAGER_WORDS.search(page):
        return lines
    shown = plain_lines(page)
    key = ["".join(ln.split()) for ln in shown]
    first, last = "".join(lines[0].split())[:20], "".join(lines[-1].split())[:20]
    top = next((i for i, k in enumerate(key) if first and first in k), None)
    end = next((i for i in range(len(key) - 1, -1, -1) if last and last in key[i]), None)
    if top is None or end is None or end < top:
        return lines
    if any(is_pager(ln) for ln in lines[:_PAGER_NEAR] + lines[-_PAGER_NEAR:]):
        return lines  # the article holds its pager already
    under = next((ln for ln in shown[end + 1:end + 1 + _PAGER_NEAR] if is_pager(ln)), None)
    above = next((ln for ln in reversed(shown[max(0, top - _PAGER_NEAR):top]) if is_pager(ln)), None)
    return ([above] if above else []) + lines + ([under] if under else [])
