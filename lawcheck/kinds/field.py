"""Kind ``field``: document facts that must be stated — the report year, the signature organ, the date."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from lawcheck.i18n import join, t
from lawcheck.kinds.base import Outcome, RuleBase, Span, status_of
from lawcheck.kinds.describe import label
from lawcheck.kinds.matching import Matcher
from lawcheck.text.dates import PLACEHOLDER, Found, body_year, season_opens
from lawcheck.text.grammar import DATE_RE, LINE_ENDS
from lawcheck.text.kind import REPORT_MIN_CHARS
from lawcheck.text.structure import OTHER, PLAN, SHORTCOMINGS, attachments_at

if TYPE_CHECKING:
    from lawcheck.analysis import Analysis


class FieldRule(RuleBase):
    """Document facts that must be stated: the report year, the signature organ, the date."""

    kind: Literal["field"]
    fields: list[Literal["report_year", "signature_organ", "signed_date"]] = Field(min_length=1)


def matchers(rule: FieldRule) -> list[Matcher]:
    return []


def _cut_off(a: Analysis) -> bool:
    """Whether the text stops in the middle of a sentence before the report's own end: no mark ends its last
    line, and that line is in the year's work or above it (a report goes on to its problems and its plan; one
    that has them, or a last sentence missing only its full stop, is judged as it stands)."""
    tail = a.text[:a.st.body[1]].rstrip()
    if not tail or tail.endswith(LINE_ENDS):  # (a heading is no end either: a report never ends on one)
        return False
    if attachments_at(tail, len(tail)) is not None:
        return False  # its attachments under its last sentence ("附件：…统计表" and the table's rows): whole
    if any(PLAN in s.roles for s in a.st.sections):
        return False  # its plan was received: a last part after it without its full stop is whole
    i = a.st.sentence_at(len(tail) - 1)
    last = a.st.sentences[i].roles if i is not None else frozenset()
    return not last & {SHORTCOMINGS, PLAN, OTHER}


def cut_off(a: Analysis) -> bool:
    """Whether the text was cut in the middle of a sentence before the report's own end, its closing lost with it:
    a page excerpt, a copy stopped short.  What such a text lacks may be in what was not received."""
    return a.st.closing[1] <= a.st.closing[0] and a.signed is None and _cut_off(a)


def too_short(a: Analysis) -> int | None:
    """The text's length from its body on, in characters, when it is too short to be a year's report
    (``lawcheck.text.kind.REPORT_MIN_CHARS``, the length the kind verdict holds a report to).  What follows the
    signature counts: a cover letter "现将…报告如下（详见附件）" signed above the report it sends is no short report."""
    n = len("".join(a.text[a.st.body[0]:].split()))
    return n if n < REPORT_MIN_CHARS else None


def check(rule: FieldRule, a: Analysis) -> Outcome:
    lang, st = a.lang, a.st
    if {"signature_organ", "signed_date"} & set(rule.fields):
        if a.session:
            return Outcome("not_applicable", 0.0, details=[t(lang, "session_no_signature")])
        if st.title_span is None and st.closing[1] <= st.closing[0] and a.signed is None:
            # Neither the title nor the closing block is in the text: a body-only excerpt cut by the page.
            return Outcome("unknown", 0.0, details=[t(lang, "excerpt_no_closing")])
        if cut_off(a):
            # The text stops in the middle of a sentence: cut by the page or the copy, the closing lost with it.
            return Outcome("unknown", 0.0, details=[t(lang, "cut_off_no_closing")])
    found: dict[str, Found | None] = {
        "report_year": a.year_found,
        "signature_organ": a.sig_organ,
        "signed_date": a.signed,
    }
    done = 0
    missing: list[str] = []
    evidence: list[Span] = []
    details: list[str] = []
    absent: list[str] = []
    for name in rule.fields:
        f = found[name]
        text = a.text[f.span[0]:f.span[1]] if f is not None else ""
        blanks = [(f.span[0] + m.start(), f.span[0] + m.end()) for m in PLACEHOLDER.finditer(text)] if f else []
        ok = f is not None and f.value is not None and not blanks
        if f is not None:
            # A placeholder is the evidence itself (marked in its quote); a stated field, the whole of it.
            evidence.extend(blanks or [f.span])
        if ok:
            done += 1
            continue
        missing.append(name)
        what = t(lang, f"field.{name}")
        if f is not None and not blanks and name == "signed_date" and not DATE_RE.fullmatch("".join(text.split())):
            # "2024年3月  日", "二〇二四年三月": a date line left unfinished, no placeholder in it
            key = "field_unfinished" if "年" in text else "field_no_year"  # "1月14日": the month and day only
            details.append(t(lang, key, field=what, text=" ".join(text.split())))
        elif f is not None:
            marks = join(lang, list(dict.fromkeys(t(lang, "quote", text=a.text[s:e]) for s, e in blanks)))
            details.append(t(lang, "field_placeholder", field=what, text=" ".join(text.split()),
                             marks=marks or t(lang, "quote", text=text)))
        else:
            absent.append(what)
    if absent:
        details.insert(0, t(lang, "missing_parts", parts=join(lang, absent)))
    other_year = _other_year(a) if "report_year" in rule.fields and "report_year" not in missing else None
    if other_year is not None:
        # The title names one year and the body opens on another ("关于2023年度…的报告" over "2021年以来，…"):
        # last year's report retitled, or a slip in one of them.
        done -= 0.5
        missing.append("report_year_consistent")
        evidence.append(other_year.span)
        details.append(t(lang, "year_mismatch", title=str(a.year_found.value), body=str(other_year.value)))
    given = a.year_found if "report_year" in rule.fields and "report_year" not in missing and other_year is None \
        else None
    if given is not None and isinstance(given.value, int) and a.year is not None and a.year != given.value:
        # The caller set the year (--year, a settings file's year) and the text names another: checked as the
        # caller said, and told — last year's report in this year's folder must not pass as this year's.
        done -= 0.5
        missing.append("report_year_consistent")
        evidence.append(given.span)
        details.append(t(lang, "given_year_mismatch", given=str(a.year), found=str(given.value)))
    else:
        given = None
    early = _signed_in_year(a) if "signed_date" in rule.fields and "signed_date" not in missing else None
    if early is not None:
        # Signed in the first months of the year it reports on ("2021年1月14日" under the 2021 report, published
        # 2022-01-20): the next year's number slipped (kind.dated_early reads a later date as a part-year summary).
        done -= 0.5
        missing.append("signed_date_after_year")
        evidence.append(early.span)
        details.append(t(lang, "signed_in_year", date=" ".join(a.text[early.span[0]:early.span[1]].split()),
                         year=str(a.year), next=str(a.year + 1)))
    if "signature_organ" in rule.fields and st.cover is not None and st.cover[0] <= st.closing[0] < st.cover[1]:
        # The report sent under a cover letter is not signed itself: the letter's signature is read, and said to be.
        details.append(t(lang, "signature_from_cover"))
    fraction = done / len(rule.fields)
    out = Outcome(status_of(fraction), round(fraction, 4), missing, sorted(set(evidence)), details)
    # the year is stated, twice and differently: that alone is the message
    out.own_message = ((other_year is not None or given is not None) and missing == ["report_year_consistent"]) or (
        early is not None and missing == ["signed_date_after_year"])
    if out.status != "pass":
        out.searched = ([t(lang, f"field.{n}") for n in rule.fields], ["preamble", "closing"])
    return out


def _signed_in_year(a: Analysis) -> Found | None:
    """The signing date, when it falls before the November of the year the report is on (``season_opens``)."""
    signed = a.signed
    if signed is None or a.year is None or not isinstance(signed.value, dt.date):
        return None
    return signed if signed.value < season_opens(a.year) else None


def _other_year(a: Analysis) -> Found | None:
    """The body's own year, when the title's year was read and the body opens on a different one."""
    found = a.year_found
    if found is None or not isinstance(found.value, int) or not a.year_in_title:
        return None
    body = body_year(a.st)
    return body if body is not None and isinstance(body.value, int) and body.value != found.value else None


def describe(rule: FieldRule, lang: str) -> list[str]:
    return [f"  {label(lang, 'fields')}: {join(lang, [t(lang, 'field.' + f) for f in rule.fields])}"]
