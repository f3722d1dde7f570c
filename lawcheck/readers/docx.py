"""Word .docx (python-docx): paragraphs and tables in reading order, with Word's automatic numbering.

A heading numbered by Word ("一、", "（一）", "1.") carries no number in its text; the numbering
definitions give it back, so the heading is recognised like a typed one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from lawcheck.ooxml import open_document
from lawcheck.readers.base import Document, ReadOptions, cause, msg, need_extra, shown_title
from lawcheck.readers.tables import CAPTION, FIGURE_CELL, Columns, caption_unit, figure_marks, header_columns
from lawcheck.text.grammar import CLOSING_LINE
from lawcheck.text.reflow import starts_heading

# Imported when a file of this format is read; a batch imports it before forking (readers.preload).
LIBRARIES = ("docx",)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (Word's chineseCounting); digits from 1000 on
    (no heading is numbered so far; a damaged file may start there)."""
    if n <= 0 or n >= 1000:
        return str(n)
    if n < 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n % 10] if n % 10 else "")
    if n < 100:
        return _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")
    rest = n % 100
    tail = "" if rest == 0 else ("零" + chinese_number(rest) if rest < 10 else
                                 ("一" + chinese_number(rest) if rest < 20 else chinese_number(rest)))
    return _CN[n // 100] + "百" + tail


def _roman(n: int) -> str:
    if not 0 < n < 4000:  # Roman numerals stop at 3999; a list "starting" at 10**12 gets digits, at once
        return str(n)
    out = ""
    for v, s in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
                 (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= v:
            out += s
            n -= v
    return out


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "ideographTraditional", "chineseLegalSimplified"):
        return chinese_number(n)
    if fmt == "ideographDigital":
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n)) if n >= 0 else str(n)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt in ("lowerLetter", "upperLetter") and n <= 0:
        return str(n)
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt in ("none", "bullet"):
        return ""
    return str(n)  # decimal, decimalZero and the rest


def _int(value: str | None, default: int) -> int:
    """A number attribute of the XML; a damaged or hostile value ("abc", 10**40) falls back to ``default``."""
    try:
        n = int(value) if value is not None else default
    except ValueError:
        return default
    return n if -(10**15) < n < 10**15 else default


def _strict(data: bytes) -> bool:
    """Whether a package that python-docx cannot open is a Word document saved as "Strict Open XML" (its parts
    named by the purl.oclc.org namespaces, not the transitional schemas.openxmlformats.org ones)."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            with z.open("[Content_Types].xml") as f:
                types = f.read(64 * 1024)
            with z.open("_rels/.rels") as f:
                rels = f.read(64 * 1024)
    except Exception:
        return False
    return b"wordprocessingml" in types and b"purl.oclc.org/ooxml/officeDocument" in rels


def _level(lvl) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    """A numbering level's (start, format, label text)."""
    start = lvl.find(f"{_W}start")
    fmt = lvl.find(f"{_W}numFmt")
    text = lvl.find(f"{_W}lvlText")
    return (_int(start.get(f"{_W}val"), 1) if start is not None else 1,
            fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
            # A label is a few characters ("%1、"); a hostile one repeated 10**5 times on every paragraph would
            # take gigabytes before --max-chars is checked.
            text.get(f"{_W}val", "")[:_LABEL_MAX] if text is not None else "")


