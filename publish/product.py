"""What a product of the publish stage is: a name, the file it goes to, what it reads, the
function that makes it and the checks of what it made (as Dagster declares an asset, with its
checks beside it).

A maker gets the facts (a read-only connection to one build of the database) and the tables
of the products it reads, and returns its own tables: DataFrames, or ``Copy`` (a SELECT over
the facts, copied as it is, geometry included). The stage (``publish.stage``) writes them,
counts their rows, runs the checks on what was written and records it all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from query.products import Stamp

#: The files a product can go to: the products file (analysts') and the briefing store
#: (province level, the briefing audience's only file).
FILES = ("products", "briefing")


@dataclass(frozen=True)
class Copy:
    """A table copied from the facts by a fixed SELECT (the stage's own text, never input)."""

    sql: str


Table = pd.DataFrame | Copy


@dataclass(frozen=True)
class Inputs:
    """What a maker reads: the facts (``con``, read-only, one build: ``stamp``) and the
    DataFrame tables of the products made before it, by product name."""

    con: duckdb.DuckDBPyConnection
    stamp: Stamp
    made: Mapping[str, Mapping[str, pd.DataFrame]]


#: A check reads a table of what was written (by name) and returns None when it holds, or
#: what is wrong, in a sentence.
Reader = Callable[[str], pd.DataFrame]


@dataclass(frozen=True)
class Check:
    """One check of a product, run on what the stage wrote; a failing check keeps the product
    out of its file (its tables are dropped) and is recorded with its sentence."""

    name: str
    test: Callable[[Reader], str | None]


@dataclass(frozen=True)
class Product:
    """A derived product: ``name``; ``file`` (one of ``FILES``); ``reads``, the facts' tables
    and the products it is made from (a product it reads must be declared before it); ``make``;
    ``checks``; ``schemas``, the DuckDB column types of tables whose columns may all be empty
    (so their types do not depend on the data); ``doc``, one line on what it is."""

    name: str
    file: str
    reads: tuple[str, ...]
    make: Callable[[Inputs], dict[str, Table]]
    checks: tuple[Check, ...] = ()
    schemas: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    doc: str = ""


def one_row(table: str) -> Check:
    """The check that ``table`` holds exactly one row."""

    def test(read: Reader) -> str | None:
        rows = len(read(table))
        return None if rows == 1 else f"{table} holds {rows} rows, not 1"

    return Check(f"{table} has one row", test)


def first_row(frame: pd.DataFrame) -> dict[str, object]:
    """The first row of a one-row product table as plain values (missing values as None)."""
    row = frame.iloc[0].to_dict()
    return {k: (None if pd.api.types.is_scalar(v) and pd.isna(v) else v) for k, v in row.items()}
