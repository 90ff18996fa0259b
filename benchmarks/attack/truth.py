"""The true counts behind the small readings, read from the database only to score the
attacks (``query.cells``, the protection layer's own input); no attack reads them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import numpy as np

import query
from benchmarks.attack.offer import Choice, Readings, view_filters
from benchmarks.attack.pool import run_tasks
from query import cells

_CON: duckdb.DuckDBPyConnection | None = None


def _open(db_path: Path) -> None:
    global _CON
    _CON = query.open_database(db_path)


def _window_truth(task: tuple[str, date, tuple[Choice, ...], np.ndarray, int]) -> np.ndarray:
    """True counts ``[unit, choice]`` of one level and window (−1 where not asked)."""
    level, start, choices, wanted, n_units = task
    out = np.full((n_units, len(choices)), -1, dtype=np.int64)
    for c in np.flatnonzero(wanted):
        counted = cells.unit_cells(_CON, view_filters(start, choices[c]), level)
        if len(counted) != n_units:
            raise RuntimeError(f"{len(counted)} {level} cells for {n_units} units read")
        out[:, c] = counted["n"].to_numpy()
    return out


def true_counts(db_path: Path, readings: dict[str, Readings], jobs: int = 1
                ) -> dict[str, np.ndarray]:  # fmt: skip
    """Per level, the true count ``[unit, choice, window]`` of every view with a small
    reading (−1 in the views without one); cells in the tables' order (the units' map
    order, as ``query.published.units`` checks).

    Raises:
        RuntimeError: if the database has other units than the tables listed.
    """
    tasks = [(level, start, r.choices, r.small[:, :, j].any(axis=0), len(r.units))
             for level, r in readings.items() for j, start in enumerate(r.starts)]  # fmt: skip
    results = iter(run_tasks(_window_truth, tasks, jobs, _open, (db_path,)))
    out = {}
    for level, r in readings.items():
        out[level] = np.stack([next(results) for _ in r.starts], axis=2)
    return out
