"""Did the pilot work? One call from a commune x month panel to the answer.

``evaluate`` selects the sample of a design and window (``analysis.designs``), estimates the
effect of the partnership on the treated with the extended two-way fixed-effects Poisson
(``analysis.poisson``), the event study and its pre-trend test (``analysis.event_study``) and,
as a robustness line, the imputation estimator (``analysis.imputation``: Borusyak, Jaravel and
Spiess, every month before the start as its base). With the robustness line it also checks how
large a break from parallel trends would overturn the result (``analysis.sensitivity``), and,
given a panel of incident types the partnership should not change, whether they changed too
(the negative control); ``analysis.verdict`` says from all of these "fell", "did not fall" or
"cannot tell". It returns an ``Evaluation``; input that cannot answer raises
``InsufficientDataError`` with a plain message.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd
from scipy import stats

from analysis import event_study, imputation, poisson
from analysis.designs import (
    DEFAULT_DESIGN,
    DEFAULT_WINDOW,
    DESIGNS,
    WINDOWS,
    InsufficientDataError,
    select_sample,
)
from analysis.sensitivity import Sensitivity, sensitivity
from analysis.verdict import Control, Interval, decide

__all__ = [
    "DESIGNS",
    "METHODS",
    "WINDOWS",
    "Control",
    "Evaluation",
    "InsufficientDataError",
    "Robustness",
    "Sensitivity",
    "evaluate",
]

METHODS: dict[str, str] = {
    "etwfe_poisson": (
        "Poisson with commune and month fixed effects and cohort x event-year terms "
        "(Wooldridge's extended two-way fixed effects), pooled into one effect on the treated; "
        "standard errors clustered by commune"
    ),
    "twfe_poisson": (
        "Poisson with commune and month fixed effects and one after-start indicator (plain "
        "two-way fixed effects); standard errors clustered by commune"
    ),
}
ROBUSTNESS_METHOD = imputation.METHOD


@dataclass(frozen=True)
class Robustness:
    """The second estimator (the imputation estimator of Borusyak, Jaravel and Spiess for
    counts), as a relative change with its 95 % interval; ``control`` names the design's kind
    of comparison communes."""

    effect: float
    low: float
    high: float
    control: str
    method: str = ROBUSTNESS_METHOD


@dataclass(frozen=True, eq=False)
class Evaluation:
    """The answer: the effect on the treated as a relative change (-0.40 for a 40 % fall)
    with its 95 % interval, what was compared, the event study (``rel_month, label, estimate,
    low, high, reference, binned, incidents``; see ``event_study.fit_event_study``) and its
    pre-trend p-value, the robustness line (None if it could not be computed; see ``notes``),
    and the seconds each step took. With the robustness line: the sensitivity to a break from
    parallel trends (``sensitivity``), the negative control (``negative_control``, when a
    control panel was given) and the ``verdict`` ("fell", "did_not_fall", "cannot_tell") with
    the codes of what stood in its way (``verdict_reasons``, ``analysis.verdict.REASONS``);
    without it these are None and ()."""

    effect: float
    low: float
    high: float
    method: str
    design: str
    window: str
    first_month: pd.Timestamp
    last_month: pd.Timestamp
    provinces: tuple[str, ...]
    pilot_communes: int
    comparison_communes: int
    pre_trend_p: float
    event_study: pd.DataFrame
    robustness: Robustness | None
    seconds: float
    timings: dict[str, float] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    sensitivity: Sensitivity | None = None
    negative_control: Control | None = None
    verdict: str | None = None
    verdict_reasons: tuple[str, ...] = ()

    @property
    def why(self) -> str:
        """The design's one-sentence reason, for the page."""
        return DESIGNS[self.design].why

    def to_dict(self) -> dict:
        """The result as plain JSON values (NaN becomes None)."""
        table = self.event_study.astype(object).where(self.event_study.notna(), None)
        out = {
            "effect": self.effect,
            "low": self.low,
            "high": self.high,
            "method": self.method,
            "design": self.design,
            "window": self.window,
            "first_month": f"{self.first_month:%Y-%m}",
            "last_month": f"{self.last_month:%Y-%m}",
            "provinces": list(self.provinces),
            "pilot_communes": self.pilot_communes,
            "comparison_communes": self.comparison_communes,
            "pre_trend_p": self.pre_trend_p,
            "event_study": table.to_dict(orient="records"),
            "robustness": None if self.robustness is None else vars(self.robustness).copy(),
            "seconds": self.seconds,
            "notes": list(self.notes),
            "sensitivity": _plain(self.sensitivity),
            "negative_control": _plain(self.negative_control),
            "verdict": self.verdict,
            "verdict_reasons": list(self.verdict_reasons),
        }
        return _clean(out)

    def to_json(self) -> str:
        """``to_dict`` as a JSON text."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)


def _plain(value: object) -> dict | None:
    """A result dataclass as a dict of its fields (None stays None; tuples become lists)."""
    if value is None:
        return None
    return {k: list(v) if isinstance(v, tuple) else v for k, v in vars(value).items()}


def _clean(value: object) -> object:
    """NaN to None and numpy scalars to Python ones, all the way down."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def evaluate(
    panel: pd.DataFrame,
    design: str = DEFAULT_DESIGN,
    window: str | tuple[date, date] = DEFAULT_WINDOW,
    *,
    provinces: Sequence[str] | None = None,
    method: str = "etwfe_poisson",
    robustness: bool = True,
    bin_months: int = 3,
    control: pd.DataFrame | None = None,
    control_types: Sequence[str] = (),
) -> Evaluation:
    """Estimate how much the outcome fell after the partnership started in the pilot
    communes, against the comparison communes of ``design``, over ``window`` (a name of
    ``WINDOWS`` or a (first, last) pair of months), for the pilot communes of ``provinces``
    (default: all). ``robustness=False`` skips the second estimator, the sensitivity, the
    negative control and the verdict (about half the time). ``control`` is the same panel
    for incident types the partnership should not change (``control_types``, their names);
    without it the verdict cannot be "fell" nor "did not fall".

    Raises:
        ValueError: if the design, window or method is unknown, or the panel is malformed.
        InsufficientDataError: if too few pilot or comparison communes have incidents, no
            pilot commune has months before its start, or the window has no incidents.
    """
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}: expected one of {', '.join(METHODS)}")
    clock = time.perf_counter()
    timings: dict[str, float] = {}
    sample = select_sample(panel, design, window, provinces)
    timings["sample"] = time.perf_counter() - clock
    fit = poisson.fit_etwfe if method == "etwfe_poisson" else poisson.fit_twfe
    estimate = fit(sample.frame)
    timings["estimate"] = time.perf_counter() - clock - sum(timings.values())
    table, pre_p = event_study.fit_event_study(sample.frame, bin_months=bin_months)
    timings["event_study"] = time.perf_counter() - clock - sum(timings.values())
    notes = list(sample.notes)
    check = _robustness(sample.frame, design, notes) if robustness else None
    timings["robustness"] = time.perf_counter() - clock - sum(timings.values())
    checks: dict = {}
    if robustness:
        args = (design, window, provinces, tuple(control_types))
        checks = _checks(sample.frame, estimate, pre_p, check, control, args, notes)
        timings["checks"] = time.perf_counter() - clock - sum(timings.values())
    return Evaluation(
        effect=estimate.effect,
        low=estimate.low,
        high=estimate.high,
        method=method,
        design=design,
        window=window if isinstance(window, str) else "custom",
        first_month=sample.first_month,
        last_month=sample.last_month,
        provinces=sample.provinces,
        pilot_communes=sample.pilot_communes,
        comparison_communes=sample.comparison_communes,
        pre_trend_p=pre_p,
        event_study=table,
        robustness=check,
        seconds=time.perf_counter() - clock,
        timings=timings,
        notes=tuple(notes),
        **checks,
    )