class Numbering:
    """Word's list numbering: level formats per list, and running counters."""

    def __init__(self, numbering_xml) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId -> ilvl -> (start, fmt, text)
        self.counters: dict[str, dict[int, int]] = {}
        # Whose counters a list uses: lists made from one definition (abstractNum) count on together, as Word
        # shows them ("一、…" in one list, "二、" in the next); a list that restarts (startOverride) counts alone.
        self.counter_of: dict[str, str] = {}
        if numbering_xml is None:
            return
        abstract: dict[str, dict[int, tuple[int, str, str]]] = {}
        # A list defined through a list style: its definition only names the style (w:numStyleLink), the levels
        # are in the definition that defines the style (w:styleLink).  Lists of one style count on together.
        linked: dict[str, str] = {}  # abstractNumId -> the style it uses
        defines: dict[str, str] = {}  # style -> the abstractNumId with its levels
        for an in numbering_xml.iter(f"{_W}abstractNum"):
            an_id = an.get(f"{_W}abstractNumId", "")
            uses, makes = an.find(f"{_W}numStyleLink"), an.find(f"{_W}styleLink")
            if uses is not None:
                linked[an_id] = uses.get(f"{_W}val", "")
            if makes is not None:
                defines.setdefault(makes.get(f"{_W}val", ""), an_id)
            abstract[an.get(f"{_W}abstractNumId", "")] = {_int(lvl.get(f"{_W}ilvl"), 0): _level(lvl)
                                                          for lvl in an.iter(f"{_W}lvl")}
        for num in numbering_xml.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            abstract_id = ref.get(f"{_W}val", "") if ref is not None else ""
            if not abstract.get(abstract_id) and defines.get(linked.get(abstract_id, "")) in abstract:
                abstract_id = defines[linked[abstract_id]]
            levels = dict(abstract.get(abstract_id, {}))
            restarts = False
            for ov in num.iter(f"{_W}lvlOverride"):
                so = ov.find(f"{_W}startOverride")
                ilvl = _int(ov.get(f"{_W}ilvl"), 0)
                lvl = ov.find(f"{_W}lvl")
                if lvl is not None:  # the level redefined for this list (WPS writes 一、（一） this way)
                    levels[ilvl] = _level(lvl)
                if so is not None and ilvl in levels:
                    s, f, t = levels[ilvl]
                    levels[ilvl] = (_int(so.get(f"{_W}val"), s), f, t)
                    restarts = True
            num_id = num.get(f"{_W}numId", "")
            self.levels[num_id] = levels
            self.counter_of[num_id] = f"n:{num_id}" if restarts or not abstract_id else f"a:{abstract_id}"

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counts = self.counters.setdefault(self.counter_of.get(num_id, f"n:{num_id}"), {})
        start = levels[ilvl][0]
        counts[ilvl] = counts.get(ilvl, start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]  # a new item restarts the levels below it
        text = levels[ilvl][2]
        for k in range(9):
            if f"%{k + 1}" in text:
                n = counts.get(k, levels.get(k, (1, "decimal", ""))[0])
                text = text.replace(f"%{k + 1}", format_number(n, levels.get(k, (1, "decimal", ""))[1]))
        return "" if levels[ilvl][1] == "bullet" else text


_LABEL_MAX = 32
_STYLE_DEPTH = 32  # styles based on styles: Word itself stops far earlier; a cycle (A on B on A) ends here


# Word's contents entries ("toc 1", "目录 1") and WPS's hand-made contents ("WPSOffice手动目录 1").
_TOC_STYLE = re.compile(r"(?i)^(?:toc|目录|WPSOffice手动目录)\s*\d$")


