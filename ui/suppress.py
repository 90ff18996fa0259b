"""Small counts are never shown: below the threshold a count reads ``<N``."""

from __future__ import annotations

import config
from query.disclosure import Cell, display


def format_count(n: int, threshold: int | None = None) -> str:
    """``n`` with thousands separators, or ``<threshold`` when it is below the threshold.

    Raises:
        ValueError: if ``n`` is negative.
    """
    if n < 0:
        raise ValueError(f"a count cannot be negative, got {n}")
    limit = config.get_int("ATLAS_SUPPRESSION_THRESHOLD") if threshold is None else threshold
    return display(n, Cell.SMALL if 0 < n < limit else Cell.SHOWN, limit)
