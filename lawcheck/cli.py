"""The command line: the only place that reads settings, prints and chooses an exit code."""

from __future__ import annotations

import argparse
import contextlib
import difflib
import os
import re
import stat
import sys
import threading
import traceback
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING

from lawcheck import rx
from lawcheck.version import __version__

if TYPE_CHECKING:  # annotations only: a check imports what it uses when it uses it
    from collections.abc import Iterator
    from types import ModuleType

    from lawcheck.config import Settings
    from lawcheck.inputs import Source
    from lawcheck.model import Record
    from lawcheck.render import Context


class Exit(IntEnum):
    OK = 0  # every input was checked and meets the gate
    BELOW_GATE = 1  # some input falls short of --min-score / --fail-on
    USAGE_OR_INPUT = 2  # bad arguments or settings, an input could not be read (the others are still reported),
    # or the output could not be written (a closed pipe, a full disk)
    RULE_FILE = 3  # a rule file is invalid, or a waiver in the settings
    INTERRUPTED = 130  # Ctrl-C: what was finished is still written
    TERMINATED = 143  # SIGTERM: the same, as a service manager expects


_EXIT_CODES = (
    ("0", "every input was checked and meets the gate", "全部检查完毕且达到门槛"),
    ("1", "some input falls short of --min-score or --fail-on", "有报告未达到 --min-score 或 --fail-on 门槛"),
    ("2", "usage error, no input found, an input could not be read (the others are still checked), or the "
          "output could not be written",
     "用法错误、没有找到输入文件、有文件无法读取（其余文件照常检查），或结果无法写出"),
    ("3", "a rule file is invalid, or a waiver in the settings (no end date, an unknown rule)",
     "规则文件有误，或设置中的豁免有误（缺少结束日期、规则编号不存在）"),
    ("130", "interrupted (Ctrl-C); what was finished is still written", "已中断（Ctrl-C），已完成的结果照常输出"),
    ("143", "terminated (SIGTERM); the same as Ctrl-C", "被终止（SIGTERM），处理同 Ctrl-C"),
)

_CHECK_EXAMPLES = (
    ("lawcheck check report.txt", "a scorecard", "记分卡"),
    ("lawcheck check reports/ --format csv --output 汇总.csv", "a folder → a table", "一个文件夹 → 表格"),
    ("lawcheck check report.txt --min-score 80 --fail-on error", "a pre-submission gate", "提交前门槛"),
    ("lawcheck check reports/ -j 4 --format jsonl > results.jsonl", "", ""),
    ("cat report.txt | lawcheck check - --lang en", "", ""),
)


_COMPARE_EXAMPLES = (
    ("lawcheck compare 2023年度报告.docx 2024年度报告.docx", "last year's report, then this year's",
     "先上一年度，后本年度"),
    ("lawcheck compare 2023/ 2024/ --format csv -o 历年对照.csv", "two years of a folder → a table",
     "两个年度的文件夹 → 表格"),
    ("lawcheck compare reports/ --format html -o 对照/", "every unit's pages and the index",
     "每个单位的对照页和汇总页"),
    ("lawcheck compare reports/ --pairs pairs.csv", "pairs given by hand", "手工指定配对"),
)



_QUIET_LINE = re.compile(r"[:：]\s*(?:得分|score)\s*(?:\d|—|-)", re.I)
_TMP_NAMED = 200  # bytes of an output's name that its temporary file's name may carry

def exit_help(lang: str, codes: tuple = _EXIT_CODES) -> str:  # type: ignore[type-arg]
    head = "退出码：" if lang == "zh" else "exit codes:"
    return "\n".join([head, *(f"  {code:<4} {zh if lang == 'zh' else en}" for code, en, zh in codes)])


# lawcheck compare is a review, not a gate: no exit code 1.
_COMPARE_EXIT_CODES = (
    ("0", "every report was read and compared", "全部读取并对照完毕"),
    ("2", "bad arguments, two reports that are not one body's consecutive years (without --force), or a file "
          "that could not be read (the others are still reported)",
     "参数有误、两份报告不是同一单位相邻年度的报告（未加 --force），或有文件无法读取（其余照常输出）"),
    ("3", "a rule file is invalid, or a waiver in the settings (no end date, an unknown rule)",
     "规则文件有误，或设置中的豁免有误（缺少结束日期、规则编号不存在）"),
    ("130", "interrupted (Ctrl-C)", "被中断（Ctrl-C）"),
    ("143", "terminated (SIGTERM)", "被终止（SIGTERM）"),
)


def examples(lang: str, *commands: str | tuple[str, str, str]) -> str:
    """An epilog of example commands, each with an optional comment in the reader's language."""
    rows = [c if isinstance(c, tuple) else (c, "", "") for c in commands]
    width = max(len(c) for c, _, _ in rows)
    lines = ["示例：" if lang == "zh" else "examples:"]
    for command, en, zh in rows:
        note = zh if lang == "zh" else en
        lines.append(f"  {command:<{width}}  # {note}" if note else f"  {command}")
    return "\n".join(lines)


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None) -> None:  # type: ignore[no-untyped-def]
        if prefix is None and _lang_from_argv() == "zh":
            prefix = "用法："
        super().add_usage(usage, actions, groups, prefix)


class _Parser(argparse.ArgumentParser):
    """argparse's own wording is English; the line a person acts on says what it is in their language."""

    def format_help(self) -> str:
        text = super().format_help()
        # argparse ends a section heading with an ASCII colon; a Chinese heading takes the full-width one.
        return re.sub(r"^(\S[^\n]*[\u4e00-\u9fff）]):$", r"\1：", text, flags=re.M)

    def error(self, message: str) -> None:  # type: ignore[override]
        lang = _lang_from_argv()
        # A file named "-rf.txt" is read as options: argparse then says a PATH is missing, or an option is
        # unknown.  Name the file and the two ways to pass it instead.
        dashed = _dashed_file(self, _ARGV)
        if dashed and ("required" in message or "unrecognized" in message or "expected one argument" in message):
            self.exit(2, f"{self.prog}: {_MSG[lang]['dash_name'].format(name=dashed)}\n")
        # One line, as every error of lawcheck's is; the usage is one --help away.
        if lang == "zh":
            self.exit(2, f"{self.prog}: 参数错误：{_in_chinese(message)}（用法见 {self.prog} --help）\n")
        self.exit(2, f"{self.prog}: usage error: {message} (see {self.prog} --help)\n")


def _dashed_file(parser: argparse.ArgumentParser, argv: list[str]) -> str | None:
    """The first argument that argparse read as an option but is a file's name (``_file_name_like``).  Not a short
    option with its value written on ("-o审查意见.txt" is -o's value), nor the value of an option that takes no file
    ("--min-score -审查": the option lacks its value, as argparse says) — only -o's may be a dashed file."""
    valued = {o for o, act in parser._option_string_actions.items() if act.nargs != 0}
    for i, a in enumerate(argv):
        before = argv[i - 1] if i else ""
        after_o = before in ("-o", "--output")  # ("-o -out.json": the dashed name is -o's value, not -o "ut.json")
        if not a.startswith("-") or a == "-":
            continue
        if os.path.isfile(a):
            return a  # (an existing file, whatever option it looks like: "-o.txt")
        if a[:2] in valued and not after_o:
            continue
        if before in valued and not after_o:
            continue
        if _file_name_like(a, output=before in ("-o", "--output")):
            return a
    return None


def _file_name_like(arg: str, output: bool = False) -> bool:
    """Whether an argument read as an option is a file's name: an existing file, or — a file not there yet (an
    output, a name mistyped) — one no option is written like: one dash, then Chinese, or a name with a report's
    suffix ("-灵寿县报告.txt", "-report.docx"; it was "缺少参数：PATH" or "参数 -o 需要一个值", the file unnamed); after
    -o, an output's suffix too ("-o -out.json").  A letter and no such suffix is an option mistyped ("-l中文"):
    argparse's word on it stands."""
    if os.path.isfile(arg):
        return True
    if arg.startswith("--"):
        return False  # (an option with its value: "--published=2024年3月1日")
    from lawcheck.readers import SUFFIXES

    suffix = Path(arg).suffix.lower()
    if suffix in SUFFIXES or (output and suffix in (".csv", ".json", ".md", ".html", ".xml", ".sarif")):
        return len(Path(arg).stem) > 2  # ("-x.txt": an option and a stray word, as likely as a name)
    return not (arg[1:2].isascii() and arg[1:2].isalpha()) and any(c > "\x7f" for c in arg)


def _unknown_options(parser: argparse.ArgumentParser, args: argparse.Namespace, extra: list[str]) -> None:
    """Say which arguments are unknown, by the command they were given to, with the option meant where one is
    close ("--formt" → "--format")."""
    import difflib

    command = getattr(args, "command", None)
    sub = next((a.choices.get(command) for a in parser._actions
                if isinstance(a, argparse._SubParsersAction) and command), None)
    target = sub or parser
    message = argparse._("unrecognized arguments: %s") % " ".join(extra)
    typed = next((x.split("=", 1)[0] for x in extra if x.startswith("--")), None)
    close = difflib.get_close_matches(typed, [o for o in target._option_string_actions if o.startswith("--")],
                                      n=1, cutoff=0.7) if typed else []
    target.error(f"{message}; did you mean {close[0]}?" if close else message)


# argparse's own messages, as a Chinese reader reads them (the names of options and values stay as typed).
_ARGPARSE_ZH = [
    (rx.compile(r"^unrecognized arguments: (.+); did you mean (\S+)\?$"), "无法识别的参数：{0}；是否指 {1}？"),
    (rx.compile(r"^the following arguments are required: (.+)$"), "缺少参数：{0}"),
    (rx.compile(r"^unrecognized arguments: (.+)$"), "无法识别的参数：{0}"),
    (rx.compile(r"^argument (\S+): invalid choice: (.+?) \(choose from (.+)\)$"),
     "参数 {0} 的取值 {1} 无效（可选：{2}）"),
    (rx.compile(r"^argument (\S+): expected one argument$"), "参数 {0} 需要一个值"),
    (rx.compile(r"^argument (\S+): invalid (\w+) value: (.+)$"), "参数 {0} 的值 {2} 不是有效的{1}"),
    (rx.compile(r"^argument (\S+): must be between (\S+) and (\S+): (.+)$"),
     "参数 {0} 须在 {1} 到 {2} 之间，而不是 {3}"),
    (rx.compile(r"^argument (\S+): must be at least (\S+): (.+)$"), "参数 {0} 至少为 {1}，而不是 {2}"),
    (rx.compile(r"^argument (\S+): not allowed with argument (\S+)$"), "参数 {0} 不能与 {1} 同时使用"),
    (rx.compile(r"^argument (\S+): unknown encoding: (.+)$"), "参数 {0}：不认识的编码 {1}"),
    (rx.compile(r"^ambiguous option: (\S+) could match (.+)$"), "选项 {0} 不完整，可能是：{1}（请写全）"),
    (rx.compile(r"^argument (\S+): ignored explicit argument (.+)$"), "参数 {0} 不带值（收到 {1}）"),
    (rx.compile(r"^argument (\S+): expected at most one argument$"), "参数 {0} 至多一个值"),
    (rx.compile(r"^argument (\S+): expected at least one argument$"), "参数 {0} 至少需要一个值"),
    (rx.compile(r"^argument (\S+): expected (\d+) arguments?$"), "参数 {0} 需要 {1} 个值"),
]
_TYPE_ZH = {"int": "整数", "float": "数字", "score": "0–100的分数", "count": "正整数", "year": "年份",
            "seconds": "秒数", "bytes": "字节数"}


def _in_chinese(message: str) -> str:
    for pattern, template in _ARGPARSE_ZH:
        m = pattern.match(message)
        if m:
            return template.format(*(_TYPE_ZH.get(g, g) for g in m.groups()))
    return message


_SETTINGS_LANG: list[str] = []


def _lang_from_argv() -> str:
    argv = _ARGV or sys.argv[1:]  # what main() is parsing (main([...]) from Python too)
    for i, a in enumerate(argv):
        if a == "--lang" and i + 1 < len(argv):
            return argv[i + 1] if argv[i + 1] in ("zh", "en") else "zh"
        if a.startswith("--lang="):
            return a.split("=", 1)[1] if a.split("=", 1)[1] in ("zh", "en") else "zh"
    if _SETTINGS_LANG:  # lawcheck.toml's lang, once the settings are read
        return _SETTINGS_LANG[0]
    env = os.environ.get("LAWCHECK_LANG", "zh")
    return env if env in ("zh", "en") else "zh"


def _add_lang(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", choices=["zh", "en"], default=None,
                   help="language of what a person reads (default zh; env LAWCHECK_LANG)")


def _add_rule_source_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--pack", metavar="NAME|DIR", action="append", default=None,
                   help="rule pack by name (core, shaanxi, shenzhen, an installed plugin) or directory; "
                        "repeatable; each brings what it extends (default: core)")
    p.add_argument("--rules", metavar="DIR", action="append", default=None,
                   help="a directory of extra rule files (repeatable); adds to lawcheck.toml's 'rules'")
    p.add_argument("--disable", metavar="RULE_ID", action="append", default=None,
                   help="leave a rule out (repeatable, or ids joined by commas); adds to lawcheck.toml's 'disable'")
    _add_lang(p)
    p.add_argument("--debug", action="store_true", help="show a traceback for unexpected errors")


def _add_limit_args(p: argparse.ArgumentParser, title: str) -> None:
    lim = p.add_argument_group(title)
    lim.add_argument("--max-bytes", type=_positive_int, metavar="N",
                     help="largest file read, in bytes (default 50 MB)")
    lim.add_argument("--max-unzipped-bytes", type=_positive_int, metavar="N",
                     help=".docx/.ofd: largest total unpacked size (default 200 MB)")
    lim.add_argument("--max-zip-members", type=_positive_int, metavar="N",
                     help=".docx/.ofd: most members in the archive (default 10000)")
    lim.add_argument("--max-pages", type=_positive_int, metavar="N", help="most PDF pages (default 2000)")
    lim.add_argument("--max-chars", type=_positive_int, metavar="N",
                     help="longest extracted text, in characters (default 10000000)")
    lim.add_argument("--max-memory", type=_memory, metavar="N",
                     help="address space of the process checking one input, in bytes (default 2 GB; "
                          "Linux and macOS)")
    lim.add_argument("--timeout", type=_seconds, metavar="SECONDS",
                     help="time for one input; in a batch its worker is stopped (default 300)")


