"""Opening a Word package with python-docx, shared by the reader and the Word output: a .docm (Word's
macro-enabled document) is opened as the .docx it otherwise is, in memory."""

from __future__ import annotations

import io
import re

_MACRO_MAIN = re.compile(rb'ContentType="[^"]{0,80}macroEnabled\.main\+xml"')
_DOCX_MAIN = b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"'


def open_document(data: bytes):  # type: ignore[no-untyped-def]
    """The python-docx document of a .docx, or of a .docm (Word's macro-enabled document, whose main part's
    content type python-docx refuses): its package is read with the main part declared as a .docx's, in memory
    (the macros are never run or kept)."""
    import zipfile

    import docx

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            types = z.read("[Content_Types].xml")
            if not _MACRO_MAIN.search(types):
                return docx.Document(io.BytesIO(data))
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
                for info in z.infolist():
                    body = z.read(info.filename)
                    w.writestr(info, _MACRO_MAIN.sub(_DOCX_MAIN, types) if info.filename == "[Content_Types].xml"
                               else body)
    except (zipfile.BadZipFile, KeyError):
        return docx.Document(io.BytesIO(data))  # python-docx says what is wrong with it
    return docx.Document(io.BytesIO(out.getvalue()))
