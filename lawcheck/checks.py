"""One pure evaluator per rule kind: (rule, analysed document) -> Outcome.

Positions are in the normalised text; the scorecard maps them back to the original.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from lawcheck import saferegex
from lawcheck.i18n import join, t
from lawcheck.pack import Hits, RulePack, Span
from lawcheck.spec import (
    ConceptRule,
    Context,
    CountRule,
    DeadlineRule,
    FieldRule,
    ForbiddenItem,
    ForbiddenRule,
    Part,
    RecipientsRule,
    SectionRule,
    TitleRule,
)
from lawcheck.text import organs
from lawcheck.text.dates import PLACEHOLDER, Found
from lawcheck.text.normalize import normalize
from lawcheck.text.structure import CLOSING, PREAMBLE, ROLES, Sentence, Structure

_CLAUSE_END = ",:;。!?\n"
_CLAUSE_END_RX = re.compile(f"[{re.escape(_CLAUSE_END)}]")
_EVIDENCE_PER_PART = 2
_MAX_QUOTE = 140


@dataclass
class Doc:
    """A report analysed once, shared by every check."""

    st: Structure
    hits: Hits
    pack: RulePack
    lang: str
    year: int | None
    year_placeholder: bool
    year_found: Found | None
    year_inferred: Found | None
    signed: Found | None
    published: dt.date | None
    published_span: Span | None
    sig_organ: Found | None
    organ: str | None = None
    level: str | None = None
    level_source: str | None = None
    reporter: str | None = None
    recipients: tuple[list[str], Span] | None = None
    copies: tuple[list[str], Span] | None = None
    page_title: str | None = None
    script: str = "simplified"  # traditional: matched through a simplified view (same offsets)
    session: bool = False  # delivered to a 人大常委会 session: no signature block
    neg_ids: list[int] = field(default_factory=list)
    fut_ids: list[int] = field(default_factory=list)
    # Start positions of every negation / future cue, merged and sorted once per report.
    neg_starts: list[int] = field(default_factory=list)
    fut_starts: list[int] = field(default_factory=list)
    # Positions of every clause-ending mark, so that a clause is two bisections, not a walk.
    clause_ends: list[int] = field(default_factory=list)
    # Where each section sits ("一、… > (二)…"), worked out once for all the evidence quoted from it.
    section_labels: dict[int, str] = field(default_factory=dict)
    # Matches of the rules' regular-expression false friends, found once per report and pattern, as
    # (starts, running maximum of the ends): whether one covers a hit is then one bisection.
    regex_spans: dict[str, tuple[list[int], list[int]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.neg_starts = sorted(s for pid in self.neg_ids for s, _ in self.hits.get(pid, ()))
        self.fut_starts = sorted(s for pid in self.fut_ids for s, _ in self.hits.get(pid, ()))
        self.clause_ends = [m.start() for m in _CLAUSE_END_RX.finditer(self.st.text)]

    @property
    def text(self) -> str:
        return self.st.text

    def spans_of(self, pattern: str) -> tuple[list[int], list[int]]:
        index = self.regex_spans.get(pattern)
        if index is None:
            spans = sorted(saferegex.finditer(pattern, self.text, 0, len(self.text)))
            reach: list[int] = []
            for _s, e in spans:
                reach.append(max(e, reach[-1]) if reach else e)
            index = self.regex_spans[pattern] = ([s for s, _e in spans], reach)
        return index


@dataclass
class Outcome:
    status: str
    fraction: float
    missing: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    near_miss: tuple[Span, str] | None = None
    searched: tuple[list[str], list[str]] | None = None


# ---------------------------------------------------------------- positions


def _first_in(doc: Doc, pids: list[int], lo: int, hi: int, not_ids: list[int] | None = None,
              not_patterns: list[str] | tuple = (), accept=None) -> Span | None:
    """The first hit of any of ``pids`` inside [lo, hi) that no false friend covers (and ``accept`` takes)."""
    best: Span | None = None
    for pid in pids:
        spans = doc.hits.get(pid)
        if not spans:
            continue
        i = bisect_left(spans, (lo, -1))
        while i < len(spans) and spans[i][0] < hi:
            s, e = spans[i]
            if not ((not_ids and _covering(doc, not_ids, s, e)) or
                    any(_covered_by(doc.spans_of(p), s, e) for p in not_patterns) or
                    (accept is not None and not accept(s, e))):
                if best is None or s < best[0]:
                    best = (s, e)
                break
            i += 1
    return best


def _any_start_in(starts: list[int], lo: int, hi: int) -> bool:
    i = bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi


def _covered_by(index: tuple[list[int], list[int]], s: int, e: int) -> bool:
    """Whether a span of the index (starts, running maximum of ends) contains [s, e): one bisection."""
    starts, reach = index
    i = bisect_right(starts, s) - 1
    return i >= 0 and reach[i] >= e


# The administrative unit a leader word belongs to: its own first character ("县长", "市委常委会") or the
# body named right before it ("县政府主要负责同志", "市委书记", "县委常委会").
_UNIT_WORD = "(自治区|自治州|自治县|自治旗|[省市县区镇乡州旗盟])"
_LEADER_UNIT = re.compile(_UNIT_WORD + r"(?:委|党委|人民政府|政府|委员会)?$")
_UNIT_FIRST = re.compile(_UNIT_WORD)
# The heads of departments and their meetings: a government's report does not show its own leaders by them.
_DEPARTMENT_HEAD = re.compile(r"局长|厅长|部长|委主任|[局厅部委]党组|[局厅部委]务会|(?:局长|部长|主任)办公会")
# A street office (办事处) or an administrative committee (管委会) is headed by a 主任.
_HEADED_BY_DIRECTOR = re.compile(r"(?:办事处|管委会|管理委员会)$")


def _own_level(doc: Doc, s: int, e: int) -> bool:
    """Whether the leader word at [s, e) is the reporting body's own (see ``Context.own_level``)."""
    text = doc.text
    word = text[s:e]
    m = _UNIT_FIRST.match(word) or _LEADER_UNIT.search(text, max(0, s - 4), s)
    if doc.reporter == "department":
        # A department's principal leaders are its own (局长, 局党组); a 县长 or 县委书记 leads another body.
        return m is None
    if doc.reporter in ("government", "joint") and _DEPARTMENT_HEAD.search(word) and not (
            "主任" in word and doc.organ and _HEADED_BY_DIRECTOR.search(doc.organ)):
        return False
    if m is None:
        return True  # "主要负责人", "书记": no level named
    rank = organs.seat(doc.organ, doc.level)[0]
    return rank is None or organs.unit_rank(m.group(1)) == rank


