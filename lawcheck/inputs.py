"""Which files to check, and reading them: the edge where paths and bytes come in."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from pathlib import Path

from lawcheck.errors import InputError

_MSG = {
    "zh": {
        "not_utf8": "不是UTF-8编码的文本文件（其他编码与格式将在后续版本支持）",
        "not_found": "文件不存在",
        "unreadable": "无法读取：{err}",
        "empty": "文件为空",
        "binary": "是二进制文件，不是文本",
    },
    "en": {
        "not_utf8": "not UTF-8 text (other encodings and formats come in a later version)",
        "not_found": "no such file",
        "unreadable": "cannot read: {err}",
        "empty": "the file is empty",
        "binary": "a binary file, not text",
    },
}


@dataclass(frozen=True)
class Source:
    """One input: a file, or standard input (``path`` None)."""

    name: str
    path: Path | None


def expand(args: list[str], globs: list[str]) -> list[Source]:
    """Files as given, directories searched recursively for ``globs``, '-' for standard input.

    Order is stable: arguments in the order given, a directory's files sorted by path.
    Missing paths are kept, so that they are reported in their place.
    """
    out: list[Source] = []
    seen: set[str] = set()
    for arg in args:
        if arg == "-":
            out.append(Source("-", None))
            continue
        p = Path(arg)
        if p.is_dir():
            found = sorted(
                f for f in p.rglob("*")
                if f.is_file() and any(fnmatch.fnmatch(f.name, g) for g in globs)
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            for f in found:
                if str(f) not in seen:
                    seen.add(str(f))
                    out.append(Source(str(f), f))
        elif arg not in seen:
            seen.add(arg)
            out.append(Source(arg, p))
    return out


def decode(name: str, data: bytes, lang: str = "zh") -> str:
    m = _MSG.get(lang, _MSG["zh"])
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(name, m["binary"])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(name, m["not_utf8"]) from None
    if not text.strip():
        raise InputError(name, m["empty"])
    return text


def read_source(src: Source, lang: str = "zh") -> str:
    m = _MSG.get(lang, _MSG["zh"])
    assert src.path is not None
    try:
        data = src.path.read_bytes()
    except FileNotFoundError:
        raise InputError(src.name, m["not_found"]) from None
    except OSError as e:
        raise InputError(src.name, m["unreadable"].format(err=e.strerror or e)) from None
    return decode(src.name, data, lang)
