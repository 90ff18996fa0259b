"""Reads for the Explore page: disruptions against partnership coverage, for one view.

A *view* is a period of whole months, optional lists of incident types, populations and
actors, and an optional province. Every function takes the view as a checked ``View`` and
binds its values as parameters; nothing from a URL reaches SQL as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

import duckdb
import pandas as pd

from vocabulary import ACTORS, INCIDENT_TYPES, POPULATIONS

POLYGON_ID = re.compile(r"^[0-9A-Za-z]{6,40}$")
STATUSES = ("none", "started", "active")


@dataclass(frozen=True)
class View:
    """What the user looks at. An empty tuple means "all"; months are first days of months."""

    start: date
    end: date
    incident_types: tuple[str, ...] = ()
    populations: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    province: str | None = None

    def __post_init__(self) -> None:
        """Refuse a view that cannot be queried.

        Raises:
            ValueError: if a month is not a first day, the period is reversed, a value is not
                in its allow-list or the province is not two digits.
        """
        for month in (self.start, self.end):
            if not isinstance(month, date) or month.day != 1:
                raise ValueError(f"a month is the first day of a month, got {month!r}")
        if self.start > self.end:
            raise ValueError(f"the period starts ({self.start}) after it ends ({self.end})")
        for values, allowed in (
            (self.incident_types, INCIDENT_TYPES),
            (self.populations, POPULATIONS),
            (self.actors, ACTORS),
        ):
            unknown = set(values) - set(allowed)
            if unknown:
                raise ValueError(f"unknown values {sorted(unknown)}; expected some of {allowed}")
        if self.province is not None and not re.fullmatch(r"\d{2}", self.province):
            raise ValueError(f"a province code is two digits, got {self.province!r}")

    @property
    def months(self) -> int:
        """Number of months in the period."""
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    def previous(self) -> View:
        """The period of the same length just before this one, with the same filters."""
        return replace(self, start=add_months(self.start, -self.months),
                       end=add_months(self.start, -1))  # fmt: skip

    def lists(self) -> list[list[str]]:
        """The incident types, populations and actors asked for (all of a kind when none is)."""
        return [
            list(self.incident_types or INCIDENT_TYPES),
            list(self.populations or POPULATIONS),
            list(self.actors or ACTORS),
        ]

    def params(self) -> list:
        """The bound parameters of ``FILTER`` (in order)."""
        return [self.start, self.end, *self.lists()]


def add_months(month: date, n: int) -> date:
    """The first day of the month ``n`` months after ``month`` (before, if negative)."""
    index = month.year * 12 + month.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


# The incidents_monthly rows of a view (the province is applied on the commune side).
FILTER = """month BETWEEN ? AND ?
    AND list_contains(?, CAST(incident_type AS VARCHAR))
    AND list_contains(?, CAST(population AS VARCHAR))
    AND list_contains(?, CAST(actor AS VARCHAR))"""


def month_range(con: duckdb.DuckDBPyConnection) -> tuple[date, date] | None:
    """First and last month with incidents, or None when no incident is loaded."""
    row = con.cursor().execute("SELECT min(month), max(month) FROM incidents_monthly").fetchone()
    return None if row is None or row[0] is None else (row[0], row[1])


def commune_view(con: duckdb.DuckDBPyConnection, view: View) -> pd.DataFrame:
    """Per commune polygon of the view: names, incidents in the period and partnership coverage.

    Columns: ``polygon_id``, codes and names, ``incidents``, ``months_covered`` (months of the
    period with a partnership activity running), ``status`` (``none``; ``active`` in every
    month of the period; ``started``: in some of them, as when it starts during the period),
    ``first_start``, ``public_services``, and for rates
    ``kp_incidents`` (incidents among the populations that have a size estimate in the
    province) and ``kp_size`` (those estimates, for the year nearest the period, shared among
    the province's communes by their number of families in 2011; NULL without either).
    """
    province_sql, province_params = _province(view, "c.")
    sql = f"""
        WITH inc AS (
            SELECT polygon_id, CAST(sum(incidents) AS INTEGER) AS incidents
            FROM incidents_monthly WHERE {FILTER} GROUP BY ALL
        ), cover AS (
            SELECT polygon_id, CAST(count(DISTINCT month) AS INTEGER) AS months_covered
            FROM partnership_monthly WHERE month BETWEEN ? AND ? GROUP BY ALL
        ), est AS (
            SELECT province_code, CAST(population AS VARCHAR) AS est_population, estimate
            FROM kp_estimates WHERE list_contains(?, CAST(population AS VARCHAR))
            QUALIFY row_number() OVER (PARTITION BY province_code, population
                ORDER BY abs(year - ?), year DESC, source) = 1
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
            FROM public_services WHERE opened < ? AND (closed IS NULL OR closed >= ?)
            GROUP BY ALL
        )
        SELECT c.source_id AS polygon_id, c.commune_code, c.commune_name_en, c.commune_name_km,
            c.district_name_en, c.district_name_km, c.province_code, c.province_name_en,
            c.province_name_km, coalesce(inc.incidents, 0) AS incidents,
            coalesce(cover.months_covered, 0) AS months_covered,
            CASE WHEN cover.months_covered IS NULL THEN 'none'
                WHEN cover.months_covered >= ? THEN 'active' ELSE 'started' END AS status,
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
        {province_sql}
        ORDER BY c.province_code, c.district_code, c.commune_code, c.source_id
    """
    period_end = add_months(view.end, 1)
    mid_year = (view.start.year + view.end.year) / 2
    _, populations, _ = view.lists()
    params = [*view.params(), view.start, view.end, populations, mid_year, *view.params(),
              period_end, view.start, view.months]  # fmt: skip
    return con.cursor().execute(sql, params + province_params).df()


def unmapped_incidents(con: duckdb.DuckDBPyConnection, view: View) -> pd.DataFrame:
    """Incidents of the view placed in an official commune that has no 2014 polygon, per
    province (they count in totals but cannot be drawn)."""
    province_sql = "AND province_code = ?" if view.province else ""
    sql = f"""
        SELECT province_code, CAST(sum(incidents) AS INTEGER) AS incidents
        FROM incidents_monthly WHERE polygon_id IS NULL AND {FILTER} {province_sql}
        GROUP BY ALL ORDER BY 1
    """
    params = view.params() + ([view.province] if view.province else [])
    return con.cursor().execute(sql, params).df()


def view_total(con: duckdb.DuckDBPyConnection, view: View) -> int:
    """All incidents of the view (mapped or not), counted straight from the aggregate: the
    tests' check of the totals the page adds up from ``commune_view`` and
    ``unmapped_incidents``."""
    province_sql = "AND province_code = ?" if view.province else ""
    sql = f"SELECT coalesce(sum(incidents), 0) FROM incidents_monthly WHERE {FILTER} {province_sql}"
    params = view.params() + ([view.province] if view.province else [])
    return int(con.cursor().execute(sql, params).fetchone()[0])


def find_polygon(con: duckdb.DuckDBPyConnection, key: str) -> str | None:
    """The polygon of a commune, given its official code or polygon id; None if there is none.

    Raises:
        ValueError: if ``key`` is neither a six-digit code nor a polygon id.
    """
    if not isinstance(key, str) or not POLYGON_ID.match(key):
        raise ValueError(f"a commune is a six-digit code or a polygon id, got {key!r}")
    sql = "SELECT source_id FROM communes WHERE commune_code = ? OR source_id = ? LIMIT 1"
    row = con.cursor().execute(sql, [key, key]).fetchone()
    return None if row is None else row[0]


def commune_profile(con: duckdb.DuckDBPyConnection, polygon_id: str) -> dict:
    """Names, codes and place of one commune polygon.

    Raises:
        LookupError: if there is no such polygon.
    """
    sql = """SELECT source_id AS polygon_id, commune_code, commune_name_en, commune_name_km,
            district_name_en, district_name_km, province_code, province_name_en,
            province_name_km, area_km2 FROM communes WHERE source_id = ?"""
    frame = con.cursor().execute(sql, [polygon_id]).df()
    if frame.empty:
        raise LookupError(f"no commune polygon {polygon_id!r}")
    return frame.iloc[0].to_dict()


def commune_months(
    con: duckdb.DuckDBPyConnection, polygon_id: str, view: View, first: date, last: date
) -> pd.DataFrame:
    """Monthly incidents by type in one commune from ``first`` to ``last``, with the view's
    type, population and actor filters (the period only marks which months are in view)."""
    sql = f"""
        SELECT month, CAST(incident_type AS VARCHAR) AS incident_type,
            CAST(sum(incidents) AS INTEGER) AS incidents
        FROM incidents_monthly WHERE polygon_id = ? AND {FILTER}
        GROUP BY ALL ORDER BY month, incident_type
    """
    params = [polygon_id, first, last, *view.lists()]
    return con.cursor().execute(sql, params).df()


def commune_partnership(con: duckdb.DuckDBPyConnection, polygon_id: str) -> pd.DataFrame:
    """The partnership activities recorded in one commune polygon, oldest first."""
    sql = """
        SELECT CAST(programme AS VARCHAR) AS programme, CAST(activity AS VARCHAR) AS activity,
            start_date, end_date, participants, partner
        FROM partnership WHERE polygon_id = ? ORDER BY start_date, activity
    """
    return con.cursor().execute(sql, [polygon_id]).df()


def services_around(con: duckdb.DuckDBPyConnection, polygon_id: str) -> pd.DataFrame:
    """Services in one commune polygon and in the communes that touch it.

    Public services are listed with their commune; services not marked public are only
    counted per type across the whole area, with no commune, name or date (those are NULL).
    """
    sql = """
        WITH around AS (
            SELECT ? AS source_id, true AS is_selected
            UNION ALL
            SELECT neighbour_id, false FROM commune_neighbours WHERE polygon_id = ?
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
    return con.cursor().execute(sql, [polygon_id, polygon_id]).df()


def public_service_points(con: duckdb.DuckDBPyConnection, view: View) -> pd.DataFrame:
    """Public services open at some time in the period, with their published coordinates."""
    province_sql = "AND province_code = ?" if view.province else ""
    sql = f"""
        SELECT service_id, operator, CAST(service_type AS VARCHAR) AS service_type,
            opened, closed, commune_code, province_code, lon, lat
        FROM public_services WHERE opened < ? AND (closed IS NULL OR closed >= ?)
        {province_sql} ORDER BY service_id
    """
    params = [add_months(view.end, 1), view.start] + ([view.province] if view.province else [])
    return con.cursor().execute(sql, params).df()


def _province(view: View, prefix: str) -> tuple[str, list[str]]:
    if view.province is None:
        return "", []
    return f"WHERE {prefix}province_code = ?", [view.province]
