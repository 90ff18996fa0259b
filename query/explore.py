"""Reads for the Explore page: disruptions against partnership coverage, for one view.

Every function takes the shared filters as a checked ``query.view.Filters`` and binds their
values as named parameters (``Filters.sql_params``; the incidents' condition is the filter
table's, ``filter_table.incidents_where``); nothing from a URL reaches SQL as text.
"""

from __future__ import annotations

import re
from datetime import date

import duckdb
import pandas as pd

from query import filter_table
from query.sql import province_condition, run, run_one
from query.view import Filters, add_months

# A six-digit code or a polygon id, ASCII only, the whole text (no trailing newline).
POLYGON_ID = re.compile(r"[0-9A-Za-z]{6,40}")
STATUSES = ("none", "started", "active")

IN_PROVINCE = province_condition("province_code")


def month_range(con: duckdb.DuckDBPyConnection) -> tuple[date, date] | None:
    """First and last month with incidents, or None when no incident is loaded."""
    row = run_one(con, "SELECT min(month), max(month) FROM incidents_monthly", {})
    return None if row is None or row[0] is None else (row[0], row[1])


# Per commune polygon of the filters' province: names, partnership in the period, denominators
# for rates and public services; the district and province levels sum these up.
_COMMUNE_ATTRIBUTES = f"""
    WITH cover AS (
        SELECT polygon_id, CAST(count(DISTINCT month) AS INTEGER) AS months_covered
        FROM partnership_monthly WHERE month BETWEEN $start AND $end GROUP BY ALL
    ), est AS (
        SELECT province_code, estimate FROM kp_estimates
        WHERE list_contains($rate_pops, CAST(population AS VARCHAR))
        QUALIFY row_number() OVER (PARTITION BY province_code, population
            ORDER BY abs(year - $mid_year), year DESC, source) = 1
    ), est_province AS (
        -- a rate needs an estimate for every population it counts
        SELECT province_code, sum(estimate) AS estimate FROM est GROUP BY ALL
        HAVING count(*) = len($rate_pops)
    ), kp AS (
        SELECT f.polygon_id, e.estimate * f.families / p.families AS kp_size
        FROM commune_families f
        JOIN (SELECT province_code, sum(families) AS families FROM commune_families
              GROUP BY ALL) p USING (province_code)
        JOIN est_province e USING (province_code)
    ), svc AS (
        SELECT polygon_id, CAST(count(*) AS INTEGER) AS public_services
        FROM public_services WHERE opened < $after AND (closed IS NULL OR closed >= $start)
        GROUP BY ALL
    )
    SELECT c.source_id AS polygon_id, c.commune_code, c.commune_name_en, c.commune_name_km,
        c.district_code, c.district_name_en, c.district_name_km, c.province_code,
        c.province_name_en, c.province_name_km,
        coalesce(cover.months_covered, 0) AS months_covered,
        CASE WHEN cover.months_covered IS NULL THEN 'none'
            WHEN cover.months_covered >= $months THEN 'active' ELSE 'started' END AS status,
        p.first_start, coalesce(svc.public_services, 0) AS public_services, kp.kp_size,
        e.estimate AS province_kp_size
    FROM communes c
    LEFT JOIN cover ON cover.polygon_id = c.source_id
    LEFT JOIN (SELECT polygon_id, min(first_start) AS first_start
               FROM partnership_communes GROUP BY ALL) p ON p.polygon_id = c.source_id
    LEFT JOIN svc ON svc.polygon_id = c.source_id
    LEFT JOIN kp ON kp.polygon_id = c.source_id
    LEFT JOIN est_province e ON e.province_code = c.province_code
    WHERE {province_condition("c.province_code")}
"""
# Coarser units: how many of their communes have partnership in the period, and sums.
_COARSE = """
    SELECT {key} AS unit, {names}, CAST(count(*) AS INTEGER) AS n_communes,
        CAST(count(*) FILTER (status <> 'none') AS INTEGER) AS communes_partnered,
        CASE WHEN count(*) FILTER (status <> 'none') = 0 THEN 'none'
            WHEN count(*) FILTER (status <> 'none') = count(*) THEN 'active'
            ELSE 'started' END AS status,
        min(first_start) AS first_start, CAST(sum(public_services) AS INTEGER) AS public_services,
        {kp} AS kp_size
    FROM attributes GROUP BY ALL ORDER BY {order}
"""
_LEVELS = {
    "district": dict(
        key="district_code",
        names="district_code, district_name_en, district_name_km, province_code, "
        "province_name_en, province_name_km",
        kp="sum(kp_size)",
        order="province_code, district_code",
    ),
}
# The province level reads province tables only (the briefing store has no commune row): the
# communes with partnership are the most at once in a month of the period.
_PROVINCES = """
    WITH cover AS (
        SELECT province_code, max(communes_partnered) AS communes_partnered,
            bool_and(communes_partnered = n_communes) AND count(*) = $months AS everywhere
        FROM province_partnership_monthly JOIN provinces USING (province_code)
        WHERE month BETWEEN $start AND $end GROUP BY ALL
    ), est AS (
        SELECT province_code, estimate FROM kp_estimates
        WHERE list_contains($rate_pops, CAST(population AS VARCHAR))
        QUALIFY row_number() OVER (PARTITION BY province_code, population
            ORDER BY abs(year - $mid_year), year DESC, source) = 1
    ), est_province AS (
        SELECT province_code, sum(estimate) AS estimate FROM est GROUP BY ALL
        HAVING count(*) = len($rate_pops)
    ), svc AS (
        SELECT province_code, CAST(count(*) AS INTEGER) AS public_services
        FROM province_services
        WHERE public AND opened < $after AND (closed IS NULL OR closed >= $start) GROUP BY ALL
    )
    SELECT p.province_code AS unit, p.province_code, p.province_name_en, p.province_name_km,
        CAST(p.n_communes AS INTEGER) AS n_communes,
        coalesce(cover.communes_partnered, 0) AS communes_partnered,
        CASE WHEN cover.communes_partnered IS NULL OR cover.communes_partnered = 0 THEN 'none'
            WHEN cover.everywhere THEN 'active' ELSE 'started' END AS status,
        coalesce(svc.public_services, 0) AS public_services, e.estimate AS kp_size
    FROM provinces p LEFT JOIN cover USING (province_code) LEFT JOIN svc USING (province_code)
    LEFT JOIN est_province e USING (province_code)
    WHERE {province}
    ORDER BY p.province_code
"""


