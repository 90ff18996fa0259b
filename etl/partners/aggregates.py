"""The tables the pages read, rebuilt after every load so no page scans raw rows."""

from __future__ import annotations

import duckdb

from etl.reasons import public_params_sql

AGGREGATES = {
    # ``commune_code`` places an incident of an official commune with no 2014 polygon in its
    # district; counts fit in INTEGER; ``key_sum`` adds the cell's record keys
    # (etl.partners.record_keys) for the protection layer.
    "incidents_monthly": """
        SELECT polygon_id, commune_code, province_code,
            CAST(date_trunc('month', date) AS DATE) AS month,
            incident_type, population, actor, CAST(count(*) AS INTEGER) AS incidents,
            CAST(sum(record_key) AS BIGINT) AS key_sum,
            CAST(sum(people_affected) AS INTEGER) AS people_affected,
            CAST(count(*) FILTER (referred_to_services) AS INTEGER) AS referred,
            CAST(count(*) FILTER (verified) AS INTEGER) AS verified
        FROM incidents GROUP BY ALL
    """,
    "services_by_commune": """
        SELECT polygon_id, commune_code, province_code, service_type,
            count(*) AS services, count(*) FILTER (public) AS public_services,
            min(opened) AS first_opened
        FROM services GROUP BY ALL
    """,
    "public_services": """
        SELECT service_id, operator, service_type, populations, opened, closed,
            polygon_id, commune_code, province_code, lon, lat
        FROM services WHERE public AND lon IS NOT NULL
    """,
    "partnership_communes": """
        SELECT polygon_id, commune_code, province_code, min(start_date) AS first_start,
            max(coalesce(end_date, DATE '9999-12-31')) AS last_end,
            list(DISTINCT programme ORDER BY programme) AS programmes,
            list(DISTINCT activity ORDER BY activity) AS activities,
            count(*) AS activities_recorded
        FROM partnership GROUP BY ALL
    """,
    "partnership_monthly": """
        SELECT p.polygon_id, p.commune_code, p.province_code, CAST(m.month AS DATE) AS month,
            count(*) AS activities_active,
            list(DISTINCT p.activity ORDER BY p.activity) AS activities,
            bool_or(CAST(date_trunc('month', p.start_date) AS DATE) = CAST(m.month AS DATE))
                AS started_this_month
        FROM partnership p,
            generate_series(date_trunc('month', p.start_date),
                coalesce(p.end_date, (SELECT max(date) FROM incidents), current_date),
                INTERVAL 1 MONTH) AS m(month)
        GROUP BY ALL
    """,
    # Province-level tables (the briefing store holds these, never a commune row): communes
    # with a partnership activity running per province and month, and the service points of
    # each province without their place.
    "province_partnership_monthly": """
        SELECT province_code, month,
            CAST(count(DISTINCT coalesce(polygon_id, commune_code)) AS INTEGER)
                AS communes_partnered
        FROM partnership_monthly GROUP BY ALL
    """,
    "province_services": """
        SELECT province_code, service_type, public, opened, closed FROM services
    """,
}
# Views the About page reads (the briefing store holds them as tables): polygons per match
# method, and quarantined rows per file, column, reason code and the code's public parameters
# (etl.reasons: never a value from the file).
VIEWS = {
    "match_summary": """
        SELECT match_method, CAST(count(*) AS BIGINT) AS polygons FROM communes GROUP BY ALL
    """,
    "quarantine_summary": f"""
        SELECT file_name, "column", code, {public_params_sql()} AS params,
            CAST(count(*) AS BIGINT) AS rows
        FROM quarantine GROUP BY ALL
    """,
}


def build_aggregates(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create every aggregate table from the loaded rows, and the views the pages read."""
    for name, sql in AGGREGATES.items():
        con.execute(f"CREATE OR REPLACE TABLE {name} AS {sql}")
    for name, sql in VIEWS.items():
        con.execute(f"CREATE OR REPLACE VIEW {name} AS {sql}")
