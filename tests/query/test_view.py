"""The shared filters as a value: checked when made, bound by name, said in words."""

from __future__ import annotations

from datetime import date

import pytest

from query.view import Filters
from vocabulary import INCIDENT_TYPES, POPULATIONS


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"start": date(2014, 1, 15)}, "first day of a month"),
        ({"incident_type": "x"}, "incident_type 'x' is not one of"),
        ({"population": "key_populations,pwid"}, "is not one of"),
        ({"actor": "arrests_confiscations"}, "is not one of"),  # a group of another filter
        ({"province": "1"}, "two digits"),
        ({"province": "១២"}, "two digits"),
    ],
)
def test_filters_that_cannot_be_queried_are_refused(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Filters(**{"start": date(2014, 1, 1), **kwargs})


def test_a_period_is_twelve_months_and_the_previous_one_too() -> None:
    filters = Filters(date(2010, 8, 1), "venue_raid")
    assert (filters.end, filters.months) == (date(2011, 7, 1), 12)
    assert filters.previous() == Filters(date(2009, 8, 1), "venue_raid")


def test_sql_parameters_are_named_and_never_empty() -> None:
    params = Filters(date(2013, 1, 1), actor="police").sql_params()
    assert params == {
        "start": date(2013, 1, 1), "end": date(2013, 12, 1), "types": list(INCIDENT_TYPES),
        "pops": list(POPULATIONS), "actors": ["police"], "province": None,
    }  # fmt: skip


def test_describe_says_every_filter_in_both_languages() -> None:
    everything = Filters(date(2014, 1, 1))
    assert everything.describe("en") == (
        "2014-01 – 2014-12 · Incidents: All · Population: All · Actor: All · Whole country"
    )
    some = Filters(date(2012, 6, 1), "arrests_confiscations", "tg", "police", "12")
    assert some.describe("en", {"12": "Phnom Penh"}) == (
        "2012-06 – 2013-05 · Incidents: Arrests and confiscations · "
        "Population: Transgender people · Actor: Police · Province: Phnom Penh"
    )
    khmer = some.describe("km", {"12": "ភ្នំពេញ"})
    assert "ភ្នំពេញ" in khmer and "ការចាប់ខ្លួន និងការរឹបអូស" in khmer and "Police" not in khmer
