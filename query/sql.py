"""Running the query layer's SQL with named parameters.

Statements name their parameters (``$start``, ``$province``); callers pass one dictionary and
``run`` binds exactly the names a statement uses (DuckDB refuses unused ones), so the same
filter parameters serve every statement. Values only ever travel as parameters.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping

import duckdb
import pandas as pd

_NAME = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def province_condition(column: str) -> str:
    """The one way a read is restricted to the filters' province (``$province``; NULL keeps
    every province). ``column`` is a fixed column name of the query layer, never input."""
    return f"($province IS NULL OR {column} = $province)"


def parameter_names(sql: str) -> set[str]:
    """The named parameters (``$name``) a statement or a fragment of one uses."""
    return set(_NAME.findall(sql))


def bound(sql: str, params: Mapping[str, object]) -> dict[str, object]:
    """The parameters ``sql`` names, taken from ``params``.

    Raises:
        KeyError: if the statement names a parameter that ``params`` lacks (a programming
            error: the message names it).
    """
    names = parameter_names(sql)
    missing = sorted(names - set(params))
    if missing:
        raise KeyError(f"the statement needs parameters {missing}")
    return {name: params[name] for name in names}


#: The catalog under which ``query.open_database`` attaches the atlas file.
CATALOG = "atlas"


def cursor(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A cursor of its own for one statement (connections are not shared across threads),
    reading the attached atlas file by default (a cursor does not inherit ``USE``), and never
    reading a Python variable that happens to share a table's name."""
    cur = con.cursor()
    cur.execute("SET python_enable_replacements = false")
    with contextlib.suppress(duckdb.CatalogException):  # a connection on the file itself
        cur.execute(f"USE {CATALOG}")
    return cur


def run(con: duckdb.DuckDBPyConnection, sql: str, params: Mapping[str, object]) -> pd.DataFrame:
    """The statement's result as a DataFrame (on a ``cursor`` of its own).

    Raises:
        KeyError: see ``bound``.
        duckdb.Error: on a programming error in the statement.
    """
    return cursor(con).execute(sql, bound(sql, params)).df()


def run_one(con: duckdb.DuckDBPyConnection, sql: str, params: Mapping[str, object]) -> tuple:
    """The statement's first row (``None`` when it returns none).

    Raises:
        KeyError: see ``bound``.
        duckdb.Error: on a programming error in the statement.
    """
    return cursor(con).execute(sql, bound(sql, params)).fetchone()