def _covering(doc: Doc, not_ids: list[int], s: int, e: int) -> Span | None:
    """A false-friend hit that contains [s, e)."""
    for pid in not_ids:
        for fs, fe in doc.hits.get(pid, ()):
            if fs > s:
                break
            if fe >= e:
                return (fs, fe)
    return None


def _clause(doc: Doc, sent: Sentence, s: int, e: int) -> Span:
    """The clause around [s, e): from after the last clause-ending mark before ``s`` to the first
    one at or after ``e``, within the sentence."""
    ends = doc.clause_ends
    i = bisect_right(ends, s - 1) - 1
    lo = max(sent.start, ends[i] + 1) if i >= 0 else sent.start
    j = bisect_left(ends, e)
    hi = min(sent.end, ends[j]) if j < len(ends) else sent.end
    return min(lo, s), max(hi, e)


def _window(doc: Doc, sent: Sentence, s: int, e: int, window: str | int) -> Span:
    if window == "sentence":
        return sent.start, sent.end
    if window == "clause":
        return _clause(doc, sent, s, e)
    n = int(window)
    return max(sent.start, s - n), min(sent.end, e + n)


# ---------------------------------------------------------------- concepts


@dataclass
class PartResult:
    credit: float = 0.0
    done: list[Span] = field(default_factory=list)
    weak_done: list[Span] = field(default_factory=list)
    mentioned: list[tuple[Span, str, str]] = field(default_factory=list)  # span, detail key, where
    rejected: list[tuple[Span, str]] = field(default_factory=list)  # span, reason code


def _role_names(doc: Doc, roles: frozenset[str]) -> str:
    return _role_names_in(doc.lang, roles)


@lru_cache(maxsize=256)
def _role_names_in(lang: str, roles: frozenset[str]) -> str:
    return join(lang, [t(lang, f"role.{r}") for r in sorted(roles)])


