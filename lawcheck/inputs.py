"""Which files to check, and reading them: the edge where paths and bytes come in."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from pathlib import Path

from lawcheck.errors import InputError

_MSG = {
    "zh": {
        "not_found": "文件不存在",
        "unreadable": "无法读取：{err}",
        "empty": "文件为空",
    },
    "en": {
        "not_found": "no such file",
        "unreadable": "cannot read: {err}",
        "empty": "the file is empty",
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
                # Case-insensitive: REPORT.DOCX from a Windows machine is read when named, so found too.
                if f.is_file() and any(fnmatch.fnmatchcase(f.name.lower(), g.lower()) for g in globs)
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            for f in found:
                if _written_by_lawcheck(f):
                    continue  # lawcheck's own HTML pages, from an earlier run into the same folder
                if str(f) not in seen:
                    seen.add(str(f))
                    out.append(Source(str(f), f))
        elif arg not in seen:
            seen.add(arg)
            out.append(Source(arg, p))
    return out


_GENERATOR = b'<meta name="generator" content="lawcheck">'


def _written_by_lawcheck(path: Path) -> bool:
    """An HTML page lawcheck wrote carries its generator mark near the top."""
    if path.suffix.lower() not in (".html", ".htm"):
        return False
    try:
        with path.open("rb") as f:
            return _GENERATOR in f.read(2048)
    except OSError:
        return False


def read_bytes(src: Source, lang: str = "zh", max_bytes: int | None = None) -> bytes:
    """The file's bytes; one larger than ``max_bytes`` is refused before it is read."""
    m = _MSG.get(lang, _MSG["zh"])
    assert src.path is not None
    try:
        if max_bytes is None:
            data = src.path.read_bytes()
        else:
            # Size first (the message can say how large); then a bounded read, because a pipe or
            # a device such as /dev/zero has no size to ask.
            size = src.path.stat().st_size
            if size <= max_bytes:
                with src.path.open("rb") as f:
                    data = f.read(max_bytes + 1)
            if size > max_bytes or len(data) > max_bytes:
                from lawcheck.limits import human_bytes
                from lawcheck.readers import msg

                shown = human_bytes(size) if size > max_bytes else f"> {human_bytes(max_bytes)}"
                raise InputError(src.name, msg(lang, "too_big", size=shown, limit=human_bytes(max_bytes)))
    except FileNotFoundError:
        raise InputError(src.name, m["not_found"]) from None
    except OSError as e:
        raise InputError(src.name, m["unreadable"].format(err=e.strerror or e)) from None
    if not data.strip():
        raise InputError(src.name, m["empty"])
    return data
