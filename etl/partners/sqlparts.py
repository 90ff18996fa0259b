"""Small SQL builders shared by validation and placement: error checks and their reasons."""

from __future__ import annotations

import string
from dataclasses import dataclass, field

from etl.reasons import message_key, require_known
from i18n import message

#: The type of a row's list of errors: each names its column, its reason code, the code's
#: parameters (JSON) and the reason in English.
ERROR_TYPE = 'STRUCT("column" VARCHAR, code VARCHAR, params JSON, reason VARCHAR)'


def sql_list(values: tuple[str, ...]) -> str:
    """A SQL list literal of fixed values (from the contract, never from input files)."""
    return "[" + ", ".join("'" + v + "'" for v in values) + "]"


def literal(text: str) -> str:
    """A SQL string literal of a fixed text (the atlas's own words, never a file's)."""
    return "'" + text.replace("'", "''") + "'"


def english_sql(code: str, params: dict[str, str]) -> str:
    """SQL for the reason's English sentence: the catalog's English text of ``reason_<code>``
    with each ``{name}`` replaced by the SQL expression ``params[name]``."""
    parts = []
    for text, name, _, _ in string.Formatter().parse(message(message_key(code), "en")):
        if text:
            parts.append(literal(text))
        if name:
            parts.append(f"CAST({params[name]} AS VARCHAR)")
    return f"concat({', '.join(parts)})" if len(parts) > 1 else parts[0]


@dataclass(frozen=True)
class Check:
    """One error check: when ``condition`` holds, ``column`` gets the reason ``code`` with its
    parameters (name -> SQL expression)."""

    condition: str
    column: str
    code: str
    params: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        require_known(self.code, set(self.params))

    def sql(self) -> str:
        """The error as a struct, or NULL when the condition does not hold."""
        pairs = ", ".join(f"'{k}', CAST({v} AS VARCHAR)" for k, v in self.params.items())
        struct = (
            f"{{'column': '{self.column}', 'code': '{self.code}', "
            f"'params': json_object({pairs}), 'reason': {english_sql(self.code, self.params)}}}"
        )
        return f"CASE WHEN {self.condition} THEN {struct} END"


def check(condition: str, column: str, code: str, /, **params: str) -> Check:
    """A ``Check``; ``params`` are SQL expressions (see ``Check``).

    Raises:
        ValueError: if the code is unknown or its parameters are not the ones its message takes.
    """
    return Check(condition, column, code, params)


def errors_sql(checks: list[Check]) -> str:
    """The row's list of errors. The list is built only for rows where some check holds: an
    OR of conditions costs far less per row than building every struct."""
    if not checks:
        return f"[]::{ERROR_TYPE}[]"
    anything = " OR ".join(f"({c.condition})" for c in checks)
    structs = ", ".join(c.sql() for c in checks)
    return (
        f"CASE WHEN {anything} THEN list_filter([{structs}], x -> x IS NOT NULL) "
        f"ELSE []::{ERROR_TYPE}[] END"
    )


@dataclass
class Parts:
    """SQL for one column: first-layer helpers, the typed value, and its error checks."""

    helpers: list[str] = field(default_factory=list)
    second: list[str] = field(default_factory=list)  # helpers that use the first ones
    value: str = "NULL"
    errors: list[Check] = field(default_factory=list)
