"""The protection layer: every incident number a page, a download, an export or the briefing
pack shows comes from here, and nothing here returns a true count.

Each number is a *cell* of the publication grid (``query.grid``: calendar years, one choice
per filter, coarse choices at commune level, at most one single value by district and
province) read with its cell key (``query.cells``) and published by the cell key method
(``query.cellkey``): 0 to 4 read ``<5``, and 5 or more are rounded to a multiple of 5, up or
down by a draw of the cell's records and definition, the same way every time the cell is
asked for. A total is a cell of its own, never the sum of the
numbers shown under it; a rate is a published count over a public denominator; a share or a
change is computed from published counts.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import duckdb
import numpy as np
import pandas as pd

import config
from query import cells, explore, filter_table
from query.cellkey import Published, State, publish
from query.grid import off_grid, window_starts
from query.view import ALL, Filters
from vocabulary import KEY_POPULATIONS

#: A group of communes (those with partnership in the view) is shown apart from the rest only
#: when it holds at least this many communes (a share of two communes would publish a cell
#: that no grid offers).
MIN_GROUP_COMMUNES = 5


def threshold() -> int:
    """The suppression threshold (``ATLAS_SUPPRESSION_THRESHOLD``)."""
    return config.get_int("ATLAS_SUPPRESSION_THRESHOLD")


def check_window(con: duckdb.DuckDBPyConnection, filters: Filters) -> None:
    """Refuse a period that is not one of the grid's twelve-month windows (the pages and links
    never ask for one; this keeps any other caller on the grid too).

    Raises:
        ValueError: if ``filters.start`` does not start a window of the data.
    """
    bounds = explore.month_range(con)
    if bounds is None or filters.start not in window_starts(bounds):
        raise ValueError(f"{filters.start} does not start a twelve-month window of the data")


def rate_filters(filters: Filters) -> Filters | None:
    """The filters of a rate's numerator: the key populations when the filters count everyone
    (the estimates cover only them), the same filters for a key population; None for a
    population without size estimates (outreach workers, other)."""
    if filters.population == ALL:
        return replace(filters, population="key_populations")
    if set(filters.values("population")) <= set(KEY_POPULATIONS):
        return filters
    return None


def _read(counted: pd.DataFrame) -> Published:
    """The published counts of cells (``n``, ``key_sum``, ``cell``, as ``query.cells`` gives)."""
    return publish(counted["n"], counted["key_sum"], counted["cell"], threshold())


def _columns(published: Published, prefix: str = "") -> dict[str, object]:
    limit = threshold()
    return {
        f"{prefix}count": published.value,
        f"{prefix}state": published.state,
        f"{prefix}text": published.texts(limit),
    }


def _rates(counts: Published, sizes: pd.Series) -> pd.DataFrame:
    """Incidents per 1,000 people: a shown count over its denominator; hidden for a count that
    reads ``<5`` (no incident included); missing without a denominator."""
    size = sizes.to_numpy(dtype=float)
    state = np.where(np.isnan(size) | (size <= 0), "missing",
                     np.where(counts.state == State.SHOWN.value, "shown", "hidden"))  # fmt: skip
    value = np.where(state == "shown", counts.value / np.where(size > 0, size, 1) * 1000, np.nan)
    return pd.DataFrame({"rate": value, "rate_state": state}, index=sizes.index)


def units(con: duckdb.DuckDBPyConnection, filters: Filters, level: str) -> pd.DataFrame:
    """The view's units of ``level`` (in its province) as they may be shown: the attributes of
    ``query.explore.unit_view`` with ``count``, ``state`` and ``text`` (the published count),
    and ``rate``, ``rate_state`` (``shown``, ``hidden``, ``missing``) per 1,000
    people of the populations counted.

    Raises:
        ValueError: if the filters are not on ``level``'s grid, ``level`` is unknown, or the
            period is not a window of the grid.
    """
    if off_grid(filters, level):
        raise ValueError(f"{off_grid(filters, level)} are not offered at {level} level")
    check_window(con, filters)
    numerator = rate_filters(filters)
    pops = numerator.values("population") if numerator else ()
    frame = explore.unit_view(con, filters, level, pops)
    counted = cells.unit_cells(con, filters, level)
    if not frame["unit"].equals(counted["unit"]):
        raise RuntimeError("units and their cells are not in the same order")
    frame = frame.assign(**_columns(_read(counted)))
    if numerator is None:
        frame = frame.assign(rate=np.nan, rate_state="missing")
    else:
        rated = counted if numerator == filters else cells.unit_cells(con, numerator, level)
        frame = frame.join(_rates(_read(rated),
                                  frame["kp_size"]))  # fmt: skip
    return frame


@dataclass(frozen=True)
class Total:
    """One published count with its words (``state`` is a ``query.cellkey.State`` value)."""

    value: float
    state: str
    text: str

    @property
    def shown(self) -> int | None:
        """The number, when it may be used for a share or a change (None otherwise)."""
        return int(self.value) if self.state == State.SHOWN.value else None


def _total(n: int, key_sum: int, cell: int) -> Total:
    published = publish([n], [key_sum], [cell], threshold())
    return Total(float(published.value[0]), str(published.state[0]),
                 published.texts(threshold())[0])  # fmt: skip


def total(con: duckdb.DuckDBPyConnection, filters: Filters) -> Total:
    """The view's total (country or province; incidents of communes with no polygon too).

    Raises:
        ValueError: if the period is not a window of the grid.
    """
    check_window(con, filters)
    return _total(*cells.total_cell(con, filters))


@dataclass(frozen=True)
class Summary:
    """The summary strip: the view's total, the units whose count reads a number (the
    threshold or more, as the map shows them), the share of incidents
    in partnership communes and the change against the year before (None when it
    cannot be shown; ``notes`` say why, as i18n keys)."""

    total: Total
    units_affected: int
    partnership_share: float | None
    previous: Total | None
    change: float | None
    notes: tuple[str, ...]


def summary(
    con: duckdb.DuckDBPyConnection, filters: Filters, level: str, bounds: tuple[date, date]
) -> Summary:
    """The summary strip of a view shown at ``level``. The previous calendar year is compared
    only when they lie within the data (``bounds``: its first and last month).

    Raises:
        ValueError: if ``level`` is not a map level, or the period is not a window of the grid.
    """
    notes: list[str] = []
    here = total(con, filters)
    share = _partnership_share(con, filters, here, notes)
    previous, change = None, None
    if filters.previous().start in window_starts(bounds):
        previous = total(con, filters.previous())
        if here.shown is not None and previous.shown:
            change = (here.shown - previous.shown) / previous.shown
        else:
            notes.append("note_change_small")
    else:
        notes.append("note_no_previous")
    counted = cells.unit_cells(con, filters, level)
    published = _read(counted)
    affected = int((published.state == State.SHOWN.value).sum())  # as many as the map shows
    return Summary(here, affected, share, previous, change, tuple(notes))


def _partnership_share(
    con: duckdb.DuckDBPyConnection, filters: Filters, here: Total, notes: list[str]
) -> float | None:
    partnered = explore.unit_view(con, filters, "commune", ())
    group = partnered.loc[partnered["status"] != "none", "unit"].tolist()
    if not group:
        return 0.0 if here.shown else None
    small_group = len(group) < MIN_GROUP_COMMUNES  # a group of a few communes is no grid cell
    part = _total(*cells.group_cell(con, filters, group))
    if small_group or here.shown is None or part.state == State.SMALL.value:
        notes.append("note_share_small")
        return None
    return (part.shown or 0) / here.shown


def window_series(
    con: duckdb.DuckDBPyConnection, filters: Filters, bounds: tuple[date, date], level: str,
    unit: str | None,
) -> pd.DataFrame:  # fmt: skip
    """The published count of every window (calendar year) of the data (``start``, ``end``,
    ``count``, ``state``, ``text``), for one unit of ``level`` (a polygon id or a code) or, with
    ``unit`` None, for the whole view. A point of a rolling series is a window of the grid, so
    the series shows nothing that the map of that window would not.

    Raises:
        ValueError: if the filters are not on ``level``'s grid.
    """
    if off_grid(filters, level):
        raise ValueError(f"{off_grid(filters, level)} are not offered at {level} level")
    return _series(cells.window_cells(con, filters, window_starts(bounds), level, unit))


def group_series(
    con: duckdb.DuckDBPyConnection, filters: Filters, bounds: tuple[date, date],
    polygon_ids: tuple[str, ...],
) -> pd.DataFrame:  # fmt: skip
    """``window_series`` for a group of commune polygons (the evaluation's pilot or comparison
    communes): every calendar year's published count of the group.

    Raises:
        ValueError: if the group holds fewer than ``MIN_GROUP_COMMUNES`` communes.
    """
    if len(polygon_ids) < MIN_GROUP_COMMUNES:
        raise ValueError("a group of fewer communes than the minimum is not shown apart")
    starts = window_starts(bounds)
    return _series(cells.group_window_cells(con, filters, starts, list(polygon_ids)))


def _series(frame: pd.DataFrame) -> pd.DataFrame:
    published = _read(frame)
    starts = [pd.Timestamp(s).date() for s in frame["start"]]
    return pd.DataFrame({"start": starts, "end": [filter_table.PERIOD.end(s) for s in starts],
                         **_columns(published)})  # fmt: skip


def year_series(
    con: duckdb.DuckDBPyConnection, filters: Filters, bounds: tuple[date, date], level: str,
    unit: str | None,
) -> pd.DataFrame:  # fmt: skip
    """The bars of a commune's story: ``window_series`` (the grid's windows are the calendar
    years of the data).

    Raises:
        ValueError: if the filters are not on ``level``'s grid.
    """
    return window_series(con, filters, bounds, level, unit)
