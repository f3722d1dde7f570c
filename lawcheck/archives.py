"""Reports sent zipped: a .zip in a checked folder, or named on the command line, is read member by member,
each member a row of the batch as a file of the folder would be (``报送材料.zip/灵寿县2023年报告.docx``).

Nothing is unpacked to disk, so a member's name (``../../x``, an absolute path) can point nowhere: it is only a
label.  Each member is read into memory on its own, within the limits a file obeys (its declared size against
--max-bytes before it is inflated; zipfile never inflates past the declared size), and the archive's member count
within --max-zip-members.  A .docx or .ofd renamed .zip, a spreadsheet, a broken zip: not an archive of files,
read (or refused) as the file it is.  RAR and 7z archives stay rows that ask to unpack them: no library that
installs everywhere reads them.
"""

from __future__ import annotations

import fnmatch
import zipfile
from pathlib import Path, PurePosixPath

from lawcheck.errors import InputError

_MSG = {
    "zh": {
        "nested": "压缩包内的压缩包：请解压后检查其中的报告",
        "encrypted": "压缩包内的文件已加密：请解压（输入密码）后检查",
        "nothing": "压缩包内没有可读的报告文件（共 {n} 个文件：{names}）：请检查是否放错了文件",
        "members": "压缩包内文件过多（{n} 个，上限 {limit} 个；可用 --max-zip-members 调整）",
        "broken": "压缩包内的文件无法读取：{err}",
        "changed": "压缩包在检查期间被改动，其中已没有此文件",
    },
    "en": {
        "nested": "an archive inside the archive: unpack it and check the reports in it",
        "encrypted": "an encrypted file in the archive: unpack it (with its password) and check it",
        "nothing": "no readable report in the archive ({n} files: {names}): was the wrong file sent?",
        "members": "too many files in the archive ({n}; the limit is {limit}, see --max-zip-members)",
        "broken": "the file in the archive cannot be read: {err}",
        "changed": "the archive changed during the check: this file is no longer in it",
    },
}
_ARCHIVE_SUFFIXES = (".zip", ".rar", ".7z")
# Folders and files an archiver adds beside the documents: macOS's resource forks, Windows' folder files.
_JUNK_PARTS = ("__MACOSX",)
_JUNK_FILES = ("thumbs.db", "desktop.ini", ".ds_store")


def is_archive_name(name: str) -> bool:
    return name.lower().endswith(".zip")


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


def files_of(path: Path) -> list[zipfile.ZipInfo] | None:
    """The files of the archive of files at ``path``, in the archive's order; None when it is no such archive (a
    Word file or an OFD named .zip, a spreadsheet, not a zip at all): then it is read as the file it is."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError, RuntimeError, EOFError):
        return None
    names = {i.filename for i in infos}
    if names & {"word/document.xml", "OFD.xml", "xl/workbook.xml", "ppt/presentation.xml"}:
        return None
    return [i for i in infos if not i.is_dir()]


def _junk(name: str) -> bool:
    parts = PurePosixPath(name.replace("\\", "/")).parts
    base = parts[-1] if parts else ""
    # (hidden: ".x", not "..": a name climbing out is only a label here, and shown as it is)
    return (any(p in _JUNK_PARTS or (p.startswith(".") and p.strip(".")) for p in parts) or base.startswith("~$")
            or base.lower() in _JUNK_FILES)


def members(shown: str, infos: list[zipfile.ZipInfo], globs: list[str], lang: str, max_members: int,
            ) -> tuple[list[tuple[str, str, str | None]], list[str]]:
    """The rows an archive of files gives, as (name shown, the member — its place in the archive's listing and its
    name as zipfile reads it, "3/报告.txt" — why it cannot be read or None), and the names of the files in it that
    no pattern matches (``shown``: the archive's own name).

    A member that matches ``globs`` is a row; an archive inside the archive, an encrypted member are rows that say
    so; the archiver's own files are left out.  An archive with too many members, or no report in it at all, is
    one row of its own, so the unit that sent it is never missing from the table."""
    m = _MSG.get(lang, _MSG["zh"])
    if len(infos) > max_members:
        return [(shown, "", m["members"].format(n=len(infos), limit=max_members))], []
    lowered = [g.lower() for g in globs]
    rows: list[tuple[str, str, str | None]] = []
    others: list[str] = []
    taken = [(n, i) for n, i in enumerate(infos) if not _junk(member_name(i))]
    seen: dict[str, int] = {}
    for index, info in sorted(taken, key=lambda x: (member_name(x[1]), x[0])):
        name = member_name(info)
        seen[name] = seen.get(name, 0) + 1
        # (a name stored twice is two files: the second shown with its place, each read by its own place)
        label = f"{shown}/{name}" + (f" [{seen[name]}]" if seen[name] > 1 else "")
        member = f"{index}/{info.filename}"
        base = PurePosixPath(name.replace("\\", "/")).name.lower()
        if base.endswith(_ARCHIVE_SUFFIXES):
            rows.append((label, member, m["nested"]))
        elif not any(fnmatch.fnmatchcase(base, g) for g in lowered):
            others.append(label)
        elif info.flag_bits & 0x1:
            rows.append((label, member, m["encrypted"]))
        else:
            rows.append((label, member, None))
    if not rows:
        names = "、".join(PurePosixPath(member_name(i)).name for _, i in taken[:5]) + ("…" if len(taken) > 5 else "")
        return [(shown, "", m["nothing"].format(n=len(taken), names=names or "—"))], []
    return rows, others


def read_member(shown: str, path: Path, member: str, lang: str, max_bytes: int | None) -> bytes:
    """A member's bytes ("3/报告.txt": its place in the listing and its name, which must still agree); one declared
    larger than ``max_bytes`` is refused before it is inflated."""
    from lawcheck.limits import human_bytes
    from lawcheck.readers.base import msg

    m = _MSG.get(lang, _MSG["zh"])
    try:
        with zipfile.ZipFile(path) as zf:
            place, _, name = member.partition("/")
            infos = zf.infolist()
            index = int(place) if place.isdigit() else -1
            if not 0 <= index < len(infos) or infos[index].filename != name:
                raise InputError(shown, m["changed"])
            info = infos[index]
            if max_bytes is not None and info.file_size > max_bytes:
                raise InputError(shown, msg(lang, "too_big", size=human_bytes(info.file_size),
                                            limit=human_bytes(max_bytes)))
            with zf.open(info) as f:
                return f.read() if max_bytes is None else f.read(max_bytes + 1)
    except InputError:
        raise
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError, RuntimeError, EOFError) as e:
        # a bad CRC, a compression method zipfile lacks (Deflate64), a member encrypted after all, a cut archive
        raise InputError(shown, m["broken"].format(err=str(e).splitlines()[0] if str(e) else type(e).__name__)
                         ) from None
    except Exception as e:  # zlib.error and what else a damaged stream raises: one line, the batch goes on
        raise InputError(shown, m["broken"].format(err=f"{type(e).__name__}: {e}")) from None
