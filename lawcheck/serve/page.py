"""The page itself: its words in the reader's language, filled into ``assets/index.html``.

Words the script needs (messages, the size limit) travel in a JSON data block, which the browser never
runs, so the page needs no inline script and the Content-Security-Policy can forbid them all.
"""

from __future__ import annotations

import json
from html import escape
from importlib import resources

from lawcheck.readers import SUFFIXES

UI = {
    "zh": {
        "html_lang": "zh-CN",
        "title": "法治政府建设年度报告检查（本机）",
        "lead": "在本机检查：文件和文字只交给本机上的 lawcheck，不上传到任何网站；关闭页面后不保留。",
        "skip": "跳到检查结果",
        "input": "报告",
        "drop": "把报告文件拖到这里",
        "or": "或",
        "pick": "选择文件…",
        "formats": "支持 {formats}",
        "paste": "或粘贴报告全文（修改文字，结果随之更新）",
        "placeholder": "在此粘贴报告全文……",
        "download_html": "下载检查结果网页",
        "download_docx": "下载带批注的 .docx",
        "result": "检查结果",
        "empty": "拖入报告文件或粘贴报告全文后，检查结果显示在这里：得分、缺失项、依据和修改建议，证据在原文中标出。",
        "privacy": "lawcheck 本地页面：不连接互联网，不写入文件。按 Ctrl-C 关闭服务。",
        # For the script.
        "checking": "正在检查……",
        "from_file": "来自文件“{name}”。修改下面的文字后，将按修改后的文字检查。",
        "edited": "已修改从文件“{name}”读出的文字：按修改后的文字检查；下载的批注 .docx 将按这些文字新建，"
                  "不保留原文件的排版。",
        "too_big": "文件过大（{size}，上限 {limit}；可用 --max-bytes 调整）",
        "failed": "检查失败：{error}",
        "failed_file": "“{name}”检查失败：{error}",
        "network": "无法连接本机的 lawcheck 服务（可能已经关闭）。请在命令行重新运行 lawcheck serve。",
        "took": "用时 {ms} 毫秒",
        "html_suffix": "-检查结果.html",
        "docx_suffix": "-批注.docx",
        "pasted_stem": "年度报告",
    },
    "en": {
        "html_lang": "en",
        "title": "Annual report check (on this computer)",
        "lead": "Checked on this computer: files and text go only to lawcheck here, never to a website, and "
                "nothing is kept after the page closes.",
        "skip": "Skip to the result",
        "input": "Report",
        "drop": "Drop a report file here",
        "or": "or",
        "pick": "Choose a file…",
        "formats": "Reads {formats}",
        "paste": "Or paste the report's text (edit it and the result follows)",
        "placeholder": "Paste the report's full text here…",
        "download_html": "Download the result page",
        "download_docx": "Download the commented .docx",
        "result": "Result",
        "empty": "Drop a report file or paste its text: the score, what is missing, the legal basis and how to "
                 "fix it appear here, with the evidence marked in the text.",
        "privacy": "lawcheck's local page: no Internet connection, no files written. Ctrl-C stops the server.",
        "checking": "Checking…",
        "from_file": "From the file \"{name}\". Edit the text below and it is checked as edited.",
        "edited": "The text read from \"{name}\" is edited: it is checked as edited, and the commented .docx is "
                  "a new document made from it, without the file's own layout.",
        "too_big": "file too large ({size}; the limit is {limit}, see --max-bytes)",
        "failed": "Could not check: {error}",
        "failed_file": "Could not check \"{name}\": {error}",
        "network": "lawcheck on this computer does not answer (it may have stopped). Run lawcheck serve again.",
        "took": "{ms} ms",
        "html_suffix": "-result.html",
        "docx_suffix": "-commented.docx",
        "pasted_stem": "annual-report",
    },
}

# What the file picker offers: every format the readers take except the legacy ones they refuse.
# (not archives: the page checks one report; a zip of several is the command line's, each report a row)
ACCEPT = ",".join(s for s, fmt in SUFFIXES.items() if fmt not in ("legacy", "archive"))


def ui(lang: str) -> dict[str, str]:
    return UI.get(lang, UI["zh"])


def index(lang: str, max_bytes: int) -> str:
    """The page, in ``lang``: every word escaped into the template, the script's words as JSON data."""
    words = dict(ui(lang))
    words["formats"] = words["formats"].format(formats=" ".join(s for s in (".docx", ".pdf", ".txt", ".ofd",
                                                                               ".html")))
    for_script = {k: words[k] for k in ("checking", "from_file", "edited", "too_big", "failed", "failed_file",
                                        "network", "took", "html_suffix", "docx_suffix", "pasted_stem")}
    for_script["max_bytes"] = max_bytes  # type: ignore[assignment]
    # "<" escaped: no text in the data can close the block it sits in.
    data = json.dumps(for_script, ensure_ascii=False).replace("<", "\\u003c")
    page = resources.files("lawcheck.serve").joinpath("assets", "index.html").read_text(encoding="utf-8")
    for key, value in words.items():
        page = page.replace("{{" + key + "}}", escape(value, quote=True))
    return page.replace("{{accept}}", escape(ACCEPT, quote=True)).replace("{{data}}", data)


def asset(name: str) -> str:
    return resources.files("lawcheck.serve").joinpath("assets", name).read_text(encoding="utf-8")
