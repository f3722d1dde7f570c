"""HTML: one self-contained page per report, and an index for a batch.

No CDN, fonts or scripts from elsewhere: the pages work from a file:// URL and as an email
attachment.  Every piece of report text goes through ``html.escape``.  Status is always an icon
and a word, never colour alone.  The small script only adds conveniences (jump-and-flash, sorting);
without it the links still jump to the evidence.
"""

from __future__ import annotations

from html import escape

from lawcheck.i18n import category, t
from lawcheck.model import Record, RuleResult, Scorecard
from lawcheck.render import Context, Format
from lawcheck.render.common import (
    MARK,
    arithmetic,
    basis_line,
    below_full,
    by_category,
    clip,
    colon,
    figure_note,
    figure_value,
    file_stem,
    late_detail,
    lp,
    marked_quote,
    not_report_line,
    number,
    role_names,
    rp,
    shown_score,
    shown_status,
    status_label,
    timeliness_label,
    visible,
    waiver_note,
)
from lawcheck.render.history_view import PLAN, PROBLEMS, counts_line, last_name, outcome_label, pct
from lawcheck.summary import Summary, summarize

FORMAT = Format("html", "HTML 网页（可转发；多份报告用 -o 指定目录，生成索引页和每份报告的页面）",
                "an HTML page to open and forward (several reports: -o DIR, an index and a page each)",
                output="directory", needs_text=True)

_UI = {
    "zh": {"html_lang": "zh-CN", "text": "报告全文（证据已标出）", "jump": "跳到证据", "no_evidence": "无证据",
           "searched_empty": "在此部分查找未果：{rules}", "looked_in": "查找范围", "found_nothing": "未找到",
           "back": "返回汇总", "chart": "缺失次数最多的项目", "reports": "份", "sort": "点击列标题排序",
           "skip": "跳到正文", "printed": "lawcheck {version} 生成", "evidence_for": "证据：{rules}",
           "index_title": "法治政府建设年度报告批量检查", "report": "报告", "of": "满分 100",
           "to_text": "看原文", "spread_note": "每个点是一个单位（悬停可见单位名），竖线为中位数；数字见左侧。",
           "side": "两年报告对照（相同或近乎相同的段落已标出，点击跳到另一份中的对应段落）", "to_other": "看对应段落",
           "copy_of": "与上年第{n}段相同或近乎相同", "copy_in": "被本年第{n}段照搬"},
    "en": {"html_lang": "en", "text": "Full text (evidence highlighted)", "jump": "jump to evidence",
           "no_evidence": "no evidence", "searched_empty": "Looked here and found nothing: {rules}",
           "looked_in": "Looked in", "found_nothing": "found nothing", "back": "Back to the summary",
           "chart": "Most often missing", "reports": "reports", "sort": "click a column heading to sort",
           "skip": "Skip to the text", "printed": "made by lawcheck {version}", "evidence_for": "evidence for: {rules}",
           "index_title": "Annual reports on law-based government: batch check", "report": "Report",
           "of": "out of 100", "to_text": "in the text",
           "spread_note": ("Each dot is one unit (hover for its name); the line is the median; "
                           "the numbers are on the left."),
           "side": "The two reports side by side (repeated passages marked; click one to jump to the other)",
           "to_other": "the other passage", "copy_of": "repeats passage {n} of last year's report",
           "copy_in": "repeated in passage {n} of this year's report"},
}

_FONT = ('"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",'
         '"WenQuanYi Micro Hei",system-ui,sans-serif')

