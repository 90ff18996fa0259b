"""Cached access to the atlas database for the pages (two tiers, as style.md asks)."""

from __future__ import annotations

import socket
from pathlib import Path
from urllib.parse import urlparse

import duckdb
import geopandas as gpd
import pandas as pd
import streamlit as st

import config
import query
from geo.maps import OSM_TILES


def db_path() -> Path:
    """The configured database path."""
    return config.get_path("ATLAS_DB_PATH")


def _version(path: Path) -> float:
    return path.stat().st_mtime if path.exists() else 0.0


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


@st.cache_data(show_spinner=False)
def _communes(path: str, version: float, province: str | None) -> gpd.GeoDataFrame:
    return query.commune_layer(_connection(path, version), province)


@st.cache_data(show_spinner=False)
def _borders(path: str, version: float, table: str, province: str | None) -> gpd.GeoDataFrame:
    return query.border_layer(_connection(path, version), table, province)


@st.cache_data(show_spinner=False)
def _provinces(path: str, version: float) -> pd.DataFrame:
    return query.province_list(_connection(path, version))


def communes(province: str | None) -> gpd.GeoDataFrame:
    """Commune layer (display geometry), nationally or for one province."""
    connection()
    path = db_path()
    return _communes(str(path), _version(path), province)


def borders(table: str, province: str | None) -> gpd.GeoDataFrame:
    """District or province outlines."""
    connection()
    path = db_path()
    return _borders(str(path), _version(path), table, province)


def provinces() -> pd.DataFrame:
    """Province codes and names."""
    connection()
    path = db_path()
    return _provinces(str(path), _version(path))


@st.cache_data(show_spinner=False)
def _info(path: str, version: float) -> dict[str, str]:
    return query.build_info(_connection(path, version))


def is_synthetic() -> bool:
    """True when the loaded partner data is the synthetic demo set (it must say so on screen)."""
    path = db_path()
    if not path.exists():
        return False
    connection()
    return _info(str(path), _version(path)).get("partner_data") == "synthetic demonstration data"


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
