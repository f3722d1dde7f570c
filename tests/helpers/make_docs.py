"""Build .docx, .pdf, .html and .ofd files from a real report's text, the way offices produce them.

Headings become Word auto-numbered paragraphs (their typed "一、" removed), the PDF gets a page
header and "— N —" page numbers with lines broken mid-sentence, the web page gets navigation and
a footer around the article, the OFD puts each line in its own text object.
"""

from __future__ import annotations

import io
import re
import zipfile

TOP = re.compile(r"^([一二三四五六七八九十]+)、")
SUB = re.compile(r"^[(（]([一二三四五六七八九十]+)[)）]")

_NUMBERING = """<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum>
<w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>
</w:numbering>"""


def make_docx(text: str, auto_number: bool = True) -> bytes:
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    document = docx.Document()
    if auto_number:
        numbering = document.part.numbering_part.element
        extra = parse_xml(_NUMBERING)
        for child in list(extra):
            # abstractNum elements must precede num elements in numbering.xml
            if child.tag == qn("w:abstractNum"):
                first_num = numbering.find(qn("w:num"))
                if first_num is not None:
                    first_num.addprevious(child)
                else:
                    numbering.append(child)
            else:
                numbering.append(child)
    for line in text.split("\n"):
        level = None
        if auto_number:
            if TOP.match(line):
                level, line = 0, TOP.sub("", line)
            elif SUB.match(line):
                level, line = 1, SUB.sub("", line)
        p = document.add_paragraph(line)
        if level is not None:
            ppr = p._p.get_or_add_pPr()
            ppr.append(parse_xml(
                f'<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                f'<w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _wrap(line: str, width: int) -> list[str]:
    return [line[i:i + width] for i in range(0, len(line), width)] or [""]


def make_pdf(text: str, header: str = "法治政府建设年度报告", chars_per_line: int = 34, scanned: bool = False) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    lines: list[str] = []
    for para in text.split("\n"):
        lines.extend(_wrap(para.strip(), chars_per_line) if para.strip() else [])
    per_page, page = 38, 1
    for start in range(0, max(len(lines), 1), per_page):
        if scanned:
            c.setFillGray(0.5)
            c.rect(72, 400, 400, 300, fill=1)  # a picture of a page, no text
        else:
            c.setFont("STSong-Light", 9)
            c.drawString(200, 800, header)
            c.setFont("STSong-Light", 14)
            y = 770
            for ln in lines[start:start + per_page]:
                c.drawString(60, y, ln)
                y -= 19
            c.setFont("STSong-Light", 10)
            c.drawString(280, 40, f"— {page} —")
        c.showPage()
        page += 1
    c.save()
    return buf.getvalue()


def make_html(text: str, published: str | None = None, title: str | None = None) -> bytes:
    from html import escape

    lines = [ln for ln in text.split("\n") if ln.strip()]
    title = title or lines[0]
    body = "\n".join(f"<p>{escape(ln)}</p>" for ln in lines)
    date = f'<div class="info">发布时间:{published}　来源:司法局　【字体:大 中 小】 打印</div>' if published else ""
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title)}_政务公开</title>
<meta name="ArticleTitle" content="{escape(title)}"><script>var tracker = "<p>not text</p>";</script></head>
<body><div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 正文</div>
<div class="article"><h1>{escape(title)}</h1>{date}
<div class="TRS_Editor">{body}</div></div>
<div class="related"><h3>相关文章</h3><ul><li><a href="/a">关于印发2022年工作要点的通知</a></li></ul></div>
<div class="footer">主办单位：某某县人民政府办公室　网站标识码：1301000000　ICP备案号</div></body></html>"""
    return page.encode("utf-8")


_OFD_NS = "http://www.ofdspec.org/2016"


def make_ofd(text: str, per_page: int = 40) -> bytes:
    """A minimal OFD (GB/T 33190) package: one text object per line, pages in order."""
    from html import escape

    lines = [ln for ln in text.split("\n") if ln.strip()]
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)] or [[]]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{_OFD_NS}" '
                              f'Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>1</ofd:DocID>'
                              f'</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
        page_refs = "".join(f'<ofd:Page ID="{i + 10}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
        z.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{_OFD_NS}">'
                                         f'<ofd:CommonData><ofd:MaxUnitID>9999</ofd:MaxUnitID></ofd:CommonData>'
                                         f'<ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>')
        for i, page in enumerate(pages):
            objs = []
            # Written bottom-up on purpose: the reader must put them back in reading order.
            for k in reversed(range(len(page))):
                y = 20 + k * 6
                objs.append(f'<ofd:TextObject ID="{1000 + k}" Boundary="20 {y} 170 5" Font="1" Size="4.2">'
                            f'<ofd:TextCode X="0" Y="4">{escape(page[k])}</ofd:TextCode></ofd:TextObject>')
            z.writestr(f"Doc_0/Pages/Page_{i}/Content.xml",
                       f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{_OFD_NS}"><ofd:Content>'
                       f'<ofd:Layer ID="{i + 500}">{"".join(objs)}</ofd:Layer></ofd:Content></ofd:Page>')
    return buf.getvalue()