class Styles:
    """Each paragraph style's own numbering and the style it is based on, read from styles.xml once:
    python-docx looks a style up by walking every style, per paragraph (quadratic for a file with
    thousands of styles)."""

    def __init__(self, styles_xml) -> None:
        self.based: dict[str, str] = {}
        self.num: dict[str, tuple[str | None, str | None]] = {}
        self.default: str | None = None
        # The table of contents' entry styles ("toc 1"…"toc 9", whatever their ids: "TOC1" in English Word,
        # "10" in Chinese Word): a contents line is no heading of the report.
        self.contents: set[str] = set()
        if styles_xml is None:
            return
        for st in styles_xml.iterchildren(f"{_W}style"):
            sid = st.get(f"{_W}styleId")
            if sid is None:
                continue
            name = st.find(f"{_W}name")
            if _TOC_STYLE.match(sid) or (name is not None and _TOC_STYLE.match(name.get(f"{_W}val") or "")):
                self.contents.add(sid)
            if st.get(f"{_W}default") in ("1", "true") and st.get(f"{_W}type") == "paragraph":
                self.default = sid
            based = st.find(f"{_W}basedOn")
            if based is not None and based.get(f"{_W}val"):
                self.based[sid] = based.get(f"{_W}val")
            numpr = st.find(f"{_W}pPr/{_W}numPr")
            if numpr is not None:
                self.num[sid] = _num_ids(numpr)

    def numbering(self, style_id: str | None) -> tuple[str | None, str | None] | None:
        """The numPr a paragraph of this style inherits, following basedOn (a cycle or a deep chain ends)."""
        seen: set[str] = set()
        sid = style_id or self.default
        while sid is not None and sid not in seen and len(seen) < _STYLE_DEPTH:
            seen.add(sid)
            if sid in self.num:
                return self.num[sid]
            sid = self.based.get(sid)
        return None


def _num_ids(numpr) -> tuple[str | None, str | None]:
    num_id = numpr.find(f"{_W}numId")
    ilvl = numpr.find(f"{_W}ilvl")
    return (num_id.get(f"{_W}val") if num_id is not None else None,
            ilvl.get(f"{_W}val") if ilvl is not None else None)


def _num_pr(p, styles: Styles) -> tuple[str, int] | None:
    """A paragraph's list (numId, level): its own numPr, else its style's (read from the XML)."""
    ppr = p.find(f"{_W}pPr")
    own = ppr.find(f"{_W}numPr") if ppr is not None else None
    pstyle = ppr.find(f"{_W}pStyle") if ppr is not None else None
    found: tuple[str | None, str | None] | None = _num_ids(own) if own is not None else None
    if found is None or found[0] is None:
        # The list from the style; a level of the paragraph's own over it (a styled heading moved down with Tab
        # gets <w:numPr><w:ilvl w:val="1"/></w:numPr> and no list of its own).
        of_style = styles.numbering(pstyle.get(f"{_W}val") if pstyle is not None else None)
        if of_style is not None:
            found = (of_style[0], found[1] if found is not None and found[1] is not None else of_style[1])
    if found is None or found[0] is None:
        return None
    return found[0], _int(found[1], 0)


# Where each stretch of the text came from: (start, end) in the text, the index of a Word text node (w:t,
# w:tab, w:br, w:cr) in the body's document order, and the offset in that node's own text.  Numbering labels
# and the line and cell joins have no source.  The Word output (comments on the original document) maps
# evidence back through it; text and map come from one pass, so they cannot disagree.
Piece = tuple[int, int, int, int]
_TEXT_TAGS = (f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr")
_TAB, _RUN = f"{_W}tab", f"{_W}r"


def _node_text(el) -> str:
    return el.text or "" if el.tag == f"{_W}t" else "\t" if el.tag == f"{_W}tab" else "\n"


def _text_nodes(p) -> Iterator:
    """A paragraph's text nodes as Word shows them: runs inside hyperlinks, content controls, fields, smart
    tags and tracked insertions too (python-docx's ``text`` reads only some of these).  A text box is written
    twice, as a drawing (mc:Choice) and as VML for older readers (mc:Fallback): read once, from the drawing."""
    for el in p.iter(*_TEXT_TAGS):
        if el.tag == _TAB and el.getparent().tag != _RUN:
            continue  # a tab stop of the paragraph's settings (w:pPr/w:tabs), not a tab in its text
        if _hidden(el.getparent()):
            continue  # hidden text (w:vanish): Word neither shows nor prints it
        below, skip = True, False
        for a in el.iterancestors():
            if a is p:
                below = False
            # a floating text box's paragraphs are lines of their own (``text_boxes``), not part of the one it is
            # anchored in; a box set in the line (wp:inline) is read where it stands
            if a.tag in _SKIP_TEXT or (below and a.tag == _TXBX and _floating(a, p)) or \
                    (a.tag == _SDT_CONTENT and _unfilled(a.getparent())):
                skip = True
                break
        if not skip:
            yield el


_TXBX = f"{_W}txbxContent"
_INLINE = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}inline"


