"""The publication grid: the only cells any page, link, download or export can ask for.

Counts are protected by the cell key method (``query.cellkey``): the same records always read
the same. That alone would not stop an attacker who asks for many *different* cells whose
differences isolate the same few incidents, then averages the differences (the noise of
different cells differs). So the cells themselves come from a fixed grid, which never offers
two overlapping selections whose difference is a small part of either:

- periods are twelve consecutive months (no free start and end: no "all but one month");
- each filter is one value or one fixed group, never a free set (no "all types but one");
- at commune level only the coarsest choices exist: all incidents or arrests and
  confiscations, all people or the key populations, every actor; the single types,
  populations and actors are offered by district and by province, whose counts mix many
  communes.
"""

from __future__ import annotations

from datetime import date

from query.view import ALL, CHOICES, WINDOW_MONTHS, Filters, add_months

LEVELS = ("commune", "district", "province")
#: The choices offered at commune level (every other level offers ``query.view.CHOICES``).
COMMUNE_CHOICES = {
    "incident_type": (ALL, "arrests_confiscations"),
    "population": (ALL, "key_populations"),
    "actor": (ALL,),
}


def choices(level: str) -> dict[str, tuple[str, ...]]:
    """Each filter's choices at ``level``.

    Raises:
        ValueError: if ``level`` is not one of ``LEVELS``.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, got {level!r}")
    return dict(COMMUNE_CHOICES) if level == "commune" else dict(CHOICES)


def off_grid(filters: Filters, level: str) -> list[str]:
    """The filters whose choice is not offered at ``level`` (empty when the view is on the
    grid).

    Raises:
        ValueError: if ``level`` is not one of ``LEVELS``.
    """
    allowed = choices(level)
    return [name for name, values in allowed.items() if getattr(filters, name) not in values]


def coarsest_level(filters: Filters) -> str:
    """The finest level at which ``filters`` are on the grid (commune when they are)."""
    return next(level for level in LEVELS if not off_grid(filters, level))


def window_starts(bounds: tuple[date, date]) -> list[date]:
    """The first months of the periods one may ask for, given the first and last month with
    data: every twelve months that lie within the data, or, with less than twelve months of
    data, the twelve months that end with the last one."""
    first, last = bounds
    latest = add_months(last, 1 - WINDOW_MONTHS)
    if latest < first:
        return [latest]
    starts = [first]
    while starts[-1] < latest:
        starts.append(add_months(starts[-1], 1))
    return starts
