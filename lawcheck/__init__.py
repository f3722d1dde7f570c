"""lawcheck: check a 法治政府建设年度报告 against the rules, score it, list what is missing.

    import lawcheck
    card = lawcheck.evaluate(text)              # or lawcheck.check_file("报告.docx")
    print(card.score, card.grade_label)
    for item in card.missing:
        print(item.rule, item.title, item.fix)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from lawcheck.version import __version__

# The public names are loaded on first use (PEP 562): a tool importing one submodule (the error
# catalogue, the input walker) pays only for it, not for pydantic and the whole engine.
_EXPORTS = {
    "evaluate": "lawcheck.engine",
    "check_file": "lawcheck.files",
    "ArgumentError": "lawcheck.errors",
    "ArgumentTypeError": "lawcheck.errors",
    "InputError": "lawcheck.errors",
    "LawcheckError": "lawcheck.errors",
    "RuleFileError": "lawcheck.errors",
    "Evidence": "lawcheck.model",
    "History": "lawcheck.model",
    "PreviousReport": "lawcheck.model",
    "RuleResult": "lawcheck.model",
    "Scorecard": "lawcheck.model",
    "Waiver": "lawcheck.model",
    "RulePack": "lawcheck.packs",
    "load_pack": "lawcheck.packs",
    "load_rules": "lawcheck.packs",
}

if TYPE_CHECKING:
    from lawcheck.engine import evaluate
    from lawcheck.errors import ArgumentError, ArgumentTypeError, InputError, LawcheckError, RuleFileError
    from lawcheck.files import check_file
    from lawcheck.model import Evidence, History, PreviousReport, RuleResult, Scorecard, Waiver
    from lawcheck.packs import RulePack, load_pack

    load_rules = load_pack


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'lawcheck' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), "load_pack" if name == "load_rules" else name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    # The public names only (the submodules and helpers that importing leaves behind are not API).
    return sorted(__all__)


__all__ = [
    "ArgumentError",
    "ArgumentTypeError",
    "Evidence",
    "History",
    "InputError",
    "LawcheckError",
    "PreviousReport",
    "RuleFileError",
    "RulePack",
    "RuleResult",
    "Scorecard",
    "Waiver",
    "__version__",
    "check_file",
    "evaluate",
    "load_pack",
    "load_rules",
]
