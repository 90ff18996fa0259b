"""The offer: every view the export answers, read as a user reads it.

The views are derived from the grid's own functions, never listed here: for each level of
``query.grid.LEVELS``, every window start of ``query.grid.window_starts`` and every
combination of the filter choices ``query.grid.choices(level)`` offers. Each view is asked for
as an Explore link (``query.links.to_params``) through ``query.export.Exporter``, the object
behind ``python -m query.export``, one table per link; the attacker reads its ``incidents``
column and turns each text into an interval of true counts (``benchmarks.attack.model``). A
link the export answers with another view than asked (a message, another level or period) is
not in the offer: its cells stay unknown. So when the grid changes (calendar years only, fewer
fine choices), the attacker reads what the new grid offers and nothing else.

Reading the whole offer is tens of thousands of links; ``read_offer`` spreads them over
processes (one database connection and one ``Exporter`` each).
"""

from __future__ import annotations

import itertools
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

import query
from benchmarks.attack.model import UNBOUNDED, PublicationModel
from query.export import UNIT_COLUMNS, Exporter
from query.grid import LEVELS, choices, window_starts
from query.links import ExploreOptions, to_params
from query.view import CHOICES, Filters, month_text

#: The filters a view chooses, in the grid's order.
DIMENSIONS = tuple(CHOICES)
Choice = tuple[str, ...]  # one value per dimension


@dataclass
class Readings:
    """What one level's tables read: per unit, choice and window the interval of true counts
    (``lo``, ``hi``: int64 arrays [unit, choice, window]) and whether the text was the small
    class (``small``). ``units`` holds the tables' place columns and ``unit`` (a key: the
    commune, district or province code; a commune without a code by its names)."""

    level: str
    units: pd.DataFrame
    choices: tuple[Choice, ...]
    starts: tuple[date, ...]
    lo: np.ndarray
    hi: np.ndarray
    small: np.ndarray
    refused: int = 0
    links: int = 0

    def copy_bounds(self) -> tuple[np.ndarray, np.ndarray]:
        """Fresh copies of ``lo`` and ``hi`` (an attack tightens its own)."""
        return self.lo.copy(), self.hi.copy()


@dataclass(frozen=True)
class Offer:
    """The views one audience may ask for: window starts and, per level, the choices."""

    starts: tuple[date, ...]
    choices: dict[str, tuple[Choice, ...]] = field(default_factory=dict)


def make_offer(bounds: tuple[date, date], levels: tuple[str, ...] = LEVELS) -> Offer:
    """Every window start and choice the grid offers at each of ``levels``."""
    per_level = {}
    for level in levels:
        offered = choices(level)
        per_level[level] = tuple(itertools.product(*(offered[name] for name in DIMENSIONS)))
    return Offer(tuple(window_starts(bounds)), per_level)


def view_filters(start: date, choice: Choice) -> Filters:
    """The filters of one view (national: a province focus gives the same cells)."""
    return Filters(start, **dict(zip(DIMENSIONS, choice, strict=True)))


def link(level: str, start: date, choice: Choice, bounds: tuple[date, date]) -> str:
    """The Explore link of one view, as a user would share it."""
    params = {**to_params(view_filters(start, choice), ExploreOptions(level=level), bounds),
              "level": level}  # fmt: skip
    return "&".join(f"{k}={v}" for k, v in params.items())


def unit_keys(table: pd.DataFrame, level: str) -> pd.Series:
    """Each row's unit key: its code, or for a commune without one its names."""
    if level == "commune":
        named = (table["province_code"].astype(str) + ":" + table["district_name_en"].astype(str)
                 + ":" + table["commune_name_en"].astype(str))  # fmt: skip
        return table["commune_code"].where(table["commune_code"].notna(), named).astype(str)
    return table[f"{level}_code"].astype(str)


def answered_as_asked(table: pd.DataFrame, messages: list[str], level: str, start: date,
                      choice: Choice) -> bool:  # fmt: skip
    """Whether the export answered the view asked for (no correction, same level, period
    and choices: every table states them on each row)."""
    if messages or table.empty:
        return False
    row = table.iloc[0]
    asked = dict(zip(DIMENSIONS, choice, strict=True))
    return (row["level"] == level and row["period_from"] == month_text(start)
            and all(row[name] == value for name, value in asked.items()))  # fmt: skip


