"""The query layer: parameters checked, results shaped for the pages."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

import query


@pytest.fixture(scope="module")
def con(built_db: Path):
    connection = query.open_database(built_db)
    yield connection
    connection.close()


def test_province_filter(con) -> None:
    phnom_penh = query.commune_layer(con, "12")
    assert len(phnom_penh) == 96
    assert set(phnom_penh["province_code"]) == {"12"}
    assert phnom_penh.crs.to_epsg() == 4326


@pytest.mark.parametrize("bad", ["1", "012", "01; DROP TABLE communes", "ab"])
def test_malformed_province_codes_never_reach_sql(con, bad: str) -> None:
    with pytest.raises(ValueError, match="a province code is two digits"):
        query.commune_layer(con, bad)


def test_border_tables_are_an_allow_list(con) -> None:
    assert len(query.border_layer(con, "provinces")) == 25
    assert len(query.border_layer(con, "districts", "25")) == 7
    with pytest.raises(ValueError, match="border table must be one of"):
        query.border_layer(con, "communes")


def test_missing_or_foreign_database_says_how_to_build(tmp_path: Path) -> None:
    with pytest.raises(query.DatabaseMissingError, match="python -m etl build"):
        query.open_database(tmp_path / "none.duckdb")
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    with pytest.raises(query.DatabaseMissingError, match="not an atlas database"):
        query.open_database(other)
