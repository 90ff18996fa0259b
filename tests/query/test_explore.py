"""The Explore page's reads, on the database built from the real boundaries and demo data."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import query
from query import explore
from query.view import Filters

YEAR_2014 = Filters(date(2014, 1, 1), date(2014, 12, 1))


@pytest.fixture(scope="module")
def con(built_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = query.open_database(built_db)
    yield connection
    connection.close()


def test_commune_counts_add_up_to_the_view_total(con: duckdb.DuckDBPyConnection) -> None:
    frame = explore.commune_view(con, YEAR_2014)
    assert len(frame) == 1633 and frame["polygon_id"].is_unique
    unmapped = explore.unmapped_incidents(con, YEAR_2014)["incidents"].sum()
    assert frame["incidents"].sum() + unmapped == explore.view_total(con, YEAR_2014)
    raids = Filters(date(2014, 1, 1), date(2014, 12, 1), ("venue_raid",), province="12")
    pp = explore.commune_view(con, raids)
    assert set(pp["province_code"]) == {"12"}
    assert pp["incidents"].sum() == explore.view_total(con, raids) < frame["incidents"].sum()


def test_partnership_status_follows_the_start_dates(con: duckdb.DuckDBPyConnection) -> None:
    # The demo's 58 pilot communes start in 2011 (01), 2012 (12) and 2013 (18).
    during = explore.commune_view(con, YEAR_2014)
    assert (during["status"] == "active").sum() == 58
    assert (during.loc[during["status"] == "active", "months_covered"] == 12).all()
    before = explore.commune_view(con, Filters(date(2009, 1, 1), date(2009, 12, 1)))
    assert (before["status"] == "none").all()
    pilot_year = explore.commune_view(con, Filters(date(2012, 1, 1), date(2012, 12, 1)))
    started = pilot_year[pilot_year["status"] == "started"]
    assert set(started["province_code"]) == {"12"}
    assert (started["months_covered"] < 12).all()


def test_rates_have_denominators_from_families(con: duckdb.DuckDBPyConnection) -> None:
    frame = explore.commune_view(con, YEAR_2014)
    assert frame["kp_size"].notna().sum() >= 1600  # NCDD families matched to the polygons
    assert (frame["kp_incidents"] <= frame["incidents"]).all()
    # Each population's estimate of the year nearest 2014, shared among the province's
    # communes: none is lost or counted twice.
    estimates = con.execute(
        "SELECT province_code, population, year, estimate FROM kp_estimates"
    ).df()
    nearest = (
        estimates.assign(gap=(estimates["year"] - 2014).abs())
        .sort_values(["gap", "year"], ascending=[True, False])
        .drop_duplicates(["province_code", "population"])
    )
    expected = nearest.groupby("province_code")["estimate"].sum()
    by_province = frame.groupby("province_code")["kp_size"].sum()
    for province, total in expected.items():
        assert by_province[province] == pytest.approx(total, rel=1e-6)


def test_communes_are_found_by_code_or_polygon_and_nothing_else(
    con: duckdb.DuckDBPyConnection,
) -> None:
    polygon = explore.find_polygon(con, "120203")
    assert polygon and explore.find_polygon(con, polygon) == polygon
    assert explore.commune_profile(con, polygon)["commune_name_en"] == "Phsar Thmei Ti Bei"
    assert explore.find_polygon(con, "999999") is None
    with pytest.raises(ValueError, match="six-digit code"):
        explore.find_polygon(con, "1' OR '1'='1")
    with pytest.raises(LookupError):
        explore.commune_profile(con, "nothing")


def test_services_around_name_only_public_ones(con: duckdb.DuckDBPyConnection) -> None:
    services = explore.services_around(con, explore.find_polygon(con, "120303"))
    public = services[services["public"]]
    assert len(public) >= 1 and public["operator"].notna().all()
    private = services[~services["public"]]
    assert len(private) >= 1
    assert private[["operator", "commune_name_en", "opened"]].isna().all().all()
    assert private["service_type"].is_unique  # counted per type, not per place


def test_the_commune_story_reads_months_and_activities(con: duckdb.DuckDBPyConnection) -> None:
    polygon = explore.find_polygon(con, "120203")
    months = explore.commune_months(con, polygon, YEAR_2014, date(2008, 1, 1), date(2014, 12, 1))
    assert months["month"].min() >= pd.Timestamp(2008, 1, 1) and months["incidents"].sum() > 0
    activities = explore.commune_partnership(con, polygon)
    assert set(activities["programme"]) == {"pcpi"}
    assert activities["start_date"].is_monotonic_increasing
