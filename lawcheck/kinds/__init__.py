"""The rule kinds: one module each, and the registry the rest of lawcheck reads them through.

A kind module holds everything about its kind: the pydantic model of its rule files, the matchers
whose phrases go into the pack's automaton (``matchers``), the check (``check(rule, analysis) ->
Outcome``), the lines ``lawcheck explain`` and the catalogue print (``describe``) and, optionally,
the words offered as near misses (``hint_phrases``), whether it needs the report year
(``NEEDS_YEAR``) and whether its shortfalls rest on something not found (``BY_PRESENCE``, or
``by_presence(rule)``).  The schema union, the check table and ``explain`` are derived from ``KINDS``:
adding a kind is one module here and one line in ``_MODULES``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Annotated, Union

from pydantic import ConfigDict, Field, TypeAdapter

from lawcheck.kinds import concept, count, deadline, field, figures, forbidden, history, recipients, section, title
from lawcheck.kinds.base import Outcome, RuleBase

if TYPE_CHECKING:
    from lawcheck.analysis import Analysis
    from lawcheck.kinds.matching import Matcher


@dataclass(frozen=True)
class Kind:
    """One rule kind, as the registry sees its module."""

    name: str
    model: type[RuleBase]
    check: Callable[[RuleBase, Analysis], Outcome]
    matchers: Callable[[RuleBase], list[Matcher]]
    describe: Callable[[RuleBase, str], list[str]]
    hint_phrases: Callable[[RuleBase], list[str]]
    needs_year: bool
    # Whether the rule's shortfall rests on something not found in the text (an element, a part, figures), not on
    # something found there (an outdated name, a sum that does not add up): a text cut short cannot show it.
    by_presence: Callable[[RuleBase], bool]


def _kind(module: ModuleType, model: type[RuleBase]) -> Kind:
    name = model.model_fields["kind"].annotation.__args__[0]  # type: ignore[union-attr]  # Literal["…"]
    return Kind(name, model, module.check, module.matchers, module.describe,
                getattr(module, "hint_phrases", lambda rule: []), getattr(module, "NEEDS_YEAR", False),
                getattr(module, "by_presence", None) or _always(getattr(module, "BY_PRESENCE", False)))


def _always(value: bool) -> Callable[[RuleBase], bool]:
    return lambda rule: value


# The order is the order of the schema's union and of the docs.
_MODULES = [
    (concept, concept.ConceptRule),
    (section, section.SectionRule),
    (field, field.FieldRule),
    (deadline, deadline.DeadlineRule),
    (forbidden, forbidden.ForbiddenRule),
    (count, count.CountRule),
    (recipients, recipients.RecipientsRule),
    (title, title.TitleRule),
    (figures, figures.FiguresRule),
    (history, history.HistoryRule),
]
KINDS: dict[str, Kind] = {k.name: k for k in (_kind(m, cls) for m, cls in _MODULES)}
RULE_MODELS: dict[str, type[RuleBase]] = {name: k.model for name, k in KINDS.items()}

# A rule of any kind, chosen by its ``kind`` key: the union of the registry's models (for code, a
# rule of any kind is a ``RuleBase``).
Rule = Annotated[Union[tuple(RULE_MODELS.values())], Field(discriminator="kind")]  # type: ignore[valid-type]
RULE_ADAPTER: TypeAdapter = TypeAdapter(Rule, config=ConfigDict(defer_build=True))


def kind_of(rule: RuleBase) -> Kind:
    return KINDS[rule.kind]


__all__ = ["KINDS", "RULE_ADAPTER", "RULE_MODELS", "Kind", "Outcome", "Rule", "kind_of"]
