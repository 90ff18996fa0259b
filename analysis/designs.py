"""Who is compared with whom, and over which months: the evaluation's designs and windows.

The input is a commune x month panel of counts, one row per commune polygon and month:
``unit`` (polygon id), ``month`` (first day of the month), ``y`` (incidents of the outcome
types), ``start`` (first month of the partnership in that commune, NaT if never),
``province_code`` and ``urban``. A missing commune-month row counts as no incident.

A *design* names the comparison communes; a *window* names the months. ``select_sample``
applies both and returns the rows the estimators fit, or raises ``InsufficientDataError``
with a message a page can show as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from vocabulary import POLICY_DAY

#: The policy's day and month in English words (the labels take them from vocabulary too).
_POLICY_DAY = f"{POLICY_DAY.day} {POLICY_DAY:%B %Y}"
_POLICY_MONTH = f"{POLICY_DAY:%B %Y}"

REQUIRED_COLUMNS = ("unit", "month", "y", "start", "province_code", "urban")
#: Fewer pilot communes than this (with incidents in the window) give no estimate: the
#: standard errors are clustered by commune and need several treated clusters.
MIN_PILOT_COMMUNES = 3
#: Fewer comparison communes than this (with incidents in the window) give no estimate.
MIN_COMPARISON_COMMUNES = 5


#: What each reason an evaluation cannot answer says, in English (the command line's words);
#: a page or the pack says it in its reader's language from the code and its parameters
#: (``analysis.headline.reason_text``, label ``eval_<code>``). ``first`` and ``last`` are
#: months (``YYYY-MM``).
MESSAGES: dict[str, str] = {
    "no_data": "no incidents in the window: no incident is loaded",
    "window_outside": "no incidents in the window: the data cover {first} to {last}",
    "no_incidents": "no incidents in the window {first} to {last}",
    "no_pilots": "no pilot communes: no commune has a partnership start",
    "no_pilots_in": "no pilot communes: no commune of province {codes} has a partnership start",
    "no_pre": "no pre-period: every pilot commune started before the window opens "
    "({first} to {last})",
    "few_pilots": "too few pilot communes: {n} with incidents in {first} to {last}, at least "
    "{min_pilots} needed",
    "few_comparison": "too few comparison communes: {n} with incidents in {first} to {last}, "
    "at least {min_comparison} needed; try another comparison group",
    "no_pre_incidents": "no pre-period incidents: the pilot communes have none before their "
    "start in {first} to {last}",
    "no_post": "no incidents in the pilot communes after their start in {first} to {last}",
    "no_overlap": "the pilot communes' months after the start cannot be compared: no "
    "comparison commune has incidents in the same months",
    "failed": "the estimate failed on these data ({error})",
    "bad_province": "unknown province {value!r}: expected a province code, one of {known}",
    "bad_type": "unknown incident type {value!r}: expected one of {known}",
    "choose_province": "choose at least one pilot province",
    "choose_type": "choose at least one incident type",
    # What the atlas says instead (``publish.evaluation_rules``): what is too small, without
    # a number that could tell a count.
    "too_few_pilots": "too few pilot communes with incidents in the years compared to estimate",
    "too_few_comparison": "too few comparison communes with incidents in the years compared "
    "to estimate; try another comparison group",
    "too_few_incidents": "too few incidents in the pilot communes before or after their start "
    "in the years compared to estimate",
    "small_groups": "too few communes in the groups compared: the pilot and the comparison "
    "communes must each number at least {min_communes}",
    "province_not_offered": "one province alone is not offered here: its pilot and comparison "
    "communes, and those the other pilot provinces add, must each number at least "
    "{min_communes}; choose every pilot province",
    "one_province": "choose every pilot province or one province: other sets of provinces are "
    "not offered",
    "types_not_offered": "the evaluation counts arrests and confiscations, or all incidents: "
    "a single type or another set of types is not offered",
}


class EvaluationInputError(ValueError):
    """A choice the evaluation cannot take or data it cannot answer from, as a ``code`` (a key
    of ``MESSAGES``) with its ``params``; ``str()`` is the English sentence."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(MESSAGES[code].format(**params))


