"""What every reader produces, and the messages readers give: one small module each reader imports."""

from __future__ import annotations

from dataclasses import dataclass, field

from lawcheck import rx
from lawcheck.errors import InputError
from lawcheck.limits import Limits

_MSG = {
    "zh": {
        "extra": "读取{fmt}文件需要安装 lawcheck[{extra}]：pip install 'lawcheck[{extra}]'",
        "legacy": "{suffix} 是旧版文件格式，请在 Word 或 WPS 中“另存为 .docx”后再检查（或用 LibreOffice："
                  "soffice --headless --convert-to docx 文件名）",
        "legacy_named": "文件名为 {suffix}，内容实际是旧版 Word 格式（.doc）：请在 Word 或 WPS 中“另存为 .docx”后再检查"
                        "（或用 LibreOffice：soffice --headless --convert-to docx 文件名）",
        "corrupt": "{fmt}文件已损坏或不是{fmt}文件：{err}",
        "encrypted": "文件受密码保护，无法读取：请在 Word 或 WPS 中取消密码后另存为 .docx 再检查",
        "strict": "文件为 Strict Open XML 格式，无法读取：请在 Word 中“另存为”普通的“Word 文档 (*.docx)”后再检查",
        "huge_node": ("文件中有一段连续文字超过1000万字节（文档解析的安全上限），未读取：正常的报告不会如此；"
                      "如确为报告，请把这一段分成多段后再检查"),
        "pdf_encrypted": "PDF 文件受密码保护，无法读取：请提供未加密的 PDF（或原 Word 文件）",
        "rtf": "{suffix} 文件实际是 RTF 格式：请在 Word 或 WPS 中“另存为 .docx”后再检查",
        "wordml": "{suffix} 文件实际是 Word 2003 XML 文档，无法直接读取：请在 Word 或 WPS 中打开，"
                  "“另存为 .docx”后再检查",
        "flatopc": "{suffix} 文件实际是 Word XML 文档（单个 XML 文件），无法直接读取：请在 Word 中打开，"
                   "“另存为 .docx”后再检查",
        "no_text": "没有文字层（可能是扫描件）",
        "archive": "是 RAR、7z 或 gzip 压缩包：lawcheck 只打开 .zip 压缩包，请解压后检查其中的报告",
        # A zip of files is said to hold what it holds: none, the one file it holds (named), or how many.
        "zip_archive": ("是多个文件的压缩包（共 {n} 个文件）：请解压后逐个检查，或把压缩包的文件路径交给"
                        "lawcheck check（其中每个报告一行）"),
        "zip_archive_one": ("是 ZIP 压缩包，其中只有一个文件“{member}”：请解压后检查该文件，"
                            "或把压缩包的文件路径交给 lawcheck check"),
        "zip_archive_empty": "是空的 ZIP 压缩包（其中没有文件）：请发送报告本身（.docx .pdf .txt）",
        "zip_named": ("文件名为 {suffix}，内容却是多个文件的压缩包（共 {n} 个文件）：请改名为 .zip 后检查"
                      "（其中每个报告一行），或解压后逐个检查"),
        "zip_named_one": ("文件名为 {suffix}，内容却是 ZIP 压缩包，其中只有一个文件“{member}”：请解压后检查该文件，"
                          "或改名为 .zip 后检查"),
        "zip_named_empty": ("文件名为 {suffix}，内容却是空的 ZIP 压缩包（其中没有文件）："
                            "请发送报告本身（.docx .pdf .txt）"),
        "zip_corrupt": "是已损坏或不完整的 ZIP 压缩包（读不出其中的文件列表，可能下载或发送时被截断）：请重新发送",
        "sheet": "是电子表格，不是报告文稿：请检查报告本身（.docx .pdf .txt）",
        "slides": "是演示文稿，不是报告文稿：请检查报告本身（.docx .pdf .txt）",
        "image": "是图片，没有可读的文字：请提供报告的文字版（.docx .pdf .txt）",
        "attachment_only": "网页正文几乎没有文字，报告在附件中（{files}）：请下载附件后检查",
        "images_only": "网页正文几乎没有文字，只有图片（报告可能是图片形式）：请取得报告的文字版本后检查",
        "no_text_read": "没有读出任何中文文字（文件可能已损坏、为空、内容不是文字，或不是用中文写的）",
        "too_big": "文件过大（{size}，上限 {limit}；可用 --max-bytes 调整）",
        "zip_members": "压缩包内文件过多（{n} 个，上限 {limit} 个；可用 --max-zip-members 调整）",
        "zip_size": "解压后过大（{size}，上限 {limit}；可用 --max-unzipped-bytes 调整），可能是压缩炸弹",
        "pages": "PDF 页数过多（{n} 页，上限 {limit} 页；可用 --max-pages 调整）",
        "too_many_pages": "页数过多（{n} 页，上限 {limit} 页；可用 --max-pages 调整）",
        "memory": "检查时超过内存上限（{limit}；可用 --max-memory 调整）",
        "timeout": "读取超时（超过 {limit} 秒；可用 --timeout 调整）",
        "chars": "提取的文字过长（{n} 字，上限 {limit} 字；可用 --max-chars 调整）",
        "task_timeout": "检查超时（超过 {limit} 秒，已停止；可用 --timeout 调整）",
        "crashed": "检查此文件的进程异常退出（退出码 {code}；可能超过了内存上限 --max-memory），其他文件不受影响",
    },
    "en": {
        "extra": "reading {fmt} files needs lawcheck[{extra}]: pip install 'lawcheck[{extra}]'",
        "legacy": "{suffix} is a legacy format: save it as .docx in Word or WPS first (or with LibreOffice: "
                  "soffice --headless --convert-to docx FILE)",
        "legacy_named": "named {suffix} but really a legacy Word file (.doc): save it as .docx in Word or WPS first "
                        "(or with LibreOffice: soffice --headless --convert-to docx FILE)",
        "corrupt": "not a valid {fmt} file: {err}",
        "encrypted": "the file is password-protected: remove the password in Word or WPS and save it as .docx",
        "strict": "a Word file in \"Strict Open XML\" form: save it in Word as an ordinary \"Word Document (*.docx)\" "
                  "first",
        "huge_node": ("one run of text in the file is over 10 million bytes (the parser's safety limit); not read: a "
                      "report has none so long; if this is one, split that run into paragraphs and check it again"),
        "pdf_encrypted": "the PDF is password-protected: give an unencrypted PDF (or the Word file)",
        "rtf": "this {suffix} file is really RTF: save it as .docx in Word or WPS first",
        "wordml": "this {suffix} file is really a Word 2003 XML document, which is not read directly: open it in "
                  "Word or WPS and save it as .docx first",
        "flatopc": "this {suffix} file is really a Word XML document (one XML file), which is not read directly: open "
                   "it in Word and save it as .docx first",
        "no_text": "no text layer (scanned?)",
        "archive": ("a RAR, 7z or gzip archive: lawcheck opens .zip archives only; unpack it and check the reports "
                    "in it"),
        "zip_archive": ("a zip of several files ({n}): unpack it, or give its path to lawcheck check, which checks "
                        "each report in it"),
        "zip_archive_one": ("a zip holding one file, \"{member}\": unpack it and check that file, or give the zip's "
                            "path to lawcheck check"),
        "zip_archive_empty": "an empty zip (no file in it): send the report itself (.docx .pdf .txt)",
        "zip_named": ("named {suffix} but really a zip of several files ({n}): rename it .zip and check it (each "
                      "report a row), or unpack it"),
        "zip_named_one": ("named {suffix} but really a zip holding one file, \"{member}\": unpack it and check "
                          "that file, or rename it .zip and check it"),
        "zip_named_empty": "named {suffix} but really an empty zip (no file in it): send the report itself",
        "zip_corrupt": ("a damaged or incomplete ZIP archive (its list of files cannot be read; it may have been cut "
                        "off in sending): send it again"),
        "sheet": "a spreadsheet, not a report: check the report itself (.docx .pdf .txt)",
        "slides": "a presentation, not a report: check the report itself (.docx .pdf .txt)",
        "image": "a picture, with no text to read: give the report as text (.docx .pdf .txt)",
        "attachment_only": "the page holds almost no text: the report is in its attachment ({files}); download it "
                           "and check that",
        "images_only": "the page holds almost no text, only pictures (the report as images?): get the report as "
                       "text and check that",
        "no_text_read": "no Chinese text could be read (the file may be damaged, empty, not text, or not in Chinese)",
        "too_big": "file too large ({size}; the limit is {limit}, see --max-bytes)",
        "zip_members": "too many members in the archive ({n}; the limit is {limit}, see --max-zip-members)",
        "zip_size": "too large when unpacked ({size}; the limit is {limit}, see --max-unzipped-bytes): "
                    "a zip bomb?",
        "pages": "too many PDF pages ({n}; the limit is {limit}, see --max-pages)",
        "too_many_pages": "too many pages ({n}; the limit is {limit}, see --max-pages)",
        "memory": "ran past the memory limit ({limit}; see --max-memory)",
        "timeout": "reading took too long (over {limit} s, see --timeout)",
        "chars": "extracted text too long ({n} characters; the limit is {limit}, see --max-chars)",
        "task_timeout": "checking took too long (over {limit} s) and was stopped; see --timeout",
        "crashed": "the process checking this file died (exit code {code}; perhaps past --max-memory); other files "
                   "are not affected",
    },
}


