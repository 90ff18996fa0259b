"""Every attack on one database, scored per level and source.

Sources: ``everything`` (the analysts' export: every level) and ``briefing`` (the export with
``--audience briefing``: what the briefing store answers, provinces only). Attacks, each
leaving bounds on every small reading:

- ``windows`` (a): sliding windows, every series of every level on its own;
- ``alone`` (c): communes alone in their district, on the readings as published;
- ``parts`` (b): atoms with parent caps per province and window, on what ``windows`` left;
- ``combined``: ``windows`` again on what ``parts`` left (everything the attacker has);
- ``pairs`` (g): the rest between two nested cells of one unit, from their two readings
  (``benchmarks.attack.pairs``, with the equal-readings attack on empty rests);
- ``context`` (h): a Poisson guess of each small reading from its surroundings, and what the
  cell's own series adds to it (``benchmarks.attack.context``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from benchmarks.attack.atoms import atoms_by_level
from benchmarks.attack.context import ContextScore, attack_context
from benchmarks.attack.geography import build_geography
from benchmarks.attack.model import PublicationModel
from benchmarks.attack.offer import Readings, Truth, interpret_all, read_offer
from benchmarks.attack.pairs import ZeroOrFew, attack_pairs
from benchmarks.attack.parts import Layout, alone_groups, attack_parts, province_groups
from benchmarks.attack.score import Score, score
from benchmarks.attack.truth import true_counts
from benchmarks.attack.windows import attack_windows

ATTACKS = ("windows", "alone", "parts", "combined")
Found = dict[str, dict[str, tuple[np.ndarray, np.ndarray]]]  # attack -> level -> (lo, hi)


@dataclass
class Outcome:
    """One source's scores, and the seconds each step took."""

    source: str
    scores: list[Score]
    links: int
    seconds: dict[str, float] = field(default_factory=dict)
    model: PublicationModel | None = None
    mode: str = ""
    refused: int = 0
    truth: Truth = field(default_factory=dict)
    readings: dict[str, Readings] = field(default_factory=dict)
    zero_or_few: list[ZeroOrFew] = field(default_factory=list)
    context: list[ContextScore] = field(default_factory=list)


def _small(bounds: dict, readings: dict[str, Readings]) -> dict:
    return {level: (lo[readings[level].small], hi[readings[level].small])
            for level, (lo, hi) in bounds.items()}  # fmt: skip


def attack(readings: dict[str, Readings], gazetteer: pd.DataFrame, jobs: int = 1,
           seconds: dict[str, float] | None = None) -> Found:  # fmt: skip
    """Each attack's bounds on the small readings of every level.

    Raises:
        benchmarks.attack.solver.InfeasibleError: if the readings contradict the model.
    """
    seconds = {} if seconds is None else seconds
    geography = build_geography(readings, gazetteer)
    atoms = atoms_by_level({level: r.choices for level, r in readings.items()})
    small = {level: r.small for level, r in readings.items()}
    found: Found = {}
    started = time.perf_counter()
    bounds = {level: r.copy_bounds() for level, r in readings.items()}
    for level, (lo, hi) in bounds.items():
        attack_windows(lo, hi, readings[level].starts, readings[level].ends)
    found["windows"] = _small(bounds, readings)
    seconds["windows"] = time.perf_counter() - started
    if {"commune", "district"} <= set(readings):
        started = time.perf_counter()
        alone = {level: readings[level].copy_bounds() for level in ("commune", "district")}
        attack_parts(alone, small, Layout(alone_groups(geography), atoms, geography), jobs)
        found["alone"] = {**_small({k: readings[k].copy_bounds() for k in readings}, readings),
                          **_small(alone, readings)}  # fmt: skip
        seconds["alone"] = time.perf_counter() - started
    started = time.perf_counter()
    sizes = {level: len(r.units) for level, r in readings.items()}
    groups = province_groups(geography, tuple(readings), sizes)
    attack_parts(bounds, small, Layout(groups, atoms, geography), jobs)
    found["parts"] = _small(bounds, readings)
    for level, (lo, hi) in bounds.items():
        attack_windows(lo, hi, readings[level].starts, readings[level].ends)
    found["combined"] = _small(bounds, readings)
    seconds["parts"] = time.perf_counter() - started
    return found


