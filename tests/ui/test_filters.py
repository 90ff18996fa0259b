"""Reading a view from URL parameters: what is understood, what falls back, and why."""

from __future__ import annotations

from datetime import date

import pytest

from query.explore import View
from ui.filters import defaults, parse_month, parse_params, quoted, to_params, to_view

BOUNDS = (date(2008, 1, 1), date(2014, 12, 1))
PROVINCES = {"01", "12", "18"}


def test_no_parameters_give_the_last_twelve_months_of_everything() -> None:
    state, problems = parse_params({}, BOUNDS, PROVINCES)
    assert problems == []
    assert state == defaults(BOUNDS)
    assert state["period"] == (date(2014, 1, 1), date(2014, 12, 1))
    assert to_view(state) == View(date(2014, 1, 1), date(2014, 12, 1))


def test_a_full_view_round_trips_through_the_url() -> None:
    params = {
        "from": "2010-08", "to": "2011-11", "type": "venue_raid,arrest_detention",
        "pop": "pwid", "actor": "police", "province": "12", "measure": "rate",
        "cover": "share", "layers": "services", "commune": "120203",
    }  # fmt: skip
    state, problems = parse_params(params, BOUNDS, PROVINCES)
    assert problems == []
    assert state["type"] == ["arrest_detention", "venue_raid"]  # contract order
    assert to_view(state) == View(
        date(2010, 8, 1), date(2011, 11, 1), ("arrest_detention", "venue_raid"), ("pwid",),
        ("police",), "12",
    )  # fmt: skip
    again, _ = parse_params(to_params(state, BOUNDS), BOUNDS, PROVINCES)
    assert again == state
    assert to_params(defaults(BOUNDS), BOUNDS) == {}  # the default view has a clean URL


@pytest.mark.parametrize(
    ("params", "key"),
    [
        ({"from": "2014-06", "to": "2013-01"}, "bad_period_reversed"),
        ({"from": "June", "to": "2013-01"}, "bad_period_format"),
        ({"from": "2014-13"}, "bad_period_format"),
        ({"from": "1990-01", "to": "2014-12"}, "bad_period_range"),
        ({"province": "99"}, "bad_province"),
        ({"commune": "1; DROP TABLE communes"}, "bad_commune"),
        ({"measure": "median"}, "bad_choice"),
        ({"type": "arrest_detention,drop table"}, "bad_list"),
    ],
)
def test_bad_parameters_fall_back_and_say_why(params: dict, key: str) -> None:
    state, problems = parse_params(params, BOUNDS, PROVINCES)
    assert [p.key for p in problems] == [key]
    base = defaults(BOUNDS)
    assert state["period"] == base["period"]
    assert state["province"] is None and state["commune"] is None
    assert state["measure"] == "count"
    assert state["type"] in ([], ["arrest_detention"])  # known values of a list are kept


def test_problem_values_are_kept_for_the_message_and_cannot_inject_markdown() -> None:
    _, problems = parse_params({"from": "2014-06", "to": "2013-01"}, BOUNDS, PROVINCES)
    assert problems[0].values == {"from": "2014\\-06", "to": "2013\\-01"}
    _, problems = parse_params({"commune": "![x](http://e.org/t.png)"}, BOUNDS, PROVINCES)
    assert problems[0].values["value"] == "\\!\\[x\\]\\(http\\:\\/\\/e\\.org\\/t\\.png\\)"
    assert quoted("x" * 100).endswith("…") and len(quoted("x" * 100)) == 41


def test_months_parse_strictly() -> None:
    assert parse_month("2010-08") == date(2010, 8, 1)
    assert parse_month("2010-8") is None
    assert parse_month("2010-00") is None
    assert parse_month("") is None
