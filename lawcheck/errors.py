"""The project's own error types.  Everything a user can cause ends in one of these."""

from __future__ import annotations


class LawcheckError(Exception):
    """Base class: a one-line message a person can act on."""


class RuleFileError(LawcheckError):
    """A rule or pack file is invalid.  ``str()`` is ``path:line:col: problem — allowed: …``."""

    def __init__(
        self,
        path: str,
        problem: str,
        line: int | None = None,
        col: int | None = None,
        allowed: list[str] | None = None,
        source_line: str | None = None,
    ) -> None:
        self.path = path
        self.problem = problem
        self.line = line
        self.col = col
        self.allowed = allowed or []
        self.source_line = source_line
        super().__init__(self.one_line())

    def one_line(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}:{self.col or 1}"
        msg = f"{where}: {self.problem}"
        if self.allowed:
            msg += " — allowed: " + ", ".join(self.allowed)
        return msg

    def __str__(self) -> str:
        if self.source_line is None or self.line is None:
            return self.one_line()
        gutter = f"{self.line:>5} | "
        caret = " " * (len(gutter) + max((self.col or 1) - 1, 0)) + "^"
        return f"{self.one_line()}\n{gutter}{self.source_line}\n{caret}"


class InputError(LawcheckError):
    """An input file cannot be read as a report."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class UsageError(LawcheckError):
    """A setting or argument names something that does not exist (an unknown rule id, say)."""
