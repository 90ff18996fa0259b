"""The evaluation's checks in words: every verdict and every reason said in English and in real
Khmer, the drift check and the control in plain sentences with published numbers only."""

from __future__ import annotations

import re

import pytest

from analysis.verdict import REASONS, VERDICTS
from analysis.verdict_words import (
    Change,
    control_texts,
    drift_texts,
    reason_texts,
    verdict_text,
)

KHMER = re.compile("[\u1780-\u17ff]")
METHOD_NAMES = ("Rambachan", "Borusyak", "imputation", "Poisson", "breakdown")


@pytest.mark.parametrize("lang", ["en", "km"])
def test_every_verdict_and_reason_has_its_words(lang: str) -> None:
    said = [verdict_text(v, lang) for v in VERDICTS] + reason_texts(tuple(REASONS), lang)
    assert len(set(said)) == len(VERDICTS) + len(REASONS)  # none falls back to another
    for text in said:
        assert "{" not in text and not any(name in text for name in METHOD_NAMES)
        assert bool(KHMER.search(text)) == (lang == "km"), text
    assert verdict_text("did_not_fall", "en") == (
        "Verdict: did not fall. Every check rules out a fall of 10 % or more."
    )


def test_an_unknown_verdict_or_reason_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown verdict 'maybe'"):
        verdict_text("maybe", "en")
    with pytest.raises(ValueError, match="unknown verdict reasons"):
        reason_texts(("no_fall", "luck"), "en")


def test_the_drift_check_says_whether_a_drift_could_explain_the_change() -> None:
    drift = Change(-0.59, -0.69, -0.46)
    holds = drift_texts(drift, 0.04, 0.05, "en")
    assert holds[0].endswith("the change would be −59 % (−69 % to −46 %).")
    assert "(+4 % a quarter)" in holds[0]
    assert holds[1] == (
        "The change stays clear unless that gap's pace changed by more than 5 % from one "
        "quarter to the next."
    )
    explains = drift_texts(Change(-0.1, -0.3, 0.1), 0.04, None, "en")
    assert explains[1] == "Such a drift could explain the change on its own."


def test_the_control_says_when_reporting_may_have_changed() -> None:
    own, relative = Change(0.25, 0.05, 0.48), Change(-0.55, -0.66, -0.41)
    moved = control_texts(own, relative, 0.0, ("venue_raid",), "en")
    assert moved[0].startswith("Incidents the partnership should not change (Venue raid) "
                               "changed by +25 % (+5 % to +48 %)")  # fmt: skip
    assert moved[1] == (
        "They moved more than chance would make them (p < 0.01): reporting may have changed."
    )
    still = control_texts(own, relative, 0.44, ("venue_raid",), "km")
    assert KHMER.search(still[1]) and "0.44" in still[1]
    assert control_texts(own, relative, None, ("venue_raid",), "en")[1:] == []