def _spans(doc: Doc, pids: list[int]) -> list[Span]:
    return [sp for pid in pids for sp in doc.hits.get(pid, ())]


def _anchor_spans(doc: Doc, part: Part) -> list[Span]:
    """Where a part's phrases (one automaton pass) and patterns (a regex over the body) occur."""
    spans = _spans(doc, doc.pack.ids(part.phrases))
    lo, hi = doc.st.body
    for p in part.patterns:
        spans.extend(saferegex.finditer(p, doc.text, lo, hi))
    return spans


def eval_part(doc: Doc, part: Part, scope: set[str], negation: bool) -> PartResult:
    pack, text = doc.pack, doc.text
    res = PartResult()
    not_ids = pack.ids(part.not_)
    contexts = [(c, pack.ids(c.any), pack.ids(c.not_)) for c in part.context]
    veto_ids = pack.ids(part.veto.any) if part.veto else []
    for weak, spans in ((False, _anchor_spans(doc, part)), (True, _spans(doc, pack.ids(part.weak)))):
        if weak and res.done:
            break
        done_in: set[int | None] = set()  # the sentences of res.done
        for s, e in sorted(spans):
            if len(done_in) >= _EVIDENCE_PER_PART:
                break  # enough evidence; the rest cannot change the part's credit
            si = doc.st.sentence_at(s)
            if si is None:
                continue  # page chrome
            sent = doc.st.sentences[si]
            ff = _covering(doc, not_ids, s, e) if not_ids else None
            if ff:
                res.rejected.append(((s, e), "false_friend:" + text[ff[0]:ff[1]]))
                continue
            if veto_ids:
                lo, hi = _window(doc, sent, s, e, part.veto.window)  # type: ignore[union-attr]
                if _first_in(doc, veto_ids, lo, hi):
                    res.rejected.append(((s, e), "veto"))
                    continue
            if not all(_context_ok(doc, c, sent, s, e, ids, nots) for c, ids, nots in contexts):
                res.rejected.append(((s, e), "no_context"))
                continue
            clo, chi = _clause(doc, sent, s, e)
            if negation and _any_start_in(doc.neg_starts, clo, chi):
                res.mentioned.append(((s, e), "negated", ""))
            elif _any_start_in(doc.fut_starts, sent.start, chi):  # a plan cue before it or in its clause
                res.mentioned.append(((s, e), "planned", ""))
            elif sent.heading:
                res.mentioned.append(((s, e), "heading_only", ""))
            elif sent.roles & scope:
                if weak:
                    res.weak_done.append((s, e))
                else:
                    res.done.append((s, e))
                    done_in.add(si)
            else:
                res.mentioned.append(((s, e), "only_in", _role_names(doc, sent.roles)))
    policy = pack.policy
    if res.done:
        res.credit = 1.0
    elif res.weak_done:
        res.credit = policy.weak_credit
    elif res.mentioned and part.credit_mentions:
        res.credit = policy.mention_credit
    return res


def _context_ok(doc: Doc, ctx: Context, sent: Sentence, s: int, e: int, ctx_ids: list[int],
                ctx_not: list[int]) -> bool:
    lo, hi = _window(doc, sent, s, e, ctx.window)
    accept = (lambda a, b: _own_level(doc, a, b)) if ctx.own_level else None
    if _first_in(doc, ctx_ids, lo, hi, ctx_not, ctx.not_patterns, accept):
        return True
    if ctx.headings and sent.section is not None:
        for sec in _context_headings(doc.st, sent):
            if _first_in(doc, ctx_ids, sec.heading_span[0], sec.heading_span[1], ctx_not, ctx.not_patterns, accept):
                return True
    return False


def _context_headings(st: Structure, sent: Sentence) -> list:
    """The headings whose words set a sentence's context: the nearest real heading above it.

    A heading's own context is its parent's heading.  An 一是… item is an enumeration inside a
    subsection, so its subsection heading counts too.  Nothing higher: a whole chapter on
    decisions does not make every review inside it a decision step.
    """
    assert sent.section is not None
    sec = st.sections[sent.section]
    if sent.heading:
        return [st.sections[sec.parent]] if sec.parent is not None else []
    out = [sec]
    if sec.rank == 5 and sec.parent is not None:
        out.append(st.sections[sec.parent])
    return out


