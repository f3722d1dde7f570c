"""Kind ``forbidden``: things a report must not contain — template leftovers, outdated documents cited as current."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from lawcheck import rx
from lawcheck.i18n import join, t
from lawcheck.kinds.base import Outcome, Role, RuleBase, Span, Text
from lawcheck.kinds.describe import label
from lawcheck.kinds.matching import Matcher, anchors, rejection

if TYPE_CHECKING:
    from lawcheck.analysis import Analysis
    from lawcheck.text.structure import Structure

_EVIDENCE_PER_ITEM = 3


class ForbiddenItem(Matcher):
    """One thing that must not occur: the matcher's anchors, where ``scope`` allows, outside quotations
    when ``exempt_quoted``."""

    scope: list[Role] | None = Field(None, description="where it counts (default: anywhere, the title too)")
    exempt_quoted: bool = Field(False, description="ignore hits inside “…” quotation marks that name each unit of a "
                                                   "kind (“XX乡(镇)…”: a blank, a unit, its alternatives in brackets)")
    caveat: Text | None = Field(None, description="what is not settled about holding this against a report (a repeal "
                                                 "not verified): said with every finding of it, on the scorecard")


class ForbiddenRule(RuleBase):
    """Things a report must not contain: template leftovers, outdated documents cited as current."""

    kind: Literal["forbidden"]
    items: list[ForbiddenItem] = Field(min_length=1)


def matchers(rule: ForbiddenRule) -> list[Matcher]:
    return list(rule.items)


def _positions(text: str, mark: str, start: int, end: int) -> list[int]:
    """Where ``mark`` stands in text[start:end], found by the string search (a Python loop over every
    character of every line with a hit cost 5% of a check)."""
    out = []
    i = text.find(mark, start, end)
    while i >= 0:
        out.append(i)
        i = text.find(mark, i + 1, end)
    return out


def _quoted(a: Analysis, s: int) -> bool:
    """Is the text at ``s`` (in the view) inside “…” in its paragraph?  Counted in the original,
    where the quotation marks are; the paragraph is the view's line, so a line broken by a page
    width (a soft break) does not cut it."""
    st = a.st
    norm = st.norm
    # A kept line break: the original line starts right after it.  Found among the lines' starts (looking back
    # for it from every hit of a long line was quadratic).
    starts = a.line_starts
    line = starts[bisect_right(starts, s) - 1]
    nl = line - 1 if line > 0 else -1
    start = norm.orig(nl) + 1 if nl >= 0 else 0
    # The quotation marks of the line, found once per line (a one-line report full of blanks would
    # otherwise count them again for every blank: quadratic).
    cache = a.quote_marks
    marks = cache.get(start)
    if marks is None:
        # The paragraph is the view's line (a line broken by the page width is one), in the original.
        vend = st.text.find("\n", s)
        end = norm.orig(vend) if vend >= 0 else len(norm.original)
        text = norm.original
        marks = cache[start] = (_positions(text, "“", start, end), _positions(text, "”", start, end),
                                _positions(text, '"', start, end), _positions(text, "「", start, end),
                                _positions(text, "」", start, end))
    at = norm.orig(s)
    # Inside when the nearest mark before it opens a quotation (a line broken in the middle of an earlier quotation
    # may hold its closing mark only); straight marks ("XX乡…", as typed) alternate.
    return (_last_before(marks[0], at) > _last_before(marks[1], at)
            or _last_before(marks[3], at) > _last_before(marks[4], at) or bisect_left(marks[2], at) % 2 == 1)


def _last_before(positions: list[int], at: int) -> int:
    i = bisect_left(positions, at)
    return positions[i - 1] if i else -1



# "XX乡(镇)", "××县（市、区）": a blank followed by a unit and its alternatives in brackets names each such
# unit (a sign made for every township), as drafters write it; a bare “xx区人民政府” is a blank left unfilled.
_GENERIC = rx.compile(r"[\u4e00-\u9fff]{1,3}\s*[（(][^（()）]{1,8}[)）]")


def _generic_label(st: Structure, e: int) -> bool:
    return bool(_GENERIC.match(st.text, e))


def item_hits(a: Analysis, item: ForbiddenItem) -> list[Span]:
    """Where the item occurs: in the title, the body or the closing (never page chrome)."""
    st = a.st
    cm = a.pack.compiled(item)
    lo = min(st.body[0], st.title_span[0]) if st.title_span else st.body[0]
    hi = max(st.body[1], st.closing[1])
    out: list[Span] = []
    for s, e in anchors(a, cm, lo, hi):
        si = st.sentence_at(s)
        in_title = st.title_span is not None and st.title_span[0] <= s < st.title_span[1]
        if si is None and not in_title:
            continue
        sent = st.sentences[si] if si is not None else None
        if item.scope is not None:
            roles = sent.roles if sent is not None else frozenset({"preamble"})
            if not roles & set(item.scope):
                continue
        # A document studied or received by its outdated name ("学习了《信访条例》") cites it all the same.
        if rejection(a, item, cm, sent, s, e, named=False) is not None:
            continue
        if item.exempt_quoted and _quoted(a, s) and _generic_label(st, e):
            continue
        out.append((s, e))
    return out


def check(rule: ForbiddenRule, a: Analysis) -> Outcome:
    triggered: list[str] = []
    evidence: list[Span] = []
    found: list[str] = []
    looked: list[str] = []
    for item in rule.items:
        if a.year is not None and not item.years.contains(a.year):
            continue
        if a.year is None and item.years.bounded:
            continue
        looked.append(item.label.get(a.lang))
        spans = item_hits(a, item)
        if spans:
            triggered.append(item.id)
            said = t(a.lang, "found_item", label=item.label.get(a.lang), quotes=quotes(a, spans))
            # An unsettled basis is told where the finding is read, not only in explain: the drafter checks first.
            found.append(said + (t(a.lang, "caveat", text=item.caveat.get(a.lang)) if item.caveat else ""))
            evidence.extend(spans[:_EVIDENCE_PER_ITEM])
    if not triggered:
        # Say what passed: nothing of what it looked for is there (not "found").
        return Outcome("pass", 1.0, details=[t(a.lang, "none_found", items=join(a.lang, looked))] if looked else [])
    out = Outcome("fail", 0.0, triggered, sorted(set(evidence)))
    out.details = [t(a.lang, "found_items", items=("；" if a.lang == "zh" else "; ").join(found))]
    return out


_QUOTED = 5


def quotes(a: Analysis, spans: list[Span]) -> str:
    """What was found, each distinct text quoted once with how often it occurs: “20xx”（3处）、“××”."""
    counts: dict[str, int] = {}
    for s, e in spans:
        os_, oe = a.st.norm.orig_span(s, e)
        text = " ".join(a.st.norm.original[os_:oe].split())
        counts[text] = counts.get(text, 0) + 1
    shown = [t(a.lang, "quote_times" if n > 1 else "quote", text=x, n=n) for x, n in list(counts.items())[:_QUOTED]]
    more = len(counts) - _QUOTED
    if more > 0:
        shown.append(f"等{more}种" if a.lang == "zh" else f"and {more} more")
    return join(a.lang, shown)


def describe(rule: ForbiddenRule, lang: str) -> list[str]:
    out = [f"  {label(lang, 'forbidden')}:"]
    for item in rule.items:
        years = "" if not item.years.bounded else f" [{item.years.start or ''}–{item.years.end or ''}]"
        words = f": {'、'.join(item.phrases)}" if item.phrases else ""
        out.append(f"  • {item.label.get(lang)}{years}{words}")
        if item.not_:
            out.append(f"    {label(lang, 'not')}: {'、'.join(item.not_)}")
    return out
