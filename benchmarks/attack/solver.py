"""Exact bounds of sums of unknown non-negative integers: interval propagation, then an
integer solver (HiGHS, through ``scipy.optimize.milp``) for what propagation leaves open.

A ``System`` holds unknowns ``x`` with bounds ``var_lo <= x <= var_hi`` and rows
``row_lo <= sum(coef * x) <= row_hi`` (coefficients +1 or −1; an equality has
``row_lo == row_hi``). Each published reading is a row over the atoms it sums; each tie
between levels is an equality row (a district's atoms minus its communes' atoms is 0).

``propagate`` narrows every bound until nothing moves (bounds consistency: each unknown
within what every row allows given the others' bounds; each row within what its unknowns
allow). ``row_ranges`` then narrows each target row's range over the integer solutions:
the targets propagation leaves open go to the solver, one connected component at a time, and
pins are proven by groups (``_component_ranges``). Every bound it returns holds for every
integer solution, so the truth is always inside: a pin is a proof, never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import bmat, csr_array
from scipy.sparse.csgraph import connected_components

#: Seconds one solve may take before its bound is left as propagation gave it.
TIME_LIMIT = 5.0
#: Rounds of the group proof of pins in one component.
PIN_ROUNDS = 6


class InfeasibleError(ValueError):
    """No integers satisfy the rows: the attacker's model of the publication is wrong."""


@dataclass
class System:
    """Unknown non-negative integers and linear rows over them (see the module's text)."""

    rows: np.ndarray
    cols: np.ndarray
    coef: np.ndarray
    row_lo: np.ndarray
    row_hi: np.ndarray
    var_lo: np.ndarray
    var_hi: np.ndarray

    @property
    def shape(self) -> tuple[int, int]:
        """(rows, unknowns)."""
        return len(self.row_lo), len(self.var_lo)

    def matrix(self) -> csr_array:
        """The rows as a sparse matrix."""
        return csr_array((self.coef.astype(float), (self.rows, self.cols)), shape=self.shape)


def _activity(s: System) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Each entry's least and greatest contribution, each row's least and greatest sum."""
    plus = s.coef > 0
    low = np.where(plus, s.var_lo[s.cols], -s.var_hi[s.cols])
    high = np.where(plus, s.var_hi[s.cols], -s.var_lo[s.cols])
    n = len(s.row_lo)
    return low, high, np.bincount(s.rows, low, n), np.bincount(s.rows, high, n)


def propagate(s: System, max_rounds: int = 500) -> System:
    """Narrow the bounds of ``s`` in place until nothing moves; returns ``s``.

    Raises:
        InfeasibleError: if a row or an unknown is left with no possible value.
    """
    order = np.argsort(s.cols, kind="stable")
    cols_sorted = s.cols[order]
    starts = np.flatnonzero(np.r_[True, cols_sorted[1:] != cols_sorted[:-1]])[: len(order)]
    present = cols_sorted[starts]
    for _ in range(max_rounds):
        low, high, least, most = _activity(s)
        s.row_lo = np.maximum(s.row_lo, least.astype(np.int64))
        s.row_hi = np.minimum(s.row_hi, most.astype(np.int64))
        if (s.row_lo > s.row_hi).any():
            raise InfeasibleError("a published reading contradicts the others")
        if len(order) == 0:
            return s
        # coef * x lies in [row_lo - (most - high), row_hi - (least - low)]
        below = s.row_lo[s.rows] - (most[s.rows] - high)
        above = s.row_hi[s.rows] - (least[s.rows] - low)
        plus = s.coef > 0
        new_hi = np.where(plus, above, -below)[order]
        new_lo = np.where(plus, below, -above)[order]
        var_hi = s.var_hi.copy()
        var_lo = s.var_lo.copy()
        var_hi[present] = np.minimum(var_hi[present], np.minimum.reduceat(new_hi, starts))
        var_lo[present] = np.maximum(var_lo[present], np.maximum.reduceat(new_lo, starts))
        if (var_lo > var_hi).any():
            raise InfeasibleError("an atom is left with no possible value")
        if (var_hi == s.var_hi).all() and (var_lo == s.var_lo).all():
            return s
        s.var_lo, s.var_hi = var_lo.astype(np.int64), var_hi.astype(np.int64)
    return s


@dataclass
class _Solver:
    """One component handed to HiGHS: its matrix and bounds, the open targets' rows, and the
    values each target took in the solutions found so far."""

    matrix: csr_array
    row_lo: np.ndarray
    row_hi: np.ndarray
    var_lo: np.ndarray
    var_hi: np.ndarray
    targets: csr_array
    seen_lo: np.ndarray
    seen_hi: np.ndarray
    solves: int = 0

    def solve(self, objective: np.ndarray) -> tuple[np.ndarray | None, bool]:
        """A solution minimising ``objective`` (None if none was found) and whether it is
        proven optimal; every solution found widens the targets' seen values.

        Raises:
            InfeasibleError: if the component has no integer solution.
        """
        self.solves += 1
        result = milp(
            objective, integrality=np.ones(len(self.var_lo)),
            bounds=Bounds(self.var_lo, self.var_hi),
            constraints=LinearConstraint(self.matrix, self.row_lo, self.row_hi),
            options={"time_limit": TIME_LIMIT, "disp": False},
        )  # fmt: skip
        if result.x is None:
            if result.status == 2:
                raise InfeasibleError("the published readings have no integer solution")
            return None, False
        x = np.round(result.x)
        values = self.targets @ x
        self.seen_lo = np.minimum(self.seen_lo, values)
        self.seen_hi = np.maximum(self.seen_hi, values)
        return x, result.status == 0

    def objective(self, chosen: np.ndarray) -> np.ndarray:
        """The sum of the chosen targets' rows, as an objective over the unknowns."""
        return np.asarray(self.targets[chosen].sum(axis=0)).ravel()


