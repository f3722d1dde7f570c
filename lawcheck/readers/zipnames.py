"""The names in a zip a unit sent: as its maker wrote them, and which of them are the files sent (not folders, not an
archiver's or a system's own files).  Shared by the batch's unpacking (``lawcheck.archives``) and a reader's word on a
zip it refuses (``lawcheck.readers``), so both count alike; it imports nothing from lawcheck."""

from __future__ import annotations

import zipfile
from pathlib import PurePosixPath

# Folders and files an archiver adds beside the documents: macOS's resource forks, Windows' folder files.
_JUNK_PARTS = ("__MACOSX",)
_JUNK_FILES = ("thumbs.db", "desktop.ini", ".ds_store")


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its maker wrote it.  A zip made on a Chinese Windows stores names in GBK without
    saying so, and zipfile reads such a name as CP437 ("╬─╝■"): its bytes are taken back and read as UTF-8
    where they are that, else as GB18030."""
    if info.flag_bits & 0x800:  # the archive says the name is UTF-8
        return info.filename
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:  # decoded otherwise by a caller's metadata_encoding: keep it
        return info.filename
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030", "replace")


def sent_names(infos: list[zipfile.ZipInfo]) -> list[str]:
    """The names of the files a unit put in the archive: no folders, no archiver's or system's own files."""
    return [n for i in infos if not i.is_dir() and not junk(n := member_name(i))]


def junk(name: str) -> bool:
    """An archiver's or a system's own file: macOS's resource forks ("__MACOSX/", "._报告.docx"), Office's lock files,
    folder files.  Any other name, a dotted one too ("...报告.txt", ".材料/报告.txt"), is a file the unit sent."""
    parts = PurePosixPath(name.replace("\\", "/")).parts
    base = parts[-1] if parts else ""
    return (any(p in _JUNK_PARTS for p in parts) or base.startswith(("~$", "._")) or base.lower() in _JUNK_FILES)
