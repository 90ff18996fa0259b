"""The filter table: each filter declared once, and everything else reads it.

The first tests check the table as declared; the others add a filter in a fixture
(``tests/added_filter.py``: ``verified``, offered by district and province only) and see it in
the link, the value, the grid, the SQL, the export and the sentence. The sidebar's part is in
``tests/ui/test_filter_sidebar.py``.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pytest

import i18n
import query
from query import cells, explore, filter_table, published
from query.export import Exporter
from query.filter_kinds import ALL, Choice, ChoiceFilter
from query.grid import choices, coarsest_level, off_grid, on_level
from query.links import ExploreOptions, parse_params, to_params
from query.sql import parameter_names
from query.view import Filters
from tests.added_filter import COUNTS_2014, VERIFIED, add_verified, tiny_atlas_with_verified

BOUNDS = (date(2013, 1, 1), date(2014, 12, 1))
PROVINCES = {"01", "23"}
YEAR = date(2014, 1, 1)


def test_the_table_holds_the_shared_filters_in_the_sidebar_s_order() -> None:
    assert [f.key for f in filter_table.table()] == ["period", "type", "pop", "actor", "province"]
    assert [f.field for f in filter_table.table()] == [
        "start", "incident_type", "population", "actor", "province"]  # fmt: skip
    assert filter_table.incidents_where() == (
        "(month BETWEEN $start AND $end) AND "
        "(list_contains($types, CAST(incident_type AS VARCHAR))) AND "
        "(list_contains($pops, CAST(population AS VARCHAR))) AND "
        "(list_contains($actors, CAST(actor AS VARCHAR))) AND "
        "(($province IS NULL OR province_code = $province))"
    )
    # The WHERE part names exactly the parameters a view binds.
    assert parameter_names(filter_table.incidents_where()) == set(Filters(YEAR).sql_params())


def test_every_label_of_the_table_exists_in_both_languages() -> None:
    keys = [key for f in filter_table.choice_filters()
            for key in (f.label, f.sentence, *(c.label for c in f.choices))]  # fmt: skip
    keys += [filter_table.PROVINCE.label, filter_table.PROVINCE.everywhere]
    missing = [k for k in keys if k not in i18n.MESSAGES]
    assert missing == []


def test_a_declaration_the_atlas_cannot_serve_is_refused() -> None:
    with pytest.raises(ValueError, match="key must be its own"):
        filter_table.checked((*filter_table.FILTERS, replace(VERIFIED, key="type")))
    with pytest.raises(ValueError, match="SQL parameter must be its own"):
        clash = replace(VERIFIED, param="types", sql="list_contains($types, x)")
        filter_table.checked((*filter_table.FILTERS, clash))
    with pytest.raises(ValueError, match="the first filter of the table is the period"):
        filter_table.checked(filter_table.FILTERS[1:])
    with pytest.raises(ValueError, match=r"must name the parameters \['verified'\]"):
        replace(VERIFIED, sql="verified_state = 'yes'")  # a value written into the SQL
    with pytest.raises(ValueError, match="must be the first choice, offered at every level"):
        replace(VERIFIED, choices=(Choice(ALL, ("yes", "no"), "all", ("province",)),))
    with pytest.raises(ValueError, match="stands for nothing"):
        ChoiceFilter("x", "x", "x", "x", "x = $x", "x", (Choice(ALL, (), "all"),))


def test_filters_stay_a_frozen_hashable_value() -> None:
    filters = Filters(YEAR, "venue_raid", province="01")
    assert filters == Filters(YEAR, incident_type="venue_raid", province="01")
    assert hash(filters) == hash(Filters(YEAR, "venue_raid", "all", "all", "01"))
    assert pickle.loads(pickle.dumps(filters)) == filters
    assert replace(filters, population="pwid").population == "pwid"
    assert repr(Filters(YEAR)) == (
        "Filters(start=datetime.date(2014, 1, 1), incident_type='all', population='all', "
        "actor='all', province=None)"
    )
    with pytest.raises(AttributeError):
        filters.start = date(2013, 1, 1)  # type: ignore[misc]
    with pytest.raises(TypeError, match="no filter"):
        Filters(YEAR, verified="yes")
    with pytest.raises(AttributeError, match="verified"):
        _ = filters.verified


@pytest.fixture
def verified(monkeypatch: pytest.MonkeyPatch) -> None:
    """The table with ``verified`` added, for one test."""
    add_verified(monkeypatch)


@pytest.fixture
def con(verified: None, tiny_db: Path, tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = query.open_database(tiny_atlas_with_verified(tiny_db, tmp_path))
    yield connection
    connection.close()


def test_an_added_filter_is_a_value_of_the_view(verified: None) -> None:
    filters = Filters(YEAR, "all", "all", "all", None, "no")  # by position, after the province
    assert filters.verified == "no" and Filters(YEAR).verified == ALL
    assert filters == Filters(YEAR, verified="no") != Filters(YEAR)
    assert filters.values("verified") == ("no",)
    assert filters.sql_params()["verified"] == ["no"]
    assert Filters(YEAR).sql_params()["verified"] == ["yes", "no"]
    with pytest.raises(ValueError, match="verified 'maybe' is not one of"):
        Filters(YEAR, verified="maybe")


def test_an_added_filter_is_read_from_and_written_to_a_link(verified: None) -> None:
    link = {"verified": "no", "level": "province", "type": "arrests_confiscations"}
    filters, options, problems = parse_params(link, BOUNDS, PROVINCES)
    assert problems == []
    assert (filters.verified, filters.incident_type, options.level) == (
        "no", "arrests_confiscations", "province")  # fmt: skip
    assert to_params(filters, options, BOUNDS) == link
    assert to_params(Filters(YEAR), ExploreOptions(), BOUNDS) == {}  # "all" is the default


def test_a_bad_value_of_an_added_filter_falls_back_with_a_message(verified: None) -> None:
    filters, _, problems = parse_params({"verified": "maybe"}, BOUNDS, PROVINCES)
    assert filters.verified == ALL
    assert [(p.key, p.values) for p in problems] == [
        ("bad_choice", {"name": "verified", "value": "maybe", "allowed": "all, yes, no"})
    ]
    message = i18n.t(problems[0].key, "en", **problems[0].values)
    assert "“maybe”" in message and "all, yes, no" in message


def test_an_added_filter_is_moved_or_refused_where_it_is_not_offered(
    verified: None, con: duckdb.DuckDBPyConnection
) -> None:
    assert choices("commune")["verified"] == (ALL,)
    assert choices("district")["verified"] == choices("province")["verified"] == (ALL, "yes", "no")
    unverified = Filters(YEAR, verified="no")
    assert off_grid(unverified, "commune") == ["verified"]
    assert coarsest_level(unverified) == "district"
    assert on_level(unverified, "commune") == Filters(YEAR)
    link = {"verified": "no", "level": "commune"}
    filters, options, problems = parse_params(link, BOUNDS, PROVINCES)
    assert filters.verified == "no" and options.level == "district"
    assert [(p.key, p.values) for p in problems] == [
        ("level_moved", {"asked": "commune", "level": "district"})
    ]
    with pytest.raises(ValueError, match=r"\['verified'\] are not offered at commune level"):
        published.units(con, unverified, "commune")


def test_the_sql_applies_an_added_filter(con: duckdb.DuckDBPyConnection) -> None:
    for choice, n in COUNTS_2014.items():
        assert explore.view_total(con, Filters(YEAR, verified=choice)) == n
        assert cells.total_cell(con, Filters(YEAR, verified=choice))[0] == n
    districts = cells.unit_cells(con, Filters(YEAR, verified="no"), "district")
    assert dict(zip(districts["unit"], districts["n"], strict=True)) == {
        "0101": 0, "0102": 0, "2301": 11}  # fmt: skip
    windows = cells.window_cells(con, Filters(YEAR, verified="yes"), [date(2013, 1, 1), YEAR])
    assert windows["n"].tolist() == [1 + 3, 27]  # province 01's incidents in 2013 and 2014
    shown = published.units(con, Filters(YEAR, verified="yes"), "province")
    assert shown.set_index("unit").loc["23", "text"] == "<5"  # none reads as a few


def test_an_added_filter_is_in_the_export_and_the_sentence(
    con: duckdb.DuckDBPyConnection,
) -> None:
    table, messages = Exporter(con).table("verified=no&level=province")
    assert messages == []
    assert list(table.columns[-7:]) == [
        "period_from", "period_to", "incident_type", "population", "actor", "verified",
        "protection"]  # fmt: skip
    assert set(table["verified"]) == {"no"}
    filters = Filters(YEAR, "venue_raid", verified="no")
    assert filters.describe("en") == (
        "2014-01 – 2014-12 · Incidents: Venue raid · Population: All · Actor: All · "
        "Whole country · Verified: No"
    )
    khmer = filters.describe("km")
    assert khmer.endswith("បានផ្ទៀងផ្ទាត់: ទេ") and "Verified" not in khmer
