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
import itertools
import zipfile
from pathlib import Path, PurePosixPath

from lawcheck.errors import InputError
from lawcheck.readers.zipnames import junk, member_name

_MSG = {
    "zh": {
        "nested": "压缩包内的压缩包：请解压后检查其中的报告",
        "encrypted": "压缩包内的文件已加密：请解压（输入密码）后检查",
        "nothing": "压缩包内没有可读的报告文件（共 {n} 个文件：{names}）：请检查是否放错了文件",
        "empty": "是空的压缩包（其中没有文件）：请检查是否放错了文件",
        "members": "压缩包内文件过多（{n} 个，上限 {limit} 个；可用 --max-zip-members 调整）",
        "broken": "压缩包内的文件已损坏，无法读取（{err}）：请重新发送，或解压后检查",
        "method": "压缩包内的文件用了不支持的压缩方式（如 Deflate64）：请用常规 ZIP 压缩重新打包，或解压后检查",
        "changed": "压缩包在检查期间被改动，其中已没有此文件",
        "corrupt": "压缩包已损坏或不完整（读不出其中的文件列表，可能下载或发送时被截断）：请重新发送",
        "overlap": "压缩包结构异常（几个文件指向同一段数据，可能是压缩炸弹）：请解压后检查",
    },
    "en": {
        "nested": "an archive inside the archive: unpack it and check the reports in it",
        "encrypted": "an encrypted file in the archive: unpack it (with its password) and check it",
        "nothing": "no readable report in the archive ({n} files: {names}): was the wrong file sent?",
        "empty": "an empty archive (no file in it): was the wrong file sent?",
        "members": "too many files in the archive ({n}; the limit is {limit}, see --max-zip-members)",
        "broken": ("the file in the archive is damaged and cannot be read ({err}): send it again, or unpack it and "
                   "check"),
        "method": ("the file in the archive uses a compression method lawcheck cannot read (such as Deflate64): "
                   "zip it again with standard compression, or unpack it and check"),
        "changed": "the archive changed during the check: this file is no longer in it",
        "corrupt": ("the archive is damaged or incomplete (its list of files cannot be read; it may have been cut "
                    "off in sending): send it again"),
        "overlap": ("the archive is malformed (several files point at the same data, as in a zip bomb): unpack it "
                    "and check"),
    },
}
_ARCHIVE_SUFFIXES = (".zip", ".rar", ".7z")
def files_of(path: Path, max_members: int) -> list[zipfile.ZipInfo] | int | str | None:
    """The files of the archive of files at ``path``, in the archive's order; None when it is no such archive (a
    Word file or an OFD named .zip, a spreadsheet, not a zip at all): then it is read as the file it is.  The
    number of its entries when there are more than ``max_members`` (read from the archive's end record before its
    listing is: three million entries took 1 GB to list); "corrupt" for a zip whose listing cannot be read."""
    count = entry_count(path)
    if count is not None and count > max_members:
        return count
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError, RuntimeError, EOFError):
        return "corrupt" if _starts_as_zip(path) else None
    from lawcheck.readers import package_kind

    if package_kind(i.filename for i in infos) != "zip_archive":
        return None
    return infos  # (folders too: a member is read by its place in this listing)


def refusal(listing: int | str, max_members: int, lang: str) -> str:
    """Why an archive is one row: ``files_of``'s count of too many entries, or "corrupt"."""
    m = _MSG.get(lang, _MSG["zh"])
    return m["corrupt"] if isinstance(listing, str) else m["members"].format(n=listing, limit=max_members)