class _LazyText:
    """A help text worked out when it is shown."""

    def __init__(self, make) -> None:
        self.make = make

    def __str__(self) -> str:
        return self.make()


def build_parser() -> argparse.ArgumentParser:
    lang = _lang_from_argv()

    def t(en: str, zh: str) -> str:
        return zh if lang == "zh" else en

    p = _Parser(
        prog="lawcheck",
        description=t("Check an annual report on building law-based government against the rules, score it "
                      "and list what is missing.", "检查法治政府建设年度报告是否具备法定要素，打分并列出缺失项。"),
        epilog=examples(lang, "lawcheck check report.txt", "lawcheck rules",
                        "lawcheck explain enforcement.three_systems", "lawcheck config",
                        ("lawcheck serve", "a page on this computer to drop a report on",
                         "本机网页：拖入或粘贴报告检查")) + "\n\n" + exit_help(lang),
        formatter_class=_Formatter,
    )
    p.add_argument("--version", action="version", version=f"lawcheck {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)

    c = sub.add_parser("check", help=t("check reports", "检查报告"), formatter_class=_Formatter,
                       epilog=examples(lang, *_CHECK_EXAMPLES) + "\n\n" + exit_help(lang),
                       description=t("Check report files, folders (recursively) or standard input ('-').",
                                     "检查报告文件、文件夹（逐层查找）或标准输入（-）。"))
    c.add_argument("paths", nargs="+", metavar="PATH",
                   help="files (.txt .text .docx .docm .pdf .html .htm .shtml .mhtml .mht .ofd), directories (searched "
                        "recursively) or '-'")
    c.add_argument("--glob", action="append", default=None, metavar="PATTERN",
                   help="file-name pattern to pick in directories (repeatable; default: every supported format)")
    from lawcheck import render

    fmt = c.add_argument("--format", choices=list(render.names()), default=None, help="%(formats)s")
    # The formats' descriptions, read from their modules only when help is printed (argparse fills
    # "%(formats)s" from the action's attributes then): a check imports only the renderer it uses.
    help_lang = _lang_from_argv()
    fmt.formats = _LazyText(lambda: ("；" if help_lang == "zh" else "; ").join(
        f"{n}: {f.description(help_lang)}" for n, f in render.declarations().items()))
    c.add_argument("-o", "--output", metavar="FILE", help="write there instead of standard output (atomically)")
    c.add_argument("--min-score", type=_score, default=None, metavar="N", help="gate: every score must be ≥ N (0–100)")
    c.add_argument("--fail-on", choices=["error", "warning", "never"], default=None,
                   help="gate: fail when a rule of this severity (or worse) fails or is partial (default error)")
    c.add_argument("-j", "--jobs", type=_positive_int, default=None, metavar="N",
                   help="check N inputs in parallel (default: the number of cores)")
    c.add_argument("--year", type=_year, default=None, metavar="N", help="report year, overriding the text")
    c.add_argument("--published", metavar="YYYY-MM-DD", help="publication date, overriding the page header")
    c.add_argument("--previous", metavar="FILE", default=None,
                   help="the same body's report of the year before: the scorecard adds the year-over-year review "
                        "(last year's plan and shortcomings followed up, text copied from it) and a "
                        "year-over-year claim is held against its figures")
    c.add_argument("--force", action="store_true",
                   help="with --previous: compare even when the two reports' organ or years do not line up")
    c.add_argument("--level", choices=["province", "city", "county", "township", "department"], default=None,
                   help="the reporter's level (recorded on the scorecard; decides which rules apply, e.g. a "
                        "township's)")
    c.add_argument("--reporter", choices=["government", "department", "joint"], default=None,
                   help="who reports: a people's government, a government department, or party committee and "
                        "government jointly (default: read from the organ's name)")
    c.add_argument("--kind", choices=["annual_report", "other"], default=None,
                   help="whether the input is an annual report (default: read from its title and wording)")
    c.add_argument("--encoding", metavar="NAME", default=None, type=_encoding,
                   help="the encoding of text files, instead of detecting it (e.g. gb18030)")
    c.add_argument("-v", "--verbose", action="store_true", help="show all evidence (and every scorecard of a batch)")
    c.add_argument("-q", "--quiet", action="store_true", help="print only the score line")
    c.add_argument("--no-progress", action="store_true", help="no progress bar")
    _add_limit_args(c, t("limits on one input (README: Limits and safety)",
                         "单个输入的上限（见 README 的 Limits and safety）"))
    _add_rule_source_args(c)

    cp = sub.add_parser("compare", help=t("compare reports with their unit's report of the year before",
                                          "与本单位上一年度报告对照"), formatter_class=_Formatter,
                        epilog=examples(lang, *_COMPARE_EXAMPLES) + "\n\n" + exit_help(lang, _COMPARE_EXIT_CODES),
                        description=t("LAST THIS: review this year's report against last year's (planned tasks "
                                      "followed up, shortcomings followed up, text copied).  One or more folders: "
                                      "pair every report with its unit's report of the year before (organ and "
                                      "year as read from the reports, or --pairs) and find template passages "
                                      "shared by different units of one year.",
                                      "LAST THIS：以上一年度报告对照本年度报告（上年安排是否落实、上年不足是否整改、"
                                      "是否照搬上年文字）。给出文件夹：按报告中读出的机关和年度（或 --pairs 配对文件）"
                                      "把每份报告与本单位上一年度报告配对，并找出同一年度不同单位共用的模板段落。"))
    cp.add_argument("paths", nargs="+", metavar="PATH", help="LAST THIS (two files), or folders / files to pair")
    cp.add_argument("--format", choices=["text", "json", "markdown", "html", "csv"], default=None,
                    help="text (default), json, markdown, html (two files side by side; a folder: -o DIR), csv")
    cp.add_argument("-o", "--output", metavar="FILE", help="write there instead of standard output (atomically)")
    cp.add_argument("--force", action="store_true",
                    help="compare two files even when their organ or years do not line up")
    cp.add_argument("--glob", action="append", default=None, metavar="PATTERN",
                    help="file-name pattern to pick in directories (repeatable; default: every supported format)")
    cp.add_argument("--pairs", metavar="CSV", default=None,
                    help="a folder: pairs to use (rows: last year's file, this year's file; paths relative to "
                         "the CSV)")
    cp.add_argument("--year", type=_year, default=None, metavar="N",
                    help="this year's report year, overriding the text")
    cp.add_argument("-j", "--jobs", type=_positive_int, default=None, metavar="N",
                    help="a folder: N processes (default: the number of cores)")
    cp.add_argument("--encoding", metavar="NAME", default=None, type=_encoding,
                    help="the encoding of text files, instead of detecting it (e.g. gb18030)")
    cp.add_argument("-v", "--verbose", action="store_true", help="every item and passage, not only the first")
    cp.add_argument("--no-progress", action="store_true", help="no progress bar")
    _add_rule_source_args(cp)

    r = sub.add_parser("rules", help=t("list, test and write rules", "规则：列出、测试、编写"),
                       formatter_class=_Formatter,
                       description=t("List the active rules, or test, write and document rules.",
                                     "列出当前使用的规则，或测试、编写规则并生成规则目录。"),
                       epilog=examples(lang, "lawcheck rules", "lawcheck rules --format json",
                                       "lawcheck rules test my-pack/",
                                       "lawcheck rules new office.content.legal_adviser",
                                       "lawcheck rules schema --output rules/schema.json",
                                       "lawcheck rules docs --output docs/rules.md"))
    r.add_argument("--format", choices=["text", "json", "markdown"], default="text",
                   help="how the list is written (default text)")
    _add_rule_source_args(r)
    rsub = r.add_subparsers(dest="rules_action", metavar="ACTION", parser_class=_Parser)
    rt = rsub.add_parser("test", help=t("run every rule's examples and say which fail and why",
                                        "运行每条规则的示例，说明哪些不符及原因"), formatter_class=_Formatter,
                         description=t("Run every rule's pass and fail examples and say which fail and why.",
                                       "运行每条规则的通过与不通过示例，说明哪些不符及原因。"),
                         epilog=examples(lang, "lawcheck rules test my-pack/"))
    rt.add_argument("pack_dir", nargs="?", metavar="PACK_DIR", help="a pack directory (default: the active packs)")
    _add_lang(rt)
    rn = rsub.add_parser("new", help=t("write a commented template rule file", "生成带注释的规则文件模板"),
                         formatter_class=_Formatter,
                         description=t("Write a commented template rule file for a new rule id.",
                                       "为新的规则编号生成一个带注释的规则文件模板。"),
                         epilog=examples(lang, "lawcheck rules new office.content.legal_adviser --dir my-pack"))
    rn.add_argument("rule_id", metavar="ID", help="the new rule's dotted id (e.g. office.content.legal_adviser)")
    rn.add_argument("--dir", default=".", help="the pack directory (default: here)")
    _add_lang(rn)
    rs = rsub.add_parser("schema", help=t("the JSON Schema of a rule file", "规则文件的 JSON Schema"),
                         formatter_class=_Formatter,
                         description=t("Print the JSON Schema that rule files are validated against (for editors).",
                                       "输出校验规则文件所用的 JSON Schema（供编辑器使用）。"),
                         epilog=examples(lang, "lawcheck rules schema --output rules/schema.json"))
    rs.add_argument("-o", "--output", metavar="FILE", help="write there instead of standard output (atomically)")
    _add_lang(rs)
    rd = rsub.add_parser("docs", help=t("the catalogue of the built-in packs' rules (Markdown)",
                                        "内置规则包的规则目录（Markdown）"),
                         formatter_class=_Formatter,
                         description=t("Write the catalogue of the built-in packs' rules as Markdown.",
                                       "以 Markdown 生成内置规则包的规则目录。"),
                         epilog=examples(lang, "lawcheck rules docs --output docs/rules.md"))
    rd.add_argument("-o", "--output", metavar="FILE", help="write there instead of standard output (atomically)")
    _add_lang(rd)

    e = sub.add_parser("explain", help=t("explain one rule", "解释一条规则"), formatter_class=_Formatter,
                       description=t("What a rule requires, its legal basis, what it looks for, examples and the "
                                     "fix hint.", "说明一条规则的要求、依据、查找的内容、示例和修改建议。"),
                       epilog=examples(lang, "lawcheck explain content.first_responsible_duty",
                                       "lawcheck explain 三项制度"))
    e.add_argument("rule_id", metavar="RULE_ID", help="a rule id, or words from its title")
    _add_rule_source_args(e)

    g = sub.add_parser("config", help=t("show the effective settings", "显示当前设置"), formatter_class=_Formatter,
                       description=t("Show the settings a check would use and where each comes from "
                                     "(lawcheck.toml or the default).",
                                     "显示检查将使用的设置及其来源（lawcheck.toml 或默认值）。"),
                       epilog=examples(lang, "lawcheck config"))
    _add_lang(g)
    g.add_argument("--debug", action="store_true", help="show a traceback for unexpected errors")

    sv = sub.add_parser("serve", formatter_class=_Formatter,
                        help=t("a page on this computer to drop a report on", "本机网页：拖入或粘贴报告即可检查"),
                        description=t("Open a page on this computer (127.0.0.1, a free port) to drop a .docx, .pdf, "
                                      ".txt or .ofd on or paste a report's text: the scorecard shows at once and "
                                      "follows the text as it is edited.  Nothing leaves the computer and nothing "
                                      "is kept.  Needs lawcheck[serve].",
                                      "在本机（127.0.0.1，自动选择空闲端口）打开一个网页：拖入 .docx、.pdf、.txt、.ofd "
                                      "文件或粘贴报告全文，立即看到检查结果，修改文字时结果随之更新。内容不离开本机，"
                                      "也不保留。需要安装 lawcheck[serve]。"),
                        epilog=examples(lang, "lawcheck serve", "lawcheck serve --port 8765 --no-browser"))
    sv.add_argument("--host", default="127.0.0.1",
                    help="the address to listen on (default 127.0.0.1: this computer only)")
    sv.add_argument("--port", type=_port, default=0, help="the port (default 0: a free one)")
    sv.add_argument("--no-browser", action="store_true", help="do not open the browser; only print the address")
    sv.add_argument("--year", type=_year, default=None, metavar="N", help="report year, overriding the text")
    # The page's "not an annual report" line suggests --kind annual_report, as check's does.
    sv.add_argument("--kind", choices=["annual_report", "other"], default=None,
                    help="whether the input is an annual report (default: read from its title and wording)")
    _add_limit_args(sv, t("limits on one input (README: Limits and safety)",
                          "单个输入的上限（见 README 的 Limits and safety）"))
    _add_rule_source_args(sv)
    if lang == "zh":
        _localise(p)
    return p


# The option texts as a Chinese reader reads them (English with --lang en or LAWCHECK_LANG=en).
_HELP_ZH = {
    "rule pack by name (core, shaanxi, shenzhen, an installed plugin) or directory; repeatable; each brings "
    "what it extends (default: core)": "规则包名称（core、shaanxi、shenzhen 或已安装的插件）或目录；可重复；"
                                     "自动带上它所继承的规则包（默认 core）",
    "a directory of extra rule files (repeatable); adds to lawcheck.toml's 'rules'":
        "附加规则文件所在目录（可重复）；与 lawcheck.toml 的 rules 合并",
    "leave a rule out (repeatable, or ids joined by commas); adds to lawcheck.toml's 'disable'":
        "停用一条规则（可重复，或用逗号分隔多个编号）；与 lawcheck.toml 的 disable 合并",
    "language of what a person reads (default zh; env LAWCHECK_LANG)": "输出语言（默认 zh；环境变量 LAWCHECK_LANG）",
    "show a traceback for unexpected errors": "出现意外错误时显示调用栈",
    "files (.txt .text .docx .docm .pdf .html .htm .shtml .mhtml .mht .ofd), directories (searched recursively) or '-'":
        "文件（.txt .text .docx .docm .pdf .html .htm .shtml .mhtml .mht .ofd）、文件夹（逐层查找）或 -（标准输入）",
    "file-name pattern to pick in directories (repeatable; default: every supported format)":
        "在文件夹中挑选文件的文件名模式（可重复；默认：所有支持的格式）",
    "write there instead of standard output (atomically)": "写入该文件而不是标准输出（写完整后才替换）",
    "gate: every score must be ≥ N (0–100)": "门槛：每份报告得分须 ≥ N（0–100）",
    "gate: fail when a rule of this severity (or worse) fails or is partial (default error)":
        "门槛：该严重程度（或更严重）的规则缺失或部分满足时不通过（默认 error）",
    "check N inputs in parallel (default: the number of cores)": "并行检查 N 个文件（默认：CPU 核数）",
    "report year, overriding the text": "报告年度（覆盖正文中读出的年度）",
    "publication date, overriding the page header": "发布日期（覆盖网页上读出的日期）",
    "the same body's report of the year before: the scorecard adds the year-over-year review (last year's plan "
    "and shortcomings followed up, text copied from it) and a year-over-year claim is held against its figures":
        "同一单位上一年度的报告：记分卡增加历年对照（上年安排是否落实、上年不足是否整改、是否照搬上年文字），"
        "本报告所称的同比变化也将与其中的数据核对",
    "LAST THIS (two files), or folders / files to pair":
        "LAST THIS（两个文件：先上一年度，后本年度），或要配对的文件夹、文件",
    "text (default), json, markdown, html (two files side by side; a folder: -o DIR), csv":
        "text（默认）、json、markdown、html（两份报告并排对照；文件夹须用 -o 指定目录）、csv",
    "compare two files even when their organ or years do not line up": "即使两份报告的机关或年度对不上，也进行对照",
    "with --previous: compare even when the two reports' organ or years do not line up":
        "与 --previous 同用：即使两份报告的机关或年度对不上，也进行对照",
    "a folder: pairs to use (rows: last year's file, this year's file; paths relative to the CSV)":
        "文件夹：指定配对（每行：上一年度文件, 本年度文件；路径相对于该 CSV 所在文件夹）",
    "this year's report year, overriding the text": "本年度报告的年度（覆盖正文中读出的年度）",
    "a folder: N processes (default: the number of cores)": "文件夹：使用 N 个进程（默认：CPU 核数）",
    "every item and passage, not only the first": "列出全部事项和段落，而不只是前几项",
    "the reporter's level (recorded on the scorecard; decides which rules apply, e.g. a township's)":
        "报告主体的层级（记入记分卡；决定哪些规则适用，如乡镇不适用的各项）",
    "who reports: a people's government, a government department, or party committee and government jointly "
    "(default: read from the organ's name)": "报告主体：人民政府、政府部门或党委和政府联合（默认：从机关名称判断）",
    "whether the input is an annual report (default: read from its title and wording)":
        "是否为法治政府建设年度报告（默认：从标题和措辞判断）",
    "the encoding of text files, instead of detecting it (e.g. gb18030)": "文本文件的编码，不自动识别（如 gb18030）",
    "show all evidence (and every scorecard of a batch)": "显示全部证据（批量时显示每份记分卡）",
    "print only the score line": "只输出得分行",
    "no progress bar": "不显示进度条",
    "largest file read, in bytes (default 50 MB)": "读取文件的最大字节数（默认 50 MB）",
    ".docx/.ofd: largest total unpacked size (default 200 MB)": ".docx/.ofd：解压后的最大总大小（默认 200 MB）",
    ".docx/.ofd: most members in the archive (default 10000)": ".docx/.ofd：压缩包内最多文件数（默认 10000）",
    "most PDF pages (default 2000)": "PDF 最多页数（默认 2000）",
    "longest extracted text, in characters (default 10000000)": "提取文字的最大字数（默认 10000000）",
    "address space of the process checking one input, in bytes (default 2 GB; Linux and macOS)":
        "检查单个文件的进程可用的地址空间（字节，默认 2 GB；Linux 和 macOS）",
    "time for one input; in a batch its worker is stopped (default 300)":
        "单个文件的时限（秒）；批量时超时的进程会被停止（默认 300）",
    "run every rule's examples and say which fail and why": "运行每条规则的示例，说明哪些不符及原因",
    "a pack directory (default: the active packs)": "规则包目录（默认：当前使用的规则包）",
    "write a commented template rule file": "生成带注释的规则文件模板",
    "the pack directory (default: here)": "规则包目录（默认：当前目录）",
    "the JSON Schema of a rule file": "规则文件的 JSON Schema",
    "the catalogue of the built-in packs' rules (Markdown)": "内置规则包的规则目录（Markdown）",
    "show this help message and exit": "显示本帮助并退出",
    "how the list is written (default text)": "列表的输出格式（默认 text）",
    "the new rule's dotted id (e.g. office.content.legal_adviser)":
        "新规则的编号（以点分隔，如 office.content.legal_adviser）",
    "a rule id, or words from its title": "规则编号，或规则标题中的词语",
    "show program's version number and exit": "显示版本号并退出",
    "the address to listen on (default 127.0.0.1: this computer only)": "监听地址（默认 127.0.0.1：仅本机可访问）",
    "the port (default 0: a free one)": "端口（默认 0：自动选择空闲端口）",
    "do not open the browser; only print the address": "不打开浏览器，只输出网址",
}


def _localise(parser: argparse.ArgumentParser) -> None:
    """The option texts of the parser and its subcommands in Chinese (the names of options stay as typed)."""
    parser._positionals.title = "位置参数"
    parser._optionals.title = "选项"
    for action in parser._actions:
        if isinstance(action.help, str) and action.help in _HELP_ZH:
            action.help = _HELP_ZH[action.help]
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                _localise(sub)


_MSG = {
    "zh": {"bad_date": "--published 须为日期（如 2024-03-01 或 2024年3月1日）",
           "no_such_date": "--published {date} 不是存在的日期",
           "dash_name": "“{name}”以“-”开头，被当作了选项；文件名请写成 ./{name}，或写在 -- 之后",
           "internal": "内部错误：{err}（加 --debug 查看详情）",
           "office_suffix": "不能写出 {suffix} 文件：“{path}”将无法打开；表格请写成 .csv（WPS、Excel 都能打开），"
                            "如 -o 汇总.csv",
           "empty_folder": "{path}：文件夹中没有要检查的文件（文件名模式：{globs}）",
           "file_on_the_way": "无法写入“{path}”：“{err}”是文件，不是文件夹",
           "office_word": "不能写出 {suffix} 文件：“{path}”将无法打开；带批注的 Word 文件请写成 .docx"
                          "（如 -o 审查意见.docx），表格请写成 .csv",
           "settings_used": "按设置文件“{path}”：{what}（lawcheck config 列出全部设置）",
           "jobs": "-j 须为正整数", "unknown_rule": "没有规则“{rid}”", "did_you_mean": "，是否指：{near}",
           "config_head": "当前设置", "config_file": "配置文件", "none": "（未找到）",
           "interrupted": "已中断：已检查 {done} 个，共 {total} 个；已完成的结果{where}",
           "html_dir": "多个报告输出 HTML 时须用 -o 指定一个目录（生成 index.html 和每份报告的页面）",
           "dir_not_file": "多个报告输出 HTML 时 -o 须为目录（不带扩展名，或以 / 结尾），而不是“{name}”",
           "no_input": "没有找到要检查的文件（查找了：{where}；文件名模式：{globs}）",
           "left_out": "已跳过 {n} 个本机 lawcheck 写出的文件：{names}（要检查其中的文件，请直接指定它）",
           "unsupported": "已跳过 {n} 个不是可读格式的文件：{names}（可读 .docx .pdf .txt .html .mhtml .ofd；图片、"
                          "扫描件请提供文字版，其他格式请另存为 .docx 或直接指定该文件）",
           "left_out_sep": "、",
           "written": "结果已写入 {path}",
           "compare_missing": "找不到“{path}”",
           "compare_two": "请给出两个文件（先上一年度、后本年度的报告），或一个及以上文件夹",
           "compare_folder_option": "{option} 只用于两个文件的对照",
           "is_input": "输出位置“{path}”就是要检查的文件；lawcheck 不改写输入文件，请另选输出位置",
           "stdout_is_input": "标准输出指向要检查的文件“{path}”；lawcheck 不改写输入文件，"
                              "请另选输出位置（-o 或另一个文件）",
           "is_read": "输出位置“{path}”是本次运行要读取的文件或规则包文件夹（设置文件、配对文件、规则包）；"
                      "lawcheck 不改写它读取的文件，请另选输出位置",
           "is_dir": "“{path}”是文件夹；请给出文件名（或用 --format html 输出多份报告的页面）",
           "not_dir": "“{path}”已存在且不是文件夹；多个报告的 HTML 页面须写入文件夹",
           "not_ours": "输出位置“{path}”已有一个不是 lawcheck 写的文件（可能是报告本身）；lawcheck 不覆盖它，"
                       "请另选输出文件名，或确认后先删除该文件",
           "cannot_write": "无法写入“{path}”：{err}",
           "empty_output": "输出文件名为空（-o 后是空字符串或只有空格）：请写出文件名（如 -o 审查意见.txt），"
                           "或去掉 -o 直接输出",
           "spaced_output": "输出文件名“{name}”首尾有空格（可能是多打或复制进来的）：请去掉空格后再写",
           "io_failed": "无法读写“{path}”：{err}",
           "spool": "无法写入临时文件夹“{path}”（批量 Markdown 的各报告部分先暂存于此，可用 TMPDIR 另选）：{err}",
           "stale": "已删除该文件夹中上次生成、本次没有对应报告的 {n} 个页面",
           "previous_one": "--previous 只能用于检查一份报告（给出了 {n} 份）",
           "previous_bad": "上一年度报告“{path}”：{err}",
           "previous_force": "如确需对照，请加 --force。",
           "previous_self": "与要检查的报告是同一个文件",
           "previous_stdin": "须写文件名（“-”标准输入只用于要检查的报告）",
           "waiver_expired": "{where}: 提示：{rule} 的豁免已于 {until} 到期，不再适用；如仍需豁免，请更新 until",
           "docx_dir": "多个报告输出 Word 批注文档时须用 -o 指定一个目录（每份报告一个 .docx）",
           "docx_dir_not_file": "多个报告输出 Word 批注文档时 -o 须为目录（不带扩展名，或以 / 结尾），而不是“{name}”",
           "binary_terminal": "Word 文档不能输出到终端，请用 -o 指定文件，如：-o 报告-审查意见.docx",
           "compare_docx": "lawcheck compare 不输出 Word 文档；请用 .html、.json、.csv 或 .md 作 -o 的扩展名"
                           "（批注版 Word 文档用 lawcheck check 报告.docx -o 报告-审查意见.docx）",
           "serve_url": "lawcheck 本机检查页面：{url}\n（文件和文字只在本机处理，不保留；按 Ctrl-C 关闭）",
           "serve_open": "警告：--host {host} 不是本机回环地址，同一网络中的其他电脑也可能打开此页面并提交报告；"
                         "页面没有登录保护，只应在可信的网络中这样使用",
           "serve_bind": "无法在 {host} 端口 {port} 上打开页面：{err}"},
    "en": {"bad_date": "--published must be a date (2024-03-01, or 2024年3月1日)",
           "no_such_date": "--published {date} is no date of the calendar",
           "dash_name": "\"{name}\" starts with \"-\" and was read as an option: write ./{name}, or put it after --",
           "internal":
           "internal error: {err} (run with --debug for details)", "jobs": "-j must be a positive integer",
           "settings_used": "settings from \"{path}\": {what} (lawcheck config lists them all)",
           "office_suffix": "cannot write {suffix} files: \"{path}\" would not open; for a table WPS and Excel "
                            "open, write .csv (-o summary.csv)",
           "empty_folder": "{path}: no file to check in this folder (file name patterns: {globs})",
           "file_on_the_way": "cannot write \"{path}\": \"{err}\" is a file, not a folder",
           "office_word": "cannot write {suffix} files: \"{path}\" would not open; for the report with comments "
                          "write .docx (-o review.docx), for a table .csv",
           "unknown_rule": "no rule '{rid}'", "did_you_mean": "; did you mean: {near}",
           "config_head": "Effective settings", "config_file": "config file", "none": "(none found)",
           "interrupted": "interrupted: {done} of {total} checked; the finished results {where}",
           "html_dir": "HTML for several reports needs -o DIRECTORY (index.html and one page per report)",
           "dir_not_file": "HTML for several reports needs -o DIRECTORY (no extension, or ending in /), not '{name}'",
           "no_input": "no file to check was found (looked in: {where}; file name patterns: {globs})",
           "left_out": ("left out {n} file(s) this user's lawcheck wrote: {names} (to check one, name the "
                        "file itself)"),
           "unsupported": ("left out {n} file(s) in no format lawcheck reads: {names} (it reads .docx .pdf .txt "
                           ".html .mhtml .ofd; for a picture or a scan give the text, save others as .docx or name "
                           "the file itself)"),
           "left_out_sep": ", ",
           "written": "results written to {path}",
           "compare_missing": "no such file or folder: \"{path}\"",
           "compare_two": "give two files (last year's report, then this year's), or one or more folders",
           "compare_folder_option": "{option} is for comparing two files",
           "is_input": "the output \"{path}\" is one of the files being checked; lawcheck never writes to its inputs",
           "stdout_is_input": "standard output goes to \"{path}\", one of the files being checked; lawcheck "
                              "never writes to its inputs: choose another output (-o or another file)",
           "is_read": "the output \"{path}\" is a file or rule pack folder this run reads (the settings, the pairs, "
                      "a rule pack); lawcheck never writes to what it reads",
           "is_dir": "\"{path}\" is a folder; give a file name (or --format html for a page per report)",
           "not_dir": "\"{path}\" exists and is not a folder; HTML pages for several reports go into a folder",
           "not_ours": "the output \"{path}\" is a file lawcheck did not write (perhaps a report itself); it is not "
                       "overwritten: choose another name, or delete it first",
           "cannot_write": "cannot write \"{path}\": {err}",
           "empty_output": "the output file name is empty (-o was given an empty string or only spaces): give a file "
                           "name (such as -o review.txt), or leave -o out to write to standard output",
           "spaced_output": "the output file name \"{name}\" begins or ends with a space (typed or pasted in by "
                            "mistake?): remove it",
           "io_failed": "cannot read or write \"{path}\": {err}",
           "spool": "cannot write to the temporary folder \"{path}\" (a batch's Markdown holds the reports' parts "
                    "there; TMPDIR chooses another): {err}",
           "stale": "removed {n} pages lawcheck wrote there before for reports not in this run",
           "previous_one": "--previous works with one report to check ({n} given)",
           "previous_bad": "last year's report \"{path}\": {err}",
           "previous_force": " Add --force to compare them anyway.",
           "previous_self": "it is the same file as the report to check",
           "previous_stdin": "give a file (\"-\", standard input, is for the report to check)",
           "waiver_expired": "{where}: note: the waiver of {rule} ran out on {until} and no longer applies; "
                             "update until if it is still needed",
           "docx_dir": "Word documents for several reports need -o DIRECTORY (one .docx per report)",
           "docx_dir_not_file": "Word documents for several reports need -o DIRECTORY (no extension, or ending in /), "
                                "not '{name}'",
           "binary_terminal": "a Word document cannot be written to a terminal: give -o FILE, e.g. -o review.docx",
           "compare_docx": "lawcheck compare writes no Word document: give -o a .html, .json, .csv or .md name "
                           "(the commented Word copy is lawcheck check REPORT.docx -o REVIEW.docx)",
           "serve_url": "lawcheck's page on this computer: {url}\n(files and text stay on this computer and are not "
                        "kept; Ctrl-C stops it)",
           "serve_open": "warning: --host {host} is not a loopback address: other computers on the network may open "
                         "this page and post reports to it; it has no login, so do this only on a trusted network",
           "serve_bind": "cannot open the page on {host} port {port}: {err}"},
}


def _err(msg: str) -> None:
    from lawcheck.render.common import visible

    # A name or a report's words in the message: its control characters shown, never acted on.
    print(f"lawcheck: {visible(msg)}", file=sys.stderr)


def _say_left_out(names: list[str], m: dict[str, str], others: list[str] | None = None) -> None:
    """One line on standard error for the files of a folder left out as lawcheck's own output, and one for
    those in no format lawcheck reads: nothing given is dropped in silence (a commented copy renamed as a
    submission is still named, and so is a scan sent as a picture)."""
    for key, found in (("left_out", names), ("unsupported", others or [])):
        if found:
            shown = m["left_out_sep"].join(_one_line(n) for n in found[:5]) + ("…" if len(found) > 5 else "")
            _err(m[key].format(n=len(found), names=shown))


def _one_line(text: str) -> str:
    from lawcheck.inputs import display_name
    from lawcheck.render.common import visible

    # a name's bytes that are not UTF-8 as U+FFFD, as every other message shows them (not "\udcff")
    return visible(display_name(text), one_line=True)


# Settings that change what is checked, how it is read and what passes: a reviewer who runs lawcheck inside a
# folder received with its own lawcheck.toml must not have rules turned off, files left out by a glob, shortfalls
# waived or the gate lowered without a word (found by attack reviews).
_VERDICT_KEYS = ("disable", "packs", "rules", "year", "level", "glob", "waivers", "min_score", "fail_on")


def _say_settings(s, lang: str, quiet: bool) -> None:  # type: ignore[no-untyped-def]
    """One line on stderr naming the settings file and what in it changes the results."""
    if s.file is None or quiet:
        return
    from lawcheck.waivers import today

    # The waivers that still apply (one run out is warned about on its own line, and changes nothing).
    live = [w for w in s.values.get("waivers") or () if w.until >= today()]
    keys = [k for k in _VERDICT_KEYS if str(s.file) in s.sources.get(k, "") and (k != "waivers" or live)]
    if not keys:
        return
    def shown(key: str) -> str:
        value = s.values[key]
        if key == "waivers":  # what they waive, not the whole entries
            value = f"{len(live)}（{', '.join(sorted({w.rule for w in live}))}）"
        elif isinstance(value, (list, tuple)):
            value = ", ".join(map(str, value))
        return f"{key.replace('_', '-')} = {value}"
    what = ("；" if lang == "zh" else "; ").join(shown(k) for k in keys)
    _err(_MSG[lang]["settings_used"].format(path=_one_line(str(s.file)), what=_one_line(what)))


def _settings(args: argparse.Namespace):
    from lawcheck.config import LIMIT_KEYS, load_settings

    s = load_settings()
    flags = {
        "format": getattr(args, "format", None) if args.command == "check" else None,
        "min_score": getattr(args, "min_score", None),
        "fail_on": getattr(args, "fail_on", None),
        "year": getattr(args, "year", None),
        "level": getattr(args, "level", None),
        "lang": getattr(args, "lang", None),
        "jobs": getattr(args, "jobs", None),
        "glob": getattr(args, "glob", None),
        **{k: getattr(args, k, None) for k in LIMIT_KEYS},
    }
    for key, value in flags.items():
        if value is not None:
            s.set(key, value, "command line")
    for key in ("rules", "disable"):
        more = getattr(args, key, None)
        if more:
            # (--disable a,b as ruff's --ignore takes it: a rule id holds no comma)
            value = [*s.values[key], *(str(Path(x).resolve()) for x in more)] if key == "rules" else \
                [*s.values[key], *(i.strip() for x in more for i in x.split(",") if i.strip())]
            s.set(key, value, "command line" if not s.values[key] else f"{s.sources[key]} + command line")
    if getattr(args, "pack", None):
        from lawcheck.packs.discover import is_builtin_name, pack_ref

        s.set("packs", [pack_ref(p) for p in args.pack], "command line")
        for p in args.pack:
            if is_builtin_name(p) and (Path(p) / "pack.yaml").is_file():  # the user may have meant the folder
                _err(f"注意：--pack {p} 是内置规则包；要用当前目录下的同名文件夹，请写 --pack ./{p}"
                     if s.lang == "zh" else
                     f"note: --pack {p} is the built-in pack; for the folder of that name here, write --pack ./{p}")
    _SETTINGS_LANG[:] = [s.lang]  # errors told after this point speak the settings' language too
    return s


def _load_pack(args: argparse.Namespace, s):
    from lawcheck.packs import load_pack

    return load_pack(packs=s.packs, extra=s.rules, disable=s.disable)


# ----------------------------------------------------------------------------- check


_TERMINATED = threading.Event()  # SIGTERM arrived (exit 143, also when it ends the run at once)


class _Interrupts:
    """While active, Ctrl-C only asks the batch to stop: it is honoured between records (see
    ``_until``), so a record is never cut in half and the finished ones are all written."""

    def __init__(self, single: bool = False) -> None:
        self.pressed = False
        self.single = single  # one input, checked in this process: nothing finished to keep
        self.terminated = False
        self._old = None

    def __enter__(self) -> _Interrupts:
        import signal
        import threading

        from lawcheck.batch import STOP

        STOP.clear()
        _TERMINATED.clear()
        self.terminated = False
        if threading.current_thread() is threading.main_thread():
            self._old = signal.signal(signal.SIGINT, self._press)
            # SIGTERM (a service manager, a CI timeout, kill) is a Ctrl-C: stop, keep what is finished,
            # leave no temporary file.
            self._old_term = signal.signal(signal.SIGTERM, self._press)
        return self

    def _press(self, signum, _frame) -> None:
        import signal

        from lawcheck.batch import STOP

        if signum == signal.SIGTERM:
            self.terminated = True
            _TERMINATED.set()
        if self.pressed or self.single:  # a second Ctrl-C, or one input (nothing finished to keep): at once
            raise KeyboardInterrupt
        self.pressed = True
        STOP.set()  # a batch waiting on an input in flight stops waiting

    def __exit__(self, *exc: object) -> None:
        import signal

        if self._old is not None:
            signal.signal(signal.SIGINT, self._old)
            signal.signal(signal.SIGTERM, self._old_term)


def _until(ctrl_c: _Interrupts, records):
    """The records until Ctrl-C; then the batch is closed (its workers stopped)."""
    try:
        for it in records:
            yield it
            if ctrl_c.pressed:
                return
    finally:
        records.close()


SPOOL_IN_MEMORY = 8 << 20  # bytes of a summary-first format's records held in memory before they go to disk


def _unwritten(rec: Record) -> Record:
    """A streamed record as a batch keeps it for its summary or index: without the text or file written."""
    return rec.model_copy(update={"line": None}) if rec.line else rec


class _Spool:
    """Where a format whose summary comes first (Markdown) writes its records as they are checked: a temporary
    file, in memory up to 8 MB and on disk past that (never beside the output, removed when closed), copied
    to the sink after the summary.  Any other format writes to the sink itself."""

    def __init__(self, sink: _Sink, spool: bool) -> None:
        self.sink = sink
        self.spool = spool
        self.f = None

    def __enter__(self) -> _Spool | _Sink:
        if not self.spool:
            return self.sink
        import tempfile  # Markdown's spool only: a check's cold start does without it

        self.f = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY, mode="w+", encoding="utf-8", newline="")
        return self

    def write(self, text: str) -> None:
        with self._own_errors():
            self.f.write(text)  # type: ignore[union-attr]

    def copy_to(self, sink: _Sink) -> None:
        if self.f is None:
            return
        with self._own_errors():
            self.f.seek(0)
        while True:
            with self._own_errors():
                chunk = self.f.read(1 << 20)
            if not chunk:
                return
            sink.write(chunk)  # the output's own errors stay the output's

    @staticmethod
    @contextlib.contextmanager
    def _own_errors() -> Iterator[None]:
        """The temporary folder's errors (full, read-only), not the output's: said as such."""
        try:
            yield
        except OSError as e:
            import tempfile

            raise _OutputError("spool", tempfile.gettempdir(), _os_reason(e)) from e

    def __exit__(self, *exc: object) -> None:
        if self.f is not None:
            # What was buffered for a full temporary folder is lost: the write that failed already said why.
            with contextlib.suppress(OSError):
                self.f.close()


