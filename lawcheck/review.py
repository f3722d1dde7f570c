"""The history review on the scorecard (issue 16): ``lawcheck.history`` worked out, as the model carries it.

Part of the core (between the checks and the scorecard): the three ``history`` rules fill the review as
they check, with their own settings; a part whose rule the pack lacks (or disables) is worked out with the
defaults, so that ``--previous`` and ``compare`` always show the whole review.  Offsets are mapped back to
each report's ORIGINAL text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, cast

from lawcheck.history import CopyRule, Fate, Match, Pair, Placed
from lawcheck.i18n import t
from lawcheck.model import CopiedPassage, Evidence, History, ItemReview, PartCopied, ReportRef, Role, construct
from lawcheck.text.copies import Copy, skeleton
from lawcheck.text.structure import CLOSING

if TYPE_CHECKING:
    from lawcheck.analysis import Analysis

_OPENING = "“‘「『"
_CLOSING_MARKS = "”’」』"
_ORDER = {"silent": 0, "carried_over": 1, "repeated": 1, "admitted": 2, "done": 3, "addressed": 3}
_PLAN_OUTCOMES = ("silent", "carried_over", "admitted", "done")
_PROBLEM_OUTCOMES = ("silent", "repeated", "addressed")


def pair_with(a: Analysis, last: Analysis) -> None:
    """Attach last year's analysis to this year's: the history rules read it from ``a.pair``."""
    a.pair = Pair(a, last, a.pack.words)


def history(a: Analysis, name: str, in_score: bool) -> History | None:
    """The review for the scorecard, or None when no previous report was given."""
    pair: Pair | None = a.pair
    if pair is None:
        return None
    lang, last = a.lang, pair.last
    plan = pair.plan(_rule(a, "plan", Match()))
    problems = pair.problems(_rule(a, "problems", Match()))
    copied = pair.copied(_rule(a, "copied", CopyRule()))
    paired, _mismatch, notes = pairing(a.organ, a.year, last.organ, last.year, lang)
    title = "".join(last.st.title.split()) if last.st.title else None
    return construct(History,
        last=ReportRef(name=name, organ=last.organ, year=last.year, title=title),
        paired=paired,
        pairing=notes,
        plan=_items(a, plan),
        plan_counts={k: sum(f.outcome == k for f in plan) for k in _PLAN_OUTCOMES},
        shortcomings=_items(a, problems),
        shortcoming_counts={k: sum(f.outcome == k for f in problems) for k in _PROBLEM_OUTCOMES},
        copied=[_copied(a, last, p) for p in copied.copies],
        copied_share=round(copied.share, 4),
        parts=[construct(PartCopied, part=cast(Role, r), chars=c, copied=k, share=round(k / c, 4) if c else 0.0)
               for r, (c, k) in copied.parts.items()],
        worst_parts=[cast(Role, r) for r in copied.worst],
        in_score=in_score,
    )


def _copied(a: Analysis, last: Analysis, p: Placed) -> CopiedPassage:
    c = p.copy
    return construct(CopiedPassage,
        this=passage(a, c.this_start, c.this_end), last=passage(last, c.last_start, c.last_end),
        part=cast(Role, p.part), verbatim=_verbatim(a, last, c), length=c.this_end - c.this_start)


def _verbatim(a: Analysis, last: Analysis, c: Copy) -> bool:
    """The same characters, numbers included (punctuation and spacing aside)."""
    return skeleton(a.st.text, c.this_start, c.this_end, numbers=True).chars == \
        skeleton(last.st.text, c.last_start, c.last_end, numbers=True).chars


def _rule(a: Analysis, check: str, default):  # type: ignore[no-untyped-def]
    for rule in a.pack.rules:  # type: ignore[attr-defined]
        if rule.kind == "history" and rule.check == check:
            return rule.copy_rule() if check == "copied" else rule.match()
    return default


def _items(a: Analysis, fates: list[Fate]) -> list[ItemReview]:
    last = a.pair.last
    ordered = sorted(fates, key=lambda f: (_ORDER[f.outcome], f.item.start))
    return [construct(ItemReview,
        item=passage(last, f.item.start, f.item.end), outcome=f.outcome,
        where=passage(a, *f.where) if f.where else None, score=f.score, shared=list(f.shared))
        for f in ordered]


def passage(a: Analysis, start: int, end: int) -> Evidence:
    """Exactly [start, end) of the normalised text, quoted from the original, with where it stands."""
    st = a.st
    os_, oe = st.norm.orig_span(start, end)
    original = st.norm.original
    # An opening quotation mark the matching view dropped belongs to a quote that holds its closing one
    # (“以案释法”工作有待加强).
    if os_ > 0 and original[os_ - 1] in _OPENING and any(c in original[os_:oe] for c in _CLOSING_MARKS):
        os_ -= 1
    si = st.sentence_at(start)
    section = ""
    if si is not None:
        sent = st.sentences[si]
        if sent.section is not None:
            section = " > ".join(x.heading if len(x.heading) <= 24 else x.heading[:23] + "…"
                                 for x in reversed(st.ancestors(sent.section)))
        else:
            section = t(a.lang, "role.closing" if CLOSING in sent.roles else "role.preamble")
    return construct(Evidence, start=os_, end=oe, text=st.norm.original[os_:oe], section=section, marks=[])


def organ_key(organ: str | None) -> str:
    """An organ's name as one body's, whatever a year's report adds: spaces, the party committee of a joint
    report, 人民政府 or 政府 (``organs.unit_name``)."""
    from lawcheck.text.organs import unit_name

    return unit_name(organ) if organ else ""


_PLACE_ONLY = re.compile(r"(?:省|自治区|市|州|盟|地区|县|区|旗|镇|乡|街道)$")


def same_organ(a: str | None, b: str | None) -> bool | None:
    """Whether two organ names read from reports name one body (None: one of them is unknown): the same name,
    or one with the places above it that the other leaves out (``organs.same_unit``)."""
    from lawcheck.text.organs import same_unit

    if not a or not b:
        return None
    return same_unit(unit_key(a), unit_key(b))


def unit_key(organ: str | None) -> str:
    """``organ_key``, and a place named alone ("灵寿县": an unsigned report's title) read as its government
    ("灵寿县政府"): the key two reports of one body share, however each year's report names it."""
    key = organ_key(organ)
    return key + "政府" if _PLACE_ONLY.search(key) else key


def pairing(organ: str | None, year: int | None, last_organ: str | None, last_year: int | None,
            lang: str) -> tuple[bool, bool, list[str]]:
    """Whether last year's report is this body's report of the year before (paired), whether something read
    from them says it is not (mismatch: another organ, a year that does not follow), and the notes."""
    notes: list[str] = []
    same = same_organ(organ, last_organ)
    if same is False:
        notes.append(t(lang, "history.pair.organ", this=organ, last=last_organ))
    elif same is None:
        notes.append(t(lang, "history.pair.organ_unknown"))
    if year is not None and last_year is not None:
        if last_year == year + 1:  # the two given the wrong way round: say so, not only that they do not follow
            notes.append(t(lang, "history.pair.reversed", this=year, last=last_year))
        elif last_year != year - 1:
            notes.append(t(lang, "history.pair.year", this=year, last=last_year))
    else:
        notes.append(t(lang, "history.pair.year_unknown"))
    mismatch = same is False or (year is not None and last_year is not None and last_year != year - 1)
    return not notes, mismatch, notes
