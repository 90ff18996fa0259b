"""The Explore page's reads and the cells behind its numbers, on the database built from the
real boundaries and the demo data."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest

import query
from query import cells, explore
from query.view import KEY_POPULATIONS_GROUP, Filters

pytestmark = pytest.mark.integration
YEAR_2014 = Filters(date(2014, 1, 1))


@pytest.fixture(scope="module")
def con(built_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = query.open_database(built_db)
    yield connection
    connection.close()


def test_unit_cells_add_up_at_every_level(con: duckdb.DuckDBPyConnection) -> None:
    total = explore.view_total(con, YEAR_2014)
    assert cells.total_cell(con, YEAR_2014)[0] == total
    for level, units in (("commune", 1633), ("district", 210), ("province", 25)):
        frame = cells.unit_cells(con, YEAR_2014, level)
        assert len(frame) == units and frame["unit"].is_unique
        assert frame["n"].sum() == total  # the demo places every incident in a polygon
    raids = Filters(date(2014, 1, 1), "venue_raid", province="12")
    pp = cells.unit_cells(con, raids, "district")
    assert pp["n"].sum() == explore.view_total(con, raids) < total
    assert set(explore.unit_view(con, raids, "district", ())["province_code"]) == {"12"}


def test_partnership_status_follows_the_start_dates(con: duckdb.DuckDBPyConnection) -> None:
    # The demo's 58 pilot communes start in 2011 (01), 2012 (12) and 2013 (18).
    during = explore.unit_view(con, YEAR_2014, "commune", ())
    assert (during["status"] == "active").sum() == 58
    assert (during.loc[during["status"] == "active", "months_covered"] == 12).all()
    before = explore.unit_view(con, Filters(date(2009, 1, 1)), "commune", ())
    assert (before["status"] == "none").all()
    pilot_year = explore.unit_view(con, Filters(date(2012, 1, 1)), "commune", ())
    started = pilot_year[pilot_year["status"] == "started"]
    assert set(started["province_code"]) == {"12"}
    assert (started["months_covered"] < 12).all()
    provinces = explore.unit_view(con, YEAR_2014, "province", ()).set_index("unit")
    assert provinces.loc["12", "status"] == "started"  # some of its communes, not all
    assert provinces.loc["12", "communes_partnered"] > 10
    assert provinces.loc["16", "status"] == "none"


def test_rates_have_denominators_from_families(con: duckdb.DuckDBPyConnection) -> None:
    frame = explore.unit_view(con, YEAR_2014, "commune", KEY_POPULATIONS_GROUP)
    assert frame["kp_size"].notna().sum() >= 1600  # NCDD families matched to the polygons
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
    provinces = explore.unit_view(con, YEAR_2014, "province", KEY_POPULATIONS_GROUP)
    for province, total in expected.items():
        assert by_province[province] == pytest.approx(total, rel=1e-6)
        assert provinces.set_index("unit").loc[province, "kp_size"] == pytest.approx(total)
    outreach = explore.unit_view(con, YEAR_2014, "province", ("outreach_worker",))
    assert outreach["kp_size"].isna().all()  # no estimate for them: no rate


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


def test_a_communes_partnership_activities(con: duckdb.DuckDBPyConnection) -> None:
    activities = explore.commune_partnership(con, explore.find_polygon(con, "120203"))
    assert set(activities["programme"]) == {"pcpi"}
    assert activities["start_date"].is_monotonic_increasing
