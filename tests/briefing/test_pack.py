"""The pack's evaluation section from the stored headline: the evaluation's own words when it
gave an estimate, the reason when it could not, "not run" when there is no headline."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from briefing.model import BriefError, Text
from briefing.pack import evaluation, evaluation_reason
from briefing.view import build_view
from tests.briefing.sample import sample_brief
from tests.publish.test_briefing_store import CHECKS

KHMER = re.compile("[\u1780-\u17ff]")
CONTROL_TYPES = ("venue_raid", "compulsory_treatment")

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
               "robustness_low": -0.5, "robustness_high": -0.1, "verdict": "cannot_tell",
               "verdict_reasons": "pre_trend,control_changed"}  # fmt: skip
    lines = build_view(replace(sample_brief(), evaluation=evaluation(drifted)), "en")["evaluation"][
        "lines"
    ]
    assert lines[0] == (
        "Verdict: cannot tell. The data do not separate the partnership from other "
        "explanations: the pilot and comparison communes already moved apart before the "
        "start; incidents the partnership should not change changed too: reporting may have "
        "changed."
    )
    assert "already moved apart (p = 0.01): read the change with care" in lines[2]
    assert lines[3] == "A second way of measuring gives −30 % (−50 % to −10 %)."
    assert len(lines) == 4  # no drift check nor control published: nothing said of them
    assert (
        build_view(replace(sample_brief(), evaluation=evaluation(drifted)), "en")["evaluation"][
            "checks"
        ]
        == []
    )


def test_the_pack_says_the_drift_check_and_the_control_in_both_languages() -> None:
    headline = {**ESTIMATE, **{k: v[0] for k, v in CHECKS.items()}, "pre_trend_p": 0.55}
    made = evaluation(headline)
    assert made.checks.reasons == () and made.checks.control_types == CONTROL_TYPES
    view = build_view(replace(sample_brief(), evaluation=made), "en")["evaluation"]
    assert view["lines"][0].startswith("Verdict: fell. Every check agrees")  # the headline
    english = view["checks"]  # with the method: the drift check and the control
    assert view["checks_heading"] == "How far the pilot's result holds"
    assert english[-4] == (
        "If the gap that was opening between the pilot and comparison communes before the "
        "start (+4 % a quarter) had simply gone on, the change would be −59 % (−69 % to −46 %)."
    )
    assert english[-3].endswith("changed by more than 5 % from one quarter to the next.")
    assert english[-2] == (
        "Incidents the partnership should not change (Venue raid, Compulsory drug detention) "
        "changed by −8 % (−26 % to +14 %) in the pilot communes; measured against them, the "
        "change is −39 % (−53 % to −23 %)."
    )
    assert english[-1] == "They moved no more than chance would make them (p = 0.44)."
    khmer = build_view(replace(sample_brief(), evaluation=made), "km")["evaluation"]["checks"]
    assert len(khmer) == len(english) and all(KHMER.search(line) for line in khmer)
    assert "p = ០.៤៤" in khmer[-1]  # the pack's digits
    for lang in ("en", "km"):
        view = build_view(replace(sample_brief(), evaluation=made), lang)
        lines = " ".join(view["evaluation"]["lines"] + view["evaluation"]["checks"])
        assert not any(name in lines for name in ("Rambachan", "Borusyak", "imputation"))
        assert "Rambachan" in view["method"]["note"] and "Borusyak" in view["method"]["note"]


def test_a_verdict_the_pack_cannot_say_is_refused() -> None:
    with pytest.raises(BriefError, match="verdict 'maybe'"):
        evaluation(ESTIMATE | {"verdict": "maybe"})
    with pytest.raises(BriefError, match="verdict reasons"):
        evaluation(ESTIMATE | {"verdict": "cannot_tell", "verdict_reasons": "no_fall,luck"})


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
