"""What every renderer shares: status marks, role names, timeliness labels, the one line a non-report gets."""

from __future__ import annotations

from lawcheck.i18n import join, t
from lawcheck.model import BasisRef, Record, RuleResult, Scorecard
from lawcheck.summary import Summary, summarize

MARK = {"pass": "✓", "partial": "◐", "fail": "✗", "unknown": "?", "not_applicable": "–"}


def status_label(lang: str, status: str) -> str:
    """A symbol and a word: never colour alone."""
    return f"{MARK[status]} {t(lang, 'status.' + status)}"


def role_names(lang: str, roles: list[str]) -> str:
    """Role ids as the reader says them: 存在的不足、下一年度安排."""
    return join(lang, [t(lang, f"role.{r}") for r in roles])


def timeliness_label(lang: str, value: str | None) -> str:
    """✗ 逾期 / ✓ 按时 / — (not judged, or not a report)."""
    if value == "late":
        return f"✗ {t(lang, 'ui.late')}"
    if value == "on_time":
        return f"✓ {t(lang, 'ui.on_time')}"
    return "—"


def not_report_line(card: Scorecard, path: str | None = None) -> str:
    """What a text that is not an annual report gets instead of a scorecard: one line, with the reason."""
    lang = card.lang
    d = card.document
    name = path or d.title or d.organ or t(lang, "ui.no_title")
    sep = "：" if lang == "zh" else ": "
    why = f"（{d.kind_reason}）" if lang == "zh" and d.kind_reason else f" ({d.kind_reason})" if d.kind_reason else ""
    return f"{name}{sep}{t(lang, 'ui.not_report')}{why}"


_ZH = {"colon": "：", "comma": "，", "semi": "；", "lp": "（", "rp": "）"}
_EN = {"colon": ": ", "comma": ", ", "semi": "; ", "lp": " (", "rp": ")"}


def colon(lang: str) -> str:
    """Punctuation in the reader's language: Chinese full-width forms, English half-width ones."""
    return (_ZH if lang == "zh" else _EN)["colon"]


def comma(lang: str) -> str:
    return (_ZH if lang == "zh" else _EN)["comma"]


def semi(lang: str) -> str:
    return (_ZH if lang == "zh" else _EN)["semi"]


def lp(lang: str) -> str:
    return (_ZH if lang == "zh" else _EN)["lp"]


def rp(lang: str) -> str:
    return (_ZH if lang == "zh" else _EN)["rp"]


def basis_line(lang: str, refs: list[BasisRef]) -> str:
    """The bases as an official reads them, one after another."""
    return semi(lang).join(b.text for b in refs)


def clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def arithmetic(card: Scorecard) -> str:
    scored = [r for r in card.results if r.scored]
    points = round(sum(r.points for r in scored), 2)
    weight = sum(r.weight for r in scored)
    score = f"{card.score:.1f}" if card.score is not None else t(card.lang, "ui.no_score")
    return t(card.lang, "ui.arith", points=points, weight=weight, score=score, n=len(card.results) - len(scored))


def by_category(card: Scorecard) -> list[tuple[str, list[RuleResult]]]:
    """Results grouped by category, categories in the order their first rule appears."""
    groups: dict[str, list[RuleResult]] = {}
    for r in card.results:
        groups.setdefault(r.category, []).append(r)
    return list(groups.items())


def is_report(card: Scorecard) -> bool:
    return card.document.kind == "annual_report"


def cards_and_summary(records: list[Record], verbose: bool) -> tuple[list[tuple[Scorecard, Record, str | None]],
                                                                       Summary | None]:
    """What a batch shows: each scorecard (with the path to head it, when several inputs or a non-report
    need one) when there is one input or ``verbose``, and the summary when there are several."""
    summary = summarize(records) if len(records) > 1 else None
    cards = []
    if summary is None or verbose:
        for rec in records:
            if rec.card is not None:
                cards.append((rec.card, rec, rec.path if summary or not is_report(rec.card) else None))
    return cards, summary