def unit_view(
    con: duckdb.DuckDBPyConnection, view: Filters, level: str, rate_pops: tuple[str, ...]
) -> pd.DataFrame:
    """Per unit of ``level`` (commune polygons, districts or provinces, in the view's province):
    names, partnership in the period, public services, and ``kp_size``, the estimated number
    of people of ``rate_pops`` (the year nearest the period; NULL where the province lacks an
    estimate for one of them): a province's estimate, shared among its communes by their
    number of families in 2011 and summed by district. No incident count: those are published
    by ``query.published``.

    Commune rows have ``unit`` (the polygon id), codes and names, ``months_covered`` (months of
    the period with a partnership activity running) and ``status`` (``none``; ``active`` in
    every month; ``started``: in some of them). District and province rows have ``unit`` (the
    code), names, ``n_communes``, ``communes_partnered`` and ``status`` (``none``, ``started``:
    some communes, ``active``: all; a province counts the most communes with partnership at
    once in a month, from province tables only). All rows have ``public_services`` and
    ``kp_size``; commune and district rows ``first_start``.

    Raises:
        ValueError: if ``level`` is not commune, district or province.
    """
    params = {**_period_params(view), "rate_pops": list(rate_pops) or ["-"]}
    if level == "commune":
        sql = f"""SELECT polygon_id AS unit, * EXCLUDE (province_kp_size)
            FROM ({_COMMUNE_ATTRIBUTES})
            ORDER BY province_code, district_code, commune_code, polygon_id"""
        return run(con, sql, params)
    if level == "province":
        return run(con, _PROVINCES.format(province=province_condition("p.province_code")), params)
    if level not in _LEVELS:
        raise ValueError(f"level must be commune, district or province, got {level!r}")
    sql = f"WITH attributes AS ({_COMMUNE_ATTRIBUTES}) " + _COARSE.format(**_LEVELS[level])
    return run(con, sql, params)


def _period_params(view: Filters) -> dict[str, object]:
    """The filters' parameters and the period's derived ones: ``$after`` (the first day after
    the period), ``$months`` (its length) and ``$mid_year`` (for the nearest estimate)."""
    return {
        **view.sql_params(),
        "after": add_months(view.end, 1),
        "months": view.months,
        "mid_year": (view.start.year + view.end.year) / 2,
    }


