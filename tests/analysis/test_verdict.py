"""The verdict's rule, case by case: what each check does to "fell", "did not fall" and
"cannot tell"."""

from __future__ import annotations

import pytest

from analysis.verdict import CANNOT_TELL, DID_NOT_FALL, FELL, REASONS, Control, Interval, decide

FALL = Interval(-0.40, -0.48, -0.31)
NONE = Interval(0.01, -0.06, 0.08)
QUIET = Control(("venue_raid",), 0.02, -0.10, 0.15, 0.7, -0.41, -0.50, -0.30)


def test_a_fall_that_every_check_confirms_is_fell() -> None:
    assert decide(FALL, 0.6, FALL, FALL, QUIET) == (FELL, ())


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"pre_trend_p": 0.04}, "pre_trend"),
        ({"pre_trend_p": float("nan")}, "no_pre_trend"),
        ({"drift": Interval(-0.2, -0.45, 0.08)}, "drift"),
        ({"drift": None}, "no_drift_check"),
        ({"second": Interval(-0.2, -0.5, 0.1)}, "second_estimator"),
        ({"second": None}, "no_second_estimator"),
        (
            {"control": Control(("venue_raid",), 0.3, 0.1, 0.5, 0.01, -0.5, -0.6, -0.4)},
            "control_changed",
        ),
        (
            {"control": Control(("venue_raid",), -0.02, -0.3, 0.3, 0.9, -0.2, -0.5, 0.1)},
            "control_explains",
        ),
        (
            {"control": Control(("venue_raid",), 0.2, -0.03, 0.5, 0.15, -0.5, -0.6, -0.4)},
            "control_changed",
        ),  # p < 0.20 flags though the 95 % interval includes no change
        ({"control": None}, "no_control"),
    ],
)
def test_a_fall_that_one_check_does_not_confirm_is_cannot_tell(change: dict, reason: str) -> None:
    args = {"main": FALL, "pre_trend_p": 0.6, "drift": FALL, "second": FALL, "control": QUIET}
    verdict, reasons = decide(**(args | change))
    assert (verdict, reasons) == (CANNOT_TELL, (reason,))
    assert reason in REASONS


def test_no_change_that_rules_out_a_fall_of_ten_percent_is_did_not_fall() -> None:
    quiet = Control(("venue_raid",), 0.0, -0.08, 0.09, 0.95, 0.01, -0.08, 0.1)
    assert decide(NONE, 0.5, NONE, NONE, quiet) == (DID_NOT_FALL, ())
    rise = Interval(0.3, 0.2, 0.4)
    assert decide(rise, 0.5, rise, rise, quiet)[0] == DID_NOT_FALL


def test_no_change_that_cannot_rule_out_a_fall_is_cannot_tell() -> None:
    wide = Interval(-0.05, -0.3, 0.25)
    quiet = Control(("venue_raid",), 0.0, -0.08, 0.09, 0.95, 0.01, -0.08, 0.1)
    assert decide(NONE, 0.5, wide, NONE, quiet) == (CANNOT_TELL, ("small_fall_possible",))
    assert decide(NONE, 0.01, NONE, NONE, quiet) == (
        CANNOT_TELL,
        ("pre_trend", "small_fall_possible"),
    )
