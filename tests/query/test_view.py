"""The shared filters as a value: checked when made, bound by name, said in words."""

from __future__ import annotations

from datetime import date

import pytest

from query.view import Filters
from vocabulary import ACTORS, INCIDENT_TYPES, POPULATIONS


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"start": date(2014, 2, 1), "end": date(2014, 1, 1)}, "starts .* after it ends"),
        ({"start": date(2014, 1, 15), "end": date(2014, 2, 1)}, "first day of a month"),
        ({"incident_types": ("arrest_detention", "x")}, r"unknown values \['x'\]"),
        ({"populations": ("pwid", "all")}, r"unknown values \['all'\]"),
        ({"province": "1"}, "two digits"),
    ],
)
def test_filters_that_cannot_be_queried_are_refused(kwargs: dict, message: str) -> None:
    base = {"start": date(2014, 1, 1), "end": date(2014, 12, 1)}
    with pytest.raises(ValueError, match=message):
        Filters(**{**base, **kwargs})


def test_the_previous_period_has_the_same_length() -> None:
    filters = Filters(date(2010, 8, 1), date(2011, 1, 1), ("venue_raid",))
    assert filters.months == 6
    assert filters.previous() == Filters(date(2010, 2, 1), date(2010, 7, 1), ("venue_raid",))


def test_sql_parameters_are_named_and_never_empty() -> None:
    params = Filters(date(2013, 1, 1), date(2013, 12, 1), actors=("police",)).sql_params()
    assert params == {
        "start": date(2013, 1, 1), "end": date(2013, 12, 1), "types": list(INCIDENT_TYPES),
        "pops": list(POPULATIONS), "actors": ["police"], "province": None,
    }  # fmt: skip
    assert len(ACTORS) > 1


def test_describe_says_every_filter_in_both_languages() -> None:
    everything = Filters(date(2014, 1, 1), date(2014, 12, 1))
    assert everything.describe("en") == (
        "2014-01 – 2014-12 · Incident types: All · Populations: All · Actors: All · Whole country"
    )
    some = Filters(date(2012, 6, 1), date(2013, 5, 1), ("venue_raid", "arrest_detention"),
                   ("tg",), (), "12")  # fmt: skip
    text = some.describe("en", {"12": "Phnom Penh"})
    assert text == (
        "2012-06 – 2013-05 · Incident types: Venue raid, Arrest or detention · "
        "Populations: Transgender people · Actors: All · Province: Phnom Penh"
    )
    khmer = some.describe("km", {"12": "ភ្នំពេញ"})
    assert "ភ្នំពេញ" in khmer and "ការឆ្មក់ចូលទីកន្លែង" in khmer and "Venue" not in khmer
