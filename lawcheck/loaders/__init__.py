"""Readers: one small adapter per format, all producing the same thing — the report's text and page facts.

Rules never branch on format.  Optional formats need their extra (``lawcheck[docx]``, ``[pdf]``,
``[html]``); a missing one is a one-line error with the install command.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lawcheck.errors import InputError

SUFFIXES = {".txt": "text", ".text": "text", ".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html",
            ".shtml": "html", ".mhtml": "mhtml", ".mht": "mhtml", ".ofd": "ofd", ".doc": "legacy", ".wps": "legacy"}

_MSG = {
    "zh": {
        "extra": "读取{fmt}文件需要安装 lawcheck[{extra}]：pip install 'lawcheck[{extra}]'",
        "legacy": "{suffix} 是旧版文件格式，请在 Word 或 WPS 中“另存为 .docx”后再检查（或用 LibreOffice："
                  "soffice --headless --convert-to docx 文件名）",
        "corrupt": "{fmt}文件已损坏或不是{fmt}文件：{err}",
        "no_text": "没有文字层（可能是扫描件）",
    },
    "en": {
        "extra": "reading {fmt} files needs lawcheck[{extra}]: pip install 'lawcheck[{extra}]'",
        "legacy": "{suffix} is a legacy format: save it as .docx in Word or WPS first (or with LibreOffice: "
                  "soffice --headless --convert-to docx FILE)",
        "corrupt": "not a valid {fmt} file: {err}",
        "no_text": "no text layer (scanned?)",
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


def load_bytes(name: str, data: bytes, *, encoding: str | None = None, lang: str = "zh") -> Loaded:
    fmt = sniff(data, SUFFIXES.get(Path(name).suffix.lower(), "text"))
    if fmt == "legacy":
        raise InputError(name, msg(lang, "legacy", suffix=Path(name).suffix or ".doc"))
    if fmt == "zip":
        fmt = _zip_kind(data)
    if fmt == "docx":
        from lawcheck.loaders.docx import load_docx

        return load_docx(name, data, lang)
    if fmt == "pdf":
        from lawcheck.loaders.pdf import load_pdf

        return load_pdf(name, data, lang)
    if fmt in ("html", "mhtml"):
        from lawcheck.loaders.html import load_html

        return load_html(name, data, lang, mhtml=fmt == "mhtml", encoding=encoding)
    if fmt == "ofd":
        from lawcheck.loaders.ofd import load_ofd

        return load_ofd(name, data, lang)
    from lawcheck.loaders.text import decode_text

    return Loaded(decode_text(name, data, encoding=encoding, lang=lang), "text")


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