def view_total(con: duckdb.DuckDBPyConnection, view: Filters) -> int:
    """All incidents of the view (mapped or not), counted straight from the aggregate: the
    tests' independent check of what ``query.cells`` adds up. Never shown."""
    sql = (
        "SELECT coalesce(sum(incidents), 0) FROM incidents_monthly "
        f"WHERE {filter_table.incidents_where()}"
    )
    return int(run_one(con, sql, view.sql_params())[0])


def partnership_start(con: duckdb.DuckDBPyConnection, province: str) -> date | None:
    """The first month a commune of ``province`` had a partnership activity running (None
    when none has); province tables only, so it works on both files."""
    sql = """SELECT min(month) FROM province_partnership_monthly
        WHERE province_code = $province AND communes_partnered > 0"""
    row = run_one(con, sql, {"province": province})
    return None if row is None or row[0] is None else row[0]


def find_polygon(con: duckdb.DuckDBPyConnection, key: str) -> str | None:
    """The polygon of a commune, given its official code or polygon id; None if there is none.

    Raises:
        ValueError: if ``key`` is neither a six-digit code nor a polygon id.
    """
    if not isinstance(key, str) or not POLYGON_ID.fullmatch(key):
        raise ValueError(f"a commune is a six-digit code or a polygon id, got {key!r}")
    sql = "SELECT source_id FROM communes WHERE commune_code = $key OR source_id = $key LIMIT 1"
    row = run_one(con, sql, {"key": key})
    return None if row is None else row[0]


def commune_profile(con: duckdb.DuckDBPyConnection, polygon_id: str) -> dict:
    """Names, codes and place of one commune polygon.

    Raises:
        LookupError: if there is no such polygon.
    """
    sql = """SELECT source_id AS polygon_id, commune_code, commune_name_en, commune_name_km,
            district_code, district_name_en, district_name_km, province_code, province_name_en,
            province_name_km, area_km2 FROM communes WHERE source_id = $polygon"""
    frame = run(con, sql, {"polygon": polygon_id})
    if frame.empty:
        raise LookupError(f"no commune polygon {polygon_id!r}")
    return frame.iloc[0].to_dict()


def commune_partnership(con: duckdb.DuckDBPyConnection, polygon_id: str) -> pd.DataFrame:
    """The partnership activities recorded in one commune polygon, oldest first."""
    sql = """
        SELECT CAST(programme AS VARCHAR) AS programme, CAST(activity AS VARCHAR) AS activity,
            start_date, end_date, participants, partner
        FROM partnership WHERE polygon_id = $polygon ORDER BY start_date, activity
    """
    return run(con, sql, {"polygon": polygon_id})


def services_around(con: duckdb.DuckDBPyConnection, polygon_id: str) -> pd.DataFrame:
    """Services in one commune polygon and in the communes that touch it.

    Public services are listed with their commune; services not marked public are only
    counted per type across the whole area, with no commune, name or date (those are NULL).
    """
    sql = """
        WITH around AS (
            SELECT $polygon AS source_id, true AS is_selected
            UNION ALL
            SELECT neighbour_id, false FROM commune_neighbours WHERE polygon_id = $polygon
        )
        SELECT CASE WHEN s.public THEN a.is_selected END AS is_selected,
            CASE WHEN s.public THEN c.commune_name_en END AS commune_name_en,
            CASE WHEN s.public THEN c.commune_name_km END AS commune_name_km,
            CAST(s.service_type AS VARCHAR) AS service_type,
            CASE WHEN s.public THEN s.operator END AS operator,
            CASE WHEN s.public THEN s.opened END AS opened,
            CASE WHEN s.public THEN s.closed END AS closed,
            s.public, CAST(count(*) AS INTEGER) AS services
        FROM around a JOIN communes c ON c.source_id = a.source_id
        JOIN services s ON s.polygon_id = a.source_id
        GROUP BY ALL ORDER BY s.public DESC, 1 DESC, 2, 4
    """
    return run(con, sql, {"polygon": polygon_id})


def public_service_points(con: duckdb.DuckDBPyConnection, view: Filters) -> pd.DataFrame:
    """Public services open at some time in the period, with their published coordinates."""
    sql = f"""
        SELECT service_id, operator, CAST(service_type AS VARCHAR) AS service_type,
            opened, closed, commune_code, province_code, lon, lat
        FROM public_services WHERE opened < $after AND (closed IS NULL OR closed >= $start)
        AND {IN_PROVINCE} ORDER BY service_id
    """
    return run(con, sql, _period_params(view))