class _Sink:
    """Standard output, or a file written atomically: a temporary file beside it, renamed when
    everything is written, removed if anything fails (a half-written report list never lands)."""

    def __init__(self, output: str | None, binary: bool = False) -> None:
        self.output = output
        self.binary = binary
        self.tmp: str | None = None
        self.f = None
        # What is written to an output file is hashed as it goes and recorded when complete (``lawcheck.written``;
        # standard output sent to a file is recorded as it stands at exit): a later folder walk leaves it out.
        self.hash = None
        self.size = 0

    def __enter__(self) -> _Sink:
        import hashlib

        if self.output is None or self.output == "-":
            with contextlib.suppress(OSError, ValueError, AttributeError):
                st = os.fstat(sys.stdout.fileno())
                # A new file, or one holding only lawcheck's own messages (standard error sent there too: "> 结果.txt
                # 2>&1"): recorded as it stands when the process ends, whatever else it prints there after this.
                if stat.S_ISREG(st.st_mode) and sys.stdout.fileno() == 1 and (
                        st.st_size == 0 or _only_ours_so_far(st.st_size)):
                    from lawcheck import written

                    written.remember_stdout_at_exit()
        if self.output is not None and _special(self.output):
            # /dev/stdout, a FIFO, a terminal: no file to replace, written straight through.
            self.f = open(self.output, "wb") if self.binary else \
                open(self.output, "w", encoding="utf-8", newline="")
            self.tmp = None
        elif self.output is not None:
            import tempfile  # written beside the output, then moved over it

            target = Path(self.output)
            # Named after the output, unless that makes a name too long for the file system (a name of 241–255
            # bytes is a valid output; 14 more are not)
            prefix = f".{target.name}." if len(os.fsencode(target.name)) <= _TMP_NAMED else ".lawcheck."
            fd, self.tmp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".", prefix=prefix,
                                            suffix=".tmp")
            self.f = os.fdopen(fd, "wb") if self.binary else os.fdopen(fd, "w", encoding="utf-8", newline="")
            self.hash = hashlib.sha256()
        return self

    def _count(self, data: bytes | memoryview) -> None:
        if self.hash is not None:
            self.hash.update(data)
            self.size += len(data)

    def write(self, text: str | bytes) -> None:
        if self.f is not None:
            self.f.write(text)
            self._count(text if isinstance(text, bytes) else text.encode("utf-8"))
            return
        raw = getattr(sys.stdout, "buffer", None)
        if raw is None:  # a replaced stdout (tests, embedding): text only
            sys.stdout.write(text if isinstance(text, str) else text.decode("latin-1"))
            return
        # Bytes, written to the end: under PYTHONUNBUFFERED stdout's buffer is a raw file whose
        # write may stop short when a signal arrives mid-record, and the text layer drops the rest.
        sys.stdout.flush()
        data = memoryview(text if isinstance(text, bytes) else
                          text.encode(sys.stdout.encoding or "utf-8", sys.stdout.errors or "strict"))
        while data:
            n = raw.write(data)
            data = data[n if n is not None else 0:]
        raw.flush()

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.f is None:
            sys.stdout.flush()
            return
        self.f.close()
        if self.tmp is None:
            return
        assert self.output is not None
        if exc_type is None:
            # The temporary file is private (0600) while it is written; the result gets the mode any
            # file the user writes gets (their umask), so a 汇总.csv on a shared drive can be opened.
            try:
                os.chmod(self.tmp, 0o666 & ~_umask())
                os.replace(self.tmp, self.output)
            except OSError:  # a folder where the file goes, a read-only target: no temporary file left
                Path(self.tmp).unlink(missing_ok=True)
                raise
            self._remember()
        else:
            Path(self.tmp).unlink(missing_ok=True)


    def _remember(self) -> None:
        if self.hash is not None and self.size:
            from lawcheck import written

            written.remember_output(self.size, self.hash.hexdigest())


