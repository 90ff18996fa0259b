"""The publication grid: the only cells any page, link, download or export can ask for.

Counts are protected by the cell key method (``query.cellkey``): the same records always read
the same. That alone would not stop an attacker who asks for many *different* cells whose
differences isolate the same few incidents, then averages the differences (the noise of
different cells differs). So the cells themselves come from a fixed grid, which never offers
two overlapping selections whose difference is a small part of either:

- periods are the windows of the period's grid, calendar years, which never overlap (no free
  start and end: no "all but one month", no two windows a month apart);
- each filter is one value or one fixed group, never a free set (no "all types but one");
- at commune level only the coarsest choices exist: all incidents or arrests and
  confiscations, all people or the key populations, every actor; the single types,
  populations and actors (the *fine* choices) are offered by district and by province, whose
  counts mix many communes, and only one filter at a time takes one
  (``filter_table.FINE_AT_ONCE``): a type by a population by an actor is never a cell.

Which choice each level offers, and the window grid, are declared in the filter table
(``query.filter_table``: each choice's levels, the period's rule); this module reads it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from query import filter_table
from query.filter_kinds import LEVELS
from query.view import Filters

__all__ = [
    "LEVELS",
    "choices",
    "coarsest_level",
    "fine_choices",
    "off_grid",
    "on_level",
    "window_starts",
]


def _is_fine(name: str, value: str) -> bool:
    """True when ``value`` of the filter ``name`` is a fine choice (not offered at the finest
    level)."""
    return LEVELS[0] not in filter_table.by_field(name).choice(value).levels


def fine_choices(filters: Filters) -> list[str]:
    """The filters that take a fine choice, in the table's order."""
    return [
        f.field
        for f in filter_table.choice_filters()
        if _is_fine(f.field, getattr(filters, f.field))
    ]


def choices(level: str, filters: Filters | None = None) -> dict[str, tuple[str, ...]]:
    """Each filter's choices at ``level`` (the filters of fixed choices; the period and the
    province offer every window and province at every level). Given the view's ``filters``,
    a filter is offered no fine choice while others already take ``FINE_AT_ONCE`` of them.

    Raises:
        ValueError: if ``level`` is not one of ``LEVELS``.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, got {level!r}")
    fine = fine_choices(filters) if filters is not None else []
    offered = {}
    for item in filter_table.choice_filters():
        others = [name for name in fine if name != item.field]
        values = item.offered(level)
        if len(others) >= filter_table.FINE_AT_ONCE:
            values = tuple(v for v in values if not _is_fine(item.field, v))
        offered[item.field] = values
    return offered


def off_grid(filters: Filters, level: str) -> list[str]:
    """The filters whose choice is not offered at ``level``, and those whose fine choice is one
    too many (after the first ``FINE_AT_ONCE`` in the table's order): empty when the view is on
    the grid.

    Raises:
        ValueError: if ``level`` is not one of ``LEVELS``.
    """
    allowed = choices(level)
    outside = [name for name, values in allowed.items() if getattr(filters, name) not in values]
    extra = fine_choices(filters)[filter_table.FINE_AT_ONCE :]
    return [name for name in allowed if name in outside or name in extra]


def coarsest_level(filters: Filters) -> str:
    """The finest level at which ``filters`` are on the grid (commune when they are; the
    coarsest level when no level takes them: too many fine choices, which ``on_level`` sets
    back)."""
    return next((level for level in LEVELS if not off_grid(filters, level)), LEVELS[-1])


def on_level(filters: Filters, level: str) -> Filters:
    """``filters`` with every choice that ``level`` does not offer set back to its filter's
    default (offered at every level).

    Raises:
        ValueError: if ``level`` is not one of ``LEVELS``.
    """
    reset = {name: filter_table.by_field(name).default for name in off_grid(filters, level)}
    return replace(filters, **reset) if reset else filters


def window_starts(bounds: tuple[date, date]) -> list[date]:
    """The first months of the periods one may ask for, given the first and last month with
    data (the period's window grid, ``filter_table.PERIOD``)."""
    return filter_table.PERIOD.window_starts(bounds)