_CSS = """
:root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#fff;--pass:#1a7f37;--partial:#9a6700;--fail:#cf222e;
--na:#57606a;--mark:#fff3b0;--flash:#ffd33d}
*{box-sizing:border-box}
body{margin:0;font-family:FONT;color:var(--fg);background:var(--bg);line-height:1.7;font-size:16px}
main{max-width:1100px;margin:0 auto;padding:16px}
a{color:#0550ae}
h1{font-size:1.4em;margin:.3em 0}h2{font-size:1.2em;border-bottom:1px solid var(--line);padding-bottom:.2em;
margin-top:1.6em}h3{font-size:1.05em;margin:1.2em 0 .4em}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px}
header.card{display:flex;flex-wrap:wrap;gap:16px;align-items:center;border:1px solid var(--line);border-radius:8px;
padding:12px 16px}
header.card .facts{flex:1 1 320px;min-width:0}
.facts dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:2px 12px;margin:0}
.facts dt{color:var(--muted)}.facts dd{margin:0}
h1,.facts dd,.arith,.missing,.note,footer{overflow-wrap:anywhere}code{overflow-wrap:break-word}
.gauge{flex:0 0 180px;text-align:center}
.gauge .grade{font-weight:bold;font-size:1.1em}
.arith{color:var(--muted);font-size:.9em}
.note{background:#fff8c5;border:1px solid #d4a72c;padding:6px 10px;border-radius:6px}
.tbl{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.95em}
table.rules{table-layout:fixed}table.rules col.c-st{width:6.5em}table.rules col.c-rule{width:36%}
table.rules col.c-pts{width:5.5em}table.rules col.c-ev{width:8.5em}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}
#ranking{min-width:860px}#ranking th,#ranking td:nth-child(n+4):not(:last-child){white-space:nowrap}
#ranking td:nth-child(2){min-width:12em;overflow-wrap:anywhere}#ranking td:nth-child(3){min-width:8em}
#ranking td:last-child{min-width:14em}
th button{font:inherit;font-weight:bold;background:none;border:0;padding:0;cursor:pointer;color:inherit}
.st{white-space:nowrap;font-weight:bold}
.st-pass{color:var(--pass)}.st-partial{color:var(--partial)}.st-fail{color:var(--fail)}
.st-unknown,.st-not_applicable{color:var(--na)}.st-waived{color:#6639ba}
code{font-size:.85em;color:var(--muted)}
.missing li{margin-bottom:.8em}
.fix,.why{margin:.2em 0}.basis,.near{color:var(--muted);font-size:.9em;margin:.2em 0}
.text{white-space:pre-wrap;word-break:break-word;border:1px solid var(--line);border-radius:8px;padding:12px 16px;
font-size:1em;line-height:1.9}
mark.ev{background:var(--mark);border-bottom:2px solid #d4a72c;padding:0 1px;scroll-margin-top:40vh}
strong.hit{font-weight:700;text-decoration:underline;text-decoration-thickness:2px}
mark.ev.flash{background:var(--flash);outline:2px solid #bf8700}
.sec-empty{display:block;margin:.4em 0;padding:2px 8px;border-left:4px solid var(--fail);background:#ffebe9;
font-size:.9em;white-space:normal}
footer{color:var(--muted);font-size:.85em;margin:2em 0 1em}
a.jump{white-space:nowrap}
.fig{outline:2px solid #0969da;outline-offset:1px;border-radius:2px}
.side{display:grid;grid-template-columns:1fr 1fr;gap:12px}.side h3{margin:.3em 0}
.side .text{max-height:80vh;overflow:auto}
mark.cp{background:#ffd8b5;border-bottom:2px solid #bc4c00;scroll-margin-top:30vh}
mark.cp:target{background:var(--flash)}mark.cp a{color:inherit;text-decoration:underline dotted}
.warn{border-left:4px solid var(--fail);padding:2px 8px;background:#fff8c5}
table.items td:first-child{white-space:nowrap}table.items small{color:var(--muted)}
table.units td{overflow-wrap:anywhere;vertical-align:top}table.units small{color:var(--muted)}
table.spread th[scope=row]{min-width:8em;text-align:left}table.spread td.strip{min-width:10em;width:22%}
table.spread thead th{white-space:nowrap}table.spread td.who{overflow-wrap:anywhere;min-width:7em}
table.figures td.num,table.spread td.num{white-space:nowrap;text-align:right}.fig:target{background:var(--flash)}
.track{position:relative;height:1.2em;background:#f6f8fa;border:1px solid var(--line);
border-radius:3px}.track .dot{position:absolute;top:.25em;width:.6em;height:.6em;margin-left:-.3em;border-radius:50%;
background:#0969da}.track .dot.out{background:#cf222e}.track .med{position:absolute;top:0;bottom:0;width:2px;
margin-left:-1px;background:#1b1f24}
.chart{margin:0;padding:0;list-style:none}.chart li{display:grid;grid-template-columns:minmax(6em,14em) 1fr;
gap:4px 10px;align-items:center;margin:4px 0}.chart .bar-track{display:flex;align-items:center;gap:6px}
.chart .bar-fill{display:inline-block;height:1em;background:#cf222e;border-radius:2px;min-width:2px}
@media (max-width:600px){body{font-size:15px}main{padding:8px}.gauge{flex-basis:100%}.side{grid-template-columns:1fr}
table.units,table.units tbody,table.units tr,table.units td{display:block}table.units thead{display:none}
table.units tr{border-bottom:1px solid var(--line);padding:6px 0}table.units td{border:0;padding:1px 2px}
table.units td[data-label]::before{content:attr(data-label);color:var(--muted);font-size:.9em}
table.rules,table.rules tbody{display:block}table.rules colgroup,table.rules thead{display:none}
table.rules tr{display:grid;grid-template-columns:auto 1fr auto;gap:2px 8px;border-bottom:1px solid var(--line);
padding:6px 0}table.rules td{border:0;padding:0 2px}
table.rules td:nth-child(1){grid-area:1/1}table.rules td:nth-child(3){grid-area:1/3;white-space:nowrap}
table.rules td:nth-child(2){grid-area:2/1/3/4}table.rules td:nth-child(4){grid-area:3/1/4/4}
table.rules td:nth-child(5){grid-area:4/1/5/4}
table.spread,table.spread tbody{display:block}table.spread thead{display:none}
table.spread tr{display:grid;grid-template-columns:1fr auto;gap:2px 8px;border-bottom:1px solid var(--line);
padding:6px 0}table.spread th,table.spread td{border:0;padding:0 2px}
table.spread td.strip{grid-column:1/3;grid-row:2;width:auto}
table.spread td[data-l]{grid-column:1/3;text-align:left}table.spread td[data-l]::before{content:attr(data-l);
color:var(--muted)}
#ranking{min-width:0;display:block}#ranking thead{display:none}#ranking tbody{display:block}
#ranking tr{display:grid;grid-template-columns:auto 1fr auto;gap:2px 8px;border:1px solid var(--line);
border-radius:8px;padding:8px;margin:8px 0}
#ranking td{border:0;padding:0;min-width:0!important;white-space:normal!important}
#ranking td:nth-child(1){grid-area:1/1}#ranking td:nth-child(2){grid-area:1/2;overflow-wrap:anywhere}
#ranking td:nth-child(5){grid-area:1/3;font-weight:bold;font-size:1.1em}
#ranking td:nth-child(3){grid-area:2/2/3/4}#ranking td:nth-child(4){grid-area:2/1}
#ranking td:nth-child(6){grid-area:3/1}#ranking td:nth-child(7){grid-area:3/2}#ranking td:nth-child(8){grid-area:3/3}
#ranking td:nth-child(9){grid-area:4/1/5/4;color:var(--muted);font-size:.9em}
#ranking td[colspan]{grid-area:2/1/3/4}
.chart li{grid-template-columns:1fr}}
@media print{@page{size:A4;margin:15mm}body{font-size:10.5pt}main{max-width:none;padding:0}
.skip,.noprint,script{display:none}a{color:inherit;text-decoration:none}
header.card,section{break-inside:avoid}.text{border:0;padding:0;font-size:10pt}
mark.ev{background:none;border-bottom:1.5px solid #000}h2{break-after:avoid}}
""".replace("FONT", _FONT)

