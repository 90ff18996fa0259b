"""Attack (b): atoms with parent caps, solved exactly; and (c): communes alone in their
district.

In one window, every reading of a unit is a sum of its atoms (``benchmarks.attack.atoms``:
one type class × one population class × one actor class), and the levels are tied: for each
district and commune atom, the district's atoms inside it equal its communes' atoms plus the
district's residual; for each province and district atom likewise (``geography``). Every
atom is an unknown non-negative integer; every reading bounds its sum. One ``System`` per
window and *group* (a province with its districts and communes: nothing ties two provinces),
reduced first (an atom inside a cell that reads 0 is 0), then propagated and solved for each
small reading's least and greatest value (``solver.row_ranges``). Every reading's bounds come
back narrowed, so the windows attack can run again on them.

``alone`` (c) is the same solve on the communes that are the only polygon of their district
(and whose district has no residual): the district's fine cells then break the commune down
by type, population and actor, which the commune grid does not offer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from benchmarks.attack.atoms import Atoms
from benchmarks.attack.geography import Geography
from benchmarks.attack.model import UNBOUNDED
from benchmarks.attack.pool import run_tasks
from benchmarks.attack.solver import InfeasibleError, System, row_ranges

Bounds = dict[str, tuple[np.ndarray, np.ndarray]]  # level -> (lo, hi) [unit, choice, window]
Group = dict[str, np.ndarray]  # level -> unit indices


@dataclass(frozen=True)
class Layout:
    """What one parts attack solves: the groups of units, the levels' atoms, and the ties."""

    groups: tuple[Group, ...]
    atoms: dict[str, Atoms]
    geography: Geography
    ties: bool = True


@dataclass
class PartsStats:
    """How much solving a parts attack took."""

    systems: int = 0
    targets: int = 0
    open_after_propagation: int = 0
    solves: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


def province_groups(geography: Geography, levels: tuple[str, ...], n_units: dict[str, int]
                    ) -> tuple[Group, ...]:  # fmt: skip
    """One group per province: its province, districts and communes (those of ``levels``);
    without provinces, one group per district; units with an unknown parent on their own."""
    if "province" not in levels:
        if "district" not in levels:
            return tuple({"commune": np.array([u])} for u in range(n_units["commune"]))
        return _district_groups(geography, levels, n_units, np.arange(n_units["district"]))
    out = []
    for p in range(n_units["province"]):
        group = {"province": np.array([p])}
        districts = np.flatnonzero(geography.district_province == p)
        if "district" in levels:
            group["district"] = districts
        if "commune" in levels:
            group["commune"] = np.flatnonzero(np.isin(geography.commune_district, districts))
        out.append(group)
    return tuple(out)


def _district_groups(geography: Geography, levels: tuple[str, ...], n_units: dict[str, int],
                     districts: np.ndarray) -> tuple[Group, ...]:  # fmt: skip
    out = []
    for d in districts:
        group = {"district": np.array([d])}
        if "commune" in levels:
            group["commune"] = np.flatnonzero(geography.commune_district == d)
        out.append(group)
    return tuple(out)


def alone_groups(geography: Geography) -> tuple[Group, ...]:
    """One group per district with a single commune polygon and no residual."""
    counts = np.bincount(geography.commune_district[geography.commune_district >= 0],
                         minlength=len(geography.district_residual))  # fmt: skip
    alone = np.flatnonzero((counts == 1) & ~geography.district_residual)
    return tuple({"commune": np.flatnonzero(geography.commune_district == d),
                  "district": np.array([d])} for d in alone)  # fmt: skip


def atom_caps(hi: np.ndarray, atoms: Atoms) -> np.ndarray:
    """Each atom's greatest possible value ``[unit, atom, window]``: the least upper bound
    of the readings that hold it (an atom inside a cell reading 0 is 0)."""
    caps = np.full((hi.shape[0], len(atoms.atoms), hi.shape[2]), UNBOUNDED, dtype=np.int64)
    for c in range(hi.shape[1]):
        held = np.flatnonzero(atoms.inclusion[c])
        caps[:, held, :] = np.minimum(caps[:, held, :], hi[:, c, None, :])
    return caps


