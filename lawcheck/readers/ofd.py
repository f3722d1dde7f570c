"""OFD (GB/T 33190), the national fixed-layout format: text objects of each page in reading order.

Read with the standard library's zip and XML readers: OFD.xml → the document → its pages →
each page's TextObject/TextCode, ordered top to bottom and left to right, then lines re-joined
into paragraphs as for PDF.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from xml.etree import ElementTree as ET

from lawcheck.limits import human_bytes
from lawcheck.readers.base import Document, ReadOptions, cause, msg
from lawcheck.readers.layout import join_lines, strip_running_lines

NS = "{http://www.ofdspec.org/2016}"


class _Reader:
    """Members read from the archive, counted: a page referenced 20,000 times is read (and held) once,
    and the bytes inflated in all stay under the unpacked-size limit."""

    def __init__(self, z: zipfile.ZipFile, budget: int) -> None:
        self.z, self.budget, self.parsed = z, budget, {}

    def parse(self, path: str) -> ET.Element:
        key = path.lstrip("/")
        if key not in self.parsed:
            data = self.z.read(key)
            self.budget -= len(data)
            if self.budget < 0:
                raise _TooLarge
            self.parsed[key] = ET.fromstring(data)
        return self.parsed[key]


class _TooLarge(Exception):
    pass


def _box(value: str | None) -> list[float]:
    """x y width height; a damaged Boundary ("5", "a b") reads as 0 where a number is missing."""
    out = []
    for v in (value or "").split()[:4]:
        try:
            out.append(float(v))
        except ValueError:
            out.append(0.0)
    return out + [0.0] * (4 - len(out))


def _page_lines(root: ET.Element) -> list[str]:
    items: list[tuple[float, float, str]] = []
    for obj in root.iter(f"{NS}TextObject"):
        box = _box(obj.get("Boundary"))
        text = "".join(tc.text or "" for tc in obj.iter(f"{NS}TextCode"))
        if text.strip():
            items.append((box[1], box[0], text))
    items.sort(key=lambda it: (round(it[0], 1), it[1]))
    lines: list[str] = []
    last_y = None
    for y, _x, text in items:
        if last_y is not None and abs(y - last_y) < 1.0 and lines:
            lines[-1] += text  # same line, further right
        else:
            lines.append(text)
        last_y = y
    return [ln.strip() for ln in lines if ln.strip()]


def read(name: str, data: bytes, opts: ReadOptions) -> Document:
    lang = opts.lang
    from lawcheck.errors import InputError

    lim = opts.limits
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        r = _Reader(z, lim.max_unzipped_bytes)
        root = r.parse("OFD.xml")
        doc_root = root.find(f"{NS}DocBody/{NS}DocRoot")
        if doc_root is None or not doc_root.text:
            raise ValueError("OFD.xml names no DocRoot")
        doc_path = doc_root.text.strip().lstrip("/")
        document = r.parse(doc_path)
        base = posixpath.dirname(doc_path)
        pages: list[list[str]] = []
        lines_of: dict[str, list[str]] = {}
        chars = 0
        for page in document.iter(f"{NS}Page"):
            if len(pages) >= lim.max_pages:
                raise InputError(name, msg(lang, "too_many_pages", n=f"> {lim.max_pages}", limit=lim.max_pages))
            loc = page.get("BaseLoc", "")
            path = loc.lstrip("/") if loc.startswith("/") else posixpath.join(base, loc)
            if path not in lines_of:
                lines_of[path] = _page_lines(r.parse(path))
            pages.append(lines_of[path])
            chars += sum(len(ln) for ln in lines_of[path])
            if chars > lim.max_chars:  # counted as the pages are listed, before the text is built
                raise InputError(name, msg(lang, "chars", n=f"> {lim.max_chars}", limit=lim.max_chars))
    except _TooLarge:
        limit = human_bytes(lim.max_unzipped_bytes)
        raise InputError(name, msg(lang, "zip_size", size=f"> {limit}", limit=limit)) from None
    except (zipfile.BadZipFile, KeyError, ET.ParseError, ValueError, zlib.error, EOFError, NotImplementedError,
            RuntimeError, OSError) as e:  # a damaged member: bad CRC, bad deflate stream, truncated, encrypted
        raise InputError(name, msg(lang, "corrupt", fmt="OFD", err=cause(e, lang))) from None
    text = join_lines(strip_running_lines(pages))
    return Document(text, "ofd", {}, no_text_layer=not text.strip())
