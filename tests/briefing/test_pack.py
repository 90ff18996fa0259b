"""The pack's evaluation section from the stored headline: the evaluation's own words when it
gave an estimate, the reason when it could not, "not run" when there is no headline."""

from __future__ import annotations

from dataclasses import replace

import pytest

from briefing.model import BriefError, Text
from briefing.pack import evaluation, evaluation_reason
from briefing.view import build_view
from tests.briefing.sample import sample_brief

ESTIMATE = {
    "effect": -0.42, "low": -0.49, "high": -0.35, "level": 0.95, "method": "etwfe_poisson",
    "text_en": "Arrests and confiscations fell by 42 % (95 % interval 35–49 %).",
    "text_km": "ការចាប់ខ្លួន និងការរឹបអូស បានថយចុះ 42%។",
    "reason_en": None, "reason_km": None,
}  # fmt: skip
NO_ESTIMATE = dict.fromkeys(ESTIMATE) | {
    "reason_en": "No estimate: only 1 pilot communes have incidents.",
    "reason_km": "គ្មានការប៉ាន់ស្មានទេ៖ ឃុំសាកល្បងតែ 1 ប៉ុណ្ណោះ។",
}


def test_an_estimate_is_said_in_the_evaluations_words() -> None:
    made = evaluation(ESTIMATE)
    assert (made.change, made.low, made.high, made.level) == (-0.42, -0.49, -0.35, 0.95)
    assert made.text == Text(ESTIMATE["text_en"], ESTIMATE["text_km"])
    assert evaluation_reason(ESTIMATE) is None
    brief = replace(sample_brief(), evaluation=made)
    for lang in ("en", "km"):
        view = build_view(brief, lang)
        text = view["evaluation"]["text"]
        assert text == ESTIMATE[f"text_{lang}"] and "etwfe_poisson" not in text
        assert "etwfe_poisson" in view["method"]["note"]  # the method's name in the note only
        assert not any("etwfe" in line for line in view["evaluation"]["lines"])


def test_the_headline_says_the_communes_the_pre_trend_and_the_robustness_line() -> None:
    headline = {**ESTIMATE, "pilot_communes": 58, "comparison_communes": 137,
                "pre_trend_p": 0.49504851852}  # fmt: skip
    lines = build_view(replace(sample_brief(), evaluation=evaluation(headline)), "en")[
        "evaluation"
    ]["lines"]
    assert lines[0] == (
        "Measured in 58 pilot communes, against 137 similar communes without the partnership."
    )
    assert "moved alike" in lines[1] and "p = 0.50)" in lines[1]  # never 17 digits
    assert lines[2].startswith("The second way of measuring is not part of the data")
    drifted = {**headline, "pre_trend_p": 0.01, "robustness_effect": -0.3,
               "robustness_low": -0.5, "robustness_high": -0.1,
               "verdict_en": "fell", "verdict_km": "បានថយចុះ"}  # fmt: skip
    lines = build_view(replace(sample_brief(), evaluation=evaluation(drifted)), "en")["evaluation"][
        "lines"
    ]
    assert lines[0] == "In one word: fell."
    assert "already moved apart (p = 0.01): read the change with care" in lines[2]
    assert lines[3] == "A second way of measuring gives −30 % (−50 % to −10 %)."


def test_no_estimate_says_why_and_no_headline_says_not_run() -> None:
    assert evaluation(NO_ESTIMATE) is None
    reason = evaluation_reason(NO_ESTIMATE)
    brief = replace(sample_brief(), evaluation=None, evaluation_reason=reason)
    assert build_view(brief, "en")["evaluation"]["text"] == NO_ESTIMATE["reason_en"]
    assert build_view(brief, "km")["evaluation"]["text"] == NO_ESTIMATE["reason_km"]
    assert evaluation(None) is None and evaluation_reason(None) is None
    plain = replace(sample_brief(), evaluation=None)
    assert build_view(plain, "en")["evaluation"]["text"].startswith("Not run")


def test_a_headline_whose_interval_misses_its_effect_is_refused() -> None:
    with pytest.raises(BriefError, match="expected low <= change <= high"):
        evaluation(ESTIMATE | {"low": -0.30})