def _only_ours_so_far(size: int) -> bool:
    """Whether what standard output's file holds before anything is written there is lawcheck's own messages
    (standard error sent to the same file), not a file of the user's being added to."""
    if size > 65536:
        return False
    try:
        with open("/proc/self/fd/1", "rb") as f:
            head = f.read(size)
    except OSError:
        return False
    return all(line.startswith(b"lawcheck: ") for line in head.splitlines() if line)


def _special(output: str) -> bool:
    """An output to write through rather than replace: a link (/dev/stdout, a user's link to a shared
    file: renaming onto it would replace the link itself), or anything that is not a regular file (a
    device, a FIFO, a terminal)."""
    import stat

    try:
        if os.path.islink(output):
            return True
        mode = os.stat(output).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write(text: str | bytes, output: str | None) -> None:
    """Standard output, or a file written atomically (a temporary file, then rename).  A page written to
    a file is recorded as lawcheck's own (``lawcheck.written``), so a later folder walk leaves it out.
    Bytes (a Word document) are written as they are."""
    with _Sink(output, binary=isinstance(text, bytes)) as out:
        out.write(text)
    if output is not None and output != "-":
        from lawcheck import written

        if isinstance(text, bytes):  # a commented Word copy: a later folder walk leaves it out too
            written.remember(text, word=True)
        elif written.marked(text):
            written.remember(text.encode("utf-8"))


