"""The pilot evaluation on the database (``publish.evaluation``): choices refused with their
codes, the default headline or the reason it cannot be run, and a failing estimator recorded
as the headline's reason."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

import query
from analysis import headline as words
from analysis.designs import EvaluationInputError, InsufficientDataError
from analysis.evaluation import evaluate
from publish import evaluation as headline
from query.panel import evaluation_panel

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
    with pytest.raises(InsufficientDataError, match="too few pilot communes: 1 with"):
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
    assert out["reason"].startswith("too few pilot communes: 1 with incidents in 2013-01 to")
    assert out["reason_en"].startswith("No estimate: only 1 pilot communes have incidents")
    assert KHMER.search(out["reason_km"])
    assert (out["design"], out["window"]) == ("shared_shock", "after_policy")


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
        result = evaluate(evaluation_panel(con), robustness=False)
    finally:
        con.close()
    assert out["reason"] is None and out["synthetic"] is True
    assert (out["effect"], out["low"], out["high"]) == (result.effect, result.low, result.high)
    assert out["low"] <= -0.40 <= out["high"] < 0
    assert (out["pilot_communes"], out["comparison_communes"]) == (58, 137)
    assert out["method"] == "etwfe_poisson" and out["first_month"] == "2010-09"
    assert out["text_en"] == words.headline_text(result.effect, result.low, result.high,
                                                 ARRESTS, "en")  # fmt: skip
    assert out["text_en"].startswith(f"{ARRESTS} fell by ") and KHMER.search(out["text_km"])
