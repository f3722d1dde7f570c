"""Records as the batch hands them to renderers, built from scorecards in a test."""

from __future__ import annotations

from lawcheck.gate import Gate
from lawcheck.model import Record, Scorecard


def record(path: str, card: Scorecard | None = None, error: str | None = None, text: str | None = None,
           gate: Gate | None = None) -> Record:
    """A checked input (``card``) or one that could not be checked (``error``), with its gate outcome."""
    g = gate or Gate()
    reasons = g.reasons(card) if card is not None else [error or ""]
    return Record(path=path, card=card, error=error, text=text, gate=reasons)
