"""An attacker of the atlas's published numbers, and the score of each attack.

The attacker may ask for any link, as many as they like, and reads what the page's download
and ``python -m query.export`` give (``query.export.Exporter``); they know the public
boundaries and population estimates. They want a commune's count of 1 to 4 in some selection:
one the grid publishes (all incidents or arrests and confiscations, of everyone or of the key
populations, in a twelve-month window) or one they can derive (the incidents that are not
arrests or confiscations; those of people outside the key populations). For every such count
with a true value of 1 to 4 (the *targets*), each attack makes a guess; its *hit rate* is the
share of targets guessed exactly, next to that of guessing blindly the most common small count.
The truth is read only to score.

Attacks (``ATTACKS``):
- ``parent_minus_children``: a district's or a province's own count minus the counts shown for
  its communes, when exactly one of them reads ``<5`` (totals in one view; national against
  province focus, since both give the same cells);
- ``neighbour_windows``: every twelve-month window of the commune that the interface offers,
  fitted by non-negative least squares to monthly counts (period differencing over every pair
  of windows the interface allows, averaged);
- ``complements``: all incidents minus arrests and confiscations, everyone minus the key
  populations, where both are shown;
- ``combined``: every estimate above for the target, weighted by the inverse of its noise.
Checks that a cell reads the same in every view, that a rate times its public denominator
gives back only the count shown, and that a chart bar is the map's count are in the tests.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd
from scipy.optimize import nnls

from query import cells
from query.export import Exporter
from query.grid import window_starts
from query.links import ExploreOptions, to_params
from query.view import Filters, add_months

NOISE_VAR = 4.0  # mean variance of the rounding to 5 (r(5 - r) for a remainder r, 0 to 6)
SMALL = (1, 2, 3, 4)
#: The commune grid's cells (type, population) and the selections derived from them.
PUBLISHED = {"all": ("all", "all"), "ac": ("arrests_confiscations", "all"),
             "kp": ("all", "key_populations"), "ac_kp": ("arrests_confiscations",
                                                         "key_populations")}  # fmt: skip
DERIVED = {"not_ac": ("all", "ac"), "not_kp": ("all", "kp")}  # whole minus part
ATTACKS = ("parent_minus_children", "neighbour_windows", "complements", "combined")
Target = tuple[str, date, str]  # commune code, window start, selection


@dataclass
class Estimates:
    """Per target: each attack's estimates, with their variances."""

    by_attack: dict[str, dict[Target, list[tuple[float, float]]]] = field(default_factory=dict)

    def add(self, attack: str, target: Target, value: float, variance: float) -> None:
        """Record one estimate of ``target``."""
        self.by_attack.setdefault(attack, {}).setdefault(target, []).append((value, variance))


def link(filters: Filters, level: str, bounds: tuple[date, date]) -> str:
    """The Explore link of a view (what a user would share)."""
    params = {**to_params(filters, ExploreOptions(level=level), bounds), "level": level}
    return "&".join(f"{k}={v}" for k, v in params.items())


def number(text: str) -> float | None:
    """A count as the table shows it, as a number (None for "<5")."""
    return None if text.startswith("<") else float(text.replace(",", ""))


class Attacker:
    """Reads national views through the export and collects estimates of small counts."""

    def __init__(self, exporter: Exporter, starts: Iterable[date] | None = None) -> None:
        self.exporter = exporter
        self.bounds = exporter.bounds
        self.all_starts = window_starts(self.bounds)
        self.starts = list(starts) if starts is not None else self.all_starts
        self.views: dict[tuple, pd.DataFrame] = {}

    def view(self, start: date, selection: str, level: str) -> pd.DataFrame:
        """One national view's downloaded table, cached."""
        key = (start, selection, level)
        if key not in self.views:
            kind, pop = PUBLISHED[selection]
            table, _ = self.exporter.table(link(Filters(start, kind, pop), level, self.bounds))
            self.views[key] = table
        return self.views[key]

    def collect(self) -> Estimates:
        """Every attack's estimates for every target it can say something about."""
        found = Estimates()
        for start in self.starts:
            for selection in PUBLISHED:
                self._parents(found, start, selection)
            self._complements(found, start)
        for selection in PUBLISHED:
            self._windows(found, selection)
        _combine(found)
        return found

    def _parents(self, found: Estimates, start: date, selection: str) -> None:
        communes = self.view(start, selection, "commune")
        values = communes["incidents"].map(number)
        small = communes["incidents"].str.startswith("<")
        for level, width in (("district", 4), ("province", 2)):
            key = f"{level}_code"
            parents = self.view(start, selection, level).set_index(key)["incidents"]
            prefix = communes["commune_code"].fillna("").str[:width]
            for code, rows in communes.groupby(prefix.to_numpy()).groups.items():
                if not code or code not in parents.index or small[rows].sum() != 1:
                    continue
                parent = number(parents[code])
                if parent is None:
                    continue
                shown = values[rows].dropna()
                target = communes.loc[rows][small[rows]].iloc[0]["commune_code"]
                if isinstance(target, str):
                    variance = NOISE_VAR * (int((shown > 0).sum()) + 1)
                    found.add("parent_minus_children", (target, start, selection),
                              parent - shown.sum(), variance)  # fmt: skip

    def _complements(self, found: Estimates, start: date) -> None:
        for derived, (whole, part) in DERIVED.items():
            wholes = self.view(start, whole, "commune")
            parts = self.view(start, part, "commune")
            for i, code in enumerate(wholes["commune_code"]):
                a, b = number(wholes["incidents"][i]), number(parts["incidents"][i])
                if isinstance(code, str) and a is not None and b is not None:
                    found.add("complements", (code, start, derived), a - b, 2 * NOISE_VAR)

    def _windows(self, found: Estimates, selection: str) -> None:
        """Fit each commune's monthly counts to all its windows (non-negative least squares)."""
        starts = self.all_starts
        months = [add_months(starts[0], i) for i in range(len(starts) + 11)]
        design = np.array([[1.0 if s <= m <= add_months(s, 11) else 0.0 for m in months]
                           for s in starts])  # fmt: skip
        texts = pd.DataFrame({s: self.view(s, selection, "commune")["incidents"]
                              for s in starts})  # fmt: skip
        codes = self.view(starts[0], selection, "commune")["commune_code"]
        wanted = set(self.starts)
        for i, row in texts.iterrows():
            small = row.str.startswith("<").to_numpy()
            if not small.any() or not isinstance(codes[i], str):
                continue
            observed = np.array([2.5 if s else number(v) for s, v in zip(small, row, strict=True)])
            monthly, _ = nnls(design, observed)
            for j in np.flatnonzero(small):
                if starts[j] in wanted:
                    found.add("neighbour_windows", (codes[i], starts[j], selection),
                              float(design[j] @ monthly), NOISE_VAR * 2)  # fmt: skip