_REPORT_JS = """
document.addEventListener('click',function(e){var a=e.target.closest('a[data-rule]');if(!a)return;
var id=a.getAttribute('data-rule');var ms=document.querySelectorAll('mark.ev');var first=null;
ms.forEach(function(m){var on=(' '+m.getAttribute('data-rules')+' ').indexOf(' '+id+' ')>=0;
m.classList.toggle('flash',on);if(on&&!first)first=m;});
if(first){e.preventDefault();first.scrollIntoView({block:'center'});history.replaceState(null,'','#'+first.id);}});
"""

_INDEX_JS = """
document.querySelectorAll('th button[data-col]').forEach(function(b){b.addEventListener('click',function(){
var col=+b.getAttribute('data-col');var tb=document.querySelector('#ranking tbody');
var rows=Array.prototype.slice.call(tb.rows);var th=b.parentNode;var asc=th.getAttribute('aria-sort')!=='ascending';
document.querySelectorAll('#ranking th').forEach(function(h){h.removeAttribute('aria-sort');});
th.setAttribute('aria-sort',asc?'ascending':'descending');
rows.sort(function(x,y){var a=x.cells[col].getAttribute('data-v'),c=y.cells[col].getAttribute('data-v');
var na=parseFloat(a),nc=parseFloat(c);var r=(!isNaN(na)&&!isNaN(nc))?na-nc:a.localeCompare(c,'zh');
return asc?r:-r;});rows.forEach(function(r){tb.appendChild(r);});});});
"""


def stylesheet() -> str:
    """The pages' style: ``lawcheck serve`` shows a report inside its own page, under a Content-Security-Policy
    that allows no inline code, and serves this as a file."""
    return _CSS


def report_script() -> str:
    """The report page's script (jump to a rule's evidence and flash it), served as a file the same way."""
    return _REPORT_JS


def _u(lang: str, key: str, **kw: object) -> str:
    return _UI.get(lang, _UI["zh"])[key].format(**kw)


def _e(value: object) -> str:
    # Control characters shown as escapes first, as every other format shows them: a right-to-left override
    # (U+202E) in a report or a waiver's reason would otherwise reorder what the page shows.
    return escape(visible("" if value is None else str(value)), quote=True)


def _page(lang: str, title: str, body: str, script: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{_u(lang, "html_lang")}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="lawcheck">\n<title>{_e(title)}</title>\n<style>{_CSS}</style>\n'
            f'</head>\n<body>\n{body}\n<script>{script}</script>\n</body>\n</html>\n')


def _status(lang: str, status: str) -> str:
    return f'<span class="st st-{status}">{_e(status_label(lang, status))}</span>'


_TONE = {"good": "#1a7f37", "fair": "#9a6700", "poor": "#cf222e"}


def _gauge(card: Scorecard) -> str:
    lang = card.lang
    score = card.score
    frac = 0.0 if score is None else max(0.0, min(1.0, score / 100))
    # A half ring: the grey track and the coloured part, drawn as one stroked arc each.
    length = 251.33  # half the circumference of r=80
    colour = _TONE.get(card.grade_tone or "", "#57606a")  # the policy's grades say which
    shown = f"{score:.1f}" if score is not None else "—"
    label = f"{t(lang, 'ui.score')} {shown} {_u(lang, 'of')}, {t(lang, 'ui.grade')} {card.grade_label or ''}"
    return (f'<div class="gauge"><svg viewBox="0 0 200 120" width="180" height="108" role="img" '
            f'aria-label="{_e(label)}">'
            f'<path d="M20 100 A80 80 0 0 1 180 100" fill="none" stroke="#d0d7de" stroke-width="18"/>'
            f'<path d="M20 100 A80 80 0 0 1 180 100" fill="none" stroke="{colour}" stroke-width="18" '
            f'stroke-dasharray="{frac * length:.2f} {length:.2f}"/>'
            f'<text x="100" y="96" text-anchor="middle" font-size="34" font-weight="bold">{_e(shown)}</text>'
            f'</svg><div class="grade">{_e(t(lang, "ui.grade"))}{colon(lang)}'
            f'{_e(card.grade_label or t(lang, "ui.none"))}</div>'
            f"</div>")


