"""Settings for the command line: defaults < lawcheck.toml / [tool.lawcheck] < environment < flags.

The file is found by walking up from the current directory: the first ``lawcheck.toml``, or
the first ``pyproject.toml`` that has a ``[tool.lawcheck]`` table.  Every setting remembers
where its value came from, so ``lawcheck config`` can say.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from lawcheck.errors import ConfigError, Msg, pydantic_zh
from lawcheck.limits import Limits
from lawcheck.readers import default_globs

_LIMITS = Limits()

LEVELS = ("province", "city", "county", "township", "department")


class FileSettings(BaseModel):
    """What a lawcheck.toml (or [tool.lawcheck]) may hold.  Keys are written with dashes."""

    # Built when a config file is read, not at every start (most runs have none).  Strict: TOML says what type a
    # value is, and `min-score = true` is no score (lax mode read it as 1).
    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True, strict=True)

    format: str | None = Field(None, description="an output format (lawcheck.render.names())")
    min_score: float | None = Field(None, alias="min-score", ge=0, le=100)
    fail_on: Literal["error", "warning", "never"] | None = Field(None, alias="fail-on")
    disable: list[str] | None = None
    packs: list[str] | None = Field(None, description="rule packs by name or directory (relative to the file)")
    rules: list[str] | None = Field(None, description="extra rule directories, relative to the file")
    year: int | None = Field(None, ge=1990, le=2100)
    level: Literal["province", "city", "county", "township", "department"] | None = None
    lang: Literal["zh", "en"] | None = None
    jobs: int | None = Field(None, ge=1, le=256)
    glob: list[str] | None = None
    # Limits on one input (lawcheck.limits): exceeding one makes that input an error, the batch goes on.
    max_bytes: int | None = Field(None, alias="max-bytes", ge=1)
    max_unzipped_bytes: int | None = Field(None, alias="max-unzipped-bytes", ge=1)
    max_zip_members: int | None = Field(None, alias="max-zip-members", ge=1)
    max_pages: int | None = Field(None, alias="max-pages", ge=1)
    max_chars: int | None = Field(None, alias="max-chars", ge=1)
    max_memory: int | None = Field(None, alias="max-memory", ge=16 * 1024 * 1024, le=1 << 50)
    timeout: float | None = Field(None, ge=0.001, le=1_000_000)


    @field_validator("format")
    @classmethod
    def _known_format(cls, v: str | None) -> str | None:
        from lawcheck.render import names

        if v is not None and v not in names():
            # As pydantic says it of a Literal, so that the Chinese reader reads it in Chinese (pydantic_zh).
            from pydantic_core import PydanticCustomError

            expected = ", ".join(repr(n) for n in names())
            raise PydanticCustomError("literal_error", "Input should be one of {expected}", {"expected": expected})
        return v


LIMIT_KEYS = ("max_bytes", "max_unzipped_bytes", "max_zip_members", "max_pages", "max_chars", "timeout", "max_memory")

DEFAULTS: dict[str, Any] = {
    "format": None,  # rich on a terminal, text otherwise
    "min_score": None,
    "fail_on": "error",
    "disable": [],
    "packs": ["core"],
    "rules": [],
    "year": None,
    "level": None,
    "lang": "zh",
    "jobs": None,  # the number of cores
    **{k: getattr(_LIMITS, k) for k in LIMIT_KEYS},
    "glob": default_globs(),  # every suffix the readers read (lawcheck.readers.SUFFIXES)
    "waivers": [],  # [[waivers]]: exceptions accepted with a reason and an end date (lawcheck.waivers)
}


class Settings:
    """Effective settings and the source of each value."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = dict(DEFAULTS)
        self.sources: dict[str, str] = {k: "default" for k in DEFAULTS}
        self.file: Path | None = None

    def set(self, key: str, value: Any, source: str) -> None:
        self.values[key] = value
        self.sources[key] = source

    def __getattr__(self, key: str) -> Any:
        try:
            return self.__dict__["values"][key]
        except KeyError:
            raise AttributeError(key) from None


def find_config(start: Path | None = None) -> tuple[Path, dict[str, Any]] | None:
    """The nearest lawcheck.toml, or pyproject.toml with [tool.lawcheck], at or above ``start``."""
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        own = d / "lawcheck.toml"
        if own.is_file():
            return own, _read_toml(own)
        py = d / "pyproject.toml"
        if py.is_file():
            data = _read_toml(py)
            section = data.get("tool", {}).get("lawcheck")
            if section is not None:
                return py, section
    return None


_TABLE_LINE = re.compile(r"^\s*\[")