def _starts_as_zip(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == b"PK\x03\x04"
    except OSError:
        return False


_END = b"PK\x05\x06"  # the end of central directory record
_END64_LOCATOR = b"PK\x06\x07"
_END64 = b"PK\x06\x06"


def entry_count(path: Path) -> int | None:
    """The number of entries the archive's end record declares (the ZIP64 record's when it has one); None when it
    cannot be read (zipfile then says what is wrong)."""
    try:
        with path.open("rb") as f:
            f.seek(0, 2)
            size = f.tell()
            tail_at = max(0, size - (1 << 16) - 22)
            f.seek(tail_at)
            tail = f.read()
            at = tail.rfind(_END)
            if at == -1 or len(tail) < at + 22:
                return None
            count = int.from_bytes(tail[at + 10:at + 12], "little")
            if count != 0xFFFF or at < 20 or tail[at - 20:at - 16] != _END64_LOCATOR:
                return count
            f.seek(int.from_bytes(tail[at - 12:at - 4], "little"))
            record = f.read(40)
            return int.from_bytes(record[32:40], "little") if record[:4] == _END64 else None
    except (OSError, ValueError):
        return None


def members(shown: str, infos: list[zipfile.ZipInfo], globs: list[str], lang: str,
            ) -> tuple[list[tuple[str, str, str | None]], list[str]]:
    """The rows an archive of files gives, as (name shown, the member — its place in the archive's listing and its
    name as zipfile reads it, "3/报告.txt" — why it cannot be read or None), and the names of the files in it that
    no pattern matches (``shown``: the archive's own name).

    A member that matches ``globs`` is a row; an archive inside the archive, an encrypted member are rows that say
    so; the archiver's own files are left out.  An archive whose entries share their data (a zip bomb's overlapping
    entries) or with no report in it at all is one row of its own, so the unit that sent it is never missing from
    the table.  Each report is bounded as a file of a folder is (its declared size against --max-bytes, when it is
    read): a province's zip of 300 reports is no bomb."""
    m = _MSG.get(lang, _MSG["zh"])
    lowered = [g.lower() for g in globs]
    rows: list[tuple[str, str, str | None]] = []
    others: list[str] = []
    taken = [(n, i) for n, i in enumerate(infos) if not i.is_dir() and not junk(member_name(i))]
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
    if _overlapping([i for _, i in taken]):
        return [(shown, "", m["overlap"])], []
    if not taken:  # (an empty zip, or one of folders and an archiver's own files only: "共 0 个文件：—" said nothing)
        return [(shown, "", m["empty"])], []
    if not rows:
        names = "、".join(PurePosixPath(member_name(i)).name for _, i in taken[:5]) + ("…" if len(taken) > 5 else "")
        return [(shown, "", m["nothing"].format(n=len(taken), names=names or "—"))], []
    return rows, others


def _overlapping(infos: list[zipfile.ZipInfo]) -> bool:
    """Whether two entries' data overlap: each entry's local header and data end before the next one starts (Python
    3.11's zipfile does not check; 3.12's does)."""
    spans = sorted((i.header_offset, i.header_offset + 30 + _name_bytes(i) + i.compress_size) for i in infos)
    return any(nxt[0] < end for (_, end), nxt in itertools.pairwise(spans))


def _name_bytes(info: zipfile.ZipInfo) -> int:
    """The length of the name as stored (UTF-8 when the archive says so, else the bytes zipfile read as CP437)."""
    codec = "utf-8" if info.flag_bits & 0x800 else "cp437"
    try:
        return len(info.orig_filename.encode(codec))
    except UnicodeEncodeError:
        return len(info.orig_filename.encode("utf-8", "surrogateescape"))


# The archive a process read its last member from, open, with its listing: reading each of 10,000 members
# from a freshly opened archive re-read the whole listing each time (296 s against 11 s for the files unpacked).
_OPEN: dict[str, object] = {}


def _archive(path: Path) -> tuple[zipfile.ZipFile, list[zipfile.ZipInfo]]:
    st = path.stat()
    key = (str(path), st.st_mtime_ns, st.st_size)
    if _OPEN.get("key") != key:
        old = _OPEN.get("zip")
        if isinstance(old, zipfile.ZipFile):
            old.close()
        _OPEN.clear()
        zf = zipfile.ZipFile(path)
        _OPEN.update(key=key, zip=zf, infos=zf.infolist())
    return _OPEN["zip"], _OPEN["infos"]  # type: ignore[return-value]


def read_member(shown: str, path: Path, member: str, lang: str, max_bytes: int | None) -> bytes:
    """A member's bytes ("3/报告.txt": its place in the listing and its name, which must still agree); one declared
    larger than ``max_bytes`` is refused before it is inflated."""
    from lawcheck.limits import human_bytes
    from lawcheck.readers.base import msg

    m = _MSG.get(lang, _MSG["zh"])
    try:
        zf, infos = _archive(path)
        place, _, name = member.partition("/")
        index = int(place) if place.isdigit() else -1
        if not 0 <= index < len(infos) or infos[index].filename != name:
            # the archive made again since it was listed: the member by its name, when one entry has it
            named = [i for i in infos if i.filename == name]
            if len(named) != 1:
                raise InputError(shown, m["changed"])
            infos = named
            index = 0
        info = infos[index]
        if max_bytes is not None and info.file_size > max_bytes:
            raise InputError(shown, msg(lang, "too_big", size=human_bytes(info.file_size),
                                        limit=human_bytes(max_bytes)))
        with zf.open(info) as f:
            return f.read() if max_bytes is None else f.read(max_bytes + 1)
    except InputError:
        raise
    except NotImplementedError:  # a compression method zipfile lacks (Deflate64, PPMd)
        raise InputError(shown, m["method"]) from None
    except Exception as e:  # a bad CRC, a damaged stream (zlib.error), a cut archive: one line, the batch goes on
        _OPEN.clear()  # (not kept open: the next member opens it afresh)
        raise InputError(shown, m["broken"].format(err=_short(e))) from None


def _short(e: Exception) -> str:
    """What went wrong, in a few words a reader can pass on ("Bad CRC-32", "invalid bit length repeat")."""
    text = str(e).splitlines()[0] if str(e) else type(e).__name__
    return text.split(":")[-1].strip()[:60] or type(e).__name__
