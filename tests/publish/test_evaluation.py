"""The pilot evaluation on the database (``publish.evaluation``): choices refused with their
codes, the default headline or the reason it cannot be run, and a failing estimator recorded
as the headline's reason."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import query
from analysis import headline as words
from analysis.designs import EvaluationInputError, InsufficientDataError
from analysis.evaluation import evaluate
from publish import evaluation as headline
from publish import evaluation_rules as rules
from query.panel import evaluation_panel
from vocabulary import INCIDENT_TYPES, NEGATIVE_CONTROL_TYPES

KHMER = re.compile("[\u1780-\u17ff]")
ARRESTS = "Arrests and confiscations"


@pytest.fixture(scope="module")
def tiny(tiny_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = query.open_database(tiny_db)
    yield connection
    connection.close()


def test_evaluate_atlas_refuses_unknown_provinces_and_types(
    tiny: duckdb.DuckDBPyConnection,
) -> None:
    with pytest.raises(ValueError, match="unknown province '99'"):
        headline.evaluate_atlas(tiny, ["99"])
    with pytest.raises(ValueError, match="unknown incident type 'raid'"):
        headline.evaluate_atlas(tiny, None, ["raid"])
    with pytest.raises(InsufficientDataError, match="too few communes in the groups compared"):
        headline.evaluate_atlas(tiny)  # one commune with a start


def test_refused_choices_carry_their_codes_and_words(tiny: duckdb.DuckDBPyConnection) -> None:
    for args, code, english in (
        ((["99"],), "bad_province", "No estimate: 99 is not a province code."),
        ((None, ["raid"]), "bad_type", "No estimate: raid is not an incident type."),
        (([],), "choose_province", "Choose at least one pilot province."),
        ((None, []), "choose_type", "Choose at least one incident type."),
    ):
        with pytest.raises(EvaluationInputError) as caught:
            headline.evaluate_atlas(tiny, *args)
        assert caught.value.code == code
        assert words.reason_text(code, caught.value.params, "en") == english
        assert KHMER.search(words.reason_text(code, caught.value.params, "km"))


def test_the_default_headline_says_why_it_cannot_be_run(tiny: duckdb.DuckDBPyConnection) -> None:
    out = headline.default_headline(tiny)
    assert out["effect"] is None and out["text_en"] is None and out["synthetic"] is True
    assert out["reason"].startswith("too few communes in the groups compared: the pilot and")
    assert out["reason_en"].startswith("No estimate: too few communes in the groups compared")
    assert KHMER.search(out["reason_km"])
    assert (out["design"], out["window"]) == ("shared_shock", "after_policy")
    assert all(out[column] is None for column in headline.CHECK_COLUMNS)


def test_a_failing_estimator_is_the_headlines_reason(
    tiny: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fails(*args: object, **kwargs: object) -> None:
        raise RuntimeError("no convergence")

    monkeypatch.setattr(headline, "evaluate_atlas", fails)
    frame = headline.headline_frame(tiny)
    row = frame.iloc[0]
    assert list(frame.columns) == list(headline.HEADLINE_COLUMNS) and len(frame) == 1
    assert row["reason"] == "the estimate failed on these data (RuntimeError)"
    assert row["reason_en"] == "No estimate: the estimator could not fit a model to these data."
    assert KHMER.search(row["reason_km"]) and frame["effect"].isna().all()


@pytest.mark.integration
def test_the_default_headline_on_the_demo(built_db: Path) -> None:
    con = query.open_database(built_db)
    try:
        out = headline.default_headline(con)
        years = (date(2011, 1, 1), date(2014, 12, 1))  # after the policy, in whole years
        result = evaluate(evaluation_panel(con), window=years, robustness=False)
    finally:
        con.close()
    assert out["reason"] is None and out["synthetic"] is True
    low, high = rules.interval(result.low, result.high)
    assert (out["effect"], out["low"], out["high"]) == (rules.whole_percent(result.effect),
                                                        low, high)  # fmt: skip
    assert out["low"] <= -0.40 <= out["high"] < 0
    assert (out["pilot_communes"], out["comparison_communes"]) == (58, 137)  # by role
    assert out["method"] == "etwfe_poisson" and out["first_month"] == "2011-01"
    assert out["text_en"] == words.headline_text(out["effect"], low, high, ARRESTS, "en")
    assert out["text_en"].startswith(f"{ARRESTS} fell by ") and KHMER.search(out["text_km"])
    # the checks and the verdict, as the rules publish them (the pack's headline says them)
    assert (out["verdict"], out["verdict_reasons"]) == ("fell", "")
    assert out["control_types"] == "venue_raid,compulsory_treatment"
    assert out["robustness_high"] < 0 and out["drift_breakdown"] is not None
    numbers = [out[c] for c, kind in headline.CHECK_COLUMNS.items() if kind == "DOUBLE"]
    assert all(abs(v * 100 - round(v * 100)) < 1e-9 for v in numbers), numbers


def test_an_estimator_failing_is_said_by_its_type_only(
    tiny: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fit that fails with a message of its own (which may state counts) is refused as
    ``failed`` with the error's type, never its text."""

    def fails(*args: object, **kwargs: object) -> None:
        raise RuntimeError("2 of 3 pilot communes have no incidents")

    monkeypatch.setattr(rules, "MIN_COMMUNES", 1)
    monkeypatch.setattr(headline, "_active", lambda choice, design: None)
    monkeypatch.setattr(headline, "evaluate", fails)
    with pytest.raises(InsufficientDataError) as caught:
        headline.evaluate_atlas(tiny, design="all_communes")
    assert (caught.value.code, caught.value.params) == ("failed", {"error": "RuntimeError"})
    assert str(caught.value) == "the estimate failed on these data (RuntimeError)"


