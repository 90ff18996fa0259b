"""The query layer: named, parameterised reads of the atlas database, returning DataFrames.

Pages call these functions and never write SQL. Values are always bound parameters; the only
identifiers interpolated come from the fixed allow-lists in this module.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import geopandas as gpd
import pandas as pd
import shapely

import config
from etl.schema import (
    BRIEFING_TABLES,
    COMMUNE_COLUMNS,
    SYNTHETIC_FLAG,
    SYNTHETIC_MIXED,
    briefing_store_path,
)
from query.sql import CATALOG, province_condition, run
from query.view import PROVINCE_CODE
from vocabulary import CRS

# The communes table's columns that the pages read (no full geometry, no match internals).
COMMUNE_FIELDS = tuple(
    c
    for c in COMMUNE_COLUMNS
    if c not in {"geom", "geom_display", "match_score", "successor_codes"}
)
IN_PROVINCE = province_condition("province_code")
BORDER_TABLES = {"districts": "district_code", "provinces": "province_code"}
# Tables every page can rely on; a database without one was built by an older version.
REQUIRED_TABLES = frozenset(
    {"communes", "provinces", "build_info", "commune_families", "commune_neighbours",
     "incidents_monthly", "partnership_monthly", "partnership_communes", "public_services"}
)  # fmt: skip


class DatabaseMissingError(RuntimeError):
    """The atlas database has not been built (or is not where the settings say)."""


def described(db_path: Path) -> str:
    """How messages name a database file: by the setting it comes from ("The atlas database
    (setting ATLAS_DB_PATH)", or its briefing store), else by its file name, never its folder."""
    try:
        configured = config.get_path("ATLAS_DB_PATH").resolve()
    except config.SettingError:
        configured = None
    if configured is not None and db_path.resolve() == configured:
        return "The atlas database (setting ATLAS_DB_PATH)"
    if configured is not None and db_path.resolve() == briefing_store_path(configured):
        return "The briefing store beside the atlas database (setting ATLAS_DB_PATH)"
    return f"The database file {db_path.name}"


def open_database(db_path: Path) -> duckdb.DuckDBPyConnection:
    """Open the atlas database, or its briefing store (``etl.schema.briefing_store_path``:
    province-level tables only), read-only, as it is on disk now.

    The file is attached to a new in-memory DuckDB instance rather than opened by path:
    DuckDB keeps one instance per path and process, so ``duckdb.connect(path)`` while an older
    connection is open would return the database that a rebuild has since replaced.

    Raises:
        DatabaseMissingError: if the file does not exist or is not an atlas database; the
            message names the file by its setting (never by a path of the server) and says how
            to build it.
    """
    what = described(db_path)
    if not db_path.is_file():
        raise DatabaseMissingError(f"{what} does not exist yet. Build it with: python -m etl build")
    con = duckdb.connect(":memory:")
    literal = "'" + str(db_path).replace("'", "''") + "'"  # a path from the settings
    try:
        con.execute(f"ATTACH {literal} AS {CATALOG} (READ_ONLY)")
    except duckdb.Error as exc:
        con.close()
        raise DatabaseMissingError(
            f"{what} cannot be read as an atlas database ({type(exc).__name__}). "
            "Rebuild it with: python -m etl build"
        ) from None
    con.execute(f"USE {CATALOG}")
    tables = {row[0] for row in con.execute("SHOW TABLES").fetchall()}
    if not (tables >= REQUIRED_TABLES or tables >= set(BRIEFING_TABLES)):
        con.close()
        raise DatabaseMissingError(
            f"{what} is not an atlas database of this version (missing tables: "
            f"{sorted(REQUIRED_TABLES - tables)}). "
            "Rebuild it with: python -m etl build"
        )
    return con


def check_province_code(code: str) -> str:
    """Return a two-digit province code unchanged.

    Raises:
        ValueError: if ``code`` is not two digits.
    """
    if not isinstance(code, str) or not PROVINCE_CODE.fullmatch(code):
        raise ValueError(f"a province code is two digits, got {code!r}")
    return code


def _province_params(province_code: str | None) -> dict[str, object]:
    return {"province": None if province_code is None else check_province_code(province_code)}


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
    sql = (
        f"SELECT {', '.join(COMMUNE_FIELDS)}, ST_AsWKB(geom_display) AS wkb FROM communes "
        f"WHERE {IN_PROVINCE} ORDER BY province_code, district_code, commune_code, source_id"
    )
    return _to_geoframe(run(con, sql, _province_params(province_code)))


# The coarser map levels as layers shaped like the commune layer (``geo.maps.commune_rows``):
# each unit's code and names in the commune columns, its place in the place columns.
_COARSE_LAYERS = {
    "district": """SELECT district_code AS unit, district_code AS commune_code,
        district_name_en AS commune_name_en, district_name_km AS commune_name_km,
        province_code, '' AS district_name_en, '' AS district_name_km, province_name_en,
        province_name_km, ST_AsWKB(geom_display) AS wkb FROM districts""",
    "province": """SELECT province_code AS unit, province_code AS commune_code,
        province_name_en AS commune_name_en, province_name_km AS commune_name_km,
        province_code, '' AS district_name_en, '' AS district_name_km,
        '' AS province_name_en, '' AS province_name_km, ST_AsWKB(geom_display) AS wkb
        FROM provinces""",
}


def unit_layer(
    con: duckdb.DuckDBPyConnection, level: str, province_code: str | None = None
) -> gpd.GeoDataFrame:
    """The map's units of ``level`` (commune polygons, districts or provinces) with display
    geometry, nationally or in one province, in the order of ``query.cells.unit_cells``:
    ``unit`` (the polygon id or the code), then the commune layer's columns.

    Raises:
        ValueError: if ``level`` is not commune, district or province, or the province code
            is malformed.
    """
    if level == "commune":
        layer = commune_layer(con, province_code)
        layer.insert(0, "unit", layer["source_id"])
        return layer
    if level not in _COARSE_LAYERS:
        raise ValueError(f"level must be commune, district or province, got {level!r}")
    order = "province_code, unit"
    sql = f"SELECT * FROM ({_COARSE_LAYERS[level]}) WHERE {IN_PROVINCE} ORDER BY {order}"
    return _to_geoframe(run(con, sql, _province_params(province_code)))


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
    sql = (
        f"SELECT {BORDER_TABLES[table]} AS code, ST_AsWKB(geom_display) AS wkb "
        f"FROM {table} WHERE {IN_PROVINCE} ORDER BY 1"
    )
    return _to_geoframe(run(con, sql, _province_params(province_code)))


def province_list(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Provinces: code, English and Khmer names, number of commune polygons."""
    sql = (
        "SELECT province_code, province_name_en, province_name_km, n_communes "
        "FROM provinces ORDER BY province_code"
    )
    return run(con, sql, {})


def match_summary(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Number of commune polygons per match method (in both stores)."""
    return run(con, "SELECT * FROM match_summary ORDER BY polygons DESC, match_method", {})


def build_info(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """The build's metadata (time, sources and their checksums, display settings)."""
    return dict(run(con, "SELECT key, value FROM build_info", {}).itertuples(index=False))


def origin_of(info: dict[str, str]) -> str:
    """Whose rows a database holds, from its build info: ``"synthetic"`` (only the demo
    set's), ``"mixed"`` (the demo set's with partners') or ``"partner"``: the flag the ETL
    sets from the rows loaded (``etl.schema.SYNTHETIC_FLAG``), never the wording of a label."""
    flag = info.get(SYNTHETIC_FLAG)
    return {"true": "synthetic", SYNTHETIC_MIXED: "mixed"}.get(flag or "", "partner")


def data_origin(con: duckdb.DuckDBPyConnection) -> str:
    """Whose rows the database holds (``origin_of``)."""
    return origin_of(build_info(con))


def is_synthetic(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the data are wholly the synthetic demo set (no partner row loaded)."""
    return data_origin(con) == "synthetic"


def load_summary(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Per loaded file: kind, file name, rows read, loaded and quarantined."""
    sql = (
        "SELECT kind, file_name, rows_read, rows_loaded, rows_quarantined FROM load_log "
        "ORDER BY kind, file_name"
    )
    return run(con, sql, {})


def quarantine_reasons(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Quarantined rows per file, column, reason code and the code's public parameters (JSON
    text; never a value from the file, see ``etl.reasons``), in both stores."""
    sql = "SELECT * FROM quarantine_summary ORDER BY file_name, rows DESC, code, params"
    return run(con, sql, {})


def load_log(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Per loaded file: kind, file name and when it was loaded, most recent first (the data's
    vintage, in both stores)."""
    sql = "SELECT kind, file_name, loaded_at FROM load_log ORDER BY loaded_at DESC, file_name"
    return run(con, sql, {})
