"""What a published text tells an attacker about the true count behind it: the one place the
attack suite models the publication rules.

Today (``query.cellkey``, ``query.published``) a true count ``n`` with cell key ``k`` reads
``0`` when ``n`` is 0, ``<5`` when ``n`` is 1 to 4, and ``n + NOISE[k]`` (noise −2 to +2)
otherwise, ``<5`` too when that falls below 5. So, read back:

- ``0`` → exactly 0;
- ``<5`` → 1 to 6 (1 to 4, or a 5 or 6 moved below 5 by the noise);
- a number ``v`` → ``v − 2`` to ``v + 2``, and at least 5;
- any other text (a withheld cell, a new class) → anything from 0 up: the attacker learns
  nothing from it, so a rule the model does not know never gives a wrong pin.

When the publication rules change, change ``current()`` (or the fields of
``PublicationModel``) and nothing else: e.g. zeros read as ``<5`` too → ``small_floor=0``;
wider noise → ``noise``. If the model is narrower than the rules, an attack pins a cell to a
wrong value; the benchmark checks every pin against the truth and says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from query import cellkey, published

#: The upper end of "anything from 0 up" (no count in the atlas comes near it).
UNBOUNDED = 10**6


@dataclass(frozen=True)
class PublicationModel:
    """The publication rules as the attacker reads them: counts below ``threshold`` read as
    one class (``<threshold``) that holds true counts from ``small_floor``; shown counts are
    moved by at most ``noise``; ``zero`` is the text of a true zero (None: zeros are not
    shown apart)."""

    threshold: int
    noise: int
    small_floor: int = 1
    zero: str | None = "0"

    @property
    def small_text(self) -> str:
        """The text of the small class (``<5``)."""
        return f"<{self.threshold}"

    @property
    def small_high(self) -> int:
        """The largest true count that can read as the small class (a count at the threshold
        or above moved below it by the noise)."""
        return self.threshold - 1 + self.noise

    def interval(self, text: str) -> tuple[int, int]:
        """The true counts a published text allows, as ``(lowest, highest)``."""
        if self.zero is not None and text == self.zero:
            return 0, 0
        if text == self.small_text:
            return self.small_floor, self.small_high
        try:
            value = int(str(text).replace(",", ""))
        except ValueError:
            return 0, UNBOUNDED
        if value < self.threshold:  # not a text these rules write: learn nothing from it
            return 0, UNBOUNDED
        return max(value - self.noise, self.threshold), value + self.noise

    def intervals(self, texts: Iterable[str]) -> tuple[np.ndarray, np.ndarray]:
        """``interval`` of every text, as two int64 arrays (lowest, highest)."""
        texts = list(texts)
        known = {text: self.interval(text) for text in set(texts)}
        pairs = np.array([known[text] for text in texts], dtype=np.int64).reshape(-1, 2)
        return pairs[:, 0], pairs[:, 1]

    def is_small(self, text: str) -> bool:
        """Whether a text is the small class (the cells whose true 1 to 4 the attack wants)."""
        return text == self.small_text


def current() -> PublicationModel:
    """The rules as published today: the configured threshold, the cell key's noise."""
    return PublicationModel(threshold=published.threshold(), noise=cellkey.NOISE_MAX)
