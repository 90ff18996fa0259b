"""The evaluation's commune x month panel on the tiny atlas: counts, starts and urban flags
known by heart."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import query
from query.panel import PANEL_COLUMNS, evaluation_panel, pilot_provinces, planted_effect

POLYGONS = ("POLYA", "POLYB", "POLYC", "POLYD", "POLYE")
# Arrests and confiscations of the tiny atlas by polygon and month (tests/tiny_atlas.py).
PILOT_COUNTS = {
    ("POLYA", "2013-03"): 3, ("POLYA", "2014-01"): 6, ("POLYA", "2014-06"): 2,
    ("POLYB", "2014-03"): 12, ("POLYC", "2014-05"): 2, ("POLYD", "2014-07"): 7,
    ("POLYD", "2014-12"): 1,
}  # fmt: skip


@pytest.fixture(scope="module")
def con(tiny_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = query.open_database(tiny_db)
    yield connection
    connection.close()


def counts(panel: pd.DataFrame) -> dict[tuple[str, str], int]:
    """The panel's non-zero commune-months (rows of the same commune and month added up)."""
    summed = panel.groupby(["unit", panel["month"].dt.strftime("%Y-%m")])["y"].sum()
    return {key: int(n) for key, n in summed.items() if n}


def test_the_panel_counts_arrests_and_confiscations_by_polygon_and_month(
    con: duckdb.DuckDBPyConnection,
) -> None:
    panel = evaluation_panel(con)
    assert tuple(panel.columns) == PANEL_COLUMNS
    assert counts(panel) == PILOT_COUNTS
    # every polygon is there, at the data's first and last month at least (zeros included)
    months = panel.groupby("unit")["month"].agg(["min", "max"])
    assert set(months.index) == set(POLYGONS)
    assert (months["min"] == pd.Timestamp("2013-01-01")).all()
    assert (months["max"] == pd.Timestamp("2014-12-01")).all()
    units = panel.groupby("unit").first()
    assert units.loc["POLYA", "start"] == pd.Timestamp("2014-06-01")
    assert units["start"].notna().sum() == 1
    assert units["province_code"].to_dict() == {
        "POLYA": "01", "POLYB": "01", "POLYC": "01", "POLYD": "23", "POLYE": "23",
    }  # fmt: skip
    assert not units["urban"].any()  # 120 km² each, no hotspot


def test_other_types_and_incidents_without_a_polygon(con: duckdb.DuckDBPyConnection) -> None:
    raids = evaluation_panel(con, ["venue_raid"])
    # 230103 has no polygon: its 3 raids count in its district, not in the panel
    assert counts(raids) == {("POLYC", "2013-01"): 1, ("POLYA", "2014-02"): 4}
    assert int(evaluation_panel(con, ["extortion_harassment"])["y"].sum()) == 1


@pytest.mark.parametrize(("types", "message"), [
    (["venue_raid", "raid"], "unknown incident type 'raid'"),
    ([], "choose at least one incident type"),
])  # fmt: skip
def test_unknown_or_no_types_are_refused(
    con: duckdb.DuckDBPyConnection, types: list[str], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        evaluation_panel(con, types)


@pytest.fixture()
def edited(tiny_db: Path, tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """The tiny atlas with a small commune (B), a commune of a hotspot district (C), a commune
    of the capital (D), a commune without an area (E), and more partnership rows in A: an
    earlier activity that does not start the partnership, a later one that does."""
    path = tmp_path / "edited.duckdb"
    shutil.copy(tiny_db, path)
    with duckdb.connect(str(path)) as writer:
        writer.execute("UPDATE communes SET area_km2 = 14.9 WHERE source_id = 'POLYB'")
        writer.execute("UPDATE communes SET district_code = '0110' WHERE source_id = 'POLYC'")
        writer.execute("UPDATE communes SET province_code = '12' WHERE source_id = 'POLYD'")
        writer.execute("UPDATE communes SET area_km2 = NULL WHERE source_id = 'POLYE'")
        for activity, start in (("joint_case_review", date(2013, 2, 1)),
                                ("rapid_response_team", date(2014, 9, 20))):  # fmt: skip
            writer.execute(
                "INSERT INTO partnership (programme, activity, start_date, commune_code, "
                "polygon_id, province_code) VALUES ('mcpi', $a, $s, '010101', 'POLYA', '01')",
                {"a": activity, "s": start},
            )
        writer.execute(
            "INSERT INTO partnership (programme, activity, start_date, commune_code, polygon_id, "
            "province_code) VALUES ('pcpi', 'rapid_response_team', DATE '2013-07-09', '230101', "
            "'POLYD', '23')"
        )
    connection = query.open_database(path)
    yield connection
    connection.close()


def test_urban_and_start_follow_the_demos_definitions(edited: duckdb.DuckDBPyConnection) -> None:
    units = evaluation_panel(edited).groupby("unit").first()
    assert units["urban"].to_dict() == {
        "POLYA": False, "POLYB": True, "POLYC": True, "POLYD": True, "POLYE": False,
    }  # fmt: skip
    assert units.loc["POLYA", "start"] == pd.Timestamp("2014-06-01")  # the first starting one
    assert units.loc["POLYD", "start"] == pd.Timestamp("2013-07-01")  # its month
    assert pilot_provinces(edited) == ["01", "23"]


def test_pilot_provinces_and_the_planted_effect(con: duckdb.DuckDBPyConnection) -> None:
    assert pilot_provinces(con) == ["01"]
    assert planted_effect(con) is None  # no demo parameters: not the demo set


@pytest.mark.integration
def test_the_demo_database_says_what_it_planted(built_db: Path) -> None:
    connection = query.open_database(built_db)
    try:
        assert planted_effect(connection) == pytest.approx(0.40)
        assert pilot_provinces(connection) == ["01", "12", "18"]
    finally:
        connection.close()