def _show(text: str) -> None:
    """Text made from a rule pack (a third party's titles and messages) on standard output: its control
    characters shown as escapes, never acted on by the terminal."""
    from lawcheck.render.common import visible

    _write(visible(text), None)


def _progress(total: int, lang: str):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeRemainingColumn
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task) -> Text:
            return Text(f"{task.speed:.1f}/s" if task.speed else "", style="dim")

    label = "检查中" if lang == "zh" else "checking"
    # No stdout redirection: record formats stream to stdout while the bar is live, and rich would
    # otherwise move those lines onto its own console (stderr).
    prog = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), Rate(), TimeRemainingColumn(),
                    console=Console(stderr=True), transient=True, redirect_stdout=False, redirect_stderr=False)
    task = prog.add_task(label, total=total)
    prog.start()
    return (lambda done, _total: prog.update(task, completed=done)), prog.stop


def _score(text: str) -> float:
    value = float(text)
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"must be between 0 and 100: {text}")
    return value


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text}")
    return value


def _port(text: str) -> int:
    value = int(text) if text.isdigit() else -1
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"must be between 0 and 65535: {text}")  # 0: a free one
    return value


def _year(text: str) -> int:
    value = int(text)
    if not 2000 <= value <= 2100:  # the first 纲要 is of 2004; a typo such as 1800 or 3000 is not a year
        raise argparse.ArgumentTypeError(f"must be between 2000 and 2100: {text}")
    return value


def _seconds(text: str) -> float:
    value = float(text)
    if not 0.001 <= value <= 1_000_000:  # also nan and inf: an alarm takes neither
        raise argparse.ArgumentTypeError(f"must be between 0.001 and 1000000: {text}")
    return value


def _memory(text: str) -> int:
    value = int(text)
    if not 16 * 1024 * 1024 <= value <= 1 << 50:
        raise argparse.ArgumentTypeError(f"must be between {16 * 1024 * 1024} and {1 << 50}: {text}")
    return value


def _encoding(text: str) -> str:
    import codecs

    try:
        info = codecs.lookup(text)
    except LookupError:
        info = None
    # Only a text encoding decodes a report: not rot13, base64, zlib (bytes to bytes), not "undefined" (which
    # refuses everything); each would fail every file of a batch, one by one.
    if info is None or not getattr(info, "_is_text_encoding", True) or info.name == "undefined":
        raise argparse.ArgumentTypeError("unknown encoding: " + (text or '""')) from None
    return info.name


# argparse names a failed type by its function's name ("invalid _score value"): names a reader reads.
_score.__name__ = "score"
_positive_int.__name__ = "count"
_year.__name__ = "year"
_seconds.__name__ = "seconds"
_memory.__name__ = "bytes"


def _check(args: argparse.Namespace) -> int:
    import functools

    from lawcheck.batch import Options, default_jobs, iter_run
    from lawcheck.config import LIMIT_KEYS
    from lawcheck.engine import key_indicators, rule_infos
    from lawcheck.gate import Gate
    from lawcheck.inputs import Source, expand, output_identities, stdout_input
    from lawcheck.limits import Limits
    from lawcheck.readers import default_globs
    from lawcheck.render import Context, module, part

    s = _settings(args)
    lang = s.lang
    m = _MSG[lang]
    if args.published:
        from lawcheck.text.dates import written_day

        try:  # as evaluate() takes it: 2024-03-01, 2024年3月1日, 2024/3/1, 20240301
            day = written_day(args.published)
        except ValueError:
            # The form is right but the day does not exist ("2021-02-30"): say that, not "use YYYY-MM-DD".
            _err(m["no_such_date"].format(date=args.published))
            return Exit.USAGE_OR_INPUT
        if day is None:
            _err(m["bad_date"].format(date=args.published))
            return Exit.USAGE_OR_INPUT
        args.published = day.isoformat()
    jobs = s.jobs if s.jobs is not None else default_jobs()
    if jobs < 1:
        _err(m["jobs"])
        return Exit.USAGE_OR_INPUT
    pack = _load_pack(args, s)  # rule-file errors surface here, before any input is read
    waivers = _waivers(s, pack, lang)  # an unknown rule id is an error before any input is read, too
    _say_settings(s, lang, args.quiet)  # once the settings are known good: an error is the only line then
    if args.output and _office_output_refused(args.output, m):
        return Exit.USAGE_OR_INPUT
    # No --format: the -o file's suffix says which (汇总.csv is CSV, a page .html is HTML).
    fmt = s.format or (_format_of(args.output) if args.output else None) or (
        "rich" if sys.stdout.isatty() and not args.output else "text")
    renderer = module(fmt)
    spec = renderer.FORMAT
    if spec.requires is not None and not _importable(spec.requires[0]):
        from lawcheck.readers.base import msg

        _err(msg(lang, "extra", fmt="Word", extra=spec.requires[1]))
        return Exit.USAGE_OR_INPUT
    if spec.binary and args.output is None and sys.stdout.isatty():
        _err(m["binary_terminal"])
        return Exit.USAGE_OR_INPUT
    left_out: list[str] = []
    others: list[str] | None = [] if s.glob == default_globs() else None  # a chosen --glob leaves out on purpose
    read = _read_by_this_run(args, s)  # what the run reads besides its reports: never an input, never written
    limits = Limits(**{k: s.values[k] for k in LIMIT_KEYS})
    empty: list[str] = []
    sources = expand(args.paths, s.glob, lang, left_out, others, output_identities(args.output), read[0],
                     limits=limits, empty=empty)
    _say_left_out(left_out, m, others)
    if sources:  # (with nothing to check at all, the one line below says where it looked)
        for folder in empty:  # "lawcheck check 2024/ 2025/" with 2025/ still empty: said, not passed over
            _err(m["empty_folder"].format(path=_one_line(folder), globs=" ".join(s.glob)))
    if not sources:
        # A CI job with a mistyped path, or a --glob that matches nothing, must not pass in silence.
        _err(m["no_input"].format(where=", ".join(args.paths), globs=" ".join(s.glob)))
        return Exit.USAGE_OR_INPUT
    if spec.output == "directory" and len(sources) > 1 and not args.output:
        _err(m.get(f"{fmt}_dir", m["html_dir"]))
        return Exit.USAGE_OR_INPUT
    if spec.output == "directory" and len(sources) > 1 and not (
            args.output.endswith(("/", os.sep)) or not Path(args.output).suffix or Path(args.output).is_dir()):
        _err(m.get(f"{fmt}_dir_not_file", m["dir_not_file"]).format(name=_one_line(args.output)))
        return Exit.USAGE_OR_INPUT
    # Several inputs go to a folder; so does one when -o names a folder (`各区县报告/ -o 审查意见/` with a
    # single report in it): its file, named as in a batch, goes into the folder.
    to_dir = spec.output == "directory" and (len(sources) > 1 or (bool(args.output) and (
        args.output.endswith(("/", os.sep)) or Path(args.output).is_dir())))
    guarded = [*sources, Source(args.previous, Path(args.previous))] if getattr(args, "previous", None) \
        else sources  # last year's report is an input too
    if args.output and args.output != "-":
        problem = _output_problem(args.output, guarded, to_dir, read)
        if problem:
            _err(m[problem[0]].format(path=_one_line(args.output), err=problem[1]))
            return Exit.USAGE_OR_INPUT
    elif (into := stdout_input(guarded)) is not None:
        _err(m["stdout_is_input"].format(path=into))
        return Exit.USAGE_OR_INPUT
    previous = None
    if getattr(args, "previous", None):
        if len(sources) != 1:
            _err(m["previous_one"].format(n=len(sources)))
            return Exit.USAGE_OR_INPUT
        if args.previous == "-":  # standard input is for the report to check; last year's is read from a file
            _err(m["previous_bad"].format(path="-", err=m["previous_stdin"]))
            return Exit.USAGE_OR_INPUT
        if sources[0].path is not None and _same(Path(args.previous), sources[0].path):
            _err(m["previous_bad"].format(path=args.previous, err=m["previous_self"]))
            return Exit.USAGE_OR_INPUT
        previous = _previous_report(args.previous, lang, limits, args.encoding)
        if isinstance(previous, str):
            _err(m["previous_bad"].format(path=args.previous, err=previous))
            return Exit.USAGE_OR_INPUT
        if args.force:  # reviewed as asked, the pairing notes on the history
            previous = previous.model_copy(update={"force": True})
        why = None if args.force or sources[0].path is None else _not_the_year_before(
            str(sources[0].path), previous, pack, lang, limits, args.encoding, s.year)
        if why:
            _err(m["previous_bad"].format(path=args.previous, err=why))
            return Exit.USAGE_OR_INPUT
    stdin_data = _read_stdin(s.values["max_bytes"]) if any(src.path is None for src in sources) else None
    on_terminal = args.output is None and sys.stdout.isatty()
    ctx = Context(lang=lang, gate=Gate(s.min_score, s.fail_on),
                  rules=rule_infos(pack, lang) if spec.needs_rules else (), indicators=key_indicators(pack, lang),
                  verbose=args.verbose, quiet=args.quiet,
                  # Piped: 100 columns, or what COLUMNS says (a CI log, a fixed-width report).
                  width=_terminal_width() if on_terminal else _columns(),
                  # NO_COLOR (no-color.org): no escape codes at all, bold included.
                  styled=on_terminal and not os.environ.get("NO_COLOR"),
                  previous_text=previous.text if previous is not None else None, inputs=len(sources),
                  folder=any(os.path.isdir(a) for a in args.paths) or any(src.member for src in sources))
    # A streaming format is written as each report is checked, in input order, and nothing is kept:
    # memory stays flat for a corpus of any size.  The worker writes the record itself.
    streaming = spec.output == "stream"
    # A folder (HTML pages, Word copies) is written as the reports are checked too: each file made in the worker,
    # the index (HTML) at the end from the slim scorecards kept.
    folder = _Folder(args.output, sources, renderer, ctx, read) if to_dir else None
    if folder is not None:
        clash = folder.clash()
        if clash:
            _err(m[clash[0]].format(path=_one_line(clash[1])))
            return Exit.USAGE_OR_INPUT
    opts = Options(packs=tuple(s.packs), extra=tuple(s.rules), disable=tuple(s.disable), year=s.year,
                   published=args.published, lang=lang, level=s.level, encoding=args.encoding,
                   kind=args.kind, reporter=args.reporter, keep_text=spec.needs_text, gate=ctx.gate,
                   keep_original=spec.needs_original,
                   keep_slim=(streaming and spec.summary) or (folder is not None and folder.indexed),
                   previous=previous, waivers=waivers,
                   write=functools.partial(renderer.record, ctx=ctx) if streaming or folder is not None else None,
                   limits=limits)
    if len(sources) == 1 and getattr(args, "as_program", False):
        from lawcheck.limits import cap_memory

        cap_memory(opts.limits.max_memory)  # one input is checked here, not in a worker: this process is capped
    # --quiet's one line per input carries an unreadable input's reason: on one terminal it is said once.
    said_on_stdout = args.quiet and spec.name in ("text", "rich") and on_terminal and sys.stderr.isatty()
    progress = stop = None
    if len(sources) > 1 and sys.stderr.isatty() and not args.quiet and not args.no_progress:
        progress, stop = _progress(len(sources), lang)
    records = []  # kept only for the formats written at the end
    kept: list = []  # a streamed format's inputs that could not be read, and (summary) every slim record
    wrote = False
    done = 0
    errors = below = False
    try:
        with _Sink(args.output if streaming else None) as sink, _Interrupts(single=len(sources) == 1) as ctrl_c, \
                _Spool(sink, spool=spec.summary_first) as out:
            # The header is written with the first record (or the footer): a Ctrl-C during a single input's
            # check ends the run at once, and must leave no half document (SARIF's opening, JUnit's root).
            head = part(renderer, "header", ctx) if streaming else ""
            between = part(renderer, "separator", ctx) if streaming else ""
            # Ctrl-C stops between records, never inside one: what was written stays whole.
            for rec in _until(ctrl_c, iter_run(sources, opts, jobs=jobs, progress=progress, stdin_data=stdin_data)):
                if rec.error is not None:
                    errors = True
                    if not said_on_stdout:
                        _err(f"{_one_line(rec.path)}: {_one_line(rec.error or '')}")
                below = below or bool(rec.gate)
                done += 1
                if folder is not None:
                    folder.write(rec)
                    if folder.indexed:  # its slim scorecard for the index, never the file written
                        kept.append(_unwritten(rec))
                elif streaming:
                    # Between two records that wrote something (a SARIF record of a report with no result,
                    # or of an input that could not be read, writes nothing).
                    line = rec.line or ""
                    out.write(head + (between if wrote and line else "") + line)
                    head = ""
                    wrote = wrote or bool(line)
                    if rec.error is not None or spec.summary:
                        # Its path and reason, or (a summary's format) its slim scorecard; never the text written.
                        kept.append(_unwritten(rec))
                else:
                    records.append(rec)
            if ctrl_c.pressed and done < len(sources):  # the summary and the log say they are not the whole batch
                import dataclasses

                ctx = dataclasses.replace(ctx, interrupted=len(sources) - done)
                if folder is not None:
                    folder.ctx = ctx
            if streaming:
                # Interrupted too: what was written is a whole document.  The inputs that could not be read
                # (SARIF lists them at its end), and for a format ending in a batch summary every slim record.
                if spec.summary_first:  # the summary, then the records held back
                    sink.write(head + part(renderer, "lead", ctx, kept))
                    head = ""
                    out.copy_to(sink)
                sink.write(head + part(renderer, "footer", ctx, kept))
    except _OutputError as e:  # a folder's file, named
        _err(m[e.key].format(path=e.path, err=e.err))
        return Exit.USAGE_OR_INPUT
    except OSError as e:  # the output file or folder (inputs' errors are records, never raised)
        _err(m["cannot_write"].format(path=_one_line(args.output or "-"), err=_os_reason(e)))
        return Exit.USAGE_OR_INPUT
    finally:
        if stop:
            stop()
    wrote = streaming
    try:
        if folder is not None:  # the index of what was finished (interrupted too), stale pages of a past run removed
            wrote = folder.finish(kept)
        elif not streaming and records and (not spec.binary or any(rec.card is not None for rec in records)):
            # A binary output of an input that could not be read is nothing: its error line says why.
            _write(renderer.render(records, ctx), args.output)
            wrote = True
    except _OutputError as e:
        _err(m[e.key].format(path=e.path, err=e.err))
        return Exit.USAGE_OR_INPUT
    except OSError as e:
        _err(m["cannot_write"].format(path=_one_line(args.output or "-"), err=_os_reason(e)))
        return Exit.USAGE_OR_INPUT
    if args.output and wrote and not args.quiet:  # never said of a Word file not written (its input unreadable)
        _err(m["written"].format(path=_one_line(args.output)))
    if ctrl_c.pressed:
        # On a line of its own (a progress bar or a half-printed line may be on the terminal), saying where
        # the finished results went.
        if lang == "zh":
            where = f"已写入 {args.output}" if args.output else "见上方输出"
        else:
            where = f"are in {args.output}" if args.output else "are above"
        print(file=sys.stderr)
        _err(m["interrupted"].format(done=done, total=len(sources), where=where))
        return Exit.TERMINATED if ctrl_c.terminated else Exit.INTERRUPTED
    if errors:
        return Exit.USAGE_OR_INPUT
    return Exit.BELOW_GATE if below else Exit.OK


_SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
                   ".csv": "csv", ".md": "markdown", ".markdown": "markdown", ".xml": "junit", ".sarif": "sarif",
                   ".txt": "text", ".docx": "docx"}


def _waivers(s, pack, lang: str) -> tuple:  # type: ignore[no-untyped-def]
    """The settings' waivers that apply today, each naming its rule by id (a former id is taken); one that has
    run out is said on stderr and left out; one naming no rule of the pack raises WaiverError (exit 3)."""
    from lawcheck.waivers import current, resolve, today

    given = s.values.get("waivers") or []
    if not given:
        return ()
    live, expired = current(resolve(given, pack.rules, also_known=s.disable), today())
    for w in expired:
        _err(_MSG[lang]["waiver_expired"].format(where=w.where, rule=w.rule, until=w.until.isoformat()))
    return tuple(live)


# Office and page formats lawcheck reads but never writes: text or CSV under such a name is a file a reviewer's
# WPS or Excel refuses to open ("-o 汇总.xlsx").
# Word's and WPS's other names (a macro-enabled document or a template: Word refuses a .docm that holds a .docx's
# parts, and text under any of them) and the archives a unit's materials come in are refused alike.
_WORD_ONLY = (".doc", ".docm", ".dot", ".dotx", ".dotm", ".wps", ".wpt", ".odt", ".rtf")
_OFFICE_ONLY = (".xlsx", ".xlsm", ".xlsb", ".xls", ".xltx", ".xltm", ".et", ".ett", ".ods", *_WORD_ONLY, ".pdf",
                ".ofd", ".pptx", ".pptm", ".ppt", ".ppsx", ".odp", ".dps", ".zip", ".rar", ".7z")


def _office_suffix(output: str) -> str | None:
    suffix = Path(output).suffix.lower()
    return suffix if suffix in _OFFICE_ONLY and not Path(output).is_dir() else None


def _format_of(output: str) -> str | None:
    return _SUFFIX_FORMATS.get(Path(output).suffix.lower())


def _output_problem(output: str, sources: list, directory: bool,
                    read: tuple[list[Path], list[Path]] = ([], [])) -> tuple[str, str] | None:
    """Why ``output`` cannot take the result (a message key and detail), or None.  ``read``: the other files
    and the folders this run reads (the settings file, --pairs, a pack's folder): never written either.  The
    parent folder of a file that does not exist yet is made here."""
    # The path as the system will take it, "..": folded after the folders before it are followed ("nosuchdir/../
    # r.txt" is r.txt: compared as given, it did not exist, and the report was written over).
    target = Path(os.path.realpath(output))
    inputs = [src.path for src in sources if src.path is not None]
    if target.exists() and any(_same(target, p) for p in inputs):
        return "is_input", ""
    files, folders = read
    if (target.exists() and any(_same(target, p) for p in files)) or any(_inside(target, d) for d in folders):
        return "is_read", ""
    if directory:
        if target.exists() and not target.is_dir():
            return "not_dir", ""
        return _file_on_the_way(target)
    if target.is_dir() or output.endswith(("/", os.sep)):  # "-o 审查/" names a folder, made or not
        return "is_dir", ""
    if (on_the_way := _file_on_the_way(target.parent)) is not None:
        return on_the_way
    if target.is_file() and _report_format(target) and not _lawchecks(target):
        # "-o 灵寿.docx" beside 灵寿.txt: the drafter's own Word report, lost without a word.  A file of a format
        # reports come in is replaced only when lawcheck wrote it.
        return "not_ours", ""
    if not target.exists():
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            return "cannot_write", _os_reason(e)
    return None


def _office_output_refused(output: str, m: dict[str, str]) -> bool:
    """Whether ``-o`` names a file Word, WPS or a spreadsheet would open and lawcheck never writes (said in one
    line: Word's names get the .docx hint)."""
    suffix = _office_suffix(output)
    if suffix:
        key = "office_word" if suffix in _WORD_ONLY else "office_suffix"
        _err(m[key].format(suffix=suffix, path=_one_line(output)))
    return bool(suffix)


def _file_on_the_way(folder: Path) -> tuple[str, str] | None:
    """("file_on_the_way", its name) when a file stands where ``folder`` or a folder above it would be ("-o
    报告.txt/汇总.csv"): the system's own word for it, 已存在 or 路径中有一项不是文件夹, does not say which."""
    for p in (folder, *folder.parents):
        if os.path.lexists(p):
            shown = os.path.relpath(p)
            return None if p.is_dir() else ("file_on_the_way", _one_line(str(p) if shown.startswith("..") else shown))
    return None


def _report_format(path: Path) -> bool:
    """Whether a file is in a format reports come in (every suffix lawcheck reads, and RTF): an existing one is
    an output only when lawcheck wrote it."""
    from lawcheck.readers import SUFFIXES

    return path.suffix.lower() in SUFFIXES or path.suffix.lower() == ".rtf"


def _lawchecks(path: Path) -> bool:
    """Whether an existing file is lawcheck's output: recorded when written (the cache folder), or, where no
    record can be kept (no cache folder, another user, a CI rerun), by what it holds: a page with lawcheck's mark,
    a Word file with lawcheck's comments, a text that opens on lawcheck's heading."""
    import zipfile

    from lawcheck import written
    from lawcheck.i18n import t

    if written.origin(path) in ("ours", "marked"):
        return True
    try:
        if path.suffix.lower() in (".docx", ".docm"):
            with zipfile.ZipFile(path) as z:
                info = z.getinfo("word/comments.xml")
                return info.file_size <= 64 << 20 and b'w:author="lawcheck"' in z.read(info)
        with path.open("rb") as f:
            head = f.read(1 << 12)
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError):
        return False
    first = head.decode("utf-8", "replace").lstrip("\ufeff").split("\n", 1)[0].strip()
    return any(first.startswith(t(lang, key)) for lang in ("zh", "en") for key in ("ui.card", "ui.summary")) or \
        _QUIET_LINE.search(first) is not None  # -q: "灵寿.txt：得分 91.0 优秀 [门槛：达到]"


