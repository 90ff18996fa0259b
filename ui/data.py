"""Cached access to the atlas database for the pages (two tiers, as style.md asks).

``st.cache_resource`` holds one read-only connection per database version (a rebuild or an
ingest replaces the file: the next page run opens the new version, and the oldest connection is
closed once two newer ones exist); ``st.cache_data`` holds query results per version. The
query layer's functions are wrapped by ``cached_read``, which keeps their signatures: a page
calls ``data.commune_view(filters)`` and gets the type ``query.explore.commune_view`` returns.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar
from urllib.parse import urlparse

import duckdb
import streamlit as st

import access
import config
import query
from etl.schema import briefing_store_path
from geo.maps import OSM_TILES, CommuneRows, commune_rows
from i18n import t
from query import explore, published
from query import ranking as ranking_query

P = ParamSpec("P")
R = TypeVar("R")
Connection = duckdb.DuckDBPyConnection
#: Connections kept open: the current version and the one before (a page run that started
#: just before a rebuild may still read it).
VERSIONS_KEPT = 2


#: Session key of the store this session reads (set by the router from the visitor's role).
STORE_KEY = "_store"


def use_store_of(role: str) -> None:
    """Read the briefing store when the access rule lets ``role`` read nothing finer than
    provinces (``access.reads_briefing_store``: the briefing audience), the full database
    otherwise (called by the router on every run, before anything is read)."""
    st.session_state[STORE_KEY] = "briefing" if access.reads_briefing_store(role) else "atlas"


def db_path() -> Path:
    """The database this session reads: ``ATLAS_DB_PATH``, or its briefing store (province
    tables only) for the briefing audience, so that a page cannot show them what is not there."""
    path = config.get_path("ATLAS_DB_PATH")
    if st.session_state.get(STORE_KEY) == "briefing":
        return briefing_store_path(path)
    return path


def reads_briefing_store() -> bool:
    """True when this session reads the briefing store (no commune table in it)."""
    return st.session_state.get(STORE_KEY) == "briefing"


def _version(path: Path) -> str:
    """The file's identity: inode and modification time (a replaced file has a new inode)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return "missing"
    return f"{info.st_ino}-{info.st_mtime_ns}"


def version() -> str:
    """The database file's version, for caches of results computed from the database outside
    this module ("missing" when there is no file)."""
    return _version(db_path())


def _close(con: Connection) -> None:
    con.close()


@st.cache_resource(show_spinner=False, max_entries=VERSIONS_KEPT, on_release=_close)
def _connection(path: str, version: str) -> Connection:
    return query.open_database(Path(path))


def connection() -> Connection:
    """The read-only connection of the database file as it is now.

    Shows the project's own message and stops the page when the database is missing.
    """
    path = db_path()
    try:
        return _connection(str(path), _version(path))
    except query.DatabaseMissingError as exc:
        st.error(str(exc))
        st.stop()
        raise  # unreachable: st.stop() ends the script run


def cached_read(fn: Callable[Concatenate[Connection, P], R]) -> Callable[P, R]:
    """A query-layer function ``fn(con, *args)`` as a page calls it: ``read(*args)``, on the
    current database, its result cached per database version and arguments (which must be
    hashable by Streamlit: values, tuples, frozen dataclasses).

    Callers must not mutate the result. A missing database shows the project's message and
    stops the page (see ``connection``).
    """

    def call(_con: Connection, path: str, version: str, *args: object) -> R:
        return fn(_con, *args)

    # Streamlit keys a cache by the function's module, name and source: each read its own.
    call.__module__, call.__qualname__ = fn.__module__, fn.__qualname__
    cached = st.cache_data(show_spinner=False, max_entries=256)(call)

    def read(*args: P.args, **kwargs: P.kwargs) -> R:
        if kwargs:
            raise TypeError(f"{fn.__qualname__}: pass arguments by position")
        con = connection()
        path = db_path()
        return cached(con, str(path), _version(path), *args)

    read.__name__, read.__qualname__, read.__doc__ = fn.__name__, fn.__qualname__, fn.__doc__
    return read


# The reads the pages may make, one per query-layer function.
commune_layer = cached_read(query.commune_layer)
unit_layer = cached_read(query.unit_layer)
border_layer = cached_read(query.border_layer)
province_list = cached_read(query.province_list)
match_summary = cached_read(query.match_summary)
build_info = cached_read(query.build_info)
load_summary = cached_read(query.load_summary)
quarantine_reasons = cached_read(query.quarantine_reasons)
month_range = cached_read(explore.month_range)
find_polygon = cached_read(explore.find_polygon)
partnership_start = cached_read(explore.partnership_start)
commune_profile = cached_read(explore.commune_profile)
commune_partnership = cached_read(explore.commune_partnership)
services_around = cached_read(explore.services_around)
public_service_points = cached_read(explore.public_service_points)
# Incident numbers: only ever through the protection layer.
published_units = cached_read(published.units)
published_summary = cached_read(published.summary)
published_years = cached_read(published.year_series)
published_windows = cached_read(published.window_series)
# The ranking page (province tables only: it works on the briefing store).
ranking_inputs = cached_read(ranking_query.province_inputs)
ranking_windows = cached_read(ranking_query.ranking_windows)
academies = cached_read(ranking_query.academies)
evaluation_headline = cached_read(ranking_query.evaluation_headline)
load_log = cached_read(query.load_log)


def _encoded_units(
    _con: Connection, path: str, version: str, level: str, province: str | None, precision: int
) -> CommuneRows:
    layer = query.unit_layer(_con, level, province)
    table = {"commune": "districts" if province else "provinces", "district": "provinces"}
    borders = None
    if level in table and not (level == "district" and province):
        borders = query.border_layer(_con, table[level], province).geometry
    return commune_rows(layer, precision, borders)


_encoded_units_cached = st.cache_data(show_spinner=False, max_entries=64)(_encoded_units)


def units_encoded(level: str, province: str | None) -> CommuneRows:
    """The fixed part of the map payload of ``unit_layer(level, province)``: names, places and
    the polygons' topology, with the borders drawn over them in it (district borders over a
    province's communes, province borders over the country's communes or districts),
    computed once per database version."""
    path = db_path()
    precision = config.get_int("ATLAS_COORD_PRECISION")
    con = connection()
    return _encoded_units_cached(con, str(path), _version(path), level, province, precision)


def data_origin() -> str:
    """Whose rows the database holds: "synthetic" (only the demo set's), "mixed" (the demo
    set's with partners') or "partner" (``query.origin_of``: the flag the ETL sets from the
    rows, never the wording of a label)."""
    if not db_path().exists():
        return "partner"
    return query.origin_of(build_info())


def is_synthetic() -> bool:
    """True when the data are wholly the synthetic demo set (no partner row loaded)."""
    return data_origin() == "synthetic"


def synthetic_label(lang: str) -> str | None:
    """What the pages say over data holding the demo set's rows, in ``lang``: the synthetic
    label, the mixed one, or None for partner data only."""
    key = {"synthetic": "synthetic", "mixed": "synthetic_mixed"}.get(data_origin())
    return t(key, lang) if key else None


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