def _floating(box, p) -> bool:
    """Whether a text box is placed on the page (wp:anchor, a VML shape) rather than set in its line (wp:inline)."""
    return not any(a.tag == _INLINE for a in _ancestors_below(box, p))
_OFF = ("0", "false", "off")


def _hidden(run) -> bool:
    vanish = run.find(f"{_W}rPr/{_W}vanish") if run is not None and run.tag == _RUN else None
    return vanish is not None and vanish.get(f"{_W}val", "1") not in _OFF


def text_boxes(p) -> Iterator:
    """The paragraphs of the floating text boxes anchored in paragraph ``p`` (a 落款 set over the seal, a 红头), in
    order; the VML copy of a box (mc:Fallback) and boxes inside boxes left to their own box."""
    for box in p.iter(_TXBX):
        if not _floating(box, p) or any(a.tag in _SKIP_TEXT or a.tag == _TXBX for a in _ancestors_below(box, p)):
            continue
        yield from box.iterchildren(f"{_W}p")


# A content control (w:sdt) of a template still showing its prompt ("单击或点击此处输入文字。", "Click or tap here to
# enter text."): Word marks it w:showingPlcHdr, and the prompt is no text of the report (a part left unfilled is
# empty, not 12 characters long).  A generator that fills a control and leaves the mark set is read as written
# when what it holds is longer than any prompt.
_SDT, _SDT_CONTENT = f"{_W}sdt", f"{_W}sdtContent"
_PROMPT_MAX = 100  # characters
_PROMPT_NODES = 32  # text nodes looked at, at most (a prompt is a run or two; each text node of a big control asks)


def _unfilled(sdt) -> bool:
    """Whether a content control shows its placeholder prompt, not text typed in it."""
    if sdt is None or sdt.tag != _SDT:
        return False
    mark = sdt.find(f"{_W}sdtPr/{_W}showingPlcHdr")
    if mark is None or mark.get(f"{_W}val", "1") in _OFF:
        return False
    content = sdt.find(_SDT_CONTENT)
    size = 0
    for k, t in enumerate(content.iter(f"{_W}t") if content is not None else ()):
        size += len(t.text or "")
        if size > _PROMPT_MAX or k >= _PROMPT_NODES:
            return False
    return True


def _ancestors_below(el, top) -> Iterator:
    for a in el.iterancestors():
        if a is top:
            return
        yield a


def paragraph_text(p) -> str:
    """All the text of a paragraph as Word shows it."""
    return "".join(_texts(list(_text_nodes(p))))


# A manual line break (Shift+Enter) in the middle of a sentence is where a drafter or a paste from a PDF or a chat
# wrapped the line ("2021年共收行政复议⏎案件11件，…。"), not a new line: joined when the sentence goes on after it
# (a 。 later in the paragraph) and the text before it is prose (a ，or 。 in it: not a title, an unnumbered
# heading, a page's 发布时间) and no heading ("（一）加强制度建设⏎全年…"), ends no sentence or lead-in, and is more
# than a word.  A signature or an address block has no 。 after it.  The line after it decides too: one that starts
# a numbered part or item ("二、", "（三）", "1.") or is a line of the closing block (特此报告, a date, the organ)
# starts a line of its own, whatever the line before lacks (a last sentence without its 。, a "（详见附表）").
_LINE_BREAK_ENDS = "。！？!?；;：:，,、"
# Closing quotes and brackets after a sentence's end ("…执法必严。”"): the sentence ends before them.
_CLOSERS = "”’」』）)】》\"'"
_AHEAD = 40  # characters of the line after a break kept to judge it: a heading's marker, a date or an organ line
_BREAK_HEADING = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]"
                            r"|\d{1,2}[、.．]|第[一二三四五六七八九十]{1,3}[部章条节])")
