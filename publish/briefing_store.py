"""The briefing store: a province-level copy of the atlas database for the briefing audience.

A product of the publish stage, written beside the database (``etl.schema.
briefing_store_path``) from each build of the facts: the incidents summed by province (with
their record keys summed too, so the protection layer publishes the same numbers from either
file), partnership per province and month, service points without their place, the
key-population estimates, the police academies, the build's metadata (its build id included),
the files loaded, the About page's summaries and the evaluation headline product. The stage
adds the ranking's products to the same file (``publish.ranking``). Nothing below the
province: no commune, district, polygon, name or code of one.
"""

from __future__ import annotations

from etl.schema import BRIEFING_TABLES
from publish.product import Copy, Inputs, Reader, Table

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
    "load_log": "SELECT * FROM load_log",
    "match_summary": "SELECT * FROM match_summary",
    "quarantine_summary": "SELECT * FROM quarantine_summary",
}
assert (*STORE, "evaluation_headline") == BRIEFING_TABLES
#: Columns that would place a row below the province: they must be empty in the store.
_BELOW_PROVINCE = ("polygon_id", "commune_", "district_")


def make_briefing_store(inputs: Inputs) -> dict[str, Table]:
    """The store's tables: the copies of ``STORE`` and the evaluation headline product."""
    tables: dict[str, Table] = {name: Copy(sql) for name, sql in STORE.items()}
    tables["evaluation_headline"] = inputs.made["evaluation_headline"]["evaluation_headline"]
    return tables


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
