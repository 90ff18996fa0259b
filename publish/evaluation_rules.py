"""What the evaluation may publish: the rules every output of it obeys (the command, its JSON,
the page, the ``evaluation_default`` and ``evaluation_headline`` products, the briefing store
and pack that copy the headline, the robustness line).

The estimator fits on true counts; nothing it returns is shown as it is:

- sample choices are the filter table's fixed groups of types (``OFFERED_TYPES``), whole
  calendar years (``calendar_window``), every pilot province or one province whose groups,
  and what the other pilot provinces add to them, hold ``MIN_COMMUNES`` communes each
  (``offered_provinces``);
- no estimate on fewer than ``MIN_COMMUNES`` pilot or comparison communes, counted by role and
  with incidents (``check_groups``, ``check_active``);
- estimates in whole percent, intervals rounded outward, p-values floored to 2 digits, the
  numbers of communes by role only (``protect``);
- an event-study bin only where both groups' incidents in it publish as a number (the
  threshold or more, ``query.cellkey.is_shown``), the reference bin included
  (``published_bins``);
- refusals that say what is too small without a number (``protected_error``).

See docs/evaluation.md#what-the-evaluation-publishes.
"""

from __future__ import annotations

import dataclasses
import math
from datetime import date

import numpy as np
import pandas as pd

from analysis.designs import (
    WINDOWS,
    EvaluationInputError,
    Groups,
    InsufficientDataError,
    month_index,
)
from analysis.evaluation import Evaluation, Robustness
from analysis.event_study import REFERENCE_BIN, event_bins
from analysis.sensitivity import Sensitivity
from analysis.verdict import Control
from query import filter_table, published
from query.cellkey import is_shown
from vocabulary import INCIDENT_TYPES, PILOT_TYPES, POLICY_DAY

#: No estimate on fewer pilot communes, or fewer comparison communes, than this: counted by
#: role (what the map shows) before estimating and among those with incidents after. Ten
#: clusters is the least the commune-clustered standard errors can be trusted on (on the demo,
#: 5 pilot communes found a +104 % "rise" in a type the demo never changes, p < 0.01), and
#: twice the suppression threshold: no estimate rests on a group a few incidents could swing.
MIN_COMMUNES = 10
#: The incident types the evaluation offers: the filter table's fixed groups (never one type).
OFFERED_TYPES = {"arrests_confiscations": PILOT_TYPES, "all": INCIDENT_TYPES}
#: The event study's bins, in months.
BIN_MONTHS = 3
#: The first calendar year the ``after_policy`` window opens with: the first whole year under
#: the policy (16 August 2010).
FIRST_YEAR_AFTER_POLICY = POLICY_DAY.year + (0 if (POLICY_DAY.month, POLICY_DAY.day) == (1, 1)
                                             else 1)  # fmt: skip
#: Refusals said in other words: what is too small, never how many.
TOO_SMALL = {
    "few_pilots": "too_few_pilots",
    "few_comparison": "too_few_comparison",
    "no_overlap": "too_few_comparison",
    "no_incidents": "too_few_incidents",
    "no_pre_incidents": "too_few_incidents",
    "no_post": "too_few_incidents",
}
#: Refusals whose parameters are a choice, a rule or the data's span, never a count: said as
#: they are (the atlas's own, ``TOO_SMALL``'s words, included).
AS_THEY_ARE = frozenset({
    "no_data", "window_outside", "no_pilots", "no_pilots_in", "no_pre", "failed",
    "bad_province", "bad_type", "choose_province", "choose_type", "small_groups",
    "province_not_offered", "one_province", "types_not_offered", *TOO_SMALL.values(),
})  # fmt: skip


def check_types(types: tuple[str, ...]) -> tuple[str, ...]:
    """The types when they are one of ``OFFERED_TYPES``' groups.

    Raises:
        EvaluationInputError: ``types_not_offered`` otherwise (one type, another set).
    """
    if set(types) not in [set(v) for v in OFFERED_TYPES.values()]:
        raise EvaluationInputError("types_not_offered")
    if filter_table.INCIDENT_TYPE.choice_for(types) is None:  # the filter table dropped it
        raise EvaluationInputError("types_not_offered")
    return types


def calendar_window(window: object, panel: pd.DataFrame) -> tuple[date, date]:
    """A window's whole calendar years as (first, last) months: ``after_policy`` from January
    of ``FIRST_YEAR_AFTER_POLICY``, ``all_months`` from January of the data's first year, both
    to December of its last year (the estimator keeps the months with data).

    Raises:
        ValueError: if ``window`` is not a name of ``analysis.designs.WINDOWS``.
    """
    if not isinstance(window, str) or window not in WINDOWS:
        raise ValueError(f"unknown window {window!r}: expected one of {', '.join(WINDOWS)}")
    first_year = panel["month"].min().year if window == "all_months" else FIRST_YEAR_AFTER_POLICY
    return date(first_year, 1, 1), date(panel["month"].max().year, 12, 1)


