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

# The build_info keys of the build id every write of the facts records (``etl.database``) and
# the time it was written (UTC, ISO): the derived products carry the id they were made from.
BUILD_ID = "build_id"
FACTS_WRITTEN_AT = "facts_written_at"


# The briefing store: a province-level copy of the database for the briefing audience, beside
# the database, made by the publish stage (``publish.briefing_store``) from each build of the
# facts. It holds no commune row: a bug in a page cannot show what is not there. These are the
# tables it must hold; the stage adds the ranking's products (``BRIEFING_PRODUCT_TABLES``).
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
# The products the publish stage writes into the briefing store beside its tables (province
# level, the same for every audience), and the record of every product.
BRIEFING_PRODUCT_TABLES = ("ranking_inputs", "ranking_windows", "ranking_default", "products")
# The tables of the products file (``products_path``): analysts' products and their records.
PRODUCT_TABLES = ("products", "evaluation_headline", "evaluation_default", "evaluation_series")


def briefing_store_path(db_path):
    """The briefing store of the database at ``db_path``: ``atlas_briefing.duckdb`` beside
    ``atlas.duckdb``."""
    return db_path.with_name(f"{db_path.stem}_briefing{db_path.suffix}")


def products_path(db_path):
    """The products file of the database at ``db_path``: ``atlas_products.duckdb`` beside
    ``atlas.duckdb``."""
    return db_path.with_name(f"{db_path.stem}_products{db_path.suffix}")


def publish_lock_path(db_path):
    """The publish stage's lock file, ``atlas.duckdb.publish.lock`` beside the database (the
    facts' write lock is ``atlas.duckdb.lock``)."""
    return db_path.with_name(f"{db_path.name}.publish.lock")
