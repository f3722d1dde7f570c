"""The project's own error types.  Everything a user can cause ends in one of these.

Messages are kept in both languages; ``str(error)`` uses ``LAWCHECK_LANG`` (Chinese by default)
and the command line asks for the language the user chose with ``error.text(lang)``.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import Any

_MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Chinese, English)
    "read": ("无法读取文件：{err}", "cannot read file: {err}"),
    "yaml_syntax": ("YAML 语法错误：{problem}", "YAML syntax error: {problem}"),
    "yaml": ("YAML 错误：{err}", "YAML error: {err}"),
    "outside_pack": ("规则文件链接到规则包之外的文件，拒绝读取（规则文件须在规则包目录内）",
                     "the rule file links to a file outside its pack; refused (rule files must be inside the pack)"),
    "plugin_failed": ("规则包插件加载失败：{err}", "the rule-pack plugin failed to load: {err}"),
    "yaml_aliases": ("YAML 别名（&/*）展开后超过 {limit} 个节点，拒绝读取",
                     "YAML aliases (&/*) expand to more than {limit} nodes; refused"),
    "dup_key": ("键“{key}”重复", "duplicate key '{key}'"),
    "unknown_key": ("未知的键“{key}”{hint}", "unknown key '{key}'{hint}"),
    "did_you_mean": ("（是否应为“{near}”？）", " (did you mean '{near}'?)"),
    "bilingual": ("{zh}", "{en}"),
    "invalid": ("“{what}”不符合要求：{msg}", "{what}: {msg}"),
    "unknown_list": ("未知的词表“{item}”", "unknown vocabulary list '{item}'"),
    "not_pack": ("不是规则包：缺少 pack.yaml", "not a rule pack: pack.yaml is missing"),
    "extends_not_pack": ("extends 指向的“{name}”不是规则包：缺少 pack.yaml",
                         "extends names '{name}', which is not a rule pack: pack.yaml is missing"),
    "not_pack_dir": ("“{path}”不是规则包：缺少 pack.yaml", "'{path}' is not a rule pack: pack.yaml is missing"),
    "stdin_closed": ("标准输入已关闭，无法读取“-”（请用管道或重定向给出报告，或写文件名）",
                     "standard input is closed: \"-\" cannot be read (pipe or redirect a report into it, "
                     "or name a file)"),
    "not_mapping": ("规则文件须为“键: 值”的映射", "a rule file must be a mapping of keys to values"),
    "unknown_kind": ("未知的检查方式 {kind}", "unknown kind {kind}"),
    "missing_kind": ("缺少键“kind”", "missing key 'kind'"),
    "id_path": ("id {id} 与文件路径不符，应为“{expected}”",
                "id {id} does not match the file's path; it must be '{expected}'"),
    "id_taken": ("id 或别名“{name}”已被 {by} 使用", "id or alias '{name}' is already used by {by}"),
    "no_extra_dir": ("附加规则目录不存在：{path}", "extra rule directory does not exist: {path}"),
    "allowed": ("可用：", "allowed: "),
    "cfg_read": ("无法读取：{err}", "cannot read: {err}"),
    "cfg_encoding": ("不是 UTF-8 编码（可能以 GBK/ANSI 或 UTF-16 保存）：请用记事本或 WPS“另存为”UTF-8",
                     "not UTF-8 (saved as GBK/ANSI or UTF-16?): save it again as UTF-8"),
    "cfg_toml": ("TOML 格式错误：{err}", "invalid TOML: {err}"),
    "cfg_key": ("未知的键“{key}”", "unknown key '{key}'"),
    "cfg_value": ("{key}：{msg}", "{key}: {msg}"),
    "waiver_table": ("第 {n} 条豁免须为表（[[waivers]] 下的 rule、reason、until、files）",
                     "waiver {n} must be a table ([[waivers]] with rule, reason, until, files)"),
    "waiver_list": ("waivers 须为豁免的数组（[[waivers]]）", "waivers must be an array of waivers ([[waivers]])"),
    "waiver_key": ("豁免中有未知的键“{key}”", "unknown key '{key}' in a waiver"),
    "waiver_rule": ("豁免缺少规则编号 rule", "the waiver names no rule (rule)"),
    "waiver_reason": ("豁免缺少理由 reason（说明为什么接受这一例外）",
                      "the waiver gives no reason (reason: why this exception is accepted)"),
    "waiver_until": ("豁免缺少结束日期 until（没有结束日期的豁免不予接受）",
                     "the waiver has no end date (until); a waiver without one is refused"),
    "waiver_date": ("豁免的结束日期 until 须为日期，如 2026-06-30（现为“{value}”）",
                    "the waiver's end date (until) must be a date such as 2026-06-30 (got '{value}')"),
    "waiver_too_long": ("豁免的结束日期 until（{until}）晚于两年之后（{limit}）："
                        "豁免应随年度报告逐年审视，请改为 {limit} 之前",
                        "the waiver's end date (until, {until}) is more than two years away ({limit}): waivers are "
                        "reviewed with each year's report; set one before {limit}"),
    "waiver_files": ("豁免的 files 须为文件名模式的列表，如 [\"*公开版*\"]",
                     "the waiver's files must be a list of file-name patterns such as [\"*public*\"]"),
    "waiver_unknown": ("豁免的规则编号“{rule}”不存在{hint}",
                       "the waiver names rule '{rule}', which does not exist{hint}"),
    "needs_extra": ("需要安装 lawcheck[{extra}]：pip install 'lawcheck[{extra}]'",
                    "this needs lawcheck[{extra}]: pip install 'lawcheck[{extra}]'"),
    "disable_unknown": ("无法停用 {ids}：没有这条规则{hint}", "cannot disable {ids}: no such rule{hint}"),
    "no_pack": ("没有名为“{name}”的规则包，也不是规则包目录", "no rule pack named '{name}', and not a pack directory"),
    "no_pack_here": ("没有名为“{name}”的规则包，也不是规则包目录{hint}；可用：{known}",
                     "no rule pack named '{name}', and not a pack directory{hint}; known: {known}"),
    "pack_cycle": ("规则包继承关系成环：{chain}", "packs extend each other in a circle: {chain}"),
    "pack_unknown_rule": ("{what}了不存在的规则 {ids}", "{what} rules that do not exist: {ids}"),
    "what_override": ("修改", "overrides"),
    "what_disable": ("停用", "disables"),
    "unknown_source": ("依据来源“{source}”未在规则包的 sources 中声明", "basis source '{source}' is not declared in "
                       "the pack's sources"),
    "pack_no_cues": ("规则包须有 negation 和 future 词表（或继承自 core）",
                     "a pack needs negation and future cues (or to extend core)"),
}


def default_lang() -> str:
    lang = os.environ.get("LAWCHECK_LANG", "zh")
    return lang if lang in ("zh", "en") else "zh"


class Msg:
    """A message in both languages, filled in when shown."""

    def __init__(self, msg_id: str, /, **params: object) -> None:
        self.msg_id, self.params = msg_id, params

    def text(self, lang: str | None = None) -> str:
        zh, en = _MESSAGES[self.msg_id]
        template = en if (lang or default_lang()) == "en" else zh
        params = {k: (v.text(lang) if isinstance(v, Msg) else v) for k, v in self.params.items()}
        return template.format(**params)

    def __str__(self) -> str:
        return self.text()


class LawcheckError(Exception):
    """Base class: a one-line message a person can act on.  ``lang``: the language the call that raised it was
    asked to speak (``evaluate(lang="en")``), which its ``str()`` then speaks; None: LAWCHECK_LANG's."""

    lang: str | None = None

    def text(self, lang: str | None = None) -> str:
        return str(self)