def _highlighted_text(card: Scorecard, text: str) -> tuple[str, dict[str, str]]:
    """The report text, escaped, with every evidence span marked and empty searched sections flagged;
    and for each rule with evidence, the id of the mark where its first passage begins."""
    lang = card.lang
    spans: list[tuple[int, int, int, int]] = []  # start, end, result index, evidence index
    for i, r in enumerate(card.results):
        for k, ev in enumerate(r.evidence):
            if 0 <= ev.start < ev.end <= len(text):
                spans.append((ev.start, ev.end, i, k))
    # Sections a failed or partial rule looked in without finding anything: flagged at their start.
    empty_at: dict[int, list[str]] = {}
    for r in card.results:
        if r.status in ("fail", "partial") and r.searched and not r.evidence:
            for sec in card.sections:
                if set(sec.roles) & set(r.searched.roles) and 0 <= sec.start <= len(text):
                    empty_at.setdefault(sec.start, []).append(r.name)
    # What matched inside each quote (a phrase, a placeholder), in bold within its mark.
    hits = sorted({m for r in card.results for ev in r.evidence for m in ev.marks if 0 <= m[0] < m[1] <= len(text)})
    # Each figure's number, so that the figures table can link to it (fig-1, fig-2, … in table order).
    figs = {f.evidence.marks[0]: k for k, f in enumerate(card.figures, 1)
            if f.evidence.marks and 0 <= f.evidence.marks[0][0] < f.evidence.marks[0][1] <= len(text)}
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans), *empty_at,
                   *(s for s, _ in hits), *(e for _, e in hits), *(s for s, _ in figs), *(e for _, e in figs)})
    out: list[str] = []
    anchors: dict[str, str] = {}
    marks = 0
    for a, b in zip(cuts, [*cuts[1:], None], strict=False):
        if a in empty_at:
            names = "、".join(dict.fromkeys(empty_at[a])) if lang == "zh" else ", ".join(dict.fromkeys(empty_at[a]))
            out.append(f'<span class="sec-empty">✗ {_e(_u(lang, "searched_empty", rules=names))}</span>')
        if b is None:
            break
        piece = _e(text[a:b])
        if any(s <= a and b <= e for s, e in hits):
            piece = f'<strong class="hit">{piece}</strong>'
        for (s, e), k in figs.items():
            if s <= a and b <= e:
                ident = f' id="fig-{k}"' if s == a else ""
                piece = f'<span class="fig"{ident}>{piece}</span>'
                break
        cover = [(i, k) for s, e, i, k in spans if s <= a and b <= e]
        if not cover:
            out.append(piece)
            continue
        rules = sorted({card.results[i].rule for i, _ in cover})
        names = ("、" if lang == "zh" else ", ").join(dict.fromkeys(card.results[i].name for i, _ in cover))
        marks += 1
        ident = f"ev-{marks}"
        for s, _end, i, k in spans:
            if s == a and k == 0:
                anchors.setdefault(card.results[i].rule, ident)
        out.append(f'<mark class="ev" id="{ident}" data-rules="{_e(" ".join(rules))}" '
                   f'title="{_e(_u(lang, "evidence_for", rules=names))}">{piece}</mark>')
    return "".join(out), anchors


def _rid(rule: str) -> str:
    """A rule id that wraps at its dots (and nowhere else) when the column is narrow."""
    return _e(rule).replace(".", ".<wbr>")


def _rule_rows(card: Scorecard, anchors: dict[str, str]) -> str:
    lang = card.lang
    parts = []
    for cat, results in by_category(card):
        parts.append(f"<h3>{_e(category(lang, cat))}</h3>")
        rows = []
        for r in results:
            pts = f"{r.points:g} / {r.weight:g}" if r.scored else "—"
            if r.rule in anchors:
                where = (f'<a class="jump" href="#{anchors[r.rule]}" data-rule="{_e(r.rule)}">'
                         f"{_e(_u(lang, 'jump'))}{lp(lang)}{len(r.evidence)}{rp(lang)}</a>")
            else:
                where = _e(_u(lang, "no_evidence"))
            rows.append(
                f'<tr id="rule-{_e(r.rule)}" data-status="{shown_status(r)}"><td>{_status(lang, shown_status(r))}</td>'
                f"<td>{_e(r.title)}<br><code>{_rid(r.rule)}</code></td><td>{_e(pts)}</td>"
                f"<td>{_why(r, lang)}</td><td>{where}</td></tr>")
        head = "".join(f'<th scope="col">{_e(h)}</th>' for h in
                       (t(lang, "ui.status"), t(lang, "ui.rule"), t(lang, "ui.weight"), t(lang, "ui.why"),
                        t(lang, "ui.evidence")))
        cols = '<colgroup><col class="c-st"><col class="c-rule"><col class="c-pts"><col><col class="c-ev"></colgroup>'
        parts.append(f'<div class="tbl"><table class="rules">{cols}<thead><tr>{head}</tr></thead>'
                     f'<tbody>{"".join(rows)}</tbody></table></div>')
    return "".join(parts)


def _why(r: RuleResult, lang: str) -> str:
    if r.waived is not None:  # accepted with a reason and an end date: that, not the shortfall, is what to read
        return (f'<strong>{_e(t(lang, "ui.waiver"))}{colon(lang)}</strong>{_e(waiver_note(lang, r))}'
                f'<br><small>{_e(r.message)}</small>')
    if below_full(r) and r.fix:  # a pass below its weight: how to earn the rest
        return (f"{_e(r.message)}{_searched(r, lang)}"
                f'<br><small>{_e(t(lang, "ui.fix"))}{colon(lang)}{_e(r.fix)}</small>')
    return f"{_e(r.message)}{_searched(r, lang)}"


def _waived(card: Scorecard) -> str:
    """The shortfalls a waiver accepted: each with its reason, end date and where the waiver is written."""
    waived = card.waived()
    if not waived:
        return ""
    lang = card.lang
    items = "".join(
        f'<li><strong>{_e(MARK["waived"])} {_e(r.name)}</strong> — {_e(r.title)} '
        f'<a href="#rule-{_e(r.rule)}"><code>{_rid(r.rule)}</code></a>'
        f'<p>{_e(waiver_note(lang, r))}</p>'
        + (f'<p class="basis">{_e(t(lang, "ui.waiver_where"))}{colon(lang)}<code>{_e(r.waived.where)}</code></p>'
           if r.waived and r.waived.where else "") + "</li>"
        for r in waived)
    return (f'<section aria-labelledby="h-waived"><h2 id="h-waived">{_e(t(lang, "ui.waived"))}'
            f'{lp(lang)}{len(waived)}{rp(lang)}</h2><ul class="missing">{items}</ul></section>\n')


