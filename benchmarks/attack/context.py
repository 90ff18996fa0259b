"""(h) Guessing from context: a ``<5`` read against the numbers around it.

Ranges (attacks a to g) gain only by excluding values. An attacker also knows *how likely*
each small value is, from a Poisson model of the cell's expected count: a province's single
type reading ``<5`` in a year its total is large is 4 more often than 1, and a district's
``<5`` where its total is small is most often 0. Two expected counts per cell
``[unit, choice, year]``, from readings only (a ``<5`` counted as ``small_as``, a shown ``v``
as ``v``, the middle of ``v - 4`` to ``v + 4``):

- **its surroundings**: the unit's all-incidents reading that year times the choice's national
  share (the choice's readings over every unit and year, over all incidents'). No reading of the
  cell's own series enters it: it is what the province and district maps (which must stay
  informative) and the national breakdown tell about every cell, shown or not;
- **with its own series**: the surroundings, updated by the same unit and choice in the other
  years (a Poisson-gamma update of the surroundings' mean by the series' readings, at several
  prior shapes; or the review's geometric mean of the other years' mean and the surroundings),
  and restricted to the cell's own reading.

Each is scored as the suite scores: the most likely of 1 to 4 on the targets (true 1 to 4,
reading small) against always guessing the most common small value; and, on every small
reading, calling it empty when 0 is more likely than 1 to 4, against always giving the more
common answer. The threat model (docs/protection.md) measures this kind of guess rather than
bounding it: a published rate tells it (the surroundings alone gain +10 to +13 points at
province level on the demo even from the true totals, with no fine cell published; where
provinces have their own mix of types, their own series tells it). What the cell's own readings
add is shown beside it, so a rule that let the small class carry more shows here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.stats import poisson

from benchmarks.attack.offer import Readings, Truth
from benchmarks.attack.score import SMALL, prior

#: What a ``<5`` stands for in the expected counts (0.5 was chosen on seed 5502; both are tried).
SMALL_AS = (0.5, 2.0)
#: Prior shapes of the Poisson-gamma update (small: the series speaks; large: the surroundings).
SHAPES = (0.5, 1.0, 2.0, 5.0, 20.0)
KINDS = ("exact", "zero or few")


@dataclass(frozen=True)
class ContextScore:
    """One level and kind: ``cells`` scored, points over a blind guess from the surroundings
    alone and (the best of every variant) with the cell's own series and reading."""

    level: str
    kind: str
    cells: int
    surroundings: float
    series: float

    @property
    def added(self) -> float:
        """Points the cell's own readings add to its surroundings."""
        return self.series - self.surroundings


def values_read(reading: Readings, small_as: float) -> np.ndarray:
    """Each cell's reading as a number: ``small_as`` for ``<5``, the middle of its range for a
    number, NaN where the view was refused."""
    value = np.where(reading.small, small_as, (reading.lo + reading.hi) / 2.0)
    return np.where(reading.code >= 0, value, np.nan)


def surroundings(value: np.ndarray) -> np.ndarray:
    """Expected counts ``[unit, choice, year]`` from the unit's all-incidents reading (the first
    choice) that year times each choice's national share."""
    national = np.nansum(value, axis=(0, 2))
    share = national / max(national[0], 1e-9)
    return np.maximum(np.nan_to_num(value[:, 0:1, :] * share[None, :, None]), 1e-6)


def with_series(value: np.ndarray, around: np.ndarray, shape: float) -> np.ndarray:
    """``around`` scaled by the series' other years: a Gamma(``shape``, ``shape``) prior on the
    cell's multiplier, updated by its readings in the other years as Poisson counts."""
    read = ~np.isnan(value)  # a refused year tells nothing: left out of both sums
    seen = np.where(read, value, 0.0)
    other = seen.sum(axis=2, keepdims=True) - seen
    expected_read = np.where(read, around, 0.0)
    expected = expected_read.sum(axis=2, keepdims=True) - expected_read
    return around * (shape + other) / (shape + expected)