def _where(path: Path, key: str) -> str:
    """The settings file and the line its ``key`` is set on ("lawcheck.toml:3"): in lawcheck.toml before any
    table, in pyproject.toml under [tool.lawcheck].  The file alone when the line cannot be told."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return str(path)
    own = re.compile(r"^\s*[\"']?" + re.escape(key) + r"[\"']?\s*=")
    inside = path.name != "pyproject.toml"  # lawcheck.toml: the top level, up to its first table
    for i, line in enumerate(lines, 1):
        if _TABLE_LINE.match(line):
            inside = path.name == "pyproject.toml" and re.match(r"^\s*\[\s*tool\.lawcheck\s*\]", line) is not None
            continue
        if inside and key and own.match(line):
            return f"{path}:{i}"
    return str(path)


def _read_toml(path: Path) -> dict[str, Any]:
    # Imported here: only a run that finds a config file pays for the TOML parser (issue 18).
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))  # a BOM (Windows Notepad) is no TOML error
    except UnicodeDecodeError:
        raise ConfigError(str(path), Msg("cfg_encoding")) from None
    except OSError as e:
        raise ConfigError(str(path), Msg("cfg_read", err=e)) from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(str(path), Msg("cfg_toml", err=Msg("bilingual", zh=_toml_zh(str(e)), en=str(e)))) from None


_TOML_ZH = {"Invalid value": "值无效", "Expected '=' after a key in a key/value pair": "键后应为“=”",
            "Invalid statement": "语句无效", "Unclosed array": "数组没有闭合", "Unclosed table": "表没有闭合",
            "Cannot overwrite a value": "重复定义了同一个键",
            "Invalid initial character for a key part": "键的首字符无效",
            "Illegal character in string": "字符串中有非法字符", "Unterminated string": "字符串没有结束",
            "Expected newline or end of document after a statement": "一条设置之后应换行（一行只写一个“键 = 值”）",
            "Invalid date or datetime": "日期无效", "Unclosed inline table": "内联表没有闭合",
            "Expected ']' at the end of a table declaration": "表名后缺少“]”",
            "Expected ']]' at the end of an array declaration": "表数组名后缺少“]]”",
            "Unescaped '\\' in a string": "字符串中的“\\”未转义（路径请用单引号或“/”）",
            "Invalid hex value": "十六进制值无效"}


def _toml_zh(message: str) -> str:
    """tomllib's message ("Invalid value (at line 3, column 13)") as a Chinese reader reads it."""
    m = re.match(r"^(.*?)\s*\((?:at line (\d+), column (\d+)|at end of document)\)$", message)
    if not m:
        return _TOML_ZH.get(message, message)
    where = f"第{m.group(2)}行第{m.group(3)}列" if m.group(2) else "文件末尾"
    return f"{where}：{_TOML_ZH.get(m.group(1), m.group(1))}"


def load_settings(start: Path | None = None, env: dict[str, str] | None = None) -> Settings:
    """Defaults, then the config file, then the environment (LAWCHECK_LANG)."""
    s = Settings()
    found = find_config(start)
    if found:
        path, data = found
        s.file = path
        if "waivers" in data:
            # Checked on their own: an error names the line, and a waiver error is not a setting's (exit 3).
            from lawcheck.waivers import parse

            data = dict(data)
            s.set("waivers", parse(data.pop("waivers"), path), str(path))
        try:
            fs = FileSettings.model_validate(data)
        except ValidationError as e:
            err = e.errors()[0]
            key = ".".join(str(x) for x in err["loc"])
            where = _where(path, str(err["loc"][0]) if err["loc"] else "")  # lawcheck.toml:3, as for a waiver
            if err["type"] == "extra_forbidden":
                allowed = sorted([*(f.alias or n for n, f in FileSettings.model_fields.items()), "waivers"])
                raise ConfigError(where, Msg("cfg_key", key=key), allowed) from None
            raise ConfigError(where, Msg("cfg_value", key=key,
                                         msg=Msg("bilingual", zh=pydantic_zh(err), en=err["msg"]))) from None
        for name in FileSettings.model_fields:
            value = getattr(fs, name)
            if value is None:
                continue
            if name == "rules":
                value = [str((path.parent / p).resolve()) for p in value]
            if name == "packs":  # a folder beside the file, but a built-in pack's name stays that pack
                from lawcheck.packs.discover import pack_ref

                value = [pack_ref(p, path.parent) for p in value]
            s.set(name, value, str(path))
    env = os.environ if env is None else env
    if env.get("LAWCHECK_LANG") in ("zh", "en"):
        s.set("lang", env["LAWCHECK_LANG"], "env LAWCHECK_LANG")
    return s