def _component_ranges(solver: _Solver, lo: np.ndarray, hi: np.ndarray) -> None:
    """Narrow the open targets of one component: the least sum of all targets, then the
    greatest, each a solution; a target whose propagated least value is seen is exact there.
    Then pins, proven by groups: among the targets with an exact least value never seen above
    it, a greatest sum equal to the sum of their least values proves each of them pinned
    (none can rise without another falling below its least value); a greater sum shows in its
    solution which rose, and the rest are tried again, at most ``PIN_ROUNDS`` times. What is
    not proven keeps its propagated bounds, which hold whatever the truth."""
    everything = np.arange(len(lo))
    solver.solve(solver.objective(everything))
    solver.solve(-solver.objective(everything))
    candidates = np.flatnonzero((solver.seen_lo <= lo) & (solver.seen_hi <= lo) & (lo < hi))
    for _ in range(PIN_ROUNDS):
        if not candidates.size:
            return
        x, proven = solver.solve(-solver.objective(candidates))
        if x is None:
            return
        if proven and round(solver.objective(candidates) @ x) <= lo[candidates].sum():
            hi[candidates] = lo[candidates]
            return
        candidates = candidates[solver.seen_hi[candidates] <= lo[candidates]]


def _free_part(s: System) -> tuple[csr_array, np.ndarray, np.ndarray, np.ndarray]:
    """The matrix over the unknowns propagation left open, with the row bounds shifted by
    the fixed ones; and the open unknowns' indices."""
    matrix = s.matrix()
    free = np.flatnonzero(s.var_lo < s.var_hi)
    fixed = np.flatnonzero(s.var_lo == s.var_hi)
    constant = matrix[:, fixed] @ s.var_lo[fixed].astype(float)
    return matrix[:, free].tocsr(), s.row_lo - constant, s.row_hi - constant, free


def row_ranges(s: System, targets: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    """Bounds of each target row over the integer solutions of ``s`` (propagated first, in
    place), and the number of solves it took: every solution lies within them, and a target
    whose bounds meet is pinned (proven by the solver).

    Raises:
        InfeasibleError: if the system has no solution.
    """
    propagate(s)
    lo, hi = s.row_lo[targets].copy(), s.row_hi[targets].copy()
    open_ = np.flatnonzero(lo < hi)
    if not open_.size:
        return lo, hi, 0
    matrix, row_lo, row_hi, free = _free_part(s)
    n_rows = matrix.shape[0]
    graph = bmat([[None, matrix], [matrix.T, None]]).tocsr()
    _, label = connected_components(graph, directed=False)
    solves = 0
    for component in np.unique(label[targets[open_]]):
        rows = np.flatnonzero(label[:n_rows] == component)
        cols = np.flatnonzero(label[n_rows:] == component)
        mine = open_[label[targets[open_]] == component]
        sub = matrix[rows][:, cols]
        position = np.searchsorted(rows, targets[mine])
        solver = _Solver(sub, row_lo[rows], row_hi[rows], s.var_lo[free[cols]],
                         s.var_hi[free[cols]], sub[position],
                         np.full(len(mine), np.inf), np.full(len(mine), -np.inf))  # fmt: skip
        sub_lo, sub_hi = lo[mine], hi[mine]
        constant = s.row_lo[targets[mine]] - row_lo[targets[mine]]
        sub_lo, sub_hi = sub_lo - constant, sub_hi - constant
        _component_ranges(solver, sub_lo, sub_hi)
        lo[mine], hi[mine] = sub_lo + constant, sub_hi + constant
        solves += solver.solves
    return lo, hi, solves
