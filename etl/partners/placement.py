"""Placing each row: commune by code, by point in polygon, or by names; or province by name.

Each function creates temp view ``loc``: the trimmed rows with what was found. The ``*_PLACE``
lists give the place columns a loaded row keeps; the ``*_ERRORS`` lists the checks that
quarantine a row whose place cannot be resolved to exactly one commune (or province).
"""

from __future__ import annotations

import duckdb

from etl.partners.dates import ascii_digits
from etl.partners.sqlparts import check


def _province_code(value: str) -> str:
    """SQL: a province given as a code (``1``, ``01``, ``1.0``, in Khmer digits too) as the
    gazetteer's two digits."""
    return f"lpad(regexp_replace({ascii_digits(value)}, '[.]0+$', ''), 2, '0')"


def place_by_commune(con: duckdb.DuckDBPyConnection, present: set[str]) -> None:
    """Temp view ``loc``: each trimmed row with the commune found by code, point or names.

    The rows are materialised once, in temp table ``located`` (the later steps read it).
    """

    def text(name: str) -> str:
        return f"v_{name}" if name in present else "NULL::VARCHAR"

    def digits(name: str) -> str:  # the value with Khmer digits read as 0-9
        return ascii_digits(text(name))

    # Coordinate text is kept only where it is not a number (the rest is the parsed value).
    coords = [c for c in ("lon", "lat") if c in present]
    exclude = f"EXCLUDE ({', '.join(f'v_{c}' for c in coords)})" if coords else ""
    kept_text = "".join(
        f", CASE WHEN try_cast({digits(c)} AS DOUBLE) IS NULL THEN v_{c} END AS v_{c}"
        for c in coords
    )
    # Every row with its point's polygon, in one pass that also materialises the trimmed
    # values (only the parsed code and coordinates are added, to keep the table narrow). A
    # plain join condition lets DuckDB use its SPATIAL_JOIN operator (LEFT, so no row is lost);
    # rows with a code get no point. The communes are a valid coverage (interiors never
    # overlap) and their pieces too (etl.pieces: small pieces make the test fast), so a point
    # has at most one hit.
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE located AS
        SELECT l.*, c.source_id AS pt_polygon, c.commune_code AS pt_code,
            c.province_code AS pt_province
        FROM (SELECT * {exclude},
                CASE WHEN regexp_full_match({digits("commune_code")}, '\\d{{5,6}}(\\.0+)?')
                    THEN lpad(split_part({digits("commune_code")}, '.', 1), 6, '0') END AS code,
                try_cast({digits("lon")} AS DOUBLE) AS lon,
                try_cast({digits("lat")} AS DOUBLE) AS lat
                {kept_text}
              FROM trimmed) l
        LEFT JOIN commune_pieces c ON ST_Contains(
            c.geom, CASE WHEN {text("commune_code")} IS NULL THEN ST_Point(l.lon, l.lat) END)
        """
    )
    con.execute(
        f"""
        CREATE OR REPLACE TEMP VIEW located_v AS
        SELECT *, {text("commune_code")} AS raw_code,
            coalesce({text("lon")}, CAST(lon AS VARCHAR)) AS raw_lon,
            coalesce({text("lat")}, CAST(lat AS VARCHAR)) AS raw_lat,
            {text("province")} AS prov, {text("district")} AS dist,
            {text("commune")} AS comm
        FROM located
        """
    )
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE prov_hits AS
        SELECT l._row, count(DISTINCT p.province_code) AS hits, min(p.province_code) AS code
        FROM (SELECT _row, prov FROM located_v WHERE prov IS NOT NULL) l JOIN place_provinces p
          ON p.key = place_key(l.prov) OR p.province_code = {_province_code("l.prov")}
        GROUP BY l._row
        """
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE name_hits AS
        SELECT l._row, count(DISTINCT n.commune_code) AS hits, min(n.commune_code) AS code
        FROM (SELECT * FROM located_v
              WHERE raw_code IS NULL AND raw_lon IS NULL AND comm IS NOT NULL) l
        JOIN place_communes n ON n.key = place_key(l.comm)
        LEFT JOIN prov_hits ph ON ph._row = l._row
        WHERE (l.prov IS NULL OR n.province_code = ph.code)
          AND (l.dist IS NULL OR n.district_key = place_key(l.dist))
        GROUP BY l._row
        """
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE name_places AS
        SELECT _row, nh.hits AS name_matches, gn.commune_code AS name_code,
            gn.source_id AS name_polygon, prh.hits AS province_matches
        FROM name_hits nh
        FULL JOIN prov_hits prh USING (_row)
        LEFT JOIN gazetteer_communes gn ON gn.commune_code = nh.code AND nh.hits = 1
        """
    )
    # Rows placed by name are few: their findings are gathered in one small table first, so
    # the million-row scan takes two joins, not four.
    con.execute(
        """
        CREATE OR REPLACE TEMP VIEW loc AS
        SELECT l.*, gc.commune_code AS code_hit, gc.source_id AS code_polygon,
            np.name_matches, np.name_code, np.name_polygon, np.province_matches
        FROM located_v l
        LEFT JOIN gazetteer_communes gc ON gc.commune_code = l.code
        LEFT JOIN name_places np ON np._row = l._row
        """
    )


