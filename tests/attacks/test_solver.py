"""The attack suite's solvers on hand-made cases: what they must pin, and what they must not."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from benchmarks.attack.model import PublicationModel, derive
from benchmarks.attack.solver import InfeasibleError, System, propagate, row_ranges
from benchmarks.attack.windows import series_bounds
from query import cellkey
from query.view import add_months

TODAY = PublicationModel(threshold=5, noise=2)
NOISELESS = PublicationModel(threshold=5, noise=0)


def sums(rows: list[list[int]], texts: list[str], model: PublicationModel, n: int) -> System:
    """Unknowns 0..n-1; one row per reading, the sum of its unknowns read as ``texts``."""
    lo, hi = model.intervals(texts)
    r = np.array([i for i, row in enumerate(rows) for _ in row])
    c = np.array([v for row in rows for v in row])
    return System(r, c, np.ones(len(r), dtype=np.int64), lo, hi,
                  np.zeros(n, dtype=np.int64), np.full(n, 10**6, dtype=np.int64))  # fmt: skip


def test_the_model_reads_each_text_as_the_true_counts_it_allows() -> None:
    assert TODAY.interval("0") == (0, 0)
    assert TODAY.interval("<5") == (1, 6)  # a 5 or 6 moved below 5 reads <5 too
    assert TODAY.interval("7") == (5, 9)
    assert TODAY.interval("5") == (5, 7)
    assert TODAY.interval("1,204") == (1202, 1206)
    assert TODAY.interval("withheld") == (0, 10**6)
    assert PublicationModel(5, 2, small_floor=0, zero=None).interval("0") == (0, 10**6)


def test_the_model_is_derived_from_what_the_offer_shows() -> None:
    # a shown 0: zeros are exact and <5 holds 1 up; the atlas's publication function never
    # moves a count of 5 or more below 5, so <5 holds up to 4; a shown 15 is 11 to 19
    shown = derive(["0", "<5", "15"], threshold=5)
    assert (shown.interval("0"), shown.interval("<5"), shown.interval("15")) == (
        (0, 0), (1, 4), (11, 19))  # fmt: skip
    # no cell reads 0: zeros hide in <5, which then holds 0 up
    hidden = derive(["<5", "15"], threshold=5)
    assert hidden.interval("<5") == (0, 4)
    assert hidden.interval("0") == (0, 10**6)  # a text these rules do not write: nothing learnt


def test_the_small_class_is_asked_of_the_publication_function(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a publication that moved a 5 or 6 below 5 (the noise of -2 to +2 before random rounding)
    real = cellkey.publish

    def moving_down(n: object, key_sum: object, cell: object, threshold: int
                    ) -> cellkey.Published:  # fmt: skip
        counts = np.asarray(n)
        found = real(np.where(counts < threshold + 2, 0, counts), key_sum, cell, threshold)
        return found

    monkeypatch.setattr(cellkey, "publish", moving_down)
    assert derive(["0", "<5"], threshold=5).interval("<5") == (1, 6)


def test_a_parent_of_7_with_children_below_5_and_5_bounds_the_small_child() -> None:
    # parent = a + b; a reads <5, b reads 5, the parent 7
    lo, hi, _ = row_ranges(sums([[0, 1], [0], [1]], ["7", "<5", "5"], TODAY, 2), np.array([1]))
    assert (lo[0], hi[0]) == (1, 4)  # not pinned: the noise of 7 and of 5 leave 1 to 4
    lo, hi, _ = row_ranges(sums([[0, 1], [0], [1]], ["7", "<5", "5"], NOISELESS, 2),
                           np.array([1]))  # fmt: skip
    assert (lo[0], hi[0]) == (2, 2)  # without noise, 7 − 5 pins it


def test_six_small_children_under_a_small_parent_are_pinned_at_one() -> None:
    # <5 holds 1 to 6 (a 5 or 6 moved below 5): six children of at least 1 under at most 6
    system = sums([list(range(6)), *([k] for k in range(6))], ["<5"] * 7, TODAY, 6)
    lo, hi, _ = row_ranges(system, np.arange(1, 7))
    assert lo.tolist() == hi.tolist() == [1] * 6


def test_four_small_children_under_a_small_parent_are_not_pinned() -> None:
    system = sums([list(range(4)), *([k] for k in range(4))], ["<5"] * 5, TODAY, 4)
    lo, hi, _ = row_ranges(system, np.arange(1, 5))
    assert lo.tolist() == [1] * 4
    assert hi.tolist() == [3] * 4


def test_two_small_children_under_a_small_parent_are_not_pinned() -> None:
    system = sums([[0, 1], [0], [1]], ["<5", "<5", "<5"], TODAY, 2)
    lo, hi, _ = row_ranges(system, np.array([1, 2]))
    assert lo.tolist() == [1, 1]
    assert hi.tolist() == [5, 5]  # each may be 1 to 5 (the parent is at most 6)


def test_the_integer_solver_pins_what_propagation_alone_cannot() -> None:
    # c reads <5; a + b + c reads 7 and a + b reads 6 (without noise): c = 7 - 6 = 1, which
    # interval propagation alone does not see (a and b may each be 0 to 6)
    rows, texts = [[2], [0, 1, 2], [0, 1]], ["<5", "7", "6"]
    alone = propagate(sums(rows, texts, NOISELESS, 3))
    assert (alone.row_lo[0], alone.row_hi[0]) == (1, 4)
    lo, hi, solves = row_ranges(sums(rows, texts, NOISELESS, 3), np.array([0]))
    assert (lo[0], hi[0]) == (1, 1)
    assert solves > 0


def test_readings_that_contradict_each_other_are_refused() -> None:
    with pytest.raises(InfeasibleError):
        row_ranges(sums([[0, 1], [0], [1]], ["0", "<5", "0"], TODAY, 2), np.array([1]))


def months(n: int, step: int = 1) -> tuple[tuple[date, ...], tuple[date, ...]]:
    """``n`` twelve-month windows ``step`` months apart: their first and last months."""
    starts = tuple(add_months(date(2010, 1, 1), i * step) for i in range(n))
    return starts, tuple(add_months(s, 11) for s in starts)


def test_a_zero_window_makes_its_neighbour_a_single_month() -> None:
    # windows of months 0-11, 1-12, 2-13: the first reads 0, so the second is month 12 alone
    # (read 5: 5 to 7) and the third, months 12 and 13, reads <5: it is 5 or 6, not 1 to 4
    lo, hi = TODAY.intervals(["0", "5", "<5"])
    new_lo, new_hi = series_bounds(lo[None, :], hi[None, :], *months(3))
    assert new_lo[0].tolist() == [0, 5, 5]
    assert new_hi[0].tolist() == [0, 6, 6]


def test_windows_that_do_not_overlap_teach_nothing() -> None:
    lo, hi = TODAY.intervals(["0", "<5", "7"])
    new_lo, new_hi = series_bounds(lo[None, :], hi[None, :], *months(3, step=12))
    assert new_lo[0].tolist() == lo.tolist()
    assert new_hi[0].tolist() == hi.tolist()


def test_windows_that_contradict_each_other_are_refused() -> None:
    # months 0-11 and 2-13 are 0, so months 1-12 (read <5) hold only month 12, which is 0
    lo, hi = TODAY.intervals(["0", "<5", "0"])
    with pytest.raises(InfeasibleError):
        series_bounds(lo[None, :], hi[None, :], *months(3))
