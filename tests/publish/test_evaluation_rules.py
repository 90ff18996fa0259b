"""What the evaluation may publish (``publish.evaluation_rules``), leak by leak as an attacker
found them: digits beyond whole percent, empty event-study bins that mean zeros, bins scaled by
a small reference bin, estimates on a handful of communes, group sizes that count incidents,
refusals that state counts. Each test tries the leak and fails if a number reveals a count."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date

import numpy as np
import pandas as pd
import pytest

from analysis import headline
from analysis.designs import (
    MESSAGES,
    EvaluationInputError,
    Groups,
    InsufficientDataError,
    design_groups,
    month_index,
)
from analysis.evaluation import Evaluation, evaluate
from publish import evaluation_rules as rules
from tests.analysis.synthetic import poisson_panel
from vocabulary import INCIDENT_TYPES, PILOT_TYPES

YEARS = (date(2011, 1, 1), date(2014, 12, 1))
#: A number that is not a date (YYYY-MM), a rule's minimum ("at least N") or a threshold
#: class ("<5"): a count, if a message states one. Khmer digits count too.
COUNT = re.compile(r"(?<!least )(?<![<0-9\u17e0-\u17e9])[0-9\u17e0-\u17e9]+(?![0-9-])")
DATE = re.compile(r"[0-9]{4}-[0-9]{2}")


def states_a_count(text: str) -> bool:
    """Whether ``text`` holds a number other than a date or the rule's minimum of communes
    (a rule, the same whatever the data)."""
    rule = re.compile(rf"(?<![0-9]){rules.MIN_COMMUNES}(?![0-9])")
    return bool(COUNT.search(rule.sub("", DATE.sub("", text))))


def whole_percent(value: float | None) -> bool:
    return value is None or abs(value * 100 - round(value * 100)) < 1e-9


def keyed(panel: pd.DataFrame) -> pd.DataFrame:
    """The panel with record keys summed per row, as ``query.panel`` gives them (here: one
    key of 1 per incident, so a row's key sum is its count)."""
    return panel.assign(key_sum=panel["y"])


def rel_months(panel: pd.DataFrame) -> pd.Series:
    return month_index(panel["month"]) - month_index(panel["start"])


@pytest.fixture(scope="module")
def panel() -> pd.DataFrame:
    return keyed(poisson_panel(seed=3, pilots=24, comparison=40, first="2011-01-01"))


def published(panel: pd.DataFrame) -> tuple[Evaluation, Evaluation]:
    """The estimator's evaluation of ``panel`` over 2011-2014, and as it is published."""
    result = evaluate(panel, window=YEARS, robustness=False, bin_months=rules.BIN_MONTHS)
    groups = design_groups(panel, window=YEARS)
    passing = rules.published_bins(panel, groups, result.event_study)
    return result, rules.protect(result, groups, passing, "after_policy")


def test_numbers_are_whole_percent_intervals_outward_p_floored() -> None:
    assert rules.whole_percent(-0.42371234567) == -0.42
    assert rules.interval(-0.42371, -0.35129) == (-0.43, -0.35)
    assert rules.interval(-0.43, -0.35) == (-0.43, -0.35)  # rounding again changes nothing
    assert rules.p_value(0.04999) == 0.04  # below 0.05 stays below it
    assert rules.p_value(0.004) == 0.0 and rules.p_value(float("nan")) is None


def test_no_16_digit_number_and_no_count_column(panel: pd.DataFrame) -> None:
    raw, out = published(panel)
    assert not whole_percent(raw.effect)  # the estimator's own number has 16 digits
    data = out.to_dict()
    numbers = [data["effect"], data["low"], data["high"], data["pre_trend_p"]]
    for row in data["event_study"]:
        numbers += [row["estimate"], row["low"], row["high"]]
        assert "incidents" not in row and row["estimate"] is not None
    assert all(whole_percent(v) for v in numbers)
    assert out.low <= raw.low <= raw.effect <= raw.high <= out.high  # outward
    assert out.timings == {} and out.seconds == round(out.seconds, 1)


def test_group_sizes_are_communes_by_role_whatever_their_counts(panel: pd.DataFrame) -> None:
    quiet = panel.copy()
    first_pilots = quiet["unit"].isin(["U0000", "U0001", "U0002"])
    quiet.loc[first_pilots, ["y", "key_sum"]] = 0  # three pilot communes without incidents
    raw, out = published(quiet)
    assert raw.pilot_communes == 21  # the estimator's: communes with incidents
    assert (out.pilot_communes, out.comparison_communes) == (24, 40)  # by role, as before
    assert published(panel)[1].pilot_communes == out.pilot_communes


def test_a_bin_of_zero_or_few_incidents_is_left_out_not_blank(panel: pd.DataFrame) -> None:
    thin = panel.copy()
    rel = rel_months(thin)
    in_bin = thin["start"].notna() & rel.between(6, 8)  # the bin "6 to 8"
    thin.loc[in_bin, ["y", "key_sum"]] = 0
    thin.loc[in_bin[in_bin].index[0], ["y", "key_sum"]] = 2  # two incidents in it: "<5"
    empty = thin["start"].notna() & rel.between(9, 11)  # the bin "9 to 11": none at all
    thin.loc[empty, ["y", "key_sum"]] = 0
    raw, out = published(thin)
    estimated = raw.event_study.set_index("rel_month")["estimate"]
    assert not math.isnan(estimated[6]) and math.isnan(estimated[9])  # what leaked before
    shown = set(out.event_study["rel_month"])
    assert 6 not in shown and 9 not in shown  # neither drawn, nor told apart
    assert shown == set(raw.event_study["rel_month"]) - {6, 9}
    assert out.event_study["estimate"].notna().all()


def test_the_gate_is_the_published_state_whatever_the_keys(panel: pd.DataFrame) -> None:
    """Five incidents publish as a number and four as "<5", whatever their cell keys (a count's
    state does not depend on its key): the bin follows the published reading."""
    shown = {}
    for count, key in ((4, 0), (4, 255), (5, 0), (5, 131)):
        five = panel.copy()
        in_bin = five["start"].notna() & rel_months(five).between(6, 8)
        five.loc[in_bin, ["y", "key_sum"]] = 0
        five.loc[in_bin[in_bin].index[0], ["y", "key_sum"]] = (count, key)
        shown[(count, key)] = 6 in set(published(five)[1].event_study["rel_month"])
    assert shown == {(4, 0): False, (4, 255): False, (5, 0): True, (5, 131): True}


def test_no_bin_is_scaled_by_a_small_reference_bin(panel: pd.DataFrame) -> None:
    thin = panel.copy()
    reference = thin["start"].notna() & rel_months(thin).between(-3, -1)
    thin.loc[reference, ["y", "key_sum"]] = 0
    thin.loc[reference[reference].index[0], ["y", "key_sum"]] = 3
    raw, out = published(thin)
    assert raw.event_study["estimate"].notna().sum() > 5  # the estimator drew them
    assert out.event_study.empty and out.pre_trend_p is None  # nothing to scale by


def test_a_refusal_says_what_is_too_small_without_a_number() -> None:
    span = {"first": "2011-01", "last": "2014-12"}
    for code in MESSAGES:
        params = {"n": 2, "min_pilots": 3, "min_comparison": 5, "codes": "12", "value": "x",
                  "known": "a, b", "error": "RuntimeError", "min_communes": 10, **span}  # fmt: skip
        out = rules.protected_error(InsufficientDataError(code, **params))
        if out.code in ("bad_province", "no_pilots_in"):  # they name a province's code
            continue
        for text in (str(out), *(headline.reason_text(out.code, out.params, lang)
                                 for lang in ("en", "km"))):  # fmt: skip
            assert not states_a_count(text), (code, text)
    said = rules.protected_error(InsufficientDataError("few_pilots", n=2, min_pilots=3, **span))
    assert str(said) == "too few pilot communes with incidents in the years compared to estimate"
    assert said.params == {}
    odd = rules.protected_error(EvaluationInputError("choose_type"))
    assert odd.code == "choose_type"


def test_a_code_the_rules_do_not_know_is_said_as_a_failure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(MESSAGES, "new_reason", "{n} communes had {k} incidents")
    out = rules.protected_error(InsufficientDataError("new_reason", n=2, k=3))
    assert out.code == "failed" and not states_a_count(str(out))


def test_estimates_rest_on_at_least_the_minimum_of_communes(panel: pd.DataFrame) -> None:
    raw, _ = published(panel)
    rules.check_active(raw)  # 24 and 40 communes with incidents: it holds
    few = raw.__class__(**{**vars(raw), "pilot_communes": rules.MIN_COMMUNES - 1})
    with pytest.raises(InsufficientDataError) as caught:
        rules.check_active(few)
    assert caught.value.code == "too_few_pilots" and caught.value.params == {}
    small = design_groups(panel.assign(start=panel["start"].where(
        panel["unit"] < "U0009")), window=YEARS)  # fmt: skip
    assert len(small.pilot) == 9 and not rules.groups_hold(small)


def test_a_province_alone_needs_its_groups_and_their_complement_large() -> None:
    def groups(pilot: int, comparison: int) -> Groups:
        return Groups(tuple(f"P{i}" for i in range(pilot)),
                      tuple(f"C{i}" for i in range(comparison)), {}, pd.Timestamp(YEARS[0]),
                      pd.Timestamp(YEARS[1]))  # fmt: skip

    whole = groups(58, 137)
    assert rules.groups_hold(whole)
    assert not rules.groups_hold(whole, groups(53, 137))  # the rest: 5 pilot communes
    assert rules.groups_hold(whole, groups(58, 137))  # one pilot province: nothing to add
    assert rules.groups_hold(whole, groups(40, 137))  # the rest: 18
    assert not rules.groups_hold(whole, groups(9, 137))


def test_only_the_filter_tables_fixed_groups_of_types() -> None:
    assert rules.check_types(PILOT_TYPES) == PILOT_TYPES
    assert rules.check_types(INCIDENT_TYPES) == INCIDENT_TYPES
    for types in ((INCIDENT_TYPES[0],), INCIDENT_TYPES[:2], (*PILOT_TYPES, "venue_raid")):
        with pytest.raises(EvaluationInputError) as caught:
            rules.check_types(types)
        assert caught.value.code == "types_not_offered"


def test_windows_are_whole_calendar_years(panel: pd.DataFrame) -> None:
    early = panel.assign(month=panel["month"] - pd.DateOffset(months=5))  # from 2010-08
    assert rules.calendar_window("after_policy", early) == (date(2011, 1, 1), date(2014, 12, 1))
    assert rules.calendar_window("all_months", early) == (date(2010, 1, 1), date(2014, 12, 1))
    with pytest.raises(ValueError, match="unknown window"):
        rules.calendar_window((date(2011, 3, 1), date(2012, 2, 1)), early)  # type: ignore[arg-type]
    assert np.all([d.month in (1, 12) for d in rules.calendar_window("all_months", panel)])


def test_the_stage_refuses_a_page_view_that_is_not_as_published(panel: pd.DataFrame) -> None:
    """The ``evaluation_default`` product's check: the estimator's own numbers (16 digits,
    the incident counts by bin) or a reason stating a count keep it out of its file."""
    import json

    from publish.codec import evaluation_to_json
    from publish.evaluation_default import check_evaluation_published

    raw, out = published(panel)

    def reader(result: Evaluation, params: str = "{}") -> Callable[[str], pd.DataFrame]:
        row = {"status": "estimate", "result": evaluation_to_json(result), "params": params}
        return lambda name: pd.DataFrame([row])

    assert check_evaluation_published(reader(out)) is None
    assert check_evaluation_published(reader(raw)) is not None
    refused = {"status": "no_estimate", "result": None, "params": json.dumps({"n": 2})}
    assert check_evaluation_published(lambda name: pd.DataFrame([refused])) is not None
