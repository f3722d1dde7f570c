"""Readers: one small module per format, each with one function ``read(name, data, opts)`` that
returns the same thing, a ``Document`` (the report's text and what the file or page says of itself).

Rules never branch on format.  Optional formats need their extra (``lawcheck[docx]``, ``[pdf]``,
``[html]``); a missing one is a one-line error with the install command.  To add a format: a module
here with ``read``, and its suffixes in ``SUFFIXES`` — folder search and ``--glob``'s default read
the same table.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Iterable
from pathlib import Path

from lawcheck.errors import InputError
from lawcheck.limits import Limits, human_bytes
from lawcheck.readers.base import Document, ReadOptions, msg
from lawcheck.text.normalize import whole

# Every suffix lawcheck reads, and the reader it goes to ("legacy": refused with a how-to-convert).
SUFFIXES: dict[str, str] = {
    ".txt": "text", ".text": "text", ".docx": "docx", ".docm": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html",
    ".shtml": "html", ".mhtml": "mhtml", ".mht": "mhtml", ".ofd": "ofd", ".doc": "legacy", ".wps": "legacy",
    # Sent in place of a report (a unit's materials zipped): a .zip's files are read one by one in a batch
    # (lawcheck.archives); a RAR or 7z archive is a row of the batch that asks to unpack it, not a file left out
    # on stderr — the unit did send something.
    ".zip": "archive", ".rar": "archive", ".7z": "archive",
}
# What is refused with its own message, never read (an image or a spreadsheet named on the command line; an
# archive in a folder too).
_REFUSED = ("archive", "zip_archive", "zip_corrupt", "sheet", "slides", "image")
_MAGIC = ((b"Rar!\x1a\x07", "archive"), (b"7z\xbc\xaf\x27\x1c", "archive"), (b"\x1f\x8b", "archive"),
          (b"\xff\xd8\xff", "image"), (b"\x89PNG\r\n\x1a\n", "image"), (b"GIF87a", "image"), (b"GIF89a", "image"),
          (b"II*\x00", "image"), (b"MM\x00*", "image"), (b"BM", "image"))
# The module that reads a format, where it is not the format's own name.
_MODULES = {"mhtml": "html"}


def default_globs() -> list[str]:
    """The file-name patterns a folder is searched for: every suffix in ``SUFFIXES``."""
    return ["*" + s for s in SUFFIXES]


def sniff(data: bytes, suffix: str) -> str:
    """The format by suffix, corrected by the bytes (a .txt that is really a PDF, say).  A file named .doc or
    .wps is a legacy Word file only when its bytes are one (an OLE container); a web page, a saved MHT page or
    plain text saved under that name is read as what it is, and an RTF file or Word's one-file XML (Word 2003 XML,
    Flat OPC) is named as one, under any name."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith((b"PK\x03\x04", _EMPTY_ZIP)):
        return suffix if suffix in ("docx", "ofd") else "zip"
    # ("BM" opens a bitmap, and a text too: only with the bitmap's header size after it)
    found = next((kind for magic, kind in _MAGIC if data.startswith(magic)
                  and (magic != b"BM" or data[14:15] in (b"\x0c", b"(", b"@", b"l", b"|"))), None)
    if found:
        return found
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        # A password-protected .docx is stored in an OLE container too, its document encrypted inside.
        return "encrypted" if _ENCRYPTED_PACKAGE in data[:1 << 20] or _ENCRYPTED_PACKAGE in data[-(1 << 16):] \
            else "legacy"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{\\rtf") and suffix in ("legacy", "docx", "text"):
        return "rtf"  # under a Word name or as text, whatever its suffix
    if head.startswith(b"<?xml"):
        word_xml = _word_xml(data, head)
        if word_xml:
            return word_xml  # Word's own one-file XML, whatever its name: not a web page, not a damaged .docx
    if suffix == "legacy":
        if head.startswith(b"mime-version:") or b"\nmime-version:" in head[:1024]:
            return "mhtml"
        if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in head or b"<body" in head:
            return "html"
        return "text"
    return suffix


def _word_xml(data: bytes, head: bytes) -> str | None:
    """Which of Word's one-file XML forms ``data`` is: "wordml" (Word 2003 XML, saved as "Word 2003 XML 文档",
    often renamed .doc), "flatopc" (Word's "Word XML 文档", a .docx package written out as one XML file), or
    None.  Told by the root element's namespace, and by the mso-application mark Word writes above it."""
    if b"schemas.microsoft.com/office/word/2003/wordml" in head and b"worddocument" in head:
        return "wordml"
    if b"schemas.microsoft.com/office/2006/xmlpackage" in head and (
            b'progid="word.document"' in head or b"wordprocessingml.document.main" in data[:1 << 16]):
        return "flatopc"
    return None


# An empty zip is its end record alone ("an archive of files" emptied, a zip made of nothing): not a RAR.
_EMPTY_ZIP = b"PK\x05\x06"
# The name of the encrypted document's stream in an OLE container, as the container writes it (UTF-16LE).
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def read_document(
    name: str, data: bytes, *, encoding: str | None = None, lang: str = "zh", limits: Limits | None = None,
    keep_original: bool = False,
) -> Document:
    """The report in ``data`` (named ``name`` for messages and the suffix), within ``limits``;
    ``keep_original``: a Word file keeps its bytes and the text's map to them (``Document.original``)."""
    lim = limits or Limits()
    if len(data) > lim.max_bytes:
        raise InputError(name, msg(lang, "too_big", size=human_bytes(len(data)), limit=human_bytes(lim.max_bytes)))
    loaded = _load(name, data, encoding, lang, lim, keep_original)
    if len(loaded.text) > lim.max_chars:
        raise InputError(name, msg(lang, "chars", n=len(loaded.text), limit=lim.max_chars))
    text = whole(loaded.text)  # a PDF's damaged text map can yield lone surrogates: what is read is what is quoted
    return loaded if text is loaded.text else dataclasses.replace(loaded, text=text)


def _load(name: str, data: bytes, encoding: str | None, lang: str, lim: Limits, keep_original: bool = False
          ) -> Document:
    fmt = sniff(data, SUFFIXES.get(Path(name).suffix.lower(), "text"))
    if fmt == "legacy":
        suffix = Path(name).suffix
        named_new = suffix.lower() not in ("", ".doc", ".wps")  # a .doc renamed .docx: said so, not "a .docx is old"
        raise InputError(name, msg(lang, "legacy_named" if named_new else "legacy", suffix=suffix or ".doc"))
    if fmt in ("encrypted", "rtf", "wordml", "flatopc"):
        raise InputError(name, msg(lang, fmt, suffix=Path(name).suffix or ".docx"))
    if fmt in ("zip", "docx", "ofd") and data.startswith(b"PK"):
        check_zip(name, data, lang, lim)  # before anything inflates a member
    if fmt == "zip":
        fmt = _zip_kind(data)
    if fmt == "zip_archive":
        raise InputError(name, _held(data, lang, "zip_archive"))
    if fmt in _REFUSED:
        raise InputError(name, msg(lang, fmt))
    reader = importlib.import_module(f"lawcheck.readers.{_MODULES.get(fmt, fmt)}")
    try:
        return reader.read(name, data, ReadOptions(lang, lim, encoding, fmt, keep_original))
    except InputError:
        if fmt in ("docx", "ofd") and _zip_kind(data) == "zip_archive":
            # a unit's zip of files renamed .docx: said so, not "the Word file is damaged"
            raise InputError(name, _held(data, lang, "zip_named", suffix=Path(name).suffix)) from None
        raise


def preload(names: Iterable[str] | None = None) -> None:
    """Import the readers of these files' formats (of every format when ``names`` is None) now: a batch does
    it before forking its workers, which then inherit them, and lawcheck serve at start.  A reader whose
    optional library is missing, or broken (failing on import with any error), is left for its file's own
    error record, never the batch's."""
    import contextlib

    formats = set(SUFFIXES.values()) if names is None else {SUFFIXES.get(Path(n).suffix.lower(), "text") for n in names}
    for fmt in sorted(formats - set(_REFUSED)):
        with contextlib.suppress(Exception):
            reader = importlib.import_module(f"lawcheck.readers.{_MODULES.get(fmt, fmt)}")
            # The library it reads with, imported only when a file of its format is read.
            for library in getattr(reader, "LIBRARIES", ()):
                importlib.import_module(library)


def check_zip(name: str, data: bytes, lang: str, lim: Limits) -> None:
    """Member count and declared uncompressed size, from the central directory alone.

    zipfile never inflates a member past its declared size, so the declared total bounds the
    memory a reader can use, whatever the compressed bytes claim.
    """
    import io
    import zipfile

    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError, RuntimeError, EOFError):
        return  # not a readable archive (or a zip version it cannot read): the reader reports it as corrupt
    if len(infos) > lim.max_zip_members:
        raise InputError(name, msg(lang, "zip_members", n=len(infos), limit=lim.max_zip_members))
    total = sum(i.file_size for i in infos)
    if total > lim.max_unzipped_bytes:
        limit = human_bytes(lim.max_unzipped_bytes)
        raise InputError(name, msg(lang, "zip_size", size=human_bytes(total), limit=limit))