def msg(lang: str, key: str, **kw: object) -> str:
    return _MSG.get(lang, _MSG["zh"])[key].format(**kw)


@dataclass
class Document:
    """A document as lawcheck reads it: its ``text``, the ``format`` it came in, what its file or page
    says of itself (``meta``: title, published as YYYY-MM-DD, source, index_no, doc_no) and whether
    it had no text layer at all (a scanned PDF)."""

    text: str
    format: str
    meta: dict[str, str] = field(default_factory=dict)  # title, published (ISO), source, index_no, doc_no
    no_text_layer: bool = False
    # A Word file read with ``keep_original``: its bytes and where each stretch of ``text`` is in them
    # (readers.docx.Piece), for an output that writes the document back with comments.
    original: tuple[bytes, list[tuple[int, int, int, int]]] | None = field(default=None, repr=False)


# What a parser's failure means, as a Chinese reader reads it (the exception's own English text is for
# --debug and for English output).
_CAUSE_ZH = {
    "BadZipFile": "不是有效的压缩包", "KeyError": "缺少必需的组成部分", "ParseError": "XML 格式错误",
    "error": "压缩数据损坏", "PdfReadError": "文件结构损坏", "PdfStreamError": "数据流损坏",
    "RecursionError": "结构嵌套过深", "UnicodeDecodeError": "文字编码错误", "ValueError": "内容不合规范",
    "EOFError": "文件不完整（被截断）", "OSError": "读取失败", "IndexError": "结构不完整",
    "NotImplementedError": "使用了不支持的压缩方式或版本",
}


