"""The command line: the only place that reads files, prints and chooses an exit code."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from enum import IntEnum
from pathlib import Path

from lawcheck import __version__


class Exit(IntEnum):
    OK = 0
    FINDINGS = 1  # reserved for the gate (--min-score / --fail-on)
    USAGE_OR_INPUT = 2  # bad arguments, or an input could not be read (the others are still reported)
    RULE_FILE = 3  # a rule file is invalid


_MSG = {
    "zh": {
        "not_utf8": "不是UTF-8编码的文本文件（其他编码与格式将在后续版本支持）",
        "not_found": "文件不存在",
        "is_dir": "是目录，请指定文件",
        "unreadable": "无法读取：{err}",
        "empty": "文件为空",
        "bad_date": "--published 须为 YYYY-MM-DD 格式的日期",
    },
    "en": {
        "not_utf8": "not UTF-8 text (other encodings and formats come in a later version)",
        "not_found": "no such file",
        "is_dir": "is a directory; name a file",
        "unreadable": "cannot read: {err}",
        "empty": "the file is empty",
        "bad_date": "--published must be a date in YYYY-MM-DD form",
    },
}

EXAMPLES = """examples:
  lawcheck check report.txt
  lawcheck check report.txt --format json
  lawcheck check reports/*.txt --format jsonl > results.jsonl
  lawcheck check draft.txt --year 2024 --published 2025-03-28 --lang en

exit codes: 0 checked; 2 usage error or an input could not be read (the others are still
checked); 3 a rule file is invalid."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="lawcheck",
        description="检查法治政府建设年度报告是否具备法定要素、打分并列出缺失项。"
                    " Check an annual report on building law-based government.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"lawcheck {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="check report files / 检查报告", epilog=EXAMPLES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    c.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files; '-' reads standard input")
    c.add_argument("--format", choices=["text", "json", "jsonl"], default="text",
                   help="text (default): a scorecard to read; json: one scorecard or a list; jsonl: one per line")
    c.add_argument("--year", type=int, metavar="N", help="report year, overriding what is read from the text")
    c.add_argument("--published", metavar="YYYY-MM-DD", help="publication date, overriding the page header")
    c.add_argument("--lang", choices=["zh", "en"], default=os.environ.get("LAWCHECK_LANG", "zh"),
                   help="language of messages (default zh; env LAWCHECK_LANG)")
    c.add_argument("--rules", metavar="DIR", help="a rule pack directory instead of the built-in one")
    return p


class _Unreadable(Exception):
    pass


def _read(name: str, lang: str) -> str:
    m = _MSG[lang]
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except FileNotFoundError:
        raise _Unreadable(m["not_found"]) from None
    except IsADirectoryError:
        raise _Unreadable(m["is_dir"]) from None
    except OSError as e:
        raise _Unreadable(m["unreadable"].format(err=e.strerror or e)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _Unreadable(m["not_utf8"]) from None
    if not text.strip():
        raise _Unreadable(m["empty"])
    return text


def _check(args: argparse.Namespace) -> int:
    from lawcheck.engine import evaluate
    from lawcheck.errors import RuleFileError
    from lawcheck.pack import load_pack

    lang = args.lang
    published = None
    if args.published:
        try:
            published = dt.date.fromisoformat(args.published)
        except ValueError:
            print(f"lawcheck: {_MSG[lang]['bad_date']}", file=sys.stderr)
            return Exit.USAGE_OR_INPUT
    try:
        pack = load_pack(args.rules)
    except RuleFileError as e:
        print(f"lawcheck: {e}", file=sys.stderr)
        return Exit.RULE_FILE
    status = Exit.OK
    out = sys.stdout
    items: list[str] = []
    for name in args.files:
        try:
            text = _read(name, lang)
        except _Unreadable as e:
            status = Exit.USAGE_OR_INPUT
            print(f"lawcheck: {name}: {e}", file=sys.stderr)
            if args.format == "jsonl":
                out.write(json.dumps({"path": name, "error": str(e)}, ensure_ascii=False) + "\n")
            elif args.format == "json":
                items.append(json.dumps({"path": name, "error": str(e)}, ensure_ascii=False))
            continue
        card = evaluate(text, report_year=args.year, published=published, rules=pack, lang=lang)
        if args.format == "jsonl":
            out.write('{"path":' + json.dumps(name, ensure_ascii=False) + "," + card.model_dump_json()[1:] + "\n")
        elif args.format == "json":
            items.append(card.model_dump_json() if len(args.files) == 1 else
                         '{"path":' + json.dumps(name, ensure_ascii=False) + "," + card.model_dump_json()[1:])
        else:
            from lawcheck.render.text import render

            out.write(render(card, name if len(args.files) > 1 else None))
            if len(args.files) > 1:
                out.write("\n")
    if args.format == "json":
        out.write((items[0] if len(args.files) == 1 and items else "[" + ",".join(items) + "]") + "\n")
    out.flush()
    return status


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
    except BrokenPipeError:  # `lawcheck check … | head`
        return Exit.OK
    except KeyboardInterrupt:
        return 130
    return Exit.USAGE_OR_INPUT