def _searched(r: RuleResult, lang: str) -> str:
    if r.status not in ("fail", "partial") or not r.searched or r.evidence:
        return ""
    where = role_names(lang, r.searched.roles)
    return (f'<br><small>{_e(_u(lang, "looked_in"))}{colon(lang)}{_e(where)}{lp(lang)}'
            f'{_e(_u(lang, "found_nothing"))}{rp(lang)}</small>')


_HIT = '<strong class="hit">'


def _missing(card: Scorecard) -> str:
    lang = card.lang
    if not card.missing:
        return f"<p>{_e(t(lang, 'ui.none'))}</p>"
    items = []
    by_id = {r.rule: r for r in card.results}
    for m in card.missing:
        # What is missing and the nearest thing found, as the terminal shows them.
        near = by_id[m.rule].near_miss
        near_html = (f'<p class="near"><strong>{_e(t(lang, "ui.near"))}{colon(lang)}</strong>{_e(clip(near.text, 120))}'
                     f'{lp(lang)}{_e(near.reason)}{rp(lang)}</p>') if near else ""
        if m.status == "fail":  # what is there and must not be (a placeholder, a late date): where it is
            near_html += "".join(
                f'<p class="found"><strong>{_e(t(lang, "ui.found_at"))}{colon(lang)}</strong>'
                f'{_e(e.section.split(" > ")[-1])}{colon(lang)}'
                f'{marked_quote(e, 120, _HIT, "</strong>", escape=_e)}</p>'
                for e in by_id[m.rule].evidence[:3])
        items.append(
            f'<li><strong>{_e(MARK[m.status])} {_e(m.name)}</strong> — {_e(m.title)} '
            f'<a href="#rule-{_e(m.rule)}"><code>{_rid(m.rule)}</code></a>'
            f'<p class="why"><strong>{_e(t(lang, "ui.why"))}{colon(lang)}</strong>{_e(m.message)}</p>{near_html}'
            f'<p class="fix"><strong>{_e(t(lang, "ui.fix"))}{colon(lang)}</strong>{_e(m.fix)}</p>'
            f'<p class="basis"><strong>{_e(t(lang, "ui.basis"))}'
            f'{colon(lang)}</strong>{_e(basis_line(lang, m.basis))}</p></li>')
    return f'<ol class="missing">{"".join(items)}</ol>'


def render_report_page(card: Scorecard, text: str, path: str | None = None, gate: list[str] | None = None,
                       index_href: str | None = None, previous_text: str | None = None) -> str:
    """One report: header and gauge, what is missing, the rules by category, the text with evidence."""
    from lawcheck.version import __version__

    lang = card.lang
    d = card.document
    none = t(lang, "ui.none")
    title = d.title or d.organ or (path or t(lang, "ui.card"))
    if d.kind != "annual_report":
        return _not_report_page(card, text, path, gate, index_href)
    facts = [(t(lang, "ui.title"), d.title or none), (t(lang, "ui.organ"), d.organ or none),
             (t(lang, "ui.year"), d.report_year or none), (t(lang, "ui.signed"), d.signed_date or none),
             (t(lang, "ui.published"), d.published_date or none)]
    if path:
        facts.insert(0, (t(lang, "ui.file"), path))
    if gate is not None:
        facts.append((t(lang, "ui.gate"), f"✓ {t(lang, 'ui.gate_ok')}" if not gate else
                      f"✗ {t(lang, 'ui.gate_fail')}{colon(lang)}{' '.join(gate)}"))
    facts.append((t(lang, "ui.late"), timeliness_label(lang, card.timeliness, card.late_by())))
    dl = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in facts)
    marked, anchors = _highlighted_text(card, text)
    back = f'<p class="noprint"><a href="{_e(index_href)}">← {_e(_u(lang, "back"))}</a></p>' if index_href else ""
    note = f'<p class="note">{_e(t(lang, "ui.traditional"))}</p>' if d.script == "traditional" else ""
    body = (
        f'<a class="skip" href="#text">{_e(_u(lang, "skip"))}</a>\n<main>\n{back}'
        f"<h1>{_e(t(lang, 'ui.card'))}</h1>\n"
        f'<header class="card"><div class="facts"><dl>{dl}</dl>'
        f'<p class="arith">{_e(arithmetic(card))}</p></div>{_gauge(card)}</header>\n{note}'
        f'<section aria-labelledby="h-missing"><h2 id="h-missing">{_e(t(lang, "ui.missing"))}</h2>'
        f"{_missing(card)}</section>\n{_waived(card)}"
        f'<section aria-labelledby="h-results"><h2 id="h-results">{_e(t(lang, "ui.results"))}</h2>'
        f"{_rule_rows(card, anchors)}</section>\n{_figures(card)}{_history(card, text, previous_text)}"
        f'<section aria-labelledby="h-text"><h2 id="h-text">{_e(_u(lang, "text"))}</h2>'
        f'<div class="text" id="text">{marked}</div></section>\n'
        f"<footer>{_e(_u(lang, 'printed', version=__version__))} · {_e(card.pack.id)} {_e(card.pack.version)}"
        f"</footer>\n</main>")
    return _page(lang, f"{title} — {t(lang, 'ui.card')}", body, _REPORT_JS)


