"""The briefing store: a province-level copy of the atlas database for the briefing audience.

A product of the publish stage, written beside the database (``etl.schema.
briefing_store_path``) from each build of the facts: the incidents summed by province (with
their record keys summed too, so the protection layer publishes the same numbers from either
file), partnership per province and month, service points without their place, the
key-population estimates, the police academies, the build's metadata (its build id included),
the files loaded (their rows rounded to tens, NULL for fewer than ten: ``query.file_counts``),
the About page's summaries and the evaluation headline product (whole percent:
``publish.evaluation_rules``). The stage
adds the ranking's products to the same file (``publish.ranking``). Nothing below the
province: no commune, district, polygon, name or code of one.
"""

from __future__ import annotations

import pandas as pd

from etl.schema import BRIEFING_TABLES
from publish.evaluation import CHECK_COLUMNS
from publish.product import Copy, Inputs, Reader, Table
from query.file_counts import STEP, protected_sql

#: Each table of the store, as a SELECT over the facts (the headline is the product's).
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
    # A file's rows are incidents too: stored as the briefing audience may read them.
    "load_log": f"""SELECT * REPLACE ({protected_sql("rows_read")},
        {protected_sql("rows_loaded")}, {protected_sql("rows_quarantined")}) FROM load_log""",
    "match_summary": "SELECT * FROM match_summary",
    "quarantine_summary": f"""SELECT * REPLACE ({protected_sql("rows")})
        FROM quarantine_summary""",
}
assert (*STORE, "evaluation_headline") == BRIEFING_TABLES
#: Columns that would place a row below the province: they must be empty in the store.
_BELOW_PROVINCE = ("polygon_id", "commune_", "district_")


def make_briefing_store(inputs: Inputs) -> dict[str, Table]:
    """The store's tables: the copies of ``STORE`` and the evaluation headline product."""
    tables: dict[str, Table] = {name: Copy(sql) for name, sql in STORE.items()}
    tables["evaluation_headline"] = inputs.made["evaluation_headline"]["evaluation_headline"]
    return tables


#: The store's file counts: each one protected (``query.file_counts``).
FILE_COUNTS = {"load_log": ("rows_read", "rows_loaded", "rows_quarantined"),
               "quarantine_summary": ("rows",)}  # fmt: skip
#: The headline's numbers: whole percent, or 2 digits for the p-values and the breakdown
#: value (``publish.evaluation_rules``).
HEADLINE_NUMBERS = ("effect", "low", "high", "pre_trend_p",
                    *(c for c, kind in CHECK_COLUMNS.items() if kind == "DOUBLE"))  # fmt: skip


def check_published_numbers(read: Reader) -> str | None:
    """The file counts are rounded to tens or the class below ten (NULL), and the headline's
    numbers are whole percent: the store holds none of them exactly."""
    for table, columns in FILE_COUNTS.items():
        frame = read(table)
        for column in columns:
            values = frame[column].dropna()
            if ((values < STEP) | (values % STEP != 0)).any():
                return f"{table}.{column} holds counts not rounded to {STEP}"
    row = read("evaluation_headline").iloc[0]
    for column in HEADLINE_NUMBERS:
        value = row[column]
        if pd.notna(value) and abs(value * 100 - round(value * 100)) > 1e-9:
            return f"evaluation_headline.{column} is not in whole percent"
    return None


def check_no_place_below_province(read: Reader) -> str | None:
    """No table of the store has a value in a commune, district or polygon column
    (``provinces`` is left out: its SELECT names province columns and the display polygon)."""
    for table in BRIEFING_TABLES:
        if table == "provinces":
            continue
        frame = read(table)
        for column in frame.columns:
            if column.startswith(_BELOW_PROVINCE) and frame[column].notna().any():
                return f"{table}.{column} holds {int(frame[column].notna().sum())} values"
    return None