class _Builder:
    """Collects the unknowns and rows of one ``System``."""

    def __init__(self) -> None:
        self.rows: list[np.ndarray] = []
        self.cols: list[np.ndarray] = []
        self.coef: list[np.ndarray] = []
        self.row_lo: list[np.ndarray] = []
        self.row_hi: list[np.ndarray] = []
        self.var_hi: list[np.ndarray] = []
        self.n_rows = 0
        self.n_vars = 0

    def unknowns(self, caps: np.ndarray) -> np.ndarray:
        """New unknowns with these caps; returns their indices."""
        self.var_hi.append(caps.astype(np.int64))
        self.n_vars += len(caps)
        return np.arange(self.n_vars - len(caps), self.n_vars)

    def add_rows(self, keys: np.ndarray, cols: np.ndarray, coef: np.ndarray,
                 lo: object, hi: object) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
        """Rows named by ``keys`` (one per entry; equal keys are one row); returns the rows'
        distinct keys and their indices."""
        distinct, local = np.unique(keys, return_inverse=True)
        self.rows.append(self.n_rows + local)
        self.cols.append(cols)
        self.coef.append(coef)
        self.row_lo.append(np.broadcast_to(lo, distinct.shape).astype(np.int64))
        self.row_hi.append(np.broadcast_to(hi, distinct.shape).astype(np.int64))
        self.n_rows += len(distinct)
        return distinct, np.arange(self.n_rows - len(distinct), self.n_rows)

    def system(self) -> System:
        """The system built so far."""
        cat = lambda parts, dtype: (np.concatenate(parts).astype(dtype) if parts  # noqa: E731
                                    else np.zeros(0, dtype))  # fmt: skip
        var_hi = cat(self.var_hi, np.int64)
        return System(cat(self.rows, np.int64), cat(self.cols, np.int64), cat(self.coef, np.int64),
                      cat(self.row_lo, np.int64), cat(self.row_hi, np.int64),
                      np.zeros(len(var_hi), dtype=np.int64), var_hi)  # fmt: skip


@dataclass
class _Block:
    """One level's part of a system: its unknowns and its reading rows."""

    units: np.ndarray
    var: np.ndarray  # [unit, atom] unknown index, −1 where the atom is 0
    row_unit: np.ndarray  # per reading row: unit index (of the level) and choice
    row_choice: np.ndarray
    row_index: np.ndarray
    target: np.ndarray  # per reading row: a small reading


def _block(b: _Builder, units: np.ndarray, window: dict, atoms: Atoms) -> _Block:
    """A level's unknowns (its free atoms) and a row per reading that holds one.

    Raises:
        InfeasibleError: if a reading above 0 holds no atom that can be above 0.
    """
    caps = window["caps"][units]
    var = np.full(caps.shape, -1, dtype=np.int64)
    free = caps > 0
    var[free] = b.unknowns(caps[free])
    pair_choice, pair_atom = atoms.pairs()
    entries = var[:, pair_atom]
    u, p = np.nonzero(entries >= 0)
    n_choices = atoms.inclusion.shape[0]
    keys = u * n_choices + pair_choice[p]
    lo, hi = window["lo"], window["hi"]
    distinct = np.unique(keys)
    ru, rc = distinct // n_choices, distinct % n_choices
    _, rows = b.add_rows(keys, entries[u, p], np.ones(len(u), dtype=np.int64),
                         lo[units[ru], rc], hi[units[ru], rc])  # fmt: skip
    covered = np.zeros((len(units), n_choices), dtype=bool)
    covered[ru, rc] = True
    if (lo[units] > 0)[~covered].any():
        raise InfeasibleError("a reading above 0 holds only atoms that are 0")
    return _Block(units, var, units[ru], rc, rows, window["small"][units[ru], rc])


def _tie(b: _Builder, child: _Block, parent: _Block, child_parent: np.ndarray,
         parent_of: np.ndarray, residual: np.ndarray) -> None:  # fmt: skip
    """Equality rows: for each parent unit and child atom ``g``, the children's atom ``g``
    plus the parent's residual equals the parent's atoms inside ``g`` (``parent_of``: the
    child atom holding each parent atom; ``child_parent``: each child's parent, local)."""
    n_child_atoms = child.var.shape[1]
    ci, g = np.nonzero((child.var >= 0) & (child_parent[:, None] >= 0))
    keys = [child_parent[ci] * n_child_atoms + g]
    cols, coef = [child.var[ci, g]], [np.ones(len(ci), dtype=np.int64)]
    pk, f = np.nonzero(parent.var >= 0)
    keys.append(pk * n_child_atoms + parent_of[f])
    cols.append(parent.var[pk, f])
    coef.append(-np.ones(len(pk), dtype=np.int64))
    open_parents = np.flatnonzero(residual)
    if open_parents.size:
        rk = np.repeat(open_parents, n_child_atoms) * n_child_atoms + np.tile(
            np.arange(n_child_atoms), open_parents.size
        )
        keys.append(rk)
        cols.append(b.unknowns(np.full(len(rk), UNBOUNDED)))
        coef.append(np.ones(len(rk), dtype=np.int64))
    all_keys = np.concatenate(keys)
    if all_keys.size:
        b.add_rows(all_keys, np.concatenate(cols), np.concatenate(coef), 0, 0)