def _held(data: bytes, lang: str, key: str, **kw: str) -> str:
    """``key``'s message for a zip of files, saying what it holds: no file, its one file by name (a drafter who
    zipped one report was told it held "several"), or how many.  The archiver's own files (a Mac's __MACOSX/)
    and folders are not counted."""
    import io
    import zipfile

    from lawcheck.readers.zipnames import sent_names

    try:
        names = sent_names(zipfile.ZipFile(io.BytesIO(data)).infolist())
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError, RuntimeError, EOFError):
        return msg(lang, "zip_corrupt")
    if not names:
        return msg(lang, f"{key}_empty", **kw)
    if len(names) == 1:
        return msg(lang, f"{key}_one", member=_shown_member(names[0]), **kw)
    return msg(lang, key, n=len(names), **kw)


def _shown_member(name: str) -> str:
    """A member's name as a one-line message shows it: its last part, no control characters, at most 60
    characters (a name is whatever the archive's maker typed)."""
    base = "".join(c for c in name.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] if c.isprintable())
    return base if len(base) <= 60 else base[:40] + "…" + base[-19:]


def _zip_kind(data: bytes) -> str:
    import io
    import zipfile

    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError, RuntimeError, EOFError):
        return "zip_corrupt"  # (it opens as one: cut in sending, its listing lost)
    return package_kind(names)


# The part a zip package holds that says what it is; any other zip is an archive of files (a unit's materials), not
# text: opened by the batch (lawcheck.archives), not here.
_PACKAGE_PARTS = (("word/document.xml", "docx"), ("OFD.xml", "ofd"), ("xl/workbook.xml", "sheet"),
                  ("ppt/presentation.xml", "slides"))


def package_kind(names: Iterable[str]) -> str:
    """What a zip holding these member names is: docx, ofd, sheet, slides, or zip_archive (files)."""
    held = set(names)
    return next((kind for part, kind in _PACKAGE_PARTS if part in held), "zip_archive")


__all__ = ["SUFFIXES", "Document", "ReadOptions", "default_globs", "msg", "preload", "read_document", "sniff"]