# The same in English words (not the exception's class name); where the parser's message locates the damage
# ("mismatched tag: line 3, column 2"), it follows.
_CAUSE_EN = {
    "BadZipFile": "not a valid ZIP archive", "KeyError": "a required part is missing ({detail})",
    "ParseError": "malformed XML ({detail})", "error": "damaged compressed data",
    "PdfReadError": "damaged file structure ({detail})", "PdfStreamError": "a damaged data stream ({detail})",
    "RecursionError": "nested too deeply", "UnicodeDecodeError": "a text encoding error",
    "EOFError": "the file is incomplete (cut short)", "IndexError": "an incomplete structure",
    "NotImplementedError": "an unsupported compression method or version",
}


def cause(e: BaseException | str, lang: str) -> str:
    """Why a file could not be parsed, in the reader's language."""
    if isinstance(e, str):
        return {"no HTML part": "没有网页内容", "nested too deeply": "结构嵌套过深",
                "binary": "是二进制数据，不是网页"}.get(e, e) if lang == "zh" else e
    name = type(e).__name__
    if lang == "zh":
        return _CAUSE_ZH.get(name, "无法解析")
    # A parser's message may name an object by its memory address ("<… object at 0x7f…>"), which differs
    # every run: the same file must give the same bytes.
    detail = _ADDRESS.sub("", str(e)).strip("'\"")
    words = _CAUSE_EN.get(name)
    if words is None:
        return f"{name}: {detail}" if detail else name
    return words.format(detail=detail) if detail else words.split(" (", 1)[0]


_ADDRESS = rx.compile(r" (?:object )?at 0x[0-9a-fA-F]+")


_ERRNO_ZH = {
    "ENOENT": "不存在", "EACCES": "没有权限", "EPERM": "没有权限", "EISDIR": "是文件夹",
    "ENOTDIR": "路径中有一项不是文件夹",
    "ENOSPC": "磁盘空间不足", "EROFS": "只读的文件系统", "ENAMETOOLONG": "文件名过长", "ELOOP": "符号链接循环",
    "EINVAL": "不是普通文件", "EFBIG": "文件过大", "EEXIST": "已存在", "EBUSY": "正被占用", "EIO": "读写出错",
    "EMFILE": "打开的文件过多", "EXDEV": "不能跨文件系统移动",
    "EPIPE": "接收输出的程序已关闭（管道已断开）",
    # lawcheck serve's socket.
    "EADDRINUSE": "端口已被占用", "EADDRNOTAVAIL": "本机没有这个地址",
}


def os_reason(e: OSError, lang: str) -> str:
    """An operating-system error as a person reads it: "没有权限", not "[Errno 13] Permission denied"."""
    import errno
    import socket

    if isinstance(e, socket.gaierror):  # a host name that does not resolve (its codes are not errno's)
        return "找不到这个主机名" if lang == "zh" else e.strerror or str(e)
    name = errno.errorcode.get(e.errno or 0, "")
    if lang == "zh":
        return _ERRNO_ZH.get(name, "读写失败")
    return e.strerror or str(e)


def need_extra(name: str, fmt: str, extra: str, lang: str) -> InputError:
    return InputError(name, msg(lang, "extra", fmt=fmt, extra=extra))


@dataclass(frozen=True)
class ReadOptions:
    """What a reader may need besides the bytes."""

    lang: str = "zh"
    limits: Limits = field(default_factory=Limits)
    encoding: str | None = None  # text and web pages: instead of detecting it
    fmt: str = ""  # the format the reader was chosen for (html or mhtml)
    keep_original: bool = False  # Word: keep the bytes and the text's map to them (the Word output)


def shown_title(title: str | None, text: str) -> str | None:
    """A file's title property when the document shows it as a line of its own (spaces aside), else None: Word
    and PDF files carry the property of the template or last year's copy they were made from, which no one
    sees ("荷塘区2023年度…" on the 2024 report), or a converter's ("Microsoft Word - 报告.doc")."""
    want = "".join((title or "").split())
    if not want:
        return None
    return title.strip() if any("".join(line.split()) == want for line in text.splitlines()) else None  # type: ignore[union-attr]
