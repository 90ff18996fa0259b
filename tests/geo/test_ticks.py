"""Axis ticks in the reader's digits (``geo.ticks``): steps of 1, 2 or 5, every value the
chart draws inside them, the years of a date axis, Khmer digits when asked."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from geo.ticks import local, nice_step, number_ticks, year_ticks

KHMER = "០១២៣៤៥៦៧៨៩"


@pytest.mark.parametrize(
    ("span", "most", "step"), [(10, 8, 2), (100, 8, 20), (7, 8, 1), (0.5, 8, 0.1), (0, 8, 1)]
)
def test_a_step_is_1_2_or_5_times_a_power_of_ten(span: float, most: int, step: float) -> None:
    assert nice_step(span, most) == pytest.approx(step)


def test_number_ticks_cover_the_values_and_zero_in_the_readers_digits() -> None:
    ticks = number_ticks([-52.0, -35.0, 12.0], KHMER, suffix=" %")
    values = ticks["tickvals"]
    assert min(values) < -52 and max(values) > 12 and 0 in values
    assert ticks["tickmode"] == "array" and len(values) == len(ticks["ticktext"])
    assert ticks["ticktext"][values.index(0)] == "០ %"
    assert ticks["ticktext"][values.index(-20)] == "−២០ %"  # a minus sign, Khmer digits
    assert number_ticks([0.25, 1.5], "0123456789")["ticktext"][:3] == ["−0.2", "0.0", "0.2"]
    assert number_ticks([None, float("nan")], KHMER)["tickvals"] == [-1.0, 0.0, 1.0]


def test_year_ticks_are_the_years_of_a_date_axis() -> None:
    days = [date(2008, 12, 1), date(2011, 6, 1), date(2014, 12, 1)]
    ticks = year_ticks(days, KHMER)
    assert ticks["tickvals"][0] == pd.Timestamp(2008, 1, 1)
    assert ticks["ticktext"][:2] == ["២០០៨", "២០០៩"]
    assert len(year_ticks([date(1990, 1, 1), date(2020, 1, 1)], KHMER)["tickvals"]) <= 8
    assert year_ticks([], KHMER) == {}
    assert local("<5 (2014)", KHMER) == "<៥ (២០១៤)"
