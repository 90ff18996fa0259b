"""Each attack's score at each level: over the *targets* (cells the attacker reads whose true
count is 1 to 4), the share guessed exactly, next to a blind guess (always the most common
true small value, measured on the targets), and the cells pinned (least == greatest value).

An attack leaves, for each small reading, the least and greatest true count it allows. Its
guess is the value in that range that is most common among the targets (the blind guess's
own knowledge), so an attack that learns nothing scores exactly the blind rate, and an attack
scores above it only by excluding values. Every pin is checked against the truth: a wrong pin
means the attacker's model of the publication (``model``) is narrower than the rules.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SMALL = (1, 2, 3, 4)


@dataclass(frozen=True)
class Score:
    """One attack at one level."""

    attack: str
    level: str
    targets: int
    hits: int
    blind_hits: int
    pinned: int
    wrong_pins: int

    @property
    def hit_rate(self) -> float:
        """Share of targets guessed exactly."""
        return self.hits / self.targets if self.targets else 0.0

    @property
    def blind_rate(self) -> float:
        """Share of targets the blind guess gets right."""
        return self.blind_hits / self.targets if self.targets else 0.0

    @property
    def advantage(self) -> float:
        """Points of hit rate over the blind guess."""
        return 100 * (self.hit_rate - self.blind_rate)


def prior(truth: np.ndarray) -> np.ndarray:
    """How often each small value (1 to 4) is the true count of a target."""
    counts = np.array([(truth == v).sum() for v in SMALL], dtype=float)
    return counts / max(counts.sum(), 1.0)


def guesses(lo: np.ndarray, hi: np.ndarray, frequency: np.ndarray) -> np.ndarray:
    """The most common small value within each range (the blind guess where none is)."""
    values = np.array(SMALL)
    inside = (values[None, :] >= lo[:, None]) & (values[None, :] <= hi[:, None])
    weight = np.where(inside, frequency[None, :] + 1e-9, -1.0)
    best = values[np.argmax(weight, axis=1)]
    return np.where(inside.any(axis=1), best, values[np.argmax(frequency)])


def score(attack: str, level: str, lo: np.ndarray, hi: np.ndarray, truth: np.ndarray
          ) -> Score:  # fmt: skip
    """Score the ranges ``lo``..``hi`` an attack leaves on the small readings of one level
    against their true counts (all three flat, one entry per small reading)."""
    target = (truth >= 1) & (truth <= 4)
    frequency = prior(truth[target])
    blind = SMALL[int(np.argmax(frequency))]
    guess = guesses(lo[target], hi[target], frequency)
    pinned = lo == hi
    return Score(attack, level, int(target.sum()), int((guess == truth[target]).sum()),
                 int((truth[target] == blind).sum()), int((pinned & target).sum()),
                 int((pinned & (lo != truth)).sum()))  # fmt: skip
