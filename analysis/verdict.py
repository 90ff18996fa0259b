"""The evaluation's answer in words: "fell", "did not fall" or "cannot tell", by a stated rule.

Five results go in: the main estimate (extended TWFE Poisson), the pre-trend test, the
smoothness sensitivity (``analysis.sensitivity``: the effect with the pre-start drift carried
on in a straight line, and its breakdown value), the second estimator (``analysis.imputation``)
and the negative control (incident types the partnership should not change, ``NEGATIVE_CONTROL_
TYPES`` in ``vocabulary``: their own change, and the outcome's change relative to theirs).

The rule (``decide``):

- **fell**: the main interval, the drift-adjusted interval (a breakdown value exists), the
  second estimator's interval and the interval relative to the control types all lie below no
  change; the pre-trend test does not flag (p >= ``PRE_TREND_ALPHA``); the control types did
  not change (their test of no change has p >= ``CONTROL_ALPHA``).
- **did not fall**: the same two checks pass (pre-trend, control types unchanged) and each of
  the four intervals rules out a fall of ``MIN_FALL`` or more (its lower end is above
  -``MIN_FALL``).
- **cannot tell**: anything else. ``reasons`` names each check that stood in the way (codes of
  ``REASONS``); a check that could not be computed stands in the way too.

"Cannot tell" is not a failure of the evaluation: it says the data do not separate the
partnership from a drift, a reporting change or chance, which is what a Ministry needs to know
before it calls a pilot a success.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

FELL = "fell"
DID_NOT_FALL = "did_not_fall"
CANNOT_TELL = "cannot_tell"
VERDICTS = (FELL, DID_NOT_FALL, CANNOT_TELL)
#: A pre-trend p-value below this says pilot and comparison communes drifted apart before.
PRE_TREND_ALPHA = 0.10
#: A negative control's p-value below this says the control types changed too. Looser than
#: 0.05 on purpose: the control is a test for a problem (a reporting change), and missing one
#: costs a false reading of the pilot, while a needless flag costs a "cannot tell"; at 0.05 a
#: 30 % rise in reporting went unseen in 5 of 20 demo builds (benchmarks/coverage_evaluation).
CONTROL_ALPHA = 0.20
#: "Did not fall" needs every interval to rule out a fall this large (a relative change).
MIN_FALL = 0.10

#: Why a verdict is "cannot tell", in English (the page and the pack say them in their language
#: from the labels ``verdict_why_<code>``: ``analysis.verdict_words``).
REASONS: dict[str, str] = {
    "no_fall": "the main estimate's interval includes no change",
    "small_fall_possible": "the intervals do not rule out a fall of 10 % or more",
    "pre_trend": "the pilot and comparison communes already differed before the start",
    "no_pre_trend": "the pre-trend test could not be run",
    "drift": "a drift that had started before the start, carried on in a straight line, could "
    "explain the change",
    "no_drift_check": "too few months before the start to check for a drift",
    "second_estimator": "the second estimator does not agree",
    "no_second_estimator": "the second estimator could not be computed",
    "control_changed": "incidents the partnership should not change changed too: reporting "
    "may have changed",
    "control_explains": "relative to incidents the partnership should not change, the change "
    "is not clear",
    "no_control": "the negative control could not be computed",
}


@dataclass(frozen=True)
class Interval:
    """A relative change with its 95 % interval."""

    effect: float
    low: float
    high: float


@dataclass(frozen=True)
class Control:
    """The negative control: the control types' own change (``effect``, ``low``, ``high``,
    and ``p``, the p-value of no change) and the outcome's change relative to theirs
    (``adjusted_*``: the ratio of the two changes, a triple difference), with the types
    compared."""

    types: tuple[str, ...]
    effect: float
    low: float
    high: float
    p: float
    adjusted_effect: float
    adjusted_low: float
    adjusted_high: float


def _below(i: Interval | None) -> bool:
    return i is not None and i.high < 0


def _no_big_fall(i: Interval | None) -> bool:
    return i is not None and i.low > -MIN_FALL


def decide(
    main: Interval,
    pre_trend_p: float,
    drift: Interval | None,
    second: Interval | None,
    control: Control | None,
) -> tuple[str, tuple[str, ...]]:
    """The verdict (one of ``VERDICTS``) and the codes of ``REASONS`` that stood in its way
    (empty unless "cannot tell"). Raises nothing."""
    adjusted = None
    if control is not None:
        adjusted = Interval(control.adjusted_effect, control.adjusted_low, control.adjusted_high)
    shared = []
    if pre_trend_p is None or math.isnan(pre_trend_p):
        shared.append("no_pre_trend")
    elif pre_trend_p < PRE_TREND_ALPHA:
        shared.append("pre_trend")
    if control is None:
        shared.append("no_control")
    elif not control.p >= CONTROL_ALPHA:
        shared.append("control_changed")
    intervals = {"no_fall": main, "drift": drift, "second_estimator": second}
    intervals["control_explains"] = adjusted
    if main.high < 0:
        missing = [_missing(code) for code, i in intervals.items() if i is None]
        failed = [code for code, i in intervals.items() if i is not None and not _below(i)]
        reasons = tuple(dict.fromkeys(shared + missing + failed))
        return (FELL if not reasons else CANNOT_TELL), reasons
    if not shared and all(_no_big_fall(i) for i in intervals.values()):
        return DID_NOT_FALL, ()
    missing = [_missing(code) for code, i in intervals.items() if i is None]
    return CANNOT_TELL, tuple(dict.fromkeys(shared + missing + ["small_fall_possible"]))


def _missing(code: str) -> str:
    """The reason code for a check that could not be computed."""
    return {"drift": "no_drift_check", "second_estimator": "no_second_estimator"}.get(
        code, "no_control"
    )
