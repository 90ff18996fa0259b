"""The publication grid: the only cells any page, link, download or export can ask for.

Counts are protected by the cell key method (``query.cellkey``): the same records always read
the same. That alone would not stop an attacker who asks for many *different* cells whose
differences isolate the same few incidents, then averages the differences (the noise of
different cells differs). So the cells themselves come from a fixed grid, which never offers
two overlapping selections whose difference is a small part of either:

- periods are windows of the period's grid (twelve consecutive months; no free start and end:
  no "all but one month");
- each filter is one value or one fixed group, never a free set (no "all types but one");
- at commune level only the coarsest choices exist: all incidents or arrests and
  confiscations, all people or the key populations, every actor; the single types,
  populations and actors are offered by district and by province, whose counts mix many
  communes.

Which choice each level offers, and the window grid, are declared in the filter table
(``query.filter_table``: each choice's levels, the period's rule); this module reads it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from query import filter_table
from query.filter_kinds import LEVELS
from query.view import Filters

__all__ = ["LEVELS", "choices", "coarsest_level", "off_grid", "on_level", "window_starts"]


def choices(level: str) -> dict[str, tuple[str, ...]]:
    """Each filter's choices at ``level`` (the filters of fixed choices; the period and the
    province offer every window and province at every level).

    Raises:
        ValueError: if ``level`` is not one of ``LEVELS``.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, got {level!r}")
    return {f.field: f.offered(level) for f in filter_table.choice_filters()}


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