def _label(doc: Doc, part: Part) -> str:
    return part.label.get(doc.lang)


def _pick_evidence(spans: list[Span], doc: Doc, limit: int = _EVIDENCE_PER_PART) -> list[Span]:
    """Distinct sentences, first ``limit`` in reading order."""
    out: list[Span] = []
    seen: set[int] = set()
    for s, e in sorted(spans):
        si = doc.st.sentence_at(s)
        if si in seen:
            continue
        seen.add(si)  # type: ignore[arg-type]
        out.append((s, e))
        if len(out) >= limit:
            break
    return out


_REJECT_ORDER = {"false_friend": 0, "veto": 1, "no_context": 2}


def _near_miss(doc: Doc, rule_id: str, parts: list[PartResult], used: set[int]) -> tuple[Span, str] | None:
    """The nearest thing to what the rule wants and why it did not count.

    First a hit that was set aside (false friend, about something else, wrong context),
    then a mention outside the year's work not already quoted as evidence, then the
    sentence richest in the rule's own terms.
    """
    rejected = sorted(
        ((_REJECT_ORDER[code.split(":")[0]], span, code) for pr in parts for span, code in pr.rejected),
        key=lambda x: (x[0], x[1]),
    )
    for _rank, span, code in rejected:
        if doc.st.sentence_at(span[0]) not in used:
            name, _, arg = code.partition(":")
            return span, t(doc.lang, f"reason.{name}", text=arg)
    for pr in parts:
        for span, key, where in pr.mentioned:
            if doc.st.sentence_at(span[0]) in used:
                continue
            if key == "only_in":
                return span, t(doc.lang, "reason.out_of_scope", where=where)
            return span, t(doc.lang, f"reason.{key}")
    term_ids = doc.pack.ids(doc.pack.hints.get(rule_id, []))
    score: dict[int, set[int]] = {}
    for pid in term_ids:
        for s, _e in doc.hits.get(pid, ()):
            si = doc.st.sentence_at(s)
            if si is not None and si not in used:
                score.setdefault(si, set()).add(pid)
    if not score:
        return None
    best = max(score, key=lambda si: (len(score[si]), -si))
    if len(score[best]) < 2:
        return None
    sent = doc.st.sentences[best]
    return (sent.start, sent.end), t(doc.lang, "reason.related")


def _one_per_sentence(doc: Doc, spans: list[Span]) -> list[Span]:
    out: dict[int | None, Span] = {}
    for sp in sorted(set(spans)):
        out.setdefault(doc.st.sentence_at(sp[0]), sp)
    return sorted(out.values())


def _roles_in_order(roles: set[str]) -> list[str]:
    return [r for r in ROLES if r in roles]


def _status(fraction: float, pass_at: float = 1.0) -> str:
    if fraction >= pass_at - 1e-9:
        return "pass"
    return "fail" if fraction <= 1e-9 else "partial"


def _part_details(doc: Doc, parts: list[Part], results: list[PartResult]) -> list[str]:
    details: list[str] = []
    missing = [_label(doc, p) for p, r in zip(parts, results, strict=True) if r.credit == 0]
    if missing and len(parts) > 1:
        details.append(t(doc.lang, "missing_parts", parts=join(doc.lang, missing)))
    for p, r in zip(parts, results, strict=True):
        if r.credit >= 1 or r.credit == 0:
            continue
        if r.weak_done:
            details.append(t(doc.lang, "weak", part=_label(doc, p)))
            continue
        _span, key, where = r.mentioned[0]
        details.append(t(doc.lang, key, part=_label(doc, p), where=where))
    return details


def _credit_headings(doc: Doc, all_results: list[PartResult], results: list[PartResult]) -> None:
    """A part named in a heading is done when the text under that heading shows another part done.

    "三、党政主要负责人履行推进法治建设第一责任人职责情况" over paragraphs of meetings chaired is the
    duty described; the same heading over nothing relevant is only a heading.
    """
    done_spans = [sp for r in all_results for sp in r.done]
    for r in results:
        if r.credit >= 1:
            continue
        for span, key, _where in r.mentioned:
            if key != "heading_only":
                continue
            si = doc.st.sentence_at(span[0])
            sec_idx = doc.st.sentences[si].section if si is not None else None
            if sec_idx is None:
                continue
            lo, hi = doc.st.sections[sec_idx].span
            if any(lo <= s < hi and not (span[0] <= s < span[1]) for s, _ in done_spans):
                r.done.append(span)
                r.credit = 1.0
                break


