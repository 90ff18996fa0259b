"""Random rounding keyed by the records and the cell: 0 to 4 one class, the rest a multiple of
the threshold within ``threshold - 1`` of the truth, unbiased, the same every time a cell is
asked for, independent between cells, and never a nested pair whose readings pin the rest."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from query.cellkey import (
    KEY_RANGE,
    MIN_THRESHOLD,
    State,
    display,
    draws,
    greatest_move,
    identity,
    is_shown,
    publish,
)

CELL = identity(("commune:POLYA", "2014-01-01", "incident_type=all"))


def _cells(size: int, seed: int = 0) -> np.ndarray:
    return np.array([identity(("cell", seed, i)) for i in range(size)], dtype=np.uint64)


def test_zero_and_small_counts_read_as_one_class() -> None:
    n = np.array([0, 1, 4, 5, 5, 100, 7])
    keys = np.array([9, 300, 17, 0, 255, 1234, 7 + KEY_RANGE * 3])
    out = publish(n, keys, _cells(7), threshold=5)
    assert out.state.tolist() == ["small"] * 3 + ["shown"] * 4
    assert out.texts(5)[:3] == ["<5", "<5", "<5"]  # no incident reads as a few
    assert np.isnan(out.value[:3]).all()
    assert out.value[3] == out.value[4] == 5  # a multiple of 5 reads as it is
    assert out.value[5] == 100
    assert out.value[6] in (5, 10)
    assert is_shown(n, 5).tolist() == [False] * 3 + [True] * 4


def test_shown_counts_are_multiples_within_the_greatest_move_and_unbiased() -> None:
    rng = np.random.default_rng(3)
    for threshold in (3, 5, 10):
        n = rng.integers(threshold, 400, 40_000)
        out = publish(n, rng.integers(0, 10**6, n.size), _cells(n.size, threshold), threshold)
        assert (out.value % threshold == 0).all() and (out.value >= threshold).all()
        assert np.abs(out.value - n).max() == greatest_move(threshold) == threshold - 1
        assert abs((out.value - n).mean()) < 0.05 * threshold  # on average the truth


def test_the_same_cell_always_reads_the_same() -> None:
    rng = np.random.default_rng(1)
    n, keys, cells = rng.integers(0, 40, 500), rng.integers(0, 10_000, 500), _cells(500)
    first, again = publish(n, keys, cells, 5), publish(n.copy(), keys.copy(), cells.copy(), 5)
    assert first.texts(5) == again.texts(5)
    # a key sum is only read modulo 256: a sum of more records with the same total reads alike
    assert publish(n, keys + KEY_RANGE, cells, 5).texts(5) == first.texts(5)
    assert identity(("commune:POLYA", "2014-01-01", "incident_type=all")) == CELL


def test_the_same_records_in_two_cells_draw_independently() -> None:
    keys = np.arange(KEY_RANGE)
    first, second = draws(keys, np.full(KEY_RANGE, CELL)), draws(keys, np.full(KEY_RANGE, 1))
    assert np.unique(first).size == KEY_RANGE  # every key its own draw
    assert abs(np.corrcoef(first, second)[0, 1]) < 0.2
    n = np.full(KEY_RANGE, 12)  # 12 reads 10 or 15: in two cells, alike about half the time
    alike = (
        publish(n, keys, np.full(KEY_RANGE, CELL), 5).value
        == publish(n, keys, np.full(KEY_RANGE, 7), 5).value
    )
    assert 0.35 < alike.mean() < 0.65


def test_no_nested_pair_of_readings_pins_the_rest() -> None:
    """Every whole ``P + R`` and part ``P`` (P 0 to 60, R 0 to 6) under every key: the range of
    the rest that the two readings allow (each reading's true values, differenced) holds the
    true rest and never only one value; an empty rest is never proven empty."""
    threshold, move = 5, greatest_move(5)
    keys = np.arange(KEY_RANGE)
    for part, rest in itertools.product(range(61), range(7)):
        whole_reads = publish(np.full(KEY_RANGE, part + rest), keys, _cells(KEY_RANGE, 1), 5)
        part_reads = publish(np.full(KEY_RANGE, part), keys, _cells(KEY_RANGE, 2), 5)
        pairs = set(zip(whole_reads.texts(5), part_reads.texts(5), strict=True))
        for whole_text, part_text in pairs:
            whole = _range(whole_text, threshold, move)
            low_part, high_part = _range(part_text, threshold, move)
            low, high = max(whole[0] - high_part, 0), whole[1] - low_part
            assert low <= rest <= high and high > low, (part, rest, whole_text, part_text)
            assert rest > 0 or high >= 1


def _range(text: str, threshold: int, move: int) -> tuple[int, int]:
    if text == f"<{threshold}":
        return 0, threshold - 1
    value = int(text.replace(",", ""))
    return max(value - move, threshold), value + move


@pytest.mark.parametrize(
    ("n", "keys", "cells", "threshold", "message"),
    [
        ([1, -1], [0, 0], [0, 0], 5, "negative"),
        ([1], [0, 0], [0], 5, "1 counts for 2 key sums and 1 cells"),
        ([1], [0], [0, 1], 5, "1 counts for 1 key sums and 2 cells"),
        ([1], [0], [0], MIN_THRESHOLD - 1, f"at least {MIN_THRESHOLD}"),
    ],
)
def test_bad_input_is_refused(
    n: list, keys: list, cells: list, threshold: int, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        publish(n, keys, cells, threshold)


def test_display_needs_a_known_state() -> None:
    assert display(12.0, State.SHOWN, 5) == "12" and display(1234.0, "shown", 5) == "1,234"
    with pytest.raises(ValueError):
        display(1.0, "hidden", 5)
