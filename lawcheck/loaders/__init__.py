"""Readers: one small adapter per format, all producing the same thing — the report's text and page facts.

Rules never branch on format.  Optional formats need their extra (``lawcheck[docx]``, ``[pdf]``,
``[html]``); a missing one is a one-line error with the install command.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lawcheck.errors import InputError
from lawcheck.limits import Limits, human_bytes

SUFFIXES = {".txt": "text", ".text": "text", ".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html",
            ".shtml": "html", ".mhtml": "mhtml", ".mht": "mhtml", ".ofd": "ofd", ".doc": "legacy", ".wps": "legacy"}

_MSG = {
    "zh": {
        "extra": "读取{fmt}文件需要安装 lawcheck[{extra}]：pip install 'lawcheck[{extra}]'",
        "legacy": "{suffix} 是旧版文件格式，请在 Word 或 WPS 中“另存为 .docx”后再检查（或用 LibreOffice："
                  "soffice --headless --convert-to docx 文件名）",
        "corrupt": "{fmt}文件已损坏或不是{fmt}文件：{err}",
        "no_text": "没有文字层（可能是扫描件）",
        "too_big": "文件过大（{size}，上限 {limit}；可用 --max-bytes 调整）",
        "zip_members": "压缩包内文件过多（{n} 个，上限 {limit} 个；可用 --max-zip-members 调整）",
        "zip_size": "解压后过大（{size}，上限 {limit}；可用 --max-unzipped-bytes 调整），可能是压缩炸弹",
        "pages": "PDF 页数过多（{n} 页，上限 {limit} 页；可用 --max-pages 调整）",
        "timeout": "读取超时（超过 {limit} 秒；可用 --timeout 调整）",
        "chars": "提取的文字过长（{n} 字，上限 {limit} 字；可用 --max-chars 调整）",
        "task_timeout": "检查超时（超过 {limit} 秒，已停止；可用 --timeout 调整）",
        "crashed": "检查此文件的进程异常退出（退出码 {code}），其他文件不受影响",
    },
    "en": {
        "extra": "reading {fmt} files needs lawcheck[{extra}]: pip install 'lawcheck[{extra}]'",
        "legacy": "{suffix} is a legacy format: save it as .docx in Word or WPS first (or with LibreOffice: "
                  "soffice --headless --convert-to docx FILE)",
        "corrupt": "not a valid {fmt} file: {err}",
        "no_text": "no text layer (scanned?)",
        "too_big": "file too large ({size}; the limit is {limit}, see --max-bytes)",
        "zip_members": "too many members in the archive ({n}; the limit is {limit}, see --max-zip-members)",
        "zip_size": "too large when unpacked ({size}; the limit is {limit}, see --max-unzipped-bytes): "
                    "a zip bomb?",
        "pages": "too many PDF pages ({n}; the limit is {limit}, see --max-pages)",
        "timeout": "reading took too long (over {limit} s, see --timeout)",
        "chars": "extracted text too long ({n} characters; the limit is {limit}, see --max-chars)",
        "task_timeout": "checking took too long (over {limit} s) and was stopped; see --timeout",
        "crashed": "the process checking this file died (exit code {code}); other files are not affected",
    },
}


def msg(lang: str, key: str, **kw: object) -> str:
    return _MSG.get(lang, _MSG["zh"])[key].format(**kw)


@dataclass
class Loaded:
    """A document as lawcheck reads it."""

    text: str
    format: str
    meta: dict[str, str] = field(default_factory=dict)  # title, published (ISO), source, index_no, doc_no
    no_text_layer: bool = False


def sniff(data: bytes, suffix: str) -> str:
    """The format by suffix, corrected by the bytes (a .txt that is really a PDF, say)."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return suffix if suffix in ("docx", "ofd") else "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "legacy"
    return suffix


def load_bytes(
    name: str, data: bytes, *, encoding: str | None = None, lang: str = "zh", limits: Limits | None = None
) -> Loaded:
    """The report in ``data`` (named ``name`` for messages and the suffix), within ``limits``."""
    lim = limits or Limits()
    if len(data) > lim.max_bytes:
        raise InputError(name, msg(lang, "too_big", size=human_bytes(len(data)), limit=human_bytes(lim.max_bytes)))
    loaded = _load(name, data, encoding, lang, lim)
    if len(loaded.text) > lim.max_chars:
        raise InputError(name, msg(lang, "chars", n=len(loaded.text), limit=lim.max_chars))
    return loaded


def _load(name: str, data: bytes, encoding: str | None, lang: str, lim: Limits) -> Loaded:
    fmt = sniff(data, SUFFIXES.get(Path(name).suffix.lower(), "text"))
    if fmt == "legacy":
        raise InputError(name, msg(lang, "legacy", suffix=Path(name).suffix or ".doc"))
    if fmt in ("zip", "docx", "ofd") and data.startswith(b"PK"):
        check_zip(name, data, lang, lim)  # before anything inflates a member
    if fmt == "zip":
        fmt = _zip_kind(data)
    if fmt == "docx":
        from lawcheck.loaders.docx import load_docx

        return load_docx(name, data, lang)
    if fmt == "pdf":
        from lawcheck.loaders.pdf import load_pdf

        return load_pdf(name, data, lang, lim)
    if fmt in ("html", "mhtml"):
        from lawcheck.loaders.html import load_html

        return load_html(name, data, lang, mhtml=fmt == "mhtml", encoding=encoding)
    if fmt == "ofd":
        from lawcheck.loaders.ofd import load_ofd

        return load_ofd(name, data, lang)
    from lawcheck.loaders.text import decode_text

    return Loaded(decode_text(name, data, encoding=encoding, lang=lang), "text")


def check_zip(name: str, data: bytes, lang: str, lim: Limits) -> None:
    """Member count and declared uncompressed size, from the central directory alone.

    zipfile never inflates a member past its declared size, so the declared total bounds the
    memory a reader can use, whatever the compressed bytes claim.
    """
    import io
    import zipfile

    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # not a readable archive: the format's reader reports it as corrupt
    if len(infos) > lim.max_zip_members:
        raise InputError(name, msg(lang, "zip_members", n=len(infos), limit=lim.max_zip_members))
    total = sum(i.file_size for i in infos)
    if total > lim.max_unzipped_bytes:
        limit = human_bytes(lim.max_unzipped_bytes)
        raise InputError(name, msg(lang, "zip_size", size=human_bytes(total), limit=limit))


def _zip_kind(data: bytes) -> str:
    import io
    import zipfile

    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile:
        return "text"
    if "word/document.xml" in names:
        return "docx"
    if "OFD.xml" in names:
        return "ofd"
    return "text"


def need_extra(name: str, fmt: str, extra: str, lang: str) -> InputError:
    return InputError(name, msg(lang, "extra", fmt=fmt, extra=extra))
