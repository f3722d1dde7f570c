"""OFD (GB/T 33190), the national fixed-layout format: text objects of each page in reading order.

Read with the standard library's zip and XML readers: OFD.xml → the document → its pages →
each page's TextObject/TextCode, ordered top to bottom and left to right, then lines re-joined
into paragraphs as for PDF.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from xml.etree import ElementTree as ET

from lawcheck.readers.base import Document, ReadOptions, cause, msg
from lawcheck.readers.layout import join_lines, strip_running_lines

NS = "{http://www.ofdspec.org/2016}"


def _parse(z: zipfile.ZipFile, path: str) -> ET.Element:
    return ET.fromstring(z.read(path.lstrip("/")))


def _page_lines(root: ET.Element) -> list[str]:
    items: list[tuple[float, float, str]] = []
    for obj in root.iter(f"{NS}TextObject"):
        box = [float(v) for v in (obj.get("Boundary") or "0 0 0 0").split()[:4]]
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

    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        root = _parse(z, "OFD.xml")
        doc_root = root.find(f"{NS}DocBody/{NS}DocRoot")
        if doc_root is None or not doc_root.text:
            raise ValueError("OFD.xml names no DocRoot")
        doc_path = doc_root.text.strip().lstrip("/")
        document = _parse(z, doc_path)
        base = posixpath.dirname(doc_path)
        pages = []
        for page in document.iter(f"{NS}Page"):
            loc = page.get("BaseLoc", "")
            path = loc.lstrip("/") if loc.startswith("/") else posixpath.join(base, loc)
            pages.append(_page_lines(_parse(z, path)))
    except (zipfile.BadZipFile, KeyError, ET.ParseError, ValueError) as e:
        raise InputError(name, msg(lang, "corrupt", fmt="OFD", err=cause(e, lang))) from None
    text = join_lines(strip_running_lines(pages))
    return Document(text, "ofd", {}, no_text_layer=not text.strip())