def check_concept(rule: ConceptRule, doc: Doc) -> Outcome:
    scope = set(rule.scope)
    parts = [p for p in rule.parts if doc.year is None or p.years.contains(doc.year)]
    if not parts:
        return Outcome("not_applicable", 0.0, details=[t(doc.lang, "no_parts_in_force", year=doc.year)])
    if not any(s.roles & scope for s in doc.st.sentences):
        # Nowhere to look: a report with no shortcomings part has no causes of its shortcomings either.
        out = Outcome("fail", 0.0, [p.id for p in parts],
                      details=[t(doc.lang, "scope_missing", roles=_role_names(doc, frozenset(scope)))])
        out.searched = ([_label(doc, p) for p in parts], _roles_in_order(scope))
        return out
    if len(parts) < len(rule.parts):
        rule = rule.model_copy(update={"parts": parts})
    results = [eval_part(doc, p, scope, rule.negation) for p in rule.parts]
    if rule.collective:
        coll = eval_part(doc, rule.collective, scope, rule.negation)
        for r in results:
            if coll.credit > r.credit:
                r.credit = coll.credit
                r.done, r.weak_done = r.done or coll.done, r.weak_done or coll.weak_done
                r.mentioned = r.mentioned or coll.mentioned
        results_for_nm = [*results, coll]
    else:
        results_for_nm = results
    _credit_headings(doc, results_for_nm, results)
    total = sum(p.weight for p in rule.parts)
    fraction = sum(p.weight * r.credit for p, r in zip(rule.parts, results, strict=True)) / total
    status = _status(fraction, rule.pass_at)
    evidence: list[Span] = []
    for r in results:
        evidence.extend(_pick_evidence(r.done or r.weak_done or [m[0] for m in r.mentioned], doc))
    out = Outcome(status, round(fraction, 4), [p.id for p, r in zip(rule.parts, results, strict=True) if r.credit < 1],
                  _one_per_sentence(doc, evidence))
    if status != "pass":
        out.details = _part_details(doc, list(rule.parts), results)
        used = {si for si in (doc.st.sentence_at(s) for s, _ in evidence) if si is not None}
        out.near_miss = _near_miss(doc, rule.id, results_for_nm, used)
        out.searched = ([_label(doc, p) for p in rule.parts], _roles_in_order(scope))
    return out


# ---------------------------------------------------------------- sections


def _roles_at(doc: Doc, pos: int) -> frozenset[str]:
    si = doc.st.sentence_at(pos)
    return doc.st.sentences[si].roles if si is not None else frozenset()


def _role_sentences(doc: Doc, role: str) -> list[Sentence]:
    return [s for s in doc.st.sentences if role in s.roles]


def check_section(rule: SectionRule, doc: Doc) -> Outcome:
    sents = _role_sentences(doc, rule.role)
    chars = sum(s.end - s.start for s in sents)
    role_name = t(doc.lang, f"role.{rule.role}")
    searched = ([role_name, *[_label(doc, p) for p in rule.parts]], [rule.role])
    if not sents or chars < rule.min_chars:
        out = Outcome("fail", 0.0, [rule.role])
        if rule.mention:
            m = eval_part(doc, rule.mention, set(), negation=False)
            allowed = set(rule.mention_scope)
            spans = [sp for sp in [x[0] for x in m.mentioned] + m.done if _roles_at(doc, sp[0]) & allowed]
            if spans:
                out = Outcome("partial", doc.pack.policy.mention_credit, [rule.role], _pick_evidence(spans, doc, 1))
                out.details = [t(doc.lang, "mention_only", role=role_name)]
        if not out.details and sents:
            out.details = [t(doc.lang, "thin_section", role=role_name)]
        out.searched = searched
        if out.status == "fail":
            out.near_miss = _near_miss(doc, rule.id, [], set())
        return out
    heading = next((s for s in sents if s.section is not None and
                    doc.st.sections[s.section].heading_span[0] == s.start), sents[0])
    evidence = [(heading.start, heading.end)]
    results = [eval_part(doc, p, {rule.role}, negation=True) for p in rule.parts]
    credits = [1.0] + [r.credit for r in results]
    fraction = sum(credits) / len(credits)
    for r in results:
        evidence.extend(_pick_evidence(r.done, doc, 1))
    missing = [p.id for p, r in zip(rule.parts, results, strict=True) if r.credit < 1]
    out = Outcome(_status(fraction), round(fraction, 4), missing, sorted(set(evidence)))
    if out.status != "pass":
        out.details = _part_details(doc, list(rule.parts), results)
        if len(rule.parts) == 1 and results[0].credit == 0:
            out.details.insert(0, t(doc.lang, "missing_parts", parts=_label(doc, rule.parts[0])))
        out.searched = searched
        out.near_miss = _near_miss(doc, rule.id, results, set())
    return out


