"""Months as the atlas counts them: first days of months, written ``YYYY-MM`` in links and files."""

from __future__ import annotations

import re
from datetime import date

# ASCII digits only (Python's \d also matches Khmer and full-width digits), matched against the
# whole text (``$`` would let a trailing newline through).
MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")


def add_months(month: date, n: int) -> date:
    """The first day of the month ``n`` months after ``month`` (before, if negative)."""
    index = month.year * 12 + month.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def month_text(month: date) -> str:
    """A month as links and files write it: ``2014-01``."""
    return f"{month.year:04d}-{month.month:02d}"


def parse_month(text: str) -> date | None:
    """``YYYY-MM`` as the month's first day, or None if it is not a real month."""
    match = MONTH.fullmatch(text or "")
    if not match or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 1:
        return None
    return date(int(match.group(1)), int(match.group(2)), 1)