def groups_hold(whole: Groups, part: Groups | None = None) -> bool:
    """Whether each group holds ``MIN_COMMUNES`` communes; with ``part`` (one province's
    groups), whether the part's groups do, and what the whole adds to each holds none or
    ``MIN_COMMUNES``."""
    if part is None:
        return min(len(whole.pilot), len(whole.comparison)) >= MIN_COMMUNES
    for mine, every in ((part.pilot, whole.pilot), (part.comparison, whole.comparison)):
        rest = len(set(every) - set(mine))
        if len(mine) < MIN_COMMUNES or 0 < rest < MIN_COMMUNES:
            return False
    return True


def check_active(result: Evaluation) -> None:
    """Refuse an estimate resting on fewer than ``MIN_COMMUNES`` pilot or comparison communes
    with incidents (``Evaluation.pilot_communes``, ``comparison_communes``).

    Raises:
        InsufficientDataError: ``too_few_pilots`` or ``too_few_comparison`` (no number).
    """
    if result.pilot_communes < MIN_COMMUNES:
        raise InsufficientDataError("too_few_pilots")
    if result.comparison_communes < MIN_COMMUNES:
        raise InsufficientDataError("too_few_comparison")


def protected_error(exc: EvaluationInputError) -> EvaluationInputError:
    """``exc`` as the atlas may say it: a refusal that would state a count (or a zero) becomes
    one that says what is too small; one whose code is not known here, ``failed``."""
    if exc.code in TOO_SMALL:
        return InsufficientDataError(TOO_SMALL[exc.code])
    if exc.code in AS_THEY_ARE:
        return exc
    return type(exc)("failed", error=type(exc).__name__)


def whole_percent(value: float) -> float:
    """A relative change to the nearest whole percent (-0.4237 -> -0.42)."""
    return round(value * 100) / 100


def _outward(value: float, direction: int) -> float:
    scaled = value * 100
    if abs(scaled - round(scaled)) < 1e-6:  # already whole (rounding again changes nothing)
        return round(scaled) / 100
    return (math.floor(scaled) if direction < 0 else math.ceil(scaled)) / 100


def interval(low: float, high: float) -> tuple[float, float]:
    """An interval in whole percent, rounded outward (it still holds what it held)."""
    return _outward(low, -1), _outward(high, 1)


def p_value(p: float | None) -> float | None:
    """A p-value floored to 2 digits (0.0 reads "< 0.01"; a p below 0.05 stays below it);
    None when there is none."""
    if p is None or math.isnan(p):
        return None
    return _outward(p, -1)


def robustness(check: Robustness | None) -> Robustness | None:
    """The robustness line in whole percent, its interval rounded outward (None if it could
    not be computed)."""
    if check is None or math.isnan(check.effect):
        return None
    low, high = interval(check.low, check.high)
    return dataclasses.replace(check, effect=whole_percent(check.effect), low=low, high=high)


def sensitivity(found: Sensitivity | None) -> Sensitivity | None:
    """The sensitivity to a break from parallel trends as it may be shown: the drift-adjusted
    effect in whole percent with its interval outward, the drift per quarter in whole percent,
    the breakdown value to 2 digits (floored: the largest break it stands is not overstated)."""
    if found is None or math.isnan(found.effect):
        return None
    low, high = interval(found.low, found.high)
    breakdown = None if found.breakdown is None else _outward(found.breakdown, -1)
    return dataclasses.replace(found, effect=whole_percent(found.effect), low=low, high=high,
                               pre_slope=whole_percent(found.pre_slope),
                               breakdown=breakdown)  # fmt: skip


def control(found: Control | None) -> Control | None:
    """The negative control as it may be shown: every change in whole percent, intervals
    outward, its p-value floored to 2 digits."""
    if found is None:
        return None
    low, high = interval(found.low, found.high)
    adjusted_low, adjusted_high = interval(found.adjusted_low, found.adjusted_high)
    return dataclasses.replace(
        found, effect=whole_percent(found.effect), low=low, high=high,
        p=p_value(found.p),
        adjusted_effect=whole_percent(found.adjusted_effect), adjusted_low=adjusted_low,
        adjusted_high=adjusted_high,
    )  # fmt: skip


