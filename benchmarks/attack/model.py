"""What a published text tells an attacker about the true count behind it: the one place the
attack suite models the publication rules, and it derives them rather than copying them.

``derive(texts)`` reads the rules from what the atlas shows and documents, so that a change of
the rules (the protection redesign) changes the model with it:

- the threshold is the configured one (``query.published.threshold``) and the noise the cell
  key's documented greatest move (``query.cellkey.greatest_move``);
- a true zero has a text of its own only if the offer ever shows ``0`` for an incident cell:
  if no cell it read is ``0``, zeros read as the small class, so ``<5`` holds 0 up;
- which true counts can read as the small class is asked of the atlas's own publication
  function (``query.cellkey.publish``, every count near the threshold with every cell key):
  today a 5 or 6 moved below 5 reads ``<5`` too, so ``<5`` holds 1 to 6; with rules that never
  move a count below the threshold it holds 1 to 4 (0 to 4 without a shown zero). Should the
  function not answer as expected, the widest reading consistent with the documented noise
  (``threshold - 1 + greatest_move``) is used: wider is always sound, never a wrong pin;
- a shown number ``v`` holds ``v - noise`` to ``v + noise``, and at least the threshold;
- any other text (a withheld cell, a new class) holds anything from 0 up: the attacker learns
  nothing from it, so a rule the model does not know never gives a wrong pin.

If the model were narrower than the rules, an attack would pin a cell to a wrong value; the
benchmark checks every pin against the truth and says so.
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
    one class (``<threshold``) that holds true counts from ``small_floor`` to ``small_top``
    (None: ``threshold - 1 + noise``); shown counts are moved by at most ``noise``; ``zero``
    is the text of a true zero (None: zeros are not shown apart)."""

    threshold: int
    noise: int
    small_floor: int = 1
    zero: str | None = "0"
    small_top: int | None = None

    @property
    def small_text(self) -> str:
        """The text of the small class (``<5``)."""
        return f"<{self.threshold}"

    @property
    def small_high(self) -> int:
        """The largest true count that can read as the small class."""
        if self.small_top is not None:
            return self.small_top
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

    def describe(self) -> str:
        """The model in one line (the benchmark prints it)."""
        zero = "'0' is an exact zero" if self.zero is not None else "no cell reads '0'"
        return (
            f"{zero}; '{self.small_text}' holds {self.small_floor} to {self.small_high}; "
            f"a shown n holds n-{self.noise} to n+{self.noise}, at least {self.threshold}"
        )


def small_counts(threshold: int, noise: int) -> set[int] | None:
    """The true counts that the atlas's publication function (``query.cellkey.publish``)
    turns into the small class with some cell key, or None if it cannot be asked."""
    counts = np.repeat(np.arange(0, threshold + noise + 3), cellkey.KEY_RANGE)
    keys = np.tile(np.arange(cellkey.KEY_RANGE), threshold + noise + 3)
    ids = np.arange(counts.size, dtype=np.uint64)  # any cells: every draw is tried
    try:
        texts = cellkey.publish(counts, keys, ids, threshold).texts(threshold)
    except (AttributeError, TypeError, ValueError):
        return None
    return {int(n) for n, text in zip(counts, texts, strict=True) if text == f"<{threshold}"}


def derive(shown_texts: Iterable[str], threshold: int | None = None) -> PublicationModel:
    """The rules as ``shown_texts`` (every incident text the offer read) and the atlas's
    documented threshold, noise and publication function reveal them (see the module)."""
    limit = published.threshold() if threshold is None else threshold
    noise = cellkey.greatest_move(limit)
    zero_shown = "0" in set(shown_texts)
    probed = small_counts(limit, noise)
    top = max(probed) if probed else limit - 1 + noise
    top = min(max(top, limit - 1), limit - 1 + noise)
    if zero_shown:
        return PublicationModel(limit, noise, small_floor=1, zero="0", small_top=top)
    return PublicationModel(limit, noise, small_floor=0, zero=None, small_top=top)


def current() -> PublicationModel:
    """The rules as the atlas documents them, before any cell is read (zeros shown apart)."""
    return derive(["0"])