def run_source(source: str, db_path: Path, read_path: Path, audience: str,
               gazetteer: pd.DataFrame, jobs: int, model: PublicationModel | None = None,
               known: Truth | None = None) -> Outcome:  # fmt: skip
    """Read what ``audience`` is answered from ``read_path``, derive the publication model
    from it (unless given), attack it, score it against the truth of ``db_path`` (``known``:
    true counts of the same views already read, e.g. the analysts' provinces for the
    briefing store).

    Raises:
        query.DatabaseMissingError: if a file cannot be opened.
    """
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    readings, truth, mode = read_offer(read_path, audience, jobs)
    model = interpret_all(readings, model)
    seconds["read"] = time.perf_counter() - started
    found = attack(readings, gazetteer, jobs, seconds)
    started = time.perf_counter()
    truth = _truth(db_path, read_path, readings, truth, known, jobs)
    seconds["truth"] = time.perf_counter() - started
    scores = []
    for name, per_level in found.items():
        for level, (lo, hi) in per_level.items():
            n = truth[level][readings[level].small]
            scores.append(score(name, level, lo, hi, n))
    started = time.perf_counter()
    pair_scores, zero_or_few = attack_pairs(readings, truth)
    seconds["pairs"] = time.perf_counter() - started
    started = time.perf_counter()
    context = attack_context(readings, truth)
    seconds["context"] = time.perf_counter() - started
    return Outcome(source, scores + pair_scores, sum(r.links for r in readings.values()),
                   seconds, model, mode, sum(r.refused for r in readings.values()), truth,
                   readings, zero_or_few, context)  # fmt: skip


def _truth(db_path: Path, read_path: Path, readings: dict[str, Readings], read: Truth | None,
           known: Truth | None, jobs: int) -> Truth:  # fmt: skip
    """The true counts behind the readings: those read with them when read from the
    database itself, those ``known`` when they cover the same views, else counted anew."""
    if read is not None and read_path == db_path:
        return read
    if known and all(level in known and known[level].shape == r.code.shape
                     for level, r in readings.items()):  # fmt: skip
        return {level: known[level] for level in readings}
    return true_counts(db_path, readings, jobs)


def run_groups(db_path: Path, readings: dict[str, Readings], model: PublicationModel,
               seconds: dict[str, float], jobs: int = 1) -> list[Score]:  # fmt: skip
    """Attack (d2), group differencing through the evaluation page, scored at ``group``
    level (the groups' small readings) and ``commune`` level (the communes' small readings
    after it; those of communes in no group as the windows attack left them).

    Raises:
        benchmarks.attack.solver.InfeasibleError: if the readings contradict the model.
    """
    from benchmarks.attack.groups import attack_groups, group_truth, read_groups

    started = time.perf_counter()
    communes = readings["commune"]
    groups = read_groups(db_path, model)
    polygon_ids = commune_polygons(db_path, communes)
    lo, hi = communes.copy_bounds()
    attack_windows(lo, hi, communes.starts, communes.ends)
    (g_lo, g_hi), (c_lo, c_hi) = attack_groups(groups, communes, polygon_ids, (lo, hi), jobs)
    seconds["groups"] = time.perf_counter() - started
    truth = group_truth(db_path, groups)
    commune_truth = true_counts(db_path, {"commune": communes})["commune"]
    small = communes.small
    return [score("groups", "group", g_lo[groups.small], g_hi[groups.small],
                  truth[groups.small]),
            score("groups", "commune", c_lo[small], c_hi[small], commune_truth[small])]  # fmt: skip


def commune_polygons(db_path: Path, communes: Readings) -> list[str]:
    """The commune tables' rows as the map's polygons (its features' ids, in map order)."""
    import query
    from benchmarks.attack.offer import view_filters
    from query import cells

    con = query.open_database(db_path)
    try:
        filters = view_filters(communes.starts[-1], communes.choices[0])
        ids = cells.unit_cells(con, filters, "commune")["unit"].astype(str).tolist()
    finally:
        con.close()
    if len(ids) != len(communes.units):
        raise RuntimeError(f"{len(ids)} commune polygons for {len(communes.units)} rows")
    return ids
