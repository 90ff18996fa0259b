"""Cached access to the atlas database and its published products for the pages (two tiers,
as style.md asks).

``st.cache_resource`` holds one read-only connection per file version (a rebuild, an ingest or
a publish replaces the file: the next page run opens the new version, and the oldest
connection of a file is closed once newer ones exist); ``st.cache_data`` holds query results
per version. The query layer's functions are wrapped by ``cached_read``, which keeps their
signatures: a page calls ``data.commune_view(filters)`` and gets the type
``query.explore.commune_view`` returns.

Three files: the facts (``ATLAS_DB_PATH``, or the briefing store for the briefing audience),
the briefing store (province level: the ranking page reads it whoever reads, so that what it
shows comes from one build), and the products file (the evaluation page's first view). Each
product carries the build id of the facts it was made from (``facts_stamp``).
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar
from urllib.parse import urlparse

import duckdb
import pandas as pd
import streamlit as st

import access
import config
import query
from etl.schema import briefing_store_path, products_path
from geo.maps import OSM_TILES, CommuneRows, commune_rows
from i18n import t
from publish import ranking as ranking_products
from publish.evaluation_default import DefaultEvaluation, read_default
from query import explore, published
from query import products as products_query
from query import ranking as ranking_query

P = ParamSpec("P")
R = TypeVar("R")
Connection = duckdb.DuckDBPyConnection
#: Connections kept open per file: the current version and the one before (a page run that
#: started just before a rebuild may still read it), for each of the three files.
VERSIONS_KEPT = 2
FILES_READ = 3


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


def store_path() -> Path:
    """The briefing store beside ``ATLAS_DB_PATH``, whoever reads (the ranking page's file)."""
    return briefing_store_path(config.get_path("ATLAS_DB_PATH"))


def products_file() -> Path:
    """The products file beside ``ATLAS_DB_PATH`` (analysts' products)."""
    return products_path(config.get_path("ATLAS_DB_PATH"))


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


def version(path: Path | None = None) -> str:
    """The version of the file ``path`` (default: this session's database), for caches of
    results computed from it outside this module ("missing" when there is no file)."""
    return _version(path or db_path())


def file_key() -> tuple[str, str]:
    """This session's database file and its version: the start of the key of any result
    kept for every session outside this module (a map, a table), so a rebuild or the briefing
    store is never served another file's result."""
    path = db_path()
    return str(path), _version(path)


def _close(con: Connection) -> None:
    con.close()


@st.cache_resource(show_spinner=False, max_entries=VERSIONS_KEPT * FILES_READ, on_release=_close)
def _connection(path: str, version: str) -> Connection:
    return query.open_database(Path(path))


def connection(path: Path | None = None) -> Connection:
    """The read-only connection of the database file (``path``, default ``db_path()``) as it
    is now.

    Shows the project's own message and stops the page when the database is missing.
    """
    path = path or db_path()
    try:
        return _connection(str(path), _version(path))
    except query.DatabaseMissingError as exc:
        st.error(str(exc))
        st.stop()
        raise  # unreachable: st.stop() ends the script run


def cached_read(
    fn: Callable[Concatenate[Connection, P], R], where: Callable[[], Path] = db_path
) -> Callable[P, R]:
    """A query-layer function ``fn(con, *args)`` as a page calls it: ``read(*args)``, on the
    current version of the file ``where()`` names (default: this session's database), its
    result cached per file version and arguments (which must be hashable by Streamlit:
    values, tuples, frozen dataclasses).

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
        path = where()
        con = connection(path)
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
# The ranking page: the briefing store whoever reads (province tables only, one build), its
# products there (``publish.ranking``) or, when the store lacks them, computed on it.
ranking_inputs = cached_read(ranking_products.stored_inputs, store_path)
ranking_windows = cached_read(ranking_products.stored_windows, store_path)
default_ranking = cached_read(ranking_products.stored_default, store_path)
academies = cached_read(ranking_query.academies, store_path)
evaluation_headline = cached_read(ranking_query.evaluation_headline, store_path)
store_province_list = cached_read(query.province_list, store_path)
store_unit_layer = cached_read(query.unit_layer, store_path)
store_build_info = cached_read(query.build_info, store_path)
store_load_log = cached_read(query.load_log, store_path)
store_stamp = cached_read(products_query.stamp, store_path)
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


def units_encoded(
    level: str, province: str | None, where: Callable[[], Path] = db_path
) -> CommuneRows:
    """The fixed part of the map payload of ``unit_layer(level, province)``: names, places and
    the polygons' topology, with the borders drawn over them in it (district borders over a
    province's communes, province borders over the country's communes or districts),
    computed once per version of the file ``where()`` names (default: this session's)."""
    path = where()
    precision = config.get_int("ATLAS_COORD_PRECISION")
    con = connection(path)
    return _encoded_units_cached(con, str(path), _version(path), level, province, precision)


def data_origin() -> str:
    """Whose rows the pages may show: "synthetic" (only the demo set's), "mixed" (the demo
    set's with partners') or "partner" (``query.origin_of``: the flag the ETL sets from the
    rows, never the wording of a label). The facts and the briefing store (the ranking's
    products, made by the last publish) are read together: when one holds the demo set and
    the other partner rows (a demo build after a partner build whose products are not made
    again yet), the pages say "mixed", never "synthetic" over real rows."""
    origins = set()
    if db_path().exists():
        origins.add(query.origin_of(build_info()))
    if store_path().exists():
        origins.add(store_origin())
    if not origins:
        return "partner"
    return origins.pop() if len(origins) == 1 else "mixed"


def is_synthetic() -> bool:
    """True when the data are wholly the synthetic demo set (no partner row loaded in the
    facts nor in the products: ``data_origin``)."""
    return data_origin() == "synthetic"


def synthetic_label(lang: str) -> str | None:
    """What the pages say over data holding the demo set's rows, in ``lang``: the synthetic
    label, the mixed one, or None for partner data only."""
    key = {"synthetic": "synthetic", "mixed": "synthetic_mixed"}.get(data_origin())
    return t(key, lang) if key else None


def store_origin() -> str:
    """``data_origin`` of the briefing store (the ranking page's file)."""
    return query.origin_of(store_build_info())


@st.cache_data(show_spinner=False, max_entries=8)
def _facts_stamp(path: str, version: str) -> products_query.Stamp | None:
    return products_query.facts_stamp(Path(path))


def facts_stamp() -> products_query.Stamp | None:
    """The build of the facts now (``ATLAS_DB_PATH``, whoever reads: its build id and when it
    was written, nothing else), None without a database; cached per facts file version."""
    path = config.get_path("ATLAS_DB_PATH")
    return _facts_stamp(str(path), _version(path))


@st.cache_data(show_spinner=False, max_entries=8)
def _products(path: str, version: str) -> tuple[pd.DataFrame, DefaultEvaluation | None]:
    try:
        con = products_query.open_file(Path(path))
    except products_query.ProductsMissingError:
        return products_query.empty_records(), None
    try:
        row = products_query.product_table(con, "evaluation_default")
        series = products_query.product_table(con, "evaluation_series")
        return products_query.records(con), None if row is None else read_default(row, series)
    finally:
        con.close()


def product_records() -> pd.DataFrame:
    """The products file's records (``query.products.records``; empty before any publish),
    cached per products file version."""
    path = products_file()
    return _products(str(path), _version(path))[0]


def default_evaluation() -> tuple[DefaultEvaluation | None, products_query.Stamp | None]:
    """The evaluation page's first view as published, and the build it was made from (None,
    None before it is published or when it failed); cached per products file version."""
    path = products_file()
    records, view = _products(str(path), _version(path))
    made = records[(records["name"] == "evaluation_default") & (records["status"] == "made")]
    if view is None or made.empty:
        return None, None
    row = made.iloc[0]
    return view, products_query.Stamp(row["build_id"], row["facts_written_at"])


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
