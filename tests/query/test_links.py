"""Reading a view from a link: what is understood, what falls back, and why."""

from __future__ import annotations

from datetime import date

import pytest

from query.links import (
    ExploreOptions,
    default_filters,
    parse_month,
    parse_params,
    quoted,
    to_params,
)
from query.view import Filters

BOUNDS = (date(2008, 1, 1), date(2014, 12, 1))
PROVINCES = {"01", "12", "18"}


def test_no_parameters_give_the_last_twelve_months_of_everything() -> None:
    filters, options, problems = parse_params({}, BOUNDS, PROVINCES)
    assert problems == []
    assert filters == default_filters(BOUNDS) == Filters(date(2014, 1, 1))
    assert filters.end == date(2014, 12, 1)
    assert options == ExploreOptions()


def test_a_full_view_round_trips_through_the_link() -> None:
    params = {
        "from": "2011-01", "to": "2011-12", "type": "venue_raid", "pop": "key_populations",
        "province": "12", "level": "province", "measure": "rate",
        "cover": "share", "layers": "services", "commune": "120203",
    }  # fmt: skip
    filters, options, problems = parse_params(params, BOUNDS, PROVINCES)
    assert problems == []
    assert filters == Filters(date(2011, 1, 1), "venue_raid", "key_populations", "all", "12")
    assert options == ExploreOptions("province", "rate", "share", ("services",), "120203")
    assert to_params(filters, options, BOUNDS) == params
    assert parse_params(to_params(filters, options, BOUNDS), BOUNDS, PROVINCES) == (
        filters, options, [])  # fmt: skip
    # the default view has a clean link
    assert to_params(default_filters(BOUNDS), ExploreOptions(), BOUNDS) == {}
    no_layers = ExploreOptions(layers=())
    assert to_params(default_filters(BOUNDS), no_layers, BOUNDS) == {"layers": ""}
    assert parse_params({"layers": ""}, BOUNDS, PROVINCES)[1] == no_layers


def test_groups_are_single_choices_too() -> None:
    link = {"type": "arrests_confiscations", "pop": "key_populations", "level": "commune"}
    filters, options, problems = parse_params(link, BOUNDS, PROVINCES)
    assert problems == [] and options.level == "commune"  # both are on the commune grid
    assert filters.values("incident_type") == (
        "arrest_detention", "condom_confiscation", "syringe_confiscation")  # fmt: skip
    assert set(filters.values("population")) == {"fsw", "pwid", "pwud", "msm", "tg"}


def test_a_choice_the_commune_level_does_not_offer_moves_the_view_to_districts() -> None:
    link = {"type": "venue_raid", "level": "commune"}
    filters, options, problems = parse_params(link, BOUNDS, PROVINCES)
    assert filters.incident_type == "venue_raid" and options.level == "district"
    assert [p.key for p in problems] == ["level_moved"]
    _, options, _ = parse_params({"actor": "police", "level": "province"}, BOUNDS, PROVINCES)
    assert options.level == "province"  # province level offers every choice


def test_a_period_off_the_grid_shows_the_calendar_year_of_its_end() -> None:
    link = {"from": "2013-01", "to": "2014-12", "type": "arrest_detention", "province": "12"}
    filters, _, problems = parse_params(link, BOUNDS, PROVINCES)
    assert (filters.start, filters.end) == (date(2014, 1, 1), date(2014, 12, 1))
    assert problems[0].key == "period_is_grid_window"
    assert (problems[0].values["first"], problems[0].values["last"]) == ("2014-01", "2014-12")
    only_from, _, problems = parse_params({"from": "2010-08"}, BOUNDS, PROVINCES)
    assert only_from.start == date(2010, 1, 1) and [p.key for p in problems] == [
        "period_is_grid_window"]  # fmt: skip
    only_to, _, problems = parse_params({"to": "2011-07"}, BOUNDS, PROVINCES)
    assert only_to.start == date(2011, 1, 1) and [p.key for p in problems] == [
        "period_is_grid_window"]  # fmt: skip
    year, _, problems = parse_params({"from": "2012-01", "to": "2012-12"}, BOUNDS, PROVINCES)
    assert year.start == date(2012, 1, 1) and problems == []
    assert parse_params({"from": "2012-01"}, BOUNDS, PROVINCES)[2] == []


