"""Plain text in any encoding reports come in: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, Big5.

Detected, not guessed blindly: byte-order marks first, then strict UTF-8, then charset-normalizer
limited to the encodings Chinese documents use, and a check that the result reads as Chinese.
Undecodable bytes are an error, never mojibake scored as a report; a UTF-8 file with a few damaged
bytes is read with U+FFFD in their place.
"""

from __future__ import annotations

import codecs

from lawcheck import rx
from lawcheck.errors import InputError
from lawcheck.readers.base import Document, ReadOptions

# Imported when a file of this format is read; a batch imports it before forking (readers.preload).
LIBRARIES = ("charset_normalizer",)

_MSG = {
    "zh": {"binary": "是二进制文件，不是文本", "empty": "文件为空",
           "nul": "第{pos}个字符是空字符（NUL）：文件已损坏，或不是文本文件",
           "not_chinese": "按 {enc} 解码后不是中文文本，编码可能不对（不指定 --encoding 时自动识别）",
           "unknown": "无法识别文件编码（可用 --encoding 指定，如 gb18030）", "bad": "按 {enc} 编码无法解码：{err}",
           "bad_bytes": "第{pos}个字节（十六进制 {hex}）不是这种编码的文字；不指定 --encoding 可自动识别",
           "bad_bytes_found": ("第{pos}个字节（十六进制 {hex}）不是这种编码的文字（编码由文件开头的标记或内容识别），"
                               "文件可能已损坏或不完整"),
           "no_codec": "没有这种编码"},
    "en": {"binary": "a binary file, not text", "empty": "the file is empty",
           "nul": "character {pos} is a NUL: the file is damaged, or not a text file",
           "not_chinese": "decoded as {enc} it is not Chinese text: the encoding is probably wrong (without "
                          "--encoding it is detected)",
           "unknown": "cannot tell the file's encoding (pass --encoding, e.g. gb18030)",
           "bad": "cannot decode as {enc}: {err}",
           "bad_bytes": "byte {pos} (hex {hex}) is not text in this encoding; without --encoding it is detected",
           "bad_bytes_found": ("byte {pos} (hex {hex}) is not text in this encoding (told by the file's "
                               "byte-order mark or its content): the file may be damaged or incomplete"),
           "no_codec": "no such encoding"},
}
_BOMS = [(codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]
_CANDIDATES = ["utf_8", "gb18030", "big5", "utf_16", "utf_32"]
_CJK = rx.compile(r"[\u4e00-\u9fff]")
_ODD = rx.compile(r"[\u0080-\u024f\u2500-\u25ff\ue000-\uf8ff\ufffd]")


def _m(lang: str, key: str, **kw: object) -> str:
    return _MSG.get(lang, _MSG["zh"])[key].format(**kw)


def _reads_as_chinese(text: str) -> bool:
    """Mojibake shows as Latin-1 accents, box drawing, private-use characters; Chinese as Han characters."""
    sample = text[:20000]
    cjk = len(_CJK.findall(sample))
    odd = len(_ODD.findall(sample))
    return cjk >= 2 and odd <= max(3, cjk // 20)


def _why(e: Exception, lang: str, given: bool = True) -> str:
    """Python's decoding error ("'big5' codec can't decode byte 0xe6 in position 0") in the reader's language;
    ``given``: the encoding was the user's --encoding (else the file's mark or content told it)."""
    if isinstance(e, UnicodeDecodeError):
        return _m(lang, "bad_bytes" if given else "bad_bytes_found", pos=e.start + 1,
                  hex=e.object[e.start:min(e.end, e.start + 4)].hex(" "))
    return _m(lang, "no_codec")


def decode_text(name: str, data: bytes, *, encoding: str | None = None, lang: str = "zh") -> str:
    if encoding:
        try:
            text = data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as e:
            raise InputError(name, _m(lang, "bad", enc=encoding, err=_why(e, lang))) from None
        text = _check_text(name, text.lstrip("\ufeff"), lang)
        # The wrong encoding given by hand decodes UTF-8 as UTF-16 into rare Han characters and symbols:
        # mojibake, not a report.  A text that reads as Chinese, or has no letters to judge by, is kept.
        if not _reads_as_chinese(text) and _mojibake(text):
            raise InputError(name, _m(lang, "not_chinese", enc=encoding))
        return text
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(name, data[len(bom):].decode(enc), lang)
            except UnicodeDecodeError as e:
                raise InputError(name, _m(lang, "bad", enc=enc, err=_why(e, lang, given=False))) from None
    if b"\x00" in data[:4096]:
        # UTF-16 without a byte-order mark (a converter that left it out): its ASCII characters carry NULs.
        # An odd byte at the end is a cut-off file in UTF-16 (said as such, as with a mark), not a binary one.
        found = _utf16_without_bom(data[:len(data) - len(data) % 2])
        if found is None:
            raise InputError(name, _m(lang, "binary"))
        text, enc = found
        if len(data) % 2:
            try:
                data.decode(enc)
            except UnicodeDecodeError as e:
                raise InputError(name, _m(lang, "bad", enc=enc, err=_why(e, lang, given=False))) from None
        return _check_text(name, text, lang)
    try:
        return _check_text(name, data.decode("utf-8"), lang)
    except UnicodeDecodeError:
        pass
    # UTF-8 with a few damaged bytes (a broken converter, encoded surrogates): keep the report,
    # with U+FFFD where the bytes were.  A file in another encoding has far more than a few.
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= max(16, len(text) // 500) and _reads_as_chinese(text.replace("\ufffd", "")):
        return _check_text(name, text, lang)
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None:
        raise InputError(name, _m(lang, "unknown"))
    text = str(best)
    if not _reads_as_chinese(text):
        raise InputError(name, _m(lang, "unknown"))
    return _check_text(name, text, lang)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """The text of UTF-16 data without a byte-order mark and its byte order, when it decodes (either byte
    order) into Chinese with no NUL characters; None otherwise (a binary file)."""
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and _reads_as_chinese(text) and _common_share(text) >= _COMMON_MIN:
            return text, enc
    return None


# Characters every report is full of.  Bytes of ASCII text read two by two as UTF-16 land in the CJK block too
# ("abc\0\0def ghi" reads "扡c搀晥朠楨"), but almost never on these: a real UTF-16 report has one in ten or more.
_COMMON = frozenset("的法治政府建设年工作行执人民会县区市省和在了是度报告部门推进依化全制管理作规务监督审查决策")
_COMMON_MIN = 0.05


def _common_share(text: str) -> float:
    sample = [c for c in text[:20000] if "\u4e00" <= c <= "\u9fff"]
    return sum(c in _COMMON for c in sample) / len(sample) if sample else 0.0


# Blocks a Chinese report has next to nothing of, and a wrong decoding fills: Hangul syllables, CJK extension
# A, Yi, private use, Latin extended, box drawing (UTF-8 read as UTF-16 spreads over the whole plane).
_RARE = rx.compile(r"[\u0100-\u024f\u2500-\u25ff\u3400-\u4dbf\ua000-\ua4cf\uac00-\ud7af\ue000-\uf8ff]")


def _mojibake(text: str) -> bool:
    """Whether a decoded text is what decoding with the wrong encoding makes: a tenth or more of its
    characters from blocks a report does not use."""
    sample = text[:20000]
    chars = len(sample) - sample.count(" ") - sample.count("\n")
    return chars >= 20 and len(_RARE.findall(sample)) * 10 >= chars


def _check_text(name: str, text: str, lang: str) -> str:
    if not text.strip():
        raise InputError(name, _m(lang, "empty"))
    nul = text.find("\x00")
    if nul >= 0:  # a damaged file: a NUL is no character of a written report
        raise InputError(name, _m(lang, "nul", pos=nul + 1))
    return text


def read(name: str, data: bytes, opts: ReadOptions) -> Document:
    """A text file: decoded (see ``decode_text``)."""
    return Document(decode_text(name, data, encoding=opts.encoding, lang=opts.lang), "text")
