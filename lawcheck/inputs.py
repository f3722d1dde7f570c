"""Which files to check, and reading them: the edge where paths and bytes come in."""

from __future__ import annotations

import errno
import fnmatch
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lawcheck import rx
from lawcheck.errors import InputError
from lawcheck.limits import Limits
from lawcheck.written import origin

_MSG = {
    "zh": {
        "not_found": "文件不存在",
        "unreadable": "无法读取：{err}",
        "empty": "文件为空",
        "folder": "无法读取文件夹，其中的文件未检查：{err}",
        "no_writer": "命名管道没有程序写入（等待2秒后放弃）",
        "loop": "符号链接循环，已跳过",
        "dangling": "链接指向的文件不存在，已跳过",
        "special": "不是普通文件（{what}），已跳过",
        "lawcheck_page": "带有 lawcheck 生成标记的网页，但不是本机本用户运行 lawcheck 写出的，已跳过"
                         "（如确为报告，请直接指定该文件）",
        "kind_FIFO": "命名管道", "kind_folder": "文件夹", "kind_socket": "套接字", "kind_device": "设备",
    },
    "en": {
        "not_found": "no such file",
        "unreadable": "cannot read: {err}",
        "empty": "the file is empty",
        "folder": "cannot read the folder; its files were not checked: {err}",
        "no_writer": "a named pipe that nothing writes to (gave up after 2 seconds)",
        "loop": "a symbolic link loop; skipped",
        "dangling": "a link to a file that does not exist; skipped",
        "special": "not a regular file ({what}); skipped",
        "lawcheck_page": "a web page with lawcheck's generator mark that this user's lawcheck did not write;"
                         " skipped (name the file itself if it is a report)",
        "kind_FIFO": "a FIFO", "kind_folder": "a folder", "kind_socket": "a socket", "kind_device": "a device",
    },
}


@dataclass(frozen=True)
class Source:
    """One input: a file, or standard input (``path`` None).  ``name`` is what a person reads (bytes of
    a file name that are not UTF-8 as U+FFFD); ``skip`` says why the folder walk could not take it."""

    name: str
    path: Path | None
    skip: str | None = None
    member: str | None = None  # a file inside the zip at ``path`` (as zipfile names it): a report sent zipped

    @property
    def raw_name(self) -> str | None:
        """The name with its undecodable bytes as \\xNN escapes, when it differs from ``name``."""
        if self.path is None:
            return None
        # Compared with the path as the walk spelled it, not with ``name`` ("./a.txt" is shown for "a.txt").
        raw = escaped_name(str(self.path))
        if raw is None or raw == display_name(str(self.path)):
            return None
        if self.member is None:
            return raw
        shown = display_name(str(self.path))  # the archive's name as shown, then its member's
        return raw + (self.name[len(shown):] if self.name.startswith(shown) else "/" + self.name.rsplit("/", 1)[-1])


def display_name(name: str) -> str:
    """A file name as a person reads it: bytes that are not UTF-8 (a name from another system, kept
    by Python as lone surrogates) become U+FFFD, so the name can be printed and written anywhere."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        try:
            return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        except UnicodeEncodeError:
            return name.encode("utf-8", "replace").decode("utf-8")


def escaped_name(name: str) -> str:
    """The name's bytes, undecodable ones as \\xNN: the exact file, for a script to find it again."""
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