COMMUNE_PLACE = [
    "coalesce(code_hit, pt_code, name_code) AS commune_code",
    "coalesce(code_polygon, pt_polygon, name_polygon) AS polygon_id",
    "coalesce(left(coalesce(code_hit, pt_code, name_code), 2), pt_province) AS province_code",
]
_NO_POINT = "raw_code IS NULL AND raw_lon IS NULL AND raw_lat IS NULL"
_BY_NAME = f"{_NO_POINT} AND comm IS NOT NULL AND name_matches IS NULL " + (
    "AND (prov IS NULL OR province_matches IS NOT NULL)"
)
COMMUNE_PLACE_ERRORS = [
    check(
        "raw_code IS NOT NULL AND code IS NULL", "commune_code", "not_commune_code",
        value="raw_code",
    ),
    check(
        "code IS NOT NULL AND code_hit IS NULL", "commune_code", "code_not_in_gazetteer",
        code="code",
    ),
    check(
        "raw_code IS NULL AND (raw_lon IS NOT NULL OR raw_lat IS NOT NULL) "
        "AND (lon IS NULL OR lat IS NULL)",
        "lon", "lonlat_not_numbers", lon="coalesce(raw_lon, '')", lat="coalesce(raw_lat, '')",
    ),
    check(
        "raw_code IS NULL AND lon IS NOT NULL AND lat IS NOT NULL AND pt_polygon IS NULL",
        "lon", "point_outside", lon="round(lon, 2)", lat="round(lat, 2)",
    ),
    check(f"{_NO_POINT} AND comm IS NULL", "commune_code", "no_location"),
    check(
        f"{_NO_POINT} AND prov IS NOT NULL AND province_matches IS NULL", "province",
        "unknown_province", value="prov",
    ),
    # No commune of that name: the sentence names the district and province given, if any.
    check(f"{_BY_NAME} AND dist IS NULL AND prov IS NULL", "commune", "unknown_commune",
          commune="comm"),
    check(f"{_BY_NAME} AND dist IS NOT NULL AND prov IS NULL", "commune",
          "unknown_commune_in_district", commune="comm", district="dist"),
    check(f"{_BY_NAME} AND dist IS NULL AND prov IS NOT NULL", "commune",
          "unknown_commune_in_province", commune="comm", province="prov"),
    check(f"{_BY_NAME} AND dist IS NOT NULL AND prov IS NOT NULL", "commune",
          "unknown_commune_in_district_province", commune="comm", district="dist",
          province="prov"),
    check("name_matches > 1", "commune", "ambiguous_commune", commune="comm", n="name_matches"),
]  # fmt: skip


def place_by_province(con: duckdb.DuckDBPyConnection) -> None:
    """Temp view ``loc``: each trimmed row with the province its ``province`` value names."""
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE prov_hits AS
        SELECT t._row, count(DISTINCT p.province_code) AS hits, min(p.province_code) AS code
        FROM trimmed t JOIN place_provinces p
          ON p.key = place_key(t.v_province) OR p.province_code = {_province_code("t.v_province")}
        GROUP BY t._row
        """
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP VIEW loc AS
        SELECT t.*, t.v_province AS prov, coalesce(h.hits, 0) AS province_matches,
            h.code AS province_hit
        FROM trimmed t LEFT JOIN prov_hits h USING (_row)
        """
    )


PROVINCE_PLACE = ["province_hit AS province_code"]
PROVINCE_PLACE_ERRORS = [
    check(
        "prov IS NOT NULL AND province_matches = 0", "province", "unknown_province", value="prov"
    ),
]
