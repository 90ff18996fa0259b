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
        text = build_view(brief, lang)["evaluation"]["text"]
        assert text.startswith(ESTIMATE[f"text_{lang}"]) and "etwfe_poisson" in text


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
