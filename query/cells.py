"""The true counts behind published numbers, with their cell keys: the protection layer's input.

Every function here returns, per cell, ``n`` (incidents), ``key_sum`` (the sum of their
record keys, from ``incidents_monthly.key_sum``) and ``cell`` (the cell's identity,
``query.cellkey.identity`` of its definition: its scope, every choice of the filters and its
calendar year; the same definition asked by any page has the same identity, e.g. a province's row
and the province view's total). Nothing here is shown as it is:
``query.published`` turns cells into the numbers pages, downloads and exports show. The
evaluation's estimates also read true counts (``query.panel``), pooled over many communes.
"""

from __future__ import annotations

from datetime import date

import duckdb
import numpy as np
import pandas as pd

from query import filter_table
from query.cellkey import identity
from query.sql import province_condition, run
from query.view import Filters

#: Each map level: its table, the key of its units, and the column of ``unit_rows`` it groups by.
UNITS = {
    "commune": ("communes", "source_id"),
    "district": ("districts", "district_code"),
    "province": ("provinces", "province_code"),
}
UNIT_ORDER = {
    "commune": "province_code, district_code, commune_code, source_id",
    "district": "province_code, district_code",
    "province": "province_code",
}


def scope(level: str | None, unit: str | None, province: str | None = None) -> str:
    """The scope part of a cell's definition: a unit of a level, else the province or the
    country (a view's total)."""
    if unit is not None:
        return f"{level}:{unit}"
    return f"province:{province}" if province else "country"


def group_scope(polygon_ids: list[str]) -> str:
    """The scope of a group of commune polygons (whatever their order)."""
    return "group:" + ",".join(sorted(polygon_ids))


def cell_ids(scopes: list[str], filters: Filters, starts: list[date]) -> np.ndarray:
    """The identity of each cell: ``scopes[i]`` over the calendar year ``starts[i]`` with every
    choice of ``filters`` (its own period and province are not part of it: a cell's scope and
    year say which records it may hold)."""
    choices = [f"{f.field}={getattr(filters, f.field)}" for f in filter_table.choice_filters()]
    ids = [identity((s, day.isoformat(), *choices)) for s, day in zip(scopes, starts, strict=True)]
    return np.array(ids, dtype=np.uint64)


def _incidents() -> str:
    """The ``incidents_monthly`` rows of the filters (every filter of the table,
    ``filter_table.incidents_where``)."""
    return f"SELECT * FROM incidents_monthly WHERE {filter_table.incidents_where()}"


def _rows(level: str | None) -> str:
    """The rows a level's cells are made of (``None``: the whole view), each with its province
    and, below the province level, its commune polygon and district. An incident placed in an
    official commune that has no 2014 polygon counts in its district and province (its code
    says which), not on the commune map. The province level reads no commune table (the
    briefing store has none)."""
    if level in ("commune", "district"):
        return f"""
            SELECT m.polygon_id, m.province_code,
                coalesce(c.district_code, left(m.commune_code, 4)) AS district_code,
                m.month, m.incidents, m.key_sum
            FROM ({_incidents()}) m LEFT JOIN communes c ON c.source_id = m.polygon_id
        """
    return f"SELECT province_code, month, incidents, key_sum FROM ({_incidents()})"


CELL = "CAST(sum(incidents) AS BIGINT) AS n, CAST(sum(key_sum) AS BIGINT) AS key_sum"


def _unit_column(level: str) -> str:
    """The ``_rows`` column a level's units are grouped by.

    Raises:
        ValueError: if ``level`` is not a map level.
    """
    if level not in UNITS:
        raise ValueError(f"level must be one of {sorted(UNITS)}, got {level!r}")
    return "polygon_id" if level == "commune" else f"{level}_code"


def unit_cells(con: duckdb.DuckDBPyConnection, filters: Filters, level: str) -> pd.DataFrame:
    """One cell per unit of ``level`` (in the filters' province): ``unit`` (polygon id or
    code), ``n`` and ``key_sum`` (0 where the unit has no incident) and ``cell``, in map order.

    Raises:
        ValueError: if ``level`` is not a map level.
    """
    table, key = UNITS[level]
    sql = f"""
        WITH cells AS (
            SELECT {_unit_column(level)} AS unit, {CELL} FROM ({_rows(level)}) GROUP BY ALL
        )
        SELECT u.{key} AS unit, coalesce(cells.n, 0) AS n,
            coalesce(cells.key_sum, 0) AS key_sum
        FROM {table} u LEFT JOIN cells ON cells.unit = u.{key}
        WHERE {province_condition("u.province_code")}
        ORDER BY {UNIT_ORDER[level]}
    """
    frame = run(con, sql, filters.sql_params())
    scopes = [scope(level, str(unit)) for unit in frame["unit"]]
    return frame.assign(cell=cell_ids(scopes, filters, [filters.start] * len(frame)))