_BREAK_MIN = 6  # characters before the break
_HEAD_CHARS = 12  # a line's first characters: enough to tell a numbered heading


def _texts(nodes: list) -> list[str]:
    """Each text node's text, a line break that only wraps a sentence read as nothing.  One pass each way, the
    line's state kept as it grows (a paragraph of 100,000 breaks is read in linear time)."""
    texts = [_node_text(el) for el in nodes]
    if "\n" not in texts:
        return texts
    breaks = [k for k, el in enumerate(nodes) if texts[k] == "\n" and el.tag != f"{_W}t"]
    # whether a sentence ends somewhere after each break (a sentence wrapped over three lines ends two breaks on),
    # and whether the line right after it starts a part, an item or the closing block
    stop_after: dict[int, bool] = {}
    seen, ahead = False, ""  # ahead: the first _AHEAD characters of the line after the node (more: not all of it)
    nxt = len(breaks) - 1
    for k in range(len(texts) - 1, -1, -1):
        if nxt >= 0 and k == breaks[nxt]:
            stop_after[k], nxt = seen and not _starts_own_line(ahead), nxt - 1
            ahead = ""
            continue
        if "。" in texts[k]:
            seen = True
        ahead = (texts[k][:_AHEAD + 1] + ahead).lstrip()[:_AHEAD + 1]
    head, size, last, prose, ended = "", 0, "", False, False  # the current line: its start, length, last mark…
    for k, text in enumerate(texts):
        if k in stop_after:
            heading = _BREAK_HEADING.match(head) and not ended
            # (prose before it: a title, a heading without a number, a page's 发布时间 or 文号 has no ，or 。)
            if size >= _BREAK_MIN and last not in _LINE_BREAK_ENDS and not heading and prose and stop_after[k]:
                texts[k] = ""
                continue
            head, size, last, prose, ended = "", 0, "", False, False
            continue
        bare = text.strip()
        if not bare:
            continue
        if len(head) < _HEAD_CHARS:
            head = (head + bare)[:_HEAD_CHARS]
        size += len(bare)
        last = bare.rstrip(_CLOSERS)[-1:] or last
        prose = prose or any(c in bare for c in "，,。；;")
        ended = ended or any(c in bare for c in "。！？!?")
    return texts


def _starts_own_line(line: str) -> bool:
    """Whether the line after a manual break (its first ``_AHEAD`` characters and one more: a line that long is
    no 特此报告, date or organ line) starts a numbered part or item, or is a line of the closing block."""
    line = line.strip()
    if not line:
        return False
    if starts_heading(line):
        return True
    return len(line) <= _AHEAD and CLOSING_LINE.search(line) is not None


class _Line:
    """A line of the text being built, with the source of each stretch when a map is asked for."""

    def __init__(self, index: dict | None) -> None:
        self.index = index
        self.parts: list[str] = []
        self.pieces: list[Piece] = []  # offsets within this line
        self.size = 0

    def add(self, text: str, node=None) -> None:
        i = self.index.get(node) if self.index is not None and node is not None else None
        # Only text inside a run can carry a comment (a w:tab in a paragraph's tab stops is no run's).
        if i is not None and text and node.getparent().tag == f"{_W}r":
            self.pieces.append((self.size, self.size + len(text), i, 0))
        self.parts.append(text)
        self.size += len(text)

    def one(self, ch: str, where: tuple[int, int] | None) -> None:
        """One character with its source, merged into the previous piece when it continues it."""
        if where is not None:
            last = self.pieces[-1] if self.pieces else None
            if last is not None and last[1] == self.size and last[2] == where[0] and \
                    last[3] + last[1] - last[0] == where[1]:
                self.pieces[-1] = (last[0], last[1] + 1, last[2], last[3])
            else:
                self.pieces.append((self.size, self.size + 1, where[0], where[1]))
        self.parts.append(ch)
        self.size += 1

    def paragraph(self, p) -> None:
        nodes = list(_text_nodes(p))
        for el, text in zip(nodes, _texts(nodes), strict=True):
            self.add(text, el)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _collapsed(line: _Line) -> _Line:
    """``" ".join(text.split())`` of a cell, keeping each kept character's source: a run of whitespace
    becomes one space (mapped to its first character), none at either end."""
    text = line.text
    src: list[tuple[int, int] | None] = [None] * len(text)
    for s, e, node, off in line.pieces:
        for k in range(s, e):
            src[k] = (node, off + k - s)
    out = _Line(line.index)
    pending: tuple[int, int] | bool | None = False  # False: no whitespace waiting; else its source
    for ch, where in zip(text, src, strict=True):
        if ch.isspace():
            if pending is False:
                pending = where
            continue
        if pending is not False and out.size:
            out.one(" ", pending)
        pending = False
        out.one(ch, where)
    return out