def _history(card: Scorecard, text: str, previous: str | None) -> str:
    """The year-over-year review: counts and items (with the passage each went to), then both texts side by
    side with the copied passages marked and linked to each other (when last year's text is at hand)."""
    h = card.history
    if h is None:
        return ""
    lang = card.lang
    parts = [f'<section aria-labelledby="h-history"><h2 id="h-history">{_e(t(lang, "history.heading"))}'
             f'{_e(lp(lang) + t(lang, "history.against", name=last_name(h, lang)) + rp(lang))}</h2>']
    if not h.in_score:
        parts.append(f'<p class="note">{_e(t(lang, "history.beside_score"))}</p>')
    parts += [f'<p class="warn">⚠ {_e(n)}</p>' for n in h.pairing]
    head = "".join(f'<th scope="col">{_e(x)}</th>' for x in (t(lang, "ui.status"), t(lang, "history.last_year"),
                                                            t(lang, "history.this_year")))
    for key, items, counts, order in (("history.plan_heading", h.plan, h.plan_counts, PLAN),
                                      ("history.problems_heading", h.shortcomings, h.shortcoming_counts, PROBLEMS)):
        parts.append(f"<h3>{_e(t(lang, key, n=len(items)))}</h3><p>"
                     f"{_e(counts_line(lang, counts, order) if items else t(lang, 'ui.none'))}</p>")
        if items:
            rows = "".join(
                f"<tr><td>{_e(outcome_label(lang, r.outcome))}</td><td>{_e(r.item.text)}</td>"
                f"<td>{('<small>' + _e(r.where.section) + '</small><br>' + _e(r.where.text)) if r.where else '—'}"
                f"</td></tr>"
                for r in items)
            parts.append(f'<div class="tbl"><table class="items"><thead><tr>{head}</tr></thead><tbody>{rows}'
                         f"</tbody></table></div>")
    if h.copied:
        parts.append(f"<h3>{_e(t(lang, 'history.copied_heading', n=len(h.copied), share=pct(h.copied_share)))}</h3>")
        if h.worst_parts:
            worst = ("、" if lang == "zh" else ", ").join(t(lang, f"role.{r}") for r in h.worst_parts)
            parts.append(f'<p class="warn">⚠ {_e(t(lang, "history.copied.worst", parts=worst))}</p>')
        this_spans = [(p.this.start, p.this.end) for p in h.copied]
        parts.append(f'<h3>{_e(_u(lang, "side"))}</h3><div class="side">'
                     f'<div><h3>{_e(t(lang, "history.this_year"))}</h3><div class="text">'
                     f'{_copies_marked(text, this_spans, "cp-this", "cp-last", lang, "copy_of")}</div></div>')
        if previous is not None:
            last_spans = [(p.last.start, p.last.end) for p in h.copied]
            parts.append(f'<div><h3>{_e(t(lang, "history.last_year"))}</h3><div class="text">'
                         f'{_copies_marked(previous, last_spans, "cp-last", "cp-this", lang, "copy_in")}</div></div>')
        parts.append("</div>")
    else:
        parts.append(f"<p>{_e(t(lang, 'history.copied_none'))}</p>")
    parts.append("</section>\n")
    return "".join(parts)


def _copies_marked(text: str, spans: list[tuple[int, int]], own: str, other: str, lang: str, title: str) -> str:
    """A text with each span (the k-th copied passage) marked as #own-k, linking to #other-k.  A span inside
    one already marked (a passage of last year's copied twice) gets its anchor at the start of that mark, so
    that every link lands."""
    out: list[str] = []
    pos = 0
    order = sorted(range(len(spans)), key=lambda k: (spans[k][0], -spans[k][1]))
    marked: list[tuple[int, int, list[int]]] = []  # (start, end, the passages it stands for)
    for k in order:
        s, e = spans[k]
        if not (0 <= s < e <= len(text)):
            continue
        if marked and s < marked[-1][1]:
            marked[-1][2].append(k)
            continue
        marked.append((s, e, [k]))
    for s, e, ks in marked:
        out.append(_e(text[pos:s]))
        first, *inner = ks
        anchors = "".join(f'<span id="{own}-{k + 1}"></span>' for k in inner)
        out.append(f'<mark class="cp" id="{own}-{first + 1}" title="{_e(_u(lang, title, n=first + 1))}">{anchors}'
                   f'<a href="#{other}-{first + 1}">{_e(text[s:e])}</a></mark>')
        pos = e
    out.append(_e(text[pos:]))
    return "".join(out)


def _figures(card: Scorecard) -> str:
    """The figures read: indicator, value, what else to know, and a link to the number in the text."""
    if not card.figures:
        return ""
    lang = card.lang
    rows = "".join(
        f"<tr><td>{_e(f.name)}<br><small><code>{_rid(f.indicator)}</code></small></td>"
        f'<td class="num">{_e(figure_value(f, lang))}</td><td>{_e(figure_note(f, lang))}</td>'
        f'<td><a class="jump" href="#fig-{k}">{_e(_u(lang, "to_text"))}</a></td></tr>'
        for k, f in enumerate(card.figures, 1))
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in (t(lang, "ui.indicator"), t(lang, "ui.value"),
                                                             t(lang, "ui.fig_note"), t(lang, "ui.evidence")))
    return (f'<section aria-labelledby="h-figures"><h2 id="h-figures">{_e(t(lang, "ui.figures"))}'
            f"{lp(lang)}{len(card.figures)}{rp(lang)}</h2>"
            f'<div class="tbl"><table class="figures"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody>'
            f"</table></div></section>\n")