def test_the_atlas_evaluation_takes_its_negative_control_from_the_database(
    built_db: Path,
) -> None:
    con = query.open_database(built_db)
    try:
        default = headline.evaluate_atlas(con)
        every = headline.evaluate_atlas(con, types=INCIDENT_TYPES)
    finally:
        con.close()
    control = default.negative_control
    assert control is not None and control.types == NEGATIVE_CONTROL_TYPES
    for value in (control.effect, control.low, control.high, control.adjusted_effect,
                  control.adjusted_low, control.adjusted_high):  # fmt: skip
        assert value * 100 == pytest.approx(round(value * 100))  # published in whole percent
    assert control.p is None or control.p * 100 == pytest.approx(round(control.p * 100))
    assert default.verdict == "fell" and default.verdict_reasons == ()
    assert default.robustness is not None and default.robustness.method == "imputation_poisson"
    assert default.sensitivity is not None
    assert default.sensitivity.effect * 100 == pytest.approx(
        round(default.sensitivity.effect * 100)
    )
    # every incident type chosen: no type is left to control with, so it cannot say "fell"
    assert every.negative_control is None and every.verdict != "fell"


def test_the_headlines_check_knows_every_verdict_it_stores() -> None:
    """The stage refuses a headline whose verdict or reasons the pack could not say, or a
    verdict without an estimate."""
    from publish.products import PRODUCTS

    (product,) = [p for p in PRODUCTS if p.name == "evaluation_headline"]
    (check,) = [c for c in product.checks if c.name == "verdict in codes"]

    def row(**values: object) -> pd.DataFrame:
        base = {"effect": -0.44, "verdict": "cannot_tell", "verdict_reasons": "pre_trend,drift"}
        return pd.DataFrame([base | values])

    assert check.test(lambda name: row()) is None
    assert "'maybe' is not one of" in check.test(lambda name: row(verdict="maybe"))
    assert "unknown verdict reasons luck" in check.test(lambda name: row(verdict_reasons="luck"))
    assert check.test(lambda name: row(effect=None)) == "a verdict without an estimate"
    assert check.test(lambda name: row(effect=None, verdict=None)) is None
