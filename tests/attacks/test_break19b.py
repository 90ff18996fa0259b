"""Breaking issue 19's protection again, after random rounding to multiples of 5 (a review by a
session that had not seen the design): what the attack suite (``benchmarks/attack``) misses.

The suite reads every text as a *range* of true counts and guesses the most common small value
inside it, so it gains only by excluding values. An attacker also knows *how likely* each
small value is behind a ``<5``, from the cells around it: a province's single type reading
``<5`` in a year when the province reads 300 is far more likely 4 than 1, and a district's
``<5`` in a district that reads ``<5`` every year is most likely 0. The *context attack* below
uses nothing but published readings (the same offer the suite reads, through the export's own
reading) and a Poisson model: for each small reading, an expected count from

- the same unit and choice in the other calendar years (their mean; ``<5`` counted as
  ``SMALL_AS``), and
- the unit's all-incidents reading that year times the choice's national share (the sum of the
  choice's readings over every unit and year, over the same for all incidents),

their geometric mean ``lam``; the guess is the most likely of 1 to 4 under Poisson(``lam``), and
a small reading is called empty when 0 is more likely than 1 to 4 together. Scored as the suite
scores (``benchmarks.attack.score``: exact hits on the targets, true 1 to 4, against always
guessing the most common small value; zero against a few as ``benchmarks.attack.pairs`` does,
against always saying the more common answer). It pins nothing; it moves the best guess.

Measured (``SMALL_AS`` 0.5, chosen on seed 5502 and applied unchanged elsewhere):

| seed | province, exact | province, zero or few | district, zero or few | commune, zero or few |
| --- | --- | --- | --- | --- |
| 5501 | +8.7 (3,058 targets) | +7.1 (4,301 small) | +16.3 (70,616) | +5.5 (42,140) |
| 5502 | +9.2 (3,036) | +7.2 (4,239) | +16.1 (70,513) | +5.5 (42,062) |
| 2010 (the tests' demo) | +7.9 to +8.4 (2,992) | +8.2 (4,227) | +16.5 (70,523) | +5.7 (42,252) |

The briefing store alone (``--audience briefing``, provinces) gives the province figures
exactly. Where the context expects 3.5 or more, a province's ``<5`` is 4 in 43 to 48 % of cases
(19 % of all targets) and 3 or 4 in 74 to 76 %; where it expects less than 0.7, a district's
``<5`` is 0 in 69 % of cases (56 % of all). Exact guesses at district and commune level gain
+1.7 to +2.2 points only.

The threat model (docs/protection.md) allows at most five points over a blind guess at every
level, for a count of 1 to 4 and for telling a cell of 0 from one of 1 to 4.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from scipy.stats import poisson

from benchmarks.attack.offer import Readings, interpret_all, read_offer
from benchmarks.attack.score import SMALL, prior
from etl.schema import briefing_store_path

pytestmark = pytest.mark.integration
#: The value a ``<5`` stands for in the context's means (chosen on another seed).
SMALL_AS = 0.5
LIMIT = 5.0


def expected_counts(reading: Readings, small_as: float = SMALL_AS) -> np.ndarray:
    """The context attack's expected count of every cell ``[unit, choice, year]`` (see the
    module), from the readings alone; the first choice is all incidents."""
    value = np.where(reading.small, small_as, reading.hi - 4.0)  # a shown v holds v-4..v+4
    years = value.shape[2]
    other_years = (value.sum(axis=2, keepdims=True) - value) / (years - 1)
    national = value.sum(axis=(0, 2))
    share = national / national[0]
    from_total = value[:, 0:1, :] * share[None, :, None]
    return np.maximum(np.sqrt(other_years * from_total), 1e-6)


def exact_advantage(reading: Readings, truth: np.ndarray) -> tuple[int, float]:
    """Targets (small readings of true 1 to 4) and the points by which the most likely of 1 to
    4 under Poisson(expected count) beats always guessing the most common small value."""
    target = reading.small & (truth >= 1) & (truth <= 4)
    lam = expected_counts(reading)[target]
    values = np.array(SMALL)
    guess = values[np.argmax(poisson.pmf(values[None, :], lam[:, None]), axis=1)]
    hits = (guess == truth[target]).mean()
    return int(target.sum()), 100 * (hits - prior(truth[target]).max())


def zero_advantage(reading: Readings, truth: np.ndarray) -> tuple[int, float]:
    """Small readings and the points by which calling a cell empty when Poisson(expected
    count) makes 0 more likely than 1 to 4 beats always saying the more common answer."""
    small = reading.small
    lam = expected_counts(reading)[small]
    pmf = poisson.pmf(np.arange(5)[None, :], lam[:, None])
    empty_said = pmf[:, 0] > pmf[:, 1:].sum(axis=1)
    empty = truth[small] == 0
    right = (empty_said == empty).mean()
    return int(small.sum()), 100 * (right - max(empty.mean(), 1 - empty.mean()))


@pytest.fixture(scope="module")
def offer(built_db: Path) -> tuple[dict[str, Readings], dict[str, np.ndarray]]:
    """Every view the export answers the analysts on the demo, with the true counts (for
    scoring only)."""
    readings, truth, mode = read_offer(built_db, "analyst", jobs=1)
    assert mode == "fast" and truth is not None
    interpret_all(readings)
    return readings, truth


def test_the_context_attack_reads_the_offer(offer: tuple) -> None:
    readings, truth = offer
    for level in ("commune", "district", "province"):
        targets, _ = exact_advantage(readings[level], truth[level])
        assert targets > 1000, level  # the attack is scored on many small cells


@pytest.mark.xfail(
    strict=True,
    reason=(
        "a province's single type, population or actor reading <5 is guessed from the province's "
        "total that year and its other years: +8.7 points over a blind guess on seed 5501 (3,058 "
        "targets), +9.2 on 5502, +7.9 to +8.4 on 2010 (two secrets); the briefing store alone "
        "the same; the suite sees +0.0"
    ),
)
def test_a_province_small_cell_is_not_guessed_from_its_context(offer: tuple) -> None:
    readings, truth = offer
    targets, advantage = exact_advantage(readings["province"], truth["province"])
    assert advantage <= LIMIT, f"+{advantage:.1f} points on {targets} province targets"


@pytest.mark.xfail(
    strict=True,
    reason=(
        "a district cell reading <5 is told empty or not from its other years and its district's "
        "total: +16.3 points over always saying empty (70,616 small readings, seed 5501; +16.1 on "
        "5502, +16.5 to +16.6 on 2010); provinces +7.1 to +8.2, communes +5.5 to +5.7"
    ),
)
def test_a_small_district_cell_is_not_told_empty_from_its_context(offer: tuple) -> None:
    readings, truth = offer
    small, advantage = zero_advantage(readings["district"], truth["district"])
    assert advantage <= LIMIT, f"+{advantage:.1f} points on {small} district small readings"


@pytest.mark.xfail(
    strict=True,
    reason=(
        "the briefing store alone (the Ministry's audience, provinces only) gives the province "
        "attack in full: +8.7 points exact on seed 5501, +9.2 on 5502, +7.9 to +8.4 on 2010 "
        "(two secrets)"
    ),
)
def test_the_briefing_store_alone_does_not_tell_a_province_small_cell(
    built_db: Path, offer: tuple
) -> None:
    readings, _ = read_offer(briefing_store_path(built_db), "briefing", jobs=1)
    interpret_all(readings)
    store = readings["province"]
    analysts = offer[0]["province"]
    assert store.code.shape == analysts.code.shape  # the same views, so the same true counts
    targets, advantage = exact_advantage(store, offer[1]["province"])
    assert advantage <= LIMIT, f"+{advantage:.1f} points on {targets} province targets"
