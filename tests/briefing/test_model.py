"""The brief's checks: each bad value gets a message naming it; the case study's facts are the
vocabulary's."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date

import pytest

import vocabulary
from analysis.ranking_methods import METHODS as RANKING_METHODS
from analysis.ranking_result import InPartnership, LeaderReason, ProvinceRank
from briefing.model import (
    METHODS,
    Academy,
    BriefError,
    Criterion,
    Curriculum,
    Leader,
    ProvinceRow,
    Text,
    case_study_timeline,
)
from tests.briefing.sample import MISSING, sample_brief


def row(code: str = "07", **changes: object) -> ProvinceRow:
    values = dict(province_code=code, name_en="Kampot", name_km="កំពត", rank=3, rank_median=3,
                  rank_low=2, rank_high=5, score=0.5, p_top3=0.4, criteria={"a": 0.2, "b": None},
                  in_partnership=False)  # fmt: skip
    return ProvinceRow(**(values | changes))


def test_the_sample_brief_is_valid_and_sorted_by_rank() -> None:
    brief = sample_brief()
    assert len(brief.provinces) == 25
    assert [r.rank for r in brief.ranked()] == sorted(r.rank for r in brief.provinces)
    assert brief.province(MISSING[0]).value(MISSING[1]) is None


def test_a_criterion_left_out_or_none_is_missing() -> None:
    assert row().value("b") is None and row().value("c") is None and row().value("a") == 0.2


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"province_code": "7"}, "province code '7'"),
        ({"criteria": {"a": 1.2}}, "criterion 'a' is 1.2"),
        ({"criteria": {"a": -0.1}}, "criterion 'a' is -0.1"),
        ({"rank_median": 6}, "rank_low <= rank_median <= rank_high"),
        ({"rank_low": 0}, "1 <= rank_low"),
        ({"p_top3": 2}, "p_top3 2 not in"),
        ({"score": float("nan")}, "score nan"),
        ({"score": None}, "all given or all None"),
    ],
)
def test_bad_rows_are_named(changes: dict, message: str) -> None:
    with pytest.raises(BriefError, match=message.replace("(", r"\(")):
        row(**changes)


def test_a_province_not_ranked_has_no_rank_at_all_and_comes_last() -> None:
    unranked = row(rank=None, rank_median=None, rank_low=None, rank_high=None, score=None,
                   p_top3=None)  # fmt: skip
    assert not unranked.ranked and row().ranked
    brief = sample_brief()
    first = replace(brief.ranked()[0], rank=None, rank_median=None, rank_low=None,
                    rank_high=None, score=None, p_top3=None)  # fmt: skip
    moved = replace(brief, provinces=(first, *brief.ranked()[1:]))
    assert moved.ranked()[-1].province_code == first.province_code


def test_the_ranking_cores_rows_fit_by_field_name() -> None:
    theirs = {f.name for f in fields(ProvinceRank)}
    # the start of a province left out as in the partnership comes from InPartnership.start
    assert {f.name for f in fields(ProvinceRow)} - {"partnership_start"} <= theirs
    assert "start" in {f.name for f in fields(InPartnership)}
    assert {"province_code", "main"} <= {f.name for f in fields(LeaderReason)}
    assert set(METHODS) == set(RANKING_METHODS)


def test_criteria_values_are_copied_so_the_row_stays_as_made() -> None:
    values = {"a": 0.2}
    made = row(criteria=values)
    values["a"] = 0.9
    assert made.value("a") == 0.2


def test_bad_weights_are_named() -> None:
    brief = sample_brief()
    zero = tuple(replace(c, weight=0) for c in brief.criteria)
    with pytest.raises(BriefError, match=r"every weight is zero .*disruption_rate"):
        replace(brief, criteria=zero)
    with pytest.raises(BriefError, match="'kp_size': weight -1 is negative"):
        Criterion("kp_size", Text("a", "ក"), Text("b", "ខ"), -1)


def test_unknown_names_in_the_brief_are_named() -> None:
    brief = sample_brief()
    stray = replace(brief.provinces[0], criteria={"no_such": 0.5})
    with pytest.raises(BriefError, match=r"unknown criteria \['no_such'\]"):
        replace(brief, provinces=(stray, *brief.provinces[1:]))
    with pytest.raises(BriefError, match="provinces listed twice"):
        replace(brief, provinces=(*brief.provinces, brief.provinces[0]))
    with pytest.raises(BriefError, match="leader 99: not listed"):
        replace(brief, leaders=(Leader("99", ("kp_size",)),))
    with pytest.raises(BriefError, match="method 'ahp'"):
        replace(brief, method="ahp")


def test_text_needs_both_languages() -> None:
    with pytest.raises(BriefError, match=r"Text\.km is empty"):
        Text("words", " ")
    assert Text("a", "ក").get("km") == "ក"


def test_the_timeline_and_curriculum_are_the_case_studys() -> None:
    events = case_study_timeline()
    assert [(e.when, e.precision) for e in events] == [
        (date(2010, 8, 16), "day"),
        (date(2011, 1, 1), "year"),
        (date(2011, 11, 1), "month"),
        (date(2012, 1, 1), "year"),
        (None, "year"),
    ]
    assert "Banteay Meanchey" in events[1].what.en and "Phnom Penh" in events[3].what.en
    assert "Sihanoukville" in events[4].what.en and "ព្រះសីហនុ" in events[4].what.km
    figures = Curriculum()
    assert (figures.academies, figures.modules, figures.gain) == (6, 9, 0.34)
    assert figures.approved == vocabulary.CURRICULUM_DAY


def test_an_academys_gain_and_place() -> None:
    academy = Academy("A", "12", 9, pre_test_mean=50.0, post_test_mean=67.0)
    assert academy.gain == pytest.approx(0.34)
    assert Academy("A", "12", None).gain is None
    with pytest.raises(BriefError, match="both lon and lat"):
        Academy("A", "12", 9, lon=104.9)
