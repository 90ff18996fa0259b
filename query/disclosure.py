"""Small-count protection: which cells of a table may be shown, so that no count below the
threshold is shown and no shown total gives one away.

A *group* is a set of cells whose total is shown somewhere (a province's communes, one
commune's months). Cells below the threshold are shown as ``<T``; what a reader then knows of
each is the range 1 to T-1. If the group's total is shown too, the shown cells and the total
narrow that range (one small cell beside shown cells is simply the difference). Cells are then
hidden as well, chosen smallest first (*complementary suppression*), until every small cell
could again be anything from 1 to T-1. Cells never shown at all (rows that have no place on
the map) count as unknown, 0 or more.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum


class Cell(StrEnum):
    """How one count is shown."""

    SHOWN = "shown"
    ZERO = "zero"
    SMALL = "small"  # shown as "<T"
    HIDDEN = "hidden"  # complementary: shown as "hidden" so a total cannot reveal a small cell
    UNSHOWN = "unshown"  # never displayed (no map polygon); 0 or more as far as a reader knows


def _slack(values: Sequence[int], small: list[int], hidden: list[int], unshown: list[int],
           threshold: int) -> tuple[int, bool]:  # fmt: skip
    """How far the upper bound of a small cell is from T-1, and whether the lower bound is 1."""
    total = sum(values[i] for i in small + hidden + unshown)
    others_min = (len(small) - 1) * 1 + len(hidden) * threshold
    upper = total - others_min
    # A hidden or unshown cell has no upper bound, so it can absorb any remainder.
    lower_ok = bool(hidden or unshown) or total - (len(small) - 1) * (threshold - 1) <= 1
    return upper - (threshold - 1), lower_ok


def protect(
    values: Sequence[int], threshold: int, shown: Sequence[bool] | None = None
) -> tuple[list[Cell], bool]:
    """Decide how each count of one group is shown, given that the group's total is shown.

    ``shown[i]`` is False for a cell that is never displayed. Returns the cell states and
    whether the total itself can be shown: when no choice of hidden cells protects the small
    ones (too few cells), the total must be hidden instead.

    Raises:
        ValueError: if a count is negative, the threshold is below 1, or ``shown`` has another
            length than ``values``.
    """
    if threshold < 1:
        raise ValueError(f"the suppression threshold must be at least 1, got {threshold}")
    if shown is None:
        shown = [True] * len(values)
    if len(shown) != len(values):
        raise ValueError("values and shown must have the same length")
    if any(v < 0 for v in values):
        raise ValueError("a count cannot be negative")
    states = [_initial(v, s, threshold) for v, s in zip(values, shown, strict=True)]
    small = [i for i, s in enumerate(states) if s is Cell.SMALL]
    unshown = [i for i, s in enumerate(states) if s is Cell.UNSHOWN]
    hidden: list[int] = []
    if not small:
        return states, True
    candidates = sorted(
        (i for i, s in enumerate(states) if s is Cell.SHOWN), key=lambda i: (values[i], i)
    )
    while True:
        slack, lower_ok = _slack(values, small, hidden, unshown, threshold)
        if slack >= 0 and lower_ok:
            return states, True
        if not candidates:
            return states, False
        # The smallest cell that closes the gap on its own, else the largest one left.
        needed = -slack
        pick = next((i for i in candidates if values[i] - threshold >= needed), candidates[-1])
        candidates.remove(pick)
        hidden.append(pick)
        states[pick] = Cell.HIDDEN


def is_safe(values: Sequence[int], states: Sequence[Cell], threshold: int) -> bool:
    """Whether showing the total of these cells, as they are shown, keeps every small one a
    full 1 to T-1 for a reader (a total below the threshold, shown as ``<T``, always is)."""
    total = sum(values)
    if total < threshold:
        return True
    small = [i for i, s in enumerate(states) if s is Cell.SMALL]
    if not small:
        return True
    hidden = [i for i, s in enumerate(states) if s is Cell.HIDDEN]
    unshown = [i for i, s in enumerate(states) if s is Cell.UNSHOWN]
    slack, lower_ok = _slack(values, small, hidden, unshown, threshold)
    return slack >= 0 and lower_ok


def _initial(value: int, shown: bool, threshold: int) -> Cell:
    if not shown:
        return Cell.UNSHOWN
    if value == 0:
        return Cell.ZERO
    return Cell.SMALL if value < threshold else Cell.SHOWN


def display(value: int, state: Cell, threshold: int, hidden_text: str = "hidden") -> str:
    """The text a cell is shown as: the count, ``<T``, or ``hidden_text``.

    Raises:
        ValueError: if the cell is never displayed.
    """
    if state is Cell.UNSHOWN:
        raise ValueError("this cell is never displayed")
    if state is Cell.SMALL:
        return f"<{threshold}"
    if state is Cell.HIDDEN:
        return hidden_text
    return f"{value:,}"