def _combine(found: Estimates) -> None:
    combined: dict[Target, list[tuple[float, float]]] = {}
    for attack, targets in found.by_attack.items():
        for target, estimates in targets.items():
            if attack != "combined":
                combined.setdefault(target, []).extend(estimates)
    for target, estimates in combined.items():
        found.add("combined", target, *_pooled(estimates))


@dataclass(frozen=True)
class Score:
    """An attack's hit rate on the small commune counts, next to the blind guess's."""

    attack: str
    targets: int
    informed: int  # targets the attack had an estimate for
    hit_rate: float
    blind_rate: float

    @property
    def advantage(self) -> float:
        """Points of hit rate gained over the blind guess."""
        return 100 * (self.hit_rate - self.blind_rate)


def true_counts(exporter: Exporter, starts: Iterable[date]) -> pd.DataFrame:
    """Every commune's true count in every target selection and window (read only to score):
    ``commune_code``, ``start``, ``selection``, ``n``."""
    codes = exporter.con.execute(
        "SELECT source_id, commune_code FROM communes WHERE commune_code IS NOT NULL"
    ).df()
    polygon_code = dict(zip(codes["source_id"], codes["commune_code"], strict=True))
    frames = []
    for start in starts:
        counts = {}
        for selection, (kind, pop) in PUBLISHED.items():
            truth = cells.unit_cells(exporter.con, Filters(start, kind, pop), "commune")
            counts[selection] = truth.set_index("unit")["n"]
        for derived, (whole, part) in DERIVED.items():
            counts[derived] = counts[whole] - counts[part]
        for selection, n in counts.items():
            known = n[n.index.isin(polygon_code)]
            frames.append(pd.DataFrame({"commune_code": known.index.map(polygon_code),
                                        "start": start, "selection": selection,
                                        "n": known.to_numpy()}))  # fmt: skip
    return pd.concat(frames, ignore_index=True)


def _pooled(estimates: list[tuple[float, float]]) -> tuple[float, float]:
    """Estimates of one target pooled by the inverse of their variances."""
    weights = np.array([1 / v for _, v in estimates])
    values = np.array([e for e, _ in estimates])
    return float(np.sum(weights * values) / weights.sum()), float(1 / weights.sum())


def _guesses(pooled: np.ndarray, variances: np.ndarray, prior: pd.Series) -> np.ndarray:
    """The attacker's best guess for each target: the most probable small value given the
    estimate (Gaussian error of the given variance) and how often each value occurs."""
    values = np.array(SMALL, dtype=float)
    log_prior = np.log(prior.reindex(SMALL).fillna(1e-9).to_numpy())
    log_like = -((pooled[:, None] - values[None, :]) ** 2) / (2 * variances[:, None])
    return values[np.argmax(log_like + log_prior[None, :], axis=1)].astype(int)


def score(found: Estimates, truth: pd.DataFrame) -> list[Score]:
    """Each attack's hit rate over the targets (truth rows with a count of 1 to 4).

    The attacker is given the best use of each attack: its error is calibrated on the truth
    (as an attacker could on a simulation of the published method, which is public), and each
    guess weighs the estimate against how often each small value occurs, so an attack never
    does worse than the blind guess because it is noisy. Where an attack has no estimate, the
    attacker guesses blindly.
    """
    targets = truth[truth["n"].isin(SMALL)]
    prior = targets["n"].value_counts(normalize=True)
    blind = int(prior.idxmax())
    keys = list(zip(targets["commune_code"], targets["start"], targets["selection"],
                    strict=True))  # fmt: skip
    n = targets["n"].to_numpy()
    blind_rate = float(np.mean(n == blind))
    out = []
    for attack in ATTACKS:
        estimates = found.by_attack.get(attack, {})
        informed = np.array([k in estimates for k in keys])
        guesses = np.full(len(keys), blind)
        if informed.any():
            pooled = np.array(
                [_pooled(estimates[k]) for k, i in zip(keys, informed, strict=True) if i]
            )
            errors = (pooled[:, 0] - n[informed]) ** 2 / pooled[:, 1]
            calibrated = pooled[:, 1] * max(float(np.mean(errors)), 1e-6)
            guesses[informed] = _guesses(pooled[:, 0], calibrated, prior)
        hit_rate = float(np.mean(guesses == n))
        out.append(Score(attack, len(keys), int(informed.sum()), hit_rate, blind_rate))
    return out
