"""The fast reading of the offer: every view's incident text computed at once, as the export
computes it, then checked against the export on a sample of links (``offer.read_offer``).

The export answers one link in about 50 ms (``query.published.units``: the view's cells,
``query.cells.unit_cells``, then the cell key method, ``query.cellkey.publish``), too slow for
the 80,000 links of today's grid. But a view's cell is a sum over *atoms* (one class of
values per filter of fixed choices, ``atoms.classes``) and over months, of incidents and of
their record keys. So the facts' ``incidents_monthly`` rows are summed once per unit, atom and
month (read as a table, no SQL of our own), windows are differences of running sums, a
choice's cell is the sum of its atoms, and the atlas's own ``query.cellkey.publish`` turns
each cell, with its identity (``query.cells.cell_ids``), into its text. A unit is what
``query.cells`` groups by (a commune polygon; a district: its polygon's district, else the
first four digits of the commune code; a province code), in the order
``query.cells.unit_cells`` gives. Each filter of fixed choices is read from the column named
as its field.

None of this is trusted on its own: ``offer.check_fast`` compares it with the export's
tables on random links, and any difference sends the whole reading through the export.
"""

from __future__ import annotations

from datetime import date

import duckdb
import numpy as np
import pandas as pd

from benchmarks.attack.atoms import level_atoms
from benchmarks.attack.offer import Choice, dimensions, view_filters
from query import cellkey, cells, published
from query.cellkey import Published


def _month_index(months: pd.Series, first: date) -> np.ndarray:
    stamp = pd.to_datetime(months)
    return ((stamp.dt.year - first.year) * 12 + stamp.dt.month - first.month).to_numpy()


def _units(con: duckdb.DuckDBPyConnection, facts: pd.DataFrame, level: str) -> pd.Series:
    """Each fact row's unit at ``level``, as ``query.cells`` groups them."""
    if level == "commune":
        return facts["polygon_id"]
    if level == "district":
        communes = con.table("communes").project("source_id, district_code").df()
        by_polygon = facts["polygon_id"].map(communes.set_index("source_id")["district_code"])
        return by_polygon.fillna(facts["commune_code"].str[:4])
    return facts["province_code"]


def atom_cells(con: duckdb.DuckDBPyConnection, facts: pd.DataFrame, level: str,
               view_choices: tuple[Choice, ...], first: date, months: int
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:  # fmt: skip
    """``(inclusion [choice, atom], n [unit, atom, month], key_sum [unit, atom, month])`` for
    the units of ``level`` in map order; months from ``first``."""
    atoms = level_atoms(view_choices, view_choices)
    units = cells.unit_cells(con, view_filters(first, view_choices[0]), level)["unit"]
    position = pd.Series(np.arange(len(units)), index=units.astype(str))
    unit = _units(con, facts, level).astype(str).map(position)
    per_filter = []
    for d, name in enumerate(dimensions()):
        classes = {v: i for i, part in enumerate(_classes(atoms, d)) for v in part}
        per_filter.append((facts[name].astype(str).map(classes), len(set(classes.values()))))
    atom = np.zeros(len(facts), dtype=np.int64)
    for index, size in per_filter:
        atom = atom * size + index.fillna(-(10**9)).to_numpy(dtype=np.int64)
    month = _month_index(facts["month"], first)
    keep = unit.notna().to_numpy() & (atom >= 0) & (month >= 0) & (month < months)
    shape = (len(units), atoms.inclusion.shape[1], months)
    n = np.zeros(shape, dtype=np.int64)
    k = np.zeros(shape, dtype=np.int64)
    where = (unit.to_numpy()[keep].astype(np.int64), atom[keep], month[keep])
    np.add.at(n, where, facts["incidents"].to_numpy(dtype=np.int64)[keep])
    np.add.at(k, where, facts["key_sum"].to_numpy(dtype=np.int64)[keep])
    return atoms.inclusion, n, k


def _classes(atoms: object, d: int) -> list[frozenset[str]]:
    """The classes of filter ``d`` in the atoms' order (atoms are their product)."""
    seen: list[frozenset[str]] = []
    for atom in atoms.atoms:  # type: ignore[attr-defined]
        if atom[d] not in seen:
            seen.append(atom[d])
    return seen


def view_cells(inclusion: np.ndarray, n: np.ndarray, k: np.ndarray, first: date,
               starts: tuple[date, ...], ends: tuple[date, ...]
               ) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Each view's ``n`` and ``key_sum`` ``[unit, choice, window]``."""
    zero = np.zeros((*n.shape[:2], 1), dtype=np.int64)
    run_n, run_k = np.concatenate([zero, n.cumsum(2)], 2), np.concatenate([zero, k.cumsum(2)], 2)
    a = np.array([(s.year - first.year) * 12 + s.month - first.month for s in starts])
    b = np.array([(e.year - first.year) * 12 + e.month - first.month + 1 for e in ends])
    window_n = run_n[:, :, b] - run_n[:, :, a]
    window_k = run_k[:, :, b] - run_k[:, :, a]
    weights = inclusion.T.astype(np.float64)  # exact: every sum is far below 2**53

    def by_choice(window: np.ndarray) -> np.ndarray:
        summed = np.tensordot(window.astype(np.float64), weights, axes=([1], [0]))
        return np.rint(summed).astype(np.int64).transpose(0, 2, 1)

    return by_choice(window_n), by_choice(window_k)


def view_ids(con: duckdb.DuckDBPyConnection, level: str, view_choices: tuple[Choice, ...],
             starts: tuple[date, ...]) -> np.ndarray:  # fmt: skip
    """Each view's cell identities ``[unit, choice, window]``, as ``query.cells`` names its
    cells (``cells.cell_ids`` of each unit's scope, choice and window)."""
    units = cells.unit_cells(con, view_filters(starts[0], view_choices[0]), level)["unit"]
    scopes = [cells.scope(level, str(unit)) for unit in units]
    ids = np.zeros((len(scopes), len(view_choices), len(starts)), dtype=np.uint64)
    for c, choice in enumerate(view_choices):
        for j, start in enumerate(starts):
            ids[:, c, j] = cells.cell_ids(
                scopes, view_filters(start, choice), [start] * len(scopes)
            )
    return ids


def texts(n: np.ndarray, k: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, tuple[str, ...]]:
    """Each cell's published text as a code into a vocabulary, by the atlas's own
    publication function (``query.cellkey.publish``)."""
    limit = published.threshold()
    shown = cellkey.publish(n.ravel(), k.ravel(), ids.ravel(), limit)
    value = np.nan_to_num(shown.value.astype(float), nan=-1.0)
    pairs = pd.DataFrame({"state": shown.state.astype(str), "value": value})
    codes, unique = pd.factorize(pd.MultiIndex.from_frame(pairs))
    states = np.array([s for s, _ in unique], dtype=object)
    values = np.array([v if v >= 0 else np.nan for _, v in unique], dtype=float)
    vocab = tuple(Published(values, states).texts(limit))
    return codes.reshape(n.shape).astype(np.int32), vocab
