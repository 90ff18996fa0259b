"""The NCDD 2011 commune table: read despite its history, matched to the 2014 polygons."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl.reference import covariates


@pytest.fixture(scope="module")
def ncdd(reference_dir: Path):
    return covariates.read_ncdd(reference_dir / covariates.NCDD_FILE)


def test_the_messy_file_is_read_whole(ncdd) -> None:
    rows, bad = ncdd
    assert len(rows) + len(bad) == 1621 and bad.empty  # CR-only lines, one cp1252 line
    assert rows["ncdd_code"].str.fullmatch(r"\d{6}").all()  # leading zeros restored
    assert rows.loc[rows["ncdd_code"] == "010201", "families"].item() == 4206
    cp1252 = rows[rows["ncdd_code"] == "070607"]
    assert cp1252["name"].item().startswith("Prasat Phnom Khyang")


def test_rows_are_matched_one_to_one_and_reused_codes_are_not_trusted(ncdd, built_db: Path) -> None:
    rows, _ = ncdd
    con = duckdb.connect(str(built_db), read_only=True)
    communes = con.execute(
        "SELECT source_id, source_name, commune_code, province_code FROM communes"
    ).df()
    con.close()
    matched = covariates.match_ncdd(rows, communes)
    assert matched["polygon_id"].is_unique and matched["ncdd_code"].is_unique
    assert len(matched) >= 1610
    # 120911 was "Ovlaok" in 2011; the code now names another commune.
    reused = matched[matched["ncdd_code"] == "120911"]
    by_name = communes.set_index("source_id")["source_name"]
    assert reused.empty or by_name[reused["polygon_id"].item()] != "Samraong Kraom"
    # Kampong Cham's 2011 rows reach Tbong Khmum (25) by name.
    assert (matched.loc[matched["province_code"] == "25", "method"] == "name").all()
    assert (matched["province_code"] == "25").sum() > 40


def test_a_file_without_the_needed_columns_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "ncdd.csv"
    path.write_text("NCDD_CodeP,Commune\n1,Banteay Neang\n", encoding="utf-8")
    with pytest.raises(covariates.CovariateFileError, match=r"ncdd\.csv: missing columns"):
        covariates.read_ncdd(path)


def test_bad_rows_are_reported_not_loaded(tmp_path: Path) -> None:
    path = tmp_path / "ncdd.csv"
    path.write_bytes(
        b"NCDD_CodeP,NCDD_CodeC,Commune,TT_Family\r1,10201,Banteay Neang,4206\r"
        b"1,x,Bat Trang,10\r1,10203,Chamnaom,many\r"
    )
    rows, bad = covariates.read_ncdd(path)
    assert rows["ncdd_code"].tolist() == ["010201"]
    assert bad["row_number"].tolist() == [2, 3]
    assert "commune code" in bad["reason"][0] and "families" in bad["reason"][1]


def test_without_the_file_the_rates_are_said_to_be_unavailable(tmp_path: Path) -> None:
    table, info = covariates.families_table(tmp_path, None, tmp_path)  # type: ignore[arg-type]
    assert table.empty and info == {"ncdd_status": "missing"}
