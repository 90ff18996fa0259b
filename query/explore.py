"""Reads for the Explore page: disruptions against partnership coverage, for one view.

Every function takes the shared filters as a checked ``query.view.Filters`` and binds their
values as named parameters (``Filters.sql_params``); nothing from a URL reaches SQL as text.
"""

from __future__ import annotations

import re
from datetime import date

import duckdb
import pandas as pd

from query.sql import province_condition, run, run_one
from query.view import Filters, add_months

# A six-digit code or a polygon id, ASCII only, the whole text (no trailing newline).
POLYGON_ID = re.compile(r"[0-9A-Za-z]{6,40}")
STATUSES = ("none", "started", "active")

# The incidents_monthly rows of the filters (with or without their province).
FILTER = """month BETWEEN $start AND $end
    AND list_contains($types, CAST(incident_type AS VARCHAR))
    AND list_contains($pops, CAST(population AS VARCHAR))
    AND list_contains($actors, CAST(actor AS VARCHAR))"""
IN_PROVINCE = province_condition("province_code")


def month_range(con: duckdb.DuckDBPyConnection) -> tuple[date, date] | None:
    """First and last month with incidents, or None when no incident is loaded."""
    row = run_one(con, "SELECT min(month), max(month) FROM incidents_monthly", {})
    return None if row is None or row[0] is None else (row[0], row[1])


def commune_view(con: duckdb.DuckDBPyConnection, view: Filters) -> pd.DataFrame:
    """Per commune polygon of the view: names, incidents in the period and partnership coverage.

    Columns: ``polygon_id``, codes and names, ``incidents``, ``months_covered`` (months of the
    period with a partnership activity running), ``status`` (``none``; ``active`` in every
    month of the period; ``started``: in some of them, as when it starts during the period),
    ``first_start``, ``public_services``, and for rates
    ``kp_incidents`` (incidents among the populations that have a size estimate in the
    province) and ``kp_size`` (those estimates, for the year nearest the period, shared among
    the province's communes by their number of families in 2011; NULL without either).
    """
    sql = f"""
        WITH inc AS (
            SELECT polygon_id, CAST(sum(incidents) AS INTEGER) AS incidents
            FROM incidents_monthly WHERE {FILTER} GROUP BY ALL
        ), cover AS (
            SELECT polygon_id, CAST(count(DISTINCT month) AS INTEGER) AS months_covered
            FROM partnership_monthly WHERE month BETWEEN $start AND $end GROUP BY ALL
        ), est AS (
            SELECT province_code, CAST(population AS VARCHAR) AS est_population, estimate
            FROM kp_estimates WHERE list_contains($pops, CAST(population AS VARCHAR))
            QUALIFY row_number() OVER (PARTITION BY province_code, population
                ORDER BY abs(year - $mid_year), year DESC, source) = 1
        ), kp AS (
            SELECT f.polygon_id, sum(e.estimate * f.families / p.families) AS kp_size
            FROM commune_families f
            JOIN (SELECT province_code, sum(families) AS families FROM commune_families
                  GROUP BY ALL) p USING (province_code)
            JOIN est e USING (province_code) GROUP BY ALL
        ), kp_inc AS (
            SELECT m.polygon_id, CAST(sum(m.incidents) AS INTEGER) AS kp_incidents
            FROM incidents_monthly m JOIN est e ON e.province_code = m.province_code
                AND e.est_population = CAST(m.population AS VARCHAR)
            WHERE {FILTER} GROUP BY ALL
        ), svc AS (
            SELECT polygon_id, CAST(count(*) AS INTEGER) AS public_services
            FROM public_services WHERE opened < $after AND (closed IS NULL OR closed >= $start)
            GROUP BY ALL
        )
        SELECT c.source_id AS polygon_id, c.commune_code, c.commune_name_en, c.commune_name_km,
            c.district_name_en, c.district_name_km, c.province_code, c.province_name_en,
            c.province_name_km, coalesce(inc.incidents, 0) AS incidents,
            coalesce(cover.months_covered, 0) AS months_covered,
            CASE WHEN cover.months_covered IS NULL THEN 'none'
                WHEN cover.months_covered >= $months THEN 'active' ELSE 'started' END AS status,
            p.first_start, coalesce(svc.public_services, 0) AS public_services,
            kp.kp_size, coalesce(kp_inc.kp_incidents, 0) AS kp_incidents
        FROM communes c
        LEFT JOIN inc ON inc.polygon_id = c.source_id
        LEFT JOIN cover ON cover.polygon_id = c.source_id
        LEFT JOIN (SELECT polygon_id, min(first_start) AS first_start
                   FROM partnership_communes GROUP BY ALL) p ON p.polygon_id = c.source_id
        LEFT JOIN svc ON svc.polygon_id = c.source_id
        LEFT JOIN kp ON kp.polygon_id = c.source_id
        LEFT JOIN kp_inc ON kp_inc.polygon_id = c.source_id
        WHERE {province_condition("c.province_code")}
        ORDER BY c.province_code, c.district_code, c.commune_code, c.source_id
    """
    return run(con, sql, _period_params(view))


def _period_params(view: Filters) -> dict[str, object]:
    """The filters' parameters and the period's derived ones: ``$after`` (the first day after
    the period), ``$months`` (its length) and ``$mid_year`` (for the nearest estimate)."""
    return {
        **view.sql_params(),
        "after": add_months(view.end, 1),
        "months": view.months,
        "mid_year": (view.start.year + view.end.year) / 2,
    }


def unmapped_incidents(con: duckdb.DuckDBPyConnection, view: Filters) -> pd.DataFrame:
    """Incidents of the view placed in an official commune that has no 2014 polygon, per
    province (they count in totals but cannot be drawn)."""
    sql = f"""
        SELECT province_code, CAST(sum(incidents) AS INTEGER) AS incidents
        FROM incidents_monthly WHERE polygon_id IS NULL AND {FILTER} AND {IN_PROVINCE}
        GROUP BY ALL ORDER BY 1
    """
    return run(con, sql, view.sql_params())


def view_total(con: duckdb.DuckDBPyConnection, view: Filters) -> int:
    """All incidents of the view (mapped or not), counted straight from the aggregate: the
    tests' check of the totals the page adds up from ``commune_view`` and
    ``unmapped_incidents``."""
    sql = (
        "SELECT coalesce(sum(incidents), 0) FROM incidents_monthly "
        f"WHERE {FILTER} AND {IN_PROVINCE}"
    )
    return int(run_one(con, sql, view.sql_params())[0])


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
            district_name_en, district_name_km, province_code, province_name_en,
            province_name_km, area_km2 FROM communes WHERE source_id = $polygon"""
    frame = run(con, sql, {"polygon": polygon_id})
    if frame.empty:
        raise LookupError(f"no commune polygon {polygon_id!r}")
    return frame.iloc[0].to_dict()


def commune_months(
    con: duckdb.DuckDBPyConnection, polygon_id: str, view: Filters, first: date, last: date
) -> pd.DataFrame:
    """Monthly incidents by type in one commune from ``first`` to ``last``, with the view's
    type, population and actor filters (the period only marks which months are in view)."""
    sql = f"""
        SELECT month, CAST(incident_type AS VARCHAR) AS incident_type,
            CAST(sum(incidents) AS INTEGER) AS incidents
        FROM incidents_monthly WHERE polygon_id = $polygon AND {FILTER}
        GROUP BY ALL ORDER BY month, incident_type
    """
    params = {**view.sql_params(), "polygon": polygon_id, "start": first, "end": last}
    return run(con, sql, params)


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
