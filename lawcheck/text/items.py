"""A part of a report split into the items a reader counts: the tasks of a plan, the problems admitted.

Reports list them in one of four ways, and the first that the part uses decides:
subsections ("（一）深化行政执法改革。……"), numbered paragraphs ("1.……", "（1）……"), items run on in a
paragraph ("一是……；二是……"), or plain sentences in a row.  A lead-in that only announces the list
("下一步，我们将重点做好以下工作：") is no item.  Spans are in the normalised text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from lawcheck import rx
from lawcheck.text.grammar import CN_DIGITS
from lawcheck.text.structure import SHORTCOMINGS, Structure

# An item marker at the start of a paragraph (ranks 3–5 of grammar.HEADINGS and their kin).
# (``match`` at a position: no "^", which would only ever match at the start of the whole text.)
_LINE_MARK = rx.compile(
    rf"(?:\d{{1,2}}(?:\.(?!\d)|、)|\(\d{{1,2}}\)[、.]?|[①-⑳]|(?:[{CN_DIGITS}]{{1,2}}|第[{CN_DIGITS}]{{1,2}})是|"
    rf"第[{CN_DIGITS}]{{1,2}}[,、]|其[{CN_DIGITS}][,、])"
)
# The same markers run on inside a paragraph, after a sentence or clause end: "……;二是……".
_INLINE_MARK = rx.compile(
    rf"(?<=[。;:,!?])(?:[{CN_DIGITS}]{{1,2}}是|第[{CN_DIGITS}]{{1,2}}[,、]|其[{CN_DIGITS}][,、]"
    r"|\d{1,2}(?:\.(?!\d)|、)|\(\d{1,2}\)[、.]?|[①-⑳])"
)
# A sentence that only leads into a list: ends with a colon, or says so.
_LEAD_IN = rx.compile(r":$|(?:以下|如下|下列|几个方面|几点)[^。]{0,12}$|^(?:下一步|下步|今后|明年|20\d\d年)[^。]{0,8}$")
_MIN_ITEM = 8  # characters: shorter sentences are fragments, not tasks
# The paragraph that closes a numbered plan without being one of its tasks: a resolve in the first person
# about the whole ("我们将在今后的工作中坚持更务实的作风……争创全国法治政府建设示范市", "2022年,我们将以更加务实的
# 作风推进法治政府建设") or a pledge of the whole ("……为……提供坚实法治保障").  A task told in the first
# person ("我们将配齐配强法制审核人员") names no such whole.  Only ever the last paragraph(s) after numbered items.
_RESOLVE = rx.compile(
    r"^\s*(?:(?:20\d\d|20[xX×]{2})年[,，]?|下一步[,，]?|新的一年(?:里)?[,，]?|今后[,，]?|总之[,，]?)?"
    r"(?:我们|我[县区市州省镇乡街局委办]|全[县区市州省镇乡])(?:将|要|会)"
)
_THE_WHOLE = rx.compile(
    r"法治政府建设|法治建设|依法治[县区市省镇乡]|各项(?:工作|任务)|示范[市县区]|新篇章|走在前列|高质量发展|现代化"
    r"|(?:提供|作出|贡献)[^。;\n]{0,12}(?:法治保障|法治支撑|保驾护航|力量|贡献)"
)
# What a clause admitting a problem says ("……还不到位", "……有待加强"): a sentence of several such clauses is a
# list of problems written on one line ("如“放管服”改革仍需继续深入,行政决策制度落实还不到位,……").
_PROBLEM = rx.compile(
    r"不够|不到位|有待|还需|仍需|尚需|亟需|亟待|偏低|偏少|偏弱|偏长|偏高|不足|欠缺|薄弱|滞后|不高|不强|不深|不严|不实|不细"
    r"|不规范|不完善|不健全|不平衡|不充分|不明显|不统一|参差不齐|较弱|较少|较低|缺乏|缺少|短板|差距|困难"
)


@dataclass(frozen=True, slots=True)
class Item:
    """One item: its whole span, and the span of its head (the heading or first sentence, what it is about)."""

    start: int
    end: int
    head_start: int
    head_end: int


def items(st: Structure, role: str) -> list[Item]:
    """The items of the part(s) of the report with ``role`` (structure.PLAN, structure.SHORTCOMINGS …)."""
    found = _items(st, role)
    if role != SHORTCOMINGS:
        return found
    out: list[Item] = []
    for it in found:
        out.extend(c for c in _problem_clauses(st.text, it) if _is_problem(st.text, c))
    return out


# What opens or closes a list of problems without being one: "……清醒地认识到工作中的不足和问题", "主要表现在",
# "针对存在的问题，我们要认真研究总结，切实加以解决".
_NOT_A_PROBLEM = rx.compile(r"认识到|主要表现|表现在|具体如下|体现在|针对(?:存在的|上述|以上|这些)?(?:问题|不足)"
                            r"|加以解决|下一步|今后|我们(?:将|要)")


def _is_problem(text: str, it: Item) -> bool:
    """An item of a shortcomings part names a problem; a lead-in or a resolve to solve them does not."""
    piece = text[it.start:it.end]
    if _LINE_MARK.match(piece) or _INLINE_MARK.match(piece):
        return True  # "一是……", "(二)……": the report itself numbers it as a problem
    return bool(_PROBLEM.search(piece)) and not _NOT_A_PROBLEM.search(piece)


def _problem_clauses(text: str, it: Item) -> list[Item]:
    """An item that lists several problems in one sentence, clause by clause; any other item whole."""
    body = text[it.start:it.end].rstrip("。;!? ")
    # Only a plain sentence: an enumerated item ("二是……。……") is one problem told at length.
    if len(body) > 300 or "\n" in body or "。" in body or _LINE_MARK.match(body) or _INLINE_MARK.match(body):
        return [it]
    cuts = [it.start] + [it.start + m.end() for m in re.finditer("[,;:]", text[it.start:it.end])] + [it.end]
    # A clause ending in a colon leads into the list ("但也仍然存在一些问题与不足:"), and is none of it.
    clauses = [(a, b) for a, b in pairwise(cuts) if b > a and text[b - 1] != ":"]
    problems = [(a, b) for a, b in clauses if _PROBLEM.search(text, a, b) and b - a >= _MIN_ITEM]
    if len(problems) < 2 or len(problems) * 2 < len(clauses):
        return [it]
    out = []
    for a, b in problems:
        while b > a and text[b - 1] in ",;。等":
            b -= 1
        out.append(Item(a, b, a, b))
    return out


def _items(st: Structure, role: str) -> list[Item]:
    text = st.text
    sents = [s for s in st.sentences if role in s.roles]
    if not sents:
        return []
    # The part's own heading ("三、2023年工作打算") and its sections.
    part_sections = {s.section for s in sents if s.section is not None}
    tops = sorted(i for i in part_sections if st.sections[i].parent is None or
                  role not in st.sections[st.sections[i].parent].roles)
    children = [sec for sec in st.sections if sec.parent in tops and role in sec.roles]
    if children:
        # Each sentence under the child of the part it belongs to: one walk up per sentence (not one scan of
        # the sentences per child, which was children × sentences on a long report).
        wanted = {sec.index for sec in children}
        under: dict[int, list] = {i: [] for i in wanted}  # type: ignore[type-arg]
        for sent in sents:
            sec = sent.section
            while sec is not None and sec not in wanted:
                sec = st.sections[sec].parent
            if sec is not None:
                under[sec].append(sent)
        out = []
        for sec in children:
            body = [s for s in under[sec.index] if not (s.heading and s.section in tops)]
            if sec is children[-1]:
                body = _without_conclusion(text, body)
            if not body:
                continue
            head = next((s for s in body if s.heading), body[0])
            whole = Item(body[0].start, body[-1].end, head.start, head.end)
            # "一是……;二是……;三是……" on one line is read as one 一是 section: its items are run on.
            out.extend(_run_on(st.text, whole) if sec.rank == 5 else [whole])
        # Sentences of the part outside every child (a lead-in, or a closing sentence) are not items.
        return out
    body = [s for s in sents if not s.heading]
    return _from_sentences(text, body)


def _from_sentences(text: str, body) -> list[Item]:  # type: ignore[no-untyped-def]
    """Items of a part without subsections: numbered paragraphs, run-on items, or sentences."""
    if not body:
        return []
    # Paragraphs (lines) of the part, in order.
    paras: list[tuple[int, int]] = []
    for s in body:
        ls = text.rfind("\n", 0, s.start) + 1
        le = text.find("\n", s.end)
        le = len(text) if le < 0 else le
        if not paras or paras[-1][0] != ls:
            paras.append((max(ls, s.start) if not paras else ls, min(le, body[-1].end)))
    marked = [p for p in paras if _LINE_MARK.match(text, p[0])]
    if len(marked) >= 2:
        while len(paras) > 1 and _conclusion(text, *paras[-1]):
            paras.pop()
        return [_item(text, s, e) for s, e in _marked_runs(text, paras)]
    out: list[Item] = []
    for ps, pe in paras:
        run_on = _run_on(text, Item(ps, pe, ps, pe))
        if len(run_on) >= 2:
            out.extend(run_on)
            continue
        for s in body:
            if ps <= s.start < pe:
                sent = text[s.start:s.end].strip()
                if len(sent) >= _MIN_ITEM and not _LEAD_IN.search(sent):
                    out.append(Item(s.start, s.end, s.start, s.end))
    return out


def _conclusion(text: str, start: int, end: int) -> bool:
    """A paragraph that closes the part (a resolve or a pledge of the whole), not a task of it."""
    piece = text[start:end].strip()
    return bool(piece) and not _LINE_MARK.match(piece) and bool(_RESOLVE.search(piece)) \
        and bool(_THE_WHOLE.search(piece))


def _without_conclusion(text: str, body):  # type: ignore[no-untyped-def]
    """The sentences of a part's last item without the closing paragraph(s) after its own, when there are
    such: the item keeps at least its first paragraph (its heading, or the numbered line that is the task)."""
    def para(sent) -> int:  # type: ignore[no-untyped-def]
        return text.rfind("\n", 0, sent.start) + 1

    while True:
        last = para(body[-1]) if body else -1
        rest = [x for x in body if para(x) != last]
        if not rest:
            return body
        end = max(x.end for x in body)
        if not _conclusion(text, last, end):
            return body
        body = rest


def _run_on(text: str, it: Item) -> list[Item]:
    """Items run on in one paragraph ("一是……;二是……"), each from its marker; [it] when there are not two."""
    marks = [m.start() for m in _INLINE_MARK.finditer(text, it.start, it.end)]
    if _LINE_MARK.match(text, it.start) and (not marks or marks[0] != it.start):
        marks.insert(0, it.start)
    if len(marks) < 2:
        return [it]
    cuts = [*marks, it.end]
    return [_item(text, a, b) for a, b in pairwise(cuts) if b - a >= _MIN_ITEM]


def _marked_runs(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Numbered paragraphs, each with the unnumbered paragraphs after it (its continuation)."""
    runs: list[list[int]] = []
    for s, e in paras:
        if _LINE_MARK.match(text, s):
            runs.append([s, e])
        elif runs:
            runs[-1][1] = e
    return [(s, e) for s, e in runs if e - s >= _MIN_ITEM]


def _item(text: str, start: int, end: int) -> Item:
    """An item of [start, end): its head is its first sentence (or clause, when that is very long)."""
    while end > start and text[end - 1] in " \n;,":
        end -= 1
    m = rx.compile("[。;!?\n]").search(text, start, end)
    head_end = m.end() if m else end
    if head_end - start > 60:
        comma = text.find(",", start + _MIN_ITEM, head_end)
        head_end = comma if comma > 0 else head_end
    return Item(start, end, start, head_end)
