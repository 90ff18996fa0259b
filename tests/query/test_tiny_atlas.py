"""The query layer's reads on the tiny atlas (exact counts), and the tiny atlas's schema against
a database built from the real boundaries."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import query
from query import cells, explore
from query.sql import bound
from query.view import Filters
from tests.tiny_atlas import COUNTS_2014, UNMAPPED_2014

YEAR_2014 = Filters(date(2014, 1, 1))


@pytest.fixture(scope="module")
def con(tiny_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = query.open_database(tiny_db)
    yield connection
    connection.close()


def _columns(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[str, str]]]:
    rows = con.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns "
        "ORDER BY table_name, ordinal_position"
    ).fetchall()
    out: dict[str, list[tuple[str, str]]] = {}
    for table, column, kind in rows:
        out.setdefault(table, []).append((column, kind))
    return out


@pytest.mark.integration
def test_the_tiny_atlas_has_the_real_schema(tiny_db: Path, built_db: Path) -> None:
    tiny, real = (_columns(query.open_database(p)) for p in (tiny_db, built_db))
    assert set(tiny) <= set(real)
    assert {t: tiny[t] for t in tiny} == {t: real[t] for t in tiny}
    assert set(query.REQUIRED_TABLES) <= set(tiny)


def test_commune_counts_are_exact(con: duckdb.DuckDBPyConnection) -> None:
    frame = cells.unit_cells(con, YEAR_2014, "commune")
    codes = dict(zip(*explore.unit_view(con, YEAR_2014, "commune", ())[["unit", "commune_code"]]
                     .to_numpy().T, strict=True))  # fmt: skip
    counts = {codes[u] if isinstance(codes[u], str) else None: n
              for u, n in zip(frame["unit"], frame["n"], strict=True)}  # fmt: skip
    assert counts == COUNTS_2014
    districts = cells.unit_cells(con, YEAR_2014, "district").set_index("unit")["n"]
    # the three venue raids of 230103, a commune with no polygon, count in its district
    assert districts["2301"] == COUNTS_2014["230101"] + UNMAPPED_2014["23"]
    assert explore.view_total(con, YEAR_2014) == sum(COUNTS_2014.values()) + 3
    assert cells.total_cell(con, YEAR_2014)[0] == sum(COUNTS_2014.values()) + 3


def test_every_filter_is_bound_by_name(con: duckdb.DuckDBPyConnection) -> None:
    kep = Filters(date(2014, 1, 1), province="23")
    frame = explore.unit_view(con, kep, "commune", ())
    assert list(frame["unit"]) == ["POLYD", "POLYE"]
    arrests = Filters(date(2014, 1, 1), "arrest_detention", "pwid", "police", "01")
    assert explore.view_total(con, arrests) == 6
    assert explore.view_total(con, Filters(date(2013, 3, 1))) == 3 + 6 + 4  # March to February
    assert explore.month_range(con) == (date(2013, 1, 1), date(2014, 12, 1))


def test_partnership_status_and_rates(con: duckdb.DuckDBPyConnection) -> None:
    frame = explore.unit_view(con, YEAR_2014, "commune", ("pwid",)).set_index("unit")
    assert frame.loc["POLYA", "status"] == "started"
    # June to December: an open-ended activity runs until the last incident's month.
    assert frame.loc["POLYA", "months_covered"] == 7
    assert (frame.drop("POLYA")["status"] == "none").all()
    # 1,000 people who inject drugs in province 01, shared by families 100 : 300 : 600.
    assert frame.loc["POLYA", "kp_size"] == pytest.approx(100.0)
    assert frame.loc["POLYC", "kp_size"] == pytest.approx(600.0)
    assert pd.isna(frame.loc["POLYD", "kp_size"])  # Kep has no estimate
    districts = explore.unit_view(con, YEAR_2014, "district", ("pwid",)).set_index("unit")
    assert districts.loc["0101", "kp_size"] == pytest.approx(400.0)
    assert districts.loc["0101", "status"] == "started"  # one of its two communes
    assert districts.loc["0101", "communes_partnered"] == 1
    both = explore.unit_view(con, YEAR_2014, "province", ("pwid", "msm")).set_index("unit")
    assert pd.isna(both.loc["01", "kp_size"])  # no estimate for msm: no rate


def test_services_around_a_commune(con: duckdb.DuckDBPyConnection) -> None:
    around = explore.services_around(con, "POLYA")
    public = around[around["public"]]
    assert list(public["operator"]) == ["TINY hospital"]
    private = around[~around["public"]]
    assert list(private["services"]) == [1] and private["operator"].isna().all()
    points = explore.public_service_points(con, YEAR_2014)
    assert list(points["service_id"]) == ["S1"]


def test_a_statement_gets_exactly_the_parameters_it_names() -> None:
    sql = "SELECT * FROM t WHERE a = $start AND $province IS NULL"
    assert bound(sql, {"start": 1, "province": None, "unused": 2}) == {
        "start": 1, "province": None}  # fmt: skip
    with pytest.raises(KeyError, match="province"):
        bound(sql, {"start": 1})
