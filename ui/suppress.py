"""Small numbers that are not incident counts (services around a commune, participants) read
``<N`` below the threshold, as incident counts do. A partner file's rows are incidents: the
About page reads them through ``query.file_counts``."""

from __future__ import annotations

import config


def format_count(n: int, threshold: int | None = None) -> str:
    """``n`` with thousands separators, ``0``, or ``<threshold`` when it is 1 to threshold − 1.

    Raises:
        ValueError: if ``n`` is negative.
    """
    if n < 0:
        raise ValueError(f"a count cannot be negative, got {n}")
    limit = config.get_int("ATLAS_SUPPRESSION_THRESHOLD") if threshold is None else threshold
    return f"<{limit}" if 0 < n < limit else f"{n:,}"
