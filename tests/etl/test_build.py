"""The boundary build on the real reference data: counts, codes, nesting, atomicity."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import geopandas as gpd
import pytest
import shapely

import config
from etl import build, reference
from etl.database import load_spatial, remove_stale_builds
from geo.simplify import check_coverage


@pytest.fixture(scope="module")
def con(built_db: Path) -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect(str(built_db), read_only=True)
    load_spatial(connection)
    yield connection
    connection.close()


def scalar(con: duckdb.DuckDBPyConnection, sql: str):
    return con.execute(sql).fetchone()[0]


def test_every_polygon_is_kept(con) -> None:
    assert scalar(con, "SELECT count(*) FROM communes") == 1633
    assert scalar(con, "SELECT count(DISTINCT source_id) FROM communes") == 1633


def test_at_least_98_percent_carry_a_unique_official_code(con) -> None:
    coded = scalar(con, "SELECT count(commune_code) FROM communes")
    assert coded / 1633 >= 0.98
    assert scalar(con, "SELECT count(DISTINCT commune_code) FROM communes") == coded
    assert (
        scalar(
            con, "SELECT count(*) FROM communes WHERE NOT regexp_full_match(commune_code, '\\d{6}')"
        )
        == 0
    )
    unknown = scalar(
        con,
        "SELECT count(*) FROM communes c LEFT JOIN gazetteer_communes g USING (commune_code) "
        "WHERE c.commune_code IS NOT NULL AND g.commune_name_en IS NULL",
    )
    assert unknown == 0


def test_uncoded_polygons_are_flagged_and_named(con) -> None:
    rows = con.execute(
        "SELECT match_method, commune_name_en, district_code FROM communes "
        "WHERE commune_code IS NULL"
    ).df()
    assert set(rows["match_method"]) <= {
        "ambiguous",
        "split_after_2014",
        "unmatched",
        "manual_unmatched",
    }
    assert rows["commune_name_en"].notna().all() and rows["district_code"].notna().all()


def test_codes_nest_in_districts_and_provinces(con) -> None:
    bad = scalar(
        con,
        "SELECT count(*) FROM communes WHERE left(commune_code, 4) <> district_code "
        "OR left(district_code, 2) <> province_code",
    )
    assert bad == 0
    assert scalar(con, "SELECT count(*) FROM provinces") == 25
    assert scalar(con, "SELECT sum(n_communes) FROM provinces") == 1633
    assert scalar(con, "SELECT sum(n_communes) FROM districts") == 1633


def test_geometries_nest_exactly_and_are_valid(con) -> None:
    outside = scalar(
        con,
        "SELECT count(*) FROM communes c JOIN districts d USING (district_code) "
        "WHERE NOT ST_Within(ST_PointOnSurface(c.geom), d.geom)",
    )
    assert outside == 0
    for table in ("communes", "districts", "provinces"):
        invalid = scalar(
            con,
            f"SELECT count(*) FROM {table} "
            "WHERE NOT ST_IsValid(geom) OR NOT ST_IsValid(geom_display)",
        )
        assert invalid == 0, table
    area_gap = scalar(
        con,
        "SELECT abs(sum(ST_Area(geom)) - (SELECT sum(ST_Area(geom)) FROM communes)) FROM provinces",
    )
    assert area_gap < 1e-6


def test_display_geometry_in_the_database_is_a_clean_coverage(con, layers) -> None:
    frame = con.execute("SELECT ST_AsWKB(geom_display) AS wkb FROM communes").df()
    display = gpd.GeoSeries(shapely.from_wkb(frame["wkb"].map(bytes)), crs="EPSG:4326")
    raw, shown = check_coverage(layers["communes"].geometry), check_coverage(display)
    assert shown.invalid == 0 and shown.empty == 0 and shown.is_valid_coverage
    assert shown.overlap_m2 < 1.0
    assert (shown.holes, shown.parts) == (raw.holes, raw.parts)


def test_tbong_khmum_is_its_own_province(con) -> None:
    name, communes = con.execute(
        "SELECT province_name_en, n_communes FROM provinces WHERE province_code = '25'"
    ).fetchone()
    assert name == "Tboung Khmum" and communes >= 60
    kampong_cham = scalar(con, "SELECT n_communes FROM provinces WHERE province_code = '03'")
    assert kampong_cham >= 100


def test_crosswalk_decisions_are_applied(con) -> None:
    for entry in reference.load_crosswalk():
        code, method = con.execute(
            "SELECT commune_code, match_method FROM communes WHERE source_id = ?", [entry.source_id]
        ).fetchone()
        assert (code, method) == (entry.commune_code, "manual")


def test_every_official_commune_is_accounted_for(con) -> None:
    relations = dict(
        con.execute("SELECT relation, count(*) FROM gazetteer_communes GROUP BY 1").fetchall()
    )
    assert sum(relations.values()) == 1661
    assert relations["matched"] == scalar(con, "SELECT count(commune_code) FROM communes")


def test_failed_build_leaves_the_previous_database(
    tmp_path: Path, built_db: Path, reference_dir: Path
) -> None:
    db = tmp_path / "atlas.duckdb"
    shutil.copy(built_db, db)
    before = db.read_bytes()
    broken = tmp_path / "ref"
    shutil.copytree(reference_dir / "boundaries", broken / "boundaries")
    target = broken / reference.COMMUNES.relative_path
    target.write_bytes(target.read_bytes()[:100_000])
    with pytest.raises(reference.BoundaryFileError, match=r"khm_adm3_communes\.geojson"):
        build.build(db_path=db, reference_dir=broken, report_dir=tmp_path / "reports")
    assert db.read_bytes() == before
    # Nothing left behind but the lock file (kept: removing it would race a waiting writer).
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == ["atlas.duckdb", "atlas.duckdb.lock", "ref"]


def test_build_killed_midway_leaves_the_previous_database_readable(
    tmp_path: Path, built_db: Path
) -> None:
    db = tmp_path / "atlas.duckdb"
    shutil.copy(built_db, db)
    before = db.read_bytes()
    env = {
        **os.environ,
        "ATLAS_DB_PATH": str(db),
        "ATLAS_REPORT_DIR": str(tmp_path / "reports"),
        "ATLAS_DEMO_DIR": str(built_db.parent / "demo"),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "etl", "build", "--quiet"], cwd=config.PROJECT_ROOT, env=env
    )
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob("atlas.duckdb.*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(tmp_path.glob("atlas.duckdb.*.tmp")), "the build writes a new file beside the old"
    proc.kill()
    proc.wait()
    assert db.read_bytes() == before
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM communes").fetchone()[0] == 1633
    assert remove_stale_builds(db), "the next build clears what the killed one left"
    assert not list(tmp_path.glob("atlas.duckdb.*.tmp*"))


def test_the_build_writes_its_demo_with_the_configured_pilot_effect(
    built_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ATLAS_DB_PATH", str(built_db))
    monkeypatch.setenv("ATLAS_DEMO_PILOT_EFFECT", "0.1")
    monkeypatch.setenv("ATLAS_DEMO_INCIDENTS", "300")
    monkeypatch.delenv("ATLAS_PARTNER_DIR", raising=False)
    communes = reference.communes_with_geometry()
    folder, manifest = build._partner_source(None, tmp_path / "demo", communes)
    assert folder == tmp_path / "demo" and manifest["parameters"]["pilot_effect"] == 0.1