# ---------------------------------------------------------------- document fields


def check_field(rule: FieldRule, doc: Doc) -> Outcome:
    if {"signature_organ", "signed_date"} & set(rule.fields):
        if doc.session:
            return Outcome("not_applicable", 0.0, details=[t(doc.lang, "session_no_signature")])
        if doc.st.title_span is None and doc.st.closing[1] <= doc.st.closing[0] and doc.signed is None:
            # Neither the title nor the closing block is in the text: a body-only excerpt cut by the page.
            return Outcome("unknown", 0.0, details=[t(doc.lang, "excerpt_no_closing")])
    found: dict[str, Found | None] = {
        "report_year": doc.year_found,
        "signature_organ": doc.sig_organ,
        "signed_date": doc.signed,
    }
    done = 0
    missing: list[str] = []
    evidence: list[Span] = []
    details: list[str] = []
    absent: list[str] = []
    for name in rule.fields:
        f = found[name]
        ok = f is not None and f.value is not None and not PLACEHOLDER.search(str(f.value))
        if f is not None:
            evidence.append(f.span)
        if ok:
            done += 1
            continue
        missing.append(name)
        label = t(doc.lang, f"field.{name}")
        if f is not None:
            details.append(t(doc.lang, "field_placeholder", field=label, text=doc.text[f.span[0]:f.span[1]]))
        else:
            absent.append(label)
    if absent:
        details.insert(0, t(doc.lang, "missing_parts", parts=join(doc.lang, absent)))
    fraction = done / len(rule.fields)
    out = Outcome(_status(fraction), round(fraction, 4), missing, sorted(set(evidence)), details)
    if out.status != "pass":
        out.searched = ([t(doc.lang, f"field.{n}") for n in rule.fields], ["preamble", "closing"])
    return out


# ---------------------------------------------------------------- deadlines


def _due(year: int, d: object) -> dt.date | None:
    try:
        return dt.date(year + d.year_offset, d.month, d.day)  # type: ignore[attr-defined]
    except ValueError:
        return None


def check_deadline(rule: DeadlineRule, doc: Doc) -> Outcome:
    out = _deadline(rule, doc)
    signed = doc.signed.value if doc.signed else None
    if rule.date == "signed" and isinstance(signed, dt.date) and doc.year is not None and signed.year <= doc.year:
        # Signed before the year it reports on had ended: not the whole year, or a wrong year or date.
        out.details.append(t(doc.lang, "signed_early", date=signed.isoformat(), year=doc.year))
    if out.status != "pass":
        where = ["closing"] if rule.date == "signed" else []
        out.searched = ([t(doc.lang, f"what.{rule.date}")], where)
    return out


