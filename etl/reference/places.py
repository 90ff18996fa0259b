"""Lookup tables for placing rows by name: provinces and communes, English and Khmer."""

from __future__ import annotations

import duckdb
import geopandas as gpd
import pandas as pd

from etl.reference.gazetteer import PROVINCE_ALIASES

# The key under which a place name is looked up: Khmer without spaces and zero-width marks,
# Latin letters without accents, case and punctuation. Rows are matched on it by
# ``etl.partners`` (placement by names).
PLACE_KEY_MACRO = r"""
CREATE OR REPLACE TEMP MACRO place_key(x) AS CASE
    WHEN x IS NULL THEN NULL
    WHEN regexp_matches(x, '[\x{1780}-\x{17FF}]')
        THEN regexp_replace(x, '[\s\x{200B}\x{200C}\x{200D}]+', '', 'g')
    ELSE lower(regexp_replace(strip_accents(x), '[^A-Za-z0-9]+', '', 'g'))
END
"""


def create_place_tables(con: duckdb.DuckDBPyConnection, provinces_2014: gpd.GeoDataFrame) -> None:
    """Create ``place_provinces (key, province_code)`` and ``place_communes (key, commune_code,
    district_code, province_code, district_key)``; keys come from the ``place_key`` macro.

    Commune names are the gazetteer's English and Khmer names and, for matched polygons, the
    boundary file's romanisation; each is paired with the district's English and Khmer keys.
    """
    con.execute(PLACE_KEY_MACRO)
    aliases = [(name, code) for code, names in PROVINCE_ALIASES.items() for name in names]
    aliases += list(zip(provinces_2014["PROV_NAME"], provinces_2014["PROV_CODE"], strict=True))
    con.register("province_alias", pd.DataFrame(aliases, columns=["name", "province_code"]))
    con.execute(
        """
        CREATE TABLE place_provinces AS
        SELECT DISTINCT place_key(name) AS key, province_code FROM (
            SELECT province_name_en AS name, province_code FROM provinces
            UNION ALL SELECT province_name_km, province_code FROM provinces
            UNION ALL SELECT name, province_code FROM province_alias)
        WHERE name IS NOT NULL
        """
    )
    con.unregister("province_alias")
    con.execute(
        """
        CREATE TABLE place_communes AS
        WITH names AS (
            SELECT commune_code, commune_name_en AS name FROM gazetteer_communes
            UNION ALL SELECT commune_code, commune_name_km FROM gazetteer_communes
            UNION ALL SELECT commune_code, source_name FROM communes WHERE commune_code IS NOT NULL
        ), districts AS (
            SELECT DISTINCT district_code, place_key(district_name_en) AS district_key
            FROM gazetteer_communes
            UNION SELECT DISTINCT district_code, place_key(district_name_km) FROM gazetteer_communes
        )
        SELECT DISTINCT place_key(n.name) AS key, g.commune_code, g.district_code,
            g.province_code, d.district_key
        FROM names n JOIN gazetteer_communes g USING (commune_code)
        JOIN districts d USING (district_code)
        WHERE n.name IS NOT NULL
        """
    )
