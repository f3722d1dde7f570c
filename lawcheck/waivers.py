"""Waivers: an exception accepted once, with a reason and an end date, instead of the same red line every time.

    [[waivers]]
    rule = "form.recipients"
    reason = "公开版本不含主送机关"
    until = 2026-06-30          # required: a waiver without an end date is refused
    files = ["*公开版*"]         # optional: file-name patterns; every input when absent

Read from ``lawcheck.toml`` (or ``[tool.lawcheck]``) at the edge: each is checked when the settings are read
(an error names the file and the line), its rule id against the pack once the pack is loaded, its end date
against today (a waiver that has run out no longer applies, and is warned about), and its ``files`` against
each input's name.  The core (``engine.waive``) applies what it is given.
"""

from __future__ import annotations

import datetime as dt
import difflib
import fnmatch
from collections.abc import Iterable
from pathlib import Path, PurePath
from typing import Any

from lawcheck import rx
from lawcheck.errors import Msg, WaiverError
from lawcheck.model import Waiver

_KEYS = ("rule", "reason", "until", "files")
_HEADER = rx.compile(r"^\s*\[\[\s*(?:tool\s*\.\s*lawcheck\s*\.\s*)?waivers\s*\]\]\s*(?:#.*)?$")
_TABLE = rx.compile(r"^\s*\[")
# Where ``waivers`` is written when it is not an array of tables: ``waivers = [...]``, dotted ``waivers.x = …``,
# or a single ``[waivers]`` table (an error: its line is named).
_ARRAY_KEY = rx.compile(r"^\s*waivers\s*[=.]")
_SINGLE = rx.compile(r"^\s*\[\s*(?:tool\s*\.\s*lawcheck\s*\.\s*)?waivers\s*[\].]")
_KEY = rx.compile(r"""^\s*(["']?)([A-Za-z0-9_-]+)\1\s*=""")


def parse(raw: Any, path: Path) -> list[Waiver]:
    """The ``waivers`` array of a settings file as Waivers, each knowing its file and line; the first
    problem raises WaiverError naming the file, the line and what is wrong."""
    lines = _lines(path)
    if not isinstance(raw, list):
        raise WaiverError(_at(path, lines.array), Msg("waiver_list"))
    out = []
    for n, entry in enumerate(raw):
        where = lines.of(n)
        if not isinstance(entry, dict):
            raise WaiverError(_at(path, where(None)), Msg("waiver_table", n=n + 1))
        for key in entry:
            if key not in _KEYS:
                raise WaiverError(_at(path, where(key)), Msg("waiver_key", key=key), list(_KEYS))
        rule, reason, until, files = (entry.get(k) for k in _KEYS)
        if not isinstance(rule, str) or not rule.strip():
            raise WaiverError(_at(path, where("rule")), Msg("waiver_rule"))
        if not isinstance(reason, str) or not reason.strip():
            raise WaiverError(_at(path, where("reason")), Msg("waiver_reason"))
        if until is None:
            raise WaiverError(_at(path, where(None)), Msg("waiver_until"))
        day = _date(until)
        if day is None:
            raise WaiverError(_at(path, where("until")), Msg("waiver_date", value=str(until)))
        if isinstance(files, str):
            files = [files]
        if files is not None and (not isinstance(files, list) or not files
                                  or not all(isinstance(f, str) and f.strip() for f in files)):
            raise WaiverError(_at(path, where("files")), Msg("waiver_files"))
        out.append(Waiver(rule=rule.strip(), reason=reason.strip(), until=day, files=files,
                          where=_at(path, where("rule"))))
    return out


def check_rules(waivers: Iterable[Waiver], known: Iterable[str]) -> None:
    """Every waiver names a rule the pack has (a typo would otherwise waive nothing, silently)."""
    ids = sorted(set(known))
    for w in waivers:
        if w.rule not in ids:
            near = difflib.get_close_matches(w.rule, ids, n=1, cutoff=0.6)
            hint = Msg("did_you_mean", near=near[0]) if near else ""
            raise WaiverError(w.where or "waivers", Msg("waiver_unknown", rule=w.rule, hint=hint))


def resolve(waivers: Iterable[Waiver], rules: Iterable[Any], also_known: Iterable[str] = ()) -> list[Waiver]:
    """The waivers checked against the pack's ``rules`` (``check_rules``; ``also_known``: ids named elsewhere,
    such as disabled rules) and each naming its rule by id (a rule's former id is taken)."""
    waivers = list(waivers)
    names = {name: r.id for r in rules for name in (r.id, *r.aliases)}
    check_rules(waivers, [*names, *also_known])
    return [w.model_copy(update={"rule": names.get(w.rule, w.rule)}) for w in waivers]


