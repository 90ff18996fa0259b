"""Small SQL builders shared by validation and placement: error checks and shown values."""

from __future__ import annotations

from dataclasses import dataclass


def sql_list(values: tuple[str, ...]) -> str:
    """A SQL list literal of fixed values (from the contract, never from input files)."""
    return "[" + ", ".join("'" + v + "'" for v in values) + "]"


@dataclass(frozen=True)
class Check:
    """One error check: when ``condition`` holds, ``column`` gets ``reason`` (SQL text)."""

    condition: str
    column: str
    reason: str

    def sql(self) -> str:
        """The error as a struct, or NULL when the condition does not hold."""
        struct = f"{{'column': '{self.column}', 'reason': {self.reason}}}"
        return f"CASE WHEN {self.condition} THEN {struct} END"


def check(condition: str, column: str, reason: str) -> Check:
    return Check(condition, column, reason)


def errors_sql(checks: list[Check]) -> str:
    """The row's list of errors. The list is built only for rows where some check holds: an
    OR of conditions costs far less per row than building every struct."""
    if not checks:
        return '[]::STRUCT("column" VARCHAR, reason VARCHAR)[]'
    anything = " OR ".join(f"({c.condition})" for c in checks)
    structs = ", ".join(c.sql() for c in checks)
    return (
        f"CASE WHEN {anything} THEN list_filter([{structs}], x -> x IS NOT NULL) "
        'ELSE []::STRUCT("column" VARCHAR, reason VARCHAR)[] END'
    )


def quoted(expr: str) -> str:
    """SQL for the value of ``expr`` in single quotes, every quote inside it doubled, so a
    reason holds it as exactly ``'(?:[^']|'')*'`` (``etl.schema.MASKED_REASON`` masks it)."""
    return "'''' || replace(" + expr + ", '''', '''''') || ''''"


def shown(expr: str, text: str) -> str:
    """SQL for ``'<value>' text``, the value quoted as by ``quoted``."""
    return f"{quoted(expr)} || ' {text}'"