class InsufficientDataError(EvaluationInputError):
    """The panel cannot answer the question: too few pilot or comparison communes, no months
    before the start, or no incidents. The code says what is missing (``MESSAGES``)."""


@dataclass(frozen=True)
class Design:
    """A comparison group: its name, a short label and the one sentence a page shows."""

    name: str
    label: str
    why: str


@dataclass(frozen=True)
class Window:
    """A span of months: its name, a short label and the one sentence a page shows."""

    name: str
    label: str
    why: str


DESIGNS: dict[str, Design] = {
    d.name: d
    for d in (
        Design(
            "shared_shock",
            "Urban communes of provinces without the pilot",
            f"They were hit by the {_POLICY_MONTH} policy as hard as the pilot communes and never "
            "had the partnership, so the policy's rise is not mistaken for the pilot's effect.",
        ),
        Design(
            "not_yet_treated",
            "Urban communes of the pilot provinces, before their own start or without one",
            "They share the pilot communes' province, police command and reporting, at the "
            "cost of fewer comparison communes and so a wider interval.",
        ),
        Design(
            "all_communes",
            "All communes without the partnership",
            f"The largest comparison, but most of it is rural and felt the {POLICY_DAY.year} "
            "policy less, so a window that includes the policy pulls the estimate toward zero.",
        ),
    )
}
WINDOWS: dict[str, Window] = {
    w.name: w
    for w in (
        Window(
            "after_policy",
            f"From the first whole month after the policy ({_POLICY_DAY})",
            "Every commune compared lives under the same policy for the whole window, so a "
            "shock that hit communes unequally cannot pass for the pilot's effect.",
        ),
        Window(
            "all_months",
            "Every month of the data",
            "More months before the start, but valid only if the comparison communes felt "
            f"the {POLICY_DAY.year} policy exactly as the pilot communes did.",
        ),
    )
}
DEFAULT_DESIGN = "shared_shock"
DEFAULT_WINDOW = "after_policy"


@dataclass(frozen=True)
class Sample:
    """The rows an estimator fits, and what they hold.

    ``frame`` has ``unit, month, y, t, g``: ``t`` is the month as a running integer
    (year * 12 + month - 1) and ``g`` the pilot commune's first month in the same count
    (0 for a comparison commune, including a pilot commune that starts after the window).
    Only communes with at least one incident in the window are kept: with commune effects the
    others carry no information.
    """

    frame: pd.DataFrame
    design: str
    first_month: pd.Timestamp
    last_month: pd.Timestamp
    provinces: tuple[str, ...]
    pilot_communes: int
    comparison_communes: int
    notes: tuple[str, ...]


def month_index(months: pd.Series) -> pd.Series:
    """Months as running integers (year * 12 + month - 1); NaT stays missing."""
    return months.dt.year * 12 + months.dt.month - 1


def first_month_after(day: date) -> pd.Timestamp:
    """The first month that starts after ``day`` (the whole month after it)."""
    return pd.Timestamp(day).to_period("M").to_timestamp() + pd.DateOffset(months=1)


def check_panel(panel: pd.DataFrame) -> pd.DataFrame:
    """The panel with months and starts moved to the first day of their month.

    Raises:
        ValueError: if a column is missing, a count is missing, negative or not whole, a
            month is missing, or a commune has two different starts.
    """
    missing = [c for c in REQUIRED_COLUMNS if c not in panel.columns]
    if missing:
        raise ValueError(f"the panel lacks column(s) {', '.join(missing)}")
    frame = panel[list(REQUIRED_COLUMNS)].copy()
    y = pd.to_numeric(frame["y"], errors="coerce")
    bad = y.isna() | (y < 0) | (y != np.floor(y))
    if bad.any():
        row = frame.loc[bad].iloc[0]
        raise ValueError(f"count y must be a whole number >= 0, got {row['y']} for {row['unit']}")
    frame["y"] = y.astype("int64")
    for col in ("month", "start"):
        frame[col] = pd.to_datetime(frame[col]).dt.to_period("M").dt.to_timestamp()
    if frame["month"].isna().any():
        raise ValueError("every row needs a month")
    starts = frame.groupby("unit", sort=False)["start"].nunique()
    if (starts > 1).any():
        raise ValueError(f"commune {starts[starts > 1].index[0]} has more than one start month")
    return frame


