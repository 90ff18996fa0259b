"""The attack suite on the demo: no attack learns a commune's count of 1 to 4 more than five
points better than a blind guess, and the published numbers agree with each other everywhere
(which is what makes averaging useless)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

import query
from benchmarks.attacks import Attacker, number, score, true_counts
from query import published
from query.export import Exporter
from query.grid import window_starts
from query.view import Filters

pytestmark = pytest.mark.integration
YEARS = [date(y, 1, 1) for y in range(2008, 2015)]


@pytest.fixture(scope="module")
def exporter(built_db: Path) -> Iterator[Exporter]:
    con = query.open_database(built_db)
    yield Exporter(con)
    con.close()


@pytest.fixture(scope="module")
def scores(exporter: Exporter) -> dict:
    attacker = Attacker(exporter, starts=YEARS)
    found = attacker.collect()
    return {s.attack: s for s in score(found, true_counts(exporter, YEARS))}


def test_no_attack_beats_a_blind_guess_by_more_than_five_points(scores: dict) -> None:
    for attack, result in scores.items():
        assert result.targets > 1000, attack
        assert result.advantage <= 5.0, (attack, result)
    assert scores["neighbour_windows"].informed > 1000  # the attacks did run on many targets
    assert scores["parent_minus_children"].informed > 50


def test_a_cell_reads_the_same_in_every_view(exporter: Exporter) -> None:
    national, _ = exporter.table("from=2013-01&province=&level=commune")
    for province in ("01", "12", "23"):
        focus, _ = exporter.table(f"from=2013-01&province={province}&level=commune")
        mine = national[national["province_code"] == province].reset_index(drop=True)
        assert mine["incidents"].tolist() == focus["incidents"].tolist()


def test_a_rate_gives_back_only_the_count_shown(exporter: Exporter) -> None:
    table, _ = exporter.table("from=2014-01&measure=rate&pop=key_populations")
    units = published.units(exporter.con, Filters(date(2014, 1, 1), population="key_populations"),
                            "commune")  # fmt: skip
    shown = units["rate_state"] == "shown"
    assert shown.sum() > 100
    back = units.loc[shown, "rate"] * units.loc[shown, "kp_size"] / 1000
    assert (back.round(6) == units.loc[shown, "count"]).all()
    assert units.loc[units["state"] == "small", "rate_state"].isin(["hidden", "missing"]).all()
    assert not table["per_1000_people"].str.fullmatch(r"[0-9.]+").where(
        table["incidents"].str.startswith("<"), False).any()  # fmt: skip


def test_the_chart_bars_are_the_maps_counts(exporter: Exporter) -> None:
    bounds = exporter.bounds
    for year in (date(2011, 1, 1), date(2014, 1, 1)):
        table, _ = exporter.table(f"from={year:%Y-%m}&province=12")
        coded = table[table["commune_code"].notna()].head(10)
        for code, text in zip(coded["commune_code"], coded["incidents"], strict=True):
            polygon = query.explore.find_polygon(exporter.con, code)
            bars = published.year_series(exporter.con, Filters(year), bounds, "commune", polygon)
            assert bars.set_index("start").loc[year, "text"] == text
    assert len(window_starts(bounds)) == 7  # calendar years only


def test_no_table_ever_reads_one_to_four(exporter: Exporter) -> None:
    for link in (
        "from=2012-06&level=district&type=venue_raid&pop=tg",
        "from=2010-08&level=province&actor=military_police",
        "province=16",
    ):
        table, _ = exporter.table(link)
        assert not [t for t in table["incidents"] if number(t) is not None and number(t) < 5]
