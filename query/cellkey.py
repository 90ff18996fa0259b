"""Consistent perturbation of counts by the cell key method (as ONS and ABS publish census tables).

Every incident carries a record key, a number from 0 to 255 drawn once from a secret and the
record's identity (``etl``: ``incidents.record_key``; the aggregates keep their sum). The *cell
key* of a published count is the sum of its records' keys, modulo 256, so any selection's key is a
sum of the aggregates' ``key_sum``: the same records always give the same key, whichever view,
link, download or export asks for them, and so the same published number. Asking again, or from
another page, never gives a new draw to average.

The published value of a true count ``n`` with cell key ``k``:
- 0 to ``threshold - 1`` is one class, never a number (``<5``): a cell with no incident reads
  as one with a few, so a reading never pins a cell (or, through the sums that tie cells
  together, its neighbours) at zero;
- ``threshold`` or more is moved by ``NOISE[k]`` (−2 to +2, each equally likely); a result below
  the threshold reads ``<5`` too.

Pure numpy: the query layer computes ``n`` and ``k`` in SQL and calls ``publish``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np

KEY_RANGE = 256
NOISE_MAX = 2
#: The noise of each cell key: every value from −2 to +2 on 51 or 52 of the 256 keys, spread so
#: that neighbouring keys get different noise.
NOISE = np.array([(k * 97 % KEY_RANGE) * (2 * NOISE_MAX + 1) // KEY_RANGE - NOISE_MAX
                  for k in range(KEY_RANGE)], dtype=np.int64)  # fmt: skip


class State(StrEnum):
    """How a published count reads."""

    SMALL = "small"  # "<5": 0 to threshold - 1 (or moved below the threshold)
    SHOWN = "shown"  # the perturbed count


@dataclass(frozen=True)
class Published:
    """Published counts, array by array: ``value`` is the perturbed count where ``state`` is
    ``shown``, NaN where it is ``small``."""

    value: np.ndarray
    state: np.ndarray

    def texts(self, threshold: int) -> list[str]:
        """Each count as it reads: a number or ``<threshold``."""
        return [display(v, s, threshold) for v, s in zip(self.value, self.state, strict=True)]


def publish(n: object, key_sum: object, threshold: int) -> Published:
    """The published counts of true counts ``n`` whose records' keys sum to ``key_sum``.

    Raises:
        ValueError: if a count is negative, the arrays differ in length, or the threshold is
            below 1.
    """
    if threshold < 1:
        raise ValueError(f"the threshold must be at least 1, got {threshold}")
    counts = np.asarray(n, dtype=np.int64)
    keys = np.asarray(key_sum, dtype=np.int64)
    if counts.shape != keys.shape:
        raise ValueError(f"{counts.shape[0]} counts for {keys.shape[0]} key sums")
    if (counts < 0).any():
        raise ValueError("a count cannot be negative")
    moved = counts + NOISE[np.mod(keys, KEY_RANGE)]
    shown = (counts >= threshold) & (moved >= threshold)
    state = np.where(shown, State.SHOWN.value, State.SMALL.value)
    value = np.where(shown, moved, np.nan).astype(float)
    return Published(value, state.astype(object))


def display(value: float, state: str, threshold: int) -> str:
    """One published count as it reads.

    Raises:
        ValueError: if ``state`` is not a ``State``.
    """
    state = State(state)
    if state is State.SMALL:
        return f"<{threshold}"
    return f"{int(value):,}"