def expand(args: list[str], globs: list[str], lang: str = "zh", left_out: list[str] | None = None,
           unsupported: list[str] | None = None, writing: Iterable[str] = (),
           known: Iterable[Path] = (), limits: Limits | None = None, open_zips: bool = True,
           empty: list[str] | None = None) -> list[Source]:
    """Files as given, directories searched (every level, without recursion in Python, links to
    folders not followed) for ``globs``, '-' for standard input.

    Order is stable: arguments in the order given, a directory's files sorted by path.  Missing
    paths are kept, so that they are reported in their place; so is what the walk met and could not
    take (a FIFO or a device with a report's name, a link loop, a dangling link, a folder it could
    not read), with the reason.  The files this user's lawcheck wrote (recorded by their bytes) are left out of
    a folder's files; ``left_out`` receives their names, for the caller to say so, and so does the file standard
    output was sent to when the shell has just emptied it (``writing``: ``output_identities``).  A file the run
    would write that holds anything else stays an input: the caller refuses to write over it (it may be a report
    of the folder: only bytes lawcheck recorded make a file its own).  A folder's
    files that no pattern matches are named in ``unsupported`` (when given): a scan sent as .jpg must not
    vanish from a reviewer's table without a word (hidden files, Office lock files and system files aside,
    and the files the run reads itself, ``known``: its settings, its pairs file).  A .zip of files (a unit's
    materials sent zipped) gives a source for each of its files that matches ``globs``, in its place
    (``lawcheck.archives``, within ``limits``); with ``open_zips`` False a zip stays one input.  A folder given in
    ``args`` in which the walk met nothing at all (no file, in any format) is named in ``empty`` (when given): among
    other inputs it adds no row, and must not vanish without a word either.
    """
    m = _MSG.get(lang, _MSG["zh"])
    lim = limits or Limits()
    out: list[Source] = []
    seen: set[str] = set()
    writing = set(writing)
    quiet = writing | {_identity(p) for p in known}
    # Only standard output is emptied by the shell before the run ("> 报告/结果.txt"); an empty file named by -o is
    # a report of the folder like any other (an empty one is said so in the batch), never taken for lawcheck's.
    shell = _stdout_identity() if writing else None
    shown: set[str] = set()  # names as shown: two undecodable names must not read the same (one page, one row)
    for arg in args:
        if arg == "-":
            if "\0stdin" not in seen:  # standard input can be read once: "- -" is one input, as "a.txt a.txt" is
                seen.add("\0stdin")
                out.append(Source("-", None))
            continue
        p = Path(arg)
        if p.is_dir():
            others: list[str] | None = [] if unsupported is not None else None
            met = False
            for f in _walk(p, globs, m, others):
                met = True
                if f.skip is None and f.path is not None:
                    made = origin(f.path)
                    if made is None and shell is not None and _identity(f.path) == shell and _empty(f.path):
                        made = "ours"  # standard output sent here ("> 报告/结果.txt"): the shell emptied it
                    if made == "ours":
                        # lawcheck's own output, from an earlier run into the same folder: named by the caller
                        if left_out is not None:
                            left_out.append(f.name)
                        continue
                    if made == "marked":  # the mark alone hides nothing: said in the batch, with the reason
                        f = Source(f.name, f.path, m["lawcheck_page"])
                key = _identity(f.path)
                if key not in seen:
                    seen.add(key)
                    out.extend((open_zips and _zipped(f, globs, lang, lim, others)) or [_unique(f, shown)])
            for other in others or []:  # lawcheck's own CSV or JSON Lines is no report sent in a wrong format
                if _identity(Path(other)) not in quiet and origin(Path(other)) != "ours":
                    assert unsupported is not None
                    unsupported.append(display_name(other))
            if not met and not others and empty is not None:
                empty.append(display_name(arg))
        elif _identity(p) not in seen:  # one file however it is named: "./a.txt", "d/../a.txt", a link to it
            seen.add(_identity(p))
            src = Source(display_name(arg), p)
            out.extend((open_zips and _zipped(src, globs, lang, lim, unsupported)) or [_unique(src, shown)])
    return out


def _zipped(src: Source, globs: list[str], lang: str, lim: Limits, unsupported: list[str] | None
            ) -> list[Source] | None:
    """The sources of a .zip of files, or None for any other input (a Word file named .zip is read as one)."""
    if src.skip is not None or src.path is None or not str(src.path).lower().endswith(".zip") \
            or not os.path.isfile(src.path):
        return None
    from lawcheck import archives  # (imported only for a zip: the check of one report never pays for it)

    infos = archives.files_of(src.path, lim.max_zip_members)
    if infos is None:
        return None
    if isinstance(infos, (int, str)):  # too many entries, or a listing that cannot be read: one row that says so
        return [Source(src.name, src.path, archives.refusal(infos, lim.max_zip_members, lang))]
    rows, others = archives.members(src.name, infos, globs, lang)
    if unsupported is not None:
        unsupported.extend(others)
    return [Source(name, src.path, why, member or None) for name, member, why in rows]


