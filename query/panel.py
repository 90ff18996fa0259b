"""The evaluation's commune x month panel, read from the atlas database.

The panel holds true counts: it only feeds estimates that pool many communes
(``analysis.evaluation``), which are never shown as counts. Every count a page shows comes
from ``query.published``.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import pandas as pd

from analysis.designs import EvaluationInputError
from query.sql import run, run_one
from vocabulary import (
    CAPITAL,
    HOTSPOT_DISTRICTS,
    INCIDENT_TYPES,
    PILOT_TYPES,
    STARTING_ACTIVITIES,
    URBAN_MAX_KM2,
)

PANEL_COLUMNS = ("unit", "month", "y", "start", "province_code", "urban")

# The months of the data (the first to the last month with any incident) and, per commune
# polygon, its months with incidents of the types, and two rows of no incident at the first and
# the last month of the data, so that every commune and the whole span are in the panel (a
# missing commune-month counts as zero; rows of the same commune and month add up).
# ``start``: the first month of a starting activity in the commune; ``urban``: a hotspot (a
# border or port town's district, or the capital) or a commune smaller than the urban area,
# as ``etl.demo.geography.commune_weights`` defines it.
PANEL = """
    WITH span AS (SELECT min(month) AS first, max(month) AS last FROM incidents_monthly),
    counts AS (
        SELECT polygon_id AS unit, month, CAST(sum(incidents) AS BIGINT) AS y
        FROM incidents_monthly
        WHERE polygon_id IS NOT NULL AND list_contains($types, CAST(incident_type AS VARCHAR))
        GROUP BY ALL
    ), rows AS (
        SELECT * FROM counts
        UNION ALL SELECT source_id, span.first, 0 FROM communes, span WHERE span.first IS NOT NULL
        UNION ALL SELECT source_id, span.last, 0 FROM communes, span WHERE span.last IS NOT NULL
    ), starts AS (
        SELECT polygon_id AS unit, CAST(min(date_trunc('month', start_date)) AS DATE) AS start
        FROM partnership
        WHERE polygon_id IS NOT NULL AND list_contains($starting, CAST(activity AS VARCHAR))
        GROUP BY ALL
    ), units AS (
        SELECT source_id AS unit, province_code,
            list_contains($hotspots, district_code) OR province_code = $capital
                OR coalesce(area_km2 < $urban_km2, false) AS urban
        FROM communes
    )
    SELECT r.unit, CAST(r.month AS DATE) AS month, r.y, s.start, u.province_code, u.urban
    FROM rows r JOIN units u USING (unit) LEFT JOIN starts s USING (unit)
"""


def check_types(types: Sequence[str]) -> tuple[str, ...]:
    """The incident types, checked against the contract's values, in the contract's order.

    Raises:
        analysis.designs.EvaluationInputError (a ValueError): if ``types`` is empty or holds a
            value that is not an incident type.
    """
    unknown = [t for t in types if t not in INCIDENT_TYPES]
    if unknown:
        raise EvaluationInputError("bad_type", value=unknown[0], known=", ".join(INCIDENT_TYPES))
    if not types:
        raise EvaluationInputError("choose_type")
    return tuple(t for t in INCIDENT_TYPES if t in types)


def evaluation_panel(
    con: duckdb.DuckDBPyConnection, types: Sequence[str] = PILOT_TYPES
) -> pd.DataFrame:
    """The commune x month panel of incidents of ``types`` (default: arrests and
    confiscations) that ``analysis.evaluation.evaluate`` takes: ``unit`` (polygon id),
    ``month`` (first day), ``y`` (true count), ``start`` (first month of a starting activity,
    NaT where none), ``province_code`` and ``urban``. Sparse: the commune-months with
    incidents, and every polygon at the first and the last month of the data with ``y`` 0 (a
    missing commune-month counts as zero). Empty when no incident is loaded. Incidents of an
    official commune without a polygon are not in it.

    Raises:
        ValueError: if ``types`` is empty or holds an unknown type.
    """
    params = {
        "types": list(check_types(types)),
        "starting": list(STARTING_ACTIVITIES),
        "hotspots": list(HOTSPOT_DISTRICTS),
        "capital": CAPITAL,
        "urban_km2": URBAN_MAX_KM2,
    }
    frame = run(con, PANEL, params)
    for column in ("month", "start"):
        frame[column] = pd.to_datetime(frame[column])
    frame["urban"] = frame["urban"].astype(bool)
    return frame[list(PANEL_COLUMNS)]


def pilot_provinces(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The provinces where a starting activity of the partnership is recorded in a commune
    with a polygon (the evaluation's possible pilot provinces), by code."""
    sql = """
        SELECT DISTINCT province_code FROM partnership
        WHERE polygon_id IS NOT NULL AND list_contains($starting, CAST(activity AS VARCHAR))
        ORDER BY 1
    """
    return run(con, sql, {"starting": list(STARTING_ACTIVITIES)})["province_code"].tolist()


def planted_effect(con: duckdb.DuckDBPyConnection) -> float | None:
    """The fall the synthetic demo set planted in arrests and confiscations after each pilot
    commune's start (0.40 for 40 %), from its stored parameters; None when the database holds
    no demo parameters (partner data)."""
    found = run_one(
        con,
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'demo_parameters' "
        "AND table_catalog = current_database()",
        {},
    )
    if not found or not found[0]:
        return None
    row = run_one(
        con,
        "SELECT CAST(json_extract(value, '$.pilot_effect') AS DOUBLE) FROM demo_parameters "
        "WHERE key = 'parameters'",
        {},
    )
    return None if row is None or row[0] is None else float(row[0])