@contextlib.contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Errors raised inside say themselves in ``lang`` (an API call's language, not the environment's)."""
    try:
        yield
    except LawcheckError as e:
        e.lang = lang
        raise


class RuleFileError(LawcheckError):
    """A rule or pack file is invalid: ``path:line:col: problem — allowed: …`` and the offending line."""

    def __init__(
        self,
        path: str,
        problem: str | Msg,
        line: int | None = None,
        col: int | None = None,
        allowed: list[str] | None = None,
        source_line: str | None = None,
    ) -> None:
        self.path = path
        self.problem = problem
        self.line = line
        self.col = col
        self.allowed = allowed or []
        self.source_line = source_line
        super().__init__(self.one_line())

    def one_line(self, lang: str | None = None) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}:{self.col or 1}"
        problem = self.problem.text(lang) if isinstance(self.problem, Msg) else self.problem
        msg = f"{where}: {problem}"
        if self.allowed:
            msg += " — " + Msg("allowed").text(lang) + ", ".join(self.allowed)
        return msg

    def text(self, lang: str | None = None) -> str:
        if self.source_line is None or self.line is None:
            return self.one_line(lang)
        gutter = f"{self.line:>5} | "
        caret = " " * (len(gutter) + max((self.col or 1) - 1, 0)) + "^"
        return f"{self.one_line(lang)}\n{gutter}{self.source_line}\n{caret}"

    def __str__(self) -> str:
        return self.text(self.lang)


class InputError(LawcheckError):
    """An input file cannot be read as a report."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class ConfigError(LawcheckError):
    """The configuration file is invalid."""

    def __init__(self, path: str, problem: Msg, allowed: list[str] | None = None) -> None:
        self.path, self.problem, self.allowed = path, problem, allowed or []
        super().__init__(self.text())

    def text(self, lang: str | None = None) -> str:
        msg = f"{self.path}: {self.problem.text(lang)}"
        if self.allowed:
            msg += " — " + Msg("allowed").text(lang) + ", ".join(self.allowed)
        return msg

    def __str__(self) -> str:
        return self.text(self.lang)