def _importable(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def _read_by_this_run(args: argparse.Namespace, s: Settings) -> tuple[list[Path], list[Path]]:
    """The files and folders a run reads besides its reports: the settings file, the pairs file, lawcheck's own
    rules, every rule pack loaded (by name or folder, and each pack it extends) and the rule folders."""
    from lawcheck.errors import LawcheckError
    from lawcheck.packs.discover import builtin_rules_dir, pack_chain, resolve_pack

    files = [p for p in (s.file, Path(args.pairs) if getattr(args, "pairs", None) else None) if p is not None]
    folders = [builtin_rules_dir(), *(Path(p) for p in s.rules if Path(p).is_dir())]
    for ref in s.packs:
        try:
            folders.extend(pack_chain(resolve_pack(ref)))
        except (LawcheckError, OSError):
            continue  # loading the pack says what is wrong with it
    return files, folders


def _inside(target: Path, folder: Path) -> bool:
    """Whether ``target`` (existing or not) lies in ``folder``: a pack's folder takes no output."""
    try:
        return target.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


def _identity(path: Path) -> tuple[int, int] | None:
    """The file's device and inode (what os.path.samefile compares), None when it does not exist."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def _identities(paths: list[Path]) -> set[tuple[int, int]]:
    return {i for p in paths if (i := _identity(p)) is not None}


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _os_reason(e: OSError) -> str:
    from lawcheck.readers.base import os_reason

    return os_reason(e, _lang_from_argv())


def _read_stdin(max_bytes: int) -> bytes:
    """Standard input, read no further than one byte past --max-bytes (a pipe from /dev/zero has no end;
    the check then refuses it as too large)."""
    if sys.stdin is None:  # closed before the start (`<&-`): Python leaves None there
        from lawcheck.errors import Msg, UsageError

        raise UsageError(Msg("stdin_closed"))
    chunks, size = [], 0
    while size <= max_bytes:
        chunk = sys.stdin.buffer.read(min(1 << 20, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _columns() -> int:
    try:
        return max(40, min(int(os.environ.get("COLUMNS", "")), 1000))
    except ValueError:
        return 100


def _terminal_width() -> int:
    from rich.console import Console

    return Console().width


def _previous_report(path: str, lang: str, limits, encoding: str | None = None):  # type: ignore[no-untyped-def]
    """Last year's report read at the edge (any format, the same limits) as a PreviousReport, or why it cannot
    be read (one line).  Its own year and organ come from its text; --year is this year's report's."""
    from lawcheck.compare import read_text
    from lawcheck.errors import LawcheckError
    from lawcheck.inputs import display_name
    from lawcheck.model import PreviousReport

    try:
        text, title = read_text(path, lang, limits, encoding)
    except LawcheckError as e:
        return str(getattr(e, "problem", None) or e)
    except OSError as e:
        return _os_reason(e)
    return PreviousReport(name=display_name(Path(path).name), text=text, title=title)


def _not_the_year_before(this: str, previous, pack, lang: str, limits, encoding: str | None,  # type: ignore[no-untyped-def]
                         year: int | None) -> str | None:
    """Why last year's report is not this report's body's report of the year before, when what is read from
    the two says so (another organ, a year that does not follow); None otherwise, or when this cannot be read
    (the check reports that)."""
    from lawcheck.analysis import analyse
    from lawcheck.compare import read_text
    from lawcheck.errors import LawcheckError
    from lawcheck.model import CallerFacts
    from lawcheck.review import pairing

    try:
        text, title = read_text(this, lang, limits, encoding)
    except (LawcheckError, OSError):
        return None
    from lawcheck.i18n import has_text, t
    from lawcheck.text.kind import classify

    mine = analyse(text, pack, CallerFacts.of(report_year=year, title=title))
    last = analyse(previous.text, pack, CallerFacts.of(title=previous.title))
    verdict = classify(last.st, "".join(last.st.title.split()) if last.st.title else (previous.title or ""))
    if verdict.kind == "other":  # a 政府工作报告 or a news page given as last year's report
        kind = f"other_kind.{verdict.other_kind}"
        return t(lang, "history.last_not_report", why=t(lang, kind) if has_text(lang, kind) else "")
    _paired, wrong, notes = pairing(mine.organ, mine.year, last.organ, last.year, lang)
    return (" " if lang == "en" else "").join(notes) + _MSG[lang]["previous_force"] if wrong else None


def _write_files(files: dict[str, str] | dict[str, bytes], output: str, inputs: list[Path], lang: str,
                 written: set[str] | None = None) -> None:
    """Each file written atomically into the directory ``output`` (created).  Pages lawcheck wrote there
    before for reports not in this run are removed (only pages this user's lawcheck wrote, unchanged
    since: ``lawcheck.written``), so the folder never mixes two runs; an input is never overwritten.
    ``written``: pages of this run already written there (a folder compared writes them as it goes)."""
    from lawcheck.written import origin

    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    for name in files:
        if any(_same(out / name, p) for p in inputs):
            raise _OutputError("is_input", str(out / name))
    for name, text in files.items():
        _write(text, str(out / name))
    keep = set(files) | (written or set())
    # Only this format's files are this run's to replace: the Word copies of a --format docx run are not stale
    # pages of a --format html run into the same folder, nor the other way round.
    kinds = {Path(name).suffix.lower() for name in keep}
    stale = [p for p in out.iterdir() if p.name not in keep and p.suffix.lower() in kinds and p.is_file()
             and origin(p) == "ours"
             and not any(_same(p, i) for i in inputs)]  # an input is never removed, whatever it carries
    for p in stale:
        p.unlink()
    if stale:
        _err(_MSG[lang]["stale"].format(n=len(stale)))


class _Folder:
    """A batch's folder output (``-o DIR``), written as the reports are checked: each report's file (made in the
    worker: ``Record.line``) under the name of its place among the inputs, at the end the format's index of the
    slim scorecards kept, and pages lawcheck wrote there before for reports not in this run removed."""

    def __init__(self, output: str, sources: list[Source], renderer: ModuleType, ctx: Context,
                 read: tuple[list[Path], list[Path]] = ([], [])) -> None:
        self.out = Path(output)
        self.read = read  # what the run reads besides the reports: never written either
        self.renderer = renderer
        self.ctx = ctx
        self.inputs = [src.path for src in sources if src.path is not None]
        # Named by place among the inputs, so the names are known before any is checked.  By place, not by
        # name: two inputs may show one name (standard input given twice, an undecodable name beside a real
        # U+FFFD one), and each has its own file.  The records come back in input order, one per input.
        self.names = [renderer.name(src.name, n, ctx) for n, src in enumerate(sources, 1)]
        self.done = 0  # records seen: the next one is input self.done + 1
        self.pages: dict[str, str] = {}  # path → file name, of the files written (the index's links)
        self.written: set[str] = set()  # the file names written
        self.indexed = hasattr(renderer, "index")  # an index of the folder (HTML) is written at the end

    def clash(self) -> tuple[str, str] | None:
        """The first file this run would write that is one of its inputs or what it reads (nothing is written
        then), with the message key: a report's file, or the index written at the end (a link planted in the
        folder to the settings file is followed by the write)."""
        files, folders = self.read
        # Each file once, by its device and inode: an output file is an input exactly when it is one of them (a
        # name compared with every input was quadratic: 100,000 pages never started).
        inputs, read = _identities(self.inputs), _identities(files)
        if not self.out.exists() and not any(_inside(self.out, d) for d in folders):
            names: list[str] = [self.renderer.INDEX] if hasattr(self.renderer, "INDEX") else []  # none exists yet
        else:
            names = [*self.names, *([self.renderer.INDEX] if hasattr(self.renderer, "INDEX") else [])]
        for name in names:
            path = self.out / name
            found = _identity(path)
            if found is not None and found in inputs:
                return "is_input", str(path)
            if (found is not None and found in read) or any(_inside(path, d) for d in folders):
                return "is_read", str(path)
            if found is not None and _report_format(path) and path.is_file() and not _lawchecks(path):
                return "not_ours", str(path)  # a page or copy of the user's own where one of lawcheck's would go
        return None

    def write(self, rec: Record) -> None:
        name = self.names[self.done]
        self.done += 1
        if not rec.line:  # an input that could not be read: its error line says why
            return
        try:
            self.out.mkdir(parents=True, exist_ok=True)
            if not self.written:
                self._drop_index()
        except OSError as e:
            raise _OutputError("cannot_write", str(self.out), _os_reason(e)) from e
        try:
            _write(rec.line, str(self.out / name))
        except OSError as e:  # named: the folder may be fine, this file is what could not be written
            raise _OutputError("cannot_write", str(self.out / name), _os_reason(e)) from e
        self.pages[rec.path] = name
        self.written.add(name)

    def _drop_index(self) -> None:
        """An earlier run's index (lawcheck's own, unchanged), removed before this run's first page replaces
        any of its pages: a run that stops before its own index (a second Ctrl-C, kill, a full disk) leaves
        pages without an index, never an index of other scores over them."""
        from lawcheck.written import origin

        index = getattr(self.renderer, "INDEX", None)
        if index is None:
            return
        p = self.out / index
        if p.is_file() and origin(p) == "ours" and not any(_same(p, i) for i in self.inputs):
            p.unlink()

    def finish(self, kept: list[Record]) -> bool:
        """The index and the clean-up; whether anything was written."""
        made = self.renderer.index(self.ctx, kept, self.pages) if self.indexed else {}
        if not made and not self.pages:
            return False
        _write_files(made, str(self.out), self.inputs, self.ctx.lang, written=self.written)
        return True


class _OutputError(Exception):
    def __init__(self, key: str, path: str, err: str = "") -> None:
        super().__init__(key)
        self.key, self.path, self.err = key, path, err


# ----------------------------------------------------------------------------- rules, explain, config


def _rules(args: argparse.Namespace) -> int:
    import json

    from lawcheck.explain import SEVERITY_ZH
    from lawcheck.i18n import t

    action = getattr(args, "rules_action", None)
    if action:
        return _rules_tool(args, action)
    s = _settings(args)
    pack = _load_pack(args, s)
    lang = s.lang
    if args.format == "json":
        data = [r.model_dump(mode="json", by_alias=True, exclude={"examples"}) for r in pack.rules]
        _write(json.dumps(data, ensure_ascii=False, indent=2) + "\n", None)
        return Exit.OK
    lines = []
    if args.format == "markdown":
        severity = "严重程度" if lang == "zh" else "severity"
        lines += [f"| id | {t(lang, 'ui.rule')} | {t(lang, 'ui.weight')} | {severity} | {t(lang, 'ui.basis')} |",
                  "|---|---|---:|---|---|"]
    for r in pack.rules:
        b = r.basis[0]
        basis = b.cite(lang).split("：", 1)[0] if b.article_shown() else b.cite_document()
        # 必备/建议/提示 as `lawcheck explain` says them; the id (error/warning/info) in English
        sev = SEVERITY_ZH[r.severity] if lang == "zh" else r.severity
        if args.format == "markdown":
            lines.append(f"| `{r.id}` | {r.title.get(lang)} | {r.weight:g} | {sev} | {basis} |")
        else:
            lines.append(f"{r.id:<34} {r.weight:>4g} {sev:<8} {r.title.get(lang)}" if lang != "zh" else
                         f"{r.id:<34} {r.weight:>4g} {sev}{'　' * (4 - len(sev))}{r.title.get(lang)}")
            lines.append(f"{'':<34}      {t(lang, 'ui.basis')}{'：' if lang == 'zh' else ': '}{b.cite(lang)}")
    _show("\n".join(lines) + "\n")
    return Exit.OK


def _lang_of(args: argparse.Namespace) -> str:
    lang = getattr(args, "lang", None) or os.environ.get("LAWCHECK_LANG") or "zh"
    return lang if lang in ("zh", "en") else "zh"


def _rules_tool(args: argparse.Namespace, action: str) -> int:
    from lawcheck import authoring
    from lawcheck.packs import builtin_pack_names, load_pack

    if action in ("schema", "docs") and args.output:
        from lawcheck.config import load_settings

        settings = load_settings().file  # the settings file in use: never written (rules/ is what docs are for)
        if settings is not None and _output_problem(args.output, [], False, ([settings], [])):
            _err(_MSG[_lang_of(args)]["is_read"].format(path=_one_line(args.output)))
            return Exit.USAGE_OR_INPUT
    if action == "schema":
        _write(authoring.json_schema(), args.output)
        return Exit.OK
    if action == "docs":
        _write(authoring.catalogue([load_pack(packs=[n]) for n in builtin_pack_names()]), args.output)
        return Exit.OK
    if action == "new":
        import re as _re

        from lawcheck.kinds.base import ID_RE

        lang = _lang_of(args)
        zh = lang == "zh"
        if not _re.match(ID_RE, args.rule_id):
            _err(f"{args.rule_id}：规则编号须为以点分隔的小写英文词，如 office.content.legal_adviser" if zh else
                 f"{args.rule_id}: id must be dotted lower-case words, e.g. office.content.legal_adviser")
            return Exit.USAGE_OR_INPUT
        try:
            path, manifest = authoring.new_rule_file(args.rule_id, Path(args.dir), lang)
        except FileExistsError as e:
            _err(f"{e}：已存在" if zh else f"{e}: already exists")
            return Exit.USAGE_OR_INPUT
        print(path)
        if manifest is not None:
            _err(f"已生成 {manifest}（本目录原来不是规则包；它继承 core）；下一步：lawcheck rules test {args.dir}" if zh
                 else f"wrote {manifest} (the folder was not a pack; it extends core); next: lawcheck rules test "
                      f"{args.dir}")
        return Exit.OK
    # test
    s = _settings(args)
    if args.pack_dir:
        from lawcheck.packs.discover import resolve_pack

        pack = load_pack(packs=[args.pack_dir])
        # The pack's own folder as the name resolved ("core" is the built-in pack, a folder so named ./core).
        ids = authoring.own_rule_ids(pack, resolve_pack(args.pack_dir))
    else:
        pack = _load_pack(args, s)
        ids = None
    runs = authoring.run_examples(pack, ids)
    _show(authoring.report_runs(runs, s.lang))
    return Exit.OK if all(r.ok for r in runs) else Exit.BELOW_GATE


def _explain(args: argparse.Namespace) -> int:
    from lawcheck.explain import explain_rule

    s = _settings(args)
    pack = _load_pack(args, s)
    lang = s.lang
    try:
        rule = pack.rule(args.rule_id)
    except KeyError:
        # By name too: `lawcheck explain 三项制度` finds the rule whose name or title says so.
        words = args.rule_id.lower()
        named = [r for r in pack.rules
                 if any(words in (x or "").lower() for x in (r.title.zh, r.title.en, *((r.name.zh, r.name.en)
                                                                                      if r.name else ())))]
        if len(named) == 1:
            _show(explain_rule(named[0], lang))
            return Exit.OK
        if named:  # several rules say so: which ones, to pick from (exit 2: nothing was explained yet)
            head = (f"有 {len(named)} 条规则的名称含“{args.rule_id}”，请用编号指定其中一条：" if lang == "zh" else
                    f"{len(named)} rules are named with \"{args.rule_id}\"; give the id of one:")
            _show("\n".join([head, *(f"  {r.id:<34} {r.title.get(lang)}" for r in named)]) + "\n")
            return Exit.USAGE_OR_INPUT
        ids = [r.id for r in pack.rules]
        near = difflib.get_close_matches(args.rule_id, ids, n=3, cutoff=0.5)
        msg = _MSG[lang]["unknown_rule"].format(rid=args.rule_id)
        if near:
            msg += _MSG[lang]["did_you_mean"].format(near=", ".join(near))
        _err(msg)
        return Exit.USAGE_OR_INPUT
    _show(explain_rule(rule, lang))
    return Exit.OK


def _compare(args: argparse.Namespace) -> int:
    """lawcheck compare LAST THIS | DIR…: the year-over-year review of one pair, or of a folder."""
    from lawcheck import compare
    from lawcheck.batch import default_jobs
    from lawcheck.config import LIMIT_KEYS
    from lawcheck.inputs import Source, expand, output_identities, stdout_input
    from lawcheck.limits import Limits
    from lawcheck.readers import default_globs

    s = _settings(args)
    lang = s.lang
    m = _MSG[lang]
    _load_pack(args, s)  # a rule file's error here (exit 3); forked workers inherit the loaded pack
    _say_settings(s, lang, False)
    limits = Limits(**{k: s.values[k] for k in LIMIT_KEYS})
    paths = list(args.paths)
    for p in paths:
        if not os.path.exists(p):
            _err(m["compare_missing"].format(path=_one_line(p)))
            return Exit.USAGE_OR_INPUT
    pair = len(paths) == 2 and all(os.path.isfile(p) for p in paths) and not args.pairs
    if not pair and all(os.path.isfile(p) for p in paths):
        _err(m["compare_two"])  # one file, or three files: not a pair, and not a folder
        return Exit.USAGE_OR_INPUT
    if args.output and _office_output_refused(args.output, m):
        return Exit.USAGE_OR_INPUT
    fmt = _compare_format(args)
    if args.format is None and args.output and Path(args.output).suffix.lower() == ".docx":
        _err(m["compare_docx"])  # a Word file is a commented report (check); a comparison has none to offer
        return Exit.USAGE_OR_INPUT
    if not pair and (args.year is not None or fmt == "markdown"):
        _err(m["compare_folder_option"].format(option="--year" if args.year is not None else "--format markdown"))
        return Exit.USAGE_OR_INPUT
    left_out: list[str] = []
    others: list[str] | None = [] if s.glob == default_globs() else None
    read = _read_by_this_run(args, s)  # what the run reads: never written (the output, a page in the folder)
    empty: list[str] = []
    sources = [Source(_one_line(p), Path(p)) for p in paths] if pair else expand(
        paths, s.glob, lang, left_out, others, output_identities(args.output), read[0], limits, empty=empty)
    _say_left_out(left_out, m, others)
    if not sources and not args.pairs:  # "compare 2023/ 2024/" with both empty: not "共0份报告" and exit 0
        _err(m["no_input"].format(where=", ".join(_one_line(p) for p in paths), globs=" ".join(s.glob)))
        return Exit.USAGE_OR_INPUT
    for folder in empty:  # this year's folder still empty: said, not only read from the rows
        _err(m["empty_folder"].format(path=_one_line(folder), globs=" ".join(s.glob)))
    if args.output and args.output != "-":
        problem = _output_problem(args.output, sources, not pair and fmt == "html", read)
        if problem:
            _err(m[problem[0]].format(path=_one_line(args.output), err=problem[1]))
            return Exit.USAGE_OR_INPUT
    elif (into := stdout_input(sources)) is not None:
        _err(m["stdout_is_input"].format(path=into))
        return Exit.USAGE_OR_INPUT
    if not pair and fmt == "html" and not args.output:
        _err(m["html_dir"])
        return Exit.USAGE_OR_INPUT
    # A zip in a folder is read as ``check`` reads it: each report in it a file of the folder, by its name there.
    members = {src.name: (str(src.path), src.member) for src in sources
               if src.member is not None and src.skip is None and src.path is not None}
    job = compare.Job(packs=tuple(s.packs), extra=tuple(s.rules), disable=tuple(s.disable), lang=lang,
                      limits=limits, encoding=args.encoding, force=args.force, keep=fmt == "html", members=members)
    if pair:
        # In a worker, bounded like one input of a batch: a hostile pair costs its time and memory limit.
        got = compare.run_isolated(compare.compare_task, (paths[0], paths[1], job, args.year), limits, lang)
        if isinstance(got, str):
            _err(got)
            return Exit.USAGE_OR_INPUT
        return _compare_pair(args, *got, lang)
    jobs = args.jobs or s.values.get("jobs") or default_jobs()
    # One file reached by two paths (a link, a folder given twice) is one report.
    files, seen = [], set()
    for src in sources:
        if src.path is None or src.skip is not None:
            continue
        try:
            st = os.stat(src.path)
            ident: object = (st.st_dev, st.st_ino, src.member)
        except OSError:
            ident = (os.path.realpath(src.path), src.member)
        if ident not in seen:
            seen.add(ident)
            files.append(src.name if src.member is not None else str(src.path))
    progress = bar = None
    if sys.stderr.isatty() and not args.no_progress and len(files) > 1:
        bar, stop = _progress(2 * len(files), lang)

        def progress(stage: str, done: int, total: int) -> None:  # type: ignore[misc]
            bar(done + (len(files) if stage == "pairs" else 0), 2 * len(files))
    pages: dict[str, str] = {}  # a pair's page in the HTML output, by its report, written as it comes
    each = None
    if fmt == "html":
        from lawcheck.render.formats.html import render_report_page

        Path(args.output).mkdir(parents=True, exist_ok=True)

        def each(n: int, r) -> None:  # type: ignore[no-untyped-def]
            name = _page_name(n, r.row.this)
            target = Path(args.output) / name
            if any(_same(target, Path(f)) for f in files):
                raise _OutputError("is_input", str(target))
            if any(_same(target, f) for f in read[0]) or any(_inside(target, d) for d in read[1]):
                raise _OutputError("is_read", str(target))
            pages[r.row.this] = name
            _write(render_report_page(r.card, r.this_text or "", r.row.this, None, index_href="index.html",
                                      previous_text=r.last_text), str(target))
    try:
        # With two inputs or more (LAST/ THIS/), the year under review is that of the input of the later year.
        inputs = [{f for f in files if Path(f).is_relative_to(Path(p))} for p in paths] if len(paths) > 1 else None
        review = compare.review_folder(files, job, jobs=jobs, pairs_csv=args.pairs, progress=progress, each=each,
                                       inputs=inputs)
    except _OutputError as e:
        _err(m[e.key].format(path=e.path, err=e.err))
        return Exit.USAGE_OR_INPUT
    finally:
        if bar is not None:
            stop()
    skipped = [src for src in sources if src.skip is not None]
    if skipped:
        from lawcheck.model import UnitReview

        review = review.model_copy(update={"units": [*review.units, *(UnitReview(this=src.name, error=src.skip)
                                                                     for src in skipped)]})
    return _compare_folder(args, review, pages, [Path(f) for f in files], lang)


def _compare_pair(args: argparse.Namespace, card, last_text: str, this_text: str, lang: str) -> int:  # type: ignore[no-untyped-def]
    from lawcheck.model import Record, construct
    from lawcheck.render import Context
    from lawcheck.render.common import shown

    name = _one_line(args.paths[1])
    rec = construct(Record, path=name, card=card, text=this_text, gate=[])
    fmt = _compare_format(args)
    if fmt in ("text", "markdown", "csv"):
        card = shown([rec])[0].card  # words from the reports: control characters shown, never acted on
    if fmt == "json":
        from lawcheck.render.formats import json as json_format

        out = json_format.render([rec], Context(lang=lang))
    elif fmt == "markdown":
        from lawcheck.render.formats.markdown import card_md

        out = card_md(card, name, None, verbose=args.verbose)
    elif fmt == "html":
        from lawcheck.render.formats.html import render_report_page

        out = render_report_page(card, this_text, name, None, previous_text=last_text)
    elif fmt == "csv":
        from lawcheck.compare import unit_row
        from lawcheck.model import FolderReview
        from lawcheck.render.folder_view import csv_text

        out = csv_text(FolderReview(units=[unit_row(card, name, _one_line(args.paths[0]), None)]), lang)
    else:
        from lawcheck.render.formats.text import score_line
        from lawcheck.render.history_view import history_lines

        lines = [score_line(card, name, None, None, lang)]
        if card.history is not None:
            lines += history_lines(card.history, lang, args.verbose)
        out = "\n".join(lines) + "\n"
    _write(out, args.output)
    if args.output:
        _err(_MSG[lang]["written"].format(path=_one_line(args.output)))
    return Exit.OK


def _compare_format(args: argparse.Namespace) -> str:
    """--format, else what -o's suffix says (报告.html is a page, .json JSON, .csv a table), else text."""
    if args.format:
        return args.format
    suffix = Path(args.output).suffix.lower() if args.output else ""
    return {".html": "html", ".htm": "html", ".json": "json", ".csv": "csv", ".md": "markdown"}.get(suffix, "text")