def _deadline(rule: DeadlineRule, doc: Doc) -> Outcome:
    assert doc.year is not None
    lang = doc.lang
    if rule.date == "signed":
        if doc.signed is None:
            return Outcome("unknown", 0.0, details=[t(lang, "no_date.signed")])
        if doc.signed.value is None:
            return Outcome("unknown", 0.0, evidence=[doc.signed.span], details=[t(lang, "placeholder_date")])
        date, span = doc.signed.value, doc.signed.span
    else:
        if doc.published is None:
            return Outcome("unknown", 0.0, details=[t(lang, "no_date.published")])
        date, span = doc.published, doc.published_span
    assert isinstance(date, dt.date)
    evidence = [span] if span else []
    what = t(lang, f"what.{rule.date}")
    if rule.before is not None:
        limit = _due(doc.year, rule.before)
        assert limit is not None
        if date < limit:
            return Outcome("pass", 1.0, evidence=evidence,
                           details=[t(lang, "before", what=what, date=date.isoformat(), limit=limit.isoformat())])
        if date == limit:
            return Outcome("partial", doc.pack.policy.boundary_credit, evidence=evidence,
                           details=[t(lang, "boundary", what=what, date=date.isoformat())])
        return Outcome("fail", 0.0, evidence=evidence,
                       details=[t(lang, "late", what=what, date=date.isoformat(), due=limit.isoformat())])
    due = _due(doc.year, rule.due)
    assert due is not None
    if date <= due:
        return Outcome("pass", 1.0, evidence=evidence,
                       details=[t(lang, "on_time", what=what, date=date.isoformat(), due=due.isoformat())])
    boundary = _due(doc.year, rule.boundary) if rule.boundary else None
    if boundary and date == boundary:
        return Outcome("partial", doc.pack.policy.boundary_credit, evidence=evidence,
                       details=[t(lang, "boundary", what=what, date=date.isoformat())])
    return Outcome("fail", 0.0, evidence=evidence,
                   details=[t(lang, "late", what=what, date=date.isoformat(), due=due.isoformat())])


# ---------------------------------------------------------------- forbidden content


def _quoted(st: Structure, s: int) -> bool:
    """Is the text at ``s`` (in the view) inside “…” in its paragraph?  Counted in the original,
    where the quotation marks are; the paragraph is the view's line, so a line broken by a page
    width (a soft break) does not cut it."""
    norm = st.norm
    nl = st.text.rfind("\n", 0, s)  # a kept line break: the original line starts right after it
    seg = norm.original[norm.orig(nl) + 1 if nl >= 0 else 0:norm.orig(s)]
    return seg.count("“") > seg.count("”")


def _item_hits(item: ForbiddenItem, doc: Doc) -> list[Span]:
    text, st = doc.text, doc.st
    spans: list[Span] = []
    not_ids = doc.pack.ids(item.not_)
    for pid in doc.pack.ids(item.phrases):
        for s, e in doc.hits.get(pid, ()):
            if not (not_ids and _covering(doc, not_ids, s, e)):
                spans.append((s, e))
    if item.patterns:
        # One pass of all the item's patterns over title, body and closing; chrome is dropped below.
        lo = min(st.body[0], st.title_span[0]) if st.title_span else st.body[0]
        hi = max(st.body[1], st.closing[1])
        spans.extend(saferegex.finditer(saferegex.any_of(item.patterns), text, lo, hi))
    out: list[Span] = []
    contexts = [(c, doc.pack.ids(c.any), doc.pack.ids(c.not_)) for c in item.context]
    for s, e in sorted(set(spans)):
        si = st.sentence_at(s)
        in_title = st.title_span is not None and st.title_span[0] <= s < st.title_span[1]
        if si is None and not in_title:
            continue
        if item.scope is not None:
            roles = st.sentences[si].roles if si is not None else frozenset({PREAMBLE})
            if not roles & set(item.scope):
                continue
        if contexts and (si is None or not all(
                _context_ok(doc, c, st.sentences[si], s, e, ids, nots) for c, ids, nots in contexts)):
            continue
        if item.exempt_quoted and _quoted(st, s):
            continue
        out.append((s, e))
    return out


def check_forbidden(rule: ForbiddenRule, doc: Doc) -> Outcome:
    triggered: list[str] = []
    evidence: list[Span] = []
    labels: list[str] = []
    for item in rule.items:
        if doc.year is not None and not item.years.contains(doc.year):
            continue
        if doc.year is None and (item.years.start is not None or item.years.end is not None):
            continue
        spans = _item_hits(item, doc)
        if spans:
            triggered.append(item.id)
            labels.append(item.label.get(doc.lang))
            evidence.extend(spans[:3])
    if not triggered:
        return Outcome("pass", 1.0)
    out = Outcome("fail", 0.0, triggered, sorted(set(evidence)))
    out.details = [t(doc.lang, "found_items", items=join(doc.lang, labels))]
    return out


