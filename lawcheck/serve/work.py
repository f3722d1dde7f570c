"""What the page asks for: bytes in, a checked report out — the readers, limits, pack and gate of
``lawcheck check``, nothing of its own.

A paste of a report's size is checked in the server process: it is the as-you-type path (about 10 ms
for 10,000 characters, the pack already loaded) and text costs time linear in its length.  A file — a
zip to unpack, a PDF to parse, by a library whose worst case is not ours — and a paste too long to be a
report are read and checked in a worker process, as in a batch: stopped after ``--timeout``, its
address space capped at ``--max-memory``, and a crash costs only that request.
"""

from __future__ import annotations

import dataclasses
from pathlib import PurePath

from lawcheck.batch import WARM_REPORT, Options, check_source, pooled
from lawcheck.inputs import Source
from lawcheck.model import Record, construct
from lawcheck.readers import msg

# A report runs to 5,000–30,000 characters; 600,000 bytes of UTF-8 is some 200,000 Chinese characters.
PASTE_IN_PROCESS = 600_000

PASTED = {"zh": "粘贴的文本.txt", "en": "pasted text.txt"}

# A check in a worker when the server is stopped (Ctrl-C): it is stopped too.
STOPPED = {"zh": "本机的 lawcheck 服务正在关闭，检查已停止",
           "en": "lawcheck is stopping on this computer; the check was stopped"}

# The first keystroke should cost what the others do: imports, the pack and the automaton are made at start.

class Checker:
    """Checks what the page sends with one loaded pack and one set of options (``lawcheck.toml``'s and
    the command line's, as ``check`` reads them)."""

    def __init__(self, opts: Options) -> None:
        self.opts = dataclasses.replace(opts, keep_text=True, write=None, previous=None)
        # Text from the page is always UTF-8 (the browser encodes it), whatever --encoding says of files.
        self._paste = dataclasses.replace(self.opts, encoding="utf-8")
        check_source(Source(PASTED.get(opts.lang, PASTED["zh"]), None), self._paste, WARM_REPORT.encode())
        # The readers' libraries (python-docx for the commented copy too) imported now, in one thread: a worker
        # forked while another thread held an import lock would wait out --timeout (found in review).
        from lawcheck.readers import preload

        preload()

    @property
    def lang(self) -> str:
        return self.opts.lang

    def check(self, data: bytes, name: str | None, keep_original: bool = False) -> Record:
        """The record of ``data``: a file called ``name``, or pasted text (``name`` None).  Never raises
        for what the input holds: a problem is the record's one-line ``error``.  ``keep_original``: a Word
        file's own bytes and the map of its text come back on the record (for the commented copy)."""
        paste, opts = self._paste, self.opts
        if keep_original:
            paste, opts = (dataclasses.replace(o, keep_original=True) for o in (paste, opts))
        if opts.waivers:
            # A page left open for days: a waiver that has run out since it started no longer applies.
            from lawcheck.waivers import current, today

            live = tuple(current(opts.waivers, today())[0])
            if len(live) != len(opts.waivers):
                paste, opts = (dataclasses.replace(o, waivers=live) for o in (paste, opts))
        if name is None:
            src = Source(PASTED.get(self.lang, PASTED["zh"]), None)
            if len(data) <= PASTE_IN_PROCESS:
                return check_source(src, paste, data)
            return self._in_worker(src, paste, data)
        return self._in_worker(Source(name, None), opts, data)

    def _in_worker(self, src: Source, opts: Options, data: bytes) -> Record:
        def task(item: Source) -> tuple:  # type: ignore[type-arg]
            return check_source, (item, opts, data)

        def lost(item: Source, why: str, code: int | None) -> Record:
            if why == "timeout":
                why = msg(self.lang, "task_timeout", limit=f"{opts.limits.timeout:g}")
            elif why == "crashed":
                why = msg(self.lang, "crashed", code=code)
            return construct(Record, path=item.name, error=why, gate=[why])

        for rec in pooled([src], task, lost, 1, opts.limits):
            return rec
        why = STOPPED.get(self.lang, STOPPED["zh"])  # the server is stopping (Ctrl-C): the worker was stopped
        return construct(Record, path=src.name, error=why, gate=[why])


def file_name(raw: str | None) -> str | None:
    """The name a file was dropped with, as the readers are told it (its suffix picks the reader) and the
    page shows it: the last path part only, no control characters, at most 200 characters.  It names no
    file on this computer: nothing is ever opened by it."""
    if raw is None:
        return None
    name = PurePath(raw.replace("\\", "/")).name
    name = "".join(c for c in name if c.isprintable())[-200:]
    return name or "report"