def window_bounds(
    frame: pd.DataFrame, window: str | tuple[date, date]
) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last month of a named window, or of an explicit (first, last) pair, within
    the panel's months.

    Raises:
        ValueError: if the name is unknown.
        InsufficientDataError: if the window holds none of the panel's months.
    """
    lo, hi = frame["month"].min(), frame["month"].max()
    if isinstance(window, str):
        if window not in WINDOWS:
            raise ValueError(f"unknown window {window!r}: expected one of {', '.join(WINDOWS)}")
        first = first_month_after(POLICY_DAY) if window == "after_policy" else lo
        last = hi
    else:
        first, last = (pd.Timestamp(m).to_period("M").to_timestamp() for m in window)
    first, last = max(first, lo), min(last, hi)
    if first > last:
        raise InsufficientDataError("window_outside", first=f"{lo:%Y-%m}", last=f"{hi:%Y-%m}")
    return first, last


def select_sample(
    panel: pd.DataFrame,
    design: str = DEFAULT_DESIGN,
    window: str | tuple[date, date] = DEFAULT_WINDOW,
    provinces: Sequence[str] | str | None = None,
) -> Sample:
    """The pilot and comparison communes of ``design`` over ``window``, with their counts.

    Pilot communes are those with a start inside the window (at least one month before it)
    in ``provinces`` (codes, or one code; default: every province with a start). Rows of the
    same commune and month are added up; a missing commune-month counts as zero.

    Raises:
        ValueError: if the design or window name is unknown, or the panel is malformed.
        InsufficientDataError: if too few pilot or comparison communes have incidents in the
            window, no pilot commune has months before its start, or there are no incidents.
    """
    if design not in DESIGNS:
        raise ValueError(f"unknown design {design!r}: expected one of {', '.join(DESIGNS)}")
    frame = check_panel(panel)
    first, last = window_bounds(frame, window)
    units = frame.groupby("unit", sort=True).agg(
        start=("start", "first"), province_code=("province_code", "first"), urban=("urban", "first")
    )
    chosen = _provinces(units, provinces)
    pilot, comparison, notes = _roles(units, design, chosen, first, last)
    inside = frame[
        frame["month"].between(first, last) & frame["unit"].isin(units.index[pilot | comparison])
    ]
    counts = inside.groupby(["unit", "month"])["y"].sum()
    months = pd.date_range(first, last, freq="MS")
    full = pd.MultiIndex.from_product(
        [units.index[pilot | comparison], months], names=["unit", "month"]
    )
    rows = counts.reindex(full, fill_value=0).reset_index()
    totals = rows.groupby("unit")["y"].sum()
    active = totals.index[totals > 0]
    rows = rows[rows["unit"].isin(active)].reset_index(drop=True)
    g = units["start"].where(pilot)
    rows["t"] = month_index(rows["month"]).astype("int64")
    rows["g"] = month_index(rows["unit"].map(g)).fillna(0).astype("int64")
    _check_counts(
        rows, (first, last), int(pilot[active].sum()), int(comparison[active].sum()), notes
    )
    return Sample(
        frame=rows,
        design=design,
        first_month=first,
        last_month=last,
        provinces=chosen,
        pilot_communes=int(pilot[active].sum()),
        comparison_communes=int(comparison[active].sum()),
        notes=tuple(notes),
    )


def _provinces(units: pd.DataFrame, provinces: Sequence[str] | str | None) -> tuple[str, ...]:
    """The chosen pilot provinces, or every province with a start."""
    if isinstance(provinces, str):
        provinces = (provinces,)
    with_start = sorted(set(units.loc[units["start"].notna(), "province_code"]))
    if provinces is None:
        if not with_start:
            raise InsufficientDataError("no_pilots")
        return tuple(with_start)
    chosen = tuple(sorted(set(provinces)))
    if not set(chosen) & set(with_start):
        raise InsufficientDataError("no_pilots_in", codes=", ".join(chosen))
    return chosen


def _roles(
    units: pd.DataFrame,
    design: str,
    provinces: tuple[str, ...],
    first: pd.Timestamp,
    last: pd.Timestamp,
) -> tuple[pd.Series, pd.Series, list[str]]:
    """Which communes are pilot and which comparison (boolean Series by unit), and notes."""
    started = units["start"].notna()
    in_province = units["province_code"].isin(provinces)
    urban = units["urban"].fillna(False).astype(bool)
    pilot = started & in_province & (units["start"] > first) & (units["start"] <= last)
    if design == "shared_shock":
        with_pilot = set(units.loc[started, "province_code"])
        comparison = ~started & urban & ~units["province_code"].isin(with_pilot)
    elif design == "not_yet_treated":
        comparison = in_province & urban & (~started | (units["start"] > last))
    else:
        comparison = ~started
    notes = []
    early = int((started & in_province & (units["start"] <= first)).sum())
    if early:
        notes.append(
            f"{early} pilot commune(s) started before the window opens ({first:%Y-%m}) and are "
            "left out: they have no month before their start."
        )
    return pilot, comparison, notes


def _check_counts(
    rows: pd.DataFrame,
    bounds: tuple[pd.Timestamp, pd.Timestamp],
    pilots: int,
    comparisons: int,
    notes: list[str],
) -> None:
    """Raise InsufficientDataError naming what is missing, if anything is."""
    span = {"first": f"{bounds[0]:%Y-%m}", "last": f"{bounds[1]:%Y-%m}"}
    if rows.empty or rows["y"].sum() == 0:
        raise InsufficientDataError("no_incidents", **span)
    if pilots == 0 and notes:
        raise InsufficientDataError("no_pre", **span)
    if pilots < MIN_PILOT_COMMUNES:
        raise InsufficientDataError("few_pilots", n=pilots, min_pilots=MIN_PILOT_COMMUNES, **span)
    if comparisons < MIN_COMPARISON_COMMUNES:
        raise InsufficientDataError(
            "few_comparison", n=comparisons, min_comparison=MIN_COMPARISON_COMMUNES, **span
        )
    treated = rows[rows["g"] > 0]
    before = int(treated.loc[treated["t"] < treated["g"], "y"].sum())
    after = int(treated.loc[treated["t"] >= treated["g"], "y"].sum())
    if before == 0:
        raise InsufficientDataError("no_pre_incidents", **span)
    if after == 0:
        raise InsufficientDataError("no_post", **span)


@dataclass(frozen=True)
class Groups:
    """The communes a design and window compare, by their role alone (a start, a province,
    urban or not), whether or not they had incidents: ``pilot`` and ``comparison`` polygon
    ids (sorted), each pilot commune's first month (``starts``, by id), the window's first
    and last month. The estimate keeps those of them with incidents in the window."""

    pilot: tuple[str, ...]
    comparison: tuple[str, ...]
    starts: dict[str, pd.Timestamp]
    first_month: pd.Timestamp
    last_month: pd.Timestamp


def design_groups(
    panel: pd.DataFrame,
    design: str = DEFAULT_DESIGN,
    window: str | tuple[date, date] = DEFAULT_WINDOW,
    provinces: Sequence[str] | str | None = None,
) -> Groups:
    """The pilot and comparison communes of ``design`` over ``window`` (see ``select_sample``),
    by role: a map may show them without saying which commune had an incident.

    Raises:
        ValueError: if the design or window name is unknown, or the panel is malformed.
        InsufficientDataError: if no commune of ``provinces`` has a start, or the window holds
            none of the panel's months.
    """
    if design not in DESIGNS:
        raise ValueError(f"unknown design {design!r}: expected one of {', '.join(DESIGNS)}")
    frame = check_panel(panel)
    first, last = window_bounds(frame, window)
    units = frame.groupby("unit", sort=True).agg(
        start=("start", "first"), province_code=("province_code", "first"), urban=("urban", "first")
    )
    pilot, comparison, _ = _roles(units, design, _provinces(units, provinces), first, last)
    return Groups(
        pilot=tuple(units.index[pilot]),
        comparison=tuple(units.index[comparison]),
        starts=units.loc[pilot, "start"].to_dict(),
        first_month=first,
        last_month=last,
    )