def _local(parents_global: np.ndarray, parent_units: np.ndarray) -> np.ndarray:
    """Each child's parent as an index into ``parent_units`` (−1 if not among them)."""
    position = {int(u): i for i, u in enumerate(parent_units)}
    return np.array([position.get(int(p), -1) for p in parents_global], dtype=np.int64)


_TIES = (("commune", "district", "commune_district", "district_residual"),
         ("district", "province", "district_province", "province_residual"))  # fmt: skip


def solve_group(group: Group, window: dict[str, dict], layout: Layout, stats: PartsStats
                ) -> dict[str, _Block]:  # fmt: skip
    """Build, propagate and solve one group in one window; the blocks' rows of the solved
    system carry the narrowed bounds (``window[level]`` gets them written back)."""
    b = _Builder()
    blocks = {level: _block(b, units, window[level], layout.atoms[level])
              for level, units in group.items() if units.size}  # fmt: skip
    for child, parent, link, residual in _TIES if layout.ties else ():
        if child in blocks and parent in blocks:
            parent_of = layout.atoms[parent].within(layout.atoms[child]).argmax(axis=0)
            links = getattr(layout.geography, link)[blocks[child].units]
            _tie(
                b,
                blocks[child],
                blocks[parent],
                _local(links, blocks[parent].units),
                parent_of,
                getattr(layout.geography, residual)[blocks[parent].units],
            )
    system = b.system()
    targets = np.concatenate([blk.row_index[blk.target] for blk in blocks.values()])
    lo, hi, solves = row_ranges(system, targets)
    system.row_lo[targets], system.row_hi[targets] = lo, hi
    stats.systems += 1
    stats.targets += len(targets)
    stats.solves += solves
    for level, blk in blocks.items():
        w = window[level]
        w["lo"][blk.row_unit, blk.row_choice] = np.maximum(
            w["lo"][blk.row_unit, blk.row_choice], system.row_lo[blk.row_index]
        )
        w["hi"][blk.row_unit, blk.row_choice] = np.minimum(
            w["hi"][blk.row_unit, blk.row_choice], system.row_hi[blk.row_index]
        )
    return blocks


_LAYOUT: Layout | None = None


def _use_layout(layout: Layout) -> None:
    global _LAYOUT
    _LAYOUT = layout


def _solve_window(window: dict[str, dict]) -> tuple[dict[str, tuple], PartsStats]:
    layout = _LAYOUT
    assert layout is not None
    for level, w in window.items():
        w["caps"] = atom_caps(w["hi"][:, :, None], layout.atoms[level])[:, :, 0]
    stats = PartsStats()
    for group in layout.groups:
        solve_group({k: v for k, v in group.items() if k in window}, window, layout, stats)
    return {level: (w["lo"], w["hi"]) for level, w in window.items()}, stats


def attack_parts(bounds: Bounds, small: dict[str, np.ndarray], layout: Layout, jobs: int = 1
                 ) -> PartsStats:  # fmt: skip
    """Narrow ``bounds`` in place, window by window, by the parts and wholes of ``layout``.

    Raises:
        InfeasibleError: if the readings of a window contradict each other.
    """
    levels = [level for level in layout.atoms if level in bounds]
    windows = bounds[levels[0]][0].shape[2]
    tasks = ({level: {"lo": bounds[level][0][:, :, j].copy(),
                      "hi": bounds[level][1][:, :, j].copy(),
                      "small": small[level][:, :, j]} for level in levels}
             for j in range(windows))  # fmt: skip
    total = PartsStats()
    results = run_tasks(_solve_window, tasks, jobs, _use_layout, (layout,))
    for j, (narrowed, stats) in enumerate(results):
        for level, (lo, hi) in narrowed.items():
            bounds[level][0][:, :, j], bounds[level][1][:, :, j] = lo, hi
        total.systems += stats.systems
        total.targets += stats.targets
        total.solves += stats.solves
    return total