# ---------------------------------------------------------------- counts


def check_count(rule: CountRule, doc: Doc) -> Outcome:
    scope = set(rule.scope)
    # One pass of the pattern over the text; each match counts for the sentence it falls in.
    hit: set[int] = set()
    for s, _e in saferegex.finditer(rule.pattern, doc.text, doc.st.body[0], doc.st.body[1]):
        si = doc.st.sentence_at(s)
        if si is not None and doc.st.sentences[si].roles & scope:
            hit.add(si)
    matched = [doc.st.sentences[i] for i in sorted(hit)]
    n = len(matched)
    detail = t(doc.lang, "count", count=n, need=rule.pass_min)
    evidence = [(s.start, s.end) for s in matched[:3]]
    if n >= rule.pass_min:
        return Outcome("pass", 1.0, evidence=evidence, details=[detail])
    if n >= rule.partial_min:
        return Outcome("partial", round(n / rule.pass_min, 4), evidence=evidence, details=[detail])
    out = Outcome("fail", 0.0, evidence=evidence, details=[detail])
    out.searched = ([rule.title.get(doc.lang)], _roles_in_order(scope))
    return out


def check_recipients(rule: RecipientsRule, doc: Doc) -> Outcome:
    lang = doc.lang
    line = doc.recipients if rule.line == "main" else doc.copies
    if line is None:
        key = "no_recipients" if rule.line == "main" else "no_copies"
        return Outcome("not_applicable", 0.0, details=[t(lang, key)])
    if doc.reporter is None:
        return Outcome("unknown", 0.0, details=[t(lang, "no_reporter")])
    group = next((g for g in rule.groups if doc.reporter in g.reporters and
                  (g.levels is None or doc.level in g.levels)), None)
    if group is None:
        return Outcome("not_applicable", 0.0, details=[t(lang, "no_recipient_rule")])
    names, span = line
    rank, place = organs.seat(doc.organ, doc.level)
    if rank is None and any(b.relation != "any" for b in group.bodies):
        return Outcome("unknown", 0.0, evidence=[span], details=[t(lang, "no_level")])

    def fits(name: str, want) -> bool:
        got = organs.body(name)
        if got.kind != want.body:
            return False
        return want.relation == "any" or organs.relation(got, rank, place) == want.relation

    allowed = join(lang, [b.label.get(lang) for b in group.bodies])
    if rule.require == "all":
        missing = [b for b in group.bodies if not any(fits(n, b) for n in names)]
        fraction = 1 - len(missing) / len(group.bodies)
        out = Outcome(_status(fraction), round(fraction, 4), [b.id for b in missing], [span])
        if missing:
            out.details = [t(lang, "missing_parts", parts=join(lang, [b.label.get(lang) for b in missing]))]
    else:
        outside = [n for n in names if not any(fits(n, b) for b in group.bodies)]
        fraction = (len(names) - len(outside)) / len(names) if names else 0.0
        out = Outcome(_status(fraction), round(fraction, 4), ["prescribed_addressee"] if outside else [], [span])
        if outside:
            out.details = [t(lang, "not_prescribed", names=join(lang, outside), allowed=allowed)]
    if out.status != "pass":
        out.searched = ([b.label.get(lang) for b in group.bodies], ["preamble" if rule.line == "main" else "closing"])
    return out


def check_title(rule: TitleRule, doc: Doc) -> Outcome:
    title = "".join(doc.st.title.split()) if doc.st.title else doc.page_title
    if not title:
        return Outcome("unknown", 0.0, details=[t(doc.lang, "no_title")])
    span = doc.st.title_span
    evidence = [span] if span else []
    if saferegex.search(rule.pattern, normalize(title).text):
        return Outcome("pass", 1.0, evidence=evidence)
    return Outcome("fail", 0.0, evidence=evidence, details=[t(doc.lang, "title_is", title=title)])


CHECKS = {
    "concept": check_concept,
    "section": check_section,
    "field": check_field,
    "deadline": check_deadline,
    "forbidden": check_forbidden,
    "count": check_count,
    "recipients": check_recipients,
    "title": check_title,
}
__all__ = ["CHECKS", "CLOSING", "Doc", "Outcome"]