def _table_rows(tbl, index: dict | None, label: Callable[[object], str] = lambda p: "") -> Iterator[_Line]:
    """A table's rows as lines, read from the XML cell by cell: python-docx's grid materialises every
    spanned column (gridSpan 10**9 is gigabytes) and walks every merged row for each cell (a 3,000-row
    merge is quadratic).  Two cells that only hold the same value ("审结数｜9｜9": this year's and last year's)
    are both read; nested tables are read in place.

    A table of figures is read as its reader reads it (``tables.figure_marks``): a bare number takes the unit its row's
    label or its column's header gives, and the year its column is headed by ("行政复议收案数（件）｜11｜9" under
    "项目｜2021年｜2020年" → "… 2021年 11件 2020年 9件"), and the continuation of a merged cell repeats the
    merged cell's words ("行政复议｜收案数" then "｜结案数": the topic of both).  ``label(p)``: a paragraph's number
    from Word's automatic numbering (a part's heading boxed in a cell is numbered as the body's are)."""
    columns: Columns | None = None  # the header's, once read (``tables.header_columns``)
    table_unit: str | None = None  # the unit a caption row gives the table
    merged: dict[int, str] = {}  # grid column: the text of the vertically merged cell running down it
    for tr in tbl.iterchildren(f"{_W}tr"):
        cells: list[tuple[int, _Line | str]] = []  # (grid column, the cell's line, or a merged cell's words)
        before_row = tr.find(f"{_W}trPr/{_W}gridBefore")  # grid columns left empty before the row's first cell
        col = _span(before_row) if before_row is not None else 0
        for tc in tr.iterchildren(f"{_W}tc"):
            tcpr = tc.find(f"{_W}tcPr")
            span = tcpr.find(f"{_W}gridSpan") if tcpr is not None else None
            width = _span(span)
            here, col = col, col + width
            merge = tcpr.find(f"{_W}vMerge") if tcpr is not None else None
            if merge is not None and merge.get(f"{_W}val") != "restart":
                if merged.get(here):
                    cells.append((here, merged[here]))  # the rest of a merged cell: its words, unmapped
                continue
            hmerge = tcpr.find(f"{_W}hMerge") if tcpr is not None else None
            if hmerge is not None and hmerge.get(f"{_W}val") != "restart":
                continue
            if index is None:  # no map asked for: the plain join, as fast as before
                cell = _Line(None)
                cell.add(" ".join(" ".join(label(p) + paragraph_text(p) for p in tc.iter(f"{_W}p")).split()))
            else:
                raw = _Line(index)
                for k, p in enumerate(tc.iter(f"{_W}p")):
                    if k:
                        raw.add(" ")
                    raw.add(label(p))
                    raw.paragraph(p)
                cell = _collapsed(raw)
            if merge is not None:  # a category's words, not a total ("合计｜20" merged over two rows)
                merged[here] = cell.text if len(cell.text) <= _MERGED_WORDS and not FIGURE_CELL.match(
                    cell.text) else ""
            else:
                merged.pop(here, None)
            if cell.text:
                cells.append((here, cell))
        texts = [(c, x if isinstance(x, str) else x.text) for c, x in cells]
        extra: dict[int, tuple[str, str]] = {}
        if columns is None:
            # the header: the first row of two cells or more (a title row spanning the table, a caption row
            # "表1 …｜单位：件" come before it)
            if any(CAPTION.search(x) for _c, x in texts):
                table_unit = caption_unit(texts) or table_unit
            elif len(texts) >= 2:
                columns = header_columns(texts)
        else:
            extra = figure_marks(texts, columns, table_unit)
        row = _Line(index)
        for c, x in cells:
            before, after = extra.get(c, ("", ""))
            if row.size:
                row.add(" ")
            row.add(before)
            if isinstance(x, str):
                row.add(x)
            else:
                row.pieces += [(s + row.size, e + row.size, n, o) for s, e, n, o in x.pieces]
                row.parts.append(x.text)
                row.size += len(x.text)
            row.add(after)
        yield row


