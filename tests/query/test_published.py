"""The protection layer on the tiny atlas: what is published for each cell, and that the same
incidents read the same everywhere."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import numpy as np
import pytest

import query
from query import cells, published
from query.cellkey import publish
from query.view import Filters

YEAR_2014 = Filters(date(2014, 1, 1))
BOUNDS = (date(2013, 1, 1), date(2014, 12, 1))


@pytest.fixture(scope="module")
def con(tiny_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = query.open_database(tiny_db)
    yield connection
    connection.close()


def test_each_commune_reads_as_its_cell_is_published(con: duckdb.DuckDBPyConnection) -> None:
    units = published.units(con, YEAR_2014, "commune").set_index("unit")
    truth = cells.unit_cells(con, YEAR_2014, "commune").set_index("unit")
    for polygon, row in units.iterrows():
        n, key = int(truth.loc[polygon, "n"]), int(truth.loc[polygon, "key_sum"])
        assert row["text"] == publish([n], [key], [truth.loc[polygon, "cell"]], 5).texts(5)[0]
        if n < 5:  # none and a few read alike
            assert row["text"] == "<5" and np.isnan(row["count"])
        else:  # a multiple of 5 within 4 of the truth
            assert row["count"] % 5 == 0 and abs(row["count"] - n) <= 4
    assert units.loc["POLYC", "text"] == "<5"  # two syringe confiscations
    assert units.loc["POLYE", "text"] == "<5"  # no incident: not told apart from a few
    assert not {"n", "key_sum"} & set(units.columns)  # no true count leaves the layer


def test_the_same_incidents_read_the_same_in_every_view(con: duckdb.DuckDBPyConnection) -> None:
    national = published.units(con, YEAR_2014, "commune").set_index("unit")["text"]
    focus = published.units(con, Filters(date(2014, 1, 1), province="01"), "commune")
    assert (focus.set_index("unit")["text"] == national[focus["unit"]]).all()
    # a province's row at province level and the province view's own total: one cell
    provinces = published.units(con, YEAR_2014, "province").set_index("unit")["text"]
    assert provinces["23"] == published.total(con, Filters(date(2014, 1, 1), province="23")).text
    # the commune story's bar for a calendar year is the map's count for that year
    bars = published.year_series(con, YEAR_2014, BOUNDS, "commune", "POLYB")
    assert bars.set_index("start").loc[date(2014, 1, 1), "text"] == national["POLYB"]


def test_commune_level_offers_only_the_coarse_choices(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(ValueError, match="incident_type"):
        published.units(con, Filters(date(2014, 1, 1), "venue_raid"), "commune")
    raids = published.units(con, Filters(date(2014, 1, 1), "venue_raid"), "district")
    assert set(raids["unit"]) == {"0101", "0102", "2301"}


def test_rates_show_only_where_their_count_does(con: duckdb.DuckDBPyConnection) -> None:
    units = published.units(con, YEAR_2014, "commune").set_index("unit")
    assert units.loc["POLYD", "rate_state"] == "missing"  # Kep has no estimate
    pwid = Filters(date(2014, 1, 1), population="pwid")
    districts = published.units(con, pwid, "district").set_index("unit")
    row = districts.loc["0101"]  # 6 pwid arrests in Alpha: shown, over 400 people (100 + 300)
    if row["state"] == "shown":
        assert row["rate"] == pytest.approx(row["count"] / 400 * 1000)
    assert districts.loc["0102", "rate_state"] == "hidden"  # 2 syringe confiscations: <5


def test_the_summary_uses_its_own_cells(con: duckdb.DuckDBPyConnection) -> None:
    summary = published.summary(con, YEAR_2014, "commune", BOUNDS)
    truth = cells.total_cell(con, YEAR_2014)
    assert summary.total.text == publish([truth[0]], [truth[1]], [truth[2]], 5).texts(5)[0]
    shown = published.units(con, YEAR_2014, "commune")["state"].eq("shown").sum()
    assert summary.units_affected == shown  # the communes whose count reads a number
    # 2013 had four incidents: it reads <5, so no change is shown
    assert summary.previous.text == "<5" and summary.change is None
    assert "note_change_small" in summary.notes
    # the partnership share: Alpha alone is in the partnership, a group of fewer than 5
    # communes, so its share is not shown apart (it would publish a cell no grid offers)
    assert summary.partnership_share is None and "note_share_small" in summary.notes
    first = published.summary(con, Filters(date(2013, 1, 1)), "commune", BOUNDS)
    assert first.previous is None and "note_no_previous" in first.notes


def test_only_the_grids_windows_are_published(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(ValueError, match="twelve-month window"):
        published.units(con, Filters(date(2014, 2, 1)), "commune")  # would end after the data
    with pytest.raises(ValueError, match="twelve-month window"):
        published.total(con, Filters(date(2012, 12, 1)))