def _spread(summary: Summary, lang: str) -> str:
    """Each key indicator across the units: the numbers, and a strip of dots (one per unit) with the median."""
    if not summary.spreads:
        return ""
    rows = []
    for sp in summary.spreads:
        lo, hi = sp.low[1], sp.high[1]
        width = (hi - lo) or 1.0
        outs = set(sp.outliers)
        dots = "".join(f'<span class="dot{" out" if (who, v) in outs else ""}" '
                       f'style="left:{100 * (v - lo) / width:.1f}%" title="{_e(who)}{colon(lang)}'
                       f'{_e(number(v) + sp.unit)}"></span>' for who, v in sp.values)
        med = f'<span class="med" style="left:{100 * (sp.median - lo) / width:.1f}%"></span>'
        outliers = ("；" if lang == "zh" else "; ").join(f"{who} {number(v)}{sp.unit}" for who, v in sp.outliers)
        rows.append(
            f"<tr><th scope=\"row\">{_e(sp.name)}</th>"
            f'<td class="strip"><div class="track" aria-hidden="true">{dots}{med}</div></td>'
            f'<td class="num" data-l="{_e(t(lang, "ui.units_n") + colon(lang))}">{len(sp.values)}</td>'
            f'<td class="num" data-l="{_e(t(lang, "ui.median") + colon(lang))}">{_e(number(sp.median) + sp.unit)}</td>'
            f'<td class="who" data-l="{_e(t(lang, "ui.lowest") + colon(lang))}">{_e(number(lo) + sp.unit)}<br>'
            f"<small>{_e(sp.low[0])}</small></td>"
            f'<td class="who" data-l="{_e(t(lang, "ui.highest") + colon(lang))}">{_e(number(hi) + sp.unit)}<br>'
            f"<small>{_e(sp.high[0])}</small></td>"
            f'<td class="who" data-l="{_e(t(lang, "ui.outliers") + colon(lang))}">{_e(outliers or "—")}</td></tr>')
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in (
        t(lang, "ui.indicator"), "", t(lang, "ui.units_n"), t(lang, "ui.median"), t(lang, "ui.lowest"),
        t(lang, "ui.highest"), t(lang, "ui.outliers")))
    return (f'<section aria-labelledby="h-spread"><h2 id="h-spread">{_e(t(lang, "ui.spread"))}</h2>'
            f'<p><small>{_e(_u(lang, "spread_note"))}</small></p>'
            f'<div class="tbl"><table class="spread"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}'
            f"</tbody></table></div></section>\n")


def _not_report_page(card: Scorecard, text: str, path: str | None, gate: list[str] | None,
                     index_href: str | None) -> str:
    """A text that is not an annual report: what it is and why, then the text; no rule table."""
    lang = card.lang
    back = f'<p class="noprint"><a href="{_e(index_href)}">← {_e(_u(lang, "back"))}</a></p>' if index_href else ""
    gate_line = f'<p>{_e(t(lang, "ui.gate"))}{colon(lang)}✗ {_e(" ".join(gate))}</p>' if gate else ""
    body = (f'<a class="skip" href="#text">{_e(_u(lang, "skip"))}</a>\n<main>\n{back}'
            f"<h1>{_e(t(lang, 'ui.card'))}</h1>\n"
            f'<p class="note">✗ {_e(not_report_line(card, path))}</p>\n{gate_line}'
            f'<section aria-labelledby="h-text"><h2 id="h-text">{_e(_u(lang, "text"))}</h2>'
            f'<div class="text" id="text">{_e(text)}</div></section>\n</main>')
    return _page(lang, f"{card.document.title or path or ''} — {t(lang, 'ui.not_report')}", body, "")


def render_error_page(path: str, error: str, lang: str) -> str:
    """A page for an input that could not be checked: the reason, in a page like the others."""
    body = (f"<main>\n<h1>{_e(t(lang, 'ui.card'))}</h1>\n"
            f'<p class="note">✗ {_e(path)}{colon(lang)}{_e(t(lang, "ui.error"))}{colon(lang)}{_e(error)}</p>\n</main>')
    return _page(lang, f"{path} — {t(lang, 'ui.error')}", body, "")


def _chart(summary: Summary, lang: str) -> str:
    """The most-missing items as bars of HTML (readable at any width; the numbers are text)."""
    top = summary.missing_counts[:10]
    if not top:
        return ""
    most = top[0][2]
    items = "".join(
        f'<li><span class="bar-name" title="{_e(rule)}">{_e(name)}</span><span class="bar-track">'
        f'<span class="bar-fill" style="width:{80 * n / most:.1f}%"></span><span class="bar-n">{n}</span></span></li>'
        for rule, name, n in top)
    return (f'<figure><figcaption><h2 id="h-chart">{_e(_u(lang, "chart"))}</h2></figcaption>'
            f'<ol class="chart">{items}</ol></figure>')


_TIMELINESS_ORDER = {"late": 2, "unknown": 1, "on_time": 0}


