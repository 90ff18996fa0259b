"""The publication grid: calendar years, single choices, coarse choices at commune level, one fine
choice at a time."""

from __future__ import annotations

from datetime import date

import pytest

from query.grid import LEVELS, choices, coarsest_level, off_grid, on_level, window_starts
from query.view import CHOICES, Filters


def test_windows_are_the_calendar_years_of_the_data() -> None:
    starts = window_starts((date(2008, 1, 1), date(2014, 12, 1)))
    assert starts == [date(year, 1, 1) for year in range(2008, 2015)]  # never overlapping
    assert window_starts((date(2014, 5, 1), date(2014, 12, 1))) == [date(2014, 1, 1)]
    assert window_starts((date(2009, 7, 1), date(2011, 2, 1))) == [
        date(2009, 1, 1), date(2010, 1, 1), date(2011, 1, 1)]  # fmt: skip


def test_communes_offer_only_the_coarse_choices() -> None:
    assert choices("commune") == {
        "incident_type": ("all", "arrests_confiscations"),
        "population": ("all", "key_populations"),
        "actor": ("all",),
    }
    assert choices("district") == choices("province") == CHOICES
    raids = Filters(date(2014, 1, 1), incident_type="venue_raid")
    assert off_grid(raids, "commune") == ["incident_type"] and off_grid(raids, "district") == []
    assert coarsest_level(raids) == "district"
    assert coarsest_level(Filters(date(2014, 1, 1), population="key_populations")) == "commune"
    with pytest.raises(ValueError, match="level"):
        choices("village")
    assert LEVELS == ("commune", "district", "province")


def test_one_filter_at_a_time_takes_a_fine_choice() -> None:
    raids = Filters(date(2014, 1, 1), incident_type="venue_raid")
    offered = choices("district", raids)
    assert "venue_raid" in offered["incident_type"]  # its own choice stays
    assert offered["population"] == ("all", "key_populations")  # no second fine choice
    assert offered["actor"] == ("all",)
    assert choices("district", Filters(date(2014, 1, 1))) == CHOICES
    both = Filters(date(2014, 1, 1), incident_type="venue_raid", population="pwid")
    assert off_grid(both, "district") == off_grid(both, "province") == ["population"]
    assert off_grid(both, "commune") == ["incident_type", "population"]
    assert coarsest_level(both) == "province"  # no level takes it: on_level sets it back
    assert on_level(both, "district") == raids
    grouped = Filters(date(2014, 1, 1), incident_type="venue_raid", population="key_populations")
    assert off_grid(grouped, "district") == []  # a fixed group is not a fine choice