_MERGED_WORDS = 20  # characters: a merged category cell ("行政复议"), not a merged paragraph of text
def _span(span) -> int:
    try:
        return max(1, min(int(span.get(f"{_W}val")), 64)) if span is not None else 1
    except (TypeError, ValueError):
        return 1


def _lines(document, index: dict | None) -> Iterator[_Line]:
    try:
        numbering = Numbering(document.part.numbering_part.element)
    except (KeyError, NotImplementedError, AttributeError):
        numbering = Numbering(None)
    try:
        styles = Styles(document.part.styles.element)
    except (KeyError, NotImplementedError, AttributeError):
        styles = Styles(None)

    def label(p) -> str:  # type: ignore[no-untyped-def]
        """The number Word shows before paragraph ``p`` (in the body, a table cell or a text box), its list's
        counter advanced; none for a text box's VML copy (mc:Fallback), which repeats the drawing's paragraphs."""
        pr = _num_pr(p, styles)
        if pr is None or any(a.tag == _FALLBACK for a in p.iterancestors()):
            return ""
        return numbering.label(*pr)

    blank = 0  # empty paragraphs in a row: two stand for any number (a page of them is spacing, not text)
    # Paragraphs whose mark was deleted with tracked changes (two paragraphs joined, "…送法进企业|活动3次…"): Word
    # shows each run on into the next, as one paragraph under the surviving mark's number and style.
    joined: list = []
    for child in _block_elements(document.element.body):
        if child.tag == f"{_W}p" and len(child) == 0:  # "<w:p/>": nothing to read, nothing to number
            if joined:  # (an empty paragraph has its mark: the joined text ends here, as Word shows it)
                yield from _joined_line(joined, index, label)
                joined = []
            blank += 1
            if blank <= _BLANK_RUN:
                yield _Line(index)
            continue
        if child.tag == f"{_W}p":
            mark_gone = (child.find(f"{_W}pPr/{_W}rPr/{_W}del") is not None
                         or child.find(f"{_W}pPr/{_W}rPr/{_W}moveFrom") is not None)
            if mark_gone and not paragraph_text(child).strip():
                # deleted (or moved away) with tracked changes, its mark too: Word shows nothing, not even its number
                continue
            style = child.find(f"{_W}pPr/{_W}pStyle")
            sid = style.get(f"{_W}val") if style is not None else None
            if sid is not None and (sid in styles.contents or _TOC_STYLE.match(sid)):
                continue  # a table-of-contents entry ("一、工作开展情况⇥1"): the heading it lists is read in place
            if mark_gone and not any(text_boxes(child)):
                joined.append(child)  # its text goes on in the next paragraph's line
                continue
            line = _Line(index)
            line.add(label(child))
            for before in joined:
                line.paragraph(before)
            joined = []
            line.paragraph(child)
            boxes = list(text_boxes(child))
            if line.text.strip():
                blank = 0
                yield line
            elif not boxes:  # (a paragraph holding only a box: the box's lines stand for it)
                blank += 1
                if blank <= _BLANK_RUN:
                    yield line
            for inner in boxes:  # each paragraph of a floating text box a line, after the one it is anchored in
                box_line = _Line(index)
                box_line.add(label(inner))
                box_line.paragraph(inner)
                if box_line.text.strip():
                    blank = 0
                    yield box_line
        elif child.tag == f"{_W}tbl":
            if joined:  # a paragraph mark deleted before a table: its text stays a paragraph of its own
                yield from _joined_line(joined, index, label)
                joined = []
            blank = 0
            yield from _table_rows(child, index, label)
    if joined:
        yield from _joined_line(joined, index, label)