MAX_SPAN_DAYS = 731  # two years: a waiver is reviewed with each year's report, never set for ever


def as_waivers(waivers: Iterable[Waiver | dict[str, Any]]) -> list[Waiver]:
    """Waivers given from Python, as ``Waiver`` or as dicts (rule, reason, until, files), validated as the
    settings' are (a dict that is no waiver raises ``pydantic.ValidationError``, a ValueError)."""
    return [w if isinstance(w, Waiver) else Waiver.model_validate(w) for w in waivers]


def current(waivers: Iterable[Waiver | dict[str, Any]], today: dt.date) -> tuple[list[Waiver], list[Waiver]]:
    """(those that still apply, those that have run out): a waiver applies to the end of its ``until`` day.
    One that ends more than two years from ``today`` (``until = 9999-12-31``: for ever, in effect) raises
    WaiverError naming it."""
    live, expired = [], []
    limit = today + dt.timedelta(days=MAX_SPAN_DAYS)
    for w in as_waivers(waivers):
        if w.until > limit:
            raise WaiverError(w.where or "waivers", Msg("waiver_too_long", until=w.until.isoformat(),
                                                         limit=limit.isoformat()))
        (live if w.until >= today else expired).append(w)
    return live, expired


def for_file(waivers: Iterable[Waiver | dict[str, Any]], name: str) -> tuple[Waiver, ...]:
    """The waivers that apply to the input called ``name`` (as given: a path, or ``-`` for standard input):
    those without ``files``, and those with a pattern matching the file's name or its path."""
    p = PurePath(name)
    whole = p.as_posix()
    return tuple(w for w in as_waivers(waivers) if w.files is None or (
        name != "-" and any(_matches(pat, p.name, whole) for pat in w.files)))


def _matches(pattern: str, name: str, whole: str) -> bool:
    """A ``files`` pattern against an input's name or path: ``\\`` is taken as ``/`` (a path copied from
    Windows), and a leading ``**/`` (any folder) also matches no folder at all (``**/*公开版*`` matches
    ``x公开版.docx`` given on its own, as a shell's globstar does)."""
    pat = pattern.replace("\\", "/")
    tried = [pat]
    while pat.startswith("**/"):
        pat = pat[3:]
        tried.append(pat)
    return any(fnmatch.fnmatchcase(name, t) or fnmatch.fnmatchcase(whole, t) for t in tried)


def today() -> dt.date:
    """Today, or the day ``LAWCHECK_TODAY`` names (to re-run a past review as it was, or a documented example)."""
    import os

    given = os.environ.get("LAWCHECK_TODAY")
    if given:
        try:
            return dt.date.fromisoformat(given.strip())
        except ValueError:
            pass
    return dt.date.today()


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _at(path: Path, line: int | None) -> str:
    """``lawcheck.toml:7``: the file as the user knows it (relative to where lawcheck runs, when it is below)."""
    try:
        shown = path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        shown = str(path)
    return f"{shown}:{line}" if line else shown


class _Lines:
    """Where each waiver and its keys are written (tomllib keeps no positions): the n-th ``[[waivers]]``
    table, or the ``waivers = [...]`` line for an inline array."""

    def __init__(self, text: str) -> None:
        self.blocks: list[tuple[int, dict[str, int]]] = []
        self.array: int | None = None
        current: dict[str, int] | None = None
        for i, line in enumerate(text.splitlines(), 1):
            if _HEADER.match(line):
                current = {}
                self.blocks.append((i, current))
                continue
            if _TABLE.match(line):
                current = None
                if self.array is None and _SINGLE.match(line):
                    self.array = i
                continue
            if self.array is None and _ARRAY_KEY.match(line):
                self.array = i
            if current is not None:
                m = _KEY.match(line)
                if m and m.group(2) not in current:
                    current[m.group(2)] = i

    def of(self, n: int):  # type: ignore[no-untyped-def]
        def where(key: str | None) -> int | None:
            if n < len(self.blocks):
                header, keys = self.blocks[n]
                return keys.get(key, header) if key else header
            return self.array

        return where


def _lines(path: Path) -> _Lines:
    try:
        return _Lines(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return _Lines("")
