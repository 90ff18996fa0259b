"""The query layer: named, parameterised reads of the atlas database, returning DataFrames.

Pages call these functions and never write SQL. Values are always bound parameters; the only
identifiers interpolated come from the fixed allow-lists in this module.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import geopandas as gpd
import pandas as pd
import shapely

from etl.schema import COMMUNE_COLUMNS, MASKED_REASON
from vocabulary import CRS

PROVINCE_CODE = re.compile(r"^\d{2}$")
# The communes table's columns that the pages read (no full geometry, no match internals).
COMMUNE_FIELDS = tuple(
    c
    for c in COMMUNE_COLUMNS
    if c not in {"geom", "geom_display", "match_score", "successor_codes"}
)
BORDER_TABLES = {"districts": "district_code", "provinces": "province_code"}
# Tables every page can rely on; a database without one was built by an older version.
REQUIRED_TABLES = frozenset(
    {"communes", "provinces", "build_info", "commune_families", "commune_neighbours",
     "incidents_monthly", "partnership_monthly", "partnership_communes", "public_services"}
)  # fmt: skip


class DatabaseMissingError(RuntimeError):
    """The atlas database has not been built (or is not where the settings say)."""


def open_database(db_path: Path) -> duckdb.DuckDBPyConnection:
    """Open the atlas database read-only.

    Raises:
        DatabaseMissingError: if the file does not exist or is not an atlas database; the
            message says how to build it.
    """
    if not db_path.is_file():
        raise DatabaseMissingError(
            f"The atlas database {db_path} does not exist yet. Build it with: python -m etl build"
        )
    con = duckdb.connect(str(db_path), read_only=True)
    tables = {row[0] for row in con.execute("SHOW TABLES").fetchall()}
    if not tables >= REQUIRED_TABLES:
        con.close()
        raise DatabaseMissingError(
            f"{db_path} is not an atlas database of this version (missing tables: "
            f"{sorted(REQUIRED_TABLES - tables)}). "
            "Rebuild it with: python -m etl build"
        )
    return con


def check_province_code(code: str) -> str:
    """Return a two-digit province code unchanged.

    Raises:
        ValueError: if ``code`` is not two digits.
    """
    if not isinstance(code, str) or not PROVINCE_CODE.match(code):
        raise ValueError(f"a province code is two digits, got {code!r}")
    return code


def _province_filter(province_code: str | None) -> tuple[str, list[str]]:
    if province_code is None:
        return "", []
    return "WHERE province_code = ?", [check_province_code(province_code)]


def _to_geoframe(frame: pd.DataFrame, column: str = "wkb") -> gpd.GeoDataFrame:
    geometry = shapely.from_wkb(frame[column].map(bytes).to_numpy())
    return gpd.GeoDataFrame(frame.drop(columns=column), geometry=geometry, crs=CRS)


def commune_layer(
    con: duckdb.DuckDBPyConnection, province_code: str | None = None
) -> gpd.GeoDataFrame:
    """Communes with names and display geometry, nationally or for one province.

    Raises:
        ValueError: if ``province_code`` is given and is not two digits.
    """
    where, params = _province_filter(province_code)
    sql = (
        f"SELECT {', '.join(COMMUNE_FIELDS)}, ST_AsWKB(geom_display) AS wkb FROM communes "
        f"{where} ORDER BY province_code, district_code, commune_code, source_id"
    )
    return _to_geoframe(con.cursor().execute(sql, params).df())


def border_layer(
    con: duckdb.DuckDBPyConnection, table: str, province_code: str | None = None
) -> gpd.GeoDataFrame:
    """District or province outlines (display geometry), optionally within one province.

    Raises:
        ValueError: if ``table`` is not ``districts`` or ``provinces``, or the province code is
            malformed.
    """
    if table not in BORDER_TABLES:
        raise ValueError(f"border table must be one of {sorted(BORDER_TABLES)}, got {table!r}")
    where, params = _province_filter(province_code)
    sql = (
        f"SELECT {BORDER_TABLES[table]} AS code, ST_AsWKB(geom_display) AS wkb "
        f"FROM {table} {where} ORDER BY 1"
    )
    return _to_geoframe(con.cursor().execute(sql, params).df())


def province_list(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Provinces: code, English and Khmer names, number of commune polygons."""
    sql = (
        "SELECT province_code, province_name_en, province_name_km, n_communes "
        "FROM provinces ORDER BY province_code"
    )
    return con.cursor().execute(sql).df()


def match_summary(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Number of commune polygons per match method."""
    sql = "SELECT match_method, count(*) AS polygons FROM communes GROUP BY 1 ORDER BY 2 DESC"
    return con.cursor().execute(sql).df()


def build_info(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """The build's metadata (time, sources and their checksums, display settings)."""
    return dict(con.cursor().execute("SELECT key, value FROM build_info").fetchall())


def load_summary(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Per loaded file: kind, file name, rows read, loaded and quarantined."""
    sql = (
        "SELECT kind, file_name, rows_read, rows_loaded, rows_quarantined FROM load_log "
        "ORDER BY kind, file_name"
    )
    return con.cursor().execute(sql).df()


def quarantine_reasons(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Quarantined rows per file, column and reason, values masked (no raw value is shown)."""
    sql = (
        f'SELECT file_name, "column", {MASKED_REASON} AS reason, count(*) AS rows '
        "FROM quarantine GROUP BY ALL ORDER BY file_name, rows DESC"
    )
    return con.cursor().execute(sql).df()
