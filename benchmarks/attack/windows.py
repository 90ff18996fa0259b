"""Attack (a): sliding windows with exact zeros.

A unit's count in one selection, read in every window the grid offers, is a set of readings
``lo_s <= m_s + ... + m_{s+L-1} <= hi_s`` on unknown monthly counts ``m >= 0``. With the
running sums ``P_k = m_0 + ... + m_{k-1}`` every reading is a pair of difference constraints
(``P_{s+L} - P_s <= hi_s``, ``P_s - P_{s+L} <= -lo_s``) and so is ``m >= 0``
(``P_k - P_{k+1} <= 0``). For such a system the shortest paths of its constraint graph give
the exact least and greatest value of every difference over the integer solutions (the matrix
is totally unimodular): a window that reads ``0`` pins its months at zero, and its neighbours
then expose single months. Floyd–Warshall on all series at once (numpy, in batches).

The windows are those of the offer: each reading's first and last month as its table states
them (``period_from``, ``period_to``), so any window grid is read as it is; with calendar-year
windows only, nothing overlaps and the attack learns nothing.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from benchmarks.attack.solver import InfeasibleError

_INF = 10**8
_BATCH = 1000


def _month(start: date) -> int:
    return start.year * 12 + start.month - 1


def window_nodes(starts: tuple[date, ...], ends: tuple[date, ...]
                 ) -> tuple[np.ndarray, np.ndarray, int]:  # fmt: skip
    """Each window's first and past-the-end running-sum nodes, and the number of nodes."""
    first = np.array([_month(s) for s in starts]) - _month(min(starts))
    last = np.array([_month(e) for e in ends]) - _month(min(starts)) + 1
    return first, last, int(last.max()) + 1


def _graphs(lo: np.ndarray, hi: np.ndarray, first: np.ndarray, last: np.ndarray, nodes: int
            ) -> np.ndarray:  # fmt: skip
    batch = lo.shape[0]
    graph = np.full((batch, nodes, nodes), _INF, dtype=np.int32)
    graph[:, np.arange(nodes), np.arange(nodes)] = 0
    graph[:, np.arange(1, nodes), np.arange(nodes - 1)] = 0  # months are not negative
    graph[:, first, last] = np.minimum(graph[:, first, last], np.minimum(hi, _INF))
    graph[:, last, first] = np.minimum(graph[:, last, first], -lo)
    return graph


def series_bounds(
    lo: np.ndarray, hi: np.ndarray, starts: tuple[date, ...], ends: tuple[date, ...]
) -> tuple[np.ndarray, np.ndarray]:
    """Exact bounds of every window of every series (rows of ``lo``/``hi``: [series,
    window]) given all of the series' readings.

    Raises:
        InfeasibleError: if a series' readings contradict each other.
    """
    first, last, nodes = window_nodes(starts, ends)
    out_lo, out_hi = lo.copy(), hi.copy()
    for begin in range(0, lo.shape[0], _BATCH):
        part = slice(begin, begin + _BATCH)
        dist = _graphs(lo[part], hi[part], first, last, nodes)
        for k in range(nodes):
            np.minimum(dist, dist[:, :, k : k + 1] + dist[:, k : k + 1, :], out=dist)
        if (dist[:, np.arange(nodes), np.arange(nodes)] < 0).any():
            raise InfeasibleError("a unit's windows contradict each other")
        out_hi[part] = np.minimum(hi[part], dist[:, first, last])
        out_lo[part] = np.maximum(lo[part], -dist[:, last, first])
    return out_lo, out_hi


def attack_windows(lo: np.ndarray, hi: np.ndarray, starts: tuple[date, ...],
                   ends: tuple[date, ...]) -> int:  # fmt: skip
    """Narrow one level's bounds (``[unit, choice, window]``, in place) by every series'
    windows; only series with an open reading are solved. Returns the series solved."""
    windows = lo.shape[2]
    if lo.size == 0:  # no unit or no window (a group the evaluation refused): nothing to solve
        return 0
    flat_lo, flat_hi = lo.reshape(-1, windows), hi.reshape(-1, windows)
    open_ = np.flatnonzero((flat_lo < flat_hi).any(axis=1))
    if open_.size and windows > 1:
        new_lo, new_hi = series_bounds(flat_lo[open_], flat_hi[open_], starts, ends)
        flat_lo[open_], flat_hi[open_] = new_lo, new_hi
    return int(open_.size)