def geometric(value: np.ndarray, around: np.ndarray) -> np.ndarray:
    """The review's expected count: the geometric mean of the series' other years' mean and
    the surroundings (tests/attacks/test_context.py)."""
    read = ~np.isnan(value)
    seen = np.where(read, value, 0.0)
    years = read.sum(axis=2, keepdims=True) - read  # the other years read
    other = (seen.sum(axis=2, keepdims=True) - seen) / np.maximum(years, 1)
    return np.maximum(np.sqrt(other * around), 1e-6)


def exact_hits(lam: np.ndarray, lo: np.ndarray, hi: np.ndarray, truth: np.ndarray) -> float:
    """Share of ``truth`` (true 1 to 4) guessed as the most likely of 1 to 4 within
    ``lo``..``hi`` under Poisson(``lam``)."""
    values = np.array(SMALL)
    inside = (values[None, :] >= lo[:, None]) & (values[None, :] <= hi[:, None])
    weight = np.where(inside, poisson.pmf(values[None, :], lam[:, None]) + 1e-300, -1.0)
    return float((values[np.argmax(weight, axis=1)] == truth).mean()) if len(truth) else 0.0


def zero_right(lam: np.ndarray, lo: np.ndarray, hi: np.ndarray, truth: np.ndarray) -> float:
    """Share of small ``truth`` (0 to 4) told empty or not right: empty when 0 is more likely
    than 1 to 4 within ``lo``..``hi`` under Poisson(``lam``)."""
    values = np.arange(5)
    inside = (values[None, :] >= lo[:, None]) & (values[None, :] <= hi[:, None])
    pmf = np.where(inside, poisson.pmf(values[None, :], lam[:, None]), 0.0)
    said = pmf[:, 0] > pmf[:, 1:].sum(axis=1)
    return float((said == (truth == 0)).mean()) if len(truth) else 0.0


def _blind(kind: str, truth: np.ndarray) -> float:
    if kind == "exact":
        return float(prior(truth).max())
    empty = float((truth == 0).mean()) if len(truth) else 0.0
    return max(empty, 1.0 - empty)


def score_level(reading: Readings, truth: np.ndarray, kind: str) -> ContextScore:
    """The context attack of ``kind`` on one level's readings (``Readings.interpret`` done)."""
    target = reading.small & ((truth >= 1) if kind == "exact" else (truth >= 0)) & (truth <= 4)
    n = truth[target]
    rate = exact_hits if kind == "exact" else zero_right
    anything = (np.zeros(len(n)), np.full(len(n), 4))  # the surroundings do not read the cell
    own = (reading.lo[target], reading.hi[target])
    around_best, series_best = -1.0, -1.0
    for small_as in SMALL_AS:
        value = values_read(reading, small_as)
        around = surroundings(value)
        around_best = max(around_best, rate(around[target], *anything, n))
        guesses = [geometric(value, around)] + [with_series(value, around, a) for a in SHAPES]
        guesses.append(around)  # the cell's own reading on the surroundings alone
        for lam in guesses:
            series_best = max(series_best, rate(np.maximum(lam[target], 1e-6), *own, n))
    blind = _blind(kind, n)
    return ContextScore(reading.level, kind, len(n), 100 * (around_best - blind),
                        100 * (series_best - blind))  # fmt: skip


def attack_context(readings: dict[str, Readings], truth: Truth) -> list[ContextScore]:
    """Both kinds at every level whose views hold more than one choice and year."""
    return [score_level(reading, truth[level], kind)
            for level, reading in readings.items()
            if reading.code.ndim == 3 and reading.code.shape[2] > 1
            for kind in KINDS]  # fmt: skip


def true_surroundings(truth: np.ndarray) -> np.ndarray:
    """Expected counts from the *true* unit totals and national shares: what the surroundings
    would tell if every total were published exactly and no fine cell at all."""
    true = truth.astype(float)
    national = true.sum(axis=(0, 2))
    return np.maximum(true[:, 0:1, :] * (national / max(national[0], 1e-9))[None, :, None],
                      1e-6)  # fmt: skip
