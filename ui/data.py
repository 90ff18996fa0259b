"""Cached access to the atlas database for the pages (two tiers, as style.md asks)."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlparse

import duckdb
import geopandas as gpd
import pandas as pd
import streamlit as st

import config
import query
from etl.schema import SYNTHETIC_FLAG
from geo.maps import OSM_TILES, CommuneRows, commune_rows
from query import explore


def db_path() -> Path:
    """The configured database path."""
    return config.get_path("ATLAS_DB_PATH")


def _version(path: Path) -> float:
    return path.stat().st_mtime if path.exists() else 0.0


def version() -> float:
    """The database file's version (its modification time; 0 when missing), for caches of
    results computed from the database outside this module."""
    return _version(db_path())


@st.cache_resource(show_spinner=False)
def _connection(path: str, version: float) -> duckdb.DuckDBPyConnection:
    return query.open_database(Path(path))


def connection() -> duckdb.DuckDBPyConnection:
    """One read-only connection per database file version (a rebuild opens a new one).

    Shows the project's own message and stops the page when the database is missing.
    """
    path = db_path()
    try:
        return _connection(str(path), _version(path))
    except query.DatabaseMissingError as exc:
        st.error(str(exc))
        st.stop()
        raise  # unreachable: st.stop() ends the script run


# The query-layer functions the pages may call; results are cached per database version.
QUERIES = frozenset(
    {
        "commune_layer",
        "border_layer",
        "province_list",
        "match_summary",
        "build_info",
        "load_summary",
        "quarantine_reasons",
        "explore.month_range",
        "explore.commune_view",
        "explore.unmapped_incidents",
        "explore.find_polygon",
        "explore.commune_profile",
        "explore.commune_months",
        "explore.commune_partnership",
        "explore.services_around",
        "explore.public_service_points",
    }
)


def _function(name: str) -> Callable:
    module, _, function = name.rpartition(".")
    return getattr(explore if module == "explore" else query, function)


@st.cache_data(show_spinner=False, max_entries=256)
def _cached(path: str, version: float, name: str, args: tuple) -> object:
    return _function(name)(_connection(path, version), *args)


def run(name: str, *args: object) -> object:
    """The result of ``query.<name>(connection, *args)`` (``explore.<f>`` names a function of
    ``query.explore``), cached until the database changes.

    Callers must not mutate the result. Shows the project's own message and stops the page
    when the database is missing.

    Raises:
        KeyError: if ``name`` is not one of ``QUERIES`` (a programming error).
    """
    if name not in QUERIES:
        raise KeyError(f"{name} is not a query the pages may run")
    return _cached(*_checked_version(), name, args)


def _checked_version() -> tuple[str, float]:
    """The database path and version, once ``connection()`` has checked the file is there."""
    connection()
    path = db_path()
    return str(path), _version(path)


def communes(province: str | None) -> gpd.GeoDataFrame:
    """Commune layer (display geometry), nationally or for one province."""
    return run("commune_layer", province)


def borders(table: str, province: str | None) -> gpd.GeoDataFrame:
    """District or province outlines."""
    return run("border_layer", table, province)


@st.cache_data(show_spinner=False, max_entries=64)
def _commune_rows(path: str, version: float, province: str | None, precision: int) -> CommuneRows:
    layer = _cached(path, version, "commune_layer", (province,))
    table = "districts" if province else "provinces"
    borders = _cached(path, version, "border_layer", (table, province)).geometry
    return commune_rows(layer, precision, borders)


def communes_encoded(province: str | None) -> CommuneRows:
    """The fixed part of the map payload of ``communes(province)``: names, places and the
    polygons' topology, with the district borders of a province or the province borders of
    the country in it (computed once per database version)."""
    return _commune_rows(*_checked_version(), province, config.get_int("ATLAS_COORD_PRECISION"))


def provinces() -> pd.DataFrame:
    """Province codes and names."""
    return run("province_list")


def is_synthetic() -> bool:
    """True when the loaded partner data is the synthetic demo set (it must say so on screen)."""
    if not db_path().exists():
        return False
    return run("build_info").get(SYNTHETIC_FLAG) == "true"


@st.cache_data(ttl=600, show_spinner=False)
def _reachable(host: str, port: int, timeout: float) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def tiles_url() -> str | None:
    """The basemap tile URL to use, or None for a plain background (``ATLAS_TILES``)."""
    setting = config.get("ATLAS_TILES").strip()
    if setting.lower() == "off":
        return None
    url = OSM_TILES if setting.lower() == "auto" else setting
    host = urlparse(url.replace("{s}", "a")).hostname
    if setting.lower() == "auto" and not _reachable(host or "", 443, 1.5):
        return None
    return url