class WaiverError(ConfigError):
    """A waiver in the settings is refused (no end date, no reason, an unknown rule): ``path`` is the settings
    file with the line (``lawcheck.toml:7``).  The command line exits 3, as for a rule file: the rules applied
    would not be the ones written."""


class ArgumentError(LawcheckError, ValueError):
    """An API call's argument that cannot be (a language, a day that does not exist, a level): a ValueError, and a
    LawcheckError, so that ``except LawcheckError`` catches every refusal of lawcheck's."""


class ArgumentTypeError(LawcheckError, TypeError):
    """An API call's argument of the wrong type (bytes for the text, a path for last year's report)."""


class UsageError(LawcheckError):
    """A setting or argument names something that does not exist (an unknown rule id, say)."""

    def __init__(self, problem: Msg) -> None:
        self.problem = problem
        super().__init__(problem.text())

    def text(self, lang: str | None = None) -> str:
        return self.problem.text(lang)

    def __str__(self) -> str:
        return self.text(self.lang)


# pydantic's messages, by error type, as a Chinese reader reads them.
_PYDANTIC_ZH = {
    "missing": "缺少此项", "string_type": "须为文字", "int_type": "须为整数", "int_parsing": "须为整数",
    "int_from_float": "须为整数", "float_type": "须为数字", "float_parsing": "须为数字",
    "bool_type": "须为 true 或 false", "bool_parsing": "须为 true 或 false", "list_type": "须为列表",
    "dict_type": "须为“键: 值”的映射", "model_type": "须为“键: 值”的映射",
    "model_attributes_type": "须为“键: 值”的映射",
    "literal_error": "取值无效，可选：{expected}", "greater_than": "须大于 {gt}", "greater_than_equal": "须不小于 {ge}",
    "less_than": "须小于 {lt}", "less_than_equal": "须不大于 {le}",
    "string_pattern_mismatch": "格式不符（须符合 {pattern}）", "string_too_short": "至少 {min_length} 个字",
    "too_short": "至少需要 {min_length} 项", "too_long": "至多 {max_length} 项",
    "union_tag_invalid": "kind 取值无效，可选：{expected_tags}", "frozen_instance": "不能修改",
    "unsafe_pattern": "{zh}",
    "years_order": "起始年份 from（{start}）晚于结束年份 to（{end}）",
    "date_parsing": "不是日期（可写作 2024-03-01 或 2024年3月1日）",
    "date_from_datetime_parsing": "不是日期（可写作 2024-03-01 或 2024年3月1日）",
    "date_from_datetime_inexact": "须为某一天，不带时刻", "date_type": "须为日期（可写作 2024-03-01 或 2024年3月1日）",
    "date_future": "不能是将来的日期", "date_past": "须为过去的日期",
}


_OWN_ZH = (("a year is a number such as 2024", "年份须为数字，如 2024"),)


def pydantic_zh(err: dict[str, Any]) -> str:
    """A pydantic error as a Chinese reader reads it (a rule file's, lawcheck.toml's)."""
    template = _PYDANTIC_ZH.get(err["type"])
    if template is None:
        # Our own validators say what is wrong in words (value_error): keep them, without pydantic's prefix
        # (those of the caller's facts, in English, in Chinese).
        said = str(err["msg"]).removeprefix("Value error, ")
        for en, zh in _OWN_ZH:
            if said.startswith(en):
                return zh + said[len(en):]
        return said
    try:
        ctx = err.get("ctx") or {}
        if err["type"] == "unsafe_pattern":
            return str(ctx["zh"])
        return template.format(**{k: str(v).replace(" or ", "、").replace(", ", "、") for k, v in ctx.items()})
    except (KeyError, IndexError):
        return template.split("，")[0].split("（")[0]