def render_index(summary: Summary, pages: dict[str, str], lang: str) -> str:
    """A batch: the ranking (sortable), links to each report's page and the most-missing chart."""
    from lawcheck.version import __version__

    head_cells = [t(lang, "ui.rank"), t(lang, "ui.file"), t(lang, "ui.organ"), t(lang, "ui.year"),
                  t(lang, "ui.score"), t(lang, "ui.grade"), t(lang, "ui.gate"), t(lang, "ui.late"),
                  t(lang, "ui.top_missing")]
    head = "".join(f'<th scope="col"><button type="button" data-col="{i}">{_e(h)}</button></th>'
                   for i, h in enumerate(head_cells))
    rows = []
    for n, row in enumerate(summary.rows, 1):
        link = pages.get(row.path)
        name = f'<a href="{_e(link)}">{_e(row.path)}</a>' if link else _e(row.path)
        if row.card is None:
            rows.append(f'<tr><td data-v="{n}">{n}</td><td data-v="{_e(row.path)}">{name}</td>'
                        f'<td data-v="" colspan="7">✗ {_e(t(lang, "ui.error"))}{colon(lang)}{_e(row.error)}</td></tr>')
            continue
        c, d = row.card, row.card.document
        score = c.score if c.score is not None else -1
        # (the deadline missed and its date under the flag, on a line of its own: the column stays narrow)
        late = _e(timeliness_label(lang, row.timeliness))
        if row.timeliness == "late" and c.late_by:
            late += f'<br><small>{_e(late_detail(lang, c.late_by))}</small>'
        gate = f"✓ {t(lang, 'ui.gate_ok')}" if row.gate_ok else f"✗ {t(lang, 'ui.gate_fail')}"
        missing = "、".join(row.top_missing) if lang == "zh" else ", ".join(row.top_missing)
        rows.append(
            f'<tr><td data-v="{n}">{n}</td><td data-v="{_e(row.path)}">{name}</td>'
            f'<td data-v="{_e(d.organ or "")}">{_e(d.organ or "")}</td>'
            f'<td data-v="{_e(d.report_year or "")}">{_e(d.report_year or "")}</td>'
            f'<td data-v="{score}">{_e(shown_score(c, "—"))}</td>'
            f'<td data-v="{score}">{_e(c.grade_label or "")}</td><td data-v="{int(row.gate_ok)}">{_e(gate)}</td>'
            f'<td data-v="{_TIMELINESS_ORDER.get(row.timeliness, 1)}">{late}</td>'
            f'<td data-v="{_e(missing)}">{_e(missing)}</td></tr>')
    totals = summary.totals(lang)
    others = ""
    if summary.others:
        items = []
        for row in summary.others:
            link = pages.get(row.path)
            if row.card is None:
                continue
            line = _e(not_report_line(row.card, row.path))
            items.append(f'<li><a href="{_e(link)}">{line}</a></li>' if link else f"<li>{line}</li>")
        others = (f'<section aria-labelledby="h-others"><h2 id="h-others">{_e(t(lang, "ui.others"))}</h2>'
                  f'<ul class="others">{"".join(items)}</ul></section>\n')
    body = (
        f'<a class="skip" href="#ranking">{_e(_u(lang, "skip"))}</a>\n<main>\n'
        f"<h1>{_e(_u(lang, 'index_title'))}</h1>\n<p>{_e(totals)}</p>\n"
        f'<section aria-labelledby="h-rank"><h2 id="h-rank">{_e(t(lang, "ui.summary"))}</h2>'
        f'<p class="noprint"><small>{_e(_u(lang, "sort"))}</small></p>'
        f'<div class="tbl"><table id="ranking"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody>'
        f"</table></div></section>\n{others}{_spread(summary, lang)}<section>{_chart(summary, lang)}</section>\n"
        f"<footer>{_e(_u(lang, 'printed', version=__version__))}</footer>\n</main>")
    return _page(lang, _u(lang, "index_title"), body, _INDEX_JS)


def name(path: str, n: int, ctx: Context | None = None) -> str:
    """The file name of input ``n``'s page (1: the first input): numbered in input order, readable, unique."""
    import re

    stem = re.sub(r"[^\w\u4e00-\u9fff.-]+", "_", file_stem(path))[:60] or "report"
    return f"{n:04d}-{stem}.html"


def page_names(records: list[Record]) -> dict[str, str]:
    """A file name for each checked report's page, by its path."""
    return {rec.path: name(rec.path, n) for n, rec in enumerate(records, 1) if rec.card is not None}


INDEX = "index.html"  # the file ``index`` makes: known before any input is checked (it must not be one)


# A folder is written as the reports are checked (constant memory for any corpus): each report's page made in
# the worker (``record``), named by its place among the inputs (``name``), and at the end the index of the slim
# scorecards kept (``index``).  ``files`` is the same folder made at once.
def record(rec: Record, ctx: Context) -> str:
    """A checked report's page in a batch's folder ("" for an input that could not be read)."""
    if rec.card is None:
        return ""
    return render_report_page(rec.card, rec.text or "", rec.path, rec.gate, index_href=INDEX)


def index(ctx: Context, kept: list[Record] | tuple[Record, ...], pages: dict[str, str]) -> dict[str, str]:
    """The folder's ``index.html``: every input ranked, linked to its page (``pages``: path → file name)."""
    return {INDEX: render_index(summarize(list(kept), indicators=ctx.indicators, unchecked=ctx.interrupted), pages,
                                ctx.lang)}


def files(records: list[Record], ctx: Context) -> dict[str, str]:
    """Every file of a batch's HTML output: ``index.html`` and one page per checked report."""
    names = page_names(records)
    out = index(ctx, records, names)
    for rec in records:
        if rec.card is not None:
            out[names[rec.path]] = record(rec, ctx)
    return out


def render(records: list[Record], ctx: Context) -> str:
    """One input's page (several inputs go to a directory: ``files``)."""
    rec = records[0]
    if rec.card is None:  # the error is on standard error; the page says it too
        return render_error_page(rec.path, rec.error or "", ctx.lang)
    return render_report_page(rec.card, rec.text or "", rec.path, rec.gate, previous_text=ctx.previous_text)
