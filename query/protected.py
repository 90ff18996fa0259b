"""A view's numbers as they may be shown: small counts protected, totals checked, classes set.

Pure pandas on the frames of ``query.explore``; the threshold is passed in.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from query.disclosure import Cell, is_safe, protect

# Classes of the bivariate map: disruption (rows) and partnership (columns), 0..2 each.
HIDDEN_CLASS = -1  # a count that is hidden or below the threshold: no disruption class
NO_RATE_CLASS = -2  # no denominator for this commune


@dataclass(frozen=True)
class Summary:
    """The summary strip of a view; ``None`` means "cannot be shown" (see ``notes``)."""

    incidents: int | None
    communes_affected: int
    partnership_share: float | None
    change: float | None
    previous: int | None
    notes: tuple[str, ...]


def protect_communes(
    communes: pd.DataFrame, unmapped: pd.DataFrame, threshold: int
) -> pd.DataFrame:
    """Add a ``cell`` column (``query.disclosure.Cell`` values) to a ``commune_view`` frame.

    Cells are protected per province and partnership group (with / without partnership in the
    period), so the same communes are hidden whether the view is national or one province.
    Incidents with no polygon (``unmapped``, per province) join the group without partnership
    as a cell that is never shown (column ``polygon_id`` NULL, ``cell`` ``unshown``).
    """
    extra = unmapped.assign(status="none", months_covered=0, public_services=0)
    out = pd.concat([communes, extra], ignore_index=True) if len(extra) else communes.copy()
    values = out["incidents"].to_numpy(dtype=np.int64)
    shown = out["polygon_id"].notna().to_numpy()
    keys = out["province_code"].astype(str) + (out["status"] != "none").map({True: "+", False: "-"})
    cells = np.full(len(out), Cell.ZERO.value, dtype=object)
    for rows in pd.Series(np.arange(len(out))).groupby(keys.to_numpy()).indices.values():
        states, _ = protect(values[rows].tolist(), threshold, shown[rows].tolist())
        cells[rows] = [state.value for state in states]
    out["cell"] = cells
    return out


def _safe(rows: pd.DataFrame, threshold: int) -> bool:
    return is_safe(rows["incidents"].astype(int).tolist(), [Cell(c) for c in rows["cell"]],
                   threshold)  # fmt: skip


def shown_total(cells: pd.DataFrame, threshold: int) -> tuple[int | None, str | None]:
    """The total of ``protect_communes``'s frame if it may be shown, else None with the key
    (in ``i18n``) of the note that says why: below the threshold, or it would reveal a
    count below it."""
    total = int(cells["incidents"].sum())
    if 0 < total < threshold:
        return None, "note_total_small"
    if not _safe(cells, threshold):
        return None, "note_total_hidden"
    return total, None


def summarise(
    cells: pd.DataFrame,
    previous_total: int | None,
    threshold: int,
    previous_withheld: bool = False,
) -> Summary:
    """The summary strip of ``protect_communes``'s frame: incidents in the view, communes
    affected, share of incidents in partnership communes, change against the previous period
    (``previous_total`` is None when the data do not reach that far back, or when
    ``previous_withheld``: that period's own total may not be shown).

    A figure is withheld, and ``notes`` says why (keys of ``i18n``), when it would reveal a
    count below the threshold: a total is shown only if the cells under it stay safe, a share
    only if both its parts are.
    """
    total = int(cells["incidents"].sum())
    shown, note = shown_total(cells, threshold)
    notes: list[str] = [note] if note else []
    partnered = cells["status"] != "none"
    part_total = int(cells.loc[partnered, "incidents"].sum())
    share = None
    if shown:
        if (
            _safe(cells[partnered], threshold)
            and _safe(cells[~partnered], threshold)
            and (part_total == 0 or min(part_total, total - part_total) >= threshold)
        ):
            share = part_total / shown
        else:
            notes.append("note_share_small")
    change = None
    if previous_total is None and not previous_withheld:
        notes.append("note_no_previous")
    elif previous_withheld or previous_total < threshold or shown is None:
        notes.append("note_change_small")
    else:
        change = (total - previous_total) / previous_total
    mapped = cells[cells["polygon_id"].notna()]
    return Summary(
        incidents=shown,
        communes_affected=int((mapped["incidents"] > 0).sum()),
        partnership_share=share,
        change=change,
        previous=previous_total if change is not None else None,
        notes=tuple(notes),
    )


STEPS = {"month": "MS", "quarter": "QS", "year": "YS"}


def bucket_months(months: pd.DataFrame, step: str) -> pd.DataFrame:
    """One commune's ``commune_months`` frame summed into months, quarters or years (each row's
    ``month`` becomes its bucket's first day).

    Raises:
        ValueError: if ``step`` is not ``month``, ``quarter`` or ``year``.
    """
    if step not in STEPS:
        raise ValueError(f"step must be one of {sorted(STEPS)}, got {step!r}")
    out = months.copy()
    out["month"] = pd.to_datetime(out["month"]).dt.to_period(STEPS[step][0]).dt.start_time
    return out.groupby(["month", "incident_type"], as_index=False)["incidents"].sum()


def best_step(months: pd.DataFrame, threshold: int) -> str:
    """The finest step at which at least half of the non-empty cells reach the threshold."""
    for step in ("month", "quarter"):
        counts = bucket_months(months, step)["incidents"]
        if len(counts) and (counts >= threshold).mean() >= 0.5:
            return step
    return "year"


def protect_months(
    months: pd.DataFrame, start: object, end: object, threshold: int, step: str = "month"
) -> pd.DataFrame:
    """Add a ``cell`` column to one commune's ``commune_months`` (or ``bucket_months``) frame.

    The cells of the period (buckets that overlap it) add up to the commune's count on the
    map, so they are protected as one group; if that cannot be done, all of them are hidden.
    Other cells only have their small counts marked.

    Raises:
        ValueError: if ``step`` is not ``month``, ``quarter`` or ``year``.
    """
    if step not in STEPS:
        raise ValueError(f"step must be one of {sorted(STEPS)}, got {step!r}")
    out = months.copy()
    out["cell"] = np.where(out["incidents"] < threshold, Cell.SMALL.value, Cell.SHOWN.value)
    first = pd.to_datetime(out["month"])
    last = first + pd.tseries.frequencies.to_offset(STEPS[step]) - pd.Timedelta(days=1)
    inside = (first <= pd.Timestamp(end)) & (last >= pd.Timestamp(start))
    states, ok = protect(out.loc[inside, "incidents"].astype(int).tolist(), threshold)
    out.loc[inside, "cell"] = [s.value for s in states] if ok else Cell.HIDDEN.value
    return out


def rate_cells(communes: pd.DataFrame, threshold: int) -> tuple[pd.Series, pd.Series]:
    """Incidents per 1,000 key-population members, and the ``cell`` state of each rate.

    A rate reveals its count to whoever knows the denominator, so it is shown only when the
    commune's count is shown, its incidents among estimated populations reach the threshold,
    and the rest of its incidents are none or reach it too. Communes with no denominator get
    NaN (state ``zero`` when they also have no incident).
    """
    rate = communes["kp_incidents"] / communes["kp_size"] * 1000
    others = communes["incidents"] - communes["kp_incidents"]
    shown = (
        (communes["cell"] == Cell.SHOWN.value)
        & (communes["kp_incidents"] >= threshold)
        & ((others == 0) | (others >= threshold))
    )
    cells = pd.Series(np.where(shown, Cell.SHOWN.value, Cell.HIDDEN.value), index=communes.index)
    cells[communes["incidents"] == 0] = Cell.ZERO.value
    rate[communes["incidents"] == 0] = 0.0
    rate[communes["kp_size"].isna()] = np.nan
    return rate, cells


def disruption_classes(
    values: pd.Series, cells: pd.Series, threshold: int, floor: float | None = None
) -> tuple[pd.Series, list[float]]:
    """Three disruption classes (0 low, 1 middle, 2 high) and their two breaks (a value at a
    break belongs to the class above).

    Breaks are the terciles of the values whose cell is shown, never below ``floor`` (counts:
    the default, the threshold, so every commune shown as ``<T`` sits in the lowest class, and
    the breaks are whole numbers; rates: 0). Hidden cells get ``HIDDEN_CLASS``; a missing value
    (no denominator) ``NO_RATE_CLASS``.
    """
    counts = floor is None
    floor = float(threshold) if counts else floor
    visible = values[(cells == Cell.SHOWN.value) & values.notna()].to_numpy(dtype=float)
    low, high = np.quantile(visible, [1 / 3, 2 / 3]) if len(visible) else (floor, 2 * floor)
    if counts:
        low, high = np.ceil(low), np.ceil(high)
    low = max(float(low), floor)
    high = max(float(high), low + (1.0 if counts else max(low * 0.5, 0.1)))
    classes = pd.Series(np.select(
        [values.isna(), cells == Cell.HIDDEN.value, values >= high, values >= low],
        [NO_RATE_CLASS, HIDDEN_CLASS, 2, 1], default=0,
    ), index=values.index)  # fmt: skip
    return classes, [low, high]


def partnership_classes(communes: pd.DataFrame, months: int, measure: str) -> pd.Series:
    """Partnership class per commune: by ``status`` (none, started, active) or by ``share``
    of the period's months covered (0, under half, half or more).

    Raises:
        ValueError: if ``measure`` is neither ``status`` nor ``share``.
    """
    if measure == "status":
        return communes["status"].map({"none": 0, "started": 1, "active": 2}).astype(int)
    if measure == "share":
        share = communes["months_covered"] / months
        return pd.Series(
            np.select([share >= 0.5, share > 0], [2, 1], default=0), index=communes.index
        )
    raise ValueError(f"partnership measure must be status or share, got {measure!r}")
