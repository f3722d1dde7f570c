"""Opening a Word package with python-docx, shared by the reader and the Word output: a .docm (Word's
macro-enabled document) is opened as the .docx it otherwise is, in memory."""

from __future__ import annotations

import io
import re

_MACRO_MAIN = re.compile(rb'ContentType="[^"]{0,80}macroEnabled\.main\+xml"')
_DOCX_MAIN = b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"'
# The main part's links to its macros (the VBA project, its key bindings and toolbars): left out, so that the
# parts they lead to are neither read nor written into the commented .docx (a .docx holds no macros).
_MACRO_RELS = re.compile(rb'<Relationship\s[^>]{0,400}?Type=["\']http://schemas\.microsoft\.com/office/(?:2006|2007)/'
                         rb'relationships/(?:vbaProject|keyMapCustomizations|attachedToolbars|wordVbaData)["\'][^>]{0,400}?>'
                         rb'(?:\s*</Relationship>)?')
_MAIN_RELS = "word/_rels/document.xml.rels"


def open_document(data: bytes):  # type: ignore[no-untyped-def]
    """The python-docx document of a .docx, or of a .docm (Word's macro-enabled document, whose main part's
    content type python-docx refuses): its package is read with the main part declared as a .docx's, in memory
    (the macros are never run or kept: their parts are left out, in a .docx that carries them too)."""
    import zipfile

    import docx

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            types = z.read("[Content_Types].xml")
            if not _MACRO_MAIN.search(types) and not _MACRO_RELS.search(_read(z, _MAIN_RELS)):
                return docx.Document(io.BytesIO(data))
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
                for info in z.infolist():
                    body = z.read(info.filename)
                    if info.filename == "[Content_Types].xml":
                        body = _MACRO_MAIN.sub(_DOCX_MAIN, types)
                    elif info.filename == _MAIN_RELS:
                        body = _MACRO_RELS.sub(b"", body)
                    w.writestr(info, body)
    except (zipfile.BadZipFile, KeyError):
        return docx.Document(io.BytesIO(data))  # python-docx says what is wrong with it
    return docx.Document(io.BytesIO(out.getvalue()))


def _read(z, name: str) -> bytes:  # type: ignore[no-untyped-def]
    """A member's bytes, empty when there is none (python-docx then says what is missing)."""
    try:
        return z.read(name)  # type: ignore[no-any-return]
    except KeyError:
        return b""