def _compare_folder(args: argparse.Namespace, review, pages: dict[str, str], inputs: list[Path],  # type: ignore[no-untyped-def]
                    lang: str) -> int:
    from lawcheck.render import folder_view

    bad = any(u.error for u in review.units)
    # Each input that could not be read, on its own line, as `check` says it: the table may go to a file.
    for u in sorted((u for u in review.units if u.error), key=lambda u: u.this):
        _err(f"{_one_line(u.this)}: {_one_line(u.error or '')}")
    fmt = _compare_format(args)
    if fmt == "html":
        # The pairs' pages are written already (as each pair was reviewed); now the index, and stale pages out.
        files = {"index.html": folder_view.html_index(review, lang, pages)}
        try:
            _write_files(files, args.output, inputs, lang, written=set(pages.values()))
        except _OutputError as e:
            _err(_MSG[lang][e.key].format(path=e.path, err=e.err))
            return Exit.USAGE_OR_INPUT
        _err(_MSG[lang]["written"].format(path=_one_line(args.output)))
        return Exit.USAGE_OR_INPUT if bad else Exit.OK
    if fmt == "csv":
        out = folder_view.csv_text(review, lang)
    elif fmt == "json":
        out = folder_view.json_text(review)
    else:
        out = folder_view.text(review, lang, args.verbose)
    _write(out, args.output)
    if args.output:
        _err(_MSG[lang]["written"].format(path=_one_line(args.output)))
    return Exit.USAGE_OR_INPUT if bad else Exit.OK


def _page_name(n: int, path: str) -> str:
    """A pair's page in the folder's HTML output: numbered, readable, safe as a file name."""
    stem = re.sub(r"[^\w\u4e00-\u9fff.-]+", "_", Path(path).stem)[:60] or "report"
    return f"{n:04d}-{stem}.html"


def _config(args: argparse.Namespace) -> int:
    s = _settings(args)
    m = _MSG[s.lang]
    c = "：" if s.lang == "zh" else ": "
    lines = [f"{m['config_head']}{c.strip()}", f"  {m['config_file']}{c}{s.file or m['none']}"]
    width = max(len(k) for k in s.values)  # max-unzipped-bytes is the longest: every "=" in one column
    for key in s.values:
        value = s.values[key]
        if key == "waivers":
            shown = ", ".join(f"{w.rule} ≤ {w.until.isoformat()}" for w in value)
        else:
            shown = ", ".join(map(str, value)) if isinstance(value, list) else ("" if value is None else str(value))
        source = s.sources[key]
        if s.lang == "zh":
            source = source.replace("default", "默认").replace("command line", "命令行").replace("env ", "环境变量 ")
        around = ("（", "）") if s.lang == "zh" else ("(", ")")
        lines.append(f"  {key.replace('_', '-'):<{width}} = {shown or '-':<24}  {around[0]}{source}{around[1]}")
    _write("\n".join(lines) + "\n", None)
    return Exit.OK


def _serve(args: argparse.Namespace) -> int:
    """The local page: the settings and pack of ``check``, a socket bound here, the browser opened."""
    import threading
    import webbrowser

    from lawcheck.batch import Options
    from lawcheck.config import LIMIT_KEYS
    from lawcheck.gate import Gate
    from lawcheck.limits import Limits

    s = _settings(args)
    m = _MSG[s.lang]
    pack = _load_pack(args, s)  # rule-file errors surface here, before the page opens
    # lawcheck.toml's waivers as for check (a bad one stops here, exit 3; one run out is said once): the page
    # gives the score and the commented .docx that check gives for the same file.
    waivers = _waivers(s, pack, s.lang)
    import lawcheck.serve as serve

    serve.require()
    if not serve.is_loopback(args.host):
        _err(m["serve_open"].format(host=args.host))
    try:
        sock = serve.bind(args.host, args.port)
    except OSError as e:
        _err(m["serve_bind"].format(host=args.host, port=args.port, err=_os_reason(e)))
        return Exit.USAGE_OR_INPUT
    url = serve.url_of(sock, args.host)
    print(m["serve_url"].format(url=url), flush=True)
    if not args.no_browser:  # in a thread: a text-mode browser would hold the terminal until it quits
        threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
    opts = Options(packs=tuple(s.packs), extra=tuple(s.rules), disable=tuple(s.disable), year=s.year, lang=s.lang,
                   level=s.level, gate=Gate(s.min_score, s.fail_on), waivers=waivers, kind=args.kind,
                   limits=Limits(**{k: s.values[k] for k in LIMIT_KEYS}))
    serve.run(sock, opts, args.host)
    return Exit.OK


_COMMAND_NAMES = ("check", "compare", "rules", "explain", "config", "serve")
_ARGV: list[str] = []  # the arguments main() is parsing, for the parser's language and error messages


def _command_first(argv: list[str]) -> list[str]:
    """``lawcheck --lang zh check 报告.txt`` as ``lawcheck check --lang zh 报告.txt``: the options belong to the
    command, and argparse would read "zh" as the command.  An option's value is never taken for the command
    (``-o compare check a.txt`` writes check's output to "compare")."""
    if not argv or not argv[0].startswith("-") or argv[0] in ("-h", "--help", "--version"):
        return argv
    takes_value = _options_with_values()
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in _COMMAND_NAMES:
            return [a, *argv[:i], *argv[i + 1:]]
        if a == "--" or not a.startswith("-"):
            return argv  # a file before any command: argparse says what is wrong
        i += 2 if a in takes_value else 1
    # Only options, no command (``lawcheck --lang en``): say the command is missing, in that language,
    # rather than take the option's value for the command.
    return [] if any(a in takes_value for a in argv) else argv


def _options_with_values() -> set[str]:
    """Every option of every command that takes a value (-o FILE, --lang zh, -j N …)."""
    out: set[str] = set()
    todo = [build_parser()]
    while todo:
        parser = todo.pop()
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                todo.extend(action.choices.values())
            elif action.option_strings and action.nargs != 0:
                out.update(action.option_strings)
    return out


class _ClosedStream:
    """Standard output or error closed before lawcheck started (``>&-``, ``2>&-``): Python leaves None there.
    Writing to it fails as writing to a closed pipe does (OSError: the output cannot be written, exit 2), so a
    batch is reported as unwritten rather than crashing; it is no terminal."""

    encoding = "utf-8"
    errors = "strict"

    def write(self, _text: str) -> int:
        import errno

        raise OSError(errno.EBADF, "Bad file descriptor")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def close(self) -> None:
        pass


def _closed_streams_stand_in() -> None:
    # stdout: writing fails (exit 2, said on stderr).  stderr: diagnostics go nowhere, never into stdout.
    if sys.stdout is None:
        sys.stdout = _ClosedStream()  # type: ignore[assignment]
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the process's life


def _blank_output(args: argparse.Namespace) -> bool:
    """Whether -o was given an empty name ("-o \"$OUT\"" with OUT unset) or only spaces: it was taken for standard
    output's "-" ("无法写入“-”"), failed on a temporary file's name, or wrote a file called " "."""
    output = getattr(args, "output", None)
    return output is not None and not output.strip()


def main(argv: list[str] | None = None) -> int:
    from lawcheck.errors import ConfigError, InputError, RuleFileError, UsageError, WaiverError

    _closed_streams_stand_in()
    given = list(sys.argv[1:] if argv is None else argv)
    _SETTINGS_LANG.clear()  # a second main() in one process (a test, an office system) reads its own settings
    _ARGV[:] = given  # the language and the names in error messages are read from all that was given
    try:
        parser = build_parser()
        args, extra = parser.parse_known_args(_command_first(given))
        if extra:
            # A file named after an option ("check a.txt -q b.txt", a name added at the end of the last command):
            # one more input, as it would be before the options — if it is one ("--disable a b" with b no file is
            # a mistake, not an input); everything after "--" is.  Anything else is an unknown argument.
            cut = extra.index("--") if "--" in extra else len(extra)
            before, after = extra[:cut], extra[cut + 1:]
            if isinstance(getattr(args, "paths", None), list) and all(x == "-" or (not x.startswith("-") and
                                                                                   os.path.lexists(x))
                                                                      for x in before):
                args.paths.extend(before + after)
            else:
                _unknown_options(parser, args, [x for x in before if x == "-" or not os.path.lexists(x)] or before)
    finally:  # read only while parsing: a later build_parser() (a test's, an embedder's) reads sys.argv again
        _ARGV.clear()
    # Run as the program (no argv given: the console script, python -m lawcheck): this process may cap its
    # own memory.  main([...]) from Python (a test, an office system) leaves its caller's process alone.
    args.as_program = argv is None
    if getattr(args, "output", None) == "-":
        args.output = None  # "-o -": standard output, as for inputs ("./-" names a file called "-")
    lang = getattr(args, "lang", None) or os.environ.get("LAWCHECK_LANG", "zh")
    lang = lang if lang in ("zh", "en") else "zh"
    if _blank_output(args):
        _err(_MSG[lang]["empty_output"])
        return Exit.USAGE_OR_INPUT
    output = getattr(args, "output", None)
    if output is not None and output != output.strip():
        # (-o " -" wrote a file called " -"; a name a person means has no space at either end)
        _err(_MSG[lang]["spaced_output"].format(name=output))
        return Exit.USAGE_OR_INPUT
    handlers = {"check": _check, "compare": _compare, "rules": _rules, "explain": _explain, "config": _config,
                "serve": _serve}
    try:
        return int(handlers[args.command](args))
    except (RuleFileError, WaiverError) as e:
        _err(e.text(lang))
        return Exit.RULE_FILE
    except (ConfigError, UsageError, InputError) as e:
        _err(e.text(lang))
        return Exit.USAGE_OR_INPUT
    except BrokenPipeError:  # `lawcheck check … | head`, or stderr closed while telling that the output was
        # cut short: what was to be written was not, so never "checked and meets the gate" (exit 0).
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError):
                stream.close()
        return Exit.USAGE_OR_INPUT
    except KeyboardInterrupt:
        return Exit.TERMINATED if _TERMINATED.is_set() else Exit.INTERRUPTED
    except OSError as e:
        # Writing what a command prints (the catalogue, an explanation, a comparison) to a full disk or a closed
        # file: the one line every write failure gets, never an internal error.
        if getattr(args, "debug", False):
            traceback.print_exc()
        if e.filename is None:  # a stream: what the command writes
            _err(_MSG[lang]["cannot_write"].format(path=_one_line(getattr(args, "output", None) or "-"),
                                                   err=_os_reason(e)))
        else:
            _err(_MSG[lang]["io_failed"].format(path=_one_line(str(e.filename)), err=_os_reason(e)))
        return Exit.USAGE_OR_INPUT
    except Exception as e:
        if getattr(args, "debug", False):
            traceback.print_exc()
        else:
            _err(_MSG[lang]["internal"].format(err=f"{type(e).__name__}: {e}"))
        return Exit.USAGE_OR_INPUT