def _joined_line(joined: list, index: dict | None, label) -> Iterator[_Line]:  # type: ignore[no-untyped-def]
    """The line of paragraphs whose marks were deleted with nothing after them to join: one line, under the
    last one's number."""
    line = _Line(index)
    line.add(label(joined[-1]))
    for p in joined:
        line.paragraph(p)
    if line.text.strip():
        yield line


_BLANK_RUN = 2


def layout(document, with_map: bool = False) -> tuple[str, list[Piece]]:
    """The text lawcheck reads from a python-docx ``document`` (paragraphs and table rows, one a line, with
    Word's numbering labels) and, ``with_map``, where each stretch of it is in the document's text nodes."""
    index = {el: i for i, el in enumerate(document.element.body.iter(*_TEXT_TAGS))} if with_map else None
    parts: list[str] = []
    pieces: list[Piece] = []
    pos = 0
    for line in _lines(document, index):
        if parts:
            parts.append("\n")
            pos += 1
        text = line.text
        pieces += [(s + pos, e + pos, n, o) for s, e, n, o in line.pieces]
        parts.append(text)
        pos += len(text)
    return "".join(parts), pieces


_CONTAINERS = {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins", f"{_W}moveTo", f"{_W}smartTag"}


def _block_elements(parent) -> Iterator:
    """Paragraphs and tables in reading order, also inside content controls (w:sdt), custom XML and tracked
    insertions that wrap whole paragraphs; without recursion (a deep wrapper must not exhaust the stack)."""
    stack = [iter(parent.iterchildren())]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag in _CONTAINERS and not _unfilled(child):  # (a control still showing its prompt: nothing)
            stack.append(iter(child.iterchildren()))


# Text moved away or deleted (tracked changes) is not the report's; a text box's VML copy repeats its drawing.
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP_TEXT = {f"{_W}moveFrom", f"{_W}del", _FALLBACK}


def read(name: str, data: bytes, opts: ReadOptions) -> Document:
    lang = opts.lang
    try:
        import docx  # noqa: F401  (python-docx present: ``open_document`` reads with it)
    except ImportError:
        raise need_extra(name, "Word", "docx", lang) from None
    from lawcheck.errors import InputError

    try:
        document = open_document(data)
        text, pieces = layout(document, with_map=opts.keep_original)
    except RecursionError as e:  # an element nested thousands deep
        raise InputError(name, msg(lang, "corrupt", fmt="Word", err=cause(e, lang))) from None
    except Exception as e:  # python-docx raises several kinds for a damaged package or part
        if "Text node too long" in str(e) or "huge text node" in str(e).lower():  # libxml2's limit on one text
            raise InputError(name, msg(lang, "huge_node")) from None
        if _strict(data):  # Word's "Strict Open XML" save: readable by Word, not by python-docx
            raise InputError(name, msg(lang, "strict")) from None
        raise InputError(name, msg(lang, "corrupt", fmt="Word", err=cause(e, lang))) from None
    meta = {}
    title = shown_title(document.core_properties.title, text)
    if title:
        meta["title"] = title
    # The original bytes and the map, for an output that writes the document back with comments.
    original = (data, pieces) if opts.keep_original else None
    return Document(text, "docx", meta, original=original)