def total_cell(con: duckdb.DuckDBPyConnection, filters: Filters) -> tuple[int, int, int]:
    """The view's own cell: every incident of the filters in the country or the province
    (those of communes with no polygon too): ``(n, key_sum, cell)``."""
    frame = run(con, f"SELECT {CELL} FROM ({_rows(None)})", filters.sql_params())
    row = frame.iloc[0]
    cell = cell_ids([scope(None, None, filters.province)], filters, [filters.start])[0]
    if pd.isna(row["n"]):
        return 0, 0, int(cell)
    return int(row["n"]), int(row["key_sum"]), int(cell)


def group_cell(
    con: duckdb.DuckDBPyConnection, filters: Filters, polygon_ids: list[str]
) -> tuple[int, int, int]:
    """The cell of a group of commune polygons (e.g. those with partnership in the period):
    ``(n, key_sum, cell)`` of the filters' incidents in them."""
    sql = f"SELECT {CELL} FROM ({_rows('commune')}) WHERE list_contains($group, polygon_id)"
    frame = run(con, sql, {**filters.sql_params(), "group": list(polygon_ids)})
    row = frame.iloc[0]
    cell = int(cell_ids([group_scope(polygon_ids)], filters, [filters.start])[0])
    if pd.isna(row["n"]):
        return 0, 0, cell
    return int(row["n"]), int(row["key_sum"]), cell


def window_cells(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    starts: list[date],
    level: str | None = None,
    unit: str | None = None,
) -> pd.DataFrame:
    """One cell per twelve-month window starting at each of ``starts``, for the whole view, or
    for one ``unit`` of ``level`` (a polygon id, district or province code): ``start``, ``n``,
    ``key_sum``, ``cell`` (the filters' own period is not used).

    Raises:
        ValueError: if ``level`` is given and is not a map level.
    """
    where = "TRUE" if unit is None else f"{_unit_column(level or '')} = $unit"
    frame = _windows(con, filters, starts, _rows(level if unit else None), where, {"unit": unit})
    return _with_cells(frame, scope(level, unit, filters.province), filters)


def group_window_cells(
    con: duckdb.DuckDBPyConnection, filters: Filters, starts: list[date], polygon_ids: list[str]
) -> pd.DataFrame:
    """``window_cells`` for a group of commune polygons (e.g. the pilot communes)."""
    frame = _windows(con, filters, starts, _rows("commune"), "list_contains($group, polygon_id)",
                     {"group": list(polygon_ids)})  # fmt: skip
    return _with_cells(frame, group_scope(polygon_ids), filters)


def _with_cells(frame: pd.DataFrame, where: str, filters: Filters) -> pd.DataFrame:
    """``frame`` (one row per window) with each window's ``cell`` of the scope ``where``."""
    starts = [pd.Timestamp(s).date() for s in frame["start"]]
    return frame.assign(cell=cell_ids([where] * len(frame), filters, starts))


def _windows(
    con: duckdb.DuckDBPyConnection, filters: Filters, starts: list[date], rows: str,
    where: str, extra: dict[str, object],
) -> pd.DataFrame:  # fmt: skip
    sql = f"""
        WITH w AS (SELECT unnest($starts) AS start)
        SELECT w.start, coalesce(CAST(sum(r.incidents) AS BIGINT), 0) AS n,
            coalesce(CAST(sum(r.key_sum) AS BIGINT), 0) AS key_sum
        FROM w LEFT JOIN (SELECT * FROM ({rows}) WHERE {where}) r
            ON r.month >= w.start AND r.month < w.start + to_months($window_months)
        GROUP BY w.start ORDER BY w.start
    """
    # Every filter as the view has it, but the period: from the first window to the last.
    period = filter_table.PERIOD
    params = {**filters.sql_params(), **extra, **period.bind(min(starts)),
              "end": period.end(max(starts)), "starts": list(starts),
              "window_months": period.months}  # fmt: skip
    return run(con, sql, params)