def _bin_cells(panel: pd.DataFrame, groups: Groups, codes: pd.Series) -> pd.DataFrame:
    """Each bin's true count and key sum: the pilot communes' incidents at their months since
    the start in the bin, and the comparison communes' at every calendar month that falls in
    the bin for some pilot start (columns ``code``, ``group``, ``y``, ``key_sum``)."""
    inside = panel[panel["month"].between(groups.first_month, groups.last_month)]
    starts = pd.Series(groups.starts, dtype="datetime64[ns]")
    pilot = inside[inside["unit"].isin(starts.index)]
    rel = month_index(pilot["month"]) - month_index(pilot["unit"].map(starts))
    cells = [pilot.assign(code=codes_of(rel, codes), group="pilot")]
    months = pd.date_range(groups.first_month, groups.last_month, freq="MS")
    grid = pd.MultiIndex.from_product([months, starts.unique()], names=["month", "start"])
    pairs = grid.to_frame(index=False)
    pairs["code"] = codes_of(month_index(pairs["month"]) - month_index(pairs["start"]), codes)
    compared = inside[inside["unit"].isin(groups.comparison)]
    matched = compared.merge(pairs[["month", "code"]].drop_duplicates(), on="month")
    cells.append(matched.assign(group="comparison"))
    frame = pd.concat(cells, ignore_index=True)
    return frame.groupby(["code", "group"], as_index=False)[["y", "key_sum"]].sum()


def codes_of(rel: pd.Series, table_codes: pd.Series) -> np.ndarray:
    """Bin codes of months since the start, binned as the event-study table is (its end bins'
    positions give where its pooling starts)."""
    lower, upper = table_codes.min(), table_codes.max()
    return event_bins(np.asarray(rel, dtype=np.int64), BIN_MONTHS, int(lower + 1) * BIN_MONTHS,
                      int(upper) * BIN_MONTHS)  # fmt: skip


def published_bins(panel: pd.DataFrame, groups: Groups, table: pd.DataFrame) -> set[int]:
    """The bin codes of ``table`` (the event study's) where both the pilot and the comparison
    communes' incidents publish as a number (the threshold or more: a count's state does not
    depend on its key). Without the reference bin, none."""
    codes = (table["rel_month"] // BIN_MONTHS).astype("int64")
    if codes.empty:
        return set()
    cells = _bin_cells(panel, groups, codes).set_index(["code", "group"])
    passing: set[int] = set()
    for code in codes.unique():
        found = [cells.loc[(code, g)] if (code, g) in cells.index else None
                 for g in ("pilot", "comparison")]  # fmt: skip
        n = [0 if row is None else int(row["y"]) for row in found]
        if is_shown(n, published.threshold()).all():
            passing.add(int(code))
    return passing if REFERENCE_BIN in passing else set()


def event_table(table: pd.DataFrame, passing: set[int]) -> pd.DataFrame:
    """The event study as published: the bins of ``passing`` only (none left as NaN), in
    whole percent with intervals rounded outward, without the incident counts."""
    keep = table[(table["rel_month"] // BIN_MONTHS).isin(passing)].copy()
    keep["estimate"] = [whole_percent(v) for v in keep["estimate"]]
    bounds = [interval(lo, hi) for lo, hi in zip(keep["low"], keep["high"], strict=True)]
    keep["low"] = [b[0] for b in bounds]
    keep["high"] = [b[1] for b in bounds]
    return keep.drop(columns=["incidents"], errors="ignore").reset_index(drop=True)


def _notes(notes: tuple[str, ...]) -> tuple[str, ...]:
    """The notes a reader may see: those said in the atlas's words (a count of communes by
    role, a robustness line that could not be computed), never an estimator's own text."""
    kept = []
    for note in notes:
        if note.startswith("The robustness estimate (Callaway-Sant'Anna) could not be"):
            kept.append("The robustness estimate (Callaway-Sant'Anna) could not be computed.")
        elif "pilot commune(s) started before the window opens" in note:
            kept.append(note)
    return tuple(kept)


def protect(result: Evaluation, groups: Groups, passing: set[int], window: str) -> Evaluation:
    """``result`` as it may be shown: whole percent, intervals outward, the p-value floored to
    2 digits (none when the reference bin is not shown), the event study's ``passing`` bins,
    the numbers of communes by role (``groups``: what the map shows, whatever their counts),
    the window's name, the seconds to a tenth and no step timings."""
    low, high = interval(result.low, result.high)
    table = event_table(result.event_study, passing)
    return dataclasses.replace(
        result, effect=whole_percent(result.effect), low=low, high=high, window=window,
        pilot_communes=len(groups.pilot), comparison_communes=len(groups.comparison),
        pre_trend_p=p_value(result.pre_trend_p) if len(table) else None, event_study=table,
        robustness=robustness(result.robustness), seconds=round(result.seconds, 1), timings={},
        notes=_notes(result.notes), sensitivity=sensitivity(result.sensitivity),
        negative_control=control(result.negative_control),
    )  # fmt: skip
