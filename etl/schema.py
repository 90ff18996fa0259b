"""Names that both the ETL (which writes the tables) and the query layer (which reads them) use.

A module with no imports (and ``etl/__init__.py`` imports nothing), so the dashboard does not
load the ETL to read it.
"""

# The build_info key that says whether the partner data is the synthetic demo set ("true").
SYNTHETIC_FLAG = "synthetic"
SYNTHETIC_MIXED = "mixed"  # its value when demo rows and partner rows are loaded together

# The communes table, in order.
COMMUNE_COLUMNS = [
    "commune_code",
    "commune_name_en",
    "commune_name_km",
    "district_code",
    "district_name_en",
    "district_name_km",
    "province_code",
    "province_name_en",
    "province_name_km",
    "source_id",
    "source_name",
    "match_method",
    "match_score",
    "successor_codes",
    "area_km2",
    "geom",
    "geom_display",
]

# The briefing store: a province-level copy of the database for the briefing audience, beside
# the database and rebuilt with it (etl.briefing_store). It holds no commune row: a bug in a
# page cannot show what is not there. These are its tables.
BRIEFING_TABLES = (
    "provinces",
    "incidents_monthly",
    "province_partnership_monthly",
    "province_services",
    "kp_estimates",
    "academies",
    "build_info",
    "load_log",
    "match_summary",
    "quarantine_summary",
    "evaluation_headline",
)


def briefing_store_path(db_path):
    """The briefing store of the database at ``db_path``: ``atlas_briefing.duckdb`` beside
    ``atlas.duckdb``."""
    return db_path.with_name(f"{db_path.stem}_briefing{db_path.suffix}")
