"""Renderers: records in, text out.  They start from the model and never re-run checks.

Every output format is one module in ``lawcheck/render/formats/`` with the same signature:

    FORMAT = Format(name, description, output, needs_text)
    def render(records: list[Record], ctx: Context) -> str      # the whole output
    def record(rec, ctx) -> str                                 # output == "stream": written as checked
    def header(ctx) -> str                                      # (optional) before the first record
    def separator(ctx) -> str                                   # (optional) between two records that wrote text
    def lead(ctx, kept) -> str                                  # (summary_first) before the records, at the end
    def footer(ctx, kept) -> str                                # (optional) after the last; kept: the records of
                                                                # the inputs that could not be read, and with
                                                                # summary=True every record, scorecards slim
    def files(records, ctx) -> dict[str, str]                   # output == "directory" for several inputs

A ``binary`` format (the Word document with comments) returns bytes from ``render`` and ``files``; one that
``needs_original`` is handed each Word input's own bytes and the text's map to them (``Record.original``),
read at the edge: a renderer never opens a file.

The command line's ``--format`` choices and help, ``lawcheck.toml``'s allowed values, batch streaming
and the docs all read this registry (``names``, ``declarations``, ``module``): adding a format is adding its
module.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from functools import lru_cache
from types import ModuleType
from typing import Literal

from lawcheck.gate import Gate
from lawcheck.model import IndicatorInfo, Record, RuleInfo


@dataclass(frozen=True)
class Format:
    """What a format is and what it needs."""

    name: str
    zh: str  # what it is for, in the reader's language
    en: str
    # stream: one record per input, written as each is checked (constant memory for any corpus);
    # document: one text for every input; directory: one file per input and an index (with -o DIR).
    output: Literal["stream", "document", "directory"]
    needs_text: bool = False  # shows the report's text (offsets to lines, the highlighted page)
    needs_rules: bool = False  # describes the pack's rules (CSV's columns, SARIF's rule list): Context.rules
    terminal: bool = False  # made for a terminal (the default there)
    # stream and ends with a batch summary: each record comes back with a slim scorecard (Scorecard.slim)
    # for the footer, never the whole one
    summary: bool = False
    # stream whose batch summary comes first (Markdown): the records are written as checked into a spooled
    # temporary file (memory up to a few MB, then disk) and follow ``lead(ctx, kept)``, the summary, at the end
    summary_first: bool = False
    binary: bool = False  # bytes, not text: never written to a terminal, and files are written as they are
    needs_original: bool = False  # a Word input's own bytes and map (Record.original), to write it back
    # The Python module and lawcheck extra it needs ("docx", "docx"): checked before any input is read, so a
    # missing one is the same one-line "pip install 'lawcheck[docx]'" the readers give.
    requires: tuple[str, str] | None = None

    def description(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class Context:
    """What a renderer is told besides the records (picklable: a streaming worker gets it)."""

    lang: str = "zh"
    gate: Gate = field(default_factory=Gate)
    rules: tuple[RuleInfo, ...] = ()  # the rules checked, in order, for a format that needs_rules
    indicators: tuple[IndicatorInfo, ...] = ()  # the pack's key indicators: CSV columns, a batch's spreads
    verbose: bool = False
    quiet: bool = False  # text and rich: only the score line of each input
    width: int = 100  # rich: the terminal's width
    styled: bool = False  # rich: colours and bold (a terminal without NO_COLOR)
    previous_text: str | None = None  # last year's report (--previous, compare): HTML shows both side by side
    inputs: int = 0  # how many inputs the run has (JSON: one scorecard bare, several as a list), 0: not known
    # A folder was given: JSON lists its reports, each with its path, however many it holds (a script reading a
    # folder's JSON must not meet a bare scorecard, without its path, when the folder holds one report).
    folder: bool = False
    # Inputs left unchecked when the run was stopped (Ctrl-C, SIGTERM): a summary and a SARIF log then say they
    # are not the whole batch (an interrupted 汇总 looked complete).  0: the run finished.
    interrupted: int = 0


_ORDER = ["rich", "text", "json", "jsonl", "csv", "markdown", "junit", "sarif", "html", "docx"]


@lru_cache(maxsize=1)
def names() -> tuple[str, ...]:
    """The formats, by their modules' names, without importing them (a format's name is its module's)."""
    import lawcheck.render.formats as pkg

    # The modules in the formats package, read from its directory (pkgutil would cost a module import).
    found = {name[:-3] for d in pkg.__path__ for name in os.listdir(d)
             if name.endswith(".py") and not name.startswith("_")}
    return tuple(sorted(found, key=lambda n: (_ORDER.index(n) if n in _ORDER else len(_ORDER), n)))


def part(renderer: ModuleType, name: str, *args: object) -> str:
    """A stream format's optional part (``header``, ``separator``, ``lead``, ``footer``): "" when it has none."""
    fn = getattr(renderer, name, None)
    return fn(*args) if fn is not None else ""


def whole(renderer: ModuleType, records: list[Record], ctx: Context) -> str:
    """A stream format's whole document: what the command line writes record by record (the header, each
    record with the separator between two that wrote something, the footer handed every record)."""
    import dataclasses

    ctx = dataclasses.replace(ctx, inputs=len(records))
    written = (renderer.record(rec, ctx) for rec in records)
    body = part(renderer, "separator", ctx).join(line for line in written if line)
    return part(renderer, "header", ctx) + part(renderer, "lead", ctx, records) + body + \
        part(renderer, "footer", ctx, records)


def module(name: str) -> ModuleType:
    """The module of a format, imported on first use (KeyError for an unknown name): a check imports
    only the renderer it writes with."""
    if name not in names():
        raise KeyError(name)
    return importlib.import_module(f"lawcheck.render.formats.{name}")


def declarations() -> dict[str, Format]:
    """Every format's declaration (imports every format module: for help texts and docs)."""
    return {name: module(name).FORMAT for name in names()}


__all__ = ["Context", "Format", "declarations", "module", "names", "part", "whole"]
