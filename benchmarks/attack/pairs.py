"""(g) Nested pairs: two offered cells of one unit and calendar year, one holding the other
(everyone and the key populations; all types and venue raids), read together. Their difference,
the *rest*, is a set of incidents the atlas holds (a commune's incidents against people outside
the key populations, say), whether or not a page offers it as a cell.

Two attacks on each rest, scored as the others are:

- ``pairs`` reads the two texts as ranges (``model``) and bounds the rest by their
  difference: ``max(whole's least - part's greatest, 0)`` to ``whole's greatest - part's
  least``. Under noise of -2 to +2, a whole 4 below its part pinned the rest at 0; under
  rounding to multiples of 5, the rest is left at least 0 to 3.
- ``equal readings`` tells an empty rest from a small one (1 to 4) by whether the two
  readings are equal, on the pairs where both read a number: under noise keyed by the
  incidents alone two cells holding the same incidents always read alike, and differently
  only when the rest was not empty. Scored as the share told right against always saying
  the more common of the two.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from benchmarks.attack.offer import Choice, Readings, Truth, dimensions, view_filters
from benchmarks.attack.score import Score, score


@dataclass(frozen=True)
class ZeroOrFew:
    """The equal-readings attack at one level: ``pairs`` whose rest is 0 to 4 with both
    readings a number, ``right`` told right by it, ``blind`` by the more common answer."""

    level: str
    pairs: int
    right: int
    blind: int

    @property
    def advantage(self) -> float:
        """Points over the blind answer."""
        return 100 * (self.right - self.blind) / self.pairs if self.pairs else 0.0


def nested(choices: tuple[Choice, ...]) -> list[tuple[int, int]]:
    """Each pair ``(whole, part)`` of choices whose part's values lie within the whole's, filter
    by filter (the part's incidents are some of the whole's)."""
    day = date(2000, 1, 1)
    sets = [[frozenset(view_filters(day, c).values(name)) for name in dimensions()]
            for c in choices]  # fmt: skip
    return [(w, p) for w in range(len(choices)) for p in range(len(choices))
            if w != p and all(a <= b for a, b in zip(sets[p], sets[w], strict=True))]  # fmt: skip


def attack_pairs(readings: dict[str, Readings], truth: Truth
                 ) -> tuple[list[Score], list[ZeroOrFew]]:  # fmt: skip
    """Both attacks at every level, on the readings as published (``Readings.interpret``)."""
    scores, zero_or_few = [], []
    for level, reading in readings.items():
        pairs = nested(reading.choices)
        if not pairs:
            continue
        whole, part = (np.array(side) for side in zip(*pairs, strict=True))
        read = (reading.code[:, whole] >= 0) & (reading.code[:, part] >= 0)
        rest = (truth[level][:, whole] - truth[level][:, part])[read]
        low = np.maximum(reading.lo[:, whole] - reading.hi[:, part], 0)[read]
        high = (reading.hi[:, whole] - reading.lo[:, part])[read]
        scores.append(score("pairs", level, low, high, rest))
        both = (~reading.small[:, whole] & ~reading.small[:, part])[read]
        equal = (reading.code[:, whole] == reading.code[:, part])[read]
        asked = both & (rest <= 4)
        empty = rest[asked] == 0
        right = int((equal[asked] == empty).sum())
        blind = int(max(empty.sum(), (~empty).sum()))
        zero_or_few.append(ZeroOrFew(level, int(asked.sum()), right, blind))
    return scores, zero_or_few