def output_identities(output: str | None) -> set[str]:
    """What this run writes, as ``_identity`` names files: the output file (when it is there already: a second
    run into the folder it checks) and standard output when it is a file ("lawcheck check 报告 > 报告/结果.txt")."""
    found = set()
    if output and output != "-" and os.path.exists(output):
        found.add(_identity(Path(output)))
    out = _stdout_identity()
    if out is not None:
        found.add(out)
    return found


def stdout_input(sources: Iterable[Source]) -> str | None:
    """The name of the input standard output is sent to ("lawcheck check 报告.txt >> 报告.txt"), or None: the
    shell opened it for writing, so the result would go into the report itself."""
    out = _stdout_identity()
    if out is None:
        return None
    return next((src.name for src in sources if src.path is not None and _identity(src.path) == out), None)


def _stdout_identity() -> str | None:
    """Standard output as ``_identity`` names a file, when it is one (not a terminal or a pipe)."""
    try:
        st = os.fstat(1)
    except OSError:
        return None
    return f"file:{st.st_dev}:{st.st_ino}" if stat.S_ISREG(st.st_mode) else None


def _empty(path: Path) -> bool:
    try:
        return os.stat(path).st_size == 0
    except OSError:
        return False


def _identity(path: Path) -> str:
    """What makes two names one file: the device and inode (a hard or symbolic link, "d/../d/a.txt", an absolute
    path), or, for a name that is not there (reported in its place), the path with "." and ".." folded."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return "path:" + os.path.normpath(os.path.abspath(path))
    return f"file:{st.st_dev}:{st.st_ino}"


def _unique(src: Source, shown: set[str]) -> Source:
    name = src.name
    if name in shown and src.raw_name:
        name = f"{name} [{src.raw_name}]"  # the exact bytes tell it from the other
    shown.add(name)
    return src if name == src.name else Source(name, src.path, src.skip)


def _walk(top: Path, globs: list[str], m: dict[str, str], unsupported: list[str] | None = None) -> list[Source]:
    """Every file under ``top`` whose name matches ``globs`` (case-insensitive: REPORT.DOCX from a
    Windows machine too; a name starting with "." too: on Windows it is no hidden file), hidden folders left
    out; sorted by path.  ``unsupported`` receives the paths of
    the other files (sorted), but for lock and system files no one sends as a report."""
    lowered = [g.lower() for g in globs]
    others: list[str] = []
    found: list[tuple[Path, Source]] = []
    stack = [str(top)]
    while stack:
        d = stack.pop()
        try:
            with os.scandir(d) as it:
                entries = list(it)
        except OSError as e:
            p = Path(d)
            found.append((p, Source(display_name(d), p, m["folder"].format(err=_reason(e, m)))))
            continue
        for e in entries:
            # Office's lock file beside an open document ("~$报告.docx"; WPS and LibreOffice: ".~报告.docx",
            # ".~lock.报告.docx#"; Emacs: ".#报告.txt"), macOS's resource fork ("._报告.docx")
            if e.name.startswith(("~$", "._", ".~", ".#")):
                continue
            hidden = e.name.startswith(".")
            try:
                if e.is_dir(follow_symlinks=False):
                    if not hidden:  # (.git, .cache: a tool's, not the reports')
                        stack.append(e.path)
                    continue
            except OSError:
                pass
            if not any(fnmatch.fnmatchcase(e.name.lower(), g) for g in lowered):
                # (only a regular file: a link to a folder is not followed, a pipe or a dangling link is no document;
                # a hidden file in no format lawcheck reads is a tool's: .DS_Store, .gitignore)
                if unsupported is not None and not hidden and not _SYSTEM_FILE.match(e.name) and _regular(e):
                    others.append(e.path)
                continue
            p = Path(e.path)
            found.append((p, Source(display_name(e.path), p, _not_a_file(e.path, m))))
    found.sort(key=lambda x: x[0])
    if unsupported is not None:
        unsupported.extend(sorted(others))
    return [s for _, s in found]


# Office's lock files ("~$报告.docx"), its temporary files, Windows' and macOS's folder files.
_SYSTEM_FILE = rx.compile(r"^(?:~\$.*|~.*\.tmp|thumbs\.db|desktop\.ini|ehthumbs\.db|icon\r|.*:zone\.identifier)$",
                          re.IGNORECASE)  # compiled once per machine, as lawcheck's other patterns


def _regular(entry: os.DirEntry) -> bool:  # type: ignore[type-arg]
    try:
        return entry.is_file(follow_symlinks=False)
    except OSError:
        return False


def _reason(e: OSError, m: dict[str, str]) -> str:
    from lawcheck.readers.base import os_reason

    return os_reason(e, "zh" if m is _MSG["zh"] else "en")


def _not_a_file(path: str, m: dict[str, str]) -> str | None:
    """Why a matching entry cannot be read as a file (None: it can)."""
    try:
        st = os.stat(path)  # through a link: what it points at
    except OSError as e:
        if e.errno == errno.ELOOP:
            return m["loop"]
        if e.errno == errno.ENOENT and os.path.islink(path):
            return m["dangling"]
        return m["unreadable"].format(err=_reason(e, m))
    if stat.S_ISREG(st.st_mode):
        return None
    what = ("FIFO" if stat.S_ISFIFO(st.st_mode) else "folder" if stat.S_ISDIR(st.st_mode)
            else "socket" if stat.S_ISSOCK(st.st_mode) else "device")
    return m["special"].format(what=m["kind_" + what])


def read_bytes(src: Source, lang: str = "zh", max_bytes: int | None = None) -> bytes:
    """The file's bytes; one larger than ``max_bytes`` is refused before it is read."""
    m = _MSG.get(lang, _MSG["zh"])
    assert src.path is not None
    try:
        if src.member is not None:  # a file in a zip: its declared size was held against max_bytes before inflating
            from lawcheck.archives import read_member

            data = read_member(src.name, src.path, src.member, lang, max_bytes)
            size = 0
        elif stat.S_ISFIFO((st := os.stat(src.path)).st_mode):
            data = _read_pipe(src, m, max_bytes)
            size = len(data)
        elif max_bytes is None:
            data = src.path.read_bytes()
            size = len(data)
        else:
            # Size first (the message can say how large); then a bounded read, because a device such
            # as /dev/zero has no size to ask.
            size = st.st_size
            data = b""
            if size <= max_bytes:
                with src.path.open("rb") as f:
                    data = f.read(max_bytes + 1)
        if max_bytes is not None and (size > max_bytes or len(data) > max_bytes):
            from lawcheck.limits import human_bytes
            from lawcheck.readers import msg

            shown = human_bytes(size) if size > max_bytes else f"> {human_bytes(max_bytes)}"
            raise InputError(src.name, msg(lang, "too_big", size=shown, limit=human_bytes(max_bytes)))
    except FileNotFoundError:
        raise InputError(src.name, m["not_found"]) from None
    except OSError as e:
        raise InputError(src.name, m["unreadable"].format(err=_reason(e, m))) from None
    if not data.strip():
        raise InputError(src.name, m["empty"])
    return data


