"""Consistent random rounding of counts, keyed by the records and by the cell (after the cell key
method ONS and ABS publish census tables with).

Every incident carries a record key, a number from 0 to 255 drawn once from a secret and the
record's identity (``etl``: ``incidents.record_key``; the aggregates keep their sum). A published
count is a *cell*: a set of records chosen by a definition (a unit or group, the filters'
choices, a calendar year). Its *draw* is a number in [0, 1) hashed from the sum of its records'
keys (modulo 256) and the cell's identity (``identity``: the definition, never the records). So
the same cell always reads the same, whichever view, link, download or export asks for it
(asking again gives no new draw to average), while two different cells draw independently even
when they hold the same records.

The published value of a true count ``n`` with threshold ``t``:
- 0 to ``t - 1`` is one class, never a number (``<t``): a cell with no incident reads as one
  with a few, so a reading never pins a cell (or, through the sums that tie cells together,
  its neighbours) at zero;
- ``t`` or more is rounded to a multiple of ``t``, up with probability ``(n mod t) / t``
  (unbiased: on average the published count is the true one): a reading ``v`` holds
  ``v - (t - 1)`` to ``v + (t - 1)``, and never less than ``t``.

Why rounding to the threshold's multiples and why the cell in the draw (docs/protection.md):
a cell ``W`` that holds a cell ``P`` plus a rest ``R`` reads ``P``'s reading minus ``t`` at
the lowest, so their readings bound ``R`` to ``0 .. t - 2`` at the narrowest: no reading of
a nested pair pins the rest, which noise of ±2 did (a whole 4 below its part pins the rest at
0). Keyed by the records alone, two nested cells read alike exactly when the rest is empty,
and differ only when it is not; keyed by the cell too, neither tells.

Pure numpy: the query layer computes ``n``, the key sum and the identity, and calls ``publish``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

KEY_RANGE = 256
#: The least threshold that protects: with ``t`` of 2, a whole read ``t`` below its part would
#: pin the rest between them at 0 (``0 .. t - 2``).
MIN_THRESHOLD = 3
_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB))


class State(StrEnum):
    """How a published count reads."""

    SMALL = "small"  # "<5": 0 to threshold - 1
    SHOWN = "shown"  # the rounded count


def greatest_move(threshold: int) -> int:
    """The most a shown count differs from the true one (``threshold - 1``)."""
    return threshold - 1


def identity(definition: Iterable[object]) -> int:
    """A cell's identity: a 64-bit hash of the parts of its definition (scope, choices,
    period), the same in every run and on every machine."""
    text = "\x1f".join(str(part) for part in definition)
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")


def draws(key_sum: object, cell: object) -> np.ndarray:
    """Each cell's draw in [0, 1): its key sum (modulo 256) mixed with its identity
    (splitmix64's finaliser)."""
    keys = np.mod(np.asarray(key_sum, dtype=np.int64), KEY_RANGE).astype(np.uint64)
    with np.errstate(over="ignore"):
        x = np.asarray(cell, dtype=np.uint64) ^ (keys * _MIX[0])
        x = (x ^ (x >> np.uint64(30))) * _MIX[1]
        x = (x ^ (x >> np.uint64(27))) * _MIX[2]
        x = x ^ (x >> np.uint64(31))
    return (x >> np.uint64(11)).astype(np.float64) / float(1 << 53)


def is_shown(n: object, threshold: int) -> np.ndarray:
    """Which true counts read a number (the threshold or more), whatever their keys."""
    return np.asarray(n, dtype=np.int64) >= threshold


@dataclass(frozen=True)
class Published:
    """Published counts, array by array: ``value`` is the rounded count where ``state`` is
    ``shown``, NaN where it is ``small``."""

    value: np.ndarray
    state: np.ndarray

    def texts(self, threshold: int) -> list[str]:
        """Each count as it reads: a number or ``<threshold``."""
        return [display(v, s, threshold) for v, s in zip(self.value, self.state, strict=True)]


def publish(n: object, key_sum: object, cell: object, threshold: int) -> Published:
    """The published counts of true counts ``n`` whose records' keys sum to ``key_sum``, in
    the cells ``cell`` (``identity`` of each).

    Raises:
        ValueError: if a count is negative, the arrays differ in length, or the threshold is
            below ``MIN_THRESHOLD``.
    """
    if threshold < MIN_THRESHOLD:
        raise ValueError(f"the threshold must be at least {MIN_THRESHOLD}, got {threshold}")
    counts = np.asarray(n, dtype=np.int64)
    keys = np.asarray(key_sum, dtype=np.int64)
    cells = np.asarray(cell, dtype=np.uint64)
    if not counts.shape == keys.shape == cells.shape:
        raise ValueError(f"{counts.shape[0]} counts for {keys.shape[0]} key sums "
                         f"and {cells.shape[0]} cells")  # fmt: skip
    if (counts < 0).any():
        raise ValueError("a count cannot be negative")
    low = counts // threshold * threshold
    up = draws(keys, cells) * threshold < counts - low
    shown = is_shown(counts, threshold)
    state = np.where(shown, State.SHOWN.value, State.SMALL.value)
    value = np.where(shown, low + np.where(up, threshold, 0), np.nan).astype(float)
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