_EXPORTER: Exporter | None = None


def _open(db_path: Path, audience: str) -> None:
    global _EXPORTER
    _EXPORTER = Exporter(query.open_database(db_path), audience)


def _read_window(task: tuple) -> tuple:
    """Every choice of one level and window: (keys, units, lo, hi, small, refused)."""
    level, start, view_choices, model = task
    assert _EXPORTER is not None
    shape = None
    keys, units, parts, refused = None, None, [], 0
    for choice in view_choices:
        table, messages = _EXPORTER.table(link(level, start, choice, _EXPORTER.bounds))
        if not answered_as_asked(table, messages, level, start, choice):
            parts.append(None)
            refused += 1
            continue
        if keys is None:
            keys = tuple(unit_keys(table, level))
            units = table[UNIT_COLUMNS[level]].assign(unit=list(keys))
            shape = len(keys)
        elif len(table) != shape or tuple(unit_keys(table, level)) != keys:
            raise RuntimeError(f"the {level} tables do not list the same units")
        texts = table["incidents"].astype(str)
        lo, hi = model.intervals(texts)
        parts.append((lo, hi, (texts == model.small_text).to_numpy()))
    return keys, units, _stack(parts, shape), refused


def _stack(parts: list, size: int | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    size = size or 0
    lo = np.zeros((size, len(parts)), dtype=np.int64)
    hi = np.full((size, len(parts)), UNBOUNDED, dtype=np.int64)
    small = np.zeros((size, len(parts)), dtype=bool)
    for j, part in enumerate(parts):
        if part is not None:
            lo[:, j], hi[:, j], small[:, j] = part
    return lo, hi, small


def offered_levels(exporter: Exporter, offer: Offer) -> tuple[str, ...]:
    """The levels the audience is answered at: one link each, asked and checked (the
    briefing audience gets provinces only)."""
    out = []
    for level, level_choices in offer.choices.items():
        start, choice = offer.starts[-1], level_choices[0]
        table, messages = exporter.table(link(level, start, choice, exporter.bounds))
        if answered_as_asked(table, messages, level, start, choice):
            out.append(level)
    return tuple(out)


def read_offer(
    db_path: Path, model: PublicationModel, audience: str = "analyst", jobs: int = 1
) -> dict[str, Readings]:
    """Every view the export answers the audience, read and turned into intervals, by level.

    Raises:
        query.DatabaseMissingError: if the database (or its store) cannot be opened.
        RuntimeError: if two tables of one level list different units.
    """
    con = query.open_database(db_path)
    try:
        exporter = Exporter(con, audience)
        if exporter.bounds is None:
            return {}
        offer = make_offer(exporter.bounds)
        levels = offered_levels(exporter, offer)
    finally:
        con.close()
    tasks = [(level, start, offer.choices[level], model) for level in levels
             for start in offer.starts]  # fmt: skip
    if jobs <= 1:
        _open(db_path, audience)
        results = [_read_window(task) for task in tasks]
    else:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(jobs, context, initializer=_open,
                                 initargs=(db_path, audience)) as pool:  # fmt: skip
            results = list(pool.map(_read_window, tasks))
    return {level: _assemble(level, offer, [r for t, r in zip(tasks, results, strict=True)
                                            if t[0] == level]) for level in levels}  # fmt: skip


def _assemble(level: str, offer: Offer, results: list[tuple]) -> Readings:
    keys = next((r[0] for r in results if r[0] is not None), ())
    units = next((r[1] for r in results if r[1] is not None), pd.DataFrame())
    if any(r[0] is not None and r[0] != keys for r in results):
        raise RuntimeError(f"the {level} tables of two windows list different units")
    shape = (len(keys), len(offer.choices[level]), len(offer.starts))
    lo = np.zeros(shape, dtype=np.int64)
    hi = np.full(shape, UNBOUNDED, dtype=np.int64)
    small = np.zeros(shape, dtype=bool)
    for j, (found, _, (w_lo, w_hi, w_small), _) in enumerate(results):
        if found is not None:
            lo[:, :, j], hi[:, :, j], small[:, :, j] = w_lo, w_hi, w_small
    refused = sum(r[3] for r in results)
    return Readings(level, units.reset_index(drop=True), offer.choices[level], offer.starts,
                    lo, hi, small, refused, shape[1] * shape[2])  # fmt: skip