_WRITER_WAIT = 2.0  # seconds a named pipe may take to get its writer (a command started beside lawcheck)


def _read_pipe(src: Source, m: dict[str, str], max_bytes: int | None) -> bytes:
    """A named pipe given on the command line (``<(command)`` in bash is one): read while something
    writes to it; one that nobody writes to is an error at once, not a wait until --timeout.

    Opening a FIFO for reading blocks until a writer opens it, so it is opened non-blocking; a read
    then returns b"" while there is no writer, EAGAIN while a writer has not written yet.
    """
    import time

    assert src.path is not None
    fd = os.open(src.path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        deadline = time.monotonic() + _WRITER_WAIT
        while True:
            try:
                first = os.read(fd, 1 << 16)
            except BlockingIOError:
                break  # a writer is there: read the rest blocking (--timeout still bounds it)
            if first:
                break
            if time.monotonic() > deadline:
                raise InputError(src.name, m["no_writer"])
            time.sleep(0.05)
        os.set_blocking(fd, True)
        chunks = [first] if isinstance(first, bytes) and first else []
        size = sum(map(len, chunks))
        limit = max_bytes + 1 if max_bytes is not None else None
        while limit is None or size < limit:
            chunk = os.read(fd, 1 << 20 if limit is None else min(1 << 20, limit - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
