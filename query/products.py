"""Reading the publish stage's products: the products file beside the database
(``etl.schema.products_path``) and the products the stage adds to the briefing store.

Each product is recorded in a ``products`` table (one row per product: the build id of the
facts it was made from, when, its rows, its checks and its seconds, or why it failed); its
tables hold what it made. The facts' own build id is in the database's ``build_info``
(``facts_stamp``). Names come from the fixed lists of ``etl.schema``; values are bound.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from etl.schema import BRIEFING_PRODUCT_TABLES, BUILD_ID, FACTS_WRITTEN_AT, PRODUCT_TABLES
from query.sql import CATALOG, run

READABLE = frozenset(PRODUCT_TABLES) | frozenset(BRIEFING_PRODUCT_TABLES)
#: The columns of the ``products`` table, with their DuckDB types.
RECORD_COLUMNS = {
    "name": "VARCHAR", "file": "VARCHAR", "build_id": "VARCHAR", "facts_written_at": "VARCHAR",
    "made_at": "VARCHAR", "status": "VARCHAR", "reason": "VARCHAR", "rows": "VARCHAR",
    "checks": "VARCHAR", "seconds": "DOUBLE",
}  # fmt: skip


class ProductsMissingError(RuntimeError):
    """The products file has not been published (or is not readable)."""


@dataclass(frozen=True)
class Stamp:
    """Which build of the facts a file holds or was made from, and when it was written (UTC,
    ISO; "" when not recorded)."""

    build_id: str
    written_at: str


def open_file(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to a file of the stage (attached to a new in-memory instance,
    as ``query.open_database`` does, so a replaced file is read as it is now).

    Raises:
        ProductsMissingError: if the file does not exist or cannot be read.
    """
    if not path.is_file():
        raise ProductsMissingError(f"{path} has not been published yet: run python -m publish")
    con = duckdb.connect(":memory:")
    literal = "'" + str(path).replace("'", "''") + "'"  # a path of the settings
    try:
        con.execute(f"ATTACH {literal} AS {CATALOG} (READ_ONLY)")
    except duckdb.Error as exc:
        con.close()
        raise ProductsMissingError(f"{path} cannot be read ({type(exc).__name__})") from None
    con.execute(f"USE {CATALOG}")
    return con


def tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The tables of the file open on ``con``."""
    sql = "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
    return set(run(con, sql, {})["table_name"])


def product_table(con: duckdb.DuckDBPyConnection, table: str) -> pd.DataFrame | None:
    """A product's table as it was published, or None when the file does not hold it (the
    product failed, or the file was published before it existed).

    Raises:
        ValueError: if ``table`` is not a product table (a programming error).
    """
    if table not in READABLE:
        raise ValueError(f"{table!r} is not a product table ({', '.join(sorted(READABLE))})")
    if table not in tables(con):
        return None
    return run(con, f'SELECT * FROM "{table}"', {})


def empty_records() -> pd.DataFrame:
    """A ``products`` table with no row (no product published)."""
    return pd.DataFrame(columns=list(RECORD_COLUMNS))


def records(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The ``products`` table (columns ``RECORD_COLUMNS``, by product name); empty when the
    file holds none."""
    frame = product_table(con, "products")
    if frame is None:
        return empty_records()
    return frame.sort_values("name").reset_index(drop=True)


def stamp(con: duckdb.DuckDBPyConnection) -> Stamp | None:
    """The build the file open on ``con`` holds (its ``build_info``), or None when it records
    none (a database written before build ids, or a file without ``build_info``)."""
    if "build_info" not in tables(con):
        return None
    sql = "SELECT key, value FROM build_info WHERE key IN ($id, $at)"
    info = dict(run(con, sql, {"id": BUILD_ID, "at": FACTS_WRITTEN_AT}).itertuples(index=False))
    if BUILD_ID not in info:
        return None
    return Stamp(info[BUILD_ID], info.get(FACTS_WRITTEN_AT) or "")


def facts_stamp(db_path: Path) -> Stamp | None:
    """The build of the facts at ``db_path`` now (None when there is no database, or it
    records no build id). Reads two values of ``build_info`` and nothing else."""
    try:
        con = open_file(db_path)
    except ProductsMissingError:
        return None
    try:
        return stamp(con)
    finally:
        con.close()
