"""Attack (d2): group differencing through the evaluation page.

The evaluation page draws the published twelve-month counts of its pilot and comparison
communes (``query.published.group_series``, as ``ui.evaluation_view`` asks): one group per
sample choice the page offers (each pilot province and all of them, every design and window:
``publish.evaluation.atlas_groups``), with the incident types of its choice (the type filter's
choices: all, arrests and confiscations, or one type where the group is large enough; a
choice the layer refuses is not read). The groups differ by a few communes (all pilot
communes minus one province's), and a group's single-type count is finer than anything the
commune grid offers, so:

- the unknowns are, per commune of any group and window, its atoms (one type class × one
  population class: what the commune choices and the groups' choices separate);
- every commune reading and every group reading bounds a sum of them; one system per window
  (``solver.row_ranges``), on the windows attack's bounds, then the windows attack again.

Groups are the attacker's to see (the page maps each commune's role). Groups of more than
``MAX_GROUP`` communes (the all-communes comparison group) are left out for time: a sum over
nearly every commune differs from the others by many communes. The small readings of the
groups are scored at level ``group``; the communes' at ``commune`` (their bounds after this
attack, the other communes' as the windows attack left them).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

import query
from benchmarks.attack.atoms import level_atoms
from benchmarks.attack.evaluation import offered_values
from benchmarks.attack.model import UNBOUNDED, PublicationModel
from benchmarks.attack.offer import Choice, Readings, dimensions, view_filters
from benchmarks.attack.parts import _Builder, atom_caps
from benchmarks.attack.pool import run_tasks
from benchmarks.attack.solver import row_ranges
from benchmarks.attack.windows import attack_windows
from query import cells, explore, filter_table, published
from vocabulary import PILOT_PROVINCES

#: The largest group attacked (the all-communes comparison group holds nearly all).
MAX_GROUP = 300


@dataclass
class GroupReadings:
    """The groups' readings: polygon ids per group, the choices read, ``lo``/``hi``/
    ``small`` ``[group, choice, window]``, and how each group was selected."""

    groups: tuple[tuple[str, ...], ...]
    labels: tuple[str, ...]
    choices: tuple[Choice, ...]
    starts: tuple[date, ...]
    ends: tuple[date, ...]
    lo: np.ndarray
    hi: np.ndarray
    small: np.ndarray
    refused: int


def evaluation_groups(con: object) -> dict[tuple[str, ...], str]:
    """Every pilot and comparison group the page can show, with one way to select it."""
    from publish.evaluation import atlas_groups

    found: dict[tuple[str, ...], str] = {}
    provinces = [None, *([p] for p in PILOT_PROVINCES)]
    designs, windows = offered_values("--design"), offered_values("--window")
    for p, d, w in itertools.product(provinces, designs, windows):
        try:
            groups = atlas_groups(con, p, d, w)
        except ValueError:  # InsufficientDataError is one: the page shows no groups
            continue
        for role in ("pilot", "comparison"):
            ids = tuple(sorted(getattr(groups, role)))
            if 0 < len(ids) <= MAX_GROUP:
                found.setdefault(ids, f"{role} {'+'.join(p or ['all'])} {d} {w}")
    return found


def group_choices() -> tuple[Choice, ...]:
    """The choices a group's series is read with: each choice of the type filter, the
    others at their default (the page's filters)."""
    types = filter_table.by_field("incident_type")
    defaults = {f.field: f.default for f in filter_table.choice_filters()}
    return tuple(tuple(value if name == "incident_type" else defaults[name]
                       for name in dimensions()) for value in types.values())  # fmt: skip


def read_groups(db_path: Path, model: PublicationModel) -> GroupReadings:
    """Every group's published series for every choice the layer answers."""
    con = query.open_database(db_path)
    try:
        bounds = explore.month_range(con)
        found = evaluation_groups(con)
        view_choices = group_choices()
        groups = tuple(found)
        starts, ends, texts, refused = None, None, {}, 0
        for g, c in itertools.product(range(len(groups)), range(len(view_choices))):
            try:
                series = published.group_series(con, view_filters(bounds[0], view_choices[c]),
                                                 bounds, groups[g])  # fmt: skip
            except ValueError:
                refused += 1
                continue
            starts, ends = tuple(series["start"]), tuple(series["end"])
            texts[g, c] = series["text"].astype(str).tolist()
    finally:
        con.close()
    shape = (len(groups), len(view_choices), len(starts or ()))
    lo, hi = np.zeros(shape, dtype=np.int64), np.full(shape, UNBOUNDED, dtype=np.int64)
    small = np.zeros(shape, dtype=bool)
    for (g, c), read in texts.items():
        lo[g, c], hi[g, c] = model.intervals(read)
        small[g, c] = [model.is_small(t) for t in read]
    return GroupReadings(groups, tuple(found.values()), view_choices, starts or (), ends or (),
                         lo, hi, small, refused)  # fmt: skip


def group_truth(db_path: Path, readings: GroupReadings) -> np.ndarray:
    """The groups' true counts ``[group, choice, window]`` (to score only)."""
    con = query.open_database(db_path)
    out = np.full(readings.lo.shape, -1, dtype=np.int64)
    try:
        for g, c in itertools.product(range(len(readings.groups)), range(len(readings.choices))):
            filters = view_filters(readings.starts[0], readings.choices[c])
            counted = cells.group_window_cells(con, filters, list(readings.starts),
                                               list(readings.groups[g]))  # fmt: skip
            out[g, c] = counted["n"].to_numpy()
    finally:
        con.close()
    return out


Pair = tuple[np.ndarray, np.ndarray]  # (lo, hi) [unit, choice, window]


def attack_groups(groups: GroupReadings, communes: Readings, polygon_ids: list[str],
                  commune_bounds: Pair, jobs: int = 1) -> tuple[Pair, Pair]:  # fmt: skip
    """Bounds ``[unit, choice, window]`` of the groups and of the communes after
    differencing the groups against each other and the communes' own readings (the
    communes' bounds start from ``commune_bounds``, e.g. the windows attack's); one system
    per window, spread over ``jobs`` processes.

    Raises:
        benchmarks.attack.solver.InfeasibleError: if the readings contradict the model.
    """
    position = {pid: i for i, pid in enumerate(polygon_ids)}
    members = [np.array([position[p] for p in g if p in position]) for g in groups.groups]
    involved = np.unique(np.concatenate(members)) if members else np.zeros(0, dtype=np.int64)
    local = {int(u): i for i, u in enumerate(involved)}
    local_members = [np.array([local[int(m)] for m in g], dtype=np.int64) for g in members]
    generators = (*communes.choices, *groups.choices)
    shared = (local_members, level_atoms(communes.choices, generators),
              level_atoms(groups.choices, generators))  # fmt: skip
    c_lo, c_hi = commune_bounds[0].copy(), commune_bounds[1].copy()
    g_lo, g_hi = groups.lo.copy(), groups.hi.copy()
    attack_windows(g_lo, g_hi, groups.starts, groups.ends)
    tasks = ((c_lo[involved, :, j], c_hi[involved, :, j], communes.small[involved, :, j],
              g_lo[:, :, j], g_hi[:, :, j], groups.small[:, :, j])
             for j in range(len(groups.starts)))  # fmt: skip
    for j, (cl, ch, gl, gh) in enumerate(run_tasks(_solve_window, tasks, jobs, _use, (shared,))):
        c_lo[involved, :, j], c_hi[involved, :, j] = cl, ch
        g_lo[:, :, j], g_hi[:, :, j] = gl, gh
    attack_windows(g_lo, g_hi, groups.starts, groups.ends)
    attack_windows(c_lo, c_hi, communes.starts, communes.ends)
    return (g_lo, g_hi), (c_lo, c_hi)


_SHARED: tuple | None = None


def _use(shared: tuple) -> None:
    global _SHARED
    _SHARED = shared


def _solve_window(task: tuple[np.ndarray, ...]) -> tuple[np.ndarray, ...]:
    """One window's system (the involved communes' atoms; a row per commune reading and per
    group reading); returns the narrowed bounds ``[unit, choice]`` of both."""
    assert _SHARED is not None
    members, commune_atoms, group_atoms = _SHARED
    c_lo, c_hi, c_small, g_lo, g_hi, g_small = (a.copy() for a in task)
    b = _Builder()
    caps = atom_caps(c_hi[:, :, None], commune_atoms)[:, :, 0]
    var = np.full(caps.shape, -1, dtype=np.int64)
    var[caps > 0] = b.unknowns(caps[caps > 0])
    rows, index = [], []
    singles = [np.array([u]) for u in range(len(c_lo))]
    for kind, atoms, units, lo, hi, small in (
        ("c", commune_atoms, singles, c_lo, c_hi, c_small),
        ("g", group_atoms, members, g_lo, g_hi, g_small),
    ):  # fmt: skip
        for u, unit_members in enumerate(units):
            mine = var[unit_members]
            for choice in range(atoms.inclusion.shape[0]):
                cols = mine[:, atoms.inclusion[choice]].ravel()
                cols = cols[cols >= 0]
                if not cols.size:
                    continue
                _, row = b.add_rows(np.zeros(len(cols), dtype=np.int64), cols,
                                    np.ones(len(cols), dtype=np.int64), lo[u, choice],
                                    hi[u, choice])  # fmt: skip
                rows.append(int(row[0]))
                index.append((kind, u, choice, bool(small[u, choice])))
    system = b.system()
    targets = np.array([r for r, (*_, s) in zip(rows, index, strict=True) if s], dtype=int)
    if targets.size:
        t_lo, t_hi, _ = row_ranges(system, targets)
        system.row_lo[targets], system.row_hi[targets] = t_lo, t_hi
        for r, (kind, u, choice, _) in zip(rows, index, strict=True):
            lo, hi = (c_lo, c_hi) if kind == "c" else (g_lo, g_hi)
            lo[u, choice] = max(lo[u, choice], system.row_lo[r])
            hi[u, choice] = min(hi[u, choice], system.row_hi[r])
    return c_lo, c_hi, g_lo, g_hi
