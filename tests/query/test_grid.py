"""The publication grid: twelve-month windows, single choices, coarse choices at commune level."""

from __future__ import annotations

from datetime import date

import pytest

from query.grid import LEVELS, choices, coarsest_level, off_grid, window_starts
from query.view import CHOICES, Filters


def test_windows_lie_within_the_data() -> None:
    starts = window_starts((date(2008, 1, 1), date(2014, 12, 1)))
    assert starts[0] == date(2008, 1, 1) and starts[-1] == date(2014, 1, 1)
    assert len(starts) == 73  # 84 months hold 73 twelve-month windows
    short = window_starts((date(2014, 5, 1), date(2014, 12, 1)))
    assert short == [date(2014, 1, 1)]  # less than a year of data: the year that ends with it


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