def test_a_second_fine_choice_goes_back_to_all_and_says_so() -> None:
    link = {"type": "venue_raid", "pop": "pwid", "actor": "police", "level": "province"}
    filters, options, problems = parse_params(link, BOUNDS, PROVINCES)
    assert (filters.incident_type, filters.population, filters.actor) == ("venue_raid", "all",
                                                                          "all")  # fmt: skip
    assert options.level == "province"
    assert [(p.key, p.values) for p in problems] == [("one_fine_choice", {"names": "pop, actor"})]


@pytest.mark.parametrize(
    ("params", "key"),
    [
        ({"from": "2014-06", "to": "2013-01"}, "bad_period_reversed"),
        ({"from": "June", "to": "2013-01"}, "bad_period_format"),
        ({"from": "2014-13"}, "bad_period_format"),
        ({"from": "1990-01", "to": "1990-12"}, "bad_period_range"),
        ({"from": "2015-02"}, "bad_period_range"),  # after the data
        ({"province": "99"}, "bad_province"),
        ({"commune": "1; DROP TABLE communes"}, "bad_commune"),
        ({"measure": "median"}, "bad_choice"),
        ({"type": "arrest_detention,venue_raid"}, "bad_choice"),  # one choice, never a set
        ({"level": "village"}, "bad_choice"),
        ({"layers": "borders,drop table"}, "bad_list"),
    ],
)
def test_bad_parameters_fall_back_and_say_why(params: dict, key: str) -> None:
    filters, options, problems = parse_params(params, BOUNDS, PROVINCES)
    assert [p.key for p in problems] == [key]
    assert filters.start == default_filters(BOUNDS).start
    assert filters.province is None and options.commune is None
    assert (options.measure, options.level) == ("count", "district")  # the country's default
    assert filters.incident_type == "all"


def test_the_level_suits_the_extent_unless_the_link_names_one() -> None:
    # nationally districts (a commune is a speck), within a province communes
    assert parse_params({}, BOUNDS, PROVINCES)[1].level == "district"
    assert parse_params({"province": "12"}, BOUNDS, PROVINCES)[1].level == "commune"
    # a choice the commune grid does not offer: the province's districts, no problem reported
    _, options, problems = parse_params({"province": "12", "type": "venue_raid"},
                                        BOUNDS, PROVINCES)  # fmt: skip
    assert (options.level, problems) == ("district", [])
    # a level the link names is kept, and a link names the level only when it is not the
    # one that suits the extent
    national_communes = parse_params({"level": "commune"}, BOUNDS, PROVINCES)
    assert national_communes[1].level == "commune"
    assert to_params(*national_communes[:2], BOUNDS) == {"level": "commune"}
    province = parse_params({"province": "12"}, BOUNDS, PROVINCES)
    assert to_params(*province[:2], BOUNDS) == {"province": "12"}


def test_problem_values_are_kept_for_the_message_and_cannot_inject_markdown() -> None:
    *_, problems = parse_params({"from": "2014-06", "to": "2013-01"}, BOUNDS, PROVINCES)
    assert problems[0].values == {"from": "2014\\-06", "to": "2013\\-01"}
    *_, problems = parse_params({"commune": "![x](http://e.org/t.png)"}, BOUNDS, PROVINCES)
    assert problems[0].values["value"] == "\\!\\[x\\]\\(http\\:\\/\\/e\\.org\\/t\\.png\\)"
    assert quoted("x" * 100).endswith("…") and len(quoted("x" * 100)) == 41


def test_months_parse_strictly() -> None:
    assert parse_month("2010-08") == date(2010, 8, 1)
    assert parse_month("2010-8") is None
    assert parse_month("2010-00") is None
    assert parse_month("") is None
    assert parse_month("0000-01") is None  # year 0 is no date (it crashed the page)
    assert parse_month("២០១៤-០១") is None  # Khmer digits
    assert parse_month("２０１４-０１") is None  # full-width digits
    assert parse_month("2014-01\n") is None  # a trailing newline


@pytest.mark.parametrize(
    "params",
    [{"from": "0000-01"}, {"from": "0001-01", "to": "0001-12"}, {"to": "២០១៤-០១"},
     {"from": "２០១៤-០១"}, {"from": "2014-01\n"}, {"province": "១២"}, {"province": "12\n"},
     {"commune": "120203\n"}],
)  # fmt: skip
def test_odd_digits_and_years_fall_back_with_a_message(params: dict) -> None:
    filters, options, problems = parse_params(params, BOUNDS, PROVINCES)
    assert len(problems) == 1
    assert (filters, options) == (default_filters(BOUNDS), ExploreOptions())