def _checks(
    frame: pd.DataFrame,
    estimate: poisson.Ratio,
    pre_p: float,
    second: Robustness | None,
    control: pd.DataFrame | None,
    args: tuple,
    notes: list[str],
) -> dict:
    """The sensitivity, the negative control and the verdict, as ``Evaluation`` fields."""
    try:
        drift = sensitivity(frame)
    except (InsufficientDataError, ValueError) as exc:
        notes.append(f"The sensitivity to a break from parallel trends failed: {exc}")
        drift = None
    negative = None if control is None else _negative_control(control, estimate, args, notes)
    verdict, reasons = decide(
        Interval(estimate.effect, estimate.low, estimate.high),
        pre_p,
        None if drift is None else Interval(drift.effect, drift.low, drift.high),
        None if second is None else Interval(second.effect, second.low, second.high),
        negative,
    )
    return {
        "sensitivity": drift,
        "negative_control": negative,
        "verdict": verdict,
        "verdict_reasons": reasons,
    }


def _negative_control(
    control: pd.DataFrame, estimate: poisson.Ratio, args: tuple, notes: list[str]
) -> Control | None:
    """The control types' change on the same design and window, and the outcome's change
    relative to theirs (log difference; its standard error adds both variances, ignoring
    their covariance); None, with a note, when it cannot be estimated."""
    design, window, provinces, types = args
    try:
        fit = poisson.fit_etwfe(select_sample(control, design, window, provinces).frame)
    except (InsufficientDataError, ValueError, np.linalg.LinAlgError) as exc:
        notes.append(f"The negative control could not be computed: {exc}")
        return None
    adjusted = poisson.ratio_from_log(
        estimate.log_ratio - fit.log_ratio, float(np.hypot(estimate.se, fit.se))
    )
    return Control(
        types=types,
        effect=fit.effect,
        low=fit.low,
        high=fit.high,
        p=float(2 * stats.norm.sf(abs(fit.log_ratio) / fit.se)),
        adjusted_effect=adjusted.effect,
        adjusted_low=adjusted.low,
        adjusted_high=adjusted.high,
    )


def robustness_check(
    panel: pd.DataFrame,
    design: str = DEFAULT_DESIGN,
    window: str | tuple[date, date] = DEFAULT_WINDOW,
    *,
    provinces: Sequence[str] | None = None,
) -> Robustness | None:
    """The second estimator's line alone, on the sample ``evaluate`` would use (no Poisson fit,
    no event study): for a page that draws the headline first and this line after it. None if
    it cannot be computed.

    Raises:
        ValueError, InsufficientDataError: as ``evaluate`` does for the same arguments.
    """
    sample = select_sample(panel, design, window, provinces)
    return _robustness(sample.frame, design, [])


def _robustness(frame: pd.DataFrame, design: str, notes: list[str]) -> Robustness | None:
    """The imputation estimator with the design's kind of control (its comparison communes,
    with every pilot commune's months before its start); None, with a note, if it fails."""
    control = "notyettreated" if design == "not_yet_treated" else "nevertreated"
    try:
        result = imputation.impute(frame)
    except (ValueError, np.linalg.LinAlgError) as exc:
        notes.append(f"The second estimate (imputation) could not be computed: {exc}")
        return None
    if result.left_out:
        notes.append(
            f"{result.left_out} pilot commune(s) with no incident before the start are left out "
            "of the second estimate: it has no level to impute from."
        )
    ratio = result.ratio
    return Robustness(ratio.effect, ratio.low, ratio.high, control)
