"""Matching polygons to the gazetteer, on small frames and the real gazetteer."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from etl.reference import conflate
from etl.reference.gazetteer import load_gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    return load_gazetteer()


def polygons(*rows: tuple[str, str, str, float]) -> pd.DataFrame:
    """Commune rows: (source_id, name, geo district code, y of the inside point)."""
    frame = pd.DataFrame(rows, columns=["source_id", "shapeName", "geo_district_code", "y"])
    frame["geo_province_code"] = frame["geo_district_code"].str[:2]
    frame["x"] = 0.0
    return frame


def match(frame: pd.DataFrame, gaz_communes: pd.DataFrame, crosswalk=()) -> pd.DataFrame:
    matches, _ = conflate.match_communes(frame, gaz_communes, list(crosswalk))
    return matches.set_index("source_id")


def test_gazetteer_has_the_2025_units(gazetteer) -> None:
    provinces, districts, communes = gazetteer
    assert (len(provinces), len(districts), len(communes)) == (25, 210, 1661)
    assert "25" in set(provinces["province_code"])
    assert communes["commune_code"].str.fullmatch(r"\d{6}").all()


def test_same_name_in_two_provinces_takes_each_provinces_commune(gazetteer) -> None:
    frame = polygons(("a", "Samraong", "0104", 0), ("b", "Samraong", "2204", 0))
    # 0104 (Banteay Meanchey) holds no Samraong: the one of another district in the province
    # is taken only when the name is exact; 2204 (Otdar Meanchey) holds its own.
    result = match(frame, gazetteer[2])
    assert result.loc["a", "commune_code"] == "010505"
    assert result.loc["a", "match_method"] == "exact_other_district"
    assert result.loc["b", "commune_code"] == "220404"
    assert result.loc["b", "match_method"] == "exact"


def test_romanisation_variant_matches_within_its_district(gazetteer) -> None:
    result = match(polygons(("a", "Anlong Phe", "1905", 0)), gazetteer[2])
    assert result.loc["a", "commune_code"] == "190501"
    assert result.loc["a", "match_method"] == "fuzzy"
    assert 0.72 <= result.loc["a", "match_score"] < 1.0


def test_a_weak_name_in_another_district_is_not_taken(gazetteer) -> None:
    # "Sampeou Poun" resembles Sampov Pun (0812) only at 0.85: below the bar for another
    # district, so it stays unmatched rather than guessed (the crosswalk decides it).
    result = match(polygons(("a", "Sampeou Poun", "0804", 0)), gazetteer[2])
    assert result.loc["a", "match_method"] == "unmatched"
    assert pd.isna(result.loc["a", "commune_code"])


def test_tbong_khmum_districts_come_from_kampong_cham_polygons(gazetteer) -> None:
    adm2 = pd.DataFrame(
        {
            "source_id": ["d1", "d2", "d3"],
            "shapeName": ["Tboung Khmum", "Memot", "Kampong Siem"],
            "province_2014": ["03", "03", "03"],
        }
    )
    result = conflate.match_districts(adm2, gazetteer[1]).set_index("source_id")
    assert result["district_code"].to_dict() == {"d1": "2507", "d2": "2503", "d3": "0306"}


def test_compass_qualifiers_are_resolved_by_position(gazetteer) -> None:
    frame = polygons(
        ("south", "Trapeang Thum Khang*", "2109", 1_218_000.0),
        ("north", "Trapeang Thum Khang*", "2109", 1_224_000.0),
    )
    result = match(frame, gazetteer[2])
    assert result.loc["north", "commune_code"] == "210914"  # Khang Cheung
    assert result.loc["south", "commune_code"] == "210915"  # Khang Tboung
    assert set(result["match_method"]) == {"direction"}


def test_a_name_that_cannot_decide_is_left_ambiguous(gazetteer) -> None:
    frame = polygons(("a", "Kokir", "2503", 0), ("b", "Memot", "2503", 0))
    result = match(frame, gazetteer[2])
    assert result.loc["a", "match_method"] == "ambiguous"
    assert pd.isna(result.loc["a", "commune_code"])
    assert result.loc["b", "commune_code"] == "250308"


def test_two_polygons_never_share_a_code(gazetteer) -> None:
    frame = polygons(("a", "Ou Rai", "1905", 0), ("b", "Ou Rai", "1905", 0))
    result = match(frame, gazetteer[2])
    assert result["commune_code"].dropna().duplicated().sum() == 0
    assert set(result["match_method"]) == {"ambiguous"}


def test_a_commune_split_after_2014_keeps_its_successors(gazetteer) -> None:
    result = match(polygons(("a", "Chaom Chau", "1209", 0)), gazetteer[2])
    assert result.loc["a", "match_method"] == "split_after_2014"
    assert pd.isna(result.loc["a", "commune_code"])
    assert result.loc["a", "successor_codes"] == ["120916", "120917", "120918"]


def test_crosswalk_overrides_and_is_validated(gazetteer) -> None:
    entry = conflate.CrosswalkEntry("a", "Sampeou Poun", "081205", "same Khmer name")
    result = match(polygons(("a", "Sampeou Poun", "0804", 0)), gazetteer[2], [entry])
    assert result.loc["a", "commune_code"] == "081205"
    assert result.loc["a", "match_method"] == "manual"
    bad = conflate.CrosswalkEntry("a", "x", "999999", "typo")
    with pytest.raises(conflate.CrosswalkError, match="999999 is not in the gazetteer"):
        match(polygons(("a", "x", "0804", 0)), gazetteer[2], [bad])
    twice = [entry, conflate.CrosswalkEntry("b", "y", "081205", "again")]
    frame = polygons(("a", "x", "0804", 0), ("b", "y", "0804", 0))
    with pytest.raises(conflate.CrosswalkError, match="given to both a and b"):
        match(frame, gazetteer[2], twice)


def test_crosswalk_file_errors_name_the_file_and_line(tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("source_id,code\nx,1\n", encoding="utf-8")
    with pytest.raises(conflate.CrosswalkError, match=r"wrong\.csv: expected columns"):
        conflate.load_crosswalk(wrong)
    no_reason = tmp_path / "no_reason.csv"
    no_reason.write_text("source_id,shape_name,commune_code,reason\nx,y,010101,\n", "utf-8")
    with pytest.raises(conflate.CrosswalkError, match=r"no_reason\.csv, line 2"):
        conflate.load_crosswalk(no_reason)


def test_project_crosswalk_gives_a_reason_for_every_decision() -> None:
    entries = conflate.load_crosswalk()
    assert entries, "the crosswalk documents the manual decisions"
    assert all(len(e.reason) > 40 for e in entries)


def test_assign_by_overlap_takes_the_largest_share() -> None:
    children = gpd.GeoDataFrame(
        {"id": ["c1", "c2"]}, geometry=[box(0, 0, 1, 1), box(5, 5, 5.1, 5.1)], crs="EPSG:4326"
    )
    parents = gpd.GeoDataFrame(
        {"code": ["left", "right"]},
        geometry=[box(-1, -1, 0.3, 2), box(0.3, -1, 2, 2)],
        crs="EPSG:4326",
    )
    result = conflate.assign_by_overlap(children, parents, "code")
    assert result.tolist() == ["right", "right"]  # c2 overlaps nothing: nearest parent


def test_assign_by_overlap_needs_a_crs() -> None:
    bare = gpd.GeoDataFrame({"code": ["x"]}, geometry=[box(0, 0, 1, 1)])
    with pytest.raises(ValueError, match="CRS"):
        conflate.assign_by_overlap(bare, bare, "code")
