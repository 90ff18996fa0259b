"""Small-count protection: what a reader can work out from the shown cells and the total."""

from __future__ import annotations

import itertools

import pytest

from query.disclosure import Cell, display, is_safe, protect

T = 5


def reader_range(values: list[int], states: list[Cell], i: int) -> set[int]:
    """Every value cell ``i`` could take, given what is shown: brute force over the hidden
    cells (small: 1..T-1, hidden: T or more, unshown: 0 or more) with the total fixed."""
    shown_sum = sum(v for v, s in zip(values, states, strict=True) if s in (Cell.SHOWN, Cell.ZERO))
    residual = sum(values) - shown_sum
    top = residual + 1
    ranges = {Cell.SMALL: range(1, T), Cell.HIDDEN: range(T, top), Cell.UNSHOWN: range(top)}
    unknown = [j for j, s in enumerate(states) if s in ranges]
    possible = set()
    for combo in itertools.product(*(ranges[states[j]] for j in unknown)):
        if sum(combo) == residual:
            possible.add(combo[unknown.index(i)])
    return possible


@pytest.mark.parametrize(
    "values",
    [[12, 3], [3, 2, 10], [1] * 5 + [50], [4, 4, 5, 20], [2, 0, 7, 9, 30], [6, 6, 6, 1], [1, 9]],
)
def test_no_small_cell_is_narrowed_when_the_total_is_shown(values: list[int]) -> None:
    states, ok = protect(values, T)
    assert ok
    for i, state in enumerate(states):
        if state is Cell.SMALL:
            assert reader_range(values, states, i) == set(range(1, T)), (values, states)
    assert all(s is not Cell.SHOWN or v >= T for v, s in zip(values, states, strict=True))


def test_a_lone_small_cell_beside_a_shown_one_needs_a_second_cell_hidden() -> None:
    states, ok = protect([12, 3], T)
    assert ok and states == [Cell.HIDDEN, Cell.SMALL]
    assert reader_range([12, 3], [Cell.SHOWN, Cell.SMALL], 1) == {3}  # what protect prevents


def test_the_smallest_cell_that_closes_the_gap_is_hidden() -> None:
    states, _ = protect([2, 0, 7, 9, 30], T)
    assert states == [Cell.SMALL, Cell.ZERO, Cell.HIDDEN, Cell.SHOWN, Cell.SHOWN]


def test_when_nothing_can_protect_the_total_it_must_be_withheld() -> None:
    states, ok = protect([3, 3], T)
    assert not ok and states == [Cell.SMALL, Cell.SMALL]
    assert not is_safe([3, 3], states, T)


def test_a_never_shown_cell_protects_its_group() -> None:
    states, ok = protect([3, 9], T, shown=[True, False])
    assert ok and states == [Cell.SMALL, Cell.UNSHOWN]
    assert reader_range([3, 9], states, 0) == set(range(1, T))


def test_is_safe_accepts_a_total_below_the_threshold_and_spots_a_revealing_one() -> None:
    assert is_safe([1, 2], [Cell.SMALL, Cell.SMALL], T)  # total shown as "<5"
    assert not is_safe([12, 3], [Cell.SHOWN, Cell.SMALL], T)
    assert is_safe([12, 3], [Cell.HIDDEN, Cell.SMALL], T)


def test_bad_arguments_are_refused_with_a_reason() -> None:
    with pytest.raises(ValueError, match="negative"):
        protect([3, -1], T)
    with pytest.raises(ValueError, match="at least 1"):
        protect([3], 0)
    with pytest.raises(ValueError, match="same length"):
        protect([3, 4], T, shown=[True])


def test_display_never_prints_a_small_or_hidden_count() -> None:
    assert display(3, Cell.SMALL, T) == "<5"
    assert display(12, Cell.HIDDEN, T, "hidden") == "hidden"
    assert display(1234, Cell.SHOWN, T) == "1,234"
    with pytest.raises(ValueError, match="never displayed"):
        display(3, Cell.UNSHOWN, T)
