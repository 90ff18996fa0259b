"""The rows of each partner file (read, loaded, quarantined; and per quarantine reason) as
everyone but the admin role reads them: rounded to tens, one class ``<10`` below ten.

A file's rows are incidents too (a partner file of three incidents is a count of three), so
the About page shows them exactly only to the admin role (``access``: ``read_file_counts``);
the briefing store holds them already protected (``STORE_SQL``: NULL stands for ``<10``,
never for zero, and is read as ``<10``).
"""

from __future__ import annotations

import pandas as pd

#: Counts are rounded to this step (half up), and every count below it reads ``<STEP``.
STEP = 10
#: What a count below ``STEP`` reads (0 included: no exact zero is shown).
SMALL = f"<{STEP}"


def rounded(n: int) -> int | None:
    """A file count rounded to ``STEP`` (half up); None below ``STEP`` (the class ``<10``).

    Raises:
        ValueError: if ``n`` is negative.
    """
    if n < 0:
        raise ValueError(f"a count cannot be negative, got {n}")
    return None if n < STEP else (n + STEP // 2) // STEP * STEP


def file_count_text(n: object, exact: bool) -> str:
    """A file count as a reader sees it: exact with thousands separators (``exact``: the admin
    role), else rounded to tens, ``<10`` below ten or when the store holds it as NULL.

    Raises:
        ValueError: if ``n`` is negative.
    """
    if n is None or pd.isna(n):  # NULL in the store (None, NaN or pd.NA once read)
        return SMALL
    count = int(n)  # type: ignore[call-overload]
    if exact:
        return f"{count:,}"
    shown = rounded(count)
    return SMALL if shown is None else f"{shown:,}"


def protected_sql(column: str) -> str:
    """A SELECT expression of ``column`` (a fixed column name of the facts, never input)
    rounded as ``rounded`` does, NULL below ``STEP``, named ``column``."""
    half = STEP // 2
    rounded_sql = f"CAST(({column} + {half}) // {STEP} * {STEP} AS BIGINT)"
    return f"CASE WHEN {column} < {STEP} THEN NULL ELSE {rounded_sql} END AS {column}"
