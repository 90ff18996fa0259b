"""Services placed by commune code, with or without lon/lat columns: counted in their commune,
drawn as points only when public and given by coordinates, and the report says how many."""

from __future__ import annotations

from pathlib import Path

from etl.partners.aggregates import build_aggregates
from tests.etl.partners.conftest import ingest


def test_a_services_file_by_commune_code_without_lon_lat_columns_loads(con, tmp_path: Path) -> None:
    path = tmp_path / "by_code.csv"
    path.write_text("service_id,service_type,operator,opened,commune_code,public\n"
                    "S-1,nsp,NGO,2013-01-01,010201,yes\nS-2,mmt,NGO,2013-01-01,120201,no\n"
                    "S-3,nsp,NGO,2013-01-01,999999,yes\n", encoding="utf-8")  # fmt: skip
    loaded = ingest(con, path, "services")
    assert loaded.rows["commune_code"].tolist() == ["010201", "120201"]
    assert loaded.rows["lon"].isna().all() and loaded.rows["polygon_id"].notna().all()
    assert loaded.reasons() == ["commune code 999999 is not in the 2025 gazetteer"]
    assert loaded.result.message == (
        "2 rows placed at their commune by commune code or names: counted in the commune, never "
        "drawn as points (public services drawn at the lon/lat given: 0)"
    )
    build_aggregates(con)
    drawn = "SELECT count(*) FROM public_services WHERE operator = 'NGO'"
    assert con.execute(drawn).fetchone()[0] == 0  # S-1 is public, but placed by its code


def test_points_and_codes_in_one_file(con, tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text("service_id,service_type,operator,opened,commune_code,lon,lat,public\n"
                    "S-1,nsp,NGO,2013-01-01,010201,,,yes\n"
                    "S-2,nsp,NGO,2013-01-01,,104.92,11.56,yes\n"
                    "S-3,nsp,NGO,2013-01-01,,104.92,11.56,no\n", encoding="utf-8")  # fmt: skip
    loaded = ingest(con, path, "services")
    assert loaded.quarantine.empty, loaded.reasons()
    assert loaded.rows["lon"].tolist()[1] == 104.92
    assert loaded.rows["lon"].isna().tolist() == [True, False, True]
    assert loaded.result.message == (
        "1 row placed at their commune by commune code or names: counted in the commune, never "
        "drawn as points (public services drawn at the lon/lat given: 1)"
    )
