"""lawcheck: check a 法治政府建设年度报告 against the rules, score it, list what is missing.

    import lawcheck
    card = lawcheck.evaluate(text)
    print(card.score, card.grade_label)
    for item in card.missing:
        print(item.rule, item.title, item.fix)
"""

from __future__ import annotations

__version__ = "0.3.0"

from lawcheck.engine import evaluate
from lawcheck.errors import InputError, LawcheckError, RuleFileError
from lawcheck.model import Evidence, RuleResult, Scorecard
from lawcheck.pack import RulePack, load_pack

load_rules = load_pack

__all__ = [
    "Evidence",
    "InputError",
    "LawcheckError",
    "RuleFileError",
    "RulePack",
    "RuleResult",
    "Scorecard",
    "__version__",
    "evaluate",
    "load_pack",
    "load_rules",
]
