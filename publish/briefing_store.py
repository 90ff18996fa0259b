"""The briefing store: a province-level copy of the atlas database for the briefing audience.

Written beside the database (``etl.schema.briefing_store_path``) every time the database is
replaced, from the new database's own tables: the incidents summed by province (with their
record keys summed too, so the protection layer publishes the same numbers from either file),
partnership per province and month, service points without their place, the key-population
estimates, the police academies, the build's metadata, the files loaded, the About page's
summaries and the pilot evaluation's headline (``write_evaluation_headline``, computed on the
whole database first). Nothing below the province: no commune, district, polygon, name or
code of one.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from etl.schema import BRIEFING_TABLES, briefing_store_path

#: Each table of the store, as a SELECT over the database being written.
STORE = {
    "provinces": """SELECT province_code, province_name_en, province_name_km, n_communes,
        geom_display FROM provinces""",
    "incidents_monthly": """SELECT CAST(NULL AS VARCHAR) AS polygon_id,
        CAST(NULL AS VARCHAR) AS commune_code, province_code, month, incident_type, population,
        actor, CAST(sum(incidents) AS INTEGER) AS incidents,
        CAST(sum(key_sum) AS BIGINT) AS key_sum FROM incidents_monthly GROUP BY ALL""",
    "province_partnership_monthly": "SELECT * FROM province_partnership_monthly",
    "province_services": "SELECT * FROM province_services",
    "kp_estimates": """SELECT province, population, year, estimate, low, high, source,
        province_code FROM kp_estimates""",
    "academies": """SELECT academy, province, adopted, modules_delivered, trainees,
        pre_test_mean, post_test_mean, province_code FROM academies""",
    "build_info": "SELECT * FROM build_info",
    "load_log": "SELECT * FROM load_log",
    "match_summary": "SELECT * FROM match_summary",
    "quarantine_summary": "SELECT * FROM quarantine_summary",
    "evaluation_headline": "SELECT * FROM evaluation_headline",
}
assert tuple(STORE) == BRIEFING_TABLES


def write_evaluation_headline(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)write the ``evaluation_headline`` table of the database open on ``con``: the
    default pilot evaluation on its data (``analysis.headline.headline_frame``), one row with
    the effect, its interval and the sentence in both languages, or the reason there is no
    estimate. Pooled over the pilot and comparison communes, it is no small count.

    Raises:
        duckdb.Error: if the database lacks a table the evaluation reads.
    """
    # Imported here: the estimator (pyfixest) takes seconds to import, and only a build
    # that writes a database needs it.
    from analysis.headline import HEADLINE_COLUMNS, headline_frame

    frame = headline_frame(con)
    columns = ", ".join(f'"{name}" {kind}' for name, kind in HEADLINE_COLUMNS.items())
    con.execute("DROP TABLE IF EXISTS evaluation_headline")
    con.execute(f"CREATE TABLE evaluation_headline ({columns})")
    con.register("headline_row", frame)
    con.execute("INSERT INTO evaluation_headline SELECT * FROM headline_row")
    con.unregister("headline_row")


def write_briefing_store(con: duckdb.DuckDBPyConnection, db_path: Path) -> Path:
    """Write the briefing store of the database open on ``con`` (about to replace ``db_path``)
    into a new file beside it; returns that file, to be renamed over the store once the
    database itself is in place (``etl.database``).

    Raises:
        duckdb.Error: if the database lacks one of the tables the store copies (an atlas
            database of another version).
        OSError: if the folder cannot be written.
    """
    target = briefing_store_path(db_path)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    literal = "'" + str(tmp).replace("'", "''") + "'"
    con.execute(f"ATTACH {literal} AS briefing")
    try:
        for table, select in STORE.items():
            con.execute(f"CREATE TABLE briefing.{table} AS {select}")
        con.execute("CHECKPOINT briefing")
    finally:
        con.execute("DETACH briefing")
    return tmp
